/**
 * Kontrollera: reads the status of every check of the plan from the open workbook (the formulas on
 * Avstämning compute them; the pane only reads) and selects the cells a check is about. One round trip.
 */
import { CellValue } from "../workbook/plan";
import { BuiltWorkbook } from "./writePlan";

/** A check's status as its cell shows it; "?" when the cell holds something else (an error, a blank). */
export type CheckStatus = "OK" | "FEL" | "INFO" | "?";

/** The planned name of the master check's cell. */
export const MASTER_CHECK_NAME = "Alla_kontroller";

export interface CheckResult {
  readonly id: string;
  readonly label: string;
  readonly status: CheckStatus;
  /** What the status cell holds, as read. */
  readonly shown: CellValue;
  readonly informational: boolean;
  /** Sheet-qualified ranges the check is about. */
  readonly targets: readonly string[];
}

export interface CheckReport {
  /** "Alla kontroller": OK when no check shows FEL. */
  readonly master: CheckStatus;
  readonly checks: readonly CheckResult[];
}

/** A sheet-qualified reference split into sheet and address: "'Senior alert'!$C$8" → Senior alert, $C$8. */
export function splitReference(ref: string): { sheet: string; address: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) throw new Error(`Referensen saknar blad: ${ref}`);
  const sheet = ref.slice(0, bang);
  const unquoted = sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return { sheet: unquoted, address: ref.slice(bang + 1) };
}

/** A check's targets grouped by sheet, in order: one link per sheet selects all of its ranges there. */
export function targetsBySheet(targets: readonly string[]): { sheet: string; address: string }[] {
  const groups = new Map<string, string[]>();
  for (const t of targets) {
    const { sheet, address } = splitReference(t);
    if (!groups.has(sheet)) groups.set(sheet, []);
    groups.get(sheet)!.push(address);
  }
  return [...groups].map(([sheet, addresses]) => ({ sheet, address: addresses.join(", ") }));
}

function statusOf(value: unknown): CheckStatus {
  return value === "OK" || value === "FEL" || value === "INFO" ? value : "?";
}

/** The master check's cell: the plan's "Alla_kontroller" name, renamed with the workbook. */
function masterReference(built: BuiltWorkbook): string | undefined {
  const name = built.names.names.get(MASTER_CHECK_NAME) ?? MASTER_CHECK_NAME;
  return built.plan.names.find((n) => n.name === name)?.ref;
}

/**
 * Reads every check's status cell and the master check from the open workbook, in one `context.sync()`.
 * A status that is not OK, FEL or INFO (a formula error, a cleared cell) shows as "?", and the master is
 * then not OK either.
 */
export async function runChecks(built: BuiltWorkbook): Promise<CheckReport> {
  return Excel.run(async (context) => {
    const range = (ref: string) => {
      const { sheet, address } = splitReference(ref);
      return context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    };
    const statusRanges = built.plan.checks.map((c) => range(c.statusRef));
    const masterRef = masterReference(built);
    const master = masterRef ? range(masterRef) : undefined;
    await context.sync();
    const checks = built.plan.checks.map((c, i): CheckResult => {
      const shown = (statusRanges[i].values[0]?.[0] ?? null) as CellValue;
      return {
        id: c.id,
        label: c.label,
        status: statusOf(shown),
        shown,
        informational: c.informational,
        targets: c.targets,
      };
    });
    const masterStatus = master ? statusOf(master.values[0]?.[0]) : "?";
    return {
      master: checks.some((c) => c.status === "?") && masterStatus === "OK" ? "?" : masterStatus,
      checks,
    };
  });
}

/**
 * Selects a check's target: activates its sheet and selects its ranges ("A1:A9, C3" selects both areas).
 * Used by the links of the check list.
 */
export async function selectTarget(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (address.includes(",")) worksheet.getRanges(address).select();
    else worksheet.getRange(address).select();
    await context.sync();
  });
}
