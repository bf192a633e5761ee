import { REGIONAL_EQUAL_WEIGHT } from "../../engine/countyGrant";
import { County, PublishedCountyGrant } from "../inputs";
import { FORMAT } from "../plan";
import { CellRef, fx } from "../refs";
import { ColumnSpec, SheetBuilder, TableRefs } from "../sheetBuilder";
import { fillPotRows, PotCells, reservePotRows, twinColumns, twinKeys } from "./allocationColumns";
import { PlanContext, reusedDataNote, SHEET, TAB } from "./context";
import { ALLOCATION_LABEL, HEADER, TABLE, TWIN_PART } from "./names";
import { NAMED } from "./parameters";
import { lookup, ReferenceTables, UNKNOWN_CODE } from "./reference";
import { cite } from "../sources";

export interface CountyGrantRefs {
  readonly table: TableRefs;
  readonly rule: PotCells;
  readonly regional: PotCells;
  /** Sums below the table. */
  readonly sums: {
    readonly rule: CellRef;
    readonly published: CellRef;
    readonly adjustment: CellRef;
    readonly final: CellRef;
    readonly regional: CellRef;
    readonly published79: CellRef;
    readonly total79: CellRef;
  };
}

/** What the sheet shows per county, in the county table's order (by code), from the engine and the sources. */
interface CountyRows {
  readonly counties: readonly County[];
  /** The rule's grant: base + share of the rest (engine). */
  readonly rule: (i: number) => number;
  /** The regional support (engine). */
  readonly regional: (i: number) => number;
  readonly published: (i: number) => number;
  readonly published79: (i: number) => number;
  /** The grant as paid, on the basis the file is written with (engine). */
  readonly paid: (i: number) => number;
}

function countyRows(ctx: PlanContext): CountyRows {
  const { countyRule, regional } = ctx.results;
  const counties = [...ctx.inputs.counties].sort((a, b) => (a.code < b.code ? -1 : 1));
  const published = new Map<string, PublishedCountyGrant>(ctx.inputs.publishedCountyGrant.map((g) => [g.code, g]));
  return {
    counties,
    rule: (i) => countyRule.lines[i].totalNumber,
    regional: (i) => regional.lines[i].totalNumber,
    published: (i) => published.get(counties[i].code)?.publishedKr ?? 0,
    published79: (i) => published.get(counties[i].code)?.publishedWithRegionalKr ?? 0,
    paid: (i) => ctx.results.countyPayment.paid[i].toNumber(),
  };
}

/** Code, name, number of municipalities and the code as a number (for ties). */
function identityColumns(rows: CountyRows, reference: ReferenceTables): ColumnSpec[] {
  const { counties } = rows;
  return [
    {
      key: "kod",
      header: HEADER.code,
      style: "reference",
      numFmt: FORMAT.text,
      width: 6,
      value: (i) => counties[i].code,
    },
    {
      key: "namn",
      header: HEADER.county,
      style: "calc",
      width: 22,
      formula: (r) => lookup(reference.counties, "namn", r.at("kod"), UNKNOWN_CODE),
      result: (i) => counties[i].name,
    },
    {
      key: "kommuner",
      header: HEADER.municipalityCount,
      style: "calc",
      numFmt: FORMAT.count,
      width: 10,
      formula: (r) => lookup(reference.counties, "kommuner", r.at("kod"), 0),
      result: (i) => counties[i].municipalities,
    },
    {
      key: "kodnr",
      header: HEADER.codeNumber,
      style: "calc",
      numFmt: "0",
      width: 8,
      formula: (r) => fx`VALUE(${r.at("kod")})`,
      result: (i) => Number(counties[i].code),
    },
  ];
}

/** The rule's twin, the published figure and its difference, the adjustment and the final grant. */
function ruleColumns(ctx: PlanContext, rows: CountyRows, reference: ReferenceTables, cells: PotCells): ColumnSpec[] {
  const { countyRule } = ctx.results;
  const amount = twinKeys("c").amount;
  return [
    ...twinColumns(ctx, {
      prefix: "c",
      label: ALLOCATION_LABEL.countyRule,
      amountHeader: TWIN_PART.countyAmount,
      lines: countyRule.lines.map((l) => l.share),
      cells,
      step: NAMED.countyStep,
      codeNumber: "kodnr",
      weight: (r) => fx`${r.at("kommuner")}`,
      addin: (r) =>
        fx`SKL.COUNTY_GRANT(${r.at("kod")},${r.col("kod")},${r.col("kommuner")},${NAMED.countyTotal},${NAMED.countyBase},${NAMED.countyStep})`,
      base: { ref: NAMED.countyBase, value: () => countyRule.base.toNumber() },
    }),
    {
      key: "pub",
      header: HEADER.published,
      style: "reference",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => lookup(reference.counties, "pub66", r.at("kod"), 0),
      result: rows.published,
    },
    {
      key: "pubdiff",
      header: HEADER.publishedDiff,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`${r.at("pub")}-${r.at(amount)}`,
      result: (i) => rows.published(i) - rows.rule(i),
    },
    {
      key: "just",
      header: HEADER.adjustment,
      style: "input",
      numFmt: FORMAT.kronor,
      width: 12,
      value: (i) => ctx.results.countyPayment.adjustments[i],
    },
    {
      // As paid, on the basis chosen on Parametrar (the engine's countyGrantPaid).
      key: "slut",
      header: HEADER.final,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) =>
        fx`IF(${NAMED.paymentBasis}="Publicerat",${r.at("pub")},${r.at(amount)}+IF(${NAMED.paymentBasis}="Regeln med justeringar",${r.at("just")},0))`,
      result: rows.paid,
    },
  ];
}

