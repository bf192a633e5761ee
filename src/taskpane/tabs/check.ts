/**
 * Kontrollera: the checks on Avstämning as the open workbook computes them (`checks.ts`), failing ones first,
 * each with a link per sheet that selects the cells that fail it.
 */
import { CheckReport, CheckResult, MAX_SELECTED_AREAS, runChecks, selectCheckCells, targetsBySheet } from "../checks";
import { byId, clear, element, show } from "../dom";
import { buildLabel, currentBuild, errorText, NOT_BUILT, setStatus } from "../pane";
import { BuiltWorkbook } from "../writePlan";

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

export function renderChecks(built: BuiltWorkbook, report: CheckReport): void {
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

/** Wires the tab's button. */
export function setUpCheckTab(): void {
  byId("check").addEventListener("click", () => void check());
}
