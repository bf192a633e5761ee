/**
 * Values as they are written into Excel. Imported text is data, never a formula: text that Excel would take for
 * one, or whose apostrophe it would drop, is written with Excel's text prefix (the one rule of `src/input/
 * cellText.ts`, which the payments CSV follows too) into a column formatted as text ("@"). The apostrophe is not
 * part of the value: the cell shows and holds the text as imported.
 */
import { excelText, readNumber, Refused, startsLikeFormula } from "../../input";
import { CellValue } from "../../workbook/plan";

/** The number format that keeps text as text (codes keep their leading zeros, "2018-03" stays a month). */
export const TEXT_FORMAT = "@";

export { startsLikeFormula };

/**
 * The exact value to put in `range.values` for a text cell: the text itself, or the text behind Excel's
 * apostrophe prefix when it starts like a formula or with an apostrophe ("=1+1" → "'=1+1", "'x" → "''x").
 */
export function textValue(text: string): string {
  return excelText(text);
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
