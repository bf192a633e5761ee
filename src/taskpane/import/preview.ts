/**
 * What a valid import will change in the open workbook, and the edits that make the change: per target
 * table, the cells written in place (only the cells that change, one range per run of adjacent changed cells
 * in a column), the rows added and the rows removed, and the cells that must still hold what the preview
 * read when the edits are written (see `writeImport`). Rows are matched by party code, or, for discharge
 * days, by municipality, month, individual and kind of care.
 */
import { partyCode } from "../../engine/codes";
import { Label, readMonth, readYesNo, Refused } from "../../input";
import { CellValue } from "../../workbook/plan";
import { dischargeGroupKey as workbookGroupKey } from "../../engine/discharge";
import { sameCell, TEXT_FORMAT, textValue } from "./cells";
import { ImportKind } from "./headers";
import { DischargeImportRow, ParsedImport, ValidImport } from "./parseImport";
import { ImportedParty, partyLabel } from "./parties";
import { ImportProblem } from "./problems";
import { cellText, HEADER, TABLE, TableValues, TableView } from "./tables";

/** The workbook's current tables by name: header row + data rows, as `table.getRange().values` returns them. */
export type CurrentTables = Readonly<Record<string, TableValues | undefined>>;

/** One change the import makes, as the preview lists it. */
export interface ImportChange {
  readonly table: string;
  /** 0-based data row of the table as the preview read it (for a row that is added: -1). */
  readonly row: number;
  /** The party or record: "0114 Upplands Väsby", "0880 Kalmar, 2018-03, S01 (somatisk)". */
  readonly party: string;
  /** The column header; for a settlement row that is added, "Avräkningsrad". */
  readonly column: string;
  readonly before: CellValue;
  readonly after: CellValue;
  readonly change: "ändras" | "läggs till" | "tas bort";
  /** The row of the imported file the change comes from (header = 1). */
  readonly importRow?: number;
}

/** Adjacent cells of one table column, from data row `firstRow` down (`values`: n rows × 1 column). */
export interface CellRun {
  /** The column header. */
  readonly column: string;
  /** 0-based data row where the run starts, as the preview read the table. */
  readonly firstRow: number;
  /**
   * The values. In the runs to write, text that starts like a formula carries Excel's apostrophe prefix
   * ("'=1+1"), so it is stored as the text "=1+1", never as a formula.
   */
  readonly values: CellValue[][];
  /** Set the range's number format to this before writing the values ("@": text). */
  readonly numberFormat?: string;
}

/** A row to add: its input cells by header (made safe as in `CellRun`); the other columns get the table's formulas. */
export interface AddedRow {
  readonly values: Readonly<Record<string, CellValue>>;
}

/** The edits of one table (by its planned name). */
export interface TableEdit {
  readonly table: string;
  /** Data rows the table had when the preview read it: the edits are written only if it still has them. */
  readonly rowCount: number;
  /** Cells that must still hold these values when the edits are written (the old values, and who each row is). */
  readonly expect: readonly CellRun[];
  /** Cells written in place, and nothing else: a formula in a row between two changes stays as it is. */
  readonly set: readonly CellRun[];
  /** Rows added inside the table (above its last row), so that every range over the table's column takes them in. */
  readonly add: readonly AddedRow[];
  /** The number format of the added rows' input columns, by header ("@" keeps codes and months text). */
  readonly addNumberFormats: Readonly<Record<string, string>>;
  /** Data rows removed (0-based, as the preview read the table). */
  readonly remove: readonly number[];
}

/** What an import will change, and how to write it. */
export interface ImportPreview {
  /** True when the import is valid and fits the workbook: `edits` may be written. */
  readonly ok: boolean;
  readonly kind?: ImportKind;
  /** Problems of the file, or of the import against the workbook (a party missing from its table). */
  readonly problems: readonly ImportProblem[];
  readonly changes: readonly ImportChange[];
  /** Rows of the import that change nothing. */
  readonly unchangedRows: number;
  /** Empty unless `ok`; empty too when nothing changes. */
  readonly edits: readonly TableEdit[];
  /** What else the user should know before writing (a month the county table does not show). */
  readonly notes: readonly string[];
  /** One or two sentences for the pane: what will change. */
  readonly summary: string;
}

