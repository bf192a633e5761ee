/*
 * The add-in's Excel custom functions (namespace SKL). Each is one descriptor for the one adapter
 * (`adapter.ts`): its argument columns and their kinds, its scalar parameters and their defaults, its
 * rule from the engine and its amount per line. The JSDoc below is the source of functions.json
 * (CustomFunctionsMetadataPlugin); the ids never change.
 */
import { countyGrant as countyGrantRule } from "../engine/countyGrant";
import { dischargeSettlement as dischargeRule } from "../engine/discharge";
import { palliativeShares } from "../engine/palliative";
import { seniorAlertPayout as seniorAlertRule } from "../engine/seniorAlert";
import { Label } from "../input";
import { forgetTables, listFunction, partyFunction } from "./adapter";
import { Answer } from "./answer";
import { DEFAULTS } from "./defaults";

const ROUNDING = { what: Label.step, kind: "step", default: DEFAULTS.roundingStep } as const;

const PALLIATIVE = partyFunction({
  columns: {
    registrations: { what: Label.registrations, kind: "count" },
    deaths: { what: Label.deaths, kind: "count" },
    population: { what: Label.population, kind: "count" },
  },
  scalars: {
    pot: { what: Label.pot, kind: "kronor" },
    threshold: { what: Label.threshold, kind: "share" },
    step: ROUNDING,
  },
  rule: palliativeShares,
  amount: (line) => line.share.amountNumber,
});

const SENIOR_ALERT = partyFunction({
  columns: {
    qualifies: { what: Label.started, kind: "yesNo" },
    registrations: { what: Label.registrations, kind: "count" },
  },
  scalars: { pot: { what: Label.pot, kind: "kronor" }, step: ROUNDING },
  rule: seniorAlertRule,
  amount: (line) => line.share.amountNumber,
});

const COUNTY_GRANT = partyFunction({
  columns: { weight: { what: Label.weight, kind: "amount" } },
  scalars: { total: { what: Label.total, kind: "kronor" }, base: { what: Label.base, kind: "kronor" }, step: ROUNDING },
  rule: countyGrantRule,
  amount: (line) => line.totalNumber,
});

const DISCHARGE = listFunction({
  column: { what: Label.dischargeDays, kind: "count" },
  scalars: {
    pricePerDay: { what: Label.pricePerDay, kind: "kronor" },
    dayLimit: { what: Label.dayLimit, kind: "count", default: DEFAULTS.somatic.dayLimit },
    averageLimit: { what: Label.averageLimit, kind: "amount", default: DEFAULTS.somatic.averageLimit },
  },
  rule: (days, limits) =>
    dischargeRule(
      days.map(({ row, value }) => ({ row, days: value })),
      limits
    ),
  amount: (result) => result.amount.toNumber(),
});

/** Forgets every remembered table (for benchmarks and tests that measure a first computation). */
export function forgetComputedTables(): void {
  forgetTables();
}

/**
 * One tier of the palliative registry payout: parties whose registrations/deaths reach the threshold share the pot in proportion to population (largest remainder, ties by code).
 * @customfunction PALLIATIVE_SHARE
 * @helpurl https://localhost:3000/help/en/palliative-share.html
 * @param party The party's code, or the whole code column to get a spilled column of amounts.
 * @param parties Code column of all parties in the same pot (municipality codes such as "0114" or county codes).
 * @param registrations Registrations in the palliative registry in the measurement period, one per party.
 * @param deaths Deaths in the measurement period, one per party.
 * @param population Population of each party; qualifying parties share in proportion to it.
 * @param pot The money in this tier and pot, in kronor (e.g. 40000000).
 * @param threshold The qualifying registration rate as a share: 0.4 for 40 %.
 * @param [rounding] Rounding step in kronor (default 1; 1000 pays whole thousands).
 * @returns The amount in kronor (a column when party is a column).
 */
