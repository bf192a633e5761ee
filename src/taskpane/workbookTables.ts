/**
 * The built workbook's tables as the pane reads and writes them through Office.js: where each table is now
 * (read from Excel by its name, since an import may have added rows), its values, the named parameters, an
 * import's edits, the selected cell's explanation, and which builds the open workbook holds (remembered in
 * its settings, one record per build).
 */
import { CellValue, TablePlan, WorkbookPlan } from "../workbook/plan";
import { a1 as cellAddress, address, parseAddress } from "../workbook/refs";
import { BUILD_SETTING, BuildRecord, readBuildRecords } from "./buildRecords";
import { splitReference } from "./checks";
import { explainCell, explainNeeds, Explanation } from "./explain";
import { CellRun, TableEdit, TableValues } from "./import";
import { sameCell } from "./import/cells";
import { plannedNames, renamePlan, suffixedNames } from "./renamePlan";
import { BuiltWorkbook } from "./writePlan";

/** A column spilled beside a table: its header and how many columns right of the table's first it stands. */
export interface PlacedSpill {
  readonly header: string;
  readonly offset: number;
}

/** A table of the built workbook: its planned name, its name and place in the workbook, its columns. */
export interface PlacedTable {
  /** The name the explain and import modules know it by ("Palliativ_kommun"). */
  readonly planned: string;
  /** Its name in the workbook ("Palliativ_kommun_2" when built with a suffix). */
  readonly name: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly headers: readonly string[];
  /** Data rows. */
  readonly rows: number;
  /** The columns spilled beside it, in its rows (the add-in's amounts and their differences). */
  readonly spills: readonly PlacedSpill[];
}

/** Header row and data rows: "A16:Y306". */
export function tableAddress(t: PlacedTable): string {
  return `${cellAddress({ column: t.firstColumn, row: t.headerRow })}:${cellAddress({ column: t.firstColumn + t.headers.length - 1, row: t.headerRow + t.rows })}`;
}

/** Every table of the built workbook as it was built (from its plan), by planned name. */
export function placedTables(built: BuiltWorkbook): Map<string, PlacedTable> {
  const plannedOf = new Map([...built.names.tables].map(([planned, actual]) => [actual, planned]));
  const out = new Map<string, PlacedTable>();
  for (const sheet of built.plan.sheets) {
    for (const table of sheet.tables as readonly TablePlan[]) {
      const { column, row } = table.topLeft;
      const planned = plannedOf.get(table.name) ?? table.name;
      out.set(planned, {
        planned,
        name: table.name,
        sheet: sheet.name,
        headerRow: row,
        firstColumn: column,
        headers: table.columns.map((c) => c.header),
        rows: table.rows,
        spills: table.spills.map((spill) => ({ header: spill.header, offset: spill.column - column })),
      });
    }
  }
  return out;
}

/**
 * The table, data row (0-based; -1 for the header) and column header of a cell, in the tables given; a cell
 * of a column spilled beside a table is that table's, in the row beside it (`spilled`).
 */
