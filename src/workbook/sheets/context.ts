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

/**
 * For a year built on 2010's data (the reference lists, populations and published tables of data/2010/, and
 * the synthetic demo made for 2010): the warning that says so, on Start and every sheet that shows them.
 */
export function reusedDataNote(ctx: PlanContext): string | undefined {
  const year = ctx.inputs.parameters.year;
  const reused = [
    ...(ctx.inputs.referenceYear !== year
      ? [`kommuner och folkmängd (31 december ${ctx.inputs.referenceYear - 1}) och de publicerade länsbidragen`]
      : []),
    ...(ctx.inputs.synthetic && year !== 2010
      ? ["de syntetiska registerdata (dödsfall, registreringar, Senior alert)"]
      : []),
  ];
  if (reused.length === 0) return undefined;
  return `OBS: ${year} byggs på ${ctx.inputs.referenceYear} års underlag: ${reused.join(", och ")}. Källorna ger inga egna för ${year}; ersätt dem när de finns.`;
}

/** Writes the reused-data warning as a line of the sheet, when there is one. */
export function reusedDataLine(ctx: PlanContext, sheet: { line(text: string, style: "warning"): void }): void {
  const note = reusedDataNote(ctx);
  if (note) sheet.line(note, "warning");
}
