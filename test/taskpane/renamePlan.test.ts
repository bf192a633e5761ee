/*
 * The rename step: building beside existing sheets under "Palliativ (2)" rewrites every reference to the
 * plan's sheets and names, and nothing else (text in quotes, cell references, function names).
 */
import { PlanNames, renameFormula, suffixedSheetName } from "../../src/taskpane/renamePlan";

const names: PlanNames = {
  sheets: new Map([
    ["Palliativ", "Palliativ (2)"],
    ["Senior alert", "Senior alert (2)"],
    ["Avstämning", "Avstämning (2)"],
    ["Parametrar", "Parametrar (2)"],
  ]),
  tables: new Map([["Palliativ_kommun", "Palliativ_kommun_2"]]),
  names: new Map([
    ["P_Pott_Bas", "P_Pott_Bas_2"],
    ["Ar", "Ar_2"],
    ["Steg_Utbetalning", "Steg_Utbetalning_2"],
  ]),
};

describe("renaming a formula", () => {
  it("renames sheet references, quoting the new names", () => {
    expect(renameFormula("Palliativ!$C$12+Palliativ!$C$13", names)).toBe("'Palliativ (2)'!$C$12+'Palliativ (2)'!$C$13");
    expect(renameFormula("MAX('Senior alert'!$M$18:$M$307)", names)).toBe("MAX('Senior alert (2)'!$M$18:$M$307)");
    expect(renameFormula("'Avstämning'!$B$4", names)).toBe("'Avstämning (2)'!$B$4");
  });

  it("renames workbook names, as Excel compares them (ignoring case)", () => {
    expect(renameFormula("QUOTIENT(P_Pott_Bas,Steg_Utbetalning)", names)).toBe(
      "QUOTIENT(P_Pott_Bas_2,Steg_Utbetalning_2)"
    );
    expect(renameFormula("p_pott_bas*2", names)).toBe("P_Pott_Bas_2*2");
  });

  it("leaves text in quotes, cell references, function names and other sheets alone", () => {
    expect(renameFormula('COUNTIF(Palliativ!$B$17:$B$306,"Palliativ!A1 P_Pott_Bas")', names)).toBe(
      `COUNTIF('Palliativ (2)'!$B$17:$B$306,"Palliativ!A1 P_Pott_Bas")`
    );
    // AR is a column; Ar alone is the name.
    expect(renameFormula("$AR$5+AR5+AR$5+Ar", names)).toBe("$AR$5+AR5+AR$5+Ar_2");
    expect(renameFormula("SUM(A:AR)+Ar", names)).toBe("SUM(A:AR)+Ar_2");
    expect(renameFormula("Kommuner!$A$5+Blad1!A1", names)).toBe("Kommuner!$A$5+Blad1!A1");
    expect(renameFormula('IF(A1="Ja",1,0)', names)).toBe('IF(A1="Ja",1,0)');
  });

  it("keeps a quote inside a string literal", () => {
    expect(renameFormula('"Kim""s "&Palliativ!A1', names)).toBe(`"Kim""s "&'Palliativ (2)'!A1`);
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
