import { absolute, cell, columnLetter, onSheet, parseCell } from "./a1";
import {
  CellContent,
  CellPlan,
  CellStyle,
  CellValue,
  ColumnPlan,
  ConditionalFormatPlan,
  SheetPlan,
  TablePlan,
  ValidationPlan,
} from "./plan";

/** The references a column formula may use in its own row. */
export interface RowRefs {
  /** The cell of column `key` in this row, relative: "D9". */
  at(key: string): string;
  /** The whole data range of column `key`, absolute: "$D$9:$D$298". */
  col(key: string): string;
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
  readonly formula?: (row: RowRefs, i: number) => string | undefined;
  readonly result?: (i: number) => CellValue;
}

/** What other sheets need to know about a table once it is placed. */
export class TableRefs {
  constructor(
    readonly sheet: string,
    readonly name: string,
    private readonly columnsByKey: ReadonlyMap<string, number>,
    readonly firstRow: number,
    readonly lastRow: number
  ) {}

  columnOf(key: string): number {
    const column = this.columnsByKey.get(key);
    if (column === undefined) throw new Error(`Tabellen ${this.name} har ingen kolumn ${key}`);
    return column;
  }

  /** The data range of a column on its own sheet: "$D$9:$D$298". */
  col(key: string): string {
    const c = this.columnOf(key);
    return `${absolute(c, this.firstRow)}:${absolute(c, this.lastRow)}`;
  }

  /** The data range of a column from another sheet: "Palliativ!$D$9:$D$298". */
  qcol(key: string): string {
    return onSheet(this.sheet, this.col(key));
  }

  /** One data cell (row i, 0-based), absolute and sheet-qualified. */
  qcell(key: string, i: number): string {
    return onSheet(this.sheet, absolute(this.columnOf(key), this.firstRow + i));
  }

  /** One data cell (row i, 0-based), relative, on its own sheet. */
  cell(key: string, i: number): string {
    return cell(this.columnOf(key), this.firstRow + i);
  }
}

/** Lays out one sheet top to bottom: titles and notes, labelled fields, tables. */
export class SheetBuilder {
  private readonly cells = new Map<string, CellPlan>();
  private readonly tables: TablePlan[] = [];
  private readonly widths: Record<string, number> = {};
  private readonly validations: ValidationPlan[] = [];
  private readonly conditionals: ConditionalFormatPlan[] = [];
  private freezeAt?: string;
  /** The next free row. */
  row = 1;

  constructor(
    readonly name: string,
    private readonly tabColor?: string
  ) {}

  /** Puts content in a cell; a later put to the same cell replaces the earlier one. */
  put(ref: string, content: CellContent, style?: CellStyle, numFmt?: string): string {
    this.cells.set(ref, { ref, content, style, numFmt });
    return ref;
  }

  /** A line of text in column A. */
  line(text: string, style: CellStyle = "note"): void {
    this.put(`A${this.row++}`, text, style);
  }

  skip(rows = 1): void {
    this.row += rows;
  }

  /**
   * A labelled value on its own row: label in A, value in `valueColumn`, an optional note after it.
   * Returns the value's absolute, sheet-qualified reference.
   */
  field(
    label: string,
    content: CellContent,
    style: CellStyle,
    numFmt?: string,
    note?: string,
    valueColumn = 3
  ): string {
    const r = this.row++;
    this.put(`A${r}`, label, "label");
    this.put(cell(valueColumn, r), content, style, numFmt);
    if (note) this.put(cell(valueColumn + 1, r), note, "note");
    return onSheet(this.name, absolute(valueColumn, r));
  }

  width(column: string, chars: number): void {
    this.widths[column] = chars;
  }

  freeze(ref: string): void {
    this.freezeAt = ref;
  }

  validate(v: ValidationPlan): void {
    this.validations.push(v);
  }

  highlight(c: ConditionalFormatPlan): void {
    this.conditionals.push(c);
  }

  /** Places a table with its header at the current row and returns its references. */
  table(name: string, rows: number, specs: readonly ColumnSpec[], startColumn = 1): TableRefs {
    const headerRow = this.row;
    const firstRow = headerRow + 1;
    const lastRow = headerRow + Math.max(rows, 1);
    const byKey = new Map(specs.map((spec, i) => [spec.key, startColumn + i]));
    const refs = new TableRefs(this.name, name, byKey, firstRow, lastRow);
    const rowRefs = (i: number): RowRefs => ({
      at: (key) => cell(refs.columnOf(key), firstRow + i),
      col: (key) => refs.col(key),
    });
    const columns = specs.map((spec): ColumnPlan => {
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
    specs.forEach((spec, i) => {
      if (spec.width)
        this.widths[columnLetter(startColumn + i)] = Math.max(
          this.widths[columnLetter(startColumn + i)] ?? 0,
          spec.width,
          headerWordWidth(spec.header)
        );
    });
    this.tables.push({ name, topLeft: cell(startColumn, headerRow), columns, rows });
    this.row = lastRow + 2;
    return refs;
  }

  build(): SheetPlan {
    return {
      name: this.name,
      tabColor: this.tabColor,
      cells: [...this.cells.values()],
      tables: this.tables,
      widths: this.widths,
      freezeAt: this.freezeAt,
      validations: this.validations,
      conditionalFormats: this.conditionals,
    };
  }
}

/**
 * The width (in characters) a header needs so that it wraps between words, never inside one: its longest
 * word, with room for the bold header font.
 */
function headerWordWidth(header: string): number {
  const longest = Math.max(...header.split(/\s+/).map((word) => word.length));
  return Math.ceil(longest * 1.15) + 2;
}

/** The row number of a sheet-qualified or plain A1 reference. */
export function rowOf(ref: string): number {
  return parseCell(ref.split("!").pop()!).row;
}
