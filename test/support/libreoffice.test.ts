/*
 * Proves that test/support/libreoffice.ts really makes LibreOffice recalculate: one small workbook made with
 * exceljs holds every check (native-twin allocation with ties, defined names, sheet names with a space and
 * Swedish letters, booleans, strings, errors, integer threshold comparisons, shared and array formulas, a table,
 * data validation and conditional formats), and every formula carries a deliberately WRONG cached result.
 * LibreOffice runs four times in parallel on it: the normal way (caches stripped, recalculation forced), with the
 * profile setting alone, with neither (the control: LibreOffice keeps the wrong caches), and to draw a picture.
 */
import ExcelJS from "exceljs";
import { existsSync, promises as fs, readdirSync, readFileSync } from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import {
  asBoolean,
  cellKey,
  LibreOfficeMissingError,
  LibreOfficeRecalculation,
  readWorkbookContents,
  recalculate,
  recalculateWithLibreOffice,
  renderWorkbookPng,
  SheetValue,
  stripCachedResults,
} from "./libreoffice";

/** Largest-remainder allocation in whole steps, ties by code number: what the native twin must reproduce. */
function allocate(pot: bigint, step: bigint, parties: readonly { code: string; weight: bigint }[]): bigint[] {
  const steps = pot / step;
  const total = parties.reduce((s, p) => s + p.weight, 0n);
  const floors = parties.map((p) => (steps * p.weight) / total);
  const rems = parties.map((p, i) => steps * p.weight - total * floors[i]);
  const left = steps - floors.reduce((s, f) => s + f, 0n);
  return parties.map((p, i) => {
    const above = parties.filter(
      (q, j) => rems[j] > rems[i] || (rems[j] === rems[i] && Number(q.code) < Number(p.code))
    ).length;
    return (floors[i] + (BigInt(above) < left ? 1n : 0n)) * step;
  });
}

/** exceljs writes shared and array formulas from these properties; its type definitions leave them out. */
type SharedOrArrayFormula = ExcelJS.CellFormulaValue & { shareType: "shared" | "array"; ref: string };
const sharedOrArray = (value: SharedOrArrayFormula) => value as ExcelJS.CellValue;

/** A wrong cached result for every formula: if any of these reach a test, LibreOffice did not recalculate. */
const WRONG = -999;

interface Block {
  readonly sheet: string;
  /** Rows of the parties. */
  readonly first: number;
  readonly last: number;
  readonly expected: bigint[];
  /** Cells with S, W, steps left and the distributed total. */
  readonly figures: { steps: string; totalWeight: string; left: string; distributed: string };
}

/**
 * Writes one native-twin allocation table: Kod (text), Kodnr = VALUE(Kod), Vikt, Golv = QUOTIENT(S·w, W),
 * Rest = S·w − W·golv, Extra (COUNTIF/COUNTIFS ranking, ties by code number), Belopp = (golv + extra)·steg.
 * The pot and step are defined names. `sharedFloor` writes the Golv column as one shared formula.
 */
