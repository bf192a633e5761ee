/**
 * Reads and validates an imported registry file or clipboard paste: the palliative registry export,
 * Senior alert's status, or discharge days. Every row is checked and every problem listed by row, so the
 * user can fix the file in one go; rows are returned only when the whole import is valid.
 * DOMAIN.md: "Registrations greater than deaths, negative or fractional counts are bad input: a clear
 * error naming the party, not a number."
 */
import {
  decodeText,
  Delimiter,
  ImportEncoding,
  isNotText,
  Label,
  Problem,
  readCare,
  readCount,
  readMonth,
  readPartyKind,
  readTable,
  readText,
  readYesNo,
  RowReader,
  Table,
  TableRow,
} from "../../input";
import { CareKind, PartyKind } from "../../workbook/inputs";
import { DISCHARGE_COUNTY, DISCHARGE_YEAR } from "../../workbook/loadInputs";
import {
  ColumnMap,
  ColumnRole,
  detectKind,
  headerText,
  ignoredColumnsNote,
  ImportKind,
  KIND_LABEL,
  mapHeaders,
  missingColumns,
  ROLE_LABEL,
} from "./headers";
import { ImportedParty, ImportReference, PartyDirectory, PartyMatch, partyLabel } from "./parties";
import { ImportProblem } from "./problems";

/** One party's palliative registry figures, as imported. */
export interface PalliativeImportRow {
  /** The row in the file (header = 1). */
  readonly row: number;
  readonly party: ImportedParty;
  readonly deaths: number;
  readonly registrations: number;
}

/** One party's Senior alert status, as imported. */
export interface SeniorAlertImportRow {
  readonly row: number;
  readonly party: ImportedParty;
  readonly allUnitsStarted: boolean;
  readonly registrations: number;
}

/** One individual's discharge-ready days in a municipality and month, as imported. */
export interface DischargeImportRow {
  readonly row: number;
  /** The municipality. */
  readonly party: ImportedParty;
  /** "YYYY-MM". */
  readonly month: string;
  /** The individual's id as imported (text: see `textValue` for writing it). */
  readonly individual: string;
  readonly care: CareKind;
  readonly daysReported: number;
  readonly daysAfterAnalysis: number;
}

interface ImportFacts {
  /** How the bytes were read; absent when they were not text. */
  readonly encoding?: ImportEncoding;
  readonly delimiter?: Delimiter;
  /** Non-blank data rows read. */
  readonly dataRows: number;
  /** What the import assumed, in Swedish (e.g. no column for the kind of care: all rows somatic). */
  readonly notes: readonly string[];
}

/** A valid import: every row passed, ready to preview and write. */
export type ValidImport = ImportFacts & {
  readonly ok: true;
  readonly encoding: ImportEncoding;
  readonly problems: readonly [];
} & (
    | { readonly kind: "palliativ"; readonly rows: readonly PalliativeImportRow[] }
    | { readonly kind: "senior-alert"; readonly rows: readonly SeniorAlertImportRow[] }
    | { readonly kind: "utskrivningsklara"; readonly rows: readonly DischargeImportRow[] }
  );

/** An import with problems: nothing of it may be written. */
export interface InvalidImport extends ImportFacts {
  readonly ok: false;
  /** The kind, when it could be told. */
  readonly kind?: ImportKind;
  readonly problems: readonly ImportProblem[];
}

/** The result of `parseImport`: rows only when `ok`. */
export type ParsedImport = ValidImport | InvalidImport;

/** The cells of one imported row, read by what each column holds. */
type Row = RowReader<ColumnRole>;

/**
 * Parses an import: decodes the bytes (UTF-8 with or without BOM, UTF-16, else Windows-1252; a workbook
 * or other binary file is refused), splits the text (semicolon, comma or tab, chosen from the header),
 * tells the kind from the headers unless `kind` is given, matches each party by code or name against
 * `reference`, and reads every cell through the readers every face shares (`src/input`).
 *
 * @param input - The file's bytes, or the text of a clipboard paste.
 * @param reference - The reference lists (the workbook's Kommuner and Landsting, or the bundled lists).
 * @param kind - The kind of import, when the user chose it; otherwise told from the headers.
 */