/** The regional support's weight and twin, and the "66 + 13" table beside the sum. */
function regionalColumns(
  ctx: PlanContext,
  rows: CountyRows,
  reference: ReferenceTables,
  cells: PotCells
): ColumnSpec[] {
  const total = (i: number) => rows.paid(i) + rows.regional(i);
  return [
    {
      key: "rvikt",
      header: HEADER.regionalWeight,
      style: "input",
      numFmt: "0",
      width: 8,
      value: () => REGIONAL_EQUAL_WEIGHT,
    },
    ...twinColumns(ctx, {
      prefix: "r",
      label: ALLOCATION_LABEL.regional,
      lines: ctx.results.regional.lines.map((l) => l.share),
      cells,
      step: NAMED.paymentStep,
      codeNumber: "kodnr",
      weight: (r) => fx`${r.at("rvikt")}`,
      addin: (r) =>
        fx`SKL.COUNTY_GRANT(${r.at("kod")},${r.col("kod")},${r.col("rvikt")},${NAMED.regional},0,${NAMED.paymentStep})`,
    }),
    {
      key: "tot79",
      header: HEADER.total79,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`${r.at("slut")}+${r.at(twinKeys("r").amount)}`,
      result: total,
    },
    {
      key: "pub79",
      header: HEADER.published79,
      style: "reference",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => lookup(reference.counties, "pub79", r.at("kod"), 0),
      result: rows.published79,
    },
    {
      key: "pub79diff",
      header: HEADER.published79Diff,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 14,
      formula: (r) => fx`${r.at("pub79")}-${r.at("tot79")}`,
      result: (i) => rows.published79(i) - total(i),
    },
    {
      // What the table "Fördelning av 66* + 13 milj. kr" (bild 17) adds to Bilaga 2: 0.6 MSEK for most
      // counties; as transcribed 0 for Stockholm ("Stockholm 7,": a decimal lost, so a reading) and 1.1 for
      // Dalarna. Highlighted where it is not the median.
      key: "pub13",
      header: HEADER.published13,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 14,
      formula: (r) => fx`${r.at("pub79")}-${r.at("pub")}`,
      result: (i) => rows.published79(i) - rows.published(i),
    },
  ];
}

/** The sums below the table: one per column that adds up, each its column's SUM. */
function sumRow(ctx: PlanContext, sheet: SheetBuilder, table: TableRefs, rows: CountyRows): CountyGrantRefs["sums"] {
  const n = rows.counties.length;
  const total = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i)).reduce((a, b) => a + b, 0);
  const sumOf = (key: string, result: number) =>
    sheet.put(table.below(key), { formula: fx`SUM(${table.col(key)})`, result }, "total", FORMAT.kronor);
  sheet.put(sheet.at(1, table.lastRow + 1), "Summa", "total");
  const rule = total(rows.rule);
  const regional = total(rows.regional);
  const published = total(rows.published);
  const published79 = total(rows.published79);
  const paid = total(rows.paid);
  const sums = {
    rule: sumOf(twinKeys("c").amount, rule),
    published: sumOf("pub", published),
    adjustment: sumOf(
      "just",
      total((i) => ctx.results.countyPayment.adjustments[i])
    ),
    final: sumOf("slut", paid),
    regional: sumOf(twinKeys("r").amount, regional),
    total79: sumOf("tot79", paid + regional),
    published79: sumOf("pub79", published79),
  };
  sumOf("pubdiff", published - rule);
  sumOf("pub79diff", published79 - paid - regional);
  sumOf("pub13", published79 - published);
  return sums;
}

