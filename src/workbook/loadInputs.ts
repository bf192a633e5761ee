/**
 * Reads the workbook's inputs from the text of CSV and JSON files and validates every row before
 * anything is computed. Pure: no file system (the command line reads the files, `src/cli/readData.ts`;
 * the task pane can pass the text of an imported file). Every problem is collected, so the user sees all
 * bad rows at once, each named by file, row (as a spreadsheet shows it: the header is row 1) and party.
 */
import Papa from "papaparse";
import { Problem } from "../engine/errors";
import { headerDelimiter } from "./csvText";
import {
  CareKind,
  County,
  CountyBudgetLine,
  DischargeRecord,
  Municipality,
  PalliativeReport,
  PartyKind,
  PilotGrant,
  PublishedCountyGrant,
  SeniorAlertReport,
  WorkbookInputs,
  YearParameters,
} from "./inputs";

/** The file of each input, by role. The same names in `data/2010/`, `data/demo/` and a `--data` folder. */
export const DATA_FILES = {
  parameters: "parameters.json",
  municipalities: "kommuner.csv",
  counties: "lan.csv",
  publishedCountyGrant: "lansbidrag-publicerat.csv",
  palliative: "palliativ.csv",
  seniorAlert: "senior-alert.csv",
  discharge: "utskrivningsklara.csv",
  pilots: "forsoksverksamhet.csv",
  countyBudget: "lansbudget.csv",
} as const;

export type DataFileKey = keyof typeof DATA_FILES;

/** Reference data: bundled per year in `data/<year>/`; a `--data` folder may replace them. */
export const REFERENCE_FILES = [
  "municipalities",
  "counties",
  "publishedCountyGrant",
] as const satisfies readonly DataFileKey[];

/** Registry data: the demo in `data/demo/`, or the user's files in a `--data` folder. */
export const REGISTRY_FILES = [
  "palliative",
  "seniorAlert",
  "discharge",
  "pilots",
  "countyBudget",
] as const satisfies readonly DataFileKey[];

/** A file with this name in a data folder marks its registry data as synthetic (the demo). */
export const SYNTHETIC_MARKER = "SYNTHETIC";

/** The columns of each CSV file, in the order the demo files have them. Header names are case-insensitive. */
export const CSV_COLUMNS = {
  municipalities: ["code", "name", "county_code", "population"],
  counties: ["code", "name", "municipalities", "population"],
  publishedCountyGrant: ["code", "name", "published_kr", "published_with_regional_kr"],
  palliative: ["kind", "code", "deaths", "registrations"],
  seniorAlert: ["kind", "code", "all_units_started", "registrations"],
  discharge: ["municipality", "month", "individual", "care", "days_reported", "days_after_analysis"],
  pilots: ["id", "recipient", "project", "granted_kr"],
  countyBudget: ["county", "item", "amount_kr", "source"],
} as const satisfies Record<Exclude<DataFileKey, "parameters">, readonly string[]>;

/** One problem in the input: the file, the row (header = 1) and party when known, and what is wrong. */
export interface DataProblem {
  readonly file: string;
  readonly row?: number;
  /** The party or record the row is about, e.g. "0114" or "0880, 2018-03, S01". */
  readonly what?: string;
  readonly problem: string;
}

/** A problem as one line: `palliativ.csv rad 12 (0114): registreringar (31) är fler än dödsfall (30)`. */
export function problemText({ file, row, what, problem }: DataProblem): string {
  const place = row === undefined ? file : `${file} rad ${row}`;
  return `${place}${what ? ` (${what})` : ""}: ${problem}`;
}

/** Bad input: every problem found, so the user can fix all of them in one go. Nothing was computed. */
export class DataError extends Error {
  constructor(
    readonly problems: readonly DataProblem[],
    readonly source?: string
  ) {
    super(
      `${source ? `Indata i ${source}` : "Indata"} har ${problems.length} fel. Rätta dem och försök igen:\n` +
        problems.map((p) => `  ${problemText(p)}`).join("\n")
    );
    this.name = "DataError";
  }
}

/** The text of each file; a missing registry or reference file is reported as a problem. */
export type DataFileContents = Readonly<Partial<Record<DataFileKey, string>>>;

