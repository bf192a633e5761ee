/*
 * LibreOffice as an independent spreadsheet engine for tests.
 *
 * `recalculateWithLibreOffice(file)` proves that a workbook's formulas compute the right values without the
 * add-in and without trusting what the writer cached:
 *   1. the file is copied and every formula cell loses its cached result (`<v>` and its type `t` are removed
 *      from every `<c>` that has an `<f>`, in every worksheet part, shared and array formulas included);
 *   2. headless LibreOffice converts the copy to .xlsx with a fresh, throwaway user profile whose
 *      registrymodifications.xcu sets `/org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode` (and
 *      `ODFRecalcMode`) to 0 = "always recalculate". LibreOffice's default is 1 = "never recalculate": it keeps
 *      whatever the file caches and only computes cells that have no cached value. With 0 it runs a hard
 *      recalculation of the whole document on load (ScDocShell::DoHardRecalc), so either mechanism alone would
 *      do; the tests prove each one separately;
 *   3. the values LibreOffice wrote are read back from the converted file's XML, typed by the cell's `t`
 *      attribute (not by its number format): numbers, strings, booleans and errors (`{ error: "#DIV/0!" }`).
 *
 * `renderWorkbookPng(file, png, { sheet })` draws a sheet for the README: LibreOffice prints it to PDF (other
 * sheets hidden in a copy) and pdftoppm rasterises the first page(s).
 *
 * Requirements: `soffice` (Debian: libreoffice-calc-nogui) and, for pictures, `pdftoppm` (poppler-utils).
 * Override their location with the environment variables SOFFICE and PDFTOPPM. Each call runs one LibreOffice
 * process in its own process group with its own profile and HOME under a temporary directory (so it works as
 * root, with HOME unset, and in parallel Jest workers), kills the whole group on timeout, and removes the
 * temporary directory afterwards. One call takes about 1-2 s, so batch many checks into one workbook.
 *
 * What comes back (LibreOffice 7.4, shown by libreoffice.test.ts):
 *   - numbers are written with at most 15 significant digits: compare kronor, not intermediates ≥ 10^15;
 *   - a logical result is TRUE/FALSE in a General cell but 1/0 in a cell with its own number format (use
 *     `asBoolean`); errors come back as `{ error: "#N/A" }`, formula strings as strings ("" included);
 *   - shared formulas come back as one formula per cell; defined names and sheet names with spaces or Swedish
 *     letters survive; data validation and conditional formats survive the conversion.
 */
import { spawn } from "child_process";
import { existsSync, promises as fs, statSync } from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { pathToFileURL } from "url";

// ---------------------------------------------------------------------------------------------------------------
// Values

/** An error value as a spreadsheet shows it, e.g. `{ error: "#DIV/0!" }` (the same shape exceljs uses). */
export interface SheetError {
  readonly error: string;
}

/** A cell value as LibreOffice computed it. Dates are serial numbers (values are typed by `t`, not by format). */
export type SheetValue = number | string | boolean | SheetError | null;

/** The key of a cell in the maps below: the sheet name as it is (no quotes) and the A1 address, "Senior alert!B2". */
export function cellKey(sheet: string, a1: string): string {
  return `${sheet}!${a1.replace(/\$/g, "").toUpperCase()}`;
}

export function isSheetError(value: unknown): value is SheetError {
  return typeof value === "object" && value !== null && typeof (value as SheetError).error === "string";
}

/**
 * A logical value as LibreOffice returns it. LibreOffice has no boolean type (TRUE is 1 with a boolean number
 * format), so a formula cell whose style has its own number format (e.g. "#,##0") comes back as 1 or 0, while
 * one with the General format comes back as TRUE or FALSE. Anything else gives undefined.
 */
export function asBoolean(value: SheetValue | undefined): boolean | undefined {
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  return undefined;
}

