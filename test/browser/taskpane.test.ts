/*
 * The task pane in a real browser: the production build (`npm run build` into a temporary folder) served
 * locally, Debian's chromium through playwright-core, the real office.js from @microsoft/office-js in place of
 * Microsoft's CDN, and the in-memory Excel double (HyperFormula with the add-in's functions) behind `Excel.run`.
 * It clicks through Bygg, Kontrollera, Importera and Förklara as a controller would, asserts what the pane
 * shows and what the workbook holds, fails on any console or page error, runs axe-core on every state it
 * visits (no serious or critical violation), and saves the README's screenshots (360 × 800) to docs/screenshots/,
 * one of them in Windows high contrast (forced colours). It also opens the pane in an Excel too old for it.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { AxeResults } from "axe-core";
import { loadBundledInputs } from "../../src/cli/readData";
import { buildPlan } from "../../src/workbook/buildPlan";
import { generateMetadata } from "../support/hyperformulaSkl";
import { dataCell, dataRange, namedCell } from "../support/planCells";
import type { DoubleSetup } from "./excelDoubleEntry";
import { HELP_POLICY, TASKPANE_POLICY } from "../../scripts/addin/contentSecurity";
import {
  buildInto,
  bundleExcelDouble,
  cspViolations,
  launch,
  OFFICE_CDN,
  openSession,
  ROOT,
  serve,
  Session,
} from "./harness";

const SCREENSHOTS = path.join(ROOT, "docs/screenshots");
const FIXTURES = path.join(ROOT, "test/fixtures/import");
/** Hosts office.js itself talks to (its scripts, its telemetry frame); refused here, never asked for by the pane. */
const OFFICE_HOSTS = ["appsforoffice.microsoft.com", "telemetryservice.firstpartyapps.oaspapps.com"];

/** Where the 2010 workbook has what the tests look at (0114 Upplands Väsby is the first row of Palliativ_kommun). */
const plan = buildPlan(loadBundledInputs(2010), "addin").plan;
const PALLIATIVE = "Palliativ_kommun";
const at = {
  deaths: dataCell(plan, PALLIATIVE, "Dödsfall").a1,
  registrations: dataCell(plan, PALLIATIVE, "Registreringar").a1,
  level1Qualified: dataCell(plan, PALLIATIVE, "Nivå 1: kvalificerad").a1,
  level2Qualified: dataCell(plan, PALLIATIVE, "Nivå 2: kvalificerad").a1,
  level1Amount: dataCell(plan, PALLIATIVE, "Nivå 1: belopp").a1,
  level2Amount: dataCell(plan, PALLIATIVE, "Nivå 2: belopp").a1,
  level1Difference: dataRange(plan, PALLIATIVE, "Nivå 1: skillnad").address,
  code: (row: number) => dataCell(plan, PALLIATIVE, "Kod", row).a1,
  rowsWithCode: (row: number) => dataCell(plan, PALLIATIVE, "Rader med koden", row).a1,
  dischargeAmount: dataCell(plan, "UK_avrakning", "Belopp (kr)").a1,
  master: namedCell(plan, "Alla_kontroller").a1,
};

let dist = "";
let server: { url: string; close: () => Promise<void> } | undefined;
let browser: Browser | undefined;
let doubleScript: (sets?: Record<string, string>) => string = () => "";
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

