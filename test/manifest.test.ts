/*
 * The add-in manifest, checked offline. `npm run validate` asks Microsoft's online service; these tests check
 * what it would and what Office needs for a shared-runtime custom-functions add-in, without a network.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";
import { DOMParser, Document, Element } from "@xmldom/xmldom";
import type { ManifestInfo } from "office-addin-manifest";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const ORIGIN = "https://localhost:3000";
const TASKPANE_URL = `${ORIGIN}/taskpane.html`;

function parse(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`manifest.xml is not well-formed XML (${level}): ${message}`);
    },
  }).parseFromString(xml, "text/xml");
}

/** Elements named `localName` (in any namespace) below `scope`, in document order. */
function all(scope: Document | Element, localName: string): Element[] {
  return Array.from(scope.getElementsByTagNameNS("*", localName));
}

/** The direct children of `parent` named `localName`. */
function children(parent: Element, localName: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === node.ELEMENT_NODE && (node as Element).localName === localName
  );
}

/** The one child reached by the path of local names; fails the test when a step is missing or ambiguous. */
function only(parent: Element, ...names: string[]): Element {
  let element = parent;
  for (const name of names) {
    const found = children(element, name);
    if (found.length !== 1) {
      throw new Error(`expected one <${name}> in <${element.localName}>, found ${found.length}`);
    }
    element = found[0];
  }
  return element;
}

function xsiType(element: Element): string | null {
  return element.getAttributeNS(XSI, "type");
}

/** PNG width and height from the IHDR chunk (bytes 16–23), or null when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | null {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const doc = parse(fs.readFileSync(MANIFEST_PATH, "utf8"));
const app = doc.documentElement as Element;
const overrides = only(app, "VersionOverrides");
const host = only(overrides, "Hosts", "Host");
const resources = only(overrides, "Resources");

/** Every resource definition (bt:Image, bt:Url, bt:String) as [id, element]. */
const definitions: [string, Element][] = [
  ...children(only(resources, "Images"), "Image"),
  ...children(only(resources, "Urls"), "Url"),
  ...children(only(resources, "ShortStrings"), "String"),
  ...children(only(resources, "LongStrings"), "String"),
].map((element) => [element.getAttribute("id") ?? "", element]);

function resource(resid: string | null): string {
  const matches = definitions.filter(([id]) => id === resid);
  if (matches.length !== 1) throw new Error(`resid "${resid}" is defined ${matches.length} times`);
  return matches[0][1].getAttribute("DefaultValue") ?? "";
}

/** Every resid used anywhere in the manifest, with the element that uses it. */
const uses = all(doc, "*")
  .filter((element) => element.hasAttribute("resid"))
  .map((element) => ({ resid: element.getAttribute("resid") ?? "", element: element.localName }));

