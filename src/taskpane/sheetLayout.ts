/**
 * A sheet of the plan laid out for Office.js: rectangular areas written in bulk (`range.formulas` and
 * `range.numberFormat`, one assignment per area), the ranges that share a look, column widths in points and
 * the frozen panes. Pure: no Office here, so the layout is tested without Excel.
 */
import { startsLikeFormula } from "../input";
import { CellContent, CellStyle, isFormula, SheetPlan, TablePlan } from "../workbook/plan";
import { a1, columnLetter, formulaText, Position } from "../workbook/refs";

/**
 * What Office.js accepts in a `formulas` array: a formula ("=…"), text, a number or a boolean; null leaves the
 * cell as it is ("Use null in 2-D arrays to leave specific cells unchanged": Microsoft's "Blank and null
 * values in Excel add-ins"), as the cells a spill will fill.
 */
export type ExcelInput = string | number | boolean | null;

/** Excel's number format for "no format". */
export const GENERAL = "General";

/** Text that Excel would read as something else when typed: a formula, a number, a date, a boolean, an error. */
const NOT_PLAIN_TEXT = /^\s*(?:[=+\-@'#]|[$€£(.,]?\s*\d)|^\s*(?:true|false|sant|falskt)\s*$/i;

/**
 * One cell as Office.js writes it on sheet `here`. A formula gets its "=" (and its references in A1 text);
 * text that Excel would turn into a number, date, boolean or formula ("0114", "2018-03", "=SUM(…)", "-") gets
 * Excel's text prefix "'", so codes keep their leading zeros and nothing the user typed as text ever runs as
 * a formula. Blank is "".
 */
export function excelInput(content: CellContent, here: string): ExcelInput {
  if (isFormula(content)) return `=${formulaText(content.formula, here)}`;
  if (content === null) return "";
  if (typeof content === "string")
    return NOT_PLAIN_TEXT.test(content) || startsLikeFormula(content) ? `'${content}` : content;
  return content;
}

/** A rectangle of cells written with one `formulas` and one `numberFormat` assignment. */
export interface Area {
  /** Its top-left cell. */
  readonly at: Position;
  /** A1 address on the sheet, e.g. "A16:Y306". */
  readonly address: string;
  readonly formulas: ExcelInput[][];
  /** null leaves a cell's number format as it is. */
  readonly numberFormats: (string | null)[][];
}

/** Cells that share a look: one format assignment over (possibly several) areas of one sheet. */
export interface StyledRanges {
  readonly style: CellStyle;
  /** A1 addresses of the areas, e.g. ["A7:A14", "C16"]. */
  readonly addresses: readonly string[];
}

/** A table as Office.js adds it: its address including the header row. */
export interface TableArea {
  readonly name: string;
  readonly address: string;
  readonly headerRow: number;
  /** False for a table with no data rows: the header is written, no Excel table is made (as the file writer). */
  readonly asTable: boolean;
}

/** How Excel freezes panes for a plan's `freezeAt`. */
export type Freeze =
  | { readonly kind: "rows"; readonly count: number }
  | { readonly kind: "columns"; readonly count: number }
  | { readonly kind: "at"; readonly address: string };

/** Everything of one sheet except its validations and conditional formats, which the plan gives as they are. */
export interface SheetLayout {
  /**
   * Areas in writing order: tables first, then the columns spilled beside them, then the loose cells (which
   * win where they overlap, as in the file; they never cover a spill).
   */
  readonly areas: readonly Area[];
  readonly tables: readonly TableArea[];
  readonly styles: readonly StyledRanges[];
  /** Column letter → width in points. */
  readonly widths: Readonly<Record<string, number>>;
  /** Header rows, whose height is raised so that wrapped headers show. */
  readonly headerRows: readonly number[];
  readonly freeze?: Freeze;
}

/** Height of a table's header row in points (the file writer's 45). */
export const HEADER_ROW_HEIGHT = 45;

/**
 * A column width in characters (the file's unit) in points (Office.js's unit): Excel draws a character of
 * its default font 7 pixels wide plus 5 pixels of padding, and a point is 4/3 of a pixel.
 */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export function rangeAddress(column: number, row: number, width: number, height: number): string {
  const first = a1({ column, row });
  return width === 1 && height === 1 ? first : `${first}:${a1({ column: column + width - 1, row: row + height - 1 })}`;
}

/** The rectangle a table covers, header included. */
export function tableRect(table: TablePlan): { column: number; row: number; width: number; height: number } {
  const { column, row } = table.topLeft;
  return { column, row, width: table.columns.length, height: table.rows + 1 };
}

/**
 * The rectangle a table and the columns spilled beside it cover, header included: what other content
 * placed right of the table (a chart, its helper columns) must keep clear of.
 */
export function besideRect(table: TablePlan): { column: number; row: number; width: number; height: number } {
  const rect = tableRect(table);
  if (table.spills.length === 0) return rect;
  const spills = spillRect(table);
  return { ...rect, width: spills.column + spills.width - rect.column };
}

/**
 * The columns spilled beside a table, with the empty column before them: headers in the table's header row,
 * each column's one formula in the first data row, and below it nothing written (null), only the number
 * format, so that the spill fills those cells.
 */
export function spillRect(table: TablePlan): { column: number; row: number; width: number; height: number } {
  const first = table.topLeft.column + table.columns.length;
  const last = Math.max(first, ...table.spills.map((s) => s.column));
  return { column: first, row: table.topLeft.row, width: last - first + 1, height: Math.max(table.rows, 1) + 1 };
}

function spillArea(table: TablePlan, here: string): Area {
  const { column, row, width, height } = spillRect(table);
  const byColumn = new Map(table.spills.map((s) => [s.column, s]));
  const formulas: ExcelInput[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = 0; r < height; r++) {
    const f: ExcelInput[] = [];
    const n: (string | null)[] = [];
    for (let c = column; c < column + width; c++) {
      const spill = byColumn.get(c);
      if (r === 0) f.push(spill ? excelInput(spill.header, here) : "");
      else if (r === 1) f.push(spill ? excelInput({ formula: spill.formula, result: null }, here) : "");
      else f.push(null);
      n.push(r === 0 || !spill ? (r <= 1 ? GENERAL : null) : (spill.numFmt ?? GENERAL));
    }
    formulas.push(f);
    numberFormats.push(n);
  }
  return { at: { column, row }, address: rangeAddress(column, row, width, height), formulas, numberFormats };
}

function tableArea(table: TablePlan, here: string): Area {
  const { column, row, width, height } = tableRect(table);
  const formulas: ExcelInput[][] = [table.columns.map((c) => excelInput(c.header, here))];
  const numberFormats: string[][] = [table.columns.map(() => GENERAL)];
  for (let r = 0; r < table.rows; r++) {
    formulas.push(table.columns.map((c) => excelInput(c.cells[r] ?? null, here)));
    numberFormats.push(table.columns.map((c) => c.numFmt ?? GENERAL));
  }
  return { at: { column, row }, address: rangeAddress(column, row, width, height), formulas, numberFormats };
}

interface Rect {
  readonly column: number;
  readonly row: number;
  readonly width: number;
  readonly height: number;
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.column < b.column + b.width &&
    b.column < a.column + a.width &&
    a.row < b.row + b.height &&
    b.row < a.row + a.height
  );
}

/**
 * The loose cells (titles, notes, labelled fields, pot rows, sums) as few rectangles: each run of
 * consecutive rows becomes one rectangle from its leftmost to its rightmost cell, blanks written as "".
 * A run whose rectangle would cover a table is written row by row, one rectangle per run of adjacent
 * cells, so that no table cell is blanked.
 */
function looseAreas(sheet: SheetPlan, tables: readonly Rect[]): Area[] {
  const byRow = new Map<number, Map<number, { content: CellContent; numFmt?: string }>>();
  for (const c of sheet.cells) {
    const { column, row } = c.at;
    if (!byRow.has(row)) byRow.set(row, new Map());
    byRow.get(row)!.set(column, { content: c.content, numFmt: c.numFmt });
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const bands: number[][] = [];
  for (const r of rows) {
    const band = bands[bands.length - 1];
    if (band && band[band.length - 1] === r - 1) band.push(r);
    else bands.push([r]);
  }
  const area = (rect: Rect): Area => {
    const formulas: ExcelInput[][] = [];
    const numberFormats: string[][] = [];
    for (let r = rect.row; r < rect.row + rect.height; r++) {
      const line = byRow.get(r);
      const f: ExcelInput[] = [];
      const n: string[] = [];
      for (let c = rect.column; c < rect.column + rect.width; c++) {
        const entry = line?.get(c);
        f.push(entry ? excelInput(entry.content, sheet.name) : "");
        n.push(entry?.numFmt ?? GENERAL);
      }
      formulas.push(f);
      numberFormats.push(n);
    }
    return {
      at: { column: rect.column, row: rect.row },
      address: rangeAddress(rect.column, rect.row, rect.width, rect.height),
      formulas,
      numberFormats,
    };
  };
  const out: Area[] = [];
  for (const band of bands) {
    const columns = band.flatMap((r) => [...byRow.get(r)!.keys()]);
    const left = Math.min(...columns);
    const rect = { column: left, row: band[0], width: Math.max(...columns) - left + 1, height: band.length };
    if (!tables.some((t) => intersects(rect, t))) {
      out.push(area(rect));
      continue;
    }
    for (const r of band) {
      const cols = [...byRow.get(r)!.keys()].sort((a, b) => a - b);
      let start = cols[0];
      for (let i = 1; i <= cols.length; i++) {
        if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
          out.push(area({ column: start, row: r, width: cols[i - 1] - start + 1, height: 1 }));
          start = cols[i];
        }
      }
    }
  }
  return out;
}

/** Loose cells grouped by look; runs of one look down a column merge into one address. */
function looseStyles(sheet: SheetPlan): Map<CellStyle, string[]> {
  const byStyle = new Map<CellStyle, Map<number, number[]>>();
  for (const c of sheet.cells) {
    if (!c.style) continue;
    const { column, row } = c.at;
    if (!byStyle.has(c.style)) byStyle.set(c.style, new Map());
    const columns = byStyle.get(c.style)!;
    if (!columns.has(column)) columns.set(column, []);
    columns.get(column)!.push(row);
  }
  const out = new Map<CellStyle, string[]>();
  for (const [style, columns] of byStyle) {
    const addresses: string[] = [];
    for (const [column, rows] of [...columns].sort((a, b) => a[0] - b[0])) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
          addresses.push(rangeAddress(column, start, 1, rows[i - 1] - start + 1));
          start = rows[i];
        }
      }
    }
    out.set(style, addresses);
  }
  return out;
}

