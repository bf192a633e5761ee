/**
 * Party codes: municipality codes ("0114"), county codes ("08") or any other text. A code typed as a
 * number in Excel loses its leading zeros (114), so codes made only of digits are compared by their
 * numeric value: 114 and "0114" are the same party.
 */
export interface PartyCode {
  /** The code as the user wrote it (a number is shown as its digits). */
  readonly text: string;
  /** The identity used for matching and duplicate detection. */
  readonly key: string;
  /** True when the code is made only of digits: such codes order numerically. */
  readonly numeric: boolean;
}

const DIGITS = /^\d+$/;

/** Reads a code from a cell value; returns undefined for a blank code. */
export function partyCode(value: unknown): PartyCode | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0)
      return { text: String(value), key: "t:" + String(value), numeric: false };
    const digits = BigInt(value).toString();
    return { text: digits, key: "n:" + digits, numeric: true };
  }
  const text = String(value).trim();
  if (text === "") return undefined;
  if (DIGITS.test(text)) {
    let zeros = 0;
    while (zeros < text.length - 1 && text.charCodeAt(zeros) === 48) zeros++;
    return { text, key: "n:" + (zeros === 0 ? text : text.slice(zeros)), numeric: true };
  }
  return { text, key: "t:" + text, numeric: false };
}

/**
 * Orders codes for tie-breaking: numeric codes by value (0114 before 0180 before 1280), then other
 * codes in plain character order. DOMAIN.md: "ties broken by party code".
 */
export function compareCodes(a: PartyCode, b: PartyCode): number {
  if (a.numeric !== b.numeric) return a.numeric ? -1 : 1;
  // Numeric keys are "n:" and the digits without leading zeros: fewer digits is a smaller number.
  if (a.numeric && a.key.length !== b.key.length) return a.key.length - b.key.length;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
