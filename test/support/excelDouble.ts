/*
 * A small in-memory Excel behind `Excel.run`, for task-pane tests in Node and in a real browser. It implements
 * the part of the Excel JavaScript API the pane uses, with the API's batching: every call and every property
 * set is queued, and nothing happens until `context.sync()`, which it counts. A property read before it was
 * loaded and synced throws, as in Excel. What is written is computed by HyperFormula with the add-in's
 * functions registered (test/support/hyperformulaSkl.ts), so reading values back gives computed values.
 *
 * Checks Excel would make are made here too: a sheet, table or name that exists cannot be added again; a
 * table cannot overlap another; an array written to a range must have the range's size; a formula may only
 * refer to sheets that exist (Excel would take another sheet name for a link to another file).
 *
 * Formats, charts, validation and conditional formats are recorded, not rendered: tests read the records.
 * Tables can be found by name, grow and shrink (`table.rows.add`, `rows.getItemAt(i).delete()`, with the
 * references that span them growing as in Excel), ranges can be copied with their references moved
 * (`range.copyFrom`), sheets and names deleted, and a sync can be made to fail partway (`failOnSync`).
 *
 * Formulas are dynamic arrays, as in Excel for Microsoft 365: a formula whose result is an array (a custom
 * function given a whole column, `R10:R20-Z10#`) spills into the cells below it, and `Z10#` reads the spill
 * of the formula in Z10 wherever it reaches now (HyperFormula has no `#`: the double writes it as Excel's
 * own file format stores it, `ANCHORARRAY(Z10)`, and gives it back as `Z10#`). A spill beside a table grows
 * and shrinks with the table when rows are added or deleted, since its formula reads the table's columns.
 * A `null` in an array written to a range leaves that cell as it is, as in Office.js.
 *
 * Excel on the web refuses a request (one `context.sync()`) whose payload is larger than 5 MB, and so does the
 * double: it measures each sync as the JSON of its queued operations with their values (and an envelope per
 * operation), and of the values it hands back, and fails past the limit as Excel would (`syncPayloads`,
 * `largestSyncPayload`). It answers
 * `isSetSupported` from the requirement sets it is told this Excel has (`supportedSets`).
 */
import {
  ArraySize,
  CellError,
  ConfigParams,
  DetailedCellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  RawCellContent,
  SimpleRangeValue,
} from "hyperformula";

/**
 * Excel on the web's limit on one request or response ("Resource limits and performance optimization for Office
 * Add-ins": a payload size limit of 5 MB for requests and responses).
 */
export const SYNC_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * What one queued operation adds to a request besides its values: in Office.js's request each is an action and
 * usually an object path ({"Id":5,"ActionType":4,"Name":"values","ObjectPathId":3,…} and {"Id":3,
 * "ObjectPathType":3,"Name":"getRange","ParentObjectPathId":2,…}), some 100 to 200 bytes; the double counts
 * the lower figure, so that a request of many small operations (formats, deleted rows) is not counted as free.
 */
export const OPERATION_ENVELOPE_BYTES = 100;

/** The size of a value as JSON, in UTF-8 bytes. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value ?? null)).length;
}

/** What one `context.sync()` carried: the queued operations with their values, and the values handed back. */
export interface SyncPayload {
  readonly request: number;
  readonly response: number;
}

/** A cell as Excel's `values` gives it: blank is "", an error is its code ("#VALUE!"). */
export type ExcelValue = string | number | boolean;

/** Where Excel's errors carry their code: `error.code`, as OfficeExtension.Error. */
export class ExcelDoubleError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** A rectangle on a sheet, 1-based and inclusive. */
interface Rect {
  readonly c1: number;
  readonly r1: number;
  readonly c2: number;
  readonly r2: number;
}

/** A cell of an array written to a range that is left as it is (null in Office.js). */
const UNCHANGED = Symbol("unchanged");

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function columnName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** "A1", "$A$1:$B$9", "A:C" or "16:16" as a rectangle. */
export function parseAddress(address: string): Rect {
  const parts = address.replace(/\$/g, "").trim().split(":");
  const one = (p: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(p);
    if (!m || (m[1] === "" && m[2] === "")) throw new ExcelDoubleError("InvalidArgument", `Ogiltig adress: ${address}`);
    return { c: m[1] ? columnNumber(m[1]) : undefined, r: m[2] ? Number(m[2]) : undefined };
  };
  const a = one(parts[0]);
  const b = one(parts[1] ?? parts[0]);
  return {
    c1: a.c ?? 1,
    r1: a.r ?? 1,
    c2: b.c ?? (a.c === undefined ? MAX_COLUMN : a.c),
    r2: b.r ?? (a.r === undefined ? MAX_ROW : a.r),
  };
}

function rectAddress(r: Rect): string {
  const a = `${columnName(r.c1)}${r.r1}`;
  return r.c1 === r.c2 && r.r1 === r.r2 ? a : `${a}:${columnName(r.c2)}${r.r2}`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;
}

function contains(r: Rect, column: number, row: number): boolean {
  return column >= r.c1 && column <= r.c2 && row >= r.r1 && row <= r.r2;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A formula's parts outside string literals, rewritten by `f`; the literals kept as they are. */
function outsideLiterals(formula: string, f: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

/** A spill reference, `Z10#` or `'Senior alert'!$M$18#`, with its sheet. */
const SPILL_REFERENCE = /((?:'(?:[^']|'')+'!|[\p{L}_][\p{L}\p{N}_.]*!)?\$?[A-Za-z]{1,3}\$?\d+)#/gu;

/** `Z10#` as Excel's file format stores it, `ANCHORARRAY(Z10)`, which the double's formula engine reads. */
export function withAnchorArrays(formula: string): string {
  return outsideLiterals(formula, (code) => code.replace(SPILL_REFERENCE, "ANCHORARRAY($1)"));
}

/** `ANCHORARRAY(Z10)` back as Excel shows it, `Z10#`. */
function withSpillReferences(formula: string): string {
  return outsideLiterals(formula, (code) => code.replace(/ANCHORARRAY\(([^()]+)\)/g, "$1#"));
}

/**
 * `ANCHORARRAY(cell)`: the array the formula in `cell` spills, as far as it reaches now (Excel's `cell#`).
 * HyperFormula keeps an array formula as one vertex: the reference to its anchor makes the formula depend on
 * all of it, and its size is the anchor's.
 */
class SpillReferencePlugin extends FunctionPlugin {
  static implementedFunctions = {
    ANCHORARRAY: {
      method: "anchorArray",
      sizeOfResultArrayMethod: "anchorArraySize",
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
    },
  };

  /** The array formula anchored at the referenced cell, if there is one. */
  private anchored(ast: SpillAst, state: SpillState): SpilledVertex | undefined {
    const arg = ast.args[0];
    if (arg?.type !== "CELL_REFERENCE" || !arg.reference) return undefined;
    const address = arg.reference.toSimpleCellAddress(state.formulaAddress);
    const graph = (this as unknown as { dependencyGraph: { getCell(a: unknown): unknown } }).dependencyGraph;
    const vertex = graph.getCell(address) as Partial<SpilledVertex> | undefined;
    return vertex && typeof vertex.isLeftCorner === "function" && vertex.isLeftCorner(address)
      ? (vertex as SpilledVertex)
      : undefined;
  }

  anchorArray(ast: SpillAst, state: SpillState): SimpleRangeValue | CellError {
    const vertex = this.anchored(ast, state);
    if (!vertex) return new CellError(ErrorType.REF, "Cellen har ingen formel som spills (#).");
    const value = vertex.getCellValue();
    if (value instanceof CellError) return value;
    // A copy: HyperFormula's array arithmetic may write into the arrays it is given.
    return SimpleRangeValue.onlyValues(value.data.map((row) => [...row]));
  }

  anchorArraySize(ast: SpillAst, state: SpillState): ArraySize {
    const vertex = this.anchored(ast, state);
    return vertex ? new ArraySize(vertex.width, vertex.height) : ArraySize.scalar();
  }
}

/** What the plugin reads of HyperFormula's internals (not exported by it). */
interface SpillAst {
  readonly args: readonly {
    readonly type?: string;
    readonly reference?: { toSimpleCellAddress(a: unknown): unknown };
  }[];
}
interface SpillState {
  readonly formulaAddress: unknown;
}
interface SpilledVertex {
  readonly width: number;
  readonly height: number;
  isLeftCorner(address: unknown): boolean;
  getCellValue(): SimpleRangeValue | CellError;
}

let spillReferences = false;

/** Registers `ANCHORARRAY` (Excel's `#`) with HyperFormula, once; engines built after it have it. */
export function registerSpillReferences(): void {
  if (spillReferences) return;
  HyperFormula.registerFunctionPlugin(
    SpillReferencePlugin,
    Object.fromEntries(HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, { ANCHORARRAY: "ANCHORARRAY" }]))
  );
  spillReferences = true;
}

