/**
 * Skriv in: writes an import's edits (from `previewImport`) into the built workbook, in parts of a bounded
 * size (`syncParts.ts`), so that an import of any length stays far under Excel on the web's 5 MB per round
 * trip, with the progress bar moving per part.
 *
 * First it reads again, in parts, what the preview read: where each target table stands now, its header, the
 * cells the preview expects (the old values and who each row is) and the formulas of the rows above the place
 * where rows are added. If anything changed since the preview, nothing is written and a `StaleImportError`
 * says what. Then it plans the writes: per table the changed cells in place (one range per run of adjacent
 * changed cells in a column, its number format first so that text stays text), the added rows inside the
 * table above its last row, so that every formula over the table's columns counts them (in blocks of rows:
 * the rows added, the formulas of a row of the table copied onto all of them at once, the imported input
 * cells), then the removed rows from the bottom up. An import that no plan can write safely (a table that
 * would pass Excel's last row, a row too large for a round trip) is refused before anything is written.
 */
import { CellValue } from "../workbook/plan";
import { a1 as cellAddress } from "../workbook/refs";
import { CellRun, TableEdit } from "./import";
import { sameCell } from "./import/cells";
import { inParts, jsonBytes, OPERATION_BYTES, PART_BYTES, SYNC_LIMIT_BYTES } from "./syncParts";
import { PlacedTable, placedAt, placedTables, syncReads } from "./tableReads";
import { BuiltWorkbook } from "./writePlan";

/** The workbook changed after the preview: nothing was written, and the user should preview again. */
export class StaleImportError extends Error {}

/** An import no plan can write within Excel's limits: nothing was written, and the message says why. */
export class ImportTooLargeError extends Error {}

/**
 * A round trip of the writing failed after `done` of `parts` parts were written: what they wrote stays, and a
 * new preview of the same file shows what is left (the import replaces what it names, so writing it again
 * finishes it).
 */
export class ImportInterruptedError extends Error {
  constructor(
    readonly done: number,
    readonly parts: number,
    reason: string
  ) {
    super(
      `Importen avbröts under del ${done + 1} av ${parts} (${reason.replace(/\.\s*$/, "")}). ` +
        (done === 0 ? "Det som hann skrivas står kvar. " : `De ${done} första delarna är inskrivna och står kvar. `) +
        "Förhandsgranska filen igen: förhandsgranskningen visar det som återstår, och Skriv in skriver in det."
    );
    this.name = "ImportInterruptedError";
  }
}

/** What an import wrote. */
export interface ImportWritten {
  /** Cells written in place. */
  readonly cells: number;
  /** Rows added, by planned table name. */
  readonly added: Readonly<Record<string, number>>;
  /** Rows removed, by planned table name. */
  readonly removed: Readonly<Record<string, number>>;
  /** Round trips made, reading and writing. */
  readonly syncs: number;
}

export interface WriteOptions {
  /** Called with the share done, 0..1, after each round trip. */
  readonly onProgress?: (fraction: number) => void;
  /** What each round trip aims at (default `PART_BYTES`). */
  readonly bytesPerSync?: number;
}

/** Excel's last row. */
const LAST_ROW = 1_048_576;

/** Rows above the place where rows are added whose formulas are read to find the row the new rows copy. */
const FORMULA_WINDOW = 16;

const shown = (v: CellValue) => (v === null || v === "" ? "tom" : String(v));

const stale = (text: string) =>
  new StaleImportError(
    `Arbetsboken har ändrats sedan förhandsgranskningen: ${text}. Inget har skrivits; förhandsgranska igen.`
  );

/** A range of `rows` × `columns` cells from a cell of a table's data rows (0-based row and column). */
function span(t: PlacedTable, row: number, column: number, rows: number, columns = 1): string {
  const first = { column: t.firstColumn + column, row: t.headerRow + 1 + row };
  const last = { column: first.column + columns - 1, row: first.row + rows - 1 };
  return `${cellAddress(first)}:${cellAddress(last)}`;
}

// ---------------------------------------------------------------------------------------------------
// Reading again what the preview read

/** One edit's table as planned, and what is read of it again. */
interface Check {
  readonly edit: TableEdit;
  /** The table as built (its columns' places). */
  readonly planned: PlacedTable;
  whole?: Excel.Range;
  header?: Excel.Range;
  /** Where it stands now, once read. */
  placed?: PlacedTable;
  /** The formulas of the rows from `windowFrom` to the last row, when rows are added. */
  window?: { readonly from: number; readonly range: Excel.Range };
  readonly runs: { readonly run: CellRun; range?: Excel.Range }[];
}

