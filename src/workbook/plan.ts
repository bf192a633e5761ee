/**
 * The workbook plan: the allocation workbook described as data (sheets, tables, named inputs, formulas,
 * formats, validation, conditional formats and checks). Two writers turn it into a workbook: the command
 * line with exceljs (a file) and the task pane with Office.js (the open workbook). Neither knows a rule.
 *
 * Formulas are written without the leading "=", in A1 notation with English function names and comma
 * separators (the form Excel's `formulas` API, exceljs, LibreOffice's OOXML import and HyperFormula share).
 */

export type CellValue = string | number | boolean | null;

/** A formula and the value the engine computed for it (the cached result a file carries). */
export interface Formula {
  readonly formula: string;
  readonly result: CellValue;
}

export type CellContent = CellValue | Formula;

export function isFormula(content: CellContent): content is Formula {
  return typeof content === "object" && content !== null && "formula" in content;
}

/** What a cell is for; writers map each to a look (inputs yellow, checks green/red, …). */
export type CellStyle =
  | "title"
  | "subtitle"
  | "note"
  | "warning"
  | "label"
  | "header"
  | "input"
  | "reference"
  | "calc"
  | "amount"
  | "engine"
  | "check"
  | "total";

/** Number formats (Excel format codes). */
export const FORMAT = {
  kronor: "#,##0",
  kronorDecimals: "#,##0.00",
  count: "#,##0",
  percent: "0.0%",
  share: "0.00",
  days: "0.00",
  text: "@",
} as const;

export interface CellPlan {
  /** A1 address on the sheet, e.g. "B4". */
  readonly ref: string;
  readonly content: CellContent;
  readonly style?: CellStyle;
  readonly numFmt?: string;
}

export interface ColumnPlan {
  readonly header: string;
  readonly style: CellStyle;
  readonly numFmt?: string;
  readonly width?: number;
  /** One entry per data row. */
  readonly cells: readonly CellContent[];
}

/** An Excel table (ListObject): a header row and data rows. */
export interface TablePlan {
  /** Table name, unique in the workbook (letters, digits and underscores). */
  readonly name: string;
  /** Address of the first header cell, e.g. "A8". */
  readonly topLeft: string;
  readonly columns: readonly ColumnPlan[];
  /** Number of data rows. */
  readonly rows: number;
}

export interface ValidationPlan {
  /** A1 range, e.g. "D9:D298". */
  readonly range: string;
  readonly kind: "wholeNumber" | "decimal" | "list";
  readonly min?: number;
  readonly max?: number;
  readonly list?: readonly string[];
  readonly prompt: string;
  readonly error: string;
}

export interface ConditionalFormatPlan {
  readonly range: string;
  /** A formula for the range's first cell (relative references move with the cell). */
  readonly formula: string;
  readonly look: "good" | "bad" | "warn";
}

export interface SheetPlan {
  readonly name: string;
  readonly tabColor?: string;
  readonly cells: readonly CellPlan[];
  readonly tables: readonly TablePlan[];
  /** Column widths in characters, by column letter. */
  readonly widths: Readonly<Record<string, number>>;
  /** Rows and columns frozen above/left of this cell, e.g. "C9". */
  readonly freezeAt?: string;
  readonly validations: readonly ValidationPlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
}

/** A workbook-level name for an input or result cell, e.g. P_Bas_Pott → Parametrar!$C$6. */
export interface NamePlan {
  readonly name: string;
  /** Sheet-qualified absolute reference, e.g. "Parametrar!$C$6". */
  readonly ref: string;
}

/** One check on `Avstämning`: the cell holding its status and the cells it is about. */
export interface CheckPlan {
  readonly id: string;
  readonly label: string;
  /** The status cell ("OK" / "FEL" / "INFO"), sheet-qualified. */
  readonly statusRef: string;
  /** What the engine found: true when the check passes. */
  readonly passes: boolean;
  /** Informational checks (e.g. published vs rule) show a difference but do not fail the master check. */
  readonly informational: boolean;
  /** Sheet-qualified ranges to select when the user follows the check. */
  readonly targets: readonly string[];
}

export interface WorkbookPlan {
  readonly title: string;
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  readonly checks: readonly CheckPlan[];
}
