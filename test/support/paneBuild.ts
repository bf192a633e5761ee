/*
 * The pane's build in the in-memory Excel: put the double where Office.js would be (`Excel`), and take a
 * build's result as built or fail the test with what came back instead.
 */
import { BuildOptions, buildWorkbook, Built, BuildResult } from "../../src/taskpane/writePlan";
import { WorkbookPlan } from "../../src/workbook/plan";
import { createExcelDouble, ExcelDouble } from "./excelDouble";

/** Makes `excel` the Excel that the pane's code calls (`Excel.run`). */
export function installExcel(excel: ExcelDouble): void {
  (globalThis as unknown as { Excel: unknown }).Excel = excel.api;
}

/** The result of a build that must have built. */
export function built(result: BuildResult): Built {
  if (result.status !== "built") throw new Error(`Väntade ett bygge, fick ${JSON.stringify(result)}`);
  return result;
}

/** A fresh in-memory Excel, installed, with `plan` built into it by the pane's own build. */
export async function builtInDouble(
  plan: WorkbookPlan,
  options: BuildOptions
): Promise<{ readonly excel: ExcelDouble; readonly workbook: Built }> {
  const excel = await createExcelDouble();
  installExcel(excel);
  return { excel, workbook: built(await buildWorkbook(plan, options)) };
}
