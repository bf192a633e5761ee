/**
 * Importera: reads a pasted range or a file, previews what it changes in the build whose sheet is active
 * (`import/`), and writes it (`workbookTables.ts`); nothing is written unless the whole import is valid.
 */
/* global FileReader */
import { screenful, sizeProblem } from "../../input";
import { runChecks } from "../checks";
import { byId, clear, element, show } from "../dom";
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
} from "../import";
import { buildLabel, currentBuild, errorText, NOT_BUILT, setStatus } from "../pane";
import {
  ImportInterruptedError,
  ImportTooLargeError,
  readTables,
  StaleImportError,
  writeImport,
} from "../workbookTables";
import { BuiltWorkbook } from "../writePlan";
import { renderChecks } from "./check";

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

/**
 * The import's progress bar: shown while the pane reads or writes a large import in parts, moving per round
 * trip to Excel; `fraction` undefined hides it.
 */
function importProgress(label: string): (fraction: number | undefined) => void {
  const box = byId("import-progress");
  const bar = byId<HTMLProgressElement>("import-progress-bar");
  byId("import-progress-label").textContent = label;
  return (fraction) => {
    show(box, fraction !== undefined && fraction < 1);
    const percent = Math.round((fraction ?? 0) * 100);
    bar.value = percent;
    bar.setAttribute("aria-valuetext", `${percent} %`);
  };
}

async function importFrom(input: string | ArrayBuffer, source: string): Promise<void> {
  preview = undefined;
  byId<HTMLButtonElement>("import-write").disabled = true;
  const progress = importProgress("Läser arbetsbokens tabeller …");
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
    const current = await readTables(built, importTargetTables(parsed.kind), { onProgress: progress });
    const result = previewImport(parsed, current);
    preview = { result, built };
    renderImport(parsed, result, `${source}${buildLabel(built)}`);
  } catch (error) {
    setStatus(errorText(error), true);
  } finally {
    progress(undefined);
  }
}

async function writeImported(): Promise<void> {
  if (!preview?.result.ok) return;
  const { result, built } = preview;
  const button = byId<HTMLButtonElement>("import-write");
  const summary = byId("import-summary");
  button.disabled = true;
  const progress = importProgress("Skriver in …");
  progress(0);
  try {
    const written = await writeImport(built, result.edits, { onProgress: progress });
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
    if (
      error instanceof StaleImportError ||
      error instanceof ImportTooLargeError ||
      error instanceof ImportInterruptedError
    ) {
      summary.className = "message message--error";
      summary.textContent = error.message;
    } else {
      setStatus(errorText(error), true);
    }
  } finally {
    progress(undefined);
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

/** Wires the paste box, the file picker and Skriv in. */
export function setUpImportTab(): void {
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
}