/** What one recalculation found. */
export interface LibreOfficeRecalculation {
  /** Every cell that has a value after LibreOffice recalculated, by `cellKey` ("Sheet!A1"). */
  readonly values: Map<string, SheetValue>;
  /** The formula text LibreOffice wrote back for each formula cell (no leading "="), by `cellKey`. */
  readonly formulas: Map<string, string>;
  /** The workbook's sheet names in order, as LibreOffice wrote them. */
  readonly sheets: readonly string[];
  /** The workbook-level defined names LibreOffice wrote back, name → reference (e.g. "Parametrar!$B$1"). */
  readonly definedNames: Map<string, string>;
  /** Formula cells in the input, and how many of them had a cached value that was removed before LibreOffice saw it. */
  readonly formulaCells: number;
  readonly strippedResults: number;
  /** Wall-clock time of the LibreOffice run, in milliseconds. */
  readonly libreOfficeMs: number;
  /** LibreOffice's stdout and stderr (for diagnostics). */
  readonly log: string;
  /** The value of one cell; `undefined` when LibreOffice wrote no value there. */
  get(sheet: string, a1: string): SheetValue | undefined;
}

export interface LibreOfficeOptions {
  /** Kill LibreOffice and fail after this many milliseconds (default 120 000, or LIBREOFFICE_TIMEOUT_MS). */
  readonly timeoutMs?: number;
  /** Keep the temporary directory (input copy, profile, output) and report where it is, for debugging. */
  readonly keepTemp?: boolean;
  /**
   * Remove the cached results before LibreOffice loads the file (default true). Set to false only to prove that
   * the profile setting alone forces a recalculation.
   */
  readonly stripCachedResults?: boolean;
  /**
   * Force a full recalculation on load through the profile (default true). Set to false only to show what
   * LibreOffice does by default (keep the cached results).
   */
  readonly recalcOnLoad?: boolean;
  /** The profile's locale (ooSetupSystemLocale), e.g. "sv-SE" for Swedish number formats in a picture. */
  readonly locale?: string;
  /** Where to create the temporary directory (default: the system's temporary directory). */
  readonly tempDir?: string;
  /** Also save the file LibreOffice wrote here (for inspection with exceljs or by hand). */
  readonly saveConvertedAs?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the programs

export class LibreOfficeMissingError extends Error {
  constructor(program: string, hint: string) {
    super(`${program} was not found. ${hint}`);
    this.name = "LibreOfficeMissingError";
  }
}

const SOFFICE_HINT =
  "Install LibreOffice Calc (Debian: apt-get install -y --no-install-recommends libreoffice-calc-nogui) " +
  "or set SOFFICE=/path/to/soffice.";
const PDFTOPPM_HINT =
  "Install poppler (Debian: apt-get install -y --no-install-recommends poppler-utils) or set PDFTOPPM=/path/to/pdftoppm.";

function isExecutableFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(names: readonly string[]): string | null {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const exts = process.platform === "win32" ? ["", ".exe", ".com"] : [""];
  for (const name of names) {
    for (const dir of dirs) {
      for (const ext of exts) {
        const candidate = path.join(dir, name + ext);
        if (isExecutableFile(candidate)) return candidate;
      }
    }
  }
  return null;
}

/** The LibreOffice executable: $SOFFICE, `soffice`/`libreoffice` on PATH, or a usual install location; null if none. */
export function findSoffice(): string | null {
  const fromEnv = process.env.SOFFICE;
  if (fromEnv) return isExecutableFile(fromEnv) ? fromEnv : null;
  const onPath = findOnPath(["soffice", "libreoffice"]);
  if (onPath) return onPath;
  const usual = [
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  ];
  return usual.find(isExecutableFile) ?? null;
}

/** pdftoppm: $PDFTOPPM or on PATH; null if none. */
export function findPdftoppm(): string | null {
  const fromEnv = process.env.PDFTOPPM;
  if (fromEnv) return isExecutableFile(fromEnv) ? fromEnv : null;
  return findOnPath(["pdftoppm"]);
}

export function requireSoffice(): string {
  const soffice = findSoffice();
  if (!soffice) throw new LibreOfficeMissingError("LibreOffice (soffice)", SOFFICE_HINT);
  return soffice;
}

// ---------------------------------------------------------------------------------------------------------------
// The .xlsx package (a zip archive, read and written with JSZip)

/** The files of an opened .xlsx (folder entries left out), name → bytes, in the order the archive lists them. */
async function packageParts(zip: JSZip): Promise<Map<string, Buffer>> {
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return new Map(await Promise.all(files.map(async (f) => [f.name, await f.async("nodebuffer")] as const)));
}

/** Replaces the text of one part, in place (no folder entries are added). */
function setPart(zip: JSZip, name: string, xml: string): void {
  zip.file(name, Buffer.from(xml, "utf8"), { createFolders: false });
}

/** The .xlsx bytes of an archive, every part deflated. */
function writePackage(zip: JSZip): Promise<Buffer> {
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

// ---------------------------------------------------------------------------------------------------------------
// SpreadsheetML parts

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
/** A cell element, with an optional namespace prefix: `<c r="A1" t="n"><f>..</f><v>..</v></c>` or `<c r="A1"/>`. */
const CELL = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;

function attributes(source: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const m of source.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) result[m[1]] = m[2] ?? m[3];
  return result;
}

function decodeXml(text: string): string {
  return text
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
      switch (e) {
        case "lt":
          return "<";
        case "gt":
          return ">";
        case "amp":
          return "&";
        case "quot":
          return '"';
        case "apos":
          return "'";
        default:
          return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      }
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of an `<si>` or `<is>` string item: all `<t>` runs, phonetic runs left out. */
function stringItemText(xml: string): string {
  const withoutPhonetic = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/\1?rPh>/g, "");
  let text = "";
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1];
  return decodeXml(text);
}

