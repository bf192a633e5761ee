/*
 * `npm run workbook -- --data DIR` as a hostile tester runs it: the real command in a child process on
 * temporary folders. Every bad input is refused with the file, the row and the problem in words, exit
 * code 1, no stack trace and nothing written; what a tester might expect to break but is valid input is
 * read right and written.
 */
import ExcelJS from "exceljs";
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadBundledInputs } from "../../src/cli/readData";
import { payeesCsv } from "../support/payees";

const ROOT = path.resolve(__dirname, "../..");
const DEMO = path.join(ROOT, "data", "demo");
/** Root reads a file whatever its permissions: a refusal for lack of permission is tried as the user nobody. */
const ROOT_USER = process.getuid?.() === 0;

let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "skl-hostile-"));
  fs.chmodSync(tmp, 0o777);
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  /** stderr with no-break spaces as spaces, as a terminal shows them. */
  readonly stderr: string;
}

/** Runs `node args…` and collects what it printed; `user` runs it as that user and group. */
function run(args: readonly string[], user?: { uid: number; gid: number }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, INIT_CWD: ROOT }, ...user },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code) : 0;
        resolve({ code, stdout, stderr: stderr.replace(/[\u00a0\u202f]/g, " ") });
      }
    );
  });
}

/** The command as the user runs it (`npm run workbook` is `tsx src/cli/workbook.ts`). */
function workbook(...args: string[]): Promise<Run> {
  return run(["--import", "tsx", path.join(ROOT, "src/cli/workbook.ts"), ...args]);
}

/** The command compiled into one file with the bundled data beside it, in a folder every user may read. */
let compiled: string | undefined;

/**
 * The command run by an ordinary user, who may not read what its permissions forbid. As root that is the user
 * nobody, who may not read a project cloned into a private folder (mode 0700, or root's home): the same
 * sources are then compiled with esbuild (as tsx compiles them) into one file, with data/ beside it, in a
 * temporary folder that nobody may read.
 */
async function workbookAsUser(...args: string[]): Promise<Run> {
  if (!ROOT_USER) return workbook(...args);
  if (!compiled) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "skl-hostile-cli-"));
    fs.chmodSync(folder, 0o755);
    const esbuild = await import("esbuild");
    await esbuild.build({
      entryPoints: [path.join(ROOT, "src/cli/workbook.ts")],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      outfile: path.join(folder, "cli", "workbook.js"),
      logLevel: "silent",
    });
    fs.cpSync(path.join(ROOT, "data"), path.join(folder, "data"), { recursive: true });
    execFileSync("chmod", ["-R", "a+rX", folder]);
    compiled = folder;
  }
  return run([path.join(compiled, "cli", "workbook.js"), ...args], { uid: 65534, gid: 65534 });
}

afterAll(() => {
  if (compiled) fs.rmSync(compiled, { recursive: true, force: true });
});

/** A copy of the demo data that the test then spoils. */
function dataFolder(): string {
  const data = path.join(tmp, "data");
  fs.mkdirSync(data);
  for (const file of fs.readdirSync(DEMO)) fs.copyFileSync(path.join(DEMO, file), path.join(data, file));
  fs.chmodSync(data, 0o777);
  return data;
}

/** The folder the workbook would be written to; checked to stay empty. */
function outFolder(): string {
  const out = path.join(tmp, "ut");
  fs.mkdirSync(out, { recursive: true });
  fs.chmodSync(out, 0o777);
  return out;
}

/** Replaces the lines of a CSV file at the given rows (row 1 is the header). */
function setRows(file: string, rows: Readonly<Record<number, string>>): void {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  for (const [row, text] of Object.entries(rows)) lines[Number(row) - 1] = text;
  fs.writeFileSync(file, lines.join("\n"));
}

/**
 * Runs with --data, expects a refusal with exactly these problem lines (among others), nothing written; with
 * `asUser`, as an ordinary user (see `workbookAsUser`).
 */
