/**
 * The one table of spellings every reader accepts: the words for yes and no, the kinds of care and of
 * party, and the characters of a number written as Swedish or English staff write it. The README's
 * section "What each kind of value accepts" lists the same, for a controller; the workbook's native
 * formulas can be generated from it (see `yesWords`).
 *
 * Words are compared after trimming, in lower case (Swedish rules) and with runs of spaces as one.
 */

/** Yes and no. Excel's TRUE/FALSE cells and the numbers 1/0 are read as yes/no too. */
const YES = ["ja", "j", "sant", "true", "yes", "1"] as const;
const NO = ["nej", "n", "falskt", "false", "no", "0"] as const;

/** The kinds of care of the Kalmar discharge settlement ("Länsgemensam ledning i samverkan", bild 9–10). */
const SOMATIC = ["somatisk", "somatik", "somatiska", "s"] as const;
const PSYCHIATRIC = ["psykiatri", "psykiatrisk", "psykiatriska", "psyk", "p"] as const;

/** The kinds of party: municipalities, and county councils by their older and later names. */
const MUNICIPALITY = ["kommun", "kommuner", "k", "municipality"] as const;
const COUNTY_COUNCIL = [
  "landsting",
  "landstinget",
  "region",
  "regioner",
  "l",
  "lt",
  "county",
  "county council",
] as const;

/** The characters of a number: the signs, the decimal separators and the thousands separators. */
export const NUMBER_SPELLING = {
  /** A leading plus is allowed ("+5" is 5, as Excel reads it). */
  plus: ["+"],
  /** The hyphen-minus and the Unicode minus sign (U+2212) that Swedish formats write. */
  minus: ["-", "\u2212"],
  /** One decimal separator: comma (Swedish) or point (English). */
  decimal: [",", "."],
  /** Between groups of three digits: space, no-break space (U+00A0), narrow no-break space (U+202F), thin space (U+2009). */
  thousands: [" ", "\u00a0", "\u202f", "\u2009"],
} as const;

/** How a month may be written: year and month, or a date on the first of the month (a month Excel made a date). */
export const MONTH_SPELLING = ["ÅÅÅÅ-MM", "ÅÅÅÅ-M", "ÅÅÅÅ/MM", "ÅÅÅÅ/M", "ÅÅÅÅ-MM-01", "ÅÅÅÅ/MM/01"] as const;

/** Who receives a payment: a municipality, a county council, or a county's recipient of the county grant. */
const PAYEE_COUNTY = ["län", "lan", "länet", "länets mottagare"] as const;

/**
 * Who may apply for a pilot: "Kan sökas av kommuner och landsting samt av privata/enskilda och idéburna
 * verksamheter och organisationer" ("Att bygga infrastruktur för socialtjänsten", bild 16). "annan" is an
 * applicant the sentence does not name (a state agency, a university): recorded, and its grant held back.
 */
export const APPLICANT_KINDS = [
  "kommun",
  "landsting",
  "kommun och landsting",
  "privat eller enskild",
  "idéburen",
  "annan",
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
const APPLICANT_SPELLINGS: readonly (readonly [ApplicantKind, readonly string[]])[] = [
  ["kommun", ["kommun", "kommuner"]],
  ["landsting", ["landsting", "region"]],
  ["kommun och landsting", ["kommun och landsting", "kommun och region", "kommuner och landsting"]],
  ["privat eller enskild", ["privat eller enskild", "privat", "privata", "enskild", "enskilda", "privat/enskild"]],
  ["idéburen", ["idéburen", "ideburen", "idéburna", "idéburen organisation"]],
  ["annan", ["annan", "annat", "övrig"]],
];

/** A word as the tables hold it: trimmed, lower case, one space between words. */
export function normalizeWord(text: string): string {
  return text.trim().toLocaleLowerCase("sv").replace(/\s+/g, " ");
}

function lookup<T>(entries: readonly (readonly [T, readonly string[]])[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const word of words) map.set(word, value);
  return map;
}

export const YES_NO: ReadonlyMap<string, boolean> = lookup([
  [true, YES],
  [false, NO],
]);

export const CARE: ReadonlyMap<string, "somatisk" | "psykiatri"> = lookup([
  ["somatisk", SOMATIC],
  ["psykiatri", PSYCHIATRIC],
]);

export const PARTY_KIND: ReadonlyMap<string, "kommun" | "landsting"> = lookup([
  ["kommun", MUNICIPALITY],
  ["landsting", COUNTY_COUNCIL],
]);

export const PAYEE_KIND: ReadonlyMap<string, "kommun" | "landsting" | "län"> = lookup([
  ["kommun", MUNICIPALITY],
  ["landsting", COUNTY_COUNCIL],
  ["län", PAYEE_COUNTY],
]);

export const APPLICANT_KIND: ReadonlyMap<string, ApplicantKind> = lookup(APPLICANT_SPELLINGS);

/**
 * The words read as yes (lower case; the comparison ignores case), for a native formula that must
 * accept what the readers accept, e.g. `ISNUMBER(MATCH(TRIM(cell), {"ja","j",…}, 0))` beside
 * `cell=TRUE` and `cell=1`.
 */
export function yesWords(): readonly string[] {
  return YES;
}

/** The words read as no (lower case), as `yesWords`. */
export function noWords(): readonly string[] {
  return NO;
}

/** Every spelling by kind, for the README and the tests that keep it true. */
export const SPELLINGS = {
  yes: YES,
  no: NO,
  somatic: SOMATIC,
  psychiatric: PSYCHIATRIC,
  municipality: MUNICIPALITY,
  countyCouncil: COUNTY_COUNCIL,
  payeeCounty: PAYEE_COUNTY,
  applicantKinds: APPLICANT_KINDS,
  month: MONTH_SPELLING,
} as const;
