/*
 * The custom functions' argument reader: Excel's ranges and cells into engine inputs, each cell through
 * the one reader of its kind (`src/input`), so that a cell means here what it means in a file, an import
 * and Förklara.
 */
import { partyCode, PartyCode } from "../engine/codes";
import { RuleError } from "../engine/errors";
import { PartyRow } from "../engine/parties";
import {
  isBlank,
  Label,
  Problem,
  readAmount,
  Reader,
  readCount,
  readKronor,
  readPartyCode,
  readShare,
  readStep,
  readYesNo,
  Refused,
  shownText,
} from "../input";

/** A cell value as Excel hands it to a custom function. */
export type Cell = unknown;
/** A range as Excel hands it to a custom function: rows of cells. */
export type Range = readonly (readonly Cell[])[];

/**
 * A blank code cell: blank (`null` on the web, `undefined` for an omitted argument, `""` from a formula), or 0, which is how desktop Excel passes an empty cell (no party has code 0). */
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

/** How a column's cells are read: by the readers of `src/input`, the same as every other face. */
const COLUMN_READERS = { count: readCount, amount: readAmount, yesNo: readYesNo } as const;
export type ColumnKind = keyof typeof COLUMN_READERS;

/** A column argument: its name in messages (Swedish, as on the sheet) and how its cells are read. */
export interface ColumnSpec {
  readonly what: string;
  readonly kind: ColumnKind;
}

/** The column arguments of a function, by the name its rule gives each value. */
export type ColumnSpecs = Readonly<Record<string, ColumnSpec>>;

/** A used row as read: the party, its 1-based row of the ranges, and a value per column. */
export type RowOf<C extends ColumnSpecs> = PartyRow & {
  readonly [K in keyof C]: C[K]["kind"] extends "yesNo" ? boolean : number;
};

/** A party table as read: the used rows, and how many rows the ranges have (used or not). */
export interface PartyTable<C extends ColumnSpecs> {
  readonly rows: readonly RowOf<C>[];
  readonly rowCount: number;
}

/**
 * The one argument reader for party tables: checks that the columns have the same length, skips unused
 * rows (blank code and nothing but blanks or zeros), and reads every other cell by its column's kind,
 * or throws an error that names the row, the party and the problem.
 */
export function readPartyTable<C extends ColumnSpecs>(
  codes: Range | Cell,
  specs: C,
  ranges: { readonly [K in keyof C]: Range | Cell }
): PartyTable<C> {
  const codeCells = columnOf(codes, "kodkolumnen");
  const keys: (keyof C & string)[] = Object.keys(specs);
  const cells = keys.map((key) => {
    const column = columnOf(ranges[key], specs[key].what);
    if (column.length !== codeCells.length) {
      throw new RuleError("invalidValue", Problem.lengthsDiffer(specs[key].what, column.length, codeCells.length));
    }
    return column;
  });
  const readers = keys.map((key) => COLUMN_READERS[specs[key].kind] as Reader<number | boolean>);
  const numeric = keys.map((key) => specs[key].kind !== "yesNo");
  const whats = keys.map((key) => specs[key].what);
  // Every row is a copy of one template, so thousands of rows share one shape.
  const template: Record<string, unknown> = { code: undefined, row: 0 };
  for (const key of keys) template[key] = 0;
  const rows: RowOf<C>[] = [];
  for (let r = 0; r < codeCells.length; r++) {
    const code = codeOf(codeCells[r], r + 1);
    if (code === undefined) {
      if (cells.every((column) => isBlankOrZero(column[r]))) continue;
      throw new RuleError("invalidValue", Problem.codeMissing(), { row: r + 1 });
    }
    const row = { ...template };
    row.code = code;
    row.row = r + 1;
    for (let c = 0; c < keys.length; c++) {
      const cell = cells[c][r];
      // The usual cell, a whole number above 0 in a column of numbers, is what every number reader gives back
      // as it is: taken without the call, which thousands of rows would otherwise pay for.
      const value =
        numeric[c] && typeof cell === "number" && cell > 0 && Number.isSafeInteger(cell)
          ? cell
          : readers[c](cell, whats[c]);
      // Only a reader's verdict is an object: the number of the usual cell skips the check.
      if (typeof value === "object" && value instanceof Refused) {
        throw new RuleError("invalidValue", value.problem, { row: r + 1, party: shownText(code.text) });
      }
      row[keys[c]] = value;
    }
    rows.push(row as RowOf<C>);
  }
  return { rows, rowCount: codeCells.length };
}

/**
 * A code cell as a party code; undefined for a blank code (or FALSE, as desktop Excel may pass a blank cell).
 * Read by the one code reader: an invisible character, other digits than 0–9, TRUE or 114,5 are refused.
 */
function codeOf(cell: Cell, row: number): PartyCode | undefined {
  // The usual code first: plain digits are never blank.
  if (typeof cell === "string" && isPlainDigits(cell)) return partyCode(cell);
  if (isBlankCode(cell) || cell === false) return undefined;
  const code = readPartyCode(cell, Label.code);
  if (code instanceof Refused)
    throw new RuleError("invalidValue", code.problem, { row, party: shownText(String(cell)) });
  return partyCode(code);
}

/** A short code of ASCII digits ("0114", "08"), the usual case: nothing in it for the reader to refuse. */
function isPlainDigits(text: string): boolean {
  if (text.length === 0 || text.length > 64) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * The used cells of a one-column argument (the individuals' days), read by `kind`; blank cells are skipped
 * (they are no one), and a bad cell is an error naming its row.
 */
export function readList(cells: Range | Cell, spec: ColumnSpec): { readonly row: number; readonly value: number }[] {
  const reader = COLUMN_READERS[spec.kind] as Reader<number>;
  const values: { row: number; value: number }[] = [];
  columnOf(cells, spec.what).forEach((cell, i) => {
    if (isBlank(cell)) return;
    const value = reader(cell, spec.what);
    if (value instanceof Refused) throw new RuleError("invalidValue", value.problem, { row: i + 1 });
    values.push({ row: i + 1, value });
  });
  return values;
}

/** How a scalar parameter is read: pots and totals in kronor, thresholds as shares, steps, limits. */
const SCALAR_READERS = {
  kronor: readKronor,
  share: readShare,
  step: readStep,
  count: readCount,
  amount: readAmount,
} as const;

/** A scalar parameter: its name in messages, its kind, and its value when left blank (required without one). */
export interface ScalarSpec {
  readonly what: string;
  readonly kind: keyof typeof SCALAR_READERS;
  readonly default?: number;
}

export type ScalarSpecs = Readonly<Record<string, ScalarSpec>>;

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

/** A scalar parameter read by its kind; blank means its default, or is an error when it has none. */
export function readScalar(value: Cell, spec: ScalarSpec): number {
  const cell = parameterCell(value, spec.what);
  if (isBlank(cell)) {
    if (spec.default !== undefined) return spec.default;
    throw new RuleError("invalidValue", Problem.parameterMissing(spec.what));
  }
  const read = SCALAR_READERS[spec.kind](cell, spec.what);
  if (read instanceof Refused) throw new RuleError("invalidValue", read.problem);
  return read;
}
