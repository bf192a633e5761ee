/**
 * Kontrollera: reads the status of every check of the plan from the open workbook (the formulas on
 * Avstämning compute them; the pane only reads; one round trip) and selects the cells a check is about:
 * for a check that does not pass, the cells that fail it, where they can be told from the cells' values.
 */
import { partyCode } from "../engine/codes";
import { CellTest, CellValue, CheckPlan, FailingCells } from "../workbook/plan";
import { a1, address as addressOf, CellRef, parseAddress, RangeRef } from "../workbook/refs";
import { MASTER_CHECK_NAME } from "../workbook/sheets/reconciliation";
import { BuiltWorkbook } from "./writePlan";

/** A check's status as its cell shows it; "?" when the cell holds something else (an error, a blank). */
export type CheckStatus = "OK" | "FEL" | "INFO" | "?";

export { MASTER_CHECK_NAME };

export interface CheckResult extends Pick<CheckPlan, "id" | "label" | "informational" | "targets" | "failing"> {
  readonly status: CheckStatus;
  /** What the status cell holds, as read. */
  readonly shown: CellValue;
}

export interface CheckReport {
  /** "Alla kontroller": OK when no check shows FEL. */
  readonly master: CheckStatus;
  readonly checks: readonly CheckResult[];
}

/** An address as Excel gives it back, split into sheet and address: "'Senior alert'!$C$8" → Senior alert, $C$8. */
export function splitReference(ref: string): { sheet: string; address: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) throw new Error(`Referensen saknar blad: ${ref}`);
  const sheet = ref.slice(0, bang);
  const unquoted = sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return { sheet: unquoted, address: ref.slice(bang + 1) };
}

/** A check's targets grouped by sheet, in order: one link per sheet selects all of its ranges there. */
export function targetsBySheet(targets: readonly RangeRef[]): { sheet: string; address: string }[] {
  const groups = new Map<string, string[]>();
  for (const t of targets) {
    if (!groups.has(t.sheet)) groups.set(t.sheet, []);
    groups.get(t.sheet)!.push(addressOf(t));
  }
  return [...groups].map(([sheet, addresses]) => ({ sheet, address: addresses.join(", ") }));
}

function statusOf(value: unknown): CheckStatus {
  return value === "OK" || value === "FEL" || value === "INFO" ? value : "?";
}

/** The master check's cell: the plan's "Alla_kontroller" name, renamed with the workbook. */
function masterReference(built: BuiltWorkbook): CellRef | undefined {
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
    const range = (ref: CellRef) =>
      context.workbook.worksheets.getItem(ref.sheet).getRange(addressOf(ref)).load("values");
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
        failing: c.failing,
      };
    });
    const masterStatus = master ? statusOf(master.values[0]?.[0]) : "?";
    return {
      master: checks.some((c) => c.status === "?") && masterStatus === "OK" ? "?" : masterStatus,
      checks,
    };
  });
}

/** One target of a check as read: a single column of cells from `firstRow` down, or another range. */
interface TargetCells {
  readonly sheet: string;
  /** The column's number, when the target is one column. */
  readonly column?: number;
  readonly firstRow: number;
  /** The cells of a one-column target, top down. */
  readonly values?: readonly CellValue[];
  /** The target's address as it stands now (a table column that grew reaches its new last row). */
  readonly address: string;
}

const text = (v: CellValue) => (v === null || v === undefined ? "" : String(v).trim());

/** Does a cell's value fail the check, by the check's test? */
function failsTest(test: CellTest, v: CellValue): boolean {
  switch (test.is) {
    case "above":
      return typeof v === "number" && v > test.value;
    case "text":
      return text(v) === test.value;
    case "nonZero":
      return text(v) !== "" && !(typeof v === "number" && v === 0) && text(v) !== "0";
  }
}

const rowsWhere = (values: readonly CellValue[] | undefined, test: (v: CellValue) => boolean) =>
  values === undefined ? undefined : values.flatMap((v, i) => (test(v) ? [i] : []));

/**
 * The rows (0-based within each target) that fail a check, per target, as the check's description of its
 * failing cells says; undefined for a target: the whole target.
 */
export function failingRows(
  failing: FailingCells,
  targets: readonly (readonly CellValue[] | undefined)[]
): (number[] | undefined)[] {
  switch (failing.kind) {
    case "targets":
      return targets.map(() => undefined);
    case "where":
      return targets.map((values, i) =>
        failing.targets.includes(i) ? rowsWhere(values, (v) => failsTest(failing.test, v)) : []
      );
    case "missing": {
      const table = targets[failing.table];
      if (!table) return targets.map(() => undefined);
      const codes = new Set(table.map((v) => partyCode(v)?.key));
      return targets.map((values, i) =>
        i === failing.reference ? rowsWhere(values, (v) => text(v) !== "" && !codes.has(partyCode(v)?.key)) : []
      );
    }
    case "ungrouped": {
      const individuals = targets[failing.individuals];
      const settlement = targets[failing.settlement];
      if (!individuals || !settlement) return targets.map(() => undefined);
      const seen = new Map<string, number>();
      for (const g of settlement.map((v) => text(v).toLowerCase())) seen.set(g, (seen.get(g) ?? 0) + 1);
      return targets.map((values, i) =>
        i === failing.individuals
          ? rowsWhere(values, (v) => text(v) !== "" && !seen.has(text(v).toLowerCase()))
          : i === failing.settlement
            ? rowsWhere(values, (v) => (seen.get(text(v).toLowerCase()) ?? 0) > 1)
            : []
      );
    }
  }
}

/** Whether this Excel selects several areas at once (RangeAreas.select, ExcelApi 1.18). */
function selectsManyAreas(): boolean {
  const requirements = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
  return requirements?.isSetSupported("ExcelApi", "1.18") ?? true;
}

