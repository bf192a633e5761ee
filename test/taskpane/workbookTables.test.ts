/*
 * The pane's reads and writes of the built workbook, against the in-memory Excel: an import written into the
 * tables (only the cells that change, checked against the preview first; text stays text), discharge days
 * replacing the groups a file holds (individuals added and removed, a new settlement row with its formulas),
 * a large import read and written in parts of a bounded size (refused when no plan fits, resumable when a
 * round trip fails), the explanation of the selected cell in any build, and the builds remembered in the
 * workbook so that the pane finds them again after a reload.
 */
import fs from "node:fs";
import path from "node:path";
import { loadBundledInputs } from "../../src/cli/readData";
import { runChecks } from "../../src/taskpane/checks";
import { explanationLines } from "../../src/taskpane/explain";
import {
  HEADER,
  importTargetTables,
  parseImport,
  ParsedImport,
  previewImport,
  referenceFromTables,
  TABLE,
  TableValues,
} from "../../src/taskpane/import";
import {
  explainSelection,
  ImportInterruptedError,
  ImportTooLargeError,
  placedTables,
  readTables,
  restoreBuilds,
  StaleImportError,
  tableAt,
  writeImport,
} from "../../src/taskpane/workbookTables";
import { buildWorkbook, Built, BuiltWorkbook } from "../../src/taskpane/writePlan";
import { a1, columnLetter } from "../../src/workbook/refs";
import { buildPlan } from "../../src/workbook/buildPlan";
import { createExcelDouble, ExcelDouble } from "../support/excelDouble";
import { built, builtInDouble, installExcel } from "../support/paneBuild";
import { dataCell, namedCell } from "../support/planCells";

const plan = buildPlan(loadBundledInputs(2010), "addin").plan;
/** 0114 Upplands Väsby's row of Palliativ_kommun (row 0), and the rows below it. */
const cellOf = (header: string, row = 0) => dataCell(plan, TABLE.palliativeKommun, header, row).a1;
const master = namedCell(plan, "Alla_kontroller").a1;
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/import", name)));

/** Parses an import against the workbook's own reference lists and previews it, as the pane does. */
async function previewOf(workbook: BuiltWorkbook, input: string | Uint8Array) {
  const reference = await readTables(workbook, [TABLE.municipalities, TABLE.counties]);
  const parsed: ParsedImport = parseImport(
    input,
    referenceFromTables(reference[TABLE.municipalities]!, reference[TABLE.counties]!)
  );
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
  return previewImport(parsed, await readTables(workbook, importTargetTables(parsed.kind)));
}

