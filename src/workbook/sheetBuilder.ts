import {
  isFormula,
  CellContent,
  CellPlan,
  CellStyle,
  CellValue,
  ColumnPlan,
  ConditionalFormatPlan,
  SheetPlan,
  SpillPlan,
  TablePlan,
  ValidationPlan,
} from "./plan";
import { CellRef, cellRef, Expr, Position, RangeRef, rangeRef, spillRef } from "./refs";

/**
 * The references a column formula may use. In a row's formula: `at` is the column's cell in this row,
 * `col` its whole data range. In a spilled column's one formula both give the whole column.
 */
export interface RowRefs {
  /** The cell of column `key` in this row, relative (it moves when the formula is copied down). */
  at(key: string): CellRef | RangeRef;
  /** The whole data range of column `key`, absolute (a spilled column: its spill, "$Z$10#"). */
  col(key: string): RangeRef;
}

export interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  readonly style: CellStyle;
  readonly numFmt?: string;
  readonly width?: number;
  /** A value per row (inputs, reference data, engine values). */
  readonly value?: (i: number) => CellValue;
  /** A formula per row (undefined: that row takes `value`), and the engine's value for it (the cached result). */
  readonly formula?: (row: RowRefs, i: number) => Expr | undefined;
  readonly result?: (i: number) => CellValue;
  /**
   * The column is one formula for all its rows, spilled beside the table (Excel does not spill inside a
   * table): `formula` is called once, with `at` giving whole columns, so that the same formula that reads a
   * row in a row's form reads the table in this one ("SKL.X(Kod; Kod; …)"). It stands right of the table,
   * in the table's rows, and grows with it. `result(i)` is the value row i shows.
   */
  readonly spill?: boolean;
}

/** Columns left empty between a table and the columns that spill beside it, and their width in characters. */
export const SPILL_GAP = 1;
const SPILL_GAP_WIDTH = 2;

/** What other sheets need to know about a table once it is placed. */
export class TableRefs {
  constructor(
    readonly sheet: string,
    readonly name: string,
    private readonly columnsByKey: ReadonlyMap<string, number>,
    readonly firstRow: number,
    readonly lastRow: number,
    /** The keys of the columns that spill beside the table. */
    private readonly spilled: ReadonlySet<string> = new Set()
  ) {}

  columnOf(key: string): number {
    const column = this.columnsByKey.get(key);
    if (column === undefined) throw new Error(`Tabellen ${this.name} har ingen kolumn ${key}`);
    return column;
  }

  /** True for a column that spills beside the table. */
  isSpilled(key: string): boolean {
    return this.spilled.has(key);
  }

  /**
   * The data range of a column, absolute: "Palliativ!$D$9:$D$298"; for a spilled column its spill
   * ("Palliativ!$Z$9#" in a formula), which grows with the table.
   */
  col(key: string): RangeRef {
    const column = this.columnOf(key);
    if (this.spilled.has(key)) return spillRef(this.sheet, { column, row: this.firstRow }, this.lastRow);
    return rangeRef(this.sheet, { column, row: this.firstRow }, { column, row: this.lastRow });
  }

  /** One data cell (row i, 0-based): relative (moves with a copied formula, as a conditional format's
   * first cell) unless `absolute`. */
  cell(key: string, i: number, absolute = false): CellRef {
    return cellRef(this.sheet, this.columnOf(key), this.firstRow + i, absolute);
  }

  /** The cell just below a column's last data row (where its sum goes; never below a spill, which grows). */
  below(key: string): CellRef {
    if (this.spilled.has(key))
      throw new Error(`${this.name}: kolumnen ${key} spills och växer; inget får stå under den`);
    return cellRef(this.sheet, this.columnOf(key), this.lastRow + 1);
  }
}

/** Lays out one sheet top to bottom: titles and notes, labelled fields, tables. */
export class SheetBuilder {
  private readonly cells = new Map<string, CellPlan>();
  private readonly tables: TablePlan[] = [];
  private readonly widths = new Map<number, number>();
  private readonly validations: ValidationPlan[] = [];
  private readonly conditionals: ConditionalFormatPlan[] = [];
  private freezeAt?: Position;
  /** Merged paragraphs: their range, and their height in lines, or their text to measure once the widths are known. */
  private readonly merges: { range: RangeRef; lines: number | string }[] = [];
  private print?: SheetPlan["print"];
  /** The next free row. */
  row = 1;
  /** How `field` writes its label and its note: on one line (the default), or wrapped within their columns. */
  fieldStyles: { readonly label: CellStyle; readonly note: CellStyle } = { label: "label", note: "note" };

  constructor(
    readonly name: string,
    private readonly tabColor?: string
  ) {}

  /** A cell of this sheet, absolute. */
  at(column: number, row: number): CellRef {
    return cellRef(this.name, column, row);
  }

