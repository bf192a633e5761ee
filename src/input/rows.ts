/**
 * Reading the cells of one data row through the readers, collecting every problem of the row: the
 * command line's loader reads its rows by column name, the pane's import by what each column holds; both
 * through this one reader, so a cell gets the same verdict in either.
 */
import { Problem } from "./messages";
import { shownCount, shownText } from "./show";
import { Reader, Refused } from "./verdict";

/** A problem of a row: its number (header = 1), the party or record when known, and what is wrong. */
export interface RowProblem {
  readonly row: number;
  readonly who?: string;
  readonly problem: string;
}

/** The cells of one row, read by key (a column name or a column's role). */
export class RowReader<K extends string> {
  private failed = false;
  private whoText?: string;

  /** `cellOf` gives a cell's trimmed text, or undefined when the file has no column for `key`. */
  constructor(
    readonly row: number,
    private readonly cellOf: (key: K) => string | undefined,
    private readonly report: (problem: RowProblem) => void
  ) {}

  /** No problem has been found in the row. */
  get ok(): boolean {
    return !this.failed;
  }

  /** The party or record the row is about, for messages; shown cut and with invisible characters written out. */
  get who(): string | undefined {
    return this.whoText;
  }
  set who(text: string | undefined) {
    this.whoText = text ? shownText(text) : undefined;
  }

  /** The cell's text as the file has it (trimmed), "" when the file has no such column. */
  raw(key: K): string {
    return this.cellOf(key) ?? "";
  }

  /** The file has a column for `key`. */
  has(key: K): boolean {
    return this.cellOf(key) !== undefined;
  }

  /** Records a problem of the row; returns undefined so that a reader can `return r.fail(…)`. */
  fail(problem: string): undefined {
    this.failed = true;
    this.report({ row: this.row, who: this.whoText, problem });
    return undefined;
  }

  /** The cell read by `reader`, or undefined (and the problem recorded). */
  read<T>(key: K, reader: Reader<T>, what: string): T | undefined {
    const value = reader(this.raw(key), what);
    return value instanceof Refused ? this.fail(value.problem) : value;
  }

  /** As {@link read}, for a column that may be left empty: a blank cell gives `blank`, not a problem. */
  readOptional<T, B>(key: K, reader: Reader<T>, what: string, blank: B): T | B | undefined {
    return this.raw(key) === "" ? blank : this.read(key, reader, what);
  }
}

/** How many problems a list shows: about a screenful. */
export const SCREENFUL = 20;

/** The first screenful of lines, then one line counting the rest. */
export function screenful(lines: readonly string[], limit = SCREENFUL): string[] {
  if (lines.length <= limit) return [...lines];
  return [...lines.slice(0, limit), Problem.moreProblems(shownCount(lines.length - limit), shownCount(lines.length))];
}
