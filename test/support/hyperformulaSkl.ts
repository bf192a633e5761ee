/*
 * A real formula engine with the add-in's custom functions in it. The functions are registered from the
 * metadata that the build generates from the JSDoc in src/functions/functions.ts (the same generator as
 * CustomFunctionsMetadataPlugin), so names, parameters, optionality and dimensionality are the ones Excel sees,
 * and each formula calls the exported function with arguments shaped the way Excel passes them.
 *
 * Used by the formula-engine tests, and by tests that load a whole workbook plan or stand behind an in-memory
 * Excel double: `const hf = await buildSheet([["0114", "=SKL.PALLIATIVE_SHARE(A1, ...)"]])`.
 */
import path from "path";
import type { IAssociate, ICustomFunctionsMetadata, IFunction, IFunctionParameter } from "custom-functions-metadata";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  ArraySize,
  CellError,
  ConfigParams,
  EmptyValue,
  ErrorType,
  FunctionArgument,
  FunctionArgumentType,
  FunctionPlugin,
  FunctionPluginDefinition,
  HyperFormula,
  ImplementedFunctions,
  SimpleRangeValue,
} from "hyperformula";

/** The project root, so that neither the generator nor `require` depends on the working directory. */
export const PROJECT_ROOT = path.resolve(__dirname, "../..");
/** The custom functions' source, as the build's CustomFunctionsMetadataPlugin reads it. */
export const FUNCTIONS_SOURCE = path.join(PROJECT_ROOT, "src/functions/functions.ts");
/** The manifest's custom-functions namespace: formulas call `SKL.<ID>`. */
export const NAMESPACE = "SKL";
/** HyperFormula's GPL licence key: the engine is a test-only dependency. */
export const LICENSE_KEY = "gpl-v3";

/** A cell as a test writes it: a value, a formula (`"=..."`) or blank (`null`). */
export type SheetCell = string | number | boolean | null;
export type SheetRows = SheetCell[][];

/** What the generator returns, with the metadata parsed. */
export interface GeneratedMetadata {
  readonly metadata: ICustomFunctionsMetadata;
  /** Metadata id → exported JavaScript function, as the build associates them. */
  readonly associate: readonly IAssociate[];
  /** The generator's errors (the build fails on any). */
  readonly errors: readonly string[];
}

/** The custom functions as registered in HyperFormula. */
export interface SklRegistration extends GeneratedMetadata {
  /** The plugin class, registered globally with HyperFormula. */
  readonly plugin: FunctionPluginDefinition;
  /** Formula names, e.g. `SKL.PALLIATIVE_SHARE`, in metadata order. */
  readonly formulaNames: readonly string[];
}

/**
 * Generates the custom functions' metadata from the source, exactly as the build does:
 * `generateCustomFunctionsMetadata(source, true)` → `metadataJson`, `associate`, `errors`.
 */
export async function generateMetadata(): Promise<GeneratedMetadata> {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, true);
  const metadata: ICustomFunctionsMetadata = result.metadataJson
    ? JSON.parse(result.metadataJson)
    : { functions: [], enums: [] };
  return { metadata, associate: result.associate, errors: result.errors };
}

let registration: Promise<SklRegistration> | undefined;

/**
 * Registers the custom functions in HyperFormula once per module registry (each jest test file) and returns
 * what was registered. Fails when the generator reports errors, as the build would.
 */
export function registerSklFunctions(): Promise<SklRegistration> {
  registration ??= (async () => {
    const generated = await generateMetadata();
    if (generated.errors.length > 0) {
      throw new Error(`custom-functions-metadata reported errors:\n${generated.errors.join("\n")}`);
    }
    const plugin = sklFunctionPlugin(generated.metadata, generated.associate);
    const formulaNames = generated.metadata.functions.map(formulaName);
    const translations = Object.fromEntries(formulaNames.map((name) => [name, name]));
    HyperFormula.registerFunctionPlugin(
      plugin,
      Object.fromEntries(HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, translations]))
    );
    return { ...generated, plugin, formulaNames };
  })();
  return registration;
}

/** One sheet with the custom functions available. Rows are cells as Excel would hold them; `null` is blank. */
export async function buildSheet(rows: SheetRows, config: Partial<ConfigParams> = {}): Promise<HyperFormula> {
  await registerSklFunctions();
  return HyperFormula.buildFromArray(rows, { licenseKey: LICENSE_KEY, ...config });
}

/** Several named sheets (a whole workbook plan) with the custom functions available. */
export async function buildWorkbook(
  sheets: Record<string, SheetRows>,
  config: Partial<ConfigParams> = {}
): Promise<HyperFormula> {
  await registerSklFunctions();
  return HyperFormula.buildFromSheets(sheets, { licenseKey: LICENSE_KEY, ...config });
}

