/**
 * Values as a message shows them: cut when long, every character the user cannot see written out
 * (`0114[U+200B]`), numbers in Swedish form. A message never echoes a megabyte, and never hides what
 * is wrong with a value.
 */
import { formatNumberSv } from "../engine/money";

/** How many characters of a value a message shows before "…". */
export const SHOWN_LENGTH = 40;

/**
 * Characters that show nothing, or look like nothing, or move the text: controls, format characters, line and
 * paragraph separators, half a surrogate pair, every character Unicode calls default-ignorable (which a
 * program may draw as nothing: the combining grapheme joiner U+034F, the Hangul fillers U+115F, U+1160, U+3164
 * and U+FFA0, variation selectors, …) and the blank Braille pattern U+2800, which is drawn as an empty cell.
 * The one rule of what a value may not hide, for every reader of every face (see `cleanText`).
 */
export const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\u2028\u2029\u2800]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");

const NAMES: Readonly<Record<number, string>> = {
  0x00: "NUL",
  0x034f: "kombinerande grafemfog",
  0x115f: "hangul-utfyllnad",
  0x1160: "hangul-utfyllnad",
  0x2800: "tomt punktskriftstecken",
  0x3164: "hangul-utfyllnad",
  0xffa0: "hangul-utfyllnad",
  0x09: "tabb",
  0x0a: "radbrytning",
  0x0d: "vagnretur",
  0xad: "mjukt bindestreck",
  0x200b: "nollbreddsmellanslag",
  0x200c: "nollbreddsskiljare",
  0x200d: "nollbreddsfog",
  0x200e: "riktningsmarkering",
  0x200f: "riktningsmarkering",
  0x2028: "radavgränsare",
  0x2060: "ordfog",
  0xfeff: "byte-ordningsmärke (BOM)",
};

/** "U+200B", the way Unicode names a character. */
export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** "U+200B (nollbreddsmellanslag)": the code point, and a Swedish name when the character has a common one. */
export function characterName(character: string): string {
  const name = NAMES[character.codePointAt(0)!];
  return name ? `${codePoint(character)} (${name})` : codePoint(character);
}

/** The text without the characters that cannot be seen (for names that only select, such as a header). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, "");
}

/** The text cut to its first 40 characters (whole characters, never half a pair) and "…". */
export function cut(text: string, length = SHOWN_LENGTH): string {
  if (text.length <= length) return text;
  // A character is one or two UTF-16 units: 2·length + 1 units hold more than `length` characters unless the text ends.
  const characters = Array.from(text.slice(0, length * 2 + 1));
  return characters.length > length ? characters.slice(0, length).join("") + "…" : text;
}

/** Every invisible character written out: "0114\u200b" → "0114[U+200B]". */
export function visible(text: string): string {
  return text.replace(INVISIBLE_ALL, (c) => `[${codePoint(c)}]`);
}

/** A text as a message shows it: cut, then its invisible characters written out. */
export function shownText(text: string): string {
  return visible(cut(text));
}

/** A cell value in a message: numbers in Swedish form (10,5), text as typed (cut, made visible). */
export function shownValue(raw: unknown): string {
  if (typeof raw === "number") return Number.isFinite(raw) ? formatNumberSv(raw) : String(raw);
  if (typeof raw === "boolean") return raw ? "SANT" : "FALSKT";
  if (raw === null || raw === undefined) return "";
  return shownText(String(raw).trim());
}

/** What a cell holds, for "…men cellen innehåller texten "tio"": text quoted, SANT/FALSKT, a number, blank. */
export function describeCell(raw: unknown): string {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return "en tom cell";
  if (typeof raw === "string") return `texten "${shownValue(raw)}"`;
  return shownValue(raw);
}

/** A count in Swedish form for messages: 200000 → "200 000". */
export function shownCount(count: number): string {
  return formatNumberSv(count);
}