/**
 * The row whose formulas the added rows copy: the nearest row above the place of the new rows (then below)
 * that holds a formula in every column the rows do not get a value for, among the rows read. Undefined when
 * none has them.
 */
function formulaRow(check: Check, t: PlacedTable, formulas: readonly (readonly unknown[])[]): number | undefined {
  const edit = check.edit;
  const inputs = new Set(Object.keys(edit.add[0].values));
  const columns = t.headers.map((h, c) => (inputs.has(h) ? -1 : c)).filter((c) => c >= 0);
  const from = check.window!.from;
  const ok = (i: number) =>
    columns.every((c) => {
      const f = formulas[i - from]?.[c];
      return typeof f === "string" && f.startsWith("=");
    });
  const at = edit.rowCount - 1;
  for (let i = at - 1; i >= from; i--) if (ok(i)) return i;
  for (let i = at; i < edit.rowCount; i++) if (ok(i)) return i;
  return undefined;
}

/** What reading a run of expected cells again adds to a round trip. */
const runBytes = (run: CellRun) => OPERATION_BYTES + jsonBytes(run.values);

/** The round trips `readAgain` makes. */
function readParts(edits: readonly TableEdit[], budget: number): number {
  return Math.max(
    1,
    inParts(
      edits.flatMap((e) => e.expect),
      runBytes,
      budget
    ).length
  );
}

/**
 * Reads again, in parts, where each target table stands, its header, the cells the preview expects and the
 * formulas above the place of added rows, and checks them against the preview: a difference is a
 * StaleImportError. Returns, per table, where it stands and the row whose formulas added rows copy.
 */
async function readAgain(
  context: Excel.RequestContext,
  built: BuiltWorkbook,
  edits: readonly TableEdit[],
  budget: number,
  step: () => void
): Promise<Map<string, { placed: PlacedTable; source?: number }>> {
  const all = placedTables(built);
  const checks: Check[] = edits.map((edit) => {
    const planned = all.get(edit.table);
    if (!planned) throw stale(`tabellen ${edit.table} finns inte i arbetsboken`);
    return { edit, planned, runs: edit.expect.map((run) => ({ run })) };
  });
  const tables = edits.map((e) => e.table);
  // The runs as the preview read them, located by the columns' places as built (checked against the header).
  const runs = checks.flatMap((check) => check.runs.map((r) => ({ check, r })));
  const parts = inParts(runs, ({ r }) => runBytes(r.run), budget);
  for (let p = 0; p < Math.max(parts.length, 1); p++) {
    if (p === 0) {
      for (const check of checks) {
        const table = context.workbook.tables.getItem(check.planned.name);
        check.whole = table.getRange().load("address");
        check.header = table.getHeaderRowRange().load("values");
        if (check.edit.add.length > 0) {
          const from = Math.max(0, check.edit.rowCount - 1 - FORMULA_WINDOW);
          const rows = check.edit.rowCount - from;
          check.window = {
            from,
            range: table
              .getDataBodyRange()
              .getCell(from, 0)
              .getResizedRange(rows - 1, check.planned.headers.length - 1)
              .load("formulas"),
          };
        }
      }
    }
    for (const { check, r } of parts[p] ?? []) {
      const c = check.planned.headers.indexOf(r.run.column);
      if (c < 0) throw stale(`tabellen ${check.planned.name} saknar kolumnen ${r.run.column}`);
      // Within the table wherever it stands now (its columns are checked against the header read).
      r.range = context.workbook.tables
        .getItem(check.planned.name)
        .getDataBodyRange()
        .getCell(r.run.firstRow, c)
        .getResizedRange(r.run.values.length - 1, 0)
        .load("values");
    }
    // One round trip per part, on purpose: each under the limit however many cells the preview expects.
    await syncReads(context, built, tables);
    if (p === 0) for (const check of checks) check.placed = placedNow(check);
    step();
  }
  return new Map(checks.map((check) => [check.edit.table, compare(check)]));
}

