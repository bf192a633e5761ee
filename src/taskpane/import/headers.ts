/**
 * Reads an import's header row: which column holds what, whatever words the registry export or the
 * user chose ("Kommunkod", "Antal dödsfall", "Alla relevanta enheter startat", "Vårdform", …), and which
 * kind of file it is. The English headers of the bundled CSV files (data/demo) are understood too.
 */
import { Label, shownText } from "../../input";
import { ImportProblem } from "./problems";

/** The three registry imports of the task pane. */
export type ImportKind = "palliativ" | "senior-alert" | "utskrivningsklara";

/** What a column holds. */
export type ColumnRole =
  | "partyKind"
  | "code"
  | "name"
  | "party"
  | "deaths"
  | "registrations"
  | "started"
  | "month"
  | "individual"
  | "care"
  | "daysReported"
  | "daysAfter";

/** Each role as the user reads it, for messages. */
export const ROLE_LABEL: Readonly<Record<ColumnRole, string>> = {
  partyKind: "typ (kommun eller landsting)",
  code: "kod",
  name: Label.name,
  party: "kommun/landsting",
  deaths: Label.deaths,
  registrations: Label.registrations,
  started: Label.started,
  month: "månad",
  individual: Label.individual,
  care: Label.care,
  daysReported: Label.daysReported,
  daysAfter: Label.daysAfter,
};

/** The kinds as the user reads them. */
export const KIND_LABEL: Readonly<Record<ImportKind, string>> = {
  palliativ: "Palliativregistret (dödsfall och registreringar)",
  "senior-alert": "Senior alert (start och registreringar)",
  utskrivningsklara: "Utskrivningsklara dagar (kommun, månad, individ, dagar)",
};

/** Lower case, å/ä → a, ö → o, anything but letters and digits → one space. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Headers taken as they are (after normalizeHeader). */
const EXACT: Readonly<Record<string, ColumnRole>> = {
  typ: "partyKind",
  kind: "partyKind",
  parttyp: "partyKind",
  huvudman: "partyKind",
  "kommun eller landsting": "partyKind",
  kod: "code",
  code: "code",
  kommunkod: "code",
  lanskod: "code",
  landstingskod: "code",
  partkod: "code",
  kommunnummer: "code",
  kommunnr: "code",
  namn: "name",
  name: "name",
  kommunnamn: "name",
  lansnamn: "name",
  landstingsnamn: "name",
  kommun: "party",
  landsting: "party",
  lan: "party",
  region: "party",
  part: "party",
  municipality: "party",
  "kommun landsting": "party",
  "kommun region": "party",
  dodsfall: "deaths",
  deaths: "deaths",
  avlidna: "deaths",
  registreringar: "registrations",
  registrations: "registrations",
  startat: "started",
  start: "started",
  started: "started",
  "all units started": "started",
  manad: "month",
  month: "month",
  period: "month",
  individ: "individual",
  individual: "individual",
  id: "individual",
  person: "individual",
  patient: "individual",
  lopnummer: "individual",
  lopnr: "individual",
  vardform: "care",
  care: "care",
  vard: "care",
  "somatisk psykiatri": "care",
  "somatik psykiatri": "care",
  dagar: "daysReported",
  days: "daysReported",
  "days reported": "daysReported",
  "days after analysis": "daysAfter",
};

/** Key words for longer headers ("Antal registrerade dödsfall", "Utskrivningsklara dagar efter analys"), first match wins. */
const KEYWORDS: readonly (readonly [RegExp, ColumnRole])[] = [
  [/registr/, "registrations"],
  [/dodsfall|avlidna|deaths/, "deaths"],
  [/start/, "started"],
  [/efter|analys|omrakn|after/, "daysAfter"],
  [/dag|days/, "daysReported"],
  [/manad|month/, "month"],
  [/individ|person|patient/, "individual"],
  [/vard|somati|psykiatri|care/, "care"],
  [/kod|code|nummer/, "code"],
  [/namn|name/, "name"],
  [/typ|kind/, "partyKind"],
  [/kommun|landsting|region|\blan\b|municipality/, "party"],
];

/**
 * A header that says its column is a share or a rate ("Andel registrerade (%)", "Registreringsgrad",
 * "Procent startat"): never a count, whatever else the header says.
 */
export function isShareHeader(header: string): boolean {
  return /%/.test(header) || /\b(andel|andelar|procent|percent|share)\b|grad\b/.test(normalizeHeader(header));
}