beforeAll(async () => {
  const [out, bundle, generated] = await Promise.all([buildInto("skl-pane-"), bundleExcelDouble(), generateMetadata()]);
  dist = out;
  const setup: DoubleSetup = { metadata: generated.metadata, associate: generated.associate };
  // Runs before any script of the page. When office.js has loaded (its script element's load event fires
  // before the deferred taskpane.js runs), the double goes behind Excel.run and Office.onReady reports Excel.
  // `sets`: the requirement sets this Excel has (default: Excel for Microsoft 365), for isSetSupported.
  doubleScript = (sets) => `${bundle}
    (() => {
      const setup = ${JSON.stringify(setup)};
      const sets = ${JSON.stringify(sets ?? null)};
      document.addEventListener("load", (event) => {
        const script = event.target;
        if (!(script instanceof HTMLScriptElement) || !script.src.startsWith(${JSON.stringify(OFFICE_CDN)} + "office.js")) return;
        const excel = ExcelDoubleBundle.createBrowserDouble(setup);
        if (sets) excel.supportedSets = sets;
        window.excelDouble = excel;
        window.Excel = excel.api;
        // Office.context.requirements answers from the double's requirement sets. office.js defines
        // Office.context (not redefinable) as OSF._OfficeAppFactory.getContext(), which outside Office has no
        // requirements to ask: the double stands in for it once office.js is ready, when the pane asks.
        const requirements = { isSetSupported: (name, version) => excel.isSetSupported(name, version) };
        const answerRequirements = () => {
          OSF._OfficeAppFactory.getContext = () => ({ requirements });
        };
        const info = { host: Office.HostType.Excel, platform: Office.PlatformType.OfficeOnline };
        // As office.js does, report ready only once it has set up Office.context (its own scripts load after
        // office.js itself, later on a busy machine).
        const whenReady = () =>
          new Promise((resolve) => {
            const poll = () => {
              if (Object.getOwnPropertyDescriptor(Office, "context") && window.OSF && OSF._OfficeAppFactory) {
                answerRequirements();
                resolve(info);
              } else setTimeout(poll, 10);
            };
            poll();
          });
        Office.onReady = (callback) => {
          const ready = whenReady();
          if (callback) ready.then(callback);
          return ready;
        };
      }, true);
    })();`;
  server = await serve(dist);
  browser = await launch();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

/**
 * Nothing went wrong in the page (no script error, no Content-Security-Policy violation: each is a console
 * error), and nothing but office.js's own requests tried to leave the machine.
 */
function expectClean(session: Session): void {
  expect(session.errors).toEqual([]);
  const foreign = session.external.filter((url) => !OFFICE_HOSTS.includes(new URL(url).hostname));
  expect(foreign).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

/** axe-core on the page as it is now: no serious or critical violation (listed with their elements if any). */
async function expectAccessible(page: Page, state: string): Promise<void> {
  // Evaluated by the test's own channel, not as a script element: the pane's policy allows no inline script.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${AXE}\n;true`);
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ["violations"],
    })
  )) as AxeResults;
  const severe = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect({ state, severe }).toEqual({ state, severe: [] });
}

/** The text of an element, with no-break spaces (the pane's "45,0 %", "20 000 kr") read as spaces. */
async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? "").replace(/\u00a0/g, " ");
}

/** Values of the double's workbook, read in the page. */
function workbook<T>(page: Page, f: string): Promise<T> {
  return page.evaluate(`(() => { const excel = window.excelDouble; return ${f}; })()`) as Promise<T>;
}

describe("the task pane without Excel", () => {
  it("says that Excel is needed, shows no actions and has no script error", async () => {
    const session = await openSession(browser!, server!.url);
    const { page } = session;
    await page.goto(`${server!.url}/taskpane.html`);
    await page.waitForFunction(() =>
      document.getElementById("status")?.textContent?.includes("Öppna tillägget i Excel")
    );
    expect(await page.isHidden("#app")).toBe(true);
    expect(await page.getAttribute("#status", "class")).toContain("status--warning");
    await screenshot(page, "utan-excel.png");
    await expectAccessible(page, "outside Excel");
    expectClean(session);
    await session.context.close();
  }, 60000);
});

describe("the Content-Security-Policy of the pane and the help pages", () => {
  /** The policy a page carries, and whether it stands before every script and stylesheet of the page. */
  const policyOf = (page: Page) =>
    page.evaluate(() => {
      const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      const loaded = Array.from(document.querySelectorAll("script, link[rel=stylesheet]"));
      const first = loaded.every((element) => meta && meta.compareDocumentPosition(element) & 4);
      return { content: meta?.getAttribute("content"), first };
    });

  it("governs taskpane.html from its first element: a script the page did not load is refused and reported", async () => {
    const session = await openSession(browser!, server!.url);
    const { page } = session;
    await page.goto(`${server!.url}/taskpane.html`);
    await page.waitForFunction(() =>
      document.getElementById("status")?.textContent?.includes("Öppna tillägget i Excel")
    );
    expect(await policyOf(page)).toEqual({ content: TASKPANE_POLICY, first: true });
    expect(await page.evaluate(() => document.querySelectorAll("script:not([src])").length)).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
    // An injected inline script, and a script from another server, are refused: the policy is in force.
    await page.evaluate(() => {
      const inline = document.createElement("script");
      inline.textContent = "window.injected = true;";
      document.head.append(inline);
    });
    expect(await page.evaluate(() => "injected" in window)).toBe(false);
    expect((await cspViolations(page)).map((v) => v.split(" ")[0])).toEqual(["script-src-elem"]);
    await session.context.close();
  }, 60000);

  it.each([
    "help/index.html",
    "help/en/index.html",
    "help/palliative-share.html",
    "help/en/discharge-settlement.html",
    "help/driftsattning.html",
  ])(
    "%s carries its policy, shows its stylesheet and reports no violation",
    async (file) => {
      const session = await openSession(browser!, server!.url);
      const { page } = session;
      await page.goto(`${server!.url}/${file}`);
      expect(await policyOf(page)).toEqual({ content: HELP_POLICY, first: true });
      // help.css is applied: the header's rule under the site link.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector("header")!).borderBottomStyle)).toBe(
        "solid"
      );
      expect(await cspViolations(page)).toEqual([]);
      expectClean(session);
      await session.context.close();
    },
    60000
  );
});

