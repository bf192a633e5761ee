/**
 * Explains a cell of `Lansbidrag`: the county grant by the rule as written (Sörmlandsöverenskommelsen,
 * Bilaga 2; "Att bygga infrastruktur för socialtjänsten", bild 17: at least 2 MSEK per county, the rest by
 * number of municipalities), the published table beside it (Bilaga 2) with the difference, the explicit
 * adjustment, the grant as paid on the basis chosen on Parametrar (the engine's `countyGrantPaid`), and the
 * 13 MSEK regional support (the engine's `regionalSupport`; bild 17, "Fördelning av 66* + 13 milj. kr").
 */
import Decimal from "decimal.js";
import { PartyCode } from "../../engine/codes";
import {
  CountyGrantResult,
  countyGrant,
  countyGrantPaid,
  CountyInput,
  PAYMENT_BASES,
  PaymentBasis,
  REGIONAL_BASES,
  RegionalBasis,
  regionalSupport,
  regionalSupportPaid,
} from "../../engine/countyGrant";
import { payWhenMet } from "../../engine/conditions";
import { CONDITION_WORDS } from "../../workbook/conditions";
import { formatKronor, formatNumberSv, Money } from "../../engine/money";
import { NAME } from "../../workbook/sheets/parameters";
import { cite } from "../../workbook/sources";
import { ALLOCATION_LABEL, HEADER, TableView, TWIN_PART } from "../import/tables";
import { allocationFacts, amountNotes, columnExplanation, partyRows, partyText, selectedParty } from "./allocation";
import { columnNote } from "./columns";
import {
  cellAmount,
  cellYesNo,
  formatQuota,
  numberIn,
  parameter,
  paymentBasisParameter,
  regionalBasisParameter,
} from "./read";
import { CellSnapshot, Explanation, ExplanationFact } from "./types";

/** The named parameters the county-grant explanation reads. */
export const COUNTY_PARAMETERS = [
  NAME.countyTotal,
  NAME.countyBase,
  NAME.countyStep,
  NAME.regional,
  NAME.paymentStep,
  NAME.paymentBasis,
  NAME.regionalBasis,
] as const;

/** Stockholm's county code: its figure in the table on bild 17 reads "Stockholm 7," in the transcript (a decimal probably lost). */
const STOCKHOLM = "01";

type PartName = "rule" | "regional";

/** The columns of the county grant's part, of the regional support's, and of both. */
const RULE_COLUMNS: readonly string[] = [
  HEADER.published,
  HEADER.publishedDiff,
  HEADER.adjustment,
  HEADER.final,
  HEADER.paidMinusPublished,
  HEADER.developmentPlan,
  HEADER.agreement,
  HEADER.grantHeld,
  HEADER.grantPayable,
];
const REGIONAL_COLUMNS: readonly string[] = [
  HEADER.published13,
  HEADER.regionalAdjustment,
  HEADER.regionalFinal,
  HEADER.regionalPaidMinusPublished,
  HEADER.letterOfIntent,
  HEADER.regionalHeld,
  HEADER.regionalPayable,
];
const BOTH_COLUMNS: readonly string[] = [
  HEADER.total79,
  HEADER.published79,
  HEADER.published79Diff,
  HEADER.unmetConditions,
];

function partsOf(column: string): PartName[] {
  if (column === HEADER.regionalWeight) return [];
  if (column.startsWith(`${ALLOCATION_LABEL.countyRule}: `) || RULE_COLUMNS.includes(column)) return ["rule"];
  if (column.startsWith(`${ALLOCATION_LABEL.regional}: `) || REGIONAL_COLUMNS.includes(column)) return ["regional"];
  if (BOTH_COLUMNS.includes(column)) return ["rule", "regional"];
  return [];
}

/** "+500 000 kr", "−500 000 kr", "0 kr". */
function signedKronor(value: Decimal): string {
  if (value.isZero()) return "0 kr";
  return `${value.isNegative() ? "−" : "+"}${formatKronor(value.abs())}`;
}

