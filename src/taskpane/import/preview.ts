/**
 * What a valid import will change in the open workbook, and the writes that make the change: per target
 * table and column, one contiguous range of data rows (one `range.values` write per column), matched to
 * the table's rows by party code (or, for discharge days, by municipality, month, individual and care).
 */
import { partyCode } from "../../engine/codes";
import { compareDischargeRows } from "../../workbook/compute";
import { CellValue } from "../../workbook/plan";
import { sameCell, TEXT_FORMAT, textValue } from "./cells";
import { ImportKind } from "./headers";
import { DischargeImportRow, ParsedImport, ValidImport } from "./parseImport";
import { ImportedParty, partyLabel } from "./parties";
import { ImportProblem } from "./problems";
import { cellText, HEADER, TABLE, TableValues, TableView } from "./tables";

/** The workbook's current tables by name: header row + data rows, as `table.getRange().values` returns them. */
export type CurrentTables = Readonly<Record<string, TableValues | undefined>>;

/** One cell that the import changes. */
export interface ImportChange {
  readonly table: string;
  /** 0-based data row of the table (for a row that is added: its place in the table after the import). */
  readonly row: number;
  /** The party or record: "0114 Upplands Väsby", "0880 Kalmar, 2018-03, S01 (somatisk)". */
  readonly party: string;
  /** The column header. */
  readonly column: string;
  readonly before: CellValue;
  readonly after: CellValue;
  readonly change: "ändras" | "läggs till" | "tas bort";
  /** The row of the imported file the change comes from (header = 1). */
  readonly importRow?: number;
}

/** One write: a contiguous range of one table column. */
export interface ColumnWrite {
  /** The column header. */
  readonly column: string;
  /** 0-based data row where the range starts. */
  readonly firstRow: number;
  /**
   * Exactly what to put in `range.values` (n rows × 1 column). Text that starts like a formula carries
   * Excel's apostrophe prefix ("'=1+1"), so it is stored as the text "=1+1", never as a formula.
   */
  readonly values: CellValue[][];
  /** Set the range's number format to this before writing the values ("@": text). */
  readonly numberFormat?: string;
}

/** The writes to one table (by its planned name). */
export interface TableWrite {
  readonly table: string;
  readonly columns: readonly ColumnWrite[];
}

/** What an import will change, and how to write it. */
export interface ImportPreview {
  /** True when the import is valid and fits the workbook: `writes` may be written. */
  readonly ok: boolean;
  readonly kind?: ImportKind;
  /** Problems of the file, or of the import against the workbook (a party missing from its table). */
  readonly problems: readonly ImportProblem[];
  readonly changes: readonly ImportChange[];
  /** Rows of the import that change nothing. */
  readonly unchangedRows: number;
  /** Empty unless `ok`; also empty when `rebuild` says the workbook must be rebuilt instead. */
  readonly writes: readonly TableWrite[];
  /**
   * Set when the import cannot be written into the tables as they are: the discharge settlement
   * (`UK_avrakning`) sums fixed row ranges of `UK_individer`, so adding or removing individuals so that a
   * municipality-month's rows change needs the workbook rebuilt from the imported data (see `importedReports`).
   */
  readonly rebuild?: string;
  /** One sentence for the pane: what will change. */
  readonly summary: string;
}

/**
 * Compares a parsed import with the workbook's current tables and returns the changes (party, column,
 * old → new) and the writes. Nothing is writable unless the whole import is valid and every party has
 * its row in the target table.
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
      writes: [],
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
    writes: ok && !result.rebuild ? result.writes : [],
    rebuild: ok ? result.rebuild : undefined,
    summary: ok
      ? summarize(result.changes, result.unchangedRows, result.rebuild)
      : `Importen passar inte arbetsboken (${result.problems.length} fel). Inget har skrivits.`,
  };
}

/** The tables an import of `kind` writes to (read them before calling `previewImport`). */
export function importTargetTables(kind: ImportKind): string[] {
  switch (kind) {
    case "palliativ":
      return [TABLE.palliativeKommun, TABLE.palliativeLandsting];
    case "senior-alert":
      return [TABLE.seniorAlertKommun, TABLE.seniorAlertLandsting];
    case "utskrivningsklara":
      return [TABLE.dischargeIndividuals];
  }
}