function writeAllocation(
  ws: ExcelJS.Worksheet,
  top: number,
  potName: string,
  stepName: string,
  parties: readonly { code: string; weight: number }[],
  sharedFloor: boolean
): Omit<Block, "expected"> {
  ["Kod", "Kodnr", "Vikt", "Golv", "Rest", "Extra", "Belopp"].forEach(
    (h, i) => (ws.getRow(top).getCell(i + 1).value = h)
  );
  const first = top + 1;
  const last = top + parties.length;
  const S = `$K$${first}`;
  const W = `$K$${first + 1}`;
  const left = `$K$${first + 2}`;
  const rem = `$E$${first}:$E$${last}`;
  const codeNumbers = `$B$${first}:$B$${last}`;
  parties.forEach((p, i) => {
    const r = first + i;
    const row = ws.getRow(r);
    row.getCell(1).value = p.code;
    row.getCell(2).value = { formula: `VALUE(A${r})`, result: WRONG };
    row.getCell(3).value = p.weight;
    if (!sharedFloor) row.getCell(4).value = { formula: `QUOTIENT(${S}*C${r},${W})`, result: WRONG };
    else if (i === 0) {
      row.getCell(4).value = sharedOrArray({
        formula: `QUOTIENT(${S}*C${r},${W})`,
        result: WRONG,
        shareType: "shared",
        ref: `D${first}:D${last}`,
      });
    } else row.getCell(4).value = { sharedFormula: `D${first}`, result: WRONG };
    row.getCell(5).value = { formula: `${S}*C${r}-${W}*D${r}`, result: WRONG };
    row.getCell(6).value = {
      formula: `IF(COUNTIF(${rem},">"&E${r})+COUNTIFS(${rem},E${r},${codeNumbers},"<"&B${r})<${left},1,0)`,
      result: WRONG,
    };
    row.getCell(7).value = { formula: `(D${r}+F${r})*${stepName}`, result: WRONG };
  });
  const figure = (offset: number, label: string, formula: string) => {
    ws.getCell(`J${first + offset}`).value = label;
    ws.getCell(`K${first + offset}`).value = { formula, result: WRONG };
    return `K${first + offset}`;
  };
  return {
    sheet: ws.name,
    first,
    last,
    figures: {
      steps: figure(0, "S", `QUOTIENT(${potName},${stepName})`),
      totalWeight: figure(1, "W", `SUM(C${first}:C${last})`),
      left: figure(2, "Kvar", `${S}-SUM(D${first}:D${last})`),
      distributed: figure(3, "Fördelat", `SUM(G${first}:G${last})`),
    },
  };
}

interface TestBook {
  readonly file: string;
  readonly blocks: Block[];
}

