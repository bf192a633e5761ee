/**
 * `Andel`: one party's page, on demand. Choose a municipality or county council (code or name) and the page
 * shows, in native formulas over the pot sheets, for each pot whether it qualifies and why, its weight and
 * amount, the total and a sentence in plain Swedish; it prints on one A4 page as the party's decision letter.
 * The texts are built from whole numbers (a rate as tenths of a per cent, kronor grouped by thousands), so
 * that every spreadsheet program and locale shows the same words; the cached values are the same texts
 * made from the engine's results.
 */
import { PaymentBasis } from "../../engine/countyGrant";
import { PalliativeLine } from "../../engine/palliative";
import { SeniorAlertLine } from "../../engine/seniorAlert";
import { PaymentRow } from "../payments";
import { FORMAT } from "../plan";
import { CellRef, Expr, fx, Term } from "../refs";
import { ColumnSpec, SheetBuilder, TableRefs } from "../sheetBuilder";
import { cite } from "../sources";
import { twinKeys } from "./allocationColumns";
import { isYes, PlanContext, reusedDataLine, SHEET, TAB } from "./context";
import { NAMED } from "./parameters";
import { PaymentRefs, PaymentSources } from "./payments";

/** The page is columns A to E wide. */
const PAGE_COLUMNS = 5;

/** The table of the page's lines, one per pot. Part of the workbook's interface. */
export const SHARE_TABLE = "Andel_poster";
export const CHOICES_TABLE = "Andel_val";
/** The workbook name of the page's party code (Förklara reads it), and of the cell where the party is chosen (the pane's "Min andel" writes it). */
export const SHARE_CODE_NAME = "Andel_Kod";
export const SHARE_CHOICE_NAME = "Andel_Part";

export interface ShareSources extends PaymentSources {
  readonly payments: PaymentRefs;
}

export interface ShareRefs {
  /** The cell where the party is chosen. */
  readonly party: CellRef;
  /** The chosen party's code, as the page finds it. */
  readonly code: CellRef;
  readonly table: TableRefs;
  /** The sum paid to the party, and its value for the party chosen when the file is written. */
  readonly total: CellRef;
  readonly totalKr: number;
  readonly chosenCode: string;
}

// ---------------------------------------------------------------------------------------------------
// Texts from whole numbers: a formula and the same text in TypeScript, for the cached value

/** q = QUOTIENT(n, d) and the rest n − d·q, as DESIGN.md advises instead of MOD. */
const rest = (n: Term, d: number) => fx`(${n}-${d}*QUOTIENT(${n},${d}))`;

/** Whole kronor grouped by thousands with spaces: 1234567 → "1 234 567" (below a thousand million). */
export function kronorText(x: Term): Expr {
  const n = fx`ROUND(${x},0)`;
  const three = (v: Expr) => fx`RIGHT("00"&${v},3)`;
  return fx`IF(${n}>=1000000,QUOTIENT(${n},1000000)&" "&${three(rest(fx`QUOTIENT(${n},1000)`, 1000))}&" "&${three(rest(n, 1000))},IF(${n}>=1000,QUOTIENT(${n},1000)&" "&${three(rest(n, 1000))},${n}&""))`;
}

export function kronorTextJs(x: number): string {
  const n = Math.round(x);
  const three = (v: number) => String(v).padStart(3, "0");
  if (n >= 1_000_000) return `${Math.floor(n / 1_000_000)} ${three(Math.floor(n / 1000) % 1000)} ${three(n % 1000)}`;
  if (n >= 1000) return `${Math.floor(n / 1000)} ${three(n % 1000)}`;
  return String(n);
}

/** Tenths of a per cent as "45,0 %". */
const permilleText = (p: Expr) => fx`QUOTIENT(${p},10)&","&${rest(p, 10)}&" %"`;
const permilleTextJs = (p: bigint) => `${p / 10n},${p % 10n} %`;

