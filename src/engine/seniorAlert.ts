import Decimal from "decimal.js";
import { Allocation, AllocationLine, allocateLargestRemainder } from "./allocate";
import { PartyCode } from "./codes";
import { Amount, assertUniqueCodes, nonNegative, PartyRow, roundingStep, wholeCount } from "./parties";

export interface SeniorAlertInput extends PartyRow {
  /** All relevant units have started registration in Senior alert (and, where recorded, the introduction is done). */
  readonly qualifies: boolean;
  /** The party's conditions that do not hold, by name, where its conditions are recorded (the reason names them). */
  readonly unmet?: readonly string[];
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

/** One party's line; a class, so that 2 900 lines share their getters instead of each carrying its own. */
class SeniorAlertPartyLine implements SeniorAlertLine {
  readonly code: PartyCode;
  readonly row: number;
  readonly name?: string;
  readonly qualifies: boolean;
  private readonly unmet?: readonly string[];
  constructor(
    party: SeniorAlertInput,
    readonly registrations: bigint,
    readonly share: AllocationLine
  ) {
    this.code = party.code;
    this.row = party.row;
    this.name = party.name;
    this.qualifies = party.qualifies;
    this.unmet = party.unmet;
  }

  get reason(): string {
    if (!this.qualifies && this.unmet && this.unmet.length > 0)
      return `Villkor som inte är uppfyllda: ${this.unmet.join("; ")}: kvalificerar inte`;
    if (!this.qualifies) return REASON.notStarted;
    return this.registrations === 0n ? REASON.noRegistrations : REASON.qualifies;
  }

  get amount(): Decimal {
    return this.share.amount;
  }
}

/**
 * The Senior alert payout: the pot is divided by the registrations made in relevant units of the
 * qualifying parties, and each gets its registrations times that rate, rounded by largest remainder.
 * Cirkulär 10:11, Mål 2: 50 MSEK where "samtliga relevanta verksamheter har påbörjat registrering";
 * "Ersättning per utförd registrering" ("Att bygga infrastruktur för socialtjänsten", bild 14;
 * "Prestationsbaserade statsbidrag till insatser för äldre", bild 8).
 */
export function seniorAlertPayout(
  parties: readonly SeniorAlertInput[],
  params: { readonly pot: Amount; readonly step: Amount }
): SeniorAlertResult {
  const pot = nonNegative(params.pot, "potten");
  const step = roundingStep(params.step);
  const registrations = parties.map((party) => wholeCount(party.registrations, "registreringar", party));
  assertUniqueCodes(parties);
  const allocation = allocateLargestRemainder(
    pot,
    step,
    parties.map((party, i) => ({ code: party.code, weight: party.qualifies ? registrations[i] : 0n }))
  );
  const lines = parties.map((party, i) => new SeniorAlertPartyLine(party, registrations[i], allocation.lines[i]));
  const perRegistration = allocation.totalWeight.isZero()
    ? null
    : allocation.distributed.dividedBy(allocation.totalWeight);
  return { allocation, perRegistration, lines };
}
