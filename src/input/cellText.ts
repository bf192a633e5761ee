/**
 * Text that must stay text where it is written: the one rule for the pane (a value written into Excel) and the
 * command line (a cell of the payments CSV, which Excel opens). Excel starts a formula at "=", "+", "-" or "@",
 * and at their full-width forms "＝", "＋", "－", "＠" (typed with an East Asian keyboard, or pasted); a tab or a
 * carriage return in front can smuggle one in. Such text is written behind Excel's text prefix, an apostrophe.
 */

/** The first characters that make Excel take a text for a formula. */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** True when Excel would take the text for a formula if it were written (or opened from a CSV file) as it is. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * The text as a CSV cell that Excel opens as this text, never as a formula: with an apostrophe in front when it
 * starts like one (OWASP's advice for CSV files; the apostrophe shows, and says why).
 */
export function csvText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * The exact value to give Excel (`range.values`) for a text cell, so that the cell holds this text: behind the
 * text prefix when it starts like a formula ("=1+1" → "'=1+1"), and also when it starts with an apostrophe,
 * which Excel would otherwise take as the prefix and drop ("'=A1" → "''=A1", stored as "'=A1").
 */
export function excelText(text: string): string {
  return startsLikeFormula(text) || text.startsWith("'") ? `'${text}` : text;
}
