import { RuleError } from "../engine/errors";

/** Equal cell by cell: the same value, or ranges (rows of cells) of the same shape with equal cells. */
function sameArgument(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) {
      if (x[c] !== y[c]) return false;
    }
  }
  return true;
}

function sameArguments(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!sameArgument(a[i], b[i])) return false;
  }
  return true;
}

interface Entry<R> {
  readonly args: readonly unknown[];
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
    const found = this.entries.findIndex((e) => sameArguments(e.args, args));
    const entry = found >= 0 ? this.entries[found] : { args, outcome: outcomeOf(compute) };
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
