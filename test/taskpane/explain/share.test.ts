/*
 * Förklara on the party page `Andel`: a row of `Andel_poster` is explained as its pot's amount for the party in
 * the row's role, and a row of `Andel_lanet` as the county's common money, in the words of the pot's own sheet.
 * Small tables, every figure worked by hand.
 */
import {
  CellSnapshot,
  explainCell,
  explainNeeds,
  EXPLAIN_PARAMETERS,
  Explanation,
} from "../../../src/taskpane/explain";
import { TableValues } from "../../../src/taskpane/import";
import { loadBundledInputs } from "../../../src/cli/readData";
import { buildPlan } from "../../../src/workbook/buildPlan";
import { planParameters, planTables } from "../import/planTables";

const sp = (s: string) => s.replace(/\u00a0/g, " ");
const plain = (e: Explanation) => ({
  ...e,
  summary: sp(e.summary),
  facts: Object.fromEntries(e.facts.map((f) => [sp(f.label), sp(f.value)])),
  whatWouldChange: e.whatWouldChange.map(sp),
  notes: e.notes.map(sp),
});

// Palliative, municipalities: 0114 9 of 20 (45 %), population 20 000; 0117 8 of 10 (80 %), 10 000.
// Tier 1 (40 %, 900 000 kr): both, 2 : 1, so 600 000 and 300 000. Tier 2 (70 %, 100 000 kr): only 0117.
// 0114 needs ⌈0,7 × 20⌉ = 14 registrations, 5 more; then 100 000 × 2/3 = 66 666,67 → 66 667.
const palliative: TableValues = [
  ["Kod", "Namn", "Folkmängd", "Dödsfall", "Registreringar", "Nivå 1: belopp", "Nivå 2: belopp", "Summa (kr)"],
  ["0114", "Upplands Väsby", 20000, 20, 9, 600000, 0, 600000],
  ["0117", "Österåker", 10000, 10, 8, 300000, 100000, 400000],
];
// Senior alert, municipalities: both qualify, 300 and 100 registrations of a 40 000 kr pot: 100 kr each.
const seniorAlert: TableValues = [
  ["Kod", "Namn", "Lokal koordinator", "Alla relevanta enheter startat", "Registreringar", "Senior alert: belopp"],
  ["0114", "Upplands Väsby", "Ja", "Ja", 300, 30000],
  ["0117", "Österåker", "Ja", "Ja", 100, 10000],
];
// County grant: 6 000 000 kr, 2 000 000 each, the rest 2 000 000 = 4 steps of 500 000 by 26 : 8. Floors 3 and
// 0, one step left: remainders 104 − 102 = 2 and 32, so to 03. Rule: 01 3 500 000, 03 2 500 000. Published
// 4 000 000 and 2 000 000; on the basis Publicerat 01 is paid 4 000 000. Regional: 1 000 000 in halves, and
// published (the "66 + 13" table less Bilaga 2) 600 000 each; on the basis Publicerat 600 000.
const county: TableValues = [
  [
    "Kod",
    "Län",
    "Antal kommuner",
    "Publicerat (kr)",
    "Justering (kr)",
    "Slutligt bidrag (kr)",
    "Villkor: plan för utvecklingsarbetet",
    "Villkor: överenskommelse med SKL",
    "Regionalt: vikt (indata)",
    "Regionalt: belopp",
    "Publicerat 66 + 13 − publicerat 66 (kr)",
    "Regionalt: justering (kr)",
    "Regionalt: enligt grunden (kr)",
    "Villkor: avsiktsförklaring",
  ],
  ["01", "Stockholms län", 26, 4000000, 0, 4000000, "Ja", "Ja", 1, 500000, 600000, 0, 600000, "Ja"],
  ["03", "Uppsala län", 8, 2000000, 0, 2000000, "Ja", "Ja", 1, 500000, 600000, 0, 600000, "Ja"],
];
// The page of 0114: its municipal role's three pots, no second role (blank rows), as the page writes them.
const page: TableValues = [
  ["Pott", "Kvalificerad", "Varför", "Partens vikt", "Belopp (kr)", "Roll", "Kod i potten"],
  ["Palliativregistret, nivå 1 (kommunernas pott)", "Ja", "45,0 % ≥ 40 % (9 av 20)", 20000, 600000, "kommun", "0114"],
  [
    "Palliativregistret, nivå 2 (kommunernas pott)",
    "Nej",
    "45,0 % < 70 % (9 av 20): 5 registreringar till behövs",
    0,
    0,
    "kommun",
    "0114",
  ],
  [
    "Senior alert (kommunernas pott)",
    "Ja",
    "Alla villkor uppfyllda: ersättning per registrering",
    300,
    30000,
    "kommun",
    "0114",
  ],
  ["", "", "", "", "", "", ""],
];
// The county's common money on the page: Stockholms län's (0114 is in county 01), or Uppsala's with its code as a number.
const countyPage = (code: string | number): TableValues => [
  [
    "Medel",
    "Grund för utbetalning",
    "Publicerat (kr)",
    "Enligt grunden (kr)",
    "Innehålls (kr)",
    "Betalas nu (kr)",
    "Län",
  ],
  ["Länsbidrag (66 mnkr)", "Publicerat", 4000000, 4000000, 0, 4000000, code],
  ["Regionalt stöd (13 mnkr)", "Publicerat", 600000, 600000, 0, 600000, code],
];
const parameters = {
  P_Troskel_Bas: 0.4,
  P_Troskel_Bonus: 0.7,
  P_Bas_Kommun: 900000,
  P_Bonus_Kommun: 100000,
  S_Kommun: 40000,
  Steg_Utbetalning: 1,
  C_Total: 6000000,
  C_Grund: 2000000,
  Steg_Lansbidrag: 500000,
  C_Regional: 1000000,
  C_Utbetalningsgrund: "Publicerat",
  C_Regional_Grund: "Publicerat",
};
const tables = { Palliativ_kommun: palliative, SeniorAlert_kommun: seniorAlert, Lansbidrag: county };