/** The computed value at an A1 address (`"B2"` on the first sheet, or `"Palliativ!B2"`). */
export function valueAt(hf: HyperFormula, a1: string): ReturnType<HyperFormula["getCellValue"]> {
  const firstSheet = hf.getSheetId(hf.getSheetNames()[0]);
  const address = hf.simpleCellAddressFromString(a1, firstSheet ?? 0);
  if (!address) throw new Error(`Not an A1 address: ${a1}`);
  return hf.getCellValue(address);
}

/** `PALLIATIVE_SHARE` → `SKL.PALLIATIVE_SHARE` (HyperFormula ids may contain dots, as in `T.DIST`). */
export function formulaName(fn: Pick<IFunction, "id">): string {
  return `${NAMESPACE}.${fn.id}`;
}

/** Excel's error codes as HyperFormula types them; a thrown custom-function error carries one as `code`. */
const ERROR_TYPE_BY_CODE: Readonly<Record<string, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
};

/**
 * An Excel error from the function (thrown, or as an item of an array result) becomes a HyperFormula error of
 * the same type with the same message. Anything else thrown is a defect, not an Excel error: it is shown as
 * HyperFormula's generic `#ERROR!` so that no test can mistake it for an intended `#VALUE!`.
 */
export function toCellError(thrown: unknown): CellError {
  const { code, message } = (thrown ?? {}) as { code?: unknown; message?: unknown };
  const type = typeof code === "string" ? ERROR_TYPE_BY_CODE[code] : undefined;
  if (type !== undefined) return new CellError(type, typeof message === "string" ? message : undefined);
  const text = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return defect(`Unexpected exception in a custom function: ${text}`);
}

const SCALAR_ARGUMENT: Readonly<Record<string, FunctionArgumentType>> = {
  number: FunctionArgumentType.NUMBER,
  string: FunctionArgumentType.STRING,
  boolean: FunctionArgumentType.BOOLEAN,
  any: FunctionArgumentType.SCALAR,
};

/** A metadata parameter as a HyperFormula argument: `matrix` is a range, a scalar coerces to its type. */
function argumentFor(fn: IFunction, parameter: IFunctionParameter): FunctionArgument {
  if (parameter.repeating) throw new Error(`${fn.id}: repeating parameters are not supported by this harness`);
  const argumentType =
    parameter.dimensionality === "matrix" ? FunctionArgumentType.RANGE : SCALAR_ARGUMENT[parameter.type ?? "any"];
  if (argumentType === undefined) throw new Error(`${fn.id}.${parameter.name}: unknown type ${parameter.type}`);
  return { argumentType, optionalArg: parameter.optional === true };
}

/** A cell value as Excel passes it to a custom function: blank is `null`, numbers lose HyperFormula's subtype. */
function excelScalar(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value !== null && typeof value === "object" && typeof (value as { val?: unknown }).val === "number") {
    return (value as { val: number }).val;
  }
  return value;
}

/** A range as Excel passes it to a matrix parameter: rows of cells. An error cell is returned instead. */
function excelMatrix(range: SimpleRangeValue): unknown[][] | CellError {
  const rows: unknown[][] = [];
  for (const row of range.data) {
    const cells: unknown[] = [];
    for (const cell of row) {
      if (cell instanceof CellError) return cell;
      cells.push(excelScalar(cell));
    }
    rows.push(cells);
  }
  return rows;
}

/** HyperFormula exports neither its AST nor its interpreter state: the plugin reads `args` and passes both on. */
interface ProcedureAst {
  readonly args: readonly { readonly type?: string }[];
}
type InterpreterState = unknown;
/** A value HyperFormula accepts in a cell of an array result. */
type ResultValue = Parameters<typeof SimpleRangeValue.onlyValues>[0][number][number];

/** The protected FunctionPlugin members that the generated methods call. */
interface PluginInternals {
  runFunction(
    args: ProcedureAst["args"],
    state: InterpreterState,
    metadata: unknown,
    implementation: (...values: unknown[]) => unknown
  ): unknown;
  arraySizeForAst(ast: unknown, state: InterpreterState): ArraySize;
  metadata(name: string): unknown;
}

/**
 * What the functions have been handed so far, counted as Excel hands it: a call per evaluation, and every
 * argument's cells (a range's all, a single value one). For `npm run bench`; set to 0 before counting.
 */
export const sklArguments = { calls: 0, values: 0 };

/** The cells of an argument as the function gets it. */
function cellsHanded(arg: unknown): number {
  if (!Array.isArray(arg)) return 1;
  return arg.reduce((n: number, row: unknown) => n + (Array.isArray(row) ? row.length : 1), 0);
}

