/**
 * Splits imported text into a header and data rows: semicolon (Swedish Excel's CSV), comma, or tab (a
 * paste from Excel, "Unicode-text"). Rows are numbered as a spreadsheet shows the file: the first line is
 * row 1.
 */
import Papa from "papaparse";
import { Delimiter, headerDelimiter } from "../../workbook/csvText";
import { ImportProblem } from "./problems";

export type { Delimiter } from "../../workbook/csvText";

/** One data row of the file, cells trimmed. */
export interface DelimitedRow {
  /** The row as the user sees it in the file (header = 1). */
  readonly row: number;
  readonly cells: readonly string[];
}

/** A file split into its header and data rows. */
export interface DelimitedText {
  readonly delimiter: Delimiter;
  /** The header cells, trimmed. */
  readonly header: readonly string[];
  readonly headerRow: number;
  /** Non-blank data rows, cells trimmed. */
  readonly rows: readonly DelimitedRow[];
  readonly problems: readonly ImportProblem[];
}

/** Parses delimited text with Papa Parse; the first non-blank row is the header. */
export function readDelimited(text: string): DelimitedText | { readonly problems: readonly ImportProblem[] } {
  const delimiter = headerDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const problems: ImportProblem[] = [];
  for (const error of parsed.errors) {
    if (error.type === "Quotes") {
      problems.push({
        row: error.row === undefined ? undefined : error.row + 1,
        message: 'ett citattecken (") saknar sitt avslutande citattecken. Rätta raden och försök igen.',
      });
    }
  }
  const records = parsed.data;
  const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");
  const headerIndex = records.findIndex((cells) => !blank(cells));
  if (headerIndex < 0) {
    return { problems: [{ message: "Filen är tom. Första raden ska vara en rubrikrad." }] };
  }
  const header = records[headerIndex].map((h) => h.trim());
  const rows: DelimitedRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    if (blank(records[i])) continue;
    rows.push({ row: i + 1, cells: records[i].map((c) => c.trim()) });
  }
  return { delimiter, header, headerRow: headerIndex + 1, rows, problems };
}
