/*
 * The Swedish texts of the custom functions' metadata. functions.json (English) is generated from the JSDoc in
 * functions.ts; the build makes functions-sv.json from it and this table (scripts/addin/metadata.ts), and fails
 * when a function or parameter here is missing, extra or untranslated. Ids and function names stay the same in
 * every language (SKL.PALLIATIVE_SHARE …): only descriptions and parameter names are Swedish.
 */

/** The ids of the custom functions, as in `@customfunction` (never changed once released). */
export type FunctionId = "PALLIATIVE_SHARE" | "SENIOR_ALERT_PAYOUT" | "COUNTY_GRANT" | "DISCHARGE_SETTLEMENT";

export const FUNCTION_IDS: readonly FunctionId[] = [
  "PALLIATIVE_SHARE",
  "SENIOR_ALERT_PAYOUT",
  "COUNTY_GRANT",
  "DISCHARGE_SETTLEMENT",
];

/** One parameter in Swedish: the name Excel shows in its tooltip (Excel's own style: värde_om_sant) and the help. */
export interface SwedishParameter {
  readonly name: string;
  readonly description: string;
}

export interface SwedishFunction {
  readonly description: string;
  /** By the parameter's English name in the JSDoc (`@param party`). */
  readonly parameters: Readonly<Record<string, SwedishParameter>>;
}

export const SWEDISH: Readonly<Record<FunctionId, SwedishFunction>> = {
  PALLIATIVE_SHARE: {
    description:
      "En nivå av palliativregistrets prestationsersättning: parter vars registreringar/dödsfall når tröskeln delar potten efter folkmängd (största rest, lika rest efter kod).",
    parameters: {
      party: {
        name: "part",
        description: "Partens kod, eller hela kodkolumnen för att få en kolumn med alla belopp.",
      },
      parties: {
        name: "parter",
        description: 'Kodkolumnen med alla parter i samma pott (kommunkoder som "0114" eller länskoder).',
      },
      registrations: {
        name: "registreringar",
        description: "Registreringar i Svenska palliativregistret under mätperioden, en per part.",
      },
      deaths: { name: "dödsfall", description: "Dödsfall under mätperioden, en per part." },
      population: {
        name: "folkmängd",
        description: "Varje parts folkmängd; parterna som kvalificerar sig delar potten i proportion till den.",
      },
      pot: { name: "pott", description: "Pengarna i den här nivån och potten, i kronor (t.ex. 40000000)." },
      threshold: { name: "tröskel", description: "Registreringsgraden som krävs, som andel: 0,4 för 40 %." },
      rounding: {
        name: "avrundning",
        description: "Avrundningssteg i kronor (standard 1; 1000 betalar hela tusental).",
      },
    },
  },
  SENIOR_ALERT_PAYOUT: {
    description:
      "Senior alert-ersättning: potten betalas per registrering till parterna där alla relevanta enheter har börjat registrera.",
    parameters: {
      party: {
        name: "part",
        description: "Partens kod, eller hela kodkolumnen för att få en kolumn med alla belopp.",
      },
      parties: { name: "parter", description: "Kodkolumnen med alla parter i samma pott." },
      qualifies: {
        name: "kvalificerad",
        description:
          "SANT när parten kvalificerar sig: alla relevanta enheter har börjat registrera och införandeprocessen är klar (1/0 och Ja/Nej går också).",
      },
      registrations: { name: "registreringar", description: "Registreringar i partens relevanta enheter." },
      pot: { name: "pott", description: "Pengarna i potten, i kronor (t.ex. 50000000)." },
      rounding: { name: "avrundning", description: "Avrundningssteg i kronor (standard 1)." },
    },
  },
  COUNTY_GRANT: {
    description:
      "Länsbidrag till länsgemensamma utvecklingsledare: varje län får grundbeloppet, resten delas efter vikt (t.ex. antalet kommuner).",
    parameters: {
      county: {
        name: "län",
        description: "Länets kod, eller hela kodkolumnen för att få en kolumn med alla belopp.",
      },
      counties: { name: "länskoder", description: 'Kodkolumnen med alla län (t.ex. "01" … "25").' },
      weights: { name: "vikter", description: "Varje läns vikt för resten, t.ex. antalet kommuner i länet." },
      total: { name: "totalt", description: "Hela bidraget i kronor (t.ex. 66000000)." },
      base: { name: "grundbelopp", description: "Beloppet som varje län får först, i kronor (t.ex. 2000000)." },
      rounding: {
        name: "avrundning",
        description: "Avrundningssteg i kronor för resten (standard 1; 500000 för halva miljoner).",
      },
    },
  },
  DISCHARGE_SETTLEMENT: {
    description:
      "Kalmar läns avräkning för utskrivningsklara, en kommun och månad: när snittet av utskrivningsklara dagar är över snittgränsen debiteras varje dag över dagsgränsen, individ för individ.",
    parameters: {
      days: {
        name: "dagar",
        description:
          'Utskrivningsklara dagar för varje individ i kommunen och månaden, en cell per individ: 0 räknas som en individ med 0 dagar (och sänker snittet); tomma celler (tomma eller "") hoppas över. Excel i Windows och på Mac lämnar en tom cell som 0, så låt området bara omfatta individerna.',
      },
      pricePerDay: { name: "pris_per_dag", description: "Priset per debiterad dag i kronor." },
      dayLimit: {
        name: "dagsgräns",
        description: "Dagar per individ som inte debiteras (standard 3; psykiatri 20).",
      },
      averageLimit: {
        name: "snittgräns",
        description:
          "Månadens snitt måste vara strikt över detta för att något ska debiteras (standard 3; psykiatri 0).",
      },
    },
  },
};
