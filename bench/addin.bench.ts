/*
 * The add-in in the browser and in Excel on the web:
 * - the bundle sizes of the production build (the engine and decimal.js once, in engine.js);
 * - how many cell values Excel hands the add-in's functions in one full recalculation of the workbook the
 *   pane builds, at 311 and at 3 110 parties: the pane's layout (one call per pot, spilled beside its table)
 *   beside the former layout (the same call in every row, each handed the whole columns), against the input
 *   cells of the tables the calls read; at 311 parties also counted by the in-memory Excel as it recalculates;
 * - every `context.sync()` of the pane's build and of imports, at the demo's size and at 10× (3 110 parties,
 *   14 180 discharge rows), measured by the Excel double as Excel on the web counts them (limit 5 MB per
 *   request or response), beside what the same reads and writes carried in one round trip each, as before.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { loadBundledInputs } from "../src/cli/readData";
import { importTargetTables, parseImport, previewImport, referenceFromTables, TABLE } from "../src/taskpane/import";
import { BuiltWorkbook, buildWorkbook } from "../src/taskpane/writePlan";
import { readTables, writeImport } from "../src/taskpane/workbookTables";
import { buildPlan } from "../src/workbook/buildPlan";
import { WorkbookInputs } from "../src/workbook/inputs";
import { isFormula, WorkbookPlan } from "../src/workbook/plan";
import { formulaText } from "../src/workbook/refs";
import { createExcelDouble, ExcelDouble, SYNC_PAYLOAD_LIMIT, SyncPayload } from "../test/support/excelDouble";
import { sklArguments } from "../test/support/hyperformulaSkl";
import { scaledInputs } from "./workbookWorker";

const ROOT = path.resolve(__dirname, "..");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const count = (n: number) => n.toLocaleString("sv-SE");

/** The production build's scripts: size and gzip size (what a server that compresses sends). */
function bundleSizes(): string[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "skl-bench-build-"));
  try {
    const cli = path.join(ROOT, "node_modules/webpack-cli/bin/cli.js");
    execFileSync(process.execPath, [cli, "--mode", "production", "--output-path", out], { cwd: ROOT, stdio: "ignore" });
    const rows = ["runtime.js", "engine.js", "taskpane.js", "functions.js"].map((file) => {
      const bytes = fs.readFileSync(path.join(out, file));
      return { file, size: bytes.length, gzip: zlib.gzipSync(bytes).length };
    });
    const total = rows.reduce((a, r) => a + r.size, 0);
    return [
      "Bundles (npm run build, production; engine.js holds the engine and decimal.js, loaded once)",
      ...rows.map((r) => `  ${r.file.padEnd(14)} ${kib(r.size).padStart(10)}   gzip ${kib(r.gzip).padStart(9)}`),
      `  ${"total".padEnd(14)} ${kib(total).padStart(10)}`,
    ];
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Values handed to the functions per full recalculation

/** The top-level arguments of the first `name(` call in a formula. */
function callArguments(formula: string, name: string): string[] | undefined {
  const start = formula.indexOf(`${name}(`);
  if (start < 0) return undefined;
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of formula.slice(start + name.length + 1)) {
    if (ch === "'" || ch === '"') quoted = !quoted;
    if (!quoted && ch === "(") depth++;
    if (!quoted && ch === ")" && depth-- === 0) break;
    if (!quoted && ch === "," && depth === 0) {
      args.push(current);
      current = "";
    } else current += ch;
  }
  args.push(current);
  return args;
}

const RANGE = /^(?:'[^']+'!|[\w.]+!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;
const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The cells of a reference as "sheet!C:R" keys, or undefined when the argument is no reference. */
function cellKeys(arg: string, sheet: string): string[] | undefined {
  const m = RANGE.exec(arg.trim());
  if (!m) return undefined;
  const on = /!/.test(arg) ? arg.trim().split("!")[0] : sheet;
  const [c1, r1] = [column(m[1]), Number(m[2])];
  const [c2, r2] = m[3] ? [column(m[3]), Number(m[4])] : [c1, r1];
  const keys: string[] = [];
  for (let c = c1; c <= c2; c++) for (let r = r1; r <= r2; r++) keys.push(`${on}!${c}:${r}`);
  return keys;
}