export function tableAt(
  tables: Iterable<PlacedTable> | BuiltWorkbook,
  sheet: string,
  a1: string
): { table: PlacedTable; row: number; column: string; spilled: boolean } | undefined {
  const list = "plan" in tables ? placedTables(tables).values() : tables;
  const { column, row } = parseAddress(a1.split(":")[0]);
  for (const t of list) {
    if (t.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    const c = column - t.firstColumn;
    const r = row - t.headerRow - 1;
    if (r < -1 || r >= t.rows) continue;
    if (c >= 0 && c < t.headers.length) return { table: t, row: r, column: t.headers[c], spilled: false };
    const spill = t.spills.find((s) => s.offset === c);
    if (spill) return { table: t, row: r, column: spill.header, spilled: true };
  }
  return undefined;
}

/**
 * A table's place from the address Excel gives its range ("'UK individer'!A5:I1423") and its header row, with
 * the columns the plan spills beside it.
 */
function placedAt(
  planned: string,
  name: string,
  address: string,
  header: readonly CellValue[],
  spills: readonly PlacedSpill[]
): PlacedTable {
  const { sheet, address: a1 } = splitReference(address);
  const [first, last] = a1.split(":");
  const start = parseAddress(first);
  const end = parseAddress(last ?? first);
  return {
    planned,
    name,
    sheet,
    headerRow: start.row,
    firstColumn: start.column,
    headers: header.map((h) => String(h ?? "").trim()),
    rows: end.row - start.row,
    spills,
  };
}

/** What was read of one table: where it is now, its values, and (when asked for) its formulas. */
interface TableRead {
  readonly placed: PlacedTable;
  readonly values: TableValues;
  readonly formulas?: readonly (readonly CellValue[])[];
}

/**
 * Queues loads of tables (by planned name, read by their names in the workbook wherever they are now) and
 * of named cells; read them after one sync. A table the plan lacks is left out.
 */
function queueReads(
  context: Excel.RequestContext,
  built: BuiltWorkbook,
  tables: readonly string[],
  names: readonly string[],
  withFormulas = false
): () => { tables: Map<string, TableRead>; names: Record<string, CellValue | undefined> } {
  const tableRanges = tables
    .filter((planned) => built.names.tables.has(planned))
    .map((planned) => {
      const name = built.names.tables.get(planned)!;
      const range = context.workbook.tables
        .getItem(name)
        .getRange()
        .load(withFormulas ? "address, values, formulas" : "address, values");
      return { planned, name, range };
    });
  const placed = placedTables(built);
  const refs = new Map(built.plan.names.map((n) => [n.name, n.ref]));
  const nameRanges = names.map((planned) => {
    const ref = refs.get(built.names.names.get(planned) ?? planned);
    if (!ref) return { planned, range: undefined };
    return { planned, range: context.workbook.worksheets.getItem(ref.sheet).getRange(address(ref)).load("values") };
  });
  return () => ({
    tables: new Map(
      tableRanges.map(({ planned, name, range }) => [
        planned,
        {
          placed: placedAt(planned, name, range.address, range.values[0] ?? [], placed.get(planned)?.spills ?? []),
          values: range.values as TableValues,
          formulas: withFormulas ? (range.formulas as CellValue[][]) : undefined,
        },
      ])
    ),
    names: Object.fromEntries(nameRanges.map(({ planned, range }) => [planned, range?.values[0]?.[0] as CellValue])),
  });
}

/** Runs `context.sync()`, telling a missing table apart from other failures. */
async function syncReads(context: Excel.RequestContext, built: BuiltWorkbook, tables: readonly string[]) {
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: string }).code === "ItemNotFound") {
      const names = tables.map((t) => built.names.tables.get(t) ?? t);
      throw new Error(
        `En av tabellerna ${names.join(", ")} finns inte längre i arbetsboken (borttagen eller omdöpt). ` +
          "Bygg arbetsboken på nytt (fliken Bygg)."
      );
    }
    throw error;
  }
}

/** The values of tables (by planned name) in one round trip, wherever they stand now; a table the plan lacks is undefined. */
export async function readTables(
  built: BuiltWorkbook,
  tables: readonly string[]
): Promise<Record<string, TableValues | undefined>> {
  return Excel.run(async (context) => {
    const read = queueReads(context, built, tables, []);
    await syncReads(context, built, tables);
    const found = read().tables;
    return Object.fromEntries(tables.map((t) => [t, found.get(t)?.values]));
  });
}

/** The workbook changed after the preview: nothing was written, and the user should preview again. */
export class StaleImportError extends Error {}

/** What an import wrote. */
export interface ImportWritten {
  /** Cells written in place. */
  readonly cells: number;
  /** Rows added, by planned table name. */
  readonly added: Readonly<Record<string, number>>;
  /** Rows removed, by planned table name. */
  readonly removed: Readonly<Record<string, number>>;
}

const shown = (v: CellValue) => (v === null || v === "" ? "tom" : String(v));

