/*
 * What the help pages say about each custom function, beyond its metadata (scripts/addin/helpPages.ts renders
 * them): what it computes, a worked example, the errors it gives and the rule's source documents. Examples hold
 * inputs only: the generator computes every result by calling the function itself, so no page shows a number
 * the function does not give. The examples are the README's.
 */
import { FunctionId } from "./swedish";

export type Language = "sv" | "en";
/** A text in both languages. */
export type Text = Readonly<Record<Language, string>>;
export type ExampleValue = string | number | boolean;

/** One input column of an example sheet: the header in row 1, the values from row 2 down. */
export interface ExampleColumn {
  readonly header: Text;
  readonly values: readonly ExampleValue[];
}

/** An argument of the example formula: a column of the example sheet (as a range), or a value typed in. */
export type ExampleArgument = { readonly column: number } | { readonly value: ExampleValue };

export interface Example {
  /** What the sheet holds; `{result}` is replaced with the computed answer of the formula. */
  readonly text: Text;
  readonly columns: readonly ExampleColumn[];
  readonly args: readonly ExampleArgument[];
  /**
   * A party function: shown in both forms, one party's call (as a county council writes it) and one call
   * with the whole first column as the party, every row's amount spilled (as the pane's workbook writes it).
   */
  readonly spilled: boolean;
}

/** An error the function gives: why, and the example changed so that the function gives it (run by the generator). */
export interface ErrorCase {
  readonly code: "#VALUE!" | "#N/A";
  readonly why: Text;
  /** The example's columns and arguments, changed. */
  readonly columns: readonly ExampleColumn[];
  readonly args: readonly ExampleArgument[];
}

export interface FunctionHelp {
  readonly title: Text;
  /** Paragraphs: what it computes, and how. */
  readonly computes: readonly Text[];
  readonly example: Example;
  readonly errors: readonly ErrorCase[];
  /** The rule's source documents, cited by their own titles (DOMAIN.md). */
  readonly sources: readonly Text[];
}

const text = (sv: string, en: string): Text => ({ sv, en });
const col = (sv: string, en: string, values: readonly ExampleValue[]): ExampleColumn => ({
  header: text(sv, en),
  values,
});
const range = (column: number): ExampleArgument => ({ column });
const value = (v: ExampleValue): ExampleArgument => ({ value: v });

const ROWS_NOTE = text(
  "Radnumret i felmeddelandet räknas inom området: rad 1 är områdets första cell.",
  "The row in the message counts within the range: row 1 is the range's first cell."
);

const CODES = ["0114", "0115", "0117"];
const palliativeColumns = [
  col("Kod", "Code", CODES),
  col("Registreringar", "Registrations", [4, 3, 5]),
  col("Dödsfall", "Deaths", [10, 10, 10]),
  col("Folkmängd", "Population", [1000, 2000, 3000]),
];
const palliativeArgs = [range(0), range(0), range(1), range(2), range(3), value(400), value(0.4)];

const seniorAlertColumns = [
  col("Kod", "Code", CODES),
  col("Alla enheter startat", "All units started", [true, false, true]),
  col("Registreringar", "Registrations", [100, 500, 200]),
];

/** The 21 counties of 2010 and their numbers of municipalities (data/2010/lan.csv; a test compares them). */
export const COUNTIES_2010: readonly (readonly [string, string, number])[] = [
  ["01", "Stockholms län", 26],
  ["03", "Uppsala län", 8],
  ["04", "Södermanlands län", 9],
  ["05", "Östergötlands län", 13],
  ["06", "Jönköpings län", 13],
  ["07", "Kronobergs län", 8],
  ["08", "Kalmar län", 12],
  ["09", "Gotlands län", 1],
  ["10", "Blekinge län", 5],
  ["12", "Skåne län", 33],
  ["13", "Hallands län", 6],
  ["14", "Västra Götalands län", 49],
  ["17", "Värmlands län", 16],
  ["18", "Örebro län", 12],
  ["19", "Västmanlands län", 10],
  ["20", "Dalarnas län", 15],
  ["21", "Gävleborgs län", 10],
  ["22", "Västernorrlands län", 7],
  ["23", "Jämtlands län", 8],
  ["24", "Västerbottens län", 15],
  ["25", "Norrbottens län", 14],
];
const countyColumns = [
  col(
    "Länskod",
    "County code",
    COUNTIES_2010.map(([code]) => code)
  ),
  col(
    "Län",
    "County",
    COUNTIES_2010.map(([, name]) => name)
  ),
  col(
    "Kommuner",
    "Municipalities",
    COUNTIES_2010.map(([, , n]) => n)
  ),
];
const countyArgs = [range(0), range(0), range(2), value(66000000), value(2000000), value(500000)];

