/*
 * One measured run of writing the workbook (plan + exceljs), in its own process so that its peak memory
 * is its own: prints {"ms": …, "maxRssMb": …, "parties": …, "bytes": …} as JSON.
 */
import { performance } from "node:perf_hooks";
import { loadBundledInputs } from "../src/cli/readData";
import { planToXlsx } from "../src/cli/xlsxWriter";
import { buildPlan } from "../src/workbook/buildPlan";
import { WorkbookInputs } from "../src/workbook/inputs";

/**
 * The 2010 inputs with every municipality and county repeated `factor` times under new codes (the
 * copies keep their populations and registry figures), so that the same plan grows with the parties.
 */
export function scaledInputs(inputs: WorkbookInputs, factor: number): WorkbookInputs {
  if (factor === 1) return inputs;
  const copies = Array.from({ length: factor }, (_, k) => k);
  const municipalityCode = (code: string, k: number) => String(Number(code) + 10000 * k).padStart(4, "0");
  const countyCode = (code: string, k: number) => String(Number(code) + 100 * k).padStart(2, "0");
  const codeFor = (kind: "kommun" | "landsting", code: string, k: number) =>
    kind === "kommun" ? municipalityCode(code, k) : countyCode(code, k);
  return {
    ...inputs,
    municipalities: copies.flatMap((k) =>
      inputs.municipalities.map((m) => ({
        ...m,
        code: municipalityCode(m.code, k),
        countyCode: countyCode(m.countyCode, k),
      }))
    ),
    counties: copies.flatMap((k) => inputs.counties.map((c) => ({ ...c, code: countyCode(c.code, k) }))),
    publishedCountyGrant: copies.flatMap((k) =>
      inputs.publishedCountyGrant.map((g) => ({ ...g, code: countyCode(g.code, k) }))
    ),
    palliative: copies.flatMap((k) => inputs.palliative.map((r) => ({ ...r, code: codeFor(r.kind, r.code, k) }))),
    seniorAlert: copies.flatMap((k) => inputs.seniorAlert.map((r) => ({ ...r, code: codeFor(r.kind, r.code, k) }))),
    parameters: {
      ...inputs.parameters,
      countyGrantKr: inputs.parameters.countyGrantKr * factor,
      regionalSupportKr: inputs.parameters.regionalSupportKr * factor,
    },
  };
}

async function run(factor: number): Promise<void> {
  const inputs = scaledInputs(loadBundledInputs(2010), factor);
  const start = performance.now();
  const { plan } = buildPlan(inputs, "file");
  const bytes = (await planToXlsx(plan)).length;
  const ms = performance.now() - start;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const parties = inputs.palliative.length;
  console.log(JSON.stringify({ ms, maxRssMb, parties, bytes }));
}

if (require.main === module) {
  run(Number(process.argv[2] ?? "1")).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