/** The table's counties run through the engine: the rule, the grant as paid on the chosen basis, the regional part. */
interface CountyRun {
  readonly selected: number;
  readonly who: string;
  readonly code: PartyCode;
  readonly rule: CountyGrantResult;
  readonly regional: CountyGrantResult;
  readonly basis: PaymentBasis;
  /** The selected county's grant on each basis, and on the chosen one. */
  readonly paidOn: Readonly<Record<PaymentBasis, Decimal>>;
  readonly paid: Decimal;
  /** What of the total the chosen basis leaves undistributed, and the total. */
  readonly undistributed: Decimal;
  readonly total: Decimal;
  readonly published?: number;
  readonly adjustment: Decimal;
  readonly adjustments: Decimal;
  /** The regional support on its basis: the selected county's amount on each basis and the chosen one. */
  readonly regionalBasis: RegionalBasis;
  readonly regionalPaidOn: Readonly<Record<RegionalBasis, Decimal>>;
  readonly regionalPaid: Decimal;
  readonly regionalUndistributed: Decimal;
  readonly regionalPublished: Decimal;
  readonly regionalAdjustment: Decimal;
  /** The county's conditions, as its yes/no cells say. */
  readonly conditions: {
    readonly developmentPlan: boolean;
    readonly agreement: boolean;
    readonly letterOfIntent: boolean;
  };
}

function runCounties(snapshot: CellSnapshot, view: TableView, code: PartyCode, name: string): CountyRun {
  const { inputs: rows, selected } = partyRows(snapshot, view, HEADER.county, (r, place, c) => ({
    index: r,
    input: (weight: string): CountyInput => ({
      ...place,
      code: c,
      weight: cellAmount(view.get(r, weight), weight.toLowerCase(), place),
    }),
  }));
  const rule = countyGrant(
    rows.map((row) => row.input(HEADER.municipalityCount)),
    {
      total: parameter(snapshot, NAME.countyTotal),
      base: parameter(snapshot, NAME.countyBase),
      step: parameter(snapshot, NAME.countyStep),
    }
  );
  const regional = regionalSupport(
    rows.map((row) => row.input(HEADER.regionalWeight)),
    { total: parameter(snapshot, NAME.regional), step: parameter(snapshot, NAME.paymentStep) }
  );
  // Blank cells count as 0, as they do in the sheet's sums.
  const money = (r: number, header: string) => new Money(numberIn(view.get(r, header)) ?? 0);
  // Each county's amount by the rule, its published amount and its adjustment: what a basis pays from.
  const basisRows = (ruleLines: readonly { readonly total: Decimal }[], published: string, adjustment: string) =>
    rows.map((row, k) => ({
      rule: ruleLines[k].total,
      published: money(row.index, published),
      adjustment: money(row.index, adjustment),
    }));
  const payment = basisRows(rule.lines, HEADER.published, HEADER.adjustment);
  const total = parameter(snapshot, NAME.countyTotal);
  const basis = paymentBasisParameter(snapshot);
  const on = (b: PaymentBasis) => countyGrantPaid(b, payment, total);
  const chosen = on(basis);
  const regionalRows = basisRows(regional.lines, HEADER.published13, HEADER.regionalAdjustment);
  const regionalTotal = parameter(snapshot, NAME.regional);
  const regionalBasis = regionalBasisParameter(snapshot);
  const regionalOn = (b: RegionalBasis) => regionalSupportPaid(b, regionalRows, regionalTotal);
  const regionalChosen = regionalOn(regionalBasis);
  const here = rows[selected].index;
  const condition = (header: string) =>
    cellYesNo(view.get(here, header), { row: here + 1, party: code.text }, header.toLowerCase());
  return {
    regionalBasis,
    regionalPaidOn: Object.fromEntries(REGIONAL_BASES.map((b) => [b, regionalOn(b).paid[selected]])) as Record<
      RegionalBasis,
      Decimal
    >,
    regionalPaid: regionalChosen.paid[selected],
    regionalUndistributed: regionalChosen.undistributed,
    regionalPublished: regionalRows[selected].published,
    regionalAdjustment: regionalRows[selected].adjustment,
    conditions: {
      developmentPlan: condition(HEADER.developmentPlan),
      agreement: condition(HEADER.agreement),
      letterOfIntent: condition(HEADER.letterOfIntent),
    },
    selected,
    who: partyText(code, name),
    code,
    rule,
    regional,
    basis,
    paidOn: Object.fromEntries(PAYMENT_BASES.map((b) => [b, on(b).paid[selected]])) as Record<PaymentBasis, Decimal>,
    paid: chosen.paid[selected],
    undistributed: chosen.undistributed,
    total: new Money(total),
    published: numberIn(view.get(rows[selected].index, HEADER.published)),
    adjustment: payment[selected].adjustment,
    adjustments: payment.reduce((sum, p) => sum.plus(p.adjustment), new Money(0)),
  };
}

