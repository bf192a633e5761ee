import fs from "node:fs";
import path from "node:path";
import {
  DATA_FILES,
  DataError,
  DataFileContents,
  loadInputs,
  loadParameters,
  loadReference,
  OPTIONAL_FILES,
  problemText,
} from "../../src/workbook/loadInputs";

const DATA = path.resolve(__dirname, "../../data");
const read = (...parts: string[]) => fs.readFileSync(path.join(DATA, ...parts), "utf8");

const bundledReference = {
  parameters: read("parameters.json"),
  municipalities: read("2010", "kommuner.csv"),
  counties: read("2010", "lan.csv"),
  publishedCountyGrant: read("2010", "lansbidrag-publicerat.csv"),
};

/** Small, valid registry files; each test replaces the one it is about. */
const validRegistry = {
  palliative: "kind,code,deaths,registrations\nkommun,0114,5,2\nlandsting,08,10,7\n",
  seniorAlert:
    "kind,code,all_units_started,registrations,licence,passwords,coordinator,units_identified,unit_list\nkommun,0114,ja,12,ja,ja,ja,ja,ja\nlandsting,08,nej,0,ja,ja,ja,ja,ja\n",
  discharge:
    "municipality,month,individual,care,days_reported,days_after_analysis\n0880,2018-03,S01,somatisk,4,3\n0880,2018-03,P01,psykiatri,25,25\n",
  pilots: "id,recipient,project,granted_kr,applicant_kind,political_backing\nF01,Kommun X,Försök A,2500000,kommun,ja\n",
  countyBudget:
    "county,item,amount_kr,source\n04,Utvecklingsledare,,Sörmlandsöverenskommelsen\n04,Uppföljning,500000,Sörmlandsöverenskommelsen\n",
  countyConditions: read("demo", "lansvillkor.csv"),
};

const load = (overrides: DataFileContents = {}, year = 2010) =>
  loadInputs({ ...bundledReference, ...validRegistry, ...overrides }, { year, synthetic: false });

/** The problems of a call that must fail with a DataError, one line each. */
function problemsThrownBy(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).problems.map(problemText);
  }
  throw new Error("expected a DataError");
}

const problemsOf = (overrides: DataFileContents, year = 2010) => problemsThrownBy(() => load(overrides, year));

describe("reference data 2010 (data/2010, copied from the public sources in SOURCES.md)", () => {
  const reference = loadReference(bundledReference);

  it("has the 290 municipalities and 21 counties of 2010", () => {
    expect(reference.municipalities).toHaveLength(290);
    expect(reference.counties).toHaveLength(21);
    expect(reference.counties.reduce((sum, c) => sum + c.municipalities, 0)).toBe(290);
  });

  it("sums the population to 9 340 682, SCB's figure for 2009-12-31", () => {
    expect(reference.municipalities.reduce((sum, m) => sum + m.population, 0)).toBe(9_340_682);
    expect(reference.counties.reduce((sum, c) => sum + c.population, 0)).toBe(9_340_682);
  });

  it("keeps codes as text with their leading zeros", () => {
    const upplandsVasby = reference.municipalities.find((m) => m.name === "Upplands Väsby");
    expect(upplandsVasby).toEqual({ code: "0114", name: "Upplands Väsby", countyCode: "01", population: 38641 });
    expect(reference.counties.find((c) => c.code === "09")).toMatchObject({ municipalities: 1, population: 57221 });
  });

  it("keeps the published county-grant tables as published: 65.5 of 66 MSEK and 78 of 79 MSEK", () => {
    const sum = (f: (g: (typeof reference.publishedCountyGrant)[number]) => number) =>
      reference.publishedCountyGrant.reduce((s, g) => s + f(g), 0);
    expect(reference.publishedCountyGrant).toHaveLength(21);
    expect(sum((g) => g.publishedKr)).toBe(65_500_000);
    expect(sum((g) => g.publishedWithRegionalKr)).toBe(78_000_000);
    expect(reference.publishedCountyGrant.find((g) => g.code === "20")).toMatchObject({
      publishedKr: 2_500_000,
      publishedWithRegionalKr: 3_600_000,
    });
  });

  it("reports a county whose municipality count or population disagrees with the municipality list", () => {
    const counties = bundledReference.counties.replace("08,Kalmar län,12,", "08,Kalmar län,13,");
    expect(() => loadReference({ ...bundledReference, counties })).toThrow(
      "lan.csv rad 8 (08): antal kommuner (13) stämmer inte med kommuner.csv (12)."
    );
  });
});

