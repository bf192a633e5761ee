import ExcelJS from "exceljs";
import { CONDITIONAL_LOOK, FONT, Look, LOOK } from "../workbook/looks";
import { CellContent, CellStyle, isFormula, SheetPlan, ValidationPlan, WorkbookPlan } from "../workbook/plan";
import { a1, address, columnLetter, Expr, formulaText, Position, RangeRef, refText } from "../workbook/refs";

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
      look.wrapText || look.verticalCenter || look.verticalTop
        ? { wrapText: look.wrapText, vertical: look.verticalCenter ? "middle" : look.verticalTop ? "top" : undefined }
        : undefined,
    border: look.topBorder ? { top: { style: "thin" } } : undefined,
  };
}

const STYLE = Object.fromEntries(Object.entries(LOOK).map(([style, look]) => [style, excelStyle(look)])) as Record<
  CellStyle,
  Style
>;

/** exceljs puts "$" before each corner's column it is given: "A$1:E$32" is written as the absolute "$A$1:$E$32". */
function printArea(range: RangeRef): string {
  const corner = (p: Position) => `${columnLetter(p.column)}$${p.row}`;
  return `${corner(range.from)}:${corner(range.to)}`;
}

/**
 * A formula's literal text as the xlsx file must store it. Functions newer than Excel 2007 are stored with
 * Excel's prefix (`FILTER` as `_xlfn._xlws.FILTER`, `TEXTJOIN` as `_xlfn.TEXTJOIN`), or Excel shows #NAME? until
 * the cell is entered again.
 * The add-in's JavaScript functions (`SKL.…`) cannot be written dependably at all: Excel saves them under its
 * own prefix (`_xldudf_…`), whose form is not documented, and a formula that did not come from Excel with the
 * add-in loaded is not calculated until re-entered (README, "Files and the add-in's functions"). So a file
 * never carries them: the task pane writes those formulas into the open workbook through Office.js. Only
 * the literal parts of a formula are read here; its references are typed and never touched.
 */
