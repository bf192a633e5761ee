/**
 * Reads the workbook's inputs from the text of CSV and JSON files and validates every row before
 * anything is computed. Pure: no file system (the command line reads the files, `src/cli/readData.ts`;
 * the task pane can pass the text of an imported file). Every problem is collected, so the user sees all
 * bad rows at once, each named by file, row (as a spreadsheet shows it: the header is row 1) and party.
 */
import {
  Label,
  Problem,
  readCare,
  readCode,
  readCount,
  readDate,
  Reader,
  readAmount,
  readApplicantKind,
  readBankgiro,
  readKronor,
  readMonth,
  readOrganisationNumber,
  readPartyKind,
  readPayeeKind,
  readPlusgiro,
  readShare,
  readStep,
  readText,
  readTable,
  readYesNo,
  Refused,
  RowReader,
  screenful,
  shownCount,
  shownText,
  withoutInvisible,
} from "../input";
import {
  County,
  CountyBudgetLine,
  CountyConditions,
  DischargeRecord,
  Municipality,
  PalliativeReport,
  PartyKind,
  PilotGrant,
  PublishedCountyGrant,
  SeniorAlertReport,
  Payee,
  TimelineEvent,
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
  countyConditions: "lansvillkor.csv",
  payees: "mottagare.csv",
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
  "countyConditions",
] as const satisfies readonly DataFileKey[];

/**
 * Optional in a data folder: the payees' names and accounts. The sources leave them blank ("Medel utbetalas till
 * Bank/postgiro"), so the demo has no such file: the workbook leaves the yellow cells empty and the payment list
 * is not written for a finance system until every payee of an amount has an account.
 */
export const OPTIONAL_FILES = ["payees"] as const satisfies readonly DataFileKey[];

/** A file with this name in a data folder marks its registry data as synthetic (the demo). */
export const SYNTHETIC_MARKER = "SYNTHETIC";

