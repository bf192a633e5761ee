import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundledReference, generateDemoData } from "../../scripts/generate-demo-data";
import { DataError, demoDirectory, loadBundledInputs, readDataDirectory, readText } from "../../src/cli/readData";
import { problemText } from "../../src/workbook/loadInputs";

const DEMO = path.resolve(__dirname, "../../data/demo");
const DEMO_FILES = [
  "palliativ.csv",
  "senior-alert.csv",
  "utskrivningsklara.csv",
  "forsoksverksamhet.csv",
  "lansbudget.csv",
  "lansvillkor.csv",
];

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "skl-data-"));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A --data folder holding copies of the demo files, without the SYNTHETIC marker. */
function copyOfDemo(): string {
  for (const name of DEMO_FILES) fs.copyFileSync(path.join(DEMO, name), path.join(tmp, name));
  return tmp;
}

function problemsThrownBy(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).problems.map(problemText);
  }
  throw new Error("expected a DataError");
}

describe("loadBundledInputs", () => {
  const inputs = loadBundledInputs();

  it("reads the 2010 reference data: 290 municipalities, 21 counties, 9 340 682 inhabitants on 2009-12-31", () => {
    expect(inputs.parameters.year).toBe(2010);
    expect(inputs.municipalities).toHaveLength(290);
    expect(inputs.counties).toHaveLength(21);
    expect(inputs.municipalities.reduce((sum, m) => sum + m.population, 0)).toBe(9_340_682);
  });

  it("reads the published county grant as published: 65 500 000 and 78 000 000 kr", () => {
    expect(inputs.publishedCountyGrant.reduce((sum, g) => sum + g.publishedKr, 0)).toBe(65_500_000);
    expect(inputs.publishedCountyGrant.reduce((sum, g) => sum + g.publishedWithRegionalKr, 0)).toBe(78_000_000);
  });

  it("marks the demo registry data as synthetic", () => {
    expect(inputs.synthetic).toBe(true);
    expect(fs.readFileSync(path.join(DEMO, "SYNTHETIC"), "utf8")).toMatch(
      /^SYNTETISKA DATA — påhittade för demonstration/
    );
    expect(fs.readFileSync(path.join(DEMO, "README.md"), "utf8")).toMatch(
      /^# SYNTETISKA DATA — påhittade för demonstration/
    );
  });

  it("has palliative and Senior alert rows for every municipality and county council, Gotland (09) included", () => {
    for (const rows of [inputs.palliative, inputs.seniorAlert]) {
      expect(rows.filter((r) => r.kind === "kommun").map((r) => r.code)).toEqual(
        inputs.municipalities.map((m) => m.code)
      );
      expect(rows.filter((r) => r.kind === "landsting").map((r) => r.code)).toEqual(inputs.counties.map((c) => c.code));
    }
  });

  it("spreads the demo around the thresholds: no deaths, exactly 2 of 5, just below and above 40 % and 70 %", () => {
    const kommun = inputs.palliative.filter((r) => r.kind === "kommun" && r.deaths > 0);
    const rate = (r: { deaths: number; registrations: number }) => r.registrations / r.deaths;
    expect(inputs.palliative.filter((r) => r.deaths === 0).length).toBeGreaterThanOrEqual(2);
    expect(kommun.some((r) => r.deaths === 5 && r.registrations === 2)).toBe(true);
    expect(kommun.some((r) => r.registrations * 10 === r.deaths * 7)).toBe(true);
    expect(kommun.filter((r) => rate(r) >= 0.35 && rate(r) < 0.4).length).toBeGreaterThanOrEqual(5);
    expect(kommun.filter((r) => rate(r) >= 0.4 && rate(r) < 0.45).length).toBeGreaterThanOrEqual(5);
    expect(kommun.filter((r) => rate(r) >= 0.65 && rate(r) < 0.7).length).toBeGreaterThanOrEqual(5);
    expect(kommun.filter((r) => rate(r) >= 0.7).length).toBeGreaterThanOrEqual(5);
  });

  it("has Kalmar county's 12 municipalities for every month of 2018, somatic and some psychiatry", () => {
    const kalmar = inputs.municipalities.filter((m) => m.countyCode === "08").map((m) => m.code);
    expect(kalmar).toHaveLength(12);
    const somatic = inputs.discharge.filter((r) => r.care === "somatisk");
    expect(new Set(somatic.map((r) => `${r.municipality} ${r.month}`)).size).toBe(12 * 12);
    expect(new Set(inputs.discharge.map((r) => r.municipality))).toEqual(new Set(kalmar));
    expect(inputs.discharge.some((r) => r.care === "psykiatri" && r.daysAfterAnalysis > 20)).toBe(true);
  });

  it("has most municipality-months at or below 3 days on average, and some above", () => {
    const groups = new Map<string, number[]>();
    for (const r of inputs.discharge.filter((d) => d.care === "somatisk")) {
      const key = `${r.municipality} ${r.month}`;
      groups.set(key, [...(groups.get(key) ?? []), r.daysReported]);
    }
    const above = [...groups.values()].filter((days) => days.reduce((s, d) => s + d, 0) > 3 * days.length).length;
    expect(above).toBeGreaterThan(0);
    expect(above).toBeLessThan(groups.size / 4);
  });

  it("keeps the pilot ledger within the 70 MSEK", () => {
    const granted = inputs.pilots.reduce((sum, p) => sum + p.grantedKr, 0);
    expect(inputs.pilots.length).toBeGreaterThanOrEqual(10);
    expect(granted).toBeLessThanOrEqual(inputs.parameters.pilotsKr);
  });

  it("has Sörmland's budget lines of the Sörmland agreement, page (2): leaders take the rest, 500 tkr follow-up, 200 tkr training", () => {
    expect(inputs.countyBudget.map((l) => [l.county, l.item, l.amountKr])).toEqual([
      ["04", "Gemensamma utvecklingsledare", null],
      ["04", "Kvalitativ uppföljning av multisjuka äldre", 500_000],
      ["04", "Övrigt utbildning", 200_000],
    ]);
  });

  it("uses the parameters of the year asked for, with the 2010 reference data until a later year's exist", () => {
    const inputs2012 = loadBundledInputs(2012);
    expect(inputs2012.parameters.palliativeBaseThreshold).toBe(0.7);
    expect(inputs2012.municipalities).toHaveLength(290);
    expect(inputs2012.parameters.notes.referenceData).toMatch(/2010 års/);
  });
});

