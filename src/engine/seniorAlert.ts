import Decimal from "decimal.js";
import { Allocation, AllocationLine, allocateLargestRemainder } from "./allocate";
import { Money } from "./money";
import { Amount, assertUniqueCodes, nonNegative, PartyRow, placeOf, roundingStep, wholeCount } from "./parties";

export interface SeniorAlertInput extends PartyRow {
  /** All relevant units have started registration in Senior alert. */
  readonly qualifies: boolean;
  /** Registrations made in the party's relevant units. */
  readonly registrations: Amount;
}

export interface SeniorAlertLine extends AllocationLine, PartyRow {
  readonly registrations: Decimal;
  readonly qualifies: boolean;
  readonly reason: string;
}

export interface SeniorAlertResult {
  readonly allocation: Allocation;
  /** Kronor per registration among the qualifying parties, before rounding (null when none). */
  readonly perRegistration: Decimal | null;
  readonly lines: readonly SeniorAlertLine[];
}

/**
 * The Senior alert payout: the pot is divided by the registrations made in relevant units of the
 * qualifying parties, and each gets its registrations times that rate, rounded by largest remainder.
 * Seed 002: paid "per registrering" to parties where all relevant units have started registration.
 */
export function seniorAlertPayout(
  parties: readonly SeniorAlertInput[],
  params: { readonly pot: Amount; readonly step?: Amount }
): SeniorAlertResult {
  const pot = nonNegative(params.pot, "potten");
  const step = roundingStep(params.step);
  const checked = parties.map((party) => ({
    party,
    registrations: wholeCount(party.registrations, "registreringar", placeOf(party)),
  }));
  assertUniqueCodes(parties);
  const allocation = allocateLargestRemainder(
    pot,
    step,
    checked.map(({ party, registrations }) => ({
      code: party.code,
      weight: party.qualifies ? registrations : new Money(0),
    }))
  );
  const lines = checked.map(({ party, registrations }, i): SeniorAlertLine => ({
    ...allocation.lines[i],
    code: party.code,
    row: party.row,
    name: party.name,
    registrations,
    qualifies: party.qualifies,
    reason: !party.qualifies
      ? "Alla relevanta enheter har inte startat registrering: kvalificerar inte"
      : registrations.isZero()
        ? "Kvalificerad, men 0 registreringar ger 0 kr"
        : "Alla relevanta enheter har startat registrering: kvalificerad",
  }));
  const perRegistration = allocation.totalWeight.isZero() ? null : allocation.distributed.dividedBy(allocation.totalWeight);
  return { allocation, perRegistration, lines };
}
