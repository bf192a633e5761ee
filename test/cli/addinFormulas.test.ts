/*
 * Files and the add-in's formulas (issue 9, item 9). Excel stores functions newer than Excel 2007 with a prefix
 * (FILTER as _xlfn._xlws.FILTER) and JavaScript custom functions under its own undocumented _xldudf_ prefix;
 * a file written without Excel cannot carry the latter dependably, so the command line writes none, and the
 * file writer prefixes what it can and refuses what it cannot.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { loadBundledInputs } from "../../src/cli/readData";
import { main } from "../../src/cli/workbook";
import { fileLiteral as fileFormula, planToXlsx } from "../../src/cli/xlsxWriter";
import { buildPlan } from "../../src/workbook/buildPlan";

describe("the formula text a file stores", () => {
  it("prefixes FILTER (and SORT) as Excel stores them, wherever they stand in the formula", () => {
    expect(fileFormula("SUM(FILTER(A1:A3,B1:B3=1))")).toBe("SUM(_xlfn._xlws.FILTER(A1:A3,B1:B3=1))");
    expect(fileFormula("FILTER(A:A,B:B>0)")).toBe("_xlfn._xlws.FILTER(A:A,B:B>0)");
    expect(fileFormula("SORT(A1:A9)")).toBe("_xlfn._xlws.SORT(A1:A9)");
    expect(fileFormula('TEXTJOIN("; ",1,A1:A9)')).toBe('_xlfn.TEXTJOIN("; ",1,A1:A9)');
  });

  it("leaves Excel 2007 functions, names that merely contain FILTER and text in quotes as they are", () => {
    expect(fileFormula("SUMIFS(A:A,B:B,1)+IFERROR(1,0)")).toBe("SUMIFS(A:A,B:B,1)+IFERROR(1,0)");
    expect(fileFormula("MY_FILTER(A1)+X.FILTER(A2)")).toBe("MY_FILTER(A1)+X.FILTER(A2)");
  });

  it("refuses the add-in's functions, which no file can carry dependably", () => {
    expect(() => fileFormula("SKL.DISCHARGE_SETTLEMENT(FILTER(A:A,B:B=1),7000)")).toThrow(/åtgärdsfönstret/);
    expect(() => fileFormula("1+skl.county_grant(A1,A1:A3,B1:B3,10,1)")).toThrow(/SKL-funktionerna/);
  });
});

describe("the 2010 file", () => {
  it("holds no add-in formula and no newer function without its prefix", async () => {
    const plan = buildPlan(loadBundledInputs(2010), "file").plan;
    const xlsx = await planToXlsx(plan);
    const zip = await JSZip.loadAsync(xlsx);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBe(plan.sheets.length);
    for (const file of sheets) {
      const xml = await zip.file(file)!.async("string");
      const formulas = Array.from(xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g), (m) => m[1]);
      expect({ file, skl: formulas.filter((f) => /SKL\./.test(f)) }).toEqual({ file, skl: [] });
      expect({ file, bare: formulas.filter((f) => /(^|[^.\w])(FILTER|SORT)\(/.test(f)) }).toEqual({ file, bare: [] });
    }
  }, 60000);

  it("cannot be written in the task pane's layout (add-in formulas), and says why", async () => {
    await expect(planToXlsx(buildPlan(loadBundledInputs(2010), "addin").plan)).rejects.toThrow(/SKL-funktionerna/);
  });
});

describe("npm run workbook -- --mode addin", () => {
  it("is refused with the reason and what to do instead, and writes nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skl-addin-"));
    const errors: string[] = [];
    jest.spyOn(console, "error").mockImplementation((...args) => void errors.push(args.join(" ")));
    try {
      const out = path.join(dir, "skl.xlsx");
      expect(await main(["--out", out, "--mode", "addin"])).toBe(2);
      expect(errors.join("\n")).toContain("_xldudf_");
      expect(errors.join("\n")).toContain("fliken Bygg");
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      jest.restoreAllMocks();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
