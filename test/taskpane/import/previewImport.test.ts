/*
 * The preview of an import against the workbook's current tables: what changes (party, column,
 * old → new), and the edits: only the cells that change (one range per run of adjacent changed cells),
 * the cells to check again before writing, rows added and removed, with text kept as text.
 */
import { loadBundledInputs } from "../../../src/cli/readData";
import {
  CurrentTables,
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

  it("lists each changed cell with party, column, old and new value, and writes just those cells", () => {
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
    expect(preview.edits).toEqual([
      {
        table: "Palliativ_kommun",
        rowCount: 3,
        // Before writing, the changed cells must still hold what the preview showed, and the rows their parties.
        expect: [
          { column: "Kod", firstRow: 0, values: [["0114"]], numberFormat: undefined },
          { column: "Kod", firstRow: 2, values: [["0117"]], numberFormat: undefined },
          { column: "Dödsfall", firstRow: 2, values: [[5]], numberFormat: undefined },
          { column: "Registreringar", firstRow: 0, values: [[8]], numberFormat: undefined },
        ],
        set: [
          { column: "Dödsfall", firstRow: 2, values: [[6]], numberFormat: undefined },
          { column: "Registreringar", firstRow: 0, values: [[9]], numberFormat: undefined },
        ],
        add: [],
        addNumberFormats: {},
        remove: [],
      },
    ]);
    expect(preview.summary).toBe("Importen ändrar 2 värden för 2 rader i Palliativ_kommun; 1 rad är oförändrad.");
  });

  it("never writes the rows between two changes: one range per run of adjacent changed cells", () => {
    const parsed = parseImport("Kod;Dödsfall;Registreringar\n0114;21;8\n0115;11;4\n0117;7;2\n", reference);
    expect(previewImport(parsed, current).edits[0].set).toEqual([
      { column: "Dödsfall", firstRow: 0, values: [[21], [11], [7]], numberFormat: undefined },
    ]);
    const gap = parseImport("Kod;Dödsfall;Registreringar\n0114;21;8\n0117;7;2\n", reference);
    expect(previewImport(gap, current).edits[0].set).toEqual([
      { column: "Dödsfall", firstRow: 0, values: [[21]], numberFormat: undefined },
      { column: "Dödsfall", firstRow: 2, values: [[7]], numberFormat: undefined },
    ]);
  });

  it("writes county councils to their own table (separate pots)", () => {
    const parsed = parseImport("Typ;Kod;Dödsfall;Registreringar\nlandsting;08;300;210\n", reference);
    const preview = previewImport(parsed, current);
    expect(preview.edits.map((e) => [e.table, e.set])).toEqual([
      ["Palliativ_landsting", [{ column: "Registreringar", firstRow: 0, values: [[210]], numberFormat: undefined }]],
    ]);
  });

  it("writes nothing when a party has no row in the table", () => {
    const parsed = parseImport("Kod;Dödsfall;Registreringar\n0114;20;9\n0120;5;5\n", reference);
    const preview = previewImport(parsed, current);
    expect(preview.ok).toBe(false);
    expect(preview.edits).toEqual([]);
    expect(preview.problems.map(problemText)).toEqual([
      "Rad 3 (0120 Värmdö): finns inte i tabellen Palliativ_kommun. Importen ändrar bara parter som redan har en rad i tabellen; lägg till parten i indata och bygg arbetsboken på nytt.",
    ]);
  });

  it("writes nothing for an invalid file, and says how many problems it has", () => {
    const parsed = parseImport("Kod;Dödsfall;Registreringar\n0114;20;21\n", reference);
    const preview = previewImport(parsed, current);
    expect(preview).toMatchObject({ ok: false, edits: [], changes: [] });
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
    expect(preview.edits.map((e) => [e.table, e.set])).toEqual([
      [
        "SeniorAlert_kommun",
        [{ column: "Alla relevanta enheter startat", firstRow: 0, values: [["Ja"]], numberFormat: undefined }],
      ],
    ]);
  });
});

