/*
 * The task pane. It shares its page (and so its runtime) with the custom functions. In Excel it offers four
 * actions, each an exported function around `Excel.run` in its own module: Bygg arbetsbok (writePlan.ts),
 * Importera (import/ and workbookTables.ts), Förklara (explain/ and workbookTables.ts) and Kontrollera
 * (checks.ts). Outside Excel it says that Excel is needed, without a script error.
 */
/* global window, document, Office, FileReader */
import { screenful, sizeProblem } from "../input";
import { buildPlan } from "../workbook/buildPlan";
import { WorkbookPlan } from "../workbook/plan";
import { bundledInputs } from "./bundledInputs";
import { conflictMessage } from "./conflict";
import { CheckReport, CheckResult, MAX_SELECTED_AREAS, runChecks, selectCheckCells, targetsBySheet } from "./checks";
import { byId, clear, element, show } from "./dom";
import { Explanation, SELECT_AN_AMOUNT } from "./explain";
import {
  ImportChange,
  ImportPreview,
  importTargetTables,
  parseImport,
  ParsedImport,
  previewImport,
  problemText,
  referenceFromTables,
  TABLE,
} from "./import";
import {
  activeSheetName,
  buildOfSheet,
  explainSelection,
  readTables,
  restoreBuilds,
  StaleImportError,
  writeImport,
} from "./workbookTables";
import { BuildFailedError, buildWorkbook, BuiltWorkbook, Conflict } from "./writePlan";
import { openShare, rememberedShare } from "./share";

/** What the pane says outside Excel: in a plain browser, or in another Office application. */
const OUTSIDE_EXCEL =
  "Öppna tillägget i Excel. Den här sidan är tilläggets åtgärdsfönster och fungerar bara där " +
  "(Excel på webben, i Windows eller på Mac).";

/** What the pane says once Office has loaded it in Excel. */
const IN_EXCEL =
  "Tillägget är laddat. Bygg arbetsboken, importera registerdata, förklara ett belopp eller kontrollera.";

const NOT_BUILT = "Bygg arbetsboken först (fliken Bygg): åtgärden läser arbetsbokens tabeller.";

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

/** Every build of the pane in the open workbook, oldest first (made now or found in its settings). */
const builds: BuiltWorkbook[] = [];

/**
 * The build an action works on: the one whose sheet is active (so that Kontrollera and Importera follow the
 * user to "Palliativ (2)"), else the latest. Undefined when the workbook has no build.
 */
async function currentBuild(): Promise<BuiltWorkbook | undefined> {
  if (builds.length <= 1) return builds[0];
  const sheet = await activeSheetName();
  return buildOfSheet(builds, sheet) ?? builds[builds.length - 1];
}

/** "" for a build under the planned names; " (bladen med (2))" for a suffixed one, when there are several builds. */
function buildLabel(b: BuiltWorkbook): string {
  return builds.length > 1 && b.suffix !== undefined ? ` (bladen med (${b.suffix}))` : "";
}
/** Plans by year, built once: the engine runs over the bundled data. */
const plans = new Map<number, WorkbookPlan>();

function planFor(year: number): WorkbookPlan {
  if (!plans.has(year)) plans.set(year, buildPlan(bundledInputs(year), "addin").plan);
  return plans.get(year)!;
}

