import Decimal from "decimal.js";
import { compareCodes, PartyCode } from "./codes";
import { Money, toBigInt } from "./money";

/**
 * The integer kernel's result, one entry per party in input order. Kept as columns rather than one
 * object per party: a spilled call may hold thousands of parties, and parties of equal weight share
 * their floor and remainder.
 */
export interface StepDistribution {
  readonly totalWeight: bigint;
  /** Whole steps of the floor of each party's exact quota. */
  readonly floors: readonly bigint[];
  /** Numerators of what the floors left over: exact quota = floor + remainder / totalWeight. */
  readonly remainders: readonly bigint[];
  /** Place of each party in the remainder order among the parties with a weight (1 = largest); 0 without weight. */
  readonly ranks: Int32Array;
  /** Steps left after the floors, handed out one each by remainder rank: ranks 1 … leftover get one more. */
  readonly leftover: bigint;
  /** Steps nobody could receive (all weights zero). */
  readonly undistributed: bigint;
}

/**
 * Distributes `steps` whole steps by non-negative integer weights with the largest-remainder method.
 * Ties in remainder go to the party that `tieOrder` puts first. Pure integer arithmetic.
 *
 * A spilled call may hold thousands of parties, so the work stays near n log n with small constants:
 * equal weights have equal floors and remainders, so the bigint arithmetic is done once per distinct
 * weight (Senior alert registrations repeat a lot); only the distinct remainders are sorted; and only
 * the parties that share a remainder with another are put in tie order. A party's rank is then the
 * first place of its remainder plus how many parties with the same remainder come before it.
 */
export function distributeSteps(
  steps: bigint,
  weights: readonly bigint[],
  tieOrder: (i: number, j: number) => number
): StepDistribution {
  const n = weights.length;
  let totalWeight = 0n;
  for (let i = 0; i < n; i++) totalWeight += weights[i];
  if (totalWeight === 0n) {
    const zeros = new Array<bigint>(n).fill(0n);
    return {
      totalWeight,
      floors: zeros,
      remainders: zeros,
      ranks: new Int32Array(n),
      leftover: 0n,
      undistributed: steps,
    };
  }
  const groups = weightGroups(steps, weights, totalWeight);
  let floorSum = 0n;
  for (let g = 0; g < groups.floors.length; g++) {
    const size = groups.sizes[g];
    floorSum += size === 1 ? groups.floors[g] : groups.floors[g] * BigInt(size);
  }
  const ranks = remainderRanks(groups, totalWeight, tieOrder);
  const partyFloors = new Array<bigint>(n);
  const partyRemainders = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const g = groups.groupOf[i];
    partyFloors[i] = g < 0 ? 0n : groups.floors[g];
    partyRemainders[i] = g < 0 ? 0n : groups.remainders[g];
  }
  return {
    totalWeight,
    floors: partyFloors,
    remainders: partyRemainders,
    ranks,
    leftover: steps - floorSum,
    undistributed: 0n,
  };
}

/** The parties grouped by weight (> 0): each group's floor, remainder and size, and each party's group (−1: none). */
interface WeightGroups {
  readonly groupOf: Int32Array;
  readonly floors: readonly bigint[];
  readonly remainders: readonly bigint[];
  readonly sizes: readonly number[];
}

/** One group per distinct weight > 0, its floor and remainder computed once (Senior alert repeats weights a lot). */
function weightGroups(steps: bigint, weights: readonly bigint[], totalWeight: bigint): WeightGroups {
  const n = weights.length;
  const groupOf = new Int32Array(n).fill(-1);
  const groupByWeight = new Map<bigint, number>();
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const weight = weights[i];
    if (weight <= 0n) continue;
    let g = groupByWeight.get(weight);
    if (g === undefined) {
      g = floors.length;
      groupByWeight.set(weight, g);
      const exact = steps * weight;
      const floor = exact / totalWeight;
      floors.push(floor);
      remainders.push(exact - totalWeight * floor);
      sizes.push(0);
    }
    groupOf[i] = g;
    sizes[g]++;
  }
  return { groupOf, floors, remainders, sizes };
}

/**
 * Each party's place in the remainder order (1 = largest; 0 without weight). The distinct remainders are
 * sorted largest first; groups with equal remainders (different weights can leave the same remainder) form
 * one tie. A party alone with its remainder has its tie's first place; the others take the places in tie
 * order.
 */
function remainderRanks(
  groups: WeightGroups,
  totalWeight: bigint,
  tieOrder: (i: number, j: number) => number
): Int32Array {
  const { groupOf, remainders, sizes } = groups;
  const count = remainders.length;
  const byRemainder = largestFirst(remainders, totalWeight);
  const tieOf = new Int32Array(count);
  const firstPlace: number[] = [];
  const tieSize: number[] = [];
  for (let k = 0, place = 1; k < count; k++) {
    const g = byRemainder[k];
    if (k === 0 || remainders[byRemainder[k - 1]] !== remainders[g]) {
      firstPlace.push(place);
      tieSize.push(0);
    }
    const tie = firstPlace.length - 1;
    tieOf[g] = tie;
    tieSize[tie] += sizes[g];
    place += sizes[g];
  }
  const ranks = new Int32Array(groupOf.length);
  const tied: number[] = [];
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i];
    if (g < 0) continue;
    const tie = tieOf[g];
    if (tieSize[tie] === 1) ranks[i] = firstPlace[tie];
    else tied.push(i);
  }
  if (tied.length > 0) {
    tied.sort(tieOrder);
    const taken = new Int32Array(firstPlace.length);
    for (const i of tied) {
      const tie = tieOf[groupOf[i]];
      ranks[i] = firstPlace[tie] + taken[tie]++;
    }
  }
  return ranks;
}