async function buildWorkbook(file: string): Promise<TestBook> {
  const wb = new ExcelJS.Workbook();

  const params = wb.addWorksheet("Parametrar");
  const inputs: [string, string, number][] = [
    ["Pott", "Pott (kr)", 100],
    ["Steg", "Steg (kr)", 1],
    ["Tröskel", "Tröskel", 0.7],
    ["Pott2", "Pott 2 (kr)", 40_000_500],
    ["Steg2", "Steg 2 (kr)", 1000],
  ];
  inputs.forEach(([name, label, value], i) => {
    params.getCell(`A${i + 1}`).value = label;
    const cell = params.getCell(`B${i + 1}`);
    cell.value = value;
    wb.definedNames.add(`Parametrar!$B$${i + 1}`, name);
    cell.dataValidation = {
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      allowBlank: false,
      showErrorMessage: true,
      error: "Ett tal ≥ 0",
    };
  });
  params.getCell("A6").value = "Delning";
  params.getCell("B6").value = "Ja";
  params.getCell("B6").dataValidation = { type: "list", allowBlank: false, formulae: ['"Ja,Nej"'] };
  params.addConditionalFormatting({
    ref: "B1:B5",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ["B1<0"],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });

  const alloc = wb.addWorksheet("Fördelning");
  const tie = [
    { code: "0180", weight: 1 },
    { code: "0114", weight: 1 },
    { code: "0127", weight: 1 },
  ];
  const bigger = [
    { code: "0180", weight: 847_073 },
    { code: "1280", weight: 298_963 },
    { code: "0114", weight: 40_000 },
    { code: "2584", weight: 40_000 },
    { code: "0127", weight: 40_000 },
    { code: "0305", weight: 9_999 },
    { code: "0381", weight: 7 },
  ];
  const b1 = writeAllocation(alloc, 1, "Pott", "Steg", tie, false);
  const b2 = writeAllocation(alloc, 8, "Pott2", "Steg2", bigger, true);
  alloc.addConditionalFormatting({
    ref: "G2:G4",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ["G2>QUOTIENT(Pott,3)"],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } },
      },
    ],
  });
  alloc.getCell("M1").value = sharedOrArray({
    formula: "SUM((G2:G4>33)*1)",
    result: WRONG,
    shareType: "array",
    ref: "M1",
  });
  const toBig = (ps: readonly { code: string; weight: number }[]) =>
    ps.map((p) => ({ code: p.code, weight: BigInt(p.weight) }));
  const blocks: Block[] = [
    { ...b1, expected: allocate(100n, 1n, toBig(tie)) },
    { ...b2, expected: allocate(40_000_500n, 1000n, toBig(bigger)) },
  ];

  const senior = wb.addWorksheet("Senior alert");
  ["Kod", "Kommun", "Registreringar", "Avlidna", "Når tröskeln"].forEach(
    (h, i) => (senior.getRow(1).getCell(i + 1).value = h)
  );
  const rows: [string, string, number, number, boolean][] = [
    ["0114", "Upplands Väsby", 7, 10, false],
    ["0180", "Stockholm", 6, 10, true],
  ];
  rows.forEach(([code, name, reg, deaths, wrong], i) => {
    const r = i + 2;
    senior.getRow(r).values = [code, name, reg, deaths];
    senior.getCell(`E${r}`).value = { formula: `C${r}*1000000>=ROUND(0.7*1000000,0)*D${r}`, result: wrong };
  });
  senior.getCell("E4").value = { formula: "C2*1000000>=ROUND(Tröskel*1000000,0)*D2", result: false };
  senior.getCell("E5").value = { formula: "55>=0.55*100", result: false };
  senior.addTable({
    name: "Registreringar",
    ref: "G1",
    headerRow: true,
    columns: [{ name: "Kod" }, { name: "Antal" }],
    rows: [
      ["0114", 7],
      ["0180", 6],
    ],
  });

  const county = wb.addWorksheet("Länsbidrag");
  county.getCell("A1").value = "Kontroller mot andra blad";
  county.getCell("C3").value = { formula: "'Senior alert'!E2", result: false };
  county.getCell("C4").value = { formula: `IF('Senior alert'!E3,"OK","FEL")`, result: "OK" };
  county.getCell("C5").value = { formula: "SUM(Fördelning!G2:G4)", result: WRONG };
  county.getCell("C6").value = { formula: "Fördelning!K5=Pott", result: false };

  const checks = wb.addWorksheet("Avstämning");
  const put = (a1: string, formula: string, result: ExcelJS.CellFormulaValue["result"]) =>
    (checks.getCell(a1).value = { formula, result });
  put("B2", "AND(Länsbidrag!C3,Länsbidrag!C6)", false);
  put("B3", "'Senior alert'!C2+Länsbidrag!C5", WRONG);
  put("B4", "1/0", WRONG);
  put("B5", "NA()", WRONG);
  put("B6", `""`, "stale");
  put("B7", `"Fördelat & <klart>: "&Länsbidrag!C4`, "stale");
  put("B8", `IF(B2,"OK","FEL")`, "FEL");
  put("B9", "ROUND(2.5,0)", WRONG);
  put("B10", "Pott2-Steg2*QUOTIENT(Pott2,Steg2)", WRONG);
  put("B11", "TRUE()", false);
  put("B12", "Pott>0", false);
  checks.getCell("B12").numFmt = "#,##0"; // a logical result in a cell with its own number format

  // LibreOffice's QUOTIENT (like INT, TRUNC, FLOOR, ROUNDDOWN) rounds the quotient to 15 significant digits before
  // flooring (rtl::math::approxFloor), so n/d = 10000000.99999995 becomes 10000001. That needs n ≳ 2·10^14.
  const precision = wb.addWorksheet("Precision");
  const cases: [number, number][] = [
    [202_000_030_200_000, 20_200_001], // n = (q+1)·d − 1 with q = 10^7: 10000000.99999995 → 10000001
    [90_000_008_999_999, 9_000_000], // the same shape below 10^14: 10000000.9999999 stays exact
    [3_999_999_460_000_010, 99_999_989], // exact 39999998 rest 99999988; LibreOffice says 39999999
    [40_000_000 * 829_417, 9_340_682], // the project's scale: 40 MSEK in kronor × a large municipality
  ];
  cases.forEach(([n, d], i) => {
    const r = i + 1;
    precision.getRow(r).values = [n, d];
    precision.getCell(`C${r}`).value = { formula: `QUOTIENT(A${r},B${r})`, result: WRONG };
    precision.getCell(`D${r}`).value = {
      formula: `QUOTIENT(A${r},B${r})-(A${r}-B${r}*QUOTIENT(A${r},B${r})<0)`,
      result: WRONG,
    };
  });
  precision.getCell("A5").value = 9_007_199_254_740_991; // 2^53 − 1

  await wb.xlsx.writeFile(file);
  return { file, blocks };
}