interface Handed {
  /** Calls and values per function, in the pane's layout and in the former one. */
  readonly spilled: Map<string, { calls: number; values: number }>;
  readonly perRow: Map<string, { calls: number; values: number }>;
  /** Distinct input cells the calls read (their ranges, FILTER's too). */
  readonly inputs: number;
}

/**
 * What one full recalculation hands the functions, counted from the plan's formulas: each call's range
 * arguments in full, FILTER's result as its share of the filtered column (every row once over all calls), a
 * name or cell as one value. A spilled call (its party argument the code column) is one call; in the former
 * layout the same call stood in each of its rows, handed the whole columns each time and one code.
 */
function valuesHanded(plan: WorkbookPlan): Handed {
  const spilled = new Map<string, { calls: number; values: number }>();
  const perRow = new Map<string, { calls: number; values: number }>();
  const inputs = new Set<string>();
  const add = (to: Map<string, { calls: number; values: number }>, name: string, calls: number, values: number) => {
    const e = to.get(name) ?? { calls: 0, values: 0 };
    to.set(name, { calls: e.calls + calls, values: e.values + values });
  };
  const call = (formula: string, sheet: string, rowIndex: number, rows: number, spill: boolean) => {
    const name = /SKL\.([A-Z_]+)\(/.exec(formula)?.[1];
    if (!name) return;
    const args = callArguments(formula, `SKL.${name}`)!;
    let values = 0;
    let party = 0;
    args.forEach((arg, i) => {
      const filter = callArguments(arg, "FILTER");
      if (filter) {
        // FILTER hands one group's rows per call; over all the calls every row of the column once.
        const cells = cellKeys(filter[0], sheet) ?? [];
        for (const f of filter.flatMap((a) => a.split("=")).flatMap((a) => cellKeys(a, sheet) ?? [])) inputs.add(f);
        values += rowIndex === 0 ? cells.length : 0;
        return;
      }
      const cells = cellKeys(arg, sheet);
      for (const c of cells ?? []) inputs.add(c);
      const n = cells?.length ?? 1;
      if (i === 0) party = n;
      values += n;
    });
    add(spilled, name, 1, values);
    // The former layout: the call in each of the rows, with one code for the party.
    if (spill) add(perRow, name, rows, rows * (values - party + 1));
    else add(perRow, name, 1, values);
  };
  for (const sheet of plan.sheets) {
    for (const table of sheet.tables) {
      for (const c of table.columns)
        c.cells.forEach((content, r) => {
          if (isFormula(content)) call(formulaText(content.formula, sheet.name), sheet.name, r, 1, false);
        });
      for (const spill of table.spills) call(formulaText(spill.formula, sheet.name), sheet.name, 0, table.rows, true);
    }
  }
  return { spilled, perRow, inputs: inputs.size };
}

const total = (m: Map<string, { calls: number; values: number }>) =>
  [...m.values()].reduce((a, e) => ({ calls: a.calls + e.calls, values: a.values + e.values }), {
    calls: 0,
    values: 0,
  });

function handedLines(label: string, handed: Handed): string[] {
  const now = total(handed.spilled);
  const before = total(handed.perRow);
  const row = (name: string, a: { calls: number; values: number }, b: { calls: number; values: number }) =>
    `    ${name.padEnd(21)} ${String(a.calls).padStart(6)} ${count(a.values).padStart(11)}   ${String(b.calls).padStart(6)} ${count(b.values).padStart(13)}`;
  return [
    `  ${label}: the calls read ${count(handed.inputs)} input cells`,
    `    ${"".padEnd(21)} ${"calls".padStart(6)} ${"values".padStart(11)}   ${"calls".padStart(6)} ${"values".padStart(13)}`,
    `    ${"".padEnd(21)} ${"spilled (now)".padStart(18)}   ${"a call per row (before)".padStart(20)}`,
    ...[...handed.spilled.keys()].map((name) => row(name, handed.spilled.get(name)!, handed.perRow.get(name)!)),
    row("total", now, before),
    `    values / input cells:  now ${(now.values / handed.inputs).toFixed(2)}×, before ${(before.values / handed.inputs).toFixed(1)}×`,
  ];
}

/** The values the functions are handed when the double recalculates the whole built workbook. */
async function recalculated(plan: WorkbookPlan): Promise<{ calls: number; values: number }> {
  const excel = await createExcelDouble();
  (globalThis as unknown as { Excel: unknown }).Excel = excel.api;
  await buildWorkbook(plan, { year: 2010 });
  sklArguments.calls = 0;
  sklArguments.values = 0;
  excel.hf.rebuildAndRecalculate();
  return { calls: sklArguments.calls, values: sklArguments.values };
}

// ---------------------------------------------------------------------------------------------------
// Round trips of the build and of imports

/** The 2010 inputs with 10× the parties and 10× the individuals of each discharge group. */
function tenTimes(inputs: WorkbookInputs): WorkbookInputs {
  const scaled = scaledInputs(inputs, 10);
  return {
    ...scaled,
    discharge: Array.from({ length: 10 }, (_, k) =>
      inputs.discharge.map((r) => ({ ...r, individual: k === 0 ? r.individual : `${r.individual}-${k}` }))
    ).flat(),
  };
}

interface Measured {
  readonly syncs: number;
  readonly request: number;
  readonly response: number;
  /** What the same work carried in all, as one round trip would have. */
  readonly all: number;
}

function measured(payloads: readonly SyncPayload[]): Measured {
  return {
    syncs: payloads.length,
    request: Math.max(0, ...payloads.map((p) => p.request)),
    response: Math.max(0, ...payloads.map((p) => p.response)),
    all: Math.max(
      payloads.reduce((a, p) => a + p.request, 0),
      payloads.reduce((a, p) => a + p.response, 0)
    ),
  };
}

async function during(excel: ExcelDouble, work: () => Promise<unknown>): Promise<Measured> {
  const from = excel.syncPayloads.length;
  await work();
  return measured(excel.syncPayloads.slice(from));
}

/** The pane's import of a file, as the import tab runs it: preview (reads), then Skriv in (reads again, writes). */
async function imported(
  excel: ExcelDouble,
  built: BuiltWorkbook,
  text: string
): Promise<{ read: Measured; write: Measured; changes: number }> {
  let changes = 0;
  let edits: Parameters<typeof writeImport>[1] = [];
  const read = await during(excel, async () => {
    const reference = await readTables(built, [TABLE.municipalities, TABLE.counties]);
    const parsed = parseImport(text, referenceFromTables(reference[TABLE.municipalities]!, reference[TABLE.counties]!));
    if (!parsed.ok)
      throw new Error(
        parsed.problems
          .slice(0, 3)
          .map((p) => p.message)
          .join("; ")
      );
    const preview = previewImport(parsed, await readTables(built, importTargetTables(parsed.kind)));
    if (!preview.ok)
      throw new Error(
        preview.problems
          .slice(0, 3)
          .map((p) => p.message)
          .join("; ")
      );
    changes = preview.changes.length;
    edits = preview.edits;
  });
  const write = await during(excel, () => writeImport(built, edits));
  return { read, write, changes };
}

/** A palliative registry file with every party's figures changed (one more death, as many registrations). */
function palliativeFile(inputs: WorkbookInputs): string {
  // The kind too: with 10× the parties, county code 114 and municipality code 0114 are the same number.
  const lines = ["Kod;Typ;Dödsfall;Registreringar"];
  for (const p of inputs.palliative) lines.push(`${p.code};${p.kind};${p.deaths + 1};${p.registrations}`);
  return `${lines.join("\n")}\n`;
}

/** A discharge file of the given individuals, each with one more day reported. */
function dischargeFile(rows: WorkbookInputs["discharge"]): string {
  const lines = ["Kommun;Månad;Individ;Vårdform;Dagar rapporterade;Dagar efter analys"];
  for (const r of rows)
    lines.push(`${r.municipality};${r.month};${r.individual};${r.care};${r.daysReported + 1};${r.daysAfterAnalysis}`);
  return `${lines.join("\n")}\n`;
}

function syncLine(what: string, m: Measured): string {
  const largest = Math.max(m.request, m.response);
  return (
    `  ${what.padEnd(44)} ${String(m.syncs).padStart(4)} syncs, largest ${kib(largest).padStart(10)}` +
    ` (${((100 * largest) / SYNC_PAYLOAD_LIMIT).toFixed(1).padStart(4)} % of 5 MB); in one round trip ${kib(m.all).padStart(10)}`
  );
}

async function roundTrips(
  label: string,
  inputs: WorkbookInputs,
  extra?: WorkbookInputs["discharge"]
): Promise<string[]> {
  const plan = buildPlan(inputs, "addin").plan;
  const excel = await createExcelDouble();
  (globalThis as unknown as { Excel: unknown }).Excel = excel.api;
  let built: BuiltWorkbook | undefined;
  const build = await during(excel, async () => {
    const result = await buildWorkbook(plan, { year: 2010 });
    if (result.status !== "built") throw new Error(`the build did not finish: ${result.status}`);
    built = result;
  });
  const lines = [`  ${label}`, syncLine("build", build)];
  const palliative = await imported(excel, built!, palliativeFile(inputs));
  lines.push(syncLine(`palliative import, ${count(inputs.palliative.length)} parties: preview`, palliative.read));
  lines.push(syncLine("                                     write", palliative.write));
  const discharge = await imported(excel, built!, dischargeFile(inputs.discharge));
  lines.push(syncLine(`discharge import, ${count(inputs.discharge.length)} rows: preview`, discharge.read));
  lines.push(syncLine("                                     write", discharge.write));
  if (extra) {
    const added = await imported(excel, built!, dischargeFile([...inputs.discharge, ...extra]));
    lines.push(
      syncLine(
        `discharge, ${count(inputs.discharge.length + extra.length)} rows (${count(extra.length)} new): preview`,
        added.read
      )
    );
    lines.push(syncLine("                                     write", added.write));
  }
  return lines;
}

export async function benchAddin(): Promise<string[]> {
  const inputs = loadBundledInputs(2010);
  const ten = tenTimes(inputs);
  const plan = buildPlan(inputs, "addin").plan;
  const tenPlan = buildPlan(scaledInputs(inputs, 10), "addin").plan;
  const counted = await recalculated(plan);
  const handed = valuesHanded(plan);
  const extra = ten.discharge.filter((r) => /-\d+$/.test(r.individual));
  const lines = [
    ...bundleSizes(),
    "",
    "One full recalculation of the workbook the pane builds: cell values Excel hands the add-in's functions",
    ...handedLines(`2010, ${count(inputs.palliative.length)} parties`, handed),
    `    counted by the in-memory Excel recalculating the built workbook: ${counted.calls} calls, ${count(counted.values)} values`,
    ...handedLines(`10× the parties, ${count(10 * inputs.palliative.length)}`, valuesHanded(tenPlan)),
    "",
    "Round trips to Excel (each context.sync(), as the in-memory Excel counts it; Excel on the web refuses 5 MB)",
    ...(await roundTrips(
      `the demo: ${count(inputs.palliative.length)} parties, ${count(inputs.discharge.length)} discharge rows`,
      inputs,
      extra
    )),
    ...(await roundTrips(
      `10×: ${count(ten.palliative.length)} parties, ${count(ten.discharge.length)} discharge rows`,
      ten
    )),
  ];
  return lines;
}