interface PartialPreview {
  readonly problems: ImportProblem[];
  readonly changes: ImportChange[];
  readonly writes: TableWrite[];
  readonly unchangedRows: number;
  readonly rebuild?: string;
}

function summarize(changes: readonly ImportChange[], unchanged: number, rebuild?: string): string {
  const parties = new Set(changes.map((c) => `${c.table}|${c.party}`)).size;
  const tables = [...new Set(changes.map((c) => c.table))];
  const head =
    changes.length === 0
      ? "Importen ändrar ingenting: arbetsboken har redan dessa värden."
      : `Importen ändrar ${changes.length} ${changes.length === 1 ? "värde" : "värden"} för ${parties} ${parties === 1 ? "rad" : "rader"} i ${tables.join(" och ")}` +
        (unchanged > 0 ? `; ${unchanged} ${unchanged === 1 ? "rad är oförändrad" : "rader är oförändrade"}.` : ".");
  return rebuild ? `${head} ${rebuild}` : head;
}

// ---------------------------------------------------------------------------------------------------
// Palliative registry and Senior alert: one row per party, matched by code

interface PartyRowValues {
  readonly importRow: number;
  readonly party: ImportedParty;
  readonly values: Readonly<Record<string, CellValue>>;
}

function partyPreview(parsed: ValidImport, current: CurrentTables): PartialPreview {
  const byTable = new Map<string, PartyRowValues[]>();
  const tableOf = (kommun: boolean) =>
    parsed.kind === "palliativ"
      ? kommun
        ? TABLE.palliativeKommun
        : TABLE.palliativeLandsting
      : kommun
        ? TABLE.seniorAlertKommun
        : TABLE.seniorAlertLandsting;
  const add = (row: PartyRowValues) => {
    const table = tableOf(row.party.kind === "kommun");
    byTable.set(table, [...(byTable.get(table) ?? []), row]);
  };
  if (parsed.kind === "palliativ") {
    for (const r of parsed.rows)
      add({
        importRow: r.row,
        party: r.party,
        values: { [HEADER.deaths]: r.deaths, [HEADER.registrations]: r.registrations },
      });
  } else if (parsed.kind === "senior-alert") {
    for (const r of parsed.rows)
      add({
        importRow: r.row,
        party: r.party,
        values: { [HEADER.started]: r.allUnitsStarted ? "Ja" : "Nej", [HEADER.registrations]: r.registrations },
      });
  }
  const out: PartialPreview = { problems: [], changes: [], writes: [], unchangedRows: 0 };
  let unchanged = 0;
  for (const [table, rows] of byTable) {
    const columns = Object.keys(rows[0].values);
    const view = tableView(table, current, [HEADER.code, ...columns], out.problems);
    if (!view) continue;
    const index = new Map<string, number>();
    for (let i = 0; i < view.rowCount; i++) {
      const key = partyCode(view.get(i, HEADER.code))?.key;
      if (key !== undefined && !index.has(key)) index.set(key, i);
    }
    const next = new Map(columns.map((c) => [c, Array.from({ length: view.rowCount }, (_, i) => view.get(i, c))]));
    const changed = new Map(columns.map((c) => [c, new Set<number>()]));
    for (const r of rows) {
      const i = index.get(partyCode(r.party.code)!.key);
      if (i === undefined) {
        out.problems.push({
          row: r.importRow,
          party: partyLabel(r.party),
          message:
            `finns inte i tabellen ${table}. Importen ändrar bara parter som redan har en rad i tabellen; ` +
            "lägg till parten i indata och bygg arbetsboken på nytt.",
        });
        continue;
      }
      let any = false;
      for (const column of columns) {
        const before = view.get(i, column);
        const after = r.values[column];
        const same = column === HEADER.started ? yesNoOf(before) === after : sameCell(before, after);
        if (same) continue;
        any = true;
        next.get(column)![i] = after;
        changed.get(column)!.add(i);
        out.changes.push({
          table,
          row: i,
          party: partyLabel(r.party),
          column,
          before,
          after,
          change: "ändras",
          importRow: r.importRow,
        });
      }
      if (!any) unchanged++;
    }
    const writes = columns
      .map((c) => columnWrite(c, next.get(c)!, changed.get(c)!))
      .filter((w): w is ColumnWrite => w !== undefined);
    if (writes.length > 0) out.writes.push({ table, columns: writes });
  }
  return { ...out, unchangedRows: unchanged };
}

