/*
 * The preview of an import against the workbook's current tables: what changes (party, column,
 * old → new), and the writes, one contiguous range per column, with text kept as text.
 */
import { loadBundledInputs } from "../../../src/cli/readData";
import {
  CurrentTables,
  importedReports,
  ImportReference,
  importTargetTables,
  parseImport,
  previewImport,
  problemText,
  referenceFromTables,
  TableValues,
} from "../../../src/taskpane/import";

const inputs = loadBundledInputs(2010);
const reference: ImportReference = { municipalities: inputs.municipalities, counties: inputs.counties };

const palliativeKommun: TableValues = [
  ["Kod", "Namn", "Folkmängd", "Dödsfall", "Registreringar"],
  ["0114", "Upplands Väsby", 38641, 20, 8],
  ["0115", "Vallentuna", 29361, 10, 4],
  ["0117", "Österåker", 39173, 5, 2],
];
const palliativeLandsting: TableValues = [
  ["Kod", "Namn", "Folkmängd", "Dödsfall", "Registreringar"],
  ["08", "Kalmar län", 233639, 300, 150],
];

describe("previewing a palliative import", () => {
  const current: CurrentTables = { Palliativ_kommun: palliativeKommun, Palliativ_landsting: palliativeLandsting };

  it("lists each changed cell with party, column, old and new value, and writes one range per column", () => {
    const parsed = parseImport("Kod;Dödsfall;Registreringar\n0114;20;9\n0115;10;4\n117;6;2\n", reference);
    const preview = previewImport(parsed, current);
    expect(preview.ok).toBe(true);
    expect(preview.problems).toEqual([]);
    expect(preview.changes).toEqual([
      {
        table: "Palliativ_kommun",
        row: 0,
        party: "0114 Upplands Väsby",
        column: "Registreringar",
        before: 8,
        after: 9,
        change: "ändras",
        importRow: 2,
      },
      {
        table: "Palliativ_kommun",
        row: 2,
        party: "0117 Österåker",
        column: "Dödsfall",
        before: 5,
        after: 6,
        change: "ändras",
        importRow: 4,
      },
    ]);
    expect(preview.unchangedRows).toBe(1);
    expect(preview.writes).toEqual([
      {
        table: "Palliativ_kommun",
        columns: [
          { column: "Dödsfall", firstRow: 2, values: [[6]], numberFormat: undefined },
          { column: "Registreringar", firstRow: 0, values: [[9]], numberFormat: undefined },
        ],
      },
    ]);
    expect(preview.summary).toBe("Importen ändrar 2 värden för 2 rader i Palliativ_kommun; 1 rad är oförändrad.");
  });

  it("writes the rows between two changes with their current values, so one range per column suffices", () => {
    const parsed = parseImport("Kod;Dödsfall;Registreringar\n0114;21;8\n0117;7;2\n", reference);
    const preview = previewImport(parsed, current);
    expect(preview.writes[0].columns).toEqual([
      { column: "Dödsfall", firstRow: 0, values: [[21], [10], [7]], numberFormat: undefined },
    ]);
  });

  it("writes county councils to their own table (separate pots)", () => {
    const parsed = parseImport("Typ;Kod;Dödsfall;Registreringar\nlandsting;08;300;210\n", reference);
    const preview = previewImport(parsed, current);
    expect(preview.writes).toEqual([
      {
        table: "Palliativ_landsting",
        columns: [{ column: "Registreringar", firstRow: 0, values: [[210]], numberFormat: undefined }],
      },
    ]);
  });

  it("writes nothing when a party has no row in the table", () => {
    const parsed = parseImport("Kod;Dödsfall;Registreringar\n0114;20;9\n0120;5;5\n", reference);
    const preview = previewImport(parsed, current);
    expect(preview.ok).toBe(false);
    expect(preview.writes).toEqual([]);
    expect(preview.problems.map(problemText)).toEqual([
      "Rad 3 (0120 Värmdö): finns inte i tabellen Palliativ_kommun. Importen ändrar bara parter som redan har en rad i tabellen; lägg till parten i indata och bygg arbetsboken på nytt.",
    ]);
  });

  it("writes nothing for an invalid file, and says how many problems it has", () => {
    const parsed = parseImport("Kod;Dödsfall;Registreringar\n0114;20;21\n", reference);
    const preview = previewImport(parsed, current);
    expect(preview).toMatchObject({ ok: false, writes: [], changes: [] });
    expect(preview.summary).toBe("Importen har 1 fel och kan inte skrivas in. Rätta filen och försök igen.");
  });

  it("asks for the workbook to be built when the table is missing", () => {
    const parsed = parseImport("Kod;Dödsfall;Registreringar\n0114;20;9\n", reference);
    expect(previewImport(parsed, {}).problems.map(problemText)).toEqual([
      "Tabellen Palliativ_kommun finns inte i arbetsboken. Bygg arbetsboken först (Bygg arbetsbok) och importera sedan.",
    ]);
  });
});

describe("previewing a Senior alert import", () => {
  const current: CurrentTables = {
    SeniorAlert_kommun: [
      ["Kod", "Namn", "Alla relevanta enheter startat", "Registreringar"],
      ["0114", "Upplands Väsby", "Nej", 42],
      ["0115", "Vallentuna", "ja", 61],
    ],
  };

  it("compares ja/nej by meaning and writes Ja or Nej", () => {
    const parsed = parseImport(
      "Kommun;Alla enheter startat;Registreringar\nUpplands Väsby;JA;42\nVallentuna;Ja;61\n",
      reference
    );
    const preview = previewImport(parsed, current);
    expect(preview.changes.map((c) => [c.party, c.column, c.before, c.after])).toEqual([
      ["0114 Upplands Väsby", "Alla relevanta enheter startat", "Nej", "Ja"],
    ]);
    expect(preview.writes).toEqual([
      {
        table: "SeniorAlert_kommun",
        columns: [{ column: "Alla relevanta enheter startat", firstRow: 0, values: [["Ja"]], numberFormat: undefined }],
      },
    ]);
  });
});

