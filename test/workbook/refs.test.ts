/*
 * Typed references in A1 text: column letters past Z, absolute and relative cells, a sheet named only where
 * the formula is on another sheet (quoted when its name needs it), and formulas composed from parts.
 */
import { loadBundledInputs } from "../../src/cli/readData";
import { buildPlan } from "../../src/workbook/buildPlan";
import { isFormula } from "../../src/workbook/plan";
import {
  a1,
  address,
  cellRef,
  columnIndex,
  columnLetter,
  formulaText,
  fx,
  join,
  nameRef,
  parseAddress,
  rangeRef,
} from "../../src/workbook/refs";

describe("column letters", () => {
  it("counts past Z the way Excel does", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    for (const n of [1, 26, 27, 702, 703, 16384]) expect(columnIndex(columnLetter(n))).toBe(n);
  });

  it("writes and reads addresses past column Z", () => {
    expect(a1({ column: 28, row: 9 })).toBe("AB9");
    expect(a1({ column: 28, row: 9 }, true)).toBe("$AB$9");
    expect(parseAddress("$AB$9")).toEqual({ column: 28, row: 9 });
    expect(address(rangeRef("X", { column: 27, row: 2 }, { column: 30, row: 40 }))).toBe("$AA$2:$AD$40");
  });
});

describe("a formula on its sheet", () => {
  const here = cellRef("Palliativ", 4, 9, false);
  const pot = cellRef("Palliativ", 3, 8);
  const other = rangeRef("Senior alert", { column: 2, row: 18 }, { column: 2, row: 307 });

  it("leaves out the sheet of its own cells and quotes another sheet that has a space", () => {
    const f = fx`${here}*${pot}+SUM(${other})-${nameRef("Steg_Utbetalning")}`;
    expect(formulaText(f, "Palliativ")).toBe("D9*$C$8+SUM('Senior alert'!$B$18:$B$307)-Steg_Utbetalning");
    expect(formulaText(f, "Avstämning")).toBe(
      "Palliativ!D9*Palliativ!$C$8+SUM('Senior alert'!$B$18:$B$307)-Steg_Utbetalning"
    );
  });

  it("doubles a quote in a sheet's name", () => {
    expect(formulaText(fx`${cellRef("Kim's blad", 1, 1)}`)).toBe("'Kim''s blad'!$A$1");
  });

  it("builds from nested formulas, numbers and joins, keeping every reference typed", () => {
    const inner = fx`QUOTIENT(${pot},2)`;
    const f = join([inner, 3, here], "+");
    expect(formulaText(f, "Palliativ")).toBe("QUOTIENT($C$8,2)+3+D9");
    expect(f.refs()).toEqual([pot, here]);
  });
});

describe("the 2010 plan's formulas", () => {
  // Imported here so that the small tests above run without building a plan.
  const { buildPlan } = jest.requireActual(
    "../../src/workbook/buildPlan"
  ) as typeof import("../../src/workbook/buildPlan");
  const { loadBundledInputs } = jest.requireActual("../../src/cli/readData") as typeof import("../../src/cli/readData");
  const { isFormula } = jest.requireActual("../../src/workbook/plan") as typeof import("../../src/workbook/plan");

  it("hold every reference typed: no literal text names a sheet or a cell outside a string", () => {
    const plan = buildPlan(loadBundledInputs(2010), "addin").plan;
    const texts = plan.sheets.flatMap((s) => [
      ...s.cells.flatMap((c) => (isFormula(c.content) ? c.content.formula.parts : [])),
      ...s.tables.flatMap((t) =>
        t.columns.flatMap((col) => col.cells.flatMap((c) => (isFormula(c) ? c.formula.parts : [])))
      ),
      ...s.conditionalFormats.flatMap((c) => c.formula.parts),
    ]);
    const literal = texts.filter((p): p is string => typeof p === "string").map((t) => t.replace(/"[^"]*"/g, '""'));
    expect(literal.length).toBeGreaterThan(1000);
    // A cell address (D9, $C$8, AB12) or a sheet reference (Palliativ!) in the literal text would escape renaming.
    expect(literal.filter((t) => /!|\$?\b[A-Z]{1,3}\$?\d+\b/.test(t.replace(/\b(?:2\^53|10\^6)\b/g, "")))).toEqual([]);
  });
});
