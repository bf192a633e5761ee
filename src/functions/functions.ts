/*
 * The add-in's Excel custom functions (namespace SKL). Each is a thin adapter: the argument reader turns
 * cells into engine inputs, the engine computes the table once, and the answer is read from that result.
 * The JSDoc below is the source of functions.json (CustomFunctionsMetadataPlugin); the ids never change.
 */
import { PartyCode } from "../engine/codes";
import { countyGrant as countyGrantRule } from "../engine/countyGrant";
import { dischargeSettlement as dischargeRule } from "../engine/discharge";
import { palliativeShares } from "../engine/palliative";
import { seniorAlertPayout as seniorAlertRule } from "../engine/seniorAlert";
import { AmountTable, Answer, answerFor } from "./answer";
import { columnOf, isBlank, readNumber, readOptionalParameter, readParameter, readPartyTable } from "./args";
import { TableCache } from "./cache";
import { excelErrorFrom } from "./excelError";

const palliativeTables = new TableCache<AmountTable>();
const seniorAlertTables = new TableCache<AmountTable>();
const countyTables = new TableCache<AmountTable>();

/** Forgets every remembered table (for benchmarks and tests that measure a first computation). */
export function forgetComputedTables(): void {
  for (const cache of [palliativeTables, seniorAlertTables, countyTables]) cache.clear();
}

/** The amounts of a computed table, from the engine's lines (one per used row, in row order). */
function amountTable<L extends { code: PartyCode; row: number }>(
  rowCount: number,
  lines: readonly L[],
  amount: (line: L) => number
): AmountTable {
  const keys = new Array<string>(lines.length);
  const rows = new Array<number>(lines.length);
  const amounts = new Array<number>(lines.length);
  lines.forEach((line, i) => {
    keys[i] = line.code.key;
    rows[i] = line.row;
    amounts[i] = amount(line);
  });
  return new AmountTable(rowCount, keys, rows, amounts);
}

/** Runs an adapter body; an engine error becomes the Excel error (#VALUE! or #N/A) with its message. */
function excel<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw excelErrorFrom(error);
  }
}

/**
 * One tier of the palliative registry payout: parties whose registrations/deaths reach the threshold share the pot in proportion to population (largest remainder, ties by code).
 * @customfunction PALLIATIVE_SHARE
 * @helpurl https://localhost:3000/help/en/palliative-share.html
 * @param party The party's code, or the whole code column to get a spilled column of amounts.
 * @param parties Code column of all parties in the same pot (municipality codes such as "0114" or county codes).
 * @param registrations Registrations in the palliative registry in the measurement period, one per party.
 * @param deaths Deaths in the measurement period, one per party.
 * @param population Population of each party; qualifying parties share in proportion to it.
 * @param pot The money in this tier and pot, in kronor (e.g. 40000000).
 * @param threshold The qualifying registration rate as a share: 0.4 for 40 %.
 * @param [rounding] Rounding step in kronor (default 1; 1000 pays whole thousands).
 * @returns The amount in kronor (a column when party is a column).
 */
export function palliativeShare(
  party: any[][],
  parties: any[][],
  registrations: any[][],
  deaths: any[][],
  population: any[][],
  pot: number,
  threshold: number,
  rounding?: number
): any[][];
export function palliativeShare(
  party: string | number | null,
  parties: any[][],
  registrations: any[][],
  deaths: any[][],
  population: any[][],
  pot: number,
  threshold: number,
  rounding?: number
): number | string;
export function palliativeShare(
  party: unknown,
  parties: any[][],
  registrations: any[][],
  deaths: any[][],
  population: any[][],
  pot: number,
  threshold: number,
  rounding?: number
): Answer {
  return excel(() => {
    const amounts = palliativeTables.get([pot, threshold, rounding, parties, registrations, deaths, population], () => {
      const table = readPartyTable(parties, [
        { what: "registreringar", cells: registrations, kind: "number" },
        { what: "dödsfall", cells: deaths, kind: "number" },
        { what: "befolkning", cells: population, kind: "number" },
      ]);
      const result = palliativeShares(
        table.codes.map((code, i) => ({
          code,
          row: table.rows[i],
          registrations: table.columns[0][i] as number,
          deaths: table.columns[1][i] as number,
          population: table.columns[2][i] as number,
        })),
        {
          pot: readParameter(pot, "potten"),
          threshold: readParameter(threshold, "tröskeln"),
          step: readOptionalParameter(rounding, "avrundningssteget", 1),
        }
      );
      return amountTable(table.rowCount, result.lines, (line) => line.share.amountNumber);
    });
    return answerFor(party, parties, amounts);
  });
}

/**
 * Senior alert payout: the pot is paid per registration to the parties where all relevant units have started registration.
 * @customfunction SENIOR_ALERT_PAYOUT
 * @helpurl https://localhost:3000/help/en/senior-alert-payout.html
 * @param party The party's code, or the whole code column to get a spilled column of amounts.
 * @param parties Code column of all parties in the same pot.
 * @param qualifies TRUE when all the party's relevant units have started registration (1/0 also accepted).
 * @param registrations Registrations made in the party's relevant units.
 * @param pot The money in this pot, in kronor (e.g. 50000000).
 * @param [rounding] Rounding step in kronor (default 1).
 * @returns The amount in kronor (a column when party is a column).
 */
