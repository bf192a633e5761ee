/**
 * Typed cell references and the formulas built from them. The plan never holds a reference as text: a
 * formula is literal text with references between, each a sheet, a column, a row and whether it is
 * absolute; a workbook name is a reference too. Only a writer turns them into A1 text, on the sheet the
 * formula stands on (a reference to that sheet is written without its sheet name). Renaming the sheets and
 * names of a plan for a second build replaces the references' sheets and names; no formula text is read.
 */

/** A cell of a sheet by column and row, both counted from 1. */
export interface Position {
  readonly column: number;
  readonly row: number;
}

/** One cell: "Palliativ!$C$8" (absolute) or "D9" (relative, moves when a formula is copied). */
export interface CellRef extends Position {
  readonly kind: "cell";
  readonly sheet: string;
  readonly absolute: boolean;
}

/** A rectangle of cells: "Palliativ!$D$9:$D$298". */
export interface RangeRef {
  readonly kind: "range";
  readonly sheet: string;
  readonly from: Position;
  readonly to: Position;
  readonly absolute: boolean;
  /**
   * A spilled column: a formula reads it as its anchor's spill ("Palliativ!$Z$10#"), as far as the spill
   * reaches when it is computed, so that it grows with the table beside it; `from` is the anchor and `to` the
   * last cell the spill reaches as planned (what a selection or a format covers).
   */
  readonly spill?: true;
}

/** A workbook-level name: "P_Bas_Kommun". */
export interface NameRef {
  readonly kind: "name";
  readonly name: string;
}

export type Ref = CellRef | RangeRef | NameRef;

/** A formula without its "=": literal text (function names, operators, constants) and references. */
export class Expr {
  constructor(readonly parts: readonly (string | Ref)[]) {}

  /** The references the formula reads. */
  refs(): Ref[] {
    return this.parts.filter((p): p is Ref => typeof p !== "string");
  }
}

/** What a formula may be built from: text, numbers, references and other formulas. */
export type Term = string | number | Ref | Expr;

function partsOf(term: Term): (string | Ref)[] {
  if (term instanceof Expr) return [...term.parts];
  if (typeof term === "number") {
    if (!Number.isFinite(term)) throw new Error(`Ett tal i en formel måste vara ändligt: ${term}`);
    return [String(term)];
  }
  return [term];
}

/** A formula from a template: fx`SUM(${range})*${name}`. Interpolated text is literal formula text. */
export function fx(strings: TemplateStringsArray, ...terms: Term[]): Expr {
  const parts: (string | Ref)[] = [];
  strings.forEach((text, i) => {
    if (text !== "") parts.push(text);
    if (i < terms.length) parts.push(...partsOf(terms[i]));
  });
  return new Expr(merged(parts));
}

/**
 * A text as a formula's string literal, its quotation marks as CHAR(34): a doubled quotation mark inside a
 * string is Excel's way, but not every formula engine reads it (HyperFormula does not).
 */
export function text(value: string): Expr {
  const parts = value.split('"').map((part) => `"${part}"`);
  return fx`${parts.join("&CHAR(34)&")}`;
}

/** Terms joined by a separator: join([a, b], "+") is a+b. */
export function join(terms: readonly Term[], separator: string): Expr {
  const parts: (string | Ref)[] = [];
  terms.forEach((term, i) => {
    if (i > 0) parts.push(separator);
    parts.push(...partsOf(term));
  });
  return new Expr(merged(parts));
}

/** Adjacent text parts as one. */
function merged(parts: readonly (string | Ref)[]): (string | Ref)[] {
  const out: (string | Ref)[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (typeof part === "string" && typeof last === "string") out[out.length - 1] = last + part;
    else if (part !== "") out.push(part);
  }
  return out;
}

export const cellRef = (sheet: string, column: number, row: number, absolute = true): CellRef => ({
  kind: "cell",
  sheet,
  column,
  row,
  absolute,
});