export interface StrippedWorkbook {
  readonly buffer: Buffer;
  readonly formulaCells: number;
  readonly strippedResults: number;
}

/**
 * Removes every cached formula result from an .xlsx: in each worksheet part, each `<c>` that contains an `<f>`
 * (plain, shared master or follower, array) loses its `<v>` and its `t` attribute. Nothing else changes.
 */
export async function stripCachedResults(xlsx: Buffer): Promise<StrippedWorkbook> {
  let formulaCells = 0;
  let strippedResults = 0;
  const zip = await JSZip.loadAsync(xlsx);
  for (const part of zip.file(WORKSHEET_PART)) {
    const xml = (await part.async("nodebuffer"))
      .toString("utf8")
      .replace(CELL, (whole, prefix: string, attrs: string, inner?: string) => {
        if (inner === undefined || !new RegExp(`<${prefix}f[\\s>/]`).test(inner)) return whole;
        formulaCells++;
        const value = new RegExp(`<${prefix}v\\s*/>|<${prefix}v(?:\\s[^>]*)?>[\\s\\S]*?</${prefix}v>`, "g");
        if (value.test(inner)) strippedResults++;
        const keptAttrs = attrs.replace(/\s+t\s*=\s*("[^"]*"|'[^']*')/, "");
        return `<${prefix}c${keptAttrs}>${inner.replace(value, "")}</${prefix}c>`;
      });
    setPart(zip, part.name, xml);
  }
  return { buffer: await writePackage(zip), formulaCells, strippedResults };
}

interface SheetPart {
  readonly name: string;
  readonly part: string;
  readonly state: string;
}

function resolvePart(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join("xl", target));
}

function workbookSheets(parts: Map<string, Buffer>): SheetPart[] {
  const workbook = parts.get("xl/workbook.xml")?.toString("utf8");
  const rels = parts.get("xl/_rels/workbook.xml.rels")?.toString("utf8");
  if (!workbook || !rels) throw new Error("not a spreadsheet: xl/workbook.xml or its relationships are missing");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.Id && a.Target) targets.set(a.Id, resolvePart(a.Target));
  }
  const sheets: SheetPart[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    const id = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const part = id ? targets.get(id) : undefined;
    if (a.name !== undefined && part) sheets.push({ name: decodeXml(a.name), part, state: a.state ?? "visible" });
  }
  return sheets;
}

export interface WorkbookContents {
  readonly values: Map<string, SheetValue>;
  readonly formulas: Map<string, string>;
  readonly sheets: readonly string[];
  readonly definedNames: Map<string, string>;
}

