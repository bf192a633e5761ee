/*
 * The workbook plan recomputed by a real formula engine (HyperFormula, with the add-in's functions
 * registered from the generated metadata): every formula must give the value the engine cached for it,
 * and in the add-in layout the SKL column must equal its native twin to the krona.
 */
import { HyperFormula } from "hyperformula";
import { loadBundledInputs } from "../../src/cli/readData";
import { buildPlan } from "../../src/workbook/buildPlan";
import { WorkbookInputs } from "../../src/workbook/inputs";
import { WorkbookPlan } from "../../src/workbook/plan";
import { refText } from "../../src/workbook/refs";
import { namedCell } from "../support/planCells";
import { computedValue, plannedFormulas, planInHyperFormula } from "../support/planSheets";

const inputs = loadBundledInputs(2010);

function differences(hf: HyperFormula, plan: WorkbookPlan): string[] {
  return plannedFormulas(plan).flatMap((f) => {
    const v = computedValue(hf, f);
    const same =
      typeof v === "number" && typeof f.result === "number"
        ? // Amounts are whole kronor and must match exactly; rates and averages are shown, not paid.
          Number.isInteger(f.result)
          ? v === f.result
          : Math.abs(v - f.result) <= 1e-9 * Math.max(1, Math.abs(v))
        : v === f.result;
    return same
      ? []
      : [
          `${f.sheet}!${f.ref} [${f.header ?? ""}] =${f.formula} → ${JSON.stringify(v)}, motorn: ${JSON.stringify(f.result)}`,
        ];
  });
}

/** The values of a table column (or of a column spilled beside the table), computed by HyperFormula. */
function column(hf: HyperFormula, plan: WorkbookPlan, sheetName: string, tableName: string, header: string): unknown[] {
  const sheet = plan.sheets.find((s) => s.name === sheetName)!;
  const table = sheet.tables.find((t) => t.name === tableName)!;
  const c = table.columns.findIndex((col) => col.header === header);
  const spill = table.spills.find((s) => s.header === header);
  if (c < 0 && !spill) throw new Error(`${tableName} saknar kolumnen ${header}`);
  const col = c >= 0 ? table.topLeft.column - 1 + c : spill!.column - 1;
  const id = hf.getSheetId(sheetName)!;
  return Array.from({ length: table.rows }, (_, r) => hf.getCellValue({ sheet: id, row: table.topLeft.row + r, col }));
}

