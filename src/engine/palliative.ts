import Decimal from "decimal.js";
import { Allocation, AllocationLine, allocateLargestRemainder } from "./allocate";
import { PartyCode } from "./codes";
import { RuleError, RuleProblem } from "./errors";
import { formatNumberSv, formatPercentSv, formatThresholdSv, Money, toBigInt, truncatedShare } from "./money";
import { Amount, assertUniqueCodes, nonNegative, PartyRow, placeOf, roundingStep, wholeCount } from "./parties";

export interface PalliativeInput extends PartyRow {
  readonly registrations: Amount;
  readonly deaths: Amount;
  readonly population: Amount;
}

/** One tier of one pot: the money, the threshold as a share (0.4 = 40 %) and the rounding step. */
export interface PalliativeTier {
  readonly pot: Amount;
  readonly threshold: Amount;
  readonly step: Amount;
}

/** A threshold as an exact fraction: 0.4 = 4/10. */
export interface Threshold {
  readonly value: Decimal;
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** One party's qualification and share; the explanatory texts are composed when read. */
export class PalliativeLine implements PartyRow {
  constructor(
    private readonly party: PartyRow,
    readonly registrations: bigint,
    readonly deaths: bigint,
    readonly population: bigint,
    readonly qualifies: boolean,
    /** The party's share of the pot: weight, quota, floor, remainder rank, adjustment, amount. */
    readonly share: AllocationLine,
    private readonly threshold: Threshold
  ) {}

  get code(): PartyCode {
    return this.party.code;
  }
  get row(): number {
    return this.party.row;
  }
  get name(): string | undefined {
    return this.party.name;
  }
  get amount(): Decimal {
    return this.share.amount;
  }

  /** registrations / deaths, or null when there were no deaths. */
  get rate(): Decimal | null {
    return this.deaths === 0n ? null : new Money(this.registrations.toString()).dividedBy(this.deaths.toString());
  }

  /** The rate as the sheet shows it: cut (never rounded up) to a tenth of a per cent; null without deaths. */
  get shownRate(): Decimal | null {
    return this.deaths === 0n ? null : truncatedRate(this.registrations, this.deaths);
  }

  /** Why the party qualifies or not, in Swedish: "38,5 % < 40 % (5 av 13)". */
  get reason(): string {
    const rate = this.rate;
    if (rate === null) return "0 dödsfall under mätperioden: ingen registreringsgrad, kvalificerar inte";
    const counts = `${formatNumberSv(this.registrations)} av ${formatNumberSv(this.deaths)}`;
    const sign = this.qualifies ? "≥" : "<";
    return `${formatPercentSv(rate)} ${sign} ${formatThresholdSv(this.threshold.value)} (${counts})`;
  }

  /** How many more registrations would reach the threshold; null when it qualifies or has no deaths. */
  get registrationsToQualify(): bigint | null {
    if (this.qualifies || this.deaths === 0n) return null;
    return this.registrationsNeeded - this.registrations;
  }

  /**
   * How many fewer registrations would drop the party below the threshold; null when it does not qualify,
   * or when even 0 registrations would reach it (a threshold of 0).
   */
  get registrationsToFallBelow(): bigint | null {
    if (!this.qualifies) return null;
    const fewer = this.registrations - this.registrationsNeeded + 1n;
    return fewer > this.registrations ? null : fewer;
  }

  /** The fewest registrations that reach the threshold with these deaths: ⌈threshold × deaths⌉. */
  private get registrationsNeeded(): bigint {
    const { numerator, denominator } = this.threshold;
    return (numerator * this.deaths + denominator - 1n) / denominator;
  }
}

/**
 * A rate cut (never rounded up) to a tenth of a per cent, so that a rate just below a threshold never reads
 * as the threshold itself: 715 of 1 022 (69.96 %) is 0.699. As the sheet's QUOTIENT(registrations × 1000;
 * deaths) / 1000.
 */
export function truncatedRate(registrations: bigint, deaths: bigint): Decimal {
  return truncatedShare(new Money(registrations.toString()).dividedBy(deaths.toString()));
}

export interface PalliativeResult {
  readonly threshold: Decimal;
  readonly allocation: Allocation;
  readonly lines: readonly PalliativeLine[];
}

/** Reads a threshold given as a share between 0 and 1; 40 instead of 0.4 is an error. */
export function palliativeThreshold(value: Amount): Threshold {
  const threshold = nonNegative(value, "tröskeln");
  if (threshold.greaterThan(1)) throw new RuleError("invalidValue", RuleProblem.thresholdOutOfRange(String(value)));
  const denominator = 10n ** BigInt(threshold.decimalPlaces());
  return { value: threshold, numerator: toBigInt(threshold.times(denominator.toString())), denominator };
}

/**
 * Qualification and share of one tier of the palliative registry payout. A party qualifies when it had
 * deaths and registrations / deaths is at least the threshold, compared exactly in integers
 * (registrations × denominator ≥ numerator × deaths: 2 of 5 is 40 %). Qualifying parties share the pot
 * in proportion to population: "utifrån befolkningens storlek" ("Att bygga infrastruktur för
 * socialtjänsten", bild 13); two steps, qualification then distribution ("Tvåstegsförfarande", bild 12).
 */
export function palliativeShares(parties: readonly PalliativeInput[], tier: PalliativeTier): PalliativeResult {
  const pot = nonNegative(tier.pot, "potten");
  const threshold = palliativeThreshold(tier.threshold);
  const step = roundingStep(tier.step);
  const checked = parties.map((party) => {
    const registrations = wholeCount(party.registrations, "registreringar", party);
    const deaths = wholeCount(party.deaths, "dödsfall", party);
    const population = wholeCount(party.population, "befolkning", party);
    if (registrations > deaths) {
      const problem = RuleProblem.registrationsExceedDeaths(`${registrations}`, `${deaths}`);
      throw new RuleError("invalidValue", problem, placeOf(party));
    }
    const qualifies = deaths > 0n && registrations * threshold.denominator >= threshold.numerator * deaths;
    return { party, registrations, deaths, population, qualifies };
  });
  assertUniqueCodes(parties);

  const allocation = allocateLargestRemainder(
    pot,
    step,
    checked.map((c) => ({ code: c.party.code, weight: c.qualifies ? c.population : 0n }))
  );
  const lines = checked.map(
    (c, i) =>
      new PalliativeLine(c.party, c.registrations, c.deaths, c.population, c.qualifies, allocation.lines[i], threshold)
  );
  return { threshold: threshold.value, allocation, lines };
}