/**
 * The formula engine behind a double: HyperFormula (with the SKL functions registered by the caller) computing
 * dynamic arrays as Excel for Microsoft 365 does, with `#` (ANCHORARRAY) registered.
 */
export function excelFormulaEngine(config: Partial<ConfigParams> = {}): HyperFormula {
  registerSpillReferences();
  return HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true, ...config });
}

/** The sheets a formula refers to (string literals skipped). */
function referencedSheets(formula: string): string[] {
  const out: string[] = [];
  const re = /"(?:[^"]|"")*"|'((?:[^']|'')+)'!|([\p{L}_][\p{L}\p{N}_.]*)!/gu;
  for (const m of formula.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1].replace(/''/g, "'"));
    else if (m[2] !== undefined) out.push(m[2]);
  }
  return out;
}

/** One recorded write of cell contents or number formats. */
export interface WriteRecord {
  readonly sheet: string;
  readonly address: string;
  readonly kind: "formulas" | "values" | "numberFormat";
  readonly rows: number;
  readonly columns: number;
}

/** A property set or method call on a format, chart, conditional format or page layout. */
export interface Recorded {
  readonly path: string;
  readonly value?: unknown;
  readonly args?: readonly unknown[];
}

export interface FormatRecord extends Recorded {
  readonly sheet: string;
  /** Moved when rows are inserted or deleted above or inside them, as Excel moves formats. */
  addresses: readonly string[];
}

export interface TableRecord {
  name: string;
  readonly sheet: string;
  /** Grows and shrinks as rows are added and deleted. */
  address: string;
  readonly headers: readonly string[];
  readonly props: Record<string, unknown>;
}

export interface ChartRecord {
  readonly sheet: string;
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  readonly ops: Recorded[];
}

export interface ValidationRecord {
  readonly sheet: string;
  address: string;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface ConditionalFormatRecord {
  readonly sheet: string;
  address: string;
  readonly type: string;
  readonly ops: Recorded[];
}

interface SheetState {
  readonly name: string;
  readonly id: number;
  readonly numberFormats: Map<string, string>;
  readonly props: Record<string, unknown>;
  freeze?: { kind: string; arg: unknown };
}

type SelectionHandler = (args: { type: string; workbook?: unknown }) => Promise<unknown> | unknown;

/** A queued operation; `reads` marks one that needs computed values. */
interface Operation {
  readonly run: () => void;
  readonly reads?: boolean;
  /** What the operation sends to Excel, for the sync's payload: its values, formulas, address or names. */
  readonly payload?: unknown;
}

const NOT_LOADED = (property: string) =>
  new ExcelDoubleError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );

/** Which properties a `load(...)` call asks for: "values", "items/name", ["values", "address"], { select }. */
function loadedProperties(arg: unknown): string[] {
  if (arg === undefined) return ["*"];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim());
  if (Array.isArray(arg)) return arg.map(String);
  if (typeof arg === "object" && arg !== null && "select" in arg)
    return String((arg as { select: string }).select).split(",");
  return ["*"];
}

/** The in-memory workbook and its `Excel` namespace. */
export class ExcelDouble {
  /** `context.sync()` calls, including the one `Excel.run` makes for work left queued at its end. */
  syncs = 0;
  /** The payload of every sync so far, in order. */
  readonly syncPayloads: SyncPayload[] = [];
  /** The requirement sets this Excel supports, with their highest version (Excel for Microsoft 365 by default). */
  supportedSets: Record<string, string> = { ExcelApi: "1.20", SharedRuntime: "1.1" };
  /** Bytes of values handed back during the sync being run. */
  private responseBytes = 0;
  /** `Excel.run` calls. */
  runs = 0;
  readonly writes: WriteRecord[] = [];
  readonly formats: FormatRecord[] = [];
  readonly tables: TableRecord[] = [];
  readonly names = new Map<string, string>();
  readonly charts: ChartRecord[] = [];
  readonly validations: ValidationRecord[] = [];
  readonly conditionalFormats: ConditionalFormatRecord[] = [];
  readonly settings = new Map<string, unknown>();
  readonly sheets: SheetState[] = [];
  selection: { sheet: string; address: string };
  activeSheet: string;
  private readonly handlers = new Set<SelectionHandler>();
  private readonly pendingEvents: Promise<unknown>[] = [];

  /** The `Excel` namespace to install as a global: `globalThis.Excel = double.api`. */
  readonly api: { run: <T>(batch: (context: any) => Promise<T>) => Promise<T> };

  /**
   * @param hf An empty HyperFormula with the SKL functions registered (its sheets become the workbook's).
   * @param firstSheet The workbook's first sheet, as a new workbook has one.
   */
  constructor(
    readonly hf: HyperFormula,
    firstSheet = "Blad1"
  ) {
    this.addSheetNow(firstSheet);
    this.activeSheet = firstSheet;
    this.selection = { sheet: firstSheet, address: "A1" };
    this.api = { run: (batch) => this.run(batch) };
  }

  // ----------------------------------------------------------------------------------------------
  // For tests: the workbook as a user sees it, and what a user does.

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The largest request or response of any sync so far, in bytes. */
  get largestSyncPayload(): number {
    return Math.max(0, ...this.syncPayloads.map((p) => Math.max(p.request, p.response)));
  }

