/**
 * Explains a cell of `SeniorAlert_kommun` or `SeniorAlert_landsting`, re-run with the engine on the
 * table's current values. Cirkulär 10:11, Mål 2: 50 MSEK to the parties where "samtliga relevanta verksamheter
 * har påbörjat registrering i Senior alert"; "Ersättning per utförd registrering" ("Att bygga infrastruktur för
 * socialtjänsten", bild 14; "Prestationsbaserade statsbidrag till insatser för äldre", bild 8).
 */
import { partyCode } from "../../engine/codes";
import { formatKronor, formatNumberSv } from "../../engine/money";
import { SeniorAlertInput, seniorAlertPayout } from "../../engine/seniorAlert";
import { PartyKind } from "../../workbook/inputs";
import { NAME } from "../../workbook/sheets/parameters";
import { ALLOCATION_LABEL, cellText, HEADER, TableView, TWIN_PART } from "../import/tables";
import { allocationFacts, cellDiffers, columnExplanation, partyText, selectedValue } from "./allocation";
import { columnNote } from "./columns";
import { cellCount, cellYesNo, formatQuota, parameter, rowNumber } from "./read";
import { CellSnapshot, Explanation } from "./types";

const POT: Readonly<Record<PartyKind, string>> = {
  kommun: NAME.seniorAlertKommun,
  landsting: NAME.seniorAlertLandsting,
};

/**
 * The relevant units ("Att bygga infrastruktur för socialtjänsten", bild 14; "Prestationsbaserade statsbidrag
 * till insatser för äldre", bild 8: "sjukhus (medicin, geriatrik, kirurgi, ortopedi, infektion)").
 */
const RELEVANT_UNITS: Readonly<Record<PartyKind, string>> = {
  kommun: "särskilt boende (SÄBO), hemsjukvård och korttidsboende",
  landsting: "vårdavdelningarna inom medicin, geriatrik, kirurgi, ortopedi och infektion",
};

/** The named parameters the Senior alert explanation reads. */
export function seniorAlertParameters(kind: PartyKind): string[] {
  return [POT[kind], NAME.paymentStep];
}

/**
 * Explains a cell of a Senior alert table: qualification (all relevant units started), registrations,
 * kronor per registration, share and rounding; for an input or lookup what the column means.
 */
export function explainSeniorAlert(snapshot: CellSnapshot, view: TableView, kind: PartyKind): Explanation {
  const column = snapshot.column!;
  const i = snapshot.row!;
  const code = partyCode(view.get(i, HEADER.code));
  const name = cellText(view.get(i, HEADER.name));
  const party = code ? { code: code.text, name } : undefined;
  const title = `Senior alert (${kind === "kommun" ? "kommuner" : "landsting"})`;
  if (!column.startsWith(`${ALLOCATION_LABEL.seniorAlert}: `) || !code) {
    return columnExplanation(title, column, columnNote(view.name, column), party);
  }

  const pot = parameter(snapshot, POT[kind]);
  const step = parameter(snapshot, NAME.paymentStep);
  const inputs: SeniorAlertInput[] = [];
  let selected = -1;
  for (let r = 0; r < view.rowCount; r++) {
    const c = partyCode(view.get(r, HEADER.code));
    if (!c) continue;
    const place = { row: rowNumber(snapshot, r), party: c.text, name: cellText(view.get(r, HEADER.name)) };
    if (r === i) selected = inputs.length;
    inputs.push({
      code: c,
      row: place.row,
      name: place.name,
      qualifies: cellYesNo(view.get(r, HEADER.started), place),
      registrations: cellCount(view.get(r, HEADER.registrations), "registreringar", place),
    });
  }
  const run = (rows: SeniorAlertInput[]) => seniorAlertPayout(rows, { pot, step });
  const result = run(inputs);
  const line = result.lines[selected];
  const who = partyText(code, name);

  const facts = [
    { label: "Alla relevanta enheter startat", value: line.qualifies ? "Ja" : "Nej" },
    { label: "Registreringar", value: formatNumberSv(line.registrations) },
    { label: "Kvalificerad", value: line.qualifies ? "Ja" : "Nej" },
    {
      label: "Kronor per registrering (före avrundning)",
      value:
        result.perRegistration === null
          ? "ingen kvalificerad part har registreringar"
          : `${formatKronor(result.allocation.distributed)} / ${formatNumberSv(result.allocation.totalWeight)} registreringar = ${formatQuota(result.perRegistration)}`,
    },
    ...allocationFacts({
      line: line.share,
      allocation: result.allocation,
      weightLabel: "registreringar",
      potName: POT[kind],
    }),
  ];

  const changes: string[] = [];
  const withChange = (change: Partial<SeniorAlertInput>) =>
    run(inputs.map((row, k) => (k === selected ? { ...row, ...change } : row))).lines[selected].amount;
  if (!line.qualifies) {
    changes.push(
      `Start av registrering i alla relevanta enheter (${RELEVANT_UNITS[kind]}) skulle kvalificera ${who}: ` +
        `med dagens ${formatNumberSv(line.registrations)} registreringar skulle det ge ${formatKronor(withChange({ qualifies: true }))}, med övriga parters uppgifter oförändrade.`
    );
  } else {
    const next = line.registrations + 1n;
    changes.push(
      `Beloppet följer registreringarna i de relevanta enheterna: ${formatNumberSv(next)} i stället för ${formatNumberSv(line.registrations)} ` +
        `skulle ge ${formatKronor(withChange({ registrations: next.toString() }))}, med övriga parters uppgifter oförändrade.`
    );
  }

  const notes: string[] = [];
  const note = columnNote(view.name, column);
  if (note) notes.push(note);
  const amountColumns = [TWIN_PART.amount, TWIN_PART.engine, TWIN_PART.addin].map(
    (part) => `${ALLOCATION_LABEL.seniorAlert}: ${part}`
  );
  if (amountColumns.includes(column)) {
    const differs = cellDiffers(selectedValue(snapshot, view), line.amount);
    if (differs) notes.push(differs);
  }
  return {
    kind: "amount",
    title,
    party,
    summary: line.qualifies
      ? `${who} får ${formatKronor(line.amount)} av Senior alert för ${formatNumberSv(line.registrations)} registreringar (alla relevanta enheter har startat).`
      : `${who} får 0 kr av Senior alert: alla relevanta enheter har inte startat registrering.`,
    qualification: { qualifies: line.qualifies, reason: `${line.reason}.` },
    facts,
    whatWouldChange: changes,
    notes,
  };
}
