/*
 * The file `npm run workbook` writes, opened in LibreOffice with every cached result removed and a full
 * recalculation forced: every formula cell must come out as the engine computed it, amounts to the krona,
 * and every check on Avstämning must be green.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadBundledInputs } from "../../src/cli/readData";
import { planToXlsx } from "../../src/cli/xlsxWriter";
import { buildPlan } from "../../src/workbook/buildPlan";
import { WorkbookPlan } from "../../src/workbook/plan";
import { a1 } from "../../src/workbook/refs";
import { asBoolean, cellKey, LibreOfficeRecalculation, recalculate } from "../support/libreoffice";
import { plannedFormulas } from "../support/planSheets";

let dir: string;
let plan: WorkbookPlan;
let recalculated: LibreOfficeRecalculation;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "skl-lo-"));
  plan = buildPlan(loadBundledInputs(2010), "file").plan;
  const file = path.join(dir, "skl-2010.xlsx");
  fs.writeFileSync(file, await planToXlsx(plan));
  recalculated = await recalculate(file);
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the 2010 workbook recalculated by LibreOffice", () => {
  it("recalculated from the formulas alone (every cached result was removed first)", () => {
    expect(recalculated.strippedResults).toBe(recalculated.formulaCells);
    expect(recalculated.formulaCells).toBe(plannedFormulas(plan).length);
  });

  it("gives every formula the engine's value: whole numbers exactly, fractions (rates, averages) to 1e-12", () => {
    const differences = plannedFormulas(plan).flatMap((f) => {
      const got = recalculated.values.get(cellKey(f.sheet, f.ref));
      const expected = f.result;
      let same: boolean;
      if (typeof expected === "boolean") same = asBoolean(got ?? null) === expected;
      else if (typeof expected === "number" && typeof got === "number")
        same = Number.isInteger(expected)
          ? got === expected
          : Math.abs(got - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
      else same = (got ?? "") === (expected ?? "");
      return same
        ? []
        : [
            `${f.sheet}!${f.ref} [${f.header ?? ""}] =${f.formula} → ${JSON.stringify(got)}, motorn ${JSON.stringify(expected)}`,
          ];
    });
    expect(differences.slice(0, 20)).toEqual([]);
  });

  it("shows every check on Avstämning green: the master check is OK", () => {
    const master = a1(plan.names.find((n) => n.name === "Alla_kontroller")!.ref);
    expect(recalculated.get("Avstämning", master)).toBe("OK");
    for (const check of plan.checks) {
      const ref = a1(check.statusRef);
      expect([check.label, recalculated.get("Avstämning", ref)]).toEqual([
        check.label,
        check.informational && !check.passes ? "INFO" : "OK",
      ]);
    }
  });
});
