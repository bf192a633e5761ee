/**
 * Reading delimited text as staff save it: the bytes of a file into text, and the separator from the
 * header line. Shared by the command line's data loader and the task pane's import.
 *
 * Turns the bytes of a file into text. Swedish Excel saves "CSV (semikolonavgränsad)" in
 * Windows-1252, "CSV UTF-8" with a byte-order mark, and "Unicode-text" as UTF-16 with a byte-order mark;
 * a clipboard paste arrives as a string already.
 */

/** How the text was read. "text" when the import was given as a string (a clipboard paste). */
export type ImportEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "text";

/** Decoded text and how it was read. */
export interface DecodedText {
  /** The text without a byte-order mark. */
  readonly text: string;
  readonly encoding: ImportEncoding;
}

/**
 * Decodes an imported file: UTF-16 when it starts with a UTF-16 byte-order mark, UTF-8 (with or without
 * its byte-order mark) when the bytes are valid UTF-8, and otherwise Windows-1252, where "Malå" is the
 * bytes 4D 61 6C E5. A string is taken as it is, less a leading byte-order mark.
 */
export function decodeText(input: Uint8Array | ArrayBuffer | string): DecodedText {
  if (typeof input === "string") return { text: stripBom(input), encoding: "text" };
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: stripBom(new TextDecoder("utf-16le").decode(bytes)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: stripBom(new TextDecoder("utf-16be").decode(bytes)), encoding: "utf-16be" };
  }
  try {
    // ignoreBOM: keep the mark in the text so that stripBom removes exactly one.
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: stripBom(text), encoding: "utf-8" };
  } catch {
    return { text: stripBom(windows1252(new TextDecoder("windows-1252").decode(bytes))), encoding: "windows-1252" };
  }
}

/**
 * Bytes 80–9F of Windows-1252 are punctuation and letters ("–", "€", "”", "Š"), but Node's TextDecoder (20,
 * 22) decodes that label as ISO-8859-1 and gives control characters U+0080–U+009F instead; browsers do not.
 * Maps them as the WHATWG encoding standard's index-windows-1252 does (81, 8D, 8F, 90 and 9D stay as they are).
 */
const WINDOWS_1252_80_9F =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function windows1252(decoded: string): string {
  return decoded.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separators an import may use: semicolon (Swedish Excel's CSV), comma, tab (a paste). */
export type Delimiter = ";" | "," | "\t";

const DELIMITERS: readonly Delimiter[] = ["\t", ";", ","];

/**
 * The delimiter is chosen from the header line, which holds no numbers: guessing from data rows (as
 * Papa Parse's detection does) can take the decimal comma in "2,5" for a separator. The most frequent
 * of tab, semicolon and comma outside quotes wins; ties go in that order.
 */
export function headerDelimiter(text: string): Delimiter {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  let best: Delimiter = ";";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
