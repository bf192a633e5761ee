import Decimal from "decimal.js";
import { Allocation, AllocationLine, allocateLargestRemainder, scaledWeights } from "./allocate";
import { Problem, RuleError } from "./errors";
import { formatNumberSv } from "./money";
import { Amount, assertUniqueCodes, nonNegative, PartyRow, placeOf, roundingStep } from "./parties";

/** The 2010 county grant for joint development leaders: 66 MSEK, at least 2 MSEK per county (seeds 000, 002). */
export const COUNTY_GRANT_2010 = { total: "66000000", base: "2000000" } as const;

export interface CountyInput extends PartyRow {
  /** The county's weight for the rest, e.g. its number of municipalities. */
  readonly weight: Amount;
}

export interface CountyLine extends PartyRow {
  /** The base every county gets. */
  readonly base: Decimal;
  /** The county's share of the rest: weight, quota, floor, remainder rank, adjustment, amount. */
  readonly share: AllocationLine;
  /** base + share of the rest. */
  readonly total: Decimal;
}

export interface CountyGrantResult {
  readonly base: Decimal;
  /** total − n × base, shared by weight. */
  readonly rest: Decimal;
  readonly allocation: Allocation;
  readonly lines: readonly CountyLine[];
}

/**
 * The county grant as the rule is written: every county gets `base`, the rest is shared in proportion to
 * the weights (the number of municipalities) in whole rounding steps. Seed 002: "minst 2 miljoner kronor
 * per län, resten i förhållande till antalet kommuner". The published table also applies an unwritten
 * "jämkning för små län"; the workbook shows that difference beside this rule.
 */
export function countyGrant(
  counties: readonly CountyInput[],
  params: { readonly total: Amount; readonly base: Amount; readonly step?: Amount }
): CountyGrantResult {
  const total = nonNegative(params.total, "totalen");
  const base = nonNegative(params.base, "grundbeloppet");
  const step = roundingStep(params.step);
  const scaled = scaledWeights(counties.map((county) => nonNegative(county.weight, "vikten", placeOf(county))));
  assertUniqueCodes(counties);
  const rest = total.minus(base.times(counties.length));
  if (rest.isNegative()) {
    throw new RuleError(
      "invalidValue",
      Problem.totalBelowBase(formatNumberSv(total), counties.length, formatNumberSv(base))
    );
  }
  const allocation = allocateLargestRemainder(
    rest,
    step,
    counties.map((county, i) => ({ code: county.code, weight: scaled.weights[i] })),
    scaled.scale
  );
  const lines = counties.map((county, i): CountyLine => {
    const share = allocation.lines[i];
    return {
      code: county.code,
      row: county.row,
      name: county.name,
      base,
      share,
      get total() {
        return base.plus(share.amount);
      },
    };
  });
  return { base, rest, allocation, lines };
}
