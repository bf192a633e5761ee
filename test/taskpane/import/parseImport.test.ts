/*
 * Importera: reading registry files and pastes the way Swedish users have them, and validating every
 * row. Expected values are read off the fixture files by hand (test/fixtures/import/).
 */
import fs from "node:fs";
import path from "node:path";
import { loadBundledInputs } from "../../../src/cli/readData";
import {
  ImportReference,
  ParsedImport,
  parseImport,
  problemText,
  startsLikeFormula,
  textValue,
  ValidImport,
} from "../../../src/taskpane/import";
import { decodeText, headerDelimiter } from "../../../src/input";

const inputs = loadBundledInputs(2010);
const reference: ImportReference = { municipalities: inputs.municipalities, counties: inputs.counties };
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../../fixtures/import", name)));

function valid(parsed: ParsedImport): ValidImport {
  if (!parsed.ok) throw new Error(`Importen har fel:\n${parsed.problems.map(problemText).join("\n")}`);
  return parsed;
}

describe("reading the file", () => {
  it("reads a UTF-8 file with BOM, semicolons, decimal comma and a space as thousands separator", () => {
    const parsed = valid(parseImport(fixture("palliativ-semikolon-bom.csv"), reference));
    expect(parsed.kind).toBe("palliativ");
    expect(parsed.encoding).toBe("utf-8");
    expect(parsed.delimiter).toBe(";");
    if (parsed.kind !== "palliativ") throw new Error("fel sort");
    expect(parsed.rows).toEqual([
      { row: 2, party: { kind: "kommun", code: "0114", name: "Upplands Väsby" }, deaths: 20, registrations: 9 },
      // "115" is 0115 (Excel dropped the zero); "10,0" is ten.
      { row: 3, party: { kind: "kommun", code: "0115", name: "Vallentuna" }, deaths: 10, registrations: 4 },
      // "1 234" with a no-break space and "1 000" with a space, as Swedish Excel formats thousands.
      { row: 4, party: { kind: "landsting", code: "08", name: "Kalmar län" }, deaths: 1234, registrations: 1000 },
    ]);
  });

  it("reads a Windows-1252 file: Malå, Åre and Härnösand matched by name", () => {
    const bytes = fixture("senior-alert-1252.csv");
    // The file really is not UTF-8: "å" is the single byte E5.
    expect(Array.from(bytes.slice(44, 48))).toEqual([0x4d, 0x61, 0x6c, 0xe5]);
    const parsed = valid(parseImport(bytes, reference));
    expect(parsed.encoding).toBe("windows-1252");
    expect(parsed.kind).toBe("senior-alert");
    if (parsed.kind !== "senior-alert") throw new Error("fel sort");
    expect(parsed.rows.map((r) => [r.party.code, r.party.name, r.allUnitsStarted, r.registrations])).toEqual([
      ["2418", "Malå", true, 12],
      ["2321", "Åre", false, 0],
      ["2280", "Härnösand", true, 7],
    ]);
  });

  it("reads a paste from Excel: tab-separated text, discharge days, month and care", () => {
    const paste =
      "Kommun\tMånad\tIndivid\tVårdform\tDagar rapporterade\tDagar efter analys\r\n" +
      "0880\t2018-03\tS01\tsomatisk\t5\t4\r\n" +
      "Kalmar\t2018-3\tP01\tPsykiatri\t25\t25\r\n" +
      "880\t2018-04-01\tS01\tsomatik\t2\t2\r\n";
    const parsed = valid(parseImport(paste, reference));
    expect(parsed.encoding).toBe("text");
    expect(parsed.delimiter).toBe("\t");
    expect(parsed.kind).toBe("utskrivningsklara");
    if (parsed.kind !== "utskrivningsklara") throw new Error("fel sort");
    const kalmar = { kind: "kommun", code: "0880", name: "Kalmar" };
    expect(parsed.rows).toEqual([
      {
        row: 2,
        party: kalmar,
        month: "2018-03",
        individual: "S01",
        care: "somatisk",
        daysReported: 5,
        daysAfterAnalysis: 4,
      },
      {
        row: 3,
        party: kalmar,
        month: "2018-03",
        individual: "P01",
        care: "psykiatri",
        daysReported: 25,
        daysAfterAnalysis: 25,
      },
      {
        row: 4,
        party: kalmar,
        month: "2018-04",
        individual: "S01",
        care: "somatisk",
        daysReported: 2,
        daysAfterAnalysis: 2,
      },
    ]);
  });

  it("reads a comma-separated file with a quoted decimal comma, and the bundled English headers", () => {
    const parsed = valid(parseImport('kind,code,deaths,registrations\nkommun,0114,"20,0",9\n', reference));
    expect(parsed.delimiter).toBe(",");
    if (parsed.kind !== "palliativ") throw new Error("fel sort");
    expect(parsed.rows[0]).toMatchObject({ deaths: 20, registrations: 9 });
  });

  it("chooses the separator from the header, never from a decimal comma in the data", () => {
    expect(headerDelimiter("Kod;Dödsfall;Registreringar\n0114;2,5;1")).toBe(";");
    expect(headerDelimiter("Kod\tDödsfall\tRegistreringar\n0114\t2,5\t1")).toBe("\t");
    expect(headerDelimiter("Kod,Dödsfall,Registreringar\n0114,2,1")).toBe(",");
  });

  it("decodes UTF-8 with and without BOM, UTF-16 (Excel's Unicode text) and Windows-1252", () => {
    const utf8 = new TextEncoder().encode("Malå");
    expect(decodeText(utf8)).toEqual({ text: "Malå", encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: "Malå", encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0x4d, 0x61, 0x6c, 0xe5]))).toEqual({ text: "Malå", encoding: "windows-1252" });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x4d, 0, 0x61, 0, 0x6c, 0, 0xe5, 0]))).toEqual({
      text: "Malå",
      encoding: "utf-16le",
    });
  });

  it("refuses discharge days outside Kalmar county or outside 2018, naming the row", () => {
    const parsed = parseImport(
      "Kommun;Månad;Individ;Dagar\nKalmar;2018-05;A1;6\nUpplands Väsby;2018-05;A2;4\nKalmar;2019-01;A3;2\n",
      reference,
      "utskrivningsklara"
    );
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map(problemText)).toEqual([
      'Rad 3 (0114 Upplands Väsby, 2018-05, A2): kommunen 0114 ligger inte i Kalmar län (08): regleringen gäller Kalmar läns kommuner (presentationen "Länsgemensam ledning i samverkan", Kalmar län, bild 7 och 10).',
      'Rad 4 (0880 Kalmar, 2019-01, A3): månaden 2019-01 ligger inte i 2018: regleringen gäller 2018 (presentationen "Länsgemensam ledning i samverkan", Kalmar län, bild 2 och 10).',
    ]);
  });

  it("uses the chosen kind, and reads one days column as both reported and after analysis", () => {
    const parsed = valid(
      parseImport("Kommun;Månad;Individ;Dagar\nKalmar;2018-05;A1;6\n", reference, "utskrivningsklara")
    );
    if (parsed.kind !== "utskrivningsklara") throw new Error("fel sort");
    expect(parsed.rows[0]).toMatchObject({ care: "somatisk", daysReported: 6, daysAfterAnalysis: 6 });
    expect(parsed.notes).toEqual([
      "Filen har ingen kolumn för vårdform: alla rader läses som somatisk vård.",
      "Filen har bara en kolumn med dagar: dagarna efter analys är desamma som de rapporterade (ingen omräkning ännu).",
    ]);
  });
});

