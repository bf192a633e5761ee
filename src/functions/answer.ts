import { partyCode } from "../engine/codes";
import { RuleError } from "../engine/errors";
import { Problem, shownText } from "../input";
import { Cell, isBlankCode } from "./args";
import { excelErrorFrom, ExcelError } from "./excelError";

/** What a custom function returns for a party argument: one amount, or a column of them. */
export type Answer = number | string | (number | string | CustomFunctions.Error | ExcelError)[][];

/**
 * The amounts of one computed table, as the cache keeps them: in row order (for the spilled column of
 * the table's own codes) and, built on the first lookup, by party key (for a per-row call's one code;
 * the other rows' calls find it built). Kept as columns: the key, 1-based row and amount of each
 * used row.
 */
export class AmountTable {
  private byKey: Map<string, number> | undefined;

  /** `rowCount` is the number of rows of the ranges; the other columns have one entry per used row. */
  constructor(
    private readonly rowCount: number,
    private readonly keys: readonly string[],
    private readonly rows: readonly number[],
    private readonly amounts: readonly number[]
  ) {}

  /** The amount of the party with this key, or undefined when it is not in the table. */
  amountOf(key: string): number | undefined {
    if (this.byKey === undefined) {
      const byKey = new Map<string, number>();
      for (let i = 0; i < this.keys.length; i++) byKey.set(this.keys[i], this.amounts[i]);
      this.byKey = byKey;
    }
    return this.byKey.get(key);
  }

  /** One cell per row of the ranges: the row's amount, blank for an unused row. */
  column(): (number | string)[][] {
    const column = new Array<(number | string)[]>(this.rowCount);
    for (let i = 0; i < this.rows.length; i++) column[this.rows[i] - 1] = [this.amounts[i]];
    for (let r = 0; r < this.rowCount; r++) if (column[r] === undefined) column[r] = [""];
    return column;
  }
}

/**
 * Answers the `party` argument from a computed table: one code gives one amount (an unknown code is
 * #N/A); a range gives a column in the same shape, blank for a blank code and #N/A for an unknown one.
 * The common spilled call passes the table's own code column as `party`: it is answered row by row,
 * without reading each code again.
 */
export function answerFor(party: Cell, parties: Cell, amounts: AmountTable): Answer {
  if (!Array.isArray(party)) return isBlankCode(party) ? "" : amountOf(party, amounts);
  if (sameColumn(party, parties)) return amounts.column();
  return party.map((row: Cell[]) =>
    (Array.isArray(row) ? row : [row]).map((cell) => {
      if (isBlankCode(cell)) return "";
      try {
        return amountOf(cell, amounts);
      } catch (error) {
        return excelErrorFrom(error);
      }
    })
  );
}

/** `a` is a one-column range (rows of one cell) with the same cells as `b`. */
function sameColumn(a: readonly unknown[], b: unknown): boolean {
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x: unknown = a[r];
    const y: unknown = b[r];
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== 1 || y.length !== 1 || x[0] !== y[0]) return false;
  }
  return true;
}

function amountOf(cell: Cell, amounts: AmountTable): number {
  const code = partyCode(cell);
  const amount = code && amounts.amountOf(code.key);
  if (!code || amount === undefined)
    throw new RuleError("notAvailable", Problem.partyNotFound(code ? shownText(code.text) : "(tom)"));
  return amount;
}