/** Reads the values (typed by `t`), formula texts and defined names from an .xlsx file's XML. */
export async function readWorkbookContents(xlsx: Buffer): Promise<WorkbookContents> {
  const parts = await packageParts(await JSZip.loadAsync(xlsx));
  const shared: string[] = [];
  const sst = parts.get("xl/sharedStrings.xml")?.toString("utf8");
  if (sst)
    for (const m of sst.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)) {
      shared.push(m[1] === undefined ? "" : stringItemText(m[1]));
    }
  const values = new Map<string, SheetValue>();
  const formulas = new Map<string, string>();
  const sheets = workbookSheets(parts);
  for (const sheet of sheets) {
    const xml = parts.get(sheet.part)?.toString("utf8");
    if (!xml) continue;
    for (const m of xml.matchAll(CELL)) {
      const a = attributes(m[2]);
      const inner = m[3];
      if (!a.r || inner === undefined) continue;
      const key = cellKey(sheet.name, a.r);
      const f = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
      if (f?.[1]) formulas.set(key, decodeXml(f[1]));
      const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
      const type = a.t ?? "n";
      let value: SheetValue | undefined;
      if (type === "inlineStr") {
        const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1];
        value = is === undefined ? undefined : stringItemText(is);
      } else if (v === undefined) {
        value = type === "str" && f ? "" : undefined;
      } else if (type === "s") value = shared[Number(v)];
      else if (type === "str") value = decodeXml(v);
      else if (type === "b") value = v.trim() === "1" || v.trim().toLowerCase() === "true";
      else if (type === "e") value = { error: decodeXml(v).trim() };
      else value = Number(v);
      if (value !== undefined) values.set(key, value);
    }
  }
  const definedNames = new Map<string, string>();
  const workbook = parts.get("xl/workbook.xml")?.toString("utf8") ?? "";
  for (const m of workbook.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const a = attributes(m[1]);
    if (a.localSheetId === undefined && a.name) definedNames.set(decodeXml(a.name), decodeXml(m[2]));
  }
  return { values, formulas, sheets: sheets.map((s) => s.name), definedNames };
}

