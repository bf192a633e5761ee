/**
 * Bygg arbetsbok: writes the workbook plan into the open workbook with Office.js, the way
 * `src/cli/xlsxWriter.ts` writes it into a file: sheets, values and formulas (in bulk, one assignment per
 * area), tables, number formats, looks, column widths, frozen panes, validation, conditional formats and
 * workbook names, plus native charts. It never overwrites: planned sheets, tables or names that already
 * exist are reported, and the caller chooses to build under suffixed names or not at all. The cell contents
 * go in round trips of a bounded size (`bytesPerSync`), so that every `context.sync()` stays far below Excel
 * on the web's 5 MB per request however many parties the plan has: the 2010 workbook takes a handful. A
 * build that fails partway removes the sheets and names it added, so that no half-built workbook is left.
 */
import { address, columnLetter, formulaText, refText } from "../workbook/refs";
import { CONDITIONAL_LOOK, Look, LOOK } from "../workbook/looks";
import { SheetPlan, ValidationPlan, WorkbookPlan } from "../workbook/plan";
import { BUILD_SETTING, recordBuild } from "./buildRecords";
import { chartSpecs, ChartSpec } from "./charts";
import { PlanNames, plannedNames, renamePlan, suffixedNames } from "./renamePlan";
import { Area, HEADER_ROW_HEIGHT, layoutSheet, rangeAddress, SheetLayout } from "./sheetLayout";

/** What is planned and already in the workbook. */
export interface Conflict {
  readonly status: "conflict";
  /** Planned sheets that exist. */
  readonly sheets: readonly string[];
  /** Planned tables whose names exist, as a table or a workbook name (Excel keeps them in one namespace). */
  readonly tables: readonly string[];
  /** Planned workbook names that exist, as a name or a table. */
  readonly names: readonly string[];
  /** The smallest suffix under which nothing collides: "Palliativ (2)". */
  readonly suffix: number;
}

/** The plan as it stands in the workbook: its sheets, tables and names as they are called there. */
export interface BuiltWorkbook {
  /** The plan as written (renamed when built with a suffix). */
  readonly plan: WorkbookPlan;
  /** Planned name → name in the workbook, for sheets, tables and workbook names. */
  readonly names: PlanNames;
  /** The suffix the names carry, or undefined when built under the planned names. */
  readonly suffix?: number;
}

export interface Built extends BuiltWorkbook {
  readonly status: "built";
  /** `context.sync()` calls made. */
  readonly syncs: number;
}

export type BuildResult = Built | Conflict;

export interface BuildOptions {
  /** Called with the share done, 0..1, after each round trip to Excel. */
  readonly onProgress?: (fraction: number) => void;
  /**
   * What to do when a planned sheet, table or name exists: "report" (the default) writes nothing and returns
   * the conflict; "suffix" builds beside it under the smallest free suffix.
   */
  readonly onConflict?: "report" | "suffix";
  /**
   * At most how many bytes of cell content go in one round trip (an area larger than this is written in
   * blocks of rows). Excel on the web refuses requests over 5 MB; the default keeps every request under
   * 1 MB with the finishing touches of the sheets it completes, and gives the progress bar its steps.
   */
  readonly bytesPerSync?: number;
  /** The year the plan is for, remembered in the workbook's settings with the suffix (see `restoreBuilds`). */
  readonly year?: number;
}

/** The default of `bytesPerSync`. */
export const DEFAULT_BYTES_PER_SYNC = 400_000;
/** Areas larger than this many cells are written in several row blocks (Excel's advice for large ranges). */
const MAX_CELLS_PER_WRITE = 20_000;

/** Areas formatted by one `getRanges` call. */
const AREAS_PER_CALL = 40;

export { BUILD_SETTING } from "./buildRecords";

/** "FF6B7280" (ARGB, as the plan and exceljs give colours) → "#6B7280". */
export function officeColor(argb: string): string {
  return `#${argb.length === 8 ? argb.slice(2) : argb}`;
}

