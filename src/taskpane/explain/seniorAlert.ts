/**
 * Explains a cell of `SeniorAlert_kommun` or `SeniorAlert_landsting`, re-run with the engine on the
 * table's current values. Cirkulär 10:11, Mål 2: 50 MSEK to the parties where "samtliga relevanta verksamheter
 * har påbörjat registrering i Senior alert"; "Ersättning per utförd registrering" ("Att bygga infrastruktur för
 * socialtjänsten", bild 14; "Prestationsbaserade statsbidrag till insatser för äldre", bild 8).
 */
import { formatKronor, formatNumberSv } from "../../engine/money";
import { SeniorAlertInput, seniorAlertPayout, SeniorAlertResult } from "../../engine/seniorAlert";
import { SENIOR_ALERT_CONDITIONS } from "../../workbook/conditions";
import { PartyKind } from "../../workbook/inputs";
import { NAME } from "../../workbook/sheets/parameters";
import { ALLOCATION_LABEL, HEADER, TableView, TWIN_PART } from "../import/tables";
import { allocationFacts, amountNotes, columnExplanation, partyRows, partyText, selectedParty } from "./allocation";
import { columnNote } from "./columns";
import { cellCount, cellYesNo, formatQuota, parameter } from "./read";
import { CellSnapshot, Explanation, ExplanationFact } from "./types";

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
 * The party rows of the table as engine inputs, and the index of the selected row among them. A party qualifies
 * when each of its conditions the table holds is yes (the introduction, its own list, all units started).
 */
function partyInputs(snapshot: CellSnapshot, view: TableView): { inputs: SeniorAlertInput[]; selected: number } {
  const conditions = SENIOR_ALERT_CONDITIONS.filter((c) => c.key === "start" || view.has(c.header));
  return partyRows(snapshot, view, HEADER.name, (r, place, code) => {
    const unmet = conditions
      .filter((c) => !cellYesNo(view.get(r, c.header), place, c.header.toLowerCase()))
      .map((c) => c.missing);
    return {
      code,
      row: place.row,
      name: place.name,
      qualifies: unmet.length === 0,
      // Named in the reason when more than the start of registration is missing (seniorAlertUnmet).
      unmet: unmet.length === 1 && unmet[0] === STARTED.missing ? undefined : unmet,
      registrations: cellCount(view.get(r, HEADER.registrations), "registreringar", place),
    };
  });
}

/** The pot re-run on the table's rows, the selected row's index, and how to run it again with other rows. */
interface Run {
  readonly inputs: SeniorAlertInput[];
  readonly selected: number;
  readonly run: (rows: SeniorAlertInput[]) => SeniorAlertResult;
  readonly result: SeniorAlertResult;
}

/** Qualification, registrations, kronor per registration, then the share and its rounding. */
function seniorAlertFacts(current: Run, kind: PartyKind): ExplanationFact[] {
  const { result } = current;
  const line = result.lines[current.selected];
  const unmet = unmetOf(current.inputs[current.selected]);
  return [
    {
      label: "Villkor som inte är uppfyllda",
      value:
        unmet.length === 0
          ? "inga (alla relevanta enheter startat, införandeprocessen och listan klara)"
          : unmet.join("; "),
    },
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
}

/** What starting in every relevant unit, or one more registration, would give the party. */
function whatWouldChange(current: Run, kind: PartyKind, who: string): string[] {
  const line = current.result.lines[current.selected];
  const withChange = (change: Partial<SeniorAlertInput>) =>
    current.run(current.inputs.map((row, k) => (k === current.selected ? { ...row, ...change } : row))).lines[
      current.selected
    ].amount;
  if (!line.qualifies) {
    const unmet = unmetOf(current.inputs[current.selected]);
    const needed =
      unmet.length === 1 && unmet[0] === STARTED.missing
        ? `Start av registrering i alla relevanta enheter (${RELEVANT_UNITS[kind]})`
        : `Att villkoren uppfylls (${unmet.join("; ")})`;
    return [
      `${needed} skulle kvalificera ${who}: ` +
        `med dagens ${formatNumberSv(line.registrations)} registreringar skulle det ge ${formatKronor(withChange({ qualifies: true, unmet: [] }))}, med övriga parters uppgifter oförändrade.`,
    ];
  }
  const next = line.registrations + 1n;
  return [
    `Beloppet följer registreringarna i de relevanta enheterna: ${formatNumberSv(next)} i stället för ${formatNumberSv(line.registrations)} ` +
      `skulle ge ${formatKronor(withChange({ registrations: next.toString() }))}, med övriga parters uppgifter oförändrade.`,
  ];
}

/** The start of registration in all relevant units: the goal itself. */
const STARTED = SENIOR_ALERT_CONDITIONS.find((c) => c.key === "start")!;

/** A party's unmet conditions, by name: its named ones, or only the start when it qualifies on nothing else. */
function unmetOf(input: SeniorAlertInput): readonly string[] {
  return input.unmet ?? (input.qualifies ? [] : [STARTED.missing]);
}

/** Why a party does not qualify, in the sheet's words. */
function unmetText(unmet: readonly string[]): string {
  if (unmet.length === 1 && unmet[0] === STARTED.missing) return "alla relevanta enheter har inte startat registrering";
  return `villkor som inte är uppfyllda: ${unmet.join("; ")}`;
}

/**
 * Explains a cell of a Senior alert table: qualification (all relevant units started), registrations,
 * kronor per registration, share and rounding; for an input or lookup what the column means.
 */
export function explainSeniorAlert(snapshot: CellSnapshot, view: TableView, kind: PartyKind): Explanation {
  const { column, code, name, party } = selectedParty(snapshot, view, HEADER.code, HEADER.name);
  const title = `Senior alert (${kind === "kommun" ? "kommuner" : "landsting"})`;
  if (!column.startsWith(`${ALLOCATION_LABEL.seniorAlert}: `) || !code) {
    return columnExplanation(title, column, columnNote(view.name, column), party);
  }

  const pot = parameter(snapshot, POT[kind]);
  const step = parameter(snapshot, NAME.paymentStep);
  const run = (rows: SeniorAlertInput[]) => seniorAlertPayout(rows, { pot, step });
  const { inputs, selected } = partyInputs(snapshot, view);
  const current: Run = { inputs, selected, run, result: run(inputs) };
  const line = current.result.lines[selected];
  const who = partyText(code, name);

  const amountColumns = [TWIN_PART.amount, TWIN_PART.engine, TWIN_PART.addin].map(
    (part) => `${ALLOCATION_LABEL.seniorAlert}: ${part}`
  );
  return {
    kind: "amount",
    title,
    party,
    summary: line.qualifies
      ? `${who} får ${formatKronor(line.amount)} av Senior alert för ${formatNumberSv(line.registrations)} registreringar (alla relevanta enheter har startat).`
      : `${who} får 0 kr av Senior alert: ${unmetText(unmetOf(inputs[selected]))}.`,
    qualification: { qualifies: line.qualifies, reason: `${line.reason}.` },
    facts: seniorAlertFacts(current, kind),
    whatWouldChange: whatWouldChange(current, kind, who),
    notes: amountNotes(snapshot, view, amountColumns, line.amount),
  };
}
