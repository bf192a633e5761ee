/*
 * The engine depends on nothing above it (the guide's layout; DESIGN.md: "It never imports Office, the DOM,
 * exceljs or the file system"): every import of every file under src/engine is another file of src/engine
 * or decimal.js, its one library. The input layer, the functions and the pane import the engine, never the
 * reverse.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const ENGINE = path.join(ROOT, "src", "engine");
/** The packages the engine may use: exact money and nothing else. */
const PACKAGES = new Set(["decimal.js"]);

/** Every module a source file names: imports, re-exports, `import()` and `require()`. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true).importedFiles.map((f) => f.fileName);
}

/** What an import names, when it is not a file of src/engine or an allowed package. */
function outside(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".") && !path.isAbsolute(specifier)) {
    return PACKAGES.has(specifier) ? undefined : `the package ${specifier}`;
  }
  const target = path.resolve(path.dirname(file), specifier);
  const relative = path.relative(ENGINE, target);
  return relative.startsWith("..") || path.isAbsolute(relative) ? path.relative(ROOT, target) : undefined;
}

function engineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? engineFiles(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("the engine's imports", () => {
  const files = engineFiles(ENGINE);

  it("finds the engine's files and their imports (the check below reads real files)", () => {
    expect(files.length).toBeGreaterThan(5);
    expect(importsOf(path.join(ENGINE, "allocate.ts"))).toContain("decimal.js");
  });

  it("are files of src/engine or decimal.js: nothing from src/input, the functions, the pane or data/", () => {
    const found = files.flatMap((file) =>
      importsOf(file).flatMap((specifier) => {
        const what = outside(file, specifier);
        return what ? [`${path.relative(ENGINE, file)} imports ${what}`] : [];
      })
    );
    expect(found).toEqual([]);
  });

  it("would name an import from above the engine", () => {
    const file = path.join(ENGINE, "errors.ts");
    expect(outside(file, "../input/messages")).toBe(path.join("src", "input", "messages"));
    expect(outside(file, "../../data/parameters.json")).toBe(path.join("data", "parameters.json"));
    expect(outside(file, "exceljs")).toBe("the package exceljs");
    expect(outside(file, "./money")).toBeUndefined();
  });
});
