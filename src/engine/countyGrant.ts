import Decimal from "decimal.js";
import { Allocation, AllocationLine, allocateLargestRemainder, scaledWeights } from "./allocate";
import { PartyCode } from "./codes";
import { RuleError, RuleProblem } from "./errors";
import { formatNumberSv, Money, toBigInt } from "./money";
import { Amount, assertUniqueCodes, nonNegative, PartyRow, roundingStep } from "./parties";

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
  /** The total as a JavaScript number for Excel. */
  readonly totalNumber: number;
}

export interface CountyGrantResult {
  readonly base: Decimal;
  /** total − n × base, shared by weight. */
  readonly rest: Decimal;
  readonly allocation: Allocation;
  readonly lines: readonly CountyLine[];
}

/** One county's line; a class, so that many lines share their getter instead of each carrying its own. */
class CountyGrantLine implements CountyLine {
  readonly code: PartyCode;
  readonly row: number;
  readonly name?: string;
  constructor(
    county: CountyInput,
    readonly base: Decimal,
    /** The base as a bigint when it is whole kronor, else null. */
    private readonly wholeBase: bigint | null,
    readonly share: AllocationLine
  ) {
    this.code = county.code;
    this.row = county.row;
    this.name = county.name;
  }

  get total(): Decimal {
    return this.base.plus(this.share.amount);
  }

  /** The total as a number for Excel; in bigints when base and step are whole kronor (no decimal per county). */
  get totalNumber(): number {
    const share = this.share.wholeKronor;
    if (this.wholeBase === null || share === null) return this.total.toNumber();
    return Number(this.wholeBase + share);
  }
}

/**
 * The weights as whole numbers: as they are when they already are (municipality counts, the usual
 * case, without a decimal per county), else scaled by the smallest power of ten that makes them whole.
 */
function countyWeights(counties: readonly CountyInput[]): { weights: bigint[]; scale: bigint } {
  const whole = (w: Amount): w is number => typeof w === "number" && Number.isSafeInteger(w) && w >= 0;
  if (counties.every((county) => whole(county.weight))) {
    return { weights: counties.map((county) => BigInt(county.weight as number)), scale: 1n };
  }
  return scaledWeights(counties.map((county) => nonNegative(county.weight, "vikten", county)));
}

/**
 * The county grant as the rule is written: every county gets `base`, the rest is shared in proportion to
 * the weights (the number of municipalities) in whole rounding steps. The rule is in the Sörmland
 * agreement's Bilaga 2 (Sörmlandsöverenskommelsen, dnr 09/5304: "De 66 miljonerna har fördelats så att alla
 * län erhåller minst 2 miljoner kronor. Resterande medel har fördelats till antalet kommuner i länet.") and on
 * bild 17 of "Att bygga infrastruktur för socialtjänsten" ("2 milj. kr till varje län, resten i förhållande
 * till antal kommuner med jämkning för små län."). The adjustment is not written down: Bilaga 2's figures
 * differ from this rule, and the workbook shows that difference beside it.
 */
export function countyGrant(
  counties: readonly CountyInput[],
  params: { readonly total: Amount; readonly base: Amount; readonly step: Amount }
): CountyGrantResult {
  const total = nonNegative(params.total, "totalen");
  const base = nonNegative(params.base, "grundbeloppet");
  const step = roundingStep(params.step);
  const scaled = countyWeights(counties);
  assertUniqueCodes(counties);
  const rest = total.minus(base.times(counties.length));
  if (rest.isNegative()) {
    throw new RuleError(
      "invalidValue",
      RuleProblem.totalBelowBase(formatNumberSv(total), counties.length, formatNumberSv(base))
    );
  }
  const allocation = allocateLargestRemainder(
    rest,
    step,
    counties.map((county, i) => ({ code: county.code, weight: scaled.weights[i] })),
    scaled.scale
  );
  const wholeBase = base.isInteger() ? toBigInt(base) : null;
  const lines = counties.map((county, i) => new CountyGrantLine(county, base, wholeBase, allocation.lines[i]));
  return { base, rest, allocation, lines };
}

/** Each county's weight in the regional support when all get equal parts (the sheet's input column's default). */
export const REGIONAL_EQUAL_WEIGHT = 1;

