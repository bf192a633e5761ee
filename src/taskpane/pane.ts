/**
 * What the pane's tabs share: the builds the open workbook holds, the plan of each year, the build an action
 * works on, and the status line under the header. The shell (`taskpane.ts`) starts the pane; each tab is its
 * own module under `tabs/`.
 */
import { buildPlan } from "../workbook/buildPlan";
import { WorkbookPlan } from "../workbook/plan";
import { bundledInputs } from "./bundledInputs";
import { byId, show } from "./dom";
import { activeSheetName, buildOfSheet } from "./workbookTables";
import { BuiltWorkbook } from "./writePlan";

export const NOT_BUILT = "Bygg arbetsboken först (fliken Bygg): åtgärden läser arbetsbokens tabeller.";

/** Every build of the pane in the open workbook, oldest first (made now or found in its settings). */
export const builds: BuiltWorkbook[] = [];

/**
 * The build an action works on: the one whose sheet is active (so that Kontrollera and Importera follow the
 * user to "Palliativ (2)"), else the latest. Undefined when the workbook has no build.
 */
export async function currentBuild(): Promise<BuiltWorkbook | undefined> {
  if (builds.length <= 1) return builds[0];
  const sheet = await activeSheetName();
  return buildOfSheet(builds, sheet) ?? builds[builds.length - 1];
}

/** "" for a build under the planned names; " (bladen med (2))" for a suffixed one, when there are several builds. */
export function buildLabel(b: BuiltWorkbook): string {
  return builds.length > 1 && b.suffix !== undefined ? ` (bladen med (${b.suffix}))` : "";
}

/** Plans by year, built once: the engine runs over the bundled data. */
const plans = new Map<number, WorkbookPlan>();

export function planFor(year: number): WorkbookPlan {
  if (!plans.has(year)) plans.set(year, buildPlan(bundledInputs(year), "addin").plan);
  return plans.get(year)!;
}

/** An error as the user reads it. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Något gick fel: ${message}`;
}

/** The line under the header: shown outside Excel, and in Excel when something needs saying. */
export function setStatus(text: string, warning = false): void {
  const status = byId("status");
  status.textContent = text;
  status.classList.toggle("status--warning", warning);
  show(status, true);
}
