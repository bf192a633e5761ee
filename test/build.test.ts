/*
 * The production build, run as `npm run build` runs it but into a temporary folder: what Office loads from
 * dist/ must be there and must fit together (metadata, the associate calls, the one shared-runtime page).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

const ROOT = path.resolve(__dirname, "..");
const FUNCTION_IDS = ["PALLIATIVE_SHARE", "SENIOR_ALERT_PAYOUT", "COUNTY_GRANT", "DISCHARGE_SETTLEMENT"];

interface FunctionMetadata {
  id: string;
  name: string;
  parameters: { name: string; optional?: boolean }[];
}

let out = "";

function read(file: string): string {
  return fs.readFileSync(path.join(out, file), "utf8");
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "skl-build-"));
  const cli = path.join(path.dirname(require.resolve("webpack-cli/package.json")), "bin", "cli.js");
  await promisify(execFile)(process.execPath, [cli, "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
}, 180000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

describe("npm run build", () => {
  it("bundles the engine and decimal.js once, in engine.js, for both the pane and the functions", () => {
    // decimal.js's own error prefix, and a message only the engine writes (src/engine/errors.ts).
    const markers = ["[DecimalError] ", "finns inte i kodkolumnen"];
    for (const marker of markers) {
      const holding = ["engine.js", "taskpane.js", "functions.js"].filter((f) => read(f).includes(marker));
      expect({ marker, holding }).toEqual({ marker, holding: ["engine.js"] });
    }
  });

  it("writes the files the manifest points at", () => {
    for (const file of [
      "functions.json",
      "functions.js",
      "taskpane.js",
      "taskpane.html",
      "taskpane.css",
      "manifest.xml",
      "functions-sv.json",
      "engine.js",
      "runtime.js",
      "help/index.html",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
    ]) {
      expect({ file, exists: fs.existsSync(path.join(out, file)) }).toEqual({ file, exists: true });
    }
    // For development every URL stays on https://localhost:3000/; only <Version> comes from package.json.
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(read("manifest.xml")).toBe(
      fs
        .readFileSync(path.join(ROOT, "manifest.xml"), "utf8")
        .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`)
    );
  });

  it("generates functions.json with the four functions from their JSDoc", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...FUNCTION_IDS].sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
    const discharge = metadata.functions.find((f) => f.id === "DISCHARGE_SETTLEMENT");
    expect(discharge?.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual([
      ["days", false],
      ["pricePerDay", false],
      ["dayLimit", true],
      ["averageLimit", true],
    ]);
  });

  it("associates every function id with its implementation in functions.js", () => {
    const bundle = read("functions.js");
    for (const id of FUNCTION_IDS) expect(bundle).toContain(`CustomFunctions.associate("${id}",`);
  });

  it("makes one page that loads office.js from Microsoft's CDN and the bundles", () => {
    const html = read("taskpane.html");
    const scripts = Array.from(html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), (m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "runtime.js",
      "engine.js",
      "taskpane.js",
      "functions.js",
    ]);
    expect(html).toContain('href="taskpane.css"');
    expect(html).toContain('lang="sv"');
  });
});
