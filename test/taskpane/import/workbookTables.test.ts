/*
 * The import against the workbook the plan builds: the table names and headers the pane writes to exist,
 * and importing the data a workbook was built from changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { dataRoot, loadBundledInputs } from "../../../src/cli/readData";
import { parseImport, previewImport, problemText, TABLE } from "../../../src/taskpane/import";
import { HEADER } from "../../../src/taskpane/import/tables";
import { buildPlan } from "../../../src/workbook/buildPlan";
import { planTables } from "./planTables";

const inputs = loadBundledInputs(2010);
const reference = { municipalities: inputs.municipalities, counties: inputs.counties };
const tables = planTables(buildPlan(inputs, "addin").plan);
const demo = (file: string) => new Uint8Array(fs.readFileSync(path.join(dataRoot(), "demo", file)));

describe("the workbook's tables as the import knows them", () => {
  it("has every table the import writes to, with the columns it writes", () => {
    const expected: Record<string, string[]> = {
      [TABLE.palliativeKommun]: [HEADER.code, HEADER.deaths, HEADER.registrations],
      [TABLE.palliativeLandsting]: [HEADER.code, HEADER.deaths, HEADER.registrations],
      [TABLE.seniorAlertKommun]: [HEADER.code, HEADER.started, HEADER.registrations],
      [TABLE.seniorAlertLandsting]: [HEADER.code, HEADER.started, HEADER.registrations],
      [TABLE.dischargeIndividuals]: [
        HEADER.municipality,
        HEADER.month,
        HEADER.individual,
        HEADER.care,
        HEADER.daysReported,
        HEADER.daysAfter,
      ],
    };
    for (const [table, headers] of Object.entries(expected)) {
      expect(tables[table]?.[0]).toEqual(expect.arrayContaining(headers));
    }
  });

  it.each([
    ["palliativ.csv", "palliativ", 311],
    ["senior-alert.csv", "senior-alert", 311],
    ["utskrivningsklara.csv", "utskrivningsklara", 1418],
  ])("imports the demo's %s into the workbook built from it with no change", (file, kind, rows) => {
    const parsed = parseImport(demo(file), reference);
    if (!parsed.ok) throw new Error(parsed.problems.map(problemText).join("\n"));
    expect(parsed.kind).toBe(kind);
    expect(parsed.rows).toHaveLength(rows);
    const preview = previewImport(parsed, tables);
    expect(preview.problems).toEqual([]);
    expect(preview.changes).toEqual([]);
    expect(preview.edits).toEqual([]);
    expect(preview.unchangedRows).toBe(rows);
    expect(preview.summary).toMatch(/^Importen ändrar ingenting: arbetsboken har redan dessa värden/);
  });
});
