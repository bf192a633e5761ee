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

/** One party's Senior alert status: all relevant units started, and registrations in them. */
export interface SeniorAlertReport {
  readonly kind: PartyKind;
  readonly code: string;
  readonly allUnitsStarted: boolean;
  readonly registrations: number;
}

export type { CareKind } from "../engine/discharge";
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

/** The recipient of a county's grant and regional support (the payment list's county rows). */
export interface CountyPayee {
  readonly county: string;
  readonly recipient: string;
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
  /** Who receives each county's grant, where a data folder says (`mottagare.csv`); the sources leave it blank. */
  readonly countyPayees?: readonly CountyPayee[];
  /** True when the registry data are the synthetic demo (shown on Start and on every data sheet). */
  readonly synthetic: boolean;
  /**
   * The year of the reference lists (municipalities, populations) and the published tables: the parameters'
   * year, or 2010 when a later year has none of its own (the sheets that show them say so).
   */
  readonly referenceYear: number;
}
