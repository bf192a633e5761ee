/**
 * Explains a row of `UK_avrakning`: the settlement of one municipality, month and kind of care, re-run
 * with the engine on the individuals in `UK_individer` as they are now ("Länsgemensam ledning i samverkan",
 * Kalmar län, bild 10): above 3 days on average after the joint analysis, every day above 3 is billed per
 * individual; psychiatry is billed above 20 days per individual. The group, the limits that apply to its kind
 * of care and what would change the outcome are the engine's (`dischargeGroupKey`, `limitsFor`,
 * `dischargeOutlook`); the month and the kind of care are read as every other face reads them (`src/input`).
 */
import Decimal from "decimal.js";
import { PartyCode, partyCode } from "../../engine/codes";
import {
  CareKind,
  dischargeGroupKey,
  DischargeOutlook,
  dischargeOutlook,
  DischargeResult,
  DischargeRules,
  dischargeSettlement,
  limitsFor,
} from "../../engine/discharge";
import { ErrorPlace, RuleError } from "../../engine/errors";
import { formatKronor, formatNumberSv } from "../../engine/money";
import { Label, readCare, readMonth, Refused } from "../../input";
import { NAME } from "../../workbook/sheets/parameters";
import { DISCHARGE_COLUMNS } from "../import/preview";
import { cellText, HEADER, TABLE, TableView } from "../import/tables";
import { amountNotes, columnExplanation, selectedParty } from "./allocation";
import { columnNote } from "./columns";
import { cellCount, parameter, plural, quotientText, read, rowNumber } from "./read";
import { CellSnapshot, Explanation, ExplanationFact } from "./types";

/** The named parameters the discharge explanation reads. */
export const DISCHARGE_PARAMETERS = [
  NAME.price,
  NAME.dayLimit,
  NAME.averageLimit,
  NAME.psychiatryDayLimit,
  NAME.psychiatryAverageLimit,
] as const;

/** The columns of `UK_avrakning` that say who the row is: explained as columns, not as the settlement. */
const IDENTITY: readonly string[] = [HEADER.municipality, HEADER.name, HEADER.month, HEADER.monthNumber, HEADER.care];

/** The columns that hold the group's amount. */
const AMOUNT: readonly string[] = [HEADER.dischargeAmount, HEADER.dischargeEngine, HEADER.dischargeAddin];

/** One settlement row's group: its municipality, month and kind of care, and the key that joins its individuals. */
interface Group {
  readonly code: PartyCode;
  readonly who: string;
  readonly month: string;
  readonly care: CareKind;
  readonly key: string;
}

/** A row's month and kind of care, read as the input module reads them (a refusal is the row's problem). */
function monthAndCare(view: TableView, r: number, place: ErrorPlace): { month: string; care: CareKind } {
  return {
    month: read(readMonth(view.get(r, HEADER.month), Label.month), place),
    care: read(readCare(view.get(r, HEADER.care), Label.care), place),
  };
}

/** "Utskrivningsklara, somatik 2018-03", from the row as it reads, or as it is typed when it does not read. */
function titleOf(view: TableView, i: number): string {
  const month = readMonth(view.get(i, HEADER.month), Label.month);
  const care = readCare(view.get(i, HEADER.care), Label.care);
  const careText =
    care instanceof Refused ? cellText(view.get(i, HEADER.care)) : care === "psykiatri" ? "psykiatri" : "somatik";
  return `Utskrivningsklara, ${careText} ${month instanceof Refused ? cellText(view.get(i, HEADER.month)) : month}`;
}

/** The individuals' table, checked for the columns the explanation reads. */
function individualsTable(snapshot: CellSnapshot): TableView {
  const values = snapshot.tables?.[TABLE.dischargeIndividuals];
  if (!values) {
    throw new RuleError(
      "notAvailable",
      `förklaringen behöver tabellen ${TABLE.dischargeIndividuals} (bladet UK individer). Bygg arbetsboken på nytt om tabellen saknas.`
    );
  }
  const view = new TableView(TABLE.dischargeIndividuals, values);
  const missing = view.missing(DISCHARGE_COLUMNS);
  if (missing.length > 0) {
    throw new RuleError(
      "notAvailable",
      `tabellen ${TABLE.dischargeIndividuals} saknar kolumnerna ${missing.join(", ")}.`
    );
  }
  return view;
}