describe("the kind of file and its header", () => {
  it("tells the kind from the headers", () => {
    expect(parseImport("Kod;Dödsfall;Registreringar\n0114;1;1", reference).kind).toBe("palliativ");
    expect(parseImport("Kod;Startat;Registreringar\n0114;ja;1", reference).kind).toBe("senior-alert");
    expect(parseImport("Kommun;Månad;Individ;Dagar\n0880;2018-01;A;1", reference).kind).toBe("utskrivningsklara");
  });

  it("says so when the header fits no kind, naming the header it found", () => {
    const parsed = parseImport("Kod;Antal\n0114;3\n", reference);
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map(problemText)).toEqual([
      "Rad 1: det går inte att avgöra vad filen innehåller. Rubrikraden ska ha Dödsfall och Registreringar (Palliativregistret), " +
        "Alla enheter startat och Registreringar (Senior alert) eller Kommun, Månad, Individ och Dagar (utskrivningsklara). " +
        "Rubrikraden är: Kod, Antal.",
    ]);
  });

  it("names the missing columns when the kind is chosen", () => {
    const parsed = parseImport("Kod;Dödsfall\n0114;3\n", reference, "palliativ");
    expect(parsed.problems.map(problemText)).toEqual([
      "Rad 1: rubrikraden saknar kolumnen registreringar för Palliativregistret (dödsfall och registreringar). Rubrikraden är: Kod, Dödsfall.",
    ]);
  });

  it("rejects two columns that mean the same", () => {
    const parsed = parseImport("Kod;Dödsfall;Antal dödsfall;Registreringar\n0114;3;3;1\n", reference);
    expect(parsed.problems.map(problemText)).toEqual([
      'Rad 1: kolumnerna "Dödsfall" och "Antal dödsfall" betyder båda dödsfall. Ta bort eller byt namn på den ena.',
    ]);
  });

  it("reads a real export with a share beside the count: the share is not taken for a count", () => {
    const parsed = valid(
      parseImport(
        "Kommunkod;Kommun;Antal dödsfall;Registrerade;Andel registrerade (%);Kommentar\n" +
          "0114;Upplands Väsby;20;9;45,0;\n",
        reference
      )
    );
    if (parsed.kind !== "palliativ") throw new Error("fel sort");
    expect(parsed.rows[0]).toMatchObject({ party: { code: "0114" }, deaths: 20, registrations: 9 });
    expect(parsed.notes).toEqual([
      'Kolumnerna "Andel registrerade (%)" (en andel, inte ett antal), "Kommentar" (okänd rubrik) läses inte.',
    ]);
  });

  it("never reads a rate or a percentage as a count", () => {
    for (const header of ["Registreringsgrad", "Procent registrerade", "Registrerade %", "Andel startat"]) {
      const parsed = parseImport(`Kod;Dödsfall;Registreringar;${header}\n0114;20;9;45\n`, reference);
      expect({ header, ok: parsed.ok, notes: parsed.notes }).toEqual({
        header,
        ok: true,
        notes: [`Kolumnen "${header}" (en andel, inte ett antal) läses inte.`],
      });
    }
  });

  it("reports an empty file", () => {
    expect(parseImport("\uFEFF\r\n", reference).problems.map(problemText)).toEqual([
      "Filen är tom. Första raden ska vara rubrikraden.",
    ]);
  });
});

