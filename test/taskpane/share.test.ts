/*
 * Min andel: the pane writes the chosen party into the page `Andel`, which then computes that party's share
 * with its own formulas; the choice is remembered in the workbook. Against the in-memory Excel with the 2010
 * workbook built.
 */
import { loadBundledInputs } from "../../src/cli/readData";
import { openShare, rememberedShare } from "../../src/taskpane/share";
import { Built } from "../../src/taskpane/writePlan";
import { buildPlan } from "../../src/workbook/buildPlan";
import { paymentRows } from "../../src/workbook/payments";
import { a1 } from "../../src/workbook/refs";
import { ExcelDouble } from "../support/excelDouble";
import { builtInDouble } from "../support/paneBuild";

const inputs = loadBundledInputs(2010);
const { plan, results } = buildPlan(inputs, "addin");
const rows = paymentRows(inputs, results);
const page = plan.sheets.find((s) => s.name === "Andel")!;
/** The page's cell labelled `label` in column A: its value column (C, or E for the sums). */
const fieldOf = (label: string) => {
  const cell = page.cells.find((c) => c.content === label)!;
  const value = page.cells.find((c) => c.at.row === cell.at.row && c.at.column > 1 && c.content !== label)!;
  return a1(value.at);
};

describe("Min andel (in-memory Excel)", () => {
  let excel: ExcelDouble;
  let workbook: Built;

  beforeAll(async () => {
    ({ excel, workbook } = await builtInDouble(plan, { year: 2010 }));
  });

  it("opens Andel on a county council chosen by code and name, named as the council, and the page pays what its row of Utbetalningar pays", async () => {
    const shown = await openShare(workbook, "04 Landstinget Sörmland");
    expect(shown).toEqual({ sheet: "Andel", code: "04" });
    // A county council is a party of its own: named as the Sörmland agreement names it, not after its county.
    expect(excel.valueAt("Andel", fieldOf("Mottagare"))).toBe("Landstinget Sörmland");
    const row = rows.find((r) => r.kind === "Landsting" && r.code === "04")!;
    expect(excel.valueAt("Andel", fieldOf("Summa till parten (kr)"))).toBe(row.total.toNumber());
    // Sörmland's county grant goes to the county's recipient, apart from the council's total: 2,0 MSEK as published.
    const grant = rows.find((r) => r.kind === "Länets mottagare" && r.code === "04")!;
    expect(grant.amounts.countyGrant.toNumber()).toBe(2_000_000);
    expect(grant.amounts.regional.toNumber()).toBe(600_000);
  });

  it("finds a municipality by its code alone, and remembers the last choice in the workbook", async () => {
    expect(await openShare(workbook, "0880")).toEqual({ sheet: "Andel", code: "0880" });
    expect(excel.valueAt("Andel", fieldOf("Mottagare"))).toBe("Kalmar");
    expect(await rememberedShare()).toBe("0880");
  });

  it("opens one page for Gotlands kommun, by its municipal code or its county council's, with both roles' amounts", async () => {
    expect(await openShare(workbook, "09")).toEqual({ sheet: "Andel", code: "0980" });
    expect(excel.valueAt("Andel", fieldOf("Mottagare"))).toBe("Gotlands kommun");
    const gotland = rows.find((r) => r.code === "0980")!;
    expect(gotland.kind).toBe("Kommun och landsting");
    expect(excel.valueAt("Andel", fieldOf("Summa till parten (kr)"))).toBe(gotland.total.toNumber());
    expect(await openShare(workbook, "0980")).toEqual({ sheet: "Andel", code: "0980" });
  });

  it("says so when no party has that code or name", async () => {
    await expect(openShare(workbook, "9999")).rejects.toThrow(/ingen kommun eller något landsting.*9999/);
    await expect(openShare(workbook, "  ")).rejects.toThrow(/Skriv en kommun eller ett landsting/);
  });
});