/** A threshold share as "40 %" or "42,5 %". */
const thresholdText = (share: Term) => {
  const t = fx`ROUND(${share}*1000,0)`;
  return fx`QUOTIENT(${t},10)&IF(${rest(t, 10)}=0,"",","&${rest(t, 10)})&" %"`;
};
function thresholdTextJs(share: number): string {
  const t = Math.round(share * 1000);
  return `${Math.floor(t / 10)}${t % 10 === 0 ? "" : `,${t % 10}`} %`;
}

// ---------------------------------------------------------------------------------------------------

/** The party's figures on the page: where each is looked up, keyed by its pot table's column. */
interface PartyCells {
  readonly code: CellRef;
  readonly kind: CellRef;
  readonly name: CellRef;
}

/** A column of the party's own table (the municipalities' or the county councils'), by the kind of party. */
function ofParty(p: PartyCells, tables: { kommun: TableRefs; landsting: TableRefs }, key: string): Expr {
  const at = (t: TableRefs) => fx`INDEX(${t.col(key)},MATCH(${p.code},${t.col("kod")},0))`;
  return fx`IFERROR(IF(${p.kind}="Kommun",${at(tables.kommun)},${at(tables.landsting)}),"")`;
}

/** One line of the table: its pot, whether it qualifies, why, its weight and its amount (formulas and cached values). */
interface ShareLine {
  readonly pot: string;
  readonly qualifies: [Expr, string];
  readonly why: [Expr, string];
  readonly weight: [Expr, number | string];
  readonly amount: [Expr, number];
}

/** A palliative tier's line: the rate against the threshold, and the registrations still needed. */
function tierLine(
  s: ShareSources,
  p: PartyCells,
  facts: { deaths: CellRef; registrations: CellRef },
  tier: "b" | "o",
  line: PalliativeLine | undefined,
  shareOf: number
): ShareLine {
  const k = twinKeys(tier);
  const threshold = tier === "b" ? NAMED.baseThreshold : NAMED.bonusThreshold;
  const { deaths: d, registrations: r } = facts;
  const qualified = ofParty(p, s.palliative.tables, `${tier}_kval`);
  const needed = fx`MAX(0,QUOTIENT(ROUND(${threshold}*1000000,0)*${d}+999999,1000000)-${r})`;
  const why = fx`IF(${d}=0,"0 dödsfall under mätperioden: ingen registreringsgrad",${permilleText(fx`QUOTIENT(${r}*1000,${d})`)}&IF(${qualified}="Ja"," ≥ "," < ")&${thresholdText(threshold)}&" ("&${r}&" av "&${d}&")"&IF(${qualified}="Ja","",": "&${needed}&IF(${needed}=1," registrering"," registreringar")&" till behövs"))`;
  return {
    pot: tier === "b" ? "Palliativregistret, nivå 1" : "Palliativregistret, nivå 2",
    qualifies: [qualified, line ? (line.qualifies ? "Ja" : "Nej") : ""],
    why: [fx`IFERROR(${why},"")`, line ? tierWhyJs(line, shareOf) : ""],
    weight: [ofParty(p, s.palliative.tables, k.weight), line ? line.share.weight.toNumber() : ""],
    amount: [fx`N(${ofParty(p, s.palliative.tables, k.amount)})`, line ? line.amount.toNumber() : 0],
  };
}

function tierWhyJs(line: PalliativeLine, thresholdShare: number): string {
  if (line.deaths === 0n) return "0 dödsfall under mätperioden: ingen registreringsgrad";
  const rate = permilleTextJs((line.registrations * 1000n) / line.deaths);
  const threshold = thresholdTextJs(thresholdShare);
  const counts = ` (${line.registrations} av ${line.deaths})`;
  if (line.qualifies) return `${rate} ≥ ${threshold}${counts}`;
  const needed = line.registrationsToQualify ?? 0n;
  return `${rate} < ${threshold}${counts}: ${needed}${needed === 1n ? " registrering" : " registreringar"} till behövs`;
}

