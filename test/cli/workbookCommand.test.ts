/*
 * `npm run workbook` as a user runs it: the file is written from the bundled data, holds formulas with
 * the engine's values, is never written over without --force, and bad input stops the run with a
 * message naming file, row and problem, leaving no file behind.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/workbook";

let dir: string;
let output: string[];
let errors: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "skl-cli-"));
  output = [];
  errors = [];
  jest.spyOn(console, "log").mockImplementation((...args) => void output.push(args.join(" ")));
  jest.spyOn(console, "error").mockImplementation((...args) => void errors.push(args.join(" ")));
});

afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run workbook", () => {
  it("writes the 2010 workbook with native formulas carrying the engine's values", async () => {
    const out = path.join(dir, "skl-2010.xlsx");
    expect(await main(["--out", out])).toBe(0);
    expect(output.join("\n")).toMatch(/Avstämning: \d+ OK, 7 INFO, 0 FEL/);
    expect(output.join("\n")).toMatch(/SYNTETISKA demodata/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("Länsbidrag")!;
    // Find the rule's amount column and Stockholm's row (code 01, the first county).
    const headerRow = sheet.getColumn(1).values.findIndex((v) => v === "Kod");
    const headers = sheet.getRow(headerRow).values as unknown[];
    const amountCol = headers.indexOf("Regel: bidrag (kr)");
    const engineCol = headers.indexOf("Regel: motor");
    const stockholm = sheet.getRow(headerRow + 1);
    const amount = stockholm.getCell(amountCol).value as ExcelJS.CellFormulaValue;
    // A formula, not a pasted number; its cached result is the rule worked by hand: 2 MSEK + 4 steps of 0.5 MSEK.
    expect(amount.formula).toMatch(/C_Grund\+\(\w+\d+\+\w+\d+\)\*Steg_Lansbidrag/);
    expect(amount.result).toBe(4000000);
    expect(stockholm.getCell(engineCol).value).toBe(4000000);
    expect(workbook.definedNames.getRanges("P_Troskel_Bas").ranges).toEqual(["Parametrar!$C$8"]);
  });

  it("never writes over an existing file without --force", async () => {
    const out = path.join(dir, "egen.xlsx");
    fs.writeFileSync(out, "mitt arbete");
    expect(await main(["--out", out])).toBe(1);
    expect(errors.join("\n")).toMatch(/finns redan.*--force/);
    expect(fs.readFileSync(out, "utf8")).toBe("mitt arbete");
    expect(await main(["--out", out, "--force"])).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("stops on bad input rows, names file, row and problem, and writes nothing", async () => {
    const data = path.join(dir, "data");
    fs.mkdirSync(data);
    const demo = path.join(__dirname, "..", "..", "data", "demo");
    for (const file of fs.readdirSync(demo)) fs.copyFileSync(path.join(demo, file), path.join(data, file));
    const palliative = fs.readFileSync(path.join(data, "palliativ.csv"), "utf8").split("\n");
    // Row 3 as a spreadsheet shows it (header = row 1): registrations above deaths.
    const [kind, code] = palliative[2].split(",");
    palliative[2] = [kind, code, "30", "31"].join(",");
    fs.writeFileSync(path.join(data, "palliativ.csv"), palliative.join("\n"));
    const out = path.join(dir, "fel.xlsx");
    expect(await main(["--out", out, "--data", data])).toBe(1);
    expect(errors.join("\n")).toMatch(new RegExp(`palliativ\\.csv rad 3 \\(${code}\\).*31.*fler än dödsfall.*30`));
    expect(errors.join("\n")).toMatch(/ingen fil skrevs/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx") || f.endsWith(".tmp"))).toEqual([]);
  });

  it("explains its usage when --out is missing, and refuses a year that is not a year", async () => {
    expect(await main([])).toBe(2);
    expect(errors.join("\n")).toMatch(/--out saknas/);
    expect(await main(["--out", path.join(dir, "a.xlsx"), "--year", ""])).toBe(2);
    expect(errors.join("\n")).toMatch(/--year : ange ett år/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("writes a file whose checks fail, lists the failing checks and exits 3, so a script notices", async () => {
    const data = copyOfDemo();
    const pilots = fs.readFileSync(path.join(data, "forsoksverksamhet.csv"), "utf8");
    fs.writeFileSync(
      path.join(data, "forsoksverksamhet.csv"),
      pilots.trimEnd() + "\nF99,Kommun X,kommun,ja,Stort försök,70000000\n"
    );
    const out = path.join(dir, "over-ramen.xlsx");
    expect(await main(["--out", out, "--data", data])).toBe(3);
    expect(output.join("\n")).toMatch(/FEL {2}Försöksverksamheter: beviljat ryms i ramen/);
    expect(errors.join("\n")).toMatch(/Filen skrevs, men 1 kontroll på Avstämning är FEL/);
    expect(fs.existsSync(out)).toBe(true);
  });

  it("reads relative paths from the folder npm was run in, not from the project", async () => {
    const previous = process.env.INIT_CWD;
    process.env.INIT_CWD = dir;
    try {
      expect(await main(["--out", "relativ.xlsx"])).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = previous;
    }
    expect(fs.existsSync(path.join(dir, "relativ.xlsx"))).toBe(true);
  });

  it("names the bundled folders it also read when a --data folder lacks the year asked for", async () => {
    expect(await main(["--out", path.join(dir, "x.xlsx"), "--data", copyOfDemo(), "--year", "2013"])).toBe(1);
    expect(errors.join("\n")).toMatch(/inbyggda: data\/parameters\.json.*parameters\.json: år 2013 saknas/s);
  });
});

function copyOfDemo(): string {
  const data = fs.mkdtempSync(path.join(dir, "data-"));
  const demo = path.join(__dirname, "..", "..", "data", "demo");
  for (const file of fs.readdirSync(demo)) fs.copyFileSync(path.join(demo, file), path.join(data, file));
  return data;
}
