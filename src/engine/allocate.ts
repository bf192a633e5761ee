import Decimal from "decimal.js";
import { compareCodes, PartyCode } from "./codes";
import { Money, toBigInt } from "./money";

/** One party's result from the integer kernel, in whole steps. */
export interface StepShare {
  /** Whole steps of the floor of the exact quota. */
  readonly floor: bigint;
  /** Numerator of what the floor left over: exact quota = floor + remainder / totalWeight. */
  readonly remainder: bigint;
  /** Place in the remainder order among the parties with a weight (1 = largest); null without weight. */
  readonly rank: number | null;
  /** True when the party receives one of the leftover steps. */
  readonly extra: boolean;
}

export interface StepDistribution {
  readonly totalWeight: bigint;
  readonly shares: readonly StepShare[];
  /** Steps left after the floors, handed out one each by remainder rank. */
  readonly leftover: bigint;
  /** Steps nobody could receive (all weights zero). */
  readonly undistributed: bigint;
}

/**
 * Distributes `steps` whole steps by non-negative integer weights with the largest-remainder method.
 * Ties in remainder go to the party that `tieOrder` puts first. Pure integer arithmetic.
 */
export function distributeSteps(
  steps: bigint,
  weights: readonly bigint[],
  tieOrder: (i: number, j: number) => number
): StepDistribution {
  const totalWeight = weights.reduce((sum, w) => sum + w, 0n);
  if (totalWeight === 0n) {
    const shares = weights.map(() => ({ floor: 0n, remainder: 0n, rank: null, extra: false }));
    return { totalWeight, shares, leftover: 0n, undistributed: steps };
  }
  const floors = weights.map((w) => (steps * w) / totalWeight);
  const remainders = weights.map((w, i) => steps * w - totalWeight * floors[i]);
  const leftover = steps - floors.reduce((sum, f) => sum + f, 0n);

  const order = weights.map((_, i) => i).filter((i) => weights[i] > 0n);
  order.sort((i, j) => (remainders[i] === remainders[j] ? tieOrder(i, j) : remainders[i] > remainders[j] ? -1 : 1));
  const ranks = new Array<number | null>(weights.length).fill(null);
  order.forEach((i, place) => (ranks[i] = place + 1));

  const shares = weights.map((_, i) => {
    const rank = ranks[i];
    return { floor: floors[i], remainder: remainders[i], rank, extra: rank !== null && BigInt(rank) <= leftover };
  });
  return { totalWeight, shares, leftover, undistributed: 0n };
}

/**
 * A party's claim on a pot: its code (for ties) and its weight as a whole number (0 = does not share).
 * Decimal weights are scaled to whole numbers by the caller (see `scaledWeights`).
 */
export interface Claim {
  readonly code: PartyCode;
  readonly weight: bigint;
}

/** What every line of one allocation shares: the pot's figures. */
interface PotFacts {
  readonly step: Decimal;
  /** The step as a bigint when it is a whole number of kronor (the usual case), else null. */
  readonly wholeStep: bigint | null;
  readonly steps: bigint;
  readonly sharedSteps: bigint;
  readonly totalWeight: bigint;
  readonly weightScale: bigint;
}

/**
 * One party's share of a pot, with everything an explanation needs. The amount is exact; the
 * explanatory figures (weight share, quota) are computed when read.
 */
export class AllocationLine {
  constructor(
    readonly code: PartyCode,
    private readonly scaledWeight: bigint,
    private readonly share: StepShare,
    private readonly pot: PotFacts
  ) {}

  /** The weight the party shares by (population, registrations, municipalities); 0 when not sharing. */
  get weight(): Decimal {
    return new Money(this.scaledWeight.toString()).dividedBy(this.pot.weightScale.toString());
  }

  /** The party's weight as a part of all weights (0 when nobody shares). */
  get weightShare(): Decimal {
    if (this.pot.totalWeight === 0n) return new Money(0);
    return new Money(this.scaledWeight.toString()).dividedBy(this.pot.totalWeight.toString());
  }

  /** Exact quota in kronor (distributed × weight / total weight), to 60 significant digits. */
  get quota(): Decimal {
    return this.weightShare.times(this.pot.step).times(this.pot.sharedSteps.toString());
  }

