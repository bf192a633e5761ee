import Decimal from "decimal.js";
import { partyCode } from "../engine/codes";
import { countyGrant, CountyGrantResult } from "../engine/countyGrant";
import { dischargeSettlement, DischargeResult } from "../engine/discharge";
import { Money } from "../engine/money";
import { palliativeShares, PalliativeResult } from "../engine/palliative";
import { seniorAlertPayout, SeniorAlertResult } from "../engine/seniorAlert";
import { CareKind, DischargeRecord, PartyKind, WorkbookInputs } from "./inputs";

/** A pot split between municipalities and county councils (never shared across, seeds 001, 004). */
export interface SplitPot {
  readonly total: Decimal;
  readonly kommun: Decimal;
  readonly landsting: Decimal;
}

/** One party row of a pot table: code, name and population from the reference lists. */
export interface PotParty {
  readonly code: string;
  readonly name: string;
  readonly population: number;
}

export interface PalliativePot {
  readonly kind: PartyKind;
  readonly parties: readonly (PotParty & { deaths: number; registrations: number })[];
  readonly base: PalliativeResult;
  readonly bonus: PalliativeResult;
}

export interface SeniorAlertPot {
  readonly kind: PartyKind;
  readonly parties: readonly (PotParty & { allUnitsStarted: boolean; registrations: number })[];
  readonly result: SeniorAlertResult;
}

/** One municipality, month and kind of care: its individuals and both settlements. */
export interface DischargeGroup {
  readonly municipality: string;
  readonly month: string;
  readonly care: CareKind;
  readonly records: readonly DischargeRecord[];
  /** As reported: decides whether the joint analysis is required. */
  readonly reported: DischargeResult;
  /** After the analysis and recount: what is billed. */
  readonly settled: DischargeResult;
}

/** Everything the engine computes for a workbook: the values the plan's formulas must reproduce. */
export interface WorkbookResults {
  readonly palliativeBase: SplitPot;
  readonly palliativeBonus: SplitPot;
  readonly seniorAlertPot: SplitPot;
  readonly palliative: Readonly<Record<PartyKind, PalliativePot>>;
  readonly seniorAlert: Readonly<Record<PartyKind, SeniorAlertPot>>;
  readonly countyRule: CountyGrantResult;
  readonly regional: CountyGrantResult;
  /** Groups in the order of the sorted individual rows (municipality, month, care). */
  readonly discharge: readonly DischargeGroup[];
  /** The individual rows sorted so that each group is contiguous. */
  readonly dischargeRows: readonly DischargeRecord[];
}

/**
 * Splits a pot: the municipalities get pot × share rounded to whole kronor (half up), the county
 * councils the rest. The share is not in the seeds: it is an input (DOMAIN.md, "Parties").
 */
