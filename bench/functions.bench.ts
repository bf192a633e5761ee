/*
 * Custom-function speed, as Excel calls them:
 * - a per-row formula (=SKL.PALLIATIVE_SHARE([@Kod], …whole columns…)) is called once per row, each
 *   time with a fresh copy of the whole table; compared with the floor of merely reading those inputs, at 290
 *   and at 2 900 parties (deciding that a remembered table still holds is linear in the table);
 * - one spilled call of each party function at 290 and at 2 900 parties, with the cache cleared before
 *   each call (growth should stay near linear: issue 3 §4, goal ≤ 12×).
 * Every task is measured side by side in one run, round by round, so that machine noise hits them alike.
 */
import { countyGrant, forgetComputedTables, palliativeShare, seniorAlertPayout } from "../src/functions/functions";
import { fmt, ratio, sideBySide } from "./measure";

type Column = (string | number | boolean)[][];

interface Table {
  codes: string[][];
  /** Palliative registry: registrations around the threshold, deaths, population. */
  registrations: number[][];
  deaths: number[][];
  population: number[][];
  /** Senior alert: about 70 % qualify; registrations 0–300, so many parties have equal weights. */
  qualifies: boolean[][];
  seniorAlertRegistrations: number[][];
  /** County grant: weights 1–49, like the number of municipalities in a county. */
  weights: number[][];
}

/** A deterministic table of n parties. */
function table(n: number): Table {
  let seed = 2010;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const t: Table = {
    codes: [],
    registrations: [],
    deaths: [],
    population: [],
    qualifies: [],
    seniorAlertRegistrations: [],
    weights: [],
  };
  for (let i = 0; i < n; i++) {
    const deaths = 5 + Math.floor(next() * 400);
    t.codes.push([String(1000 + i).padStart(4, "0")]);
    t.deaths.push([deaths]);
    t.registrations.push([Math.floor(deaths * next())]);
    t.population.push([2500 + Math.floor(next() * 800000)]);
    t.qualifies.push([next() < 0.7]);
    t.seniorAlertRegistrations.push([Math.floor(next() * 301)]);
    t.weights.push([1 + Math.floor(next() * 49)]);
  }
  return t;
}

const copyColumn = <C extends Column>(c: C): C => c.map((r) => [...r]) as C;
/** A fresh copy of the palliative ranges, as Excel hands each per-row call (only those: less to collect). */
const copy = (t: Table): Table => ({
  ...t,
  codes: copyColumn(t.codes),
  registrations: copyColumn(t.registrations),
  deaths: copyColumn(t.deaths),
  population: copyColumn(t.population),
});

export function benchFunctions(): string[] {
  const t290 = table(290);
  const t2900 = table(2900);
  // Excel hands every call its own copy of the ranges: prepare them outside the timing.
  const copies = t290.codes.map(() => copy(t290));
  // At 2 900 parties, the first 200 rows' calls (a copy of 2 900 rows each): how a cached call's cost grows.
  const copies2900 = t2900.codes.slice(0, 200).map(() => copy(t2900));
  let sink = 0;

  const perRowOf = (list: Table[]) => () => {
    forgetComputedTables();
    list.forEach((c, i) => {
      sink += palliativeShare(c.codes[i][0], c.codes, c.registrations, c.deaths, c.population, 40000000, 0.4) as number;
    });
  };
  // The least any per-row call must do: look at every input cell once.
  const readFloorOf = (list: Table[]) => () => {
    list.forEach((c) => {
      for (let r = 0; r < c.codes.length; r++) {
        sink += c.codes[r][0].length + c.registrations[r][0] + c.deaths[r][0] + c.population[r][0];
      }
    });
  };
  const perRow = perRowOf(copies);
  const readFloor = readFloorOf(copies);
  const spilled = (call: (t: Table) => unknown[][]) => (t: Table) => () => {
    forgetComputedTables();
    sink += call(t).length;
  };
  const palliative = spilled((t) =>
    palliativeShare(t.codes, t.codes, t.registrations, t.deaths, t.population, 40000000, 0.4)
  );
  const seniorAlert = spilled((t) =>
    seniorAlertPayout(t.codes, t.codes, t.qualifies, t.seniorAlertRegistrations, 50000000)
  );
  // Every county gets 2 MSEK and the rest, 1 MSEK a county, is shared by weight in whole kronor.
  const county = spilled((t) => countyGrant(t.codes, t.codes, t.weights, t.codes.length * 3000000, 2000000));

  const m = sideBySide(
    {
      perRow,
      readFloor,
      perRow2900: perRowOf(copies2900),
      readFloor2900: readFloorOf(copies2900),
      palliative290: palliative(t290),
      palliative2900: palliative(t2900),
      seniorAlert290: seniorAlert(t290),
      seniorAlert2900: seniorAlert(t2900),
      county290: county(t290),
      county2900: county(t2900),
    },
    21
  );
  if (Number.isNaN(sink)) throw new Error("unreachable");
  const growth = (name: string, at290: number, at2900: number) =>
    `  ${name.padEnd(20)} ${fmt(at290).padStart(9)}  ${fmt(at2900).padStart(9)}  ${ratio(at2900, at290).padStart(7)}`;
  return [
    "Custom functions (median of 21 interleaved rounds)",
    `  290 per-row PALLIATIVE_SHARE calls:     ${fmt(m.perRow)}`,
    `  floor, reading the inputs 290 times:    ${fmt(m.readFloor)}`,
    `  per-row / floor:                        ${ratio(m.perRow, m.readFloor)}  (goal ≤ 2×)`,
    `  at 2 900 parties, 200 per-row calls:    ${fmt(m.perRow2900)}, floor ${fmt(m.readFloor2900)}: ${ratio(m.perRow2900, m.readFloor2900)}`,
    `  a call's cost, 290 → 2 900 rows:        ${ratio(m.perRow2900 / 200, m.perRow / 290)}  (linear in the table: about 10×)`,
    "  one spilled call, cache cleared before each (goal: growth ≤ 12×)",
    `  ${"".padEnd(20)} ${"290".padStart(9)}  ${"2 900".padStart(9)}  ${"growth".padStart(7)}`,
    growth("PALLIATIVE_SHARE", m.palliative290, m.palliative2900),
    growth("SENIOR_ALERT_PAYOUT", m.seniorAlert290, m.seniorAlert2900),
    growth("COUNTY_GRANT", m.county290, m.county2900),
  ];
}