/**
 * Compares a parsed import with the workbook's current tables and returns the changes (party, column,
 * old → new) and the edits. Nothing is writable unless the whole import is valid and, for the registry
 * figures, every party has its row in the target table. Discharge days replace the groups (municipality,
 * month, care) the file contains and leave every other group as it is.
 *
 * @param parsed - The result of `parseImport`.
 * @param current - The target tables' current values, by table name (see `importTargetTables`).
 */
export function previewImport(parsed: ParsedImport, current: CurrentTables): ImportPreview {
  if (!parsed.ok) {
    return {
      ok: false,
      kind: parsed.kind,
      problems: parsed.problems,
      changes: [],
      unchangedRows: 0,
      edits: [],
      notes: [],
      summary: `Importen har ${parsed.problems.length} fel och kan inte skrivas in. Rätta filen och försök igen.`,
    };
  }
  const result =
    parsed.kind === "utskrivningsklara" ? dischargePreview(parsed.rows, current) : partyPreview(parsed, current);
  const ok = result.problems.length === 0;
  return {
    ok,
    kind: parsed.kind,
    problems: result.problems,
    changes: ok ? result.changes : [],
    unchangedRows: ok ? result.unchangedRows : 0,
    edits: ok ? result.edits : [],
    notes: ok ? result.notes : [],
    summary: ok
      ? result.summary
      : `Importen passar inte arbetsboken (${result.problems.length} fel). Inget har skrivits.`,
  };
}

/** The tables an import of `kind` reads and writes (read them before calling `previewImport`). */
export function importTargetTables(kind: ImportKind): string[] {
  switch (kind) {
    case "palliativ":
      return [TABLE.palliativeKommun, TABLE.palliativeLandsting];
    case "senior-alert":
      return [TABLE.seniorAlertKommun, TABLE.seniorAlertLandsting];
    case "utskrivningsklara":
      return [TABLE.dischargeIndividuals, TABLE.dischargeSettlement, TABLE.dischargeCounty];
  }
}