/**
 * Explains a cell of `Lansbidrag`: rule (base + share of the rest by municipalities), published figure,
 * difference, adjustment and the grant as paid, or the regional part, or both for the "66 + 13" columns.
 */
export function explainCountyGrant(snapshot: CellSnapshot, view: TableView): Explanation {
  const { column, row: i, code, name, party } = selectedParty(snapshot, view, HEADER.code, HEADER.county);
  const parts = partsOf(column);
  const title =
    parts.length === 2
      ? "Länsbidrag och regionala stödstrukturer (66 + 13 mnkr)"
      : parts[0] === "regional"
        ? "Regionala stödstrukturer (13 mnkr)"
        : "Länsbidrag till utvecklingsledare (66 mnkr)";
  if (parts.length === 0 || !code) return columnExplanation(title, column, columnNote(view.name, column), party);

  const run = runCounties(snapshot, view, code, name);
  const part =
    parts.length === 2
      ? bothParts(run, numberIn(view.get(i, HEADER.published79)))
      : parts[0] === "rule"
        ? rulePart(run, column)
        : regionalPart(run, column);
  const notes = [...amountNotes(snapshot, view, amountColumns(), shownIn(run, column) ?? part.shown), ...part.notes];
  return {
    kind: "amount",
    title,
    party,
    summary: part.summary,
    facts: part.facts,
    whatWouldChange: part.changes,
    notes,
  };
}

/** The columns whose cell is an amount the explanation computes. */
function amountColumns(): string[] {
  return [
    ...[TWIN_PART.countyAmount, TWIN_PART.engine, TWIN_PART.addin].map((p) => `${ALLOCATION_LABEL.countyRule}: ${p}`),
    ...[TWIN_PART.amount, TWIN_PART.engine, TWIN_PART.addin].map((p) => `${ALLOCATION_LABEL.regional}: ${p}`),
    HEADER.final,
    HEADER.grantHeld,
    HEADER.grantPayable,
    HEADER.regionalFinal,
    HEADER.regionalHeld,
    HEADER.regionalPayable,
    HEADER.total79,
  ];
}

/** What a county's conditions hold back of its grant and of its regional support (engine: payWhenMet). */
function heldOf(run: CountyRun) {
  const c = run.conditions;
  return {
    grant: payWhenMet(run.paid, [c.developmentPlan, c.agreement]),
    regional: payWhenMet(run.regionalPaid, [c.letterOfIntent]),
  };
}

/** The amount a column's cell shows for the selected county, where the explanation computes it. */
function shownIn(run: CountyRun, column: string): Decimal | undefined {
  const held = heldOf(run);
  const amounts: Readonly<Record<string, Decimal>> = {
    [HEADER.final]: run.paid,
    [HEADER.grantHeld]: held.grant.heldBack,
    [HEADER.grantPayable]: held.grant.paid,
    [HEADER.regionalFinal]: run.regionalPaid,
    [HEADER.regionalHeld]: held.regional.heldBack,
    [HEADER.regionalPayable]: held.regional.paid,
    [HEADER.total79]: run.paid.plus(run.regionalPaid),
  };
  return amounts[column];
}

/** What one part of the explanation says, and the amount its cell should show (if it is an amount). */
interface Part {
  readonly summary: string;
  readonly facts: ExplanationFact[];
  readonly changes: string[];
  readonly notes: string[];
  readonly shown?: Decimal;
}

