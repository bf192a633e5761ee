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

/** A party's claim on a pot: its code (for ties) and its weight (0 = does not share). */
export interface Claim {
  readonly code: PartyCode;
  readonly weight: Decimal;
}

/** One party's share of a pot, with everything an explanation needs. */
export interface AllocationLine {
  readonly code: PartyCode;
  readonly weight: Decimal;
  /** The party's weight as a part of all weights (0 when nobody shares). */
  readonly weightShare: Decimal;
  /** Exact quota in kronor (distributable × weight / total weight), to 60 significant digits. */
  readonly quota: Decimal;
  /** The floor of the quota in whole steps, as kronor. */
  readonly floorAmount: Decimal;
  /** Rank of the remainder among the sharing parties (1 = largest), null when not sharing. */
  readonly remainderRank: number | null;
  /** The rounding adjustment: one step for the parties that receive a leftover step, else 0. */
  readonly adjustment: Decimal;
  /** The amount paid: floorAmount + adjustment. */
  readonly amount: Decimal;
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
 */
export function allocateLargestRemainder(pot: Decimal, step: Decimal, claims: readonly Claim[]): Allocation {
  const steps = toBigInt(pot.dividedToIntegerBy(step));
  const scale = new Money(10).pow(Math.max(0, ...claims.map((c) => c.weight.decimalPlaces())));
  const weights = claims.map((c) => toBigInt(c.weight.times(scale)));
  const result = distributeSteps(steps, weights, (i, j) => compareCodes(claims[i].code, claims[j].code));

  const totalWeight = new Money(result.totalWeight.toString()).dividedBy(scale);
  const sharedSteps = steps - result.undistributed;
  const distributed = new Money(sharedSteps.toString()).times(step);
  const lines = claims.map((claim, i): AllocationLine => {
    const share = result.shares[i];
    const floorAmount = new Money(share.floor.toString()).times(step);
    const adjustment = share.extra ? step : new Money(0);
    const weightShare = totalWeight.isZero() ? new Money(0) : claim.weight.dividedBy(totalWeight);
    return {
      code: claim.code,
      weight: claim.weight,
      weightShare,
      quota: distributed.times(weightShare),
      floorAmount,
      remainderRank: share.rank,
      adjustment,
      amount: floorAmount.plus(adjustment),
    };
  });
  return {
    pot,
    step,
    steps,
    distributed,
    undistributed: pot.minus(distributed),
    totalWeight,
    leftoverSteps: result.leftover,
    lines,
  };
}