  /** A range of this sheet, absolute. */
  range(from: Position, to: Position): RangeRef {
    return rangeRef(this.name, from, to);
  }

  /** Puts content in a cell; a later put to the same cell replaces the earlier one. Returns the cell. */
  put(at: Position, content: CellContent, style?: CellStyle, numFmt?: string): CellRef {
    this.cells.set(`${at.column}:${at.row}`, { at: { column: at.column, row: at.row }, content, style, numFmt });
    return this.at(at.column, at.row);
  }

  /** A line of text in column A. */
  line(text: string, style: CellStyle = "note"): void {
    this.put(this.at(1, this.row++), text, style);
  }

  /**
   * A paragraph across columns A to `columns` on its own row: the cells merged, the text wrapped, the row
   * as high as `lines` lines of text, or (for a text, by default) as many as it takes in the merged columns'
   * width once the sheet's widths are known. Returns its cell.
   */
  paragraph(
    content: CellContent,
    columns: number,
    lines?: number,
    style: CellStyle = "paragraph",
    firstColumn = 1
  ): CellRef {
    const row = this.row++;
    const ref = this.put(this.at(firstColumn, row), content, style);
    const measure = lines ?? (typeof content === "string" ? content : 1);
    this.merges.push({ range: this.range(ref, this.at(columns, row)), lines: measure });
    return ref;
  }

  skip(rows = 1): void {
    this.row += rows;
  }

  /**
   * A labelled value on its own row: label in A, value in `valueColumn`, an optional note after it.
   * Returns the value's cell.
   */
  field(
    label: string,
    content: CellContent,
    style: CellStyle,
    numFmt?: string,
    note?: string,
    valueColumn = 3
  ): CellRef {
    const r = this.row++;
    this.put(this.at(1, r), label, this.fieldStyles.label);
    const ref = this.put(this.at(valueColumn, r), content, style, numFmt);
    if (note) this.put(this.at(valueColumn + 1, r), note, this.fieldStyles.note);
    return ref;
  }

  /** A column's width in characters; the widest asked for wins. */
  width(column: number, chars: number): void {
    this.widths.set(column, Math.max(this.widths.get(column) ?? 0, chars));
  }

  /** Prints `area` on one A4 page, portrait (a letter). */
  setPrintArea(area: RangeRef): void {
    this.print = { onePagePortrait: area };
  }

  freeze(at: Position): void {
    this.freezeAt = { column: at.column, row: at.row };
  }

  validate(v: ValidationPlan): void {
    this.validations.push(v);
  }

  highlight(c: ConditionalFormatPlan): void {
    this.conditionals.push(c);
  }

  /**
   * Places a table with its header at the current row and returns its references. Columns whose spec
   * spills stand right of the table, after `SPILL_GAP` empty columns, each one formula in the first data row.
   */
  table(name: string, rows: number, specs: readonly ColumnSpec[], startColumn = 1): TableRefs {
    const headerRow = this.row;
    const firstRow = headerRow + 1;
    const lastRow = headerRow + Math.max(rows, 1);
    const inTable = specs.filter((spec) => !spec.spill);
    const spilling = specs.filter((spec) => spec.spill);
    const spillStart = startColumn + inTable.length + SPILL_GAP;
    const byKey = new Map([
      ...inTable.map((spec, i) => [spec.key, startColumn + i] as const),
      ...spilling.map((spec, i) => [spec.key, spillStart + i] as const),
    ]);
    const spilled = new Set(spilling.map((spec) => spec.key));
    const refs = new TableRefs(this.name, name, byKey, firstRow, lastRow, spilled);
    const rowRefs = (i: number): RowRefs => ({
      at: (key) => {
        // Excel shifts only a table's own columns when rows are inserted into it: a row's reference to a cell
        // of a spill beside it would then point at another row. Read a spilled column whole.
        if (spilled.has(key)) throw new Error(`${name}: kolumnen ${key} spills; läs den hel (col), inte per rad`);
        return refs.cell(key, i);
      },
      col: (key) => refs.col(key),
    });
    const wholeRefs: RowRefs = { at: (key) => refs.col(key), col: (key) => refs.col(key) };
    const spills = spilling.map((spec, i): SpillPlan => {
      const formula = spec.formula?.(wholeRefs, 0);
      if (formula === undefined) throw new Error(`${name}: kolumnen ${spec.key} spills men har ingen formel`);
      return {
        header: spec.header,
        style: spec.style,
        numFmt: spec.numFmt,
        width: spec.width,
        column: spillStart + i,
        formula,
        results: Array.from({ length: rows }, (_, r) => (spec.result ? spec.result(r) : null)),
      };
    });
    const columns = inTable.map((spec): ColumnPlan => {
      const cells: CellContent[] = [];
      for (let i = 0; i < rows; i++) {
        const formula = spec.formula?.(rowRefs(i), i);
        cells.push(
          formula !== undefined
            ? { formula, result: spec.result ? spec.result(i) : null }
            : spec.value
              ? spec.value(i)
              : null
        );
      }
      return { header: spec.header, style: spec.style, numFmt: spec.numFmt, width: spec.width, cells };
    });
    for (const spec of specs) {
      if (spec.width) this.width(byKey.get(spec.key)!, Math.max(spec.width, headerWordWidth(spec.header)));
    }
    if (spills.length > 0) this.width(spillStart - 1, SPILL_GAP_WIDTH);
    this.tables.push({ name, topLeft: { column: startColumn, row: headerRow }, columns, rows, spills });
    this.row = lastRow + 2;
    return refs;
  }

