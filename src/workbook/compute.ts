import Decimal from "decimal.js";
import { partyCode } from "../engine/codes";
import { HeldBack, payWhenMet } from "../engine/conditions";
import { SENIOR_ALERT_CONDITIONS, seniorAlertUnmet } from "./conditions";
import {
  countyGrant,
  countyGrantPaid,
  CountyGrantResult,
  DEFAULT_PAYMENT_BASIS,
  DEFAULT_REGIONAL_BASIS,
  PaymentBasis,
  REGIONAL_EQUAL_WEIGHT,
  RegionalBasis,
  regionalSupport,
  regionalSupportPaid,
} from "../engine/countyGrant";
import { DischargeGroup, DischargeRules, settleDischargeGroups } from "../engine/discharge";
import { palliativeShares, PalliativeResult } from "../engine/palliative";
import { SplitPot, splitPot } from "../engine/pots";
import { seniorAlertPayout, SeniorAlertResult } from "../engine/seniorAlert";
import {
  ApplicantKind,
  CountyConditions,
  DischargeRecord,
  PartyKind,
  SeniorAlertIntroduction,
  WorkbookInputs,
  YearParameters,
} from "./inputs";

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

/** A party of a Senior alert pot: its introduction, whether all units started, and whether it qualifies (all hold). */
export interface SeniorAlertParty extends PotParty {
  readonly introduction: SeniorAlertIntroduction;
  readonly allUnitsStarted: boolean;
  readonly registrations: number;
  readonly qualifies: boolean;
}

export interface SeniorAlertPot {
  readonly kind: PartyKind;
  readonly parties: readonly SeniorAlertParty[];
  readonly result: SeniorAlertResult;
}

/** A county grant or the regional support as paid on its basis, per county in the county table's order (by code). */
export interface CountyPayment<B> {
  readonly basis: B;
  /** The explicit adjustments (kronor, summing to 0), none when the file is written. */
  readonly adjustments: readonly number[];
  readonly paid: readonly Decimal[];
  readonly undistributed: Decimal;
  /** What is paid now and what is held back, per county, by its conditions. */
  readonly held: readonly HeldBack[];
}

/** Who may apply for a pilot: every kind that bild 16 of "Att bygga infrastruktur för socialtjänsten" names. */
export const ELIGIBLE_APPLICANTS: readonly ApplicantKind[] = [
  "kommun",
  "landsting",
  "kommun och landsting",
  "privat eller enskild",
  "idéburen",
];

/** A pilot's conditions and what of its grant is paid now (the rest held back). */
export interface PilotPayment {
  readonly eligible: boolean;
  readonly backed: boolean;
  readonly held: HeldBack;
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
   * written with, with no adjustments yet; what of the total is not distributed; and what its conditions hold back.
   */
  readonly countyPayment: CountyPayment<PaymentBasis>;
  /** The regional support as paid, on its own basis, the same way. */
  readonly regionalPayment: CountyPayment<RegionalBasis>;
  /** Each county's conditions, in the county table's order (by code). */
  readonly countyConditions: readonly CountyConditions[];
  /** Each pilot of the ledger, in its order: its conditions and what is paid now. */
  readonly pilots: readonly PilotPayment[];
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
      .map((r): SeniorAlertParty => ({
        ...reference[kind](r.code),
        introduction: r.introduction,
        allUnitsStarted: r.allUnitsStarted,
        registrations: r.registrations,
        qualifies: SENIOR_ALERT_CONDITIONS.every((c) => c.met(r)),
      }))
      .sort(byCode);
    const rows = parties.map((party, i) => ({
      code: partyCode(party.code)!,
      row: i + 1,
      name: party.name,
      qualifies: party.qualifies,
      unmet: seniorAlertUnmet(party),
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
  const published = new Map(inputs.publishedCountyGrant.map((g) => [g.code, g]));
  const bases = inputs.bases ?? {};
  const countyBasis = bases.county ?? DEFAULT_PAYMENT_BASIS;
  const regionalBasis = bases.regional ?? DEFAULT_REGIONAL_BASIS;
  const adjustments = counties.map((c) => bases.countyAdjustments?.[c.code] ?? 0);
  const regionalAdjustments = counties.map((c) => bases.regionalAdjustments?.[c.code] ?? 0);
  const conditions = counties.map(
    (c) =>
      inputs.countyConditions.find((x) => x.county === c.code) ?? {
        county: c.code,
        developmentPlan: false,
        agreement: false,
        letterOfIntent: false,
      }
  );
  const payment = countyGrantPaid(
    countyBasis,
    counties.map((c, i) => ({
      rule: countyRule.lines[i].total,
      published: published.get(c.code)?.publishedKr ?? 0,
      adjustment: adjustments[i],
    })),
    p.countyGrantKr
  );
  const regional = regionalSupport(
    countyRows(() => REGIONAL_EQUAL_WEIGHT),
    { total: p.regionalSupportKr, step: p.paymentStepKr }
  );
  const regionalPaid = regionalSupportPaid(
    regionalBasis,
    counties.map((c, i) => ({
      rule: regional.lines[i].total,
      published: publishedRegional(published.get(c.code)),
      adjustment: regionalAdjustments[i],
    })),
    p.regionalSupportKr
  );
  return {
    palliativeBase,
    palliativeBonus,
    seniorAlertPot,
    palliative: { kommun: palliativePot("kommun"), landsting: palliativePot("landsting") },
    seniorAlert: { kommun: seniorAlertPotFor("kommun"), landsting: seniorAlertPotFor("landsting") },
    countyRule,
    countyPayment: {
      basis: countyBasis,
      adjustments,
      ...payment,
      held: payment.paid.map((amount, i) =>
        payWhenMet(amount, [conditions[i].developmentPlan, conditions[i].agreement])
      ),
    },
    regional,
    regionalPayment: {
      basis: regionalBasis,
      adjustments: regionalAdjustments,
      ...regionalPaid,
      held: regionalPaid.paid.map((amount, i) => payWhenMet(amount, [conditions[i].letterOfIntent])),
    },
    countyConditions: conditions,
    pilots: inputs.pilots.map((pilot) => {
      const eligible = ELIGIBLE_APPLICANTS.includes(pilot.applicantKind);
      return {
        eligible,
        backed: pilot.politicalBacking,
        held: payWhenMet(new Decimal(pilot.grantedKr), [eligible, pilot.politicalBacking]),
      };
    }),
    discharge,
    dischargeRows: discharge.flatMap((g) => g.records),
  };
}

/**
 * A county's regional support as published: the table "Fördelning av 66* + 13 milj. kr" ("Att bygga
 * infrastruktur för socialtjänsten", bild 17) less Bilaga 2's county grant. A reading of two tables: for most
 * counties 0.6 MSEK; Stockholm's "7," gives 0, Dalarna's 3,6 against 2,5 gives 1.1 MSEK (the workbook says so).
 */
export function publishedRegional(grant: { publishedKr: number; publishedWithRegionalKr: number } | undefined): number {
  return grant ? Math.max(0, grant.publishedWithRegionalKr - grant.publishedKr) : 0;
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
