/**
 * The tables and named parameters of a workbook plan as the task pane reads them from Excel: each table as
 * header + data rows of values (a formula cell shows the value the engine computed for it), each name's value.
 */
import { CellValue, isFormula, WorkbookPlan } from "../../../src/workbook/plan";

export function planTables(plan: WorkbookPlan): Record<string, CellValue[][]> {
  const tables: Record<string, CellValue[][]> = {};
  for (const sheet of plan.sheets) {
    for (const table of sheet.tables) {
      const rows: CellValue[][] = [table.columns.map((c) => c.header)];
      for (let r = 0; r < table.rows; r++) {
        rows.push(
          table.columns.map((c) => {
            const content = c.cells[r];
            return isFormula(content) ? content.result : content;
          })
        );
      }
      tables[table.name] = rows;
    }
  }
  return tables;
}

export function planParameters(plan: WorkbookPlan): Record<string, CellValue> {
  const values: Record<string, CellValue> = {};
  for (const name of plan.names) {
    const sheet = plan.sheets.find((s) => s.name === name.ref.sheet);
    const cell = sheet?.cells.find((c) => c.at.column === name.ref.column && c.at.row === name.ref.row);
    if (cell) values[name.name] = isFormula(cell.content) ? cell.content.result : cell.content;
  }
  return values;
}