function individualText(view: TableView, r: number): string {
  return [HEADER.municipality, HEADER.month, HEADER.individual].map((h) => cellText(view.get(r, h))).join(", ");
}

/** The rows of `UK_individer` in the group: same municipality, and the same key once month and care are read. */
function groupRows(individuals: TableView, group: Group): number[] {
  const rows: number[] = [];
  for (let r = 0; r < individuals.rowCount; r++) {
    if (partyCode(individuals.get(r, HEADER.municipality))?.key !== group.code.key) continue;
    const { month, care } = monthAndCare(individuals, r, { row: r + 1, party: individualText(individuals, r) });
    if (dischargeGroupKey(group.code.text, month, care) === group.key) rows.push(r);
  }
  return rows;
}

/** The price and both kinds of care's limits, from the named parameters. */
function dischargeRules(snapshot: CellSnapshot): DischargeRules {
  return {
    pricePerDay: parameter(snapshot, NAME.price),
    somatic: { dayLimit: parameter(snapshot, NAME.dayLimit), averageLimit: parameter(snapshot, NAME.averageLimit) },
    psychiatry: {
      dayLimit: parameter(snapshot, NAME.psychiatryDayLimit),
      averageLimit: parameter(snapshot, NAME.psychiatryAverageLimit),
    },
  };
}

/** The group settled as reported and after the analysis, with the limits of its kind of care. */
interface Settlement {
  readonly group: Group;
  readonly individuals: TableView;
  readonly rows: readonly number[];
  readonly reported: DischargeResult;
  readonly settled: DischargeResult;
}

function settle(snapshot: CellSnapshot, group: Group): Settlement {
  const individuals = individualsTable(snapshot);
  const rows = groupRows(individuals, group);
  const rules = dischargeRules(snapshot);
  const params = { pricePerDay: rules.pricePerDay, ...limitsFor(group.care, rules) };
  // Rows of UK_individer are numbered within that table (the snapshot's firstRow is for UK_avrakning).
  const run = (header: string) =>
    dischargeSettlement(
      rows.map((r) => ({
        row: r + 1,
        days: cellCount(individuals.get(r, header), header.toLowerCase(), {
          row: r + 1,
          party: individualText(individuals, r),
        }),
      })),
      params
    );
  return { group, individuals, rows, reported: run(HEADER.daysReported), settled: run(HEADER.daysAfter) };
}

/**
 * Explains a row of `UK_avrakning` from the individuals of its municipality, month and care in
 * `UK_individer` (the snapshot's `tables`): averages against the limit, days over the day limit, price.
 */
export function explainDischarge(snapshot: CellSnapshot, view: TableView): Explanation {
  const { column, row: i, code, name, party } = selectedParty(snapshot, view, HEADER.municipality, HEADER.name);
  const title = titleOf(view, i);
  if (IDENTITY.includes(column) || !code) return columnExplanation(title, column, columnNote(view.name, column), party);

  const { month, care } = monthAndCare(view, i, { row: rowNumber(snapshot, i), party: code.text, name });
  const who = `${code.text}${name ? ` ${name}` : ""}`;
  const s = settle(snapshot, { code, who, month, care, key: dischargeGroupKey(code.text, month, care) });
  return {
    kind: "amount",
    title,
    party,
    summary: summaryText(s),
    qualification: { qualifies: s.settled.billed, reason: reasonText(s.settled) },
    facts: settlementFacts(s),
    whatWouldChange: outlookText(dischargeOutlook(s.reported, s.settled), s),
    notes: amountNotes(snapshot, view, AMOUNT, s.settled.amount),
  };
}

