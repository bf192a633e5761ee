/*
 * Förklara: the explanation of a selected cell, re-run with the engine on the table as it is now.
 * Small tables whose every figure is worked by hand in the comments; the last block checks every amount
 * of the workbook the plan builds against the explanation's own re-run.
 */
import { loadBundledInputs } from "../../../src/cli/readData";
import { CellSnapshot, explainCell, Explanation, explanationLines } from "../../../src/taskpane/explain";
import { quotientText, rateText } from "../../../src/taskpane/explain/read";
import { TableValues } from "../../../src/taskpane/import";
import { buildPlan } from "../../../src/workbook/buildPlan";
import { CellValue } from "../../../src/workbook/plan";
import { planParameters, planTables } from "../import/planTables";

/** The explanation with ordinary spaces (the engine groups thousands with no-break spaces). */
function plain(e: Explanation) {
  const sp = (s: string) => s.replace(/\u00a0/g, " ");
  return {
    ...e,
    summary: sp(e.summary),
    qualification: e.qualification && { ...e.qualification, reason: sp(e.qualification.reason) },
    facts: Object.fromEntries(e.facts.map((f) => [sp(f.label), sp(f.value)])),
    whatWouldChange: e.whatWouldChange.map(sp),
    notes: e.notes.map(sp),
  };
}

const explain = (
  table: string,
  values: TableValues,
  column: string,
  row: number,
  parameters: Record<string, CellValue>,
  extra: Partial<CellSnapshot> = {}
) => plain(explainCell({ table, values, column, row, parameters, ...extra }));