/** One block of rows of an area, written with one assignment each for formulas and number formats. */
interface Write {
  readonly sheet: string;
  readonly area: Area;
}

/** The work of one round trip. */
interface Batch {
  readonly writes: Write[];
  /** Sheets whose last write is in this batch: their tables, looks and the rest follow it. */
  readonly finishes: SheetPlan[];
  bytes: number;
}

/** Roughly the bytes a cell adds to a request: its text (or a number) as JSON, with quotes and a comma. */
function cellBytes(v: string | number | boolean | null): number {
  return (typeof v === "string" ? v.length : v === null ? 4 : 8) + 3;
}

/** Roughly the bytes each row of an area adds to a request: its formulas and its number formats. */
function rowBytes(area: Area): number[] {
  return area.formulas.map((row, r) => {
    let bytes = 0;
    for (const v of row) bytes += cellBytes(v);
    for (const f of area.numberFormats[r]) bytes += cellBytes(f);
    return bytes;
  });
}

/**
 * An area as blocks of whole rows, each at most `maxBytes` (a row larger than that alone) and `maxCells`,
 * with the bytes of each block.
 */
function splitArea(area: Area, maxBytes: number, maxCells: number): { area: Area; bytes: number }[] {
  const width = area.formulas[0]?.length ?? 0;
  const maxRows = Math.max(1, Math.floor(maxCells / Math.max(width, 1)));
  const sizes = rowBytes(area);
  const { column, row } = area.at;
  const blocks: { area: Area; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  const close = (end: number) => {
    blocks.push({
      area: {
        at: { column, row: row + start },
        address: rangeAddress(column, row + start, width, end - start),
        formulas: area.formulas.slice(start, end),
        numberFormats: area.numberFormats.slice(start, end),
      },
      bytes,
    });
    start = end;
    bytes = 0;
  };
  sizes.forEach((size, r) => {
    if (r > start && (bytes + size > maxBytes || r - start >= maxRows)) close(r);
    bytes += size;
  });
  if (sizes.length > start) close(sizes.length);
  return blocks;
}

/**
 * Splits the writes into round trips of at most `bytesPerSync` each, keeping each sheet's writes in order. A
 * sheet is finished (tables, looks, validation…) in the batch of its last write.
 */
function planBatches(
  sheets: readonly SheetPlan[],
  layouts: ReadonlyMap<string, SheetLayout>,
  extra: ReadonlyMap<string, Area[]>,
  bytesPerSync: number
): Batch[] {
  const items: { write: Write; bytes: number; finishes?: SheetPlan }[] = [];
  for (const sheet of sheets) {
    const blocks = [...layouts.get(sheet.name)!.areas, ...(extra.get(sheet.name) ?? [])].flatMap((a) =>
      splitArea(a, bytesPerSync, MAX_CELLS_PER_WRITE)
    );
    blocks.forEach(({ area, bytes }, i) =>
      items.push({
        write: { sheet: sheet.name, area },
        bytes,
        finishes: i === blocks.length - 1 ? sheet : undefined,
      })
    );
  }
  const batches: Batch[] = [];
  let current: Batch = { writes: [], finishes: [], bytes: 0 };
  for (const item of items) {
    if (current.writes.length > 0 && current.bytes + item.bytes > bytesPerSync) {
      batches.push(current);
      current = { writes: [], finishes: [], bytes: 0 };
    }
    current.writes.push(item.write);
    current.bytes += item.bytes;
    if (item.finishes) current.finishes.push(item.finishes);
  }
  batches.push(current);
  return batches;
}

function applyLook(format: Excel.RangeFormat, look: Look): void {
  if (look.font) {
    if (look.font.bold !== undefined) format.font.bold = look.font.bold;
    if (look.font.italic !== undefined) format.font.italic = look.font.italic;
    if (look.font.size !== undefined) format.font.size = look.font.size;
    if (look.font.color !== undefined) format.font.color = `#${look.font.color}`;
  }
  if (look.fill) format.fill.color = `#${look.fill}`;
  if (look.wrapText) format.wrapText = true;
  if (look.verticalCenter) format.verticalAlignment = "Center";
  if (look.verticalTop) format.verticalAlignment = "Top";
  if (look.topBorder) format.borders.getItem("EdgeTop").style = "Continuous";
}

/** Excel's data-validation rule for a plan's validation. */
export function validationRule(v: ValidationPlan, here: string): Excel.DataValidationRule {
  if (v.kind === "list")
    return {
      list: { inCellDropDown: true, source: v.source ? `=${refText(v.source, here)}` : (v.list ?? []).join(",") },
    };
  const basic: Excel.BasicDataValidation =
    v.max !== undefined
      ? { formula1: v.min ?? 0, formula2: v.max, operator: "Between" }
      : { formula1: v.min ?? 0, operator: "GreaterThanOrEqualTo" };
  return v.kind === "wholeNumber" ? { wholeNumber: basic } : { decimal: basic };
}

/** The first row of an area: "AA16:AB306" → "AA16:AB16". */
function firstRow(area: Area): string {
  return rangeAddress(area.at.column, area.at.row, area.formulas[0]?.length ?? 1, 1);
}

/** Queues the finishing touches of one sheet: tables, looks, widths, panes, validation, formats, charts. */
function finishSheet(
  worksheet: Excel.Worksheet,
  sheet: SheetPlan,
  layout: SheetLayout,
  charts: readonly ChartSpec[]
): void {
  for (const table of layout.tables) {
    if (!table.asTable) continue;
    const added = worksheet.tables.add(table.address, true);
    added.name = table.name;
    added.style = "TableStyleLight1";
    added.showBandedRows = false;
  }
  for (const { style, addresses } of layout.styles) {
    const look = LOOK[style];
    if (Object.keys(look).length === 0) continue;
    // Several areas per call, in groups that keep the address string short.
    for (let i = 0; i < addresses.length; i += AREAS_PER_CALL) {
      applyLook(worksheet.getRanges(addresses.slice(i, i + AREAS_PER_CALL).join(", ")).format, look);
    }
  }
  for (const row of layout.headerRows) worksheet.getRange(`${row}:${row}`).format.rowHeight = HEADER_ROW_HEIGHT;
  for (const [row, height] of sheet.rowHeights) worksheet.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const m of sheet.merges) {
    worksheet.getRange(address({ ...m.range, absolute: false })).merge(false);
    const row = m.range.from.row;
    worksheet.getRange(`${row}:${row}`).format.rowHeight = m.rowHeight;
  }
  for (const [letter, points] of Object.entries(layout.widths)) {
    worksheet.getRange(`${letter}:${letter}`).format.columnWidth = points;
  }
  if (layout.freeze?.kind === "rows") worksheet.freezePanes.freezeRows(layout.freeze.count);
  else if (layout.freeze?.kind === "columns") worksheet.freezePanes.freezeColumns(layout.freeze.count);
  else if (layout.freeze?.kind === "at") worksheet.freezePanes.freezeAt(layout.freeze.address);
  for (const v of sheet.validations) {
    const validation = worksheet.getRange(address({ ...v.range, absolute: false })).dataValidation;
    validation.rule = validationRule(v, sheet.name);
    validation.prompt = { showPrompt: true, title: "Indata", message: v.prompt };
    validation.errorAlert = {
      showAlert: true,
      style: v.errorStyle === "warning" ? "Warning" : "Stop",
      title: "Ogiltigt värde",
      message: v.error,
    };
  }
  for (const c of sheet.conditionalFormats) {
    const format = worksheet.getRange(address({ ...c.range, absolute: false })).conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${formulaText(c.formula, sheet.name)}`;
    format.custom.format.fill.color = `#${CONDITIONAL_LOOK[c.look].fill}`;
    format.custom.format.font.color = `#${CONDITIONAL_LOOK[c.look].font}`;
  }
  for (const spec of charts) {
    if (spec.helper) {
      const { at, formulas } = spec.helper;
      for (let c = at.column; c < at.column + (formulas[0]?.length ?? 1); c++) {
        const letter = columnLetter(c);
        worksheet.getRange(`${letter}:${letter}`).format.columnWidth = 60;
      }
      applyLook(worksheet.getRange(firstRow(spec.helper)).format, LOOK.header);
    }
    const chart = worksheet.charts.add("ColumnClustered", worksheet.getRange(spec.series[0].values), "Columns");
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.legend.position = "Bottom";
    chart.axes.valueAxis.numberFormat = spec.valueFormat;
    const first = chart.series.getItemAt(0);
    first.name = spec.series[0].name;
    first.setXAxisValues(worksheet.getRange(spec.categories));
    for (const s of spec.series.slice(1)) {
      const series = chart.series.add(s.name);
      series.setValues(worksheet.getRange(s.values));
      series.setXAxisValues(worksheet.getRange(spec.categories));
      if (s.line) series.chartType = "Line";
    }
    chart.setPosition(spec.from, spec.to);
  }
}

