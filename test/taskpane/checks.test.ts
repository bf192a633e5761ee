/*
 * Kontrollera's pieces: addresses as Excel gives them split into sheet and address, targets grouped into one link per sheet, and
 * the link's action: for a check that fails, select the cells that fail it (the rows whose code is counted
 * twice, the unknown-code marker, a difference that is not 0), else the cells it is about. Against
 * office-addin-mock, the Office mock from Microsoft, and against the in-memory Excel with a built workbook.
 */
import { OfficeMockObject } from "office-addin-mock";
import { loadBundledInputs } from "../../src/cli/readData";
import { CheckResult, runChecks, selectCheckCells, splitReference, targetsBySheet } from "../../src/taskpane/checks";
import { builtFrom } from "../../src/taskpane/workbookTables";
import { Built } from "../../src/taskpane/writePlan";
import { buildPlan } from "../../src/workbook/buildPlan";
import { a1, cellRef, rangeRef } from "../../src/workbook/refs";
import { ExcelDouble } from "../support/excelDouble";
import { builtInDouble } from "../support/paneBuild";
import { dataCell, dataRange } from "../support/planCells";

// office-addin-mock reads one enum from office-addin-manifest, whose dependencies are ES modules that jest (CommonJS)
// cannot load; the mock needs nothing else from it.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Word: "word" },
}));

const plan = buildPlan(loadBundledInputs(2010), "addin").plan;
const check = (id: string, status: CheckResult["status"] = "FEL"): CheckResult => {
  const c = plan.checks.find((x) => x.id === id)!;
  return {
    id,
    label: c.label,
    status,
    shown: status,
    informational: c.informational,
    targets: c.targets,
    failing: c.failing,
  };
};

describe("references", () => {
  it("splits a sheet-qualified reference, quoted or not", () => {
    expect(splitReference("Palliativ!$C$8")).toEqual({ sheet: "Palliativ", address: "$C$8" });
    expect(splitReference("'Senior alert'!$A$18:$A$307")).toEqual({ sheet: "Senior alert", address: "$A$18:$A$307" });
    expect(splitReference("'Palliativ (2)'!$C$8")).toEqual({ sheet: "Palliativ (2)", address: "$C$8" });
    expect(splitReference("'Kim''s blad'!A1")).toEqual({ sheet: "Kim's blad", address: "A1" });
  });

  it("groups a check's targets into one link per sheet, in order", () => {
    const column = (sheet: string, c: number, from: number, to: number) =>
      rangeRef(sheet, { column: c, row: from }, { column: c, row: to });
    const pot = cellRef("Palliativ", 3, 8);
    expect(
      targetsBySheet([column("Palliativ", 1, 17, 306), column("Kommuner", 1, 5, 294), rangeRef("Palliativ", pot, pot)])
    ).toEqual([
      { sheet: "Palliativ", address: "$A$17:$A$306, $C$8" },
      { sheet: "Kommuner", address: "$A$5:$A$294" },
    ]);
  });
});

describe("selecting the cells of a failing check (office-addin-mock)", () => {
  const table = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === "Palliativ_kommun")!;
  const top = table.topLeft;
  const countColumn = table.columns.findIndex((c) => c.header === "Rader med koden");
  const width = table.columns.length;

  /**
   * Excel with Palliativ_kommun as it stands now: `rows` data rows whose "Rader med koden" are `counts`; a
   * column of its data rows is read by `getColumn`.
   */
  function mockExcel(counts: number[]) {
    const values = counts.map((n) => Array.from({ length: width }, (_, c) => (c === countColumn ? n : "")));
    const columnAddress = (c: number) =>
      `Palliativ!${a1({ column: top.column + c, row: top.row + 1 })}:${a1({ column: top.column + c, row: top.row + counts.length })}`;
    return new OfficeMockObject({
      context: {
        workbook: {
          tables: {
            asked: "",
            column: -1,
            getItem(name: string) {
              this.asked = name;
              return {
                getDataBodyRange: () => ({
                  getColumn: (c: number) => {
                    this.column = c;
                    const range = { address: columnAddress(c), values: values.map((row) => [row[c]]) };
                    return { ...range, load: () => range };
                  },
                }),
              };
            },
          },
          worksheets: {
            sheet: {
              name: "",
              active: false,
              selected: "",
              activate() {
                this.active = true;
              },
              getRange(a: string) {
                return { select: () => (this.selected = a) };
              },
              getRanges(a: string) {
                return { select: () => (this.selected = a) };
              },
            },
            getItem(name: string) {
              this.sheet.name = name;
              return this.sheet;
            },
          },
        },
      },
      run: async function (callback: (context: unknown) => Promise<unknown>) {
        return callback(this.context);
      },
    }) as any;
  }

  it("selects the rows whose code is counted more than once, not the whole column", async () => {
    const counts = Array.from({ length: table.rows }, () => 1);
    counts[3] = 2;
    counts[4] = 2;
    counts[40] = 2;
    const excel = mockExcel(counts);
    (globalThis as any).Excel = excel;
    const selection = await selectCheckCells(builtFrom(plan, null), check("p-kommun-dubbletter"), "Palliativ");
    const letter = dataRange(plan, "Palliativ_kommun", "Rader med koden").address.replace(/\d+.*$/, "");
    const row = (i: number) => top.row + 1 + i;
    expect(excel.context.workbook.tables.asked).toBe("Palliativ_kommun");
    // Only the column the check is about is read.
    expect(excel.context.workbook.tables.column).toBe(countColumn);
    expect(selection).toEqual({
      sheet: "Palliativ",
      address: `${letter}${row(3)}:${letter}${row(4)}, ${letter}${row(40)}`,
      narrowed: true,
      failing: 3,
      leftOut: 0,
    });
    const sheet = excel.context.workbook.worksheets.sheet;
    expect([sheet.name, sheet.active, sheet.selected]).toEqual(["Palliativ", true, selection.address]);
  });

  it("reads the table where it stands now: a row added below the built rows is found too", async () => {
    const counts = [...Array.from({ length: table.rows }, () => 1), 2, 2];
    const excel = mockExcel(counts);
    (globalThis as any).Excel = excel;
    const selection = await selectCheckCells(builtFrom(plan, null), check("p-kommun-dubbletter"), "Palliativ");
    const letter = dataRange(plan, "Palliativ_kommun", "Rader med koden").address.replace(/\d+.*$/, "");
    expect(selection.address).toBe(`${letter}${top.row + 1 + table.rows}:${letter}${top.row + 2 + table.rows}`);
  });

  it("selects the whole column of a check that passes", async () => {
    const excel = mockExcel(Array.from({ length: table.rows }, () => 1));
    (globalThis as any).Excel = excel;
    const selection = await selectCheckCells(builtFrom(plan, null), check("p-kommun-dubbletter", "OK"), "Palliativ");
    expect(selection).toMatchObject({
      narrowed: false,
      address: dataRange(plan, "Palliativ_kommun", "Rader med koden").address,
    });
  });
});

