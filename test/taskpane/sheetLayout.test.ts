/*
 * How a sheet of the plan is laid out for Office.js: cell contents as Excel must receive them, areas written in
 * bulk, looks grouped, widths in points and frozen panes.
 */
import { excelInput, freezeOf, layoutSheet, widthInPoints } from "../../src/taskpane/sheetLayout";
import { SheetPlan } from "../../src/workbook/plan";
import { fx, parseAddress, rangeRef, spillRef } from "../../src/workbook/refs";

describe("a cell as Office.js writes it", () => {
  it("gives a formula its '=' and leaves plain text, numbers and booleans as they are", () => {
    const column = rangeRef("Prov", { column: 1, row: 1 }, { column: 1, row: 3 });
    expect(excelInput({ formula: fx`SUM(${column})`, result: 6 }, "Prov")).toBe("=SUM($A$1:$A$3)");
    expect(excelInput({ formula: fx`SUM(${column})`, result: 6 }, "Annat")).toBe("=SUM(Prov!$A$1:$A$3)");
    expect(excelInput("Upplands Väsby", "Prov")).toBe("Upplands Väsby");
    expect(excelInput(38641, "Prov")).toBe(38641);
    expect(excelInput(true, "Prov")).toBe(true);
    expect(excelInput(null, "Prov")).toBe("");
  });

  it("keeps text that Excel would read as something else as text, behind the apostrophe prefix", () => {
    expect(excelInput("0114", "Prov")).toBe("'0114");
    expect(excelInput("2018-03", "Prov")).toBe("'2018-03");
    expect(excelInput("=1+1", "Prov")).toBe("'=1+1");
    expect(excelInput("-", "Prov")).toBe("'-");
    expect(excelInput("+46", "Prov")).toBe("'+46");
    expect(excelInput("@x", "Prov")).toBe("'@x");
    expect(excelInput("TRUE", "Prov")).toBe("'TRUE");
    expect(excelInput("66 + 13: summa (kr)", "Prov")).toBe("'66 + 13: summa (kr)");
  });
});

describe("widths and panes", () => {
  it("turns a width in characters into points: Excel's standard 8.43 characters are 48 points", () => {
    expect(widthInPoints(8.43)).toBeCloseTo(48, 0);
    expect(widthInPoints(10)).toBe(56.25);
  });

  it("freezes rows, columns or both, as the plan's freeze cell says", () => {
    expect(freezeOf(parseAddress("C1"))).toEqual({ kind: "columns", count: 2 });
    expect(freezeOf(parseAddress("A5"))).toEqual({ kind: "rows", count: 4 });
    expect(freezeOf(parseAddress("C16"))).toEqual({ kind: "at", address: "A1:B15" });
    expect(freezeOf(undefined)).toBeUndefined();
  });
});

describe("a sheet's layout", () => {
  const sheet: SheetPlan = {
    name: "Prov",
    cells: [
      { at: parseAddress("A1"), content: "Rubrik", style: "title" },
      { at: parseAddress("A2"), content: "Not", style: "note" },
      { at: parseAddress("A3"), content: "Pott", style: "label" },
      {
        at: parseAddress("C3"),
        content: {
          formula: fx`SUM(${rangeRef("Prov", { column: 3, row: 7 }, { column: 3, row: 8 }, false)})`,
          result: 3,
        },
        style: "amount",
        numFmt: "#,##0",
      },
      { at: parseAddress("A9"), content: "Summa", style: "total" },
      {
        at: parseAddress("C9"),
        content: {
          formula: fx`SUM(${rangeRef("Prov", { column: 3, row: 7 }, { column: 3, row: 8 }, false)})`,
          result: 3,
        },
        style: "total",
        numFmt: "#,##0",
      },
    ],
    tables: [
      {
        name: "Prov_tabell",
        topLeft: parseAddress("A6"),
        rows: 2,
        columns: [
          { header: "Kod", style: "input", numFmt: "@", cells: ["0114", "0115"] },
          { header: "Namn", style: "calc", cells: ["A", "B"] },
          { header: "Belopp", style: "amount", numFmt: "#,##0", cells: [1, 2] },
        ],
        spills: [],
      },
    ],
    widths: new Map([[1, 10]]),
    freezeAt: parseAddress("A7"),
    validations: [],
    conditionalFormats: [],
    merges: [],
    rowHeights: new Map(),
    pages: { wide: 1 },
  };
  const layout = layoutSheet(sheet);

  it("writes the table as one area, header included, and the loose cells as few rectangles", () => {
    expect(layout.areas.map((a) => a.address)).toEqual(["A6:C8", "A1:C3", "A9:C9"]);
    expect(layout.areas[0].formulas).toEqual([
      ["Kod", "Namn", "Belopp"],
      ["'0114", "A", 1],
      ["'0115", "B", 2],
    ]);
    expect(layout.areas[0].numberFormats[1]).toEqual(["@", "General", "#,##0"]);
    expect(layout.areas[1].formulas).toEqual([
      ["Rubrik", "", ""],
      ["Not", "", ""],
      ["Pott", "", "=SUM(C7:C8)"],
    ]);
  });

  it("groups cells by look, merging runs down a column", () => {
    const byStyle = Object.fromEntries(layout.styles.map((s) => [s.style, s.addresses]));
    expect(byStyle.header).toEqual(["A6:C6"]);
    expect(byStyle.input).toEqual(["A7:A8"]);
    expect(byStyle.amount).toEqual(["C7:C8", "C3"]);
    expect(byStyle.total).toEqual(["A9", "C9"]);
    expect(layout.tables).toEqual([{ name: "Prov_tabell", address: "A6:C8", headerRow: 6, asTable: true }]);
    expect(layout.freeze).toEqual({ kind: "rows", count: 6 });
  });
});

