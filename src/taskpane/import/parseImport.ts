/**
 * Reads and validates an imported registry file or clipboard paste: the palliative registry export,
 * Senior alert's status, or discharge days. Every row is checked and every problem listed by row, so the
 * user can fix the file in one go; rows are returned only when the whole import is valid.
 * DOMAIN.md: "Registrations greater than deaths, negative or fractional counts are bad input: a clear
 * error naming the party, not a number."
 */
import { Problem } from "../../engine/errors";
import { CareKind, PartyKind } from "../../workbook/inputs";
import { decodeText, ImportEncoding } from "../../workbook/csvText";
import { DISCHARGE_COUNTY, DISCHARGE_YEAR } from "../../workbook/loadInputs";
import { Delimiter, DelimitedRow, readDelimited } from "./delimited";
import {
  ColumnMap,
  ColumnRole,
  detectKind,
  ignoredColumnsNote,
  ImportKind,
  KIND_LABEL,
  mapHeaders,
  missingColumns,
  ROLE_LABEL,
} from "./headers";
import { ImportedParty, ImportReference, PartyDirectory, PartyMatch, partyLabel, readPartyKind } from "./parties";
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
  readonly encoding: ImportEncoding;
  readonly delimiter?: Delimiter;
  /** Non-blank data rows read. */
  readonly dataRows: number;
  /** What the import assumed, in Swedish (e.g. no column for the kind of care: all rows somatic). */
  readonly notes: readonly string[];
}

