/**
 * The built workbook as the pane works on it through Office.js: its tables (read in parts, `tableReads.ts`),
 * an import's edits (written in parts, `importWrite.ts`), the selected cell's explanation, and which builds
 * the open workbook holds (remembered in its settings, one record per build).
 */
import { WorkbookPlan } from "../workbook/plan";
import { a1 as cellAddress } from "../workbook/refs";
import { BUILD_SETTING, BuildRecord, readBuildRecords } from "./buildRecords";
import { splitReference } from "./checks";
import { explainCell, explainNeeds, Explanation } from "./explain";
import { plannedNames, renamePlan, suffixedNames } from "./renamePlan";
import { PlacedTable, placedAt, placedTables, readInParts, syncReads, tableAt } from "./tableReads";
import { BuiltWorkbook } from "./writePlan";

export type { PlacedSpill, PlacedTable, ReadOptions } from "./tableReads";
export { placedTables, readTables, tableAddress, tableAt } from "./tableReads";
export type { ImportWritten, WriteOptions } from "./importWrite";
export { ImportInterruptedError, ImportTooLargeError, StaleImportError, writeImport } from "./importWrite";

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
 * explanation needs (three for a cell of a spill, whose table is found where it stands now; more when a
 * table is too long for one, as `UK_individer` with ten times the individuals).
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
    const { tables: found, names } = await readInParts(context, built, wanted, needs.parameters);
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
