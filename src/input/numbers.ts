/**
 * A number as a cell or a file holds it, read once for every face: a number cell as Excel shows it (15
 * significant digits), a text by the spellings of `NUMBER_SPELLING` ("1 234,5", "−12", "+5", "0.4").
 * Anything else (an exponent, "NaN", hexadecimal, digits that are not 0–9, two decimal separators, a
 * thousands group that is not three digits) is refused with the reason, never guessed.
 */
import Decimal from "decimal.js";
import { Money } from "../engine/money";
import { Problem } from "./messages";
import { codePoint, describeCell, shownValue } from "./show";
import { NUMBER_SPELLING } from "./spellings";
import { cleanText, isBlank, Reading, Refused } from "./verdict";

/** A number read exactly, and how many decimals it was written with ("100,10": 2). */
export interface ExactNumber {
  readonly value: Decimal;
  readonly decimals: number;
}

const escape = (chars: readonly string[]) => chars.map((c) => c.replace(/[-\\^\]]/g, "\\$&")).join("");
const SIGN = new RegExp(`^[${escape([...NUMBER_SPELLING.plus, ...NUMBER_SPELLING.minus])}]`);
const GROUP = `[${escape(NUMBER_SPELLING.thousands)}]`;
const DECIMAL = `[${escape(NUMBER_SPELLING.decimal)}]`;
/** Digits grouped by three ("1 234 567"), or plain digits; then one decimal separator and digits. */
const BODY = new RegExp(`^(?:(\\d{1,3}(?:${GROUP}\\d{3})+)|(\\d+))?(?:${DECIMAL}(\\d+))?$`);
const GROUPS = new RegExp(GROUP, "g");
const EXPONENT = new RegExp(`^(?:\\d+(?:${DECIMAL}\\d*)?|${DECIMAL}\\d+)[eE][+\\-]?\\d+$`);
/** A decimal digit of another script (fullwidth ０, Arabic-Indic ٣, …): it looks like a digit but is not 0–9. */
export const FOREIGN_DIGIT = /(?![0-9])\p{Nd}/u;

/** A finite number cell as Excel shows and compares it: 15 significant digits, no negative zero. */
function excelNumber(value: number): number {
  if (value === 0) return 0;
  return Number.isInteger(value) ? value : Number(value.toPrecision(15));
}

/** Why a text is not a number, as precisely as can be told. */
function notANumber(raw: string, body: string, what: string): Refused {
  const shown = shownValue(raw);
  const foreign = FOREIGN_DIGIT.exec(body);
  if (foreign) return new Refused(Problem.foreignDigits(what, shown, codePoint(foreign[0])));
  if (EXPONENT.test(body)) return new Refused(Problem.exponent(what, shown));
  if (/\d/.test(body) && /^[\d.,\s\u00a0\u202f\u2009]+$/.test(body))
    return new Refused(Problem.numberFormat(what, shown));
  return new Refused(Problem.notANumber(what, describeCell(raw)));
}

/** A number written as text: sign, digits (grouped by three or not), one decimal separator. */
function numberFromText(raw: string, what: string): Reading<ExactNumber> {
  const text = cleanText(raw, what);
  if (text instanceof Refused) return text;
  const sign = SIGN.exec(text)?.[0] ?? "";
  const body = text.slice(sign.length);
  const match = BODY.exec(body);
  if (!match || (match[1] ?? match[2] ?? match[3]) === undefined) return notANumber(raw, body, what);
  const [, grouped, plain, fraction = ""] = match;
  // "1,000" or "2.500": a thousands group or three decimals? Refused rather than guessed.
  if (fraction.length === 3 && plain !== undefined && /^[1-9]\d{0,2}$/.test(plain)) {
    return new Refused(Problem.ambiguousThousands(what, shownValue(raw)));
  }
  const whole = (grouped ?? plain ?? "0").replace(GROUPS, "");
  const negative = sign !== "" && !NUMBER_SPELLING.plus.includes(sign as "+");
  const value = new Money(`${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`);
  return { value: value.isZero() ? new Money(0) : value, decimals: fraction.length };
}

/**
 * Any cell as an exact number: a number cell as Excel shows it, a text by the spellings above; a blank is
 * refused with `blank(what)`, TRUE/FALSE as not a number.
 */
export function exactNumber(raw: unknown, what: string, blank: (what: string) => string): Reading<ExactNumber> {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return new Refused(Problem.notANumber(what, shownValue(raw)));
    const value = new Money(excelNumber(raw));
    return { value, decimals: value.decimalPlaces() };
  }
  if (isBlank(raw)) return new Refused(blank(what));
  if (typeof raw === "string") return numberFromText(raw, what);
  return new Refused(Problem.notANumber(what, describeCell(raw)));
}

/** Whole digits without separators or sign, the usual cell of a file: read without building a Decimal. */
export const PLAIN_DIGITS = /^\s*\d{1,15}\s*$/;

/** 2^53 − 1: above it a JavaScript number (and Excel's) no longer holds every whole number. */
export const LARGEST_EXACT = Number.MAX_SAFE_INTEGER;

/** The plain value of an exact number for the engine and the sheets (0, never −0). */
export function plainNumber(value: Decimal): number {
  return value.toNumber() + 0;
}
