import Decimal from "decimal.js";
import { Allocation, AllocationLine, allocateLargestRemainder } from "./allocate";
import { Amount, assertUniqueCodes, nonNegative, PartyRow, placeOf, roundingStep, wholeCount } from "./parties";

export interface SeniorAlertInput extends PartyRow {
  /** All relevant units have started registration in Senior alert. */
  readonly qualifies: boolean;
  /** Registrations made in the party's relevant units. */
  readonly registrations: Amount;
}

export interface SeniorAlertLine extends PartyRow {
  readonly registrations: bigint;
  readonly qualifies: boolean;
  readonly reason: string;
  /** The party's share of the pot: weight, quota, floor, remainder rank, adjustment, amount. */
  readonly share: AllocationLine;
  readonly amount: Decimal;
}

export interface SeniorAlertResult {
  readonly allocation: Allocation;
  /** Kronor per registration among the qualifying parties, before rounding (null when none). */
  readonly perRegistration: Decimal | null;
  readonly lines: readonly SeniorAlertLine[];
}

const REASON = {
  notStarted: "Alla relevanta enheter har inte startat registrering: kvalificerar inte",
  noRegistrations: "Kvalificerad, men 0 registreringar ger 0 kr",
  qualifies: "Alla relevanta enheter har startat registrering: kvalificerad",
} as const;

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
  const registrations = parties.map((party) => wholeCount(party.registrations, "registreringar", placeOf(party)));
  assertUniqueCodes(parties);
  const allocation = allocateLargestRemainder(
    pot,
    step,
    parties.map((party, i) => ({ code: party.code, weight: party.qualifies ? registrations[i] : 0n }))
  );
  const lines = parties.map((party, i): SeniorAlertLine => {
    const share = allocation.lines[i];
    return {
      code: party.code,
      row: party.row,
      name: party.name,
      registrations: registrations[i],
      qualifies: party.qualifies,
      reason: !party.qualifies
        ? REASON.notStarted
        : registrations[i] === 0n
          ? REASON.noRegistrations
          : REASON.qualifies,
      share,
      get amount() {
        return share.amount;
      },
    };
  });
  const perRegistration = allocation.totalWeight.isZero()
    ? null
    : allocation.distributed.dividedBy(allocation.totalWeight);
  return { allocation, perRegistration, lines };
}