export function palliativeShare(
  party: any[][],
  parties: any[][],
  registrations: any[][],
  deaths: any[][],
  population: any[][],
  pot: number,
  threshold: number,
  rounding?: number
): any[][];
export function palliativeShare(
  party: string | number | null,
  parties: any[][],
  registrations: any[][],
  deaths: any[][],
  population: any[][],
  pot: number,
  threshold: number,
  rounding?: number
): number | string;
export function palliativeShare(
  party: unknown,
  parties: any[][],
  registrations: any[][],
  deaths: any[][],
  population: any[][],
  pot: number,
  threshold: number,
  rounding?: number
): Answer {
  return PALLIATIVE(party, parties, { registrations, deaths, population }, { pot, threshold, step: rounding });
}

/**
 * Senior alert payout: the pot is paid per registration to the parties where all relevant units have started registration.
 * @customfunction SENIOR_ALERT_PAYOUT
 * @helpurl https://localhost:3000/help/en/senior-alert-payout.html
 * @param party The party's code, or the whole code column to get a spilled column of amounts.
 * @param parties Code column of all parties in the same pot.
 * @param qualifies TRUE when the party qualifies: all its relevant units have started registration and its introduction is done (1/0 also accepted).
 * @param registrations Registrations made in the party's relevant units.
 * @param pot The money in this pot, in kronor (e.g. 50000000).
 * @param [rounding] Rounding step in kronor (default 1).
 * @returns The amount in kronor (a column when party is a column).
 */
export function seniorAlertPayout(
  party: any[][],
  parties: any[][],
  qualifies: any[][],
  registrations: any[][],
  pot: number,
  rounding?: number
): any[][];
export function seniorAlertPayout(
  party: string | number | null,
  parties: any[][],
  qualifies: any[][],
  registrations: any[][],
  pot: number,
  rounding?: number
): number | string;
export function seniorAlertPayout(
  party: unknown,
  parties: any[][],
  qualifies: any[][],
  registrations: any[][],
  pot: number,
  rounding?: number
): Answer {
  return SENIOR_ALERT(party, parties, { qualifies, registrations }, { pot, step: rounding });
}

/**
 * County grant for joint development leaders: every county gets the base, the rest is shared by weight (e.g. number of municipalities).
 * @customfunction COUNTY_GRANT
 * @helpurl https://localhost:3000/help/en/county-grant.html
 * @param county The county's code, or the whole code column to get a spilled column of amounts.
 * @param counties Code column of all counties (e.g. "01" … "25").
 * @param weights Weight of each county for the rest, e.g. its number of municipalities.
 * @param total The whole grant in kronor (e.g. 66000000).
 * @param base The amount every county gets first, in kronor (e.g. 2000000).
 * @param [rounding] Rounding step in kronor for the rest (default 1; 500000 for half millions).
 * @returns The county's grant in kronor (a column when county is a column).
 */
export function countyGrant(
  county: any[][],
  counties: any[][],
  weights: any[][],
  total: number,
  base: number,
  rounding?: number
): any[][];
export function countyGrant(
  county: string | number | null,
  counties: any[][],
  weights: any[][],
  total: number,
  base: number,
  rounding?: number
): number | string;
export function countyGrant(
  county: unknown,
  counties: any[][],
  weights: any[][],
  total: number,
  base: number,
  rounding?: number
): Answer {
  return COUNTY_GRANT(county, counties, { weight: weights }, { total, base, step: rounding });
}

/**
 * Kalmar discharge settlement for one municipality-month: when the average discharge-ready days exceed the average limit, every day above the day limit is billed per individual.
 * @customfunction DISCHARGE_SETTLEMENT
 * @helpurl https://localhost:3000/help/en/discharge-settlement.html
 * @param days Discharge-ready days of each individual in the municipality and month, one cell per individual: a 0 counts as an individual with 0 days (and lowers the average); blank cells (empty or "") are skipped. Desktop Excel passes an empty cell as 0, so let the range cover only the individuals.
 * @param pricePerDay Price per billed day in kronor.
 * @param [dayLimit] Days per individual that are not billed (default 3; psychiatry 20).
 * @param [averageLimit] The monthly average must be strictly above this for billing (default 3; psychiatry 0).
 * @returns The amount to bill in kronor.
 */
export function dischargeSettlement(
  days: any[][],
  pricePerDay: number,
  dayLimit?: number,
  averageLimit?: number
): number {
  return DISCHARGE(days, { pricePerDay, dayLimit, averageLimit });
}