/** The first cell of `runs` that no longer holds what the preview read, as a sentence; undefined when all do. */
function staleCell(read: TableRead, runs: readonly CellRun[]): string | undefined {
  const header = read.placed.headers;
  for (const run of runs) {
    const c = header.indexOf(run.column);
    if (c < 0) return `tabellen ${read.placed.name} saknar nu kolumnen ${run.column}`;
    for (let k = 0; k < run.values.length; k++) {
      const row = run.firstRow + k;
      const now = (read.values[row + 1]?.[c] ?? null) as CellValue;
      const then = run.values[k][0];
      if (!sameCell(now, then)) {
        const at = cellAddress({ column: read.placed.firstColumn + c, row: read.placed.headerRow + 1 + row });
        return `${read.placed.sheet}!${at} (${run.column}) visar nu ${shown(now)}, förhandsgranskningen läste ${shown(then)}`;
      }
    }
  }
  return undefined;
}

/**
 * The row whose formulas the added rows copy: the nearest row above the place of the new rows (then below)
 * that holds a formula in every column the rows do not get a value for. Undefined when no row has them.
 */
function formulaRow(read: TableRead, inputs: ReadonlySet<string>, at: number): number | undefined {
  const formulas = read.formulas ?? [];
  const columns = read.placed.headers.map((h, c) => (inputs.has(h) ? -1 : c)).filter((c) => c >= 0);
  const ok = (i: number) =>
    columns.every((c) => {
      const f = formulas[i + 1]?.[c];
      return typeof f === "string" && f.startsWith("=");
    });
  for (let i = at - 1; i >= 0; i--) if (ok(i)) return i;
  for (let i = at; i < read.placed.rows; i++) if (ok(i)) return i;
  return undefined;
}

/**
 * Writes an import's edits (from `previewImport`) into the built workbook in two round trips. The first
 * reads the target tables again, where they are now, and checks that every cell the preview read still
 * holds what it read and that each table has as many rows: if anything changed since the preview, nothing
 * is written and a `StaleImportError` says what changed. The second writes, per table: the changed cells in
 * place (one range per run of adjacent changed cells in a column, its number format first so that text stays
 * text); the added rows inside the table, above its last row, so that every formula over the table's columns
 * counts them, each with the formulas of a row of the table (copied, the references to its own row moved)
 * and the imported input cells; then the removed rows, from the bottom up.
 */
/**
 * The tables as they are now, checked against what the preview read (row counts, the cells it expects):
 * a difference is a StaleImportError. Returns, per table that gets rows, the row whose formulas they copy.
 */
function checkUnchanged(found: ReadonlyMap<string, TableRead>, edits: readonly TableEdit[]): Map<string, number> {
  const stale = (text: string) =>
    new StaleImportError(
      `Arbetsboken har ändrats sedan förhandsgranskningen: ${text}. Inget har skrivits; förhandsgranska igen.`
    );
  const sources = new Map<string, number>();
  for (const edit of edits) {
    const t = found.get(edit.table);
    if (!t) throw stale(`tabellen ${edit.table} finns inte i arbetsboken`);
    if (t.placed.rows !== edit.rowCount) {
      throw stale(
        `tabellen ${t.placed.name} har nu ${t.placed.rows} rader, förhandsgranskningen läste ${edit.rowCount}`
      );
    }
    const changed = staleCell(t, edit.expect);
    if (changed) throw stale(changed);
    if (edit.add.length === 0) continue;
    const inputs = new Set(Object.keys(edit.add[0].values));
    const source = formulaRow(t, inputs, edit.rowCount - 1);
    if (source === undefined) {
      throw new StaleImportError(
        `Tabellen ${t.placed.name} har ingen rad med formlerna som nya rader ska få (kolumnerna utom ` +
          `${[...inputs].join(", ")}). Inget har skrivits; bygg arbetsboken på nytt.`
      );
    }
    sources.set(edit.table, source);
  }
  return sources;
}

/**
 * Queues one table's edit: changed cells in place; new rows inside the table, above its last row, with the
 * formulas of the source row copied and the imported values written; removed rows deleted.
 */