export interface LoadOptions {
  /** The year whose parameters are used. */
  readonly year: number;
  /** True when the registry data are the synthetic demo. */
  readonly synthetic: boolean;
  /** Where the files come from (a folder), named in the error message. */
  readonly source?: string;
}

/** The reference lists that registry rows are checked against. */
export interface ReferenceData {
  readonly municipalities: readonly Municipality[];
  readonly counties: readonly County[];
  readonly publishedCountyGrant: readonly PublishedCountyGrant[];
}

/**
 * Parses and validates all inputs of a workbook: parameters for `year`, the reference lists, and the
 * registry data checked row by row against them. Returns the inputs, or throws a {@link DataError}
 * listing every problem. The rules checked are those of DOMAIN.md ("Registrations greater than deaths,
 * negative or fractional counts are bad input: a clear error naming the party").
 */
export function loadInputs(files: DataFileContents, options: LoadOptions): WorkbookInputs {
  const problems = new Problems();
  const parameters = readParameters(files.parameters, options.year, problems);
  const reference = readReference(files, problems);
  const registry = readRegistry(files, reference, problems);
  problems.throwIfAny(options.source);
  return { parameters: parameters!, ...reference, ...registry, synthetic: options.synthetic };
}

/**
 * Parses and validates the reference lists only (municipalities, counties, published county grant),
 * including their consistency: each county's number of municipalities and population must equal the
 * municipality list (data/2010/SOURCES.md, "Checks run").
 */
export function loadReference(files: DataFileContents, source?: string): ReferenceData {
  const problems = new Problems();
  const reference = readReference(files, problems);
  problems.throwIfAny(source);
  return reference;
}

/**
 * Parses `parameters.json` (`{ "years": [YearParameters, …] }`) and returns the parameters of one year.
 * Shares must lie between 0 and 1, amounts and limits must be 0 or more, rounding steps above 0; every
 * figure's source is in its note (data/parameters.json).
 */
export function loadParameters(json: string, year: number): YearParameters {
  const problems = new Problems();
  const parameters = readParameters(json, year, problems);
  problems.throwIfAny();
  return parameters!;
}

// ---------------------------------------------------------------------------------------------------
// Problems

class Problems {
  readonly list: DataProblem[] = [];
  add(problem: DataProblem): void {
    this.list.push(problem);
  }
  throwIfAny(source?: string): void {
    if (this.list.length > 0) throw new DataError(this.list, source);
  }
}

// ---------------------------------------------------------------------------------------------------
// CSV tables

/** One data row: its spreadsheet row number and its cells by column name. */
interface CsvRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

function readCsv(key: keyof typeof CSV_COLUMNS, text: string | undefined, problems: Problems): CsvRow[] | undefined {
  const file = DATA_FILES[key];
  const columns: readonly string[] = CSV_COLUMNS[key];
  if (text === undefined) {
    problems.add({ file, problem: "filen saknas." });
    return undefined;
  }
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = headerDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false });
  for (const error of parsed.errors) {
    if (error.type === "Quotes") {
      problems.add({
        file,
        row: error.row === undefined ? undefined : error.row + 1,
        problem: 'ett citattecken (") saknar sitt avslutande citattecken. Kontrollera raden och spara filen igen.',
      });
    }
  }
  const records = parsed.data;
  const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");
  const headerIndex = records.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) {
    problems.add({ file, problem: `filen är tom. Första raden ska vara rubrikraden: ${columns.join(",")}` });
    return undefined;
  }
  const header = records[headerIndex].map((h) => h.trim().toLowerCase());
  const headerRow = headerIndex + 1;
  let headerOk = true;
  for (const column of columns) {
    if (!header.includes(column)) {
      problems.add({
        file,
        row: headerRow,
        problem: `kolumnen ${column} saknas i rubrikraden. Rubrikraden ska vara: ${columns.join(",")}`,
      });
      headerOk = false;
    }
  }
  header.forEach((name, i) => {
    if (name !== "" && header.indexOf(name) !== i) {
      problems.add({ file, row: headerRow, problem: `kolumnen ${name} finns två gånger i rubrikraden.` });
      headerOk = false;
    }
  });
  if (!headerOk) return undefined;

  const rows: CsvRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i];
    if (isBlank(cells)) continue;
    const row = i + 1;
    const extra = cells.slice(header.length).filter((c) => c.trim() !== "");
    if (extra.length > 0) {
      problems.add({
        file,
        row,
        problem:
          `raden har ${cells.length} värden men rubrikraden ${header.length} kolumner.` +
          (delimiter === ","
            ? " Ett decimaltal med komma måste stå inom citattecken, eller använd semikolon som avgränsare."
            : " Ta bort de extra värdena eller lägg till kolumnerna i rubrikraden."),
      });
      continue;
    }
    const byName: Record<string, string> = {};
    header.forEach((name, j) => {
      if (name !== "") byName[name] = (cells[j] ?? "").trim();
    });
    rows.push({ row, cells: byName });
  }
  return rows;
}

