import { ErrorKind, RuleError } from "../engine/errors";

/** Excel's error texts for the two kinds the engine raises (only these show a message in Excel). */
const ERROR_TEXT: Record<ErrorKind, "#VALUE!" | "#N/A"> = { invalidValue: "#VALUE!", notAvailable: "#N/A" };

/**
 * Stands in for `CustomFunctions.Error` where the Office runtime is absent (tests, the command line):
 * the same `code` and `message`, and an `Error` so that it can be thrown and caught as one.
 */
export class ExcelError extends Error {
  constructor(
    readonly code: "#VALUE!" | "#N/A",
    message: string
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

/** The one adapter from an engine error to what Excel shows: `#VALUE!` or `#N/A` with the message. */
export function toExcelError(kind: ErrorKind, message: string): CustomFunctions.Error | ExcelError {
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (runtime?.Error) {
    const code = kind === "invalidValue" ? runtime.ErrorCode.invalidValue : runtime.ErrorCode.notAvailable;
    return new runtime.Error(code, message);
  }
  return new ExcelError(ERROR_TEXT[kind], message);
}

/** Turns anything thrown while computing into the Excel error to throw; unknown failures stay #VALUE!. */
export function excelErrorFrom(error: unknown): CustomFunctions.Error | ExcelError {
  if (error instanceof RuleError) return toExcelError(error.kind, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return toExcelError("invalidValue", `Oväntat fel: ${message}`);
}
