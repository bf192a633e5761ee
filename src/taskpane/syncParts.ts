/**
 * Round trips of a bounded size. Excel on the web refuses a request or a response (one `context.sync()`)
 * larger than 5 MB (Microsoft's "Resource limits and performance optimization for Office Add-ins": "Excel on
 * the web has a payload size limit for requests and responses of 5MB"). The pane sends and reads its work in
 * parts of about `PART_BYTES`, each sized from what it carries, so that every sync stays under
 * `SYNC_LIMIT_BYTES` whatever the number of parties or rows: the build (`writePlan.ts`), and an import's
 * reads and writes (`workbookTables.ts`). Pure: no Office here.
 */

/** What one part aims at, values and operations together. */
export const PART_BYTES = 400_000;

/** What every sync of the pane stays under, a fifth of Excel on the web's limit. */
export const SYNC_LIMIT_BYTES = 1_000_000;

/**
 * What one queued operation adds to a request besides its values: an action and usually an object path in
 * Office.js's request, counted high.
 */
export const OPERATION_BYTES = 200;

/** The size of a value as JSON, in UTF-8 bytes: what it adds to a request or a response. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value ?? null);
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/**
 * Items in their order, packed into parts of at most `budget` bytes each (`size` tells an item's bytes); an
 * item larger than the budget is a part of its own.
 */
export function inParts<T>(items: readonly T[], size: (item: T) => number, budget = PART_BYTES): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const b = size(item);
    if (current.length > 0 && bytes + b > budget) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += b;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** The bytes of the largest row of a table's values (rows of cells), as JSON. */
export function largestRowBytes(rows: readonly (readonly unknown[])[]): number {
  let largest = 0;
  for (const row of rows) largest = Math.max(largest, jsonBytes(row));
  return largest;
}
