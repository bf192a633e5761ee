/*
 * The in-memory Excel double, bundled for the browser (see harness.ts): HyperFormula with the add-in's functions
 * registered from the metadata the build generated (dist/functions.json) and the functions' own module, and the
 * double behind `Excel.run`. The page calls `installExcelDouble(...)` from an init script once office.js has
 * loaded; tests drive the double through `window.excelDouble` (select cells as a user would, read values).
 */
import type { IAssociate, ICustomFunctionsMetadata } from "custom-functions-metadata";
import { HyperFormula } from "hyperformula";
import * as functions from "../../src/functions/functions";
import { ExcelDouble, excelFormulaEngine } from "../support/excelDouble";
import { formulaName, LICENSE_KEY, sklFunctionPlugin } from "../support/hyperformulaSkl";

/** What the browser test passes to the page: the generated metadata and the id → function associations. */
export interface DoubleSetup {
  readonly metadata: ICustomFunctionsMetadata;
  readonly associate: readonly IAssociate[];
}

/** Registers the SKL functions in HyperFormula and returns a new double over an empty workbook. */
export function createBrowserDouble(setup: DoubleSetup): ExcelDouble {
  // sklFunctionPlugin loads each function with require(<source file>): in the bundle that is this module.
  (globalThis as { require?: (id: string) => unknown }).require = (id: string) => {
    if (/functions[\\/]functions(\.ts)?$/.test(id)) return functions;
    throw new Error(`Inte i testets paket: ${id}`);
  };
  const plugin = sklFunctionPlugin(setup.metadata, setup.associate);
  const names = setup.metadata.functions.map(formulaName);
  const translations = Object.fromEntries(names.map((n) => [n, n]));
  if (!HyperFormula.getRegisteredFunctionNames("enGB").includes(names[0])) {
    HyperFormula.registerFunctionPlugin(
      plugin,
      Object.fromEntries(HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, translations]))
    );
  }
  return new ExcelDouble(excelFormulaEngine({ licenseKey: LICENSE_KEY }));
}

export { ExcelDouble };
