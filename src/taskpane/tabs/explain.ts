/**
 * Förklara: explains the selected cell as the selection moves (`explain/` re-runs the rule on the workbook's
 * current values), and Min andel opens the party page `Andel` on a municipality or county council.
 */
/* global document */
import { bundledInputs } from "../bundledInputs";
import { byId, clear, element, show } from "../dom";
import { Explanation, SELECT_AN_AMOUNT } from "../explain";
import { builds, currentBuild, errorText, NOT_BUILT } from "../pane";
import { openShare, rememberedShare } from "../share";
import { explainSelection } from "../workbookTables";

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
export async function explain(): Promise<void> {
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

/** Wires Min andel and fills its list of parties. */
export function setUpExplainTab(): void {
  byId("share-open").addEventListener("click", () => void showShare());
  fillShareParties();
}

/** The party the workbook remembers for Min andel, shown in its field. */
export async function restoreShare(): Promise<void> {
  const remembered = await rememberedShare();
  if (remembered) byId<HTMLInputElement>("share-party").value = remembered;
}