export function seniorAlertPayout(
  party: any[][],
  parties: any[][],
  qualifies: any[][],
  registrations: any[][],
  pot: number,
  rounding?: number
): any[][];
export function seniorAlertPayout(
  party: string | number | null,
  parties: any[][],
  qualifies: any[][],
  registrations: any[][],
  pot: number,
  rounding?: number
): number | string;
export function seniorAlertPayout(
  party: unknown,
  parties: any[][],
  qualifies: any[][],
  registrations: any[][],
  pot: number,
  rounding?: number
): Answer {
  return excel(() => {
    const amounts = seniorAlertTables.get([pot, rounding, parties, qualifies, registrations], () => {
      const table = readPartyTable(parties, [
        { what: "kvalificerad", cells: qualifies, kind: "yesNo" },
        { what: "registreringar", cells: registrations, kind: "number" },
      ]);
      const result = seniorAlertRule(
        table.codes.map((code, i) => ({
          code,
          row: table.rows[i],
          qualifies: table.columns[0][i] as boolean,
          registrations: table.columns[1][i] as number,
        })),
        { pot: readParameter(pot, "potten"), step: readOptionalParameter(rounding, "avrundningssteget", 1) }
      );
      return amountTable(table.rowCount, result.lines, (line) => line.share.amountNumber);
    });
    return answerFor(party, parties, amounts);
  });
}

/**
 * County grant for joint development leaders: every county gets the base, the rest is shared by weight (e.g. number of municipalities).
 * @customfunction COUNTY_GRANT
 * @helpurl https://localhost:3000/help/en/county-grant.html
 * @param county The county's code, or the whole code column to get a spilled column of amounts.
 * @param counties Code column of all counties (e.g. "01" … "25").
 * @param weights Weight of each county for the rest, e.g. its number of municipalities.
 * @param total The whole grant in kronor (e.g. 66000000).
 * @param base The amount every county gets first, in kronor (e.g. 2000000).
 * @param [rounding] Rounding step in kronor for the rest (default 1; 500000 for half millions).
 * @returns The county's grant in kronor (a column when county is a column).
 */
export function countyGrant(
  county: any[][],
  counties: any[][],
  weights: any[][],
  total: number,
  base: number,
  rounding?: number
): any[][];
export function countyGrant(
  county: string | number | null,
  counties: any[][],
  weights: any[][],
  total: number,
  base: number,
  rounding?: number
): number | string;
export function countyGrant(
  county: unknown,
  counties: any[][],
  weights: any[][],
  total: number,
  base: number,
  rounding?: number
): Answer {
  return excel(() => {
    const amounts = countyTables.get([total, base, rounding, counties, weights], () => {
      const table = readPartyTable(counties, [{ what: "vikter", cells: weights, kind: "number" }]);
      const result = countyGrantRule(
        table.codes.map((code, i) => ({ code, row: table.rows[i], weight: table.columns[0][i] as number })),
        {
          total: readParameter(total, "totalen"),
          base: readParameter(base, "grundbeloppet"),
          step: readOptionalParameter(rounding, "avrundningssteget", 1),
        }
      );
      return amountTable(table.rowCount, result.lines, (line) => line.totalNumber);
    });
    return answerFor(county, counties, amounts);
  });
}

/**
 * Kalmar discharge settlement for one municipality-month: when the average discharge-ready days exceed the average limit, every day above the day limit is billed per individual.
 * @customfunction DISCHARGE_SETTLEMENT
 * @helpurl https://localhost:3000/help/en/discharge-settlement.html
 * @param days Discharge-ready days of each individual in the municipality and month, one cell per individual: a 0 counts as an individual with 0 days (and lowers the average); blank cells (empty or "") are skipped. Desktop Excel passes an empty cell as 0, so let the range cover only the individuals.
 * @param pricePerDay Price per billed day in kronor.
 * @param [dayLimit] Days per individual that are not billed (default 3; psychiatry 20).
 * @param [averageLimit] The monthly average must be strictly above this for billing (default 3; psychiatry 0).
 * @returns The amount to bill in kronor.
 */
export function dischargeSettlement(
  days: any[][],
  pricePerDay: number,
  dayLimit?: number,
  averageLimit?: number
): number {
  return excel(() => {
    const individuals = columnOf(days, "dagar")
      .map((cell, i) => ({ cell, row: i + 1 }))
      .filter(({ cell }) => !isBlank(cell))
      .map(({ cell, row }) => ({ row, days: readNumber(cell, "utskrivningsklara dagar", { row }) }));
    const result = dischargeRule(individuals, {
      pricePerDay: readParameter(pricePerDay, "priset per dag"),
      dayLimit: readOptionalParameter(dayLimit, "dagsgränsen", 3),
      averageLimit: readOptionalParameter(averageLimit, "snittgränsen", 3),
    });
    return result.amount.toNumber();
  });
}