export function parseImport(
  input: Uint8Array | ArrayBuffer | string,
  reference: ImportReference,
  kind?: ImportKind
): ParsedImport {
  const decoded = decodeText(input);
  if (isNotText(decoded)) return { ok: false, kind, dataRows: 0, notes: [], problems: [{ message: decoded.problem }] };
  const { text, encoding } = decoded;
  const table = readTable(text);
  if (!("header" in table)) return { ok: false, kind, encoding, dataRows: 0, notes: [], problems: problemsOf(table) };
  const facts = { encoding, delimiter: table.delimiter, dataRows: table.rows.length + table.problems.length };
  const mapped = mapHeaders(table.header, table.headerRow);
  const ignoredNote = ignoredColumnsNote(mapped.ignored);
  const notes = ignoredNote ? [ignoredNote] : [];
  const chosen = kind ?? detectKind(mapped.columns);
  if (chosen === undefined) {
    return { ...facts, ok: false, notes, problems: [...mapped.problems, unknownKind(table)] };
  }
  const headerProblems = [...mapped.problems, ...missingColumns(chosen, mapped.columns, table.header, table.headerRow)];
  if (headerProblems.length > 0) {
    return { ...facts, ok: false, kind: chosen, notes, problems: [...problemsOf(table), ...headerProblems] };
  }
  if (facts.dataRows === 0) {
    const problem = { message: Problem.noDataRows(KIND_LABEL[chosen]) };
    return { ...facts, ok: false, kind: chosen, notes, problems: [problem] };
  }
  const problems: ImportProblem[] = problemsOf(table);
  const rows = table.rows.map((line) => rowReader(line, mapped.columns, problems));
  const read = READ_ROWS[chosen](rows, new PartyDirectory(reference), mapped.columns, reference, notes);
  if (problems.length > 0) return { ...facts, ok: false, kind: chosen, notes, problems: sortedByRow(problems) };
  return { ...facts, ok: true, kind: chosen, notes, problems: [], rows: read } as ValidImport;
}

/** The table's own problems (an unclosed quote, too many values, a repeated header) as import problems. */
function problemsOf(table: Pick<Table, "problems">): ImportProblem[] {
  return table.problems.map((p) => ({ row: p.row, message: p.problem }));
}

/** Problems in the order of the file's rows, the problems of the whole file first. */
function sortedByRow(problems: readonly ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

function unknownKind(table: Table): ImportProblem {
  return {
    row: table.headerRow,
    message:
      "det går inte att avgöra vad filen innehåller. Rubrikraden ska ha Dödsfall och Registreringar (Palliativregistret), " +
      "Alla enheter startat och Registreringar (Senior alert) eller Kommun, Månad, Individ och Dagar (utskrivningsklara). " +
      `Rubrikraden är: ${headerText(table.header)}.`,
  };
}

function rowReader(line: TableRow, columns: ColumnMap, problems: ImportProblem[]): Row {
  return new RowReader<ColumnRole>(
    line.row,
    (role) => {
      const c = columns[role];
      return c === undefined ? undefined : (line.cells[c] ?? "");
    },
    ({ row, who, problem }) => problems.push({ row, party: who, message: problem })
  );
}

/** Reads the rows of one kind of import; the problems go to the rows' own list. */
type ReadRows = (
  rows: readonly Row[],
  directory: PartyDirectory,
  columns: ColumnMap,
  reference: ImportReference,
  notes: string[]
) => readonly unknown[];

const READ_ROWS: Readonly<Record<ImportKind, ReadRows>> = {
  palliativ: (rows, directory) => readPartyRows(rows, directory, readPalliativeRow),
  "senior-alert": (rows, directory) => readPartyRows(rows, directory, readSeniorAlertRow),
  utskrivningsklara: readDischargeRows,
};

const PARTY_DUPLICATE = (first: number) =>
  `parten finns redan på rad ${first}. Varje kommun och landsting får bara förekomma en gång; ta bort den ena raden.`;

function checkDuplicate(seen: Map<string, number>, key: string, r: Row, message: (first: number) => string) {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, r.row);
  else r.fail(message(first));
}