function queueEdit(context: Excel.RequestContext, t: PlacedTable, edit: TableEdit, source: number | undefined): number {
  const sheet = context.workbook.worksheets.getItem(t.sheet);
  const firstData = t.headerRow + 1;
  const width = t.headers.length;
  const span = (column: number, row: number, rows: number, columns = 1) =>
    `${cellAddress({ column, row })}:${cellAddress({ column: column + columns - 1, row: row + rows - 1 })}`;
  const writeColumn = (header: string, row: number, values: CellValue[][], numberFormat?: string) => {
    const c = t.headers.indexOf(header);
    if (c < 0) throw new Error(`Tabellen ${t.name} saknar kolumnen ${header}.`);
    const range = sheet.getRange(span(t.firstColumn + c, row, values.length));
    if (numberFormat) range.numberFormat = values.map(() => [numberFormat]);
    range.values = values as (string | number | boolean)[][];
  };
  let cells = 0;
  for (const run of edit.set) {
    writeColumn(run.column, firstData + run.firstRow, run.values, run.numberFormat);
    cells += run.values.length;
  }
  const n = edit.add.length;
  const at = edit.rowCount - 1;
  const moved = (i: number) => (i < at ? i : i + n);
  const table = context.workbook.tables.getItem(t.name);
  if (n > 0) {
    table.rows.add(
      at,
      edit.add.map(() => Array.from({ length: width }, () => ""))
    );
    const pattern = sheet.getRange(span(t.firstColumn, firstData + moved(source!), 1, width));
    for (let k = 0; k < n; k++)
      sheet.getRange(span(t.firstColumn, firstData + at + k, 1, width)).copyFrom(pattern, "Formulas");
    for (const header of Object.keys(edit.add[0].values)) {
      const values = edit.add.map((a) => [a.values[header]]);
      writeColumn(header, firstData + at, values, edit.addNumberFormats[header]);
    }
  }
  for (const i of [...edit.remove].sort((a, b) => b - a)) table.rows.getItemAt(moved(i)).delete();
  return cells;
}

export async function writeImport(built: BuiltWorkbook, edits: readonly TableEdit[]): Promise<ImportWritten> {
  const tables = edits.map((e) => e.table);
  return Excel.run(async (context) => {
    const read = queueReads(
      context,
      built,
      tables,
      [],
      edits.some((e) => e.add.length > 0)
    );
    await syncReads(context, built, tables);
    const found = read().tables;
    const sources = checkUnchanged(found, edits);
    let cells = 0;
    const added: Record<string, number> = {};
    const removed: Record<string, number> = {};
    for (const edit of edits) {
      cells += queueEdit(context, found.get(edit.table)!.placed, edit, sources.get(edit.table));
      if (edit.add.length > 0) added[edit.table] = edit.add.length;
      if (edit.remove.length > 0) removed[edit.table] = edit.remove.length;
    }
    await context.sync();
    return { cells, added, removed };
  });
}

/** The selected cell and its explanation. */
export interface SelectionExplanation {
  /** The selection's address, sheet-qualified, as Excel gives it. */
  readonly address: string;
  readonly explanation: Explanation;
}

/** The build a table of the workbook belongs to, and the table's planned name. */
function tableOfBuilds(
  builds: readonly BuiltWorkbook[],
  name: string
): { built: BuiltWorkbook; planned: string } | undefined {
  for (const built of [...builds].reverse()) {
    for (const [planned, actual] of built.names.tables) {
      if (actual.toLowerCase() === name.toLowerCase()) return { built, planned };
    }
  }
  return undefined;
}

/**
 * The build and planned table whose spilled columns hold a cell outside every table: the tables of the
 * builds on the cell's sheet that have spills are read where they stand now (one round trip).
 */
async function spillOwner(
  context: Excel.RequestContext,
  builds: readonly BuiltWorkbook[],
  selected: string
): Promise<{ built: BuiltWorkbook; planned: string } | undefined> {
  const { sheet, address } = splitReference(selected);
  const candidates = builds.flatMap((built) =>
    [...placedTables(built).values()]
      .filter((t) => t.spills.length > 0 && t.sheet.toLowerCase() === sheet.toLowerCase())
      .map((t) => ({ built, t, range: context.workbook.tables.getItem(t.name).getRange().load("address") }))
  );
  if (candidates.length === 0) return undefined;
  await syncReads(
    context,
    candidates[0].built,
    candidates.map((c) => c.t.planned)
  );
  const found = candidates.find(({ t, range }) =>
    tableAt([placedAt(t.planned, t.name, range.address, t.headers, t.spills)], sheet, address)
  );
  return found && { built: found.built, planned: found.t.planned };
}