  /** `Office.context.requirements.isSetSupported(name, version)` as this Excel would answer it. */
  isSetSupported(name: string, version = "1.1"): boolean {
    const highest = this.supportedSets[name];
    if (highest === undefined) return false;
    const parts = (v: string) => v.split(".").map(Number);
    const [a, b] = [parts(highest), parts(version)];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    }
    return true;
  }

  hasSheet(name: string): boolean {
    return this.findSheet(name) !== undefined;
  }

  /** The computed value of a cell, as Excel's `values` gives it. */
  valueAt(sheet: string, a1: string): ExcelValue {
    const r = parseAddress(a1);
    return this.cellValue(this.sheet(sheet), r.c1, r.r1);
  }

  /** The computed values of a range. */
  valuesAt(sheet: string, address: string): ExcelValue[][] {
    const s = this.sheet(sheet);
    const r = parseAddress(address);
    const rows: ExcelValue[][] = [];
    for (let row = r.r1; row <= r.r2; row++) {
      const line: ExcelValue[] = [];
      for (let c = r.c1; c <= r.c2; c++) line.push(this.cellValue(s, c, row));
      rows.push(line);
    }
    return rows;
  }

  /** The formula of a cell ("=…"), or its value when it holds none. */
  formulaAt(sheet: string, a1: string): ExcelValue {
    const r = parseAddress(a1);
    return this.cellFormula(this.sheet(sheet), r.c1, r.r1);
  }

  /** True when the cell holds a formula (text that only looks like one is not). */
  hasFormula(sheet: string, a1: string): boolean {
    const r = parseAddress(a1);
    return this.hf.doesCellHaveFormula({ sheet: this.sheet(sheet).id, row: r.r1 - 1, col: r.c1 - 1 });
  }

  numberFormatAt(sheet: string, a1: string): string {
    const r = parseAddress(a1);
    return this.sheet(sheet).numberFormats.get(`${r.r1},${r.c1}`) ?? "General";
  }

  /** Every format property set on ranges covering a cell, later sets winning: { "fill.color": "#FFF2CC" }. */
  formatAt(sheet: string, a1: string): Record<string, unknown> {
    const { c1, r1 } = parseAddress(a1);
    const out: Record<string, unknown> = {};
    const s = this.sheet(sheet).name;
    for (const f of this.formats) {
      if (f.sheet !== s || f.value === undefined) continue;
      if (f.addresses.some((a) => contains(parseAddress(a), c1, r1))) out[f.path] = f.value;
    }
    return out;
  }

  /** Sheet properties set through the API: tabColor, pageLayout.orientation, … */
  sheetProps(sheet: string): Record<string, unknown> {
    return this.sheet(sheet).props;
  }

  freezeOf(sheet: string): { kind: string; arg: unknown } | undefined {
    return this.sheet(sheet).freeze;
  }

  /** A sheet with content typed by a user, before the add-in runs. Text starting with "=" is a formula. */
  addUserSheet(name: string, rows: (string | number | boolean | null)[][]): void {
    const s = this.addSheetNow(name);
    this.hf.setCellContents({ sheet: s.id, row: 0, col: 0 }, rows as RawCellContent[][]);
  }

  /** A user types into cells (values and formulas as typed: "=…" is a formula). */
  userWrite(sheet: string, address: string, rows: (string | number | boolean | null)[][]): void {
    const s = this.sheet(sheet);
    const r = parseAddress(address);
    this.hf.setCellContents({ sheet: s.id, row: r.r1 - 1, col: r.c1 - 1 }, rows as RawCellContent[][]);
  }

  /** A user selects cells: the selection moves and the pane's selection handlers run. Resolves when they are done. */
  async userSelect(sheet: string, address: string): Promise<void> {
    this.selectNow(this.sheet(sheet).name, address);
    await this.settle();
  }

  /** Waits for the selection handlers started so far. */
  async settle(): Promise<void> {
    while (this.pendingEvents.length > 0) await Promise.all(this.pendingEvents.splice(0));
  }

  // ----------------------------------------------------------------------------------------------
  // The model.

  private findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheet(name: string): SheetState {
    const s = this.findSheet(name);
    if (!s) throw new ExcelDoubleError("ItemNotFound", `Bladet finns inte: ${name}`);
    return s;
  }

  private addSheetNow(name: string): SheetState {
    if (this.findSheet(name))
      throw new ExcelDoubleError("ItemAlreadyExists", `Det finns redan ett blad som heter ${name}`);
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
      throw new ExcelDoubleError("InvalidArgument", `Ogiltigt bladnamn: ${name}`);
    }
    this.hf.addSheet(name);
    const state: SheetState = { name, id: this.hf.getSheetId(name)!, numberFormats: new Map(), props: {} };
    this.sheets.push(state);
    return state;
  }

  private cellValue(s: SheetState, column: number, row: number): ExcelValue {
    this.evaluated();
    const v = this.hf.getCellValue({ sheet: s.id, row: row - 1, col: column - 1 });
    if (v === null || v === undefined) return "";
    if (v instanceof DetailedCellError) return v.value;
    return v as ExcelValue;
  }

  /**
   * A header cell's text. A header typed as text is read as it stands, without computing the workbook (a
   * build adds its tables between writes, and computing after each would compute the same formulas again);
   * a header that is a formula is computed.
   */
  private headerText(s: SheetState, column: number, row: number): string {
    const address = { sheet: s.id, row: row - 1, col: column - 1 };
    if (!this.hf.doesCellHaveFormula(address)) {
      const graph = (this.hf as unknown as { dependencyGraph: { getCell(a: unknown): unknown } }).dependencyGraph;
      const vertex = graph.getCell(address) as { getValues?: () => { parsedValue?: unknown } } | undefined;
      if (vertex === undefined) return "";
      const value = vertex.getValues?.().parsedValue;
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
    }
    return String(this.cellValue(s, column, row));
  }

  private cellFormula(s: SheetState, column: number, row: number): ExcelValue {
    const address = { sheet: s.id, row: row - 1, col: column - 1 };
    const formula = this.hf.getCellFormula(address);
    return formula === undefined ? this.cellValue(s, column, row) : withSpillReferences(formula);
  }

  private selectNow(sheet: string, address: string): void {
    this.activeSheet = sheet;
    this.selection = { sheet, address: address.replace(/\$/g, "") };
    for (const handler of this.handlers) {
      this.pendingEvents.push(Promise.resolve().then(() => handler({ type: "WorkbookSelectionChanged" })));
    }
  }

  private nameTaken(name: string): boolean {
    const lower = name.toLowerCase();
    return (
      [...this.names.keys()].some((n) => n.toLowerCase() === lower) ||
      this.tables.some((t) => t.name.toLowerCase() === lower)
    );
  }

  private checkNewName(name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name)) {
      throw new ExcelDoubleError("InvalidArgument", `Ogiltigt namn: ${name}`);
    }
    if (this.nameTaken(name)) throw new ExcelDoubleError("ItemAlreadyExists", `Namnet finns redan: ${name}`);
  }

  /** Turns an array written to a range into HyperFormula contents, as Excel reads typed input. */
  private writeCells(s: SheetState, r: Rect, rows: unknown[][], kind: "formulas" | "values"): void {
    const height = r.r2 - r.r1 + 1;
    const width = r.c2 - r.c1 + 1;
    if (
      !Array.isArray(rows) ||
      rows.length !== height ||
      rows.some((row) => !Array.isArray(row) || row.length !== width)
    ) {
      throw new ExcelDoubleError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rectAddress(r)}).`
      );
    }
    const contents: (RawCellContent | typeof UNCHANGED)[][] = rows.map((row, i) =>
      row.map((v, j): RawCellContent | typeof UNCHANGED => {
        if (v === null || v === undefined) return UNCHANGED;
        if (typeof v === "number" || typeof v === "boolean") return v;
        const text = String(v);
        if (text === "") return null;
        const format = s.numberFormats.get(`${r.r1 + i},${r.c1 + j}`);
        if (text.startsWith("'")) return text;
        if (format === "@") return `'${text}`;
        if (text.startsWith("=")) {
          for (const sheet of referencedSheets(text)) {
            if (!this.findSheet(sheet)) {
              throw new ExcelDoubleError(
                "InvalidArgument",
                `${s.name}!${rectAddress(r)}: formeln ${text} hänvisar till bladet ${sheet}, som inte finns (Excel skulle tolka det som en länk till en annan fil).`
              );
            }
          }
          return withAnchorArrays(text);
        }
        return text;
      })
    );
    this.setContents(s, r, contents);
    this.writes.push({ sheet: s.name, address: rectAddress(r), kind, rows: height, columns: width });
  }

  /**
   * Sets the contents of a rectangle, leaving the UNCHANGED cells as they are (each row's runs of cells to
   * set apart). Formulas that read a spill (`ANCHORARRAY`) are set after the rest, so that the spill they
   * read exists when HyperFormula sizes their own.
   */
  private setContents(s: SheetState, r: Rect, contents: (RawCellContent | typeof UNCHANGED)[][]): void {
    const reads = (v: unknown) => typeof v === "string" && v.startsWith("=") && v.includes("ANCHORARRAY(");
    const plain = contents.every((row) => row.every((v) => v !== UNCHANGED && !reads(v)));
    if (plain) {
      this.hf.setCellContents({ sheet: s.id, row: r.r1 - 1, col: r.c1 - 1 }, contents as RawCellContent[][]);
      return;
    }
    const later: { row: number; col: number; value: RawCellContent }[] = [];
    contents.forEach((row, i) => {
      let start = 0;
      const flush = (end: number) => {
        if (end > start) {
          const run = row.slice(start, end) as RawCellContent[];
          this.hf.setCellContents({ sheet: s.id, row: r.r1 - 1 + i, col: r.c1 - 1 + start }, [run]);
        }
        start = end + 1;
      };
      row.forEach((v, j) => {
        if (v === UNCHANGED) flush(j);
        else if (reads(v)) {
          later.push({ row: r.r1 - 1 + i, col: r.c1 - 1 + j, value: v as RawCellContent });
          flush(j);
        }
      });
      flush(row.length);
    });
    for (const cell of later) this.hf.setCellContents({ sheet: s.id, row: cell.row, col: cell.col }, [[cell.value]]);
  }

  /**
   * The row of the formula whose spill covers a cell, when the cell is a spilled one (not its anchor);
   * undefined for any other cell.
   */
  private spillAnchorRow(s: SheetState, column: number, row: number): number | undefined {
    const at = (r: number) => ({ sheet: s.id, row: r - 1, col: column - 1 });
    if (!this.hf.isCellPartOfArray(at(row)) || this.hf.doesCellHaveFormula(at(row))) return undefined;
    for (let r = row - 1; r >= 1; r--) {
      if (!this.hf.isCellPartOfArray(at(r))) return undefined;
      if (this.hf.doesCellHaveFormula(at(r))) return r;
    }
    return undefined;
  }

  /**
   * Refuses a row shift that would move cells beside the table or another table (see `insertTableRows`).
   * Cells of a spill beside the table whose formula stands above the place are no cells of their own: the
   * spill grows or shrinks with the table's columns that its formula reads, as in Excel.
   */
  private checkRowShift(s: SheetState, table: TableRecord, r: Rect, from: number): void {
    // Works with evaluation suspended: only whether cells are empty is asked.
    const { width, height } = this.hf.getSheetDimensions(s.id);
    for (let row = from; row <= height; row++) {
      for (let c = 1; c <= width; c++) {
        if (c >= r.c1 && c <= r.c2) continue;
        if (!this.hf.isCellEmpty({ sheet: s.id, row: row - 1, col: c - 1 })) {
          const anchor = this.spillAnchorRow(s, c, row);
          if (anchor !== undefined && anchor < from && anchor > r.r1) continue;
          throw new ExcelDoubleError(
            "InvalidOperation",
            `Dubbeln flyttar hela rader: ${s.name}!${rectAddress({ c1: c, r1: row, c2: c, r2: row })} bredvid ${table.name} skulle flyttas med.`
          );
        }
      }
    }
    for (const t of this.tables) {
      if (t === table || t.sheet !== s.name) continue;
      if (parseAddress(t.address).r2 >= from) {
        throw new ExcelDoubleError(
          "InvalidOperation",
          `Tabellen ${t.name} skulle flyttas när raderna i ${table.name} flyttas.`
        );
      }
    }
  }

  /**
   * Moves what the double keeps by row on a sheet (number formats, formats, validation, conditional formats)
   * as Excel does when `count` rows are inserted into the columns `columns` at row `at` (or, negative, deleted
   * above it): areas below move, areas that span the place grow or shrink; areas beside those columns stay.
   */
  private moveRows(s: SheetState, at: number, count: number, columns: { c1: number; c2: number }): void {
    const moved = (r: Rect): Rect | undefined => {
      if (r.c2 < columns.c1 || r.c1 > columns.c2) return r;
      if (count > 0) {
        if (r.r1 >= at) return { ...r, r1: r.r1 + count, r2: r.r2 + count };
        if (r.r2 >= at) return { ...r, r2: r.r2 + count };
        return r;
      }
      const gone = at + count; // the deleted rows are gone..at-1
      if (r.r1 >= at) return { ...r, r1: r.r1 + count, r2: r.r2 + count };
      if (r.r2 < gone) return r;
      const r1 = r.r1 >= gone ? gone : r.r1;
      const r2 = Math.max(r.r2 + count, gone - 1);
      return r2 < r1 ? undefined : { ...r, r1, r2 };
    };
    const move = (address: string) => {
      if (/^\d+:\d+$|^[A-Z]+:[A-Z]+$/i.test(address.replace(/\$/g, ""))) return address;
      const r = moved(parseAddress(address));
      return r ? rectAddress(r) : address;
    };
    const formats = new Map<string, string>();
    for (const [key, format] of s.numberFormats) {
      const [row, c] = key.split(",").map(Number);
      const shifts = c >= columns.c1 && c <= columns.c2;
      if (shifts && count < 0 && row >= at + count && row < at) continue;
      formats.set(`${shifts && row >= at ? row + count : row},${c}`, format);
    }
    s.numberFormats.clear();
    for (const [key, format] of formats) s.numberFormats.set(key, format);
    for (const f of this.formats) if (f.sheet === s.name) f.addresses = f.addresses.map(move);
    for (const v of this.validations) if (v.sheet === s.name) v.address = move(v.address);
    for (const c of this.conditionalFormats) if (c.sheet === s.name) c.address = move(c.address);
  }

  // ----------------------------------------------------------------------------------------------
  // Excel.run and the request context.

  private async run<T>(batch: (context: any) => Promise<T>): Promise<T> {
    this.runs++;
    const context = new RequestContext(this);
    const result = await batch(context);
    if (context.pending()) await context.sync();
    return result;
  }

  /**
   * Makes the `n`-th `context.sync()` from now fail partway, as a round trip to Excel can (the connection
   * drops, a request is refused): the first half of its queued operations run, then it throws. Excel does
   * not undo the operations that ran before the failure, and neither does the double.
   */
  failOnSync(n: number, message = "Anslutningen till Excel bröts."): void {
    this.failure = { at: this.syncs + n, message };
  }

  private failure?: { at: number; message: string };

  /** Runs a batch of queued operations, with evaluation suspended between reads. */
  runQueue(operations: readonly Operation[]): void {
    this.syncs++;
    const request =
      jsonBytes(operations.map((op) => op.payload ?? null)) + operations.length * OPERATION_ENVELOPE_BYTES;
    if (request > SYNC_PAYLOAD_LIMIT) {
      this.syncPayloads.push({ request, response: 0 });
      throw new ExcelDoubleError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${request} bytes > ${SYNC_PAYLOAD_LIMIT}).`
      );
    }
    this.responseBytes = 0;
    try {
      this.runOperations(operations);
    } finally {
      this.syncPayloads.push({ request, response: this.responseBytes });
    }
    if (this.responseBytes > SYNC_PAYLOAD_LIMIT) {
      throw new ExcelDoubleError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.responseBytes} bytes > ${SYNC_PAYLOAD_LIMIT}).`
      );
    }
  }

  private runOperations(operations: readonly Operation[]): void {
    const failing = this.failure?.at === this.syncs ? this.failure : undefined;
    if (failing) this.failure = undefined;
    const ran = failing ? operations.slice(0, Math.floor(operations.length / 2)) : operations;
    for (const op of ran) {
      if (op.reads) this.evaluated();
      else this.suspended();
      op.run();
    }
    if (failing) throw new ExcelDoubleError("GeneralException", failing.message);
  }

  /** True while HyperFormula holds back its computing (between writes, until something reads a value). */
  private suspendedNow = false;

  /** Holds HyperFormula's computing back: writes only queue their effect until a value is read. */
  private suspended(): void {
    if (this.suspendedNow) return;
    this.hf.suspendEvaluation();
    this.suspendedNow = true;
  }

  /**
   * The workbook computed: what was written since the last read is computed now, once (a build of many
   * round trips is computed when something first reads it, not after each).
   */
  evaluated(): HyperFormula {
    if (this.suspendedNow) {
      this.suspendedNow = false;
      this.hf.resumeEvaluation();
    }
    return this.hf;
  }

  // Used by the proxies below.
  /** @internal */ addSheet = (name: string) => this.addSheetNow(name);
  /** @internal */ write = (sheet: string, address: string, rows: unknown[][], kind: "formulas" | "values") =>
    this.writeCells(this.sheet(sheet), parseAddress(address), rows, kind);
  /** @internal */ setNumberFormats = (sheet: string, address: string, rows: unknown[][]) => {
    const s = this.sheet(sheet);
    const r = parseAddress(address);
    const height = r.r2 - r.r1 + 1;
    const width = r.c2 - r.c1 + 1;
    if (rows.length !== height || rows.some((row) => row.length !== width)) {
      throw new ExcelDoubleError("InvalidArgument", `numberFormat: the array does not match ${rectAddress(r)}.`);
    }
    rows.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f !== null && f !== undefined) s.numberFormats.set(`${r.r1 + i},${r.c1 + j}`, String(f));
      })
    );
    this.writes.push({ sheet: s.name, address: rectAddress(r), kind: "numberFormat", rows: height, columns: width });
  };
  /** @internal */ read = (sheet: string, address: string, property: string): unknown => {
    const value = this.readNow(sheet, address, property);
    this.responseBytes += jsonBytes(value);
    return value;
  };

  private readNow(sheet: string, address: string, property: string): unknown {
    const s = this.sheet(sheet);
    const r = parseAddress(address);
    const grid = (f: (c: number, row: number) => unknown) => {
      const rows: unknown[][] = [];
      for (let row = r.r1; row <= r.r2; row++) {
        const line: unknown[] = [];
        for (let c = r.c1; c <= r.c2; c++) line.push(f(c, row));
        rows.push(line);
      }
      return rows;
    };
    switch (property) {
      case "values":
        return grid((c, row) => this.cellValue(s, c, row));
      case "text":
        return grid((c, row) => String(this.cellValue(s, c, row)));
      case "formulas":
        return grid((c, row) => this.cellFormula(s, c, row));
      case "numberFormat":
        return grid((c, row) => s.numberFormats.get(`${row},${c}`) ?? "General");
      case "address":
        return `${quoteSheet(s.name)}!${rectAddress(r)}`;
      case "rowCount":
        return r.r2 - r.r1 + 1;
      case "columnCount":
        return r.c2 - r.c1 + 1;
      case "rowIndex":
        return r.r1 - 1;
      case "columnIndex":
        return r.c1 - 1;
      default:
        throw new ExcelDoubleError("InvalidArgument", `Range.${property} is not in this double`);
    }
  }
  /** @internal */ addTable = (sheet: string, address: string, hasHeaders: boolean): TableRecord => {
    const s = this.sheet(sheet);
    const r = parseAddress(address);
    for (const t of this.tables) {
      if (t.sheet === s.name && overlaps(parseAddress(t.address), r)) {
        throw new ExcelDoubleError("InvalidOperation", `Tabellen ${t.name} överlappar ${address}`);
      }
    }
    const headers: string[] = [];
    if (hasHeaders) {
      for (let c = r.c1; c <= r.c2; c++) headers.push(this.headerText(s, c, r.r1));
      const seen = new Set<string>();
      for (const h of headers) {
        if (h === "" || seen.has(h.toLowerCase())) {
          throw new ExcelDoubleError("InvalidArgument", `Tabellrubrikerna i ${address} är tomma eller dubbla: "${h}"`);
        }
        seen.add(h.toLowerCase());
      }
    }
    let n = this.tables.length + 1;
    while (this.nameTaken(`Tabell${n}`)) n++;
    const table: TableRecord = { name: `Tabell${n}`, sheet: s.name, address: rectAddress(r), headers, props: {} };
    this.tables.push(table);
    return table;
  };
  /** @internal */ renameTable = (table: TableRecord, name: string) => {
    if (table.name === name) return;
    this.checkNewName(name);
    table.name = name;
  };
  /** @internal */ addName = (name: string, reference: string) => {
    this.checkNewName(name);
    const expression = reference.startsWith("=") ? reference : `=${reference}`;
    for (const sheet of referencedSheets(expression)) this.sheet(sheet);
    this.hf.addNamedExpression(name, expression);
    this.names.set(name, expression);
  };
  /** @internal */ table = (name: string): TableRecord => {
    const lower = name.toLowerCase();
    const t = this.tables.find((x) => x.name.toLowerCase() === lower);
    if (!t) throw new ExcelDoubleError("ItemNotFound", `Tabellen finns inte: ${name}`);
    return t;
  };
  /** @internal */ hasTable = (name: string) => this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase());
  /**
   * Inserts `count` rows into a table above its data row `index` (at the end for -1), shifting the cells
   * below in the table's columns down, as Excel's `table.rows.add` does. References that span the place
   * grow, number formats and validation move with the cells, and the new rows take the formats of the row
   * above. Excel shifts only the table's columns; the double shifts whole rows, so it refuses when a cell
   * beside the table, at or below the place, would be moved with them.
   */
  /** @internal */ insertTableRows = (table: TableRecord, index: number, count: number): Rect => {
    const s = this.sheet(table.sheet);
    const r = parseAddress(table.address);
    const at = index < 0 ? r.r2 + 1 : r.r1 + 1 + index;
    if (at < r.r1 + 1 || at > r.r2 + 1)
      throw new ExcelDoubleError("InvalidArgument", `Rad ${index} finns inte i ${table.name}`);
    this.checkRowShift(s, table, r, at);
    this.hf.addRows(s.id, [at - 1, count]);
    this.moveRows(s, at, count, r);
    table.address = rectAddress({ ...r, r2: r.r2 + count });
    for (let row = at; row < at + count; row++) {
      for (let c = r.c1; c <= r.c2; c++) {
        const above = s.numberFormats.get(`${at - 1},${c}`);
        if (above !== undefined) s.numberFormats.set(`${row},${c}`, above);
      }
    }
    return { c1: r.c1, r1: at, c2: r.c2, r2: at + count - 1 };
  };
  /** Deletes data row `index` of a table, shifting the cells below up (see `insertTableRows`). */
  /** @internal */ deleteTableRow = (table: TableRecord, index: number): void => {
    const s = this.sheet(table.sheet);
    const r = parseAddress(table.address);
    const row = r.r1 + 1 + index;
    if (index < 0 || row > r.r2)
      throw new ExcelDoubleError("InvalidArgument", `Rad ${index} finns inte i ${table.name}`);
    this.checkRowShift(s, table, r, row);
    this.hf.removeRows(s.id, [row - 1, 1]);
    this.moveRows(s, row + 1, -1, r);
    table.address = rectAddress({ ...r, r2: r.r2 - 1 });
  };
  /**
   * Copies a range onto another, as `range.copyFrom` does: formulas with their relative references moved
   * (HyperFormula's copy and paste, which adjust references as Excel does), tiled when the target is a
   * multiple of the source. "Formulas" copies contents only; "All" copies number formats too.
   */
  /** @internal */ copy = (sheet: string, address: string, from: { sheet: string; address: string }, type: string) => {
    const target = this.sheet(sheet);
    const source = this.sheet(from.sheet);
    const t = parseAddress(address);
    const f = parseAddress(from.address);
    const height = f.r2 - f.r1 + 1;
    const width = f.c2 - f.c1 + 1;
    if (type !== "Formulas" && type !== "All") {
      throw new ExcelDoubleError("InvalidArgument", `copyFrom med ${type} finns inte i dubbeln`);
    }
    // The target is the source tiled (a multiple of it) or the source's size; its contents as HyperFormula
    // would fill them from the source, relative references moved, set in one go (one recalculation).
    const rows = Math.max(t.r2 - t.r1 + 1, height);
    const columns = Math.max(t.c2 - t.c1 + 1, width);
    const filled = this.hf.getFillRangeData(
      {
        start: { sheet: source.id, row: f.r1 - 1, col: f.c1 - 1 },
        end: { sheet: source.id, row: f.r2 - 1, col: f.c2 - 1 },
      },
      {
        start: { sheet: target.id, row: t.r1 - 1, col: t.c1 - 1 },
        end: { sheet: target.id, row: t.r1 - 1 + rows - 1, col: t.c1 - 1 + columns - 1 },
      }
    );
    this.hf.setCellContents({ sheet: target.id, row: t.r1 - 1, col: t.c1 - 1 }, filled);
    for (let row = t.r1; row <= Math.max(t.r2, t.r1 + height - 1); row += height) {
      for (let c = t.c1; c <= Math.max(t.c2, t.c1 + width - 1); c += width) {
        if (type === "All") {
          for (let i = 0; i < height; i++) {
            for (let j = 0; j < width; j++) {
              const format = source.numberFormats.get(`${f.r1 + i},${f.c1 + j}`);
              if (format !== undefined) target.numberFormats.set(`${row + i},${c + j}`, format);
            }
          }
        }
      }
    }
    this.writes.push({ sheet: target.name, address: rectAddress(t), kind: "formulas", rows: height, columns: width });
  };
  /** Deletes a sheet with its tables, charts, formats and validation, as `worksheet.delete()` does. */
  /** @internal */ deleteSheet = (name: string): void => {
    const s = this.sheet(name);
    if (this.sheets.length === 1) throw new ExcelDoubleError("InvalidOperation", "Arbetsboken måste ha ett blad.");
    this.hf.removeSheet(s.id);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    const others = <T extends { sheet: string }>(list: T[]) => {
      const kept = list.filter((x) => x.sheet !== s.name);
      list.splice(0, list.length, ...kept);
    };
    others(this.tables);
    others(this.charts);
    others(this.formats);
    others(this.validations);
    others(this.conditionalFormats);
    if (this.activeSheet === s.name) this.activeSheet = this.sheets[0].name;
    if (this.selection.sheet === s.name) this.selection = { sheet: this.activeSheet, address: "A1" };
  };
  /** @internal */ hasName = (name: string) =>
    [...this.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase());
  /** @internal */ deleteName = (name: string): void => {
    const key = [...this.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw new ExcelDoubleError("ItemNotFound", `Namnet finns inte: ${name}`);
    this.hf.removeNamedExpression(key);
    this.names.delete(key);
  };
  /** @internal */ select = (sheet: string, address: string) => this.selectNow(this.sheet(sheet).name, address);
  /** @internal */ activate = (sheet: string) => {
    this.activeSheet = this.sheet(sheet).name;
  };
  /** @internal */ addHandler = (handler: SelectionHandler) => this.handlers.add(handler);
  /** @internal */ removeHandler = (handler: SelectionHandler) => this.handlers.delete(handler);
  /** @internal */ freeze = (sheet: string, kind: string, arg: unknown) => {
    this.sheet(sheet).freeze = { kind, arg };
  };
}