/** How the chosen basis arrives at the grant paid: "det publicerade beloppet = 7 000 000 kr". */
function paidText(run: CountyRun): string {
  const ruleTotal = formatKronor(run.rule.lines[run.selected].total);
  switch (run.basis) {
    case "Publicerat":
      return `det publicerade beloppet = ${formatKronor(run.paid)}`;
    case "Regeln":
      return `regelns bidrag = ${formatKronor(run.paid)}`;
    case "Regeln med justeringar":
      return `${ruleTotal} ${run.adjustment.isNegative() ? "−" : "+"} ${formatKronor(run.adjustment.abs())} = ${formatKronor(run.paid)}`;
  }
}

/** The rule (base and share of the rest), the published figure, the adjustment and the grant as paid. */
function rulePart(run: CountyRun, column: string): Part {
  const line = run.rule.lines[run.selected];
  const facts: ExplanationFact[] = [
    ...ruleFacts(run.rule, run.selected),
    {
      label: "Enligt regeln",
      value: `${formatKronor(run.rule.base)} + ${formatKronor(line.share.amount)} = ${formatKronor(line.total)}`,
    },
  ];
  if (run.published !== undefined) {
    facts.push({ label: "Publicerat (Sörmlandsöverenskommelsen, Bilaga 2)", value: formatKronor(run.published) });
    facts.push({ label: "Publicerat − regel", value: signedKronor(new Money(run.published).minus(line.total)) });
  }
  facts.push(
    { label: "Justering", value: signedKronor(run.adjustment) },
    {
      label: "Summa justeringar (alla län)",
      value: `${signedKronor(run.adjustments)}${run.adjustments.isZero() ? " (ska vara 0: stämmer)" : " (ska vara 0: justera så att summan blir 0)"}`,
    },
    { label: "Grund för utbetalning", value: `${run.basis} (${NAME.paymentBasis})` },
    { label: "Slutligt bidrag", value: paidText(run) },
    {
      label: "Ej fördelat av länsbidraget (alla län)",
      value: `${formatKronor(run.total)} − ${formatKronor(run.total.minus(run.undistributed))} = ${formatKronor(run.undistributed)}`,
    },
    ...conditionFacts(run, "grant")
  );
  const ruleSummary = `${formatKronor(run.rule.base)} i grundbelopp + ${formatKronor(line.share.amount)} av resten efter antal kommuner`;
  const published = run.published !== undefined ? `; publicerat ${formatKronor(run.published)}` : "";
  const summary = column.startsWith(`${ALLOCATION_LABEL.countyRule}: `)
    ? `${run.who} får ${formatKronor(line.total)} enligt regeln: ${ruleSummary}${published}. Med grunden ${run.basis} betalas ${formatKronor(run.paid)}.`
    : run.basis === "Publicerat"
      ? `${run.who} får ${formatKronor(run.paid)} med grunden Publicerat, beloppet i Bilaga 2 (enligt regeln ${formatKronor(line.total)}).`
      : `${run.who} får ${formatKronor(run.paid)} med grunden ${run.basis}: ${ruleSummary}` +
        (run.basis === "Regeln med justeringar" && !run.adjustment.isZero()
          ? ` ${signedKronor(run.adjustment)} i justering`
          : "") +
        `${published}.`;
  return {
    summary,
    facts,
    changes: ruleChanges(run),
    notes: [],
    shown: column === HEADER.final ? run.paid : line.total,
  };
}

/** The county's conditions for a part and what they hold back: "plan för utvecklingsarbetet: Ja", "Innehålls: 0 kr". */
function conditionFacts(run: CountyRun, part: "grant" | "regional"): ExplanationFact[] {
  const c = run.conditions;
  const yes = (met: boolean) => (met ? "Ja" : "Nej: beloppet hålls inne");
  const held = heldOf(run)[part];
  const conditions: ExplanationFact[] =
    part === "grant"
      ? [
          {
            label: `Villkor: ${CONDITION_WORDS.developmentPlan} (${cite("circular", "avsnitt 2")})`,
            value: yes(c.developmentPlan),
          },
          { label: `Villkor: ${CONDITION_WORDS.agreement} (${cite("infrastructure", 15)})`, value: yes(c.agreement) },
        ]
      : [
          {
            label: `Villkor: ${CONDITION_WORDS.letterOfIntent} (${cite("infrastructure", 18)})`,
            value: yes(c.letterOfIntent),
          },
        ];
  return [
    ...conditions,
    { label: "Innehålls", value: formatKronor(held.heldBack) },
    { label: "Betalas nu", value: formatKronor(held.paid) },
  ];
}

