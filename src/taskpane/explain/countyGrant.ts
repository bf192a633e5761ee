/**
 * Explains a cell of `Lansbidrag`: the county grant by the rule as written (seed 002: at least 2 MSEK per
 * county, the rest by number of municipalities), the published table beside it (seed 000, Bilaga 2) with
 * the difference, the explicit adjustment, and the 13 MSEK regional support (seed 001, "66 + 13").
 */
import Decimal from "decimal.js";
import { partyCode } from "../../engine/codes";
import { CountyGrantResult, countyGrant, CountyInput } from "../../engine/countyGrant";
import { formatKronor, formatNumberSv, Money } from "../../engine/money";
import { NAME } from "../../workbook/sheets/parameters";
import { ALLOCATION_LABEL, cellText, HEADER, TableView, TWIN_PART } from "../import/tables";
import { allocationFacts, cellDiffers, columnExplanation, partyText, selectedValue } from "./allocation";
import { columnNote } from "./columns";
import { cellAmount, numberIn, parameter, rowNumber } from "./read";
import { CellSnapshot, Explanation, ExplanationFact } from "./types";

/** The named parameters the county-grant explanation reads. */
export const COUNTY_PARAMETERS = [
  NAME.countyTotal,
  NAME.countyBase,
  NAME.countyStep,
  NAME.regional,
  NAME.paymentStep,
] as const;

type Part = "rule" | "regional";

function partsOf(column: string): Part[] {
  if (column === HEADER.regionalWeight) return [];
  if (column.startsWith(`${ALLOCATION_LABEL.countyRule}: `)) return ["rule"];
  if (column.startsWith(`${ALLOCATION_LABEL.regional}: `)) return ["regional"];
  if (([HEADER.published, HEADER.publishedDiff, HEADER.adjustment, HEADER.final] as string[]).includes(column))
    return ["rule"];
  if (([HEADER.total79, HEADER.published79, HEADER.published79Diff] as string[]).includes(column))
    return ["rule", "regional"];
  return [];
}

/** "+500 000 kr", "−500 000 kr", "0 kr". */
function signedKronor(value: Decimal): string {
  if (value.isZero()) return "0 kr";
  return `${value.isNegative() ? "−" : "+"}${formatKronor(value.abs())}`;
}

/**
 * Explains a cell of `Lansbidrag`: rule (base + share of the rest by municipalities), published figure,
 * difference and adjustment, or the regional part, or both for the "66 + 13" columns.
 */
