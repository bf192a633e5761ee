import { CellContent, CellStyle, FORMAT } from "../plan";
import { CellRef, fx, RangeRef } from "../refs";
import { SheetBuilder, TableRefs } from "../sheetBuilder";
import { isYes, PlanContext, reusedDataLine, SHEET, TAB, yesNo } from "./context";
import { ELIGIBLE_APPLICANTS } from "../compute";
import { APPLICANT_KINDS } from "../../input";
import { Expr, join } from "../refs";
import { HEADER } from "./names";
import { CountyGrantRefs } from "./countyGrant";
import { NAMED } from "./parameters";
import { cite } from "../sources";
import { CountyBudgetLine } from "../inputs";

export interface PilotRefs {
  readonly granted: CellRef;
  readonly frame: CellRef;
  /** The ledger, and the sums of what is paid now and what the conditions hold back. */
  readonly table: TableRefs;
  readonly payable: CellRef;
  readonly held: CellRef;
}

/** Who may apply: "Kan sökas av kommuner och landsting samt av privata/enskilda och idéburna verksamheter och organisationer". */
function eligibleFormula(kind: CellRef | RangeRef): Expr {
  return fx`OR(${join(
    ELIGIBLE_APPLICANTS.map((k) => fx`TRIM(${kind})="${k}"`),
    ","
  )})`;
}

/**
 * `Försöksverksamhet`: the ledger of granted pilot projects against the 70 MSEK (by call and application), with each
 * pilot's conditions (who applied, political backing) and what they hold back.
 */
export function pilotsSheet(ctx: PlanContext): { sheet: SheetBuilder; refs: PilotRefs } {
  const pilots = ctx.inputs.pilots;
  const payments = ctx.results.pilots;
  const sheet = new SheetBuilder(SHEET.pilots, TAB.input);
  sheet.line("Försöksverksamheter: beviljade medel mot ramen", "title");
  sheet.line(
    `Fördelas efter utlysning och ansökan, inte efter formel ("Utlysningsförfarande"; "Expertgrupp definierar kriterier": ${cite("infrastructure", 16)}, och ${cite("performance", 10)}). Här förs reskontran och summan stäms av mot ramen.`
  );
  sheet.line(
    `Villkor per försök (gula): vem som sökt, "Kan sökas av kommuner och landsting samt av privata/enskilda och idéburna verksamheter och organisationer" (${cite("infrastructure", 16)}), ` +
      `och "Politisk förankring krävs" (${cite("infrastructure", 16)}; ${cite("performance", 10)}). Ett försök där ett villkor inte är uppfyllt (en sökande som bild 16 inte nämner, annan, eller förankring Nej) hålls inne: beviljat men inte betalt.`
  );
  if (ctx.inputs.synthetic)
    sheet.line("SYNTETISKA DATA: projekten och beloppen är påhittade demonstrationsvärden.", "warning");
  reusedDataLine(ctx, sheet);
  sheet.skip();
  const total = pilots.reduce((s, x) => s + x.grantedKr, 0);
  const granted = sheet.field("Summa beviljat (kr)", { formula: fx`0`, result: total }, "amount", FORMAT.kronor);
  const frame = sheet.field(
    "Ram (kr)",
    { formula: fx`${NAMED.pilots}`, result: ctx.inputs.parameters.pilotsKr },
    "calc",
    FORMAT.kronor
  );
  sheet.field(
    "Kvar att bevilja (kr)",
    { formula: fx`${frame}-${granted}`, result: ctx.inputs.parameters.pilotsKr - total },
    "amount",
    FORMAT.kronor
  );
  sheet.skip();
  const heldKr = payments.reduce((s, x) => s + x.held.heldBack.toNumber(), 0);
  const payableField = sheet.field(
    "Summa betalas nu (kr)",
    { formula: fx`0`, result: total - heldKr },
    "amount",
    FORMAT.kronor
  );
  const heldField = sheet.field("Summa innehålls (kr)", { formula: fx`0`, result: heldKr }, "amount", FORMAT.kronor);
  sheet.skip();
  const table = sheet.table("Forsoksverksamhet", pilots.length, [
    { key: "id", header: "Id", style: "input", numFmt: FORMAT.text, width: 8, value: (i) => pilots[i].id },
    { key: "mottagare", header: "Mottagare", style: "input", width: 30, value: (i) => pilots[i].recipient },
    {
      key: "sokande",
      header: HEADER.applicantKind,
      style: "input",
      width: 20,
      value: (i) => pilots[i].applicantKind,
    },
    {
      key: "forankring",
      header: HEADER.politicalBacking,
      style: "input",
      width: 12,
      value: (i) => yesNo(pilots[i].politicalBacking),
    },
    { key: "projekt", header: "Projekt", style: "input", width: 50, value: (i) => pilots[i].project },
    {
      key: "belopp",
      header: "Beviljat (kr)",
      style: "input",
      numFmt: FORMAT.kronor,
      width: 14,
      value: (i) => pilots[i].grantedKr,
    },
    {
      key: "inne",
      header: "Innehålls (kr)",
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 14,
      formula: (r) => fx`IF(AND(${eligibleFormula(r.at("sokande"))},${isYes(r.at("forankring"))}),0,${r.at("belopp")})`,
      result: (i) => payments[i].held.heldBack.toNumber(),
    },
    {
      key: "betalas",
      header: "Betalas nu (kr)",
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 14,
      formula: (r) => fx`${r.at("belopp")}-${r.at("inne")}`,
      result: (i) => payments[i].held.paid.toNumber(),
    },
    {
      key: "villkor",
      header: HEADER.unmetConditions,
      style: "calc",
      width: 30,
      formula: (r) =>
        fx`MID(IF(${eligibleFormula(r.at("sokande"))},"","; sökande som källan inte nämner")&IF(${isYes(r.at("forankring"))},"","; politisk förankring"),3,200)`,
      result: (i) =>
        [
          ...(payments[i].eligible ? [] : ["sökande som källan inte nämner"]),
          ...(payments[i].backed ? [] : ["politisk förankring"]),
        ].join("; "),
    },
  ]);
  sheet.put(granted, { formula: fx`SUM(${table.col("belopp")})`, result: total }, "amount", FORMAT.kronor);
  sheet.put(
    payableField,
    { formula: fx`SUM(${table.col("betalas")})`, result: total - heldKr },
    "amount",
    FORMAT.kronor
  );
  sheet.put(heldField, { formula: fx`SUM(${table.col("inne")})`, result: heldKr }, "amount", FORMAT.kronor);
  sheet.validate({
    range: table.col("sokande"),
    kind: "list",
    list: APPLICANT_KINDS,
    prompt: "Vem sökte? Bild 16 nämner kommuner, landsting, privata/enskilda och idéburna verksamheter.",
    error: `Välj ${APPLICANT_KINDS.join(", ")}.`,
  });
  sheet.validate({
    range: table.col("forankring"),
    kind: "list",
    list: ["Ja", "Nej"],
    prompt: "Har försöket politisk förankring? Nej håller beloppet inne.",
    error: "Svara Ja eller Nej.",
  });
  sheet.highlight({ range: table.col("inne"), formula: fx`${table.cell("inne", 0)}<>0`, look: "warn" });
  sheet.validate({
    range: table.col("belopp"),
    kind: "decimal",
    min: 0,
    prompt: "Beviljat belopp i kronor",
    error: "Ett belopp i kronor, 0 eller mer.",
  });
  return { sheet, refs: { granted, frame, table, payable: payableField, held: heldField } };
}