/** The rows of a file with one row per party (palliative registry, Senior alert). */
function readPartyRows<T>(
  rows: readonly Row[],
  directory: PartyDirectory,
  read: (r: Row, party: ImportedParty | undefined) => T | undefined
): T[] {
  const seen = new Map<string, number>();
  const out: T[] = [];
  for (const r of rows) {
    const party = readParty(r, directory, ["kommun", "landsting"]);
    const value = read(r, party);
    if (party) checkDuplicate(seen, `${party.kind}:${party.code}`, r, PARTY_DUPLICATE);
    if (r.ok && party && value !== undefined) out.push(value);
  }
  return out;
}

function readPalliativeRow(r: Row, party: ImportedParty | undefined): PalliativeImportRow | undefined {
  const deaths = r.read("deaths", readCount, Label.deaths);
  const registrations = r.read("registrations", readCount, Label.registrations);
  if (deaths !== undefined && registrations !== undefined && registrations > deaths) {
    r.fail(Problem.registrationsExceedDeaths(String(registrations), String(deaths)));
  }
  if (!party || deaths === undefined || registrations === undefined) return undefined;
  return { row: r.row, party, deaths, registrations };
}

function readSeniorAlertRow(r: Row, party: ImportedParty | undefined): SeniorAlertImportRow | undefined {
  const allUnitsStarted = r.read("started", readYesNo, Label.started);
  const registrations = r.read("registrations", readCount, Label.registrations);
  if (!party || allUnitsStarted === undefined || registrations === undefined) return undefined;
  return { row: r.row, party, allUnitsStarted, registrations };
}

/** Discharge days: one row per individual, municipality, month and kind of care (Kalmar county, 2018). */
function readDischargeRows(
  rows: readonly Row[],
  directory: PartyDirectory,
  columns: ColumnMap,
  reference: ImportReference,
  notes: string[]
): DischargeImportRow[] {
  if (columns.care === undefined)
    notes.push("Filen har ingen kolumn för vårdform: alla rader läses som somatisk vård.");
  const reportedRole: ColumnRole = columns.daysReported !== undefined ? "daysReported" : "daysAfter";
  const afterRole: ColumnRole = columns.daysAfter !== undefined ? "daysAfter" : "daysReported";
  if (columns.daysReported === undefined || columns.daysAfter === undefined) {
    notes.push(
      "Filen har bara en kolumn med dagar: dagarna efter analys är desamma som de rapporterade (ingen omräkning ännu)."
    );
  }
  const seen = new Map<string, number>();
  const countyOf = new Map(reference.municipalities.map((m) => [m.code, m.countyCode]));
  const out: DischargeImportRow[] = [];
  for (const r of rows) {
    const party = readParty(r, directory, ["kommun"]);
    const month = r.read("month", readMonth, Label.month);
    const individual = r.read("individual", readText, Label.individual);
    const care: CareKind | undefined = columns.care === undefined ? "somatisk" : r.read("care", readCare, Label.care);
    const daysReported = r.read(reportedRole, readCount, ROLE_LABEL[reportedRole]);
    const daysAfterAnalysis = r.read(afterRole, readCount, ROLE_LABEL[afterRole]);
    if (party && month && individual) r.who = `${partyLabel(party)}, ${month}, ${individual}`;
    if (party && countyOf.get(party.code) !== DISCHARGE_COUNTY)
      r.fail(Problem.dischargeOutsideCounty(party.code, DISCHARGE_COUNTY));
    if (month && !month.startsWith(`${DISCHARGE_YEAR}-`)) r.fail(Problem.dischargeOutsideYear(month, DISCHARGE_YEAR));
    if (daysReported !== undefined && daysAfterAnalysis !== undefined && daysAfterAnalysis > daysReported) {
      r.fail(Problem.daysAfterExceedReported(String(daysAfterAnalysis), String(daysReported)));
    }
    if (party && month && individual && care) {
      checkDuplicate(
        seen,
        `${party.code}|${month}|${individual}|${care}`,
        r,
        (first) =>
          `individen finns redan på rad ${first} (${care}). Varje individ får bara förekomma en gång per kommun, månad och vårdform.`
      );
    }
    if (!r.ok || !party || !month || !individual || !care) continue;
    if (daysReported === undefined || daysAfterAnalysis === undefined) continue;
    out.push({ row: r.row, party, month, individual, care, daysReported, daysAfterAnalysis });
  }
  return out;
}