/** Which basis pays what, and what would make the rule pay the published figure. */
function ruleChanges(run: CountyRun): string[] {
  const line = run.rule.lines[run.selected];
  const others = PAYMENT_BASES.map((b) => `${b} ${formatKronor(run.paidOn[b])}`).join(", ");
  const changes = [`Grunden för utbetalning (${NAME.paymentBasis} på Parametrar) avgör vad länet får: ${others}.`];
  if (run.published === undefined) return changes;
  const diff = new Money(run.published).minus(line.total);
  if (diff.isZero()) changes.push("Regeln ger samma belopp som den publicerade tabellen.");
  else if (run.adjustment.equals(diff))
    changes.push(
      `Justeringen ${signedKronor(run.adjustment)} ger det publicerade beloppet ${formatKronor(run.published)} med grunden Regeln med justeringar.`
    );
  else
    changes.push(
      `Det publicerade beloppet ${formatKronor(run.published)} är ${formatKronor(diff.abs())} ${diff.isNegative() ? "mindre" : "mer"} än regeln ` +
        `(en jämkning för små län som inte är nedskriven). Med grunden Regeln med justeringar betalar ${signedKronor(diff)} i Justering (kr) det publicerade beloppet; justeringarna ska summera till 0.`
    );
  return changes;
}

/** How the chosen basis arrives at the regional support paid. */
function regionalPaidText(run: CountyRun): string {
  const equal = formatKronor(run.regional.lines[run.selected].share.amount);
  const adjusted = (from: string) =>
    `${from} ${run.regionalAdjustment.isNegative() ? "−" : "+"} ${formatKronor(run.regionalAdjustment.abs())} = ${formatKronor(run.regionalPaid)}`;
  switch (run.regionalBasis) {
    case "Publicerat":
      return `bild 17 minus Bilaga 2 = ${formatKronor(run.regionalPaid)} (en läsning)`;
    case "Lika delar":
      return `lika delar = ${formatKronor(run.regionalPaid)} (ett antagande)`;
    case "Publicerat med justeringar":
      return adjusted(formatKronor(run.regionalPublished));
    case "Lika delar med justeringar":
      return adjusted(equal);
  }
}