describe("palliative registry", () => {
  const parameters = {
    P_Troskel_Bas: 0.4,
    P_Troskel_Bonus: 0.7,
    P_Bas_Kommun: 1000000,
    P_Bonus_Kommun: 100000,
    Steg_Utbetalning: 1,
  };
  // Tier 1 (40 %): 0114 (9 of 20 = 45 %) and 0117 (8 of 10 = 80 %) qualify, population 20 000 + 10 000.
  // 0114: 1 000 000 × 20 000 / 30 000 = 666 666,67 → floor 666 666, remainder 20 000 (0117: 10 000), so
  // the one step left goes to 0114: 666 667; 0117: 333 333. Tier 2 (70 %): only 0117, all 100 000.
  const header = [
    "Kod",
    "Namn",
    "Folkmängd",
    "Dödsfall",
    "Registreringar",
    "Nivå 1: belopp",
    "Nivå 2: belopp",
    "Summa (kr)",
  ];
  const values: TableValues = [
    header,
    ["0114", "Upplands Väsby", 20000, 20, 9, 666667, 0, 666667],
    ["0115", "Vallentuna", 10000, 10, 1, 0, 0, 0],
    ["0117", "Österåker", 10000, 10, 8, 333333, 100000, 433333],
    ["0120", "Värmdö", 5000, 0, 0, 0, 0, 0],
  ];
  const palliative = (column: string, row: number, table: TableValues = values) =>
    explain("Palliativ_kommun", table, column, row, parameters, { firstRow: 10 });

  it("explains a qualifying party: the rate against the threshold, weight, quota, rounding and pot", () => {
    const e = palliative("Nivå 1: belopp", 0);
    expect(e.kind).toBe("amount");
    expect(e.title).toBe("Palliativregistret, nivå 1 (kommuner)");
    expect(e.party).toEqual({ code: "0114", name: "Upplands Väsby" });
    expect(e.summary).toBe("0114 Upplands Väsby får 666 667 kr av nivå 1: 9 av 20 = 45,0 % ≥ 40 %.");
    expect(e.qualification).toEqual({
      qualifies: true,
      reason: "Kvalificerad för nivå 1: registreringsgraden 45,0 % ≥ 40 % (9 av 20).",
    });
    expect(e.facts).toEqual({
      Dödsfall: "20",
      Registreringar: "9",
      Folkmängd: "20 000",
      Registreringsgrad: "9 av 20 = 45,0 % ≥ 40 %",
      Kvalificerad: "Ja",
      "Vikt (folkmängd)": "20 000 av 30 000 (66,67 %)",
      "Exakt andel (oavrundad)": "1 000 000 kr × 20 000 / 30 000 = 666 666,6666… kr",
      Avrundning:
        "+1 kr: golvet 666 666 kr plus ett steg, eftersom resten är nr 1 av 2 och 1 steg var kvar efter golven",
      "Belopp − exakt andel": "+0,3333… kr",
      Belopp: "666 667 kr",
      Potten: "1 000 000 kr (P_Bas_Kommun) i steg om 1 kr, delas av 2 parter; fördelat 1 000 000 kr, ej fördelat 0 kr",
    });
    // Tier 1 needs ⌈0,4 × 20⌉ = 8 registrations: 2 fewer (7) falls below. Tier 2 needs ⌈0,7 × 20⌉ = 14: 5 more,
    // and then 0114 and 0117 share the 100 000 as above: 66 666,67 → 66 667.
    expect(e.whatWouldChange).toEqual([
      "Med 2 registreringar färre (7 av 20 = 35,0 %) skulle parten inte längre nå 40 % för nivå 1.",
      "5 registreringar till skulle nå 70 % (14 av 20 = 70,0 %) och ge 66 667 kr av nivå 2, med övriga parters uppgifter oförändrade.",
    ]);
    expect(e.notes).toEqual(["Beloppet: (golv + extra steg) × avrundningssteget, räknat med Excels egna funktioner."]);
  });

  it("says nothing about falling below a threshold of 0, which every party with deaths reaches", () => {
    // Tier 1 at 0 %: 0114, 0115 and 0117 all qualify; even 0 registrations would. Tier 2 as above.
    const e = explain("Palliativ_kommun", values, "Nivå 1: belopp", 0, { ...parameters, P_Troskel_Bas: 0 });
    expect(e.qualification?.qualifies).toBe(true);
    expect(e.whatWouldChange).toEqual([
      "5 registreringar till skulle nå 70 % (14 av 20 = 70,0 %) och ge 66 667 kr av nivå 2, med övriga parters uppgifter oförändrade.",
    ]);
  });

  it("explains a party below the threshold and how many registrations would reach it", () => {
    const e = palliative("Nivå 1: belopp", 1);
    expect(e.summary).toBe("0115 Vallentuna får 0 kr av nivå 1: 1 av 10 = 10,0 % < 40 %.");
    expect(e.qualification).toEqual({
      qualifies: false,
      reason: "Kvalificerar inte för nivå 1: registreringsgraden 10,0 % < 40 % (1 av 10).",
    });
    expect(e.facts["Vikt (folkmängd)"]).toBe("0: delar inte potten");
    expect(e.facts.Belopp).toBe("0 kr");
    // ⌈0,4 × 10⌉ = 4 registrations: 3 more. Then 20 000 + 10 000 + 10 000 share: 0115 gets 1 000 000 / 4.
    expect(e.whatWouldChange).toEqual([
      "3 registreringar till skulle nå 40 % (4 av 10 = 40,0 %) och ge 250 000 kr av nivå 1, med övriga parters uppgifter oförändrade.",
    ]);
  });

  it("explains a party with 0 deaths: no rate, and why it cannot qualify", () => {
    const e = palliative("Nivå 1: belopp", 3);
    expect(e.summary).toBe("0120 Värmdö får 0 kr av nivå 1: 0 dödsfall under mätperioden: ingen registreringsgrad.");
    expect(e.qualification).toEqual({
      qualifies: false,
      reason: "0 dödsfall under mätperioden: ingen registreringsgrad, kvalificerar inte för nivå 1.",
    });
    expect(e.facts.Registreringsgrad).toBe("0 dödsfall under mätperioden: ingen registreringsgrad");
    expect(e.whatWouldChange).toEqual([
      "Utan dödsfall under mätperioden finns ingen registreringsgrad: parten kan inte kvalificera sig för nivå 1.",
    ]);
  });

  it("explains the sum of both tiers", () => {
    const e = palliative("Summa (kr)", 2);
    expect(e.title).toBe("Palliativregistret, nivå 1 + nivå 2 (kommuner)");
    expect(e.summary).toBe("0117 Österåker får 433 333 kr: 333 333 kr av nivå 1 och 100 000 kr av nivå 2.");
    expect(e.facts["Nivå 1: Avrundning"]).toBe(
      "0 kr: golvet 333 333 kr behålls; resten är nr 2 av 2 och 1 steg var kvar efter golven"
    );
    expect(e.facts["Nivå 2: Registreringsgrad"]).toBe("8 av 10 = 80,0 % ≥ 70 %");
    expect(e.facts["Nivå 2: Belopp"]).toBe("100 000 kr");
  });

  it("reflects the table as it is now, and says when the cell shows another amount", () => {
    // 0115 now has 4 of 10 = 40 %: three parties share tier 1 by 20 000 : 10 000 : 10 000.
    const now = values.map((r, i) => (i === 2 ? ["0115", "Vallentuna", 10000, 10, 4, 0, 0, 0] : r));
    const e = palliative("Nivå 1: belopp", 0, now);
    expect(e.summary).toBe("0114 Upplands Väsby får 500 000 kr av nivå 1: 9 av 20 = 45,0 % ≥ 40 %.");
    expect(e.notes).toContain(
      "Cellen visar 666 667 kr, men regeln ger 500 000 kr på tabellens nuvarande värden. Räkna om arbetsboken (F9) eller kontrollera formeln i cellen."
    );
  });

  it("names the row and party when the table breaks the rule", () => {
    const bad = values.map((r, i) => (i === 2 ? ["0115", "Vallentuna", 10000, 10, 11, 0, 0, 0] : r));
    const e = palliative("Nivå 1: belopp", 0, bad);
    expect(e.kind).toBe("problem");
    // Data row 1 is worksheet row 11 when the first data row is row 10.
    expect(e.summary).toBe(
      "Regeln kan inte räknas på tabellens nuvarande värden. Rad 11 (0115 Vallentuna): registreringar (11) är fler än dödsfall (10). Kontrollera registerutdraget."
    );
  });

  it("says what an input column means", () => {
    const e = palliative("Dödsfall", 0);
    expect(e.kind).toBe("column");
    expect(e.summary).toBe("Dödsfall för 0114 Upplands Väsby.");
    expect(e.notes).toEqual([
      'Indata: dödsfall under mätperioden (2010: oktober–december; presentationen "Att bygga infrastruktur för socialtjänsten", bild 13). Andelen är "andel registreringar per kommun i förhållande till antalet dödsfall i kommunen" (Cirkulär 10:11, avsnitt 1, Mål 1).',
    ]);
  });
});