/** The role of one header, or undefined for a column the import does not use (a comment, a sum, a share). */
export function headerRole(header: string): ColumnRole | undefined {
  const h = normalizeHeader(header);
  if (h === "" || isShareHeader(header)) return undefined;
  if (EXACT[h]) return EXACT[h];
  return KEYWORDS.find(([pattern]) => pattern.test(h))?.[1];
}

/** The column index of each role found in the header. */
export type ColumnMap = Readonly<Partial<Record<ColumnRole, number>>>;

/** The columns of each kind: `identity` is one of code, name or party. */
const REQUIRED: Readonly<Record<ImportKind, readonly ColumnRole[]>> = {
  palliativ: ["deaths", "registrations"],
  "senior-alert": ["started", "registrations"],
  utskrivningsklara: ["month", "individual"],
};

/** A column of the file that the import does not read, and why. */
export interface IgnoredColumn {
  readonly header: string;
  /** "share": a share or percentage, never a count; "unknown": a header the import does not know. */
  readonly reason: "share" | "unknown";
}

/**
 * Maps each header to its role; two columns with the same role are a problem (which one did the user
 * mean?). Columns with no role (a comment, a share in per cent) are returned as ignored, not as problems.
 */
export function mapHeaders(
  header: readonly string[],
  headerRow: number
): { columns: ColumnMap; problems: ImportProblem[]; ignored: IgnoredColumn[] } {
  const columns: Partial<Record<ColumnRole, number>> = {};
  const problems: ImportProblem[] = [];
  const ignored: IgnoredColumn[] = [];
  header.forEach((text, i) => {
    const role = headerRole(text);
    if (role === undefined) {
      if (text.trim() !== "") ignored.push({ header: text.trim(), reason: isShareHeader(text) ? "share" : "unknown" });
      return;
    }
    const first = columns[role];
    if (first !== undefined) {
      problems.push({
        row: headerRow,
        message: `kolumnerna "${shownText(header[first])}" och "${shownText(text)}" betyder båda ${ROLE_LABEL[role]}. Ta bort eller byt namn på den ena.`,
      });
      return;
    }
    columns[role] = i;
  });
  return { columns, problems, ignored };
}

/** A note for the preview naming the columns the import does not read. */
export function ignoredColumnsNote(ignored: readonly IgnoredColumn[]): string | undefined {
  if (ignored.length === 0) return undefined;
  const why = { share: "en andel, inte ett antal", unknown: "okänd rubrik" } as const;
  const list = ignored.map((c) => `"${shownText(c.header)}" (${why[c.reason]})`).join(", ");
  return `${ignored.length === 1 ? "Kolumnen" : "Kolumnerna"} ${list} läses inte.`;
}

/**
 * The kind of file from its columns: days mean discharge days, deaths the
 * palliative registry, "startat" Senior alert. Undefined when the columns fit none or several.
 */
export function detectKind(columns: ColumnMap): ImportKind | undefined {
  const has = (role: ColumnRole) => columns[role] !== undefined;
  const candidates: ImportKind[] = [];
  if (has("daysReported") || has("daysAfter")) candidates.push("utskrivningsklara");
  if (has("deaths")) candidates.push("palliativ");
  if (has("started")) candidates.push("senior-alert");
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The header row as a message shows it: its cells, each cut, or "(tom)". */
export function headerText(header: readonly string[]): string {
  return shownText(
    header
      .filter((h) => h !== "")
      .map(shownText)
      .join(", ") || "(tom)"
  );
}

/** The problems of a header that lacks what `kind` needs; none when it has everything. */
export function missingColumns(
  kind: ImportKind,
  columns: ColumnMap,
  header: readonly string[],
  headerRow: number
): ImportProblem[] {
  const missing: string[] = [];
  if (columns.code === undefined && columns.name === undefined && columns.party === undefined) {
    missing.push(kind === "utskrivningsklara" ? "kommun (kod eller namn)" : "kod eller namn");
  }
  for (const role of REQUIRED[kind]) if (columns[role] === undefined) missing.push(ROLE_LABEL[role]);
  if (kind === "utskrivningsklara" && columns.daysReported === undefined && columns.daysAfter === undefined) {
    missing.push("dagar");
  }
  if (missing.length === 0) return [];
  return [
    {
      row: headerRow,
      message:
        `rubrikraden saknar ${missing.length === 1 ? "kolumnen" : "kolumnerna"} ${missing.join(", ")} för ${KIND_LABEL[kind]}. ` +
        `Rubrikraden är: ${headerText(header)}.`,
    },
  ];
}