/** At most this many areas are selected at once (an address list Excel takes without complaint). */
export const MAX_SELECTED_AREAS = 40;

/** What a check's link selected. */
export interface CheckSelection {
  readonly sheet: string;
  /** The areas selected: "H17:H19, H40". */
  readonly address: string;
  /** True when only the failing cells were selected, not the whole target. */
  readonly narrowed: boolean;
  /** Cells that fail (when narrowed). */
  readonly failing: number;
  /** Areas of failing cells left out, beyond the first MAX_SELECTED_AREAS. */
  readonly leftOut: number;
}

/** Row numbers as areas of one column: runs of adjacent rows become "H17:H19". */
function areasOf(column: number, rows: readonly number[]): string[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
    const [a, b] = [sorted[start], sorted[i - 1]];
    out.push(a === b ? a1({ column, row: a }) : `${a1({ column, row: a })}:${a1({ column, row: b })}`);
    start = i;
  }
  return out;
}

/**
 * The table and column a target is (by the plan's layout), when it is a whole data column of a table or a
 * column spilled beside one (`spilled`: the column is right of the table, in its rows).
 */
function tableColumnOf(
  built: BuiltWorkbook,
  target: RangeRef
): { table: string; column: number; spilled: boolean } | undefined {
  const { from, to } = target;
  if (from.column !== to.column) return undefined;
  const sheet = built.plan.sheets.find((s) => s.name.toLowerCase() === target.sheet.toLowerCase());
  for (const t of sheet?.tables ?? []) {
    if (from.row !== t.topLeft.row + 1 || to.row !== t.topLeft.row + t.rows) continue;
    const c = from.column - t.topLeft.column;
    if (c >= 0 && c < t.columns.length) return { table: t.name, column: c, spilled: false };
    if (t.spills.some((s) => s.column === from.column)) return { table: t.name, column: c, spilled: true };
  }
  return undefined;
}

/**
 * The range a target is read from, where it stands now: a table column within the table's data rows (so rows
 * an import added are included), a spilled column in the same rows beside the table, else its address.
 */
function targetRange(
  context: Excel.RequestContext,
  ref: RangeRef,
  column: { table: string; column: number; spilled: boolean } | undefined
): Excel.Range {
  if (!column) return context.workbook.worksheets.getItem(ref.sheet).getRange(addressOf(ref));
  // Only the one column is read: a long table's other columns would only make the response larger.
  const body = context.workbook.tables.getItem(column.table).getDataBodyRange();
  return column.spilled ? body.getColumn(0).getOffsetRange(0, column.column) : body.getColumn(column.column);
}

/** A target's cells as Excel holds them now: one column's values and where they start, or just its address. */
function targetCells(on: string, range: Excel.Range): TargetCells {
  const [first, last] = splitReference(range.address).address.split(":");
  const a = parseAddress(first);
  const b = parseAddress(last ?? first);
  const one = a.column === b.column;
  return {
    sheet: on,
    column: one ? a.column : undefined,
    firstRow: a.row,
    values: one ? range.values.map((row) => row[0] as CellValue) : undefined,
    address: splitReference(range.address).address,
  };
}

/** The areas to select on one sheet: the failing cells where they can be told, else the whole targets. */
function areasToSelect(
  check: CheckResult,
  targets: readonly TargetCells[],
  sheet: string
): { areas: string[]; narrowed: boolean; failing: number } {
  const narrowing = check.status === "OK" ? undefined : check.failing;
  const rows = narrowing
    ? failingRows(
        narrowing,
        targets.map((t) => t.values)
      )
    : targets.map(() => undefined);
  const here = targets
    .map((t, i) => ({ t, rows: rows[i] }))
    .filter(({ t }) => t.sheet.toLowerCase() === sheet.toLowerCase());
  const narrowed = narrowing !== undefined && here.some(({ rows: r }) => r !== undefined && r.length > 0);
  if (!narrowed) return { areas: here.map(({ t }) => t.address), narrowed, failing: 0 };
  let failing = 0;
  const areas = here.flatMap(({ t, rows: r }) => {
    if (!r || r.length === 0 || t.column === undefined) return [];
    failing += r.length;
    return areasOf(
      t.column,
      r.map((i) => t.firstRow + i)
    );
  });
  return { areas, narrowed, failing };
}

/**
 * Selects the cells of a check on one of its sheets. For a check that does not pass, the cells that fail it
 * where the cells' values tell (the check's `failing` description), else the whole target; a target that is
 * a table column, or a column spilled beside a table, is read where the table stands now, so rows an import
 * added are included. Two round trips: read, select.
 */
export async function selectCheckCells(
  built: BuiltWorkbook,
  check: CheckResult,
  sheet: string
): Promise<CheckSelection> {
  return Excel.run(async (context) => {
    const loads = check.targets.map((ref) => {
      const column = tableColumnOf(built, ref);
      return { on: ref.sheet, column, range: targetRange(context, ref, column).load("address, values") };
    });
    await context.sync();
    const targets = loads.map(({ on, range }) => targetCells(on, range));
    const { areas, narrowed, failing } = areasToSelect(check, targets, sheet);
    // Several areas at once need ExcelApi 1.18 (RangeAreas.select); an older Excel selects the first.
    const kept = areas.slice(0, selectsManyAreas() ? MAX_SELECTED_AREAS : 1);
    const address = kept.join(", ");
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (kept.length > 1) worksheet.getRanges(address).select();
    else worksheet.getRange(address).select();
    await context.sync();
    return { sheet, address, narrowed, failing, leftOut: areas.length - kept.length };
  });
}