export interface BudgetRefs {
  /**
   * Per county: its grant, the sum of its budget and the smallest line (no line may be negative), all
   * sheet-qualified, with the values the engine computed for them.
   */
  readonly counties: readonly {
    code: string;
    grant: CellRef;
    sum: CellRef;
    smallest: CellRef;
    grantKr: number;
    sumKr: number;
    smallestKr: number;
  }[];
}

/** The county's grant as paid (Länsbidrag's final grant on the chosen basis), with that grant's source beside it. */
function grantField(ctx: PlanContext, sheet: SheetBuilder, grants: CountyGrantRefs, code: string, grantKr: number) {
  const row = sheet.row;
  const grant = sheet.field(
    "Länets bidrag som det betalas (kr)",
    {
      formula: fx`IFERROR(INDEX(${grants.table.col("slut")},MATCH("${code}",${grants.table.col("kod")},0)),0)`,
      result: grantKr,
    },
    "calc",
    FORMAT.kronor,
    undefined,
    2
  );
  const publishedSource = `Publicerat: ${cite("sormland", "Bilaga 2")}.`;
  const ruleSource = "Regeln på Länsbidrag (kolumnen Slutligt bidrag).";
  sheet.put(
    sheet.at(3, row),
    {
      formula: fx`IF(${NAMED.paymentBasis}="Publicerat","${publishedSource}","${ruleSource}")`,
      result: ctx.results.countyPayment.basis === "Publicerat" ? publishedSource : ruleSource,
    },
    "note"
  );
  return grant;
}

/** The budget's lines with an amount: an input table (item, kronor, source). */
function budgetLines(sheet: SheetBuilder, code: string, lines: readonly CountyBudgetLine[]): TableRefs {
  const budget = sheet.table(`Lansbudget_${code}`, lines.length, [
    { key: "post", header: "Post", style: "input", width: 46, value: (i) => lines[i].item },
    {
      key: "belopp",
      header: "Belopp (kr)",
      style: "input",
      numFmt: FORMAT.kronor,
      width: 16,
      value: (i) => lines[i].amountKr,
    },
    { key: "kalla", header: "Källa", style: "note", width: 60, value: (i) => lines[i].source },
  ]);
  sheet.validate({
    range: budget.col("belopp"),
    kind: "decimal",
    min: 0,
    prompt: "Belopp i kronor",
    error: "Ett belopp i kronor, 0 eller mer.",
  });
  sheet.row = budget.lastRow + 1;
  return budget;
}