export const rangeRef = (sheet: string, from: Position, to: Position, absolute = true): RangeRef => ({
  kind: "range",
  sheet,
  from: { column: from.column, row: from.row },
  to: { column: to.column, row: to.row },
  absolute,
});

export const nameRef = (name: string): NameRef => ({ kind: "name", name });

/** The spill of the formula at `anchor`, planned to reach down to row `lastRow` (see `RangeRef.spill`). */
export const spillRef = (sheet: string, anchor: Position, lastRow: number): RangeRef => ({
  ...rangeRef(sheet, anchor, { column: anchor.column, row: lastRow }),
  spill: true,
});

/** A cell or a range as a range (one cell is a range of one). */
export function asRange(ref: CellRef | RangeRef): RangeRef {
  return ref.kind === "range" ? ref : rangeRef(ref.sheet, ref, ref, ref.absolute);
}

/** The cells of a range, top-left first, row by row. */
export function cellsOf(range: RangeRef): Position[] {
  const out: Position[] = [];
  for (let row = range.from.row; row <= range.to.row; row++)
    for (let column = range.from.column; column <= range.to.column; column++) out.push({ column, row });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// A1 text, only where a workbook is written

/** 1 → "A", 26 → "Z", 27 → "AA", 16384 → "XFD". */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 1) throw new Error(`Ogiltigt kolumnnummer: ${index}`);
  let n = index;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "AA" → 27. */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** "B12" or "$B$12" → { column: 2, row: 12 } (for addresses Excel gives back, never for the plan's own). */
export function parseAddress(address: string): Position {
  const match = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(address);
  if (!match) throw new Error(`Ogiltig celladress: ${address}`);
  return { column: columnIndex(match[1]), row: Number(match[2]) };
}

/** A position in A1: "D9", or "$D$9" when absolute. */
export function a1(position: Position, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(position.column)}${d}${position.row}`;
}

/** A sheet name as a formula needs it: quoted when it has spaces or other than letters and digits. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The address of a cell or range on its own sheet: "D9", "$D$9:$D$298", "A1" for a one-cell range. */
export function address(ref: CellRef | RangeRef): string {
  if (ref.kind === "cell") return a1(ref, ref.absolute);
  const from = a1(ref.from, ref.absolute);
  const same = ref.from.column === ref.to.column && ref.from.row === ref.to.row;
  return same ? from : `${from}:${a1(ref.to, ref.absolute)}`;
}

/**
 * A reference in A1, qualified by its sheet unless it is on `here`: "'Senior alert'!$C$8", "D9"; a spilled
 * column as its anchor's spill, "$Z$10#".
 */
export function refText(ref: Ref, here?: string): string {
  if (ref.kind === "name") return ref.name;
  const text = ref.kind === "range" && ref.spill ? `${a1(ref.from, ref.absolute)}#` : address(ref);
  return ref.sheet === here ? text : `${quoteSheet(ref.sheet)}!${text}`;
}

/**
 * A formula in A1 text (without "="), as it stands on sheet `here`. `literal` may rewrite the literal parts
 * (a file format's function prefixes); the references are written as they are.
 */
export function formulaText(expr: Expr, here?: string, literal: (text: string) => string = (t) => t): string {
  return expr.parts.map((part) => (typeof part === "string" ? literal(part) : refText(part, here))).join("");
}

// ---------------------------------------------------------------------------------------------------
// Renaming

/** New names for sheets and workbook names (a missing entry keeps its name). */
export interface Renames {
  readonly sheets: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
}

/** A reference under the new names. */
export function renameRef<R extends Ref>(ref: R, renames: Renames): R {
  if (ref.kind === "name") return { ...ref, name: renames.names.get(ref.name) ?? ref.name };
  return { ...ref, sheet: renames.sheets.get(ref.sheet) ?? ref.sheet };
}

/** A formula with its references under the new names; its text is left as it is. */
export function renameExpr(expr: Expr, renames: Renames): Expr {
  return new Expr(expr.parts.map((part) => (typeof part === "string" ? part : renameRef(part, renames))));
}