describe("selecting the cells of a failing check (in-memory Excel)", () => {
  let excel: ExcelDouble;
  let workbook: Built;

  beforeAll(async () => {
    ({ excel, workbook } = await builtInDouble(plan, { year: 2010 }));
  });

  beforeEach(() => ((globalThis as unknown as { Excel: unknown }).Excel = excel.api));

  const at = (header: string, row: number) => dataCell(plan, "Palliativ_kommun", header, row).a1;
  const codeOf = (row: number) => {
    const c = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === "Palliativ_kommun")!.columns[0];
    return String(c.cells[row]);
  };
  const failing = async (id: string) => (await runChecks(workbook)).checks.find((c) => c.id === id)!;

  it("an unknown code: the cell with the unknown-code marker", async () => {
    excel.userWrite("Palliativ", at("Kod", 5), [["9999"]]);
    const unknown = await failing("p-kommun-okanda");
    expect(unknown.status).toBe("FEL");
    const selection = await selectCheckCells(workbook, unknown, "Palliativ");
    expect(selection).toMatchObject({ narrowed: true, failing: 1 });
    expect(excel.selection).toEqual({ sheet: "Palliativ", address: at("Namn", 5) });
  });

  it("a code counted twice: both rows that carry it", async () => {
    const code = excel.valueAt("Palliativ", at("Kod", 0));
    excel.userWrite("Palliativ", at("Kod", 5), [[`'${code}`]]);
    const duplicates = await failing("p-kommun-dubbletter");
    expect(duplicates.status).toBe("FEL");
    await selectCheckCells(workbook, duplicates, "Palliativ");
    expect(excel.selection).toEqual({
      sheet: "Palliativ",
      address: `${at("Rader med koden", 0)}, ${at("Rader med koden", 5)}`,
    });
  });

  it("in an Excel without ExcelApi 1.18 (several areas at once), the first failing cell, and how many were left out", async () => {
    const office = globalThis as unknown as { Office?: unknown };
    office.Office = { context: { requirements: { isSetSupported: (_: string, v: string) => v !== "1.18" } } };
    try {
      const duplicates = await failing("p-kommun-dubbletter");
      const selection = await selectCheckCells(workbook, duplicates, "Palliativ");
      expect(selection).toMatchObject({ failing: 2, leftOut: 1 });
      expect(excel.selection).toEqual({ sheet: "Palliativ", address: at("Rader med koden", 0) });
    } finally {
      delete office.Office;
    }
  });

  it("an amount that differs from the add-in: the difference that is not 0, in the party's row", async () => {
    // The code of row 5 back as built (a duplicate code makes the add-in refuse the whole table).
    excel.userWrite("Palliativ", at("Kod", 5), [[`'${codeOf(5)}`]]);
    // A twin amount typed over: the add-in's spill beside the table still computes the rule.
    excel.userWrite("Palliativ", at("Nivå 1: belopp", 7), [[1]]);
    const twin = await failing("p1-kommun-tvilling");
    expect(twin.status).toBe("FEL");
    await selectCheckCells(workbook, twin, "Palliativ");
    // The difference spilled beside the table, in the row of the party whose amount differs.
    expect(excel.selection).toEqual({ sheet: "Palliativ", address: at("Nivå 1: skillnad", 7) });
    expect(excel.valueAt("Palliativ", at("Nivå 1: skillnad", 7))).not.toBe(0);
  });
});