describe("Senior alert", () => {
  const parameters = { S_Kommun: 1000, Steg_Utbetalning: 1 };
  // Qualifying: 0114 (3) and 0117 (4), 7 registrations: 1 000 / 7 = 142,857… per registration.
  // 0114: 3 000 / 7 = 428,57 (remainder 4), 0117: 4 000 / 7 = 571,43 (remainder 3): the step left goes to 0114.
  const values: TableValues = [
    ["Kod", "Namn", "Alla relevanta enheter startat", "Registreringar", "Senior alert: belopp"],
    ["0114", "Upplands Väsby", "Ja", 3, 429],
    ["0115", "Vallentuna", "Nej", 5, 0],
    ["0117", "Österåker", "Ja", 4, 571],
  ];
  const senior = (row: number) => explain("SeniorAlert_kommun", values, "Senior alert: belopp", row, parameters);

  it("explains a qualifying party, paid per registration", () => {
    const e = senior(0);
    expect(e.summary).toBe(
      "0114 Upplands Väsby får 429 kr av Senior alert för 3 registreringar (alla relevanta enheter har startat)."
    );
    expect(e.facts["Kronor per registrering (före avrundning)"]).toBe("1 000 kr / 7 registreringar = 142,8571… kr");
    expect(e.facts["Exakt andel (oavrundad)"]).toBe("1 000 kr × 3 / 7 = 428,5714… kr");
    expect(e.facts.Avrundning).toBe(
      "+1 kr: golvet 428 kr plus ett steg, eftersom resten är nr 1 av 2 och 1 steg var kvar efter golven"
    );
    // 4 registrations of 8: exactly half of 1 000.
    expect(e.whatWouldChange).toEqual([
      "Beloppet följer registreringarna i de relevanta enheterna: 4 i stället för 3 skulle ge 500 kr, med övriga parters uppgifter oförändrade.",
    ]);
  });

  it("explains a party that has not started in all relevant units, and what starting would give", () => {
    const e = senior(1);
    expect(e.summary).toBe(
      "0115 Vallentuna får 0 kr av Senior alert: alla relevanta enheter har inte startat registrering."
    );
    expect(e.qualification).toEqual({
      qualifies: false,
      reason: "Alla relevanta enheter har inte startat registrering: kvalificerar inte.",
    });
    // With 0115: 12 registrations. 5 000 / 12 = 416,67 (remainder 8), 3 000 / 12 = 250 (0), 4 000 / 12 = 333,33 (4).
    expect(e.whatWouldChange).toEqual([
      "Start av registrering i alla relevanta enheter (särskilt boende (SÄBO), hemsjukvård och korttidsboende) skulle kvalificera 0115 Vallentuna: med dagens 5 registreringar skulle det ge 417 kr, med övriga parters uppgifter oförändrade.",
    ]);
  });
});