/** A request context: the queue of operations and `sync()`. */
class RequestContext {
  private queue: Operation[] = [];
  readonly workbook: Workbook;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly excel: ExcelDouble) {
    this.workbook = new Workbook(this);
  }

  enqueue(run: () => void, reads = false, payload?: unknown): void {
    this.queue.push({ run, reads, payload });
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const operations = this.queue;
    this.queue = [];
    // A round trip is asynchronous: the caller's code after `await context.sync()` runs later.
    await Promise.resolve();
    this.excel.runQueue(operations);
  }
}

/** Properties that must be loaded before they are read. */
class Loadable {
  protected readonly loaded = new Map<string, unknown>();

  protected get<T>(property: string): T {
    if (!this.loaded.has(property)) throw NOT_LOADED(property);
    return this.loaded.get(property) as T;
  }
}

/**
 * Records property sets and method calls under a path ("format.fill.color"), as formats, charts and
 * conditional formats are set through the API; Range arguments are recorded by address.
 */
function recorder(
  path: string,
  onSet: (path: string, value: unknown) => void,
  onCall: (path: string, args: unknown[]) => void
): any {
  const target = function () {
    return undefined;
  };
  return new Proxy(target, {
    get(_t, prop) {
      if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
      return recorder(path ? `${path}.${prop}` : prop, onSet, onCall);
    },
    set(_t, prop, value) {
      onSet(path ? `${path}.${String(prop)}` : String(prop), value);
      return true;
    },
    apply(_t, _this, args) {
      const name = path.split(".").pop();
      const parent = path.split(".").slice(0, -1).join(".");
      if (name === "set" && args[0] && typeof args[0] === "object") {
        const flatten = (prefix: string, value: unknown) => {
          if (value && typeof value === "object" && !Array.isArray(value)) {
            for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v);
          } else onSet(prefix, value);
        };
        flatten(parent, args[0]);
        return undefined;
      }
      const recorded = args.map((a) => (a instanceof Range ? a.addressOnSheet : a));
      onCall(path, recorded);
      return recorder(`${path}(${recorded.map((a) => JSON.stringify(a)).join(",")})`, onSet, onCall);
    },
  });
}

