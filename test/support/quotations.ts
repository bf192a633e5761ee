/*
 * Quotations and the sources they quote: finds the spans of a text in quotation marks ("…", ”…”, “…”), the
 * source documents the text names (by the names in SOURCES), and checks each quotation word for word against
 * the transcripts of the documents the text names. A quoted title is a citation, not a quotation.
 */
import * as fs from "fs";
import * as path from "path";
import { SourceKey, SOURCES } from "../../src/workbook/sources";

/** Runs of whitespace as one space, on both sides of a comparison. */
export function normalised(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The spans in quotation marks: straight "…", Swedish ”…” and English “…” (the inner text). */
export function quotedSpans(text: string): string[] {
  const spans: string[] = [];
  for (const pattern of [/"([^"]+)"/g, /”([^”“"]+)”/g, /“([^”“"]+)”/g]) {
    for (const match of text.matchAll(pattern)) spans.push(match[1]);
  }
  return spans;
}

const KEYS = Object.keys(SOURCES) as SourceKey[];

/** Is this quoted span one of the documents' own names (a citation)? */
export function isTitle(span: string): boolean {
  const s = normalised(span);
  return KEYS.some((k) => SOURCES[k].names.includes(s));
}

/** The documents a text names, by their titles or short names (not by words inside a quotation). */
export function namedSources(text: string): SourceKey[] {
  let outside = text;
  for (const span of quotedSpans(text)) if (!isTitle(span)) outside = outside.split(span).join(" ");
  return KEYS.filter((k) => SOURCES[k].names.some((name) => outside.includes(name)));
}

/** Each document's transcript, whitespace normalised, and a second form without Markdown's `*` and `#`. */
export type Transcripts = Readonly<Record<SourceKey, readonly string[]>>;

/** The transcripts in `dir`, matched by their number prefix (`SOURCES[key].transcript`); undefined when absent. */
export function readTranscripts(dir: string): Transcripts | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs.readdirSync(dir);
  const out: Partial<Record<SourceKey, string[]>> = {};
  for (const key of KEYS) {
    const file = files.find((f) => f.startsWith(SOURCES[key].transcript));
    if (!file) return undefined;
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    out[key] = [normalised(text), normalised(text.replace(/[*#]+/g, ""))];
  }
  return out as Transcripts;
}

/** A quotation not found in any of the documents its text names. */
export interface Misquotation {
  readonly quote: string;
  readonly sources: readonly SourceKey[];
  readonly text: string;
}

/**
 * The quotations of a text that names a source and that are in none of the named documents' transcripts.
 * A text that names no source is not checked (its quotation marks may mark a sheet's or a column's name).
 */
export function misquotations(text: string, transcripts: Transcripts): Misquotation[] {
  const sources = namedSources(text);
  if (sources.length === 0) return [];
  return quotedSpans(text)
    .filter((span) => !isTitle(span))
    .filter((span) => !sources.some((k) => transcripts[k].some((t) => t.includes(normalised(span)))))
    .map((quote) => ({ quote, sources, text }));
}

/** A source named by its transcript's file number: "seed", a space or none, three digits; or the file's name. */
export const FILE_NUMBER = /\bseeds?[ -]?0\d\d|\b00\d_[0-9a-f]{6}/i;
