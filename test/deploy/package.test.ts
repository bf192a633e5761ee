/*
 * `npm run package`, as SKL's IT runs it: the production add-in for https://aldrestod.example.se/skl/ in a
 * folder that a static server hosts as it is. The manifest is checked against Microsoft's schemas where a copy
 * of them is at hand (../shared/manifest-xsd beside the project, with xmllint), every URL is fetched from a
 * local static server, and the refusals write nothing.
 */
import { execFile, spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { DOMParser, Element } from "@xmldom/xmldom";
import { readBaseUrl } from "../../scripts/addin/baseUrl";
import { filesIn, manifestUrls } from "../../scripts/addin/checkPackage";
import { manifestFor } from "../../scripts/addin/manifest";
import { MIME_TYPES } from "../../scripts/addin/deploymentGuide";

const ROOT = path.resolve(__dirname, "../..");
const BASE = "https://aldrestod.example.se/skl/";
const XSD_DIR = path.resolve(ROOT, "../shared/manifest-xsd");
const IDS = ["PALLIATIVE_SHARE", "SENIOR_ALERT_PAYOUT", "COUNTY_GRANT", "DISCHARGE_SETTLEMENT"];
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

const xmllint = spawnSync("xmllint", ["--version"]).status === 0;
const schemas = fs.existsSync(path.join(XSD_DIR, "OfficeAppManifestV1_1.xsd"));
if (!(xmllint && schemas)) {
  console.warn(
    `SKIPPED: the manifest's schema check needs ${schemas ? "" : `the schemas in ${XSD_DIR} and `}${xmllint ? "" : "xmllint (Debian libxml2-utils)"}`
  );
}

/** What xmllint says is wrong with a manifest against Microsoft's schemas, "" when it is valid. */
function validate(file: string): string {
  const result = spawnSync("xmllint", ["--noout", "--schema", path.join(XSD_DIR, "OfficeAppManifestV1_1.xsd"), file], {
    encoding: "utf8",
  });
  return result.status === 0 ? "" : `${result.stdout}${result.stderr}`;
}

let work = "";
let out = "";
let first: { status: number | null; stdout: string; stderr: string };

/**
 * Runs `npm run package -- …args` as npm would (tsx scripts/package.ts), from `cwd`; with `umask`, under that
 * umask, as an administrator whose shell keeps new files private.
 */
function runPackage(args: string[], cwd = work, umask?: string) {
  const command = [TSX, path.join(ROOT, "scripts/package.ts"), ...args];
  const result = umask
    ? spawnSync("sh", ["-c", `umask ${umask} && exec "$@"`, "sh", ...command], {
        cwd: ROOT,
        env: { ...process.env, INIT_CWD: cwd },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      })
    : spawnSync(command[0], command.slice(1), {
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
  first = runPackage(["--url", BASE, "--out", "paket"], work, "077");
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

  it("is readable by a web server running as another user: files 0644, folders 0755, whatever the umask (077 here)", () => {
    const modes = new Map<string, string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        modes.set(path.relative(out, full), (fs.statSync(full).mode & 0o777).toString(8));
        if (entry.isDirectory()) walk(full);
      }
    };
    walk(out);
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe("755");
    expect(modes.get("assets")).toBe("755");
    expect(modes.get("help/en")).toBe("755");
    expect([...new Set(modes.values())].sort()).toEqual(["644", "755"]);
    for (const [file, mode] of modes) {
      const folder = fs.statSync(path.join(out, file)).isDirectory();
      expect({ file, mode }).toEqual({ file, mode: folder ? "755" : "644" });
    }
  });

  it("lists its own files with their SHA-256 in package-files.json, which --force checks", () => {
    const list = JSON.parse(read("package-files.json")) as { baseUrl: string; files: Record<string, string> };
    expect(list.baseUrl).toBe(BASE);
    expect(Object.keys(list.files).sort()).toEqual(filesIn(out).filter((f) => f !== "package-files.json"));
    const hash = createHash("sha256")
      .update(fs.readFileSync(path.join(out, "manifest.xml")))
      .digest("hex");
    expect(list.files["manifest.xml"]).toBe(hash);
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
    // No data types are asked for: the readers take numbers, text and TRUE/FALSE ("Manually create JSON metadata
    // for custom functions in Excel", allowCustomDataForDataTypeAny).
    expect(["allowCustomDataForDataTypeAny" in swedish, "allowCustomDataForDataTypeAny" in english]).toEqual([
      false,
      false,
    ]);
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

  (xmllint && schemas ? it : it.skip)("is valid against Microsoft's add-in manifest schemas (xmllint)", () => {
    expect(validate(path.join(out, "manifest.xml"))).toBe("");
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

describe("the manifest for every base URL the command accepts", () => {
  const template = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  it.each([
    "https://aldrestod.example.se/a&b/",
    "https://aldrestod.example.se/x'y/",
    "https://aldrestod.example.se/a b/",
    'https://aldrestod.example.se/a"b<c>/',
    "https://åldrestöd.example.se/skl/",
    "https://aldrestod.example.se:8443/$x;y=1,2!*()~@/",
    "https://[2001:db8::1]/skl/",
    "https://aldrestod.example.se/&amp;/",
  ])("%s: well-formed, every URL read back as it was meant, valid against the schemas", (typed) => {
    const { base } = readBaseUrl(typed);
    const xml = manifestFor(template, base, "1.0.0");
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) expect(url.startsWith(base)).toBe(true);
    expect(urls).toContain(`${base}taskpane.html`);
    if (xmllint && schemas) {
      const file = path.join(os.tmpdir(), `skl-manifest-${process.pid}.xml`);
      fs.writeFileSync(file, xml);
      try {
        expect(validate(file)).toBe("");
      } finally {
        fs.rmSync(file);
      }
    }
  });

  it("is refused by the package's own check when it is not XML", () => {
    expect(() => manifestUrls('<a b="https://host/a&b/"/>')).toThrow(/^manifest\.xml är inte giltig XML/);
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
    ["https://[::ffff:127.0.0.1]/", "den här datorn"],
    ["https://[0:0:0:0:0:0:0:1]/", "den här datorn"],
    ["https://[::]/", "den här datorn"],
    ["https://2130706433/", "den här datorn"],
    ["https://aldrestod.example.se:0/", "port 0"],
    [
      "https://aldrestod.example.se/%2e%2e/",
      'sökvägen har "." eller ".." (också skrivet %2e), som webbläsaren tar bort: adressen skulle bli https://aldrestod.example.se/.',
    ],
    ["https://aldrestod.example.se/skl/../", 'sökvägen har "." eller ".."'],
    [
      "https://aldrestod.example.se/skl/index.html",
      "adressen slutar på en fil (index.html); ange katalogen som paketet ska ligga i, t.ex. https://aldrestod.example.se/skl/.",
    ],
    ["https://aldrestod.example.se\\skl\\", "omvänt snedstreck"],
    ["https://aldrestod.example.se/a%2fb/", "kodat snedstreck"],
    ["https://aldrestod.example.se/a%zz/", "giltig kod"],
    ["https://localhost.localdomain/", "den här datorn"],
    ["https://aldrestod.example.se/a[b/", "[ eller ]"],
    ["https://aldrestod.example.se/a]]>/", "[ eller ]"],
    [`https://aldrestod.example.se/${"p".repeat(2030)}/`, "den får ha högst 1948"],
  ])("--url %s", (url, says) => {
    const result = runPackage(["--url", url, "--out", "annat"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(says);
    expect(result.stderr).not.toMatch(/\n\s+at |Oväntat fel/);
    expect(fs.existsSync(path.join(work, "annat"))).toBe(false);
  });

  it("says what it made of an address it completed or normalised, before anything else", () => {
    // The folder exists, so the run stops at once (exit 1) after saying how it read the address.
    const result = runPackage(["--url", "https://ALDRESTOD.example.se/Äldre stöd", "--out", "paket"]);
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual([
      '--url saknade det avslutande "/": paketet byggs för katalogen https://aldrestod.example.se/%C3%84ldre%20st%C3%B6d/.',
      "--url skrivs som https://aldrestod.example.se/%C3%84ldre%20st%C3%B6d/, så som webbläsare och Office skriver adressen.",
    ]);
  });

  it("says that it removed spaces around the address, and nothing untrue about it", () => {
    expect(readBaseUrl(" https://aldrestod.example.se/skl/ ")).toEqual({
      base: "https://aldrestod.example.se/skl/",
      notes: ["--url hade mellanslag före eller efter adressen; de togs bort."],
    });
  });

  it("no --url, an unknown option: in Swedish", () => {
    const result = runPackage(["--out", "annat"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--url saknas");
    const unknown = runPackage(["--url", BASE, "--bogus"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.split("\n")[0]).toBe("Okänd flagga '--bogus'.");
  });

  it("an --out that holds the project", () => {
    const result = runPackage(["--url", BASE, "--out", "."], ROOT);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("innehåller projektet");
  });

  it("an existing folder of the user's own, even with --force: the user's files stay", () => {
    const mine = path.join(work, "mina-filer");
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, "budget.xlsx"), "mitt");
    const result = runPackage(["--url", BASE, "--out", "mina-filer", "--force"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "package-files.json saknas, så katalogen är inget paket som npm run package har skrivit"
    );
    expect(fs.readdirSync(mine)).toEqual(["budget.xlsx"]);
    fs.rmSync(mine, { recursive: true });
  });

  it("a web root with manifest.xml and taskpane.html beside other sites' files, even with --force, naming them", () => {
    const root = path.join(work, "www");
    for (const [file, content] of [
      ["manifest.xml", "<OfficeApp/>"],
      ["taskpane.html", "<html></html>"],
      ["index.html", "<h1>Startsida</h1>"],
      ["other-app/data.db", "data"],
      [".well-known/acme-challenge/token", "acme"],
    ]) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), content);
    }
    const before = filesIn(root);
    const result = runPackage(["--url", BASE, "--out", "www", "--force"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${root} är inte bara ett tidigare paket`);
    expect(filesIn(root)).toEqual(before);
    expect(fs.readFileSync(path.join(root, "index.html"), "utf8")).toBe("<h1>Startsida</h1>");
    fs.rmSync(root, { recursive: true });
  });

  it("an earlier package with a file of the user's added, or one of its files changed, even with --force", () => {
    fs.writeFileSync(path.join(out, "index.html"), "<h1>Min sida</h1>");
    const manifestBefore = read("manifest.xml");
    fs.appendFileSync(path.join(out, "manifest.xml"), "<!-- min ändring -->\n");
    fs.mkdirSync(path.join(out, "other-app"));
    fs.writeFileSync(path.join(out, "other-app", "data.db"), "data");
    const result = runPackage(["--url", BASE, "--out", "paket", "--force"]);
    expect(result.status).toBe(1);
    const lines = result.stderr.split("\n").map((l) => l.trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        "index.html (inte paketets)",
        "manifest.xml (ändrad sedan paketet skrevs)",
        "other-app/ (inte paketets)",
      ])
    );
    expect(lines).not.toContain("other-app/data.db (inte paketets)");
    expect(read("index.html")).toBe("<h1>Min sida</h1>");
    fs.rmSync(path.join(out, "index.html"));
    fs.rmSync(path.join(out, "other-app"), { recursive: true });
    fs.writeFileSync(path.join(out, "manifest.xml"), manifestBefore);
    expect(fs.readdirSync(work).sort()).toEqual(["paket"]);
  });

  it("a symbolic link as --out that leads nowhere", () => {
    fs.symlinkSync("finns-inte", path.join(work, "borta"));
    const result = runPackage(["--url", BASE, "--out", "borta", "--force"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `--out ${path.join(work, "borta")} är en symbolisk länk till finns-inte, som inte finns. Ta bort länken eller välj ett annat namn. Inget skrevs.\n`
    );
    fs.rmSync(path.join(work, "borta"));
    expect(fs.readdirSync(work)).toEqual(["paket"]);
  });

  it("an existing folder without --force", () => {
    const refused = runPackage(["--url", BASE, "--out", "paket"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("finns redan");
    expect(refused.stderr).toContain("--force");
  });
});

/** The modes of every entry below `dir`, as "path mode". */
const modesIn = (dir: string) =>
  filesIn(dir).map((f) => `${f} ${(fs.statSync(path.join(dir, f)).mode & 0o777).toString(8)}`);

describe("an interrupted npm run package leaves nothing behind", () => {
  /** Starts the command, waits until it builds, and returns it with what it printed so far. */
  async function building(command: string[], args: string[]) {
    const child = spawn(command[0], [...command.slice(1), path.join(ROOT, "scripts/package.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: work },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    const ended = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    while (!stdout.includes("Bygger")) await new Promise((resolve) => setTimeout(resolve, 100));
    // The build has started: webpack is compiling into the temporary folder beside --out.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return { child, ended, output: () => ({ stdout, stderr }) };
  }

  const leftovers = () => fs.readdirSync(work).filter((name) => name.startsWith(".skl-package-"));

  it("removes its temporary folder on Ctrl-C (SIGINT) and says that nothing was written", async () => {
    const { child, ended, output } = await building(
      [process.execPath, "--import", "tsx"],
      ["--url", BASE, "--out", "ny"]
    );
    expect(leftovers()).toHaveLength(1);
    child.kill("SIGINT");
    expect(await ended).toBe(130);
    expect(output().stderr).toBe("Avbrutet: inget skrevs.\n");
    expect(fs.readdirSync(work).sort()).toEqual(["paket"]);
  }, 120000);

  it("ends with its parent: when the tsx that started it is killed (SIGKILL), it cleans up and stops", async () => {
    const { child } = await building([TSX], ["--url", BASE, "--out", "ny"]);
    const script = Number(
      fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(" ")[0]
    );
    expect(fs.readFileSync(`/proc/${script}/cmdline`, "utf8")).toContain("scripts/package.ts");
    child.kill("SIGKILL");
    const gone = Date.now() + 20000;
    while (fs.existsSync(`/proc/${script}`) && Date.now() < gone)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fs.existsSync(`/proc/${script}`)).toBe(false);
    expect(fs.readdirSync(work).sort()).toEqual(["paket"]);
  }, 120000);

  it("leaves no build running when it is killed itself (SIGKILL): nothing writes into what it left (the next run removes it)", async () => {
    const { child, ended } = await building([process.execPath, "--import", "tsx"], ["--url", BASE, "--out", "ny"]);
    const [left] = leftovers();
    child.kill("SIGKILL");
    await ended;
    // The build ran in the command's own process: nothing of it is left running, nothing writes into the folder.
    const writers = fs
      .readdirSync("/proc")
      .filter((pid) => /^\d+$/.test(pid))
      .filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(path.join(work, ""));
        } catch {
          return false;
        }
      });
    expect(writers).toEqual([]);
    const files = filesIn(path.join(work, left));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(filesIn(path.join(work, left))).toEqual(files);
  }, 120000);
});

describe("npm run package -- --force again, through a link, for a base URL with & and ' in it, over a folder of its own mode", () => {
  const SPECIAL = "https://aldrestod.example.se/a&b'c/(skl)/";

  it("replaces the earlier package the link leads to, file by file, keeping the folder's mode; its manifest stays XML, valid against the schemas; what a killed run left goes", async () => {
    const [left] = fs.readdirSync(work).filter((name) => name.startsWith(".skl-package-"));
    expect(left).toBeDefined();
    fs.symlinkSync("paket", path.join(work, "aktuell"));
    // A web root's own mode (group-writable, setgid): the replacing folder keeps it.
    fs.chmodSync(out, 0o2775);
    const result = await promisify(execFile)(
      TSX,
      [path.join(ROOT, "scripts/package.ts"), "--url", SPECIAL, "--out", "aktuell", "--force"],
      { cwd: ROOT, env: { ...process.env, INIT_CWD: work }, maxBuffer: 64 * 1024 * 1024 }
    );
    expect(result.stdout).toContain(`Tog bort ${path.join(work, left)}, som en avbruten körning lämnade efter sig.`);
    expect(result.stdout).toContain(`Skrev ${out} `);
    // The link stays a link, to the folder that now holds the new package; nothing else is left beside them.
    expect(fs.lstatSync(path.join(work, "aktuell")).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(work).sort()).toEqual(["aktuell", "paket"]);
    expect(manifestUrls(read("manifest.xml")).every((url) => url.startsWith(SPECIAL))).toBe(true);
    expect(read("manifest.xml")).toContain("https://aldrestod.example.se/a&amp;b&apos;c/(skl)/taskpane.html");
    expect(JSON.parse(read("package-files.json")).baseUrl).toBe(SPECIAL);
    expect(new Set(modesIn(out).map((m) => m.split(" ")[1]))).toEqual(new Set(["644"]));
    expect(fs.statSync(out).mode & 0o7777).toBe(0o2775);
    if (xmllint && schemas) expect(validate(path.join(out, "manifest.xml"))).toBe("");
  }, 240000);
});
