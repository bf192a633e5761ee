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
  if (isOneColumn(value)) {
    const column = new Array<Cell>(value.length);
    for (let r = 0; r < value.length; r++) column[r] = (value[r] as Cell[])[0];
    return column;
  }
  if (value.length === 1 && Array.isArray(value[0])) return [...value[0]];
  if (value.every((row) => !Array.isArray(row))) return [...value];
  throw new RuleError("invalidValue", Problem.notOneColumn(what));
}

function isOneColumn(value: readonly Cell[]): boolean {
  for (let r = 0; r < value.length; r++) {
    const row = value[r];
    if (!Array.isArray(row) || row.length !== 1) return false;
  }
  return true;
}

/** How a column's cells are read. */
export type ColumnKind = "number" | "yesNo";

export interface ColumnSpec {
  /** The column's name in messages (Swedish, as on the sheet). */
  readonly what: string;
  readonly cells: Range | Cell;
  readonly kind: ColumnKind;
}

/**
 * A party table as read, by column: the code and 1-based row of each used row, the values of each
 * column for those rows (in the order of the specs), and how many rows the ranges have (used or not).
 */
export interface PartyTable {
  readonly codes: readonly PartyCode[];
  readonly rows: readonly number[];
  readonly columns: readonly (readonly (number | boolean)[])[];
  readonly rowCount: number;
}

/**
 * The one argument reader for party tables: checks that the columns have the same length, skips unused
 * rows (blank code and nothing but blanks or zeros), and turns every other cell into a number or a
 * yes/no, or throws an error that names the row, the party and the problem.
 */
export function readPartyTable(codes: Range | Cell, columns: readonly ColumnSpec[]): PartyTable {
  const codeCells = columnOf(codes, "kodkolumnen");
  const cells = columns.map((spec) => {
    const column = columnOf(spec.cells, spec.what);
    if (column.length !== codeCells.length) {
      throw new RuleError("invalidValue", Problem.lengthsDiffer(spec.what, column.length, codeCells.length));
    }
    return column;
  });
  // Sized for every row and cut to the used ones at the end: no growing copies on thousands of rows.
  const size = codeCells.length;
  const used = new Array<PartyCode>(size);
  const rows = new Array<number>(size);
  const values = columns.map(() => new Array<number | boolean>(size));
  let n = 0;
  for (let r = 0; r < codeCells.length; r++) {
    const code = isBlankCode(codeCells[r]) ? undefined : partyCode(codeCells[r]);
    if (code === undefined) {
      if (cells.every((column) => isBlankOrZero(column[r]))) continue;
      throw new RuleError("invalidValue", Problem.codeMissing(), { row: r + 1 });
    }
    for (let c = 0; c < columns.length; c++) {
      const value = cells[c][r];
      // The usual cell is read without building the error's place.
      if (columns[c].kind === "number") {
        values[c][n] =
          typeof value === "number" && Number.isFinite(value)
            ? value
            : readNumber(value, columns[c].what, { row: r + 1, party: code.text });
      } else {
        values[c][n] = typeof value === "boolean" ? value : readYesNo(value, { row: r + 1, party: code.text });
      }
    }
    used[n] = code;
    rows[n] = r + 1;
    n++;
  }
  used.length = n;
  rows.length = n;
  for (const column of values) column.length = n;
  return { codes: used, rows, columns: values, rowCount: size };
}

type Place = { row?: number; party?: string };

/** A number cell of a used row: blanks and text are errors, never a silent 0. */
export function readNumber(value: Cell, what: string, place: Place = {}): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isBlank(value)) throw new RuleError("invalidValue", Problem.blankInUsedRow(what), place);
  throw new RuleError("invalidValue", Problem.notANumber(what, describe(value)), place);
}

/**
 * A scalar parameter (pot, threshold, rounding, total, base, price, limits) as its value: a single cell
 * passed as a range (`[[300]]`, or `[300]`) counts as that cell, as Excel itself reads a one-cell
 * reference where one value is expected; an empty range counts as blank. A larger range is an error.
 */
function parameterCell(value: Cell, what: string): Cell {
  if (!Array.isArray(value)) return value;
  const cells: Cell[] = [];
  for (const row of value) {
    if (Array.isArray(row)) cells.push(...row);
    else cells.push(row);
  }
  if (cells.length > 1) throw new RuleError("invalidValue", Problem.parameterNotOneCell(what, cells.length));
  return cells.length === 0 ? null : parameterCell(cells[0], what);
}

/** A required number parameter: a number, or a range of one cell holding one. */
export function readParameter(value: Cell, what: string): number {
  const cell = parameterCell(value, what);
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (isBlank(cell)) throw new RuleError("invalidValue", Problem.parameterMissing(what));
  throw new RuleError("invalidValue", Problem.parameterNotANumber(what, describe(cell)));
}

/** An optional number parameter: blank (or an empty one-cell range) means the default. */
export function readOptionalParameter(value: Cell, what: string, fallback: number): number {
  const cell = parameterCell(value, what);
  return isBlank(cell) ? fallback : readParameter(cell, what);
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
  if (typeof value === "boolean") return value ? "SANT" : "FALSKT";
  return String(value);
}
