import Decimal from "decimal.js";
import { Allocation, AllocationLine, allocateLargestRemainder } from "./allocate";
import { Problem, RuleError } from "./errors";
import { formatNumberSv, formatPercentSv, formatThresholdSv, Money } from "./money";
import { Amount, assertUniqueCodes, nonNegative, PartyRow, placeOf, roundingStep, wholeCount } from "./parties";

/**
 * The base-tier threshold per year (Seed 002, circular 10:11, and seed 004: 40 % in 2010, 50 % in 2011,
 * 70 % in 2012, "med förbehåll för riksdagens medgivande"); the bonus tier is 70 % every year.
 */
export const PALLIATIVE_BASE_THRESHOLD: Readonly<Record<number, string>> = { 2010: "0.4", 2011: "0.5", 2012: "0.7" };
export const PALLIATIVE_BONUS_THRESHOLD = "0.7";

export interface PalliativeInput extends PartyRow {
  readonly registrations: Amount;
  readonly deaths: Amount;
  readonly population: Amount;
}

/** One tier of one pot: the money, the threshold as a share (0.4 = 40 %) and the rounding step. */
export interface PalliativeTier {
  readonly pot: Amount;
  readonly threshold: Amount;
  readonly step?: Amount;
}

export interface PalliativeLine extends AllocationLine, PartyRow {
  readonly registrations: Decimal;
  readonly deaths: Decimal;
  readonly population: Decimal;
  /** registrations / deaths, or null when there were no deaths. */
  readonly rate: Decimal | null;
  readonly qualifies: boolean;
  /** Why the party qualifies or not, in Swedish: "38,5 % < 40 % (5 av 13)". */
  readonly reason: string;
  /** How many more registrations would reach the threshold; null when it qualifies or has no deaths. */
  readonly registrationsToQualify: Decimal | null;
}

export interface PalliativeResult {
  readonly threshold: Decimal;
  readonly allocation: Allocation;
  readonly lines: readonly PalliativeLine[];
}

/** Reads a threshold given as a share between 0 and 1; 40 instead of 0.4 is an error. */
export function palliativeThreshold(value: Amount): Decimal {
  const threshold = nonNegative(value, "tröskeln");
  if (threshold.greaterThan(1)) throw new RuleError("invalidValue", Problem.thresholdOutOfRange(String(value)));
  return threshold;
}

/**
 * Qualification and share of one tier of the palliative registry payout. A party qualifies when it had
 * deaths and registrations / deaths is at least the threshold, compared exactly
 * (registrations ≥ threshold × deaths in decimals: 2 of 5 is 40 %). Qualifying parties share the pot in
 * proportion to population. Seed 002: "utifrån befolkningens storlek"; seeds 001/004: two steps,
 * qualification then distribution.
 */
export function palliativeShares(parties: readonly PalliativeInput[], tier: PalliativeTier): PalliativeResult {
  const pot = nonNegative(tier.pot, "potten");
  const threshold = palliativeThreshold(tier.threshold);
  const step = roundingStep(tier.step);
  const checked = parties.map((party) => {
    const place = placeOf(party);
    const registrations = wholeCount(party.registrations, "registreringar", place);
    const deaths = wholeCount(party.deaths, "dödsfall", place);
    const population = wholeCount(party.population, "befolkning", place);
    if (registrations.greaterThan(deaths)) {
      throw new RuleError("invalidValue", Problem.registrationsExceedDeaths(registrations.toFixed(), deaths.toFixed()), place);
    }
    return { party, registrations, deaths, population, ...qualification(registrations, deaths, threshold) };
  });
  assertUniqueCodes(parties);

  const allocation = allocateLargestRemainder(
    pot,
    step,
    checked.map((c) => ({ code: c.party.code, weight: c.qualifies ? c.population : new Money(0) }))
  );
  const lines = checked.map((c, i): PalliativeLine => ({
    ...allocation.lines[i],
    code: c.party.code,
    row: c.party.row,
    name: c.party.name,
    registrations: c.registrations,
    deaths: c.deaths,
    population: c.population,
    rate: c.rate,
    qualifies: c.qualifies,
    reason: c.reason,
    registrationsToQualify: c.registrationsToQualify,
  }));
  return { threshold, allocation, lines };
}

function qualification(registrations: Decimal, deaths: Decimal, threshold: Decimal) {
  const limit = formatThresholdSv(threshold);
  if (deaths.isZero()) {
    return {
      rate: null,
      qualifies: false,
      reason: "0 dödsfall under mätperioden: ingen registreringsgrad, kvalificerar inte",
      registrationsToQualify: null,
    };
  }
  const rate = registrations.dividedBy(deaths);
  const needed = threshold.times(deaths).ceil();
  const qualifies = registrations.greaterThanOrEqualTo(threshold.times(deaths));
  const counts = `${formatNumberSv(registrations)} av ${formatNumberSv(deaths)}`;
  return {
    rate,
    qualifies,
    reason: qualifies
      ? `${formatPercentSv(rate)} ≥ ${limit} (${counts})`
      : `${formatPercentSv(rate)} < ${limit} (${counts})`,
    registrationsToQualify: qualifies ? null : needed.minus(registrations),
  };
}