const days = (count: Decimal) => `${formatNumberSv(count)} ${plural(count.toNumber(), "dag", "dagar")}`;
const limitOf = (r: DischargeResult) => formatNumberSv(r.averageLimit);
const dayLimitOf = (r: DischargeResult) => formatNumberSv(r.dayLimit);

/** As reported: is the joint analysis required (would anything be billed)? */
function reportedText(r: DischargeResult): string {
  if (r.averageLimit.isZero()) {
    return r.billed
      ? `${averageText(r)}: någon individ har fler än ${dayLimitOf(r)} dagar, analys med landstinget krävs`
      : `${averageText(r)}: ingen individ har fler än ${dayLimitOf(r)} dagar, ingen analys krävs`;
  }
  const against = `${averageText(r)} ${r.averageExceeded ? ">" : "≤"} ${limitOf(r)}`;
  if (r.billed) return `${against}: analys med landstinget krävs`;
  return r.averageExceeded
    ? `${against}, men ingen individ har fler än ${dayLimitOf(r)} dagar: ingen analys krävs`
    : `${against}: ingen analys krävs`;
}

/** After the analysis: is anything billed? */
function settledText(r: DischargeResult): string {
  const outcome = r.billed ? "debiteras" : "debiteras inte";
  if (r.averageLimit.isZero())
    return `${averageText(r)} (inget snittvillkor: ${NAME.psychiatryAverageLimit} = 0): ${outcome}`;
  const against = `${averageText(r)} ${r.averageExceeded ? ">" : "≤"} ${limitOf(r)}`;
  return r.averageExceeded && !r.billed
    ? `${against}, men ingen individ har fler än ${dayLimitOf(r)} dagar: ${outcome}`
    : `${against}: ${outcome}`;
}

function settlementFacts(s: Settlement): ExplanationFact[] {
  const { reported, settled } = s;
  const dayLimit = dayLimitOf(settled);
  const facts: ExplanationFact[] = [
    { label: "Individer", value: String(settled.individuals) },
    { label: "Snitt rapporterat", value: reportedText(reported) },
    { label: "Snitt efter analys", value: settledText(settled) },
  ];
  const over = s.rows
    .map((r, k) => ({
      id: cellText(s.individuals.get(r, HEADER.individual)),
      days: settled.billableDaysPerIndividual[k],
    }))
    .filter((x) => x.days.greaterThan(0));
  if (over.length > 0) {
    const shown = over
      .slice(0, 8)
      .map(
        (x) => `${x.id}: ${formatNumberSv(x.days.plus(settled.dayLimit))} − ${dayLimit} = ${formatNumberSv(x.days)}`
      );
    facts.push({
      label: `Dagar över ${dayLimit} per individ`,
      value: shown.join("; ") + (over.length > 8 ? `; och ${over.length - 8} till` : ""),
    });
  }
  facts.push({ label: "Debiterbara dagar", value: formatNumberSv(settled.billableDays) });
  facts.push({ label: "Pris per dag", value: `${formatKronor(settled.pricePerDay)} (${NAME.price})` });
  facts.push({
    label: "Belopp",
    value: `${formatNumberSv(settled.billableDays)} × ${formatKronor(settled.pricePerDay)} = ${formatKronor(settled.amount)}`,
  });
  return facts;
}

function summaryText(s: Settlement): string {
  const { who, month, care } = s.group;
  const { settled } = s;
  const when = `för ${month} (${care})`;
  const dayLimit = dayLimitOf(settled);
  const billable = `${days(settled.billableDays)} över ${dayLimit} per individ`;
  if (settled.individuals === 0) return `${who} debiteras inte ${when}: inga individer i gruppen.`;
  if (settled.averageLimit.isZero()) {
    return settled.billed
      ? `${who} debiteras ${formatKronor(settled.amount)} ${when}: inget snittvillkor, ${billable}.`
      : `${who} debiteras inte ${when}: inget snittvillkor, och ingen individ har fler än ${dayLimit} dagar.`;
  }
  const average = `snittet efter analys (${averageText(settled)})`;
  if (settled.billed)
    return `${who} debiteras ${formatKronor(settled.amount)} ${when}: ${average} överstiger ${limitOf(settled)}, så ${billable} debiteras.`;
  return settled.averageExceeded
    ? `${who} debiteras inte ${when}: ${average} överstiger ${limitOf(settled)}, men ingen individ har fler än ${dayLimit} dagar.`
    : `${who} debiteras inte ${when}: ${average} överstiger inte ${limitOf(settled)}.`;
}