/** Reads one row's cells, collecting every problem of the row before it is used. */
class RowReader {
  private ok = true;
  constructor(
    private readonly file: string,
    private readonly csvRow: CsvRow,
    private readonly problems: Problems,
    public what?: string
  ) {}

  get row(): number {
    return this.csvRow.row;
  }
  get valid(): boolean {
    return this.ok;
  }
  raw(column: string): string {
    return this.csvRow.cells[column] ?? "";
  }
  fail(problem: string): undefined {
    this.ok = false;
    this.problems.add({ file: this.file, row: this.row, what: this.what, problem });
    return undefined;
  }

  text(column: string, label: string): string | undefined {
    const value = this.raw(column);
    return value === "" ? this.fail(`${label} saknas.`) : value;
  }

  /** A whole number of 0 or more: counts of deaths, registrations, days, people. */
  count(column: string, label: string): number | undefined {
    const raw = this.raw(column);
    const value = this.number(raw, label);
    if (value === undefined) return undefined;
    if (!Number.isSafeInteger(value))
      return this.fail(`${label} (${raw}) måste vara ett helt tal som är 0 eller större.`);
    return value;
  }

  /** An amount in kronor of 0 or more, with at most two decimals (öre). */
  kronor(column: string, label: string): number | undefined {
    const raw = this.raw(column);
    const value = this.number(raw, label);
    if (value === undefined) return undefined;
    if (/[.,]\d{3,}$/.test(normalizeNumber(raw)))
      return this.fail(`${label} (${raw}) får ha högst två decimaler (öre).`);
    return value;
  }

  /** A code of `digits` digits kept as text; a code whose leading zeros a spreadsheet dropped ("114") is padded. */
  code(column: string, label: string, digits: number, example: string): string | undefined {
    const raw = this.raw(column);
    if (raw === "") return this.fail(`${label} saknas.`);
    if (!/^\d+$/.test(raw) || raw.length > digits) {
      return this.fail(`${label} (${raw}) ska vara ${digits === 4 ? "fyra" : "två"} siffror, t.ex. ${example}.`);
    }
    return raw.padStart(digits, "0");
  }

  private number(raw: string, label: string): number | undefined {
    if (raw === "") return this.fail(`${label} saknas. Skriv ett tal (0 om det inte finns några).`);
    const text = normalizeNumber(raw);
    if (!/^[+-]?\d+([.,]\d+)?$/.test(text)) return this.fail(`${label} (${raw}) är inte ett tal.`);
    const value = Number(text.replace(",", "."));
    if (value < 0) return this.fail(`${label} (${raw}) får inte vara negativt.`);
    return value;
  }
}

/** Drops spaces used as thousands separators ("9 340 682", also no-break and narrow no-break spaces). */
function normalizeNumber(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]/g, "");
}

/** Remembers the first row of each key and reports later rows with the same key. */
class Duplicates {
  private readonly seen = new Map<string, number>();
  /** `describe` names the row's key ("kommun 0114"), `rule` says what must be unique. */
  check(key: string, reader: RowReader, describe: string, rule: string): void {
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, reader.row);
    else reader.fail(`${describe} finns redan på rad ${first}. ${rule}`);
  }
}

