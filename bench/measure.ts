/** Small timing helpers for `npm run bench`: medians of repeated runs, measured side by side. */
import { performance } from "node:perf_hooks";

/** Median wall time in milliseconds of `runs` calls of `fn` (after one warm-up call). */
export function medianMs(fn: () => void, runs = 15): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Measures several named tasks interleaved, round by round, so machine noise hits them alike. */
export function sideBySide(tasks: Record<string, () => void>, rounds = 15): Record<string, number> {
  const names = Object.keys(tasks);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) tasks[n]();
  for (let r = 0; r < rounds; r++) {
    for (const n of names) {
      const start = performance.now();
      tasks[n]();
      samples[n].push(performance.now() - start);
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const s = samples[n].sort((a, b) => a - b);
      return [n, s[Math.floor(s.length / 2)]];
    })
  );
}

export const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