/** Why the group is billed or not, in the pane's words (the limits as the workbook has them). */
function reasonText(settled: DischargeResult): string {
  const dayLimit = dayLimitOf(settled);
  if (settled.individuals === 0) return "Inga individer i gruppen: ingen debitering.";
  if (settled.averageLimit.isZero()) {
    return settled.billed
      ? `Inget snittvillkor: dagarna över ${dayLimit} per individ debiteras.`
      : `Inget snittvillkor, och ingen individ har fler än ${dayLimit} dagar: ingen debitering.`;
  }
  if (settled.billed)
    return `Snittet efter analys överstiger ${limitOf(settled)}: dagarna över ${dayLimit} per individ debiteras.`;
  return settled.averageExceeded
    ? `Snittet efter analys överstiger ${limitOf(settled)}, men ingen individ har fler än ${dayLimit} dagar: ingen debitering.`
    : `Snittet efter analys överstiger inte ${limitOf(settled)}: ingen debitering.`;
}

/** What would change the outcome, in words, from the engine's figures (`dischargeOutlook`). */
function outlookText(outlook: DischargeOutlook, s: Settlement): string[] {
  const { reported, settled } = s;
  const n = settled.individuals;
  const limit = limitOf(settled);
  const dayLimit = dayLimitOf(settled);
  switch (outlook.kind) {
    case "none":
      return [];
    case "dayLimitOnly":
      return outlook.daysOver.isZero()
        ? [`Ingen individ har fler än ${dayLimit} dagar: inget debiteras.`]
        : [
            `Inget snittvillkor: varje dag över ${dayLimit} per individ debiteras. ${days(outlook.daysOver)} färre (högst ${dayLimit} per individ) skulle ge 0 kr.`,
          ];
    case "billed":
      if (!settled.billed)
        return [`Ingen individ har fler än ${dayLimit} dagar: inget debiteras, hur högt snittet än är.`];
      return [
        `${days(outlook.fewer)} färre efter analys skulle ge snitt ≤ ${limit} ` +
          `(${formatNumberSv(outlook.allowed)} / ${n} ${quotientText(outlook.allowed, n)}) och ingen debitering.`,
      ];
    case "notBilled": {
      const average = `${formatNumberSv(outlook.needed)} / ${n} ${quotientText(outlook.needed, n, settled.averageLimit)}`;
      if (outlook.reachable) {
        return [
          `Om analysen hade lämnat kvar ${days(outlook.more)} fler (av de ${days(outlook.removed)} den räknade bort) skulle snittet ` +
            `överstiga ${limit} (${average}) och dagarna över ${dayLimit} per individ debiteras.`,
        ];
      }
      return [
        `Snittet efter analys kan inte bli högre än det rapporterade (${averageText(reported)}), och det överstiger inte ${limit}. ` +
          `Debitering skulle kräva minst ${days(outlook.needed)} för ${n} ${plural(n, "individ", "individer")} (${average}), ` +
          `${days(outlook.needed.minus(reported.totalDays))} fler än de rapporterade.`,
      ];
    }
  }
}

/** "16 / 4 = 4,00 dagar", "5 / 3 ≈ 1,67 dagar"; "inga individer" for an empty group. */
function averageText(result: DischargeResult): string {
  if (result.average === null) return "inga individer";
  return `${formatNumberSv(result.totalDays)} / ${result.individuals} ${quotientText(result.totalDays, result.individuals, result.averageLimit)} dagar`;
}
