/**
 * The reference lists an import is matched against, read from the open workbook's own `Kommuner` and
 * `Landsting` tables, so that an import is checked against the lists the workbook was built from.
 */
import { County, DischargeRecord, Municipality, PalliativeReport, SeniorAlertReport } from "../../workbook/inputs";
import { ValidImport } from "./parseImport";
import { ImportReference } from "./parties";
import { cellText, HEADER, TABLE, TableValues, TableView } from "./tables";

/**
 * Reads the reference lists from the values of the workbook's `Kommuner` table (Kod, Kommun, Län,
 * Folkmängd) and `Landsting` table (Kod, Län, Antal kommuner, Folkmängd). Rows without a code are skipped.
 */
export function referenceFromTables(municipalities: TableValues, counties: TableValues): ImportReference {
  const m = new TableView(TABLE.municipalities, municipalities);
  const c = new TableView(TABLE.counties, counties);
  const number = (value: unknown) => (typeof value === "number" ? value : Number(cellText(value as string)) || 0);
  const ms: Municipality[] = [];
  for (let i = 0; i < m.rowCount; i++) {
    const code = cellText(m.get(i, HEADER.code));
    if (code === "") continue;
    ms.push({
      code: code.padStart(4, "0"),
      name: cellText(m.get(i, HEADER.municipalityName)),
      countyCode: cellText(m.get(i, HEADER.county)).padStart(2, "0"),
      population: number(m.get(i, HEADER.population)),
    });
  }
  const cs: County[] = [];
  for (let i = 0; i < c.rowCount; i++) {
    const code = cellText(c.get(i, HEADER.code));
    if (code === "") continue;
    cs.push({
      code: code.padStart(2, "0"),
      name: cellText(c.get(i, HEADER.county)),
      municipalities: number(c.get(i, HEADER.municipalityCount)),
      population: number(c.get(i, HEADER.population)),
    });
  }
  return { municipalities: ms, counties: cs };
}

/** The imported rows in the shape of `WorkbookInputs`, for building the workbook anew with them. */
export interface ImportedReports {
  readonly palliative?: PalliativeReport[];
  readonly seniorAlert?: SeniorAlertReport[];
  readonly discharge?: DischargeRecord[];
}

/**
 * The rows of a valid import as `WorkbookInputs` registry data: replace `inputs.palliative`,
 * `.seniorAlert` or `.discharge` with them and call `buildPlan` to build the workbook from the import.
 */
export function importedReports(parsed: ValidImport): ImportedReports {
  switch (parsed.kind) {
    case "palliativ":
      return {
        palliative: parsed.rows.map((r) => ({
          kind: r.party.kind,
          code: r.party.code,
          deaths: r.deaths,
          registrations: r.registrations,
        })),
      };
    case "senior-alert":
      return {
        seniorAlert: parsed.rows.map((r) => ({
          kind: r.party.kind,
          code: r.party.code,
          allUnitsStarted: r.allUnitsStarted,
          registrations: r.registrations,
        })),
      };
    case "utskrivningsklara":
      return {
        discharge: parsed.rows.map((r) => ({
          municipality: r.party.code,
          month: r.month,
          individual: r.individual,
          care: r.care,
          daysReported: r.daysReported,
          daysAfterAnalysis: r.daysAfterAnalysis,
        })),
      };
  }
}