describe("the task pane in Excel (the in-memory Excel behind Excel.run)", () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await openSession(browser!, server!.url);
    page = session.page;
    await session.context.addInitScript({ content: doubleScript() });
    await page.goto(`${server!.url}/taskpane.html`);
    await page.waitForFunction(() => document.getElementById("app")?.hidden === false);
  }, 60000);

  afterAll(async () => {
    await session?.context.close();
  });

  afterEach(() => expectClean(session));

  it("shows the four actions, labelled and reachable from the keyboard", async () => {
    expect(await page.isVisible("#app")).toBe(true);
    const tabs = await page.$$eval("[role=tab]", (els) => els.map((e) => e.textContent?.trim()));
    expect(tabs).toEqual(["Bygg", "Importera", "Förklara", "Kontrollera"]);
    expect(await page.textContent("label[for=year]")).toBe("År");
    expect(await page.$$eval("#year option", (els) => els.map((e) => e.textContent))).toEqual(["2010", "2011", "2012"]);
    await screenshot(page, "1-bygg.png");
    await expectAccessible(page, "Bygg");
    // Arrow keys move between the tabs, as in any tab list.
    await page.focus("#tab-build");
    await page.keyboard.press("ArrowRight");
    expect(await page.getAttribute("#tab-import", "aria-selected")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-import");
    await page.keyboard.press("ArrowLeft");
    expect(await page.isVisible("#panel-build")).toBe(true);
    // Every control has a visible label.
    for (const id of ["year", "import-text", "import-file"]) expect(await page.$(`label[for=${id}]`)).not.toBeNull();
    expect(await page.isHidden("#status")).toBe(true);
    // Nothing scrolls sideways at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it("builds the 2010 workbook: the sheets are there, the progress bar finishes, and every check is OK", async () => {
    const progress: number[] = [];
    await page.exposeFunction("reportProgress", (value: number) => progress.push(value));
    await page.evaluate(() => {
      const bar = document.getElementById("progress") as HTMLProgressElement;
      new MutationObserver(() =>
        (window as unknown as { reportProgress(v: number): void }).reportProgress(bar.value)
      ).observe(bar, { attributes: true });
    });
    await page.click("#build");
    await page.waitForSelector("#build-result:not([hidden])", { timeout: 90000 });
    expect(await page.textContent("#build-result")).toMatch(
      new RegExp(`^Klart: ${plan.sheets.length} blad \\(Start … Landsting\\) byggdes på \\d+ anrop`)
    );
    expect(await page.textContent("#build-result")).toContain("Alla kontroller: OK");
    expect(await page.$eval("#progress", (e) => (e as HTMLProgressElement).value)).toBe(100);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(100);
    expect(await workbook<string[]>(page, "excel.sheetNames()")).toEqual([
      "Blad1",
      "Start",
      "Parametrar",
      "Avstämning",
      "Utbetalningar",
      "Andel",
      "Palliativ",
      "Senior alert",
      "Länsbidrag",
      "Utskrivningsklara",
      "UK individer",
      "Försöksverksamhet",
      "Länsbudget",
      "Kommuner",
      "Landsting",
    ]);
    const trips = Number(/på (\d+) anrop/.exec((await page.textContent("#build-result")) ?? "")?.[1]);
    expect(trips).toBeGreaterThan(0);
    expect(trips).toBeLessThanOrEqual(10);
    expect(await workbook<string>(page, `excel.valueAt("Avstämning", "${at.master}")`)).toBe("OK");
    // Excel on the web refuses a request over 5 MB; the double would have failed the build. The 2010 build
    // stays well under it (npm run bench reports the figure).
    const largest = await workbook<number>(page, "excel.largestSyncPayload");
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(1024 * 1024);
    await screenshot(page, "2-byggd.png");
    await expectAccessible(page, "built");
  }, 120000);

  it("never overwrites: a second build asks, and Avbryt leaves the workbook as it was", async () => {
    const sheets = await workbook<number>(page, "excel.sheetNames().length");
    await page.click("#build");
    await page.waitForSelector("#conflict:not([hidden])");
    expect(await page.textContent("#conflict-title")).toBe("Blad, tabeller och namn finns redan");
    // Every sheet, table and workbook name of the first build collides; the dialog says which kinds.
    const tables = plan.sheets.flatMap((s) => s.tables.filter((t) => t.rows > 0)).length;
    expect(await page.textContent("#conflict-text")).toContain(
      `Arbetsboken har redan ${plan.sheets.length} blad, ${tables} tabeller och ${plan.names.length} namn som bygget också skulle skapa`
    );
    expect(await page.textContent("#conflict-suffix")).toBe("Bygg med nya namn (”Start (2)” …)");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("conflict-suffix");
    await screenshot(page, "3-finns-redan.png");
    await expectAccessible(page, "conflict dialog");
    await page.keyboard.press("Escape");
    expect(await page.isHidden("#conflict")).toBe(true);
    expect(await page.textContent("#build-result")).toBe("Avbrutet. Inget har ändrats i arbetsboken.");
    expect(await workbook<number>(page, "excel.sheetNames().length")).toBe(sheets);
  });

  it("lists every check with a link that selects its cells, and for a failing check the cells that fail", async () => {
    await page.click("#tab-check");
    expect(await page.textContent("#check-master")).toContain("Alla kontroller: OK");
    // INFO: where the published tables differ from the rule and from their own totals, as the plan says.
    const info = plan.checks.filter((c) => !c.passes && c.informational);
    expect(info.length).toBeGreaterThan(0);
    // The sources' own figures (the published tables), what the published table leaves undistributed, and the
    // county grants' recipients not yet filled in.
    expect(info.map((c) => c.id).sort()).toEqual(
      [
        "c-ejfordelat",
        "c-publicerat",
        "c-publicerat-13",
        "c-publicerat-79",
        "c-publicerat-lan",
        "r-ejfordelat",
        "utb-saknas",
      ].sort()
    );
    expect(await page.textContent("#check-master")).toContain(
      `${plan.checks.length} kontroller, ${plan.checks.length - info.length} OK, ${info.length} INFO`
    );
    const statuses = await page.$$eval("#check-list .badge", (els) => els.map((e) => e.textContent));
    expect(statuses.length).toBe(plan.checks.length);
    expect(statuses.every((s) => s === "OK" || s === "INFO")).toBe(true);
    const twin = page.locator(".check-item", { hasText: "Palliativ nivå 1, kommuner: formeln ger samma kronor" });
    await twin.getByRole("button", { name: /Palliativ/ }).click();
    await page.waitForFunction((address) => {
      const excel = (window as unknown as { excelDouble: { selection: { address: string } } }).excelDouble;
      return excel.selection.address === address;
    }, at.level1Difference);
    expect(await workbook<{ sheet: string }>(page, "excel.selection")).toEqual({
      sheet: "Palliativ",
      address: at.level1Difference,
    });

    // A user types 0114's code into Vallentuna's row: the duplicate check fails, and its link selects the two rows.
    await workbook(page, `excel.userWrite("Palliativ", "${at.code(1)}", [["'0114"]])`);
    await page.click("#check");
    await page.waitForFunction(() => document.getElementById("check-master")?.textContent?.includes("FEL"));
    const duplicates = page.locator(".check-item", { hasText: "Palliativ, kommuner: ingen kod förekommer två gånger" });
    expect(await duplicates.locator(".badge").textContent()).toBe("FEL");
    await duplicates.getByRole("button", { name: /Palliativ/ }).click();
    await duplicates.locator(".check-selected", { hasText: /\S/ }).waitFor();
    expect(await duplicates.locator(".check-selected").textContent()).toBe("Markerade 2 celler som inte stämmer.");
    // The add-in formulas refuse a duplicate code, so the formula-against-add-in checks fail too.
    const twinFails = page.locator(".check-item", { hasText: "Palliativ nivå 1, kommuner: formeln ger samma kronor" });
    expect(await twinFails.locator(".badge").textContent()).toBe("FEL");
    expect(await workbook<{ sheet: string; address: string }>(page, "excel.selection")).toEqual({
      sheet: "Palliativ",
      address: `${at.rowsWithCode(0)}:${at.rowsWithCode(1)}`,
    });
    await screenshot(page, "4-kontrollera.png");
    await expectAccessible(page, "checks with FEL");

    // Windows high contrast: the selected tab, the focus ring and FEL against OK stay visible without colour.
    await page.emulateMedia({ forcedColors: "active" });
    // From the keyboard, so that the focus ring shows (End keeps Kontrollera, the last tab, selected).
    await page.focus("#tab-check");
    await page.keyboard.press("End");
    const looks = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      const fel = Array.from(document.querySelectorAll(".badge--fel"))[0];
      const ok = Array.from(document.querySelectorAll(".badge--ok"))[0];
      return {
        selectedTab: style("#tab-check").borderBottomWidth,
        otherTab: style("#tab-build").borderBottomWidth,
        focusRing: style("#tab-check").outlineWidth,
        fel: fel ? getComputedStyle(fel).backgroundColor : "",
        ok: ok ? getComputedStyle(ok).backgroundColor : "",
      };
    });
    expect(looks.selectedTab).not.toBe(looks.otherTab);
    expect(parseFloat(looks.focusRing)).toBeGreaterThanOrEqual(2);
    expect(looks.fel).not.toBe(looks.ok);
    await screenshot(page, "hog-kontrast.png");
    await expectAccessible(page, "checks, high contrast");
    await page.emulateMedia({ forcedColors: "none" });
    await workbook(page, `excel.userWrite("Palliativ", "${at.code(1)}", [["'0115"]])`);
    await page.click("#check");
    await page.waitForFunction(() => !document.getElementById("check-master")?.textContent?.includes("FEL"));
    expect(await page.textContent("#check-master")).toContain("Alla kontroller: OK");
  });

  it("refuses a file with bad rows, listing each by row, and writes nothing", async () => {
    await page.click("#tab-import");
    await page.setInputFiles("#import-file", path.join(FIXTURES, "palliativ-fel.csv"));
    await page.waitForSelector("#import-result:not([hidden])");
    const problems = await page.$$eval("#import-problems li", (els) => els.map((e) => e.textContent ?? ""));
    expect(problems.length).toBeGreaterThanOrEqual(5);
    expect(problems[0]).toMatch(/^Rad 2 \(0114 Upplands Väsby\): registreringar \(31\) är fler än dödsfall \(30\)/);
    expect(problems.some((p) => p.startsWith("Rad 4"))).toBe(true);
    expect(await page.textContent("#import-summary")).toContain("palliativ-fel.csv");
    expect(await page.isDisabled("#import-write")).toBe(true);
    expect(await workbook<number>(page, `excel.valueAt("Palliativ", "${at.deaths}")`)).toBe(51);
    await screenshot(page, "5-importera-fel.png");
    await expectAccessible(page, "import errors");
    // The file input is emptied once the file is read, so that choosing the same file again reads it again.
    expect(await page.$eval("#import-file", (e) => (e as HTMLInputElement).value)).toBe("");
    await page.evaluate(() => (document.getElementById("import-summary")!.textContent = ""));
    await page.setInputFiles("#import-file", path.join(FIXTURES, "palliativ-fel.csv"));
    await page.waitForFunction(() =>
      document.getElementById("import-summary")?.textContent?.includes("palliativ-fel.csv")
    );
  });

  it("previews a paste from Excel (tab-separated Senior alert figures)", async () => {
    await page.fill("#import-text", "Kod\tAlla enheter startat\tRegistreringar\n0114\tja\t40\n");
    await page.click("#import-preview");
    await page.waitForFunction(() => document.getElementById("import-summary")?.textContent?.startsWith("Inklistrat"));
    const changes = await page.$$eval("#import-changes tbody tr", (rows) =>
      rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent))
    );
    expect(changes).toContainEqual(["0114 Upplands Väsby", "Registreringar", "42 → 40"]);
    expect(changes.some(([party, column]) => party === "0114 Upplands Väsby" && /startat/.test(column ?? ""))).toBe(
      true
    );
    expect(await page.isEnabled("#import-write")).toBe(true);
    await page.fill("#import-text", "");
  });

  it("previews a good file (BOM, semicolons, decimal comma) and writes it in on Skriv in", async () => {
    await page.setInputFiles("#import-file", path.join(FIXTURES, "palliativ-semikolon-bom.csv"));
    await page.waitForSelector("#import-changes:not([hidden])");
    expect(await page.$$eval("#import-problems li:not(.note)", (els) => els.length)).toBe(0);
    const changes = await page.$$eval("#import-changes tbody tr", (rows) =>
      rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent))
    );
    expect(changes).toContainEqual(["0114 Upplands Väsby", "Dödsfall", "51 → 20"]);
    expect(await page.isEnabled("#import-write")).toBe(true);
    await screenshot(page, "6-importera.png");
    await expectAccessible(page, "import preview");
    await page.click("#import-write");
    await page.waitForFunction(() => document.getElementById("import-summary")?.textContent?.startsWith("Skrev in"));
    // 0114 now has 20 deaths and 9 registrations: 45 %, over the 40 % of level 1, under the 70 % of level 2.
    expect(
      await workbook<unknown[]>(
        page,
        `[excel.valueAt("Palliativ", "${at.deaths}"), excel.valueAt("Palliativ", "${at.registrations}")]`
      )
    ).toEqual([20, 9]);
    expect(await workbook<string>(page, `excel.valueAt("Palliativ", "${at.level1Qualified}")`)).toBe("Ja");
    expect(await workbook<string>(page, `excel.valueAt("Palliativ", "${at.level2Qualified}")`)).toBe("Nej");
    expect(await workbook<string>(page, `excel.valueAt("Avstämning", "${at.master}")`)).toBe("OK");
    expect(await page.textContent("#check-master")).toContain("Alla kontroller: OK");
  });

  it("writes nothing when the sheet changed after the preview, and asks to preview again", async () => {
    await page.fill("#import-text", "Kod;Dödsfall;Registreringar\n0114;22;9\n");
    await page.click("#import-preview");
    await page.waitForFunction(() => document.getElementById("import-summary")?.textContent?.startsWith("Inklistrat"));
    await workbook(page, `excel.userWrite("Palliativ", "${at.deaths}", [[21]])`);
    await page.click("#import-write");
    await page.waitForFunction(() =>
      document.getElementById("import-summary")?.textContent?.startsWith("Arbetsboken har ändrats")
    );
    expect(await page.textContent("#import-summary")).toBe(
      `Arbetsboken har ändrats sedan förhandsgranskningen: Palliativ!${at.deaths} (Dödsfall) visar nu 21, förhandsgranskningen läste 20. Inget har skrivits; förhandsgranska igen.`
    );
    expect(await workbook<number>(page, `excel.valueAt("Palliativ", "${at.deaths}")`)).toBe(21);
    expect(await page.isDisabled("#import-write")).toBe(true);
    await workbook(page, `excel.userWrite("Palliativ", "${at.deaths}", [[20]])`);
    await page.fill("#import-text", "");
  });

  it("imports one municipality's month of discharge days: an individual added, one removed, a group added", async () => {
    // 0821 Högsby in February, somatic care, and psychiatry (which Högsby had none of that month).
    await page.setInputFiles("#import-file", {
      name: "hogsby-februari.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "Kommun;Månad;Individ;Vårdform;Dagar rapporterade;Dagar efter analys\n" +
          "Högsby;2018-02;S01;somatisk;6;5\n" +
          "Högsby;2018-02;S77;somatisk;4;4\n" +
          "Högsby;2018-02;P01;psykiatri;23;23\n",
        "utf-8"
      ),
    });
    await page.waitForFunction(() => document.getElementById("import-summary")?.textContent?.startsWith("hogsby"));
    const summary = await page.textContent("#import-summary");
    expect(summary).toMatch(
      /^hogsby-februari\.csv: Importen ersätter 2 grupper \(kommun, månad och vårdform\) i UK_individer; övriga grupper lämnas som de är\./
    );
    expect(summary).toMatch(/individer läggs till/);
    expect(summary).toMatch(/tas bort \(finns inte i filen\)/);
    expect(summary).toMatch(/1 ny avräkningsrad i UK_avrakning/);
    const changes = await page.$$eval("#import-changes tbody tr", (rows) =>
      rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent))
    );
    expect(
      changes.some(([party, , change]) => party?.startsWith("0821, 2018-02") && change?.endsWith("→ tas bort"))
    ).toBe(true);
    expect(changes).toContainEqual(["0821 Högsby, 2018-02, S77 (somatisk)", "Dagar rapporterade", "ny: 4"]);
    expect(changes).toContainEqual(["0821 Högsby, 2018-02 (psykiatri)", "Avräkningsrad", "ny: 0821 2018-02 psykiatri"]);
    await screenshot(page, "8-importera-utskrivningsklara.png");
    await expectAccessible(page, "discharge import preview");
    await page.click("#import-write");
    await page.waitForFunction(
      () => document.getElementById("import-summary")?.textContent?.startsWith("Skrev in"),
      null,
      {
        timeout: 60000,
      }
    );
    expect(await page.textContent("#import-summary")).toMatch(/nya rader.*borttagna/);
    // Högsby's February is now what the file says: S01 and S77 in somatic care, P01 in psychiatry.
    expect(
      await workbook<string[]>(
        page,
        `(() => {
          const t = excel.tables.find((x) => x.name === "UK_individer");
          return excel
            .valuesAt("UK individer", t.address)
            .filter((r) => r[0] === "0821" && r[1] === "2018-02")
            .map((r) => r[2] + " " + r[3] + " " + r[5]);
        })()`
      )
    ).toEqual(["S01 somatisk 5", "S77 somatisk 4", "P01 psykiatri 23"]);
    // The new psychiatry group: 23 days, 3 over 20, 21 000 kr, by the formula and by the add-in.
    const group = await workbook<unknown[]>(
      page,
      `(() => {
        const t = excel.tables.find((x) => x.name === "UK_avrakning");
        const rows = excel.valuesAt("Utskrivningsklara", t.address);
        const h = rows[0];
        const r = rows.find((x) => x[h.indexOf("Grupp")] === "0821 2018-02 psykiatri");
        return ["Individer", "Debiterbara dagar", "Belopp (kr)", "SKL-funktion (kr)"].map((c) => r[h.indexOf(c)]);
      })()`
    );
    expect(group).toEqual([1, 3, 21000, 21000]);
    expect(await workbook<string>(page, `excel.valueAt("Avstämning", "${at.master}")`)).toBe("OK");
    expect(await page.textContent("#check-master")).toContain("Alla kontroller: OK");
  }, 90000);

  it("explains the selected amount and follows the selection", async () => {
    await page.click("#tab-explain");
    await workbook(page, `excel.userSelect("Palliativ", "${at.level1Amount}")`);
    await page.waitForFunction(() => document.querySelector("#explain .explain-title") !== null);
    const text = await textOf(page, "#explain");
    expect(text).toContain(`Palliativ!${at.level1Amount}`);
    expect(text).toContain("Palliativregistret, nivå 1 (kommuner)");
    expect(text).toContain("0114 Upplands Väsby");
    expect(text).toContain("9 av 20 = 45,0 %");
    await screenshot(page, "7-forklara.png");
    await expectAccessible(page, "explain");

    // Level 2 needs 70 %: 9 of 20 is not enough, and the pane says how many more would be.
    await workbook(page, `excel.userSelect("Palliativ", "${at.level2Amount}")`);
    await page.waitForFunction(() => document.querySelector("#explain")?.textContent?.includes("nivå 2"));
    expect(await textOf(page, "#explain")).toContain(`Palliativ!${at.level2Amount}`);
    expect(await textOf(page, "#explain")).toContain("5 registreringar till skulle nå 70 % (14 av 20 = 70,0 %)");

    // A settlement of discharge days: 0 + 3 + 2 = 5 days for 3 individuals, 5 / 3 ≈ 1,67, not billed.
    await workbook(page, `excel.userSelect("Utskrivningsklara", "${at.dischargeAmount}")`);
    await page.waitForFunction(() => document.querySelector("#explain")?.textContent?.includes("Utskrivningsklara"));
    const discharge = await textOf(page, "#explain");
    expect(discharge).toContain("0821 Högsby debiteras inte för 2018-01 (somatisk)");
    expect(discharge).toContain("5 / 3 ≈ 1,67 dagar");
    await screenshot(page, "9-forklara-utskrivningsklara.png");
    await expectAccessible(page, "explain a settlement");

    await workbook(page, 'excel.userSelect("Parametrar", "A1")');
    await page.waitForFunction(() => document.querySelector("#explain")?.textContent?.includes("Parametrar!A1"));
    expect(await page.textContent("#explain")).toContain("Markera ett belopp i en av arbetsbokens tabeller");
  });

  it("opens Andel on the party chosen under Min andel, and says when there is no such party", async () => {
    await page.click("#tab-explain");
    await page.fill("#share-party", "08 Kalmar län");
    await page.click("#share-open");
    await page.waitForSelector("#share-result:not([hidden])");
    expect(await textOf(page, "#share-result")).toBe(
      "Bladet Andel visar 08 Kalmar län (kod 08). Valet sparas i arbetsboken."
    );
    expect(await workbook<{ sheet: string }>(page, "excel.selection")).toMatchObject({ sheet: "Andel" });
    expect(await workbook<string>(page, 'excel.valueAt("Andel", "A1")')).toBe(
      "Statsbidrag för de mest sjuka äldre 2010: Landstinget i Kalmar län"
    );
    await screenshot(page, "10-min-andel.png");
    await expectAccessible(page, "min andel");
    await page.fill("#share-party", "Atlantis");
    await page.click("#share-open");
    await page.waitForFunction(() => document.querySelector("#share-result")?.textContent?.includes("Atlantis"));
    expect(await page.getAttribute("#share-result", "class")).toContain("message--error");
  });

  it("builds beside the first workbook under new names when asked, leaving the first as it is", async () => {
    await page.click("#tab-build");
    await page.click("#build");
    await page.waitForSelector("#conflict:not([hidden])");
    await page.click("#conflict-suffix");
    await page.waitForFunction(() => document.getElementById("build-result")?.textContent?.startsWith("Klart"), null, {
      timeout: 90000,
    });
    expect(await page.textContent("#build-result")).toContain(`${plan.sheets.length} blad (Start (2) … Landsting (2))`);
    expect(await page.textContent("#build-result")).toContain("Alla kontroller: OK");
    const sheets = await workbook<string[]>(page, "excel.sheetNames()");
    // Both builds and the sheet the workbook had.
    expect(sheets).toHaveLength(2 * plan.sheets.length + 1);
    expect(sheets).toContain("Palliativ (2)");
    // The first workbook keeps the imported figures; the new one is built from the bundled data.
    expect(
      await workbook<unknown[]>(
        page,
        `[excel.valueAt("Palliativ", "${at.deaths}"), excel.valueAt("Palliativ", "${at.registrations}")]`
      )
    ).toEqual([20, 9]);
    expect(
      await workbook<unknown[]>(
        page,
        `[excel.valueAt("Palliativ (2)", "${at.deaths}"), excel.valueAt("Palliativ (2)", "${at.registrations}")]`
      )
    ).toEqual([51, 39]);
    expect(await workbook<string>(page, `excel.valueAt("Avstämning (2)", "${at.master}")`)).toBe("OK");
    // Förklara follows into the new sheets.
    await page.click("#tab-explain");
    await workbook(page, `excel.userSelect("Palliativ (2)", "${at.level1Amount}")`);
    await page.waitForFunction(() => document.querySelector("#explain")?.textContent?.includes("Palliativ (2)"));
    expect(await textOf(page, "#explain")).toContain("39 av 51");
    // And the first build is still explained, with its imported figures.
    await workbook(page, `excel.userSelect("Palliativ", "${at.level1Amount}")`);
    await page.waitForFunction(() => document.querySelector(".explain-address")?.textContent?.startsWith("Palliativ!"));
    expect(await textOf(page, "#explain")).toContain("9 av 20 = 45,0 %");
  }, 120000);

  it("removes what a failed build had added, and says so", async () => {
    const sheets = await workbook<string[]>(page, "excel.sheetNames()");
    await page.click("#tab-build");
    await page.click("#build");
    await page.waitForSelector("#conflict:not([hidden])");
    // The third round trip of the build fails (the read is the first).
    await workbook(page, "excel.failOnSync(3)");
    await page.click("#conflict-suffix");
    await page.waitForFunction(
      () => document.getElementById("build-result")?.textContent?.startsWith("Bygget avbröts"),
      null,
      {
        timeout: 90000,
      }
    );
    expect(await page.textContent("#build-result")).toBe(
      "Bygget avbröts (Anslutningen till Excel bröts). Bladen och namnen som bygget hade lagt till är borttagna igen: arbetsboken är som före bygget. Försök igen."
    );
    expect(await page.getAttribute("#build-result", "class")).toContain("message--error");
    expect(await workbook<string[]>(page, "excel.sheetNames()")).toEqual(sheets);
    await expectAccessible(page, "failed build");
  }, 120000);

  it("links each function to its help page, served with the add-in", async () => {
    const links = await page.$$eval("#functions a", (els) => els.map((a) => a.getAttribute("href")));
    expect(links).toEqual([
      "help/palliative-share.html",
      "help/senior-alert-payout.html",
      "help/county-grant.html",
      "help/discharge-settlement.html",
      "help/index.html",
    ]);
    for (const href of links) {
      const response = await fetch(`${server!.url}/${href}`);
      expect({ href, status: response.status }).toEqual({ href, status: 200 });
    }
    expect(await page.textContent("#functions summary")).toBe("Funktioner i Excel");
  });
});

