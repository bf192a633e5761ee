/**
 * The inputs the allocation workbook is built from: reference data (municipalities, counties, the
 * published county-grant table), a year's parameters, and registry data (real or the synthetic demo).
 * Plain data, no Office and no file system: `src/cli/` reads them from CSV, the task pane from the
 * open workbook or an imported file.
 */

/** A municipality (kommun), 2010: 290 of them. */
export interface Municipality {
  /** Four-digit code as text, e.g. "0114". */
  readonly code: string;
  readonly name: string;
  /** Two-digit county code, e.g. "01". */
  readonly countyCode: string;
  /** Population on 31 December of the year before. */
  readonly population: number;
}

/** A county (län) and its county council (landsting); Gotland's municipality carried that role. */
export interface County {
  /** Two-digit code as text, e.g. "08". */
  readonly code: string;
  readonly name: string;
  /** Number of municipalities in the county. */
  readonly municipalities: number;
  readonly population: number;
  /** The county council's name as a payee ("Landstinget Sörmland"): a party of its own, not the county. */
  readonly council: string;
  /** Where the council's name comes from: a source by its title, or how it was formed. */
  readonly councilSource: string;
  /**
   * The municipality that carries the county council's role, where the county has no council of its own
   * (Gotland: "0980"); its payment line then pays both roles.
   */
  readonly councilMunicipality?: string;
}

/**
 * The county grant as published (Sörmlandsöverenskommelsen, Bilaga 2; "Att bygga infrastruktur för socialtjänsten",
 * bild 17, "Fördelning av 66* + 13 milj. kr"), in kronor.
 */
export interface PublishedCountyGrant {
  readonly code: string;
  readonly name: string;
  readonly publishedKr: number;
  readonly publishedWithRegionalKr: number;
  /** What of the county's published figures is a reading of a damaged transcript, in words (empty when nothing is). */
  readonly reading?: string;
}

/** Which pot a party belongs to: municipalities and county councils never share a pot. */
export type PartyKind = "kommun" | "landsting";

/** One party's palliative registry figures for the measurement period. */
export interface PalliativeReport {
  readonly kind: PartyKind;
  readonly code: string;
  readonly deaths: number;
  readonly registrations: number;
}

/**
 * The introduction process of Senior alert, one yes/no each ("Prestationsbaserade statsbidrag till insatser för
 * äldre", bild 8: "En särskild införandeprocess – körkort, lösenord och lokal koordinator och samtliga relevanta
 * verksamheter identifierade"), and the party's own list of relevant units ("varje kommun och landsting ansvarar
 * för att ta fram sin egen lista").
 */
export interface SeniorAlertIntroduction {
  readonly licence: boolean;
  readonly passwords: boolean;
  readonly coordinator: boolean;
  readonly unitsIdentified: boolean;
  readonly unitList: boolean;
}

/** One party's Senior alert status: the introduction, all relevant units started, and registrations in them. */
export interface SeniorAlertReport {
  readonly kind: PartyKind;
  readonly code: string;
  readonly allUnitsStarted: boolean;
  readonly introduction: SeniorAlertIntroduction;
  readonly registrations: number;
}

export type { CareKind } from "../engine/discharge";
import type { ApplicantKind } from "../input";
import type { PaymentBasis, RegionalBasis } from "../engine/countyGrant";
export type { ApplicantKind } from "../input";
import type { CareKind } from "../engine/discharge";

/** One individual's discharge-ready days in one municipality and month (Kalmar county, 2018). */
export interface DischargeRecord {
  /** Municipality code, e.g. "0880" (Kalmar). */
  readonly municipality: string;
  /** Month as "YYYY-MM". */
  readonly month: string;
  /** An anonymous individual id, unique within municipality and month. */
  readonly individual: string;
  readonly care: CareKind;
  /** Days as first reported. */
  readonly daysReported: number;
  /** Days after the joint analysis and recount ("Länsgemensam ledning i samverkan", bild 10: "efter analys/omräkning av dagar"). */
  readonly daysAfterAnalysis: number;
}

/** A granted pilot project (försöksverksamhet) in the ledger against the 70 MSEK. */
export interface PilotGrant {
  readonly id: string;
  readonly recipient: string;
  readonly project: string;
  readonly grantedKr: number;
  /** Who applied ("Att bygga infrastruktur för socialtjänsten", bild 16, names who may). */
  readonly applicantKind: ApplicantKind;
  /** "Politisk förankring krävs" (bild 16 of "Att bygga infrastruktur för socialtjänsten"; "Prestationsbaserade", bild 10). */
  readonly politicalBacking: boolean;
}

/**
 * A county's conditions for its share of the county grant and the regional support, each yes/no: the plan for
 * the development work (Cirkulär 10:11, avsnitt 2: "ska länsvis upprätta en plan för utvecklingsarbetet. Medel
 * fördelas därefter"), the agreement with SKL ("Att bygga infrastruktur för socialtjänsten", bild 15:
 * "Överenskommelse skrivs med SKL") and, for the regional support, the letter of intent (bild 18).
 */
export interface CountyConditions {
  readonly county: string;
  readonly developmentPlan: boolean;
  readonly agreement: boolean;
  readonly letterOfIntent: boolean;
}

/** One line of a county's own budget of its grant (e.g. Sörmland: Sörmlandsöverenskommelsen, s. 2). */
export interface CountyBudgetLine {
  readonly county: string;
  readonly item: string;
  /** Kronor, or null when the line takes what is left of the grant. */
  readonly amountKr: number | null;
  readonly source: string;
}

