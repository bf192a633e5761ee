/*
 * Where the plan puts things, for tests that look at cells: a table column's cells by header, and a named cell.
 * Tests ask the plan instead of writing "N17", so they follow the layout when it changes.
 */
import { a1 } from "../../src/workbook/refs";
import { TablePlan, WorkbookPlan } from "../../src/workbook/plan";

function findTable(plan: WorkbookPlan, table: string): { sheet: string; table: TablePlan } {
  for (const s of plan.sheets) {
    const t = s.tables.find((x) => x.name === table);
    if (t) return { sheet: s.name, table: t };
  }
  throw new Error(`Planen har ingen tabell ${table}`);
}

/** A table column's sheet column by header, or a column spilled beside the table's. */
function columnNumber(t: TablePlan, header: string): number {
  const i = t.columns.findIndex((c) => c.header === header);
  const spill = t.spills.find((s) => s.header === header);
  if (i < 0 && !spill) throw new Error(`${t.name} har ingen kolumn ${header}`);
  return i >= 0 ? t.topLeft.column + i : spill!.column;
}

/**
 * The cell of a table column (or of a column spilled beside the table) in data row `row` (0-based):
 * { sheet: "Palliativ", a1: "N17" }.
 */
export function dataCell(plan: WorkbookPlan, table: string, header: string, row = 0): { sheet: string; a1: string } {
  const { sheet, table: t } = findTable(plan, table);
  return { sheet, a1: a1({ column: columnNumber(t, header), row: t.topLeft.row + 1 + row }) };
}

/** A table column's data rows: { sheet: "Palliativ", address: "P17:P306" }. */
export function dataRange(plan: WorkbookPlan, table: string, header: string): { sheet: string; address: string } {
  const { sheet, table: t } = findTable(plan, table);
  const c = columnNumber(t, header);
  const first = t.topLeft.row + 1;
  return { sheet, address: `${a1({ column: c, row: first })}:${a1({ column: c, row: first + t.rows - 1 })}` };
}

/** The cell a workbook name points at: { sheet: "Avstämning", a1: "B4" }. */
export function namedCell(plan: WorkbookPlan, name: string): { sheet: string; a1: string } {
  const ref = plan.names.find((n) => n.name === name)?.ref;
  if (!ref) throw new Error(`Planen har inget namn ${name}`);
  return { sheet: ref.sheet, a1: a1(ref) };
}