/** The Senior alert line: qualified when all relevant units have started; the weight is the registrations. */
function seniorAlertLine(
  s: ShareSources,
  p: PartyCells,
  started: CellRef,
  line: SeniorAlertLine | undefined
): ShareLine {
  const why = (yes: boolean) =>
    yes
      ? "Alla relevanta enheter har startat registrering: ersättning per registrering"
      : "Alla relevanta enheter har inte startat registrering";
  return {
    pot: "Senior alert",
    qualifies: [fx`IF(${isYes(started)},"Ja","Nej")`, line?.qualifies ? "Ja" : "Nej"],
    why: [fx`IF(${isYes(started)},"${why(true)}","${why(false)}")`, why(line?.qualifies ?? false)],
    weight: [ofParty(p, s.seniorAlert.tables, twinKeys("s").weight), line ? line.share.weight.toNumber() : ""],
    amount: [fx`N(${ofParty(p, s.seniorAlert.tables, twinKeys("s").amount)})`, line ? line.amount.toNumber() : 0],
  };
}

/** What the engine gives the county of a county council's page: its grant as paid and its regional support. */
interface CountyFacts {
  readonly basis: PaymentBasis;
  readonly municipalities: number;
  readonly regionalWeight: number;
  readonly grant: number;
  readonly regional: number;
}

/** The county's grant or regional support: paid to the county's recipient, shown on the county council's page. */
function countyLine(
  s: ShareSources,
  p: PartyCells,
  part: "grant" | "regional",
  county: CountyFacts | undefined
): ShareLine {
  const t = s.county.table;
  const at = (col: string) => fx`IFERROR(INDEX(${t.col(col)},MATCH(${p.code},${t.col("kod")},0)),0)`;
  const grant = part === "grant";
  const to = grant ? "Länsbidrag till länets mottagare, grund: " : "Regionalt stöd till länets mottagare";
  const notHere = "Betalas till länet, inte till kommunen";
  return {
    pot: grant ? "Länsbidrag (66 mnkr)" : "Regionala stödstrukturer (13 mnkr)",
    qualifies: [fx`""`, ""],
    why: [
      fx`IF(${p.kind}="Landsting",${grant ? fx`"${to}"&${NAMED.paymentBasis}` : fx`"${to}"`},"${notHere}")`,
      county ? (grant ? `${to}${county.basis}` : to) : notHere,
    ],
    // The rule's weight (municipalities) plays no part when the published table is paid: then it is not shown.
    weight: [
      grant
        ? fx`IF(AND(${p.kind}="Landsting",${NAMED.paymentBasis}<>"Publicerat"),${at("kommuner")},"")`
        : fx`IF(${p.kind}="Landsting",${at("rvikt")},"")`,
      county ? (grant ? (county.basis === "Publicerat" ? "" : county.municipalities) : county.regionalWeight) : "",
    ],
    amount: [
      fx`IF(${p.kind}="Landsting",${at(grant ? "slut" : twinKeys("r").amount)},0)`,
      county ? (grant ? county.grant : county.regional) : 0,
    ],
  };
}

/** The party chosen when the file is written, and the engine's results for it. */
function chosenParty(ctx: PlanContext, rows: readonly PaymentRow[]) {
  const row = rows[0];
  const kind = row.kind === "Kommun" ? "kommun" : "landsting";
  const line = <L extends { code: { text: string } }>(lines: readonly L[]) =>
    lines.find((l) => l.code.text === row.code);
  const counties = [...ctx.inputs.counties].sort((a, b) => (a.code < b.code ? -1 : 1));
  const c = counties.findIndex((x) => x.code === row.code);
  const county: CountyFacts | undefined =
    row.kind === "Landsting" && c >= 0
      ? {
          basis: ctx.results.countyPayment.basis,
          municipalities: counties[c].municipalities,
          regionalWeight: ctx.results.regional.lines[c].share.weight.toNumber(),
          grant: ctx.results.countyPayment.paid[c].toNumber(),
          regional: ctx.results.regional.lines[c].total.toNumber(),
        }
      : undefined;
  return {
    row,
    label: `${row.code} ${row.recipient}`,
    base: line(ctx.results.palliative[kind].base.lines),
    bonus: line(ctx.results.palliative[kind].bonus.lines),
    seniorAlert: line(ctx.results.seniorAlert[kind].result.lines),
    county,
  };
}

