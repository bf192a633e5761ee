/**
 * Values as they are written into Excel. Imported text is data, never a formula: Excel starts a formula
 * at "=", "+", "-" or "@" (and a tab or carriage return can smuggle one in), so such text is written with
 * Excel's text prefix, an apostrophe, into a column formatted as text ("@"). The apostrophe is not part of
 * the value: the cell shows and holds the text as imported.
 */
import { readNumber, Refused } from "../../input";
import { CellValue } from "../../workbook/plan";

/** The number format that keeps text as text (codes keep their leading zeros, "2018-03" stays a month). */
export const TEXT_FORMAT = "@";

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** True when Excel would take the text for a formula if it were written as it is. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * The exact value to put in `range.values` for a text cell: the text itself, or the text behind Excel's
 * apostrophe prefix when it starts like a formula ("=1+1" → "'=1+1", "-12" → "'-12").
 */
export function textValue(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * Two cell values are the same input: numbers by value, a text read as every face reads a number ("12" and
 * "1 234,0" are 12 and 1234), other text without regard to surrounding spaces.
 */
export function sameCell(a: CellValue, b: CellValue): boolean {
  const norm = (v: CellValue) => (v === null ? "" : typeof v === "string" ? v.trim() : v);
  const x = norm(a);
  const y = norm(b);
  if (typeof x === "number" || typeof y === "number") return numberOf(x) === numberOf(y);
  return x === y;
}

function numberOf(value: string | number | boolean): number {
  const read = readNumber(value, "");
  return read instanceof Refused ? NaN : read;
}