class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => undefined,
    calculate: () => undefined,
  };
  readonly onSelectionChanged: { add: (h: SelectionHandler) => { remove: () => void } };

  constructor(readonly context: RequestContext) {
    this.worksheets = new WorksheetCollection(context);
    this.names = new NamedItemCollection(context);
    this.tables = new TableCollection(context);
    this.settings = new SettingCollection(context);
    this.onSelectionChanged = {
      add: (handler) => {
        context.enqueue(() => context.excel.addHandler(handler));
        return { remove: () => context.enqueue(() => context.excel.removeHandler(handler)) };
      },
    };
  }

  /** The selection as it is when the batch runs. */
  getSelectedRange(): Range {
    return new Range(this.context, () => this.context.excel.selection);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.excel.activeSheet);
  }
}

class WorksheetCollection extends Loadable {
  constructor(private readonly context: RequestContext) {
    super();
  }

  get items(): Worksheet[] {
    return this.get("items");
  }

  add(name: string): Worksheet {
    this.context.enqueue(() => this.context.excel.addSheet(name));
    return new Worksheet(this.context, () => name);
  }

  getItem(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.excel.sheet(name).name);
  }

  getItemOrNullObject(name: string): Worksheet {
    const ws = new Worksheet(this.context, () => this.context.excel.sheet(name).name);
    this.context.enqueue(() => ws.resolveNull(!this.context.excel.hasSheet(name)));
    return ws;
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.excel.activeSheet);
  }

  load(arg?: unknown): this {
    void loadedProperties(arg);
    this.context.enqueue(() => {
      const names = this.context.excel.sheetNames();
      this.loaded.set(
        "items",
        names.map((n) => Worksheet.loadedWith(this.context, n))
      );
    });
    return this;
  }
}