/** The planned sheets, tables and names that exist in the workbook (compared as Excel does, ignoring case). */
function collisions(
  names: PlanNames,
  existingSheets: readonly string[],
  existingNames: readonly string[]
): { sheets: string[]; tables: string[]; names: string[] } {
  const sheetSet = new Set(existingSheets.map((s) => s.toLowerCase()));
  const nameSet = new Set(existingNames.map((s) => s.toLowerCase()));
  return {
    sheets: [...names.sheets.values()].filter((s) => sheetSet.has(s.toLowerCase())),
    tables: [...names.tables.values()].filter((n) => nameSet.has(n.toLowerCase())),
    names: [...names.names.values()].filter((n) => nameSet.has(n.toLowerCase())),
  };
}

/** The smallest suffix from 2 under which no sheet, table or name of the plan exists. */
function freeSuffix(plan: WorkbookPlan, sheets: readonly string[], names: readonly string[]): number {
  for (let suffix = 2; ; suffix++) {
    const found = collisions(suffixedNames(plan, suffix), sheets, names);
    if (found.sheets.length + found.tables.length + found.names.length === 0) return suffix;
  }
}

/**
 * Writes the plan into the open workbook. First it reads which sheets, tables and names exist; when any
 * of the plan's exists it writes nothing and returns a conflict (or, with `onConflict: "suffix"`, builds
 * under suffixed names: "Palliativ (2)", with every formula and name pointing at the new sheets). Then it
 * adds the sheets and names, writes the areas in a few round trips, and finishes each sheet with its
 * tables, looks, widths, panes, validation, conditional formats and charts.
 */