/** One county's budget: its grant as paid, its lines, the rest, the sum and the smallest line. */
function countyBudget(
  ctx: PlanContext,
  sheet: SheetBuilder,
  grants: CountyGrantRefs,
  code: string,
  lines: readonly CountyBudgetLine[]
): BudgetRefs["counties"][number] {
  const counties = [...ctx.inputs.counties].sort((a, b) => (a.code < b.code ? -1 : 1));
  const index = counties.findIndex((c) => c.code === code);
  const grantKr = index >= 0 ? ctx.results.countyPayment.paid[index].toNumber() : 0;
  const field = (label: string, content: CellContent, style: CellStyle, note?: string) =>
    sheet.field(label, content, style, FORMAT.kronor, note, 2);
  sheet.line(`${counties[index]?.name ?? code} (${code})`, "subtitle");
  const grant = grantField(ctx, sheet, grants, code, grantKr);
  const fixedLines = lines.filter((l) => l.amountKr !== null);
  const restLine = lines.find((l) => l.amountKr === null);
  const fixed = fixedLines.reduce((s, l) => s + (l.amountKr ?? 0), 0);
  const amounts = budgetLines(sheet, code, fixedLines).col("belopp");
  const fixedSum = field("Summa poster med belopp (kr)", { formula: fx`SUM(${amounts})`, result: fixed }, "calc");
  const rest = restLine
    ? field(
        `${restLine.item} (resten, kr)`,
        { formula: fx`${grant}-${fixedSum}`, result: grantKr - fixed },
        "amount",
        restLine.source
      )
    : undefined;
  if (rest)
    sheet.highlight({ range: sheet.range(rest, rest), formula: fx`${{ ...rest, absolute: false }}<0`, look: "bad" });
  const sumKr = restLine ? grantKr : fixed;
  const sum = field(
    "Summa budget (kr)",
    { formula: rest ? fx`${fixedSum}+${rest}` : fx`${fixedSum}`, result: sumKr },
    "total"
  );
  const smallestKr = Math.min(...lines.map((l) => (l.amountKr === null ? grantKr - fixed : l.amountKr)));
  const smallest = field(
    "Minsta post (kr)",
    { formula: rest ? fx`MIN(${amounts},${rest})` : fx`MIN(${amounts})`, result: smallestKr },
    "calc",
    "Ingen post får vara negativ: då ryms posterna inte i bidraget."
  );
  return { code, grant, sum, smallest, grantKr, sumKr, smallestKr };
}

/**
 * `Länsbudget`: a county's own budget of its grant as paid (Sörmland: Sörmlandsöverenskommelsen, s. 2, on
 * the grant its own Bilaga 2 publishes). The lines with an amount are inputs in a table; the line without
 * one (the development leaders, whose figure has dropped out of the transcript) takes what is left of the
 * grant, below the table, and must not be negative.
 */
export function countyBudgetSheet(
  ctx: PlanContext,
  grants: CountyGrantRefs
): { sheet: SheetBuilder; refs: BudgetRefs } {
  const sheet = new SheetBuilder(SHEET.countyBudget, TAB.input);
  sheet.line("Länets egen budget för länsbidraget", "title");
  reusedDataLine(ctx, sheet);
  sheet.line(
    `Sörmland (${cite("sormland", 2)}, Budget): gemensamma utvecklingsledare, 500 tkr till kvalitativ uppföljning av multisjuka äldre, 200 tkr till övrigt utbildning. ` +
      `Bidraget är det som länet får betalt: med grunden Publicerat det som Bilaga 2 i samma överenskommelse publicerar för Sörmland, 2,0 mnkr.`
  );
  sheet.line(
    `Jämför: ${cite("performance", 9)} talar om "Möjligt att avsätta medel till kvalitativ uppföljning av multisjuka äldre – ca 300 tkr", där Sörmlands budget har 500 tkr (indata nedan).`
  );
  sheet.line(
    'Beloppet för utvecklingsledarna (och budgetens summa) har fallit bort i transkriptet ("Summa: tkr"): den raden tar det som återstår av bidraget och får inte bli negativ. Nya poster läggs in som rader i tabellen.',
    "warning"
  );
  sheet.skip();
  [46, 16, 60].forEach((width, i) => sheet.width(i + 1, width));
  const byCounty = new Map<string, CountyBudgetLine[]>();
  for (const line of ctx.inputs.countyBudget) byCounty.set(line.county, [...(byCounty.get(line.county) ?? []), line]);
  const counties = [...byCounty].map(([code, lines]) => {
    const refs = countyBudget(ctx, sheet, grants, code, lines);
    sheet.skip();
    return refs;
  });
  return { sheet, refs: { counties } };
}