describe("matching parties", () => {
  const party = (cell: string, header = "Namn") => {
    const parsed = parseImport(`${header};Dödsfall;Registreringar\n${cell};1;1\n`, reference, "palliativ");
    return parsed.ok && parsed.kind === "palliativ" ? parsed.rows[0].party : parsed.problems.map(problemText);
  };

  it("matches names without regard to case, spaces or hyphens", () => {
    expect(party("upplands väsby")).toEqual({ kind: "kommun", code: "0114", name: "Upplands Väsby" });
    expect(party("  UPPLANDS-VÄSBY ")).toEqual({ kind: "kommun", code: "0114", name: "Upplands Väsby" });
  });

  it("matches the usual longer names of municipalities and county councils", () => {
    expect(party("Malå kommun")).toEqual({ kind: "kommun", code: "2418", name: "Malå" });
    expect(party("Region Skåne")).toEqual({ kind: "landsting", code: "12", name: "Skåne län" });
    expect(party("Landstinget i Kalmar län")).toEqual({ kind: "landsting", code: "08", name: "Kalmar län" });
  });

  it("takes an exact name before a longer form: Kalmar is the municipality, Kalmar län the county", () => {
    expect(party("Kalmar")).toEqual({ kind: "kommun", code: "0880", name: "Kalmar" });
    expect(party("Kalmar län")).toEqual({ kind: "landsting", code: "08", name: "Kalmar län" });
  });

  it("matches codes with or without leading zeros, and a cell with code and name", () => {
    expect(party("114", "Kod")).toEqual({ kind: "kommun", code: "0114", name: "Upplands Väsby" });
    expect(party("8", "Kod")).toEqual({ kind: "landsting", code: "08", name: "Kalmar län" });
    expect(party("0114 Upplands Väsby", "Kommun")).toEqual({ kind: "kommun", code: "0114", name: "Upplands Väsby" });
  });

  it("rejects an unknown name and a code whose name is another party's", () => {
    expect(party("Malaa")).toEqual([
      "Rad 2 (Malaa): namnet Malaa finns inte bland kommunerna och länen i referenslistan. Kontrollera stavningen eller ange koden.",
    ]);
    expect(party("0114 Vallentuna", "Kommun")).toEqual([
      "Rad 2 (0114 Vallentuna): koden 0114 är Upplands Väsby, men namnet Vallentuna är 0115 Vallentuna. Rätta koden eller namnet.",
    ]);
  });

  it("rejects an ambiguous name", () => {
    const twoDalby: ImportReference = {
      municipalities: [
        { code: "1001", name: "Dalby", countyCode: "10", population: 1 },
        { code: "2002", name: "Dalby", countyCode: "20", population: 1 },
      ],
      counties: [],
    };
    const parsed = parseImport("Namn;Dödsfall;Registreringar\ndalby;1;1\n", twoDalby);
    expect(parsed.problems.map(problemText)).toEqual([
      "Rad 2 (dalby): namnet dalby är tvetydigt: det passar 1001 Dalby och 2002 Dalby. Ange koden i stället.",
    ]);
  });

  it("checks the type column against the party", () => {
    const parsed = parseImport("Typ;Kod;Dödsfall;Registreringar\nlandsting;0114;1;1\nkommun;08;1;1\n", reference);
    expect(parsed.problems.map(problemText)).toEqual([
      "Rad 2 (0114): 0114 Upplands Väsby är en kommun, men typen är landsting.",
      "Rad 3 (08): 08 Kalmar län är ett län, men typen är kommun.",
    ]);
  });

  it("accepts only municipalities in discharge days", () => {
    const parsed = parseImport("Kommun;Månad;Individ;Dagar\n08;2018-01;A;1\n", reference);
    expect(parsed.problems.map(problemText)).toEqual(["Rad 2 (08): 08 Kalmar län är ett län; här ska en kommun stå."]);
  });
});

