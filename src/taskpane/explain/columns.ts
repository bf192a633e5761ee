/**
 * What each column of the workbook's tables means, in a sentence, for the explanation of an input or a
 * lookup cell (and as a note under an amount's explanation).
 */
import { cite } from "../../workbook/sources";
import { SHARE_COUNTY_TABLE, SHARE_TABLE } from "../../workbook/sheets/share";
import { ALLOCATION_LABEL, HEADER, TABLE, TWIN_PART } from "../import/tables";

const CODE_NOTE = "Partens kod: kommunkod med fyra siffror (0114) eller länskod med två (08). Indata.";
const NAME_NOTE =
  "Namnet hämtas med koden från referenslistan (Kommuner eller Landsting); OKÄND KOD betyder att koden saknas där.";
const CODE_NUMBER_NOTE = "Koden som tal: avgör vem som får steget när två rester är lika (lägst kod först).";
const ROWS_WITH_CODE_NOTE = "Kontroll: antalet rader med samma kod. Ska vara 1; en part får bara förekomma en gång.";

/** The parts of an allocation's twin columns, for any allocation label. */
function twinNote(part: string, weightText: string): string | undefined {
  switch (part) {
    case TWIN_PART.qualified:
      return "Steg 1, kvalificering: Ja när registreringar/dödsfall når tröskeln, jämfört exakt i heltal.";
    case TWIN_PART.weight:
      return `Vikten som potten delas efter: ${weightText}.`;
    case TWIN_PART.floor:
      return "Hela avrundningssteg av den exakta andelen, avrundat nedåt (golv).";
    case TWIN_PART.rest:
      return "Det som golvet lämnar: steg × vikt − summa vikt × golv. Stegen som blir kvar går till de största resterna.";
    case TWIN_PART.extra:
      return "1 när parten får ett av stegen som blir kvar efter golven (största rest, lika rest efter lägst kod), annars 0.";
    case TWIN_PART.amount:
    case TWIN_PART.countyAmount:
      return "Beloppet: (golv + extra steg) × avrundningssteget, räknat med Excels egna funktioner.";
    case TWIN_PART.engine:
      return "Motorns belopp för samma part, räknat med exakt decimalaritmetik; ska vara lika med beloppskolumnen.";
    case TWIN_PART.addin:
      return "Tilläggets funktion (SKL.…) för samma part; ska vara lika med beloppskolumnen.";
    case TWIN_PART.diff:
      return "Kontroll: beloppskolumnen minus motorn/funktionen. Ska vara 0.";
    default:
      return undefined;
  }
}

const WEIGHT_TEXT: Readonly<Record<string, string>> = {
  [ALLOCATION_LABEL.base]: "folkmängden för kvalificerade parter, annars 0",
  [ALLOCATION_LABEL.bonus]: "folkmängden för kvalificerade parter, annars 0",
  [ALLOCATION_LABEL.seniorAlert]: "registreringarna för parter där alla relevanta enheter startat, annars 0",
  [ALLOCATION_LABEL.countyRule]: "antalet kommuner i länet",
  [ALLOCATION_LABEL.regional]: "den inmatade regionala vikten (1 = lika delar)",
};

const PALLIATIVE: Readonly<Record<string, string>> = {
  [HEADER.code]: CODE_NOTE,
  [HEADER.name]: NAME_NOTE,
  [HEADER.population]: `Folkmängden hämtas med koden från referenslistan. Den är vikten när potten delas mellan de kvalificerade ("utifrån befolkningens storlek": ${cite("infrastructure", 13)}; ${cite("performance", 6)}).`,
  [HEADER.deaths]: `Indata: dödsfall under mätperioden (2010: oktober–december; ${cite("infrastructure", 13)}). Andelen är "andel registreringar per kommun i förhållande till antalet dödsfall i kommunen" (${cite("circular", "avsnitt 1")}, Mål 1).`,
  [HEADER.registrations]:
    "Indata: hur många av dödsfallen som registrerats i Svenska Palliativregistret. Högst lika många som dödsfallen.",
  [HEADER.rate]:
    "Registreringar / dödsfall, avkortad till en tiondels procent (KVOT på heltal). Kvalificeringen jämförs exakt i heltal (registreringar × 10^6 ≥ tröskel × 10^6 × dödsfall), inte med den avrundade procentsatsen.",
  [HEADER.codeNumber]: CODE_NUMBER_NOTE,
  [HEADER.rowsWithCode]: ROWS_WITH_CODE_NOTE,
  [HEADER.palliativeTotal]: "Nivå 1 + nivå 2: det parten får av Palliativregistrets prestationsersättning.",
};

