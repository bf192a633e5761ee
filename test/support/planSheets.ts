/**
 * Loads a workbook plan into HyperFormula (with the SKL functions registered) so that tests can
 * recompute every formula of the plan and compare with the value the engine cached for it.
 */
import { HyperFormula } from "hyperformula";
import { a1, formulaText, refText } from "../../src/workbook/refs";
import { CellContent, CellValue, isFormula, WorkbookPlan } from "../../src/workbook/plan";
import { registerSpillReferences, withAnchorArrays } from "./excelDouble";
import { LICENSE_KEY, registerSklFunctions, SheetCell, SheetRows } from "./hyperformulaSkl";

/**
 * Every formula cell of a plan: sheet, address, formula and the engine's cached value. A column spilled
 * beside a table counts a cell per row: its formula in the first, and each row's value as the engine has it
 * (`spilled` for the rows below, which hold the first row's spill).
 */
export interface PlannedFormula {
  readonly sheet: string;
  readonly ref: string;
  readonly row: number;
  readonly column: number;
  readonly formula: string;
  readonly result: CellValue;
  /** The table column header, when the cell is in a table (or spilled beside one). */
  readonly header?: string;
  /** True for a cell a spill fills (its formula is the one in the spill's first row). */
  readonly spilled?: boolean;
}

function toSheetCell(content: CellContent, here: string): SheetCell {
  // A spill reference ("Z10#") as HyperFormula reads it (ANCHORARRAY, see excelDouble.ts).
  if (isFormula(content)) return withAnchorArrays(`=${formulaText(content.formula, here)}`);
  // An apostrophe keeps text as text ("0114" stays a code, not the number 114).
  if (typeof content === "string") return `'${content}`;
  return content;
}

/** Every cell of each sheet of the plan, as rows for HyperFormula. */
export function planRows(plan: WorkbookPlan): Record<string, SheetRows> {
  const sheets: Record<string, SheetRows> = {};
  for (const sheet of plan.sheets) {
    const rows: SheetRows = [];
    const set = (column: number, row: number, value: SheetCell) => {
      while (rows.length < row) rows.push([]);
      const line = rows[row - 1];
      while (line.length < column) line.push(null);
      line[column - 1] = value;
    };
    for (const table of sheet.tables) {
      const { column, row } = table.topLeft;
      table.columns.forEach((col, c) => {
        set(column + c, row, `'${col.header}`);
        col.cells.forEach((content, r) => set(column + c, row + 1 + r, toSheetCell(content, sheet.name)));
      });
      for (const spill of table.spills) {
        set(spill.column, row, `'${spill.header}`);
        set(spill.column, row + 1, toSheetCell({ formula: spill.formula, result: null }, sheet.name));
      }
    }
    for (const cell of sheet.cells) {
      const { column, row } = cell.at;
      set(column, row, toSheetCell(cell.content, sheet.name));
    }
    sheets[sheet.name] = rows;
  }
  return sheets;
}

export function plannedFormulas(plan: WorkbookPlan): PlannedFormula[] {
  const out: PlannedFormula[] = [];
  for (const sheet of plan.sheets) {
    for (const table of sheet.tables) {
      const { column, row } = table.topLeft;
      table.columns.forEach((col, c) =>
        col.cells.forEach((content, r) => {
          if (isFormula(content)) {
            out.push({
              sheet: sheet.name,
              ref: a1({ column: column + c, row: row + 1 + r }),
              row: row + 1 + r,
              column: column + c,
              formula: formulaText(content.formula, sheet.name),
              result: content.result,
              header: col.header,
            });
          }
        })
      );
      for (const spill of table.spills) {
        spill.results.forEach((result, r) =>
          out.push({
            sheet: sheet.name,
            ref: a1({ column: spill.column, row: row + 1 + r }),
            row: row + 1 + r,
            column: spill.column,
            formula: formulaText(spill.formula, sheet.name),
            result,
            header: spill.header,
            spilled: r > 0,
          })
        );
      }
    }
    for (const cell of sheet.cells) {
      if (isFormula(cell.content)) {
        const { column, row } = cell.at;
        out.push({
          sheet: sheet.name,
          ref: a1(cell.at),
          row,
          column,
          formula: formulaText(cell.content.formula, sheet.name),
          result: cell.content.result,
        });
      }
    }
  }
  return out;
}

/** The plan as a HyperFormula workbook, with the plan's names and the add-in's functions. */
export async function planInHyperFormula(plan: WorkbookPlan): Promise<HyperFormula> {
  await registerSklFunctions();
  registerSpillReferences();
  return HyperFormula.buildFromSheets(
    planRows(plan),
    // Dynamic arrays, as in Excel for Microsoft 365 (the pane's spilled columns).
    { licenseKey: LICENSE_KEY, useArrayArithmetic: true },
    plan.names.map((n) => ({ name: n.name, expression: `=${refText(n.ref)}` }))
  );
}

/** The value HyperFormula computed for a planned formula cell. */
export function computedValue(hf: HyperFormula, f: PlannedFormula): unknown {
  const sheet = hf.getSheetId(f.sheet);
  if (sheet === undefined) throw new Error(`Bladet ${f.sheet} saknas`);
  return hf.getCellValue({ sheet, row: f.row - 1, col: f.column - 1 });
}