/** What Förklara adds for a cell of a spilled column: where its formula is, and that the row is the party's. */
function spillNote(table: PlacedTable, column: string): string {
  const spill = table.spills.find((s) => s.header === column)!;
  const anchor = cellAddress({ column: table.firstColumn + spill.offset, row: table.headerRow + 1 });
  return (
    `${column} står bredvid tabellen ${table.name}: en formel i ${anchor} räknar hela kolumnen på en gång ` +
    "(Excel spiller resultatet nedåt, en rad per part), och cellen här hör till partens rad."
  );
}

/**
 * Explains the selected cell, in any build the pane made: finds the table the cell is in (Excel's own
 * answer, so a table that grew is found too), or whose spilled columns hold it, and the build it belongs
 * to, reads the table where it is now, the named parameters and the other tables the explanation needs, and
 * lets the explain module run the rule. Two round trips: the selection and its table, then what the
 * explanation needs (three for a cell of a spill, whose table is found where it stands now).
 */
export async function explainSelection(builds: readonly BuiltWorkbook[]): Promise<SelectionExplanation> {
  return Excel.run(async (context) => {
    const selected = context.workbook.getSelectedRange().load("address");
    const tables = selected.getTables(false).load("items/name");
    await context.sync();
    const none = { address: selected.address, explanation: explainCell({ parameters: {} }) };
    const owner =
      tables.items.map((t) => tableOfBuilds(builds, t.name)).find((o) => o !== undefined) ??
      (await spillOwner(context, builds, selected.address));
    if (!owner) return none;
    const { built, planned } = owner;
    const needs = explainNeeds(planned);
    const wanted = [planned, ...needs.tables];
    const read = queueReads(context, built, wanted, needs.parameters);
    await syncReads(context, built, wanted);
    const { tables: found, names } = read();
    const table = found.get(planned)!;
    const { sheet, address } = splitReference(selected.address);
    const at = tableAt([table.placed], sheet, address);
    if (!at) return none;
    const explained = explainCell({
      table: planned,
      column: at.column,
      row: at.row,
      values: table.values,
      parameters: names,
      tables: Object.fromEntries([...found].map(([t, r]) => [t, r.values])),
      firstRow: table.placed.headerRow + 1,
    });
    const explanation =
      at.spilled && explained.kind !== "none"
        ? { ...explained, notes: [...explained.notes, spillNote(table.placed, at.column)] }
        : explained;
    return { address: selected.address, explanation };
  });
}

/** The build a record describes: the plan of its year under its suffix's names. */
export function builtFrom(plan: WorkbookPlan, suffix: number | null | undefined): BuiltWorkbook {
  if (typeof suffix === "number") {
    const names = suffixedNames(plan, suffix);
    return { plan: renamePlan(plan, names), names, suffix };
  }
  return { plan, names: plannedNames(plan) };
}

/**
 * Every build the open workbook's settings remember (oldest first) whose sheets are still there, so that
 * Kontrollera, Importera and Förklara work on any of them, also after the pane is reopened. Empty when the
 * workbook was not built by the pane. One round trip.
 */
export async function restoreBuilds(planFor: (year: number) => WorkbookPlan): Promise<BuiltWorkbook[]> {
  return Excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(BUILD_SETTING);
    setting.load("value");
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    if (setting.isNullObject) return [];
    const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    return readBuildRecords(setting.value)
      .filter((r): r is BuildRecord & { year: number } => typeof r.year === "number")
      .map((r) => builtFrom(planFor(r.year), r.suffix))
      .filter((b) => b.plan.sheets.some((s) => present.has(s.name.toLowerCase())));
  });
}

/** The build with a sheet of this name (the latest, if several), or undefined. */
export function buildOfSheet(builds: readonly BuiltWorkbook[], sheet: string): BuiltWorkbook | undefined {
  const lower = sheet.toLowerCase();
  return [...builds].reverse().find((b) => b.plan.sheets.some((s) => s.name.toLowerCase() === lower));
}

/** The name of the active sheet. */
export async function activeSheetName(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
    await context.sync();
    return sheet.name;
  });
}
