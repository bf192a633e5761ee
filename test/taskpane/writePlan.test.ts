/*
 * Bygg arbetsbok against the in-memory Excel: the 2010 workbook is written in a few round trips, each far
 * under Excel on the web's limit, the formulas written compute (in HyperFormula, with the add-in's functions)
 * the kronor the engine computed, every SKL amount (one call per pot, spilled beside its table) equals its
 * native twin in the same row, the master check reads OK, and nothing a user has is overwritten.
 */
import { loadBundledInputs } from "../../src/cli/readData";
import { runChecks } from "../../src/taskpane/checks";
import { conflictMessage } from "../../src/taskpane/conflict";
import { BuildFailedError, buildWorkbook, Built, Conflict } from "../../src/taskpane/writePlan";
import { buildPlan } from "../../src/workbook/buildPlan";
import { a1, address, formulaText } from "../../src/workbook/refs";
import { isFormula, SpillPlan, TablePlan, WorkbookPlan } from "../../src/workbook/plan";
import { createExcelDouble, ExcelDouble, parseAddress } from "../support/excelDouble";
import { built, builtInDouble, installExcel } from "../support/paneBuild";
import { dataRange, namedCell } from "../support/planCells";

const plan = buildPlan(loadBundledInputs(2010), "addin").plan;
/** The master check's cell on Avstämning. */
const master = namedCell(plan, "Alla_kontroller").a1;

/** Sheet, address of the first data cell and the column's cells of a table column, by header. */
function tableColumn(table: TablePlan, header: string): { column: number; firstRow: number } {
  const i = table.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`${table.name} saknar kolumnen ${header}`);
  const { column, row } = table.topLeft;
  return { column: column + i, firstRow: row + 1 };
}

/** Each SKL-function spill with the twin amount column and the difference spill beside the same table. */
function twinPairs(p: WorkbookPlan) {
  const pairs: { sheet: string; table: TablePlan; addin: SpillPlan; twin: string; diff: SpillPlan }[] = [];
  for (const sheet of p.sheets) {
    for (const table of sheet.tables) {
      for (const addin of table.spills) {
        if (!/SKL-funktion/.test(addin.header)) continue;
        const prefix = addin.header.split("SKL-funktion")[0];
        const diff = table.spills.find((c) => c.header.startsWith(prefix) && /skillnad/i.test(c.header));
        if (!diff) throw new Error(`${table.name}: ingen skillnadskolumn till ${addin.header}`);
        // The difference is `twin - addin#`: its first reference is the twin column.
        const twinRef = diff.formula.refs()[0];
        if (twinRef?.kind !== "range") throw new Error(`${table.name}: ${diff.header} börjar inte med en kolumn`);
        const twin = table.columns[twinRef.from.column - table.topLeft.column];
        pairs.push({ sheet: sheet.name, table, addin, twin: twin.header, diff });
      }
    }
  }
  return pairs;
}

function columnValues(excel: ExcelDouble, sheet: string, table: TablePlan, header: string): unknown[] {
  const { column, firstRow } = tableColumn(table, header);
  return excel
    .valuesAt(sheet, `${a1({ column, row: firstRow })}:${a1({ column: column, row: firstRow + table.rows - 1 })}`)
    .map((r) => r[0]);
}

/** The values a spilled column shows in the table's rows (and `extra` rows below). */
function spillValues(excel: ExcelDouble, sheet: string, table: TablePlan, spill: SpillPlan, extra = 0): unknown[] {
  const firstRow = table.topLeft.row + 1;
  const last = firstRow + table.rows - 1 + extra;
  return excel
    .valuesAt(sheet, `${a1({ column: spill.column, row: firstRow })}:${a1({ column: spill.column, row: last })}`)
    .map((r) => r[0]);
}