export async function buildWorkbook(planned: WorkbookPlan, options: BuildOptions = {}): Promise<BuildResult> {
  /** Set once the build starts adding: what it adds, and the setting as it was, to undo a failed build. */
  let started: BuildStart | undefined;
  try {
    return await writeBuild(planned, options, (s) => (started = s));
  } catch (error) {
    if (!started) throw error;
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.\s*$/, "");
    let left: string[];
    try {
      left = await removeBuild(started);
    } catch (cleanup) {
      left = [...started.sheets, ...started.names];
      throw new BuildFailedError(reason, left, cleanup instanceof Error ? cleanup.message : String(cleanup));
    }
    throw new BuildFailedError(reason, left);
  }
}

/** What a build adds to the workbook, and what the workbook's build setting held before it. */
interface BuildStart {
  readonly sheets: readonly string[];
  readonly names: readonly string[];
  readonly setting: { readonly value: unknown } | undefined;
}

/**
 * A build that failed partway (a round trip to Excel failed). The sheets and names it had added are
 * removed again, so that the workbook is as it was; `left` names what could not be removed.
 */
export class BuildFailedError extends Error {
  constructor(
    readonly reason: string,
    readonly left: readonly string[],
    readonly cleanupError?: string
  ) {
    super(
      left.length === 0
        ? `Bygget avbröts (${reason}). Bladen och namnen som bygget hade lagt till är borttagna igen: arbetsboken är som före bygget. Försök igen.`
        : `Bygget avbröts (${reason}), och det gick inte att ta bort allt som bygget hade lagt till` +
            `${cleanupError ? ` (${cleanupError})` : ""}. Ta bort ${left.length === 1 ? "det" : "dessa"} för hand: ${left.join(", ")}.`
    );
    this.name = "BuildFailedError";
  }
}

