/**
 * One reader per kind of value, the one choke point every face reads a cell through (as HyperFormula
 * coerces every argument in one place before a function runs): counts, kronor, amounts, shares, rounding
 * steps, yes/no, months, kinds of care and party, codes and free text. A number cell is read as a number;
 * a text cell by the same text reader whatever face it came through, so "1 234" is 1234 everywhere and
 * "1 234,5" as a count is the same error everywhere. The spellings are in `spellings.ts`, the messages in
 * `messages.ts`.
 */
import { Problem } from "./messages";
import { exactNumber, ExactNumber, FOREIGN_DIGIT, LARGEST_EXACT, PLAIN_DIGITS, plainNumber } from "./numbers";
import { codePoint, describeCell, shownValue } from "./show";
import { checkDigitFor, checkDigitHolds } from "./checkDigits";
import {
  APPLICANT_KIND,
  APPLICANT_KINDS,
  ApplicantKind,
  CARE,
  normalizeWord,
  PARTY_KIND,
  PAYEE_KIND,
  YES_NO,
} from "./spellings";
import { cleanText, isBlank, Reading, Refused } from "./verdict";

const refuse = (problem: string) => new Refused(problem);

/** A whole number of 0 or more: deaths, registrations, population, days, individuals. */
export function readCount(raw: unknown, what: string): Reading<number> {
  if (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0) return raw + 0;
  if (typeof raw === "string" && PLAIN_DIGITS.test(raw)) return Number(raw);
  const read = exactNumber(raw, what, Problem.blankInUsedRow);
  if (read instanceof Refused) return read;
  const shown = shownValue(raw);
  if (read.value.isNegative()) return refuse(Problem.negative(what, shown));
  if (!read.value.isInteger()) return refuse(Problem.notWholeCount(what, shown));
  if (read.value.greaterThan(LARGEST_EXACT)) return refuse(Problem.tooLarge(what, shown));
  return plainNumber(read.value);
}

/** Checks of kronor on an exact number: 0 or more, at most two decimals, exact to the öre. */
function kronorOf(read: ExactNumber, raw: unknown, what: string): Reading<number> {
  const shown = shownValue(raw);
  if (read.value.isNegative()) return refuse(Problem.negative(what, shown));
  if (read.decimals > 2) return refuse(Problem.tooManyDecimals(what, shown));
  const ore = read.value.isInteger() ? read.value : read.value.times(100);
  if (ore.greaterThan(LARGEST_EXACT)) return refuse(Problem.tooLarge(what, shown));
  return plainNumber(read.value);
}

/** An amount in kronor of 0 or more with at most two decimals (öre), no larger than 2^53 − 1. */
export function readKronor(raw: unknown, what: string): Reading<number> {
  if (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0) return raw + 0;
  if (typeof raw === "string" && PLAIN_DIGITS.test(raw)) return Number(raw);
  const read = exactNumber(raw, what, Problem.blankInUsedRow);
  return read instanceof Refused ? read : kronorOf(read, raw, what);
}

/** A number of 0 or more with any decimals: a weight, an average limit, a goal in days. */
export function readAmount(raw: unknown, what: string): Reading<number> {
  if (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0) return raw + 0;
  const read = exactNumber(raw, what, Problem.blankInUsedRow);
  if (read instanceof Refused) return read;
  const shown = shownValue(raw);
  if (read.value.isNegative()) return refuse(Problem.negative(what, shown));
  if (read.value.greaterThan(LARGEST_EXACT)) return refuse(Problem.tooLarge(what, shown));
  return plainNumber(read.value);
}

/**
 * A number as a cell shows it, of any sign: a published figure, an amount a formula gave. Not an input of a
 * rule (each input has its own reader above), but read by the same spellings.
 */
export function readNumber(raw: unknown, what: string): Reading<number> {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw + 0;
  const read = exactNumber(raw, what, Problem.missing);
  return read instanceof Refused ? read : plainNumber(read.value);
}

/** A share from 0 to 1: a threshold (0.4 for 40 %), the municipalities' share of a pot. */
export function readShare(raw: unknown, what: string): Reading<number> {
  if (typeof raw === "string" && /%\s*$/.test(raw)) return refuse(Problem.shareOutOfRange(what, shownValue(raw)));
  const read = exactNumber(raw, what, Problem.parameterMissing);
  if (read instanceof Refused) return read;
  if (read.value.isNegative() || read.value.greaterThan(1))
    return refuse(Problem.shareOutOfRange(what, shownValue(raw)));
  return plainNumber(read.value);
}

/** A rounding step in kronor: above 0 (1 for whole kronor, 1000 for thousands), at most two decimals. */
export function readStep(raw: unknown, what: string): Reading<number> {
  const read = exactNumber(raw, what, Problem.parameterMissing);
  if (read instanceof Refused) return read;
  if (read.value.isZero()) return refuse(Problem.notPositive(what, shownValue(raw)));
  return kronorOf(read, raw, what);
}