/** Where the table stands now, checked to have as many rows and its columns where they were built: else stale. */
function placedNow(check: Check): PlacedTable {
  const header = (check.header!.values[0] ?? []).map((h) => String(h ?? "").trim());
  const t = placedAt(check.edit.table, check.planned.name, check.whole!.address, header, check.planned.spills);
  if (t.rows !== check.edit.rowCount) {
    throw stale(`tabellen ${t.name} har nu ${t.rows} rader, förhandsgranskningen läste ${check.edit.rowCount}`);
  }
  const moved = check.planned.headers.find((h, c) => header[c] !== h);
  if (moved !== undefined) throw stale(`tabellen ${t.name} har inte längre kolumnen ${moved} där den byggdes`);
  return t;
}

/** The cells the preview expects still hold what it read; returns where the table stands and its formula row. */
function compare(check: Check): { placed: PlacedTable; source?: number } {
  const t = check.placed!;
  for (const { run, range } of check.runs) {
    const now = range!.values;
    for (let k = 0; k < run.values.length; k++) {
      const value = (now[k]?.[0] ?? null) as CellValue;
      const then = run.values[k][0];
      if (!sameCell(value, then)) {
        const at = cellAddress({
          column: t.firstColumn + t.headers.indexOf(run.column),
          row: t.headerRow + 1 + run.firstRow + k,
        });
        throw stale(
          `${t.sheet}!${at} (${run.column}) visar nu ${shown(value)}, förhandsgranskningen läste ${shown(then)}`
        );
      }
    }
  }
  if (check.edit.add.length === 0) return { placed: t };
  const source = formulaRow(check, t, check.window!.range.formulas);
  if (source === undefined) {
    throw new StaleImportError(
      `Tabellen ${t.name} har ingen rad med formlerna som nya rader ska få (kolumnerna utom ` +
        `${Object.keys(check.edit.add[0].values).join(", ")}). Inget har skrivits; bygg arbetsboken på nytt.`
    );
  }
  return { placed: t, source };
}

// ---------------------------------------------------------------------------------------------------
// The writes, in parts

/** One unit of writing: it goes into one round trip whole. */
interface Unit {
  readonly bytes: number;
  readonly queue: (context: Excel.RequestContext) => void;
}

/** The writes of one table's edit, in order: the cells in place, the added rows in blocks, the removed rows. */
function tableUnits(
  edit: TableEdit,
  t: PlacedTable,
  source: number | undefined,
  budget: number
): { units: Unit[]; cells: number } {
  const units: Unit[] = [];
  const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(t.sheet);
  const table = (context: Excel.RequestContext) => context.workbook.tables.getItem(t.name);
  const columnOf = (header: string) => {
    const c = t.headers.indexOf(header);
    if (c < 0) throw new Error(`Tabellen ${t.name} saknar kolumnen ${header}.`);
    return c;
  };
  /** One column's cells from data row `row`, with their number format first. */
  const write = (
    context: Excel.RequestContext,
    header: string,
    row: number,
    values: CellValue[][],
    format?: string
  ) => {
    const range = sheet(context).getRange(span(t, row, columnOf(header), values.length));
    if (format) range.numberFormat = values.map(() => [format]);
    range.values = values as (string | number | boolean)[][];
  };
  const columnBytes = (values: CellValue[][], format?: string) =>
    2 * OPERATION_BYTES + jsonBytes(values) + (format ? jsonBytes(values.map(() => [format])) : 0);

  let cells = 0;
  for (const run of edit.set) {
    // A long run in blocks of rows, each well inside a part.
    const rowBytes = columnBytes(run.values.slice(0, 1), run.numberFormat) - 2 * OPERATION_BYTES + 8;
    const per = Math.max(1, Math.floor(budget / 2 / Math.max(rowBytes, 1)));
    for (let k = 0; k < run.values.length; k += per) {
      const values = run.values.slice(k, k + per);
      units.push({
        bytes: columnBytes(values, run.numberFormat),
        queue: (context) => write(context, run.column, run.firstRow + k, values, run.numberFormat),
      });
    }
    cells += run.values.length;
  }

  const n = edit.add.length;
  const at = edit.rowCount - 1;
  const width = t.headers.length;
  if (n > 0) {
    const inputs = Object.keys(edit.add[0].values);
    const rowBytes =
      jsonBytes(Array.from({ length: width }, () => "")) +
      inputs.reduce((sum, h) => {
        const f = edit.addNumberFormats[h];
        return sum + jsonBytes([edit.add[0].values[h]]) + 16 + (f ? jsonBytes([f]) : 0);
      }, 0);
    const fixed = OPERATION_BYTES * (3 + 2 * inputs.length);
    const per = Math.max(1, Math.floor((budget - fixed) / Math.max(rowBytes, 1)));
    for (let k = 0; k < n; k += per) {
      const block = edit.add.slice(k, k + per);
      const values = (h: string) => block.map((a) => [a.values[h]]);
      const bytes =
        fixed +
        jsonBytes(block.map(() => Array.from({ length: width }, () => ""))) +
        inputs.reduce((sum, h) => sum + columnBytes(values(h), edit.addNumberFormats[h]) - 2 * OPERATION_BYTES, 0);
      units.push({
        bytes,
        queue: (context) => {
          // Above the table's last row, below the blocks added before; the formula row moves only when it is
          // the last row.
          table(context).rows.add(
            at + k,
            block.map(() => Array.from({ length: width }, () => ""))
          );
          const pattern = source! < at ? source! : source! + k + block.length;
          sheet(context)
            .getRange(span(t, at + k, 0, block.length, width))
            .copyFrom(sheet(context).getRange(span(t, pattern, 0, 1, width)), "Formulas");
          for (const h of inputs) write(context, h, at + k, values(h), edit.addNumberFormats[h]);
        },
      });
    }
  }
  const moved = (i: number) => (i < at ? i : i + n);
  for (const i of [...edit.remove].sort((a, b) => b - a)) {
    units.push({ bytes: OPERATION_BYTES, queue: (context) => table(context).rows.getItemAt(moved(i)).delete() });
  }
  return { units, cells };
}