/**
 * Removes what a failed build added: its sheets (with their tables and charts) and its workbook names,
 * never anything that was there before it, and puts the build setting back. Returns what is still there.
 */
async function removeBuild(start: BuildStart): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name");
    const setting = context.workbook.settings.getItemOrNullObject(BUILD_SETTING);
    setting.load("value");
    await context.sync();
    const present = (list: { name: string }[]) => new Set(list.map((x) => x.name.toLowerCase()));
    const sheetsNow = present(sheets.items);
    const namesNow = present(names.items);
    const addedNames = start.names.filter((n) => namesNow.has(n.toLowerCase()));
    const addedSheets = start.sheets.filter((s) => sheetsNow.has(s.toLowerCase()));
    for (const name of addedNames) context.workbook.names.getItem(name).delete();
    for (const sheet of addedSheets) context.workbook.worksheets.getItem(sheet).delete();
    if (start.setting) context.workbook.settings.add(BUILD_SETTING, start.setting.value);
    else if (!setting.isNullObject) setting.delete();
    await context.sync();
    const after = context.workbook.worksheets.load("items/name");
    const namesAfter = context.workbook.names.load("items/name");
    await context.sync();
    const sheetsLeft = present(after.items);
    const namesLeft = present(namesAfter.items);
    return [
      ...start.sheets.filter((s) => sheetsLeft.has(s.toLowerCase())),
      ...start.names.filter((n) => namesLeft.has(n.toLowerCase())),
    ];
  });
}

/** What the workbook holds before a build: its sheets, tables and names, and the build setting. */
interface Existing {
  readonly sheets: readonly string[];
  readonly names: readonly string[];
  readonly setting: { readonly value: unknown } | undefined;
}

async function readExisting(context: Excel.RequestContext): Promise<Existing> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const namedItems = context.workbook.names.load("items/name");
  const setting = context.workbook.settings.getItemOrNullObject(BUILD_SETTING);
  setting.load("value");
  await context.sync();
  return {
    sheets: worksheets.items.map((w) => w.name),
    names: [...tables.items.map((t) => t.name), ...namedItems.items.map((n) => n.name)],
    setting: setting.isNullObject ? undefined : { value: setting.value },
  };
}

/** The plan under the names it gets in this workbook, or the conflict when it may not be renamed. */
function placePlan(
  planned: WorkbookPlan,
  existing: Existing,
  options: BuildOptions
): Conflict | { plan: WorkbookPlan; names: PlanNames; suffix?: number } {
  const names = plannedNames(planned);
  const found = collisions(names, existing.sheets, existing.names);
  if (found.sheets.length + found.tables.length + found.names.length === 0) return { plan: planned, names };
  const suffix = freeSuffix(planned, existing.sheets, existing.names);
  if (options.onConflict !== "suffix") return { status: "conflict", ...found, suffix };
  const renamed = suffixedNames(planned, suffix);
  return { plan: renamePlan(planned, renamed), names: renamed, suffix };
}