describe("manifest.xml, the top-level elements", () => {
  it("is an Excel task pane add-in", () => {
    expect(app.localName).toBe("OfficeApp");
    expect(xsiType(app)).toBe("TaskPaneApp");
    expect(children(only(app, "Hosts"), "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
  });

  it("has a GUID for Id and a four-part version", () => {
    expect(only(app, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(only(app, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("names SKL as provider, in Swedish", () => {
    expect(only(app, "ProviderName").textContent).toBe("SKL");
    expect(only(app, "DefaultLocale").textContent).toBe("sv-SE");
    expect(only(app, "DisplayName").getAttribute("DefaultValue")).toBe("SKL Äldrestöd");
    const description = only(app, "Description").getAttribute("DefaultValue") ?? "";
    expect(description.length).toBeGreaterThan(20);
    expect(description.length).toBeLessThanOrEqual(250);
  });

  it("has an icon, a high-resolution icon and a support page", () => {
    expect(only(app, "IconUrl").getAttribute("DefaultValue")).toBe(`${ORIGIN}/assets/icon-32.png`);
    expect(only(app, "HighResolutionIconUrl").getAttribute("DefaultValue")).toBe(`${ORIGIN}/assets/icon-64.png`);
    expect(only(app, "SupportUrl").getAttribute("DefaultValue")).toBe(`${ORIGIN}/help/index.html`);
  });

  it("requires the shared runtime 1.1, CustomFunctionsRuntime 1.2 and ExcelApi 1.9, opens the task pane page and may write to the workbook", () => {
    const sets = children(only(app, "Requirements", "Sets"), "Set");
    // ExcelApi 1.9: the lowest set with every Excel API the pane calls (README, "Requirement sets"); 1.18's
    // RangeAreas.select is used only where Excel has it. CustomFunctionsRuntime 1.2: "Requirement set 1.2 adds the
    // `CustomFunctions.Error` object to support error handling" ("Custom Functions requirement sets").
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([
      ["SharedRuntime", "1.1"],
      ["CustomFunctionsRuntime", "1.2"],
      ["ExcelApi", "1.9"],
    ]);
    expect(only(app, "DefaultSettings", "SourceLocation").getAttribute("DefaultValue")).toBe(TASKPANE_URL);
    expect(only(app, "Permissions").textContent).toBe("ReadWriteDocument");
  });
});

describe("manifest.xml, the shared runtime and the custom functions", () => {
  const customFunctions = all(host, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");

  it("keeps one long-lived runtime on the task pane page", () => {
    const runtimes = children(only(host, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    expect(resource(runtimes[0].getAttribute("resid"))).toBe(TASKPANE_URL);
  });

  it("declares the custom functions once, with script, page, metadata and the namespace SKL", () => {
    expect(customFunctions).toHaveLength(1);
    const point = customFunctions[0];
    expect(resource(only(point, "Script", "SourceLocation").getAttribute("resid"))).toBe(`${ORIGIN}/functions.js`);
    expect(resource(only(point, "Metadata", "SourceLocation").getAttribute("resid"))).toBe(
      `${ORIGIN}/functions-sv.json`
    );
    expect(resource(only(point, "Namespace").getAttribute("resid"))).toBe("SKL");
  });

  it("runs the functions, the function file and the task pane on the same page", () => {
    const page = resource(only(customFunctions[0], "Page", "SourceLocation").getAttribute("resid"));
    const runtime = resource(only(host, "Runtimes", "Runtime").getAttribute("resid"));
    const functionFile = resource(only(host, "DesktopFormFactor", "FunctionFile").getAttribute("resid"));
    expect([page, runtime, functionFile]).toEqual([TASKPANE_URL, TASKPANE_URL, TASKPANE_URL]);
  });

  it("has a button on the Home tab that shows the task pane", () => {
    const tab = all(host, "OfficeTab").find((t) => t.getAttribute("id") === "TabHome");
    expect(tab).toBeDefined();
    const actions = all(tab as Element, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
    expect(actions).toHaveLength(1);
    expect(resource(only(actions[0], "SourceLocation").getAttribute("resid"))).toBe(TASKPANE_URL);
  });

  it("has one task pane in the shared runtime: no action below the long-lived runtime's host has a TaskpaneId", () => {
    // "Configure your Office Add-in to use a shared runtime", "Good practice: avoid multiple task panes": "none of
    // the descendant <Action> elements should have a <TaskpaneID> child element".
    expect(all(host, "Action").flatMap((action) => children(action, "TaskpaneId"))).toEqual([]);
  });

  it("uses of the custom-functions runtime only what CustomFunctionsRuntime 1.2 has: CustomFunctions.Error with invalidValue and notAvailable", () => {
    const source = ["adapter.ts", "excelError.ts", "functions.ts", "answer.ts"]
      .map((file) => fs.readFileSync(path.join(ROOT, "src/functions", file), "utf8"))
      .join("\n");
    expect(source).toMatch(/new runtime\.Error\(code, message\)/);
    // Only these two codes: 1.3 "adds … new `ErrorCode` options to the CustomFunctions.Error object".
    expect([...source.matchAll(/ErrorCode\.(\w+)/g)].map((m) => m[1]).sort()).toEqual(["invalidValue", "notAvailable"]);
    expect(source).not.toMatch(/CustomFunctions\.(Invocation|StreamingInvocation|CancelableInvocation)\b/);
  });
});

describe("manifest.xml in two languages", () => {
  const english = (element: Element) =>
    children(element, "Override").map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")]);

  it("defaults to Swedish metadata for sv-SE and overrides it with the English for English locales", () => {
    const url = children(only(resources, "Urls"), "Url").find(
      (u) => u.getAttribute("id") === "Functions.Metadata.Url"
    )!;
    expect(url.getAttribute("DefaultValue")).toBe(`${ORIGIN}/functions-sv.json`);
    const overrides = english(url);
    expect(overrides.map(([locale]) => locale)).toEqual(expect.arrayContaining(["en-US", "en-GB"]));
    expect(
      overrides.every(([locale, value]) => /^en-[A-Z]{2}$/.test(locale ?? "") && value === `${ORIGIN}/functions.json`)
    ).toBe(true);
    // The locales that override the metadata override the name, description and help pages the same way.
    for (const element of [only(app, "DisplayName"), only(app, "Description"), only(app, "SupportUrl")]) {
      expect(english(element).map(([locale]) => locale)).toEqual(overrides.map(([locale]) => locale));
    }
    expect(english(only(app, "DisplayName"))[0][1]).toBe("SKL Elderly Care Grants");
    expect(english(only(app, "SupportUrl"))[0][1]).toBe(`${ORIGIN}/help/en/index.html`);
  });

  it("gives the ribbon's and Get Started's strings an English override for every English locale, within their lengths", () => {
    // "Localize your Office Add-in for multiple languages": [Resources] "Users in each locale you specify can see
    // string and icon resources that you specifically create for the add-in for that locale."
    const locales = english(only(app, "DisplayName")).map(([locale]) => locale);
    const strings = [
      ...children(only(resources, "ShortStrings"), "String").map((e) => [e, 125] as const),
      ...children(only(resources, "LongStrings"), "String").map((e) => [e, 250] as const),
    ].filter(([e]) => e.getAttribute("id") !== "Functions.Namespace");
    expect(strings.map(([e]) => e.getAttribute("id")).sort()).toEqual([
      "GetStarted.Description",
      "GetStarted.Title",
      "SklGroup.Label",
      "TaskpaneButton.Label",
      "TaskpaneButton.Tooltip",
    ]);
    for (const [element, limit] of strings) {
      const id = element.getAttribute("id");
      const overrides = english(element);
      expect({ id, locales: overrides.map(([locale]) => locale) }).toEqual({ id, locales });
      expect(new Set(overrides.map(([, value]) => value)).size).toBe(1);
      const value = overrides[0][1] ?? "";
      expect({ id, english: /[åäöÅÄÖ]/.test(value) || value === element.getAttribute("DefaultValue") }).toEqual({
        id,
        english: false,
      });
      expect(value.length).toBeLessThanOrEqual(limit);
    }
    // The English pane is the Swedish one: the tooltip says so.
    expect(english(strings.find(([e]) => e.getAttribute("id") === "TaskpaneButton.Tooltip")![0])[0][1]).toContain(
      "(in Swedish)"
    );
  });
});

describe("manifest.xml, resources and URLs", () => {
  it("defines every resid it uses exactly once", () => {
    expect(uses.length).toBeGreaterThan(10);
    for (const { resid, element } of uses) {
      const count = definitions.filter(([id]) => id === resid).length;
      expect({ resid, element, count }).toEqual({ resid, element, count: 1 });
    }
  });

  it("defines no resource that nothing uses, and no id twice", () => {
    const ids = definitions.map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set(uses.map((u) => u.resid));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  it("keeps short strings within 125 characters and long strings within 250", () => {
    for (const element of children(only(resources, "ShortStrings"), "String")) {
      expect((element.getAttribute("DefaultValue") ?? "").length).toBeLessThanOrEqual(125);
    }
    for (const element of children(only(resources, "LongStrings"), "String")) {
      expect((element.getAttribute("DefaultValue") ?? "").length).toBeLessThanOrEqual(250);
    }
  });

  it("serves every URL from the one origin https://localhost:3000/", () => {
    const urls = all(doc, "*")
      .flatMap((element) => [
        element.getAttribute("DefaultValue") ?? "",
        element.getAttribute("Value") ?? "",
        element.textContent ?? "",
      ])
      .filter((value) => /^\s*https?:/i.test(value))
      .map((value) => value.trim());
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(new URL(url).origin).toBe(ORIGIN);
  });

  it("points at icons that exist in assets/ as PNGs of the size the manifest states", () => {
    const icons: [string, number][] = [
      [only(app, "IconUrl").getAttribute("DefaultValue") ?? "", 32],
      [only(app, "HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", 64],
    ];
    for (const image of all(host, "Image")) {
      icons.push([resource(image.getAttribute("resid")), Number(image.getAttribute("size"))]);
    }
    for (const [url, size] of icons) {
      const { pathname } = new URL(url);
      expect(pathname).toMatch(/^\/assets\/[\w.-]+\.png$/);
      const file = path.join(ROOT, pathname);
      expect(fs.existsSync(file)).toBe(true);
      expect({ file: pathname, size: pngSize(file) }).toEqual({ file: pathname, size: { width: size, height: size } });
    }
  });
});

/**
 * office-addin-manifest's own reading of the manifest. It runs in a child node process: the package loads an
 * ES module (strip-bom) with require(), which node allows and Jest's module loader does not.
 */
async function readWithOfficeAddinManifest(file: string): Promise<ManifestInfo> {
  const script =
    'require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])' +
    ".then((info) => process.stdout.write(JSON.stringify(info)), (error) => { console.error(error); process.exit(1); });";
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", script, file], { cwd: ROOT });
  return JSON.parse(stdout) as ManifestInfo;
}

describe("manifest.xml as office-addin-manifest reads it", () => {
  it("parses, with the id and display name above", async () => {
    const info = await readWithOfficeAddinManifest(MANIFEST_PATH);
    expect(info.id).toBe(only(app, "Id").textContent);
    expect(info.displayName).toBe("SKL Äldrestöd");
    expect(info.providerName).toBe("SKL");
    expect(info.hosts).toEqual(["Workbook"]);
  });
});