/** Why no plan can write this import within Excel's limits; undefined when it can be written. */
function tooLarge(edit: TableEdit, t: PlacedTable, units: readonly Unit[]): string | undefined {
  const last = t.headerRow + edit.rowCount + edit.add.length;
  if (last > LAST_ROW) {
    return `tabellen ${t.name} skulle få rader nedanför Excels sista rad (${LAST_ROW.toLocaleString("sv-SE")}): dela upp filen`;
  }
  const largest = Math.max(0, ...units.map((u) => u.bytes));
  if (largest > SYNC_LIMIT_BYTES) {
    return `en rad till tabellen ${t.name} är större (${Math.round(largest / 1024)} KiB) än ett anrop till Excel får vara`;
  }
  return undefined;
}

/**
 * Writes an import's edits into the built workbook in parts: reads again what the preview read (a
 * StaleImportError when anything changed, nothing written), plans the writes (an ImportTooLargeError when no
 * plan fits, nothing written), then writes them part by part, one round trip each, calling `onProgress`
 * after each. A round trip that fails after others wrote is an ImportInterruptedError.
 */
export async function writeImport(
  built: BuiltWorkbook,
  edits: readonly TableEdit[],
  options: WriteOptions = {}
): Promise<ImportWritten> {
  const budget = options.bytesPerSync ?? PART_BYTES;
  // How many round trips it takes, known before the first: the writes' sizes do not depend on where the
  // tables stand, so they are planned once on the tables as built to count them.
  const built0 = placedTables(built);
  const sized = edits.flatMap((e) => (built0.has(e.table) ? tableUnits(e, built0.get(e.table)!, 0, budget).units : []));
  const total = readParts(edits, budget) + inParts(sized, (u) => u.bytes, budget).length;
  return Excel.run(async (context) => {
    let syncs = 0;
    const progress = () => options.onProgress?.(Math.min(1, syncs / total));
    const found = await readAgain(context, built, edits, budget, () => {
      syncs++;
      progress();
    });
    let cells = 0;
    const units: Unit[] = [];
    const added: Record<string, number> = {};
    const removed: Record<string, number> = {};
    for (const edit of edits) {
      const { placed, source } = found.get(edit.table)!;
      const planned = tableUnits(edit, placed, source, budget);
      const problem = tooLarge(edit, placed, planned.units);
      if (problem) throw new ImportTooLargeError(`Importen kan inte skrivas in: ${problem}. Inget har skrivits.`);
      units.push(...planned.units);
      cells += planned.cells;
      if (edit.add.length > 0) added[edit.table] = edit.add.length;
      if (edit.remove.length > 0) removed[edit.table] = edit.remove.length;
    }
    const parts = inParts(units, (u) => u.bytes, budget);
    for (const [i, part] of parts.entries()) {
      for (const unit of part) unit.queue(context);
      try {
        // One round trip per part, on purpose: each under Excel on the web's limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        throw new ImportInterruptedError(i, parts.length, error instanceof Error ? error.message : String(error));
      }
      syncs++;
      progress();
    }
    return { cells, added, removed, syncs };
  });
}