/** Yes or no: TRUE/FALSE, 1/0, or a word of the spellings table (Ja, Nej, SANT, FALSKT, …). */
export function readYesNo(raw: unknown, what: string): Reading<boolean> {
  if (typeof raw === "boolean") return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (isBlank(raw)) return refuse(Problem.yesNoMissing(what));
  return fromWords(raw, what, YES_NO, Problem.notYesNo);
}

/** A kind of care: somatisk or psykiatri, in the spellings of the table. */
export function readCare(raw: unknown, what: string): Reading<"somatisk" | "psykiatri"> {
  if (isBlank(raw)) return refuse(Problem.careMissing(what));
  return fromWords(raw, what, CARE, Problem.notCare);
}

/** A kind of party: kommun or landsting (also "region"), in the spellings of the table. */
export function readPartyKind(raw: unknown, what: string): Reading<"kommun" | "landsting"> {
  if (isBlank(raw)) return refuse(Problem.partyKindMissing(what));
  return fromWords(raw, what, PARTY_KIND, Problem.notPartyKind);
}

/** Who a payment goes to: kommun, landsting, or län (the county's recipient of its county grant). */
export function readPayeeKind(raw: unknown, what: string): Reading<"kommun" | "landsting" | "län"> {
  if (isBlank(raw)) return refuse(Problem.missing(what));
  return fromWords(raw, what, PAYEE_KIND, Problem.notPayeeKind);
}

/** Who applied for a pilot, as bild 16 of "Att bygga infrastruktur för socialtjänsten" names them (spellings.ts). */
export function readApplicantKind(raw: unknown, what: string): Reading<ApplicantKind> {
  if (isBlank(raw)) return refuse(Problem.missing(what));
  const kinds = APPLICANT_KINDS.join(", ");
  return fromWords(raw, what, APPLICANT_KIND, (w, value) => Problem.notApplicantKind(w, value, kinds));
}

/**
 * The digits of a number written with the separators people use (spaces, one hyphen): the text as it stands
 * when it has other characters. A number cell is its digits.
 */
function accountDigits(raw: unknown, what: string): Reading<string> {
  if (typeof raw === "number") return Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : shownValue(raw);
  if (typeof raw !== "string") return refuse(Problem.notText(what, describeCell(raw)));
  const text = cleanText(raw, what);
  if (text instanceof Refused) return text;
  const foreign = FOREIGN_DIGIT.exec(text);
  if (foreign) return refuse(Problem.foreignDigits(what, shownValue(raw), codePoint(foreign[0])));
  return /^[\d ]+(-[\d ]+)?$/.test(text) ? text.replace(/[ -]/g, "") : text;
}

/**
 * A number with a check digit (10-modul) as people write it: its digits of the right shape (`shape`, else
 * `notShape`'s problem), any further test of the digits (`also`), the check digit, then written as `shown`.
 */
function checkedNumber(
  raw: unknown,
  what: string,
  shape: RegExp,
  notShape: (what: string, value: string) => string,
  shown: (digits: string) => string,
  also?: (digits: string) => string | undefined
): Reading<string> {
  if (isBlank(raw)) return refuse(Problem.missing(what));
  const digits = accountDigits(raw, what);
  if (digits instanceof Refused) return digits;
  if (!shape.test(digits)) return refuse(notShape(what, shownValue(raw)));
  const other = also?.(digits);
  if (other) return refuse(other);
  if (!checkDigitHolds(digits))
    return refuse(Problem.wrongCheckDigit(what, shownValue(raw), checkDigitFor(digits.slice(0, -1))));
  return shown(digits);
}

/**
 * A Swedish organisation number, as "NNNNNN-NNNN": ten digits, the third at least 2 (so that it is no personal
 * identity number) and the last a check digit (10-modul). Skatteverket, "Organisationsnummer" (SKV 709).
 */
export function readOrganisationNumber(raw: unknown, what: string): Reading<string> {
  return checkedNumber(
    raw,
    what,
    /^\d{10}$/,
    Problem.notOrganisationNumber,
    (digits) => `${digits.slice(0, 6)}-${digits.slice(6)}`,
    (digits) => (Number(digits[2]) < 2 ? Problem.organisationNumberLikePersonal(what, shownValue(raw)) : undefined)
  );
}

/** A bankgiro number, as "NNN-NNNN" or "NNNN-NNNN": seven or eight digits, the last a check digit (10-modul). */
export function readBankgiro(raw: unknown, what: string): Reading<string> {
  return checkedNumber(
    raw,
    what,
    /^\d{7,8}$/,
    Problem.notBankgiro,
    (digits) => `${digits.slice(0, -4)}-${digits.slice(-4)}`
  );
}

/** A plusgiro number, as "NNNNNN-N": two to eight digits, the last a check digit (10-modul). */
export function readPlusgiro(raw: unknown, what: string): Reading<string> {
  return checkedNumber(
    raw,
    what,
    /^\d{2,8}$/,
    Problem.notPlusgiro,
    (digits) => `${digits.slice(0, -1)}-${digits.slice(-1)}`
  );
}