/** A result the function should not give: a defect of the function or of this harness, never an Excel error. */
function defect(message: string): CellError {
  return new CellError(ErrorType.ERROR, message);
}

/** One item of a function's result as a HyperFormula value. */
function sheetValue(value: unknown): ResultValue {
  if (value === null || value === undefined) return EmptyValue;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return toCellError(value);
}

/**
 * Builds the plugin class: one method per metadata function, named after the exported function, plus a size
 * method for functions whose result is a matrix. HyperFormula needs the size of an array result before it
 * computes it; the SKL functions answer in the shape of their first argument (the party or county column),
 * so a range there spills a column of the same size and a single cell gives a single value.
 */
export function sklFunctionPlugin(
  metadata: ICustomFunctionsMetadata,
  associate: readonly IAssociate[]
): FunctionPluginDefinition {
  class SklFunctionPlugin extends FunctionPlugin {
    static implementedFunctions: ImplementedFunctions = {};
  }
  const prototype = SklFunctionPlugin.prototype as unknown as Record<string, unknown>;

  for (const fn of metadata.functions) {
    const link = associate.find((a) => a.id === fn.id);
    if (!link) throw new Error(`${fn.id}: no JavaScript function is associated with it`);
    const exported = require(path.resolve(PROJECT_ROOT, link.sourceFileName))[link.functionName];
    if (typeof exported !== "function") throw new Error(`${fn.id}: ${link.functionName} is not exported`);
    const parameters = fn.parameters.map((parameter) => argumentFor(fn, parameter));
    const returnsMatrix = fn.result?.dimensionality === "matrix";
    if (returnsMatrix && fn.parameters[0]?.dimensionality !== "matrix") {
      throw new Error(`${fn.id}: a matrix result needs a matrix first parameter to take its size from`);
    }
    const name = formulaName(fn);
    const method = link.functionName;
    const sizeMethod = `${link.functionName}ResultSize`;

    SklFunctionPlugin.implementedFunctions[name] = {
      method,
      parameters,
      // An array result cannot be computed cell by cell from a range given where a scalar is expected.
      vectorizationForbidden: returnsMatrix || undefined,
      ...(returnsMatrix ? { sizeOfResultArrayMethod: sizeMethod } : {}),
    };

    /** The predicted size of the result: the first argument's size for a matrix result, else one cell. */
    function resultSize(plugin: PluginInternals, ast: ProcedureAst, state: InterpreterState): ArraySize {
      if (!returnsMatrix || ast.args.length === 0) return ArraySize.scalar();
      const size: ArraySize = plugin.arraySizeForAst(ast.args[0], state);
      // A reference's size is flagged `isRef`, which HyperFormula reads as "one cell"; the spill is not one.
      return new ArraySize(size.width, size.height);
    }

    prototype[sizeMethod] = function (this: PluginInternals, ast: ProcedureAst, state: InterpreterState): ArraySize {
      return resultSize(this, ast, state);
    };

    prototype[method] = function (this: PluginInternals, ast: ProcedureAst, state: InterpreterState): unknown {
      const size = resultSize(this, ast, state);
      // `=F(a,,c)`: Excel passes null for the empty argument, where HyperFormula would coerce it to 0 or "".
      const empty = ast.args.map((arg) => arg.type === "EMPTY");
      return this.runFunction(ast.args, state, this.metadata(name), (...values: unknown[]) => {
        const args: unknown[] = [];
        for (const [i, value] of values.entries()) {
          if (value instanceof CellError) return value;
          const arg = empty[i] ? null : value instanceof SimpleRangeValue ? excelMatrix(value) : excelScalar(value);
          if (arg instanceof CellError) return arg;
          args.push(arg);
        }
        sklArguments.calls++;
        for (const arg of args) sklArguments.values += cellsHanded(arg);
        let result: unknown;
        try {
          result = exported(...args);
        } catch (error) {
          return toCellError(error);
        }
        if (!Array.isArray(result)) {
          return size.isScalar() ? sheetValue(result) : defect(`${name} returned one value for a range argument`);
        }
        if (!returnsMatrix) return defect(`${name} returned an array but its metadata says its result is scalar`);
        const rows = result as unknown[][];
        const fits =
          rows.length === size.height && rows.every((row) => Array.isArray(row) && row.length === size.width);
        if (!fits) return defect(`${name} returned an array not of the ${size.height}×${size.width} of its argument`);
        if (size.isScalar()) return sheetValue(rows[0][0]);
        return SimpleRangeValue.onlyValues(rows.map((row) => row.map(sheetValue)));
      });
    };
  }
  return SklFunctionPlugin;
}