describe("Bygg arbetsbok: the 2010 workbook written through the Excel JavaScript API", () => {
  let excel: ExcelDouble;
  let result: Built;
  const progress: number[] = [];

  beforeAll(async () => {
    ({ excel, workbook: result } = await builtInDouble(plan, { onProgress: (f) => progress.push(f) }));
  });

  it("makes a few context.sync() calls, each under 1 MB, counted by the double", () => {
    expect(excel.syncs).toBeLessThanOrEqual(10);
    expect(excel.largestSyncPayload).toBeLessThan(1024 * 1024);
    expect(result.syncs).toBe(excel.syncs);
    expect(excel.runs).toBe(1);
  });

  it("reports progress from 0 to 1, never going back", () => {
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
  });

  it("adds every planned sheet after the sheets that were there, with tab colours", () => {
    expect(excel.sheetNames()).toEqual(["Blad1", ...plan.sheets.map((s) => s.name)]);
    expect(excel.sheetProps("Palliativ").tabColor).toBe("#2F80ED");
    expect(result.suffix).toBeUndefined();
  });

  it("writes values and formulas in bulk, one assignment per area, never cell by cell", () => {
    const formulaWrites = excel.writes.filter((w) => w.kind === "formulas");
    const tables = plan.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s.name, t })));
    expect(formulaWrites.length).toBeLessThan(120);
    // Each table in blocks of whole rows (one, unless it is too large for one round trip), covering it once.
    for (const { sheet, t } of tables) {
      const { column, row } = t.topLeft;
      const blocks = formulaWrites
        .filter((w) => w.sheet === sheet)
        .map((w) => parseAddress(w.address))
        .filter((r) => r.c1 === column && r.c2 === column + t.columns.length - 1 && r.r1 >= row && r.r2 <= row + t.rows)
        .sort((a, b) => a.r1 - b.r1);
      const rows = blocks.map((b) => [b.r1, b.r2]);
      const covering = blocks.map((b, i) => (i === 0 ? b.r1 === row : b.r1 === blocks[i - 1].r2 + 1));
      expect({ table: t.name, covering, last: rows[rows.length - 1]?.[1] }).toEqual({
        table: t.name,
        covering: covering.map(() => true),
        last: row + t.rows,
      });
      expect(blocks.length).toBeLessThanOrEqual(Math.ceil(t.rows / 500) + 1);
    }
  });

  it("makes the Excel tables, with their headers, under the planned names", () => {
    const expected = plan.sheets.flatMap((s) => s.tables.filter((t) => t.rows > 0).map((t) => t.name));
    expect(excel.tables.map((t) => t.name).sort()).toEqual([...expected].sort());
    const palliative = excel.tables.find((t) => t.name === "Palliativ_kommun")!;
    expect(palliative.sheet).toBe("Palliativ");
    expect(palliative.headers.slice(0, 5)).toEqual(["Kod", "Namn", "Folkmängd", "Dödsfall", "Registreringar"]);
  });

  it("adds every workbook name, pointing at its cell", () => {
    expect([...excel.names.keys()].sort()).toEqual(plan.names.map((n) => n.name).sort());
    expect(excel.names.get("P_Troskel_Bas")).toBe("=Parametrar!$C$8");
    expect(excel.valueAt("Parametrar", "C8")).toBe(0.4);
  });

  it("keeps codes as text with their leading zeros", () => {
    const table = plan.sheets.find((s) => s.name === "Palliativ")!.tables[0];
    const { column, firstRow } = tableColumn(table, "Kod");
    expect(excel.valueAt("Palliativ", a1({ column, row: firstRow }))).toBe("0114");
    expect(excel.numberFormatAt("Palliativ", a1({ column, row: firstRow }))).toBe("@");
  });

  it("computes every SKL amount equal to its native twin in the same row, difference 0 in every row", () => {
    const pairs = twinPairs(plan);
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    for (const { sheet, table, addin, twin, diff } of pairs) {
      const a = spillValues(excel, sheet, table, addin);
      const t = columnValues(excel, sheet, table, twin);
      const d = spillValues(excel, sheet, table, diff);
      const name = addin.header;
      expect({ table: table.name, name, numbers: a.every((v) => typeof v === "number") }).toEqual({
        table: table.name,
        name,
        numbers: true,
      });
      expect({ table: table.name, name, values: a }).toEqual({ table: table.name, name, values: t });
      expect({ table: table.name, name, values: d }).toEqual({ table: table.name, name, values: d.map(() => 0) });
      // The spill ends with the table: the cell below it is empty.
      expect(spillValues(excel, sheet, table, addin, 1)[table.rows]).toBe("");
    }
  });

  it("calls each add-in function once per pot: one formula spilled beside the table, reading whole columns", () => {
    const palliative = plan.sheets.find((s) => s.name === "Palliativ")!.tables[0];
    const addin = palliative.spills.find((s) => s.header === "Nivå 1: SKL-funktion")!;
    const first = palliative.topLeft.row + 1;
    const last = first + palliative.rows - 1;
    const col = (header: string) => {
      const c = tableColumn(palliative, header).column;
      return `$${a1({ column: c, row: first }).replace(/\d+/, "")}$${first}:$${a1({ column: c, row: last }).replace(/\d+/, "")}$${last}`;
    };
    const formula = String(excel.formulaAt("Palliativ", a1({ column: addin.column, row: first })));
    expect(formula).toBe(
      `=SKL.PALLIATIVE_SHARE(${col("Kod")},${col("Kod")},${col("Registreringar")},${col("Dödsfall")},${col("Folkmängd")},P_Bas_Kommun,P_Troskel_Bas,Steg_Utbetalning)`
    );
    // The rows below hold the spill's values, no formula of their own; no SKL formula stands in the table.
    expect(excel.hasFormula("Palliativ", a1({ column: addin.column, row: first + 1 }))).toBe(false);
    expect(
      palliative.columns.some((c) => c.cells.some((x) => isFormula(x) && /SKL\./.test(formulaText(x.formula))))
    ).toBe(false);
    // Beside the table, after one empty column, with its header in the table's header row.
    expect(addin.column).toBeGreaterThan(palliative.topLeft.column + palliative.columns.length);
    expect(excel.valueAt("Palliativ", a1({ column: addin.column, row: palliative.topLeft.row }))).toBe(
      "Nivå 1: SKL-funktion"
    );
    const diff = palliative.spills.find((s) => s.header === "Nivå 1: skillnad")!;
    expect(excel.formulaAt("Palliativ", a1({ column: diff.column, row: first }))).toBe(
      `=${col("Nivå 1: belopp")}-${a1({ column: addin.column, row: first }, true)}#`
    );
  });

  it("computes the kronor the engine computed, in every amount column", () => {
    for (const sheet of plan.sheets) {
      for (const table of sheet.tables) {
        for (const col of table.columns.filter((c) => c.style === "amount")) {
          const computed = columnValues(excel, sheet.name, table, col.header);
          const engine = col.cells.map((c) => (isFormula(c) ? c.result : c));
          expect({ table: table.name, column: col.header, computed }).toEqual({
            table: table.name,
            column: col.header,
            computed: engine,
          });
        }
      }
    }
  });

  it("reads OK for the master check and for every check that is not informational", async () => {
    const before = excel.syncs;
    const report = await runChecks(result);
    expect(excel.syncs - before).toBe(1);
    expect(report.master).toBe("OK");
    expect(excel.valueAt("Avstämning", master)).toBe("OK");
    for (const c of report.checks) {
      expect({ id: c.id, status: c.status }).toEqual({ id: c.id, status: c.informational ? c.status : "OK" });
      expect(["OK", "INFO"]).toContain(c.status);
    }
  });

  it("sets number formats, looks, widths and frozen panes as the file writer does", () => {
    const table = plan.sheets.find((s) => s.name === "Palliativ")!.tables[0];
    const { column, firstRow } = tableColumn(table, "Summa (kr)");
    expect(excel.numberFormatAt("Palliativ", a1({ column, row: firstRow }))).toBe("#,##0");
    expect(excel.formatAt("Palliativ", a1(table.topLeft))["fill.color"]).toBe("#1F3864");
    expect(
      excel.formatAt("Palliativ", a1({ column: tableColumn(table, "Dödsfall").column, row: firstRow }))["fill.color"]
    ).toBe("#FFF2CC");
    expect(excel.formatAt("Palliativ", "A1")["font.size"]).toBe(14);
    expect(excel.formatAt("Palliativ", "B1")["columnWidth"]).toBeCloseTo((20 * 7 + 5) * 0.75);
    // The panes the plan freezes, as Excel's freeze calls take them: the rows above and the columns left of freezeAt.
    const palliativeFreeze = plan.sheets.find((s) => s.name === "Palliativ")!.freezeAt!;
    expect(excel.freezeOf("Palliativ")).toEqual(
      palliativeFreeze.row > 1
        ? { kind: "at", arg: `A1:${a1({ column: palliativeFreeze.column - 1, row: palliativeFreeze.row - 1 })}` }
        : { kind: "columns", arg: palliativeFreeze.column - 1 }
    );
    const countyTable = plan.sheets.find((s) => s.name === "Länsbidrag")!.tables[0];
    expect(excel.freezeOf("Länsbidrag")).toEqual({ kind: "at", arg: `A1:B${countyTable.topLeft.row}` });
  });

  it("adds the planned data validation and conditional formats", () => {
    const planned = plan.sheets.flatMap((s) =>
      s.validations.map((v) => `${s.name}!${address({ ...v.range, absolute: false })}`)
    );
    expect(excel.validations.map((v) => `${v.sheet}!${v.address}`).sort()).toEqual([...planned].sort());
    const deathsRange = dataRange(plan, "Palliativ_kommun", "Dödsfall").address;
    const deaths = excel.validations.find((v) => v.sheet === "Palliativ" && v.address === deathsRange)!;
    expect(deaths.rule).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(deaths.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
    const startedRange = dataRange(plan, "SeniorAlert_kommun", "Alla relevanta enheter startat").address;
    const list = excel.validations.find((v) => v.sheet === "Senior alert" && v.address === startedRange)!;
    expect(list.rule).toEqual({ list: { inCellDropDown: true, source: "Ja,Nej" } });
    const conditional = plan.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);
    expect(excel.conditionalFormats).toHaveLength(conditional);
    const format = excel.conditionalFormats.find((c) => c.sheet === "Avstämning" && c.address === master)!;
    expect(format.type).toBe("Custom");
    expect(format.ops).toContainEqual({ path: "custom.rule.formula", value: `=${master}="OK"` });
  });

  it("draws the county grant per county and the registration rate against both thresholds", () => {
    const county = excel.charts.find((c) => c.sheet === "Länsbidrag")!;
    expect(county.type).toBe("ColumnClustered");
    const countyTable = plan.sheets.find((s) => s.name === "Länsbidrag")!.tables[0];
    const final = tableColumn(countyTable, "Slutligt bidrag (kr)");
    expect(county.source).toBe(
      `'Länsbidrag'!${a1({ column: final.column, row: final.firstRow })}:${a1({ column: final.column, row: final.firstRow + countyTable.rows - 1 })}`
    );
    const counties = dataRange(plan, "Lansbidrag", "Län").address;
    expect(county.ops).toContainEqual({
      path: "series.getItemAt(0).setXAxisValues",
      args: [`'Länsbidrag'!${counties}`],
    });

    const rates = excel.charts.filter((c) => c.sheet === "Palliativ");
    expect(rates).toHaveLength(2);
    const lines = rates[0].ops.filter((o) => o.path.endsWith(".chartType"));
    expect(lines.map((o) => o.value)).toEqual(["Line", "Line"]);
    // The threshold lines read the named thresholds, one value per party.
    const series = rates[0].ops.find((o) => o.path.endsWith(".setValues"))!;
    const helper = parseAddress(String(series.args![0]).split("!")[1]);
    expect(excel.formulaAt("Palliativ", a1({ column: helper.c1, row: helper.r1 }))).toBe("=P_Troskel_Bas");
    expect(excel.valueAt("Palliativ", a1({ column: helper.c1, row: helper.r1 }))).toBe(0.4);
    expect(excel.valueAt("Palliativ", a1({ column: helper.c1 + 1, row: helper.r2 }))).toBe(0.7);
  });

  it("remembers what it built in the workbook's settings", () => {
    expect(JSON.parse(String(excel.settings.get("skl.arbetsbok")))).toEqual({
      builds: [{ title: plan.title, year: null, suffix: null }],
    });
  });

  // Last: it changes the workbook. A row added inside a table, as an import adds one (Excel shifts only the
  // table's own columns), is taken in by the spill beside it, which stays row by row beside its party.
  it("grows the spill and its difference with the table when a row is added inside it", async () => {
    const sheet = "Senior alert";
    const table = plan.sheets.find((s) => s.name === sheet)!.tables.find((t) => t.name === "SeniorAlert_landsting")!;
    const pair = twinPairs(plan).find((p) => p.table === table)!;
    const width = table.columns.length;
    const { column, row } = table.topLeft;
    const at = row + table.rows; // the new row goes above the last one, which moves down
    const span = (r: number) => `${a1({ column, row: r })}:${a1({ column: column + width - 1, row: r })}`;
    const cell = (header: string, r: number) => a1({ column: tableColumn(table, header).column, row: r });
    const lastCode = excel.valueAt(sheet, cell("Kod", at));
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      context.workbook.tables.getItem(table.name).rows.add(table.rows - 1, [Array.from({ length: width }, () => "")]);
      ws.getRange(span(at)).copyFrom(ws.getRange(span(at - 1)), "Formulas");
      ws.getRange(cell("Kod", at)).values = [["'99"]];
      ws.getRange(cell("Alla relevanta enheter startat", at)).values = [["Ja"]];
      ws.getRange(cell("Registreringar", at)).values = [[400]];
      await context.sync();
    });
    const grown = { ...table, rows: table.rows + 1 };
    const addin = spillValues(excel, sheet, grown, pair.addin, 1);
    const twin = columnValues(excel, sheet, grown, pair.twin);
    expect(addin.slice(0, -1)).toEqual(twin);
    expect(addin[addin.length - 1]).toBe("");
    expect(twin.some((v) => typeof v === "number" && v > 0)).toBe(true);
    expect(spillValues(excel, sheet, grown, pair.diff)).toEqual(twin.map(() => 0));
    // The party that was last is one row down, its amount beside it.
    expect(excel.valueAt(sheet, cell("Kod", at + 1))).toBe(lastCode);
    expect(excel.valueAt(sheet, a1({ column: pair.addin.column, row: at + 1 }))).toBe(twin[twin.length - 1]);
    // Avstämning reads the spill whole: the twin's check sees the new row (the unknown code "99" fails its own).
    const report = await runChecks(result);
    const status = (id: string) => report.checks.find((c) => c.id === id)?.status;
    expect([status("s-landsting-tvilling"), status("s-landsting-okanda")]).toEqual(["OK", "FEL"]);
  });
});

