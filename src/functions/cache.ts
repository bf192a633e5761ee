import { RuleError } from "../engine/errors";

/** Equal cell by cell: the same value, or ranges (rows of cells) of the same shape with equal cells. */
function sameArgument(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const rows = a.length;
  if (rows !== b.length) return false;
  for (let r = 0; r < rows; r++) {
    const x: unknown = a[r];
    const y: unknown = b[r];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y)) return false;
    const columns = x.length;
    if (columns !== y.length) return false;
    // One-column ranges are the common case: no inner loop.
    if (columns === 1) {
      if (x[0] !== y[0]) return false;
      continue;
    }
    for (let c = 0; c < columns; c++) {
      if (x[c] !== y[c]) return false;
    }
  }
  return true;
}

/**
 * An argument as remembered: a rectangular range keeps its cells in one flat list (half the lookups of
 * rows of rows when the next call's copy is compared with it); anything else is kept as it came.
 */
type Remembered =
  { readonly rows: number; readonly columns: number; readonly cells: readonly unknown[] } | { readonly value: unknown };

function remember(value: unknown): Remembered {
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) return { value };
  const columns = (value[0] as unknown[]).length;
  const cells: unknown[] = [];
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== columns) return { value };
    for (const cell of row) cells.push(cell);
  }
  return { rows: value.length, columns, cells };
}

/** The argument of a new call equals a remembered one, cell by cell. */
function matches(remembered: Remembered, value: unknown): boolean {
  if ("value" in remembered) return sameArgument(remembered.value, value);
  const { rows, columns, cells } = remembered;
  if (!Array.isArray(value) || value.length !== rows) return false;
  if (columns === 1) {
    for (let r = 0; r < rows; r++) {
      const row: unknown = value[r];
      if (!Array.isArray(row) || row.length !== 1 || row[0] !== cells[r]) return false;
    }
    return true;
  }
  for (let r = 0, at = 0; r < rows; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row) || row.length !== columns) return false;
    for (let c = 0; c < columns; c++, at++) {
      if (row[c] !== cells[at]) return false;
    }
  }
  return true;
}

function matchesAll(remembered: readonly Remembered[], args: readonly unknown[]): boolean {
  if (remembered.length !== args.length) return false;
  for (let i = 0; i < args.length; i++) {
    if (!matches(remembered[i], args[i])) return false;
  }
  return true;
}

interface Entry<R> {
  readonly args: readonly Remembered[];
  readonly outcome: { readonly result: R } | { readonly error: RuleError };
}

/**
 * Remembers the last few tables a custom function computed. Excel calls a per-row formula once per
 * row, each time with the whole table: the first call computes, the others find an entry whose
 * arguments are equal value by value (no serialising) and answer from it. Errors are remembered too,
 * so a bad table is reported on every row without being checked again. Callers put the scalar
 * arguments first, so that a different pot or threshold is told apart before any range is compared.
 */
export class TableCache<R> {
  private entries: Entry<R>[] = [];

  constructor(private readonly capacity = 8) {}

  /** The result for these arguments, computed by `compute` only when no equal arguments are remembered. */
  get(args: readonly unknown[], compute: () => R): R {
    const found = this.entries.findIndex((e) => matchesAll(e.args, args));
    const entry = found >= 0 ? this.entries[found] : { args: args.map(remember), outcome: outcomeOf(compute) };
    if (found !== 0) {
      if (found > 0) this.entries.splice(found, 1);
      this.entries.unshift(entry);
      if (this.entries.length > this.capacity) this.entries.pop();
    }
    if ("error" in entry.outcome) throw entry.outcome.error;
    return entry.outcome.result;
  }

  clear(): void {
    this.entries = [];
  }
}

function outcomeOf<R>(compute: () => R): Entry<R>["outcome"] {
  try {
    return { result: compute() };
  } catch (error) {
    if (error instanceof RuleError) return { error };
    throw error;
  }
}
