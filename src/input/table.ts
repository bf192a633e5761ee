/**
 * Delimited text (a CSV file or a paste) split into a header and data rows, the same way for the command
 * line's loader and the pane's import: semicolon (Swedish Excel's CSV), comma or tab (a paste, "Unicode-
 * text"), chosen from the header; quoted cells may hold the separator, quotes and line breaks; lines may end
 * in CRLF, LF or CR, mixed in one file. Rows are
 * numbered as a spreadsheet shows the file (the first line is row 1). A row that has more values than the
 * header, or that repeats the header, is refused here, not read into the wrong columns.
 */
import Papa from "papaparse";
import { Problem } from "./messages";
import { shownCount } from "./show";

/** The separators a file may use: semicolon (Swedish Excel's CSV), comma, tab (a paste). */
export type Delimiter = ";" | "," | "\t";

const DELIMITERS: readonly Delimiter[] = ["\t", ";", ","];

/**
 * The delimiter is chosen from the header line, which holds no numbers: guessing from data rows (as
 * Papa Parse's detection does) can take the decimal comma in "2,5" for a separator. The most frequent
 * of tab, semicolon and comma outside quotes wins; ties go in that order.
 */
export function headerDelimiter(text: string): Delimiter {
  return delimiterOf(text).delimiter;
}

/**
 * The delimiter of a text, from its first non-blank line: a line "sep=;" (which Excel writes and reads)
 * declares it, and is then no header (`declared`); otherwise the header line's most frequent separator.
 */
function delimiterOf(text: string): { readonly delimiter: Delimiter; readonly declared: boolean } {
  const firstLine = firstNonBlankLine(text);
  const declaration = /^"?sep=(.)"?[;,\t]?$/i.exec(firstLine.trim());
  if (declaration && (DELIMITERS as readonly string[]).includes(declaration[1]))
    return { delimiter: declaration[1] as Delimiter, declared: true };
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  let best: Delimiter = ";";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return { delimiter: best, declared: false };
}

/** The first line with something in it, found without splitting the whole text (a file may have a million lines). */
function firstNonBlankLine(text: string): string {
  const ending = /\r\n|\n|\r/g;
  let start = 0;
  for (;;) {
    const match = ending.exec(text);
    const line = text.slice(start, match ? match.index : text.length);
    if (line.trim() !== "" || !match) return line;
    start = ending.lastIndex;
  }
}

/** The lines of a text with something in them (a line ends in CRLF, LF or CR), counted without splitting it. */
export function countLines(text: string): number {
  let lines = 0;
  let filled = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (filled) lines++;
      filled = false;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    } else if (c !== 32) filled = true;
  }
  return filled ? lines + 1 : lines;
}

/** A quoted cell (its quotes doubled inside), or a line ending outside one. */
const QUOTED_OR_ENDING = /"[^"]*(?:""[^"]*)*"|\r\n?/g;

/**
 * Every line ending as "\n": a file edited on two systems may end its lines partly CRLF, partly LF (or CR), and
 * Papa Parse takes the first ending it meets for all, which would read such a file as one giant row. A line
 * break inside a quoted cell is left as it is, so that a message shows the value as the file has it.
 */
export function uniformLineEndings(text: string): string {
  if (!text.includes("\r")) return text;
  return text.replace(QUOTED_OR_ENDING, (match) => (match.charCodeAt(0) === 34 ? match : "\n"));
}

/** A problem of the table: its row (header = 1) when it has one. */
export interface TableProblem {
  readonly row?: number;
  readonly problem: string;
}

/** One data row, cells trimmed. */
export interface TableRow {
  /** The row as the user sees it in the file (header = 1). */
  readonly row: number;
  readonly cells: readonly string[];
}

/** A file split into its header and data rows. */
export interface Table {
  readonly delimiter: Delimiter;
  /** The header cells, trimmed. */
  readonly header: readonly string[];
  readonly headerRow: number;
  /** Non-blank data rows that fit the header. */
  readonly rows: readonly TableRow[];
  /** Unclosed quotes, rows with too many values, a repeated header. */
  readonly problems: readonly TableProblem[];
}

/** The rows of an Excel sheet: a file with more could never be laid out on one. */
export const SHEET_ROWS = 1048576;
/** The columns of one Excel sheet. */
export const SHEET_COLUMNS = 16384;

/** The delimiter other than `delimiter` that a lone cell holds: a row written with another separator. */
function otherDelimiter(cell: string, delimiter: Delimiter): Delimiter | undefined {
  return DELIMITERS.find((d) => d !== delimiter && cell.includes(d));
}

const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = { ";": "semikolon", ",": "komma", "\t": "tabb" };

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/** Text that is no table: `empty` when it has no header (nothing but blank lines), else too long. */
export interface NoTable {
  readonly empty: boolean;
  readonly problems: readonly TableProblem[];
}

/** Splits delimited text; the first non-blank row is the header. An empty text is a problem, not a table. */
export function readTable(raw: string): Table | NoTable {
  const text = uniformLineEndings(raw);
  const { delimiter, declared } = delimiterOf(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: "\n", header: false, skipEmptyLines: false });
  const problems: TableProblem[] = [];
  for (const error of parsed.errors) {
    if (error.type === "Quotes") {
      problems.push({ row: error.row === undefined ? undefined : error.row + 1, problem: Problem.unclosedQuote() });
    }
  }
  const records = parsed.data;
  if (records.length > SHEET_ROWS) {
    const problem = Problem.tooManyRows(shownCount(records.length), shownCount(SHEET_ROWS));
    return { empty: false, problems: [{ problem }] };
  }
  // A "sep=;" line is Excel's note of the separator, not the header.
  const first = records.findIndex((cells) => !blank(cells));
  const headerIndex = records.findIndex((cells, i) => !blank(cells) && !(declared && i === first));
  if (headerIndex < 0) return { empty: true, problems: [{ problem: Problem.fileEmpty("") }] };
  const header = records[headerIndex].map((h) => h.trim());
  if (header.length > SHEET_COLUMNS) {
    const problem = Problem.tooManyColumns(shownCount(header.length), shownCount(SHEET_COLUMNS));
    return { empty: false, problems: [{ row: headerIndex + 1, problem }] };
  }
  const headerKey = header.join("\u0000").toLocaleLowerCase("sv");
  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    if (blank(records[i])) continue;
    const cells = records[i].map((c) => c.trim());
    const row = i + 1;
    const other = header.length > 1 && cells.length === 1 ? otherDelimiter(cells[0], delimiter) : undefined;
    if (cells.slice(header.length).some((c) => c !== "")) {
      problems.push({ row, problem: Problem.tooManyValues(cells.length, header.length, delimiter === ",") });
    } else if (other) {
      problems.push({ row, problem: Problem.mixedDelimiters(DELIMITER_NAMES[delimiter], DELIMITER_NAMES[other]) });
    } else if (cells.join("\u0000").toLocaleLowerCase("sv") === headerKey) {
      problems.push({ row, problem: Problem.headerRepeated(headerIndex + 1) });
    } else {
      rows.push({ row, cells });
    }
  }
  return { delimiter, header, headerRow: headerIndex + 1, rows, problems };
}