/** The cells that name the party, each read as text first: an invisible character is shown, not matched. */
function partyCells(r: Row): { code: string; name: string; party: string } | undefined {
  const cell = (role: ColumnRole) => r.readOptional(role, readText, ROLE_LABEL[role], "");
  const code = cell("code");
  const name = cell("name");
  const party = cell("party");
  if (code === undefined || name === undefined || party === undefined) return undefined;
  return { code, name, party };
}

/** The kinds a row may be: the type column's, when the file has one and more than one kind is allowed. */
function allowedKinds(r: Row, allowed: readonly PartyKind[]): readonly PartyKind[] | undefined {
  if (!r.has("partyKind") || allowed.length === 1) return allowed;
  const kind = r.read("partyKind", readPartyKind, Label.partyKind);
  return kind === undefined ? undefined : [kind];
}

/**
 * The party of a row: by the type column (when there is one) and by code, name, or a party column that
 * holds either. A name beside a code must not name another party.
 */
function readParty(r: Row, directory: PartyDirectory, allowed: readonly PartyKind[]): ImportedParty | undefined {
  r.who = [r.raw("code"), r.raw("name")].filter(Boolean).join(" ") || r.raw("party") || undefined;
  const cells = partyCells(r);
  const kinds = allowedKinds(r, allowed);
  if (!cells || !kinds) return undefined;
  const { code, name, party } = cells;
  let match: PartyMatch;
  if (code !== "") {
    // A code column may hold names too ("Kod: Malå"): find reads a code, a name, or both.
    match = directory.find(code, kinds);
    const other = [name, /^\d+$/.test(party) ? "" : party].find((n) => n !== "");
    if (match.ok && other) match = directory.conflict(match.party, other, kinds) ?? match;
  } else if (party !== "") {
    match = directory.find(party, kinds);
    if (match.ok && name !== "") match = directory.conflict(match.party, name, kinds) ?? match;
  } else if (name !== "") {
    match = directory.findByName(name, kinds);
  } else {
    return r.fail(
      allowed.length === 1
        ? "kommun saknas. Fyll i kommunens kod eller namn."
        : "kod och namn saknas. Fyll i kommunens eller landstingets kod eller namn."
    );
  }
  if (!match.ok) return r.fail(otherKindProblem(directory, code || party || name, kinds, allowed) ?? match.message);
  r.who = partyLabel(match.party);
  return match.party;
}

/** A party of another kind than the row allows: "08 Kalmar län är ett län; här ska en kommun stå." */
function otherKindProblem(
  directory: PartyDirectory,
  text: string,
  kinds: readonly PartyKind[],
  allowed: readonly PartyKind[]
): string | undefined {
  if (allowed.length === 1 && allowed[0] === "kommun") {
    const county = directory.find(text, ["landsting"]);
    return county.ok ? `${partyLabel(county.party)} är ett län; här ska en kommun stå.` : undefined;
  }
  if (kinds.length !== 1 || kinds.length >= allowed.length) return undefined;
  const other = directory.find(
    text,
    allowed.filter((k) => k !== kinds[0])
  );
  if (!other.ok) return undefined;
  return `${partyLabel(other.party)} är ${other.party.kind === "kommun" ? "en kommun" : "ett län"}, men typen är ${kinds[0]}.`;
}