interface PartialPreview {
  readonly problems: ImportProblem[];
  readonly changes: ImportChange[];
  readonly edits: TableEdit[];
  readonly unchangedRows: number;
  readonly notes: string[];
  readonly summary: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "a", "a och b", "a, b och c". */
function joined(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} och ${parts[parts.length - 1]}`;
}

/**
 * Cells by row → runs of adjacent rows, one per column. `safe`: text made safe for writing and the text
 * format set, for the columns that hold text.
 */
function runsOf(column: string, cells: ReadonlyMap<number, CellValue>, safe = false): CellRun[] {
  const rows = [...cells.keys()].sort((a, b) => a - b);
  const text = safe && TEXT_COLUMNS.has(column);
  const out: CellRun[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
    const values = rows.slice(start, i).map((r) => {
      const v = cells.get(r)!;
      return [text && typeof v === "string" ? textValue(v) : v];
    });
    if (values.length > 0)
      out.push({ column, firstRow: rows[start], values, numberFormat: text ? TEXT_FORMAT : undefined });
    start = i;
  }
  return out;
}

/** Collects cells by column and row, and turns them into runs. */
class CellGrid {
  private readonly columns = new Map<string, Map<number, CellValue>>();

  put(column: string, row: number, value: CellValue): void {
    if (!this.columns.has(column)) this.columns.set(column, new Map());
    this.columns.get(column)!.set(row, value);
  }

  runs(order: readonly string[], safe = false): CellRun[] {
    const columns = [...this.columns.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return columns.flatMap((c) => runsOf(c, this.columns.get(c)!, safe));
  }
}

// ---------------------------------------------------------------------------------------------------
// Palliative registry and Senior alert: one row per party, matched by code

interface PartyRowValues {
  readonly importRow: number;
  readonly party: ImportedParty;
  readonly values: Readonly<Record<string, CellValue>>;
}

/** The table a party's row goes to: the import's kind, and municipalities and county councils apart. */
function partyTable(kind: ValidImport["kind"], party: ImportedParty): string {
  const kommun = party.kind === "kommun";
  if (kind === "palliativ") return kommun ? TABLE.palliativeKommun : TABLE.palliativeLandsting;
  return kommun ? TABLE.seniorAlertKommun : TABLE.seniorAlertLandsting;
}

/** The imported rows by target table, each with the cells it writes by header. */
function partyRowsByTable(parsed: ValidImport): Map<string, PartyRowValues[]> {
  const rows: PartyRowValues[] =
    parsed.kind === "palliativ"
      ? parsed.rows.map((r) => ({
          importRow: r.row,
          party: r.party,
          values: { [HEADER.deaths]: r.deaths, [HEADER.registrations]: r.registrations },
        }))
      : parsed.kind === "senior-alert"
        ? parsed.rows.map((r) => ({
            importRow: r.row,
            party: r.party,
            values: { [HEADER.started]: r.allUnitsStarted ? "Ja" : "Nej", [HEADER.registrations]: r.registrations },
          }))
        : [];
  const byTable = new Map<string, PartyRowValues[]>();
  for (const row of rows) {
    const table = partyTable(parsed.kind, row.party);
    byTable.set(table, [...(byTable.get(table) ?? []), row]);
  }
  return byTable;
}

function partyPreview(parsed: ValidImport, current: CurrentTables): PartialPreview {
  const problems: ImportProblem[] = [];
  const changes: ImportChange[] = [];
  const edits: TableEdit[] = [];
  let unchanged = 0;
  for (const [table, rows] of partyRowsByTable(parsed)) {
    const result = partyTableEdit(table, rows, current, problems);
    if (!result) continue;
    changes.push(...result.changes);
    if (result.edit) edits.push(result.edit);
    unchanged += result.unchanged;
  }
  return { problems, changes, edits, unchangedRows: unchanged, notes: [], summary: partySummary(changes, unchanged) };
}

/** The changes and the edit of one party table; undefined when the table cannot be read. */
function partyTableEdit(
  table: string,
  rows: readonly PartyRowValues[],
  current: CurrentTables,
  problems: ImportProblem[]
): { changes: ImportChange[]; edit?: TableEdit; unchanged: number } | undefined {
  const columns = Object.keys(rows[0].values);
  const view = tableView(table, current, [HEADER.code, ...columns], problems);
  if (!view) return undefined;
  const index = new Map<string, number>();
  for (let i = 0; i < view.rowCount; i++) {
    const key = partyCode(view.get(i, HEADER.code))?.key;
    if (key !== undefined && !index.has(key)) index.set(key, i);
  }
  const set = new CellGrid();
  const expect = new CellGrid();
  const changes: ImportChange[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const i = index.get(partyCode(r.party.code)!.key);
    if (i === undefined) {
      problems.push({
        row: r.importRow,
        party: partyLabel(r.party),
        message:
          `finns inte i tabellen ${table}. Importen ändrar bara parter som redan har en rad i tabellen; ` +
          "lägg till parten i indata och bygg arbetsboken på nytt.",
      });
      continue;
    }
    const before = changes.length;
    for (const column of columns) {
      const old = view.get(i, column);
      const after = r.values[column];
      if (column === HEADER.started ? yesNoOf(old) === after : sameCell(old, after)) continue;
      set.put(column, i, after);
      expect.put(column, i, old);
      const change = { table, row: i, party: partyLabel(r.party), column, before: old, after };
      changes.push({ ...change, change: "ändras", importRow: r.importRow });
    }
    if (changes.length > before) expect.put(HEADER.code, i, view.get(i, HEADER.code));
    else unchanged++;
  }
  const order = view.headers;
  const runs = set.runs(order);
  const edit: TableEdit | undefined =
    runs.length === 0
      ? undefined
      : {
          table,
          rowCount: view.rowCount,
          expect: expect.runs(order),
          set: runs,
          add: [],
          addNumberFormats: {},
          remove: [],
        };
  return { changes, edit, unchanged };
}

function partySummary(changes: readonly ImportChange[], unchanged: number): string {
  if (changes.length === 0) return "Importen ändrar ingenting: arbetsboken har redan dessa värden.";
  const parties = new Set(changes.map((c) => `${c.table}|${c.party}`)).size;
  const tables = [...new Set(changes.map((c) => c.table))];
  return (
    `Importen ändrar ${plural(changes.length, "värde", "värden")} för ${plural(parties, "rad", "rader")} i ${tables.join(" och ")}` +
    (unchanged > 0 ? `; ${unchanged} ${unchanged === 1 ? "rad är oförändrad" : "rader är oförändrade"}.` : ".")
  );
}

/** A yes/no cell of the workbook as the import writes it ("Ja"/"Nej"), read as every face reads yes/no. */
function yesNoOf(value: CellValue): string | undefined {
  const read = readYesNo(value, Label.started);
  return read instanceof Refused ? undefined : read ? "Ja" : "Nej";
}

// ---------------------------------------------------------------------------------------------------
// Discharge days: one row per municipality, month, individual and kind of care, summed per group

/** The columns of `UK_individer` that the import and Förklara read. */
export const DISCHARGE_COLUMNS = [
  HEADER.municipality,
  HEADER.month,
  HEADER.individual,
  HEADER.care,
  HEADER.daysReported,
  HEADER.daysAfter,
] as const;

/** The input columns of a settlement row: the group it sums. Every other column is a formula. */
const SETTLEMENT_COLUMNS = [HEADER.municipality, HEADER.month, HEADER.care] as const;

const TEXT_COLUMNS: ReadonlySet<string> = new Set([HEADER.municipality, HEADER.month, HEADER.individual, HEADER.care]);

/** A month cell as "YYYY-MM", read as every face reads a month (a date Excel made of it too); else its text. */
function monthOf(value: CellValue): string {
  const month = readMonth(value, Label.month);
  return month instanceof Refused ? cellText(value) : month;
}

/** A group's key for matching, whatever the cells' case or type ("0880|2018-03|somatisk"). */
const groupKey = (municipality: CellValue, month: CellValue, care: CellValue) =>
  `${partyCode(municipality)?.key ?? cellText(municipality)}|${monthOf(month)}|${cellText(care).toLocaleLowerCase("sv")}`;

/** An imported individual's two days columns, as the table heads them. */
const daysOf = (r: DischargeImportRow) =>
  [
    [HEADER.daysReported, r.daysReported],
    [HEADER.daysAfter, r.daysAfterAnalysis],
  ] as const;

/** The discharge tables of the workbook, read for a preview. */
interface DischargeTables {
  readonly view: TableView;
  readonly settlement: TableView;
}

/** What an import does to the individuals of `UK_individer`. */
interface IndividualChanges {
  readonly changes: ImportChange[];
  readonly set: CellGrid;
  readonly expect: CellGrid;
  readonly added: DischargeImportRow[];
  readonly remove: number[];
  readonly unchanged: number;
  /** The groups (municipality, month, care) the import replaces. */
  readonly groups: ReadonlySet<string>;
}

const importGroup = (r: DischargeImportRow) => groupKey(r.party.code, r.month, r.care);
const importKey = (r: DischargeImportRow) => `${importGroup(r)}|${r.individual}`;
const importLabel = (r: DischargeImportRow) => `${partyLabel(r.party)}, ${r.month}, ${r.individual} (${r.care})`;

function dischargePreview(rows: readonly DischargeImportRow[], current: CurrentTables): PartialPreview {
  const problems: ImportProblem[] = [];
  const view = tableView(TABLE.dischargeIndividuals, current, DISCHARGE_COLUMNS, problems);
  const settlement = tableView(TABLE.dischargeSettlement, current, SETTLEMENT_COLUMNS, problems);
  if (!view || !settlement) return { problems, changes: [], edits: [], unchangedRows: 0, notes: [], summary: "" };
  const tables = { view, settlement };
  const individuals = individualChanges(rows, view);
  const newGroups = newSettlementGroups(rows, settlement);
  const changes = [...individuals.changes, ...newGroups.map(settlementChange)];
  return {
    problems,
    changes,
    edits: dischargeEdits(tables, individuals, newGroups),
    unchangedRows: individuals.unchanged,
    notes: countyMonthNotes(current, newGroups),
    summary: dischargeSummary(changes, individuals),
  };
}

/**
 * The rows of the imported groups in the table, by individual, and the rows that go: an individual the
 * file lacks, and a second row of an individual (the file says the group, so it goes).
 */
function matchIndividuals(
  rows: readonly DischargeImportRow[],
  view: TableView,
  groups: ReadonlySet<string>
): { tableRows: Map<string, number>; remove: number[] } {
  const groupOfRow = (i: number) =>
    groupKey(view.get(i, HEADER.municipality), view.get(i, HEADER.month), view.get(i, HEADER.care));
  const tableRows = new Map<string, number>();
  const remove: number[] = [];
  for (let i = 0; i < view.rowCount; i++) {
    if (!groups.has(groupOfRow(i))) continue;
    const key = `${groupOfRow(i)}|${cellText(view.get(i, HEADER.individual))}`;
    if (!tableRows.has(key)) tableRows.set(key, i);
    else remove.push(i);
  }
  const imported = new Set(rows.map(importKey));
  for (const [key, i] of tableRows) if (!imported.has(key)) remove.push(i);
  remove.sort((a, b) => a - b);
  return { tableRows, remove };
}

function individualChanges(rows: readonly DischargeImportRow[], view: TableView): IndividualChanges {
  const table = TABLE.dischargeIndividuals;
  const groups = new Set(rows.map(importGroup));
  const { tableRows, remove } = matchIndividuals(rows, view, groups);
  const changes: ImportChange[] = [];
  const set = new CellGrid();
  const expect = new CellGrid();
  const identity = (i: number) => {
    for (const c of [HEADER.municipality, HEADER.month, HEADER.individual, HEADER.care])
      expect.put(c, i, view.get(i, c));
  };
  let unchanged = 0;
  const added: DischargeImportRow[] = [];
  for (const r of rows) {
    const i = tableRows.get(importKey(r));
    if (i === undefined) {
      added.push(r);
      continue;
    }
    const before = changes.length;
    for (const [column, after] of daysOf(r)) {
      const old = view.get(i, column);
      if (sameCell(old, after)) continue;
      set.put(column, i, after);
      expect.put(column, i, old);
      changes.push({
        table,
        row: i,
        party: importLabel(r),
        column,
        before: old,
        after,
        change: "ändras",
        importRow: r.row,
      });
    }
    if (changes.length > before) identity(i);
    else unchanged++;
  }
  for (const r of added) {
    for (const [column, after] of daysOf(r)) {
      changes.push({
        table,
        row: -1,
        party: importLabel(r),
        column,
        before: null,
        after,
        change: "läggs till",
        importRow: r.row,
      });
    }
  }
  for (const i of remove) {
    identity(i);
    const party = `${[HEADER.municipality, HEADER.month, HEADER.individual].map((c) => cellText(view.get(i, c))).join(", ")} (${cellText(view.get(i, HEADER.care))})`;
    for (const column of [HEADER.daysReported, HEADER.daysAfter]) {
      expect.put(column, i, view.get(i, column));
      changes.push({ table, row: i, party, column, before: view.get(i, column), after: null, change: "tas bort" });
    }
  }
  return { changes, set, expect, added, remove, unchanged, groups };
}

/** Groups of the file that have no settlement row yet: each gets one, with the formulas of the rows above. */
function newSettlementGroups(rows: readonly DischargeImportRow[], settlement: TableView): DischargeImportRow[] {
  const settled = new Set<string>();
  for (let i = 0; i < settlement.rowCount; i++) {
    settled.add(
      groupKey(settlement.get(i, HEADER.municipality), settlement.get(i, HEADER.month), settlement.get(i, HEADER.care))
    );
  }
  const newGroups: DischargeImportRow[] = [];
  for (const r of rows) {
    const g = importGroup(r);
    if (settled.has(g)) continue;
    settled.add(g);
    newGroups.push(r);
  }
  return newGroups;
}

function settlementChange(r: DischargeImportRow): ImportChange {
  return {
    table: TABLE.dischargeSettlement,
    row: -1,
    party: `${partyLabel(r.party)}, ${r.month} (${r.care})`,
    column: "Avräkningsrad",
    before: null,
    after: workbookGroupKey(r.party.code, r.month, r.care),
    change: "läggs till",
    importRow: r.row,
  };
}

/** A note when the county's monthly average has no row for a month the import adds (somatic care only). */
function countyMonthNotes(current: CurrentTables, newGroups: readonly DischargeImportRow[]): string[] {
  const county = current[TABLE.dischargeCounty];
  if (!county || county.length === 0) return [];
  const countyView = new TableView(TABLE.dischargeCounty, county);
  const months = new Set(
    Array.from({ length: countyView.rowCount }, (_, i) => monthOf(countyView.get(i, HEADER.month)))
  );
  const missing = [...new Set(newGroups.filter((r) => r.care === "somatisk").map((r) => r.month))].filter(
    (m) => !months.has(m)
  );
  if (missing.length === 0) return [];
  return [
    `Länets snitt per månad (${TABLE.dischargeCounty}) har ingen rad för ${joined(missing.sort())}: avräkningen räknas, ` +
      "men länets snitt för den månaden visas inte. Bygg arbetsboken på nytt för att få med den.",
  ];
}

function dischargeEdits(
  { view, settlement }: DischargeTables,
  individuals: IndividualChanges,
  newGroups: readonly DischargeImportRow[]
): TableEdit[] {
  const edits: TableEdit[] = [];
  const order = view.headers;
  const setRuns = individuals.set.runs(order, true);
  if (setRuns.length > 0 || individuals.added.length > 0 || individuals.remove.length > 0) {
    edits.push({
      table: TABLE.dischargeIndividuals,
      rowCount: view.rowCount,
      expect: individuals.expect.runs(order),
      set: setRuns,
      add: individuals.added.map((r) => ({
        values: {
          [HEADER.municipality]: r.party.code,
          [HEADER.month]: r.month,
          [HEADER.individual]: textValue(r.individual),
          [HEADER.care]: r.care,
          [HEADER.daysReported]: r.daysReported,
          [HEADER.daysAfter]: r.daysAfterAnalysis,
        },
      })),
      addNumberFormats: Object.fromEntries([...TEXT_COLUMNS].map((c) => [c, TEXT_FORMAT])),
      remove: individuals.remove,
    });
  }
  if (newGroups.length > 0) {
    // The groups the settlement had, checked again before writing: the new rows must still be new.
    const groupsBefore = new CellGrid();
    for (let i = 0; i < settlement.rowCount; i++) {
      for (const c of SETTLEMENT_COLUMNS) groupsBefore.put(c, i, settlement.get(i, c));
    }
    edits.push({
      table: TABLE.dischargeSettlement,
      rowCount: settlement.rowCount,
      expect: groupsBefore.runs(settlement.headers),
      set: [],
      add: newGroups.map((r) => ({
        values: { [HEADER.municipality]: r.party.code, [HEADER.month]: r.month, [HEADER.care]: r.care },
      })),
      addNumberFormats: { [HEADER.municipality]: TEXT_FORMAT, [HEADER.month]: TEXT_FORMAT },
      remove: [],
    });
  }
  return edits;
}

function dischargeSummary(changes: readonly ImportChange[], individuals: IndividualChanges): string {
  const { added, remove, unchanged, groups } = individuals;
  const newGroups = changes.filter((c) => c.table === TABLE.dischargeSettlement).length;
  const changedIndividuals = new Set(changes.filter((c) => c.change === "ändras").map((c) => c.row)).size;
  const parts = [
    changedIndividuals > 0 ? `${plural(changedIndividuals, "individ", "individer")} får nya dagar` : "",
    added.length > 0 ? `${plural(added.length, "individ", "individer")} läggs till` : "",
    remove.length > 0 ? `${plural(remove.length, "individ", "individer")} tas bort (finns inte i filen)` : "",
    newGroups > 0
      ? `${plural(newGroups, "ny avräkningsrad", "nya avräkningsrader")} i ${TABLE.dischargeSettlement}`
      : "",
  ].filter((p) => p !== "");
  if (parts.length === 0) {
    return `Importen ändrar ingenting: arbetsboken har redan dessa värden (${plural(groups.size, "grupp", "grupper")}).`;
  }
  const scope = `Importen ersätter ${plural(groups.size, "grupp", "grupper")} (kommun, månad och vårdform) i ${TABLE.dischargeIndividuals}; övriga grupper lämnas som de är.`;
  return (
    `${scope} ${joined(parts).replace(/^./, (c) => c.toUpperCase())}` +
    (unchanged > 0 ? `; ${unchanged} ${unchanged === 1 ? "individ är oförändrad" : "individer är oförändrade"}.` : ".")
  );
}

// ---------------------------------------------------------------------------------------------------
// Shared

function tableView(table: string, current: CurrentTables, columns: readonly string[], problems: ImportProblem[]) {
  const values = current[table];
  if (!values || values.length === 0) {
    problems.push({
      message: `tabellen ${table} finns inte i arbetsboken. Bygg arbetsboken först (Bygg arbetsbok) och importera sedan.`,
    });
    return undefined;
  }
  const view = new TableView(table, values);
  const missing = view.missing(columns);
  if (missing.length > 0) {
    problems.push({
      message: `tabellen ${table} saknar ${missing.length === 1 ? "kolumnen" : "kolumnerna"} ${missing.join(", ")}. Bygg arbetsboken på nytt.`,
    });
    return undefined;
  }
  return view;
}
