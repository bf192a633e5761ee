import { partyCode, PartyCode } from "../engine/codes";
import { Problem, RuleError } from "../engine/errors";

/** A cell value as Excel hands it to a custom function. */
export type Cell = unknown;
/** A range as Excel hands it to a custom function: rows of cells. */
export type Range = readonly (readonly Cell[])[];

/** A blank cell: `null` (Excel on the web), `undefined` (an omitted argument) or `""` (a formula's empty text). */
export function isBlank(value: Cell): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A blank code cell: blank, or 0, which is how desktop Excel passes an empty cell (no party has code 0). */
export function isBlankCode(value: Cell): boolean {
  return isBlank(value) || value === 0;
}

/** Desktop Excel passes a blank cell as 0 (or FALSE): in an otherwise empty row it means nothing. */
function isBlankOrZero(value: Cell): boolean {
  return isBlank(value) || value === 0 || value === false;
}

/** Reads a range argument as one column of cells (a single cell or a one-row range also works). */
export function columnOf(value: Cell, what: string): Cell[] {
  if (!Array.isArray(value)) return [value];
  if (value.every((row) => Array.isArray(row) && row.length === 1)) return value.map((row) => row[0]);
  if (value.length === 1 && Array.isArray(value[0])) return [...value[0]];
  if (value.every((row) => !Array.isArray(row))) return [...value];
  throw new RuleError("invalidValue", Problem.notOneColumn(what));
}

/** How a column's cells are read. */
export type ColumnKind = "number" | "yesNo";

export interface ColumnSpec {
  /** The column's name in messages (Swedish, as on the sheet). */
  readonly what: string;
  readonly cells: Range | Cell;
  readonly kind: ColumnKind;
}

/** A used row of a party table: its code, 1-based row and the values of the other columns. */
export interface TableRow {
  readonly code: PartyCode;
  readonly row: number;
  readonly values: readonly (number | boolean)[];
}

/**
 * The one argument reader for party tables: checks that the columns have the same length, skips unused
 * rows (blank code and nothing but blanks or zeros), and turns every other cell into a number or a
 * yes/no, or throws an error that names the row, the party and the problem.
 */
export function readPartyTable(codes: Range | Cell, columns: readonly ColumnSpec[]): TableRow[] {
  const codeCells = columnOf(codes, "kodkolumnen");
  const cells = columns.map((spec) => {
    const column = columnOf(spec.cells, spec.what);
    if (column.length !== codeCells.length) {
      throw new RuleError("invalidValue", Problem.lengthsDiffer(spec.what, column.length, codeCells.length));
    }
    return column;
  });
  const rows: TableRow[] = [];
  for (let r = 0; r < codeCells.length; r++) {
    const code = isBlankCode(codeCells[r]) ? undefined : partyCode(codeCells[r]);
    if (code === undefined) {
      if (cells.every((column) => isBlankOrZero(column[r]))) continue;
      throw new RuleError("invalidValue", Problem.codeMissing(), { row: r + 1 });
    }
    const place = { row: r + 1, party: code.text };
    const values = columns.map((spec, c) =>
      spec.kind === "number" ? readNumber(cells[c][r], spec.what, place) : readYesNo(cells[c][r], place)
    );
    rows.push({ code, row: r + 1, values });
  }
  return rows;
}

type Place = { row?: number; party?: string };

/** A number cell of a used row: blanks and text are errors, never a silent 0. */
export function readNumber(value: Cell, what: string, place: Place = {}): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isBlank(value)) throw new RuleError("invalidValue", Problem.blankInUsedRow(what), place);
  throw new RuleError("invalidValue", Problem.notANumber(what, describe(value)), place);
}

/** An optional number argument: blank means the default. */
export function readOptionalNumber(value: Cell, what: string, fallback: number): number {
  return isBlank(value) ? fallback : readNumber(value, what);
}

const YES = new Set(["TRUE", "SANT", "JA", "1"]);
const NO = new Set(["FALSE", "FALSKT", "NEJ", "0"]);

/** A yes/no cell: TRUE/FALSE, 1/0, or the words SANT/FALSKT, JA/NEJ. */
export function readYesNo(value: Cell, place: Place = {}): boolean {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const word = value.trim().toUpperCase();
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
  }
  throw new RuleError("invalidValue", Problem.notYesNo(describe(value)), place);
}

function describe(value: Cell): string {
  if (isBlank(value)) return "en tom cell";
  if (typeof value === "string") return `texten "${value}"`;
  return String(value);
}
