import { RuleError } from "../engine/errors";

/**
 * An argument as remembered, always by value, so that a range changed in place is never taken for the
 * one that was computed:
 * - a cell (not an array) as it is: cells are numbers, text, booleans or blanks, compared with `===`;
 * - a rectangular range (rows of cells of one length) as its cells in one flat list (half the lookups
 *   of rows of rows when the next call's copy is compared with it);
 * - any other array (a one-dimensional list, an empty array, rows of different lengths) as a copy of
 *   its cells with the length of each row (`-1` for a cell that stands directly in the outer array).
 * An array nested deeper than rows of cells is not remembered at all (its calls are simply computed).
 */
type Remembered =
  | { readonly kind: "cell"; readonly value: unknown }
  | { readonly kind: "grid"; readonly rows: number; readonly columns: number; readonly cells: readonly unknown[] }
  | { readonly kind: "ragged"; readonly lengths: readonly number[]; readonly cells: readonly unknown[] };

function remember(value: unknown): Remembered | undefined {
  if (!Array.isArray(value)) return { kind: "cell", value };
  return rememberGrid(value) ?? rememberRagged(value);
}

function rememberGrid(value: readonly unknown[]): Remembered | undefined {
  const rows = value.length;
  const first: unknown = value[0];
  if (!Array.isArray(first)) return undefined;
  const columns = first.length;
  for (let r = 0; r < rows; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row) || row.length !== columns) return undefined;
  }
  const cells = new Array<unknown>(rows * columns);
  for (let r = 0, at = 0; r < rows; r++) {
    const row = value[r] as readonly unknown[];
    for (let c = 0; c < columns; c++, at++) {
      const cell = row[c];
      if (Array.isArray(cell)) return undefined;
      cells[at] = cell;
    }
  }
  return { kind: "grid", rows, columns, cells };
}

function rememberRagged(value: readonly unknown[]): Remembered | undefined {
  const lengths: number[] = [];
  const cells: unknown[] = [];
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row)) {
      lengths.push(-1);
      cells.push(row);
      continue;
    }
    for (let c = 0; c < row.length; c++) {
      const cell: unknown = row[c];
      if (Array.isArray(cell)) return undefined;
      cells.push(cell);
    }
    lengths.push(row.length);
  }
  return { kind: "ragged", lengths, cells };
}

/** The argument of a new call equals a remembered one, cell by cell. */
function matches(remembered: Remembered, value: unknown): boolean {
  if (remembered.kind === "cell") return remembered.value === value;
  if (!Array.isArray(value)) return false;
  return remembered.kind === "grid" ? matchesGrid(remembered, value) : matchesRagged(remembered, value);
}

function matchesGrid(
  { rows, columns, cells }: Extract<Remembered, { kind: "grid" }>,
  value: readonly unknown[]
): boolean {
  if (value.length !== rows) return false;
  // One-column ranges are the common case: no inner loop.
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

function matchesRagged(
  { lengths, cells }: Extract<Remembered, { kind: "ragged" }>,
  value: readonly unknown[]
): boolean {
  if (value.length !== lengths.length) return false;
  for (let r = 0, at = 0; r < lengths.length; r++) {
    const row: unknown = value[r];
    const length = lengths[r];
    if (length < 0) {
      if (Array.isArray(row) || row !== cells[at++]) return false;
      continue;
    }
    if (!Array.isArray(row) || row.length !== length) return false;
    for (let c = 0; c < length; c++, at++) {
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
  readonly outcome: Outcome<R>;
}

type Outcome<R> = { readonly result: R } | { readonly error: RuleError };

/**
 * Remembers the last few tables a custom function computed. Excel calls a per-row formula once per
 * row, each time with the whole table: the first call computes, the others find an entry whose
 * arguments are equal value by value (no serialising) and answer from it. Every argument is
 * remembered as a copy of its cells, so a range changed in place after the call is told apart.
 * Errors are remembered too, so a bad table is reported on every row without being checked again.
 * Callers put the scalar arguments first, so that a different pot or threshold is told apart before
 * any range is compared.
 */
export class TableCache<R> {
  private entries: Entry<R>[] = [];

  constructor(private readonly capacity = 8) {}

  /** The result for these arguments, computed by `compute` only when no equal arguments are remembered. */
  get(args: readonly unknown[], compute: () => R): R {
    const found = this.entries.findIndex((e) => matchesAll(e.args, args));
    let outcome: Outcome<R>;
    if (found >= 0) {
      const entry = this.entries[found];
      if (found > 0) {
        this.entries.splice(found, 1);
        this.entries.unshift(entry);
      }
      outcome = entry.outcome;
    } else {
      const remembered = args.map(remember);
      outcome = outcomeOf(compute);
      if (remembered.every((r) => r !== undefined)) {
        this.entries.unshift({ args: remembered as Remembered[], outcome });
        if (this.entries.length > this.capacity) this.entries.pop();
      }
    }
    if ("error" in outcome) throw outcome.error;
    return outcome.result;
  }

  clear(): void {
    this.entries = [];
  }
}

function outcomeOf<R>(compute: () => R): Outcome<R> {
  try {
    return { result: compute() };
  } catch (error) {
    if (error instanceof RuleError) return { error };
    throw error;
  }
}
