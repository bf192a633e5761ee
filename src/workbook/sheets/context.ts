import { WorkbookInputs } from "../inputs";
import { WorkbookResults } from "../compute";
import { yesWords } from "../../input/spellings";
import { CheckPlan, NamePlan } from "../plan";
import { Expr, fx, join, Term } from "../refs";

/**
 * How the amount columns are written. "file": the native twin formula with the engine's value cached,
 * and an `Motor` column holding the engine's value (opens anywhere, without the add-in). "addin": the
 * add-in formula (=SKL.…) beside the native twin, for the task pane writing into Excel.
 */
export type PlanMode = "file" | "addin";

/** What every sheet builder gets: inputs, the engine's results, and the shared names and checks. */
export interface PlanContext {
  readonly inputs: WorkbookInputs;
  readonly results: WorkbookResults;
  readonly mode: PlanMode;
  readonly names: NamePlan[];
  readonly checks: CheckPlan[];
}

/** Sheet names, Swedish, as staff know them. These are part of the workbook's interface. */
export const SHEET = {
  start: "Start",
  parameters: "Parametrar",
  municipalities: "Kommuner",
  counties: "Landsting",
  palliative: "Palliativ",
  seniorAlert: "Senior alert",
  countyGrant: "Länsbidrag",
  discharge: "Utskrivningsklara",
  pilots: "Försöksverksamhet",
  countyBudget: "Länsbudget",
  reconciliation: "Avstämning",
  payments: "Utbetalningar",
  share: "Andel",
} as const;

/** Tab colours by role: inputs, calculations, outputs and checks apart. */
export const TAB = {
  about: "FF6B7280",
  input: "FFF2C94C",
  reference: "FF9CA3AF",
  calculation: "FF2F80ED",
  output: "FF8E44AD",
  check: "FF27AE60",
} as const;

/** The engine's boolean as the sheet shows it. */
export const yesNo = (value: boolean): string => (value ? "Ja" : "Nej");

/**
 * TRUE when a yes/no input cell says yes, as the one reader reads it (src/input/spellings.ts): TRUE, 1, or
 * one of the yes-words in any case ("Ja", "sant", …). Excel, LibreOffice and HyperFormula compare text
 * without regard to case.
 */
export function isYes(cell: Term): Expr {
  const tests = [fx`${cell}=TRUE()`, fx`${cell}=1`, ...yesWords().map((word) => fx`TRIM(${cell})="${word}"`)];
  return fx`OR(${join(tests, ",")})`;
}

/** A bigint as a sheet number (all the sheet's integers stay far below 2^53, checked on the sheet). */
export const num = (value: bigint | number): number => Number(value);
