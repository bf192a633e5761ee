/*
 * Custom-function speed, as Excel calls them:
 * - a per-row formula (=SKL.PALLIATIVE_SHARE([@Kod], …whole columns…)) is called once per row, each
 *   time with a fresh copy of the whole table; compared with the floor of merely reading those inputs;
 * - one spilled call at 290 and at 2 900 parties (growth should stay near linear).
 */
import { forgetComputedTables, palliativeShare } from "../src/functions/functions";
import { fmt, ratio, sideBySide } from "./measure";

interface Table {
  codes: string[][];
  registrations: number[][];
  deaths: number[][];
  population: number[][];
}

/** A deterministic table of n parties with deaths, registrations around the threshold and populations. */
function table(n: number): Table {
  let seed = 2010;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const t: Table = { codes: [], registrations: [], deaths: [], population: [] };
  for (let i = 0; i < n; i++) {
    const deaths = 5 + Math.floor(next() * 400);
    t.codes.push([String(1000 + i).padStart(4, "0")]);
    t.deaths.push([deaths]);
    t.registrations.push([Math.floor(deaths * next())]);
    t.population.push([2500 + Math.floor(next() * 800000)]);
  }
  return t;
}

const copy = (t: Table): Table => ({
  codes: t.codes.map((r) => [...r]),
  registrations: t.registrations.map((r) => [...r]),
  deaths: t.deaths.map((r) => [...r]),
  population: t.population.map((r) => [...r]),
});

export function benchFunctions(): string[] {
  const t290 = table(290);
  const t2900 = table(2900);
  // Excel hands every call its own copy of the ranges: prepare them outside the timing.
  const copies = t290.codes.map(() => copy(t290));
  let sink = 0;

  const perRow = () => {
    forgetComputedTables();
    copies.forEach((c, i) => {
      sink += palliativeShare(c.codes[i][0], c.codes, c.registrations, c.deaths, c.population, 40000000, 0.4) as number;
    });
  };
  const readFloor = () => {
    // The least any per-row call must do: look at every input cell once.
    copies.forEach((c) => {
      for (let r = 0; r < c.codes.length; r++) {
        sink += c.codes[r][0].length + c.registrations[r][0] + c.deaths[r][0] + c.population[r][0];
      }
    });
  };
  const spilled = (t: Table) => () => {
    forgetComputedTables();
    const result = palliativeShare(t.codes, t.codes, t.registrations, t.deaths, t.population, 40000000, 0.4);
    sink += result.length;
  };
  const m = sideBySide({ perRow, readFloor, spill290: spilled(t290), spill2900: spilled(t2900) }, 21);
  if (Number.isNaN(sink)) throw new Error("unreachable");
  return [
    "Custom functions (median of 21 interleaved rounds)",
    `  290 per-row PALLIATIVE_SHARE calls:     ${fmt(m.perRow)}`,
    `  floor, reading the inputs 290 times:    ${fmt(m.readFloor)}`,
    `  per-row / floor:                        ${ratio(m.perRow, m.readFloor)}  (goal ≤ 2×)`,
    `  one spilled call, 290 parties:          ${fmt(m.spill290)}`,
    `  one spilled call, 2 900 parties:        ${fmt(m.spill2900)}`,
    `  growth 290 → 2 900:                     ${ratio(m.spill2900, m.spill290)}  (goal ≤ 12×)`,
  ];
}
