/*
 * `npm run package`, as SKL's IT runs it: the production add-in for https://aldrestod.example.se/skl/ in a
 * folder that a static server hosts as it is. The manifest is checked against Microsoft's schemas where a copy
 * of them is at hand (../shared/manifest-xsd beside the project, with xmllint), every URL is fetched from a
 * local static server, and the refusals write nothing.
 */
import { execFile, execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { DOMParser, Element } from "@xmldom/xmldom";
import { filesIn, manifestUrls } from "../../scripts/addin/checkPackage";
import { MIME_TYPES } from "../../scripts/addin/deploymentGuide";

const ROOT = path.resolve(__dirname, "../..");
const BASE = "https://aldrestod.example.se/skl/";
const XSD_DIR = path.resolve(ROOT, "../shared/manifest-xsd");
const IDS = ["PALLIATIVE_SHARE", "SENIOR_ALERT_PAYOUT", "COUNTY_GRANT", "DISCHARGE_SETTLEMENT"];
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

let work = "";
let out = "";
let first: { status: number | null; stdout: string; stderr: string };

/** Runs `npm run package -- …args` as npm would (tsx scripts/package.ts), from `cwd`. */
function runPackage(args: string[], cwd = work) {
  const result = spawnSync(TSX, [path.join(ROOT, "scripts/package.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: cwd },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
const manifest = () => new DOMParser().parseFromString(read("manifest.xml"), "text/xml");
const byName = (name: string) => Array.from(manifest().getElementsByTagNameNS("*", name)) as Element[];

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "skl-package-"));
  out = path.join(work, "paket");
  first = runPackage(["--url", BASE, "--out", "paket"]);
}, 240000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("npm run package -- --url https://aldrestod.example.se/skl/ --out paket", () => {
  it("writes the folder, relative to where npm was run, and says where to put it", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Skrev ${out}`);
    expect(first.stdout).toContain(`${BASE}taskpane.html`);
    // Nothing else is left beside it (the build's temporary folder is gone).
    expect(fs.readdirSync(work)).toEqual(["paket"]);
  });

  it("holds the files to host and nothing from development", () => {
    const files = filesIn(out);
    for (const file of [
      "manifest.xml",
      "taskpane.html",
      "taskpane.css",
      "runtime.js",
      "engine.js",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "functions-sv.json",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "help/index.html",
      "help/en/index.html",
      "help/driftsattning.html",
      "help/help.css",
    ]) {
      expect({ file, there: files.includes(file) }).toEqual({ file, there: true });
    }
    expect(files.filter((f) => f.endsWith(".map") || f.endsWith(".md"))).toEqual([]);
    for (const file of files) {
      expect({ file, localhost: /localhost/i.test(fs.readFileSync(path.join(out, file)).toString("latin1")) }).toEqual({
        file,
        localhost: false,
      });
    }
  });

  it("writes a manifest whose every URL lies under the base and names a file of the folder", () => {
    const urls = manifestUrls(read("manifest.xml"));
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) {
      expect(url.startsWith(BASE)).toBe(true);
      const file = url.slice(BASE.length);
      expect({ url, exists: fs.existsSync(path.join(out, file)) }).toEqual({ url, exists: true });
    }
  });

  it("keeps the add-in's Id and takes <Version> from package.json", () => {
    const source = new DOMParser().parseFromString(
      fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"),
      "text/xml"
    );
    const id = (doc: typeof source) => doc.getElementsByTagNameNS("*", "Id")[0].textContent;
    expect(id(manifest())).toBe(id(source));
    expect(id(manifest())).toBe("0889b10c-acbc-44a1-98e8-05189b3205ca");
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(byName("Version")[0].textContent).toBe(`${version}.0`);
  });

  it("wires the Swedish metadata for sv-SE and the English for English Excel", () => {
    expect(byName("DefaultLocale")[0].textContent).toBe("sv-SE");
    const url = byName("Url").find((u) => u.getAttribute("id") === "Functions.Metadata.Url")!;
    expect(url.getAttribute("DefaultValue")).toBe(`${BASE}functions-sv.json`);
    const overrides = Array.from(url.getElementsByTagNameNS("*", "Override"));
    expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual(expect.arrayContaining(["en-US", "en-GB"]));
    for (const o of overrides) expect(o.getAttribute("Value")).toBe(`${BASE}functions.json`);
    // The display name and description have English too.
    for (const name of ["DisplayName", "Description"]) {
      const element = byName(name)[0];
      const english = Array.from(element.getElementsByTagNameNS("*", "Override")).find(
        (o) => o.getAttribute("Locale") === "en-US"
      );
      expect(english?.getAttribute("Value")).toMatch(/[A-Za-z]{3}/);
      expect(english?.getAttribute("Value")).not.toBe(element.getAttribute("DefaultValue"));
    }
    const swedish = JSON.parse(read("functions-sv.json")) as { functions: { id: string; name: string }[] };
    const english = JSON.parse(read("functions.json")) as { functions: { id: string; name: string }[] };
    expect(swedish.functions.map((f) => [f.id, f.name])).toEqual(english.functions.map((f) => [f.id, f.name]));
    expect(swedish.functions.map((f) => f.id).sort()).toEqual([...IDS].sort());
  });

  it("points every function's help URL at its own page, in Swedish and in English", () => {
    for (const [file, prefix] of [
      ["functions-sv.json", "help/"],
      ["functions.json", "help/en/"],
    ]) {
      const metadata = JSON.parse(read(file)) as { functions: { id: string; name: string; helpUrl: string }[] };
      for (const fn of metadata.functions) {
        const page = `${prefix}${fn.id.toLowerCase().replace(/_/g, "-")}.html`;
        expect(fn.helpUrl).toBe(BASE + page);
        expect(read(page)).toContain(`<h1><code>SKL.${fn.name}</code></h1>`);
      }
    }
  });

  const xmllint = spawnSync("xmllint", ["--version"]).status === 0;
  const schemas = fs.existsSync(path.join(XSD_DIR, "OfficeAppManifestV1_1.xsd"));
  if (!(xmllint && schemas)) {
    console.warn(
      `SKIPPED: the manifest's schema check needs ${schemas ? "" : `the schemas in ${XSD_DIR} and `}${xmllint ? "" : "xmllint (Debian libxml2-utils)"}`
    );
  }
  (xmllint && schemas ? it : it.skip)("is valid against Microsoft's add-in manifest schemas (xmllint)", () => {
    const output = execFileSync(
      "xmllint",
      ["--noout", "--schema", path.join(XSD_DIR, "OfficeAppManifestV1_1.xsd"), path.join(out, "manifest.xml")],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }
    );
    expect(output).toBe("");
  });

  it("is hosted as it is by a static server: every URL of the manifest and the metadata answers", async () => {
    const types = new Map(MIME_TYPES);
    const server = http.createServer((request, response) => {
      const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
      const file = path.join(out, path.normalize(pathname.replace(/^\/skl\//, "")));
      if (
        !pathname.startsWith("/skl/") ||
        !file.startsWith(out) ||
        !fs.existsSync(file) ||
        fs.statSync(file).isDirectory()
      ) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "Content-Type": types.get(path.extname(file)) ?? "application/octet-stream" });
      fs.createReadStream(file).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/skl/`;
    try {
      const metadataUrls = ["functions.json", "functions-sv.json"].flatMap((file) =>
        (JSON.parse(read(file)) as { functions: { helpUrl: string }[] }).functions.map((f) => f.helpUrl)
      );
      for (const url of [...manifestUrls(read("manifest.xml")), ...metadataUrls]) {
        const response = await fetch(local + url.slice(BASE.length));
        expect({ url, status: response.status }).toEqual({ url, status: 200 });
        expect(types.get(path.extname(new URL(url).pathname))).toBe(response.headers.get("content-type"));
      }
      // The pane's own page loads its scripts from the same folder.
      const html = await (await fetch(`${local}taskpane.html`)).text();
      for (const src of Array.from(html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), (m) => m[1])) {
        if (src.startsWith("https://appsforoffice.microsoft.com/")) continue;
        expect({ src, status: (await fetch(local + src)).status }).toEqual({ src, status: 200 });
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("matches the README's guide: every file the README names is in the folder, and every entry is named", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const guide = readme.slice(readme.indexOf("## Deploying the add-in"));
    const section = guide.slice(0, guide.indexOf("\n## ", 5));
    const table = section.slice(section.indexOf("| file"), section.indexOf("\n\n", section.indexOf("| file")));
    const named = Array.from(table.matchAll(/`([^`]+)`/g), (m) => m[1].replace(/\/$/, ""));
    expect(named.length).toBeGreaterThan(5);
    const entries = fs.readdirSync(out);
    for (const name of named) expect({ name, there: entries.includes(name) }).toEqual({ name, there: true });
    for (const entry of entries.filter((e) => !e.endsWith(".LICENSE.txt"))) {
      expect({ entry, named: named.includes(entry) }).toEqual({ entry, named: true });
    }
    // The Swedish guide among the help pages names the same files.
    const swedish = read("help/driftsattning.html");
    for (const name of named)
      expect(swedish).toContain(`<code>${name}${name === "assets" || name === "help" ? "/" : ""}</code>`);
  });
});

describe("npm run package refuses, writing nothing", () => {
  it.each([
    ["http://aldrestod.example.se/skl/", "https://"],
    ["aldrestod.example.se/skl/", "fullständig adress"],
    ["/skl/", "fullständig adress"],
    ["https://aldrestod.example.se/skl/?v=2", "fråga"],
    ["https://aldrestod.example.se/skl/#start", "fragment"],
    ["https://localhost:3000/", "localhost"],
    ["https://localhost.:3000/", "localhost"],
    ["https://skl.localhost/", "localhost"],
  ])("--url %s", (url, says) => {
    const result = runPackage(["--url", url, "--out", "annat"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(says);
    expect(fs.existsSync(path.join(work, "annat"))).toBe(false);
  });

  it("no --url", () => {
    const result = runPackage(["--out", "annat"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--url saknas");
  });

  it("an --out that holds the project", () => {
    const result = runPackage(["--url", BASE, "--out", "."], ROOT);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("innehåller projektet");
  });

  it("an existing folder that is not an earlier package, even with --force: the user's files stay", () => {
    const mine = path.join(work, "mina-filer");
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, "budget.xlsx"), "mitt");
    const result = runPackage(["--url", BASE, "--out", "mina-filer", "--force"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("inte ett tidigare paket");
    expect(fs.readdirSync(mine)).toEqual(["budget.xlsx"]);
    fs.rmSync(mine, { recursive: true });
  });

  it("an existing folder without --force, and replaces it with --force", async () => {
    const before = filesIn(out);
    fs.writeFileSync(path.join(out, "gammal.txt"), "från förra versionen");
    const refused = runPackage(["--url", BASE, "--out", "paket"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("finns redan");
    expect(refused.stderr).toContain("--force");
    expect(fs.existsSync(path.join(out, "gammal.txt"))).toBe(true);

    const { stdout } = await promisify(execFile)(
      TSX,
      [path.join(ROOT, "scripts/package.ts"), "--url", BASE, "--out", "paket", "--force"],
      {
        cwd: ROOT,
        env: { ...process.env, INIT_CWD: work },
        maxBuffer: 64 * 1024 * 1024,
      }
    );
    expect(stdout).toContain("Skrev");
    expect(filesIn(out)).toEqual(before);
    expect(fs.readdirSync(work)).toEqual(["paket"]);
  }, 240000);
});