describe("the task pane in an Excel too old for it", () => {
  it("says so in Swedish and turns off every action, without a script error", async () => {
    const session = await openSession(browser!, server!.url);
    const { page } = session;
    // Excel 2019 bought once: ExcelApi up to 1.8, no shared runtime.
    await session.context.addInitScript({ content: doubleScript({ ExcelApi: "1.8" }) });
    await page.goto(`${server!.url}/taskpane.html`);
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("för gammal"));
    expect(await page.textContent("#status")).toBe(
      "Den här Excel-versionen är för gammal för åtgärdsfönstret: den saknar SharedRuntime 1.1 och ExcelApi 1.9. " +
        "Bygg, Importera, Förklara och Kontrollera är därför avstängda. Använd Excel för Microsoft 365 " +
        "(Windows eller Mac) eller Excel på webben."
    );
    for (const id of ["build", "year", "import-preview", "import-file", "import-text", "check"]) {
      expect({ id, disabled: await page.isDisabled(`#${id}`) }).toEqual({ id, disabled: true });
    }
    // The functions' help stays at hand; the workbook is never touched.
    expect(await page.isVisible("#functions")).toBe(true);
    expect(await workbook<number>(page, "excel.syncs")).toBe(0);
    await screenshot(page, "for-gammal-excel.png");
    await expectAccessible(page, "Excel too old");
    expectClean(session);
    await session.context.close();
  }, 60000);
});
