import { RuleError } from "../engine/errors";

/** Equal cell by cell: the same reference, or arrays of the same length whose items are equal. */
function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!sameValues(a[i], b[i])) return false;
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
 * so a bad table is reported on every row without being checked again.
 */
export class TableCache<R> {
  private entries: Entry<R>[] = [];

  constructor(private readonly capacity = 8) {}

  /** The result for these arguments, computed by `compute` only when no equal arguments are remembered. */
  get(args: readonly unknown[], compute: () => R): R {
    let entry = this.entries.find((e) => sameValues(e.args, args));
    if (entry) {
      this.entries.splice(this.entries.indexOf(entry), 1);
    } else {
      entry = { args, outcome: outcomeOf(compute) };
    }
    this.entries.unshift(entry);
    if (this.entries.length > this.capacity) this.entries.pop();
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