describe("previewing discharge days", () => {
  const header = ["Kommun", "Månad", "Individ", "Vårdform", "Dagar rapporterade", "Dagar efter analys"];
  const individuals: TableValues = [
    header,
    ["0880", "2018-01", "S01", "somatisk", 4, 4],
    ["0880", "2018-02", "S01", "somatisk", 2, 2],
    ["0880", "2018-03", "S01", "somatisk", 5, 5],
    ["0880", "2018-03", "S02", "somatisk", 1, 1],
    ["0834", "2018-03", "S01", "somatisk", 9, 9],
    ["0880", "2018-04", "S01", "somatisk", 1, 1],
  ];
  const settlement: TableValues = [
    ["Kommun", "Namn", "Månad", "Månadsnr", "Vårdform"],
    ["0880", "Kalmar", "2018-01", 1, "somatisk"],
    ["0880", "Kalmar", "2018-02", 2, "somatisk"],
    ["0880", "Kalmar", "2018-03", 3, "somatisk"],
    ["0834", "Torsås", "2018-03", 3, "somatisk"],
    ["0880", "Kalmar", "2018-04", 4, "somatisk"],
  ];
  const county: TableValues = [
    ["Månad", "Månadsnr"],
    ["2018-01", 1],
    ["2018-02", 2],
    ["2018-03", 3],
    ["2018-04", 4],
  ];
  const current: CurrentTables = { UK_individer: individuals, UK_avrakning: settlement, UK_lanet: county };
  const kinds = (preview: ReturnType<typeof previewImport>) =>
    preview.changes.map((c) => [c.table, c.row, c.party, c.column, c.before, c.after, c.change]);

  it("reads the individuals, the settlement rows and the county's months", () => {
    expect(importTargetTables("utskrivningsklara")).toEqual(["UK_individer", "UK_avrakning", "UK_lanet"]);
  });

  it("replaces only the groups in the file: one municipality and month, every other row left as it is", () => {
    // 0880 in March only: S01's days after analysis change; 0834's March and 0880's other months are not in the file.
    const parsed = parseImport(
      "Kommun;Månad;Individ;Dagar rapporterade;Dagar efter analys\n0880;2018-03;S01;5;3\n0880;2018-03;S02;1;1\n",
      reference
    );
    const preview = previewImport(parsed, current);
    expect(preview.ok).toBe(true);
    expect(kinds(preview)).toEqual([
      ["UK_individer", 2, "0880 Kalmar, 2018-03, S01 (somatisk)", "Dagar efter analys", 5, 3, "ändras"],
    ]);
    expect(preview.edits).toEqual([
      {
        table: "UK_individer",
        rowCount: 6,
        expect: [
          { column: "Kommun", firstRow: 2, values: [["0880"]], numberFormat: undefined },
          { column: "Månad", firstRow: 2, values: [["2018-03"]], numberFormat: undefined },
          { column: "Individ", firstRow: 2, values: [["S01"]], numberFormat: undefined },
          { column: "Vårdform", firstRow: 2, values: [["somatisk"]], numberFormat: undefined },
          { column: "Dagar efter analys", firstRow: 2, values: [[5]], numberFormat: undefined },
        ],
        set: [{ column: "Dagar efter analys", firstRow: 2, values: [[3]], numberFormat: undefined }],
        add: [],
        addNumberFormats: expect.any(Object),
        remove: [],
      },
    ]);
    expect(preview.summary).toBe(
      "Importen ersätter 1 grupp (kommun, månad och vårdform) i UK_individer; övriga grupper lämnas som de är. " +
        "1 individ får nya dagar; 1 individ är oförändrad."
    );
  });

  it("adds an individual the table lacks and removes one of an imported group that the file lacks", () => {
    // March in 0880: S02 is gone from the file, S03 is new; S01 is unchanged.
    const parsed = parseImport("Kommun;Månad;Individ;Dagar\n0880;2018-03;S01;5\n0880;2018-03;S03;7\n", reference);
    const preview = previewImport(parsed, current);
    expect(kinds(preview)).toEqual([
      ["UK_individer", -1, "0880 Kalmar, 2018-03, S03 (somatisk)", "Dagar rapporterade", null, 7, "läggs till"],
      ["UK_individer", -1, "0880 Kalmar, 2018-03, S03 (somatisk)", "Dagar efter analys", null, 7, "läggs till"],
      ["UK_individer", 3, "0880, 2018-03, S02 (somatisk)", "Dagar rapporterade", 1, null, "tas bort"],
      ["UK_individer", 3, "0880, 2018-03, S02 (somatisk)", "Dagar efter analys", 1, null, "tas bort"],
    ]);
    const [edit] = preview.edits;
    expect(edit.add).toEqual([
      {
        values: {
          Kommun: "0880",
          Månad: "2018-03",
          Individ: "S03",
          Vårdform: "somatisk",
          "Dagar rapporterade": 7,
          "Dagar efter analys": 7,
        },
      },
    ]);
    expect(edit.addNumberFormats).toMatchObject({ Kommun: "@", Månad: "@", Individ: "@" });
    expect(edit.remove).toEqual([3]);
    expect(edit.set).toEqual([]);
    // The row to remove is checked before it goes: still S02 of 0880 in March, with the days the preview showed.
    expect(edit.expect).toContainEqual({ column: "Individ", firstRow: 3, values: [["S02"]], numberFormat: undefined });
    expect(preview.summary).toBe(
      "Importen ersätter 1 grupp (kommun, månad och vårdform) i UK_individer; övriga grupper lämnas som de är. " +
        "1 individ läggs till och 1 individ tas bort (finns inte i filen); 1 individ är oförändrad."
    );
  });

  it("adds a settlement row for a group the workbook does not settle yet, and says when the county table lacks its month", () => {
    const parsed = parseImport(
      "Kommun;Månad;Individ;Vårdform;Dagar\n0880;2018-05;S01;somatisk;6\n0880;2018-04;P01;psykiatri;25\n",
      reference
    );
    const preview = previewImport(parsed, current);
    expect(kinds(preview).filter(([table]) => table === "UK_avrakning")).toEqual([
      [
        "UK_avrakning",
        -1,
        "0880 Kalmar, 2018-05 (somatisk)",
        "Avräkningsrad",
        null,
        "0880 2018-05 somatisk",
        "läggs till",
      ],
      [
        "UK_avrakning",
        -1,
        "0880 Kalmar, 2018-04 (psykiatri)",
        "Avräkningsrad",
        null,
        "0880 2018-04 psykiatri",
        "läggs till",
      ],
    ]);
    const settlementEdit = preview.edits.find((e) => e.table === "UK_avrakning")!;
    expect(settlementEdit.add).toEqual([
      { values: { Kommun: "0880", Månad: "2018-05", Vårdform: "somatisk" } },
      { values: { Kommun: "0880", Månad: "2018-04", Vårdform: "psykiatri" } },
    ]);
    expect(settlementEdit.rowCount).toBe(5);
    expect(preview.summary).toMatch(/2 individer läggs till och 2 nya avräkningsrader i UK_avrakning\.$/);
    expect(preview.notes).toEqual([
      "Länets snitt per månad (UK_lanet) har ingen rad för 2018-05: avräkningen räknas, men länets snitt för den månaden visas inte. Bygg arbetsboken på nytt för att få med den.",
    ]);
  });

  it("writes ids that start like a formula as text: apostrophe prefix and the text format", () => {
    const parsed = parseImport(
      "Kommun;Månad;Individ;Dagar\n0880;2018-01;=1+1;4\n0880;2018-01;+46;2\n0880;2018-01;-1;5\n0880;2018-01;@SUM(A1);1\n",
      reference
    );
    const preview = previewImport(parsed, current);
    expect(preview.ok).toBe(true);
    const [edit] = preview.edits;
    expect(edit.add.map((a) => a.values.Individ)).toEqual(["'=1+1", "'+46", "'-1", "'@SUM(A1)"]);
    expect(edit.addNumberFormats.Individ).toBe("@");
    // S01 of January is not in the file: it goes.
    expect(edit.remove).toEqual([0]);
    expect(preview.changes.filter((c) => c.change === "läggs till").map((c) => c.party)).toContain(
      "0880 Kalmar, 2018-01, =1+1 (somatisk)"
    );
  });

  it("imports the same individuals again without a change", () => {
    const parsed = parseImport("Kommun;Månad;Individ;Dagar\n0880;2018-03;S02;1\n0880;2018-03;S01;5\n", reference);
    const preview = previewImport(parsed, current);
    expect(preview.edits).toEqual([]);
    expect(preview.summary).toBe("Importen ändrar ingenting: arbetsboken har redan dessa värden (1 grupp).");
  });
});

describe("the pane's helpers", () => {
  it("names the tables an import writes to", () => {
    expect(importTargetTables("palliativ")).toEqual(["Palliativ_kommun", "Palliativ_landsting"]);
    expect(importTargetTables("senior-alert")).toEqual(["SeniorAlert_kommun", "SeniorAlert_landsting"]);
    expect(importTargetTables("utskrivningsklara")).toEqual(["UK_individer", "UK_avrakning", "UK_lanet"]);
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
