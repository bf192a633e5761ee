import Decimal from "decimal.js";
import { RuleError, RuleProblem } from "./errors";
import { formatNumberSv, Money } from "./money";
import { Amount, nonNegative, wholeCount } from "./parties";

/**
 * The discharge settlement of Kalmar county, 2018 (presentationen "Länsgemensam ledning i samverkan",
 * Kalmar län, bild 7–10): somatic care is billed per individual for the days above 3 when the
 * municipality's monthly average exceeds 3; psychiatry when an individual exceeds 20 days. Whether the
 * average condition applies to psychiatry is not stated: an average limit of 0 leaves it out. The limits
 * are given by the caller (`data/parameters.json` holds the figures).
 *
 * Somatic care or psychiatry: reported apart, with their own limits.
 */
export type CareKind = "somatisk" | "psykiatri";

export interface DischargeIndividual {
  /** 1-based row in the input range. */
  readonly row: number;
  readonly days: Amount;
}

/** The limits of one kind of care. */
export interface DischargeLimits {
  readonly dayLimit: Amount;
  readonly averageLimit: Amount;
}

export interface DischargeParams extends DischargeLimits {
  readonly pricePerDay: Amount;
}

/** The price and both kinds of care's limits, as the parameters give them. */
export interface DischargeRules {
  readonly pricePerDay: Amount;
  readonly somatic: DischargeLimits;
  readonly psychiatry: DischargeLimits;
}

/** Which limits apply to a kind of care. */
export function limitsFor(care: CareKind, rules: Omit<DischargeRules, "pricePerDay">): DischargeLimits {
  return care === "psykiatri" ? rules.psychiatry : rules.somatic;
}

