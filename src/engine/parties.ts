import Decimal from "decimal.js";
import { PartyCode } from "./codes";
import { ErrorPlace, RuleError, RuleProblem } from "./errors";
import { RuleWord } from "./messages";
import { formatNumberSv, Money, toBigInt } from "./money";

/** A row of party input: its code, its 1-based row in the input ranges, and its name if known. */
export interface PartyRow {
  readonly code: PartyCode;
  readonly row: number;
  readonly name?: string;
}

/** A number as the engine accepts it: a JS number, a decimal string or a Decimal. */
export type Amount = Decimal.Value;

export function placeOf(party: PartyRow): ErrorPlace {
  return { row: party.row, party: party.code.text, name: party.name };
}

/**
 * Where a value stands: an error place, or the party row itself, turned into a place only when an
 * error is raised (thousands of valid rows then build no place at all).
 */
export type Where = ErrorPlace | PartyRow;

function placeIn(where: Where): ErrorPlace {
  return "code" in where ? placeOf(where) : where;
}

function shown(value: Amount): string {
  return typeof value === "number" || value instanceof Decimal ? formatNumberSv(new Money(value)) : String(value);
}

/** Reads an amount, rejecting NaN, infinities and negative values. */
export function nonNegative(value: Amount, what: string, where: Where = {}): Decimal {
  let amount: Decimal;
  try {
    amount = new Money(value);
  } catch {
    throw new RuleError("invalidValue", RuleProblem.notANumber(what, JSON.stringify(value)), placeIn(where));
  }
  if (!amount.isFinite())
    throw new RuleError("invalidValue", RuleProblem.notANumber(what, String(value)), placeIn(where));
  if (amount.isNegative() && !amount.isZero())
    throw new RuleError("invalidValue", RuleProblem.negative(what, shown(value)), placeIn(where));
  return amount.isZero() ? new Money(0) : amount;
}

/** Reads a count (deaths, registrations, population, days): a whole number ≥ 0, as an exact bigint. */
export function wholeCount(value: Amount, what: string, where: Where = {}): bigint {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  const count = nonNegative(value, what, where);
  if (!count.isInteger())
    throw new RuleError("invalidValue", RuleProblem.notWholeCount(what, shown(value)), placeIn(where));
  return toBigInt(count);
}

/** Reads a rounding step: any amount > 0 (1 kr, 1 000 kr, 500 000 kr). */
export function roundingStep(value: Amount): Decimal {
  const step = nonNegative(value, RuleWord.step);
  if (step.isZero()) throw new RuleError("invalidValue", RuleProblem.stepNotPositive(shown(value)));
  return step;
}

/** Rejects a list where two rows have the same party (114 and "0114" are the same party). */
export function assertUniqueCodes(parties: readonly PartyRow[]): void {
  const seen = new Map<string, number>();
  for (const party of parties) {
    const first = seen.get(party.code.key);
    if (first !== undefined) {
      throw new RuleError("invalidValue", RuleProblem.duplicateCode(party.code.text, first), placeOf(party));
    }
    seen.set(party.code.key, party.row);
  }
}
