/**
 * Bygg: writes the workbook plan of the chosen year into the open workbook (`writePlan.ts`), with the progress
 * bar moving per round trip, the conflict dialog when planned sheets, tables or names exist, and the checks'
 * state once built.
 */
import { byId, show } from "../dom";
import { conflictMessage } from "../conflict";
import { runChecks } from "../checks";
import { builds, errorText, planFor } from "../pane";
import { BuildFailedError, buildWorkbook, Conflict } from "../writePlan";
import { renderChecks } from "./check";

export function setProgress(fraction: number, label?: string): void {
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

/** Wires the tab's buttons and the conflict dialog. */
export function setUpBuildTab(): void {
  byId("build").addEventListener("click", () => void build("report"));
  byId("conflict-suffix").addEventListener("click", () => void build("suffix"));
  byId("conflict-cancel").addEventListener("click", cancelConflict);
  byId("conflict").addEventListener("keydown", (event) => {
    if (event.key === "Escape") cancelConflict();
  });
}
