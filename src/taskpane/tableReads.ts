/**
 * The built workbook's tables as the pane reads them through Office.js: where each table is now (read from
 * Excel by its name, since an import may have added rows), its values and the named parameters. A table is
 * read in parts of a bounded size (`syncParts.ts`): where it stands and its first rows in one round trip, then
 * the rest in blocks of rows sized from the rows read, so that no response nears Excel on the web's limit
 * however many rows the table has.
 */
import { CellValue, TablePlan } from "../workbook/plan";
import { a1 as cellAddress, address, parseAddress } from "../workbook/refs";
import { splitReference } from "./checks";
import { TableValues } from "./import";
import { inParts, largestRowBytes, PART_BYTES } from "./syncParts";
import { BuiltWorkbook } from "./writePlan";

/** A column spilled beside a table: its header and how many columns right of the table's first it stands. */
export interface PlacedSpill {
  readonly header: string;
  readonly offset: number;
}

/** A table of the built workbook: its planned name, its name and place in the workbook, its columns. */
export interface PlacedTable {
  /** The name the explain and import modules know it by ("Palliativ_kommun"). */
  readonly planned: string;
  /** Its name in the workbook ("Palliativ_kommun_2" when built with a suffix). */
  readonly name: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly headers: readonly string[];
  /** Data rows. */
  readonly rows: number;
  /** The columns spilled beside it, in its rows (the add-in's amounts and their differences). */
  readonly spills: readonly PlacedSpill[];
}

/** Header row and data rows: "A16:Y306". */
export function tableAddress(t: PlacedTable): string {
  return `${cellAddress({ column: t.firstColumn, row: t.headerRow })}:${cellAddress({ column: t.firstColumn + t.headers.length - 1, row: t.headerRow + t.rows })}`;
}

/** Every table of the built workbook as it was built (from its plan), by planned name. */
export function placedTables(built: BuiltWorkbook): Map<string, PlacedTable> {
  const plannedOf = new Map([...built.names.tables].map(([planned, actual]) => [actual, planned]));
  const out = new Map<string, PlacedTable>();
  for (const sheet of built.plan.sheets) {
    for (const table of sheet.tables as readonly TablePlan[]) {
      const { column, row } = table.topLeft;
      const planned = plannedOf.get(table.name) ?? table.name;
      out.set(planned, {
        planned,
        name: table.name,
        sheet: sheet.name,
        headerRow: row,
        firstColumn: column,
        headers: table.columns.map((c) => c.header),
        rows: table.rows,
        spills: table.spills.map((spill) => ({ header: spill.header, offset: spill.column - column })),
      });
    }
  }
  return out;
}

/**
 * The table, data row (0-based; -1 for the header) and column header of a cell, in the tables given; a cell
 * of a column spilled beside a table is that table's, in the row beside it (`spilled`).
 */
export function tableAt(
  tables: Iterable<PlacedTable> | BuiltWorkbook,
  sheet: string,
  a1: string
): { table: PlacedTable; row: number; column: string; spilled: boolean } | undefined {
  const list = "plan" in tables ? placedTables(tables).values() : tables;
  const { column, row } = parseAddress(a1.split(":")[0]);
  for (const t of list) {
    if (t.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    const c = column - t.firstColumn;
    const r = row - t.headerRow - 1;
    if (r < -1 || r >= t.rows) continue;
    if (c >= 0 && c < t.headers.length) return { table: t, row: r, column: t.headers[c], spilled: false };
    const spill = t.spills.find((s) => s.offset === c);
    if (spill) return { table: t, row: r, column: spill.header, spilled: true };
  }
  return undefined;
}

/**
 * A table's place from the address Excel gives its range ("'UK individer'!A5:I1423") and its header row, with
 * the columns the plan spills beside it.
 */
export function placedAt(
  planned: string,
  name: string,
  address: string,
  header: readonly CellValue[],
  spills: readonly PlacedSpill[]
): PlacedTable {
  const { sheet, address: a1 } = splitReference(address);
  const [first, last] = a1.split(":");
  const start = parseAddress(first);
  const end = parseAddress(last ?? first);
  return {
    planned,
    name,
    sheet,
    headerRow: start.row,
    firstColumn: start.column,
    headers: header.map((h) => String(h ?? "").trim()),
    rows: end.row - start.row,
    spills,
  };
}

/** What was read of one table: where it is now, and its values (header row first). */
export interface TableRead {
  readonly placed: PlacedTable;
  readonly values: TableValues;
}

/** Runs `context.sync()`, telling a missing table apart from other failures. */
export async function syncReads(context: Excel.RequestContext, built: BuiltWorkbook, tables: readonly string[]) {
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: string }).code === "ItemNotFound") {
      const names = tables.map((t) => built.names.tables.get(t) ?? t);
      throw new Error(
        `En av tabellerna ${names.join(", ")} finns inte längre i arbetsboken (borttagen eller omdöpt). ` +
          "Bygg arbetsboken på nytt (fliken Bygg)."
      );
    }
    throw error;
  }
}

/**
 * The bytes a row of a planned table takes as JSON, estimated from the values it was built with: its largest
 * row and a quarter more (the rows an import adds are of the same kind).
 */
function plannedRowBytes(table: TablePlan): number {
  const rows = Array.from({ length: Math.max(table.rows, 1) }, (_, r) =>
    table.columns.map((c) => {
      const cell = c.cells[r] ?? null;
      return typeof cell === "object" && cell !== null ? cell.result : cell;
    })
  );
  return Math.ceil(Math.max(largestRowBytes([table.columns.map((c) => c.header)]), largestRowBytes(rows)) * 1.25) + 8;
}