  /** The width in characters of the columns from `first` to `last` (8.43, Excel's default, where none is set). */
  charsAcross(first: number, last: number): number {
    let chars = 0;
    for (let c = first; c <= last; c++) chars += this.widths.get(c) ?? 8.43;
    return chars;
  }

  /**
   * The rows whose wrapped text (remarks, paragraphs, warnings) needs more than one line in its column, with
   * their height: as many lines as the longest text takes. A merged paragraph's row has its own height.
   */
  private wrappedRowHeights(): Map<number, number> {
    const merged = new Set(this.merges.map((m) => m.range.from.row));
    const heights = new Map<number, number>();
    const measure = (row: number, column: number, style: CellStyle | undefined, content: CellContent) => {
      const text = typeof content === "string" ? content : isFormula(content) ? content.result : null;
      if (typeof text !== "string" || style === undefined || merged.has(row) || !WRAPPING.has(style)) return;
      const lines = linesFor(text, this.widths.get(column) ?? 8.43);
      if (lines > 1) heights.set(row, Math.max(heights.get(row) ?? 0, LINE_HEIGHT * lines));
    };
    for (const cell of this.cells.values()) measure(cell.at.row, cell.at.column, cell.style, cell.content);
    for (const table of this.tables)
      table.columns.forEach((column, c) =>
        column.cells.forEach((content, r) =>
          measure(table.topLeft.row + 1 + r, table.topLeft.column + c, column.style, content)
        )
      );
    return heights;
  }

  /** How the sheet prints in landscape: pages wide for legible text, and the titles repeated on each page. */
  private pages(): SheetPlan["pages"] {
    let lastColumn = 0;
    for (const cell of this.cells.values()) lastColumn = Math.max(lastColumn, cell.at.column);
    for (const table of this.tables) lastColumn = Math.max(lastColumn, table.topLeft.column + table.columns.length - 1);
    const chars = this.charsAcross(1, lastColumn);
    const wide = Math.max(1, Math.ceil(chars / PAGE_CHARS));
    if (wide === 1 || !this.freezeAt) return { wide };
    const { column, row } = this.freezeAt;
    return {
      wide,
      ...(column > 1 ? { titleColumns: [1, column - 1] as const } : {}),
      ...(row > 1 && this.tables.some((t) => t.topLeft.row === row - 1) ? { titleRow: row - 1 } : {}),
    };
  }

  build(): SheetPlan {
    return {
      rowHeights: this.wrappedRowHeights(),
      pages: this.pages(),
      name: this.name,
      tabColor: this.tabColor,
      cells: [...this.cells.values()],
      tables: this.tables,
      widths: new Map(this.widths),
      freezeAt: this.freezeAt,
      validations: this.validations,
      conditionalFormats: this.conditionals,
      merges: this.merges.map((m) => ({
        range: m.range,
        rowHeight:
          LINE_HEIGHT *
          (typeof m.lines === "number"
            ? m.lines
            : linesFor(m.lines, this.charsAcross(m.range.from.column, m.range.to.column))),
      })),
      print: this.print,
    };
  }
}

/** The kinds of cell whose text wraps within its column. */
const WRAPPING: ReadonlySet<CellStyle> = new Set<CellStyle>(["remark", "paragraph", "warningParagraph", "summary"]);

/** The height of one line of text in points (Calibri 11). */
export const LINE_HEIGHT = 15;

/** The characters of column width that a landscape A4 page prints legibly (about 85 % of full size). */
const PAGE_CHARS = 150;

/**
 * How many lines a wrapped text takes in a cell `chars` characters wide (Calibri 11, with a margin for wide
 * letters), at least one: the height of a row whose text wraps.
 */
export function linesFor(text: string, chars: number): number {
  const perLine = Math.max(1, Math.floor(chars * 1.1));
  return Math.max(
    1,
    text.split("\n").reduce((lines, part) => lines + Math.max(1, Math.ceil(part.length / perLine)), 0)
  );
}

/**
 * The width (in characters) a header needs so that it wraps between words, never inside one: its longest
 * word, with room for the bold header font.
 */
function headerWordWidth(header: string): number {
  const longest = Math.max(...header.split(/\s+/).map((word) => word.length));
  return Math.ceil(longest * 1.15) + 2;
}