/** The columns of each CSV file, in the order the demo files have them. Header names are case-insensitive. */
export const CSV_COLUMNS = {
  municipalities: ["code", "name", "county_code", "population"],
  counties: ["code", "name", "municipalities", "population", "council", "council_source", "council_municipality"],
  publishedCountyGrant: ["code", "name", "published_kr", "published_with_regional_kr", "reading"],
  palliative: ["kind", "code", "deaths", "registrations"],
  seniorAlert: [
    "kind",
    "code",
    "licence",
    "passwords",
    "coordinator",
    "units_identified",
    "unit_list",
    "all_units_started",
    "registrations",
  ],
  discharge: ["municipality", "month", "individual", "care", "days_reported", "days_after_analysis"],
  pilots: ["id", "recipient", "applicant_kind", "political_backing", "project", "granted_kr"],
  countyBudget: ["county", "item", "amount_kr", "source"],
  countyConditions: ["county", "development_plan", "agreement", "letter_of_intent"],
  payees: ["kind", "code", "recipient", "organisation_number", "bankgiro", "plusgiro"],
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

/**
 * Bad input: every problem found, so the user can fix all of them in one go. Nothing was computed. The
 * message lists a screenful of them and counts the rest; `problems` holds them all.
 */
export class DataError extends Error {
  constructor(
    readonly problems: readonly DataProblem[],
    readonly source?: string
  ) {
    super(
      `${source ? `Indata i ${source}` : "Indata"} har ${shownCount(problems.length)} fel. ${problems.length === 1 ? "Rätta det" : "Rätta dem"} och försök igen:\n` +
        screenful(problems.map(problemText))
          .map((line) => `  ${line}`)
          .join("\n")
    );
    this.name = "DataError";
  }
}

/** The text of each file; a missing registry or reference file is reported as a problem. */
export type DataFileContents = Readonly<Partial<Record<DataFileKey, string>>>;

/** What the reader of the files found wrong with a file it could not hand over as text (a folder, binary data). */
interface FileOptions {
  /** Why a file is not given, when it is there but cannot be read; otherwise a missing file is "filen saknas". */
  readonly fileProblems?: Readonly<Partial<Record<DataFileKey, string>>>;
}

export interface LoadOptions extends FileOptions {
  /** The year whose parameters are used. */
  readonly year: number;
  /** True when the registry data are the synthetic demo. */
  readonly synthetic: boolean;
  /** Where the files come from (a folder), named in the error message. */
  readonly source?: string;
  /** The year of the reference lists and published tables (default: `year`); 2010's when no later ones exist. */
  readonly referenceYear?: number;
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
  const parameters = readParameters(files.parameters, options.year, problems, options.fileProblems?.parameters);
  const reference = readReference({ files, problems, options });
  const registry = readRegistry({ files, problems, options }, reference);
  problems.throwIfAny(options.source);
  return {
    parameters: parameters!,
    ...reference,
    ...registry,
    synthetic: options.synthetic,
    referenceYear: options.referenceYear ?? options.year,
  };
}

/**
 * Parses and validates the reference lists only (municipalities, counties, published county grant),
 * including their consistency: each county's number of municipalities and population must equal the
 * municipality list (data/2010/SOURCES.md, "Checks run").
 */
export function loadReference(files: DataFileContents, source?: string): ReferenceData {
  const problems = new Problems();
  const reference = readReference({ files, problems, options: {} });
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

type CsvKey = keyof typeof CSV_COLUMNS;

/** One data row of a CSV file, read by column name (lower case). */
type Row = RowReader<string>;

/**
 * The data rows of one file, split by the shared table reader (`src/input/table.ts`): the header must
 * have every column of the file once; a file with a header and no rows is refused, as it would leave
 * every party out without a word.
 */
function readCsv(key: CsvKey, text: string | undefined, problems: Problems, options: FileOptions): Row[] {
  const file = DATA_FILES[key];
  const columns: readonly string[] = CSV_COLUMNS[key];
  if (text === undefined) {
    const problem = options.fileProblems?.[key];
    // An optional file that is not there has no rows; one that is there but cannot be read is a problem.
    if (problem || !(OPTIONAL_FILES as readonly DataFileKey[]).includes(key))
      problems.add({ file, problem: problem ?? Problem.fileMissing() });
    return [];
  }
  const table = readTable(text);
  if (!("header" in table)) {
    if (table.empty) problems.add({ file, problem: Problem.fileEmpty(columns.join(",")) });
    else for (const p of table.problems) problems.add({ file, problem: p.problem });
    return [];
  }
  for (const p of table.problems) problems.add({ file, row: p.row, problem: p.problem });
  // A header only picks the columns: a character that cannot be seen in it is let go, not refused.
  const header = table.header.map((h) => withoutInvisible(h).toLowerCase());
  const headerProblems = [
    ...columns.filter((c) => !header.includes(c)).map((c) => Problem.columnMissing(c, columns.join(","))),
    ...twice(header).map((name) => Problem.columnTwice(shownText(name))),
  ];
  for (const problem of headerProblems) problems.add({ file, row: table.headerRow, problem });
  if (headerProblems.length > 0) return [];
  if (table.rows.length === 0 && table.problems.length === 0) {
    problems.add({ file, problem: Problem.noDataRows(columns.join(", ")) });
    return [];
  }
  const index = new Map(header.map((name, i) => [name, i]));
  return table.rows.map(
    ({ row, cells }) =>
      new RowReader<string>(
        row,
        (column) => (index.has(column) ? (cells[index.get(column)!] ?? "") : undefined),
        ({ row, who, problem }) => problems.add({ file, row, what: who, problem })
      )
  );
}

/** The header names that stand more than once (each once, in order), in one pass over a header however wide. */
function twice(header: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of header) {
    if (name !== "" && seen.has(name)) repeated.add(name);
    seen.add(name);
  }
  return [...repeated];
}

/** The files being read, where their problems go, and what the reader of the files found. */
interface Files {
  readonly files: DataFileContents;
  readonly problems: Problems;
  readonly options: FileOptions;
}

/** Reads every row of one file with `read`; a row with any problem gives nothing. */
function rowsOf<T>(key: CsvKey, { files, problems, options }: Files, read: (row: Row) => T | undefined): T[] {
  const out: T[] = [];
  for (const row of readCsv(key, files[key], problems, options)) {
    const value = read(row);
    if (value !== undefined && row.ok) out.push(value);
  }
  return out;
}

/** Remembers the first row of each key and reports later rows with the same key. */
class Duplicates {
  private readonly seen = new Map<string, number>();
  /** `describe` names the row's key ("kommun 0114"), `rule` says what must be unique. */
  check(key: string, row: Row, describe: string, rule: string): void {
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, row.row);
    else row.fail(`${describe} finns redan på rad ${first}. ${rule}`);
  }
}