describe("the 2010 allocation workbook in a formula engine", () => {
  let filePlan: WorkbookPlan;
  let addinPlan: WorkbookPlan;
  let fileHf: HyperFormula;
  let addinHf: HyperFormula;

  beforeAll(async () => {
    filePlan = buildPlan(inputs, "file").plan;
    addinPlan = buildPlan(inputs, "addin").plan;
    fileHf = await planInHyperFormula(filePlan);
    addinHf = await planInHyperFormula(addinPlan);
  });

  it("has the sheets staff expect, inputs, calculations and checks apart", () => {
    expect(filePlan.sheets.map((s) => s.name)).toEqual([
      "Start",
      "Parametrar",
      "Avstämning",
      "Utbetalningar",
      "Andel",
      "Palliativ",
      "Senior alert",
      "Länsbidrag",
      "Utskrivningsklara",
      "UK individer",
      "Försöksverksamhet",
      "Länsbudget",
      "Kommuner",
      "Landsting",
    ]);
  });

  it("recomputes every native formula to the value the engine cached (file layout)", () => {
    expect(differences(fileHf, filePlan)).toEqual([]);
    expect(plannedFormulas(filePlan).length).toBeGreaterThan(5000);
  });

  it("recomputes every SKL add-in formula and its native twin to the same kronor (add-in layout)", () => {
    expect(differences(addinHf, addinPlan)).toEqual([]);
    // One call per pot, spilled beside its table (each of its rows checked above), and one per discharge group.
    const skl = plannedFormulas(addinPlan).filter((f) => f.formula.startsWith("SKL.") && !f.spilled);
    const groups = addinPlan.sheets.flatMap((s) => s.tables).find((t) => t.name === "UK_avrakning")!.rows;
    expect(skl.length).toBe(2 * 2 + 2 + 2 + groups);
    // The rows below each call's first: Palliativ 2 tiers × (289 + 20), Senior alert 289 + 20, Länsbidrag 2 × 20.
    expect(plannedFormulas(addinPlan).filter((f) => f.formula.startsWith("SKL.") && f.spilled).length).toBe(
      2 * (289 + 20) + (289 + 20) + 2 * 20
    );
    for (const [sheet, table, tier] of [
      ["Palliativ", "Palliativ_kommun", "Nivå 1"],
      ["Palliativ", "Palliativ_landsting", "Nivå 2"],
      ["Senior alert", "SeniorAlert_kommun", "Senior alert"],
      ["Länsbidrag", "Lansbidrag", "Regel"],
    ] as const) {
      const native = column(
        addinHf,
        addinPlan,
        sheet,
        table,
        tier === "Regel" ? "Regel: bidrag (kr)" : `${tier}: belopp`
      );
      const addin = column(addinHf, addinPlan, sheet, table, `${tier}: SKL-funktion`);
      expect(addin).toEqual(native);
    }
  });

  it("shows every check on Avstämning as OK, with the source's own sums as INFO", () => {
    const master = namedCell(filePlan, "Alla_kontroller");
    const id = fileHf.getSheetId(master.sheet)!;
    expect(fileHf.getCellValue(fileHf.simpleCellAddressFromString(master.a1, id)!)).toBe("OK");
    const statuses = column(fileHf, filePlan, "Avstämning", "Avstamning", "Status");
    expect(statuses.filter((s) => s === "FEL")).toEqual([]);
    expect(statuses.filter((s) => s === "INFO").length).toBeGreaterThanOrEqual(2);
  });

  it("computes the 2010 county rule as worked by hand: 2 MSEK each, the rest by municipalities in half millions", () => {
    // Rest 24 MSEK = 48 steps; quota 48 × m / 290; floors sum to 38; the 10 leftover steps go to the largest
    // remainders (Halland, Kalmar, Örebro, Blekinge, Västmanland, Gävleborg, Värmland, Södermanland, Dalarna,
    // Västerbotten). Counties in code order 01, 03, …, 25.
    const msek = [
      4.0, 2.5, 3.0, 3.0, 3.0, 2.5, 3.0, 2.0, 2.5, 4.5, 2.5, 6.0, 3.5, 3.0, 3.0, 3.5, 3.0, 2.5, 2.5, 3.5, 3.0,
    ];
    expect(column(fileHf, filePlan, "Länsbidrag", "Lansbidrag", "Regel: bidrag (kr)")).toEqual(
      msek.map((m) => m * 1e6)
    );
    // Published (Bilaga 2) minus rule, Stockholm: 7.0 − 4.0 = 3.0 MSEK.
    expect(column(fileHf, filePlan, "Länsbidrag", "Lansbidrag", "Publicerat − regel (kr)")[0]).toBe(3000000);
  });

  it("flags what happens in psychiatry: 17 days (0880, 2018-02) asks for no analysis and bills nothing, 24 days bills 4", () => {
    const col = (header: string) => column(fileHf, filePlan, "Utskrivningsklara", "UK_avrakning", header);
    const groups = col("Grupp");
    const at = (key: string) => groups.indexOf(key);
    const row = (key: string) => ({
      analysis: col("Analys krävs")[at(key)],
      billed: col("Debiteras")[at(key)],
      days: col("Debiterbara dagar")[at(key)],
    });
    expect(row("0880 2018-02 psykiatri")).toEqual({ analysis: "Nej", billed: "Nej", days: 0 });
    // 24 days: 4 over the psychiatry limit of 20, billed without an average condition.
    expect(row("0880 2018-03 psykiatri")).toEqual({ analysis: "Ja", billed: "Ja", days: 4 });
  });

  it("follows a changed parameter: raising the base threshold to 50 % gives the engine's 50 % amounts", () => {
    const changed: WorkbookInputs = { ...inputs, parameters: { ...inputs.parameters, palliativeBaseThreshold: 0.5 } };
    const expected = buildPlan(changed, "file").results.palliative.kommun.base.lines.map((l) => l.amount.toNumber());
    const before = column(fileHf, filePlan, "Palliativ", "Palliativ_kommun", "Nivå 1: belopp");
    const name = filePlan.names.find((n) => n.name === "P_Troskel_Bas")!;
    const address = fileHf.simpleCellAddressFromString(refText(name.ref), 0)!;
    fileHf.setCellContents(address, 0.5);
    const after = column(fileHf, filePlan, "Palliativ", "Palliativ_kommun", "Nivå 1: belopp");
    expect(after).toEqual(expected);
    expect(after).not.toEqual(before);
    fileHf.setCellContents(address, inputs.parameters.palliativeBaseThreshold);
  });
});