describe("scripts/generate-demo-data.ts", () => {
  const { municipalities, counties } = bundledReference();

  it("is deterministic: two runs give the same files", () => {
    expect(generateDemoData(municipalities, counties)).toEqual(generateDemoData(municipalities, counties));
  });

  it("does not depend on the order of the reference lists", () => {
    const reversed = generateDemoData([...municipalities].reverse(), [...counties].reverse());
    expect(reversed).toEqual(generateDemoData(municipalities, counties));
  });

  it("wrote the committed files in data/demo", () => {
    for (const [name, text] of Object.entries(generateDemoData(municipalities, counties))) {
      expect({ name, text: fs.readFileSync(path.join(DEMO, name), "utf8") }).toEqual({ name, text });
    }
  });
});

describe("readDataDirectory (--data)", () => {
  it("treats the bundled demo folder as synthetic", () => {
    expect(readDataDirectory(demoDirectory()).synthetic).toBe(true);
  });

  it("treats a folder without the SYNTHETIC marker as real data, and one with it as synthetic", () => {
    const dir = copyOfDemo();
    expect(readDataDirectory(dir).synthetic).toBe(false);
    fs.writeFileSync(path.join(dir, "SYNTHETIC"), "");
    expect(readDataDirectory(dir).synthetic).toBe(true);
  });

  it("uses the bundled reference data unless the folder has its own", () => {
    const dir = copyOfDemo();
    expect(readDataDirectory(dir).municipalities).toHaveLength(290);
    const kommuner = fs.readFileSync(path.resolve(DEMO, "../2010/kommuner.csv"), "utf8");
    fs.writeFileSync(
      path.join(dir, "kommuner.csv"),
      kommuner.replace("0114,Upplands Väsby,01,38641", "0114,Upplands Väsby,01,38642")
    );
    expect(problemsThrownBy(() => readDataDirectory(dir))).toEqual([
      "lan.csv rad 2 (01): folkmängden (2019182) stämmer inte med summan i kommuner.csv (2019183).",
    ]);
  });

  it("stops on bad rows and names file, row and problem, the folder in the message", () => {
    const dir = copyOfDemo();
    const palliative = fs.readFileSync(path.join(dir, "palliativ.csv"), "utf8").split("\n");
    // Row 12 as a spreadsheet shows it is line index 11.
    const code = palliative[11].split(",")[1];
    palliative[11] = `kommun,${code},30,31`;
    fs.writeFileSync(path.join(dir, "palliativ.csv"), palliative.join("\n"));
    fs.appendFileSync(path.join(dir, "senior-alert.csv"), "kommun,0114,ja,ja,ja,ja,ja,ja,5\n");
    try {
      readDataDirectory(dir);
      throw new Error("expected a DataError");
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      const message = (error as DataError).message;
      expect(message).toContain(`Indata i ${dir} (inbyggda: data/parameters.json, data/2010/kommuner.csv`);
      expect(message).toContain(") har 2 fel.");
      expect(message).toContain(`palliativ.csv rad 12 (${code}): registreringar (31) är fler än dödsfall (30).`);
      expect(message).toContain("senior-alert.csv rad 313 (0114): kommun 0114 finns redan på rad 2.");
    }
  });

  it("lists every missing file", () => {
    fs.copyFileSync(path.join(DEMO, "palliativ.csv"), path.join(tmp, "palliativ.csv"));
    expect(problemsThrownBy(() => readDataDirectory(tmp))).toEqual([
      "senior-alert.csv: filen saknas.",
      "utskrivningsklara.csv: filen saknas.",
      "forsoksverksamhet.csv: filen saknas.",
      "lansbudget.csv: filen saknas.",
      "lansvillkor.csv: filen saknas.",
    ]);
  });

  it("reports a folder that does not exist", () => {
    const missing = path.join(tmp, "finns-inte");
    expect(problemsThrownBy(() => readDataDirectory(missing))).toEqual([
      `${missing}: katalogen finns inte. Ange en katalog med CSV-filerna (se data/demo).`,
    ]);
  });

  it("reads a file Swedish Excel saved: semicolons, decimal comma, Windows-1252", () => {
    const dir = copyOfDemo();
    // "Försök Ö" in Windows-1252: ö = 0xF6, Ö = 0xD6.
    const text =
      "id;recipient;project;granted_kr;applicant_kind;political_backing\r\nF01;Kommun Å;Försök Ö;1 500 000,50;kommun;ja\r\n";
    const bytes = Buffer.from([...text].map((ch) => ({ Å: 0xc5, ö: 0xf6, Ö: 0xd6 })[ch] ?? ch.charCodeAt(0)));
    fs.writeFileSync(path.join(dir, "forsoksverksamhet.csv"), bytes);
    expect(readText(path.join(dir, "forsoksverksamhet.csv"))).toBe(text);
    expect(readDataDirectory(dir).pilots).toEqual([
      {
        id: "F01",
        recipient: "Kommun Å",
        applicantKind: "kommun",
        politicalBacking: true,
        project: "Försök Ö",
        grantedKr: 1_500_000.5,
      },
    ]);
  });

  it("reads Windows-1252 punctuation as punctuation: the dash, quotes and € of bytes 80–9F", () => {
    const dir = copyOfDemo();
    const text =
      "id;recipient;project;granted_kr;applicant_kind;political_backing\r\nF01;Kommun A;Försök – ”helhet” 5 €;100;kommun;ja\r\n";
    const cp1252: Record<string, number> = { "–": 0x96, "”": 0x94, "€": 0x80, ö: 0xf6 };
    fs.writeFileSync(
      path.join(dir, "forsoksverksamhet.csv"),
      Buffer.from([...text].map((ch) => cp1252[ch] ?? ch.charCodeAt(0)))
    );
    expect(readDataDirectory(dir).pilots[0].project).toBe("Försök – ”helhet” 5 €");
  });

  it("reads UTF-8 with a BOM, as Excel saves 'CSV UTF-8'", () => {
    const dir = copyOfDemo();
    const text = fs.readFileSync(path.join(dir, "lansbudget.csv"), "utf8");
    fs.writeFileSync(path.join(dir, "lansbudget.csv"), "\uFEFF" + text.replace(/,/g, ";").replace(/\n/g, "\r\n"));
    expect(readDataDirectory(dir).countyBudget).toEqual(
      loadBundledInputs().countyBudget.map((l) => ({ ...l, source: l.source.replace(/,/g, ";") }))
    );
  });
});