function fromWords<T>(
  raw: unknown,
  what: string,
  words: ReadonlyMap<string, T>,
  problem: (what: string, value: string) => string
): Reading<T> {
  if (typeof raw !== "string") return refuse(problem(what, shownValue(raw)));
  const text = cleanText(raw, what);
  if (text instanceof Refused) return text;
  const value = words.get(normalizeWord(text));
  return value === undefined ? refuse(problem(what, shownValue(raw))) : value;
}

/** "2018-03", "2018-3", "2018/03" and a first of the month ("2018-03-01", or Excel's date number for it). */
const MONTH = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/;

/** A month as "YYYY-MM". A date that is not the first of its month (2018-02-30, 2018-03-15) is refused. */
export function readMonth(raw: unknown, what: string): Reading<string> {
  if (isBlank(raw)) return refuse(Problem.monthMissing(what));
  if (typeof raw === "number") return monthOfDate(raw, what);
  if (typeof raw !== "string") return refuse(Problem.notMonth(what, shownValue(raw)));
  const text = cleanText(raw, what);
  if (text instanceof Refused) return text;
  const match = MONTH.exec(text);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12 || (match[3] !== undefined && Number(match[3]) !== 1)) {
    return refuse(Problem.notMonth(what, shownValue(raw)));
  }
  return `${match[1]}-${String(month).padStart(2, "0")}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date as YYYY-MM-DD (a day that exists), or Excel's date number of one; blank is no date (null). */
export function readDate(raw: unknown, what: string): Reading<string | null> {
  if (isBlank(raw)) return null;
  const text = typeof raw === "number" ? excelDate(raw) : typeof raw === "string" ? cleanText(raw, what) : undefined;
  if (text instanceof Refused) return text;
  const match = text === undefined ? null : DATE.exec(text);
  const day = match && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (!match || !day || day.toISOString().slice(0, 10) !== text) return refuse(Problem.notDate(what, shownValue(raw)));
  return text!;
}

/** Excel's date number (days since 1899-12-30) as YYYY-MM-DD; undefined for a number that is no date. */
function excelDate(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
}

/** Excel's date number (days since 1899-12-30) of a first of the month, as its month. */
function monthOfDate(serial: number, what: string): Reading<string> {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465)
    return refuse(Problem.notMonth(what, shownValue(serial)));
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
  if (date.getUTCDate() !== 1) return refuse(Problem.notMonth(what, shownValue(serial)));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * A code of `digits` digits, kept as text: "0114", "08". A code whose leading zeros a spreadsheet dropped
 * (114, "8") is padded; a longer code, letters or other digits than 0–9 are refused.
 */
export function readCode(raw: unknown, what: string, digits: number, example: string): Reading<string> {
  if (isBlank(raw)) return refuse(Problem.missing(what));
  let text: string;
  if (typeof raw === "number") {
    if (!Number.isSafeInteger(raw) || raw < 0) return refuse(Problem.notDigits(what, shownValue(raw), digits, example));
    text = String(raw);
  } else if (typeof raw === "string") {
    const clean = cleanText(raw, what);
    if (clean instanceof Refused) return clean;
    text = clean;
  } else {
    return refuse(Problem.notDigits(what, shownValue(raw), digits, example));
  }
  const foreign = FOREIGN_DIGIT.exec(text);
  if (foreign) return refuse(Problem.foreignDigits(what, shownValue(raw), codePoint(foreign[0])));
  if (!/^\d+$/.test(text) || text.length > digits)
    return refuse(Problem.notDigits(what, shownValue(raw), digits, example));
  return text.padStart(digits, "0");
}

/**
 * A party code of a custom function's table: any short text ("0114", "08", "K1") or a whole number (Excel drops a
 * code's leading zeros when it is typed as a number; the engine matches 114 with "0114"). Refused: TRUE, a
 * number with decimals or below 0, a text that is a decimal number ("114.0"), digits other than 0–9 ("０１１４",
 * which would be another party than "0114"), and what cleanText refuses (an invisible character, a long text).
 */
export function readPartyCode(raw: unknown, what: string): Reading<string | number> {
  if (isBlank(raw)) return refuse(Problem.missing(what));
  if (typeof raw === "number")
    return Number.isSafeInteger(raw) && raw >= 0 ? raw : refuse(Problem.notCode(what, shownValue(raw)));
  if (typeof raw !== "string") return refuse(Problem.notCode(what, shownValue(raw)));
  const text = cleanText(raw, what);
  if (text instanceof Refused) return text;
  const foreign = FOREIGN_DIGIT.exec(text);
  if (foreign) return refuse(Problem.foreignDigits(what, shownValue(raw), codePoint(foreign[0])));
  if (/^[-+−]?\d*[.,]\d+$|^[-+−]\d+$/.test(text)) return refuse(Problem.notCode(what, shownValue(raw)));
  return text;
}

/** Free text (a name, an individual's id, a project): trimmed, within a cell's 32 767 characters, nothing invisible. */
export function readText(raw: unknown, what: string): Reading<string> {
  if (isBlank(raw)) return refuse(Problem.missing(what));
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== "string") return refuse(Problem.notText(what, describeCell(raw)));
  return cleanText(raw, what);
}