export interface DischargeResult {
  readonly individuals: number;
  readonly totalDays: Decimal;
  /** Average days per individual (null when nobody was reported). */
  readonly average: Decimal | null;
  readonly averageLimit: Decimal;
  readonly dayLimit: Decimal;
  /** The average is strictly above the average limit (total days > limit × individuals). */
  readonly averageExceeded: boolean;
  /** Something is billed: the average is above its limit and some individual is above the day limit. */
  readonly billed: boolean;
  /** Days above the day limit, per individual, in input order (whether billed or not). */
  readonly daysOverPerIndividual: readonly Decimal[];
  /** Days above the day limit that are billed, per individual, in input order (0 when not billed). */
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
 * "Länsgemensam ledning i samverkan" (Kalmar län), bild 10: "debitering på individnivå för de dagar som
 * överstiger tre utskrivningsklara dagar".
 */
export function dischargeSettlement(
  individuals: readonly DischargeIndividual[],
  params: DischargeParams
): DischargeResult {
  const pricePerDay = nonNegative(params.pricePerDay, "priset per dag");
  const dayLimit = nonNegative(params.dayLimit, "dagsgränsen");
  const averageLimit = nonNegative(params.averageLimit, "snittgränsen");
  const days = individuals.map(
    (ind) => new Money(wholeCount(ind.days, "utskrivningsklara dagar", { row: ind.row }).toString())
  );
  const totalDays = days.reduce((sum, d) => sum.plus(d), new Money(0));
  const count = days.length;
  const averageExceeded = count > 0 && totalDays.greaterThan(averageLimit.times(count));
  const daysOverPerIndividual = days.map((d) => (d.greaterThan(dayLimit) ? d.minus(dayLimit) : new Money(0)));
  const daysOver = daysOverPerIndividual.reduce((sum, d) => sum.plus(d), new Money(0));
  const billed = averageExceeded && daysOver.greaterThan(0);
  const billableDaysPerIndividual = daysOverPerIndividual.map((d) => (billed ? d : new Money(0)));
  const billableDays = billed ? daysOver : new Money(0);
  const average = count === 0 ? null : totalDays.dividedBy(count);
  return {
    individuals: count,
    totalDays,
    average,
    averageLimit,
    dayLimit,
    averageExceeded,
    billed,
    daysOverPerIndividual,
    billableDaysPerIndividual,
    billableDays,
    pricePerDay,
    amount: exactInExcel(billableDays.times(pricePerDay)),
    reason: reasonOf({ count, totalDays, average, averageLimit, dayLimit, averageExceeded, billableDays }),
  };
}

/**
 * The amount, when Excel can hold it exactly: whole kronor up to 2^53 − 1, or öre up to 2^53 − 1 when it has
 * öre (the limit every reader of kronor keeps, `src/input/readers.ts`). A larger product of days and price would
 * reach a cell rounded (2^53 − 1 kr × 5 days shows as …950, not …955), so it is refused with the reason.
 */
function exactInExcel(amount: Decimal): Decimal {
  const units = amount.isInteger() ? amount : amount.times(100);
  if (units.greaterThan(Number.MAX_SAFE_INTEGER)) {
    throw new RuleError("invalidValue", RuleProblem.tooLarge("beloppet", formatNumberSv(amount)));
  }
  return amount;
}

/** Why a settlement is billed or not: "Snittet 13 / 3 ≈ 4,33 dagar > 3: 5 dagar över 3 debiteras". */
function reasonOf(r: {
  count: number;
  totalDays: Decimal;
  average: Decimal | null;
  averageLimit: Decimal;
  dayLimit: Decimal;
  averageExceeded: boolean;
  billableDays: Decimal;
}): string {
  if (r.count === 0 || r.average === null) return "Inga individer rapporterade: ingen debitering";
  // The exact fraction, then the average to two decimals: "13 / 3 ≈ 4,33 dagar", "9 / 3 = 3,00 dagar".
  const rounded = r.average.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const averageText = `${formatNumberSv(r.totalDays)} / ${r.count} ${rounded.equals(r.average) ? "=" : "≈"} ${formatNumberSv(rounded, 2)} dagar`;
  const limit = formatNumberSv(r.averageLimit);
  const dayLimit = formatNumberSv(r.dayLimit);
  if (!r.averageExceeded) return `Snittet ${averageText} ≤ ${limit}: ingen debitering`;
  if (r.billableDays.isZero())
    return `Snittet ${averageText} > ${limit}, men ingen individ har fler än ${dayLimit} dagar: ingen debitering`;
  const days = `${formatNumberSv(r.billableDays)} ${r.billableDays.equals(1) ? "dag" : "dagar"}`;
  return `Snittet ${averageText} > ${limit}: ${days} över ${dayLimit} debiteras`;
}

// ---------------------------------------------------------------------------------------------------
// Groups: one municipality, month and kind of care

/** What identifies an individual's row: its municipality, month, kind of care and id. */
export interface DischargeRecordKey {
  readonly municipality: string;
  readonly month: string;
  readonly care: CareKind;
  readonly individual: string;
}

/** An individual's days as reported and after the joint analysis and recount. */
export interface DischargeRecordDays extends DischargeRecordKey {
  readonly daysReported: number;
  readonly daysAfterAnalysis: number;
}

/**
 * The key of a group (municipality, month, care) as the sheets' group column builds it with "&":
 * "0880 2018-03 somatisk". Each settlement row sums the individuals whose key is its own.
 */
export function dischargeGroupKey(municipality: string, month: string, care: string): string {
  return `${municipality} ${month} ${care}`;
}

const CARE_ORDER: Record<CareKind, number> = { somatisk: 0, psykiatri: 1 };

/** The order of individual rows: municipality, month, care, individual (ids compared as numbers where they are). */
export function compareDischargeRecords(a: DischargeRecordKey, b: DischargeRecordKey): number {
  return (
    a.municipality.localeCompare(b.municipality) ||
    a.month.localeCompare(b.month) ||
    CARE_ORDER[a.care] - CARE_ORDER[b.care] ||
    a.individual.localeCompare(b.individual, "sv", { numeric: true })
  );
}

/** One group settled twice: as reported (is the joint analysis required?) and after it (what is billed). */
export interface DischargeGroup<R extends DischargeRecordDays = DischargeRecordDays> {
  readonly key: string;
  readonly municipality: string;
  readonly month: string;
  readonly care: CareKind;
  readonly records: readonly R[];
  /** As reported: the analysis with the county council is required when this would be billed. */
  readonly reported: DischargeResult;
  /** After the analysis and recount: what is billed. */
  readonly settled: DischargeResult;
  /** "ska analysera resultatet": the reported days would be billed (average above its limit, days above the day limit). */
  readonly analysisRequired: boolean;
}

/**
 * The individuals grouped by municipality, month and kind of care (groups and their rows in the order of
 * `compareDischargeRecords`, whatever the input order), each group settled with its care's limits.
 */
export function settleDischargeGroups<R extends DischargeRecordDays>(
  records: readonly R[],
  rules: DischargeRules
): DischargeGroup<R>[] {
  const sorted = [...records].sort(compareDischargeRecords);
  const groups = new Map<string, R[]>();
  for (const record of sorted) {
    const key = dischargeGroupKey(record.municipality, record.month, record.care);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return [...groups].map(([key, rows]) => {
    const { municipality, month, care } = rows[0];
    const params = { pricePerDay: rules.pricePerDay, ...limitsFor(care, rules) };
    const settle = (days: (r: R) => number) => {
      try {
        return dischargeSettlement(
          rows.map((r, i) => ({ row: i + 1, days: days(r) })),
          params
        );
      } catch (error) {
        // A settlement that cannot be paid exactly is named by its group.
        if (error instanceof RuleError && error.place.row === undefined)
          throw new RuleError(error.kind, error.problem, { party: key });
        throw error;
      }
    };
    const reported = settle((r) => r.daysReported);
    return {
      key,
      municipality,
      month,
      care,
      records: rows,
      reported,
      settled: settle((r) => r.daysAfterAnalysis),
      analysisRequired: reported.billed,
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// What would change the outcome

/** The figures behind "what would change the outcome" of one group's settlement. */
export type DischargeOutlook =
  | { readonly kind: "none" }
  /** No average condition: these billed days (at most the day limit per individual) would give 0 kr. */
  | { readonly kind: "dayLimitOnly"; readonly daysOver: Decimal }
  /** Billed: `fewer` days fewer after the analysis would bring the total to `allowed` and stop billing. */
  | { readonly kind: "billed"; readonly fewer: Decimal; readonly allowed: Decimal }
  /**
   * Not billed: the total would have to reach `needed` (`more` days more). The analysis can only take days
   * away, so `reachable` says whether the reported days (`removed` more than after analysis) get there.
   */
  | {
      readonly kind: "notBilled";
      readonly needed: Decimal;
      readonly more: Decimal;
      readonly removed: Decimal;
      readonly reachable: boolean;
    };

/**
 * How far a group is from the other outcome. Billed when the total is above limit × individuals, so the
 * total must come down to ⌊limit × individuals⌋ to stop billing, or up to that + 1 to start it.
 */
export function dischargeOutlook(reported: DischargeResult, settled: DischargeResult): DischargeOutlook {
  const n = settled.individuals;
  if (n === 0) return { kind: "none" };
  if (settled.averageLimit.isZero()) {
    return { kind: "dayLimitOnly", daysOver: settled.daysOverPerIndividual.reduce((s, d) => s.plus(d), new Money(0)) };
  }
  const allowed = settled.averageLimit.times(n).floor();
  if (settled.averageExceeded) return { kind: "billed", fewer: settled.totalDays.minus(allowed), allowed };
  const needed = allowed.plus(1);
  const more = needed.minus(settled.totalDays);
  const removed = reported.totalDays.minus(settled.totalDays);
  return { kind: "notBilled", needed, more, removed, reachable: more.lessThanOrEqualTo(removed) };
}

// ---------------------------------------------------------------------------------------------------
// The county's average against its goal

/** The county's average in one period (a month, or the year), somatic care, days as reported. */
export interface CountyAverage {
  readonly individuals: number;
  readonly days: Decimal;
  /** days / individuals, or null without individuals. */
  readonly average: Decimal | null;
  /** The average is at most the goal (compared exactly: days ≤ goal × individuals). */
  readonly withinGoal: boolean;
}

/**
 * The county's average over some groups against its goal ("Målet 2018 för indikatorn utskrivningsklara
 * dagar är 2,0", "Länsgemensam ledning i samverkan", bild 9): somatic care only, days as reported.
 */
export function countyAverage(groups: readonly DischargeGroup[], goal: Amount): CountyAverage {
  const target = nonNegative(goal, "målet");
  const somatic = groups.filter((g) => g.care === "somatisk");
  const individuals = somatic.reduce((s, g) => s + g.reported.individuals, 0);
  const days = somatic.reduce((s, g) => s.plus(g.reported.totalDays), new Money(0));
  return {
    individuals,
    days,
    average: individuals === 0 ? null : days.dividedBy(individuals),
    withinGoal: days.lessThanOrEqualTo(target.times(individuals)),
  };
}

/** The county's average per month (the months of the groups, in order) against the goal. */
export function countyMonthlyAverages(
  groups: readonly DischargeGroup[],
  goal: Amount
): (CountyAverage & { readonly month: string })[] {
  const months = [...new Set(groups.map((g) => g.month))].sort();
  return months.map((month) => ({
    month,
    ...countyAverage(
      groups.filter((g) => g.month === month),
      goal
    ),
  }));
}

/** One municipality's year: its individuals, billed days and amount over all its groups (months, kinds of care). */
export interface MunicipalityYear {
  readonly municipality: string;
  readonly individuals: number;
  readonly billableDays: Decimal;
  readonly amount: Decimal;
}

/**
 * Each municipality's settlements added up over the year, in code order: the basis of what it is billed
 * ("sker debitering på individnivå", "Länsgemensam ledning i samverkan", bild 10; the source names neither
 * payer nor payee).
 */
export function dischargeByMunicipality(groups: readonly DischargeGroup[]): MunicipalityYear[] {
  const byCode = new Map<string, { individuals: number; billableDays: Decimal; amount: Decimal }>();
  for (const g of groups) {
    const year = byCode.get(g.municipality) ?? { individuals: 0, billableDays: new Money(0), amount: new Money(0) };
    byCode.set(g.municipality, {
      individuals: year.individuals + g.settled.individuals,
      billableDays: year.billableDays.plus(g.settled.billableDays),
      amount: year.amount.plus(g.settled.amount),
    });
  }
  return [...byCode]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([municipality, year]) => ({ municipality, ...year }));
}
