/**
 * Reading the snapshot into engine inputs: parameters by name, counts from cells, and the Swedish
 * number formats of the explanation. Problems are the engine's `RuleError`, caught in one place.
 */
import Decimal from "decimal.js";
import { ErrorPlace, Problem, RuleError } from "../../engine/errors";
import { formatKronor, formatNumberSv, formatPercentSv, formatThresholdSv, Money } from "../../engine/money";
import { Amount } from "../../engine/parties";
import { CellValue } from "../../workbook/plan";
import { cellText } from "../import/tables";
import { CellSnapshot } from "./types";

export { formatKronor, formatNumberSv, formatPercentSv, formatThresholdSv };

/** A named parameter as an engine amount; a missing or blank parameter is a problem naming it. */
export function parameter(snapshot: CellSnapshot, name: string): Amount {
  const value = snapshot.parameters[name];
  if (value === undefined || value === null || cellText(value) === "") {
    throw new RuleError(
      "invalidValue",
      `parametern ${name} saknas eller är tom. Kontrollera bladet Parametrar (Formler → Namnhanteraren).`
    );
  }
  if (typeof value === "boolean") throw new RuleError("invalidValue", Problem.notANumber(name, String(value)));
  return typeof value === "number"
    ? value
    : cellText(value)
        .replace(/[\s\u00a0]/g, "")
        .replace(",", ".");
}

/** A cell as an engine amount: numbers as they are, text with a decimal comma read; blank is a problem. */
export function cellAmount(value: CellValue, what: string, place: ErrorPlace): Amount {
  if (typeof value === "number") return value;
  const text = cellText(value);
  if (text === "") throw new RuleError("invalidValue", Problem.blankInUsedRow(what), place);
  if (typeof value === "boolean") throw new RuleError("invalidValue", Problem.notANumber(what, text), place);
  return text.replace(/[\s\u00a0]/g, "").replace(",", ".");
}

/** "registrering" / "registreringar". */
export function plural(count: bigint | number, one: string, many: string): string {
  return BigInt(count) === 1n ? one : many;
}

/**
 * An unrounded amount in kronor: exact when it has at most two decimals, otherwise four decimals
 * (cut, not rounded) and an ellipsis: "2 151 724,1379… kr".
 */
export function formatQuota(value: Decimal): string {
  if (value.decimalPlaces() <= 2) return formatKronor(value);
  return `${formatNumberSv(value.toDecimalPlaces(4, Decimal.ROUND_DOWN), 4)}…\u00a0kr`;
}

/** A share as a percentage with two decimals: 0.031299 → "3,13 %". */
export function formatShare(share: Decimal): string {
  return `${formatNumberSv(share.times(100), 2)}\u00a0%`;
}

/**
 * A quotient as it is written after "a / b": "= 4,00" when two decimals give it exactly, else "≈ 1,67"
 * (rounded half up). When the rounded figure would read as `limit` although the quotient is not the limit
 * (3 001 / 1 000 is not 3), more decimals are shown, up to six, so that "≈ 3,00 > 3" never appears.
 */
export function quotientText(numerator: Decimal.Value, denominator: Decimal.Value, limit?: Decimal.Value): string {
  const exact = new Money(numerator).dividedBy(denominator);
  let decimals = 2;
  while (
    decimals < 6 &&
    limit !== undefined &&
    !exact.equals(limit) &&
    exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).equals(limit)
  )
    decimals++;
  const rounded = exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return `${rounded.equals(exact) ? "=" : "≈"} ${formatNumberSv(rounded, decimals)}`;
}

/** A rate as "9 av 20 = 45,0 %", or "1 av 3 ≈ 33,3 %" when one decimal does not hold it exactly. */
export function rateText(registrations: bigint, deaths: bigint): string {
  const rate = new Money(registrations.toString()).dividedBy(deaths.toString());
  const exact = rate.times(1000).isInteger();
  return `${formatNumberSv(registrations)} av ${formatNumberSv(deaths)} ${exact ? "=" : "≈"} ${formatPercentSv(rate)}`;
}

/** The worksheet row (or table row) of data row i, for messages. */
export function rowNumber(snapshot: CellSnapshot, i: number): number {
  return snapshot.firstRow !== undefined ? snapshot.firstRow + i : i + 1;
}

/** A numeric cell value, or undefined when the cell is not a number. */
export function numberIn(value: CellValue): number | undefined {
  if (typeof value === "number") return value;
  const text = cellText(value)
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".");
  return text !== "" && Number.isFinite(Number(text)) ? Number(text) : undefined;
}