function yesNoOf(value: CellValue): string | undefined {
  const text = cellText(value).toLocaleLowerCase("sv");
  if (value === true || ["ja", "j", "sant", "true", "1"].includes(text)) return "Ja";
  if (value === false || ["nej", "n", "falskt", "false", "0"].includes(text)) return "Nej";
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Discharge days: one row per municipality, month, individual and kind of care

const DISCHARGE_COLUMNS = [
  HEADER.municipality,
  HEADER.month,
  HEADER.individual,
  HEADER.care,
  HEADER.daysReported,
  HEADER.daysAfter,
] as const;

const TEXT_COLUMNS: ReadonlySet<string> = new Set([HEADER.municipality, HEADER.month, HEADER.individual, HEADER.care]);

/** The order of `UK_individer` as the workbook is built (src/workbook/compute.ts). */
function compareDischarge(a: DischargeImportRow, b: DischargeImportRow): number {
  return compareDischargeRows({ ...a, municipality: a.party.code }, { ...b, municipality: b.party.code });
}

/** A month cell as "YYYY-MM": text as written, or a date Excel made of it (a serial number). */
function monthOf(value: CellValue): string {
  if (typeof value === "number" && value > 0) {
    const date = new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86400000);
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
  }
  const text = cellText(value);
  const match = /^(\d{4})[-/](\d{1,2})/.exec(text);
  return match ? `${match[1]}-${match[2].padStart(2, "0")}` : text;
}

const groupKey = (municipality: CellValue, month: CellValue, care: CellValue) =>
  `${partyCode(municipality)?.key ?? ""}|${monthOf(month)}|${cellText(care).toLocaleLowerCase("sv")}`;

function runs(keys: readonly string[]): string[] {
  const out: string[] = [];
  let last: string | undefined;
  let count = 0;
  for (const key of keys) {
    if (key === last) {
      count++;
      continue;
    }
    if (last !== undefined) out.push(`${last}#${count}`);
    last = key;
    count = 1;
  }
  if (last !== undefined) out.push(`${last}#${count}`);
  return out;
}

