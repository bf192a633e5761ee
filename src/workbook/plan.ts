/**
 * The workbook plan: the allocation workbook described as data (sheets, tables, named inputs, formulas,
 * formats, validation, conditional formats and checks). Two writers turn it into a workbook: the command
 * line with exceljs (a file) and the task pane with Office.js (the open workbook). Neither knows a rule.
 *
 * Formulas are typed (`refs.ts`): literal text with English function names and comma separators, and
 * references by sheet, column and row. A writer turns them into A1 text (the form Excel's `formulas` API,
 * exceljs, LibreOffice's OOXML import and HyperFormula share) only when it writes them.
 */
import { CellRef, Expr, Position, RangeRef } from "./refs";

export type CellValue = string | number | boolean | null;

/** A formula and the value the engine computed for it (the cached result a file carries). */
export interface Formula {
  readonly formula: Expr;
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
  | "remark"
  | "paragraph"
  | "warningParagraph"
  | "summary"
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
  /** Where on the sheet. */
  readonly at: Position;
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

/**
 * A column computed by one formula that spills beside a table, one value per data row (Excel does not spill
 * inside a table): its header in the table's header row, its formula in the first data row. It reads the
 * table's columns whole, so it grows and shrinks with the table.
 */
export interface SpillPlan {
  readonly header: string;
  readonly style: CellStyle;
  readonly numFmt?: string;
  readonly width?: number;
  /** Its column on the sheet (1 = A). */
  readonly column: number;
  /** The formula in the first data row, whose array result fills the rows below. */
  readonly formula: Expr;
  /** The value each data row shows, as the engine computed it. */
  readonly results: readonly CellValue[];
}

/** An Excel table (ListObject): a header row and data rows. */
export interface TablePlan {
  /** Table name, unique in the workbook (letters, digits and underscores). */
  readonly name: string;
  /** The first header cell. */
  readonly topLeft: Position;
  readonly columns: readonly ColumnPlan[];
  /** Number of data rows. */
  readonly rows: number;
  /** Columns spilled beside the table, left to right (the add-in's amounts and their differences). */
  readonly spills: readonly SpillPlan[];
}

export interface ValidationPlan {
  /** The cells validated, on the plan's own sheet. */
  readonly range: RangeRef;
  readonly kind: "wholeNumber" | "decimal" | "list";
  readonly min?: number;
  readonly max?: number;
  readonly list?: readonly string[];
  readonly prompt: string;
  readonly error: string;
  /** A list's source as a range of cells (instead of `list`), for long lists. */
  readonly source?: RangeRef;
  /** "warning": a value outside the rule may still be kept (a code typed instead of a list item); default "stop". */
  readonly errorStyle?: "stop" | "warning";
}

export interface ConditionalFormatPlan {
  readonly range: RangeRef;
  /** A formula for the range's first cell (relative references move with the cell). */
  readonly formula: Expr;
  readonly look: "good" | "bad" | "warn";
}

export interface SheetPlan {
  readonly name: string;
  readonly tabColor?: string;
  readonly cells: readonly CellPlan[];
  readonly tables: readonly TablePlan[];
  /** Column widths in characters, by column number (1 = A). */
  readonly widths: ReadonlyMap<number, number>;
  /** Rows and columns frozen above/left of this cell. */
  readonly freezeAt?: Position;
  readonly validations: readonly ValidationPlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  /** Cells merged into one, for a paragraph of text across the page, with the row's height in points. */
  readonly merges: readonly { readonly range: RangeRef; readonly rowHeight: number }[];
  /** Rows raised so that the wrapped text in them shows (notes, remarks), in points, by row number. */
  readonly rowHeights: ReadonlyMap<number, number>;
  /** How the sheet prints: landscape (the default), or this area portrait on one A4 page. */
  readonly print?: { readonly onePagePortrait: RangeRef };
  /**
   * A landscape sheet on A4: how many pages wide it prints so that its text stays legible (about 130 characters
   * a page), and the columns and the row repeated on each page (the parties' code and name, the table's header).
   */
  readonly pages: {
    readonly wide: number;
    readonly titleColumns?: readonly [number, number];
    readonly titleRow?: number;
  };
}

/** A workbook-level name for an input or result cell, e.g. P_Pott_Bas → Parametrar!$C$8. */
export interface NamePlan {
  readonly name: string;
  /** The cell it names (absolute). */
  readonly ref: CellRef;
}

/** What a check's failing cells look like, among the values of one of its targets. */
export type CellTest =
  /** A number above this: a code counted on more than one row. */
  | { readonly is: "above"; readonly value: number }
  /** This text: the unknown-code marker, a row marked FEL. */
  | { readonly is: "text"; readonly value: string }
  /** Anything but blank or 0: a difference. */
  | { readonly is: "nonZero" };

/**
 * How the pane finds the cells that fail a check, from the values of its targets (each a column): the
 * rows of some targets whose values pass a test; the reference codes a table lacks; the individuals whose
 * group has no settlement row (and the settlement rows that share a group). "targets": no narrower cells
 * can be told, the whole targets are selected.
 */
export type FailingCells =
  | { readonly kind: "targets" }
  | { readonly kind: "where"; readonly targets: readonly number[]; readonly test: CellTest }
  | { readonly kind: "missing"; readonly table: number; readonly reference: number }
  | { readonly kind: "ungrouped"; readonly individuals: number; readonly settlement: number };

/** One check on `Avstämning`: the cell holding its status, the cells it is about and how to find failing ones. */
export interface CheckPlan {
  readonly id: string;
  readonly label: string;
  /** The status cell ("OK" / "FEL" / "INFO"). */
  readonly statusRef: CellRef;
  /** What the check's cached values give: true when it passes. */
  readonly passes: boolean;
  /** Informational checks (e.g. published vs rule) show a difference but do not fail the master check. */
  readonly informational: boolean;
  /** The ranges to select when the user follows the check. */
  readonly targets: readonly RangeRef[];
  /** How to find the cells of the targets that fail the check. */
  readonly failing: FailingCells;
}

export interface WorkbookPlan {
  readonly title: string;
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  readonly checks: readonly CheckPlan[];
}