describe("the built workbook's tables", () => {
  let excel: ExcelDouble;
  let workbook: Built;

  beforeAll(async () => {
    ({ excel, workbook } = await builtInDouble(plan, { year: 2010 }));
  });

  beforeEach(() => installExcel(excel));

  it("knows where every table was built, by the name the import and explain modules use", () => {
    const tables = placedTables(workbook);
    expect(tables.get(TABLE.palliativeKommun)).toMatchObject({ sheet: "Palliativ", rows: 290 });
    expect(tableAt(workbook, "Palliativ", cellOf("Nivå 1: belopp"))).toMatchObject({
      row: 0,
      column: "Nivå 1: belopp",
    });
    expect(
      tableAt(workbook, "Palliativ", a1(plan.sheets.find((s) => s.name === "Palliativ")!.tables[0].topLeft))
    ).toMatchObject({
      row: -1,
      column: "Kod",
    });
    expect(tableAt(workbook, "Palliativ", "A1")).toBeUndefined();
    // A cell of a column spilled beside the table is the table's, in the row beside it.
    expect(tableAt(workbook, "Palliativ", cellOf("Nivå 1: SKL-funktion", 3))).toMatchObject({
      row: 3,
      column: "Nivå 1: SKL-funktion",
      spilled: true,
    });
  });

  it("reads tables in one round trip", async () => {
    const before = excel.syncs;
    const tables = await readTables(workbook, [TABLE.municipalities, TABLE.counties]);
    expect(excel.syncs - before).toBe(1);
    expect(tables[TABLE.municipalities]![0]).toEqual(["Kod", "Kommun", "Län", "Folkmängd"]);
    expect(tables[TABLE.municipalities]).toHaveLength(291);
    expect(tables[TABLE.counties]![1][0]).toBe("01");
  });

  it("writes a valid import in two round trips (check again, write), and the workbook recomputes", async () => {
    const preview = await previewOf(workbook, fixture("palliativ-semikolon-bom.csv"));
    expect(preview.ok).toBe(true);
    const before = excel.syncs;
    expect((await writeImport(workbook, preview.edits)).cells).toBeGreaterThan(0);
    expect(excel.syncs - before).toBe(2);
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

  it("leaves a formula the user has in a row between two changed rows as it is", async () => {
    // 0115 (row 1) holds the user's own formula for its deaths; the import changes 0114 and 0117 around it.
    const deaths0115 = excel.valueAt("Palliativ", cellOf("Dödsfall", 1)) as number;
    excel.userWrite("Palliativ", cellOf("Dödsfall", 1), [[`=${deaths0115 - 1}+1`]]);
    const deaths0117 = excel.valueAt("Palliativ", cellOf("Dödsfall", 2)) as number;
    const preview = await previewOf(
      workbook,
      `Kod;Dödsfall;Registreringar\n0114;21;9\n0115;${deaths0115};${excel.valueAt("Palliativ", cellOf("Registreringar", 1))}\n0117;${deaths0117 + 1};0\n`
    );
    expect(preview.changes.map((c) => [c.party, c.column])).toEqual([
      ["0114 Upplands Väsby", "Dödsfall"],
      ["0117 Österåker", "Dödsfall"],
      ["0117 Österåker", "Registreringar"],
    ]);
    await writeImport(workbook, preview.edits);
    expect(excel.formulaAt("Palliativ", cellOf("Dödsfall", 1))).toBe(`=${deaths0115 - 1}+1`);
    expect(excel.valueAt("Palliativ", cellOf("Dödsfall", 0))).toBe(21);
    expect(excel.valueAt("Palliativ", cellOf("Dödsfall", 2))).toBe(deaths0117 + 1);
    expect(excel.valueAt("Palliativ", cellOf("Registreringar", 2))).toBe(0);
  });

  it("writes nothing when the sheet changed after the preview, and says to preview again", async () => {
    const preview = await previewOf(workbook, "Kod;Dödsfall;Registreringar\n0114;30;9\n");
    // The user types another figure into the cell before pressing Skriv in.
    excel.userWrite("Palliativ", cellOf("Dödsfall"), [[25]]);
    const writes = excel.writes.length;
    const attempt = writeImport(workbook, preview.edits);
    await expect(attempt).rejects.toBeInstanceOf(StaleImportError);
    await expect(attempt).rejects.toThrow(
      `Arbetsboken har ändrats sedan förhandsgranskningen: Palliativ!${cellOf("Dödsfall")} (Dödsfall) visar nu 25, förhandsgranskningen läste 21. Inget har skrivits; förhandsgranska igen.`
    );
    expect(excel.writes.length).toBe(writes);
    expect(excel.valueAt("Palliativ", cellOf("Dödsfall"))).toBe(25);
  });

  it("writes text that looks like a formula as text", async () => {
    const preview = await previewOf(workbook, "Kommun;Månad;Individ;Dagar\n0821;2018-02;=1+1;4\n");
    const individuals = (await readTables(workbook, [TABLE.dischargeIndividuals]))[TABLE.dischargeIndividuals]!;
    await writeImport(workbook, preview.edits);
    const after = (await readTables(workbook, [TABLE.dischargeIndividuals]))[TABLE.dischargeIndividuals]!;
    const row = after.findIndex((r) => r[2] === "=1+1");
    expect(row).toBeGreaterThan(0);
    const table = excel.tables.find((t) => t.name === TABLE.dischargeIndividuals)!;
    const first = Number(/\d+/.exec(table.address)![0]);
    const at = `C${first + row}`;
    expect(excel.hasFormula("UK individer", at)).toBe(false);
    expect(excel.numberFormatAt("UK individer", at)).toBe("@");
    // February's other individuals of 0821 are not in the file: they went, the new one came.
    const february = (rows: TableValues) => rows.filter((r) => r[0] === "0821" && r[1] === "2018-02").length;
    expect(february(after)).toBe(1);
    expect(after.length - individuals.length).toBe(1 - february(individuals));
  });

  it("keeps an id that starts with an apostrophe or a full-width sign as it is: the same file previews again as no change", async () => {
    const file =
      "Kommun;Månad;Individ;Dagar\n0821;2018-03;'=A1;4\n0821;2018-03;'S02;2\n0821;2018-03;＝1+1;5\n0821;2018-03;＠X;1\n";
    const first = await previewOf(workbook, file);
    await writeImport(workbook, first.edits);
    const after = (await readTables(workbook, [TABLE.dischargeIndividuals]))[TABLE.dischargeIndividuals]!;
    expect(after.filter((r) => r[0] === "0821" && r[1] === "2018-03").map((r) => r[2])).toEqual([
      "'=A1",
      "'S02",
      "＝1+1",
      "＠X",
    ]);
    const again = await previewOf(workbook, file);
    expect(again.changes).toEqual([]);
    expect(again.edits).toEqual([]);
  });

  it("explains the selected amount in two round trips, with the workbook's current values", async () => {
    await excel.userSelect("Palliativ", cellOf("Nivå 1: belopp"));
    const before = excel.syncs;
    const { address, explanation } = await explainSelection([workbook]);
    expect(excel.syncs - before).toBe(2);
    expect(address).toBe(`Palliativ!${cellOf("Nivå 1: belopp")}`);
    expect(explanation.kind).toBe("amount");
    expect(explanation.party).toEqual({ code: "0114", name: "Upplands Väsby" });
    // 25 deaths (typed by the user above) and 9 registrations: 36 %.
    expect(
      explanationLines(explanation)
        .join("\n")
        .replace(/\u00a0/g, " ")
    ).toContain("9 av 25 = 36,0 %");
  });

  it("explains any cell of a spilled column as the amount of the party in its row, naming the formula's cell", async () => {
    await excel.userSelect("Palliativ", cellOf("Nivå 1: SKL-funktion"));
    const { address, explanation } = await explainSelection([workbook]);
    expect(address).toBe(`Palliativ!${cellOf("Nivå 1: SKL-funktion")}`);
    expect(explanation.kind).toBe("amount");
    expect(explanation.party).toEqual({ code: "0114", name: "Upplands Väsby" });
    const text = explanationLines(explanation)
      .join("\n")
      .replace(/\u00a0/g, " ");
    expect(text).toContain("9 av 25 = 36,0 %");
    expect(text).toContain(`en formel i ${cellOf("Nivå 1: SKL-funktion")} räknar hela kolumnen`);
    // A cell further down the spill, and the difference beside it: the party of that row.
    const code = (row: number) => excel.valueAt("Palliativ", cellOf("Kod", row));
    for (const [header, row] of [
      ["Nivå 2: SKL-funktion", 5],
      ["Nivå 1: skillnad", 7],
    ] as const) {
      await excel.userSelect("Palliativ", cellOf(header, row));
      const { explanation: e } = await explainSelection([workbook]);
      expect({ header, code: e.party?.code }).toEqual({ header, code: code(row) });
    }
  });

  it("asks for an amount when the selection is outside the tables", async () => {
    await excel.userSelect("Start", "B3");
    const { explanation } = await explainSelection([workbook]);
    expect(explanation.kind).toBe("none");
  });
});

describe("discharge days: an import replaces the groups the file holds", () => {
  let excel: ExcelDouble;
  let workbook: Built;
  const individuals = async () =>
    (await readTables(workbook, [TABLE.dischargeIndividuals]))[TABLE.dischargeIndividuals]!;
  const settlement = async () => (await readTables(workbook, [TABLE.dischargeSettlement]))[TABLE.dischargeSettlement]!;
  /** The settlement row of a group, by header. */
  const settlementOf = async (group: string) => {
    const rows = await settlement();
    const header = rows[0] as string[];
    const row = rows.find((r) => r[header.indexOf(HEADER.group)] === group);
    return row && Object.fromEntries(header.map((h, i) => [h, row[i]]));
  };
  /** Every row outside the given groups, as text, sorted: what an import of those groups must leave alone. */
  const others = (rows: TableValues, groups: readonly string[]) =>
    rows
      .slice(1)
      .filter((r) => !groups.includes(`${r[0]} ${r[1]} ${r[3]}`))
      .map((r) => r.join("|"))
      .sort();

  beforeAll(async () => {
    ({ excel, workbook } = await builtInDouble(plan, { year: 2010 }));
  });

  beforeEach(() => installExcel(excel));

  it("changes the days of one municipality and month and leaves every other group as it was", async () => {
    const before = await individuals();
    // 0821 Högsby, January, somatic care: S01 0, S02 3, S03 2 days in the bundled demo data.
    expect(before.filter((r) => r[0] === "0821" && r[1] === "2018-01").map((r) => [r[2], r[4]])).toEqual([
      ["S01", 0],
      ["S02", 3],
      ["S03", 2],
    ]);
    const preview = await previewOf(
      workbook,
      "Kommun;Månad;Individ;Dagar rapporterade;Dagar efter analys\n0821;2018-01;S01;8;7\n0821;2018-01;S02;3;3\n0821;2018-01;S03;2;2\n"
    );
    expect(preview.changes.map((c) => [c.party, c.column, c.before, c.after])).toEqual([
      ["0821 Högsby, 2018-01, S01 (somatisk)", "Dagar rapporterade", 0, 8],
      ["0821 Högsby, 2018-01, S01 (somatisk)", "Dagar efter analys", 0, 7],
    ]);
    await writeImport(workbook, preview.edits);
    const after = await individuals();
    expect(after.length).toBe(before.length);
    expect(others(after, ["0821 2018-01 somatisk"])).toEqual(others(before, ["0821 2018-01 somatisk"]));
    // Reported 8 + 3 + 2 = 13 (4,33 > 3: analysis); after analysis 7 + 3 + 2 = 12 for 3 individuals, 4 > 3:
    // billed, S01's 7 − 3 = 4 days × 7 000 kr = 28 000 kr, by the formula and by the add-in alike.
    expect(await settlementOf("0821 2018-01 somatisk")).toMatchObject({
      Individer: 3,
      "Dagar rapporterade": 13,
      "Dagar efter analys": 12,
      Debiteras: "Ja",
      "Debiterbara dagar": 4,
      "Belopp (kr)": 28000,
      "SKL-funktion (kr)": 28000,
      Skillnad: 0,
    });
    expect(excel.valueAt("Avstämning", master)).toBe("OK");
  });

  it("adds an individual as a table row with the table's formulas, and removes one the file lacks", async () => {
    const before = await individuals();
    // S02 is left out of the file, S09 is new.
    const preview = await previewOf(
      workbook,
      "Kommun;Månad;Individ;Dagar rapporterade;Dagar efter analys\n0821;2018-01;S01;8;7\n0821;2018-01;S03;2;2\n0821;2018-01;S09;6;5\n"
    );
    expect(preview.summary).toBe(
      "Importen ersätter 1 grupp (kommun, månad och vårdform) i UK_individer; övriga grupper lämnas som de är. " +
        "1 individ läggs till och 1 individ tas bort (finns inte i filen); 2 individer är oförändrade."
    );
    const written = await writeImport(workbook, preview.edits);
    expect(written).toMatchObject({ added: { UK_individer: 1 }, removed: { UK_individer: 1 } });
    const after = await individuals();
    expect(after.length).toBe(before.length);
    expect(after.filter((r) => r[0] === "0821" && r[1] === "2018-01").map((r) => r[2])).toEqual(["S01", "S03", "S09"]);
    expect(others(after, ["0821 2018-01 somatisk"])).toEqual(others(before, ["0821 2018-01 somatisk"]));
    // The new row computes like the others: its days over the limit, its check and its group are formulas.
    const table = excel.tables.find((t) => t.name === TABLE.dischargeIndividuals)!;
    const first = Number(/\d+/.exec(table.address)![0]) + 1;
    const isNew = (r: readonly unknown[]) => r[0] === "0821" && r[1] === "2018-01" && r[2] === "S09";
    const row = first + after.findIndex(isNew) - 1;
    const header = after[0] as string[];
    const column = (h: string) => columnLetter(1 + header.indexOf(h));
    expect(excel.hasFormula("UK individer", `${column(HEADER.daysOver)}${row}`)).toBe(true);
    expect(excel.formulaAt("UK individer", `${column(HEADER.group)}${row}`)).toBe(`=A${row}&" "&B${row}&" "&D${row}`);
    // Reported 6 and 5 after analysis: 3 and 2 days over the somatic limit of 3.
    expect(after.find(isNew)).toEqual([
      "0821",
      "2018-01",
      "S09",
      "somatisk",
      6,
      5,
      3,
      2,
      "OK",
      "0821 2018-01 somatisk",
    ]);
    // After analysis 7 + 2 + 5 = 14 for 3 individuals (4,67 > 3): billed (7 − 3) + (5 − 3) = 6 days, 42 000 kr.
    expect(await settlementOf("0821 2018-01 somatisk")).toMatchObject({
      Individer: 3,
      "Dagar efter analys": 14,
      "Debiterbara dagar": 6,
      "Belopp (kr)": 42000,
      "SKL-funktion (kr)": 42000,
    });
    expect(excel.valueAt("Avstämning", master)).toBe("OK");
  });

  it("adds a settlement row for a group the workbook did not settle, with the formulas of the rows above", async () => {
    // 0821 had no psychiatry in January. 25 days for P01: 5 days over 20, 35 000 kr (no average condition).
    const rows = (await settlement()).length;
    expect(await settlementOf("0821 2018-01 psykiatri")).toBeUndefined();
    const preview = await previewOf(workbook, "Kommun;Månad;Individ;Vårdform;Dagar\n0821;2018-01;P01;psykiatri;25\n");
    expect(preview.changes.map((c) => [c.table, c.column, c.change])).toEqual([
      ["UK_individer", "Dagar rapporterade", "läggs till"],
      ["UK_individer", "Dagar efter analys", "läggs till"],
      ["UK_avrakning", "Avräkningsrad", "läggs till"],
    ]);
    await writeImport(workbook, preview.edits);
    expect((await settlement()).length).toBe(rows + 1);
    expect(await settlementOf("0821 2018-01 psykiatri")).toMatchObject({
      Kommun: "0821",
      Namn: "Högsby",
      Månad: "2018-01",
      Månadsnr: 1,
      Individer: 1,
      Dagsgräns: 20,
      "Debiterbara dagar": 5,
      "Belopp (kr)": 35000,
      "SKL-funktion (kr)": 35000,
      Skillnad: 0,
    });
    // The sum below the settlement and every check take the new row in.
    expect(excel.valueAt("Avstämning", master)).toBe("OK");
    const explained = await (async () => {
      const table = excel.tables.find((t) => t.name === TABLE.dischargeSettlement)!;
      const all = await settlement();
      const header = all[0] as string[];
      const at = all.findIndex((r) => r[header.indexOf(HEADER.group)] === "0821 2018-01 psykiatri");
      const column = columnLetter(1 + header.indexOf(HEADER.dischargeAmount));
      await excel.userSelect("Utskrivningsklara", `${column}${Number(/\d+/.exec(table.address)![0]) + at}`);
      return explainSelection([workbook]);
    })();
    expect(explained.explanation.kind).toBe("amount");
    expect(
      explanationLines(explained.explanation)
        .join("\n")
        .replace(/\u00a0/g, " ")
    ).toContain("P01: 25 − 20 = 5");
  });
});

describe("a large discharge import, read and written in parts", () => {
  let excel: ExcelDouble;
  let workbook: Built;
  /** Small parts, so that the 2010 workbook's tables take several round trips each. */
  const bytesPerSync = 20_000;
  const individuals = async () =>
    (await readTables(workbook, [TABLE.dischargeIndividuals]))[TABLE.dischargeIndividuals]!;
  /** Every individual of the workbook with new days, and `extra` new individuals in each group, named `prefix`1 …. */
  const file = (rows: TableValues, extra: number, prefix = "N") => {
    const lines = ["Kommun;Månad;Individ;Vårdform;Dagar rapporterade;Dagar efter analys"];
    for (const r of rows.slice(1)) lines.push(`${r[0]};${r[1]};${r[2]};${r[3]};${Number(r[4]) + 1};${r[5]}`);
    const groups = [...new Set(rows.slice(1).map((r) => `${r[0]};${r[1]};${r[3]}`))];
    for (const g of groups) {
      const [kommun, month, care] = g.split(";");
      for (let k = 1; k <= extra; k++) lines.push(`${kommun};${month};${prefix}${k};${care};${k % 7};${k % 5}`);
    }
    return `${lines.join("\n")}\n`;
  };

  beforeAll(async () => {
    ({ excel, workbook } = await builtInDouble(plan, { year: 2010 }));
  });

  beforeEach(() => installExcel(excel));

  it("reads a table in parts sized from its rows, each response far under the limit, the progress moving", async () => {
    const whole = await individuals();
    const before = excel.syncs;
    const progress: number[] = [];
    const parts = await readTables(workbook, [TABLE.dischargeIndividuals], {
      bytesPerSync,
      onProgress: (f) => progress.push(f),
    });
    const payloads = excel.syncPayloads.slice(before);
    expect(parts[TABLE.dischargeIndividuals]).toEqual(whole);
    expect(payloads.length).toBeGreaterThan(3);
    expect(Math.max(...payloads.map((p) => p.response))).toBeLessThan(1.5 * bytesPerSync);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
  });

  it("writes an import that adds three hundred rows in parts, each request far under the limit", async () => {
    const before = await individuals();
    const preview = await previewOf(workbook, file(before, 2));
    expect(preview.ok).toBe(true);
    const groups = new Set(before.slice(1).map((r) => `${r[0]} ${r[1]} ${r[3]}`)).size;
    const start = excel.syncs;
    const progress: number[] = [];
    const written = await writeImport(workbook, preview.edits, { bytesPerSync, onProgress: (f) => progress.push(f) });
    const payloads = excel.syncPayloads.slice(start);
    expect(written.added).toEqual({ [TABLE.dischargeIndividuals]: 2 * groups });
    expect(written.syncs).toBe(payloads.length);
    expect(payloads.length).toBeGreaterThan(5);
    expect(Math.max(...payloads.map((p) => Math.max(p.request, p.response)))).toBeLessThan(2 * bytesPerSync);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
    // Every row is there once, the new ones with the table's formulas; the workbook's checks all pass.
    const after = await individuals();
    expect(after.length - before.length).toBe(2 * groups);
    const header = after[0] as string[];
    const group = after.slice(1).map((r) => r[header.indexOf(HEADER.group)]);
    expect(group.every((g, i) => g === `${after[i + 1][0]} ${after[i + 1][1]} ${after[i + 1][3]}`)).toBe(true);
    expect(excel.valueAt("Avstämning", master)).toBe("OK");
  });

  it("refuses an import no round trip can carry, before writing anything", async () => {
    const rows = await individuals();
    // One individual added whose id is longer than a round trip may be (no reader lets such a cell through:
    // the edit is made by hand here, to see that the writer refuses what it cannot carry).
    const preview = await previewOf(workbook, file(rows, 1, "X"));
    const edit = preview.edits[0];
    const huge = "x".repeat(1_100_000);
    const added = [{ ...edit, add: [{ values: { ...edit.add[0].values, [HEADER.individual]: huge } }] }];
    const writes = excel.writes.length;
    await expect(writeImport(workbook, added)).rejects.toBeInstanceOf(ImportTooLargeError);
    await expect(writeImport(workbook, added)).rejects.toThrow(/större .* än ett anrop till Excel får vara/);
    expect(excel.writes.length).toBe(writes);
    expect(await individuals()).toEqual(rows);
  });

  it("says how far it came when a round trip fails, and a new preview of the same file writes the rest", async () => {
    const rows = await individuals();
    const text = file(rows, 2, "F");
    const preview = await previewOf(workbook, text);
    // The round trip after the first that writes fails (the ones before it read again what the preview read).
    const writes = excel.writes.length;
    let armed = false;
    const attempt = writeImport(workbook, preview.edits, {
      bytesPerSync,
      onProgress: () => {
        if (armed || excel.writes.length === writes) return;
        armed = true;
        excel.failOnSync(1);
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(ImportInterruptedError);
    await expect(attempt).rejects.toThrow(/^Importen avbröts under del \d+ av \d+ \(Anslutningen till Excel bröts\)/);
    const again = await previewOf(workbook, text);
    expect(again.ok).toBe(true);
    expect(again.changes.length).toBeLessThan(preview.changes.length);
    await writeImport(workbook, again.edits, { bytesPerSync });
    expect((await previewOf(workbook, text)).changes).toEqual([]);
    expect(excel.valueAt("Avstämning", master)).toBe("OK");
  });
});

describe("every build of the pane", () => {
  let excel: ExcelDouble;

  beforeAll(async () => {
    excel = await createExcelDouble();
    installExcel(excel);
    built(await buildWorkbook(plan, { year: 2010 }));
    built(await buildWorkbook(plan, { year: 2010, onConflict: "suffix" }));
  });

  beforeEach(() => installExcel(excel));

  it("is found again from the workbook's settings, each with its suffix", async () => {
    const restored = await restoreBuilds(() => plan);
    expect(restored.map((b) => b.suffix)).toEqual([undefined, 2]);
    expect(restored[1].plan.sheets.map((s) => s.name)).toContain("Palliativ (2)");
    for (const b of restored) expect((await runChecks(b)).master).toBe("OK");
  });

  it("is explained, the first build too, after a second was built beside it", async () => {
    const restored = await restoreBuilds(() => plan);
    await excel.userSelect("Palliativ", cellOf("Nivå 1: belopp"));
    const first = await explainSelection(restored);
    expect(first.explanation.kind).toBe("amount");
    expect(first.explanation.party).toEqual({ code: "0114", name: "Upplands Väsby" });
    await excel.userSelect("Palliativ (2)", cellOf("Nivå 1: belopp"));
    expect((await explainSelection(restored)).explanation.kind).toBe("amount");
  });

  it("reads a workbook built before the settings listed every build (one record)", async () => {
    const old = await createExcelDouble();
    installExcel(old);
    built(await buildWorkbook(plan, { year: 2010 }));
    old.settings.set("skl.arbetsbok", JSON.stringify({ title: plan.title, year: 2010, suffix: null }));
    expect((await restoreBuilds(() => plan)).map((b) => b.suffix)).toEqual([undefined]);
  });

  it("finds nothing in a workbook the pane did not build", async () => {
    installExcel(await createExcelDouble());
    expect(await restoreBuilds(() => plan)).toEqual([]);
  });
});
