/*
 * The one custom-function adapter. Each function is a small descriptor (its argument columns with their
 * kinds, its scalar parameters with their defaults, its rule from the engine, its amount per line); the
 * adapter reads the arguments through `args.ts`, computes the table once per set of arguments (`cache.ts`),
 * answers the party argument from it (`answer.ts`), and turns an engine error into Excel's (`excelError.ts`).
 */
import { PartyCode } from "../engine/codes";
import { AmountTable, Answer, answerFor } from "./answer";
import { Cell, ColumnSpec, ColumnSpecs, Range, readList, readPartyTable, readScalar, RowOf, ScalarSpecs } from "./args";
import { TableCache } from "./cache";
import { excelErrorFrom } from "./excelError";

/** The scalar parameters' values, by name, as the engine's rules take them. */
export type ScalarValues<S extends ScalarSpecs> = { readonly [K in keyof S]: number };

/** The arguments of one call, by the descriptor's names. */
type Arguments<T> = { readonly [K in keyof T]: Range | Cell };

/** A function of a party table: `=SKL.X(party; parties; …columns; …scalars)`. */
export interface PartyFunction<
  C extends ColumnSpecs,
  S extends ScalarSpecs,
  L extends { code: PartyCode; row: number },
> {
  readonly columns: C;
  readonly scalars: S;
  readonly rule: (rows: readonly RowOf<C>[], scalars: ScalarValues<S>) => { readonly lines: readonly L[] };
  readonly amount: (line: L) => number;
}

/** A function of one list of values (no parties): `=SKL.X(values; …scalars)`. */
export interface ListFunction<S extends ScalarSpecs, R> {
  readonly column: ColumnSpec;
  readonly scalars: S;
  readonly rule: (values: readonly { readonly row: number; readonly value: number }[], scalars: ScalarValues<S>) => R;
  readonly amount: (result: R) => number;
}

/** Every table cache the adapters made, so that `forgetTables` can clear them. */
const caches: TableCache<AmountTable>[] = [];

/** Forgets every remembered table (for benchmarks and tests that measure a first computation). */
export function forgetTables(): void {
  for (const cache of caches) cache.clear();
}

/** Runs an adapter body; an engine error becomes the Excel error (#VALUE! or #N/A) with its message. */
function excel<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw excelErrorFrom(error);
  }
}

function readScalars<S extends ScalarSpecs>(specs: S, values: Arguments<S>): ScalarValues<S> {
  const read: Record<string, number> = {};
  for (const key of Object.keys(specs)) read[key] = readScalar(values[key], specs[key]);
  return read as ScalarValues<S>;
}

/** The amounts of a computed table, from the rule's lines (one per used row, in row order). */
function amountTable<L extends { code: PartyCode; row: number }>(
  rowCount: number,
  lines: readonly L[],
  amount: (line: L) => number
): AmountTable {
  const keys = new Array<string>(lines.length);
  const rows = new Array<number>(lines.length);
  const amounts = new Array<number>(lines.length);
  lines.forEach((line, i) => {
    keys[i] = line.code.key;
    rows[i] = line.row;
    amounts[i] = amount(line);
  });
  return new AmountTable(rowCount, keys, rows, amounts);
}

/**
 * The body of a party function. The cache remembers the scalars first, so that a different pot or
 * threshold is told apart before any range is compared.
 */
export function partyFunction<C extends ColumnSpecs, S extends ScalarSpecs, L extends { code: PartyCode; row: number }>(
  descriptor: PartyFunction<C, S, L>
): (party: Cell, parties: Range | Cell, columns: Arguments<C>, scalars: Arguments<S>) => Answer {
  const cache = new TableCache<AmountTable>();
  caches.push(cache);
  const columnKeys = Object.keys(descriptor.columns);
  const scalarKeys = Object.keys(descriptor.scalars);
  return (party, parties, columns, scalars) =>
    excel(() => {
      const args: unknown[] = [];
      for (const key of scalarKeys) args.push(scalars[key]);
      args.push(parties);
      for (const key of columnKeys) args.push(columns[key]);
      const amounts = cache.get(args, () => {
        const table = readPartyTable(parties, descriptor.columns, columns);
        const result = descriptor.rule(table.rows, readScalars(descriptor.scalars, scalars));
        return amountTable(table.rowCount, result.lines, descriptor.amount);
      });
      return answerFor(party, parties, amounts);
    });
}

/** The body of a list function: the used cells read by the column's kind, then the rule and its amount. */
export function listFunction<S extends ScalarSpecs, R>(
  descriptor: ListFunction<S, R>
): (values: Range | Cell, scalars: Arguments<S>) => number {
  return (values, scalars) =>
    excel(() => {
      const read = readList(values, descriptor.column);
      return descriptor.amount(descriptor.rule(read, readScalars(descriptor.scalars, scalars)));
    });
}