const municipalityCode: Reader<string> = (raw, what) => readCode(raw, what, 4, "0114");
const countyCode: Reader<string> = (raw, what) => readCode(raw, what, 2, "08");

// ---------------------------------------------------------------------------------------------------
// Reference data

function readReference(input: Files): ReferenceData {
  const { problems } = input;
  const countyRows = new Map<string, number>();
  const counties = readCounties(input, countyRows);
  const problemsBefore = problems.list.length;
  const municipalities = readMunicipalities(input, new Set(counties.map((c) => c.code)));
  // Only against a clean municipality list: a dropped bad row would show as a false mismatch here.
  if (municipalities.length > 0 && problems.list.length === problemsBefore) {
    checkCountyTotals(counties, municipalities, countyRows, problems);
  }
  const publishedCountyGrant = readPublishedGrant(input, new Set(counties.map((c) => c.code)));
  return { municipalities, counties, publishedCountyGrant };
}

function readCounties(input: Files, countyRows: Map<string, number>): County[] {
  const duplicates = new Duplicates();
  return rowsOf("counties", input, (r) => {
    r.who = r.raw("code");
    const code = r.read("code", countyCode, Label.countyCode);
    if (code !== undefined) r.who = code;
    const name = r.read("name", readText, Label.name);
    const municipalities = r.read("municipalities", readCount, "antal kommuner");
    const population = r.read("population", readCount, Label.population);
    const council = r.read("council", readText, "landstingets namn");
    const councilSource = r.read("council_source", readText, "källan till landstingets namn");
    const councilMunicipality = r.readOptional(
      "council_municipality",
      municipalityCode,
      "kommunen med landstingets roll",
      undefined
    );
    if (code !== undefined) duplicates.check(code, r, `län ${code}`, "Varje län får bara förekomma en gång.");
    if (
      code === undefined ||
      name === undefined ||
      municipalities === undefined ||
      population === undefined ||
      council === undefined ||
      councilSource === undefined
    )
      return undefined;
    countyRows.set(code, r.row);
    return {
      code,
      name,
      municipalities,
      population,
      council,
      councilSource,
      ...(councilMunicipality ? { councilMunicipality } : {}),
    } satisfies County;
  });
}

function readMunicipalities(input: Files, countyCodes: ReadonlySet<string>): Municipality[] {
  const duplicates = new Duplicates();
  return rowsOf("municipalities", input, (r) => {
    r.who = r.raw("code");
    const code = r.read("code", municipalityCode, Label.municipalityCode);
    if (code !== undefined) r.who = code;
    const name = r.read("name", readText, Label.name);
    const county = r.read("county_code", countyCode, Label.countyCode);
    const population = r.read("population", readCount, Label.population);
    if (code !== undefined) duplicates.check(code, r, `kommun ${code}`, "Varje kommun får bara förekomma en gång.");
    if (county !== undefined && countyCodes.size > 0 && !countyCodes.has(county)) {
      r.fail(`länskoden ${county} finns inte i ${DATA_FILES.counties}.`);
    }
    if (code === undefined || name === undefined || county === undefined || population === undefined) return undefined;
    return { code, name, countyCode: county, population } satisfies Municipality;
  });
}