/** The party's identity from the chosen text: its code (by code, by name, or "code name"), kind and name. */
function identify(
  sheet: SheetBuilder,
  payments: TableRefs,
  choice: CellRef,
  chosen: ReturnType<typeof chosenParty>
): PartyCells {
  const find = (what: Term, col: string) => fx`INDEX(${payments.col("kod")},MATCH(${what},${payments.col(col)},0))`;
  // A code typed into the cell after its text format was lost arrives as a number (0114 as 114, 04 as 4).
  const typed = fx`IF(ISNUMBER(${choice}),TEXT(${choice},IF(${choice}>=100,"0000","00")),${choice})`;
  const code = sheet.field(
    "Kod",
    {
      formula: fx`IFERROR(${find(typed, "kod")},IFERROR(${find(choice, "mottagare")},IFERROR(${find(fx`LEFT(${choice},FIND(" ",${choice}&" ")-1)`, "kod")},"")))`,
      result: chosen.row.code,
    },
    "calc",
    FORMAT.text
  );
  const of = (col: string) => fx`IFERROR(INDEX(${payments.col(col)},MATCH(${code},${payments.col("kod")},0)),"")`;
  const name = sheet.field("Namn", { formula: of("mottagare"), result: chosen.row.recipient }, "calc");
  const kind = sheet.field("Typ", { formula: of("typ"), result: chosen.row.kind }, "calc");
  return { code, kind, name };
}

/** The list of parties to choose from ("0114 Upplands Väsby"), a table right of the printed page. */
function choices(sheet: SheetBuilder, payments: PaymentRefs, column: number): TableRefs {
  const parties = payments.rows.filter((r) => r.kind !== "Länsbidrag");
  const row = sheet.row;
  sheet.row = 1;
  const list = sheet.table(
    CHOICES_TABLE,
    parties.length,
    [
      {
        key: "val",
        header: "Välj bland",
        style: "reference",
        width: 30,
        formula: (_r, i) => fx`${payments.table.cell("kod", i, true)}&" "&${payments.table.cell("mottagare", i, true)}`,
        result: (i) => `${parties[i].code} ${parties[i].recipient}`,
      },
    ],
    column
  );
  sheet.row = row;
  return list;
}

/** The table of the page: one line per pot; each column a formula and its cached value from a line. */
function linesTable(sheet: SheetBuilder, lines: readonly ShareLine[]): TableRefs {
  const column = (
    key: "qualifies" | "why" | "weight" | "amount",
    header: string,
    width: number,
    style: "calc" | "amount" = "calc",
    numFmt?: string
  ): ColumnSpec => ({
    key,
    header,
    style,
    numFmt,
    width,
    formula: (_r, i) => lines[i][key][0],
    result: (i) => lines[i][key][1],
  });
  return sheet.table(SHARE_TABLE, lines.length, [
    { key: "pott", header: "Pott", style: "label", width: 30, value: (i) => lines[i].pot },
    column("qualifies", "Kvalificerad", 12),
    column("why", "Varför", 60),
    column("weight", "Vikt", 12, "calc", FORMAT.count),
    column("amount", "Belopp (kr)", 16, "amount", FORMAT.kronor),
  ]);
}