function dischargePreview(rows: readonly DischargeImportRow[], current: CurrentTables): PartialPreview {
  const table = TABLE.dischargeIndividuals;
  const problems: ImportProblem[] = [];
  const view = tableView(table, current, DISCHARGE_COLUMNS, problems);
  if (!view) return { problems, changes: [], writes: [], unchangedRows: 0 };

  const keyOfRow = (i: number) =>
    `${groupKey(view.get(i, HEADER.municipality), view.get(i, HEADER.month), view.get(i, HEADER.care))}|${cellText(view.get(i, HEADER.individual))}`;
  const keyOfImport = (r: DischargeImportRow) => `${groupKey(r.party.code, r.month, r.care)}|${r.individual}`;
  const label = (r: DischargeImportRow) => `${partyLabel(r.party)}, ${r.month}, ${r.individual} (${r.care})`;
  const tableRows = new Map<string, number>();
  for (let i = 0; i < view.rowCount; i++) if (!tableRows.has(keyOfRow(i))) tableRows.set(keyOfRow(i), i);
  const imported = new Set(rows.map(keyOfImport));
  const sameRows =
    tableRows.size === view.rowCount &&
    rows.length === view.rowCount &&
    rows.every((r) => tableRows.has(keyOfImport(r)));

  const changes: ImportChange[] = [];
  let unchanged = 0;
  const dayChanges = (r: DischargeImportRow, i: number, at: number) => {
    let any = false;
    for (const [column, after] of [
      [HEADER.daysReported, r.daysReported],
      [HEADER.daysAfter, r.daysAfterAnalysis],
    ] as const) {
      const before = view.get(i, column);
      if (sameCell(before, after)) continue;
      any = true;
      changes.push({ table, row: at, party: label(r), column, before, after, change: "ändras", importRow: r.row });
    }
    if (!any) unchanged++;
  };

  if (sameRows) {
    // The same individuals: the days change in place, row for row.
    const next = new Map(
      [HEADER.daysReported, HEADER.daysAfter].map((c) => [
        c,
        Array.from({ length: view.rowCount }, (_, i) => view.get(i, c)),
      ])
    );
    for (const r of rows) {
      const i = tableRows.get(keyOfImport(r))!;
      dayChanges(r, i, i);
      next.get(HEADER.daysReported)![i] = r.daysReported;
      next.get(HEADER.daysAfter)![i] = r.daysAfterAnalysis;
    }
    const changedRows = (column: string) => new Set(changes.filter((c) => c.column === column).map((c) => c.row));
    const writes = [HEADER.daysReported, HEADER.daysAfter]
      .map((c) => columnWrite(c, next.get(c)!, changedRows(c)))
      .filter((w): w is ColumnWrite => w !== undefined);
    return {
      problems,
      changes,
      writes: writes.length > 0 ? [{ table, columns: writes }] : [],
      unchangedRows: unchanged,
    };
  }

  // Other individuals: the table is rewritten in the workbook's order.
  const sorted = [...rows].sort(compareDischarge);
  sorted.forEach((r, at) => {
    const i = tableRows.get(keyOfImport(r));
    if (i !== undefined) {
      dayChanges(r, i, at);
      return;
    }
    for (const [column, after] of [
      [HEADER.daysReported, r.daysReported],
      [HEADER.daysAfter, r.daysAfterAnalysis],
    ] as const) {
      changes.push({
        table,
        row: at,
        party: label(r),
        column,
        before: null,
        after,
        change: "läggs till",
        importRow: r.row,
      });
    }
  });
  for (let i = 0; i < view.rowCount; i++) {
    if (imported.has(keyOfRow(i))) continue;
    const party = [HEADER.municipality, HEADER.month, HEADER.individual]
      .map((c) => cellText(view.get(i, c)))
      .join(", ");
    for (const column of [HEADER.daysReported, HEADER.daysAfter]) {
      changes.push({
        table,
        row: i,
        party: `${party} (${cellText(view.get(i, HEADER.care))})`,
        column,
        before: view.get(i, column),
        after: null,
        change: "tas bort",
      });
    }
  }

  const currentRuns = runs(
    Array.from({ length: view.rowCount }, (_, i) =>
      groupKey(view.get(i, HEADER.municipality), view.get(i, HEADER.month), view.get(i, HEADER.care))
    )
  );
  const newRuns = runs(sorted.map((r) => groupKey(r.party.code, r.month, r.care)));
  if (currentRuns.join("\n") !== newRuns.join("\n")) {
    return {
      problems,
      changes,
      writes: [],
      unchangedRows: unchanged,
      rebuild:
        "Importen ändrar vilka individer som finns per kommun, månad och vårdform. Avräkningen på bladet Utskrivningsklara " +
        "summerar fasta radområden i UK_individer, så uppgifterna kan inte skrivas in i tabellen som den är: bygg arbetsboken på nytt med de importerade uppgifterna.",
    };
  }
  // The same runs of rows: each municipality-month keeps its place, and the rows are written over it.
  const newValues: Record<string, CellValue[]> = {
    [HEADER.municipality]: sorted.map((r) => r.party.code),
    [HEADER.month]: sorted.map((r) => r.month),
    [HEADER.individual]: sorted.map((r) => r.individual),
    [HEADER.care]: sorted.map((r) => r.care),
    [HEADER.daysReported]: sorted.map((r) => r.daysReported),
    [HEADER.daysAfter]: sorted.map((r) => r.daysAfterAnalysis),
  };
  const writes = DISCHARGE_COLUMNS.map((c) => {
    const values = newValues[c];
    const differs = new Set(values.map((v, i) => (sameCell(view.get(i, c), v) ? -1 : i)).filter((i) => i >= 0));
    return columnWrite(c, values, differs);
  }).filter((w): w is ColumnWrite => w !== undefined);
  return { problems, changes, writes: writes.length > 0 ? [{ table, columns: writes }] : [], unchangedRows: unchanged };
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

/** The smallest range of one column that covers the changed rows, with the new values (text made safe). */
function columnWrite(
  column: string,
  values: readonly CellValue[],
  changed: ReadonlySet<number>
): ColumnWrite | undefined {
  if (changed.size === 0) return undefined;
  const first = Math.min(...changed);
  const last = Math.max(...changed);
  const text = TEXT_COLUMNS.has(column);
  const span = values.slice(first, last + 1).map((v) => [text && typeof v === "string" ? textValue(v) : v]);
  return { column, firstRow: first, values: span, numberFormat: text ? TEXT_FORMAT : undefined };
}