class Worksheet extends Loadable {
  readonly tables: { add: (address: string, hasHeaders: boolean) => Table };
  readonly charts: { add: (type: string, source: Range, seriesBy?: string) => any };
  readonly freezePanes: {
    freezeAt: (range: string | Range) => void;
    freezeRows: (count?: number) => void;
    freezeColumns: (count?: number) => void;
  };
  readonly pageLayout: any;
  private nullObject?: boolean;

  constructor(
    private readonly context: RequestContext,
    /** The sheet's name when the batch runs (throws ItemNotFound for a sheet that does not exist). */
    readonly resolve: () => string
  ) {
    super();
    const excel = context.excel;
    this.tables = {
      add: (address, hasHeaders) => {
        const table = new Table(context);
        // Reads the header cells as typed (a header that is a formula is computed).
        context.enqueue(() => table.bind(excel.addTable(this.resolve(), address, hasHeaders)));
        return table;
      },
    };
    this.charts = {
      add: (type, source, seriesBy = "Auto") => {
        const record: { current?: ChartRecord } = {};
        context.enqueue(() => {
          record.current = { sheet: this.resolve(), type, source: source.addressOnSheet, seriesBy, ops: [] };
          excel.charts.push(record.current);
        });
        return recorder(
          "",
          (path, value) => context.enqueue(() => record.current!.ops.push({ path, value })),
          (path, args) => context.enqueue(() => record.current!.ops.push({ path, args }))
        );
      },
    };
    this.freezePanes = {
      freezeAt: (range) =>
        context.enqueue(() =>
          excel.freeze(this.resolve(), "at", typeof range === "string" ? range : range.addressOnSheet)
        ),
      freezeRows: (count = 1) => context.enqueue(() => excel.freeze(this.resolve(), "rows", count)),
      freezeColumns: (count = 1) => context.enqueue(() => excel.freeze(this.resolve(), "columns", count)),
    };
    this.pageLayout = recorder(
      "pageLayout",
      (path, value) => context.enqueue(() => (excel.sheet(this.resolve()).props[path] = value)),
      () => undefined
    );
  }

  static loadedWith(context: RequestContext, name: string): Worksheet {
    const ws = new Worksheet(context, () => name);
    ws.loaded.set("name", name);
    return ws;
  }

  resolveNull(isNull: boolean): void {
    this.nullObject = isNull;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw NOT_LOADED("isNullObject");
    return this.nullObject;
  }

  get name(): string {
    return this.get("name");
  }

  set tabColor(color: string) {
    this.context.enqueue(() => (this.context.excel.sheet(this.resolve()).props.tabColor = color));
  }

  load(arg?: unknown): this {
    const props = loadedProperties(arg);
    this.context.enqueue(() => {
      if (this.nullObject) return;
      const name = this.resolve();
      if (props.includes("*") || props.includes("name")) this.loaded.set("name", name);
      if (props.includes("*") || props.includes("tabColor")) {
        this.loaded.set("tabColor", this.context.excel.sheet(name).props.tabColor ?? "");
      }
    });
    return this;
  }

  activate(): void {
    this.context.enqueue(() => this.context.excel.activate(this.resolve()));
  }

