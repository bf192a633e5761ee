/**
 * The reference lists an import is matched against, read from the open workbook's own `Kommuner` and
 * `Landsting` tables, so that an import is checked against the lists the workbook was built from.
 */
import { Municipality } from "../../workbook/inputs";
import { Label, readCode, readCount, Refused } from "../../input";
import { CellValue } from "../../workbook/plan";
import { ImportReference } from "./parties";
import { cellText, HEADER, TABLE, TableValues, TableView } from "./tables";

/** A code of the reference tables, its dropped leading zeros restored; "" for a row without a code. */
function codeIn(value: CellValue, digits: number): string {
  const code = readCode(value, Label.code, digits, "");
  return code instanceof Refused ? cellText(value) : code;
}

/** A count of the reference tables (population, number of municipalities), read as every face reads a count. */
function countIn(value: CellValue): number {
  const count = readCount(value, Label.population);
  return count instanceof Refused ? 0 : count;
}

/** The data rows of a table that have a code, each read by `read`. */
function rowsWithCode<T>(view: TableView, read: (row: number) => T): T[] {
  const rows: T[] = [];
  for (let i = 0; i < view.rowCount; i++) if (cellText(view.get(i, HEADER.code)) !== "") rows.push(read(i));
  return rows;
}

/**
 * Reads the reference lists from the values of the workbook's `Kommuner` table (Kod, Kommun, Län,
 * Folkmängd) and `Landsting` table (Kod, Län, Antal kommuner, Folkmängd). Rows without a code are skipped;
 * the only use of the lists is to match an import's parties, so a figure that is not a count reads as 0.
 */
export function referenceFromTables(municipalities: TableValues, counties: TableValues): ImportReference {
  const m = new TableView(TABLE.municipalities, municipalities);
  const c = new TableView(TABLE.counties, counties);
  return {
    municipalities: rowsWithCode(m, (i): Municipality => ({
      code: codeIn(m.get(i, HEADER.code), 4),
      name: cellText(m.get(i, HEADER.municipalityName)),
      countyCode: codeIn(m.get(i, HEADER.county), 2),
      population: countIn(m.get(i, HEADER.population)),
    })),
    counties: rowsWithCode(c, (i) => ({
      code: codeIn(c.get(i, HEADER.code), 2),
      name: cellText(c.get(i, HEADER.county)),
      municipalities: countIn(c.get(i, HEADER.municipalityCount)),
      population: countIn(c.get(i, HEADER.population)),
    })),
  };
}