describe("parameters (data/parameters.json)", () => {
  const json = bundledReference.parameters;

  it("raises the base threshold from 40 % (2010) to 50 % (2011) and 70 % (2012); the bonus stays 70 %", () => {
    expect([2010, 2011, 2012].map((y) => loadParameters(json, y).palliativeBaseThreshold)).toEqual([0.4, 0.5, 0.7]);
    expect([2010, 2011, 2012].map((y) => loadParameters(json, y).palliativeBonusThreshold)).toEqual([0.7, 0.7, 0.7]);
  });

  it("has the 2010 pots of the agreement (Cirkulär 10:11): 40 + 10, 50, 66 + 13, 70 of 271 MSEK", () => {
    expect(loadParameters(json, 2010)).toMatchObject({
      palliativeBasePotKr: 40_000_000,
      palliativeBonusPotKr: 10_000_000,
      seniorAlertPotKr: 50_000_000,
      countyGrantKr: 66_000_000,
      countyGrantBaseKr: 2_000_000,
      regionalSupportKr: 13_000_000,
      pilotsKr: 70_000_000,
      agreementTotalKr: 271_000_000,
      paymentStepKr: 1,
      countyGrantStepKr: 500_000,
      dischargeDayLimit: 3,
      dischargeAverageLimit: 3,
      psychiatryDayLimit: 20,
      dischargeGoalDays: 2,
      dischargeAverage2016Days: 2.68,
    });
  });

  it("marks the figures the sources do not give as assumptions, and carried-over figures as such", () => {
    const p2010 = loadParameters(json, 2010);
    expect(p2010.notes.municipalShare).toMatch(/ANTAGANDE/);
    expect(p2010.notes.dischargePricePerDayKr).toMatch(/ANTAGANDE/);
    expect(p2010.notes.psychiatryAverageLimit).toMatch(/ÖPPEN FRÅGA/);
    expect(loadParameters(json, 2011).notes.seniorAlertPotKr).toMatch(/2010 års, överfört/);
    expect(loadParameters(json, 2011).notes.palliativeBaseThreshold).not.toMatch(/överfört/);
  });

  it("has a note for every parameter", () => {
    for (const year of [2010, 2011, 2012]) {
      const p = loadParameters(json, year);
      for (const key of Object.keys(p).filter((k) => k !== "notes" && k !== "timeline"))
        expect(p.notes[key]).toBeTruthy();
      // Each date of the timeline carries its source instead.
      for (const event of p.timeline) expect(event.source).toMatch(/"[^"]+"/);
    }
  });

  it("reads the timeline's dates as the sources give them, with no date where a source gives none", () => {
    const p = loadParameters(json, 2010);
    const byId = new Map(p.timeline.map((e) => [e.id, e]));
    expect(byId.get("Matperiod_fran")?.date).toBe("2010-10-01");
    expect(byId.get("Kalmar_uppfoljning")).toMatchObject({ date: "2018-08-31", when: "senast 31 augusti 2018" });
    // "senast den 1 december" without a year, and payment "i början av 2011": no date is invented.
    expect(byId.get("Prognos")?.date).toBeNull();
    expect(byId.get("Utbetalning")).toMatchObject({ date: null, when: "i början av 2011" });
  });

  it("refuses a timeline date that does not exist, naming the entry", () => {
    const doc = JSON.parse(json);
    const year = doc.years.find((y: { year: number }) => y.year === 2010);
    year.timeline = [{ id: "X", event: "Något", date: "2018-02-30", when: "30 februari", source: "ingen" }];
    expect(() => loadParameters(JSON.stringify(doc), 2010)).toThrow(
      /timeline\[0\]\.date \(2018-02-30\) ska vara ett datum som finns/
    );
  });

  it("refuses a missing year, a share above 1 and a zero rounding step, naming each", () => {
    expect(() => loadParameters(json, 2013)).toThrow("parameters.json: år 2013 saknas (finns: 2010, 2011, 2012)");
    const bad = JSON.parse(json);
    bad.years[0].municipalShare = 50;
    bad.years[0].paymentStepKr = 0;
    delete bad.years[0].pilotsKr;
    expect(problemsThrownBy(() => loadParameters(JSON.stringify(bad), 2010))).toEqual([
      "parameters.json (år 2010): pilotsKr saknas.",
      "parameters.json (år 2010): municipalShare (50) ska vara en andel mellan 0 och 1, t.ex. 0,4 för 40 %.",
      "parameters.json (år 2010): paymentStepKr (0) måste vara större än 0, t.ex. 1 för hela kronor eller 1000 för tusental.",
    ]);
  });
});