function decorate(sheet: SheetBuilder, table: TableRefs): void {
  sheet.validate({
    range: table.col("just"),
    kind: "decimal",
    min: -100000000,
    max: 100000000,
    prompt: "Uttrycklig justering i kronor (jämkning för små län). Summan ska bli 0.",
    error: "Ange ett belopp i kronor.",
  });
  sheet.validate({
    range: table.col("rvikt"),
    kind: "decimal",
    min: 0,
    prompt: "Länets vikt i de regionala 13 mnkr (1 = lika delar)",
    error: "En vikt, 0 eller större.",
  });
  for (const key of ["pubdiff", "pub79diff"])
    sheet.highlight({ range: table.col(key), formula: fx`${table.cell(key, 0)}<>0`, look: "warn" });
  sheet.highlight({
    range: table.col("pub13"),
    formula: fx`${table.cell("pub13", 0)}<>MEDIAN(${table.col("pub13")})`,
    look: "warn",
  });
}

/** The notes at the top of `Länsbidrag`: the rule and its sources, the published tables and their readings. */
function countyGrantNotes(ctx: PlanContext): [string, "note" | "warning"][] {
  const notes: [string, "note" | "warning"][] = [
    [
      "Regeln som den är skriven: varje län minst 2 mnkr, resten i förhållande till antalet kommuner " +
        `(${cite("sormland", "Bilaga 2")}; ${cite("infrastructure", 17)}). ` +
        `${cite("circular")} ger bara summan 66 mnkr och "ca tre stödpersoner inkl medel till omkostnader per ”normalstort” län".`,
      "note",
    ],
    [
      `Bild 17 i ${cite("infrastructure")} nämner en "jämkning för små län" som inte är nedskriven; Bilaga 2 publicerar beloppen utan regel. Skillnaden mellan regeln och Bilaga 2 visas per län. ` +
        "Bilaga 2 summerar till 65,5 mnkr, inte 66. Slutligt bidrag följer grunden för utbetalning på Parametrar (Publicerat, Regeln eller Regeln med justeringar); justeringar förs in uttryckligen i den gula kolumnen och ska summera till 0.",
      "warning",
    ],
    [
      `Regionala stödstrukturer: 13 mnkr (15 mkr varav 2 mkr till nationellt stöd, ${cite("infrastructure", 18)}), här i lika delar per län, omkring 0,6 mnkr (vår uträkning: 13/21). ` +
        `Tabellen "Fördelning av 66* + 13 milj. kr" (bild 17) summerar som den är transkriberad till 78, inte 79. Stockholms siffra står där som "Stockholm 7," med en decimal som troligen fallit bort: ` +
        "att Stockholm inte får något tillägg är en läsning, 7,6 är lika troligt. Dalarna har 3,6 där Bilaga 2 ger 2,5.",
      "note",
    ],
  ];
  const reused = reusedDataNote(ctx);
  if (reused) notes.push([reused, "warning"]);
  return notes;
}

/**
 * `Länsbidrag`: the 66 MSEK by the rule as written (2 MSEK each, the rest by number of municipalities),
 * the published table beside it with the difference per county, an explicit adjustment column that must
 * sum to 0, the grant as paid on the chosen basis, and the 13 MSEK regional support with the table
 * "Fördelning av 66* + 13 milj. kr" ("Att bygga infrastruktur för socialtjänsten", bild 17) and its anomalies.
 */
export function countyGrantSheet(
  ctx: PlanContext,
  reference: ReferenceTables
): { sheet: SheetBuilder; refs: CountyGrantRefs } {
  const sheet = new SheetBuilder(SHEET.countyGrant, TAB.calculation);
  sheet.line(
    "Länsbidrag till länsgemensamma utvecklingsledare (66 mnkr) och regionala stödstrukturer (13 mnkr)",
    "title"
  );
  for (const [text, style] of countyGrantNotes(ctx)) sheet.line(text, style);
  sheet.skip();
  const [rule, regional] = reservePotRows(sheet, ["Regel 66 mnkr", "Regionalt 13 mnkr"]);
  const rows = countyRows(ctx);
  const table = sheet.table(TABLE.countyGrant, rows.counties.length, [
    ...identityColumns(rows, reference),
    ...ruleColumns(ctx, rows, reference, rule),
    ...regionalColumns(ctx, rows, reference, regional),
  ]);
  fillPotRows(
    sheet,
    rule,
    table,
    "c",
    ctx.results.countyRule.allocation,
    fx`${NAMED.countyTotal}-COUNTA(${table.col("kod")})*${NAMED.countyBase}`,
    NAMED.countyStep
  );
  fillPotRows(sheet, regional, table, "r", ctx.results.regional.allocation, fx`${NAMED.regional}`, NAMED.paymentStep);
  const sums = sumRow(ctx, sheet, table, rows);
  decorate(sheet, table);
  sheet.freeze(sheet.at(3, table.firstRow));
  return { sheet, refs: { table, rule, regional, sums } };
}
