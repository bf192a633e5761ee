import Decimal from "decimal.js";

/**
 * The engine's own Decimal constructor: plenty of significant digits so that products of kronor and
 * populations stay exact, and no exponent notation in strings shown to users.
 */
export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Money = Decimal;

/** A whole-number count of kronor, steps or people, as an exact bigint. */
export function toBigInt(value: Decimal): bigint {
  return BigInt(value.toFixed(0));
}

/** Swedish thousands grouping with a non-breaking space: 1234567.5 → "1 234 567,5". */
export function formatNumberSv(value: Decimal | number | bigint, decimals?: number): string {
  const d = new Money(typeof value === "bigint" ? value.toString() : value);
  const text = decimals === undefined ? d.toFixed() : d.toFixed(decimals, Decimal.ROUND_HALF_UP);
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.slice(1) : text).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return (negative ? "−" : "") + grouped + (fraction ? "," + fraction : "");
}

/** Kronor for people: "1 234 567 kr". */
export function formatKronor(value: Decimal | number | bigint): string {
  return `${formatNumberSv(value)} kr`;
}

/**
 * A rate as a Swedish percentage with one decimal, truncated (never rounded up), so that a rate
 * just below a threshold never reads as the threshold itself: 39.96 % → "39,9 %".
 */
export function formatPercentSv(rate: Decimal): string {
  return `${formatNumberSv(truncatedShare(rate).times(100), 1)}\u00a0%`;
}

/**
 * A share cut (never rounded up) to a tenth of a per cent, the one truncation of rates: 0.69961 → 0.699,
 * shown as 69,9 %, so that a rate just below a threshold never reads as the threshold itself.
 */
export function truncatedShare(share: Decimal): Decimal {
  return share.toDecimalPlaces(3, Decimal.ROUND_DOWN);
}

/** A threshold such as 0.4 as "40 %" (no decimals unless it has them). */
export function formatThresholdSv(threshold: Decimal): string {
  return `${formatNumberSv(threshold.times(100))}\u00a0%`;
}
