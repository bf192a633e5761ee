/** A1 addresses: column letters, absolute references and sheet-qualified ranges. */

/** 1 → "A", 27 → "AA". */
export function columnLetter(index: number): string {
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

/** "B12" → { column: 2, row: 12 }. */
export function parseCell(ref: string): { column: number; row: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!match) throw new Error(`Ogiltig celladress: ${ref}`);
  return { column: columnIndex(match[1]), row: Number(match[2]) };
}

export function cell(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

export function absolute(column: number, row: number): string {
  return `$${columnLetter(column)}$${row}`;
}

/** A sheet name as a formula needs it: quoted when it has spaces or other than letters and digits. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function onSheet(sheet: string, ref: string): string {
  return `${quoteSheet(sheet)}!${ref}`;
}