/** Excel's frozen panes for "rows and columns above/left of this cell". */
export function freezeOf(freezeAt: Position | undefined): Freeze | undefined {
  if (!freezeAt) return undefined;
  const { column, row } = freezeAt;
  if (row > 1 && column > 1) return { kind: "at", address: `A1:${a1({ column: column - 1, row: row - 1 })}` };
  if (row > 1) return { kind: "rows", count: row - 1 };
  if (column > 1) return { kind: "columns", count: column - 1 };
  return undefined;
}

/** Lays out one sheet of the plan. */
export function layoutSheet(sheet: SheetPlan): SheetLayout {
  const spilling = sheet.tables.filter((t) => t.spills.length > 0);
  const rects = [...sheet.tables.map(tableRect), ...spilling.map(spillRect)];
  const styles = new Map<CellStyle, string[]>();
  const addStyle = (style: CellStyle, address: string) => {
    if (!styles.has(style)) styles.set(style, []);
    styles.get(style)!.push(address);
  };
  const tables: TableArea[] = [];
  for (const table of sheet.tables) {
    const { column, row, width, height } = tableRect(table);
    addStyle("header", rangeAddress(column, row, width, 1));
    if (table.rows > 0) {
      table.columns.forEach((c, i) => addStyle(c.style, rangeAddress(column + i, row + 1, 1, table.rows)));
    }
    tables.push({
      name: table.name,
      address: rangeAddress(column, row, width, height),
      headerRow: row,
      asTable: table.rows > 0,
    });
    for (const spill of table.spills) {
      addStyle("header", rangeAddress(spill.column, row, 1, 1));
      addStyle(spill.style, rangeAddress(spill.column, row + 1, 1, Math.max(table.rows, 1)));
    }
  }
  for (const [style, addresses] of looseStyles(sheet)) for (const a of addresses) addStyle(style, a);
  const widths: Record<string, number> = {};
  for (const [column, chars] of sheet.widths) widths[columnLetter(column)] = widthInPoints(chars);
  return {
    areas: [
      ...sheet.tables.map((t) => tableArea(t, sheet.name)),
      ...spilling.map((t) => spillArea(t, sheet.name)),
      ...looseAreas(sheet, rects),
    ],
    tables,
    styles: [...styles].map(([style, addresses]) => ({ style, addresses })),
    widths,
    headerRows: [...new Set(tables.map((t) => t.headerRow))],
    freeze: freezeOf(sheet.freezeAt),
  };
}
