/**
 * The built workbook's tables as the pane reads and writes them through Office.js: where each table is
 * (from the plan it was built from), its values, the named parameters, an import's writes, the selected
 * cell's explanation, and which plan the open workbook was built from (remembered in its settings).
 */
import { cell, parseCell } from "../workbook/a1";
import { CellValue, TablePlan, WorkbookPlan } from "../workbook/plan";
import { splitReference } from "./checks";
import { explainCell, explainNeeds, Explanation } from "./explain";
import { TableValues, TableWrite } from "./import";
import { plannedNames, renamePlan, suffixedNames } from "./renamePlan";
import { BUILD_SETTING, BuiltWorkbook } from "./writePlan";

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
  readonly rows: number;
}

/** Header row and data rows: "A16:Y306". */
export function tableAddress(t: PlacedTable): string {
  return `${cell(t.firstColumn, t.headerRow)}:${cell(t.firstColumn + t.headers.length - 1, t.headerRow + t.rows)}`;
}

/** Every table of the built workbook, by planned name. */
export function placedTables(built: BuiltWorkbook): Map<string, PlacedTable> {
  const plannedOf = new Map([...built.names.tables].map(([planned, actual]) => [actual, planned]));
  const out = new Map<string, PlacedTable>();
  for (const sheet of built.plan.sheets) {
    for (const table of sheet.tables as readonly TablePlan[]) {
      const { column, row } = parseCell(table.topLeft);
      const planned = plannedOf.get(table.name) ?? table.name;
      out.set(planned, {
        planned,
        name: table.name,
        sheet: sheet.name,
        headerRow: row,
        firstColumn: column,
        headers: table.columns.map((c) => c.header),
        rows: table.rows,
      });
    }
  }
  return out;
}

/** The table, data row (0-based; -1 for the header) and column header of a cell, if it is in a table. */
export function tableAt(
  built: BuiltWorkbook,
  sheet: string,
  a1: string
): { table: PlacedTable; row: number; column: string } | undefined {
  const { column, row } = parseCell(a1.replace(/\$/g, ""));
  for (const t of placedTables(built).values()) {
    if (t.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    const c = column - t.firstColumn;
    const r = row - t.headerRow - 1;
    if (c >= 0 && c < t.headers.length && r >= -1 && r < t.rows) return { table: t, row: r, column: t.headers[c] };
  }
  return undefined;
}

/** Queues loads of tables' values (header + rows) and named cells; read them after one sync. */
function queueReads(
  context: Excel.RequestContext,
  built: BuiltWorkbook,
  tables: readonly string[],
  names: readonly string[]
): () => { tables: Record<string, TableValues | undefined>; names: Record<string, CellValue | undefined> } {
  const placed = placedTables(built);
  const tableRanges = tables.map((planned) => {
    const t = placed.get(planned);
    const range = t ? context.workbook.worksheets.getItem(t.sheet).getRange(tableAddress(t)).load("values") : undefined;
    return { planned, range };
  });
  const refs = new Map(built.plan.names.map((n) => [n.name, n.ref]));
  const nameRanges = names.map((planned) => {
    const ref = refs.get(built.names.names.get(planned) ?? planned);
    if (!ref) return { planned, range: undefined };
    const { sheet, address } = splitReference(ref);
    return { planned, range: context.workbook.worksheets.getItem(sheet).getRange(address).load("values") };
  });
  return () => ({
    tables: Object.fromEntries(tableRanges.map(({ planned, range }) => [planned, range?.values as TableValues])),
    names: Object.fromEntries(nameRanges.map(({ planned, range }) => [planned, range?.values[0]?.[0] as CellValue])),
  });
}

/** The values of tables (by planned name) in one round trip; a table the plan lacks is undefined. */
export async function readTables(
  built: BuiltWorkbook,
  tables: readonly string[]
): Promise<Record<string, TableValues | undefined>> {
  return Excel.run(async (context) => {
    const read = queueReads(context, built, tables, []);
    await context.sync();
    return read().tables;
  });
}

/**
 * Writes an import (from `previewImport`) into the built workbook's tables in one round trip: per column,
 * its number format first (text stays text), then its values.
 */
export async function writeImport(built: BuiltWorkbook, writes: readonly TableWrite[]): Promise<number> {
  const placed = placedTables(built);
  return Excel.run(async (context) => {
    let cells = 0;
    for (const write of writes) {
      const t = placed.get(write.table);
      if (!t) throw new Error(`Tabellen ${write.table} finns inte i arbetsboken. Bygg arbetsboken först.`);
      const sheet = context.workbook.worksheets.getItem(t.sheet);
      for (const column of write.columns) {
        const c = t.headers.indexOf(column.column);
        if (c < 0) throw new Error(`Tabellen ${t.name} saknar kolumnen ${column.column}.`);
        const first = t.headerRow + 1 + column.firstRow;
        const address = `${cell(t.firstColumn + c, first)}:${cell(t.firstColumn + c, first + column.values.length - 1)}`;
        const range = sheet.getRange(address);
        if (column.numberFormat) range.numberFormat = column.values.map(() => [column.numberFormat!]);
        range.values = column.values as (string | number | boolean)[][];
        cells += column.values.length;
      }
    }
    await context.sync();
    return cells;
  });
}

/** The selected cell and its explanation. */
export interface SelectionExplanation {
  /** The selection's address, sheet-qualified, as Excel gives it. */
  readonly address: string;
  readonly explanation: Explanation;
}

/**
 * Explains the selected cell: finds its table and column from the plan, reads the table, the named
 * parameters and the other tables the explanation needs, and lets the explain module run the rule.
 * Two round trips: the selection, then what it needs.
 */
export async function explainSelection(built: BuiltWorkbook): Promise<SelectionExplanation> {
  return Excel.run(async (context) => {
    const selected = context.workbook.getSelectedRange().load("address");
    await context.sync();
    const { sheet, address } = splitReference(selected.address);
    const at = tableAt(built, sheet, address.split(":")[0]);
    if (!at) return { address: selected.address, explanation: explainCell({ parameters: {} }) };
    const needs = explainNeeds(at.table.planned);
    const read = queueReads(context, built, [at.table.planned, ...needs.tables], needs.parameters);
    await context.sync();
    const { tables, names } = read();
    const explanation = explainCell({
      table: at.table.planned,
      column: at.column,
      row: at.row,
      values: tables[at.table.planned],
      parameters: names,
      tables,
      firstRow: at.table.headerRow + 1,
    });
    return { address: selected.address, explanation };
  });
}

/** What the workbook's settings remember of the last build. */
interface BuildRecord {
  readonly year?: number;
  readonly suffix?: number | null;
}

/**
 * The plan the open workbook was built from, as far as its settings remember it (year and suffix), so
 * that Kontrollera, Importera and Förklara work after the pane is reopened. Undefined when the workbook
 * was not built by the pane.
 */
export async function restoreBuilt(planFor: (year: number) => WorkbookPlan): Promise<BuiltWorkbook | undefined> {
  return Excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(BUILD_SETTING);
    setting.load("value");
    await context.sync();
    if (setting.isNullObject) return undefined;
    let record: BuildRecord;
    try {
      record = JSON.parse(String(setting.value)) as BuildRecord;
    } catch {
      return undefined;
    }
    if (typeof record.year !== "number") return undefined;
    const plan = planFor(record.year);
    if (typeof record.suffix === "number") {
      const names = suffixedNames(plan, record.suffix);
      return { plan: renamePlan(plan, names), names, suffix: record.suffix };
    }
    return { plan, names: plannedNames(plan) };
  });
}
