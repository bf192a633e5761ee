/*
 * The pane's reads and writes of the built workbook, against the in-memory Excel: an import written into the
 * tables (text stays text, a formula-looking text never runs), the explanation of the selected cell, and the
 * build remembered in the workbook so that the pane finds it again after a reload.
 */
import fs from "node:fs";
import path from "node:path";
import { loadBundledInputs } from "../../src/cli/readData";
import { runChecks } from "../../src/taskpane/checks";
import { explanationLines } from "../../src/taskpane/explain";
import { importTargetTables, parseImport, previewImport, referenceFromTables, TABLE } from "../../src/taskpane/import";
import {
  explainSelection,
  placedTables,
  readTables,
  restoreBuilt,
  tableAt,
  writeImport,
} from "../../src/taskpane/workbookTables";
import { buildWorkbook, Built, BuildResult } from "../../src/taskpane/writePlan";
import { buildPlan } from "../../src/workbook/buildPlan";
import { createExcelDouble, ExcelDouble } from "../support/excelDouble";
import { dataCell } from "../support/planCells";

const plan = buildPlan(loadBundledInputs(2010), "addin").plan;
/** 0114 Upplands Väsby's row of Palliativ_kommun. */
const cellOf = (header: string) => dataCell(plan, TABLE.palliativeKommun, header).a1;
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/import", name)));

function built(result: BuildResult): Built {
  if (result.status !== "built") throw new Error("Väntade ett bygge");
  return result;
}

describe("the built workbook's tables", () => {
  let excel: ExcelDouble;
  let workbook: Built;

  beforeAll(async () => {
    excel = await createExcelDouble();
    (globalThis as unknown as { Excel: unknown }).Excel = excel.api;
    workbook = built(await buildWorkbook(plan, { year: 2010 }));
  });

  it("knows where every table is, by the name the import and explain modules use", () => {
    const tables = placedTables(workbook);
    expect(tables.get(TABLE.palliativeKommun)).toMatchObject({ sheet: "Palliativ", headerRow: 16, rows: 290 });
    expect(tableAt(workbook, "Palliativ", cellOf("Nivå 1: belopp"))).toMatchObject({
      row: 0,
      column: "Nivå 1: belopp",
    });
    expect(tableAt(workbook, "Palliativ", plan.sheets[3].tables[0].topLeft)).toMatchObject({ row: -1, column: "Kod" });
    expect(tableAt(workbook, "Palliativ", "A1")).toBeUndefined();
  });

  it("reads tables in one round trip", async () => {
    const before = excel.syncs;
    const tables = await readTables(workbook, [TABLE.municipalities, TABLE.counties]);
    expect(excel.syncs - before).toBe(1);
    expect(tables[TABLE.municipalities]![0]).toEqual(["Kod", "Kommun", "Län", "Folkmängd"]);
    expect(tables[TABLE.municipalities]).toHaveLength(291);
    expect(tables[TABLE.counties]![1][0]).toBe("01");
  });

  it("writes a valid import into the tables in one round trip, and the workbook recomputes", async () => {
    const reference = await readTables(workbook, [TABLE.municipalities, TABLE.counties]);
    const parsed = parseImport(
      fixture("palliativ-semikolon-bom.csv"),
      referenceFromTables(reference[TABLE.municipalities]!, reference[TABLE.counties]!)
    );
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
    const preview = previewImport(parsed, await readTables(workbook, importTargetTables(parsed.kind)));
    expect(preview.ok).toBe(true);
    const before = excel.syncs;
    expect(await writeImport(workbook, preview.writes)).toBeGreaterThan(0);
    expect(excel.syncs - before).toBe(1);
    // 0114: 20 deaths, 9 registrations. 9/20 = 45 %: level 1 (40 %) yes, level 2 (70 %) no.
    expect([
      excel.valueAt("Palliativ", cellOf("Dödsfall")),
      excel.valueAt("Palliativ", cellOf("Registreringar")),
    ]).toEqual([20, 9]);
    expect(excel.valueAt("Palliativ", cellOf("Nivå 1: kvalificerad"))).toBe("Ja");
    expect(excel.valueAt("Palliativ", cellOf("Nivå 2: kvalificerad"))).toBe("Nej");
    expect(excel.valueAt("Palliativ", cellOf("Nivå 2: belopp"))).toBe(0);
    expect((await runChecks(workbook)).master).toBe("OK");
  });

  it("writes text that looks like a formula as text", async () => {
    await writeImport(workbook, [
      {
        table: TABLE.dischargeIndividuals,
        columns: [{ column: "Individ", firstRow: 0, values: [["'=1+1"]], numberFormat: "@" }],
      },
    ]);
    const individuals = placedTables(workbook).get(TABLE.dischargeIndividuals)!;
    const column = individuals.headers.indexOf("Individ");
    const cell = `${String.fromCharCode(64 + individuals.firstColumn + column)}${individuals.headerRow + 1}`;
    expect(excel.valueAt("UK individer", cell)).toBe("=1+1");
    expect(excel.hasFormula("UK individer", cell)).toBe(false);
    expect(excel.numberFormatAt("UK individer", cell)).toBe("@");
  });

  it("explains the selected amount in two round trips, with the workbook's current values", async () => {
    await excel.userSelect("Palliativ", cellOf("Nivå 1: belopp"));
    const before = excel.syncs;
    const { address, explanation } = await explainSelection(workbook);
    expect(excel.syncs - before).toBe(2);
    expect(address).toBe(`Palliativ!${cellOf("Nivå 1: belopp")}`);
    expect(explanation.kind).toBe("amount");
    expect(explanation.party).toEqual({ code: "0114", name: "Upplands Väsby" });
    expect(
      explanationLines(explanation)
        .join("\n")
        .replace(/\u00a0/g, " ")
    ).toContain("9 av 20 = 45,0 %");
  });

  it("asks for an amount when the selection is outside the tables", async () => {
    await excel.userSelect("Start", "B3");
    const { explanation } = await explainSelection(workbook);
    expect(explanation.kind).toBe("none");
  });

  it("finds the build again from the workbook's settings, with its suffix", async () => {
    const restored = await restoreBuilt(() => plan);
    expect(restored?.plan.sheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    const second = built(await buildWorkbook(plan, { year: 2010, onConflict: "suffix" }));
    const again = await restoreBuilt(() => plan);
    expect(again?.suffix).toBe(2);
    expect(again?.plan.sheets[3].name).toBe("Palliativ (2)");
    expect(again?.plan.checks.map((c) => c.statusRef)).toEqual(second.plan.checks.map((c) => c.statusRef));
    expect((await runChecks(again!)).master).toBe("OK");
  });

  it("finds nothing in a workbook the pane did not build", async () => {
    const other = await createExcelDouble();
    (globalThis as unknown as { Excel: unknown }).Excel = other.api;
    expect(await restoreBuilt(() => plan)).toBeUndefined();
    (globalThis as unknown as { Excel: unknown }).Excel = excel.api;
  });
});