  delete(): void {
    this.context.enqueue(() => {
      if (this.nullObject) throw new ExcelDoubleError("InvalidObjectPath", "Bladet finns inte (ett null-objekt).");
      this.context.excel.deleteSheet(this.resolve());
    });
  }

  getRange(address = "A1:XFD1048576"): Range {
    return new Range(this.context, () => ({ sheet: this.resolve(), address }));
  }

  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.context, () => this.resolve(), address);
  }
}

class Range extends Loadable {
  readonly format: any;
  readonly dataValidation: {
    rule: unknown;
    prompt: unknown;
    errorAlert: unknown;
  };
  readonly conditionalFormats: { add: (type: string) => any };

  constructor(
    private readonly context: RequestContext,
    /** Sheet and address when the batch runs. */
    readonly where: () => { sheet: string; address: string }
  ) {
    super();
    const excel = context.excel;
    this.format = recorder(
      "",
      (path, value) =>
        context.enqueue(() => {
          const { sheet, address } = this.where();
          excel.formats.push({ sheet: excel.sheet(sheet).name, addresses: [address.replace(/\$/g, "")], path, value });
        }),
      (path, args) =>
        context.enqueue(() => {
          const { sheet, address } = this.where();
          excel.formats.push({ sheet: excel.sheet(sheet).name, addresses: [address.replace(/\$/g, "")], path, args });
        })
    );
    const record = () => {
      const { sheet, address } = this.where();
      let v = excel.validations.find((x) => x.sheet === excel.sheet(sheet).name && x.address === address);
      if (!v) {
        v = { sheet: excel.sheet(sheet).name, address };
        excel.validations.push(v);
      }
      return v;
    };
    this.dataValidation = {
      set rule(rule: unknown) {
        context.enqueue(() => (record().rule = rule));
      },
      set prompt(prompt: unknown) {
        context.enqueue(() => (record().prompt = prompt));
      },
      set errorAlert(alert: unknown) {
        context.enqueue(() => (record().errorAlert = alert));
      },
      // Write-only here: tests read `excel.validations`.
      get rule() {
        return undefined;
      },
      get prompt() {
        return undefined;
      },
      get errorAlert() {
        return undefined;
      },
    };
    this.conditionalFormats = {
      add: (type) => {
        const holder: { current?: ConditionalFormatRecord } = {};
        context.enqueue(() => {
          const { sheet, address } = this.where();
          holder.current = { sheet: excel.sheet(sheet).name, address, type, ops: [] };
          excel.conditionalFormats.push(holder.current);
        });
        return recorder(
          "",
          (path, value) => context.enqueue(() => holder.current!.ops.push({ path, value })),
          (path, args) => context.enqueue(() => holder.current!.ops.push({ path, args }))
        );
      },
    };
  }

  /** "Palliativ!A1:B2" as resolved now (recorded in charts). */
  get addressOnSheet(): string {
    const { sheet, address } = this.where();
    return `${quoteSheet(sheet)}!${address.replace(/\$/g, "")}`;
  }

  private write(kind: "formulas" | "values", rows: unknown[][]): void {
    this.context.enqueue(
      () => {
        const { sheet, address } = this.where();
        this.context.excel.write(sheet, address, rows, kind);
      },
      false,
      { set: kind, rows }
    );
  }

  get values(): ExcelValue[][] {
    return this.get("values");
  }

  set values(rows: unknown[][]) {
    this.write("values", rows);
  }

  get formulas(): ExcelValue[][] {
    return this.get("formulas");
  }

  set formulas(rows: unknown[][]) {
    this.write("formulas", rows);
  }

  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }

  set numberFormat(rows: unknown[][]) {
    this.context.enqueue(
      () => {
        const { sheet, address } = this.where();
        this.context.excel.setNumberFormats(sheet, address, rows);
      },
      false,
      { set: "numberFormat", rows }
    );
  }

  get text(): string[][] {
    return this.get("text");
  }

  get address(): string {
    return this.get("address");
  }

  get rowCount(): number {
    return this.get("rowCount");
  }

  get columnCount(): number {
    return this.get("columnCount");
  }

  get rowIndex(): number {
    return this.get("rowIndex");
  }

  get columnIndex(): number {
    return this.get("columnIndex");
  }

  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => this.where().sheet);
  }

  load(arg?: unknown): this {
    const props = loadedProperties(arg);
    const wanted = props.includes("*") ? ["values", "formulas", "numberFormat", "address", "text"] : props;
    this.context.enqueue(() => {
      const { sheet, address } = this.where();
      for (const p of wanted) this.loaded.set(p, this.context.excel.read(sheet, address, p));
    }, true);
    return this;
  }

  /** Merged cells are recorded as a format call "merge" with its argument. */
  merge(across = false): void {
    this.format.merge(across);
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, address } = this.where();
      this.context.excel.select(sheet, address);
    });
  }

  /** Copies `source` here (see ExcelDouble.copy); HyperFormula's copy needs evaluation running. */
  copyFrom(source: Range | string, copyType = "All"): void {
    this.context.enqueue(() => {
      const { sheet, address } = this.where();
      const from =
        typeof source === "string"
          ? source.includes("!")
            ? {
                sheet: source.slice(0, source.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'"),
                address: source.slice(source.lastIndexOf("!") + 1),
              }
            : { sheet, address: source }
          : source.where();
      this.context.excel.copy(sheet, address, from, copyType);
    }, true);
  }

  /** The tables that overlap the range (`fullyContained`: only those inside it), as `range.getTables` gives them. */
  getTables(fullyContained = false): TableScopedCollection {
    return new TableScopedCollection(this.context, () => {
      const { sheet, address } = this.where();
      const excel = this.context.excel;
      const r = parseAddress(address);
      const name = excel.sheet(sheet).name;
      return excel.tables.filter((t) => {
        if (t.sheet !== name) return false;
        const tr = parseAddress(t.address);
        return fullyContained ? tr.r1 >= r.r1 && tr.r2 <= r.r2 && tr.c1 >= r.c1 && tr.c2 <= r.c2 : overlaps(tr, r);
      });
    });
  }

  getCell(row: number, column: number): Range {
    return new Range(this.context, () => {
      const { sheet, address } = this.where();
      const r = parseAddress(address);
      return { sheet, address: rectAddress({ c1: r.c1 + column, r1: r.r1 + row, c2: r.c1 + column, r2: r.r1 + row }) };
    });
  }

  /** The range grown (or shrunk) by `rows` and `columns` from its top-left cell, as `range.getResizedRange` gives it. */
  getResizedRange(rows: number, columns: number): Range {
    return new Range(this.context, () => {
      const { sheet, address } = this.where();
      const r = parseAddress(address);
      const resized = { ...r, r2: r.r2 + rows, c2: r.c2 + columns };
      if (resized.r2 < resized.r1 || resized.c2 < resized.c1 || resized.r2 > MAX_ROW || resized.c2 > MAX_COLUMN) {
        throw new ExcelDoubleError("InvalidArgument", "Området kan inte få den storleken.");
      }
      return { sheet, address: rectAddress(resized) };
    });
  }

  /** Column `column` of the range (0-based), as `range.getColumn` gives it. */
  getColumn(column: number): Range {
    return new Range(this.context, () => {
      const { sheet, address } = this.where();
      const r = parseAddress(address);
      return { sheet, address: rectAddress({ c1: r.c1 + column, r1: r.r1, c2: r.c1 + column, r2: r.r2 }) };
    });
  }

  /** The range moved `rows` down and `columns` right, of the same size, as `range.getOffsetRange` gives it. */
  getOffsetRange(rows: number, columns: number): Range {
    return new Range(this.context, () => {
      const { sheet, address } = this.where();
      const r = parseAddress(address);
      const moved = { c1: r.c1 + columns, r1: r.r1 + rows, c2: r.c2 + columns, r2: r.r2 + rows };
      if (moved.c1 < 1 || moved.r1 < 1) throw new ExcelDoubleError("InvalidArgument", "Utanför bladet.");
      return { sheet, address: rectAddress(moved) };
    });
  }

  getRow(row: number): Range {
    return new Range(this.context, () => {
      const { sheet, address } = this.where();
      const r = parseAddress(address);
      return { sheet, address: rectAddress({ c1: r.c1, r1: r.r1 + row, c2: r.c2, r2: r.r1 + row }) };
    });
  }
}

