import Decimal from "decimal.js";
import { Money } from "./money";
import { Amount, nonNegative } from "./parties";

/** A pot split between the municipalities' and the county councils' pots. */
export interface SplitPot {
  readonly total: Decimal;
  readonly kommun: Decimal;
  readonly landsting: Decimal;
}

/**
 * Splits a performance pot: the municipalities get pot × share rounded to whole kronor (half up), the
 * county councils the rest, so that the two always add up to the pot. The pots are kept apart ("Skilda
 * potter till kommuner och landsting", "Att bygga infrastruktur för socialtjänsten", bild 13), but how a
 * pot is split is not in the sources: the share is an input.
 */
export function splitPot(total: Amount, municipalShare: Amount): SplitPot {
  const pot = nonNegative(total, "potten");
  const share = nonNegative(municipalShare, "kommunernas andel");
  const kommun = pot.times(share).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return { total: pot, kommun: new Money(kommun), landsting: pot.minus(kommun) };
}