describe("the rows the command line reads, within its memory bound (README, Limits)", () => {
  /** The demo discharge file's rows, repeated under new individuals' ids until there are `rows`. */
  function dischargeRows(rows: number): string {
    const demo = fs.readFileSync(path.join(DEMO, "utskrivningsklara.csv"), "utf8").trimEnd().split("\n");
    const body = demo.slice(1);
    const lines = Array.from({ length: rows }, (_, i) => {
      const [municipality, month, , care, reported, after] = body[i % body.length].split(",");
      return [municipality, month, `X${i}`, care, reported, after].join(",");
    });
    return [demo[0], ...lines].join("\n") + "\n";
  }

  it("reads a discharge file of exactly 50 000 rows and a pilot file of 10 000, and refuses one row more", () => {
    const data = copyOfDemo();
    fs.writeFileSync(path.join(data, "utskrivningsklara.csv"), dischargeRows(50000));
    const pilots = Array.from({ length: 10000 }, (_, i) => `F${i},Kommun ${i},kommun,ja,Försök ${i},1`);
    fs.writeFileSync(
      path.join(data, "forsoksverksamhet.csv"),
      ["id,recipient,applicant_kind,political_backing,project,granted_kr", ...pilots].join("\r\n")
    );
    const inputs = readDataDirectory(data);
    expect([inputs.discharge.length, inputs.pilots.length]).toEqual([50000, 10000]);

    fs.writeFileSync(path.join(data, "utskrivningsklara.csv"), dischargeRows(50001));
    fs.appendFileSync(path.join(data, "forsoksverksamhet.csv"), "\r\nF10000,Kommun,kommun,ja,Försök,1\r\n");
    const refusal = (rows: string, limit: string) =>
      `filen har ${rows} rader, men kommandoraden läser högst ${limit} rader ur den: varje rad blir en rad i arbetsboken, som skrivs i minnet, och med alla filer vid sina gränser tar det upp till 2,5 GB minne. Dela upp filen, t.ex. per år eller per kommun, och bygg en arbetsbok för varje del.`;
    expect(problemsThrownBy(() => readDataDirectory(data))).toEqual([
      `utskrivningsklara.csv: ${refusal("50\u00a0001", "50\u00a0000")}`,
      `forsoksverksamhet.csv: ${refusal("10\u00a0001", "10\u00a0000")}`,
    ]);
  });
});