let dir: string;
let book: TestBook;
let normal: LibreOfficeRecalculation;
let profileOnly: LibreOfficeRecalculation;
let control: LibreOfficeRecalculation;
let pictures: string[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "libreoffice-test-"));
  book = await buildWorkbook(path.join(dir, "checks.xlsx"));
  [normal, profileOnly, control, pictures] = await Promise.all([
    recalculate(book.file, { saveConvertedAs: path.join(dir, "converted.xlsx") }),
    recalculate(book.file, { stripCachedResults: false }),
    recalculate(book.file, { stripCachedResults: false, recalcOnLoad: false }),
    renderWorkbookPng(book.file, path.join(dir, "allocation.png"), { sheet: "Fördelning", locale: "sv-SE" }),
  ]);
}, 120_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const value = (r: LibreOfficeRecalculation, sheet: string, a1: string) => r.get(sheet, a1);

describe("stripping cached results", () => {
  it("removes the value of every formula cell, shared followers and array formulas included, and nothing else", async () => {
    const original = readFileSync(book.file);
    const before = await readWorkbookContents(original);
    const stripped = await stripCachedResults(original);
    const after = await readWorkbookContents(stripped.buffer);
    expect(stripped.formulaCells).toBeGreaterThan(50);
    expect(stripped.strippedResults).toBe(stripped.formulaCells);
    for (const [key, v] of after.values) expect(v).toEqual(before.values.get(key));
    for (const key of after.values.keys()) expect(after.values.get(key)).not.toBe(WRONG);
    // Shared-formula followers (written as <f t="shared" si="0"/>) lost their cached value too.
    expect(after.values.has(cellKey("Fördelning", "D11"))).toBe(false);
    expect(before.values.get(cellKey("Fördelning", "D11"))).toBe(WRONG);
  });
});

