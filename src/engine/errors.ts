/**
 * Typed errors of the engine. Every message is Swedish (staff read them in Excel), says what is
 * wrong, where, and what to do. The messages live here, in one place, as HyperFormula keeps its own.
 */

/** How a face should show the error: Excel's #VALUE! (bad input) or #N/A (party not in the list). */
export type ErrorKind = "invalidValue" | "notAvailable";

/** Where in the input the problem is: a 1-based row of the ranges, and the party if known. */
export interface ErrorPlace {
  readonly row?: number;
  readonly party?: string;
  readonly name?: string;
}

export class RuleError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly problem: string,
    readonly place: ErrorPlace = {}
  ) {
    super(placeText(place) + problem);
    this.name = "RuleError";
  }
}

function placeText({ row, party, name }: ErrorPlace): string {
  const who = [party, name].filter(Boolean).join(" ");
  if (row !== undefined) return who ? `Rad ${row} (${who}): ` : `Rad ${row}: `;
  return who ? `${who}: ` : "";
}

/** The problems, phrased once. */
export const Problem = {
  dischargeOutsideCounty: (municipality: string, county: string) =>
    `kommunen ${municipality} ligger inte i Kalmar län (${county}): regleringen gäller Kalmar läns kommuner (seed 003).`,
  dischargeOutsideYear: (month: string, year: string) =>
    `månaden ${month} ligger inte i ${year}: regleringen gäller ${year} (seed 003).`,
  registrationsExceedDeaths: (registrations: string, deaths: string) =>
    `registreringar (${registrations}) är fler än dödsfall (${deaths}). Kontrollera registerutdraget.`,
  notWholeCount: (what: string, value: string) => `${what} (${value}) måste vara ett helt tal som är 0 eller större.`,
  negative: (what: string, value: string) => `${what} (${value}) får inte vara negativt.`,
  notANumber: (what: string, value: string) =>
    `${what} måste vara ett tal, men cellen innehåller ${value}. Skriv ett tal eller töm hela raden.`,
  blankInUsedRow: (what: string) => `${what} saknas. Fyll i ett tal (0 om det inte finns några) eller töm hela raden.`,
  codeMissing: () => "partkod saknas men raden har värden. Fyll i koden eller töm raden.",
  duplicateCode: (code: string, firstRow: number) =>
    `koden ${code} finns redan på rad ${firstRow}. Varje part får bara förekomma en gång.`,
  thresholdOutOfRange: (value: string) => `tröskeln (${value}) ska vara en andel mellan 0 och 1, t.ex. 0,4 för 40 %.`,
  stepNotPositive: (value: string) =>
    `avrundningssteget (${value}) måste vara större än 0, t.ex. 1 för hela kronor eller 1000 för tusental.`,
  notYesNo: (value: string) => `kvalificerad ska vara SANT eller FALSKT (1 eller 0), inte ${value}.`,
  lengthsDiffer: (what: string, rows: number, expected: number) =>
    `kolumnen ${what} har ${rows} rader men kodkolumnen har ${expected}. Alla kolumner ska vara lika långa.`,
  totalBelowBase: (total: string, counties: number, base: string) =>
    `totalen (${total}) räcker inte till grundbeloppet ${base} för ${counties} län. Höj totalen eller sänk grundbeloppet.`,
  partyNotFound: (code: string) => `koden ${code} finns inte i kodkolumnen.`,
  notOneColumn: (what: string) => `${what} ska vara en kolumn (ett område med en enda kolumn).`,
  parameterMissing: (what: string) => `${what} saknas. Skriv ett tal eller hänvisa till en cell med ett tal.`,
  parameterNotANumber: (what: string, value: string) => `${what} måste vara ett tal, men cellen innehåller ${value}.`,
  parameterNotOneCell: (what: string, cells: number) =>
    `${what} ska vara ett enda tal, men området har ${cells} celler. Hänvisa till en enda cell.`,
} as const;