/** A copy of an .xlsx in which every sheet but `sheet` is hidden and `sheet` is the active one. */
async function onlySheetVisible(xlsx: Buffer, sheet: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await packageParts(zip);
  const sheets = workbookSheets(parts);
  const index = sheets.findIndex((s) => s.name === sheet);
  if (index < 0)
    throw new Error(`no sheet named "${sheet}"; the sheets are ${sheets.map((s) => `"${s.name}"`).join(", ")}`);
  let i = -1;
  let source = parts.get("xl/workbook.xml")!.toString("utf8");
  // LibreOffice shows the active sheet even when it is marked hidden; without a workbookView it is the first.
  if (!/<(?:\w+:)?workbookView\b/.test(source)) {
    source = source.replace(/<((?:\w+:)?)sheets>/, "<$1bookViews><$1workbookView/></$1bookViews><$1sheets>");
  }
  const xml = source
    .replace(/<((?:\w+:)?)sheet\b([^>]*?)(\/?)>/g, (_, prefix: string, attrs: string, close: string) => {
      i++;
      const withoutState = attrs.replace(/\s+state\s*=\s*("[^"]*"|'[^']*')/, "");
      return `<${prefix}sheet${withoutState}${i === index ? "" : ' state="hidden"'}${close}>`;
    })
    .replace(/<((?:\w+:)?)workbookView\b([^>]*?)(\/?)>/g, (_, prefix: string, attrs: string, close: string) => {
      const rest = attrs.replace(/\s+(activeTab|firstSheet)\s*=\s*("[^"]*"|'[^']*')/g, "");
      return `<${prefix}workbookView${rest} activeTab="${index}" firstSheet="${index}"${close}>`;
    });
  // A print area on another sheet would be exported too, hidden or not: keep only this sheet's.
  const printAreas = xml.replace(
    /<((?:\w+:)?)definedName\b[^>]*name="_xlnm\.Print_Area"[^>]*localSheetId="(\d+)"[^>]*>[^<]*<\/\1definedName>/g,
    (whole: string, _prefix: string, sheetId: string) => (Number(sheetId) === index ? whole : "")
  );
  setPart(zip, "xl/workbook.xml", printAreas);
  return writePackage(zip);
}

// ---------------------------------------------------------------------------------------------------------------
// Running LibreOffice

/** The profile settings: recalculate OOXML and ODF files on load, always; optionally a locale. */
function registryModifications(recalcOnLoad: boolean, locale?: string): string {
  const item = (p: string, prop: string, value: string | number) =>
    `<item oor:path="${p}"><prop oor:name="${prop}" oor:op="fuse"><value>${value}</value></prop></item>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    // 0 = always recalculate, 1 = never (LibreOffice's default), 2 = ask (treated as never when headless).
    item("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode", recalcOnLoad ? 0 : 1),
    item("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode", recalcOnLoad ? 0 : 1),
    ...(locale ? [item("/org.openoffice.Setup/L10N", "ooSetupSystemLocale", locale)] : []),
    "</oor:items>",
    "",
  ].join("\n");
}

export class LibreOfficeError extends Error {
  constructor(
    message: string,
    readonly log: string
  ) {
    super(log ? `${message}\n--- LibreOffice output ---\n${log}` : message);
    this.name = "LibreOfficeError";
  }
}

interface RunResult {
  readonly code: number | null;
  readonly log: string;
  readonly ms: number;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === "win32") process.kill(pid, "SIGKILL");
    else process.kill(-pid, "SIGKILL");
  } catch {
    // the group is gone already
  }
}

/** Process groups still running, killed if the test process exits first (e.g. Jest stopped with Ctrl-C). */
const running = new Set<number>();
let exitHookInstalled = false;

function track(pid: number | undefined): void {
  if (pid === undefined) return;
  running.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => running.forEach(killGroup));
  }
}

/** Runs a program in its own process group; on timeout the whole group is killed, and so is anything left after it exits. */
function run(program: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number) {
  return new Promise<RunResult>((resolve, reject) => {
    const started = Date.now();
    const child = spawn(program, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    track(child.pid);
    let log = "";
    child.stdout?.on("data", (d: Buffer) => (log += d.toString("utf8")));
    child.stderr?.on("data", (d: Buffer) => (log += d.toString("utf8")));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new LibreOfficeError(`could not start ${program}: ${error.message}`, log));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      killGroup(child.pid); // soffice.bin or a helper that outlived the launcher
      if (child.pid !== undefined) running.delete(child.pid);
      const ms = Date.now() - started;
      if (timedOut)
        reject(new LibreOfficeError(`${path.basename(program)} timed out after ${timeoutMs} ms and was killed`, log));
      else resolve({ code, log: log.trim(), ms });
    });
  });
}

const XLSX_FILTER = "Calc MS Excel 2007 XML";

interface Conversion {
  readonly output: Buffer;
  readonly ms: number;
  readonly log: string;
}

/**
 * Converts an .xlsx (given as bytes) with headless LibreOffice in a fresh temporary directory and returns the
 * converted file's bytes. `target` is what follows --convert-to, e.g. "xlsx:Calc MS Excel 2007 XML" or "pdf".
 */
async function convert(input: Buffer, target: string, ext: string, options: LibreOfficeOptions): Promise<Conversion> {
  const soffice = requireSoffice();
  const timeoutMs = options.timeoutMs ?? (Number(process.env.LIBREOFFICE_TIMEOUT_MS) || 120_000);
  if (options.tempDir) await fs.mkdir(options.tempDir, { recursive: true });
  const temp = await fs.mkdtemp(path.join(options.tempDir ?? os.tmpdir(), "lo-"));
  try {
    const inDir = path.join(temp, "in");
    const outDir = path.join(temp, "out");
    const home = path.join(temp, "home");
    const profile = path.join(temp, "profile");
    await Promise.all([inDir, outDir, home, path.join(profile, "user")].map((d) => fs.mkdir(d, { recursive: true })));
    await fs.writeFile(
      path.join(profile, "user", "registrymodifications.xcu"),
      registryModifications(options.recalcOnLoad ?? true, options.locale)
    );
    const inFile = path.join(inDir, "workbook.xlsx");
    await fs.writeFile(inFile, input);
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--nologo",
      "--nodefault",
      "--nolockcheck",
      "--norestore",
      `--infilter=${XLSX_FILTER}`,
      "--convert-to",
      target,
      "--outdir",
      outDir,
      inFile,
    ];
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, TMPDIR: temp, TMP: temp, TEMP: temp };
    delete env.DISPLAY; // never talk to a desktop session, even with a GUI build installed
    const { code, log, ms } = await run(soffice, args, env, temp, timeoutMs);
    const outFile = path.join(outDir, `workbook.${ext}`);
    if (!existsSync(outFile)) {
      throw new LibreOfficeError(`LibreOffice did not write ${path.basename(outFile)} (exit code ${code})`, log);
    }
    if (options.saveConvertedAs) await fs.copyFile(outFile, options.saveConvertedAs);
    return { output: await fs.readFile(outFile), ms, log };
  } finally {
    if (options.keepTemp) process.stderr.write(`LibreOffice temporary directory kept: ${temp}\n`);
    else await fs.rm(temp, { recursive: true, force: true });
  }
}

/**
 * Recalculates an .xlsx with LibreOffice from its formulas alone (cached results removed, recalculation forced)
 * and returns what LibreOffice computed. The file itself is not changed.
 */
export async function recalculate(
  xlsxPath: string,
  options: LibreOfficeOptions = {}
): Promise<LibreOfficeRecalculation> {
  const original = await fs.readFile(xlsxPath);
  const stripped = await stripCachedResults(original);
  const keepCaches = options.stripCachedResults === false;
  const input = keepCaches ? original : stripped.buffer;
  const { output, ms, log } = await convert(input, `xlsx:${XLSX_FILTER}`, "xlsx", options);
  const contents = await readWorkbookContents(output);
  return {
    ...contents,
    formulaCells: stripped.formulaCells,
    strippedResults: keepCaches ? 0 : stripped.strippedResults,
    libreOfficeMs: ms,
    log,
    get: (sheet, a1) => contents.values.get(cellKey(sheet, a1)),
  };
}

/** Like `recalculate`, returning only the values: "Sheet!A1" → value. */
export async function recalculateWithLibreOffice(
  xlsxPath: string,
  options: LibreOfficeOptions = {}
): Promise<Map<string, SheetValue>> {
  return (await recalculate(xlsxPath, options)).values;
}

// ---------------------------------------------------------------------------------------------------------------
// Pictures

export interface RenderOptions extends LibreOfficeOptions {
  /** The sheet to draw (the others are hidden in a copy); default: every visible sheet, in order. */
  readonly sheet?: string;
  /** How many PDF pages to rasterise, from the first (default 1). Page n > 1 is written as `<name>-<n>.png`. */
  readonly pages?: number;
  /** Resolution in dots per inch (default 110). */
  readonly dpi?: number;
  /** Keep the intermediate PDF next to the picture (same name, .pdf). */
  readonly keepPdf?: boolean;
}

/**
 * Draws a workbook as LibreOffice prints it (recalculated, page setup from the file) into PNG file(s) and returns
 * their paths. Needs soffice and pdftoppm.
 */
export async function renderWorkbookPng(
  xlsxPath: string,
  outPng: string,
  sheetOrOptions?: string | RenderOptions
): Promise<string[]> {
  const options: RenderOptions =
    typeof sheetOrOptions === "string" ? { sheet: sheetOrOptions } : (sheetOrOptions ?? {});
  const pdftoppm = findPdftoppm();
  if (!pdftoppm) throw new LibreOfficeMissingError("pdftoppm", PDFTOPPM_HINT);
  const pages = Math.max(1, Math.floor(options.pages ?? 1));
  const original = await fs.readFile(xlsxPath);
  const input = options.sheet === undefined ? original : await onlySheetVisible(original, options.sheet);
  const { output: pdf } = await convert(input, "pdf:calc_pdf_Export", "pdf", options);
  const outDir = path.dirname(path.resolve(outPng));
  const base = path.basename(outPng).replace(/\.png$/i, "");
  await fs.mkdir(outDir, { recursive: true });
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), "pdftoppm-"));
  try {
    const pdfFile = path.join(temp, "workbook.pdf");
    await fs.writeFile(pdfFile, pdf);
    if (options.keepPdf) await fs.writeFile(path.join(outDir, `${base}.pdf`), pdf);
    const dpi = String(options.dpi ?? 110);
    const { code, log } = await run(
      pdftoppm,
      ["-png", "-r", dpi, "-f", "1", "-l", String(pages), pdfFile, path.join(temp, "page")],
      { ...process.env, HOME: temp },
      temp,
      options.timeoutMs ?? 60_000
    );
    const written = (await fs.readdir(temp)).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    if (code !== 0 || written.length === 0) throw new LibreOfficeError(`pdftoppm failed (exit code ${code})`, log);
    const results: string[] = [];
    for (const [i, file] of written.entries()) {
      const target = path.join(outDir, i === 0 ? `${base}.png` : `${base}-${i + 1}.png`);
      await fs.copyFile(path.join(temp, file), target);
      results.push(target);
    }
    return results;
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}