/** The regional support: the county's amount on the chosen basis (the published reading or equal shares), and its condition. */
function regionalPart(run: CountyRun, column?: string): Part {
  const line = run.regional.lines[run.selected];
  const pot = run.regional.allocation.pot;
  const n = run.regional.lines.length;
  // The equal shares' own columns (the twin's), not the columns of the amount paid on a basis.
  const equalShares = Object.values(TWIN_PART).some((part) => column === `${ALLOCATION_LABEL.regional}: ${part}`);
  const facts: ExplanationFact[] = [
    ...allocationFacts({
      line: line.share,
      allocation: run.regional.allocation,
      weightLabel: "regional vikt",
      potName: NAME.regional,
      prefix: "Lika delar: ",
    }),
    {
      label: "Publicerat (bild 17 minus Bilaga 2, en läsning)",
      value: formatKronor(run.regionalPublished),
    },
    { label: "Regionalt: justering", value: signedKronor(run.regionalAdjustment) },
    { label: "Grund för utbetalning", value: `${run.regionalBasis} (${NAME.regionalBasis})` },
    { label: "Regionalt stöd enligt grunden", value: regionalPaidText(run) },
    {
      label: "Ej fördelat av det regionala stödet (alla län)",
      value: formatKronor(run.regionalUndistributed),
    },
    ...conditionFacts(run, "regional"),
  ];
  const others = REGIONAL_BASES.map((b) => `${b} ${formatKronor(run.regionalPaidOn[b])}`).join(", ");
  return {
    summary: equalShares
      ? `${run.who} får ${formatKronor(line.share.amount)} av de regionala stödstrukturerna (${formatKronor(pot)}) i lika delar; med grunden ${run.regionalBasis} betalas ${formatKronor(run.regionalPaid)}.`
      : `${run.who} får ${formatKronor(run.regionalPaid)} i regionalt stöd med grunden ${run.regionalBasis}.`,
    facts,
    changes: [
      `Grunden för det regionala stödet (${NAME.regionalBasis} på Parametrar) avgör vad länet får: ${others}.`,
      `Lika delar: ${formatKronor(pot)} / ${n} = ${formatQuota(pot.dividedBy(n))} per län, ett antagande; tabellen på bild 17 i ${cite("infrastructure")} minus Bilaga 2 ger 0,6 mnkr för de flesta län, en läsning.`,
    ],
    notes:
      run.code.text === STOCKHOLM
        ? [
            `Stockholms publicerade tillägg är en läsning: transkriptet har "Stockholm 7," med en decimal som fallit bort (7,0 eller lika troligt 7,6).`,
          ]
        : [],
    shown: equalShares ? line.share.amount : run.regionalPaid,
  };
}

/** The grant as paid plus the regional part, against the table "Fördelning av 66* + 13 milj. kr". */
function bothParts(run: CountyRun, published79: number | undefined): Part {
  const rule = rulePart(run, HEADER.final);
  const regional = regionalPart(run);
  const regionalAmount = run.regionalPaid;
  const total = run.paid.plus(regionalAmount);
  // The rule's facts are labelled "Länsbidrag: …" where they stand beside the regional part's.
  const facts = [...rule.facts.map((f) => ({ ...f, label: `Länsbidrag: ${f.label}` })), ...regional.facts];
  facts.push({
    label: "66 + 13: summa",
    value: `${formatKronor(run.paid)} + ${formatKronor(regionalAmount)} = ${formatKronor(total)}`,
  });
  const notes: string[] = [];
  if (published79 !== undefined) {
    facts.push({ label: "Publicerat 66 + 13 (Att bygga infrastruktur, bild 17)", value: formatKronor(published79) });
    facts.push({ label: "Publicerat 66 + 13 − summa", value: signedKronor(new Money(published79).minus(total)) });
    if (run.code.text === STOCKHOLM)
      notes.push(
        `Stockholms siffra i tabellen på bild 17 i ${cite("infrastructure")} är en läsning: transkriptet har "Stockholm 7," med en decimal som fallit bort (7,0 eller lika troligt 7,6).`
      );
  }
  return {
    summary: `${run.who} får ${formatKronor(total)} av 66 + 13 mnkr: ${formatKronor(run.paid)} i länsbidrag (grunden ${run.basis}) och ${formatKronor(regionalAmount)} i regionalt stöd.`,
    facts,
    changes: [...rule.changes, ...regional.changes],
    notes,
    shown: total,
  };
}

/** The base and the rest: "66 000 000 kr − 21 × 2 000 000 kr = 24 000 000 kr", then the share of the rest. */
function ruleFacts(rule: CountyGrantResult, selected: number): ExplanationFact[] {
  const line = rule.lines[selected];
  const counties = rule.lines.length;
  const total = rule.rest.plus(rule.base.times(counties));
  return [
    { label: "Grundbelopp per län", value: `${formatKronor(rule.base)} (${NAME.countyBase})` },
    {
      label: "Resten som delas efter antal kommuner",
      value: `${formatKronor(total)} − ${formatNumberSv(counties)} × ${formatKronor(rule.base)} = ${formatKronor(rule.rest)}`,
    },
    ...allocationFacts({
      line: line.share,
      allocation: rule.allocation,
      weightLabel: "antal kommuner",
      potName: `${NAME.countyTotal} − antal län × ${NAME.countyBase}`,
      prefix: "Resten: ",
    }),
  ];
}