describe("validating every row", () => {
  it("lists every bad row of a file by row and party, and returns no rows", () => {
    const parsed = parseImport(fixture("palliativ-fel.csv"), reference);
    expect(parsed.ok).toBe(false);
    expect("rows" in parsed).toBe(false);
    expect(parsed.problems.map(problemText)).toEqual([
      "Rad 2 (0114 Upplands Väsby): registreringar (31) är fler än dödsfall (30). Kontrollera registerutdraget.",
      "Rad 3 (0115 Vallentuna): dödsfall (2,5) måste vara ett helt tal som är 0 eller större.",
      "Rad 4 (0117 Österåker): dödsfall (-4) får inte vara negativt.",
      "Rad 5 (9999): koden 9999 finns inte bland kommunerna och länen i referenslistan. Kontrollera koden.",
      "Rad 6 (0114 Upplands Väsby): parten finns redan på rad 2. Varje kommun och landsting får bara förekomma en gång; ta bort den ena raden.",
      "Rad 7 (0120 Värmdö): dödsfall saknas. Fyll i ett tal (0 om det inte finns några) eller töm hela raden.",
      "Rad 8 (0125 Vallentuna): koden 0125 är Ekerö, men namnet Vallentuna är 0115 Vallentuna. Rätta koden eller namnet.",
      "Rad 9 (Malaa): namnet Malaa finns inte bland kommunerna och länen i referenslistan. Kontrollera stavningen eller ange koden.",
    ]);
  });

  it("checks ja/nej, months, days after analysis and duplicate individuals", () => {
    const senior = parseImport("Kod;Startat;Registreringar\n0114;kanske;3\n0115;;2\n", reference);
    expect(senior.problems.map(problemText)).toEqual([
      "Rad 2 (0114 Upplands Väsby): alla relevanta enheter startat (kanske) ska vara Ja eller Nej.",
      "Rad 3 (0115 Vallentuna): alla relevanta enheter startat saknas. Skriv Ja eller Nej.",
    ]);
    const discharge = parseImport(
      "Kommun;Månad;Individ;Vårdform;Dagar rapporterade;Dagar efter analys\n" +
        "0880;2018-13;A;somatisk;3;3\n" +
        "0880;mars;B;somatisk;3;3\n" +
        "0880;2018-03;C;somatisk;4;5\n" +
        "0880;2018-03;D;annan;1;1\n" +
        "0880;2018-03;C;somatisk;4;4\n" +
        "0880;2018-03;C;psykiatri;4;4\n",
      reference
    );
    expect(discharge.problems.map(problemText)).toEqual([
      "Rad 2 (0880 Kalmar): månaden (2018-13) ska skrivas ÅÅÅÅ-MM, t.ex. 2018-03.",
      "Rad 3 (0880 Kalmar): månaden (mars) ska skrivas ÅÅÅÅ-MM, t.ex. 2018-03.",
      "Rad 4 (0880 Kalmar, 2018-03, C): dagar efter analys (5) är fler än rapporterade dagar (4). Analysen och omräkningen kan bara minska dagarna.",
      "Rad 5 (0880 Kalmar): vårdform (annan) ska vara somatisk eller psykiatri.",
      "Rad 6 (0880 Kalmar, 2018-03, C): individen finns redan på rad 4 (somatisk). Varje individ får bara förekomma en gång per kommun, månad och vårdform.",
    ]);
  });

  it("rejects a row with more values than the header, with a hint about the decimal comma", () => {
    const parsed = parseImport("Kod,Dödsfall,Registreringar\n0114,2,5,1\n", reference);
    expect(parsed.problems.map(problemText)).toEqual([
      "Rad 2: raden har 4 värden men rubrikraden 3 kolumner. Ett decimaltal med komma i en kommaseparerad fil måste stå inom citattecken; använd hellre semikolon som avgränsare.",
    ]);
  });
});