class RangeAreas {
  readonly format: any;

  constructor(
    private readonly context: RequestContext,
    private readonly sheet: () => string,
    private readonly address: string
  ) {
    const excel = context.excel;
    const addresses = () => address.split(",").map((a) => a.trim().replace(/\$/g, ""));
    this.format = recorder(
      "",
      (path, value) =>
        context.enqueue(() =>
          excel.formats.push({ sheet: excel.sheet(this.sheet()).name, addresses: addresses(), path, value })
        ),
      (path, args) =>
        context.enqueue(() =>
          excel.formats.push({ sheet: excel.sheet(this.sheet()).name, addresses: addresses(), path, args })
        )
    );
  }

  select(): void {
    this.context.enqueue(() => this.context.excel.select(this.sheet(), this.address));
  }
}

class Table {
  private record?: TableRecord;
  private nullObject?: boolean;
  readonly rows: TableRowCollection;

  /** `lookup`: the table by name when the batch runs (for `tables.getItem`); absent for `tables.add`. */
  constructor(
    private readonly context: RequestContext,
    lookup?: { name: string; orNull: boolean }
  ) {
    if (lookup) {
      context.enqueue(() => {
        const excel = context.excel;
        if (lookup.orNull && !excel.hasTable(lookup.name)) this.nullObject = true;
        else {
          this.nullObject = false;
          this.record = excel.table(lookup.name);
        }
      });
    }
    this.rows = new TableRowCollection(context, () => this.resolve());
  }

  bind(record: TableRecord): void {
    this.record = record;
  }

  /** The table's record when the batch runs. */
  resolve(): TableRecord {
    if (this.nullObject) throw new ExcelDoubleError("InvalidObjectPath", "Tabellen finns inte (ett null-objekt).");
    if (!this.record) throw new ExcelDoubleError("InvalidObjectPath", "Tabellen är inte skapad ännu.");
    return this.record;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw NOT_LOADED("isNullObject");
    return this.nullObject;
  }

  load(): this {
    return this;
  }

  set name(name: string) {
    this.context.enqueue(() => this.context.excel.renameTable(this.resolve(), name));
  }

  get name(): string {
    if (!this.record) throw NOT_LOADED("name");
    return this.record.name;
  }

  set style(style: string) {
    this.context.enqueue(() => (this.resolve().props.style = style));
  }

  set showBandedRows(show: boolean) {
    this.context.enqueue(() => (this.resolve().props.showBandedRows = show));
  }

  /** Header and data rows, wherever the table is when the batch runs. */
  getRange(): Range {
    return new Range(this.context, () => ({ sheet: this.resolve().sheet, address: this.resolve().address }));
  }

  getDataBodyRange(): Range {
    return new Range(this.context, () => {
      const r = parseAddress(this.resolve().address);
      return { sheet: this.resolve().sheet, address: rectAddress({ ...r, r1: r.r1 + 1 }) };
    });
  }

  getHeaderRowRange(): Range {
    return new Range(this.context, () => {
      const r = parseAddress(this.resolve().address);
      return { sheet: this.resolve().sheet, address: rectAddress({ ...r, r2: r.r1 }) };
    });
  }
}

/** `table.rows`: add rows (inserted, the cells below shifted down) and delete one by index. */
class TableRowCollection {
  constructor(
    private readonly context: RequestContext,
    private readonly table: () => TableRecord
  ) {}

  /** Inserts rows above data row `index` (at the end for null or -1), with `values` (one array per row) or blank. */
  add(index?: number | null, values?: unknown[][]): void {
    this.context.enqueue(
      () => {
        const excel = this.context.excel;
        const table = this.table();
        const count = values?.length ?? 1;
        const rect = excel.insertTableRows(table, index ?? -1, count);
        if (values) excel.write(table.sheet, rectAddress(rect), values, "values");
      },
      false,
      { call: "rows.add", index, values }
    );
  }

  getItemAt(index: number): { delete: () => void } {
    return {
      delete: () => this.context.enqueue(() => this.context.excel.deleteTableRow(this.table(), index)),
    };
  }
}

class TableScopedCollection extends Loadable {
  constructor(
    private readonly context: RequestContext,
    private readonly found: () => TableRecord[]
  ) {
    super();
  }

  get items(): NamedListItem[] {
    return this.get("items");
  }

  load(arg?: unknown): this {
    void loadedProperties(arg);
    this.context.enqueue(() =>
      this.loaded.set(
        "items",
        this.found().map((t) => new NamedListItem(t.name))
      )
    );
    return this;
  }
}

/** Tables and names have "items/name" loaded for the conflict check. */
class NamedListItem {
  constructor(readonly name: string) {}
}

class TableCollection extends Loadable {
  constructor(private readonly context: RequestContext) {
    super();
  }

  getItem(name: string): Table {
    return new Table(this.context, { name, orNull: false });
  }

  getItemOrNullObject(name: string): Table {
    return new Table(this.context, { name, orNull: true });
  }

  get items(): NamedListItem[] {
    return this.get("items");
  }

  load(arg?: unknown): this {
    void loadedProperties(arg);
    this.context.enqueue(() =>
      this.loaded.set(
        "items",
        this.context.excel.tables.map((t) => new NamedListItem(t.name))
      )
    );
    return this;
  }
}

class NamedItemCollection extends Loadable {
  constructor(private readonly context: RequestContext) {
    super();
  }

  get items(): NamedListItem[] {
    return this.get("items");
  }

  add(name: string, reference: string): NamedListItem {
    this.context.enqueue(() => this.context.excel.addName(name, reference));
    return new NamedListItem(name);
  }

  getItem(name: string): NamedItem {
    return new NamedItem(this.context, name, false);
  }

  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.context, name, true);
  }

  load(arg?: unknown): this {
    void loadedProperties(arg);
    this.context.enqueue(() =>
      this.loaded.set(
        "items",
        [...this.context.excel.names.keys()].map((n) => new NamedListItem(n))
      )
    );
    return this;
  }
}

/** A workbook name: whether it exists, and `delete()`. */
class NamedItem {
  private nullObject?: boolean;

  constructor(
    private readonly context: RequestContext,
    readonly name: string,
    orNull: boolean
  ) {
    context.enqueue(() => {
      this.nullObject = !context.excel.hasName(name);
      if (this.nullObject && !orNull) throw new ExcelDoubleError("ItemNotFound", `Namnet finns inte: ${name}`);
    });
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw NOT_LOADED("isNullObject");
    return this.nullObject;
  }

  load(): this {
    return this;
  }

  delete(): void {
    this.context.enqueue(() => {
      if (this.nullObject) throw new ExcelDoubleError("InvalidObjectPath", `Namnet finns inte: ${this.name}`);
      this.context.excel.deleteName(this.name);
    });
  }
}

class Setting extends Loadable {
  private nullObject?: boolean;

  constructor(
    private readonly context: RequestContext,
    private readonly key: string
  ) {
    super();
    context.enqueue(() => (this.nullObject = !context.excel.settings.has(key)));
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw NOT_LOADED("isNullObject");
    return this.nullObject;
  }

  get value(): unknown {
    return this.get("value");
  }

  load(): this {
    this.context.enqueue(() => this.loaded.set("value", this.context.excel.settings.get(this.key) ?? null));
    return this;
  }

  delete(): void {
    this.context.enqueue(() => {
      if (this.nullObject) throw new ExcelDoubleError("InvalidObjectPath", `Inställningen finns inte: ${this.key}`);
      this.context.excel.settings.delete(this.key);
    });
  }
}

class SettingCollection {
  constructor(private readonly context: RequestContext) {}

  add(key: string, value: unknown): void {
    this.context.enqueue(() => this.context.excel.settings.set(key, value), false, {
      call: "settings.add",
      key,
      value,
    });
  }

  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, key);
  }
}

/** An Excel double for Node tests: HyperFormula with the SKL functions registered from their JSDoc. */
export async function createExcelDouble(firstSheet = "Blad1"): Promise<ExcelDouble> {
  const { registerSklFunctions, LICENSE_KEY } = await import("./hyperformulaSkl");
  await registerSklFunctions();
  return new ExcelDouble(excelFormulaEngine({ licenseKey: LICENSE_KEY }), firstSheet);
}
