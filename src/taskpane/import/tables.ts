/**
 * The workbook's tables as the task pane reads them: table names, column headers, and a small view over
 * a table's values (header row + data rows, as `table.getRange().values` returns them). The names and
 * headers are those the sheet builders in `src/workbook/sheets/` write; a test checks them against the plan.
 */
import { CellValue } from "../../workbook/plan";

/** A table's values: the header row first, then one array per data row. */
export type TableValues = readonly (readonly CellValue[])[];

/** Table names (Excel ListObjects). Part of the workbook's interface: they never change once released. */
export const TABLE = {
  palliativeKommun: "Palliativ_kommun",
  palliativeLandsting: "Palliativ_landsting",
  seniorAlertKommun: "SeniorAlert_kommun",
  seniorAlertLandsting: "SeniorAlert_landsting",
  countyGrant: "Lansbidrag",
  dischargeSettlement: "UK_avrakning",
  dischargeIndividuals: "UK_individer",
  dischargeCounty: "UK_lanet",
  municipalities: "Kommuner",
  counties: "Landsting",
} as const;

/** Column headers, as the sheet builders write them. */
export const HEADER = {
  code: "Kod",
  name: "Namn",
  population: "Folkmängd",
  deaths: "Dödsfall",
  registrations: "Registreringar",
  rate: "Registreringsgrad",
  codeNumber: "Kodnummer",
  rowsWithCode: "Rader med koden",
  palliativeTotal: "Summa (kr)",
  started: "Alla relevanta enheter startat",
  county: "Län",
  municipalityCount: "Antal kommuner",
  published: "Publicerat (kr)",
  publishedDiff: "Publicerat − regel (kr)",
  adjustment: "Justering (kr)",
  final: "Slutligt bidrag (kr)",
  regionalWeight: "Regionalt: vikt (indata)",
  total79: "66 + 13: summa (kr)",
  published79: "Publicerat 66 + 13 (kr)",
  published79Diff: "Publicerat 66 + 13 − summa (kr)",
  municipality: "Kommun",
  month: "Månad",
  monthNumber: "Månadsnr",
  individual: "Individ",
  care: "Vårdform",
  daysReported: "Dagar rapporterade",
  daysAfter: "Dagar efter analys",
  daysOver: "Dagar över gränsen",
  afterCheck: "Efter analys ≤ rapporterat",
  individuals: "Individer",
  averageReported: "Snitt rapporterat",
  dayLimit: "Dagsgräns",
  averageLimit: "Snittgräns",
  analysisRequired: "Analys krävs",
  averageAfter: "Snitt efter analys",
  billed: "Debiteras",
  billableDays: "Debiterbara dagar",
  dischargeAmount: "Belopp (kr)",
  dischargeEngine: "Motor (kr)",
  dischargeAddin: "SKL-funktion (kr)",
  dischargeDiff: "Skillnad",
  municipalityName: "Kommun",
} as const;

/** The allocation labels that prefix the twin columns ("Nivå 1: belopp"). */
export const ALLOCATION_LABEL = {
  base: "Nivå 1",
  bonus: "Nivå 2",
  seniorAlert: "Senior alert",
  countyRule: "Regel",
  regional: "Regionalt",
} as const;

/** The parts of an allocation's twin columns, after "label: " (allocationColumns.ts, `twinColumns`). */
export const TWIN_PART = {
  qualified: "kvalificerad",
  weight: "vikt",
  floor: "golv (steg)",
  rest: "rest",
  extra: "extra steg",
  amount: "belopp",
  countyAmount: "bidrag (kr)",
  engine: "motor",
  addin: "SKL-funktion",
  diff: "skillnad",
} as const;

/** A read-only view over a table's values, by header. */
export class TableView {
  private readonly index: ReadonlyMap<string, number>;

  constructor(
    readonly name: string,
    private readonly values: TableValues
  ) {
    const header = values[0] ?? [];
    const index = new Map<string, number>();
    header.forEach((h, i) => {
      const key = String(h ?? "").trim();
      if (key !== "" && !index.has(key)) index.set(key, i);
    });
    this.index = index;
  }

  /** The header row as text. */
  get headers(): string[] {
    return (this.values[0] ?? []).map((h) => String(h ?? "").trim());
  }

  /** Number of data rows. */
  get rowCount(): number {
    return Math.max(0, this.values.length - 1);
  }

  has(header: string): boolean {
    return this.index.has(header);
  }

  /** The 0-based column index of a header, or -1. */
  columnIndex(header: string): number {
    return this.index.get(header) ?? -1;
  }

  /** The value of data row `row` (0-based) in column `header`; null when the column or row is missing. */
  get(row: number, header: string): CellValue {
    const c = this.index.get(header);
    if (c === undefined) return null;
    const line = this.values[row + 1];
    return line === undefined ? null : (line[c] ?? null);
  }

  /** The headers of `wanted` that the table lacks. */
  missing(wanted: readonly string[]): string[] {
    return wanted.filter((h) => !this.index.has(h));
  }
}

/** A cell value as trimmed text ("" for blank). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}