describe("county grant", () => {
  const parameters = {
    C_Total: 10000000,
    C_Grund: 2000000,
    Steg_Lansbidrag: 500000,
    C_Regional: 1000000,
    Steg_Utbetalning: 1,
    C_Regional_Grund: "Publicerat",
  };
  // Rest: 10 000 000 − 3 × 2 000 000 = 4 000 000 = 8 steps of 500 000, by 26 : 8 : 1 municipalities (35).
  // Floors: 8·26/35 = 5,94 → 5; 8·8/35 = 1,83 → 1; 8/35 → 0. Two steps left; remainders 208 − 175 = 33,
  // 64 − 35 = 29, 8: to 01 and 03. Rule: 01 = 2 + 3 = 5 MSEK, 03 = 2 + 1 = 3 MSEK, 09 = 2 MSEK.
  // Published 5,5 + 2 + 2 = 9,5 MSEK (0,5 of the 10 not distributed, as Bilaga 2 leaves 0,5 of 66).
  // Adjustments +0,5 − 1 + 0 = −0,5 MSEK. Paid: Publicerat 5,5 / 2 / 2; Regeln 5 / 3 / 2; with the
  // adjustments 5,5 / 2 / 2. Regional: 1 000 000 in thirds, 333 333 each and the one krona left to the
  // lowest code, 01. Paid on the published basis (the "66 + 13" table less the grant's): 500 000, 600 000 and
  // 600 000 (1,7 of the 1 MSEK's 1,0: more than the pot, as a reading of two tables may give).
  const values: TableValues = [
    [
      "Kod",
      "Län",
      "Antal kommuner",
      "Regel: bidrag (kr)",
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
      "66 + 13: summa (kr)",
      "Publicerat 66 + 13 (kr)",
    ],
    [
      "01",
      "Stockholms län",
      26,
      5000000,
      5500000,
      500000,
      5500000,
      "Ja",
      "Ja",
      1,
      333334,
      500000,
      0,
      500000,
      "Nej",
      6000000,
      6000000,
    ],
    [
      "03",
      "Uppsala län",
      8,
      3000000,
      2000000,
      -1000000,
      2000000,
      "Nej",
      "Ja",
      1,
      333333,
      600000,
      0,
      600000,
      "Ja",
      2600000,
      2600000,
    ],
    [
      "09",
      "Gotlands län",
      1,
      2000000,
      2000000,
      0,
      2000000,
      "Ja",
      "Ja",
      1,
      333333,
      600000,
      0,
      600000,
      "Ja",
      2600000,
      2600000,
    ],
  ];
  const county = (column: string, row: number, basis = "Publicerat") =>
    explain("Lansbidrag", values, column, row, { ...parameters, C_Utbetalningsgrund: basis });

  it("explains the rule, the published figure, the difference and what the chosen basis pays", () => {
    const e = county("Regel: bidrag (kr)", 0);
    expect(e.summary).toBe(
      "01 Stockholms län får 5 000 000 kr enligt regeln: 2 000 000 kr i grundbelopp + 3 000 000 kr av resten efter antal kommuner; publicerat 5 500 000 kr. Med grunden Publicerat betalas 5 500 000 kr."
    );
    expect(e.facts).toMatchObject({
      "Grundbelopp per län": "2 000 000 kr (C_Grund)",
      "Resten som delas efter antal kommuner": "10 000 000 kr − 3 × 2 000 000 kr = 4 000 000 kr",
      "Resten: Vikt (antal kommuner)": "26 av 35 (74,29 %)",
      "Resten: Exakt andel (oavrundad)": "4 000 000 kr × 26 / 35 = 2 971 428,5714… kr",
      "Resten: Avrundning":
        "+500 000 kr: golvet 2 500 000 kr plus ett steg, eftersom resten är nr 1 av 3 och 2 steg var kvar efter golven",
      "Resten: Belopp − exakt andel": "+28 571,4285… kr",
      "Enligt regeln": "2 000 000 kr + 3 000 000 kr = 5 000 000 kr",
      "Publicerat (Sörmlandsöverenskommelsen, Bilaga 2)": "5 500 000 kr",
      "Publicerat − regel": "+500 000 kr",
      Justering: "+500 000 kr",
      "Summa justeringar (alla län)": "−500 000 kr (ska vara 0: justera så att summan blir 0)",
      "Grund för utbetalning": "Publicerat (C_Utbetalningsgrund)",
      "Slutligt bidrag": "det publicerade beloppet = 5 500 000 kr",
      "Ej fördelat av länsbidraget (alla län)": "10 000 000 kr − 9 500 000 kr = 500 000 kr",
    });
    expect(e.whatWouldChange).toEqual([
      "Grunden för utbetalning (C_Utbetalningsgrund på Parametrar) avgör vad länet får: Regeln 5 000 000 kr, Publicerat 5 500 000 kr, Regeln med justeringar 5 500 000 kr.",
      "Justeringen +500 000 kr ger det publicerade beloppet 5 500 000 kr med grunden Regeln med justeringar.",
    ]);
  });

  it("explains the final amount on the rule with its explicit adjustment", () => {
    // 03: 3 000 000 − 1 000 000 = 2 000 000. Paid 5,5 + 2 + 2 = 9,5 MSEK of 10.
    const e = county("Slutligt bidrag (kr)", 1, "Regeln med justeringar");
    expect(e.summary).toBe(
      "03 Uppsala län får 2 000 000 kr med grunden Regeln med justeringar: 2 000 000 kr i grundbelopp + 1 000 000 kr av resten efter antal kommuner −1 000 000 kr i justering; publicerat 2 000 000 kr."
    );
    expect(e.facts["Resten: Avrundning"]).toBe(
      "+500 000 kr: golvet 500 000 kr plus ett steg, eftersom resten är nr 2 av 3 och 2 steg var kvar efter golven"
    );
    expect(e.facts["Grund för utbetalning"]).toBe("Regeln med justeringar (C_Utbetalningsgrund)");
    expect(e.facts["Slutligt bidrag"]).toBe("3 000 000 kr − 1 000 000 kr = 2 000 000 kr");
    expect(e.facts["Ej fördelat av länsbidraget (alla län)"]).toBe("10 000 000 kr − 9 500 000 kr = 500 000 kr");
    expect(e.whatWouldChange).toEqual([
      "Grunden för utbetalning (C_Utbetalningsgrund på Parametrar) avgör vad länet får: Regeln 3 000 000 kr, Publicerat 2 000 000 kr, Regeln med justeringar 2 000 000 kr.",
      "Justeringen −1 000 000 kr ger det publicerade beloppet 2 000 000 kr med grunden Regeln med justeringar.",
    ]);
    expect(e.notes).toEqual([
      "Det som betalas, efter grunden för utbetalning på Parametrar (C_Utbetalningsgrund): Publicerat betalar det publicerade beloppet, Regeln regelns bidrag, Regeln med justeringar regelns bidrag plus justeringen.",
    ]);
  });

  it("pays the rule without the adjustments on the basis Regeln, and says the cell differs when it shows another basis", () => {
    // Regeln: 5 + 3 + 2 = 10 MSEK, nothing left undistributed. 01's cell shows the published 5 500 000.
    const e = county("Slutligt bidrag (kr)", 0, "regeln");
    expect(e.summary).toBe(
      "01 Stockholms län får 5 000 000 kr med grunden Regeln: 2 000 000 kr i grundbelopp + 3 000 000 kr av resten efter antal kommuner; publicerat 5 500 000 kr."
    );
    expect(e.facts["Slutligt bidrag"]).toBe("regelns bidrag = 5 000 000 kr");
    expect(e.facts["Ej fördelat av länsbidraget (alla län)"]).toBe("10 000 000 kr − 10 000 000 kr = 0 kr");
    expect(e.notes[1]).toBe(
      "Cellen visar 5 500 000 kr, men regeln ger 5 000 000 kr på tabellens nuvarande värden. Räkna om arbetsboken (F9) eller kontrollera formeln i cellen."
    );
  });

  it("explains a county that keeps only its floor", () => {
    const e = county("Regel: bidrag (kr)", 2);
    expect(e.facts["Resten: Avrundning"]).toBe(
      "0 kr: golvet 0 kr behålls; resten är nr 3 av 3 och 2 steg var kvar efter golven"
    );
    expect(e.whatWouldChange).toEqual([
      "Grunden för utbetalning (C_Utbetalningsgrund på Parametrar) avgör vad länet får: Regeln 2 000 000 kr, Publicerat 2 000 000 kr, Regeln med justeringar 2 000 000 kr.",
      "Regeln ger samma belopp som den publicerade tabellen.",
    ]);
  });

  it("explains the 66 + 13 sum: the grant as paid plus the regional support on its basis, and Stockholm's figure as a reading", () => {
    // 5 500 000 (published) + 500 000 (published regional, a reading) = 6 000 000, the table's figure.
    const e = county("66 + 13: summa (kr)", 0);
    expect(e.summary).toBe(
      "01 Stockholms län får 6 000 000 kr av 66 + 13 mnkr: 5 500 000 kr i länsbidrag (grunden Publicerat) och 500 000 kr i regionalt stöd."
    );
    expect(e.facts["Lika delar: Avrundning"]).toBe(
      "+1 kr: golvet 333 333 kr plus ett steg, eftersom resten är nr 1 av 3 och 1 steg var kvar efter golven"
    );
    expect(e.facts["Länsbidrag: Slutligt bidrag"]).toBe("det publicerade beloppet = 5 500 000 kr");
    expect(e.facts["66 + 13: summa"]).toBe("5 500 000 kr + 500 000 kr = 6 000 000 kr");
    expect(e.facts["Publicerat 66 + 13 − summa"]).toBe("0 kr");
    expect(e.whatWouldChange).toContain(
      "Grunden för det regionala stödet (C_Regional_Grund på Parametrar) avgör vad länet får: Publicerat 500 000 kr, Lika delar 333 334 kr, Publicerat med justeringar 500 000 kr, Lika delar med justeringar 333 334 kr."
    );
    expect(e.notes).toContain(
      'Stockholms siffra i tabellen på bild 17 i presentationen "Att bygga infrastruktur för socialtjänsten" är en läsning: transkriptet har "Stockholm 7," med en decimal som fallit bort (7,0 eller lika troligt 7,6).'
    );
    expect(county("66 + 13: summa (kr)", 1).notes.some((n) => n.startsWith("Stockholms"))).toBe(false);
  });

  it("holds back a county's grant without its plan and its regional support without its letter of intent, saying so", () => {
    const uppsala = county("Länsbidrag: innehålls (kr)", 1);
    expect(uppsala.facts["Villkor: plan för utvecklingsarbetet (Cirkulär 10:11, avsnitt 2)"]).toBe(
      "Nej: beloppet hålls inne"
    );
    expect(uppsala.facts["Innehålls"]).toBe("2 000 000 kr");
    expect(uppsala.facts["Betalas nu"]).toBe("0 kr");
    const stockholm = county("Regionalt: innehålls (kr)", 0);
    expect(stockholm.summary).toBe("01 Stockholms län får 500 000 kr i regionalt stöd med grunden Publicerat.");
    expect(stockholm.facts["Innehålls"]).toBe("500 000 kr");
    expect(stockholm.facts["Regionalt stöd enligt grunden"]).toBe("bild 17 minus Bilaga 2 = 500 000 kr (en läsning)");
  });

  it("refuses a basis of payment it does not know, naming the cell", () => {
    const e = county("Slutligt bidrag (kr)", 0, "Allt");
    expect(e.kind).toBe("problem");
    expect(e.summary).toBe(
      "Regeln kan inte räknas på tabellens nuvarande värden. Grunden för utbetalning C_Utbetalningsgrund (Allt) ska vara Regeln, Publicerat, Regeln med justeringar. Välj grunden i listan på bladet Parametrar."
    );
  });
});