describe("previewing discharge days", () => {
  const header = ["Kommun", "Månad", "Individ", "Vårdform", "Dagar rapporterade", "Dagar efter analys"];
  const current: CurrentTables = {
    UK_individer: [
      header,
      ["0880", "2018-01", "S01", "somatisk", 4, 4],
      ["0880", "2018-02", "S01", "somatisk", 2, 2],
      ["0880", "2018-03", "S01", "somatisk", 5, 5],
      ["0880", "2018-04", "S01", "somatisk", 1, 1],
    ],
  };

  it("changes the days in place when the individuals are the same", () => {
    const parsed = parseImport(
      "Kommun;Månad;Individ;Dagar rapporterade;Dagar efter analys\n0880;2018-03;S01;5;3\n0880;2018-01;S01;4;4\n0880;2018-02;S01;2;2\n0880;2018-04;S01;1;1\n",
      reference
    );
    const preview = previewImport(parsed, current);
    expect(preview.changes.map((c) => [c.row, c.party, c.column, c.before, c.after])).toEqual([
      [2, "0880 Kalmar, 2018-03, S01 (somatisk)", "Dagar efter analys", 5, 3],
    ]);
    expect(preview.writes).toEqual([
      {
        table: "UK_individer",
        columns: [{ column: "Dagar efter analys", firstRow: 2, values: [[3]], numberFormat: undefined }],
      },
    ]);
    expect(preview.rebuild).toBeUndefined();
  });

  it("writes ids that start like a formula as text: apostrophe prefix and the text format", () => {
    const parsed = parseImport(
      "Kommun;Månad;Individ;Dagar\n" +
        "0880;2018-01;=1+1;4\n" +
        "0880;2018-02;+46;2\n" +
        "0880;2018-03;-1;5\n" +
        "0880;2018-04;@SUM(A1);1\n",
      reference
    );
    const preview = previewImport(parsed, current);
    expect(preview.ok).toBe(true);
    expect(preview.rebuild).toBeUndefined();
    expect(preview.writes).toEqual([
      {
        table: "UK_individer",
        columns: [
          { column: "Individ", firstRow: 0, values: [["'=1+1"], ["'+46"], ["'-1"], ["'@SUM(A1)"]], numberFormat: "@" },
        ],
      },
    ]);
    expect(preview.changes.filter((c) => c.change === "läggs till").map((c) => c.party)).toEqual([
      "0880 Kalmar, 2018-01, =1+1 (somatisk)",
      "0880 Kalmar, 2018-01, =1+1 (somatisk)",
      "0880 Kalmar, 2018-02, +46 (somatisk)",
      "0880 Kalmar, 2018-02, +46 (somatisk)",
      "0880 Kalmar, 2018-03, -1 (somatisk)",
      "0880 Kalmar, 2018-03, -1 (somatisk)",
      "0880 Kalmar, 2018-04, @SUM(A1) (somatisk)",
      "0880 Kalmar, 2018-04, @SUM(A1) (somatisk)",
    ]);
  });

  it("asks for a rebuild, and writes nothing, when a month gains an individual", () => {
    const parsed = parseImport(
      "Kommun;Månad;Individ;Dagar\n0880;2018-01;S01;4\n0880;2018-01;S02;3\n0880;2018-02;S01;2\n0880;2018-03;S01;5\n0880;2018-04;S01;1\n",
      reference
    );
    const preview = previewImport(parsed, current);
    expect(preview.ok).toBe(true);
    expect(preview.writes).toEqual([]);
    expect(preview.rebuild).toMatch(/bygg arbetsboken på nytt med de importerade uppgifterna/);
    expect(preview.changes.map((c) => [c.row, c.party, c.column, c.before, c.after, c.change])).toEqual([
      [1, "0880 Kalmar, 2018-01, S02 (somatisk)", "Dagar rapporterade", null, 3, "läggs till"],
      [1, "0880 Kalmar, 2018-01, S02 (somatisk)", "Dagar efter analys", null, 3, "läggs till"],
    ]);
    const reports = importedReports(parsed.ok ? parsed : (undefined as never));
    expect(reports.discharge?.[1]).toEqual({
      municipality: "0880",
      month: "2018-01",
      individual: "S02",
      care: "somatisk",
      daysReported: 3,
      daysAfterAnalysis: 3,
    });
  });
});

describe("the pane's helpers", () => {
  it("names the tables an import writes to", () => {
    expect(importTargetTables("palliativ")).toEqual(["Palliativ_kommun", "Palliativ_landsting"]);
    expect(importTargetTables("senior-alert")).toEqual(["SeniorAlert_kommun", "SeniorAlert_landsting"]);
    expect(importTargetTables("utskrivningsklara")).toEqual(["UK_individer"]);
  });

  it("reads the reference lists from the workbook's Kommuner and Landsting tables", () => {
    const ref = referenceFromTables(
      [
        ["Kod", "Kommun", "Län", "Folkmängd"],
        [114, "Upplands Väsby", 1, 38641],
      ],
      [
        ["Kod", "Län", "Antal kommuner", "Folkmängd"],
        ["01", "Stockholms län", 26, 2019182],
      ]
    );
    expect(ref).toEqual({
      municipalities: [{ code: "0114", name: "Upplands Väsby", countyCode: "01", population: 38641 }],
      counties: [{ code: "01", name: "Stockholms län", municipalities: 26, population: 2019182 }],
    });
  });
});
