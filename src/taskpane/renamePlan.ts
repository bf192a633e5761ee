/**
 * The rename step of a plan: when the open workbook already has sheets (or tables, or names) that the plan
 * would create, the pane never overwrites them; it offers to build beside them under new names with a
 * suffix, "Palliativ (2)", "Palliativ_kommun_2", "P_Pott_Bas_2". Every formula, name, conditional format and
 * check of the plan is rewritten to point at the new sheets and names, so the copy computes on its own.
 */
import { CellContent, CheckPlan, ColumnPlan, isFormula, NamePlan, SheetPlan, WorkbookPlan } from "../workbook/plan";
import { renameExpr, renameRef, Renames } from "../workbook/refs";

/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME = 31;

/** What a plan's sheets, tables and workbook names are called in the open workbook. */
export interface PlanNames extends Renames {
  /** Planned sheet name → name in the workbook. */
  readonly sheets: ReadonlyMap<string, string>;
  /** Planned table name → name in the workbook. */
  readonly tables: ReadonlyMap<string, string>;
  /** Planned workbook name → name in the workbook. */
  readonly names: ReadonlyMap<string, string>;
}

/** The names of a plan as planned (no rename). */
export function plannedNames(plan: WorkbookPlan): PlanNames {
  const same = (list: readonly string[]) => new Map(list.map((n) => [n, n]));
  return {
    sheets: same(plan.sheets.map((s) => s.name)),
    tables: same(plan.sheets.flatMap((s) => s.tables.map((t) => t.name))),
    names: same(plan.names.map((n) => n.name)),
  };
}

/** "Palliativ" with suffix 2 → "Palliativ (2)", shortened so that the whole stays within 31 characters. */
export function suffixedSheetName(name: string, suffix: number): string {
  const tail = ` (${suffix})`;
  return `${name.slice(0, MAX_SHEET_NAME - tail.length).trimEnd()}${tail}`;
}

/** "Palliativ_kommun" with suffix 2 → "Palliativ_kommun_2" (tables and workbook names share one namespace). */
export function suffixedName(name: string, suffix: number): string {
  return `${name}_${suffix}`;
}

/** The names a plan gets with a suffix. */
export function suffixedNames(plan: WorkbookPlan, suffix: number): PlanNames {
  const planned = plannedNames(plan);
  const map = (m: ReadonlyMap<string, string>, f: (n: string) => string) =>
    new Map([...m.keys()].map((n) => [n, f(n)]));
  return {
    sheets: map(planned.sheets, (n) => suffixedSheetName(n, suffix)),
    tables: map(planned.tables, (n) => suffixedName(n, suffix)),
    names: map(planned.names, (n) => suffixedName(n, suffix)),
  };
}

function renameContent(content: CellContent, renames: Renames, sheetText: (s: string) => string | undefined) {
  if (isFormula(content)) return { ...content, formula: renameExpr(content.formula, renames) };
  // Text that names a sheet (the guide on Start, the "Blad" column of Avstämning) follows the sheet.
  if (typeof content === "string") return sheetText(content) ?? content;
  return content;
}

/**
 * The plan under other names: sheets, tables and workbook names renamed as `names` says, and every
 * formula's, name's, validation's, conditional format's and check's references pointed at them (the
 * references are typed: no formula text is read). Text cells that are exactly a sheet's name are renamed
 * too; other text is left as it is.
 */
export function renamePlan(plan: WorkbookPlan, names: PlanNames): WorkbookPlan {
  const sheetText = (s: string) => names.sheets.get(s);
  const tableName = (t: string) => names.tables.get(t) ?? t;
  const sheets = plan.sheets.map((sheet): SheetPlan => ({
    ...sheet,
    name: names.sheets.get(sheet.name) ?? sheet.name,
    cells: sheet.cells.map((cell) => ({ ...cell, content: renameContent(cell.content, names, sheetText) })),
    tables: sheet.tables.map((table) => ({
      ...table,
      name: tableName(table.name),
      columns: table.columns.map((column): ColumnPlan => ({
        ...column,
        cells: column.cells.map((c) => renameContent(c, names, sheetText)),
      })),
      spills: table.spills.map((spill) => ({ ...spill, formula: renameExpr(spill.formula, names) })),
    })),
    validations: sheet.validations.map((v) => ({ ...v, range: renameRef(v.range, names) })),
    conditionalFormats: sheet.conditionalFormats.map((c) => ({
      ...c,
      range: renameRef(c.range, names),
      formula: renameExpr(c.formula, names),
    })),
  }));
  const workbookNames = plan.names.map((n): NamePlan => ({
    name: names.names.get(n.name) ?? n.name,
    ref: renameRef(n.ref, names),
  }));
  const checks = plan.checks.map((c): CheckPlan => ({
    ...c,
    statusRef: renameRef(c.statusRef, names),
    targets: c.targets.map((t) => renameRef(t, names)),
  }));
  return { ...plan, sheets, names: workbookNames, checks };
}
