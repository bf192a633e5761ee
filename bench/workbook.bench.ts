/*
 * Writing the allocation workbook: time and peak memory for the 2010 workbook and for the same plan with
 * 10× the parties, each in a fresh process, alternated so that machine noise hits both alike.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fmt, ratio } from "./measure";

interface Run {
  ms: number;
  maxRssMb: number;
  parties: number;
  bytes: number;
}

function once(factor: number): Run {
  const tsx = path.join(__dirname, "..", "node_modules", ".bin", "tsx");
  const out = execFileSync(tsx, [path.join(__dirname, "workbookWorker.ts"), String(factor)], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchWorkbook(rounds = 3): string[] {
  const runs: Record<number, Run[]> = { 1: [], 10: [] };
  for (let r = 0; r < rounds; r++) {
    runs[1].push(once(1));
    runs[10].push(once(10));
  }
  const summary = (factor: number) => {
    const rs = runs[factor];
    return {
      ms: median(rs.map((x) => x.ms)),
      mb: median(rs.map((x) => x.maxRssMb)),
      parties: rs[0].parties,
      bytes: rs[0].bytes,
    };
  };
  const one = summary(1);
  const ten = summary(10);
  return [
    `Workbook (plan + exceljs), median of ${rounds} fresh processes each`,
    `  2010 workbook, ${one.parties} parties:        ${fmt(one.ms)}, peak RSS ${one.mb.toFixed(0)} MB, ${(one.bytes / 1024).toFixed(0)} KiB`,
    `  same plan, ${ten.parties} parties (10×):     ${fmt(ten.ms)}, peak RSS ${ten.mb.toFixed(0)} MB, ${(ten.bytes / 1024).toFixed(0)} KiB`,
    `  growth in time / memory:                ${ratio(ten.ms, one.ms)} / ${ratio(ten.mb, one.mb)}`,
  ];
}
