/**
 * Reads the workbook's inputs from disk: the bundled data in `data/`, or a `--data` folder with the same
 * file names as `data/demo/`. Only reading happens here; every check is in `src/workbook/loadInputs.ts`.
 */
import fs from "node:fs";
import path from "node:path";
import { countLines, decodeText, FILE_SIZE_LIMIT, isNotText, Problem, shownCount, sizeProblem } from "../input";
import { WorkbookInputs } from "../workbook/inputs";
import {
  DATA_FILES,
  DataError,
  DataFileContents,
  DataFileKey,
  loadInputs,
  REFERENCE_FILES,
  OPTIONAL_FILES,
  REGISTRY_FILES,
  SYNTHETIC_MARKER,
} from "../workbook/loadInputs";

export { DataError } from "../workbook/loadInputs";

/**
 * The most data rows the command line reads from each file. Every row becomes a row of the workbook, which
 * exceljs builds in memory; with every file at its limit the command stays within `MEMORY_BOUND`, as measured by
 * `npm run bench` (README, "Limits"). Sweden has 290 municipalities and 21 counties; the limits on the parties
 * are the ten-fold of the bench. A file with more rows is refused before its rows are parsed.
 */
export const ROW_LIMITS: Readonly<Partial<Record<DataFileKey, number>>> = {
  municipalities: 2900,
  counties: 210,
  publishedCountyGrant: 210,
  countyConditions: 210,
  // Every municipality, county council and county recipient once.
  payees: 3320,
  palliative: 3110,
  seniorAlert: 3110,
  discharge: 50000,
  pilots: 10000,
  countyBudget: 10000,
};

/** The limit of a file the table above does not name. */
const DEFAULT_ROW_LIMIT = 10000;

/** The most memory the command takes with every file at its limit: `npm run bench` measures 1,3 to 1,7 GB. */
export const MEMORY_BOUND = "2,5 GB";

/** The year whose reference data are bundled (data/2010/: population on 31 December 2009, SCB). */
export const BUNDLED_REFERENCE_YEAR = 2010;

