import Decimal from "decimal.js";
import { formatNumberSv, Money } from "./money";
import { Amount, nonNegative, wholeCount } from "./parties";

/**
 * Kalmar county 2018 (seed 003): somatic care is billed per individual for the days above 3 when the
 * municipality's monthly average exceeds 3; psychiatry when an individual exceeds 20 days. Whether the
 * average condition applies to psychiatry is not stated: averageLimit 0 leaves it out.
 */
export const DISCHARGE_SOMATIC = { dayLimit: 3, averageLimit: 3 } as const;
export const DISCHARGE_PSYCHIATRY = { dayLimit: 20, averageLimit: 0 } as const;
/** The county's goal for 2018 and the 2016 average (seed 003). */
export const DISCHARGE_GOAL_2018 = "2.0";
export const DISCHARGE_AVERAGE_2016 = "2.68";

export interface DischargeIndividual {
  /** 1-based row in the input range. */
  readonly row: number;
  readonly days: Amount;
}

export interface DischargeParams {
  readonly pricePerDay: Amount;
  readonly dayLimit?: Amount;
  readonly averageLimit?: Amount;
}

export interface DischargeResult {
  readonly individuals: number;
  readonly totalDays: Decimal;
  /** Average days per individual (null when nobody was reported). */
  readonly average: Decimal | null;
  readonly averageLimit: Decimal;
  readonly dayLimit: Decimal;
  /** The average is strictly above the average limit, so days above the day limit are billed. */
  readonly billed: boolean;
  /** Days above the day limit, per individual, in input order. */
  readonly billableDaysPerIndividual: readonly Decimal[];
  readonly billableDays: Decimal;
  readonly pricePerDay: Decimal;
  /** billableDays × price when billed, else 0; exact, not rounded. */
  readonly amount: Decimal;
  readonly reason: string;
}

/**
 * The discharge settlement for one municipality-month: if the average of the individuals' days is
 * strictly above `averageLimit`, every day above `dayLimit` is billed per individual at `pricePerDay`.
 * Seed 003: "debitering på individnivå för de dagar som överstiger tre utskrivningsklara dagar".
 */
export function dischargeSettlement(
  individuals: readonly DischargeIndividual[],
  params: DischargeParams
): DischargeResult {
  const pricePerDay = nonNegative(params.pricePerDay, "priset per dag");
  const dayLimit = nonNegative(params.dayLimit ?? DISCHARGE_SOMATIC.dayLimit, "dagsgränsen");
  const averageLimit = nonNegative(params.averageLimit ?? DISCHARGE_SOMATIC.averageLimit, "snittgränsen");
  const days = individuals.map(
    (ind) => new Money(wholeCount(ind.days, "utskrivningsklara dagar", { row: ind.row }).toString())
  );
  const totalDays = days.reduce((sum, d) => sum.plus(d), new Money(0));
  const count = days.length;
  const billed = count > 0 && totalDays.greaterThan(averageLimit.times(count));
  const billableDaysPerIndividual = days.map((d) =>
    billed && d.greaterThan(dayLimit) ? d.minus(dayLimit) : new Money(0)
  );
  const billableDays = billableDaysPerIndividual.reduce((sum, d) => sum.plus(d), new Money(0));
  const average = count === 0 ? null : totalDays.dividedBy(count);
  // The exact fraction, then the average to two decimals: "13 / 3 ≈ 4,33 dagar", "9 / 3 = 3,00 dagar".
  const rounded = average?.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const averageText =
    average === null || rounded === undefined
      ? ""
      : `${formatNumberSv(totalDays)} / ${count} ${rounded.equals(average) ? "=" : "≈"} ${formatNumberSv(rounded, 2)} dagar`;
  const reason =
    count === 0
      ? "Inga individer rapporterade: ingen debitering"
      : billed
        ? `Snittet ${averageText} > ${formatNumberSv(averageLimit)}: ${formatNumberSv(billableDays)} ${billableDays.equals(1) ? "dag" : "dagar"} över ${formatNumberSv(dayLimit)} debiteras`
        : `Snittet ${averageText} ≤ ${formatNumberSv(averageLimit)}: ingen debitering`;
  return {
    individuals: count,
    totalDays,
    average,
    averageLimit,
    dayLimit,
    billed,
    billableDaysPerIndividual,
    billableDays,
    pricePerDay,
    amount: billableDays.times(pricePerDay),
    reason,
  };
}