/**
 * The indices of `remainders` (each below `totalWeight`), largest remainder first. When a remainder and
 * its index fit together in 64 bits (the total weight at most 2^52 for 2 900 distinct weights: populations,
 * registrations and municipality counts are far below) they are packed into one
 * unsigned 64-bit integer and sorted natively, without a comparison callback per pair: several times
 * faster on thousands of parties. Larger figures fall back to a bigint comparison sort.
 */
function largestFirst(remainders: readonly bigint[], totalWeight: bigint): number[] {
  const count = remainders.length;
  const indexBits = 32 - Math.clz32(count);
  if (totalWeight <= 1n << BigInt(64 - indexBits)) {
    const shift = BigInt(indexBits);
    const packed = new BigUint64Array(count);
    for (let g = 0; g < count; g++) packed[g] = (remainders[g] << shift) | BigInt(g);
    packed.sort();
    const mask = (1n << shift) - 1n;
    const order = new Array<number>(count);
    for (let k = 0; k < count; k++) order[count - 1 - k] = Number(packed[k] & mask);
    return order;
  }
  const order = Array.from({ length: count }, (_, g) => g);
  return order.sort((a, b) => (remainders[a] > remainders[b] ? -1 : remainders[a] < remainders[b] ? 1 : 0));
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
  /** The leftover steps as a count: the parties ranked 1 … extraSteps get one step more than their floor. */
  readonly extraSteps: number;
}

/**
 * One party's share of a pot, with everything an explanation needs. The amount is exact; the
 * explanatory figures (weight share, quota) are computed when read.
 */
export class AllocationLine {
  constructor(
    readonly code: PartyCode,
    private readonly scaledWeight: bigint,
    private readonly kernel: StepDistribution,
    /** The party's place in the kernel's columns. */
    private readonly index: number,
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
    return this.pot.step.times(this.floorSteps.toString());
  }

  /** The pot's rounding step in kronor. */
  get stepSize(): Decimal {
    return this.pot.step;
  }

  /** Whole steps of the floor of the quota. */
  get floorSteps(): bigint {
    return this.kernel.floors[this.index];
  }

  /**
   * What the floor leaves, as a numerator over the total weight: steps × weight − total × floor
   * (with whole-number weights, exactly the "Rest" column of the native twin).
   */
  get remainder(): bigint {
    return this.kernel.remainders[this.index];
  }

  /** True when the party receives one of the leftover steps. */
  private get extra(): boolean {
    const rank = this.kernel.ranks[this.index];
    return rank > 0 && rank <= this.pot.extraSteps;
  }

  /** 1 when the party receives a leftover step, else 0. */
  get extraStep(): 0 | 1 {
    return this.extra ? 1 : 0;
  }

  /** Rank of the remainder among the sharing parties (1 = largest), null when not sharing. */
  get remainderRank(): number | null {
    return this.kernel.ranks[this.index] || null;
  }

  /** The rounding adjustment: one step for the parties that receive a leftover step, else 0. */
  get adjustment(): Decimal {
    return this.extra ? this.pot.step : new Money(0);
  }

  /** Whole steps paid: floor + 1 for a leftover step. */
  get steps(): bigint {
    const floor = this.kernel.floors[this.index];
    return this.extra ? floor + 1n : floor;
  }

  /** The amount paid, in kronor: steps × step. */
  get amount(): Decimal {
    return this.pot.step.times(this.steps.toString());
  }

  /** The amount in whole kronor as an exact bigint when the step is a whole number of kronor, else null. */
  get wholeKronor(): bigint | null {
    const { wholeStep } = this.pot;
    if (wholeStep === null) return null;
    return wholeStep === 1n ? this.steps : this.steps * wholeStep;
  }

  /** The amount as a JavaScript number for Excel, without a detour through decimals when the step is whole. */
  get amountNumber(): number {
    const kronor = this.wholeKronor;
    return kronor === null ? this.amount.toNumber() : Number(kronor);
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
  const codes = claims.map((c) => c.code);
  const result = distributeSteps(
    steps,
    claims.map((c) => c.weight),
    (i, j) => compareCodes(codes[i], codes[j])
  );
  const sharedSteps = steps - result.undistributed;
  const wholeStep = step.isInteger() ? toBigInt(step) : null;
  // leftover < the number of sharing parties (each floor leaves less than one step), so it fits a number.
  const extraSteps = Number(result.leftover);
  const facts: PotFacts = {
    step,
    wholeStep,
    steps,
    sharedSteps,
    totalWeight: result.totalWeight,
    weightScale,
    extraSteps,
  };
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
    lines: claims.map((claim, i) => new AllocationLine(claim.code, claim.weight, result, i, facts)),
  };
}

/** Scales decimal weights to whole numbers by the smallest power of ten that makes them all whole. */
export function scaledWeights(weights: readonly Decimal[]): { weights: bigint[]; scale: bigint } {
  const places = Math.max(0, ...weights.map((w) => w.decimalPlaces()));
  const factor = new Money(10).pow(places);
  return { weights: weights.map((w) => toBigInt(w.times(factor))), scale: 10n ** BigInt(places) };
}