/** Adds the plan's sheets (tab colour, page layout) and its workbook names, before anything is written. */
function addSheets(context: Excel.RequestContext, plan: WorkbookPlan): Map<string, Excel.Worksheet> {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const sheet of plan.sheets) {
    const worksheet = context.workbook.worksheets.add(sheet.name);
    if (sheet.tabColor) worksheet.tabColor = officeColor(sheet.tabColor);
    if (sheet.print) {
      worksheet.pageLayout.orientation = "Portrait";
      worksheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      worksheet.pageLayout.setPrintArea(address({ ...sheet.print.onePagePortrait, absolute: false }));
    } else {
      worksheet.pageLayout.orientation = "Landscape";
      worksheet.pageLayout.zoom = { horizontalFitToPages: sheet.pages.wide, verticalFitToPages: 0 };
      const { titleColumns, titleRow } = sheet.pages;
      if (titleColumns)
        worksheet.pageLayout.setPrintTitleColumns(
          `$${columnLetter(titleColumns[0])}:$${columnLetter(titleColumns[1])}`
        );
      if (titleRow) worksheet.pageLayout.setPrintTitleRows(`$${titleRow}:$${titleRow}`);
    }
    sheets.set(sheet.name, worksheet);
  }
  // Names before formulas: a formula written before its name exists would first show #NAME?.
  for (const name of plan.names) context.workbook.names.add(name.name, `=${refText(name.ref)}`);
  return sheets;
}

/** Queues one round trip's writes and the sheets it finishes. */
function queueBatch(
  batch: Batch,
  sheets: ReadonlyMap<string, Excel.Worksheet>,
  layouts: ReadonlyMap<string, SheetLayout>,
  charts: readonly ChartSpec[]
): void {
  for (const { sheet, area } of batch.writes) {
    const range = sheets.get(sheet)!.getRange(area.address);
    range.formulas = area.formulas;
    // After the formulas: a text format ("@") set first would turn a formula written into it into text.
    range.numberFormat = area.numberFormats;
  }
  for (const sheet of batch.finishes) {
    const own = charts.filter((c) => c.sheet === sheet.name);
    finishSheet(sheets.get(sheet.name)!, sheet, layouts.get(sheet.name)!, own);
  }
}

async function writeBuild(
  planned: WorkbookPlan,
  options: BuildOptions,
  onStart: (start: BuildStart) => void
): Promise<BuildResult> {
  return Excel.run(async (context) => {
    const progress = (fraction: number) => options.onProgress?.(Math.min(1, Math.max(0, fraction)));
    progress(0);
    const existing = await readExisting(context);
    let syncs = 1;
    const placed = placePlan(planned, existing, options);
    if ("status" in placed) return placed;
    const { plan, names, suffix } = placed;

    const layouts = new Map(plan.sheets.map((s) => [s.name, layoutSheet(s)]));
    const charts = chartSpecs(plan, names);
    const helpers = new Map<string, Area[]>();
    for (const c of charts) if (c.helper) helpers.set(c.sheet, [...(helpers.get(c.sheet) ?? []), c.helper]);
    const bytes = options.bytesPerSync ?? DEFAULT_BYTES_PER_SYNC;
    const batches = planBatches(plan.sheets, layouts, helpers, bytes);
    const rounds = batches.length + 1;
    progress(1 / rounds);

    onStart({
      sheets: plan.sheets.map((s) => s.name),
      names: plan.names.map((n) => n.name),
      setting: existing.setting,
    });
    const sheets = addSheets(context, plan);
    for (const [i, batch] of batches.entries()) {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      queueBatch(batch, sheets, layouts, charts);
      if (i === batches.length - 1) {
        const record = { title: plan.title, year: options.year ?? null, suffix: suffix ?? null };
        context.workbook.settings.add(BUILD_SETTING, recordBuild(existing.setting?.value ?? null, record));
        const first = sheets.get(plan.sheets[0].name)!;
        first.activate();
        first.getRange("A1").select();
      }
      syncs++;
      // One round trip per batch, on purpose: each under Excel on the web's request limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      progress((i + 2) / rounds);
    }
    return { status: "built", plan, names, suffix, syncs };
  });
}