const SENIOR_ALERT: Readonly<Record<string, string>> = {
  [HEADER.code]: CODE_NOTE,
  [HEADER.name]: NAME_NOTE,
  [HEADER.started]:
    "Indata: Ja när alla relevanta enheter har startat registrering i Senior alert (kommuner: SÄBO, hemsjukvård, korttidsboende; landsting: medicin, geriatrik, kirurgi, ortopedi, infektion).",
  [HEADER.registrations]: `Indata: registreringar i partens relevanta enheter. Potten betalas per registrering ("Ersättning per utförd registrering": ${cite("infrastructure", 14)}; ${cite("performance", 8)}).`,
  [HEADER.codeNumber]: CODE_NUMBER_NOTE,
  [HEADER.rowsWithCode]: ROWS_WITH_CODE_NOTE,
};

const COUNTY: Readonly<Record<string, string>> = {
  [HEADER.code]: "Länskoden (två siffror). Referensdata.",
  [HEADER.county]: "Länets namn, hämtat med koden från Landsting.",
  [HEADER.municipalityCount]:
    "Antalet kommuner i länet, hämtat från Landsting. Resten av de 66 mnkr (efter 2 mnkr per län) delas efter det.",
  [HEADER.codeNumber]: CODE_NUMBER_NOTE,
  [HEADER.published]: `Det publicerade beloppet (${cite("sormland", "Bilaga 2")}), som det publicerades. Summerar till 65,5 mnkr, inte 66.`,
  [HEADER.publishedDiff]: `Publicerat minus regeln: den "jämkning för små län" (${cite("infrastructure", 17)}) som inte är nedskriven. Visas för att granskas, inte för att räknas bort.`,
  [HEADER.adjustment]:
    "Indata: uttrycklig justering i kronor (jämkning för små län). Justeringarna ska summera till 0.",
  [HEADER.final]:
    "Det som betalas, efter grunden för utbetalning på Parametrar (C_Utbetalningsgrund): Publicerat betalar det publicerade beloppet, Regeln regelns bidrag, Regeln med justeringar regelns bidrag plus justeringen.",
  [HEADER.regionalWeight]:
    "Indata: länets vikt för de 13 mnkr till regionala stödstrukturer; 1 för alla ger lika delar.",
  [HEADER.total79]: `Slutligt bidrag plus den regionala delen (tabellen "Fördelning av 66* + 13 milj. kr", ${cite("infrastructure", 17)}).`,
  [HEADER.published79]: `Tabellen på bild 17 i ${cite("infrastructure")}, som den är transkriberad (summerar till 78, inte 79; Stockholms "7," har troligen tappat en decimal, en läsning).`,
  [HEADER.published79Diff]: "Publicerat 66 + 13 minus arbetsbokens summa.",
  [HEADER.published13]: `Vad tabellen på bild 17 i ${cite("infrastructure")} lägger till Bilaga 2: 0,6 mnkr för de flesta län, Dalarna 1,1 mnkr och Stockholm 0 som transkriberat. Stockholms 0 är en läsning: "Stockholm 7," har troligen tappat en decimal (7,6 är lika troligt som 7,0).`,
};

