import Decimal from "decimal.js";
import { partyCode } from "../engine/codes";
import {
  countyGrant,
  countyGrantPaid,
  CountyGrantResult,
  DEFAULT_PAYMENT_BASIS,
  PaymentBasis,
  REGIONAL_EQUAL_WEIGHT,
  regionalSupport,
} from "../engine/countyGrant";
import { DischargeGroup, DischargeRules, settleDischargeGroups } from "../engine/discharge";
import { palliativeShares, PalliativeResult } from "../engine/palliative";
import { SplitPot, splitPot } from "../engine/pots";
import { seniorAlertPayout, SeniorAlertResult } from "../engine/seniorAlert";
import { DischargeRecord, PartyKind, WorkbookInputs, YearParameters } from "./inputs";

export type { SplitPot } from "../engine/pots";

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

/** Everything the engine computes for a workbook: the values the plan's formulas must reproduce. */
export interface WorkbookResults {
  readonly palliativeBase: SplitPot;
  readonly palliativeBonus: SplitPot;
  readonly seniorAlertPot: SplitPot;
  readonly palliative: Readonly<Record<PartyKind, PalliativePot>>;
  readonly seniorAlert: Readonly<Record<PartyKind, SeniorAlertPot>>;
  readonly countyRule: CountyGrantResult;
  readonly regional: CountyGrantResult;
  /**
   * The county grant as paid, per county in the county table's order (by code): on the basis the file is
   * written with, with no adjustments yet; and what of the total is not distributed.
   */
  readonly countyPayment: {
    readonly basis: PaymentBasis;
    readonly adjustments: readonly number[];
    readonly paid: readonly Decimal[];
    readonly undistributed: Decimal;
  };
  /** The groups (municipality, month, care) in the engine's order, each settled as reported and after analysis. */
  readonly discharge: readonly DischargeGroup<DischargeRecord>[];
  /** The individual rows in the groups' order. */
  readonly dischargeRows: readonly DischargeRecord[];
}

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The discharge rules as a year's parameters give them. */
export function dischargeRules(p: YearParameters): DischargeRules {
  return {
    pricePerDay: p.dischargePricePerDayKr,
    somatic: { dayLimit: p.dischargeDayLimit, averageLimit: p.dischargeAverageLimit },
    psychiatry: { dayLimit: p.psychiatryDayLimit, averageLimit: p.psychiatryAverageLimit },
  };
}

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
    const rows = parties.map((party, i) => ({ ...party, code: partyCode(party.code)!, row: i + 1 }));
    const tier = (pot: SplitPot, threshold: number) =>
      palliativeShares(rows, { pot: pot[kind], threshold, step: p.paymentStepKr });
    return {
      kind,
      parties,
      base: tier(palliativeBase, p.palliativeBaseThreshold),
      bonus: tier(palliativeBonus, p.palliativeBonusThreshold),
    };
  };

  const seniorAlertPotFor = (kind: PartyKind): SeniorAlertPot => {
    const parties = inputs.seniorAlert
      .filter((r) => r.kind === kind)
      .map((r) => ({ ...reference[kind](r.code), allUnitsStarted: r.allUnitsStarted, registrations: r.registrations }))
      .sort(byCode);
    const rows = parties.map((party, i) => ({
      code: partyCode(party.code)!,
      row: i + 1,
      name: party.name,
      qualifies: party.allUnitsStarted,
      registrations: party.registrations,
    }));
    return { kind, parties, result: seniorAlertPayout(rows, { pot: seniorAlertPot[kind], step: p.paymentStepKr }) };
  };

  const counties = [...inputs.counties].sort(byCode);
  const countyRows = (weight: (i: number) => number) =>
    counties.map((c, i) => ({ code: partyCode(c.code)!, row: i + 1, name: c.name, weight: weight(i) }));
  const discharge = settleDischargeGroups(inputs.discharge, dischargeRules(p));
  const countyRule = countyGrant(
    countyRows((i) => counties[i].municipalities),
    { total: p.countyGrantKr, base: p.countyGrantBaseKr, step: p.countyGrantStepKr }
  );
  const published = new Map(inputs.publishedCountyGrant.map((g) => [g.code, g.publishedKr]));
  const adjustments = counties.map(() => 0);
  const payment = countyGrantPaid(
    DEFAULT_PAYMENT_BASIS,
    counties.map((c, i) => ({
      rule: countyRule.lines[i].total,
      published: published.get(c.code) ?? 0,
      adjustment: adjustments[i],
    })),
    p.countyGrantKr
  );
  return {
    palliativeBase,
    palliativeBonus,
    seniorAlertPot,
    palliative: { kommun: palliativePot("kommun"), landsting: palliativePot("landsting") },
    seniorAlert: { kommun: seniorAlertPotFor("kommun"), landsting: seniorAlertPotFor("landsting") },
    countyRule,
    countyPayment: { basis: DEFAULT_PAYMENT_BASIS, adjustments, ...payment },
    regional: regionalSupport(
      countyRows(() => REGIONAL_EQUAL_WEIGHT),
      { total: p.regionalSupportKr, step: p.paymentStepKr }
    ),
    discharge,
    dischargeRows: discharge.flatMap((g) => g.records),
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