/** A valid import: every row passed, ready to preview and write. */
export type ValidImport = ImportFacts & { readonly ok: true; readonly problems: readonly [] } & (
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

const YES = new Set(["ja", "j", "sant", "true", "1", "yes", "x"]);
const NO = new Set(["nej", "n", "falskt", "false", "0", "no"]);

/**
 * Parses an import: decodes the bytes (UTF-8 with or without BOM, UTF-16, else Windows-1252), splits
 * the text (semicolon, comma or tab, chosen from the header), tells the kind from the headers unless
 * `kind` is given, matches each party by code or name against `reference`, and validates every row.
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
  const { text, encoding } = decodeText(input);
  const table = readDelimited(text);
  if (!("header" in table)) return { ok: false, kind, encoding, dataRows: 0, notes: [], problems: table.problems };
  const facts = { encoding, delimiter: table.delimiter, dataRows: table.rows.length };
  const mapped = mapHeaders(table.header, table.headerRow);
  const ignoredNote = ignoredColumnsNote(mapped.ignored);
  const headerNotes = ignoredNote ? [ignoredNote] : [];
  const chosen = kind ?? detectKind(mapped.columns);
  if (chosen === undefined) {
    return {
      ...facts,
      ok: false,
      notes: headerNotes,
      problems: [
        ...mapped.problems,
        {
          row: table.headerRow,
          message:
            "det går inte att avgöra vad filen innehåller. Rubrikraden ska ha Dödsfall och Registreringar (Palliativregistret), " +
            "Alla enheter startat och Registreringar (Senior alert) eller Kommun, Månad, Individ och Dagar (utskrivningsklara). " +
            `Rubrikraden är: ${table.header.filter((h) => h !== "").join(", ") || "(tom)"}.`,
        },
      ],
    };
  }
  const headerProblems = [
    ...table.problems,
    ...mapped.problems,
    ...missingColumns(chosen, mapped.columns, table.header, table.headerRow),
  ];
  if (mapped.problems.length > 0 || headerProblems.length > table.problems.length) {
    return { ...facts, ok: false, kind: chosen, notes: headerNotes, problems: headerProblems };
  }
  if (table.rows.length === 0) {
    return {
      ...facts,
      ok: false,
      kind: chosen,
      notes: headerNotes,
      problems: [
        ...headerProblems,
        { message: `filen har en rubrikrad men inga rader med uppgifter (${KIND_LABEL[chosen]}).` },
      ],
    };
  }

  const problems: ImportProblem[] = [...headerProblems];
  const notes: string[] = [...headerNotes];
  const directory = new PartyDirectory(reference);
  const readers = table.rows
    .map((row) => new RowReader(row, mapped.columns, table.header.length, problems))
    .filter((r) => !r.malformed);
  const valid = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);

  if (chosen === "palliativ") {
    const seen = new Map<string, number>();
    const rows = readers.map((r) => {
      const party = readParty(r, directory, ["kommun", "landsting"]);
      const deaths = r.count("deaths");
      const registrations = r.count("registrations");
      if (deaths !== undefined && registrations !== undefined && registrations > deaths) {
        r.fail(Problem.registrationsExceedDeaths(String(registrations), String(deaths)));
      }
      if (party) checkDuplicate(seen, `${party.kind}:${party.code}`, r, PARTY_DUPLICATE);
      if (!r.ok || !party || deaths === undefined || registrations === undefined) return undefined;
      return { row: r.row, party, deaths, registrations } satisfies PalliativeImportRow;
    });
    if (problems.length > 0) return { ...facts, ok: false, kind: chosen, notes, problems };
    return { ...facts, ok: true, kind: chosen, notes, problems: [], rows: valid(rows) };
  }

  if (chosen === "senior-alert") {
    const seen = new Map<string, number>();
    const rows = readers.map((r) => {
      const party = readParty(r, directory, ["kommun", "landsting"]);
      const allUnitsStarted = r.yesNo("started");
      const registrations = r.count("registrations");
      if (party) checkDuplicate(seen, `${party.kind}:${party.code}`, r, PARTY_DUPLICATE);
      if (!r.ok || !party || allUnitsStarted === undefined || registrations === undefined) return undefined;
      return { row: r.row, party, allUnitsStarted, registrations } satisfies SeniorAlertImportRow;
    });
    if (problems.length > 0) return { ...facts, ok: false, kind: chosen, notes, problems };
    return { ...facts, ok: true, kind: chosen, notes, problems: [], rows: valid(rows) };
  }

  const columns = mapped.columns;
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
  const rows = readers.map((r) => {
    const party = readParty(r, directory, ["kommun"]);
    const month = r.month();
    const individual = r.text("individual");
    const care: CareKind | undefined = columns.care === undefined ? "somatisk" : r.care();
    const daysReported = r.count(reportedRole);
    const daysAfterAnalysis = r.count(afterRole);
    if (party && month && individual) r.party = `${partyLabel(party)}, ${month}, ${individual}`;
    if (party && countyOf.get(party.code) !== DISCHARGE_COUNTY)
      r.fail(Problem.dischargeOutsideCounty(party.code, DISCHARGE_COUNTY));
    if (month && !month.startsWith(`${DISCHARGE_YEAR}-`)) r.fail(Problem.dischargeOutsideYear(month, DISCHARGE_YEAR));
    if (daysReported !== undefined && daysAfterAnalysis !== undefined && daysAfterAnalysis > daysReported) {
      r.fail(
        `dagar efter analys (${daysAfterAnalysis}) är fler än rapporterade dagar (${daysReported}). Analysen och omräkningen kan bara minska dagarna.`
      );
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
    if (
      !r.ok ||
      !party ||
      !month ||
      !individual ||
      !care ||
      daysReported === undefined ||
      daysAfterAnalysis === undefined
    )
      return undefined;
    return {
      row: r.row,
      party,
      month,
      individual,
      care,
      daysReported,
      daysAfterAnalysis,
    } satisfies DischargeImportRow;
  });
  if (problems.length > 0) return { ...facts, ok: false, kind: chosen, notes, problems };
  return { ...facts, ok: true, kind: chosen, notes, problems: [], rows: valid(rows) };
}

const PARTY_DUPLICATE = (first: number) =>
  `parten finns redan på rad ${first}. Varje kommun och landsting får bara förekomma en gång; ta bort den ena raden.`;

function checkDuplicate(seen: Map<string, number>, key: string, r: RowReader, message: (first: number) => string) {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, r.row);
  else r.fail(message(first));
}

/**
 * The party of a row: by the type column (when there is one) and by code, name, or a party column that
 * holds either. A name beside a code must not name another party.
 */
function readParty(r: RowReader, directory: PartyDirectory, allowed: readonly PartyKind[]): ImportedParty | undefined {
  const code = r.raw("code");
  const name = r.raw("name");
  const party = r.raw("party");
  r.party = [code, name].filter(Boolean).join(" ") || party || undefined;
  let kinds = allowed;
  if (r.has("partyKind") && allowed.length > 1) {
    const rawKind = r.raw("partyKind");
    const kind = readPartyKind(rawKind);
    if (kind === undefined) {
      return r.fail(
        rawKind === ""
          ? "typ saknas. Skriv kommun eller landsting."
          : `typ (${rawKind}) ska vara kommun eller landsting.`
      );
    }
    kinds = [kind];
  }
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
  if (!match.ok) {
    if (allowed.length === 1 && allowed[0] === "kommun") {
      const county = directory.find(code || party || name, ["landsting"]);
      if (county.ok) return r.fail(`${partyLabel(county.party)} är ett län; här ska en kommun stå.`);
    } else if (kinds.length === 1 && kinds.length < allowed.length) {
      const other = directory.find(
        code || party || name,
        allowed.filter((k) => k !== kinds[0])
      );
      if (other.ok) {
        return r.fail(
          `${partyLabel(other.party)} är ${other.party.kind === "kommun" ? "en kommun" : "ett län"}, men typen är ${kinds[0]}.`
        );
      }
    }
    return r.fail(match.message);
  }
  r.party = partyLabel(match.party);
  return match.party;
}

/** Reads one data row's cells by role, collecting every problem of the row. */
class RowReader {
  ok = true;
  /** The row has more values than the header: its cells cannot be trusted to be in their columns. */
  readonly malformed: boolean;
  /** The party or record the row is about, for messages. */
  party?: string;

  constructor(
    private readonly line: DelimitedRow,
    private readonly columns: ColumnMap,
    headerLength: number,
    private readonly problems: ImportProblem[]
  ) {
    const extra = line.cells.slice(headerLength).filter((c) => c !== "");
    this.malformed = extra.length > 0;
    if (this.malformed) {
      this.fail(
        `raden har ${line.cells.length} värden men rubrikraden ${headerLength} kolumner. ` +
          "Ett decimaltal med komma i en kommaseparerad fil måste stå inom citattecken; använd hellre semikolon som avgränsare."
      );
    }
  }

  get row(): number {
    return this.line.row;
  }

  has(role: ColumnRole): boolean {
    return this.columns[role] !== undefined;
  }

  raw(role: ColumnRole): string {
    const c = this.columns[role];
    return c === undefined ? "" : (this.line.cells[c] ?? "");
  }

  fail(message: string): undefined {
    this.ok = false;
    this.problems.push({ row: this.row, party: this.party, message });
    return undefined;
  }

  text(role: ColumnRole): string | undefined {
    const value = this.raw(role);
    return value === "" ? this.fail(`${ROLE_LABEL[role]} saknas.`) : value;
  }

  /**
   * A count (deaths, registrations, days): a whole number of 0 or more. Spaces as thousands separators
   * ("1 234"), a decimal comma ("12,0") and a Unicode minus are read as Swedish Excel writes them.
   */
  count(role: ColumnRole): number | undefined {
    const label = ROLE_LABEL[role];
    const raw = this.raw(role);
    if (raw === "") return this.fail(Problem.blankInUsedRow(label));
    const text = raw.replace(/[\s\u00a0\u202f]/g, "").replace(/^\u2212/, "-");
    if (!/^[+-]?\d+([.,]\d+)?$/.test(text)) return this.fail(Problem.notANumber(label, raw));
    const value = Number(text.replace(",", "."));
    if (value < 0) return this.fail(Problem.negative(label, raw));
    if (!Number.isInteger(value) || !Number.isSafeInteger(value)) return this.fail(Problem.notWholeCount(label, raw));
    return value;
  }

  yesNo(role: ColumnRole): boolean | undefined {
    const raw = this.raw(role);
    const value = raw.toLocaleLowerCase("sv");
    if (raw === "") return this.fail(`${ROLE_LABEL[role]} saknas. Skriv ja eller nej.`);
    if (YES.has(value)) return true;
    if (NO.has(value)) return false;
    return this.fail(`${ROLE_LABEL[role]} (${raw}) ska vara ja eller nej.`);
  }

  /** A month as "YYYY-MM"; "2018-3", "2018/03" and "2018-03-01" (a month Excel turned into a date) are read too. */
  month(): string | undefined {
    const raw = this.raw("month");
    if (raw === "") return this.fail("månad saknas. Skriv den som ÅÅÅÅ-MM, t.ex. 2018-03.");
    const match = /^(\d{4})[-/](\d{1,2})([-/]0?1)?$/.exec(raw);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
      return this.fail(`månaden (${raw}) ska skrivas ÅÅÅÅ-MM, t.ex. 2018-03.`);
    }
    return `${match[1]}-${match[2].padStart(2, "0")}`;
  }

  care(): CareKind | undefined {
    const raw = this.raw("care");
    const value = raw.toLocaleLowerCase("sv");
    if (["somatisk", "somatik", "somatiska", "s"].includes(value)) return "somatisk";
    if (["psykiatri", "psykiatrisk", "psykiatriska", "psyk", "p"].includes(value)) return "psykiatri";
    return this.fail(
      raw === ""
        ? "vårdform saknas. Skriv somatisk eller psykiatri."
        : `vårdform (${raw}) ska vara somatisk eller psykiatri.`
    );
  }
}