/** A county's count and population are derived from the municipality list (SOURCES.md): they must agree. */
function checkCountyTotals(
  counties: readonly County[],
  municipalities: readonly Municipality[],
  countyRows: ReadonlyMap<string, number>,
  problems: Problems
): void {
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
    if (county.councilMunicipality !== undefined) {
      const holder = own.find((m) => m.code === county.councilMunicipality);
      if (!holder)
        problems.add({
          ...place,
          problem: `kommunen ${county.councilMunicipality} med landstingets roll finns inte i länet ${county.code} i ${DATA_FILES.municipalities}.`,
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

function readPublishedGrant(input: Files, countyCodes: ReadonlySet<string>): PublishedCountyGrant[] {
  const duplicates = new Duplicates();
  return rowsOf("publishedCountyGrant", input, (r) => {
    r.who = r.raw("code");
    const code = r.read("code", countyCode, Label.countyCode);
    const name = r.read("name", readText, Label.name);
    const publishedKr = r.read("published_kr", readKronor, "publicerat belopp");
    const publishedWithRegionalKr = r.read(
      "published_with_regional_kr",
      readKronor,
      "publicerat belopp med regionalt stöd"
    );
    if (code !== undefined) {
      r.who = code;
      duplicates.check(code, r, `län ${code}`, "Varje län får bara förekomma en gång.");
      if (countyCodes.size > 0 && !countyCodes.has(code))
        r.fail(`länskoden ${code} finns inte i ${DATA_FILES.counties}.`);
    }
    const reading = r.readOptional("reading", readText, "läsningen", undefined);
    if (code === undefined || name === undefined || publishedKr === undefined || publishedWithRegionalKr === undefined)
      return undefined;
    return {
      code,
      name,
      publishedKr,
      publishedWithRegionalKr,
      ...(reading ? { reading } : {}),
    } satisfies PublishedCountyGrant;
  });
}

// ---------------------------------------------------------------------------------------------------
// Registry data

interface RegistryData {
  readonly palliative: PalliativeReport[];
  readonly seniorAlert: SeniorAlertReport[];
  readonly discharge: DischargeRecord[];
  readonly pilots: PilotGrant[];
  readonly payees: Payee[];
  readonly countyBudget: CountyBudgetLine[];
  readonly countyConditions: CountyConditions[];
}

/** The discharge settlement is Kalmar county's (08), for 2018 ("Länsgemensam ledning i samverkan", bild 2, 10). */
export const DISCHARGE_COUNTY = "08";
export const DISCHARGE_YEAR = "2018";

/** The parties of the reference lists, that registry rows must name. */
class KnownParties {
  private readonly municipalities: ReadonlySet<string>;
  private readonly counties: ReadonlySet<string>;
  readonly countyOf: ReadonlyMap<string, string>;

  constructor(reference: ReferenceData) {
    this.municipalities = new Set(reference.municipalities.map((m) => m.code));
    this.counties = new Set(reference.counties.map((c) => c.code));
    this.countyOf = new Map(reference.municipalities.map((m) => [m.code, m.countyCode]));
    this.councilHeldBy = new Map(
      reference.counties.flatMap((c) => (c.councilMunicipality ? [[c.code, c.councilMunicipality] as const] : []))
    );
    this.countyCodes = reference.counties.map((c) => c.code);
  }

  /** The municipality that carries a county council's role (Gotland's 0980 for 09), by county code. */
  readonly councilHeldBy: ReadonlyMap<string, string>;
  /** Every county's code, in the list's order. */
  readonly countyCodes: readonly string[];

  /** Undefined when the party is known; else why not. Without a valid list every code passes: its own errors say enough. */
  unknown(kind: PartyKind, code: string): string | undefined {
    if (kind === "kommun") {
      return this.municipalities.size === 0 || this.municipalities.has(code)
        ? undefined
        : `kommunkoden ${code} finns inte i ${DATA_FILES.municipalities}.`;
    }
    return this.counties.size === 0 || this.counties.has(code)
      ? undefined
      : `länskoden ${code} finns inte i ${DATA_FILES.counties}.`;
  }
}

function readRegistry(input: Files, reference: ReferenceData): RegistryData {
  const known = new KnownParties(reference);
  return {
    palliative: readPalliative(input, known),
    seniorAlert: readSeniorAlert(input, known),
    discharge: readDischarge(input, known),
    pilots: readPilots(input),
    countyBudget: readCountyBudget(input, known),
    countyConditions: readCountyConditions(input, known),
    payees: readPayees(input, known),
  };
}

/** The kind and code of a party row: "kommun" with a 4-digit code or "landsting" with a 2-digit county code. */
function readParty(r: Row, known: KnownParties, duplicates: Duplicates): { kind: PartyKind; code: string } | undefined {
  r.who = r.raw("code") || undefined;
  const kind = r.read("kind", readPartyKind, Label.partyKind);
  if (kind === undefined) return undefined;
  const code =
    kind === "kommun"
      ? r.read("code", municipalityCode, Label.municipalityCode)
      : r.read("code", countyCode, Label.countyCode);
  if (code === undefined) return undefined;
  r.who = code;
  const unknown = known.unknown(kind, code);
  if (unknown) return r.fail(unknown);
  duplicates.check(`${kind}:${code}`, r, `${kind} ${code}`, "Varje part får bara förekomma en gång.");
  return { kind, code };
}

function readPalliative(input: Files, known: KnownParties): PalliativeReport[] {
  const duplicates = new Duplicates();
  return rowsOf("palliative", input, (r) => {
    const who = readParty(r, known, duplicates);
    const deaths = r.read("deaths", readCount, Label.deaths);
    const registrations = r.read("registrations", readCount, Label.registrations);
    if (deaths !== undefined && registrations !== undefined && registrations > deaths) {
      r.fail(Problem.registrationsExceedDeaths(String(registrations), String(deaths)));
    }
    if (who === undefined || deaths === undefined || registrations === undefined) return undefined;
    return { ...who, deaths, registrations } satisfies PalliativeReport;
  });
}

function readSeniorAlert(input: Files, known: KnownParties): SeniorAlertReport[] {
  const duplicates = new Duplicates();
  return rowsOf("seniorAlert", input, (r) => {
    const who = readParty(r, known, duplicates);
    const licence = r.read("licence", readYesNo, "körkort");
    const passwords = r.read("passwords", readYesNo, "lösenord");
    const coordinator = r.read("coordinator", readYesNo, "lokal koordinator");
    const unitsIdentified = r.read("units_identified", readYesNo, "samtliga relevanta verksamheter identifierade");
    const unitList = r.read("unit_list", readYesNo, "egen lista över relevanta verksamheter");
    const allUnitsStarted = r.read("all_units_started", readYesNo, Label.started);
    const registrations = r.read("registrations", readCount, Label.registrations);
    if (
      who === undefined ||
      licence === undefined ||
      passwords === undefined ||
      coordinator === undefined ||
      unitsIdentified === undefined ||
      unitList === undefined ||
      allUnitsStarted === undefined ||
      registrations === undefined
    )
      return undefined;
    const introduction = { licence, passwords, coordinator, unitsIdentified, unitList };
    return { ...who, allUnitsStarted, introduction, registrations } satisfies SeniorAlertReport;
  });
}

function readDischarge(input: Files, known: KnownParties): DischargeRecord[] {
  const duplicates = new Duplicates();
  return rowsOf("discharge", input, (r) => {
    r.who = [r.raw("municipality"), r.raw("month"), r.raw("individual")].filter(Boolean).join(", ") || undefined;
    const municipality = r.read("municipality", municipalityCode, Label.municipalityCode);
    if (municipality !== undefined) checkDischargeMunicipality(r, known, municipality);
    const month = r.read("month", readMonth, Label.month);
    if (month !== undefined && !month.startsWith(`${DISCHARGE_YEAR}-`))
      r.fail(Problem.dischargeOutsideYear(month, DISCHARGE_YEAR));
    const individual = r.read("individual", readText, Label.individual);
    const care = r.read("care", readCare, Label.care);
    const daysReported = r.read("days_reported", readCount, Label.daysReported);
    const daysAfterAnalysis = r.read("days_after_analysis", readCount, Label.daysAfter);
    if (daysReported !== undefined && daysAfterAnalysis !== undefined && daysAfterAnalysis > daysReported) {
      r.fail(Problem.daysAfterExceedReported(String(daysAfterAnalysis), String(daysReported)));
    }
    if (municipality === undefined || month === undefined || individual === undefined || care === undefined)
      return undefined;
    r.who = `${municipality}, ${month}, ${individual}`;
    duplicates.check(
      `${municipality}|${month}|${individual}|${care}`,
      r,
      `individ ${individual} (${care})`,
      "Varje individ får bara förekomma en gång per kommun, månad och vårdform."
    );
    if (daysReported === undefined || daysAfterAnalysis === undefined) return undefined;
    return { municipality, month, individual, care, daysReported, daysAfterAnalysis } satisfies DischargeRecord;
  });
}

/** A discharge row's municipality must be known and in Kalmar county ("Länsgemensam ledning i samverkan", bild 7, 10). */
function checkDischargeMunicipality(r: Row, known: KnownParties, municipality: string): void {
  const unknown = known.unknown("kommun", municipality);
  if (unknown) r.fail(unknown);
  else if (known.countyOf.size > 0 && known.countyOf.get(municipality) !== DISCHARGE_COUNTY)
    r.fail(Problem.dischargeOutsideCounty(municipality, DISCHARGE_COUNTY));
}

function readPilots(input: Files): PilotGrant[] {
  const duplicates = new Duplicates();
  return rowsOf("pilots", input, (r) => {
    r.who = r.raw("id") || undefined;
    const id = r.read("id", readText, "id");
    const recipient = r.read("recipient", readText, "mottagare");
    const applicantKind = r.read("applicant_kind", readApplicantKind, Label.applicantKind);
    const politicalBacking = r.read("political_backing", readYesNo, Label.politicalBacking);
    const project = r.read("project", readText, "projekt");
    const grantedKr = r.read("granted_kr", readKronor, "beviljat belopp");
    if (id !== undefined) duplicates.check(id, r, `id ${id}`, "Varje beviljat försök ska ha ett eget id.");
    if (
      id === undefined ||
      recipient === undefined ||
      applicantKind === undefined ||
      politicalBacking === undefined ||
      project === undefined ||
      grantedKr === undefined
    )
      return undefined;
    return { id, recipient, applicantKind, politicalBacking, project, grantedKr } satisfies PilotGrant;
  });
}

/** A row's county (column `county`): a known county's code, which then names the row in its problems. */
function readCounty(r: Row, known: KnownParties): string | undefined {
  r.who = r.raw("county") || undefined;
  const county = r.read("county", countyCode, Label.countyCode);
  if (county === undefined) return undefined;
  r.who = county;
  const unknown = known.unknown("landsting", county);
  if (unknown) r.fail(unknown);
  return county;
}

function readCountyBudget(input: Files, known: KnownParties): CountyBudgetLine[] {
  const restRows = new Map<string, number>();
  return rowsOf("countyBudget", input, (r) => {
    const county = readCounty(r, known);
    const item = r.read("item", readText, "post");
    const amountKr = r.readOptional("amount_kr", readKronor, "belopp", null);
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
    const source = r.readOptional("source", readText, "källa", "");
    if (county === undefined || item === undefined || amountKr === undefined || source === undefined) return undefined;
    return { county, item, amountKr, source } satisfies CountyBudgetLine;
  });
}

/**
 * Each county's conditions for its share of the county grant and the regional support, yes/no each; every county
 * once, and none left out (a condition left out would be a payment decided without a word).
 */
function readCountyConditions(input: Files, known: KnownParties): CountyConditions[] {
  const duplicates = new Duplicates();
  const rows = rowsOf("countyConditions", input, (r) => {
    const county = readCounty(r, known);
    if (county !== undefined) duplicates.check(county, r, `länet ${county}`, "Varje län ska stå en gång.");
    const developmentPlan = r.read("development_plan", readYesNo, "plan för utvecklingsarbetet");
    const agreement = r.read("agreement", readYesNo, "överenskommelse med SKL");
    const letterOfIntent = r.read("letter_of_intent", readYesNo, "avsiktsförklaring");
    if (
      county === undefined ||
      developmentPlan === undefined ||
      agreement === undefined ||
      letterOfIntent === undefined
    )
      return undefined;
    return { county, developmentPlan, agreement, letterOfIntent } satisfies CountyConditions;
  });
  const given = new Set(rows.map((c) => c.county));
  const missing = known.countyCodes.filter((code) => !given.has(code));
  if (rows.length > 0 && missing.length > 0)
    input.problems.add({
      file: DATA_FILES.countyConditions,
      problem: `länen ${missing.join(", ")} saknas. Varje län ska ha en rad med sina villkor (ja eller nej).`,
    });
  return rows;
}

/**
 * The payees' names and accounts (optional file): each payee once, its organisation number and exactly one of
 * bankgiro and plusgiro, each with a valid check digit; a county's recipient needs a name. Gotland's county
 * council role is paid to Gotlands kommun, so it has no row of its own.
 */
function readPayees(input: Files, known: KnownParties): Payee[] {
  const duplicates = new Duplicates();
  const numbers = new Duplicates();
  return rowsOf("payees", input, (r) => {
    r.who = [r.raw("kind"), r.raw("code")].filter(Boolean).join(" ") || undefined;
    const kind = r.read("kind", readPayeeKind, Label.payeeKind);
    const code =
      kind === "kommun"
        ? r.read("code", municipalityCode, Label.municipalityCode)
        : kind === undefined
          ? undefined
          : r.read("code", countyCode, Label.countyCode);
    if (kind !== undefined && code !== undefined) {
      r.who = `${kind} ${code}`;
      const unknown = known.unknown(kind === "kommun" ? "kommun" : "landsting", code);
      if (unknown) r.fail(unknown);
      const holder = known.councilHeldBy.get(code);
      if (kind === "landsting" && holder)
        r.fail(
          `länet ${code} har inget eget landsting: kommunen ${holder} bär landstingets roll och betalas på kommunens rad (kommun ${holder}). Ta bort raden.`
        );
      duplicates.check(`${kind}:${code}`, r, `${kind} ${code}`, "Varje mottagare ska stå en gång.");
    }
    const recipient = r.readOptional("recipient", readText, "mottagare", undefined);
    if (kind === "län" && r.raw("recipient") === "")
      r.fail("mottagarens namn saknas: länets mottagare av länsbidraget och det regionala stödet ska ha ett namn.");
    const organisationNumber = r.read("organisation_number", readOrganisationNumber, Label.organisationNumber);
    // A county's recipient may be one of the county's parties; two municipalities or county councils may not share a number.
    if (organisationNumber !== undefined && kind !== undefined && kind !== "län")
      numbers.check(
        organisationNumber,
        r,
        `organisationsnumret ${organisationNumber}`,
        "Två parter kan inte ha samma organisationsnummer."
      );
    const hasBankgiro = r.raw("bankgiro") !== "";
    const hasPlusgiro = r.raw("plusgiro") !== "";
    if (!hasBankgiro && !hasPlusgiro) r.fail("konto saknas: skriv mottagarens bankgironummer eller plusgironummer.");
    if (hasBankgiro && hasPlusgiro)
      r.fail("både bankgiro och plusgiro är ifyllda: skriv det konto beloppet ska betalas till, ett av dem.");
    const bankgiro = hasBankgiro ? r.read("bankgiro", readBankgiro, Label.bankgiro) : undefined;
    const plusgiro = hasPlusgiro ? r.read("plusgiro", readPlusgiro, Label.plusgiro) : undefined;
    if (kind === undefined || code === undefined || organisationNumber === undefined) return undefined;
    return {
      kind,
      code,
      ...(recipient ? { recipient } : {}),
      organisationNumber,
      ...(bankgiro ? { bankgiro } : {}),
      ...(plusgiro ? { plusgiro } : {}),
    } satisfies Payee;
  });
}

// ---------------------------------------------------------------------------------------------------
// Parameters

type NumericParameter = Exclude<keyof YearParameters, "notes" | "timeline">;

/**
 * How each figure is read, by the readers of every other input: shares 0..1 (DOMAIN.md: a threshold is a
 * share, 0.4 for 40 %), kronor with at most two decimals, steps above 0, day limits whole days, averages
 * any number of 0 or more.
 */
const PARAMETER_READERS: Readonly<Record<NumericParameter, Reader<number>>> = {
  year: readCount,
  palliativeBaseThreshold: readShare,
  palliativeBonusThreshold: readShare,
  palliativeBasePotKr: readKronor,
  palliativeBonusPotKr: readKronor,
  seniorAlertPotKr: readKronor,
  countyGrantKr: readKronor,
  countyGrantBaseKr: readKronor,
  regionalSupportKr: readKronor,
  pilotsKr: readKronor,
  agreementTotalKr: readKronor,
  performanceBasedKr: readKronor,
  registriesKr: readKronor,
  municipalShare: readShare,
  paymentStepKr: readStep,
  countyGrantStepKr: readStep,
  dischargePricePerDayKr: readKronor,
  dischargeDayLimit: readCount,
  dischargeAverageLimit: readAmount,
  psychiatryDayLimit: readCount,
  psychiatryAverageLimit: readAmount,
  dischargeGoalDays: readAmount,
  dischargeAverage2016Days: readAmount,
};

function readParameters(
  json: string | undefined,
  year: number,
  problems: Problems,
  fileProblem?: string
): YearParameters | undefined {
  const file = DATA_FILES.parameters;
  if (json === undefined) {
    problems.add({ file, problem: fileProblem ?? Problem.fileMissing() });
    return undefined;
  }
  const entry = yearEntry(json, year, (problem) => problems.add({ file, problem }));
  if (entry === undefined) return undefined;
  const what = `år ${year}`;
  const before = problems.list.length;
  const fail = (problem: string) => problems.add({ file, what, problem });
  const values: Partial<Record<NumericParameter, number>> = {};
  for (const name of Object.keys(PARAMETER_READERS) as NumericParameter[]) {
    const value = entry[name];
    if (typeof value !== "number") {
      // JSON has numbers: a figure in quotes is a mistake of the file, not a spelling to read.
      fail(
        value === undefined
          ? `${name} saknas.`
          : `${name} (${shownText(JSON.stringify(value))}) ska vara ett tal, t.ex. 0.5 (punkt som decimaltecken i JSON).`
      );
      continue;
    }
    const read = PARAMETER_READERS[name](value, name);
    if (read instanceof Refused) fail(read.problem);
    else values[name] = read;
  }
  const notes = readNotes(entry.notes, fail);
  const timeline = readTimeline(entry.timeline, fail);
  if (problems.list.length > before) return undefined;
  return { ...(values as Record<NumericParameter, number>), notes, timeline };
}

/** The one entry of `year` in the parameters file, or undefined with the problem reported. */
function yearEntry(json: string, year: number, fail: (problem: string) => void): Record<string, unknown> | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (e) {
    fail(`filen är inte giltig JSON (${shownText((e as Error).message)}).`);
    return undefined;
  }
  const years = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.years) ? doc.years : undefined;
  if (!years) {
    fail('filen ska ha formen { "years": [ { "year": 2010, … }, … ] }.');
    return undefined;
  }
  const matching = years.filter((y): y is Record<string, unknown> => isObject(y) && y.year === year);
  if (matching.length === 0) {
    const available = years.filter(isObject).map((y) => shownText(String(y.year)));
    fail(`år ${year} saknas (finns: ${available.join(", ") || "inga"}). Lägg till året eller välj ett annat.`);
    return undefined;
  }
  if (matching.length > 1) {
    fail(`år ${year} finns ${matching.length} gånger. Varje år får bara finnas en gång.`);
    return undefined;
  }
  return matching[0];
}

/** The note of each parameter: its source, or why it is an assumption. */
function readNotes(notes: unknown, fail: (problem: string) => void): Record<string, string> {
  const read: Record<string, string> = {};
  if (notes === undefined) return read;
  if (!isObject(notes)) {
    fail("notes ska vara ett objekt med en text per parameter.");
    return read;
  }
  for (const [name, note] of Object.entries(notes)) {
    if (typeof note === "string") read[name] = note;
    else fail(`anteckningen notes.${shownText(name)} ska vara en text.`);
  }
  return read;
}

/**
 * The year's timeline: `[{ "id", "event", "date", "when", "source", "order"? }, …]`, each date YYYY-MM-DD or null
 * where the source gives none; `order` places an undated event in time (a reading). Missing, it is empty.
 */
function readTimeline(timeline: unknown, fail: (problem: string) => void): TimelineEvent[] {
  if (timeline === undefined) return [];
  if (!Array.isArray(timeline)) {
    fail('timeline ska vara en lista: [{ "id", "event", "date", "when", "source" }, …].');
    return [];
  }
  const ids = new Set<string>();
  return timeline.flatMap((entry: unknown, i): TimelineEvent[] => {
    const at = `timeline[${i}]`;
    if (!isObject(entry)) {
      fail(`${at} ska vara ett objekt med id, event, date, when och source.`);
      return [];
    }
    const text = (key: string) => {
      const read = readText(entry[key], `${at}.${key}`);
      if (read instanceof Refused) fail(read.problem);
      return read instanceof Refused ? undefined : read;
    };
    const [id, event, when, source] = ["id", "event", "when", "source"].map(text);
    const date = readDate(entry.date, `${at}.date`);
    if (date instanceof Refused) fail(date.problem);
    const order = readDate(entry.order, `${at}.order`);
    if (order instanceof Refused) fail(order.problem);
    if (id !== undefined && !/^[A-Za-z][A-Za-z0-9_]*$/.test(id))
      fail(`${at}.id (${shownText(id)}) ska vara bokstäver, siffror och _.`);
    else if (id !== undefined && ids.has(id))
      fail(`${at}.id (${shownText(id)}) finns redan. Varje id får bara finnas en gång.`);
    if (id !== undefined) ids.add(id);
    if (
      id === undefined ||
      event === undefined ||
      when === undefined ||
      source === undefined ||
      date instanceof Refused ||
      order instanceof Refused
    )
      return [];
    return [{ id, event, date, when, source, ...(order ? { order } : {}) }];
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
