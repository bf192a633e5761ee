/*
 * One measured run of the command line's work on a --data folder (reading and checking the files, the plan,
 * exceljs), in its own process so that its peak memory is its own, with the parties repeated `factor` times as
 * in workbookWorker.ts: prints {"ms": …, "maxRssMb": …, "rows": …, "bytes": …} as JSON, or the refusal.
 */
import { performance } from "node:perf_hooks";
import { DataError, readDataDirectory } from "../src/cli/readData";
import { planToXlsx } from "../src/cli/xlsxWriter";
import { buildPlan } from "../src/workbook/buildPlan";
import { scaledInputs } from "./workbookWorker";

async function run(dir: string, factor: number): Promise<void> {
  const start = performance.now();
  let result: Record<string, unknown>;
  try {
    const inputs = scaledInputs(readDataDirectory(dir, 2010), factor);
    const { plan } = buildPlan(inputs, "file");
    const bytes = (await planToXlsx(plan)).length;
    const rows = inputs.discharge.length + inputs.pilots.length + inputs.countyBudget.length + inputs.palliative.length;
    result = { rows, bytes };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    result = { refused: error.problems.map((p) => p.problem.slice(0, 60)) };
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, ...result }));
}

if (require.main === module) {
  run(process.argv[2], Number(process.argv[3] ?? "1")).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