export function splitPot(total: number, municipalShare: number): SplitPot {
  const t = new Money(total);
  const kommun = t.times(municipalShare).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return { total: t, kommun, landsting: t.minus(kommun) };
}

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Runs every rule of the engine over the workbook's inputs. */
export function computeWorkbook(inputs: WorkbookInputs): WorkbookResults {
  const p = inputs.parameters;
  const palliativeBase = splitPot(p.palliativeBasePotKr, p.municipalShare);
  const palliativeBonus = splitPot(p.palliativeBonusPotKr, p.municipalShare);
  const seniorAlertPot = splitPot(p.seniorAlertPotKr, p.municipalShare);
  const reference = referenceParties(inputs);

  const palliativePot = (kind: PartyKind): PalliativePot => {
    const parties = inputs.palliative
      .filter((r) => r.kind === kind)
      .map((r) => ({ ...reference[kind](r.code), deaths: r.deaths, registrations: r.registrations }))
      .sort(byCode);
    const rows = parties.map((party, i) => ({
      ...party,
      code: partyCode(party.code)!,
      row: i + 1,
    }));
    const tier = (pot: Decimal, threshold: number) => palliativeShares(rows, { pot, threshold, step: p.paymentStepKr });
    return {
      kind,
      parties,
      base: tier(palliativeBase[kind], p.palliativeBaseThreshold),
      bonus: tier(palliativeBonus[kind], p.palliativeBonusThreshold),
    };
  };

  const seniorAlertPotFor = (kind: PartyKind): SeniorAlertPot => {
    const parties = inputs.seniorAlert
      .filter((r) => r.kind === kind)
      .map((r) => ({ ...reference[kind](r.code), allUnitsStarted: r.allUnitsStarted, registrations: r.registrations }))
      .sort(byCode);
    const result = seniorAlertPayout(
      parties.map((party, i) => ({
        code: partyCode(party.code)!,
        row: i + 1,
        name: party.name,
        qualifies: party.allUnitsStarted,
        registrations: party.registrations,
      })),
      { pot: seniorAlertPot[kind], step: p.paymentStepKr }
    );
    return { kind, parties, result };
  };

  const counties = [...inputs.counties].sort(byCode);
  const countyRows = (weight: (i: number) => number) =>
    counties.map((c, i) => ({ code: partyCode(c.code)!, row: i + 1, name: c.name, weight: weight(i) }));
  const countyRule = countyGrant(
    countyRows((i) => counties[i].municipalities),
    { total: p.countyGrantKr, base: p.countyGrantBaseKr, step: p.countyGrantStepKr }
  );
  // Seed 001: the 13 MSEK regional support "ca 0,6 milj. kr per län": equal parts, in whole kronor.
  const regional = countyGrant(
    countyRows(() => 1),
    { total: p.regionalSupportKr, base: 0, step: p.paymentStepKr }
  );

  const dischargeRows = sortDischarge(inputs.discharge);
  const discharge = groupDischarge(dischargeRows).map((records): DischargeGroup => {
    const { municipality, month, care } = records[0];
    const limits =
      care === "psykiatri"
        ? { dayLimit: p.psychiatryDayLimit, averageLimit: p.psychiatryAverageLimit }
        : { dayLimit: p.dischargeDayLimit, averageLimit: p.dischargeAverageLimit };
    const settle = (days: (r: DischargeRecord) => number) =>
      dischargeSettlement(
        records.map((r, i) => ({ row: i + 1, days: days(r) })),
        { pricePerDay: p.dischargePricePerDayKr, ...limits }
      );
    return {
      municipality,
      month,
      care,
      records,
      reported: settle((r) => r.daysReported),
      settled: settle((r) => r.daysAfterAnalysis),
    };
  });

  return {
    palliativeBase,
    palliativeBonus,
    seniorAlertPot,
    palliative: { kommun: palliativePot("kommun"), landsting: palliativePot("landsting") },
    seniorAlert: { kommun: seniorAlertPotFor("kommun"), landsting: seniorAlertPotFor("landsting") },
    countyRule,
    regional,
    discharge,
    dischargeRows,
  };
}

/** Looks up a party's name and population in the reference lists; an unknown code keeps its code as name. */
function referenceParties(inputs: WorkbookInputs): Record<PartyKind, (code: string) => PotParty> {
  const municipalities = new Map(inputs.municipalities.map((m) => [m.code, m]));
  const counties = new Map(inputs.counties.map((c) => [c.code, c]));
  return {
    kommun: (code) => {
      const m = municipalities.get(code);
      return { code, name: m?.name ?? "", population: m?.population ?? 0 };
    },
    landsting: (code) => {
      const c = counties.get(code);
      return { code, name: c?.name ?? "", population: c?.population ?? 0 };
    },
  };
}

const CARE_ORDER: Record<CareKind, number> = { somatisk: 0, psykiatri: 1 };

/**
 * The order of the individual discharge rows in the workbook: municipality, month, care, individual, so
 * that each municipality-month-care is one contiguous run of rows (the settlement sums those runs).
 */
export function compareDischargeRows(
  a: Pick<DischargeRecord, "municipality" | "month" | "care" | "individual">,
  b: Pick<DischargeRecord, "municipality" | "month" | "care" | "individual">
): number {
  return (
    a.municipality.localeCompare(b.municipality) ||
    a.month.localeCompare(b.month) ||
    CARE_ORDER[a.care] - CARE_ORDER[b.care] ||
    a.individual.localeCompare(b.individual, "sv", { numeric: true })
  );
}

function sortDischarge(rows: readonly DischargeRecord[]): DischargeRecord[] {
  return [...rows].sort(compareDischargeRows);
}

function groupDischarge(sorted: readonly DischargeRecord[]): DischargeRecord[][] {
  const groups: DischargeRecord[][] = [];
  for (const row of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[0].municipality === row.municipality && last[0].month === row.month && last[0].care === row.care) {
      last.push(row);
    } else {
      groups.push([row]);
    }
  }
  return groups;
}
