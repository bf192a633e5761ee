/**
 * The bytes of a file as text, for the command line's loader and the pane's import alike. Swedish Excel
 * saves "CSV (semikolonavgränsad)" in Windows-1252, "CSV UTF-8" with a byte-order mark, and "Unicode-text"
 * as UTF-16 (with a byte-order mark; some programs leave it out, which the NUL bytes of every other byte
 * give away). A workbook, a PDF or any other binary file named .csv is refused with what it is.
 */
import { formatNumberSv } from "../engine/money";
import { Problem } from "./messages";

/** How the text was read. "text" when it was given as a string (a clipboard paste). */
export type ImportEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "text";

/** Decoded text and how it was read. */
export interface DecodedText {
  /** The text without a byte-order mark. */
  readonly text: string;
  readonly encoding: ImportEncoding;
}

/** Bytes that are not text, or too many of them: the problem in words. */
export interface NotText {
  readonly problem: string;
}

/** The largest file read: a registry file of every municipality is a few hundred kilobytes. */
export const FILE_SIZE_LIMIT = 50 * 1024 * 1024;

/** "62,5 MB". */
export function megabytes(bytes: number): string {
  return `${formatNumberSv(Math.ceil((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** A file of `size` bytes is too large to read, or undefined. */
export function sizeProblem(size: number): string | undefined {
  return size > FILE_SIZE_LIMIT ? Problem.fileTooLarge(megabytes(size), megabytes(FILE_SIZE_LIMIT)) : undefined;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** What a binary file is, from its first bytes; undefined for anything that may be text. */
function binaryKind(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return Problem.zipFile();
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return Problem.oldExcelFile();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return Problem.pdfFile();
  return undefined;
}

/**
 * UTF-16 without a byte-order mark: in text of Latin letters every other byte is NUL, the odd ones in
 * little-endian files, the even ones in big-endian. Judged on the first 4 096 bytes.
 */
function unmarkedUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const pairs = Math.min(bytes.length, 4096) / 2;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs / 2 && evenZeros <= pairs / 20) return "utf-16le";
  if (evenZeros >= pairs / 2 && oddZeros <= pairs / 20) return "utf-16be";
  return undefined;
}

/**
 * Decodes a file: UTF-16 by its byte-order mark or by its NUL bytes, UTF-8 (with or without its mark)
 * when the bytes are valid UTF-8, otherwise Windows-1252, where "Malå" is the bytes 4D 61 6C E5. A string
 * is taken as it is, less a leading byte-order mark. Refused: more than `FILE_SIZE_LIMIT`, a workbook,
 * a PDF, and any other bytes with NUL in them.
 */
export function decodeText(input: Uint8Array | ArrayBuffer | string): DecodedText | NotText {
  if (typeof input === "string") {
    const tooLarge = sizeProblem(input.length);
    return tooLarge ? { problem: tooLarge } : { text: stripBom(input), encoding: "text" };
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const tooLarge = sizeProblem(bytes.length);
  if (tooLarge) return { problem: tooLarge };
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : undefined;
  const binary = utf16 ? undefined : binaryKind(bytes);
  if (binary) return { problem: binary };
  const encoding = utf16 ?? unmarkedUtf16(bytes);
  if (encoding) {
    const text = stripBom(new TextDecoder(encoding).decode(bytes));
    return text.includes("\u0000") ? { problem: Problem.binaryFile() } : { text, encoding };
  }
  if (bytes.includes(0)) return { problem: Problem.binaryFile() };
  try {
    // ignoreBOM: keep the mark in the text so that stripBom removes exactly one.
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: stripBom(text), encoding: "utf-8" };
  } catch {
    const mixed = mixedLine(bytes);
    if (mixed !== undefined) return { problem: Problem.mixedEncoding(mixed) };
    return { text: stripBom(windows1252(new TextDecoder("windows-1252").decode(bytes))), encoding: "windows-1252" };
  }
}

/**
 * Bytes that are not all UTF-8 but carry UTF-8 of their own: a byte-order mark, or "å", "ä", "ö", "é" in UTF-8
 * (C3 A5 and the like, which Windows-1252 would read as "Ã¥", never in a Swedish text). Such a file was saved
 * as UTF-8 and then had text of another encoding put in; read as Windows-1252 every letter would be garbled.
 * Returns the line (1-based) of the first byte that is not UTF-8, or undefined for a Windows-1252 file.
 */
function mixedLine(bytes: Uint8Array): number | undefined {
  const marked = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!marked && !hasUtf8Letter(bytes)) return undefined;
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const bad = text.indexOf("\ufffd");
  return text.slice(0, bad).split("\n").length;
}

function hasUtf8Letter(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) if (bytes[i] === 0xc3 && UTF8_LETTER_TAILS.has(bytes[i + 1])) return true;
  return false;
}

/** Second bytes of Å Ä Ö É Ü å ä ö é ü in UTF-8 (after C3). */
const UTF8_LETTER_TAILS = new Set([0x85, 0x84, 0x96, 0x89, 0x9c, 0xa5, 0xa4, 0xb6, 0xa9, 0xbc]);

/** The decoded text was refused. */
export function isNotText(decoded: DecodedText | NotText): decoded is NotText {
  return "problem" in decoded;
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
