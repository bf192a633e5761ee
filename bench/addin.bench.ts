/*
 * The add-in in the browser and in Excel on the web:
 * - the bundle sizes of the production build (the engine and decimal.js once, in engine.js);
 * - the largest `context.sync()` payload of building the 2010 workbook through the task pane, measured by the
 *   Excel double as Excel on the web counts it (limit 5 MB per request or response);
 * - how many cell values Excel hands the add-in's functions in one full recalculation of the built workbook:
 *   every add-in formula is a per-row call that passes whole columns, so each call's range arguments count
 *   in full, times the rows.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { loadBundledInputs } from "../src/cli/readData";
import { buildWorkbook } from "../src/taskpane/writePlan";
import { buildPlan } from "../src/workbook/buildPlan";
import { isFormula, WorkbookPlan } from "../src/workbook/plan";
import { formulaText } from "../src/workbook/refs";
import { createExcelDouble, SYNC_PAYLOAD_LIMIT } from "../test/support/excelDouble";

const ROOT = path.resolve(__dirname, "..");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

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

/** The largest request/response of the pane's build of the 2010 workbook, in the Excel double. */
async function syncPayloads(plan: WorkbookPlan): Promise<string[]> {
  const excel = await createExcelDouble();
  (globalThis as unknown as { Excel: unknown }).Excel = excel.api;
  const result = await buildWorkbook(plan, { year: 2010 });
  if (result.status !== "built") throw new Error(`the build did not finish: ${result.status}`);
  const largest = excel.syncPayloads.reduce((a, p) =>
    Math.max(p.request, p.response) > Math.max(a.request, a.response) ? p : a
  );
  const total = excel.syncPayloads.reduce((a, p) => a + p.request + p.response, 0);
  return [
    `Excel on the web: the pane's build of the 2010 workbook (${excel.syncs} syncs)`,
    `  largest sync payload:  ${kib(Math.max(largest.request, largest.response))} (request ${kib(largest.request)}, response ${kib(largest.response)}); limit ${kib(SYNC_PAYLOAD_LIMIT)} (${((100 * Math.max(largest.request, largest.response)) / SYNC_PAYLOAD_LIMIT).toFixed(1)} %)`,
    `  all syncs together:    ${kib(total)}`,
  ];
}

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

/** The cells an argument hands over: a range's cells, FILTER's result (estimated by `filtered`), else one value. */
function cellsOf(arg: string, filtered: (range: string) => number): number {
  const range = /^(?:'[^']+'!|[\w.]+!)?\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(arg.trim());
  if (range) {
    const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return (Number(range[4]) - Number(range[2]) + 1) * (column(range[3]) - column(range[1]) + 1);
  }
  const filter = callArguments(arg, "FILTER");
  if (filter) return filtered(filter[0]);
  return 1;
}

/** Values handed to the add-in's functions when every add-in formula of the plan is calculated once. */
function valuesPerRecalculation(plan: WorkbookPlan): string[] {
  const byFunction = new Map<string, { calls: number; values: number }>();
  for (const sheet of plan.sheets) {
    for (const table of sheet.tables) {
      for (const column of table.columns) {
        column.cells.forEach((content, row) => {
          if (!isFormula(content)) return;
          // The formula as Excel receives it, in A1 text.
          const formula = formulaText(content.formula, sheet.name);
          const name = /SKL\.([A-Z_]+)\(/.exec(formula)?.[1];
          if (!name) return;
          const args = callArguments(formula, `SKL.${name}`)!;
          // FILTER hands one group's days per call; over all calls every individual once: the column's cells
          // divided among the calls (counted as the whole column once for the first call, then nothing).
          const values = args.reduce((a, arg) => a + cellsOf(arg, (r) => (row === 0 ? cellsOf(r, () => 1) : 0)), 0);
          const entry = byFunction.get(name) ?? { calls: 0, values: 0 };
          byFunction.set(name, { calls: entry.calls + 1, values: entry.values + values });
        });
      }
    }
  }
  const total = [...byFunction.values()].reduce((a, e) => a + e.values, 0);
  const calls = [...byFunction.values()].reduce((a, e) => a + e.calls, 0);
  return [
    "One full recalculation of the built 2010 workbook: cell values Excel hands the add-in's functions",
    ...[...byFunction].map(
      ([name, e]) =>
        `  ${name.padEnd(21)} ${String(e.calls).padStart(4)} calls ${e.values.toLocaleString("sv-SE").padStart(9)} values`
    ),
    `  ${"total".padEnd(21)} ${String(calls).padStart(4)} calls ${total.toLocaleString("sv-SE").padStart(9)} values`,
  ];
}

export async function benchAddin(): Promise<string[]> {
  const plan = buildPlan(loadBundledInputs(2010), "addin").plan;
  return [...bundleSizes(), "", ...(await syncPayloads(plan)), "", ...valuesPerRecalculation(plan)];
}