describe("text that starts like a formula", () => {
  it("is written behind Excel's text prefix, never as a formula", () => {
    expect(textValue("S01")).toBe("S01");
    expect(textValue('=HYPERLINK("http://example.invalid")')).toBe('\'=HYPERLINK("http://example.invalid")');
    expect(textValue("+46")).toBe("'+46");
    expect(textValue("-1")).toBe("'-1");
    expect(textValue("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(startsLikeFormula("\t=1")).toBe(true);
  });

  it("is kept as text by the import (the individual id is data)", () => {
    const parsed = valid(parseImport("Kommun;Månad;Individ;Dagar\n0880;2018-03;=1+1;4\n", reference));
    if (parsed.kind !== "utskrivningsklara") throw new Error("fel sort");
    expect(parsed.rows[0].individual).toBe("=1+1");
  });
});

describe("hostile files, refused as the command line refuses them", () => {
  const problems = (input: Uint8Array | string, kind?: "palliativ") =>
    parseImport(input, reference, kind).problems.map(problemText);

  it("says what a workbook or other binary file is, and reads UTF-16 without a byte-order mark", () => {
    expect(problems(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]))).toEqual([
      "Filen är en Excel-arbetsbok (.xlsx) eller en annan zip-fil, inte text. Spara bladet som CSV (Arkiv → Spara som → CSV UTF-8) och försök igen.",
    ]);
    expect(problems(new Uint8Array([0x4b, 0x6f, 0x64, 0, 0x3b, 0, 0, 1, 0xff]))).toEqual([
      "Filen innehåller binära data (NUL-tecken), inte text. Spara uppgifterna som CSV (UTF-8 eller semikolonavgränsad) och försök igen.",
    ]);
    const utf16 = new Uint8Array(Buffer.from("Kod;Dödsfall;Registreringar\r\n0114;20;9\r\n", "utf16le"));
    const parsed = valid(parseImport(utf16, reference));
    expect(parsed.encoding).toBe("utf-16le");
    expect(parsed.kind === "palliativ" && parsed.rows[0]).toMatchObject({ deaths: 20, registrations: 9 });
  });

  it("refuses a header without rows, a repeated header and the values the loader refuses, in the same words", () => {
    expect(problems("Kod;Dödsfall;Registreringar\n")).toEqual([
      "Filen har en rubrikrad men inga rader med uppgifter (Palliativregistret (dödsfall och registreringar)). Fyll i raderna.",
    ]);
    expect(
      problems('Kod;Dödsfall;Registreringar\n0114;"4\n4";1\nKod;Dödsfall;Registreringar\n0115\u200b;3;1\n0117;1e3;1\n')
    ).toEqual([
      "Rad 2 (0114 Upplands Väsby): dödsfall (4[U+000A]4) innehåller tecknet U+000A (radbrytning), som inte syns. Ta bort det och skriv värdet igen.",
      "Rad 3: raden upprepar rubrikraden (rad 1); två filer har kanske klistrats ihop. Ta bort raden.",
      "Rad 4 (0115[U+200B]): kod (0115[U+200B]) innehåller tecknet U+200B (nollbreddsmellanslag), som inte syns. Ta bort det och skriv värdet igen.",
      "Rad 5 (0117 Österåker): dödsfall (1e3) är skrivet med exponent. Skriv talet med alla siffror, t.ex. 1000 i stället för 1e3.",
    ]);
  });

  it("cuts a long header in the message that names the header row (to 40 characters in all)", () => {
    const header = `Kod;${"Kolumn".repeat(100000)}`;
    const [line] = problems(`${header}\n0114;3\n`);
    expect(line).toBe(
      "Rad 1: det går inte att avgöra vad filen innehåller. Rubrikraden ska ha Dödsfall och Registreringar (Palliativregistret), " +
        "Alla enheter startat och Registreringar (Senior alert) eller Kommun, Månad, Individ och Dagar (utskrivningsklara). " +
        `Rubrikraden är: Kod, ${"Kolumn".repeat(5)}Kolum….`
    );
  });

  it("refuses a text longer than a cell holds, and names it without echoing it", () => {
    const long = "S".repeat(40000);
    const lines = problems(`Kommun;Månad;Individ;Dagar\n0880;2018-03;${long};4\n`);
    expect(lines).toEqual([
      `Rad 2 (0880 Kalmar): individ har 40\u00a0000 tecken, men en cell i Excel rymmer högst 32\u00a0767. Korta texten.`,
    ]);
  });
});