describe("discharge settlement", () => {
  const parameters = { U_Pris: 7000, U_Daggrans: 3, U_Snittgrans: 3, U_Psyk_Daggrans: 20, U_Psyk_Snittgrans: 0 };
  const settlement: TableValues = [
    ["Kommun", "Namn", "Månad", "Vårdform", "Belopp (kr)"],
    ["0880", "Kalmar", "2018-03", "somatisk", 35000],
    ["0880", "Kalmar", "2018-03", "psykiatri", 35000],
    ["0880", "Kalmar", "2018-04", "somatisk", 0],
    ["0880", "Kalmar", "2018-05", "somatisk", 0],
  ];
  const individuals: TableValues = [
    ["Kommun", "Månad", "Individ", "Vårdform", "Dagar rapporterade", "Dagar efter analys"],
    ["0880", "2018-03", "S01", "somatisk", 3, 2],
    ["0880", "2018-03", "S02", "somatisk", 3, 3],
    ["0880", "2018-03", "S03", "somatisk", 5, 5],
    ["0880", "2018-03", "S04", "somatisk", 7, 6],
    ["0880", "2018-03", "P01", "psykiatri", 25, 25],
    ["0880", "2018-04", "S01", "somatisk", 2, 2],
    ["0880", "2018-04", "S02", "somatisk", 3, 3],
    ["0834", "2018-03", "S01", "somatisk", 9, 9],
    ["0880", "2018-05", "S01", "somatisk", 6, 3],
    ["0880", "2018-05", "S02", "somatisk", 4, 1],
    ["0880", "2018-05", "S03", "somatisk", 1, 1],
  ];
  const discharge = (row: number) =>
    explain("UK_avrakning", settlement, "Belopp (kr)", row, parameters, { tables: { UK_individer: individuals } });

  it("explains a billed month: averages, days over the limit, price, and how many days fewer would avoid it", () => {
    // Reported 3 + 3 + 5 + 7 = 18 (4,5 a day); after analysis 2 + 3 + 5 + 6 = 16 (4,0) > 3: billed.
    // Days over 3: S03 2, S04 3 = 5 × 7 000 = 35 000. 16 − 3 × 4 = 4 days fewer gives 12 / 4 = 3.
    const e = discharge(0);
    expect(e.title).toBe("Utskrivningsklara, somatik 2018-03");
    expect(e.summary).toBe(
      "0880 Kalmar debiteras 35 000 kr för 2018-03 (somatisk): snittet efter analys (16 / 4 = 4,00 dagar) överstiger 3, så 5 dagar över 3 per individ debiteras."
    );
    expect(e.facts).toEqual({
      Individer: "4",
      "Snitt rapporterat": "18 / 4 = 4,50 dagar > 3: analys med landstinget krävs",
      "Snitt efter analys": "16 / 4 = 4,00 dagar > 3: debiteras",
      "Dagar över 3 per individ": "S03: 5 − 3 = 2; S04: 6 − 3 = 3",
      "Debiterbara dagar": "5",
      "Pris per dag": "7 000 kr (U_Pris)",
      Belopp: "5 × 7 000 kr = 35 000 kr",
    });
    expect(e.whatWouldChange).toEqual([
      "4 dagar färre efter analys skulle ge snitt ≤ 3 (12 / 4 = 3,00) och ingen debitering.",
    ]);
  });

  it("explains a month below the limit: the analysis cannot add days, so more reported days would be needed", () => {
    // 2 + 3 = 5 days for 2 individuals: 2,5 ≤ 3. Billing needs more than 3 × 2 = 6, at least 7 days; the
    // days after analysis cannot exceed the 5 reported, so 2 more reported days would be needed.
    const e = discharge(2);
    expect(e.summary).toBe(
      "0880 Kalmar debiteras inte för 2018-04 (somatisk): snittet efter analys (5 / 2 = 2,50 dagar) överstiger inte 3."
    );
    expect(e.qualification).toEqual({
      qualifies: false,
      reason: "Snittet efter analys överstiger inte 3: ingen debitering.",
    });
    expect(e.facts.Belopp).toBe("0 × 7 000 kr = 0 kr");
    expect(e.whatWouldChange).toEqual([
      "Snittet efter analys kan inte bli högre än det rapporterade (5 / 2 = 2,50 dagar), och det överstiger inte 3. " +
        "Debitering skulle kräva minst 7 dagar för 2 individer (7 / 2 = 3,50), 2 dagar fler än de rapporterade.",
    ]);
  });

  it("writes an average that is not exact with ≈, rounded, and says how many of the removed days would start the billing", () => {
    // Reported 6 + 4 + 1 = 11 (11 / 3 = 3,666…), after analysis 3 + 1 + 1 = 5 (5 / 3 = 1,666…): not billed.
    // Billing needs more than 9 days: 10, that is 5 more of the 6 days the analysis took away.
    const e = discharge(3);
    expect(e.facts["Snitt rapporterat"]).toBe("11 / 3 ≈ 3,67 dagar > 3: analys med landstinget krävs");
    expect(e.facts["Snitt efter analys"]).toBe("5 / 3 ≈ 1,67 dagar ≤ 3: debiteras inte");
    expect(e.summary).toBe(
      "0880 Kalmar debiteras inte för 2018-05 (somatisk): snittet efter analys (5 / 3 ≈ 1,67 dagar) överstiger inte 3."
    );
    expect(e.whatWouldChange).toEqual([
      "Om analysen hade lämnat kvar 5 dagar fler (av de 6 dagar den räknade bort) skulle snittet överstiga 3 (10 / 3 ≈ 3,33) och dagarna över 3 per individ debiteras.",
    ]);
  });

  it("explains psychiatry: the days above 20 per individual, no average condition", () => {
    const e = discharge(1);
    expect(e.facts["Dagar över 20 per individ"]).toBe("P01: 25 − 20 = 5");
    expect(e.facts.Belopp).toBe("5 × 7 000 kr = 35 000 kr");
    expect(e.whatWouldChange).toEqual([
      "Inget snittvillkor: varje dag över 20 per individ debiteras. 5 dagar färre (högst 20 per individ) skulle ge 0 kr.",
    ]);
  });

  it("explains psychiatry with nobody over 20 days: no analysis, nothing billed", () => {
    // 1 individual, 17 days: not over 20, so nothing is billed and no analysis is asked for.
    const rows: TableValues = [settlement[0], ["0880", "Kalmar", "2018-02", "psykiatri", 0]];
    const days: TableValues = [individuals[0], ["0880", "2018-02", "P01", "psykiatri", 17, 17]];
    const e = explain("UK_avrakning", rows, "Belopp (kr)", 0, parameters, { tables: { UK_individer: days } });
    expect(e.title).toBe("Utskrivningsklara, psykiatri 2018-02");
    expect(e.summary).toBe(
      "0880 Kalmar debiteras inte för 2018-02 (psykiatri): inget snittvillkor, och ingen individ har fler än 20 dagar."
    );
    expect(e.qualification).toEqual({
      qualifies: false,
      reason: "Inget snittvillkor, och ingen individ har fler än 20 dagar: ingen debitering.",
    });
    expect(e.facts["Snitt rapporterat"]).toBe(
      "17 / 1 = 17,00 dagar: ingen individ har fler än 20 dagar, ingen analys krävs"
    );
    expect(e.facts["Snitt efter analys"]).toBe(
      "17 / 1 = 17,00 dagar (inget snittvillkor: U_Psyk_Snittgrans = 0): debiteras inte"
    );
    expect(e.facts.Belopp).toBe("0 × 7 000 kr = 0 kr");
    expect(e.whatWouldChange).toEqual(["Ingen individ har fler än 20 dagar: inget debiteras."]);
  });

  it("reads months and kinds of care in every spelling the input module accepts, as one group", () => {
    // 43160 is Excel's date number of 2018-03-01. The four individuals are the billed group of 2018-03 above
    // (after analysis 2 + 3 + 5 + 6 = 16 > 3 × 4), spelled four ways; 0880's psychiatry stays apart.
    const rows: TableValues = [settlement[0], ["0880", "Kalmar", 43160, "Somatik", 35000]];
    const days: TableValues = [
      individuals[0],
      ["0880", "2018-3", "S01", "somatik", 3, 2],
      ["0880", "2018/03", "S02", "SOMATISK", 3, 3],
      ["0880", "2018-03-01", "S03", "s", 5, 5],
      ["0880", 43160, "S04", "somatisk", 7, 6],
      ["0880", "2018-03", "P01", "psyk", 25, 25],
    ];
    const e = explain("UK_avrakning", rows, "Belopp (kr)", 0, parameters, { tables: { UK_individer: days } });
    expect(e.title).toBe("Utskrivningsklara, somatik 2018-03");
    expect(e.facts.Individer).toBe("4");
    expect(e.facts.Belopp).toBe("5 × 7 000 kr = 35 000 kr");
    expect(e.notes.filter((n) => n.startsWith("Cellen visar"))).toEqual([]);
  });

  it("names the individual's row when its kind of care cannot be read", () => {
    const days: TableValues = [...individuals, ["0880", "2018-03", "S05", "akut", 1, 1]];
    const e = explain("UK_avrakning", settlement, "Belopp (kr)", 0, parameters, { tables: { UK_individer: days } });
    expect(e.kind).toBe("problem");
    expect(e.summary).toBe(
      "Regeln kan inte räknas på tabellens nuvarande värden. Rad 12 (0880, 2018-03, S05): vårdform (akut) ska vara somatisk eller psykiatri."
    );
  });

  it("asks for the individuals' table when the pane did not read it", () => {
    const e = explain("UK_avrakning", settlement, "Belopp (kr)", 0, parameters);
    expect(e.kind).toBe("problem");
    expect(e.summary).toMatch(/Förklaringen behöver tabellen UK_individer/);
  });
});