/** "0114 Upplands Väsby får 1 234 kr i prestationsersättning för 2010: …" (formula and cached text). */
function sentence(
  ctx: PlanContext,
  p: PartyCells,
  table: TableRefs,
  totals: { party: CellRef; county: CellRef },
  chosen: ReturnType<typeof chosenParty>,
  amounts: { party: number; county: number }
): [Expr, string] {
  const q = (i: number) => table.cell("qualifies", i, true);
  const verdict = (i: number) => fx`IF(${q(i)}="Ja","kvalificerad","inte kvalificerad")`;
  const formula = fx`${p.name}&" får "&${kronorText(totals.party)}&" kr i prestationsersättning för "&${NAMED.year}&": "&${verdict(0)}&" för nivå 1 och "&${verdict(1)}&" för nivå 2 i Palliativregistret, "&${verdict(2)}&" för Senior alert."&IF(${p.kind}="Landsting"," Länets mottagare får "&${kronorText(totals.county)}&" kr i länsbidrag och regionalt stöd.","")`;
  const v = (yes: boolean | undefined) => (yes ? "kvalificerad" : "inte kvalificerad");
  const text =
    `${chosen.row.recipient} får ${kronorTextJs(amounts.party)} kr i prestationsersättning för ${ctx.inputs.parameters.year}: ` +
    `${v(chosen.base?.qualifies)} för nivå 1 och ${v(chosen.bonus?.qualifies)} för nivå 2 i Palliativregistret, ${v(chosen.seniorAlert?.qualifies)} för Senior alert.` +
    (chosen.county ? ` Länets mottagare får ${kronorTextJs(amounts.county)} kr i länsbidrag och regionalt stöd.` : "");
  return [formula, text];
}

/** The page's closing lines: the basis of the figures and the sources, by their titles. */
function basisAndSources(ctx: PlanContext, sheet: SheetBuilder): void {
  sheet.line("Grund och källor", "subtitle");
  for (const text of [
    `Parametrar ${ctx.inputs.parameters.year} (bladet Parametrar): trösklar, potter, fördelningen mellan kommuner och landsting och grunden för länsbidraget.`,
    `Palliativregistret och Senior alert: ${cite("circular", "avsnitt 1")}; två steg och fördelning: ${cite("infrastructure", "12–14")}.`,
    `Länsbidraget: ${cite("sormland", "Bilaga 2")}; ${cite("infrastructure", 17)}.`,
    ...(ctx.inputs.synthetic
      ? ["SYNTETISKA DATA: registeruppgifterna är påhittade demonstrationsvärden, inte ett beslut."]
      : []),
  ])
    sheet.paragraph(
      text,
      PAGE_COLUMNS,
      Math.ceil(text.length / 120),
      text.startsWith("SYNTETISKA") ? "warning" : "paragraph"
    );
}

/** The party's own figures: deaths, registrations, population, Senior alert's start and registrations. */
function partyFacts(sheet: SheetBuilder, s: ShareSources, p: PartyCells, chosen: ReturnType<typeof chosenParty>) {
  const line = chosen.base;
  const field = (
    label: string,
    tables: { kommun: TableRefs; landsting: TableRefs },
    key: string,
    result: number | string
  ) =>
    sheet.field(
      label,
      { formula: ofParty(p, tables, key), result },
      "calc",
      typeof result === "number" ? FORMAT.count : undefined
    );
  const pal = s.palliative.tables;
  const sa = s.seniorAlert.tables;
  return {
    deaths: field("Dödsfall under mätperioden", pal, "dod", line ? Number(line.deaths) : ""),
    registrations: field("Registreringar i Palliativregistret", pal, "reg", line ? Number(line.registrations) : ""),
    population: field("Folkmängd", pal, "bef", line ? Number(line.population) : ""),
    started: field(
      "Senior alert: alla relevanta enheter startat",
      sa,
      "start",
      chosen.seniorAlert ? (chosen.seniorAlert.qualifies ? "Ja" : "Nej") : ""
    ),
    saRegistrations: field(
      "Senior alert: registreringar",
      sa,
      "reg",
      chosen.seniorAlert ? Number(chosen.seniorAlert.registrations) : ""
    ),
  };
}

/**
 * `Andel`: one party's page (see the file's comment). The choice is a text cell with a list of the parties;
 * a code or a name typed instead is understood too.
 */