/**
 * The regional knowledge-support structures' money shared among the counties by a weight each, with no
 * base: equal weights give equal parts. The figures of the table "Fördelning av 66* + 13 milj. kr" ("Att bygga
 * infrastruktur för socialtjänsten", bild 17) add about the same amount to most counties; the sources give no
 * rule (bild 18 gives the 15 MSEK, of which 2 MSEK national).
 */
export function regionalSupport(
  counties: readonly CountyInput[],
  params: { readonly total: Amount; readonly step: Amount }
): CountyGrantResult {
  return countyGrant(counties, { total: params.total, base: 0, step: params.step });
}

/** What the county grant is paid by: the rule as written, the published table, or the rule with explicit adjustments. */
export type PaymentBasis = "Regeln" | "Publicerat" | "Regeln med justeringar";

export const PAYMENT_BASES: readonly PaymentBasis[] = ["Regeln", "Publicerat", "Regeln med justeringar"];

/**
 * What was published: the table of Sörmlandsöverenskommelsen, Bilaga 2. It sums to 65.5 of the 66 MSEK, so
 * 0.5 MSEK is not distributed; the controller may choose the rule instead.
 */
export const DEFAULT_PAYMENT_BASIS: PaymentBasis = "Publicerat";

/**
 * What the regional support (the 13 MSEK) is paid by: the table "Fördelning av 66* + 13 milj. kr" ("Att bygga
 * infrastruktur för socialtjänsten", bild 17) less Bilaga 2, a reading of two published tables; equal shares
 * per county, an assumption no source states; or either with explicit adjustments.
 */
export type RegionalBasis = "Publicerat" | "Lika delar" | "Publicerat med justeringar" | "Lika delar med justeringar";

export const REGIONAL_BASES: readonly RegionalBasis[] = [
  "Publicerat",
  "Lika delar",
  "Publicerat med justeringar",
  "Lika delar med justeringar",
];

/** The published split, as for the county grant: it sums to 12.5 of the 13 MSEK as transcribed. */
export const DEFAULT_REGIONAL_BASIS: RegionalBasis = "Publicerat";

/** One county's figures for a payment: the amount computed by a rule, the published one, and an explicit adjustment. */
export interface CountyPaymentInput {
  /** The rule's amount (the county grant's rule, or equal shares of the regional support). */
  readonly rule: Amount;
  readonly published: Amount;
  readonly adjustment: Amount;
}

/** Where a basis takes its amounts from, and whether the adjustments are added. */
interface BasisParts {
  readonly published: boolean;
  readonly adjusted: boolean;
}

/** The parts of a basis of either grant, by its words. */
function basisParts(basis: PaymentBasis | RegionalBasis): BasisParts {
  return {
    published: basis.startsWith("Publicerat"),
    adjusted: basis.endsWith("med justeringar"),
  };
}

/**
 * Each county's amount as paid on a basis, and what of the total is not distributed (a published table that
 * sums to less than the total, or the rule's remainder below one step). The adjustments are signed kronor that
 * must sum to 0 for a basis with adjustments to pay what its table pays.
 */
function paidOnBasis(
  basis: PaymentBasis | RegionalBasis,
  counties: readonly CountyPaymentInput[],
  total: Amount
): { readonly paid: readonly Decimal[]; readonly undistributed: Decimal } {
  const { published, adjusted } = basisParts(basis);
  const paid = counties.map((c) => {
    const amount = published
      ? nonNegative(c.published, "det publicerade beloppet")
      : nonNegative(c.rule, "regelns belopp");
    return adjusted ? amount.plus(new Money(c.adjustment)) : amount;
  });
  const sum = paid.reduce((s, p) => s.plus(p), new Money(0));
  return { paid, undistributed: nonNegative(total, "totalen").minus(sum) };
}

/** Each county's county grant as paid on the chosen basis (Sörmlandsöverenskommelsen, Bilaga 2, or the rule). */
export function countyGrantPaid(
  basis: PaymentBasis,
  counties: readonly CountyPaymentInput[],
  total: Amount
): { readonly paid: readonly Decimal[]; readonly undistributed: Decimal } {
  return paidOnBasis(basis, counties, total);
}

/**
 * Each county's regional support as paid on the chosen basis: the published table (bild 17 less Bilaga 2, a
 * reading) or equal shares (an assumption), with or without adjustments.
 */
export function regionalSupportPaid(
  basis: RegionalBasis,
  counties: readonly CountyPaymentInput[],
  total: Amount
): { readonly paid: readonly Decimal[]; readonly undistributed: Decimal } {
  return paidOnBasis(basis, counties, total);
}
