import { onSheet } from "../a1";
import { FORMAT } from "../plan";
import { SheetBuilder } from "../sheetBuilder";
import { PlanContext, SHEET, TAB } from "./context";
import { CountyGrantRefs } from "./countyGrant";
import { NAME } from "./parameters";

export interface PilotRefs {
  readonly granted: string;
  readonly frame: string;
}

/** `Försöksverksamhet`: the ledger of granted pilot projects against the 70 MSEK (granted by application). */
export function pilotsSheet(ctx: PlanContext): { sheet: SheetBuilder; refs: PilotRefs } {
  const pilots = ctx.inputs.pilots;
  const sheet = new SheetBuilder(SHEET.pilots, TAB.input);
  sheet.line("Försöksverksamheter: beviljade medel mot ramen", "title");
  sheet.line(
    "Beviljas efter ansökan och bedömning av en expertgrupp (seed 002), inte efter formel. Här förs reskontran och summan stäms av mot ramen."
  );
  if (ctx.inputs.synthetic)
    sheet.line("SYNTETISKA DATA: projekten och beloppen är påhittade demonstrationsvärden.", "warning");
  sheet.skip();
  const total = pilots.reduce((s, x) => s + x.grantedKr, 0);
  const grantedRow = sheet.row;
  const granted = sheet.field("Summa beviljat (kr)", { formula: "0", result: total }, "amount", FORMAT.kronor);
  const frame = sheet.field(
    "Ram (kr)",
    { formula: NAME.pilots, result: ctx.inputs.parameters.pilotsKr },
    "calc",
    FORMAT.kronor
  );
  sheet.field(
    "Kvar att bevilja (kr)",
    { formula: `${frame}-${granted}`, result: ctx.inputs.parameters.pilotsKr - total },
    "amount",
    FORMAT.kronor
  );
  sheet.skip();
  const table = sheet.table("Forsoksverksamhet", pilots.length, [
    { key: "id", header: "Id", style: "input", numFmt: FORMAT.text, width: 8, value: (i) => pilots[i].id },
    { key: "mottagare", header: "Mottagare", style: "input", width: 30, value: (i) => pilots[i].recipient },
    { key: "projekt", header: "Projekt", style: "input", width: 50, value: (i) => pilots[i].project },
    {
      key: "belopp",
      header: "Beviljat (kr)",
      style: "input",
      numFmt: FORMAT.kronor,
      width: 14,
      value: (i) => pilots[i].grantedKr,
    },
  ]);
  sheet.put(`C${grantedRow}`, { formula: `SUM(${table.col("belopp")})`, result: total }, "amount", FORMAT.kronor);
  sheet.validate({
    range: table.col("belopp").replace(/\$/g, ""),
    kind: "decimal",
    min: 0,
    prompt: "Beviljat belopp i kronor",
    error: "Ett belopp i kronor, 0 eller mer.",
  });
  return { sheet, refs: { granted, frame } };
}

export interface BudgetRefs {
  /** Per county: its grant and the sum of its budget lines, sheet-qualified. */
  readonly counties: readonly { code: string; grant: string; sum: string; grantKr: number; sumKr: number }[];
}

/** `Länsbudget`: a county's own budget of its grant (e.g. Sörmland, seed 000), which must add up to the grant. */
export function countyBudgetSheet(
  ctx: PlanContext,
  grants: CountyGrantRefs
): { sheet: SheetBuilder; refs: BudgetRefs } {
  const sheet = new SheetBuilder(SHEET.countyBudget, TAB.input);
  sheet.line("Länets egen budget för länsbidraget", "title");
  sheet.line(
    "Sörmland (seed 000): gemensamma utvecklingsledare, 500 tkr till kvalitativ uppföljning av multisjuka äldre, 200 tkr till utbildning."
  );
  sheet.line("Källan anger inte beloppet för utvecklingsledarna: raden tar det som återstår av bidraget.", "warning");
  sheet.skip();
  sheet.width("A", 40);
  const byCounty = new Map<string, (typeof ctx.inputs.countyBudget)[number][]>();
  for (const line of ctx.inputs.countyBudget) byCounty.set(line.county, [...(byCounty.get(line.county) ?? []), line]);
  const results: { code: string; grant: string; sum: string; grantKr: number; sumKr: number }[] = [];
  const table = grants.table;
  const countyIndex = (code: string) =>
    [...ctx.inputs.counties].sort((a, b) => (a.code < b.code ? -1 : 1)).findIndex((c) => c.code === code);
  for (const [code, lines] of byCounty) {
    const name = ctx.inputs.counties.find((c) => c.code === code)?.name ?? code;
    const index = countyIndex(code);
    const grantValue = index >= 0 ? ctx.results.countyRule.lines[index].total.toNumber() : 0;
    sheet.line(`${name} (${code})`, "subtitle");
    const grant = sheet.field(
      "Länets slutliga bidrag (kr)",
      {
        formula: `IFERROR(INDEX(${table.qcol("slut")},MATCH("${code}",${table.qcol("kod")},0)),0)`,
        result: grantValue,
      },
      "calc",
      FORMAT.kronor
    );
    const fixed = lines.reduce((s, l) => s + (l.amountKr ?? 0), 0);
    const restRow = lines.findIndex((l) => l.amountKr === null);
    // The table's first data row: the header goes on the next row.
    const rowOfFirst = sheet.row + 1;
    const others = lines.map((_, i) => i).filter((i) => i !== restRow);
    const budget = sheet.table(`Lansbudget_${code}`, lines.length, [
      { key: "post", header: "Post", style: "input", width: 40, value: (i) => lines[i].item },
      {
        key: "belopp",
        header: "Belopp (kr)",
        style: "input",
        numFmt: FORMAT.kronor,
        width: 14,
        value: (i) => lines[i].amountKr,
        // The line without an amount takes what is left of the grant; the others are inputs.
        formula: (r, i) =>
          i === restRow
            ? [grant, ...others.map((o) => r.at("belopp").replace(/\d+$/, String(rowOfFirst + o)))].join("-")
            : undefined,
        result: (i) => (i === restRow ? grantValue - fixed : lines[i].amountKr),
      },
      { key: "kalla", header: "Källa", style: "note", width: 50, value: (i) => lines[i].source },
    ]);
    const sumKr = restRow >= 0 ? grantValue : fixed;
    const sum = sheet.field(
      "Summa budget (kr)",
      { formula: `SUM(${budget.col("belopp")})`, result: sumKr },
      "total",
      FORMAT.kronor
    );
    results.push({ code, grant, sum, grantKr: grantValue, sumKr });
    sheet.skip();
  }
  return { sheet, refs: { counties: results } };
}

/** A sheet-qualified reference to a cell on a sheet. */
export const at = (sheet: string, ref: string): string => onSheet(sheet, ref);