export function explainCountyGrant(snapshot: CellSnapshot, view: TableView): Explanation {
  const column = snapshot.column!;
  const i = snapshot.row!;
  const code = partyCode(view.get(i, HEADER.code));
  const name = cellText(view.get(i, HEADER.county));
  const party = code ? { code: code.text, name } : undefined;
  const parts = partsOf(column);
  const title =
    parts.length === 2
      ? "Länsbidrag och regionala stödstrukturer (66 + 13 mnkr)"
      : parts[0] === "regional"
        ? "Regionala stödstrukturer (13 mnkr)"
        : "Länsbidrag till utvecklingsledare (66 mnkr)";
  if (parts.length === 0 || !code) return columnExplanation(title, column, columnNote(view.name, column), party);

  const rows: { index: number; input: (weight: string) => CountyInput }[] = [];
  let selected = -1;
  for (let r = 0; r < view.rowCount; r++) {
    const c = partyCode(view.get(r, HEADER.code));
    if (!c) continue;
    const place = { row: rowNumber(snapshot, r), party: c.text, name: cellText(view.get(r, HEADER.county)) };
    if (r === i) selected = rows.length;
    rows.push({
      index: r,
      input: (weight) => ({
        code: c,
        row: place.row,
        name: place.name,
        weight: cellAmount(view.get(r, weight), weight.toLowerCase(), place),
      }),
    });
  }
  const rule = countyGrant(
    rows.map((row) => row.input(HEADER.municipalityCount)),
    {
      total: parameter(snapshot, NAME.countyTotal),
      base: parameter(snapshot, NAME.countyBase),
      step: parameter(snapshot, NAME.countyStep),
    }
  );
  const regional = countyGrant(
    rows.map((row) => row.input(HEADER.regionalWeight)),
    { total: parameter(snapshot, NAME.regional), base: 0, step: parameter(snapshot, NAME.paymentStep) }
  );
  const who = partyText(code, name);
  const ruleLine = rule.lines[selected];
  const regionalLine = regional.lines[selected];
  const money = (value: unknown) => new Money(numberIn(value as never) ?? 0);
  const published = numberIn(view.get(i, HEADER.published));
  const adjustment = money(view.get(i, HEADER.adjustment));
  const final = ruleLine.total.plus(adjustment);
  const adjustments = rows.reduce((sum, row) => sum.plus(money(view.get(row.index, HEADER.adjustment))), new Money(0));

  const facts: ExplanationFact[] = [];
  const changes: string[] = [];
  const notes: string[] = [];
  let summary = "";
  let shown: Decimal | undefined;

  if (parts.includes("rule")) {
    facts.push(...ruleFacts(rule, selected, parts.length > 1));
    facts.push({
      label: "Enligt regeln",
      value: `${formatKronor(rule.base)} + ${formatKronor(ruleLine.share.amount)} = ${formatKronor(ruleLine.total)}`,
    });
    if (published !== undefined) {
      const diff = new Money(published).minus(ruleLine.total);
      facts.push({ label: "Publicerat (seed 000, Bilaga 2)", value: formatKronor(published) });
      facts.push({ label: "Publicerat − regel", value: signedKronor(diff) });
      if (diff.isZero()) changes.push("Regeln ger samma belopp som den publicerade tabellen.");
      else if (adjustment.equals(diff))
        changes.push(
          `Justeringen ${signedKronor(adjustment)} ger det publicerade beloppet ${formatKronor(published)}.`
        );
      else
        changes.push(
          `Det publicerade beloppet ${formatKronor(published)} är ${formatKronor(diff.abs())} ${diff.isNegative() ? "mindre" : "mer"} än regeln ` +
            `(en jämkning för små län som inte är nedskriven). Skriv ${signedKronor(diff)} i Justering (kr) för att betala det publicerade beloppet; justeringarna ska summera till 0.`
        );
    }
    facts.push({ label: "Justering", value: signedKronor(adjustment) });
    facts.push({
      label: "Slutligt bidrag",
      value: `${formatKronor(ruleLine.total)} ${adjustment.isNegative() ? "−" : "+"} ${formatKronor(adjustment.abs())} = ${formatKronor(final)}`,
    });
    facts.push({
      label: "Summa justeringar (alla län)",
      value: `${signedKronor(adjustments)}${adjustments.isZero() ? " (ska vara 0: stämmer)" : " (ska vara 0: justera så att summan blir 0)"}`,
    });
    summary =
      `${who} får ${formatKronor(final)}: ${formatKronor(rule.base)} i grundbelopp + ${formatKronor(ruleLine.share.amount)} av resten efter antal kommuner` +
      (adjustment.isZero() ? "" : ` ${signedKronor(adjustment)} i justering`) +
      (published !== undefined ? `; publicerat ${formatKronor(published)}.` : ".");
    shown = column === HEADER.final ? final : ruleLine.total;
  }
  if (parts.includes("regional")) {
    facts.push(
      ...allocationFacts({
        line: regionalLine.share,
        allocation: regional.allocation,
        weightLabel: "regional vikt",
        potName: NAME.regional,
        prefix: "Regionalt: ",
      })
    );
    changes.push(
      "Den regionala delen delas efter kolumnen Regionalt: vikt (indata); samma vikt för alla län ger lika delar (seed 001: ”ca 0,6 mnkr per län”)."
    );
    if (parts.length === 1) {
      summary = `${who} får ${formatKronor(regionalLine.share.amount)} av de regionala stödstrukturerna (${formatKronor(regional.allocation.pot)}).`;
      shown = regionalLine.share.amount;
    }
  }
  if (parts.length === 2) {
    const total = final.plus(regionalLine.share.amount);
    const published79 = numberIn(view.get(i, HEADER.published79));
    facts.push({
      label: "66 + 13: summa",
      value: `${formatKronor(final)} + ${formatKronor(regionalLine.share.amount)} = ${formatKronor(total)}`,
    });
    if (published79 !== undefined) {
      facts.push({ label: "Publicerat 66 + 13 (seed 001)", value: formatKronor(published79) });
      facts.push({ label: "Publicerat 66 + 13 − summa", value: signedKronor(new Money(published79).minus(total)) });
    }
    summary = `${who} får ${formatKronor(total)} av 66 + 13 mnkr: ${formatKronor(final)} i länsbidrag och ${formatKronor(regionalLine.share.amount)} i regionalt stöd.`;
    shown = column === HEADER.total79 ? total : undefined;
  }

  const note = columnNote(view.name, column);
  if (note) notes.push(note);
  const amountColumns = [
    ...[TWIN_PART.countyAmount, TWIN_PART.engine, TWIN_PART.addin].map((p) => `${ALLOCATION_LABEL.countyRule}: ${p}`),
    ...[TWIN_PART.amount, TWIN_PART.engine, TWIN_PART.addin].map((p) => `${ALLOCATION_LABEL.regional}: ${p}`),
    HEADER.final,
    HEADER.total79,
  ];
  if (shown !== undefined && amountColumns.includes(column)) {
    const differs = cellDiffers(selectedValue(snapshot, view), shown);
    if (differs) notes.push(differs);
  }
  return { kind: "amount", title, party, summary, facts, whatWouldChange: changes, notes };
}

/** The base and the rest: "66 000 000 kr − 21 × 2 000 000 kr = 24 000 000 kr", then the share of the rest. */
function ruleFacts(rule: CountyGrantResult, selected: number, prefixed: boolean): ExplanationFact[] {
  const line = rule.lines[selected];
  const counties = rule.lines.length;
  const total = rule.rest.plus(rule.base.times(counties));
  const p = prefixed ? "Länsbidrag: " : "";
  return [
    { label: `${p}Grundbelopp per län`, value: `${formatKronor(rule.base)} (${NAME.countyBase})` },
    {
      label: `${p}Resten som delas efter antal kommuner`,
      value: `${formatKronor(total)} − ${formatNumberSv(counties)} × ${formatKronor(rule.base)} = ${formatKronor(rule.rest)}`,
    },
    ...allocationFacts({
      line: line.share,
      allocation: rule.allocation,
      weightLabel: "antal kommuner",
      potName: `${NAME.countyTotal} − antal län × ${NAME.countyBase}`,
      prefix: `${p}Resten: `,
    }),
  ];
}