describe("Bygg arbetsbok never overwrites", () => {
  const userRows = [
    ["Mina anteckningar", "=1+1"],
    ["0114", 31],
  ];

  it("reports a planned sheet that exists, writes nothing, and leaves the user's sheet as it was", async () => {
    const excel = await createExcelDouble();
    excel.addUserSheet("Palliativ", userRows);
    installExcel(excel);
    const result = await buildWorkbook(plan);
    expect(result).toEqual({ status: "conflict", sheets: ["Palliativ"], tables: [], names: [], suffix: 2 });
    expect(excel.syncs).toBe(1);
    expect(excel.sheetNames()).toEqual(["Blad1", "Palliativ"]);
    expect(excel.writes).toEqual([]);
    expect(excel.valuesAt("Palliativ", "A1:B2")).toEqual([
      ["Mina anteckningar", 2],
      [114, 31],
    ]);
  });

  it("reports a workbook name of the user's that the plan would add, as a name and not as a sheet", async () => {
    const excel = await createExcelDouble();
    installExcel(excel);
    await Excel.run(async (context) => {
      context.workbook.names.add("P_Troskel_Bas", "=Blad1!$A$1");
      await context.sync();
    });
    const result = await buildWorkbook(plan);
    expect(result).toEqual({ status: "conflict", sheets: [], tables: [], names: ["P_Troskel_Bas"], suffix: 2 });
    expect(conflictMessage(result as Conflict).title).toBe("Namnen finns redan");
    expect(excel.sheetNames()).toEqual(["Blad1"]);
  });

  it("builds beside it under suffixed names, every formula and name pointing at the new sheets", async () => {
    const excel = await createExcelDouble();
    excel.addUserSheet("Palliativ", userRows);
    installExcel(excel);
    const result = built(await buildWorkbook(plan, { onConflict: "suffix" }));
    expect(result.suffix).toBe(2);
    expect(excel.largestSyncPayload).toBeLessThan(1024 * 1024);
    expect(excel.sheetNames()).toEqual(["Blad1", "Palliativ", ...plan.sheets.map((s) => `${s.name} (2)`)]);
    // The user's sheet is intact.
    expect(excel.formulaAt("Palliativ", "B1")).toBe("=1+1");
    expect(excel.valuesAt("Palliativ", "A1:B2")).toEqual([
      ["Mina anteckningar", 2],
      [114, 31],
    ]);
    expect(excel.valueAt("Palliativ", "C17")).toBe("");
    // Names and tables carry the suffix; names point at the suffixed sheets.
    expect(excel.names.get("P_Troskel_Bas_2")).toBe(
      "=Parametrar (2)!$C$8".replace("Parametrar (2)", "'Parametrar (2)'")
    );
    expect(excel.tables.map((t) => t.name)).toContain("Palliativ_kommun_2");
    // No formula on a new sheet refers to a planned sheet under its old name.
    const planned = new Set(plan.sheets.map((s) => s.name));
    for (const w of result.plan.sheets) {
      for (const t of w.tables) {
        for (const c of t.columns) {
          for (const content of c.cells) {
            if (!isFormula(content)) continue;
            for (const m of formulaText(content.formula).matchAll(/'((?:[^']|'')+)'!|([\p{L}_][\p{L}\p{N}_.]*)!/gu)) {
              expect(planned.has(m[1] ?? m[2])).toBe(false);
            }
          }
        }
      }
    }
    // The copy computes the same kronor as the plan, and its own checks pass.
    const pairs = twinPairs(plan);
    for (const { sheet, table, addin, twin } of pairs) {
      const copy = result.plan.sheets
        .find((s) => s.name === `${sheet} (2)`)!
        .tables.find((t) => t.name === `${table.name}_2`)!;
      const a = spillValues(excel, `${sheet} (2)`, copy, addin);
      const engine = table.columns.find((c) => c.header === twin)!.cells.map((c) => (isFormula(c) ? c.result : c));
      const name = addin.header;
      expect({ table: copy.name, name, values: a }).toEqual({ table: copy.name, name, values: engine });
    }
    const report = await runChecks(result);
    expect(report.master).toBe("OK");
    expect(report.checks[0].targets[0].sheet).toBe("Palliativ (2)");
    expect(excel.valueAt("Avstämning (2)", master)).toBe("OK");
  });

  it("takes the next free suffix when the workbook was built before", async () => {
    const excel = await createExcelDouble();
    installExcel(excel);
    built(await buildWorkbook(plan));
    const again = await buildWorkbook(plan);
    expect(again.status).toBe("conflict");
    if (again.status === "conflict") {
      expect(again.sheets).toEqual(plan.sheets.map((s) => s.name));
      expect(again.tables).toContain("Palliativ_kommun");
      expect(again.names).toContain("P_Troskel_Bas");
      expect(again.suffix).toBe(2);
    }
    expect(built(await buildWorkbook(plan, { onConflict: "suffix" })).suffix).toBe(2);
    expect(built(await buildWorkbook(plan, { onConflict: "suffix" })).suffix).toBe(3);
    expect(excel.hasSheet("Palliativ (3)")).toBe(true);
  });
});