  /** The floor of the quota in whole steps, as kronor. */
  get floorAmount(): Decimal {
    return this.pot.step.times(this.share.floor.toString());
  }

  /** Whole steps of the floor of the quota. */
  get floorSteps(): bigint {
    return this.share.floor;
  }

  /**
   * What the floor leaves, as a numerator over the total weight: steps × weight − total × floor
   * (with whole-number weights, exactly the "Rest" column of the native twin).
   */
  get remainder(): bigint {
    return this.share.remainder;
  }

  /** 1 when the party receives a leftover step, else 0. */
  get extraStep(): 0 | 1 {
    return this.share.extra ? 1 : 0;
  }

  /** Rank of the remainder among the sharing parties (1 = largest), null when not sharing. */
  get remainderRank(): number | null {
    return this.share.rank;
  }

  /** The rounding adjustment: one step for the parties that receive a leftover step, else 0. */
  get adjustment(): Decimal {
    return this.share.extra ? this.pot.step : new Money(0);
  }

  /** Whole steps paid: floor + 1 for a leftover step. */
  get steps(): bigint {
    return this.share.floor + (this.share.extra ? 1n : 0n);
  }

  /** The amount paid, in kronor: steps × step. */
  get amount(): Decimal {
    return this.pot.step.times(this.steps.toString());
  }

  /** The amount as a JavaScript number for Excel, without a detour through decimals when the step is whole. */
  get amountNumber(): number {
    const { wholeStep } = this.pot;
    return wholeStep === null ? this.amount.toNumber() : Number(this.steps * wholeStep);
  }
}

export interface Allocation {
  readonly pot: Decimal;
  readonly step: Decimal;
  /** Whole steps in the pot. */
  readonly steps: bigint;
  /** The part of the pot that is distributed: steps × step (0 when nobody shares). */
  readonly distributed: Decimal;
  /** What is left undistributed: the part of the pot below one step, or all of it when nobody shares. */
  readonly undistributed: Decimal;
  readonly totalWeight: Decimal;
  /** The total weight in whole-number units (as the kernel shares by). */
  readonly totalScaledWeight: bigint;
  /** Leftover steps handed out by remainder rank. */
  readonly leftoverSteps: bigint;
  readonly lines: readonly AllocationLine[];
}

/**
 * Distributes a pot in whole rounding steps in proportion to the claims' weights: the largest-remainder
 * method, ties by party code, so the parts add up to the distributed pot whatever the order of the rows.
 * DOMAIN.md, "Money": "Rounding distributes each pot exactly".
 *
 * `pot` ≥ 0, `step` > 0 and weights ≥ 0 are the caller's to check (the rules do, naming the party).
 * `weightScale` says what the whole-number weights were multiplied by (10 for weights with one decimal).
 */
export function allocateLargestRemainder(
  pot: Decimal,
  step: Decimal,
  claims: readonly Claim[],
  weightScale = 1n
): Allocation {
  const steps = toBigInt(pot.dividedToIntegerBy(step));
  const result = distributeSteps(
    steps,
    claims.map((c) => c.weight),
    (i, j) => compareCodes(claims[i].code, claims[j].code)
  );
  const sharedSteps = steps - result.undistributed;
  const wholeStep = step.isInteger() ? toBigInt(step) : null;
  const facts: PotFacts = { step, wholeStep, steps, sharedSteps, totalWeight: result.totalWeight, weightScale };
  const distributed = step.times(sharedSteps.toString());
  return {
    pot,
    step,
    steps,
    distributed,
    undistributed: pot.minus(distributed),
    totalWeight: new Money(result.totalWeight.toString()).dividedBy(weightScale.toString()),
    totalScaledWeight: result.totalWeight,
    leftoverSteps: result.leftover,
    lines: claims.map((claim, i) => new AllocationLine(claim.code, claim.weight, result.shares[i], facts)),
  };
}

/** Scales decimal weights to whole numbers by the smallest power of ten that makes them all whole. */
export function scaledWeights(weights: readonly Decimal[]): { weights: bigint[]; scale: bigint } {
  const places = Math.max(0, ...weights.map((w) => w.decimalPlaces()));
  const factor = new Money(10).pow(places);
  return { weights: weights.map((w) => toBigInt(w.times(factor))), scale: 10n ** BigInt(places) };
}
