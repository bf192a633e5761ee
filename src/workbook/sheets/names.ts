/**
 * The names of the workbook's tables and the column headers other code reads them by: the sheet builders
 * write them, and the task pane finds tables and columns in a built workbook by them (import, explain,
 * charts). They are part of the workbook's interface: once released they never change, since workbooks
 * already built carry them.
 */

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
  dischargeYear: "UK_aret",
  municipalities: "Kommuner",
  counties: "Landsting",
} as const;

/**
 * Column headers, as the sheet builders write them. Part of the workbook's interface: they never change
 * once released. Some texts head different columns in different tables ("Kommun" is the municipality's
 * code in the UK tables and its name in `Kommuner`; "Län" is the county's code in `Kommuner` and its name
 * in `Landsting` and `Lansbidrag`).
 */
export const HEADER = {
  code: "Kod",
  name: "Namn",
  population: "Folkmängd",
  deaths: "Dödsfall",
  registrations: "Registreringar",
  rate: "Registreringsgrad",
  registrationsCheck: "Registreringar ≤ dödsfall",
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
  published13: "Publicerat 66 + 13 − publicerat 66 (kr)",
  paidMinusPublished: "Slutligt − publicerat (kr)",
  developmentPlan: "Villkor: plan för utvecklingsarbetet",
  agreement: "Villkor: överenskommelse med SKL",
  letterOfIntent: "Villkor: avsiktsförklaring",
  grantHeld: "Länsbidrag: innehålls (kr)",
  grantPayable: "Länsbidrag: betalas nu (kr)",
  regionalAdjustment: "Regionalt: justering (kr)",
  regionalFinal: "Regionalt: enligt grunden (kr)",
  regionalPaidMinusPublished: "Regionalt − publicerat (kr)",
  regionalHeld: "Regionalt: innehålls (kr)",
  regionalPayable: "Regionalt: betalas nu (kr)",
  unmetConditions: "Villkor som inte är uppfyllda",
  licence: "Körkort",
  passwords: "Lösenord",
  coordinator: "Lokal koordinator",
  unitsIdentified: "Alla relevanta verksamheter identifierade",
  unitList: "Egen lista över relevanta verksamheter",
  qualified: "Kvalificerad",
  startedNotQualified: "Startat, villkor saknas",
  heldByConditions: "Startat men hindrat: part (villkor)",
  applicantKind: "Sökande",
  politicalBacking: "Politisk förankring",
  municipality: "Kommun",
  month: "Månad",
  monthNumber: "Månadsnr",
  individual: "Individ",
  care: "Vårdform",
  daysReported: "Dagar rapporterade",
  daysAfter: "Dagar efter analys",
  daysOver: "Dagar över gränsen",
  daysOverReported: "Rapporterat över gränsen",
  afterCheck: "Efter analys ≤ rapporterat",
  individuals: "Individer",
  individualMonths: "Individmånader",
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
  countyDays: "Dagar",
  countyAverage: "Länets snitt",
  goal: "Mål 2018",
  average2016: "Snitt 2016",
  withinGoal: "Inom målet",
  group: "Grupp",
} as const;

/**
 * The allocation labels that prefix the twin columns ("Nivå 1: belopp"). Part of the workbook's
 * interface: they never change once released.
 */
export const ALLOCATION_LABEL = {
  base: "Nivå 1",
  bonus: "Nivå 2",
  seniorAlert: "Senior alert",
  countyRule: "Regel",
  regional: "Regionalt",
} as const;

/**
 * The parts of an allocation's twin columns, after "label: " (allocationColumns.ts, `twinColumns`). Part
 * of the workbook's interface: they never change once released.
 */
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

/** The header of one of an allocation's twin columns: "Nivå 1: belopp". */
export const twinHeader = (label: string, part: string): string => `${label}: ${part}`;