export function fileLiteral(text: string): string {
  if (/(^|[^\w.])SKL\./i.test(text)) {
    throw new Error(`En fil kan inte bära SKL-funktionerna (${text.slice(0, 40)}…): bygg dem med åtgärdsfönstret.`);
  }
  return text
    .replace(/(^|[^\w.])(FILTER|SORT)\(/g, "$1_xlfn._xlws.$2(")
    .replace(/(^|[^\w.])(TEXTJOIN)\(/g, "$1_xlfn.$2(");
}

/** A formula in A1 text as the file stores it, on sheet `here`. */
export function fileFormula(formula: Expr, here?: string): string {
  return formulaText(formula, here, fileLiteral);
}

/** A cell's value for exceljs; a formula in A1 text as it stands on sheet `here`, with its cached result. */
function valueOf(content: CellContent, here: string): ExcelJS.CellValue {
  if (isFormula(content)) {
    return {
      formula: fileFormula(content.formula, here),
      result: content.result ?? undefined,
    } as ExcelJS.CellFormulaValue;
  }
  return content;
}

/**
 * One style object per look and number format, shared by every cell that has them: exceljs keeps a cell's style
 * object as it is given, so a fresh object per cell cost memory for each of hundreds of thousands of cells.
 * Nothing here changes a cell's style after it is set, so the shared objects stay as made.
 */
const sharedStyles = new Map<string, Style>();

function styleCell(cell: ExcelJS.Cell, style: CellStyle | undefined, numFmt: string | undefined): void {
  if (!style && !numFmt) return;
  const key = `${style ?? ""}\u0000${numFmt ?? ""}`;
  let shared = sharedStyles.get(key);
  if (!shared) {
    shared = style ? { ...STYLE[style], numFmt } : { numFmt };
    sharedStyles.set(key, shared);
  }
  cell.style = shared;
}

/**
 * A letter on one A4 page, portrait; other sheets landscape, as many pages wide as keeps their text legible (the
 * code and name columns and the table's header repeated on each), as many pages tall as needed.
 */
function pageSetup(plan: SheetPlan): Partial<ExcelJS.PageSetup> {
  if (!plan.print) {
    const { wide, titleColumns, titleRow } = plan.pages;
    return {
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: wide,
      fitToHeight: 0,
      ...(titleColumns
        ? { printTitlesColumn: `${columnLetter(titleColumns[0])}:${columnLetter(titleColumns[1])}` }
        : {}),
      ...(titleRow ? { printTitlesRow: `${titleRow}:${titleRow}` } : {}),
    };
  }
  const area = printArea(plan.print.onePagePortrait);
  return { orientation: "portrait", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1, printArea: area };
}

/** A table row whose values are in the sheet's cells already (see `writeTables`). */
const NO_VALUES: ExcelJS.CellValue[] = [];

/** The plan's tables: headers, cells with their looks, and an Excel table over each that has rows. */
function writeTables(ws: ExcelJS.Worksheet, plan: SheetPlan, value: (content: CellContent) => ExcelJS.CellValue): void {
  for (const table of plan.tables) {
    // Spilled columns are the pane's (the add-in's one call per pot and its difference); the file's layout has none.
    if (table.spills.length > 0) {
      throw new Error(
        `En fil kan inte bära SKL-funktionerna som spills bredvid tabellen ${table.name}: bygg dem med åtgärdsfönstret.`
      );
    }
    const { column, row } = table.topLeft;
    table.columns.forEach((col, c) => {
      const header = ws.getCell(row, column + c);
      header.value = col.header;
      styleCell(header, "header", undefined);
      col.cells.forEach((content, r) => {
        const cell = ws.getCell(row + 1 + r, column + c);
        cell.value = value(content);
        styleCell(cell, col.style, col.numFmt);
      });
    });
    ws.getRow(row).height = 45;
    if (table.rows === 0) continue;
    ws.addTable({
      name: table.name,
      ref: a1(table.topLeft),
      headerRow: true,
      style: { theme: undefined, showRowStripes: false },
      columns: table.columns.map((col) => ({ name: col.header, filterButton: true })),
      // The cells are written above: the table only needs its height. exceljs would write the rows' values a
      // second time and keep a copy of them all.
      rows: new Array<ExcelJS.CellValue[]>(table.rows).fill(NO_VALUES),
    });
  }
}

/** exceljs's data-validation rule for a plan's validation on sheet `here`. */
function validationRule(v: ValidationPlan, here: string): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: v.errorStyle === "warning" ? "warning" : "stop",
    showInputMessage: true,
    promptTitle: "Indata",
    prompt: v.prompt,
    errorTitle: "Ogiltigt värde",
    error: v.error,
  };
  if (v.kind === "list")
    return { ...base, type: "list", formulae: [v.source ? refText(v.source, here) : `"${(v.list ?? []).join(",")}"`] };
  const type = v.kind === "wholeNumber" ? "whole" : "decimal";
  return v.max !== undefined
    ? { ...base, type, operator: "between", formulae: [v.min ?? 0, v.max] }
    : { ...base, type, operator: "greaterThanOrEqual", formulae: [v.min ?? 0] };
}

/** Validations and conditional formats, each over its range of the sheet. */
function writeRules(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const v of plan.validations) {
    (
      ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(address({ ...v.range, absolute: false }), validationRule(v, plan.name));
  }
  for (const c of plan.conditionalFormats) {
    const look = CONDITIONAL_LOOK[c.look];
    ws.addConditionalFormatting({
      ref: address({ ...c.range, absolute: false }),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [fileFormula(c.formula, plan.name)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: argb(look.fill) },
            font: { color: argb(look.font) },
          },
        },
      ],
    });
  }
}

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = workbook.addWorksheet(plan.name, {
    properties: plan.tabColor ? { tabColor: { argb: plan.tabColor } } : {},
    pageSetup: pageSetup(plan),
  });
  const value = (content: CellContent) => valueOf(content, plan.name);
  writeTables(ws, plan, value);
  for (const cellPlan of plan.cells) {
    const cell = ws.getCell(cellPlan.at.row, cellPlan.at.column);
    cell.value = value(cellPlan.content);
    styleCell(cell, cellPlan.style, cellPlan.numFmt);
  }
  for (const [column, width] of plan.widths) ws.getColumn(columnLetter(column)).width = width;
  for (const [row, height] of plan.rowHeights) ws.getRow(row).height = height;
  for (const m of plan.merges) {
    ws.mergeCells(address({ ...m.range, absolute: false }));
    ws.getRow(m.range.from.row).height = m.rowHeight;
  }
  if (plan.freezeAt) {
    const { column, row } = plan.freezeAt;
    ws.views = [{ state: "frozen", xSplit: column - 1, ySplit: row - 1 }];
  }
  writeRules(ws, plan);
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
  for (const name of plan.names) workbook.definedNames.add(refText({ ...name.ref, absolute: true }), name.name);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