/** Changes one value of one column of an example. */
function changed(columns: readonly ExampleColumn[], column: number, row: number, v: ExampleValue): ExampleColumn[] {
  return columns.map((c, i) => (i === column ? { ...c, values: c.values.map((old, r) => (r === row ? v : old)) } : c));
}

export const HELP: Readonly<Record<FunctionId, FunctionHelp>> = {
  PALLIATIVE_SHARE: {
    title: text("Palliativregistret: en nivå av en pott", "Palliative registry: one tier of one pot"),
    computes: [
      text(
        "Prestationsersättningen för registrering i Svenska palliativregistret, i två steg. Steg 1, kvalificering: en part kvalificerar sig när den hade dödsfall och registreringar/dödsfall är minst tröskeln, exakt räknat (2 av 5 är 40 %, 7 av 10 är 70 %). En part utan dödsfall har ingen registreringsgrad och kvalificerar sig inte.",
        "The performance payout for registering deaths in the Swedish palliative registry, in two steps. Step 1, qualification: a party qualifies when it had deaths and registrations/deaths is at least the threshold, computed exactly (2 of 5 is 40 %, 7 of 10 is 70 %). A party without deaths has no rate and does not qualify."
      ),
      text(
        "Steg 2, fördelning: de parter som kvalificerar sig delar potten i proportion till folkmängden, i hela avrundningssteg. Det som blir över delas ut ett steg i taget till de största resterna; lika rester avgörs av koden. Potten fördelas alltid exakt. Nivå 2 (bonus) är ett andra anrop med sin egen pott och tröskel. Kommuner och landsting har skilda potter: ett anrop per pott.",
        "Step 2, distribution: the qualifying parties share the pot in proportion to population, in whole rounding steps. What is left over goes one step at a time to the largest remainders; equal remainders are decided by code. The pot is always distributed exactly. Tier 2 (the bonus) is a second call with its own pot and threshold. Municipalities and county councils have separate pots: one call per pot."
      ),
    ],
    example: {
      text: text(
        "Tre kommuner med 4, 3 och 5 registreringar av 10 dödsfall och 1 000, 2 000 och 3 000 invånare delar 400 kr vid tröskeln 40 %. 0115 når bara 30 % och kvalificerar sig inte; 0114 och 0117 delar potten 1 000 : 3 000. Formeln ger {result}.",
        "Three municipalities with 4, 3 and 5 registrations of 10 deaths and 1,000, 2,000 and 3,000 inhabitants share 400 kr at the threshold 40 %. 0115 reaches only 30 % and does not qualify; 0114 and 0117 share the pot 1,000 : 3,000. The formula gives {result}."
      ),
      columns: palliativeColumns,
      args: [value("0117"), ...palliativeArgs.slice(1)],
      spilled: true,
    },
    errors: [
      {
        code: "#VALUE!",
        why: text(
          "Felaktiga indata: fler registreringar än dödsfall, negativa tal eller decimaltal där antal krävs, en kod som saknas eller finns två gånger, en tröskel utanför 0–1. Meddelandet anger rad och part.",
          "Bad input: more registrations than deaths, negative or fractional counts, a missing or repeated code, a threshold outside 0–1. The message names the row and the party."
        ),
        columns: changed(palliativeColumns, 1, 1, 11),
        args: [value("0117"), ...palliativeArgs.slice(1)],
      },
      {
        code: "#N/A",
        why: text("Parten finns inte i kodkolumnen.", "The party is not in the code column."),
        columns: palliativeColumns,
        args: [value("0999"), ...palliativeArgs.slice(1)],
      },
    ],
    sources: [
      text(
        "Cirkulär 10:11, avsnitt 1, Mål 1 (trösklar och potter)",
        "Cirkulär 10:11 (SKL circular), section 1, Mål 1 (thresholds and pots)"
      ),
      text(
        "presentationen ”Att bygga infrastruktur för socialtjänsten”, bild 12–13",
        "the presentation “Att bygga infrastruktur för socialtjänsten”, slides 12–13"
      ),
      text(
        "presentationen ”Prestationsbaserade statsbidrag till insatser för äldre”, bild 4–6",
        "the presentation “Prestationsbaserade statsbidrag till insatser för äldre”, slides 4–6"
      ),
    ],
  },
  SENIOR_ALERT_PAYOUT: {
    title: text("Senior alert: potten per registrering", "Senior alert: the pot per registration"),
    computes: [
      text(
        "Ersättningen för Senior alert. En part kvalificerar sig när alla dess relevanta enheter har börjat registrera och införandeprocessen (körkort, lösenord, lokal koordinator, samtliga relevanta verksamheter identifierade) och den egna listan är klara; arbetsboken räknar det i kolumnen Kvalificerad, och funktionen läser den (SANT, 1 eller Ja). Potten delas med antalet registreringar hos de parter som kvalificerar sig, och varje sådan part får sina registreringar gånger det beloppet, i hela avrundningssteg med största rest. Parter som inte kvalificerar sig får 0.",
        "The Senior alert payout. A party qualifies when all its relevant units have started registration and its introduction (licence, passwords, a local coordinator, all relevant units identified) and its own list of units are done; the workbook works that out in its Kvalificerad column, which the function reads (TRUE, 1 or Ja). The pot is divided by the registrations of the qualifying parties, and each of them gets its registrations times that rate, in whole rounding steps by largest remainder. Parties that do not qualify get 0."
      ),
    ],
    example: {
      text: text(
        "Två av tre kommuner kvalificerar sig, med 100 och 200 registreringar; potten är 900 kr, alltså 3 kr per registrering. Formeln för 0114 ger {result}.",
        "Two of three municipalities qualify, with 100 and 200 registrations; the pot is 900 kr, so 3 kr per registration. The formula for 0114 gives {result}."
      ),
      columns: seniorAlertColumns,
      args: [value("0114"), range(0), range(1), range(2), value(900)],
      spilled: true,
    },
    errors: [
      {
        code: "#VALUE!",
        why: text(
          "Felaktiga indata: ett värde i kvalificerad som inte är SANT/FALSKT, 1/0 eller Ja/Nej, ett negativt antal registreringar, en kod som saknas eller finns två gånger. Meddelandet anger rad och part.",
          "Bad input: a qualifies value that is not TRUE/FALSE, 1/0 or Ja/Nej, a negative number of registrations, a missing or repeated code. The message names the row and the party."
        ),
        columns: changed(seniorAlertColumns, 2, 1, -5),
        args: [value("0114"), range(0), range(1), range(2), value(900)],
      },
      {
        code: "#N/A",
        why: text("Parten finns inte i kodkolumnen.", "The party is not in the code column."),
        columns: seniorAlertColumns,
        args: [value("0999"), range(0), range(1), range(2), value(900)],
      },
    ],
    sources: [
      text(
        "Cirkulär 10:11, avsnitt 1, Mål 2 (villkoret och potten)",
        "Cirkulär 10:11 (SKL circular), section 1, Mål 2 (the condition and the pot)"
      ),
      text(
        "presentationen ”Att bygga infrastruktur för socialtjänsten”, bild 14",
        "the presentation “Att bygga infrastruktur för socialtjänsten”, slide 14"
      ),
      text(
        "presentationen ”Prestationsbaserade statsbidrag till insatser för äldre”, bild 7–8",
        "the presentation “Prestationsbaserade statsbidrag till insatser för äldre”, slides 7–8"
      ),
    ],
  },
  COUNTY_GRANT: {
    title: text(
      "Länsbidraget: grundbelopp och resten efter vikt",
      "County grant: a base amount and the rest by weight"
    ),
    computes: [
      text(
        "Bidraget till länsgemensamma utvecklingsledare. Varje län får först grundbeloppet; resten (totalt − antal län × grundbelopp) delas efter vikt, enligt regeln antalet kommuner i länet, i hela avrundningssteg med största rest (lika rester efter kod).",
        "The grant for joint development leaders. Every county first gets the base amount; the rest (total − number of counties × base) is shared by weight, by the rule the number of municipalities in the county, in whole rounding steps by largest remainder (equal remainders by code)."
      ),
      text(
        "Den publicerade tabellen 2010 följer inte regeln för de flesta län (”jämkning för små län” är inte nedskriven); arbetsboken visar regel och publicerat bredvid varandra.",
        "The published 2010 table does not follow the rule for most counties (the adjustment for small counties, ”jämkning för små län”, is not written down); the workbook shows the rule and the published figures side by side."
      ),
    ],
    example: {
      text: text(
        "2010 års 21 län med antalet kommuner, 66 000 000 kr, grundbelopp 2 000 000 kr och steg om 500 000 kr: Stockholms län (26 kommuner) får {result}.",
        "The 21 counties of 2010 with their numbers of municipalities, 66,000,000 kr, a base of 2,000,000 kr and steps of 500,000 kr: Stockholm county (26 municipalities) gets {result}."
      ),
      columns: countyColumns,
      args: [value("01"), ...countyArgs.slice(1)],
      spilled: true,
    },
    errors: [
      {
        code: "#VALUE!",
        why: text(
          "Felaktiga indata: en negativ vikt, grundbelopp för alla län som är större än totalen, en kod som saknas eller finns två gånger. Meddelandet anger rad och län där felet sitter i en rad.",
          "Bad input: a negative weight, base amounts for all counties larger than the total, a missing or repeated code. The message names the row and the county where the fault is in a row."
        ),
        columns: changed(countyColumns, 2, 2, -1),
        args: [value("01"), ...countyArgs.slice(1)],
      },
      {
        code: "#N/A",
        why: text("Länet finns inte i kodkolumnen.", "The county is not in the code column."),
        columns: countyColumns,
        args: [value("99"), ...countyArgs.slice(1)],
      },
    ],
    sources: [
      text(
        "Sörmlandsöverenskommelsen (dnr 09/5304), Bilaga 2",
        "the Sörmland agreement (Sörmlandsöverenskommelsen, dnr 09/5304), Bilaga 2"
      ),
      text(
        "presentationen ”Att bygga infrastruktur för socialtjänsten”, bild 15 och 17",
        "the presentation “Att bygga infrastruktur för socialtjänsten”, slides 15 and 17"
      ),
      text("Cirkulär 10:11, avsnitt 2 (summan och syftet)", "Cirkulär 10:11, section 2 (the sum and the purpose)"),
    ],
  },
  DISCHARGE_SETTLEMENT: {
    title: text(
      "Utskrivningsklara: dagar över gränsen gånger priset",
      "Discharge-ready days: days over the limit times the price"
    ),
    computes: [
      text(
        "Kalmar läns betalningsansvar 2018 för en kommun och en månad. Är snittet av individernas utskrivningsklara dagar strikt över snittgränsen debiteras varje dag över dagsgränsen, individ för individ, till priset per dag. Är snittet exakt lika med gränsen debiteras inget. Psykiatri: dagsgräns 20, snittgräns 0.",
        "Kalmar county's 2018 payment responsibility for one municipality and one month. When the average of the individuals' discharge-ready days is strictly above the average limit, every day above the day limit is billed, individual by individual, at the price per day. When the average equals the limit exactly, nothing is billed. Psychiatry: day limit 20, average limit 0."
      ),
    ],
    example: {
      text: text(
        "Tre individer med 2, 5 och 6 dagar till 7 000 kr per dag: snittet 13 / 3 ≈ 4,33 är över 3, så (5 − 3) + (6 − 3) = 5 dagar debiteras. Formeln ger {result}.",
        "Three individuals with 2, 5 and 6 days at 7,000 kr a day: the average 13 / 3 ≈ 4.33 is above 3, so (5 − 3) + (6 − 3) = 5 days are billed. The formula gives {result}."
      ),
      columns: [col("Dagar", "Days", [2, 5, 6])],
      args: [range(0), value(7000)],
      spilled: false,
    },
    errors: [
      {
        code: "#VALUE!",
        why: text(
          "Felaktiga indata: ett negativt antal dagar, text där dagar ska stå, ett negativt pris eller negativa gränser. Meddelandet anger raden. Funktionen slår inte upp någon part och ger därför aldrig #N/A.",
          "Bad input: a negative number of days, text where days belong, a negative price or negative limits. The message names the row. The function looks up no party, so it never gives #N/A."
        ),
        columns: [col("Dagar", "Days", [2, -5, 6])],
        args: [range(0), value(7000)],
      },
      {
        code: "#VALUE!",
        why: text(
          "Ett belopp som Excel inte kan hålla exakt: över 9 007 199 254 740 991 kr (2^53 − 1), eller så många öre när beloppet har ören. Funktionen avrundar aldrig i tysthet.",
          "An amount Excel cannot hold exactly: above 9,007,199,254,740,991 kr (2^53 − 1), or that many öre when the amount has öre. The function never rounds without a word."
        ),
        columns: [col("Dagar", "Days", [2, 5, 6])],
        args: [range(0), value(9007199254740991)],
      },
    ],
    sources: [
      text(
        "presentationen ”Länsgemensam ledning i samverkan” (Kalmar län), bild 7–10",
        "the presentation “Länsgemensam ledning i samverkan” (Kalmar county), slides 7–10"
      ),
    ],
  },
};

export { ROWS_NOTE };