export function shareSheet(ctx: PlanContext, s: ShareSources): { sheet: SheetBuilder; refs: ShareRefs } {
  const p = ctx.inputs.parameters;
  const chosen = chosenParty(ctx, s.payments.rows);
  const sheet = new SheetBuilder(SHEET.share, TAB.output);
  const titleRow = sheet.row++;
  sheet.paragraph(
    "Underlag för en kommun eller ett landsting. Välj parten i den gula cellen (kod eller namn); allt annat är formler över bladen Palliativ, Senior alert, Länsbidrag och Utbetalningar.",
    PAGE_COLUMNS,
    2
  );
  if (ctx.inputs.synthetic) sheet.line("SYNTETISKA DATA: beloppen bygger på påhittade registervärden.", "warning");
  reusedDataLine(ctx, sheet);
  sheet.skip();
  const choice = sheet.field("Part (kod eller namn)", chosen.label, "input", FORMAT.text);
  const party = identify(sheet, s.payments.table, choice, chosen);
  ctx.names.push({ name: SHARE_CHOICE_NAME, ref: choice }, { name: SHARE_CODE_NAME, ref: party.code });
  sheet.put(
    sheet.at(1, titleRow),
    {
      formula: fx`"Statsbidrag för de mest sjuka äldre "&${NAMED.year}&": "&IF(${party.name}="","välj en part",${party.name})`,
      result: `Statsbidrag för de mest sjuka äldre ${p.year}: ${chosen.row.recipient}`,
    },
    "title"
  );
  const today = Math.floor(Date.now() / 86_400_000) + 25_569;
  // The letter's date is an input (the day the file was written), so that it does not change when opened again.
  sheet.field("Datum", today, "input", "yyyy-mm-dd", "ändra till beslutsdagen");
  const facts = partyFacts(sheet, s, party, chosen);
  sheet.skip();
  const lines = [
    tierLine(s, party, facts, "b", chosen.base, p.palliativeBaseThreshold),
    tierLine(s, party, facts, "o", chosen.bonus, p.palliativeBonusThreshold),
    seniorAlertLine(s, party, facts.started, chosen.seniorAlert),
    countyLine(s, party, "grant", chosen.county),
    countyLine(s, party, "regional", chosen.county),
  ];
  const table = linesTable(sheet, lines);
  sheet.row = table.lastRow + 1;
  const amounts = {
    party: lines.slice(0, 3).reduce((t, l) => t + l.amount[1], 0),
    county: lines[3].amount[1] + lines[4].amount[1],
  };
  const amount = (i: number) => table.cell("amount", i, true);
  const total = sheet.field(
    "Summa till parten (kr)",
    { formula: fx`${amount(0)}+${amount(1)}+${amount(2)}`, result: amounts.party },
    "total",
    FORMAT.kronor,
    undefined,
    5
  );
  const county = sheet.field(
    "Till länets mottagare (kr)",
    { formula: fx`${amount(3)}+${amount(4)}`, result: amounts.county },
    "calc",
    FORMAT.kronor,
    undefined,
    5
  );
  sheet.skip();
  const [formula, text] = sentence(ctx, party, table, { party: total, county }, chosen, amounts);
  sheet.paragraph({ formula, result: text }, PAGE_COLUMNS, 3, "summary");
  sheet.skip();
  basisAndSources(ctx, sheet);
  const lastRow = sheet.row;
  const list = choices(sheet, s.payments, PAGE_COLUMNS + 3);
  sheet.validate({
    range: sheet.range(choice, choice),
    kind: "list",
    source: list.col("val"),
    errorStyle: "warning",
    prompt: "Välj kommun eller landsting i listan, eller skriv koden eller namnet.",
    error: "Parten finns inte i listan. Skriv en kod (0114, 04) eller ett namn som på bladet Utbetalningar.",
  });
  sheet.setPrintArea(sheet.range({ column: 1, row: 1 }, { column: PAGE_COLUMNS, row: lastRow }));
  return {
    sheet,
    refs: { party: choice, code: party.code, table, total, totalKr: amounts.party, chosenCode: chosen.row.code },
  };
}
