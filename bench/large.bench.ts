/*
 * The command line's largest inputs (README, "Limits"): each file at the row limit of src/cli/readData.ts, and a
 * discharge file far past it (the 1 004 424 rows of 40 MB that once ran the command out of memory), each in a
 * fresh process; time and peak memory side by side with the demo data, alternated round by round.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MEMORY_BOUND, ROW_LIMITS } from "../src/cli/readData";
import { writeLargeFolder } from "./largeData";
import { fmt } from "./measure";

interface Run {
  ms: number;
  maxRssMb: number;
  rows?: number;
  refused?: string[];
}

function once(dir: string, factor: number): Run {
  const tsx = path.join(__dirname, "..", "node_modules", ".bin", "tsx");
  const out = execFileSync(tsx, [path.join(__dirname, "largeWorker.ts"), dir, String(factor)], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchLarge(rounds = 3): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "skl-bench-large-"));
  try {
    const limit = (key: keyof typeof ROW_LIMITS) => ROW_LIMITS[key]!;
    const cases = [
      { name: "demo data (1 418 discharge rows, 311 parties)", dir: path.join(root, "demo"), factor: 1, rows: {} },
      {
        name: `discharge file at its limit (${limit("discharge")} rows)`,
        dir: path.join(root, "discharge"),
        factor: 1,
        rows: { discharge: limit("discharge") },
      },
      {
        name: `every file at its limit (${limit("discharge")} discharge, ${limit("pilots")} pilot, ${limit("countyBudget")} budget rows; 10× the parties)`,
        dir: path.join(root, "all"),
        factor: 10,
        rows: { discharge: limit("discharge"), pilots: limit("pilots"), budget: limit("countyBudget") },
      },
      {
        name: "discharge file of 1 004 424 rows (40 MB), refused",
        dir: path.join(root, "huge"),
        factor: 1,
        rows: { discharge: 1004424 },
      },
    ];
    for (const c of cases) writeLargeFolder(c.dir, c.rows);
    const runs = cases.map(() => [] as Run[]);
    for (let r = 0; r < rounds; r++) cases.forEach((c, i) => runs[i].push(once(c.dir, c.factor)));
    const lines = [
      `Large inputs (read, check, plan, exceljs), median of ${rounds} fresh processes each; stated bound ${MEMORY_BOUND}`,
    ];
    cases.forEach((c, i) => {
      const ms = median(runs[i].map((x) => x.ms));
      const mb = median(runs[i].map((x) => x.maxRssMb));
      const refused = runs[i][0].refused ? " (refused before parsing)" : "";
      lines.push(`  ${c.name}: ${fmt(ms)}, peak RSS ${mb.toFixed(0)} MB${refused}`);
    });
    return lines;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