const onPage = (row: number, column = "Belopp (kr)", values = page, table = "Andel_poster") =>
  plain(
    explainCell({
      table,
      column,
      row,
      values,
      parameters: { ...parameters, Andel_Kod: "0114" },
      tables,
    })
  );

describe("Förklara on a party's page (Andel)", () => {
  it("explains a palliative tier's row as that tier's amount for the party in the row's role", () => {
    const e = onPage(0);
    expect(e.kind).toBe("amount");
    expect(e.title).toBe("Andel: Palliativregistret, nivå 1 (kommuner)");
    expect(e.summary).toBe("0114 Upplands Väsby får 600 000 kr av nivå 1: 9 av 20 = 45,0 % ≥ 40 %.");
    expect(e.facts["Exakt andel (oavrundad)"]).toBe("900 000 kr × 20 000 / 30 000 = 600 000 kr");
    expect(e.notes[0]).toBe(
      "Raden Palliativregistret, nivå 1 (kommunernas pott) på bladet Andel (0114): förklaringen av beloppet i tabellen Palliativ_kommun, kolumnen Nivå 1: belopp."
    );
  });

  it("says how many registrations the party needs for tier 2, from any column of the row", () => {
    const e = onPage(1, "Varför");
    expect(e.summary).toBe("0114 Upplands Väsby får 0 kr av nivå 2: 9 av 20 = 45,0 % < 70 %.");
    expect(e.whatWouldChange).toEqual([
      "5 registreringar till skulle nå 70 % (14 av 20 = 70,0 %) och ge 66 667 kr av nivå 2, med övriga parters uppgifter oförändrade.",
    ]);
  });

  it("explains Senior alert's row, paid per registration", () => {
    const e = onPage(2);
    expect(e.summary).toBe(
      "0114 Upplands Väsby får 30 000 kr av Senior alert för 300 registreringar (alla relevanta enheter har startat)."
    );
    expect(e.facts["Kronor per registrering (före avrundning)"]).toBe("40 000 kr / 400 registreringar = 100 kr");
  });

  it("asks for a role on a blank row of the page (a party with one role)", () => {
    expect(onPage(3).summary).toBe(
      "Regeln kan inte räknas på tabellens nuvarande värden. Raden 4 på bladet Andel gäller ingen roll för den valda parten: välj en rad med en pott."
    );
  });

  it("explains the county grant of the page's county, paid to the county's recipient", () => {
    const e = onPage(0, "Enligt grunden (kr)", countyPage("01"), "Andel_lanet");
    expect(e.title).toBe("Andel: Länsbidrag till utvecklingsledare (66 mnkr)");
    expect(e.summary).toBe(
      "01 Stockholms län får 4 000 000 kr med grunden Publicerat, beloppet i Bilaga 2 (enligt regeln 3 500 000 kr)."
    );
    expect(e.notes.slice(0, 2)).toEqual([
      "Raden Länsbidrag (66 mnkr) på bladet Andel (01): förklaringen av beloppet i tabellen Lansbidrag, kolumnen Slutligt bidrag (kr).",
      "Länsbidraget och det regionala stödet betalas till länets mottagare, inte till parten: förklaringen gäller länet 01.",
    ]);
  });

  it("explains the regional support on its basis, also when the county's code lost its leading zero", () => {
    const e = onPage(1, "Betalas nu (kr)", countyPage(3), "Andel_lanet");
    expect(e.summary).toBe("03 Uppsala län får 600 000 kr i regionalt stöd med grunden Publicerat.");
  });

  it("names a party the pot's table lacks", () => {
    const other = page.map((row, i) => (i === 1 ? [...row.slice(0, 6), "0115"] : row));
    expect(onPage(0, "Belopp (kr)", other).summary).toBe(
      "Regeln kan inte räknas på tabellens nuvarande värden. 0115 finns inte i tabellen Palliativ_kommun."
    );
  });

  it("says what the page's columns mean on the header row", () => {
    const e = onPage(-1, "Partens vikt");
    expect(e.kind).toBe("column");
    expect(e.notes).toEqual(["Partens folkmängd eller registreringar, 0 om den inte kvalificerar sig."]);
  });

  it("asks the pane to read the page's party, every pot's table and their parameters", () => {
    const needs = explainNeeds("Andel_poster");
    expect([...needs.tables].sort()).toEqual(
      ["Lansbidrag", "Palliativ_kommun", "Palliativ_landsting", "SeniorAlert_kommun", "SeniorAlert_landsting"].sort()
    );
    expect(needs.parameters).toEqual(
      expect.arrayContaining([
        "Andel_Kod",
        "C_Utbetalningsgrund",
        "C_Regional_Grund",
        "P_Bas_Landsting",
        "S_Kommun",
        "C_Regional",
      ])
    );
    expect(EXPLAIN_PARAMETERS).toContain("Andel_Kod");
  });
});

describe("Förklara on the page of the built workbook", () => {
  const { plan } = buildPlan(loadBundledInputs(2010), "addin");
  const all = planTables(plan);
  const names = planParameters(plan);

  it("explains every row of the page the workbook is written with, to the amount the page shows", () => {
    const rows = all.Andel_poster;
    const pots = rows.filter((r, i) => i > 0 && r[0] !== "").length;
    expect(pots).toBe(3);
    for (const [table, column, count] of [
      ["Andel_poster", "Belopp (kr)", pots],
      ["Andel_lanet", "Enligt grunden (kr)", 2],
    ] as const) {
      for (let row = 0; row < count; row++) {
        const e = explainCell({ table, column, row, values: all[table], parameters: names, tables: all });
        if (e.kind !== "amount") throw new Error(`${table} ${row}: ${e.summary}`);
        expect(e.notes.filter((n) => n.startsWith("Cellen visar"))).toEqual([]);
      }
    }
  });
});