const DISCHARGE_INDIVIDUALS: Readonly<Record<string, string>> = {
  [HEADER.municipality]: "Indata: kommunkoden (fyra siffror).",
  [HEADER.month]: "Indata: månaden som ÅÅÅÅ-MM.",
  [HEADER.individual]: "Indata: individens anonyma id, unikt inom kommun, månad och vårdform.",
  [HEADER.care]: `Indata: somatisk eller psykiatri. Psykiatrin regleras per individ över 20 dagar (${cite("kalmar", 10)}).`,
  [HEADER.daysReported]:
    "Indata: utskrivningsklara dagar som de först rapporterades. Avgör om kommunen ska analysera med landstinget.",
  [HEADER.daysAfter]: `Indata: dagarna efter den gemensamma analysen och omräkningen. Det är de som debiteras ("efter analys/omräkning av dagar": ${cite("kalmar", 10)}).`,
  [HEADER.daysOver]:
    "Dagar efter analys över dagsgränsen (3 för somatik, 20 för psykiatri): de dagar som kan debiteras.",
  [HEADER.afterCheck]: "Kontroll: dagarna efter analys får inte vara fler än de rapporterade.",
};

const DISCHARGE_SETTLEMENT: Readonly<Record<string, string>> = {
  [HEADER.municipality]: "Kommunkoden för gruppen (kommun, månad, vårdform).",
  [HEADER.name]: NAME_NOTE,
  [HEADER.month]: "Månaden (ÅÅÅÅ-MM).",
  [HEADER.monthNumber]: "Månadens nummer, för länets snitt per månad.",
  [HEADER.care]: "Vårdformen: somatisk eller psykiatri, med var sina gränser.",
  [HEADER.individuals]: "Antalet individer i gruppen (rader i UK_individer).",
  [HEADER.individualMonths]:
    "Individerna i kommunens avräkningsrader under året, summerade: en individ räknas en gång för varje månad och vårdform den finns med i.",
  [HEADER.daysReported]: "Summan av de rapporterade dagarna.",
  [HEADER.averageReported]: "Rapporterade dagar / individer.",
  [HEADER.dayLimit]: "Dagar per individ som inte debiteras (U_Daggrans, psykiatri U_Psyk_Daggrans).",
  [HEADER.averageLimit]:
    "Snittet ska överstiga detta för debitering (U_Snittgrans, psykiatri U_Psyk_Snittgrans; 0 = inget snittvillkor).",
  [HEADER.analysisRequired]:
    "Ja när de rapporterade dagarna skulle debiteras (snittet över snittgränsen och någon individ över dagsgränsen): kommunen analyserar med landstinget. Nej när inget skulle debiteras, t.ex. psykiatri där ingen individ har fler än 20 dagar.",
  [HEADER.daysAfter]: "Summan av dagarna efter analys och omräkning.",
  [HEADER.averageAfter]: "Dagar efter analys / individer.",
  [HEADER.billed]:
    "Ja när något debiteras: snittet efter analys överstiger fortfarande snittgränsen och någon individ har fler dagar än dagsgränsen. Psykiatri utan individ över 20 dagar debiteras inte.",
  [HEADER.billableDays]: "Dagarna över dagsgränsen per individ, summerade, när gruppen debiteras.",
  [HEADER.dischargeAmount]: "Debiterbara dagar × pris per dag (U_Pris).",
  [HEADER.dischargeEngine]: "Motorns belopp för samma grupp; ska vara lika med Belopp.",
  [HEADER.dischargeAddin]: "Tilläggets funktion SKL.DISCHARGE_SETTLEMENT för samma grupp; ska vara lika med Belopp.",
  [HEADER.dischargeDiff]: "Kontroll: Belopp minus motorn/funktionen. Ska vara 0.",
};