describe("LibreOffice recalculates the workbook from its formulas", () => {
  it("computes every formula: no wrong cached result survives, with caches stripped or with the profile setting alone", () => {
    for (const r of [normal, profileOnly]) {
      expect(r.formulas.size).toBeGreaterThan(50);
      for (const key of r.formulas.keys()) {
        expect([key, r.values.get(key)]).not.toEqual([key, WRONG]);
        expect([key, r.values.has(key)]).toEqual([key, true]);
      }
    }
    expect(profileOnly.values).toEqual(normal.values);
  });

  it("control: without the profile setting and with the wrong caches left in, LibreOffice keeps them (so the above is real)", () => {
    expect(value(control, "Fördelning", "D2")).toBe(WRONG);
    expect(value(control, "Fördelning", "G3")).toBe(WRONG);
    expect(value(control, "Avstämning", "B7")).toBe("stale");
  });

  it("QUOTIENT(A1,A2) with a wrong cached 999-style result gives 33", () => {
    expect(value(normal, "Fördelning", "D2")).toBe(33);
    expect(normal.formulas.get(cellKey("Fördelning", "D2"))).toBe("QUOTIENT($K$2*C2,$K$3)");
  });

  it("pot 100 kr over three equal weights, codes 0180, 0114, 0127, gives 33, 34, 33 (ties by code with COUNTIFS)", () => {
    expect(["G2", "G3", "G4"].map((a) => value(normal, "Fördelning", a))).toEqual([33, 34, 33]);
    expect(["B2", "B3", "B4"].map((a) => value(normal, "Fördelning", a))).toEqual([180, 114, 127]);
    expect(["E2", "E3", "E4"].map((a) => value(normal, "Fördelning", a))).toEqual([1, 1, 1]);
    expect(value(normal, "Fördelning", "K4")).toBe(1);
  });

  it("a larger pot in 1000 kr steps with tied weights matches the exact largest-remainder allocation", () => {
    for (const block of book.blocks) {
      const got: SheetValue[] = [];
      for (let r = block.first; r <= block.last; r++) got.push(value(normal, block.sheet, `G${r}`) ?? null);
      expect(got).toEqual(block.expected.map(Number));
      const total = block.expected.reduce((s, x) => s + x, 0n);
      expect(value(normal, block.sheet, block.figures.distributed)).toBe(Number(total));
    }
    expect(value(normal, "Avstämning", "B10")).toBe(500); // 40 000 500 kr in 1000 kr steps leaves 500 kr
  });

  it("defined names (Pott, Steg, Tröskel) work in formulas and survive the round trip", () => {
    expect(value(normal, "Fördelning", "K2")).toBe(100);
    expect(value(normal, "Länsbidrag", "C6")).toBe(true);
    expect(normal.definedNames.get("Pott")).toBe("Parametrar!$B$1");
    expect(normal.definedNames.get("Tröskel")).toBe("Parametrar!$B$3");
    expect(normal.formulas.get(cellKey("Senior alert", "E4"))).toBe("C2*1000000>=ROUND(Tröskel*1000000,0)*D2");
  });

  it("references to sheets named with a space and Swedish letters work ('Senior alert'!E2, Länsbidrag!C3, Fördelning!G2:G4)", () => {
    expect(normal.sheets).toEqual([
      "Parametrar",
      "Fördelning",
      "Senior alert",
      "Länsbidrag",
      "Avstämning",
      "Precision",
    ]);
    expect(value(normal, "Länsbidrag", "C3")).toBe(true);
    expect(value(normal, "Länsbidrag", "C5")).toBe(100);
    expect(value(normal, "Avstämning", "B2")).toBe(true);
    expect(value(normal, "Avstämning", "B3")).toBe(107);
    expect(normal.formulas.get(cellKey("Avstämning", "B3"))).toBe("'Senior alert'!C2+Länsbidrag!C5");
  });

  it("integer threshold comparison: 7 of 10 reaches 70 %, 6 of 10 does not; booleans come back as booleans", () => {
    expect(value(normal, "Senior alert", "E2")).toBe(true);
    expect(value(normal, "Senior alert", "E3")).toBe(false);
    expect(value(normal, "Senior alert", "E4")).toBe(true);
    expect(value(normal, "Länsbidrag", "C4")).toBe("FEL");
  });

  it("logical results come back as TRUE/FALSE in General cells but as 1/0 in cells with a number format", () => {
    expect(value(normal, "Avstämning", "B11")).toBe(true);
    expect(value(normal, "Avstämning", "B12")).toBe(1);
    expect(asBoolean(value(normal, "Avstämning", "B12"))).toBe(true);
  });

  it("strings, empty strings and errors come back typed", () => {
    expect(value(normal, "Avstämning", "B4")).toEqual({ error: "#DIV/0!" });
    expect(value(normal, "Avstämning", "B5")).toEqual({ error: "#N/A" });
    expect(value(normal, "Avstämning", "B6")).toBe("");
    expect(value(normal, "Avstämning", "B7")).toBe("Fördelat & <klart>: FEL");
    expect(value(normal, "Avstämning", "B8")).toBe("OK");
    expect(value(normal, "Avstämning", "B9")).toBe(3);
    expect(value(normal, "Senior alert", "B2")).toBe("Upplands Väsby");
    expect(value(normal, "Fördelning", "A3")).toBe("0114");
  });

  it("shared formulas come back as one formula per cell, array formulas compute", () => {
    expect(normal.formulas.get(cellKey("Fördelning", "D11"))).toBe("QUOTIENT($K$9*C11,$K$10)");
    expect(value(normal, "Fördelning", "M1")).toBe(1);
  });

  it("data validation, conditional formats and a table survive the conversion", async () => {
    const converted = path.join(dir, "converted.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(converted);
    const params = wb.getWorksheet("Parametrar")!;
    expect(params.getCell("B1").dataValidation?.type).toBe("decimal");
    expect(params.getCell("B6").dataValidation?.type).toBe("list");
    const zip = await JSZip.loadAsync(readFileSync(converted));
    expect(await zip.file("xl/worksheets/sheet1.xml")?.async("string")).toContain("<conditionalFormatting");
    expect(await zip.file("xl/worksheets/sheet2.xml")?.async("string")).toMatch(
      /<conditionalFormatting[\s\S]*QUOTIENT\(Pott,3\)/
    );
    expect(value(normal, "Senior alert", "H3")).toBe(6);
  });
});

describe("LibreOffice arithmetic that the native twins must respect", () => {
  it("compares decimals approximately: 55>=0.55*100 is TRUE (JavaScript says false), hence integer comparisons", () => {
    expect(55 >= 0.55 * 100).toBe(false); // 0.55*100 is 55.00000000000001
    expect(value(normal, "Senior alert", "E5")).toBe(true);
  });

  it("QUOTIENT(n, d) may round up once n ≳ 2·10^14 (not at the project's scale); q − (n − d·q < 0) corrects it", () => {
    expect(value(normal, "Precision", "C1")).toBe(10_000_001); // exact: 10000000
    expect(value(normal, "Precision", "D1")).toBe(10_000_000);
    expect(value(normal, "Precision", "C2")).toBe(10_000_000);
    expect(value(normal, "Precision", "D2")).toBe(10_000_000);
    expect(value(normal, "Precision", "C3")).toBe(39_999_999); // exact: 39999998
    expect(value(normal, "Precision", "D3")).toBe(39_999_998);
    const exact = Number((40_000_000n * 829_417n) / 9_340_682n);
    expect(value(normal, "Precision", "C4")).toBe(exact);
    expect(value(normal, "Precision", "D4")).toBe(exact);
  });

  it("writes numbers back with at most 15 significant digits (compare amounts, not intermediates ≥ 10^15)", () => {
    expect(value(normal, "Precision", "A5")).toBe(9_007_199_254_740_990); // the input was 2^53 − 1
  });
});

describe("rendering and robustness", () => {
  it("renders a sheet to PNG through PDF", () => {
    expect(pictures).toEqual([path.join(dir, "allocation.png")]);
    const png = readFileSync(pictures[0]);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(500);
    expect(height).toBeGreaterThan(500);
  });

  it("says clearly when LibreOffice is missing", async () => {
    const saved = process.env.SOFFICE;
    process.env.SOFFICE = path.join(dir, "no-such-soffice");
    try {
      await expect(recalculateWithLibreOffice(book.file)).rejects.toThrow(LibreOfficeMissingError);
      await expect(recalculateWithLibreOffice(book.file)).rejects.toThrow(/libreoffice-calc-nogui/);
    } finally {
      if (saved === undefined) delete process.env.SOFFICE;
      else process.env.SOFFICE = saved;
    }
  });

  it("kills LibreOffice on timeout and leaves no process or temporary directory behind", async () => {
    const parent = path.join(dir, "timeout");
    await expect(recalculate(book.file, { timeoutMs: 300, tempDir: parent })).rejects.toThrow(/timed out after 300 ms/);
    expect(readdirSync(parent)).toEqual([]);
    if (existsSync("/proc/self/cmdline")) {
      const survivors = readdirSync("/proc")
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return readFileSync(`/proc/${p}/cmdline`, "utf8").includes(parent);
          } catch {
            return false;
          }
        });
      expect(survivors).toEqual([]);
    }
  });
});
