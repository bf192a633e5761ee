import { FORMAT } from "../plan";
import { CellRef, Expr, fx, RangeRef } from "../refs";
import { ColumnSpec, SheetBuilder, TableRefs } from "../sheetBuilder";
import { PlanContext, reusedDataLine, SHEET, TAB } from "./context";
import { HEADER, TABLE } from "./names";
import { cite } from "../sources";

export interface ReferenceTables {
  readonly municipalities: TableRefs;
  readonly counties: TableRefs;
}

/** Where the reference lists come from, as the year's parameters say (data/parameters.json, `referenceData`). */
export function referenceNote(ctx: PlanContext): string {
  return (
    ctx.inputs.parameters.notes.referenceData ??
    "Kommuner, län och folkmängd enligt de inlästa referensfilerna (kommuner.csv, lan.csv)."
  );
}

/** `Kommuner`: code, name, county and population of every municipality. */
function municipalitiesSheet(ctx: PlanContext): { sheet: SheetBuilder; table: TableRefs } {
  const { municipalities } = ctx.inputs;
  const m = new SheetBuilder(SHEET.municipalities, TAB.reference);
  m.line("Kommuner: kod, namn, län och folkmängd", "title");
  m.line(referenceNote(ctx));
  reusedDataLine(ctx, m);
  m.line("Referensdata: ändra bara om källan ändras.");
  m.skip();
  const mt = m.table(TABLE.municipalities, municipalities.length, [
    {
      key: "kod",
      header: HEADER.code,
      style: "reference",
      numFmt: FORMAT.text,
      width: 8,
      value: (i) => municipalities[i].code,
    },
    {
      key: "namn",
      header: HEADER.municipalityName,
      style: "reference",
      width: 22,
      value: (i) => municipalities[i].name,
    },
    {
      key: "lan",
      header: HEADER.county,
      style: "reference",
      numFmt: FORMAT.text,
      width: 6,
      value: (i) => municipalities[i].countyCode,
    },
    {
      key: "bef",
      header: HEADER.population,
      style: "reference",
      numFmt: FORMAT.count,
      width: 12,
      value: (i) => municipalities[i].population,
    },
  ]);
  m.freeze(m.at(1, mt.firstRow));
  return { sheet: m, table: mt };
}

/** `Landsting`: code, name, number of municipalities and population of every county, and its published grants. */
function countiesSheet(ctx: PlanContext): { sheet: SheetBuilder; table: TableRefs } {
  const { counties, publishedCountyGrant } = ctx.inputs;
  const published = new Map(publishedCountyGrant.map((g) => [g.code, g]));
  const c = new SheetBuilder(SHEET.counties, TAB.reference);
  c.line("Län och landsting: kod, namn, antal kommuner och folkmängd", "title");
  reusedDataLine(ctx, c);
  c.line(
    "Gotland hade inget landsting: Gotlands kommun bar landstingets roll och är part i landstingspotten med länskoden 09; båda rollernas belopp betalas på kommunens rad på Utbetalningar."
  );
  c.line(
    "Landstinget är en part för sig, inte länet: kolumnen Landstinget (mottagare) ger namnet det betalas under, med källan. Där källorna inte namnger landstinget är namnet bildat av länets namn; rätta det på Utbetalningar (eller i mottagare.csv)."
  );
  c.line(
    `Publicerat: ${cite("sormland", "Bilaga 2")} (66 mnkr, summerar till 65,5) och tabellen "Fördelning av 66* + 13 milj. kr" ` +
      `(${cite("infrastructure", 17)}; summerar till 78, inte 79, och Stockholms siffra står som "Stockholm 7,", där en decimal troligen fallit bort: en läsning). ` +
      "Siffrorna återges som de publicerades.",
    "warning"
  );
  c.skip();
  const ct = c.table(TABLE.counties, counties.length, [
    {
      key: "kod",
      header: HEADER.code,
      style: "reference",
      numFmt: FORMAT.text,
      width: 6,
      value: (i) => counties[i].code,
    },
    { key: "namn", header: HEADER.county, style: "reference", width: 24, value: (i) => counties[i].name },
    {
      key: "kommuner",
      header: HEADER.municipalityCount,
      style: "reference",
      numFmt: FORMAT.count,
      width: 10,
      value: (i) => counties[i].municipalities,
    },
    {
      key: "bef",
      header: HEADER.population,
      style: "reference",
      numFmt: FORMAT.count,
      width: 12,
      value: (i) => counties[i].population,
    },
    {
      key: "landsting",
      header: "Landstinget (mottagare)",
      style: "reference",
      width: 26,
      value: (i) => counties[i].council,
    },
    { key: "kalla", header: "Namnets källa", style: "remark", width: 40, value: (i) => counties[i].councilSource },
    {
      key: "roll",
      header: "Kommun med landstingets roll",
      style: "reference",
      numFmt: FORMAT.text,
      width: 12,
      value: (i) => counties[i].councilMunicipality ?? null,
    },
    {
      key: "pub66",
      header: "Publicerat 66 mnkr (kr)",
      style: "reference",
      numFmt: FORMAT.kronor,
      width: 14,
      value: (i) => published.get(counties[i].code)?.publishedKr ?? null,
    },
    {
      key: "pub79",
      header: "Publicerat 66 + 13 mnkr (kr)",
      style: "reference",
      numFmt: FORMAT.kronor,
      width: 14,
      value: (i) => published.get(counties[i].code)?.publishedWithRegionalKr ?? null,
    },
  ]);
  c.freeze(c.at(1, ct.firstRow));
  return { sheet: c, table: ct };
}