describe("registry data", () => {
  it("reads valid rows into typed records, codes as text", () => {
    const inputs = load();
    expect(inputs.palliative).toEqual([
      { kind: "kommun", code: "0114", deaths: 5, registrations: 2 },
      { kind: "landsting", code: "08", deaths: 10, registrations: 7 },
    ]);
    expect(inputs.seniorAlert.map((r) => r.allUnitsStarted)).toEqual([true, false]);
    expect(inputs.discharge[0]).toEqual({
      municipality: "0880",
      month: "2018-03",
      individual: "S01",
      care: "somatisk",
      daysReported: 4,
      daysAfterAnalysis: 3,
    });
    expect(inputs.countyBudget.map((l) => l.amountKr)).toEqual([null, 500_000]);
    expect(inputs.synthetic).toBe(false);
  });

  it("accepts ja/nej, true/false, 1/0 and SANT/FALSKT for all_units_started", () => {
    const seniorAlert =
      "kind,code,all_units_started,registrations,licence,passwords,coordinator,units_identified,unit_list\nkommun,0114,Ja,1,ja,ja,ja,ja,ja\nkommun,0115,true,1,ja,ja,ja,ja,ja\nkommun,0117,1,1,ja,ja,ja,ja,ja\nkommun,0120,SANT,1,ja,ja,ja,ja,ja\n" +
      "kommun,0123,nej,0,ja,ja,ja,ja,ja\nkommun,0125,false,0,ja,ja,ja,ja,ja\nkommun,0126,0,0,ja,ja,ja,ja,ja\nkommun,0127,FALSKT,0,ja,ja,ja,ja,ja\n";
    expect(load({ seniorAlert }).seniorAlert.map((r) => r.allUnitsStarted)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it("reports every bad row at once, each with file, row (header = 1), party and problem", () => {
    const palliative = [
      "kind,code,deaths,registrations",
      "kommun,0114,30,12", // row 2: fine
      "kommun,0115,30,31", // row 3
      "kommun,0117,-2,0", // row 4
      "kommun,0120,3.5,1", // row 5
      "stad,0123,4,1", // row 6
      "kommun,0199,4,1", // row 7
      "kommun,0114,8,2", // row 8: second 0114
      "landsting,26,10,4", // row 9
      "kommun,0125,,1", // row 10
      "kommun,0126,tio,1", // row 11
    ].join("\n");
    expect(problemsOf({ palliative })).toEqual([
      "palliativ.csv rad 3 (0115): registreringar (31) är fler än dödsfall (30). Kontrollera registerutdraget.",
      "palliativ.csv rad 4 (0117): dödsfall (-2) får inte vara negativt.",
      "palliativ.csv rad 5 (0120): dödsfall (3.5) måste vara ett helt tal som är 0 eller större.",
      "palliativ.csv rad 6 (0123): typ (stad) ska vara kommun eller landsting.",
      "palliativ.csv rad 7 (0199): kommunkoden 0199 finns inte i kommuner.csv.",
      "palliativ.csv rad 8 (0114): kommun 0114 finns redan på rad 2. Varje part får bara förekomma en gång.",
      "palliativ.csv rad 9 (26): länskoden 26 finns inte i lan.csv.",
      "palliativ.csv rad 10 (0125): dödsfall saknas. Fyll i ett tal (0 om det inte finns några) eller töm hela raden.",
      'palliativ.csv rad 11 (0126): dödsfall måste vara ett tal, men cellen innehåller texten "tio". Skriv ett tal eller töm hela raden.',
    ]);
  });

  it("reports bad rows of several files in one error, and names the problems of each file", () => {
    const seniorAlert =
      "kind,code,all_units_started,registrations,licence,passwords,coordinator,units_identified,unit_list\nkommun,0114,kanske,3,ja,ja,ja,ja,ja\nkommun,0115,ja,2.5,ja,ja,ja,ja,ja\n";
    const discharge = [
      "municipality,month,individual,care,days_reported,days_after_analysis",
      "0880,2018-13,S01,somatisk,2,2",
      "0880,2018-03,S01,akut,2,2",
      "0880,2018-03,S02,somatisk,4,5",
      "0880,2018-03,S03,somatisk,1,1",
      "0880,2018-03,S03,somatisk,2,2",
      "0880,2018-03,S03,psykiatri,2,2",
      "0114,2018-03,S04,somatisk,2,2",
      "0880,2017-12,S05,somatisk,2,2",
    ].join("\r\n");
    const countyBudget = "county,item,amount_kr,source\n04,Ledare,,a\n04,Annat,,b\n04,Kurs,1000.123,c\n";
    const pilots =
      "id,recipient,project,granted_kr,applicant_kind,political_backing\nF01,Kommun X,Försök A,100,kommun,ja\nF01,Kommun Y,Försök B,200,kommun,ja\n";
    const problems = problemsOf({ seniorAlert, discharge, countyBudget, pilots });
    expect(problems).toEqual([
      "senior-alert.csv rad 2 (0114): alla relevanta enheter startat (kanske) ska vara Ja eller Nej.",
      "senior-alert.csv rad 3 (0115): registreringar (2.5) måste vara ett helt tal som är 0 eller större.",
      "utskrivningsklara.csv rad 2 (0880, 2018-13, S01): månaden (2018-13) ska skrivas ÅÅÅÅ-MM, t.ex. 2018-03.",
      "utskrivningsklara.csv rad 3 (0880, 2018-03, S01): vårdform (akut) ska vara somatisk eller psykiatri.",
      "utskrivningsklara.csv rad 4 (0880, 2018-03, S02): dagar efter analys (5) är fler än rapporterade dagar (4). Analysen och omräkningen kan bara minska dagarna.",
      "utskrivningsklara.csv rad 6 (0880, 2018-03, S03): individ S03 (somatisk) finns redan på rad 5. Varje individ får bara förekomma en gång per kommun, månad och vårdform.",
      'utskrivningsklara.csv rad 8 (0114, 2018-03, S04): kommunen 0114 ligger inte i Kalmar län (08): regleringen gäller Kalmar läns kommuner (presentationen "Länsgemensam ledning i samverkan", Kalmar län, bild 7 och 10).',
      'utskrivningsklara.csv rad 9 (0880, 2017-12, S05): månaden 2017-12 ligger inte i 2018: regleringen gäller 2018 (presentationen "Länsgemensam ledning i samverkan", Kalmar län, bild 2 och 10).',
      "forsoksverksamhet.csv rad 3 (F01): id F01 finns redan på rad 2. Varje beviljat försök ska ha ett eget id.",
      "lansbudget.csv rad 3 (04): beloppet saknas även på rad 2. Bara en rad per län kan ta resten av bidraget; skriv belopp på de andra.",
      "lansbudget.csv rad 4 (04): belopp (1000.123) får ha högst två decimaler (öre).",
    ]);
  });

  it("puts every problem in the error message, so the command line can print it as it is", () => {
    const palliative = "kind,code,deaths,registrations\nkommun,0114,30,31\nkommun,0115,x,1\n";
    expect(() => load({ palliative })).toThrow(
      "Indata har 2 fel. Rätta dem och försök igen:\n" +
        "  palliativ.csv rad 2 (0114): registreringar (31) är fler än dödsfall (30). Kontrollera registerutdraget.\n" +
        '  palliativ.csv rad 3 (0115): dödsfall måste vara ett tal, men cellen innehåller texten "x". Skriv ett tal eller töm hela raden.'
    );
  });

  it("counts rows as a spreadsheet does: blank lines keep their row numbers", () => {
    const palliative = "kind,code,deaths,registrations\n\nkommun,0114,5,2\n,,,\nkommun,0115,5,6\n";
    expect(problemsOf({ palliative })).toEqual([
      "palliativ.csv rad 5 (0115): registreringar (6) är fler än dödsfall (5). Kontrollera registerutdraget.",
    ]);
  });

  it("reports a missing column and a missing file", () => {
    const palliative = "kind,code,deaths,registreringar\nkommun,0114,5,2\n";
    const files = { ...bundledReference, ...validRegistry, palliative } as Record<string, string>;
    delete files.pilots;
    expect(problemsThrownBy(() => loadInputs(files, { year: 2010, synthetic: false }))).toEqual([
      "palliativ.csv rad 1: kolumnen registrations saknas i rubrikraden. Rubrikraden ska vara: kind,code,deaths,registrations",
      "forsoksverksamhet.csv: filen saknas.",
    ]);
  });

  it("restores leading zeros a spreadsheet dropped: 114 is municipality 0114, 8 is county 08", () => {
    const palliative = "kind,code,deaths,registrations\nkommun,114,5,2\nlandsting,8,10,7\n";
    expect(load({ palliative }).palliative.map((r) => r.code)).toEqual(["0114", "08"]);
    expect(problemsOf({ palliative: "kind,code,deaths,registrations\nkommun,01140,5,2\n" })).toEqual([
      "palliativ.csv rad 2 (01140): kommunkoden (01140) ska vara fyra siffror, t.ex. 0114.",
    ]);
  });

  it("lets go of a character that cannot be seen in a header, which only picks the column", () => {
    const palliative = "kind,code,deaths\u200b,\u200eregistrations\nkommun,0114,5,2\n";
    expect(load({ palliative }).palliative).toEqual([{ kind: "kommun", code: "0114", deaths: 5, registrations: 2 }]);
  });

  it("takes any column order and ignores extra columns such as a name", () => {
    const palliative = "Code,Name,Registrations,Deaths,Kind\n0114,Upplands Väsby,2,5,kommun\n";
    expect(load({ palliative }).palliative).toEqual([{ kind: "kommun", code: "0114", deaths: 5, registrations: 2 }]);
  });
});

describe("Swedish CSV conventions", () => {
  it("reads semicolon separators, decimal commas, spaces in thousands, CRLF and a UTF-8 BOM", () => {
    const pilots =
      "\uFEFFid;recipient;project;granted_kr;applicant_kind;political_backing\r\nF01;Kommun X;Försök A, del 1;2 500 000,50;kommun;ja\r\nF02;Landsting Y;Försök B;1000000;kommun;ja\r\n";
    const palliative = "\uFEFFkind;code;deaths;registrations\r\nkommun;0114;5;2\r\n";
    const inputs = load({ pilots, palliative });
    expect(inputs.pilots).toEqual([
      {
        id: "F01",
        recipient: "Kommun X",
        applicantKind: "kommun",
        politicalBacking: true,
        project: "Försök A, del 1",
        grantedKr: 2_500_000.5,
      },
      {
        id: "F02",
        recipient: "Landsting Y",
        applicantKind: "kommun",
        politicalBacking: true,
        project: "Försök B",
        grantedKr: 1_000_000,
      },
    ]);
    expect(inputs.palliative).toEqual([{ kind: "kommun", code: "0114", deaths: 5, registrations: 2 }]);
  });

  it("reads a quoted decimal comma in a comma-separated file", () => {
    const pilots =
      'id,recipient,project,granted_kr,applicant_kind,political_backing\nF01,Kommun X,Försök A,"2500000,25",kommun,ja\n';
    expect(load({ pilots }).pilots[0].grantedKr).toBe(2_500_000.25);
  });

  it("explains an unquoted decimal comma in a comma-separated file", () => {
    const pilots =
      "id,recipient,project,granted_kr,applicant_kind,political_backing\nF01,Kommun X,Försök A,2500000,25,kommun,ja\n";
    expect(problemsOf({ pilots })).toEqual([
      "forsoksverksamhet.csv rad 2: raden har 7 värden men rubrikraden 6 kolumner. Ett decimaltal med komma i en kommaseparerad fil måste stå inom citattecken; använd hellre semikolon som avgränsare.",
    ]);
  });

  it("reads a month that a spreadsheet turned into the first day of the month", () => {
    const discharge =
      "municipality;month;individual;care;days_reported;days_after_analysis\n0880;2018-03-01;S01;somatisk;4;3\n";
    expect(load({ discharge }).discharge[0].month).toBe("2018-03");
  });
});

describe("file names", () => {
  it("are those of data/demo and data/2010", () => {
    const optional = OPTIONAL_FILES.map((key) => DATA_FILES[key] as string);
    for (const name of Object.values(DATA_FILES).filter((n) => !optional.includes(n))) {
      const inDemo = fs.existsSync(path.join(DATA, "demo", name));
      const inReference = fs.existsSync(path.join(DATA, "2010", name)) || fs.existsSync(path.join(DATA, name));
      expect({ name, found: inDemo || inReference }).toEqual({ name, found: true });
    }
  });
});

describe("the payees' names and accounts (mottagare.csv, optional)", () => {
  const header = "kind,code,recipient,organisation_number,bankgiro,plusgiro\n";
  // Stockholms stad's published organisation number, and the bankgiro number Bankgirot prints on its own papers.
  const stockholm = "kommun,0180,Stockholms stad,212000-0142,160-9908,\n";

  it("names no payee when the folder has no such file: the sources leave the payee blank", () => {
    expect(load().payees).toEqual([]);
  });

  it("reads a payee's name, organisation number and giro number, written the usual ways", () => {
    const payees =
      header +
      stockholm +
      "län,04,Landstinget Sörmland,2321000032,,12 34 56-6\n" +
      "landsting,08,,232100 0099,1234-5674,\n";
    expect(load({ payees }).payees).toEqual([
      {
        kind: "kommun",
        code: "0180",
        recipient: "Stockholms stad",
        organisationNumber: "212000-0142",
        bankgiro: "160-9908",
      },
      {
        kind: "län",
        code: "04",
        recipient: "Landstinget Sörmland",
        organisationNumber: "232100-0032",
        plusgiro: "123456-6",
      },
      { kind: "landsting", code: "08", organisationNumber: "232100-0099", bankgiro: "1234-5674" },
    ]);
  });

  it("refuses wrong check digits, a missing or double account, a payee twice and a county's recipient without a name, naming file, row and problem", () => {
    const payees =
      header +
      "kommun,0180,Stockholms stad,212000-0143,160-9908,\n" + // row 2: org nr check digit
      "kommun,0114,,212000-0142,160-9907,\n" + // row 3: bankgiro check digit
      "kommun,0115,,212000-0159,,\n" + // row 4: no account
      "kommun,0117,,212000-0167,160-9908,12 34 56-6\n" + // row 5: both accounts
      "kommun,0114,,212000-0175,160-9908,\n" + // row 6: 0114 twice
      "län,04,,232100-0032,160-9908,\n" + // row 7: no name
      "landsting,09,,232100-0040,160-9908,\n" + // row 8: Gotland's council role is the municipality's
      "kommun,0120,,191212-1212,160-9908,\n"; // row 9: a personal identity number
    expect(problemsOf({ payees })).toEqual([
      expect.stringMatching(
        /^mottagare\.csv rad 2 \(kommun 0180\): organisationsnumret \(212000-0143\) har fel kontrollsiffra: .*vara 2/
      ),
      expect.stringMatching(
        /^mottagare\.csv rad 3 \(kommun 0114\): bankgironumret \(160-9907\) har fel kontrollsiffra: .*vara 8/
      ),
      "mottagare.csv rad 4 (kommun 0115): konto saknas: skriv mottagarens bankgironummer eller plusgironummer.",
      "mottagare.csv rad 5 (kommun 0117): både bankgiro och plusgiro är ifyllda: skriv det konto beloppet ska betalas till, ett av dem.",
      "mottagare.csv rad 6 (kommun 0114): kommun 0114 finns redan på rad 3. Varje mottagare ska stå en gång.",
      "mottagare.csv rad 7 (län 04): mottagarens namn saknas: länets mottagare av länsbidraget och det regionala stödet ska ha ett namn.",
      expect.stringMatching(
        /^mottagare\.csv rad 8 \(landsting 09\): länet 09 har inget eget landsting: kommunen 0980 bär landstingets roll/
      ),
      expect.stringMatching(
        /^mottagare\.csv rad 9 \(kommun 0120\): organisationsnumret \(191212-1212\) har en tredje siffra under 2/
      ),
    ]);
  });

  it("refuses two parties with one organisation number, but lets a county's recipient be one of its parties", () => {
    const payees =
      header + stockholm + "kommun,0114,,212000-0142,160-9908,\nlän,01,Stockholms stad,212000-0142,160-9908,\n";
    expect(problemsOf({ payees })).toEqual([
      "mottagare.csv rad 3 (kommun 0114): organisationsnumret 212000-0142 finns redan på rad 2. Två parter kan inte ha samma organisationsnummer.",
    ]);
  });
});

describe("the counties' conditions (lansvillkor.csv)", () => {
  const header = "county,development_plan,agreement,letter_of_intent\n";
  const all = (except: Record<string, string> = {}) =>
    header +
    loadReference(bundledReference)
      .counties.map((c) => except[c.code] ?? `${c.code},ja,ja,ja`)
      .join("\n") +
    "\n";

  it("reads each county's three conditions, yes/no as the one reader reads them", () => {
    const inputs = load({ countyConditions: all({ "18": "18,Nej,ja,FALSKT" }) });
    expect(inputs.countyConditions.find((c) => c.county === "18")).toEqual({
      county: "18",
      developmentPlan: false,
      agreement: true,
      letterOfIntent: false,
    });
  });

  it("refuses a county left out, a county twice and a word that is not yes or no", () => {
    const text = all({ "18": "18,kanske,ja,ja", "20": "19,ja,ja,ja" });
    expect(problemsOf({ countyConditions: text })).toEqual([
      "lansvillkor.csv rad 15 (18): plan för utvecklingsarbetet (kanske) ska vara Ja eller Nej.",
      "lansvillkor.csv rad 17 (19): länet 19 finns redan på rad 16. Varje län ska stå en gång.",
      "lansvillkor.csv: länen 18, 20 saknas. Varje län ska ha en rad med sina villkor (ja eller nej).",
    ]);
  });
});
