import ExcelJS from "exceljs";
import { parseCell } from "../workbook/a1";
import { CONDITIONAL_LOOK, FONT, Look, LOOK } from "../workbook/looks";
import { CellContent, CellStyle, isFormula, SheetPlan, WorkbookPlan } from "../workbook/plan";

type Style = Partial<ExcelJS.Style>;
const argb = (rgb: string) => ({ argb: `FF${rgb}` });

/** The plan's look of a kind of cell as an exceljs style. */
function excelStyle(look: Look): Style {
  return {
    font: {
      name: FONT,
      bold: look.font?.bold,
      italic: look.font?.italic,
      size: look.font?.size,
      color: look.font?.color ? argb(look.font.color) : undefined,
    },
    fill: look.fill ? { type: "pattern", pattern: "solid", fgColor: argb(look.fill) } : undefined,
    alignment:
      look.wrapText || look.verticalCenter
        ? { wrapText: look.wrapText, vertical: look.verticalCenter ? "middle" : undefined }
        : undefined,
    border: look.topBorder ? { top: { style: "thin" } } : undefined,
  };
}

const STYLE = Object.fromEntries(Object.entries(LOOK).map(([style, look]) => [style, excelStyle(look)])) as Record<
  CellStyle,
  Style
>;

/**
 * A formula as the xlsx file must store it. Functions newer than Excel 2007 are stored with Excel's prefix
 * (`FILTER` as `_xlfn._xlws.FILTER`), or Excel shows #NAME? until the cell is entered again. The add-in's
 * JavaScript functions (`SKL.…`) cannot be written dependably at all: Excel saves them under its own prefix
 * (`_xldudf_…`), whose form is not documented, and a formula that did not come from Excel with the add-in
 * loaded is not calculated until re-entered (README, "Files and the add-in's functions"). So a file never
 * carries them: the task pane writes those formulas into the open workbook through Office.js.
 */
export function fileFormula(formula: string): string {
  if (/(^|[^\w.])SKL\./i.test(formula)) {
    throw new Error(`En fil kan inte bära SKL-funktionerna (${formula.slice(0, 40)}…): bygg dem med åtgärdsfönstret.`);
  }
  return formula.replace(/(^|[^\w.])(FILTER|SORT)\(/g, "$1_xlfn._xlws.$2(");
}

function valueOf(content: CellContent): ExcelJS.CellValue {
  if (isFormula(content)) {
    return { formula: fileFormula(content.formula), result: content.result ?? undefined } as ExcelJS.CellFormulaValue;
  }
  return content;
}

function styleCell(cell: ExcelJS.Cell, style: CellStyle | undefined, numFmt: string | undefined): void {
  if (style) Object.assign(cell, { style: { ...STYLE[style], numFmt } });
  else if (numFmt) cell.numFmt = numFmt;
}

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = workbook.addWorksheet(plan.name, {
    properties: plan.tabColor ? { tabColor: { argb: plan.tabColor } } : {},
    // Printed (or turned into PDF) landscape on A4, one page wide, as many pages tall as needed.
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  for (const table of plan.tables) {
    const { column, row } = parseCell(table.topLeft);
    table.columns.forEach((col, c) => {
      const header = ws.getCell(row, column + c);
      header.value = col.header;
      styleCell(header, "header", undefined);
      col.cells.forEach((content, r) => {
        const cell = ws.getCell(row + 1 + r, column + c);
        cell.value = valueOf(content);
        styleCell(cell, col.style, col.numFmt);
      });
    });
    ws.getRow(row).height = 45;
    if (table.rows > 0) {
      ws.addTable({
        name: table.name,
        ref: table.topLeft,
        headerRow: true,
        style: { theme: undefined, showRowStripes: false },
        columns: table.columns.map((col) => ({ name: col.header, filterButton: true })),
        rows: table.columns[0].cells.map((_, r) => table.columns.map((col) => valueOf(col.cells[r]))),
      });
    }
  }
  for (const cellPlan of plan.cells) {
    const cell = ws.getCell(cellPlan.ref);
    cell.value = valueOf(cellPlan.content);
    styleCell(cell, cellPlan.style, cellPlan.numFmt);
  }
  for (const [letter, width] of Object.entries(plan.widths)) ws.getColumn(letter).width = width;
  if (plan.freezeAt) {
    const { column, row } = parseCell(plan.freezeAt);
    ws.views = [{ state: "frozen", xSplit: column - 1, ySplit: row - 1 }];
  }
  for (const v of plan.validations) {
    const base = {
      allowBlank: true,
      showErrorMessage: true,
      showInputMessage: true,
      promptTitle: "Indata",
      prompt: v.prompt,
      errorTitle: "Ogiltigt värde",
      error: v.error,
    };
    const rule: ExcelJS.DataValidation =
      v.kind === "list"
        ? { ...base, type: "list", formulae: [`"${(v.list ?? []).join(",")}"`] }
        : v.max !== undefined
          ? {
              ...base,
              type: v.kind === "wholeNumber" ? "whole" : "decimal",
              operator: "between",
              formulae: [v.min ?? 0, v.max],
            }
          : {
              ...base,
              type: v.kind === "wholeNumber" ? "whole" : "decimal",
              operator: "greaterThanOrEqual",
              formulae: [v.min ?? 0],
            };
    (
      ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(v.range, rule);
  }
  for (const c of plan.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: c.range,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [c.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: argb(CONDITIONAL_LOOK[c.look].fill) },
            font: { color: argb(CONDITIONAL_LOOK[c.look].font) },
          },
        },
      ],
    });
  }
}

/**
 * Writes the plan with exceljs: every formula carries the engine's value as its cached result, so the file
 * shows the right numbers wherever it is opened, and Excel recalculates everything on load.
 */
export async function planToXlsx(plan: WorkbookPlan): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SKL fördelningsarbetsbok";
  workbook.title = plan.title;
  workbook.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of plan.sheets) writeSheet(workbook, sheet);
  for (const name of plan.names) workbook.definedNames.add(name.ref, name.name);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