describe("cells outside the rules", () => {
  it("asks for an amount when the cell is in no known table", () => {
    expect(explainCell({ parameters: {} }).summary).toBe("Markera ett belopp i en av arbetsbokens tabeller");
    expect(explainCell({ table: "Tabell1", column: "A", row: 0, values: [["A"], [1]], parameters: {} }).summary).toBe(
      "Markera ett belopp i en av arbetsbokens tabeller"
    );
  });

  it("names a missing parameter", () => {
    const e = explainCell({
      table: "SeniorAlert_kommun",
      column: "Senior alert: belopp",
      row: 0,
      values: [
        ["Kod", "Namn", "Alla relevanta enheter startat", "Registreringar"],
        ["0114", "Upplands Väsby", "Ja", 3],
      ],
      parameters: { Steg_Utbetalning: 1 },
    });
    expect(e.kind).toBe("problem");
    expect(e.summary).toBe(
      "Regeln kan inte räknas på tabellens nuvarande värden. Parametern S_Kommun saknas eller är tom. Kontrollera bladet Parametrar (Formler → Namnhanteraren)."
    );
  });
});

describe("every amount of the built workbook", () => {
  const { plan } = buildPlan(loadBundledInputs(2010), "addin");
  const tables = planTables(plan);
  const parameters = planParameters(plan);
  const amountColumns: [string, string][] = [
    ["Palliativ_kommun", "Nivå 1: SKL-funktion"],
    ["Palliativ_kommun", "Nivå 2: belopp"],
    ["Palliativ_landsting", "Summa (kr)"],
    ["SeniorAlert_kommun", "Senior alert: belopp"],
    ["SeniorAlert_landsting", "Senior alert: SKL-funktion"],
    ["Lansbidrag", "Regel: bidrag (kr)"],
    ["Lansbidrag", "Regionalt: belopp"],
    ["Lansbidrag", "Slutligt bidrag (kr)"],
    ["Lansbidrag", "66 + 13: summa (kr)"],
    ["UK_avrakning", "Belopp (kr)"],
  ];

  it.each(amountColumns)("%s, %s: the re-run gives the amount the workbook shows", (table, column) => {
    const values = tables[table];
    for (let row = 0; row < values.length - 1; row++) {
      const e = explainCell({ table, column, row, values, parameters, tables });
      if (e.kind !== "amount") throw new Error(explanationLines(e).join("\n"));
      expect(e.notes.filter((n) => n.startsWith("Cellen visar"))).toEqual([]);
    }
  });
});

describe("averages as the explanation writes them", () => {
  it("writes = only when the two decimals are exact, ≈ otherwise, and never rounds onto the limit", () => {
    expect(quotientText(16, 4)).toBe("= 4,00");
    expect(quotientText(5, 3)).toBe("≈ 1,67");
    expect(quotientText(3001, 1000, 3)).toBe("= 3,001");
    expect(quotientText(9001, 3000, 3)).toBe("≈ 3,0003");
    expect(quotientText(8999, 3000, 3)).toBe("≈ 2,9997");
    expect(quotientText(3, 1, 3)).toBe("= 3,00");
  });
});

describe("rates as the explanation writes them", () => {
  it("writes = when one decimal holds the rate exactly, ≈ otherwise, truncated so a rate never reads as a threshold it misses", () => {
    expect(rateText(9n, 20n)).toBe("9 av 20 = 45,0\u00a0%");
    expect(rateText(1n, 3n)).toBe("1 av 3 ≈ 33,3\u00a0%");
    expect(rateText(3996n, 10000n)).toBe("3\u00a0996 av 10\u00a0000 ≈ 39,9\u00a0%");
  });
});
