/*
 * The rename step: building beside existing sheets under "Palliativ (2)" points every reference of the plan
 * at the renamed sheets and names. References are typed, so text in quotes, function names and sheets the
 * plan does not have cannot be touched: the formula text is never read.
 */
import { loadBundledInputs } from "../../src/cli/readData";
import { renamePlan, suffixedNames, suffixedSheetName } from "../../src/taskpane/renamePlan";
import { buildPlan } from "../../src/workbook/buildPlan";
import { isFormula } from "../../src/workbook/plan";
import { cellRef, formulaText, fx, nameRef, rangeRef, Ref, renameExpr } from "../../src/workbook/refs";

const names = {
  sheets: new Map([
    ["Palliativ", "Palliativ (2)"],
    ["Senior alert", "Senior alert (2)"],
    ["Avstämning", "Avstämning (2)"],
  ]),
  names: new Map([
    ["P_Pott_Bas", "P_Pott_Bas_2"],
    ["Ar", "Ar_2"],
  ]),
};

describe("renaming a formula's references", () => {
  it("renames sheets, quoting the new names where a formula needs it", () => {
    const f = fx`${cellRef("Palliativ", 3, 12)}+${rangeRef("Senior alert", { column: 13, row: 18 }, { column: 13, row: 307 })}`;
    expect(formulaText(renameExpr(f, names))).toBe("'Palliativ (2)'!$C$12+'Senior alert (2)'!$M$18:$M$307");
  });

  it("renames workbook names, and leaves text in quotes, functions and other sheets alone", () => {
    const f = fx`COUNTIF(${rangeRef("Kommuner", { column: 1, row: 5 }, { column: 1, row: 294 })},"Palliativ!A1 P_Pott_Bas")+${nameRef("P_Pott_Bas")}+AR5+${nameRef("Ar")}`;
    expect(formulaText(renameExpr(f, names), "Kommuner")).toBe(
      'COUNTIF($A$5:$A$294,"Palliativ!A1 P_Pott_Bas")+P_Pott_Bas_2+AR5+Ar_2'
    );
  });
});

describe("renaming a whole plan for a second build", () => {
  const plan = buildPlan(loadBundledInputs(2010), "addin").plan;
  const suffixed = suffixedNames(plan, 2);
  const renamed = renamePlan(plan, suffixed);
  const planned = new Set(plan.sheets.map((s) => s.name));
  const plannedNames = new Set(plan.names.map((n) => n.name));
  const refsOf = (p: typeof plan): Ref[] =>
    p.sheets.flatMap((s) => [
      ...s.cells.flatMap((c) => (isFormula(c.content) ? c.content.formula.refs() : [])),
      ...s.tables.flatMap((t) =>
        t.columns.flatMap((col) => col.cells.flatMap((c) => (isFormula(c) ? c.formula.refs() : [])))
      ),
      ...s.conditionalFormats.flatMap((c) => [c.range, ...c.formula.refs()]),
      ...s.validations.map((v) => v.range),
    ]);

  it("points every reference at a renamed sheet or name: none is left on the first build's", () => {
    const refs = refsOf(renamed);
    expect(refs.length).toBeGreaterThan(10000);
    for (const ref of refs) {
      if (ref.kind === "name") expect(plannedNames.has(ref.name)).toBe(false);
      else expect(planned.has(ref.sheet)).toBe(false);
    }
    for (const n of renamed.names) expect(planned.has(n.ref.sheet)).toBe(false);
    for (const c of renamed.checks) {
      expect(planned.has(c.statusRef.sheet)).toBe(false);
      for (const t of c.targets) expect(planned.has(t.sheet)).toBe(false);
    }
  });

  it("keeps every formula the same but for the names: the same cells, the same text in quotes", () => {
    const before = refsOf(plan);
    const after = refsOf(renamed);
    expect(after.length).toBe(before.length);
    after.forEach((ref, i) => {
      const old = before[i];
      if (ref.kind === "name" && old.kind === "name") expect(ref.name).toBe(suffixed.names.get(old.name));
      else if (ref.kind !== "name" && old.kind !== "name") {
        expect(ref.sheet).toBe(suffixed.sheets.get(old.sheet));
        expect({ ...ref, sheet: "" }).toEqual({ ...old, sheet: "" });
      } else throw new Error("a reference changed kind");
    });
  });
});

describe("suffixed sheet names", () => {
  it("adds the suffix in parentheses and stays within Excel's 31 characters", () => {
    expect(suffixedSheetName("Palliativ", 2)).toBe("Palliativ (2)");
    const long = suffixedSheetName("Försöksverksamhet och annat långt", 12);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith(" (12)")).toBe(true);
  });
});