describe("a build that fails partway", () => {
  it("removes the sheets and names it had added, leaves the user's sheet, and says so", async () => {
    const excel = await createExcelDouble();
    excel.addUserSheet("Mitt blad", [["Mina siffror", 12]]);
    installExcel(excel);
    // The read is sync 1; sync 3 is a batch of writes in the middle of the build.
    excel.failOnSync(3);
    const attempt = buildWorkbook(plan, { year: 2010 });
    await expect(attempt).rejects.toBeInstanceOf(BuildFailedError);
    await expect(attempt).rejects.toThrow(
      "Bygget avbröts (Anslutningen till Excel bröts). Bladen och namnen som bygget hade lagt till är borttagna igen: arbetsboken är som före bygget. Försök igen."
    );
    expect(excel.sheetNames()).toEqual(["Blad1", "Mitt blad"]);
    expect(excel.valuesAt("Mitt blad", "A1:B1")).toEqual([["Mina siffror", 12]]);
    expect([...excel.names.keys()]).toEqual([]);
    expect(excel.tables).toEqual([]);
    expect(excel.charts).toEqual([]);
    expect(excel.settings.has("skl.arbetsbok")).toBe(false);
    // And the next build works as if nothing had happened.
    expect(built(await buildWorkbook(plan, { year: 2010 })).suffix).toBeUndefined();
  });

  it("never touches an earlier build: a failed second build leaves the first and its record", async () => {
    const excel = await createExcelDouble();
    installExcel(excel);
    const first = built(await buildWorkbook(plan, { year: 2010 }));
    const record = excel.settings.get("skl.arbetsbok");
    const sheets = excel.sheetNames();
    const names = [...excel.names.keys()];
    // The last sync of the second build (the one that records it) fails.
    excel.failOnSync(first.syncs);
    await expect(buildWorkbook(plan, { year: 2010, onConflict: "suffix" })).rejects.toBeInstanceOf(BuildFailedError);
    expect(excel.sheetNames()).toEqual(sheets);
    expect([...excel.names.keys()]).toEqual(names);
    expect(excel.settings.get("skl.arbetsbok")).toBe(record);
    expect(excel.valueAt("Avstämning", master)).toBe("OK");
  });
});