/** An error as the user reads it. */
function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Något gick fel: ${message}`;
}

/** The line under the header: shown outside Excel, and in Excel when something needs saying. */
function setStatus(text: string, warning = false): void {
  const status = byId("status");
  status.textContent = text;
  status.classList.toggle("status--warning", warning);
  show(status, true);
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

// ---------------------------------------------------------------------------------------------------
// Bygg arbetsbok

function setProgress(fraction: number, label?: string): void {
  const progress = byId<HTMLProgressElement>("progress");
  progress.value = Math.round(fraction * 100);
  progress.setAttribute("aria-valuetext", `${Math.round(fraction * 100)} %`);
  if (label) byId("progress-label").textContent = label;
}

function showBuildMessage(text: string, kind: "ok" | "error" | "info"): void {
  const result = byId("build-result");
  result.textContent = text;
  result.className = `message message--${kind}`;
  show(result, true);
}

async function build(onConflict: "report" | "suffix"): Promise<void> {
  const button = byId<HTMLButtonElement>("build");
  const year = Number(byId<HTMLSelectElement>("year").value);
  button.disabled = true;
  show(byId("conflict"), false);
  show(byId("build-result"), false);
  show(byId("build-progress"), true);
  setProgress(0, "Bygger arbetsboken …");
  try {
    const plan = planFor(year);
    const result = await buildWorkbook(plan, { onConflict, year, onProgress: (f) => setProgress(f) });
    if (result.status === "conflict") {
      show(byId("build-progress"), false);
      showConflict(result);
      return;
    }
    builds.push(result);
    setProgress(1, "Arbetsboken är byggd.");
    const names = result.plan.sheets.map((s) => s.name);
    const report = await runChecks(result);
    renderChecks(result, report);
    showBuildMessage(
      `Klart: ${names.length} blad (${names[0]} … ${names[names.length - 1]}) byggdes på ${result.syncs} anrop till Excel. ` +
        `Alla kontroller: ${report.master}.`,
      report.master === "OK" ? "ok" : "error"
    );
  } catch (error) {
    show(byId("build-progress"), false);
    showBuildMessage(error instanceof BuildFailedError ? error.message : errorText(error), "error");
  } finally {
    button.disabled = false;
  }
}

function showConflict(conflict: Conflict): void {
  const message = conflictMessage(conflict);
  byId("conflict-title").textContent = message.title;
  byId("conflict-text").textContent = message.text;
  byId("conflict-list").textContent = message.list;
  byId("conflict-suffix").textContent = message.suffixButton;
  show(byId("conflict"), true);
  byId("conflict-suffix").focus();
}

function cancelConflict(): void {
  show(byId("conflict"), false);
  showBuildMessage("Avbrutet. Inget har ändrats i arbetsboken.", "info");
  byId("build").focus();
}

// ---------------------------------------------------------------------------------------------------
// Kontrollera

const STATUS_TEXT: Record<string, string> = { OK: "OK", FEL: "FEL", INFO: "INFO", "?": "?" };

function badge(status: string): HTMLElement {
  return element("span", `badge badge--${status === "?" ? "unknown" : status.toLowerCase()}`, STATUS_TEXT[status]);
}

function checkItem(built: BuiltWorkbook, check: CheckResult): HTMLLIElement {
  const item = element("li", "check-item");
  item.appendChild(badge(check.status));
  const body = element("div", "check-body");
  body.appendChild(element("span", "check-label", check.label));
  const links = element("span", "check-links");
  const selected = element("span", "check-selected");
  selected.setAttribute("aria-live", "polite");
  // A failing check's link selects the cells that fail it; an INFO check's the cells that differ.
  const what = { FEL: "felen", INFO: "skillnaderna", OK: "", "?": "" }[check.status];
  for (const { sheet } of targetsBySheet(check.targets)) {
    const text = what ? `Visa ${what} i ${sheet}` : `Visa i ${sheet}`;
    const link = element("button", "link", text);
    link.type = "button";
    // The accessible name starts with the visible text (WCAG 2.5.3), so that speech input finds the button.
    link.setAttribute(
      "aria-label",
      `${text}: markerar ${check.status === "FEL" ? "cellerna som inte stämmer" : "cellerna"} för ${check.label}`
    );
    link.addEventListener("click", () => {
      selectCheckCells(built, check, sheet)
        .then((s) => {
          const cells = `${s.failing} ${s.failing === 1 ? "cell" : "celler"}`;
          const how = check.status === "INFO" ? "som skiljer sig" : "som inte stämmer";
          selected.textContent = !s.narrowed
            ? ""
            : s.leftOut === 0
              ? `Markerade ${cells} ${how}.`
              : `${cells} ${how}; de första ${MAX_SELECTED_AREAS} områdena är markerade.`;
        })
        .catch((error) => setStatus(errorText(error), true));
    });
    links.appendChild(link);
  }
  body.appendChild(links);
  body.appendChild(selected);
  item.appendChild(body);
  return item;
}

function renderChecks(built: BuiltWorkbook, report: CheckReport): void {
  const master = byId("check-master");
  clear(master);
  master.appendChild(badge(report.master));
  const count = (status: string) => report.checks.filter((c) => c.status === status).length;
  master.appendChild(element("span", undefined, ` Alla kontroller${buildLabel(built)}: ${report.master}`));
  const detail = [`${report.checks.length} kontroller`, `${count("OK")} OK`];
  if (count("FEL") > 0) detail.push(`${count("FEL")} FEL`);
  if (count("INFO") > 0) detail.push(`${count("INFO")} INFO (skillnader som ska synas, inte fel)`);
  if (count("?") > 0) detail.push(`${count("?")} kunde inte läsas`);
  master.appendChild(element("span", "master-detail", `${detail.join(", ")}.`));
  show(master, true);
  const list = byId("check-list");
  clear(list);
  const order = { FEL: 0, "?": 1, INFO: 2, OK: 3 } as const;
  const sorted = [...report.checks].sort((a, b) => order[a.status] - order[b.status]);
  for (const check of sorted) list.appendChild(checkItem(built, check));
}

async function check(): Promise<void> {
  const button = byId<HTMLButtonElement>("check");
  button.disabled = true;
  try {
    const built = await currentBuild();
    if (!built) {
      setStatus(NOT_BUILT, true);
      return;
    }
    renderChecks(built, await runChecks(built));
  } catch (error) {
    setStatus(errorText(error), true);
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------------
// Importera

/** The preview on show, and the build it was read from (the one its edits are written into). */
let preview: { result: ImportPreview; built: BuiltWorkbook } | undefined;

/** A change as the preview table shows it: "51 → 20", "ny: 4", "3 → tas bort". */
function changeText(c: ImportChange): string {
  if (c.change === "läggs till") return `ny: ${c.after ?? ""}`;
  if (c.change === "tas bort") return `${c.before ?? ""} → tas bort`;
  return `${c.before ?? ""} → ${c.after ?? ""}`;
}

function renderImport(parsed: ParsedImport, result: ImportPreview | undefined, source: string): void {
  show(byId("import-result"), true);
  const summary = byId("import-summary");
  const problems = byId("import-problems");
  const changes = byId<HTMLTableElement>("import-changes");
  const write = byId<HTMLButtonElement>("import-write");
  clear(problems);
  const body = changes.tBodies[0];
  clear(body);
  const list = result ? result.problems : parsed.problems;
  const ok = result?.ok === true && result.edits.length > 0;
  summary.className = `message message--${ok ? "ok" : list.length > 0 ? "error" : "info"}`;
  summary.textContent = result
    ? `${source}: ${result.summary}`
    : `${source}: ${list.length} fel. Inget skrivs in förrän alla rader är rätt.`;
  // A screenful, then a count: a file of 200 000 bad rows must not fill the pane with 200 000 items.
  for (const line of screenful(list.map(problemText))) problems.appendChild(element("li", undefined, line));
  for (const note of [...parsed.notes, ...(result?.notes ?? [])]) problems.appendChild(element("li", "note", note));
  // Removed and added rows first: they are what a user must not miss.
  const order = { "tas bort": 0, "läggs till": 1, ändras: 2 } as const;
  const sorted = [...(result?.changes ?? [])].sort((a, b) => order[a.change] - order[b.change]);
  const shown = sorted.slice(0, 25);
  for (const c of shown) {
    const row = element(
      "tr",
      `change change--${c.change === "ändras" ? "changed" : c.change === "läggs till" ? "added" : "removed"}`
    );
    row.appendChild(element("td", undefined, c.party));
    row.appendChild(element("td", undefined, c.column));
    row.appendChild(element("td", undefined, changeText(c)));
    body.appendChild(row);
  }
  byId("import-changes-caption").textContent =
    result && result.changes.length > shown.length
      ? `Ändringar (de första ${shown.length} av ${result.changes.length})`
      : "Ändringar";
  show(changes, shown.length > 0);
  write.disabled = !ok;
  byId("import-result").scrollIntoView({ block: "start" });
}

async function importFrom(input: string | ArrayBuffer, source: string): Promise<void> {
  preview = undefined;
  byId<HTMLButtonElement>("import-write").disabled = true;
  try {
    const built = await currentBuild();
    if (!built) {
      setStatus(NOT_BUILT, true);
      return;
    }
    const reference = await readTables(built, [TABLE.municipalities, TABLE.counties]);
    const parsed = parseImport(
      input,
      referenceFromTables(reference[TABLE.municipalities] ?? [], reference[TABLE.counties] ?? [])
    );
    if (!parsed.ok) {
      renderImport(parsed, undefined, source);
      return;
    }
    const current = await readTables(built, importTargetTables(parsed.kind));
    const result = previewImport(parsed, current);
    preview = { result, built };
    renderImport(parsed, result, `${source}${buildLabel(built)}`);
  } catch (error) {
    setStatus(errorText(error), true);
  }
}

async function writeImported(): Promise<void> {
  if (!preview?.result.ok) return;
  const { result, built } = preview;
  const button = byId<HTMLButtonElement>("import-write");
  const summary = byId("import-summary");
  button.disabled = true;
  try {
    const written = await writeImport(built, result.edits);
    const added = Object.values(written.added).reduce((a, b) => a + b, 0);
    const removed = Object.values(written.removed).reduce((a, b) => a + b, 0);
    const parts = [`${written.cells} ${written.cells === 1 ? "värde" : "värden"}`];
    if (added > 0) parts.push(`${added} nya ${added === 1 ? "rad" : "rader"}`);
    if (removed > 0) parts.push(`${removed} ${removed === 1 ? "rad" : "rader"} borttagna`);
    summary.className = "message message--ok";
    summary.textContent = `Skrev in ${parts.join(", ")}. Excel räknar om beloppen och kontrollerna.`;
    preview = undefined;
    renderChecks(built, await runChecks(built));
  } catch (error) {
    preview = undefined;
    if (error instanceof StaleImportError) {
      summary.className = "message message--error";
      summary.textContent = error.message;
    } else {
      setStatus(errorText(error), true);
    }
  }
}

function readFile(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

// ---------------------------------------------------------------------------------------------------
// Förklara

function renderExplanation(address: string, e: Explanation): void {
  const box = byId("explain");
  clear(box);
  if (e.kind === "none") {
    box.appendChild(element("p", "muted", `${address}: ${SELECT_AN_AMOUNT}.`));
    return;
  }
  box.appendChild(element("p", "explain-address", address));
  box.appendChild(element("h3", "explain-title", e.title));
  if (e.party) box.appendChild(element("p", "explain-party", `${e.party.code} ${e.party.name}`));
  box.appendChild(element("p", `explain-summary${e.kind === "problem" ? " message message--error" : ""}`, e.summary));
  if (e.qualification) {
    const q = element("p", "explain-qualification");
    const yes = e.qualification.qualifies;
    q.appendChild(element("span", `badge badge--${yes ? "ok" : "info"}`, yes ? "Ja" : "Nej"));
    q.appendChild(element("span", undefined, ` ${e.qualification.reason}`));
    box.appendChild(q);
  }
  if (e.whatWouldChange.length > 0) {
    box.appendChild(element("h4", "explain-subtitle", "Det här skulle ändra utfallet"));
    const list = element("ul", "plain-list");
    for (const c of e.whatWouldChange) list.appendChild(element("li", undefined, c));
    box.appendChild(list);
  }
  if (e.facts.length > 0) {
    box.appendChild(element("h4", "explain-subtitle", "Så räknas det"));
    const facts = element("dl", "facts");
    for (const f of e.facts) {
      const fact = element("div", "fact");
      fact.appendChild(element("dt", undefined, f.label));
      fact.appendChild(element("dd", undefined, f.value));
      facts.appendChild(fact);
    }
    box.appendChild(facts);
  }
  for (const note of e.notes) box.appendChild(element("p", "note", note));
}

let explaining = false;
let explainAgain = false;

/** Explains the selection; selections that arrive while one is explained are folded into one more run. */
async function explain(): Promise<void> {
  if (explaining) {
    explainAgain = true;
    return;
  }
  explaining = true;
  try {
    do {
      explainAgain = false;
      if (builds.length === 0) {
        clear(byId("explain"));
        byId("explain").appendChild(element("p", "muted", NOT_BUILT));
        return;
      }
      const { address, explanation } = await explainSelection(builds);
      renderExplanation(address, explanation);
    } while (explainAgain);
  } catch (error) {
    clear(byId("explain"));
    byId("explain").appendChild(element("p", "message message--error", errorText(error)));
  } finally {
    explaining = false;
  }
}

// ---------------------------------------------------------------------------------------------------
// Min andel

/** The parties to choose from, "0114 Upplands Väsby" and "08 Kalmar län", as the page's list has them. */
function fillShareParties(): void {
  const inputs = bundledInputs(2010);
  const list = byId("share-parties");
  clear(list);
  for (const p of [...inputs.municipalities, ...inputs.counties]) {
    const option = document.createElement("option");
    option.value = `${p.code} ${p.name}`;
    list.appendChild(option);
  }
}

async function showShare(): Promise<void> {
  const result = byId("share-result");
  const party = byId<HTMLInputElement>("share-party").value;
  try {
    const built = await currentBuild();
    if (!built) throw new Error(NOT_BUILT);
    const shown = await openShare(built, party);
    result.className = "message message--ok";
    result.textContent = `Bladet ${shown.sheet} visar ${party.trim()} (kod ${shown.code}). Valet sparas i arbetsboken.`;
  } catch (error) {
    result.className = "message message--error";
    result.textContent = error instanceof Error ? error.message : String(error);
  }
  show(result, true);
}

// ---------------------------------------------------------------------------------------------------
// Start

function setUpActions(): void {
  setUpTabs();
  byId("build").addEventListener("click", () => void build("report"));
  byId("conflict-suffix").addEventListener("click", () => void build("suffix"));
  byId("conflict-cancel").addEventListener("click", cancelConflict);
  byId("conflict").addEventListener("keydown", (event) => {
    if (event.key === "Escape") cancelConflict();
  });
  byId("check").addEventListener("click", () => void check());
  byId("import-preview").addEventListener("click", () => {
    const text = byId<HTMLTextAreaElement>("import-text").value;
    void importFrom(text, "Inklistrat");
  });
  byId<HTMLInputElement>("import-file").addEventListener("change", (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    byId("import-file-name").textContent = `Vald fil: ${file.name}`;
    // A file too large to import is told by its size, before the pane reads it into memory.
    const tooLarge = sizeProblem(file.size);
    if (tooLarge) {
      renderImport({ ok: false, dataRows: 0, notes: [], problems: [{ message: tooLarge }] }, undefined, file.name);
      input.value = "";
      return;
    }
    readFile(file)
      .then((bytes) => importFrom(bytes, file.name))
      .catch((error) => setStatus(errorText(error), true))
      // Choosing the same file again (after fixing it) must read it again: the input only reports a change.
      .finally(() => (input.value = ""));
  });
  byId("import-write").addEventListener("click", () => void writeImported());
  byId("share-open").addEventListener("click", () => void showShare());
  fillShareParties();
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
    const remembered = await rememberedShare();
    if (remembered) byId<HTMLInputElement>("share-party").value = remembered;
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