/** `Kommuner` and `Landsting`: the reference lists every other sheet looks names and populations up in. */
export function referenceSheets(ctx: PlanContext): { sheets: SheetBuilder[]; tables: ReferenceTables } {
  const m = municipalitiesSheet(ctx);
  const c = countiesSheet(ctx);
  return { sheets: [m.sheet, c.sheet], tables: { municipalities: m.table, counties: c.table } };
}

/**
 * A lookup formula of a reference column by code, with a visible marker for an unknown code. `codeCell` is a
 * row's code cell, or the code column in a spilled column's formula (one lookup per row).
 */
export function lookup(
  reference: TableRefs,
  column: string,
  codeCell: CellRef | RangeRef,
  missing: string | number
): Expr {
  const fallback = typeof missing === "string" ? `"${missing}"` : String(missing);
  return fx`IFERROR(INDEX(${reference.col(column)},MATCH(${codeCell},${reference.col("kod")},0)),${fallback})`;
}

/** Marks a code that is not in the reference list, on the sheet and in the checks. */
export const UNKNOWN_CODE = "OKÄND KOD";

/** The leading columns of a party table: its code (an input) and its name looked up in the reference list. */
export function partyColumns(parties: readonly { code: string; name: string }[], reference: TableRefs): ColumnSpec[] {
  return [
    { key: "kod", header: HEADER.code, style: "input", numFmt: FORMAT.text, width: 7, value: (i) => parties[i].code },
    {
      key: "namn",
      header: HEADER.name,
      style: "calc",
      width: 20,
      formula: (r) => lookup(reference, "namn", r.at("kod"), UNKNOWN_CODE),
      result: (i) => parties[i].name || UNKNOWN_CODE,
    },
  ];
}

/**
 * The code as a number (for ties: COUNTIFS compares text codes like "0114" as numbers or not at all) and
 * how many rows carry it (a duplicate shows 2 and fails the check on Avstämning).
 */
export function codeNumberColumns(codes: readonly string[]): ColumnSpec[] {
  const rowsWithCode = new Map<number, number>();
  for (const code of codes) rowsWithCode.set(Number(code), (rowsWithCode.get(Number(code)) ?? 0) + 1);
  return [
    {
      key: "kodnr",
      header: HEADER.codeNumber,
      style: "calc",
      numFmt: "0",
      width: 8,
      formula: (r) => fx`VALUE(${r.at("kod")})`,
      result: (i) => Number(codes[i]),
    },
    {
      key: "antal",
      header: HEADER.rowsWithCode,
      style: "check",
      numFmt: "0",
      width: 8,
      formula: (r) => fx`COUNTIF(${r.col("kodnr")},${r.at("kodnr")})`,
      result: (i) => rowsWithCode.get(Number(codes[i])) ?? 0,
    },
  ];
}