/** A date the sources give, or a time they name without a date: a row of the timeline. */
export interface TimelineEvent {
  /** The end of its date cell's workbook name: "Matperiod_fran" is the cell Tid_Matperiod_fran. */
  readonly id: string;
  /** What happens, in Swedish. */
  readonly event: string;
  /** YYYY-MM-DD, or null where the source gives no date (none is invented). */
  readonly date: string | null;
  /** How the source gives the time, in words: "senast 31 augusti 2018", "i början av 2011". */
  readonly when: string;
  /** The document (by its title) and place, with its own words in quotation marks. */
  readonly source: string;
  /**
   * Where an event without a date falls in time, YYYY-MM-DD, only to put the timeline in order: a reading ("i
   * början av 2011" after December 2010), never shown as the event's date.
   */
  readonly order?: string;
}

/**
 * A year's parameters. Every figure that the sources do not give is marked as an assumption with a
 * note, and shows as an input cell on `Parametrar`, never as a constant inside a formula.
 */
export interface YearParameters {
  readonly year: number;
  /** Base-tier palliative threshold as a share: 0.4 (2010), 0.5 (2011), 0.7 (2012). */
  readonly palliativeBaseThreshold: number;
  /** Bonus-tier threshold: 0.7. */
  readonly palliativeBonusThreshold: number;
  /** Pots in kronor. */
  readonly palliativeBasePotKr: number;
  readonly palliativeBonusPotKr: number;
  readonly seniorAlertPotKr: number;
  readonly countyGrantKr: number;
  readonly countyGrantBaseKr: number;
  readonly regionalSupportKr: number;
  readonly pilotsKr: number;
  readonly agreementTotalKr: number;
  /** The performance-based part of the agreement (P and S together): 100 MSEK (Cirkulär 10:11). */
  readonly performanceBasedKr: number;
  /** Registries and national coordination: not a figure of its own in the sources (an assumption: the rest). */
  readonly registriesKr: number;
  /** The municipalities' share of each performance pot (an assumption: not in the sources). */
  readonly municipalShare: number;
  /** Rounding steps in kronor. */
  readonly paymentStepKr: number;
  readonly countyGrantStepKr: number;
  /** Kalmar 2018 discharge settlement: price per day (an assumption: not in "Länsgemensam ledning i samverkan"). */
  readonly dischargePricePerDayKr: number;
  readonly dischargeDayLimit: number;
  readonly dischargeAverageLimit: number;
  readonly psychiatryDayLimit: number;
  /** Whether the monthly-average condition also applies to psychiatry (open in "Länsgemensam ledning i samverkan", bild 10). */
  readonly psychiatryAverageLimit: number;
  readonly dischargeGoalDays: number;
  readonly dischargeAverage2016Days: number;
  /** Notes per parameter: its source, or why it is an assumption. */
  readonly notes: Readonly<Record<string, string>>;
  /** The dates the sources give for the year, or say they do not (Tidplan). */
  readonly timeline: readonly TimelineEvent[];
}

/** Who a payment line pays: a municipality, a county council, or a county's recipient of its common money. */
export type PayeeKind = "kommun" | "landsting" | "län";

/**
 * A payee's name and account (`mottagare.csv`): the organisation number and a bankgiro or a plusgiro number,
 * each with a valid check digit. The sources leave the account blank ("Medel utbetalas till Bank/postgiro",
 * Sörmlandsöverenskommelsen, s. 3).
 */
export interface Payee {
  readonly kind: PayeeKind;
  /** Municipality code ("0114"), or county code ("04") for a county council or a county's recipient. */
  readonly code: string;
  /** The payee's name; required for a county's recipient, else the reference data's name when empty. */
  readonly recipient?: string;
  /** "NNNNNN-NNNN". */
  readonly organisationNumber: string;
  readonly bankgiro?: string;
  readonly plusgiro?: string;
}

/** Everything a workbook is built from. */
export interface WorkbookInputs {
  readonly parameters: YearParameters;
  readonly municipalities: readonly Municipality[];
  readonly counties: readonly County[];
  readonly publishedCountyGrant: readonly PublishedCountyGrant[];
  readonly palliative: readonly PalliativeReport[];
  readonly seniorAlert: readonly SeniorAlertReport[];
  readonly discharge: readonly DischargeRecord[];
  readonly pilots: readonly PilotGrant[];
  readonly countyBudget: readonly CountyBudgetLine[];
  /** Each county's conditions for the county grant and the regional support (`lansvillkor.csv`). */
  readonly countyConditions: readonly CountyConditions[];
  /** Names and accounts of the payees, where a data folder has them (`mottagare.csv`); the sources leave them blank. */
  readonly payees?: readonly Payee[];
  /**
   * The bases the county grant and the regional support are paid on, and explicit adjustments by county code (signed
   * kronor that sum to 0), as the controller chooses them on Parametrar and Länsbidrag; by default the published
   * tables and no adjustments.
   */
  readonly bases?: {
    readonly county?: PaymentBasis;
    readonly regional?: RegionalBasis;
    readonly countyAdjustments?: Readonly<Record<string, number>>;
    readonly regionalAdjustments?: Readonly<Record<string, number>>;
  };
  /** True when the registry data are the synthetic demo (shown on Start and on every data sheet). */
  readonly synthetic: boolean;
  /**
   * The year of the reference lists (municipalities, populations) and the published tables: the parameters'
   * year, or 2010 when a later year has none of its own (the sheets that show them say so).
   */
  readonly referenceYear: number;
}