function rowsOf<T>(
  key: keyof typeof CSV_COLUMNS,
  text: string | undefined,
  problems: Problems,
  read: (reader: RowReader) => T | undefined
): T[] {
  const rows = readCsv(key, text, problems) ?? [];
  const out: T[] = [];
  for (const row of rows) {
    const reader = new RowReader(DATA_FILES[key], row, problems);
    const value = read(reader);
    if (value !== undefined && reader.valid) out.push(value);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Reference data

function readReference(files: DataFileContents, problems: Problems): ReferenceData {
  const countyRows = new Map<string, number>();
  const countyDuplicates = new Duplicates();
  const counties = rowsOf("counties", files.counties, problems, (r) => {
    const code = r.code("code", "länskoden", 2, "08");
    r.what = code ?? r.raw("code");
    const name = r.text("name", "namn");
    const municipalities = r.count("municipalities", "antal kommuner");
    const population = r.count("population", "folkmängd");
    if (code !== undefined) countyDuplicates.check(code, r, `län ${code}`, "Varje län får bara förekomma en gång.");
    if (code === undefined || name === undefined || municipalities === undefined || population === undefined)
      return undefined;
    countyRows.set(code, r.row);
    return { code, name, municipalities, population } satisfies County;
  });
  const countyCodes = new Set(counties.map((c) => c.code));
  const countiesKnown = countyCodes.size > 0;

  const problemsBeforeMunicipalities = problems.list.length;
  const municipalityDuplicates = new Duplicates();
  const municipalities = rowsOf("municipalities", files.municipalities, problems, (r) => {
    const code = r.code("code", "kommunkoden", 4, "0114");
    r.what = code ?? r.raw("code");
    const name = r.text("name", "namn");
    const countyCode = r.code("county_code", "länskoden", 2, "01");
    const population = r.count("population", "folkmängd");
    if (code !== undefined)
      municipalityDuplicates.check(code, r, `kommun ${code}`, "Varje kommun får bara förekomma en gång.");
    if (countyCode !== undefined && countiesKnown && !countyCodes.has(countyCode)) {
      r.fail(`länskoden ${countyCode} finns inte i ${DATA_FILES.counties}.`);
    }
    if (code === undefined || name === undefined || countyCode === undefined || population === undefined)
      return undefined;
    return { code, name, countyCode, population } satisfies Municipality;
  });

  // A county's count and population are derived from the municipality list (SOURCES.md): they must agree.
  // Only against a clean municipality list: a dropped bad row would show as a false mismatch here.
  if (municipalities.length > 0 && problems.list.length === problemsBeforeMunicipalities) {
    for (const county of counties) {
      const own = municipalities.filter((m) => m.countyCode === county.code);
      const population = own.reduce((sum, m) => sum + m.population, 0);
      const place = { file: DATA_FILES.counties, row: countyRows.get(county.code), what: county.code };
      if (own.length !== county.municipalities) {
        problems.add({
          ...place,
          problem: `antal kommuner (${county.municipalities}) stämmer inte med ${DATA_FILES.municipalities} (${own.length}).`,
        });
      }
      if (population !== county.population) {
        problems.add({
          ...place,
          problem: `folkmängden (${county.population}) stämmer inte med summan i ${DATA_FILES.municipalities} (${population}).`,
        });
      }
    }
  }

  const grantDuplicates = new Duplicates();
  const publishedCountyGrant = rowsOf("publishedCountyGrant", files.publishedCountyGrant, problems, (r) => {
    const code = r.code("code", "länskoden", 2, "08");
    r.what = code ?? r.raw("code");
    const name = r.text("name", "namn");
    const publishedKr = r.kronor("published_kr", "publicerat belopp");
    const publishedWithRegionalKr = r.kronor("published_with_regional_kr", "publicerat belopp med regionalt stöd");
    if (code !== undefined) {
      grantDuplicates.check(code, r, `län ${code}`, "Varje län får bara förekomma en gång.");
      if (countiesKnown && !countyCodes.has(code)) r.fail(`länskoden ${code} finns inte i ${DATA_FILES.counties}.`);
    }
    if (code === undefined || name === undefined || publishedKr === undefined || publishedWithRegionalKr === undefined)
      return undefined;
    return { code, name, publishedKr, publishedWithRegionalKr } satisfies PublishedCountyGrant;
  });

  return { municipalities, counties, publishedCountyGrant };
}

// ---------------------------------------------------------------------------------------------------
// Registry data

interface RegistryData {
  readonly palliative: PalliativeReport[];
  readonly seniorAlert: SeniorAlertReport[];
  readonly discharge: DischargeRecord[];
  readonly pilots: PilotGrant[];
  readonly countyBudget: CountyBudgetLine[];
}

/** The discharge settlement is Kalmar county's (08), for 2018 (seed 003). */
export const DISCHARGE_COUNTY = "08";
export const DISCHARGE_YEAR = "2018";

const YES = new Set(["ja", "j", "true", "sant", "1", "yes"]);
const NO = new Set(["nej", "n", "false", "falskt", "0", "no"]);

function readRegistry(files: DataFileContents, reference: ReferenceData, problems: Problems): RegistryData {
  const municipalityCodes = new Set(reference.municipalities.map((m) => m.code));
  const countyCodes = new Set(reference.counties.map((c) => c.code));
  const municipalityCounty = new Map(reference.municipalities.map((m) => [m.code, m.countyCode]));
  // Without a valid reference list every code would be reported unknown: the list's own errors say enough.
  const knownParty = (kind: PartyKind, code: string) =>
    kind === "kommun"
      ? municipalityCodes.size === 0 || municipalityCodes.has(code)
      : countyCodes.size === 0 || countyCodes.has(code);
  const unknownParty = (kind: PartyKind, code: string) =>
    kind === "kommun"
      ? `kommunkoden ${code} finns inte i ${DATA_FILES.municipalities}.`
      : `länskoden ${code} finns inte i ${DATA_FILES.counties}.`;

  /** kind and code of a party row: "kommun" with a 4-digit code or "landsting" with a 2-digit county code. */
  const party = (r: RowReader, duplicates: Duplicates): { kind: PartyKind; code: string } | undefined => {
    const rawKind = r.raw("kind").toLowerCase();
    r.what = r.raw("code") || undefined;
    if (rawKind !== "kommun" && rawKind !== "landsting") {
      return r.fail(
        rawKind === ""
          ? "typ (kind) saknas. Skriv kommun eller landsting."
          : `typ (${r.raw("kind")}) ska vara kommun eller landsting.`
      );
    }
    const kind: PartyKind = rawKind;
    const code = kind === "kommun" ? r.code("code", "kommunkoden", 4, "0114") : r.code("code", "länskoden", 2, "08");
    if (code === undefined) return undefined;
    r.what = code;
    if (!knownParty(kind, code)) return r.fail(unknownParty(kind, code));
    duplicates.check(`${kind}:${code}`, r, `${kind} ${code}`, "Varje part får bara förekomma en gång.");
    return { kind, code };
  };

  const palliativeDuplicates = new Duplicates();
  const palliative = rowsOf("palliative", files.palliative, problems, (r) => {
    const who = party(r, palliativeDuplicates);
    const deaths = r.count("deaths", "dödsfall");
    const registrations = r.count("registrations", "registreringar");
    if (deaths !== undefined && registrations !== undefined && registrations > deaths) {
      r.fail(`registreringar (${registrations}) är fler än dödsfall (${deaths}).`);
    }
    if (who === undefined || deaths === undefined || registrations === undefined) return undefined;
    return { ...who, deaths, registrations } satisfies PalliativeReport;
  });

  const seniorAlertDuplicates = new Duplicates();
  const seniorAlert = rowsOf("seniorAlert", files.seniorAlert, problems, (r) => {
    const who = party(r, seniorAlertDuplicates);
    const rawStarted = r.raw("all_units_started");
    const started = rawStarted.toLowerCase();
    const allUnitsStarted = YES.has(started) ? true : NO.has(started) ? false : undefined;
    if (allUnitsStarted === undefined) {
      r.fail(
        rawStarted === ""
          ? "alla enheter startade (all_units_started) saknas. Skriv ja eller nej."
          : `alla enheter startade (${rawStarted}) ska vara ja eller nej.`
      );
    }
    const registrations = r.count("registrations", "registreringar");
    if (who === undefined || allUnitsStarted === undefined || registrations === undefined) return undefined;
    return { ...who, allUnitsStarted, registrations } satisfies SeniorAlertReport;
  });

  const dischargeDuplicates = new Duplicates();
  const discharge = rowsOf("discharge", files.discharge, problems, (r) => {
    r.what = [r.raw("municipality"), r.raw("month"), r.raw("individual")].filter(Boolean).join(", ") || undefined;
    const municipality = r.code("municipality", "kommunkoden", 4, "0880");
    if (municipality !== undefined && !knownParty("kommun", municipality)) r.fail(unknownParty("kommun", municipality));
    else if (
      municipality !== undefined &&
      municipalityCounty.size > 0 &&
      municipalityCounty.get(municipality) !== DISCHARGE_COUNTY
    )
      r.fail(Problem.dischargeOutsideCounty(municipality, DISCHARGE_COUNTY));
    const month = readMonth(r);
    if (month !== undefined && !month.startsWith(`${DISCHARGE_YEAR}-`))
      r.fail(Problem.dischargeOutsideYear(month, DISCHARGE_YEAR));
    const individual = r.text("individual", "individ");
    const rawCare = r.raw("care").toLowerCase();
    const care: CareKind | undefined = rawCare === "somatisk" || rawCare === "psykiatri" ? rawCare : undefined;
    if (care === undefined) {
      r.fail(
        rawCare === ""
          ? "vårdform (care) saknas. Skriv somatisk eller psykiatri."
          : `vårdform (${r.raw("care")}) ska vara somatisk eller psykiatri.`
      );
    }
    const daysReported = r.count("days_reported", "rapporterade dagar");
    const daysAfterAnalysis = r.count("days_after_analysis", "dagar efter analys");
    if (daysReported !== undefined && daysAfterAnalysis !== undefined && daysAfterAnalysis > daysReported) {
      r.fail(`dagar efter analys (${daysAfterAnalysis}) är fler än rapporterade dagar (${daysReported}).`);
    }
    if (municipality === undefined || month === undefined || individual === undefined || care === undefined)
      return undefined;
    r.what = `${municipality}, ${month}, ${individual}`;
    dischargeDuplicates.check(
      `${municipality}|${month}|${individual}|${care}`,
      r,
      `individ ${individual} (${care})`,
      "Varje individ får bara förekomma en gång per kommun, månad och vårdform."
    );
    if (daysReported === undefined || daysAfterAnalysis === undefined) return undefined;
    return { municipality, month, individual, care, daysReported, daysAfterAnalysis } satisfies DischargeRecord;
  });

  const pilotDuplicates = new Duplicates();
  const pilots = rowsOf("pilots", files.pilots, problems, (r) => {
    const id = r.text("id", "id");
    r.what = id;
    const recipient = r.text("recipient", "mottagare");
    const project = r.text("project", "projekt");
    const grantedKr = r.kronor("granted_kr", "beviljat belopp");
    if (id !== undefined) pilotDuplicates.check(id, r, `id ${id}`, "Varje beviljat försök ska ha ett eget id.");
    if (id === undefined || recipient === undefined || project === undefined || grantedKr === undefined)
      return undefined;
    return { id, recipient, project, grantedKr } satisfies PilotGrant;
  });

  const restRows = new Map<string, number>();
  const countyBudget = rowsOf("countyBudget", files.countyBudget, problems, (r) => {
    const county = r.code("county", "länskoden", 2, "04");
    r.what = county ?? (r.raw("county") || undefined);
    if (county !== undefined && !knownParty("landsting", county)) r.fail(unknownParty("landsting", county));
    const item = r.text("item", "post");
    const amountKr = r.raw("amount_kr") === "" ? null : r.kronor("amount_kr", "belopp");
    if (county !== undefined && amountKr === null) {
      // An empty amount takes what is left of the county's grant: only one line per county can do that.
      const first = restRows.get(county);
      if (first !== undefined) {
        r.fail(
          `beloppet saknas även på rad ${first}. Bara en rad per län kan ta resten av bidraget; skriv belopp på de andra.`
        );
      } else {
        restRows.set(county, r.row);
      }
    }
    if (county === undefined || item === undefined || amountKr === undefined) return undefined;
    return { county, item, amountKr, source: r.raw("source") } satisfies CountyBudgetLine;
  });

  return { palliative, seniorAlert, discharge, pilots, countyBudget };
}

/** A month as "YYYY-MM"; "YYYY-MM-01" (a month a spreadsheet turned into a date) is read as its month. */
function readMonth(r: RowReader): string | undefined {
  const raw = r.raw("month");
  if (raw === "") return r.fail("månad saknas. Skriv den som ÅÅÅÅ-MM, t.ex. 2018-03.");
  const match = /^(\d{4})-(\d{2})(-01)?$/.exec(raw);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    return r.fail(`månaden (${raw}) ska skrivas ÅÅÅÅ-MM, t.ex. 2018-03.`);
  }
  return `${match[1]}-${match[2]}`;
}

// ---------------------------------------------------------------------------------------------------
// Parameters

type NumericParameter = Exclude<keyof YearParameters, "notes">;

/** How each figure is checked. Shares: 0..1 (DOMAIN.md: a threshold is a share, 0.4 for 40 %). */
const PARAMETER_RULES: Readonly<Record<NumericParameter, "year" | "share" | "nonNegative" | "positive">> = {
  year: "year",
  palliativeBaseThreshold: "share",
  palliativeBonusThreshold: "share",
  palliativeBasePotKr: "nonNegative",
  palliativeBonusPotKr: "nonNegative",
  seniorAlertPotKr: "nonNegative",
  countyGrantKr: "nonNegative",
  countyGrantBaseKr: "nonNegative",
  regionalSupportKr: "nonNegative",
  pilotsKr: "nonNegative",
  agreementTotalKr: "nonNegative",
  performanceBasedKr: "nonNegative",
  registriesKr: "nonNegative",
  municipalShare: "share",
  paymentStepKr: "positive",
  countyGrantStepKr: "positive",
  dischargePricePerDayKr: "nonNegative",
  dischargeDayLimit: "nonNegative",
  dischargeAverageLimit: "nonNegative",
  psychiatryDayLimit: "nonNegative",
  psychiatryAverageLimit: "nonNegative",
  dischargeGoalDays: "nonNegative",
  dischargeAverage2016Days: "nonNegative",
};

function readParameters(json: string | undefined, year: number, problems: Problems): YearParameters | undefined {
  const file = DATA_FILES.parameters;
  if (json === undefined) {
    problems.add({ file, problem: "filen saknas." });
    return undefined;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (e) {
    problems.add({ file, problem: `filen är inte giltig JSON (${(e as Error).message}).` });
    return undefined;
  }
  const years = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.years) ? doc.years : undefined;
  if (!years) {
    problems.add({ file, problem: 'filen ska ha formen { "years": [ { "year": 2010, … }, … ] }.' });
    return undefined;
  }
  const matching = years.filter((y): y is Record<string, unknown> => isObject(y) && y.year === year);
  if (matching.length === 0) {
    const available = years.filter(isObject).map((y) => String(y.year));
    problems.add({
      file,
      problem: `år ${year} saknas (finns: ${available.join(", ") || "inga"}). Lägg till året eller välj ett annat.`,
    });
    return undefined;
  }
  if (matching.length > 1) {
    problems.add({ file, problem: `år ${year} finns ${matching.length} gånger. Varje år får bara finnas en gång.` });
    return undefined;
  }
  const entry = matching[0];
  const what = `år ${year}`;
  const before = problems.list.length;
  const values: Partial<Record<NumericParameter, number>> = {};
  for (const [name, rule] of Object.entries(PARAMETER_RULES) as [
    NumericParameter,
    (typeof PARAMETER_RULES)[NumericParameter],
  ][]) {
    const value = entry[name];
    const fail = (problem: string) => problems.add({ file, what, problem: `${name} ${problem}` });
    if (typeof value !== "number" || !Number.isFinite(value)) {
      fail(
        value === undefined
          ? "saknas."
          : `(${JSON.stringify(value)}) ska vara ett tal, t.ex. 0.5 (punkt som decimaltecken i JSON).`
      );
      continue;
    }
    if (rule === "share" && (value < 0 || value > 1))
      fail(`(${value}) ska vara en andel mellan 0 och 1, t.ex. 0.4 för 40 %.`);
    else if (rule === "nonNegative" && value < 0) fail(`(${value}) får inte vara negativt.`);
    else if (rule === "positive" && value <= 0) fail(`(${value}) måste vara större än 0, t.ex. 1 för hela kronor.`);
    else values[name] = value;
  }
  const notes: Record<string, string> = {};
  if (entry.notes !== undefined) {
    if (!isObject(entry.notes)) {
      problems.add({ file, what, problem: "notes ska vara ett objekt med en text per parameter." });
    } else {
      for (const [name, note] of Object.entries(entry.notes)) {
        if (typeof note === "string") notes[name] = note;
        else problems.add({ file, what, problem: `anteckningen notes.${name} ska vara en text.` });
      }
    }
  }
  if (problems.list.length > before) return undefined;
  return { ...(values as Record<NumericParameter, number>), notes };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
