/**
 * Kontrollera: reads the status of every check of the plan from the open workbook (the formulas on
 * Avstämning compute them; the pane only reads; one round trip) and selects the cells a check is about:
 * for a check that does not pass, the cells that fail it, where they can be told from the cells' values.
 */
import { partyCode } from "../engine/codes";
import { cell, parseCell } from "../workbook/a1";
import { CellValue } from "../workbook/plan";
import { UNKNOWN_CODE } from "../workbook/sheets/reference";
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

/** Rows (0-based within each target) that fail, per target; undefined: the whole target. */
type Narrowing = (targets: readonly (readonly CellValue[] | undefined)[]) => (number[] | undefined)[];

const rowsWhere = (values: readonly CellValue[] | undefined, test: (v: CellValue) => boolean) =>
  values === undefined ? undefined : values.flatMap((v, i) => (test(v) ? [i] : []));
const text = (v: CellValue) => (v === null || v === undefined ? "" : String(v).trim());
const nonZero = (v: CellValue) => text(v) !== "" && !(typeof v === "number" && v === 0) && text(v) !== "0";

/**
 * How the failing cells of a check are found, by the check's id (src/workbook/sheets/reconciliation.ts):
 * a code counted more than once, the unknown-code marker, a difference that is not 0, a row marked FEL, a
 * party of the reference list that the table lacks, an individual whose group has no settlement row.
 */
const NARROWINGS: readonly (readonly [RegExp, Narrowing])[] = [
  [/-dubbletter$/, ([rows]) => [rowsWhere(rows, (v) => typeof v === "number" && v > 1)]],
  [/-okanda$/, ([names]) => [rowsWhere(names, (v) => text(v) === UNKNOWN_CODE)]],
  [/-tvilling$|-publicerat-lan$/, ([diffs]) => [rowsWhere(diffs, nonZero)]],
  [/-registreringar$|^uk-dagar$/, (targets) => targets.map((t) => rowsWhere(t, (v) => text(v) === "FEL"))],
  [/^c-publicerat(-79)?$/, ([, diffs]) => [[], rowsWhere(diffs, nonZero)]],
  [
    /-saknade$/,
    ([table, reference]) => {
      if (!table) return [undefined, undefined];
      const codes = new Set(table.map((v) => partyCode(v)?.key));
      return [[], rowsWhere(reference, (v) => text(v) !== "" && !codes.has(partyCode(v)?.key))];
    },
  ],
  [
    /^uk-grupper$/,
    ([individuals, settlement]) => {
      if (!individuals || !settlement) return [undefined, undefined];
      const groups = settlement.map((v) => text(v).toLowerCase());
      const seen = new Map<string, number>();
      for (const g of groups) seen.set(g, (seen.get(g) ?? 0) + 1);
      return [
        rowsWhere(individuals, (v) => text(v) !== "" && !seen.has(text(v).toLowerCase())),
        rowsWhere(settlement, (v) => (seen.get(text(v).toLowerCase()) ?? 0) > 1),
      ];
    },
  ],
];

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
    out.push(a === b ? cell(column, a) : `${cell(column, a)}:${cell(column, b)}`);
    start = i;
  }
  return out;
}

/** The table and column a target is (by the plan's layout), when it is a whole data column of a table. */
function tableColumnOf(
  built: BuiltWorkbook,
  sheet: string,
  address: string
): { table: string; column: number } | undefined {
  const [first, last] = address.replace(/\$/g, "").split(":");
  if (!last) return undefined;
  const a = parseCell(first);
  const b = parseCell(last);
  if (a.column !== b.column) return undefined;
  for (const s of built.plan.sheets) {
    if (s.name.toLowerCase() !== sheet.toLowerCase()) continue;
    for (const t of s.tables) {
      const top = parseCell(t.topLeft);
      const c = a.column - top.column;
      if (c >= 0 && c < t.columns.length && a.row === top.row + 1 && b.row === top.row + t.rows) {
        return { table: t.name, column: c };
      }
    }
  }
  return undefined;
}

/**
 * Selects the cells of a check on one of its sheets. For a check that does not pass, the cells that fail it
 * where the cells' values tell (see NARROWINGS), else the whole target; a target that is a table column is
 * read where the table stands now, so rows an import added are included. Two round trips: read, select.
 */
export async function selectCheckCells(
  built: BuiltWorkbook,
  check: CheckResult,
  sheet: string
): Promise<CheckSelection> {
  const narrowing = check.status === "OK" ? undefined : NARROWINGS.find(([id]) => id.test(check.id))?.[1];
  return Excel.run(async (context) => {
    const loads = check.targets.map((ref) => {
      const { sheet: on, address } = splitReference(ref);
      const column = tableColumnOf(built, on, address);
      const range = column
        ? context.workbook.tables.getItem(column.table).getDataBodyRange().load("address, values")
        : context.workbook.worksheets.getItem(on).getRange(address).load("address, values");
      return { on, column, range };
    });
    await context.sync();
    const targets: TargetCells[] = loads.map(({ on, column, range }) => {
      const { address } = splitReference(range.address);
      const [first, last] = address.replace(/\$/g, "").split(":");
      const a = parseCell(first);
      const b = parseCell(last ?? first);
      if (column) {
        const c = a.column + column.column;
        return {
          sheet: on,
          column: c,
          firstRow: a.row,
          values: range.values.map((row) => row[column.column] as CellValue),
          address: `${cell(c, a.row)}:${cell(c, b.row)}`,
        };
      }
      const one = a.column === b.column;
      return {
        sheet: on,
        column: one ? a.column : undefined,
        firstRow: a.row,
        values: one ? range.values.map((row) => row[0] as CellValue) : undefined,
        address,
      };
    });
    const rows = narrowing ? narrowing(targets.map((t) => t.values)) : targets.map(() => undefined);
    const here = targets
      .map((t, i) => ({ t, rows: rows[i] }))
      .filter(({ t }) => t.sheet.toLowerCase() === sheet.toLowerCase());
    const narrowed = narrowing !== undefined && here.some(({ rows: r }) => r !== undefined && r.length > 0);
    let areas: string[];
    let failing = 0;
    if (narrowed) {
      areas = here.flatMap(({ t, rows: r }) => {
        if (!r || r.length === 0 || t.column === undefined) return [];
        failing += r.length;
        return areasOf(
          t.column,
          r.map((i) => t.firstRow + i)
        );
      });
    } else {
      areas = here.map(({ t }) => t.address);
    }
    const kept = areas.slice(0, MAX_SELECTED_AREAS);
    const leftOut = areas.length - kept.length;
    const address = kept.join(", ");
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (kept.length > 1) worksheet.getRanges(address).select();
    else worksheet.getRange(address).select();
    await context.sync();
    return { sheet, address, narrowed, failing, leftOut };
  });
}
