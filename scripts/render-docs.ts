/*
 * Draws the README's pictures of the workbook: writes the 2010 workbook from the bundled data and lets
 * LibreOffice render chosen sheets to PNG (docs/workbook-*.png). Needs soffice and pdftoppm
 * (Debian: libreoffice-calc-nogui, poppler-utils). Run: npx tsx scripts/render-docs.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadBundledInputs } from "../src/cli/readData";
import { planToXlsx } from "../src/cli/xlsxWriter";
import { buildPlan } from "../src/workbook/buildPlan";
import { renderWorkbookPng } from "../test/support/libreoffice";

const PICTURES: readonly [string, string][] = [
  ["Avstämning", "workbook-avstamning.png"],
  ["Utbetalningar", "workbook-utbetalningar.png"],
  ["Andel", "workbook-andel.png"],
  ["Länsbidrag", "workbook-lansbidrag.png"],
  ["Palliativ", "workbook-palliativ.png"],
];

async function main(): Promise<void> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), "skl-docs-"));
  try {
    const file = path.join(temp, "skl-2010.xlsx");
    fs.writeFileSync(file, await planToXlsx(buildPlan(loadBundledInputs(2010), "file").plan));
    for (const [sheet, png] of PICTURES) {
      const written = await renderWorkbookPng(file, path.join(__dirname, "..", "docs", png), { sheet, dpi: 90 });
      console.log(`${sheet} → ${written.join(", ")}`);
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