/** The project's `data/` folder: found upwards from this file, so it works from `src/` and from a build. */
export function dataRoot(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, "data");
    if (fs.existsSync(path.join(candidate, DATA_FILES.parameters))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Hittar inte projektets data-katalog (data/${DATA_FILES.parameters}).`);
    dir = parent;
  }
}

/** The years of the bundled data/parameters.json, in its order (2010, 2011, 2012); none when it cannot be read. */
export function bundledYears(): number[] {
  try {
    const doc = JSON.parse(fs.readFileSync(path.join(dataRoot(), DATA_FILES.parameters), "utf8")) as {
      years?: { year?: unknown }[];
    };
    return (doc.years ?? []).map((y) => y.year).filter((y): y is number => Number.isInteger(y));
  } catch {
    return [];
  }
}

/** The bundled synthetic demo registry data. */
export function demoDirectory(): string {
  return path.join(dataRoot(), "demo");
}

/**
 * The bundled reference data for `year`: `data/<year>/` when it exists, else the 2010 lists. The
 * parameters' note `referenceData` says so for 2011 and 2012 (data/parameters.json).
 */
export function referenceDirectory(year: number): string {
  const own = path.join(dataRoot(), String(year));
  return fs.existsSync(own) ? own : path.join(dataRoot(), String(BUNDLED_REFERENCE_YEAR));
}

/**
 * The bundled inputs: parameters of `year` from data/parameters.json, reference data from data/2010/
 * (see {@link referenceDirectory}) and the synthetic demo registry data from data/demo/.
 */
export function loadBundledInputs(year = 2010): WorkbookInputs {
  return readDataDirectory(demoDirectory(), year);
}

/**
 * Reads a `--data` folder: the registry files of data/demo/ (palliativ.csv, senior-alert.csv,
 * utskrivningsklara.csv, forsoksverksamhet.csv, lansbudget.csv) are required; kommuner.csv, lan.csv,
 * lansbidrag-publicerat.csv and parameters.json are optional and default to the bundled ones; mottagare.csv
 * (the payees of the county grants) is optional and has no bundled copy. The
 * registry data are synthetic when the folder holds a `SYNTHETIC` marker or is the bundled demo.
 * Throws a {@link DataError} listing every problem, including missing files.
 */
export function readDataDirectory(dir: string, year = 2010): WorkbookInputs {
  const folder = path.resolve(dir);
  const problem = folderProblem(folder);
  if (problem) throw new DataError([{ file: dir, problem }]);
  const fallback: Partial<Record<DataFileKey, string>> = { parameters: path.join(dataRoot(), DATA_FILES.parameters) };
  for (const key of REFERENCE_FILES) fallback[key] = path.join(referenceDirectory(year), DATA_FILES[key]);

  const files: Partial<Record<DataFileKey, string>> = {};
  const fileProblems: Partial<Record<DataFileKey, string>> = {};
  const bundled = new Set<string>();
  for (const key of Object.keys(DATA_FILES) as DataFileKey[]) {
    const own = path.join(folder, DATA_FILES[key]);
    // A link that leads nowhere is there (and reported), not missing: never silently replaced by a bundled file.
    const file = isThere(own)
      ? own
      : [...REGISTRY_FILES, ...OPTIONAL_FILES].includes(key as never)
        ? undefined
        : fallback[key];
    if (file === undefined) continue;
    const read = readFile(file, key === "parameters" ? undefined : (ROW_LIMITS[key] ?? DEFAULT_ROW_LIMIT));
    if ("problem" in read) fileProblems[key] = read.problem;
    else files[key] = read.text;
    if (file !== own) bundled.add(path.relative(path.dirname(dataRoot()), file));
  }
  // Problems name the file; the source also says which bundled files filled in for missing ones.
  const source = bundled.size > 0 ? `${folder} (inbyggda: ${[...bundled].join(", ")})` : folder;
  // The bundled reference lists are 2010's for a year without its own folder (data/<year>/).
  const ownReference = REFERENCE_FILES.every((key) => isThere(path.join(folder, DATA_FILES[key])));
  const referenceYear = ownReference || referenceDirectory(year).endsWith(String(year)) ? year : BUNDLED_REFERENCE_YEAR;
  return loadInputs(files as DataFileContents, {
    year,
    synthetic: isSynthetic(folder),
    source,
    fileProblems,
    referenceYear,
  });
}

/** Why `folder` cannot be read as a data folder (it is missing, a file, a link loop, closed), or undefined. */
function folderProblem(folder: string): string | undefined {
  try {
    if (!fs.statSync(folder).isDirectory()) return Problem.folderIsFile();
    fs.readdirSync(folder);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return Problem.folderMissing();
    if (code === "ELOOP") return Problem.linkLoop();
    return Problem.folderUnreadable(code === "EACCES" || code === "EPERM" ? Problem.noPermission() : String(code));
  }
}

/** Something by that name is in the folder: a file, a folder, or a link (even one that leads nowhere). */
function isThere(file: string): boolean {
  return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}

/** A file's problem from the file system, in words. */
function fileSystemProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return Problem.linkLoop();
  if (code === "ENOENT") return Problem.unreadable("länken pekar på en fil som inte finns");
  if (code === "EACCES" || code === "EPERM") return Problem.unreadable(Problem.noPermission());
  return Problem.unreadable(String(code ?? (error as Error).message));
}

/**
 * At most `limit` bytes of a file: a file whose size the file system does not tell (0 for /proc files) is read
 * only so far, so that one larger than the limit is refused by its length.
 */
function readAtMost(file: string, limit: number): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, limit - total));
      const n = chunk.length === 0 ? 0 : fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The text of a file, or why it cannot be read: a folder, too large, more data rows than `rowLimit`,
 * unreadable, not text.
 */
function readFile(file: string, rowLimit?: number): { readonly text: string } | { readonly problem: string } {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { problem: Problem.notAFile() };
    // A device (/dev/zero), a named pipe or a socket would be read forever, or wait forever.
    if (!stat.isFile()) return { problem: Problem.notARegularFile() };
    const tooLarge = sizeProblem(stat.size);
    if (tooLarge) return { problem: tooLarge };
    const decoded = decodeText(readAtMost(file, FILE_SIZE_LIMIT + 1));
    if (isNotText(decoded)) return decoded;
    // The header is a line of its own; the rows are counted before any is parsed.
    const rows = countLines(decoded.text) - 1;
    if (rowLimit !== undefined && rows > rowLimit) {
      return { problem: Problem.tooManyRowsToWrite(shownCount(rows), shownCount(rowLimit), MEMORY_BOUND) };
    }
    return { text: decoded.text };
  } catch (error) {
    return { problem: fileSystemProblem(error) };
  }
}

/** The demo folder itself, or any folder carrying the marker file, holds synthetic data. */
function isSynthetic(folder: string): boolean {
  if (fs.existsSync(path.join(folder, SYNTHETIC_MARKER))) return true;
  const demo = demoDirectory();
  return fs.existsSync(demo) && fs.realpathSync(folder) === fs.realpathSync(demo);
}

/**
 * A text file as a string (see decodeText): UTF-8 with or without BOM, UTF-16, otherwise read as
 * Windows-1252, the encoding Swedish Excel uses for "CSV (semikolonavgränsad)". A file that cannot be
 * read as text is a {@link DataError} naming it.
 */
export function readText(file: string): string {
  const read = readFile(file);
  if ("problem" in read) throw new DataError([{ file: path.basename(file), problem: read.problem }]);
  return read.text;
}