const SHARE: Readonly<Record<string, string>> = {
  Pott: "Potten och rollen: Palliativregistrets två nivåer och Senior alert, i kommunernas eller landstingens pott (Gotlands kommun har båda rollerna).",
  Kvalificerad:
    "Ja när parten når pottens villkor (registreringsgraden mot tröskeln; för Senior alert alla villkor: införandeprocessen, egen lista, alla relevanta enheter startat).",
  Varför:
    "Varför parten kvalificerar sig eller inte, med registreringarna som fattas till tröskeln eller villkoren som inte är uppfyllda.",
  "Pott (kr)":
    "Pottens storlek i rollens pott (kommunernas eller landstingens del enligt Andel_Kommun på Parametrar, ett antagande).",
  "Kvalificerades vikt":
    "Summan av vikten hos dem som kvalificerat sig: folkmängd (Palliativregistret) eller registreringar (Senior alert).",
  "Kr per enhet":
    "Potten delad med de kvalificerades vikt: kronor per invånare eller per registrering, före avrundning.",
  "Partens vikt": "Partens folkmängd eller registreringar, 0 om den inte kvalificerar sig.",
  "Exakt andel (kr)": "Partens vikt × kronor per enhet, före avrundningen till hela kronor.",
  "Belopp (kr)":
    "Beloppet som pottens blad ger parten, hämtat därifrån med koden: den exakta andelen avrundad nedåt, eller en krona mer (största rest).",
  Roll: "Rollen raden gäller: kommun eller landsting.",
  "Kod i potten": "Partens kod i rollens pott (Gotlands kommun: 0980 som kommun, 09 som landsting).",
  Medel:
    "Länets gemensamma medel: länsbidraget och det regionala stödet, som betalas till länets mottagare, inte till parten.",
  "Grund för utbetalning": "Grunden som valts på Parametrar (C_Utbetalningsgrund, C_Regional_Grund).",
  "Publicerat (kr)":
    "Det publicerade beloppet: Bilaga 2 för länsbidraget, bild 17 minus Bilaga 2 för det regionala stödet (en läsning).",
  "Enligt grunden (kr)": "Beloppet enligt grunden för utbetalning, från bladet Länsbidrag.",
  "Innehålls (kr)":
    "Det som ett villkor som inte är uppfyllt håller inne (länets plan, överenskommelse med SKL, avsiktsförklaring).",
  "Betalas nu (kr)": "Beloppet enligt grunden minus det som innehålls.",
  Län: "Länets kod.",
};

/** What a column of a table means, or undefined for a column the pane does not know. */
export function columnNote(table: string, column: string): string | undefined {
  const twin = /^(.+?): (.+)$/.exec(column);
  if (twin && WEIGHT_TEXT[twin[1]] !== undefined) {
    const note = twinNote(twin[2], WEIGHT_TEXT[twin[1]]);
    if (note) return note;
  }
  switch (table) {
    case TABLE.palliativeKommun:
    case TABLE.palliativeLandsting:
      return PALLIATIVE[column];
    case TABLE.seniorAlertKommun:
    case TABLE.seniorAlertLandsting:
      return SENIOR_ALERT[column];
    case TABLE.countyGrant:
      return COUNTY[column];
    case TABLE.dischargeIndividuals:
      return DISCHARGE_INDIVIDUALS[column];
    case TABLE.dischargeSettlement:
      return DISCHARGE_SETTLEMENT[column];
    case TABLE.dischargeCounty:
      return `Länets snitt per månad inom somatisk vård (rapporterade dagar) mot målet 2,0 dagar; 2016 var snittet 2,68 (${cite("kalmar", 9)}). Målet gäller indikatorn, som följs upp årligen (bild 8); om den räknar rapporterade dagar eller dagar efter analys säger källan inte.`;
    case SHARE_TABLE:
    case SHARE_COUNTY_TABLE:
      return SHARE[column];
    case TABLE.municipalities:
    case TABLE.counties:
      return "Referensdata: kod, namn, län och folkmängd (SCB, 31 december året före). Ändra bara om källan ändras.";
    default:
      return undefined;
  }
}
