/**
 * The workbook's tables as the task pane reads them: table names, column headers, and a small view over
 * a table's values (header row + data rows, as `table.getRange().values` returns them). The names and
 * headers are those the sheet builders write, defined once in `src/workbook/sheets/names.ts`.
 */
import { CellValue } from "../../workbook/plan";

export { ALLOCATION_LABEL, HEADER, TABLE, TWIN_PART } from "../../workbook/sheets/names";

/** A table's values: the header row first, then one array per data row. */
export type TableValues = readonly (readonly CellValue[])[];

/** A read-only view over a table's values, by header. */
export class TableView {
  private readonly index: ReadonlyMap<string, number>;

  constructor(
    readonly name: string,
    private readonly values: TableValues
  ) {
    const header = values[0] ?? [];
    const index = new Map<string, number>();
    header.forEach((h, i) => {
      const key = String(h ?? "").trim();
      if (key !== "" && !index.has(key)) index.set(key, i);
    });
    this.index = index;
  }

  /** The header row as text. */
  get headers(): string[] {
    return (this.values[0] ?? []).map((h) => String(h ?? "").trim());
  }

  /** Number of data rows. */
  get rowCount(): number {
    return Math.max(0, this.values.length - 1);
  }

  has(header: string): boolean {
    return this.index.has(header);
  }

  /** The 0-based column index of a header, or -1. */
  columnIndex(header: string): number {
    return this.index.get(header) ?? -1;
  }

  /** The value of data row `row` (0-based) in column `header`; null when the column or row is missing. */
  get(row: number, header: string): CellValue {
    const c = this.index.get(header);
    if (c === undefined) return null;
    const line = this.values[row + 1];
    return line === undefined ? null : (line[c] ?? null);
  }

  /** The headers of `wanted` that the table lacks. */
  missing(wanted: readonly string[]): string[] {
    return wanted.filter((h) => !this.index.has(h));
  }
}

/** A cell value as trimmed text ("" for blank). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}