async function refused(
  data: string,
  lines: readonly string[],
  extra: readonly string[] = [],
  asUser = false
): Promise<Run> {
  const out = outFolder();
  const command = asUser ? workbookAsUser : workbook;
  const run = await command("--out", path.join(out, "skl.xlsx"), "--data", data, ...extra);
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 1, stdout: "" });
  expect(run.stderr).toMatch(/^Indata innehåller fel; ingen fil skrevs\.\n/);
  const printed = run.stderr.split("\n").map((l) => l.trim());
  for (const line of lines) expect(printed).toContain(line);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|ENOENT|EISDIR|EACCES|ELOOP/);
  expect(fs.readdirSync(out)).toEqual([]);
  return run;
}

/** A text as a regular expression matching it literally. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const invisible = (what: string, shown: string, character: string) =>
  `${what} (${shown}) innehåller tecknet ${character}, som inte syns. Ta bort det och skriv värdet igen.`;

describe("bad values in a file", () => {
  it("refuses a quoted count with a line break or tab, an exponent, NaN, Infinity, hexadecimal, other digits and a hidden character in a code", async () => {
    const data = dataFolder();
    setRows(path.join(data, "palliativ.csv"), {
      2: "kommun,0114\u200b,51,39",
      3: 'kommun,0115,"4\n4",3',
      4: 'kommun,0117,"4\t4",3',
      5: "kommun,0120,1e3,3",
      6: "kommun,0123,NaN,3",
      7: "kommun,0125,Infinity,3",
      8: "kommun,0126,0x1F,3",
      9: "kommun,0127,１２,3",
      10: 'kommun,0128,"1,000",3',
    });
    await refused(data, [
      `palliativ.csv rad 2 (0114[U+200B]): ${invisible("kommunkoden", "0114[U+200B]", "U+200B (nollbreddsmellanslag)")}`,
      `palliativ.csv rad 3 (0115): ${invisible("dödsfall", "4[U+000A]4", "U+000A (radbrytning)")}`,
      `palliativ.csv rad 4 (0117): ${invisible("dödsfall", "4[U+0009]4", "U+0009 (tabb)")}`,
      "palliativ.csv rad 5 (0120): dödsfall (1e3) är skrivet med exponent. Skriv talet med alla siffror, t.ex. 1000 i stället för 1e3.",
      'palliativ.csv rad 6 (0123): dödsfall måste vara ett tal, men cellen innehåller texten "NaN". Skriv ett tal eller töm hela raden.',
      'palliativ.csv rad 7 (0125): dödsfall måste vara ett tal, men cellen innehåller texten "Infinity". Skriv ett tal eller töm hela raden.',
      'palliativ.csv rad 8 (0126): dödsfall måste vara ett tal, men cellen innehåller texten "0x1F". Skriv ett tal eller töm hela raden.',
      "palliativ.csv rad 9 (0127): dödsfall (１２) har siffror som inte är 0–9 (U+FF11). Skriv talet med vanliga siffror.",
      "palliativ.csv rad 10 (0128): dödsfall (1,000) kan läsas både som ett decimaltal och som tusental. Skriv tusental med mellanslag (1 234) eller utan avgränsare (1234), och decimaler med högst två siffror efter kommat.",
    ]);
  });

  it("refuses kronor beyond 2^53, a text longer than a cell holds and a control character in a name", async () => {
    const data = dataFolder();
    setRows(path.join(data, "forsoksverksamhet.csv"), {
      2: "F01,Kommun K,kommun,ja,Försök A,9007199254740993",
      3: `F02,Kommun L,kommun,ja,${"x".repeat(1024 * 1024)},100`,
      4: "F03,Kommun\u0007M,kommun,ja,Försök C,100",
    });
    const run = await refused(data, [
      "forsoksverksamhet.csv rad 2 (F01): beviljat belopp (9007199254740993) går inte att räkna exakt: högst 9 007 199 254 740 991 (2^53 − 1), på öret när.",
      "forsoksverksamhet.csv rad 3 (F02): projekt har 1 048 576 tecken, men en cell i Excel rymmer högst 32 767. Korta texten.",
      `forsoksverksamhet.csv rad 4 (F03): ${invisible("mottagare", "Kommun[U+0007]M", "U+0007")}`,
    ]);
    expect(run.stderr.length).toBeLessThan(2000);
  });

  it("refuses a payee that looks blank (Hangul fillers, a blank Braille cell, a grapheme joiner) in mottagare.csv", async () => {
    const data = dataFolder();
    const names: Record<string, string> = {
      "01": "\u3164",
      "03": "\u2800\u2800",
      "04": "Region\u115fSörmland",
      "05": "\uffa0",
      "06": "\u034f",
    };
    // Every payee with a valid organisation number and account; five county recipients' names look blank.
    const payees = payeesCsv(loadBundledInputs(2010)).replace(
      /^län,(\d\d),Länets mottagare \d\d,/gm,
      (line, code: string) => (code in names ? `län,${code},${names[code]},` : line)
    );
    fs.writeFileSync(path.join(data, "mottagare.csv"), payees);
    const row = (code: string) => payees.split("\n").findIndex((l) => l.startsWith(`län,${code},`)) + 1;
    const payments = path.join(outFolder(), "utbetalningar.csv");
    const run = await refused(data, [], ["--payments", payments]);
    const shown: [string, string, string][] = [
      ["01", "[U+3164]", "U+3164 (hangul-utfyllnad)"],
      ["03", "[U+2800][U+2800]", "U+2800 (tomt punktskriftstecken)"],
      ["04", "Region[U+115F]Sörmland", "U+115F (hangul-utfyllnad)"],
      ["05", "[U+FFA0]", "U+FFA0 (hangul-utfyllnad)"],
      ["06", "[U+034F]", "U+034F (kombinerande grafemfog)"],
    ];
    for (const [code, value, character] of shown) {
      expect(run.stderr).toMatch(
        new RegExp(
          `mottagare\\.csv rad ${row(code)} \\([^)]*${code}[^)]*\\): ${escape(invisible("mottagare", value, character))}`
        )
      );
    }
    expect(fs.existsSync(payments)).toBe(false);
  });

  it("refuses a discharge settlement whose amount a cell cannot hold exactly, naming the group", async () => {
    const data = dataFolder();
    const doc = JSON.parse(fs.readFileSync(path.join(ROOT, "data", "parameters.json"), "utf8"));
    doc.years.find((y: { year: number }) => y.year === 2010).dischargePricePerDayKr = 2 ** 53 - 1;
    fs.writeFileSync(path.join(data, "parameters.json"), JSON.stringify(doc));
    // 0821 Högsby, April 2018, somatic care: 6 days billed in the demo data, × (2^53 − 1) kr.
    await refused(data, [
      "0821 2018-04 somatisk: beloppet (54 043 195 528 445 946) går inte att räkna exakt: högst 9 007 199 254 740 991 (2^53 − 1), på öret när.",
    ]);
  });

  it("cuts a long value in a message to its first 40 characters, in the place and in the problem", async () => {
    const data = dataFolder();
    const code = `0114${"A".repeat(20000)}`;
    setRows(path.join(data, "palliativ.csv"), { 2: `kommun,${code},51,39` });
    const run = await refused(data, [
      `palliativ.csv rad 2 (${code.slice(0, 40)}…): kommunkoden (${code.slice(0, 40)}…) ska vara fyra siffror, t.ex. 0114.`,
    ]);
    expect(run.stderr.length).toBeLessThan(1000);
  });

  it("refuses months that are no month (2018-13) or no first of a month (2018-02-30)", async () => {
    const data = dataFolder();
    setRows(path.join(data, "utskrivningsklara.csv"), {
      2: "0821,2018-13,S01,somatisk,0,0",
      3: "0821,2018-02-30,S02,somatisk,3,3",
    });
    await refused(data, [
      "utskrivningsklara.csv rad 2 (0821, 2018-13, S01): månaden (2018-13) ska skrivas ÅÅÅÅ-MM, t.ex. 2018-03.",
      "utskrivningsklara.csv rad 3 (0821, 2018-02-30, S02): månaden (2018-02-30) ska skrivas ÅÅÅÅ-MM, t.ex. 2018-03.",
    ]);
  });

  it("prints a screenful of 50 000 bad rows and counts the rest; 200 000 rows of palliativ.csv are refused at once", async () => {
    const data = dataFolder();
    // As many bad rows as the command reads from a file (README, "Limits of the command line").
    const rows = Array.from({ length: 50000 }, (_, i) => `0880,2018-01,S${i},somatisk,tio,${i}`);
    fs.writeFileSync(
      path.join(data, "utskrivningsklara.csv"),
      ["municipality,month,individual,care,days_reported,days_after_analysis", ...rows].join("\n")
    );
    const run = await refused(data, []);
    const lines = run.stderr.trim().split("\n");
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines[lines.length - 1]).toBe("  … och 49 980 fel till (50 000 sammanlagt).");
    expect(run.stderr.length).toBeLessThan(6000);
    // More rows than a file of parties can hold: refused before they are read, with the reason.
    const parties = Array.from(
      { length: 200000 },
      (_, i) => `kommun,${String(1000 + (i % 8000)).padStart(4, "0")},tio,${i}`
    );
    fs.writeFileSync(path.join(data, "palliativ.csv"), ["kind,code,deaths,registrations", ...parties].join("\n"));
    const many = await refused(data, []);
    expect(many.stderr).toMatch(
      /\n {2}palliativ\.csv: filen har 200 000 rader, men kommandoraden läser högst 3 110 rader ur den: /
    );
  });

  it("refuses parameters.json with text, negative, huge or missing figures, and a file that is not JSON", async () => {
    const data = dataFolder();
    const doc = JSON.parse(fs.readFileSync(path.join(ROOT, "data", "parameters.json"), "utf8"));
    const y2010 = doc.years.find((y: { year: number }) => y.year === 2010);
    Object.assign(y2010, {
      palliativeBasePotKr: "40000000",
      seniorAlertPotKr: -5,
      countyGrantKr: 1e20,
      municipalShare: 1.5,
      paymentStepKr: 0,
    });
    delete y2010.pilotsKr;
    fs.writeFileSync(path.join(data, "parameters.json"), JSON.stringify(doc));
    await refused(data, [
      'parameters.json (år 2010): palliativeBasePotKr ("40000000") ska vara ett tal, t.ex. 0.5 (punkt som decimaltecken i JSON).',
      "parameters.json (år 2010): seniorAlertPotKr (−5) får inte vara negativt.",
      "parameters.json (år 2010): countyGrantKr (100 000 000 000 000 000 000) går inte att räkna exakt: högst 9 007 199 254 740 991 (2^53 − 1), på öret när.",
      "parameters.json (år 2010): municipalShare (1,5) ska vara en andel mellan 0 och 1, t.ex. 0,4 för 40 %.",
      "parameters.json (år 2010): paymentStepKr (0) måste vara större än 0, t.ex. 1 för hela kronor eller 1000 för tusental.",
      "parameters.json (år 2010): pilotsKr saknas.",
    ]);
    fs.writeFileSync(path.join(data, "parameters.json"), '{ "years": [ { "year": 2010, "pilotsKr": NaN } ] }');
    const run = await refused(data, []);
    expect(run.stderr).toMatch(/parameters\.json: filen är inte giltig JSON \(/);
  });
});

describe("bad files", () => {
  it("refuses a registry file with a header and no rows", async () => {
    const data = dataFolder();
    fs.writeFileSync(
      path.join(data, "senior-alert.csv"),
      "kind,code,licence,passwords,coordinator,units_identified,unit_list,all_units_started,registrations\n"
    );
    await refused(data, [
      "senior-alert.csv: filen har en rubrikrad men inga rader med uppgifter (kind, code, licence, passwords, coordinator, units_identified, unit_list, all_units_started, registrations). Fyll i raderna.",
    ]);
  });

  it("refuses an empty file, a file of only a byte-order mark and a folder where a file should be", async () => {
    const data = dataFolder();
    fs.writeFileSync(path.join(data, "palliativ.csv"), "");
    fs.writeFileSync(path.join(data, "senior-alert.csv"), "\ufeff");
    fs.rmSync(path.join(data, "forsoksverksamhet.csv"));
    fs.mkdirSync(path.join(data, "forsoksverksamhet.csv"));
    await refused(data, [
      "palliativ.csv: filen är tom. Första raden ska vara rubrikraden: kind,code,deaths,registrations",
      "senior-alert.csv: filen är tom. Första raden ska vara rubrikraden: kind,code,licence,passwords,coordinator,units_identified,unit_list,all_units_started,registrations",
      "forsoksverksamhet.csv: är en katalog, inte en fil. Lägg CSV-filen här med det namnet.",
    ]);
  });

  it("says what a workbook or other binary file named .csv is", async () => {
    const data = dataFolder();
    const xlsx = await new ExcelJS.Workbook().xlsx.writeBuffer();
    fs.writeFileSync(path.join(data, "palliativ.csv"), new Uint8Array(xlsx as ArrayBuffer));
    fs.writeFileSync(
      path.join(data, "senior-alert.csv"),
      Buffer.from([0x4b, 0x6f, 0x64, 0, 0x3b, 0, 0, 1, 0xff, 0x10])
    );
    await refused(data, [
      "palliativ.csv: filen är en Excel-arbetsbok (.xlsx) eller en annan zip-fil, inte text. Spara bladet som CSV (Arkiv → Spara som → CSV UTF-8) och försök igen.",
      "senior-alert.csv: filen innehåller binära data (NUL-tecken), inte text. Spara uppgifterna som CSV (UTF-8 eller semikolonavgränsad) och försök igen.",
    ]);
  });

  it("refuses a header repeated in the middle of a file and a column named twice", async () => {
    const data = dataFolder();
    setRows(path.join(data, "palliativ.csv"), { 5: "kind,code,deaths,registrations" });
    setRows(path.join(data, "senior-alert.csv"), {
      1: "kind,code,licence,passwords,coordinator,units_identified,unit_list,all_units_started,registrations,code",
    });
    await refused(data, [
      "palliativ.csv rad 5: raden upprepar rubrikraden (rad 1); två filer har kanske klistrats ihop. Ta bort raden.",
      "senior-alert.csv rad 1: kolumnen code finns två gånger i rubrikraden. Ta bort den ena.",
    ]);
  });

  it("refuses a device, a named pipe and a file of unknown size beyond 50 MB, without reading them forever", async () => {
    const data = dataFolder();
    fs.rmSync(path.join(data, "palliativ.csv"));
    fs.symlinkSync("/dev/zero", path.join(data, "palliativ.csv"));
    fs.rmSync(path.join(data, "senior-alert.csv"));
    execFileSync("mkfifo", [path.join(data, "senior-alert.csv")]);
    const notRegular =
      "är ingen vanlig fil (en enhet, en namngiven pipe eller en socket), och den läses inte. Lägg CSV-filen här med det namnet.";
    await refused(data, [`palliativ.csv: ${notRegular}`, `senior-alert.csv: ${notRegular}`]);
  });

  it("refuses a discharge file of 1 004 424 valid rows (40 MB) at once, with the reason, instead of running out of memory", async () => {
    const data = dataFolder();
    const municipalities = [
      "0821",
      "0834",
      "0840",
      "0860",
      "0861",
      "0862",
      "0880",
      "0881",
      "0882",
      "0883",
      "0884",
      "0885",
    ];
    const lines = ["municipality,month,individual,care,days_reported,days_after_analysis"];
    for (let i = 0; i < 1004424; i++) {
      const month = String(1 + (i % 12)).padStart(2, "0");
      lines.push(
        `${municipalities[i % 12]},2018-${month},INDIVID-${String(i).padStart(9, "0")},somatisk,${i % 9},${i % 9}`
      );
    }
    fs.writeFileSync(path.join(data, "utskrivningsklara.csv"), lines.join("\r\n") + "\r\n");
    expect(fs.statSync(path.join(data, "utskrivningsklara.csv")).size).toBeGreaterThan(40 * 1000 * 1000);
    await refused(data, [
      "utskrivningsklara.csv: filen har 1 004 424 rader, men kommandoraden läser högst 50 000 rader ur den: varje rad blir en rad i arbetsboken, som skrivs i minnet, och med alla filer vid sina gränser tar det upp till 2,5 GB minne. Dela upp filen, t.ex. per år eller per kommun, och bygg en arbetsbok för varje del.",
    ]);
  });

  it("refuses a UTF-8 file with a line in another encoding, naming the line, instead of garbling every letter", async () => {
    const data = dataFolder();
    const file = path.join(data, "forsoksverksamhet.csv");
    fs.appendFileSync(file, Buffer.from([...Buffer.from("F09,Kommun "), 0xe9, ...Buffer.from(",Projekt,100000\n")]));
    const line = fs.readFileSync(file, "latin1").split("\n").length - 1;
    await refused(data, [
      `forsoksverksamhet.csv: filen är sparad som UTF-8 men rad ${line} har tecken i en annan teckenkodning (troligen Windows-1252, som "å" skrivet i en annan editor). Spara hela filen på nytt som CSV UTF-8 och försök igen.`,
    ]);
  });

  it("refuses a file it may not read, a file over 50 MB and links that loop, a reference file too", async () => {
    const data = dataFolder();
    fs.chmodSync(path.join(data, "palliativ.csv"), 0o000);
    fs.truncateSync(path.join(data, "senior-alert.csv"), 60 * 1024 * 1024);
    fs.rmSync(path.join(data, "utskrivningsklara.csv"));
    fs.symlinkSync("utskrivningsklara.csv", path.join(data, "utskrivningsklara.csv"));
    fs.symlinkSync("lan.csv", path.join(data, "kommuner.csv"));
    fs.symlinkSync("kommuner.csv", path.join(data, "lan.csv"));
    const loop = "är en symbolisk länk som pekar i en slinga och leder aldrig till en fil. Ersätt länken med filen.";
    await refused(
      data,
      [
        "palliativ.csv: filen går inte att läsa (ingen behörighet att läsa).",
        "senior-alert.csv: filen är 60 MB, men högst 50 MB läses. Dela upp filen eller kontrollera att det är rätt fil.",
        `utskrivningsklara.csv: ${loop}`,
        `kommuner.csv: ${loop}`,
        `lan.csv: ${loop}`,
      ],
      [],
      true
    );
  });
});

describe("bad paths", () => {
  it("says that --data names a file, not a folder", async () => {
    const file = path.join(dataFolder(), "palliativ.csv");
    const run = await refused(file, []);
    expect(run.stderr).toContain(
      `${file}: är en fil, inte en katalog. Ange katalogen som innehåller CSV-filerna (se data/demo).`
    );
  });

  it("says that a --data folder may not be read", async () => {
    const data = dataFolder();
    fs.chmodSync(data, 0o000);
    const run = await refused(data, [], [], true);
    fs.chmodSync(data, 0o777);
    expect(run.stderr).toContain(`${data}: katalogen går inte att läsa (ingen behörighet att läsa).`);
  });

  it("names the output folder that does not exist, without a temporary file or ENOENT", async () => {
    const missing = path.join(tmp, "finns-inte");
    const run = await workbook("--out", path.join(missing, "skl.xlsx"), "--data", dataFolder());
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr: `Katalogen ${missing} finns inte, så skl.xlsx kan inte skrivas där. Skapa katalogen eller välj en annan --out.\n`,
    });
    expect(fs.readdirSync(tmp)).toEqual(["data"]);
  });

  it("refuses an --out that is a folder, or whose folder is a file", async () => {
    const out = outFolder();
    fs.mkdirSync(path.join(out, "skl.xlsx"));
    expect(await workbook("--out", path.join(out, "skl.xlsx"), "--force")).toEqual({
      code: 1,
      stdout: "",
      stderr: `${path.join(out, "skl.xlsx")} är en katalog. Välj ett filnamn som slutar på .xlsx.\n`,
    });
    fs.writeFileSync(path.join(out, "fil"), "");
    expect(await workbook("--out", path.join(out, "fil", "skl.xlsx"))).toEqual({
      code: 1,
      stdout: "",
      stderr: `${path.join(out, "fil")} är en fil, inte en katalog: --out ${path.join(out, "fil", "skl.xlsx")} kan inte skrivas där.\n`,
    });
  });
});

describe("input a hostile tester might expect to break, but that is valid", () => {
  it("reads a file whose lines end partly CRLF, partly LF, as lines", async () => {
    const data = dataFolder();
    const file = path.join(data, "utskrivningsklara.csv");
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n");
    // As a file edited on Windows and then appended to elsewhere: the first rows CRLF, the rest LF.
    fs.writeFileSync(file, lines.slice(0, 6).join("\r\n") + "\r\n" + lines.slice(6).join("\n") + "\n");
    const out = path.join(outFolder(), "skl.xlsx");
    const run = await workbook("--out", out, "--data", data);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    // Every individual of the file is a row of UK individer (below its header row).
    const sheet = book.getWorksheet("UK individer")!;
    const individuals = sheet.getColumn(1).values.filter((v) => typeof v === "string" && /^\d{4}$/.test(v));
    expect(individuals.length).toBe(lines.length - 1);
  });

  it("reads UTF-16 without a byte-order mark, CR line endings, a leading plus and a negative zero, and keeps a formula-looking text as text", async () => {
    const data = dataFolder();
    const palliative = fs
      .readFileSync(path.join(data, "palliativ.csv"), "utf8")
      .replace("kommun,0114,51,39", "kommun,0114,+51,39");
    fs.writeFileSync(path.join(data, "palliativ.csv"), Buffer.from(palliative, "utf16le"));
    const senior = fs
      .readFileSync(path.join(data, "senior-alert.csv"), "utf8")
      .replace("kommun,0114,ja,ja,ja,ja,ja,nej,42", "kommun,0114,ja,ja,ja,ja,ja,nej,-0");
    fs.writeFileSync(path.join(data, "senior-alert.csv"), senior.replace(/\n/g, "\r"));
    const formula = '=HYPERLINK("http://example.invalid","klicka")';
    setRows(path.join(data, "forsoksverksamhet.csv"), {
      2: `F01,@SUM(1+1),kommun,ja,"${formula.replace(/"/g, '""')}",4600000`,
    });
    const out = path.join(outFolder(), "skl.xlsx");
    const run = await workbook("--out", out, "--data", data);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/Avstämning: \d+ OK, \d+ INFO, 0 FEL/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const cells: ExcelJS.Cell[] = [];
    book.getWorksheet("Försöksverksamhet")!.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    const project = cells.find((c) => c.value === formula);
    const recipient = cells.find((c) => c.value === "@SUM(1+1)");
    expect([project?.type, recipient?.type]).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
  });
});
