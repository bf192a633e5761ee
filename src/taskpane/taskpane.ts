/*
 * The task pane's shell. It shares its page (and so its runtime) with the custom functions. In Excel it checks
 * the requirement sets, sets up the four tabs, each its own module under `tabs/` (Bygg, Importera, Förklara,
 * Kontrollera), as the workbook has one file per sheet, and restores the builds the workbook remembers.
 * Outside Excel it says that Excel is needed, without a script error.
 */
/* global window, document, Office */
import { byId, show } from "./dom";
import { builds, errorText, planFor, setStatus } from "./pane";
import { setUpBuildTab } from "./tabs/build";
import { setUpCheckTab } from "./tabs/check";
import { explain, restoreShare, setUpExplainTab } from "./tabs/explain";
import { setUpImportTab } from "./tabs/import";
import { restoreBuilds } from "./workbookTables";

/** What the pane says outside Excel: in a plain browser, or in another Office application. */
const OUTSIDE_EXCEL =
  "Öppna tillägget i Excel. Den här sidan är tilläggets åtgärdsfönster och fungerar bara där " +
  "(Excel på webben, i Windows eller på Mac).";

/** What the pane says once Office has loaded it in Excel. */
const IN_EXCEL =
  "Tillägget är laddat. Bygg arbetsboken, importera registerdata, förklara ett belopp eller kontrollera.";

/**
 * What the pane needs of Excel, as the manifest declares it: the shared runtime (the pane and the functions on
 * one page) and ExcelApi 1.9, the lowest set with every Excel API the pane calls (README, "Requirement sets");
 * the one newer API, selecting several areas at once (1.18), is used only where Excel has it.
 */
const REQUIRED_SETS: readonly (readonly [string, string])[] = [
  ["SharedRuntime", "1.1"],
  ["ExcelApi", "1.9"],
];

/** The required sets this Excel lacks, as "ExcelApi 1.9", asked with Office.context.requirements. */
function missingRequirementSets(): string[] {
  const requirements = Office.context?.requirements;
  if (!requirements) return REQUIRED_SETS.map(([name, version]) => `${name} ${version}`);
  return REQUIRED_SETS.filter(([name, version]) => !requirements.isSetSupported(name, version)).map(
    ([name, version]) => `${name} ${version}`
  );
}

/** What the pane says in an Excel too old for it (Excel 2016 or 2019 bought once, an Office 2021 before version 2108). */
function tooOldText(missing: readonly string[]): string {
  return (
    `Den här Excel-versionen är för gammal för åtgärdsfönstret: den saknar ${missing.join(" och ")}. ` +
    "Bygg, Importera, Förklara och Kontrollera är därför avstängda. Använd Excel för Microsoft 365 " +
    "(Windows eller Mac) eller Excel på webben."
  );
}

// ---------------------------------------------------------------------------------------------------
// Tabs (WAI-ARIA tabs: arrow keys move between tabs, Home/End to the first/last).

const TABS = ["build", "import", "explain", "check"] as const;
type Tab = (typeof TABS)[number];

function selectTab(tab: Tab, focus = false): void {
  for (const t of TABS) {
    const button = byId(`tab-${t}`);
    const selected = t === tab;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    show(byId(`panel-${t}`), selected);
    if (selected && focus) button.focus();
  }
  window.scrollTo(0, 0);
}

function setUpTabs(): void {
  TABS.forEach((tab, i) => {
    const button = byId(`tab-${tab}`);
    button.addEventListener("click", () => selectTab(tab));
    button.addEventListener("keydown", (event) => {
      const move: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 };
      if (!(event.key in move)) return;
      event.preventDefault();
      selectTab(TABS[(move[event.key] + TABS.length) % TABS.length], true);
    });
  });
}

function setUpActions(): void {
  setUpTabs();
  setUpBuildTab();
  setUpImportTab();
  setUpExplainTab();
  setUpCheckTab();
}

/** In an Excel too old for the pane: says so, and turns off every action (the tabs still show what they do). */
function startTooOld(missing: readonly string[]): void {
  setStatus(tooOldText(missing), true);
  show(byId("app"), true);
  show(byId("functions"), true);
  setUpTabs();
  for (const control of Array.from(
    document.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      ".panel button, .panel input, .panel select, .panel textarea"
    )
  )) {
    control.disabled = true;
  }
}

async function startInExcel(): Promise<void> {
  const missing = missingRequirementSets();
  if (missing.length > 0) {
    startTooOld(missing);
    return;
  }
  setStatus(IN_EXCEL);
  // The actions speak for themselves; the line comes back when there is something to say.
  show(byId("status"), false);
  show(byId("app"), true);
  show(byId("functions"), true);
  setUpActions();
  try {
    builds.push(...(await restoreBuilds(planFor)));
    await restoreShare();
    await Excel.run(async (context) => {
      context.workbook.onSelectionChanged.add(() => explain());
      await context.sync();
    });
  } catch (error) {
    setStatus(errorText(error), true);
  }
}

function showOutsideExcel(): void {
  setStatus(OUTSIDE_EXCEL, true);
  show(byId("app"), false);
  show(byId("functions"), false);
}

// office.js comes from Microsoft's CDN; when it could not be loaded (offline, a plain browser) there is no
// Office at all, and the page must still say what to do.
if (typeof Office === "undefined") {
  showOutsideExcel();
} else {
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) void startInExcel();
    else showOutsideExcel();
  });
}