describe("columns spilled beside a table", () => {
  const code = rangeRef("Prov", { column: 1, row: 3 }, { column: 1, row: 5 });
  const amount = rangeRef("Prov", { column: 2, row: 3 }, { column: 2, row: 5 });
  const addin = spillRef("Prov", { column: 4, row: 3 }, 5);
  const sheet: SheetPlan = {
    name: "Prov",
    cells: [
      { at: parseAddress("A1"), content: "Rubrik", style: "title" },
      { at: parseAddress("E1"), content: "Not", style: "note" },
      { at: parseAddress("A6"), content: "Summa", style: "total" },
    ],
    tables: [
      {
        name: "Prov_tabell",
        topLeft: parseAddress("A2"),
        rows: 3,
        columns: [
          { header: "Kod", style: "input", numFmt: "@", cells: ["0114", "0115", "0117"] },
          { header: "Belopp", style: "amount", numFmt: "#,##0", cells: [100, 0, 300] },
        ],
        spills: [
          {
            header: "SKL-funktion",
            style: "engine",
            numFmt: "#,##0",
            column: 4,
            formula: fx`SKL.F(${code},${code})`,
            results: [100, 0, 300],
          },
          {
            header: "Skillnad",
            style: "check",
            numFmt: "#,##0",
            column: 5,
            formula: fx`${amount}-${addin}`,
            results: [0, 0, 0],
          },
        ],
      },
    ],
    widths: new Map(),
    validations: [],
    conditionalFormats: [],
    merges: [],
    rowHeights: new Map(),
    pages: { wide: 1 },
  };
  const layout = layoutSheet(sheet);

  it("writes their headers in the table's header row and one formula each in its first row, nothing below", () => {
    const spill = layout.areas.find((a) => a.address === "C2:E5")!;
    expect(spill.formulas).toEqual([
      ["", "SKL-funktion", "Skillnad"],
      ["", "=SKL.F($A$3:$A$5,$A$3:$A$5)", "=$B$3:$B$5-$D$3#"],
      [null, null, null],
      [null, null, null],
    ]);
    // Below the formula only the number format, for the cells the spill fills.
    expect(spill.numberFormats).toEqual([
      ["General", "General", "General"],
      ["General", "#,##0", "#,##0"],
      [null, "#,##0", "#,##0"],
      [null, "#,##0", "#,##0"],
    ]);
    // The Excel table is the table's own columns.
    expect(layout.tables).toEqual([{ name: "Prov_tabell", address: "A2:B5", headerRow: 2, asTable: true }]);
  });

  it("never writes a loose cell over a spill, and gives the spilled cells their look", () => {
    for (const area of layout.areas.filter((a) => a.address !== "C2:E5" && a.address !== "A2:B5")) {
      const r = parseAddress(area.address.split(":")[0]);
      const end = parseAddress(area.address.split(":")[1] ?? area.address);
      const overlaps = r.row <= 5 && end.row >= 2 && end.column >= 3;
      expect({ area: area.address, overlaps }).toEqual({ area: area.address, overlaps: false });
    }
    const byStyle = Object.fromEntries(layout.styles.map((s) => [s.style, s.addresses]));
    expect(byStyle.header).toEqual(["A2:B2", "D2", "E2"]);
    expect(byStyle.engine).toEqual(["D3:D5"]);
    expect(byStyle.check).toEqual(["E3:E5"]);
  });
});
