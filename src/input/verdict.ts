/**
 * A reader's verdict on one raw value: the value, or `Refused` with the problem in words. Every face
 * (the custom functions, the command line's loader, the pane's import, Förklara) puts its own place in
 * front of the problem (`Rad 3 (0115): …`, `palliativ.csv rad 3 (0115): …`); the words are the same.
 */
import { Problem } from "./messages";
import { characterName, INVISIBLE, shownCount, shownText } from "./show";

/** A value the reader will not take, and why (a message of `Problem`, without its place). */
export class Refused {
  constructor(readonly problem: string) {}
}

/** What a reader returns: the value, or why not. A class, so that a good value costs no object. */
export type Reading<T> = T | Refused;

/** A reader of one kind of value: the raw cell (number, text, TRUE/FALSE, blank) and the value's name in messages. */
export type Reader<T> = (raw: unknown, what: string) => Reading<T>;

/** Excel holds at most 32 767 characters in a cell. */
export const CELL_TEXT_LIMIT = 32767;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A text of combining marks, private-use characters, U+FFFC and spaces only (and at least one of the first three). */
const NOTHING_ON_ITS_OWN = /^[\p{M}\p{Co}\uFFFC\s]*[\p{M}\p{Co}\uFFFC][\p{M}\p{Co}\uFFFC\s]*$/u;

/** A blank cell: nothing, or text of spaces only. Excel hands an empty cell as null, "" or (desktop) 0. */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/**
 * A text as every reader first takes it: trimmed, no longer than a cell holds, and without a character
 * the user cannot see (a zero-width space, a control character, a direction mark), which would make
 * "0114" and "0114\u200b" two different codes that look the same.
 */
export function cleanText(raw: string, what: string): Reading<string> {
  const text = raw.trim();
  if (text.length > CELL_TEXT_LIMIT) {
    return new Refused(Problem.textTooLong(what, shownCount(text.length), shownCount(CELL_TEXT_LIMIT)));
  }
  // Printable ASCII, the usual code or number, needs no look at Unicode's categories.
  const invisible = PRINTABLE_ASCII.test(text) ? null : INVISIBLE.exec(text);
  if (invisible) return new Refused(Problem.invisibleCharacter(what, shownText(text), characterName(invisible[0])));
  // Only marks that combine with nothing (U+0301 alone), private-use characters or an object replacement character:
  // text that looks blank or like nothing in particular.
  if (!PRINTABLE_ASCII.test(text) && NOTHING_ON_ITS_OWN.test(text))
    return new Refused(Problem.noVisibleCharacter(what, shownText(text), characterName(text.replace(/\s/gu, ""))));
  return text;
}
