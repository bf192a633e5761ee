/**
 * The rename step of a plan: when the open workbook already has sheets (or tables, or names) that the plan
 * would create, the pane never overwrites them; it offers to build beside them under new names with a
 * suffix, "Palliativ (2)", "Palliativ_kommun_2", "P_Pott_Bas_2". Every formula, name, conditional format and
 * check of the plan is rewritten to point at the new sheets and names, so the copy computes on its own.
 */
import { quoteSheet } from "../workbook/a1";
import { CellContent, CheckPlan, ColumnPlan, isFormula, NamePlan, SheetPlan, WorkbookPlan } from "../workbook/plan";

/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME = 31;

/** What a plan's sheets, tables and workbook names are called in the open workbook. */
export interface PlanNames {
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

/** A sheet reference in a formula: 'quoted name'! or an unquoted name followed by "!". */
const SHEET_REF = /'((?:[^']|'')+)'!|([\p{L}_][\p{L}\p{N}_.]*)!/uy;
/** A name, function or cell reference. */
const IDENTIFIER = /[\p{L}_\\][\p{L}\p{N}_.]*/uy;

/** Case-insensitive lookup, as Excel compares sheet and defined names. */
function lookupCaseless(map: ReadonlyMap<string, string>): (key: string) => string | undefined {
  const lower = new Map([...map].map(([k, v]) => [k.toLowerCase(), v]));
  return (key) => lower.get(key.toLowerCase());
}

/**
 * Rewrites the sheet and name references of a formula (without its "="). String literals are left alone;
 * a function call (an identifier followed by "(") is never a name.
 */
export function renameFormula(formula: string, names: PlanNames): string {
  const sheetOf = lookupCaseless(names.sheets);
  const nameOf = lookupCaseless(names.names);
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    SHEET_REF.lastIndex = i;
    const sheetRef = SHEET_REF.exec(formula);
    if (sheetRef) {
      const sheet = sheetRef[1] !== undefined ? sheetRef[1].replace(/''/g, "'") : sheetRef[2];
      const renamed = sheetOf(sheet);
      out += renamed !== undefined ? `${quoteSheet(renamed)}!` : sheetRef[0];
      i += sheetRef[0].length;
      continue;
    }
    IDENTIFIER.lastIndex = i;
    const identifier = IDENTIFIER.exec(formula);
    if (identifier) {
      const word = identifier[0];
      const before = formula[i - 1];
      const next = formula[i + word.length];
      // "$AR$5", "AR$5" and "A:C" are cell and column references, whatever names the plan has.
      const reference =
        before === "$" || next === "$" || (/^[A-Za-z]{1,3}$/.test(word) && (before === ":" || next === ":"));
      const renamed = next === "(" || reference ? undefined : nameOf(word);
      out += renamed ?? word;
      i += word.length;
      continue;
    }
    // Digits and the rest of a cell reference ("$C$8", "1000000") are copied as they are.
    let j = i + 1;
    while (j < formula.length && /[0-9$]/.test(formula[j])) j++;
    out += formula.slice(i, j);
    i = j;
  }
  return out;
}

/** A sheet-qualified reference list ("Palliativ!$C$8" or "'Senior alert'!$A$1:$A$9") with sheets renamed. */
export function renameReference(ref: string, names: PlanNames): string {
  return renameFormula(ref, names);
}

function renameContent(content: CellContent, names: PlanNames, sheetText: (s: string) => string | undefined) {
  if (isFormula(content)) return { ...content, formula: renameFormula(content.formula, names) };
  // Text that names a sheet (the guide on Start, the "Blad" column of Avstämning) follows the sheet.
  if (typeof content === "string") return sheetText(content) ?? content;
  return content;
}

/**
 * The plan under other names: sheets, tables and workbook names renamed as `names` says, and every formula,
 * name reference, conditional format, check status cell and check target rewritten to match. Text cells
 * that are exactly a sheet's name are renamed too; other text is left as it is.
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
    })),
    conditionalFormats: sheet.conditionalFormats.map((c) => ({ ...c, formula: renameFormula(c.formula, names) })),
  }));
  const workbookNames = plan.names.map((n): NamePlan => ({
    name: names.names.get(n.name) ?? n.name,
    ref: renameReference(n.ref, names),
  }));
  const checks = plan.checks.map((c): CheckPlan => ({
    ...c,
    statusRef: renameReference(c.statusRef, names),
    targets: c.targets.map((t) => renameReference(t, names)),
  }));
  return { ...plan, sheets, names: workbookNames, checks };
}