/** A table being read: where it is, its header and rows so far, and the bytes of its largest row so far. */
interface Reading {
  readonly planned: string;
  readonly placed: PlacedTable;
  readonly rows: (readonly CellValue[])[];
  rowBytes: number;
}

/** Options of a read in parts. */
export interface ReadOptions {
  /** Called with the share done, 0..1, after each round trip. */
  readonly onProgress?: (fraction: number) => void;
  /** What each round trip aims at (default `PART_BYTES`). */
  readonly bytesPerSync?: number;
}

/**
 * Reads tables (by planned name, by their names in the workbook wherever they are now) and named cells in
 * parts. The first round trip reads where each table stands and as many of its first rows as its share of a
 * part holds (estimated from the plan's values: a table of the 2010 workbook is read whole there); the
 * others read the rest in blocks of rows sized from the largest row read so far. A table the plan lacks is
 * left out.
 */
export async function readInParts(
  context: Excel.RequestContext,
  built: BuiltWorkbook,
  tables: readonly string[],
  names: readonly string[],
  options: ReadOptions = {}
): Promise<{ tables: Map<string, TableRead>; names: Record<string, CellValue | undefined> }> {
  const budget = options.bytesPerSync ?? PART_BYTES;
  const placed = placedTables(built);
  const plans = new Map(built.plan.sheets.flatMap((s) => s.tables.map((t) => [t.name, t] as const)));
  const wanted = tables.filter((planned) => built.names.tables.has(planned));
  const share = budget / Math.max(1, wanted.length);
  const firsts = wanted.map((planned) => {
    const name = built.names.tables.get(planned)!;
    const plan = plans.get(name)!;
    const rowBytes = plannedRowBytes(plan);
    const rows = Math.max(1, Math.floor(share / rowBytes));
    const table = context.workbook.tables.getItem(name);
    const whole = table.getRange().load("address");
    // The header and the first rows, from the table's first cell (rows past its end are left out below).
    const head = table
      .getRange()
      .getCell(0, 0)
      .getResizedRange(rows, plan.columns.length - 1)
      .load("values");
    return { planned, name, whole, head, rowBytes, rows };
  });
  const refs = new Map(built.plan.names.map((n) => [n.name, n.ref]));
  const nameRanges = names.map((planned) => {
    const ref = refs.get(built.names.names.get(planned) ?? planned);
    if (!ref) return { planned, range: undefined };
    return { planned, range: context.workbook.worksheets.getItem(ref.sheet).getRange(address(ref)).load("values") };
  });
  await syncReads(context, built, wanted);

  const readings: Reading[] = firsts.map((f) => {
    const values = f.head.values as CellValue[][];
    const t = placedAt(f.planned, f.name, f.whole.address, values[0] ?? [], placed.get(f.planned)?.spills ?? []);
    const rows = values.slice(1, 1 + Math.min(t.rows, f.rows));
    return { planned: f.planned, placed: t, rows: [values[0] ?? [], ...rows], rowBytes: largestRowBytes(rows) };
  });
  const blocks = readings.flatMap((r) => {
    const have = r.rows.length - 1;
    const rowBytes = Math.ceil(Math.max(r.rowBytes, 16) * 1.25);
    const per = Math.max(1, Math.floor(budget / rowBytes));
    const out: { reading: Reading; from: number; to: number; bytes: number }[] = [];
    for (let from = have; from < r.placed.rows; from += per) {
      const to = Math.min(r.placed.rows, from + per);
      out.push({ reading: r, from, to, bytes: (to - from) * rowBytes });
    }
    return out;
  });
  const parts = inParts(blocks, (b) => b.bytes, budget);
  const progress = (done: number) => options.onProgress?.(done / (parts.length + 1));
  progress(1);
  for (const [i, part] of parts.entries()) {
    const loads = part.map((b) => {
      const t = b.reading.placed;
      const first = t.headerRow + 1 + b.from;
      const range = `${cellAddress({ column: t.firstColumn, row: first })}:${cellAddress({
        column: t.firstColumn + t.headers.length - 1,
        row: t.headerRow + b.to,
      })}`;
      return { b, range: context.workbook.worksheets.getItem(t.sheet).getRange(range).load("values") };
    });
    // One round trip per part, on purpose: each under the limit however long the table is.
    await syncReads(context, built, wanted);
    for (const { b, range } of loads) b.reading.rows.push(...(range.values as CellValue[][]));
    progress(i + 2);
  }
  return {
    tables: new Map(readings.map((r) => [r.planned, { placed: r.placed, values: r.rows }])),
    names: Object.fromEntries(nameRanges.map(({ planned, range }) => [planned, range?.values[0]?.[0] as CellValue])),
  };
}

/**
 * The values of tables (by planned name), wherever they stand now, read in parts (one round trip for the
 * tables of the 2010 workbook); a table the plan lacks is undefined.
 */
export async function readTables(
  built: BuiltWorkbook,
  tables: readonly string[],
  options: ReadOptions = {}
): Promise<Record<string, TableValues | undefined>> {
  return Excel.run(async (context) => {
    const found = (await readInParts(context, built, tables, [], options)).tables;
    return Object.fromEntries(tables.map((t) => [t, found.get(t)?.values]));
  });
}
