/**
 * Reading the snapshot into engine inputs, through the same readers as the custom functions
 * (`src/input`), so that Förklara explains the reading Excel shows: parameters by name, counts, weights
 * and yes/no from cells, and the Swedish number formats of the explanation. Problems are the engine's
 * `RuleError`, caught in one place.
 */
import Decimal from "decimal.js";
import { PAYMENT_BASES, PaymentBasis, REGIONAL_BASES, RegionalBasis } from "../../engine/countyGrant";
import { ErrorPlace, RuleError } from "../../engine/errors";
import { formatKronor, formatNumberSv, formatPercentSv, formatThresholdSv, Money } from "../../engine/money";
import { Amount } from "../../engine/parties";
import {
  isBlank,
  Label,
  readAmount,
  readCount,
  Reader,
  Reading,
  readKronor,
  readNumber,
  readShare,
  readStep,
  readYesNo,
  Problem,
  Refused,
  shownValue,
} from "../../input";
import { CellValue } from "../../workbook/plan";
import { NAME } from "../../workbook/sheets/parameters";
import { CellSnapshot } from "./types";

export { formatKronor, formatNumberSv, formatPercentSv, formatThresholdSv };

/**
 * How each named parameter is read: by the reader of its kind, as the custom functions read the same
 * argument (a pot in kronor, a threshold as a share, a step, a day limit in whole days); any other as a
 * number of 0 or more.
 */
const PARAMETER_READERS: Readonly<Record<string, Reader<number>>> = {
  [NAME.baseThreshold]: readShare,
  [NAME.bonusThreshold]: readShare,
  [NAME.municipalShare]: readShare,
  [NAME.paymentStep]: readStep,
  [NAME.countyStep]: readStep,
  [NAME.basePotKommun]: readKronor,
  [NAME.basePotLandsting]: readKronor,
  [NAME.bonusPotKommun]: readKronor,
  [NAME.bonusPotLandsting]: readKronor,
  [NAME.seniorAlertKommun]: readKronor,
  [NAME.seniorAlertLandsting]: readKronor,
  [NAME.countyTotal]: readKronor,
  [NAME.countyBase]: readKronor,
  [NAME.regional]: readKronor,
  [NAME.price]: readKronor,
  [NAME.dayLimit]: readCount,
  [NAME.psychiatryDayLimit]: readCount,
};

/** A reading as its value, or the readers' refusal as the engine's error with its place. */
export function read<T>(reading: Reading<T>, place: ErrorPlace = {}): T {
  if (reading instanceof Refused) throw new RuleError("invalidValue", reading.problem, place);
  return reading;
}

/** A named parameter's value; a missing or blank parameter is a problem naming it. */
function named(snapshot: CellSnapshot, name: string): CellValue {
  const value = snapshot.parameters[name];
  if (value === undefined || isBlank(value)) {
    throw new RuleError(
      "invalidValue",
      `parametern ${name} saknas eller är tom. Kontrollera bladet Parametrar (Formler → Namnhanteraren).`
    );
  }
  return value;
}

/** A named parameter as an engine amount; a missing or blank parameter is a problem naming it. */
export function parameter(snapshot: CellSnapshot, name: string): Amount {
  return read((PARAMETER_READERS[name] ?? readAmount)(named(snapshot, name), name));
}

/** A choice cell among fixed words, as the sheet's formulas compare it (Excel's = ignores case); else a problem naming the cell. */
function choiceParameter<T extends string>(
  snapshot: CellSnapshot,
  name: string,
  what: string,
  options: readonly T[]
): T {
  const value = named(snapshot, name);
  const text = typeof value === "string" ? value.toLocaleLowerCase("sv") : undefined;
  const chosen = options.find((b) => b.toLocaleLowerCase("sv") === text);
  if (chosen) return chosen;
  throw new RuleError(
    "invalidValue",
    Problem.notPaymentBasis(`${what} ${name}`, shownValue(value), options.join(", "))
  );
}

/** The basis of payment of the county grant (the choice cell `C_Utbetalningsgrund`). */
export function paymentBasisParameter(snapshot: CellSnapshot): PaymentBasis {
  return choiceParameter(snapshot, NAME.paymentBasis, "grunden för utbetalning", PAYMENT_BASES);
}

/** The basis of payment of the regional support (the choice cell `C_Regional_Grund`). */
export function regionalBasisParameter(snapshot: CellSnapshot): RegionalBasis {
  return choiceParameter(snapshot, NAME.regionalBasis, "grunden för det regionala stödet", REGIONAL_BASES);
}

/** A count cell (deaths, registrations, population, days) as the custom functions read it; blank is a problem. */
export function cellCount(value: CellValue, what: string, place: ErrorPlace): number {
  return read(readCount(value, what), place);
}

/** A weight cell (a number of 0 or more) as the custom functions read it; blank is a problem. */
export function cellAmount(value: CellValue, what: string, place: ErrorPlace): number {
  return read(readAmount(value, what), place);
}

/** A yes/no cell ("Alla relevanta enheter startat", a condition) as the custom functions read it. */
export function cellYesNo(value: CellValue, place: ErrorPlace, what: string = Label.started): boolean {
  return read(readYesNo(value, what), place);
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

/** A cell's number as it shows it (by the readers' spellings), or undefined when the cell is not a number. */
export function numberIn(value: CellValue): number | undefined {
  const number = readNumber(value, "");
  return number instanceof Refused ? undefined : number;
}
