import { FORMAT } from "../plan";
import { SheetBuilder, TableRefs } from "../sheetBuilder";
import { fillPotRows, PotCells, reservePotRows, twinColumns, twinKeys } from "./allocationColumns";
import { PlanContext, SHEET, TAB } from "./context";
import { ALLOCATION_LABEL, HEADER, TABLE, TWIN_PART } from "./names";
import { NAME } from "./parameters";
import { lookup, ReferenceTables, UNKNOWN_CODE } from "./reference";

export interface CountyGrantRefs {
  readonly table: TableRefs;
  readonly rule: PotCells;
  readonly regional: PotCells;
  /** Sums below the table, sheet-local absolute references. */
  readonly sums: {
    readonly rule: string;
    readonly published: string;
    readonly adjustment: string;
    readonly final: string;
    readonly regional: string;
    readonly published79: string;
    readonly total79: string;
  };
}

/**
 * `Länsbidrag`: the 66 MSEK by the rule as written (2 MSEK each, the rest by number of municipalities),
 * the published table beside it with the difference per county, an explicit adjustment column that must
 * sum to 0, and the 13 MSEK regional support with seed 001's "66 + 13" table and its anomalies.
 */
export function countyGrantSheet(
  ctx: PlanContext,
  reference: ReferenceTables
): { sheet: SheetBuilder; refs: CountyGrantRefs } {
  const { countyRule, regional } = ctx.results;
  const counties = [...ctx.inputs.counties].sort((a, b) => (a.code < b.code ? -1 : 1));
  const published = new Map(ctx.inputs.publishedCountyGrant.map((g) => [g.code, g]));
  const sheet = new SheetBuilder(SHEET.countyGrant, TAB.calculation);
  sheet.line(
    "Länsbidrag till länsgemensamma utvecklingsledare (66 mnkr) och regionala stödstrukturer (13 mnkr)",
    "title"
  );
  sheet.line(
    "Regeln som den är skriven: varje län minst 2 mnkr, resten i förhållande till antalet kommuner (seeds 000, 002). " +
      'Den publicerade tabellen gör dessutom en "jämkning för små län" som inte är nedskriven: skillnaden visas per län.'
  );
  sheet.line(
    "Publicerat summerar till 65,5 mnkr, inte 66 (källan är inkonsekvent). Justeringar förs in uttryckligen i den gula kolumnen och ska summera till 0.",
    "warning"
  );
  sheet.line(
    'Regionala stödstrukturer: 13 mnkr i lika delar per län (seed 001: "ca 0,6 mnkr per län"). Seed 001:s tabell "66 + 13" summerar till 78, inte 79: Stockholm får inget tillägg och Dalarna 3,6.'
  );
  sheet.skip();
  const [rule, regionalCells] = reservePotRows(sheet, ["Regel 66 mnkr", "Regionalt 13 mnkr"]);
  const lines = countyRule.lines.map((l) => l.share);
  const rlines = regional.lines.map((l) => l.share);
  const base = countyRule.base.toNumber();
  const table = sheet.table(TABLE.countyGrant, counties.length, [
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
      formula: (r) => `VALUE(${r.at("kod")})`,
      result: (i) => Number(counties[i].code),
    },
    ...twinColumns(ctx, {
      prefix: "c",
      label: ALLOCATION_LABEL.countyRule,
      amountHeader: TWIN_PART.countyAmount,
      lines,
      cells: rule,
      step: NAME.countyStep,
      codeNumber: "kodnr",
      weight: (r) => r.at("kommuner"),
      addin: (r) =>
        `SKL.COUNTY_GRANT(${r.at("kod")},${r.col("kod")},${r.col("kommuner")},${NAME.countyTotal},${NAME.countyBase},${NAME.countyStep})`,
      base: { ref: NAME.countyBase, value: () => base },
    }),
    {
      key: "pub",
      header: HEADER.published,
      style: "reference",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => lookup(reference.counties, "pub66", r.at("kod"), 0),
      result: (i) => published.get(counties[i].code)?.publishedKr ?? 0,
    },
    {
      key: "pubdiff",
      header: HEADER.publishedDiff,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => `${r.at("pub")}-${r.at(twinKeys("c").amount)}`,
      result: (i) => (published.get(counties[i].code)?.publishedKr ?? 0) - lines[i].amount.toNumber() - base,
    },
    { key: "just", header: HEADER.adjustment, style: "input", numFmt: FORMAT.kronor, width: 12, value: () => 0 },
    {
      key: "slut",
      header: HEADER.final,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => `${r.at(twinKeys("c").amount)}+${r.at("just")}`,
      result: (i) => lines[i].amount.toNumber() + base,
    },
    { key: "rvikt", header: HEADER.regionalWeight, style: "input", numFmt: "0", width: 8, value: () => 1 },
    ...twinColumns(ctx, {
      prefix: "r",
      label: ALLOCATION_LABEL.regional,
      lines: rlines,
      cells: regionalCells,
      step: NAME.paymentStep,
      codeNumber: "kodnr",
      weight: (r) => r.at("rvikt"),
      addin: (r) =>
        `SKL.COUNTY_GRANT(${r.at("kod")},${r.col("kod")},${r.col("rvikt")},${NAME.regional},0,${NAME.paymentStep})`,
    }),
    {
      key: "tot79",
      header: HEADER.total79,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => `${r.at("slut")}+${r.at(twinKeys("r").amount)}`,
      result: (i) => lines[i].amount.toNumber() + base + rlines[i].amount.toNumber(),
    },
    {
      key: "pub79",
      header: HEADER.published79,
      style: "reference",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => lookup(reference.counties, "pub79", r.at("kod"), 0),
      result: (i) => published.get(counties[i].code)?.publishedWithRegionalKr ?? 0,
    },
    {
      key: "pub79diff",
      header: HEADER.published79Diff,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 14,
      formula: (r) => `${r.at("pub79")}-${r.at("tot79")}`,
      result: (i) =>
        (published.get(counties[i].code)?.publishedWithRegionalKr ?? 0) -
        (lines[i].amount.toNumber() + base + rlines[i].amount.toNumber()),
    },
    {
      // What the published "66 + 13" table added to the published 66: about 0.6 MSEK, but 0 for
      // Stockholm and 1.1 for Dalarna (the source's own anomalies; highlighted where it is not the median).
      key: "pub13",
      header: HEADER.published13,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 14,
      formula: (r) => `${r.at("pub79")}-${r.at("pub")}`,
      result: (i) =>
        (published.get(counties[i].code)?.publishedWithRegionalKr ?? 0) -
        (published.get(counties[i].code)?.publishedKr ?? 0),
    },
  ]);
  fillPotRows(
    sheet,
    rule,
    table,
    "c",
    countyRule.allocation,
    `${NAME.countyTotal}-COUNTA(${table.col("kod")})*${NAME.countyBase}`,
    NAME.countyStep
  );
  fillPotRows(sheet, regionalCells, table, "r", regional.allocation, NAME.regional, NAME.paymentStep);

  const sumRow = table.lastRow + 1;
  const sumOf = (key: string, result: number) => {
    const ref = `${table
      .col(key)
      .split(":")[0]
      .replace(/\$\d+$/, "")}$${sumRow}`;
    sheet.put(ref.replace(/\$/g, ""), { formula: `SUM(${table.col(key)})`, result }, "total", FORMAT.kronor);
    return ref;
  };
  sheet.put(`A${sumRow}`, "Summa", "total");
  const ruleTotal = countyRule.allocation.distributed.toNumber() + base * counties.length;
  const publishedTotal = counties.reduce((s, c) => s + (published.get(c.code)?.publishedKr ?? 0), 0);
  const published79 = counties.reduce((s, c) => s + (published.get(c.code)?.publishedWithRegionalKr ?? 0), 0);
  const regionalTotal = regional.allocation.distributed.toNumber();
  const sums = {
    rule: sumOf(twinKeys("c").amount, ruleTotal),
    published: sumOf("pub", publishedTotal),
    adjustment: sumOf("just", 0),
    final: sumOf("slut", ruleTotal),
    regional: sumOf(twinKeys("r").amount, regionalTotal),
    total79: sumOf("tot79", ruleTotal + regionalTotal),
    published79: sumOf("pub79", published79),
  };
  sumOf("pubdiff", publishedTotal - ruleTotal);
  sumOf("pub79diff", published79 - ruleTotal - regionalTotal);
  sumOf("pub13", published79 - publishedTotal);
  sheet.validate({
    range: table.col("just").replace(/\$/g, ""),
    kind: "decimal",
    min: -100000000,
    max: 100000000,
    prompt: "Uttrycklig justering i kronor (jämkning för små län). Summan ska bli 0.",
    error: "Ange ett belopp i kronor.",
  });
  sheet.validate({
    range: table.col("rvikt").replace(/\$/g, ""),
    kind: "decimal",
    min: 0,
    prompt: "Länets vikt i de regionala 13 mnkr (1 = lika delar)",
    error: "En vikt, 0 eller större.",
  });
  for (const key of ["pubdiff", "pub79diff"]) {
    sheet.highlight({ range: table.col(key).replace(/\$/g, ""), formula: `${table.cell(key, 0)}<>0`, look: "warn" });
  }
  sheet.highlight({
    range: table.col("pub13").replace(/\$/g, ""),
    formula: `${table.cell("pub13", 0)}<>MEDIAN(${table.col("pub13")})`,
    look: "warn",
  });
  sheet.freeze(`C${table.firstRow}`);
  return { sheet, refs: { table, rule, regional: regionalCells, sums } };
}
