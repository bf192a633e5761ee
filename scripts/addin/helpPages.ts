/*
 * The help pages served with the add-in (help/ in the package): a start page, one page per custom function
 * in Swedish (help/<function>.html) and in English (help/en/<function>.html), and the deployment guide in
 * Swedish (help/driftsattning.html). Each function page is generated from the metadata Excel gets (description,
 * parameter names and texts: functions-sv.json / functions.json) and from src/functions/helpContent.ts; every
 * example result and error message is computed here by calling the function itself.
 */
import type { ICustomFunctionsMetadata, IFunction } from "custom-functions-metadata";
import { countyGrant, dischargeSettlement, palliativeShare, seniorAlertPayout } from "../../src/functions/functions";
import {
  ErrorCase,
  Example,
  ExampleArgument,
  ExampleColumn,
  ExampleValue,
  HELP,
  Language,
  ROWS_NOTE,
} from "../../src/functions/helpContent";
import { FUNCTION_IDS, FunctionId } from "../../src/functions/swedish";
import { HELP_POLICY } from "./contentSecurity";
import { DEPLOYMENT_GUIDE } from "./deploymentGuide";
import { helpPath, helpSlug } from "./metadata";

/** The exported function behind each id, called with arguments shaped as Excel passes them. */
const IMPLEMENTATION: Readonly<Record<FunctionId, (...args: any[]) => unknown>> = {
  PALLIATIVE_SHARE: palliativeShare,
  SENIOR_ALERT_PAYOUT: seniorAlertPayout,
  COUNTY_GRANT: countyGrant,
  DISCHARGE_SETTLEMENT: dischargeSettlement,
};

/** The pane's four actions, as the start page lists them. */
const PANE_ACTIONS: readonly { name: Record<Language, string>; text: Record<Language, string> }[] = [
  {
    name: { sv: "Bygg arbetsbok", en: "Bygg arbetsbok (build the workbook)" },
    text: {
      sv: "Lägger till fördelningsarbetsbokens blad i den öppna arbetsboken: parametrar, tabeller, SKL-funktionerna bredvid vanliga formler, kontroller och diagram. Inget skrivs över; finns bladen redan kan du bygga bredvid under nya namn.",
      en: "Adds the allocation workbook's sheets to the open workbook: parameters, tables, the SKL functions beside standard formulas, checks and charts. Nothing is overwritten; when the sheets exist you may build beside them under new names.",
    },
  },
  {
    name: { sv: "Importera", en: "Importera (import)" },
    text: {
      sv: "Läser registerdata (palliativregistret, Senior alert, utskrivningsklara dagar) från en inklistrad tabell eller en CSV-fil, kontrollerar varje rad och visar vad som ändras innan något skrivs in.",
      en: "Reads registry data (palliative registry, Senior alert, discharge-ready days) from a pasted table or a CSV file, checks every row and shows what changes before anything is written.",
    },
  },
  {
    name: { sv: "Förklara", en: "Förklara (explain)" },
    text: {
      sv: "Förklarar det markerade beloppet: partens indata, regeln steg för steg och vad som skulle ändra utfallet.",
      en: "Explains the selected amount: the party's inputs, the rule step by step and what would change the outcome.",
    },
  },
  {
    name: { sv: "Kontrollera", en: "Kontrollera (check)" },
    text: {
      sv: "Läser kontrollerna på bladet Avstämning och markerar cellerna som inte stämmer.",
      en: "Reads the checks on the Avstämning sheet and selects the cells that fail them.",
    },
  },
];

const UI: Readonly<Record<Language, Record<string, string>>> = {
  sv: {
    site: "SKL Äldrestöd: hjälp",
    other: "English",
    otherLang: "en",
    computes: "Vad funktionen räknar ut",
    syntax: "Syntax",
    arguments: "Argument",
    argument: "Argument",
    description: "Beskrivning",
    optional: "valfritt",
    example: "Exempel",
    sheet: "Bladet",
    formula: "Formel",
    result: "Resultat",
    onePartyTitle: "En part",
    oneParty:
      "Så skriver en kommun eller ett landsting formeln i sin egen arbetsbok: den egna koden som första argument, tabellens kolumner som de andra. Formeln ger partens belopp.",
    wholeTableTitle: "Hela tabellen",
    wholeTable:
      "Med hela kodkolumnen som första argument ger ett enda anrop allas belopp, en rad per part, och Excel spiller ut dem i cellerna nedanför formeln. Så räknar arbetsboken som åtgärdsfönstret bygger: ett anrop per pott, bredvid tabellen (Excel spiller inte inne i en tabell), med skillnaden mot den vanliga formeln intill. Excel lämnar då funktionen varje kolumn en gång per omräkning; en formel på varje rad lämnar hela kolumnerna en gång per rad.",
    spilled: "Hela kodkolumnen som första argument",
    errors: "Fel",
    errorExample: "Exempel",
    gives: "ger",
    withCells: "med",
    sources: "Regelns källa",
    functions: "Funktionerna i Excel",
    functionsIntro:
      "Funktionerna heter likadant i alla språkversioner av Excel, så formler fungerar i delade filer. Argument skiljs åt med semikolon i svenska Excel.",
    pane: "Åtgärdsfönstret",
    paneIntro: "Knappen Äldrestöd på fliken Start öppnar åtgärdsfönstret med fyra flikar:",
    deployment: "Driftsättning",
    deploymentText: "Så lägger IT upp tillägget på en webbserver och delar ut det till användarna:",
    deploymentLink: "Driftsätta SKL Äldrestöd",
    back: "Alla funktioner",
  },
  en: {
    site: "SKL Äldrestöd: help",
    other: "Svenska",
    otherLang: "sv",
    computes: "What it computes",
    syntax: "Syntax",
    arguments: "Arguments",
    argument: "Argument",
    description: "Description",
    optional: "optional",
    example: "Example",
    sheet: "The sheet",
    formula: "Formula",
    result: "Result",
    onePartyTitle: "One party",
    oneParty:
      "As a municipality or county council writes the formula in its own workbook: its own code as the first argument, the table's columns as the others. The formula gives the party's amount.",
    wholeTableTitle: "The whole table",
    wholeTable:
      "With the whole code column as its first argument, one call gives everyone's amounts, one row per party, and Excel spills them into the cells below the formula. This is how the workbook the task pane builds computes: one call per pot, beside the table (Excel does not spill inside a table), with its difference against the plain formula next to it. Excel then hands the function each column once per recalculation; a formula in every row hands over the whole columns once per row.",
    spilled: "The whole code column as the first argument",
    errors: "Errors",
    errorExample: "Example",
    gives: "gives",
    withCells: "with",
    sources: "The rule's source",
    functions: "The functions in Excel",
    functionsIntro:
      "The functions have the same names in every language of Excel, so formulas work in shared files. English Excel separates arguments with commas.",
    pane: "The task pane",
    paneIntro: "The Äldrestöd button on the Home tab opens the task pane with four tabs:",
    deployment: "Deployment",
    deploymentText: "How IT hosts the add-in on a web server and deploys it to users (in Swedish):",
    deploymentLink: "Driftsätta SKL Äldrestöd",
    back: "All functions",
  },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A number as the language writes it: 4 000 000 and 0,4 in Swedish, 4,000,000 and 0.4 in English. */
export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(language === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 10 })
    .format(n)
    .replace(/\u2212/g, "−");
}

function formatValue(v: ExampleValue, language: Language, inFormula = false): string {
  if (typeof v === "boolean") return language === "sv" ? (v ? "SANT" : "FALSKT") : v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    // In a formula a number is typed without thousands separators.
    return inFormula ? String(v).replace(".", language === "sv" ? "," : ".") : formatNumber(v, language);
  }
  return inFormula ? `"${v}"` : v;
}

const columnLetter = (i: number) => String.fromCharCode(65 + i);

function rangeOf(columns: readonly ExampleColumn[], column: number): string {
  const letter = columnLetter(column);
  return `${letter}2:${letter}${columns[column].values.length + 1}`;
}

/** The formula as typed in Excel of that language: `=SKL.X("0117"; A2:A4; 0,4)` or `=SKL.X("0117", A2:A4, 0.4)`. */
export function formulaText(
  id: string,
  columns: readonly ExampleColumn[],
  args: readonly ExampleArgument[],
  language: Language
): string {
  const parts = args.map((a) => ("column" in a ? rangeOf(columns, a.column) : formatValue(a.value, language, true)));
  return `=SKL.${id}(${parts.join(language === "sv" ? "; " : ", ")})`;
}

/** What Excel would pass: a range as rows of one cell each, a typed value as it is. */
function excelArguments(columns: readonly ExampleColumn[], args: readonly ExampleArgument[]): unknown[] {
  return args.map((a) => ("column" in a ? columns[a.column].values.map((v) => [v]) : a.value));
}

/** The function's answer, or the Excel error it throws (code and message). */
export function run(
  id: FunctionId,
  columns: readonly ExampleColumn[],
  args: readonly ExampleArgument[]
): { value: unknown } | { code: string; message: string } {
  try {
    return { value: IMPLEMENTATION[id](...excelArguments(columns, args)) };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code !== "#VALUE!" && code !== "#N/A") throw error;
    return { code, message: message ?? "" };
  }
}

function answerText(answer: ReturnType<typeof run>, language: Language): string {
  if ("code" in answer) return `${answer.code} (${answer.message})`;
  if (typeof answer.value !== "number") throw new Error(`Expected a number, got ${JSON.stringify(answer.value)}`);
  return `${formatNumber(answer.value, language)} kr`;
}

function sheetTable(columns: readonly ExampleColumn[], language: Language, caption: string): string {
  const rows = Math.max(...columns.map((c) => c.values.length));
  const head = columns.map((c, i) => `<th scope="col">${columnLetter(i)}</th>`).join("");
  const headers = columns.map((c) => `<td class="header">${escapeHtml(c.header[language])}</td>`).join("");
  const body = Array.from({ length: rows }, (_, r) => {
    const cells = columns
      .map((c) => {
        const v = c.values[r];
        const cls = typeof v === "number" ? ' class="number"' : "";
        return `<td${cls}>${v === undefined ? "" : escapeHtml(formatValue(v, language))}</td>`;
      })
      .join("");
    return `<tr><th scope="row">${r + 2}</th>${cells}</tr>`;
  }).join("\n");
  return `<table class="sheet"><caption>${escapeHtml(caption)}</caption>
<thead><tr><td></td>${head}</tr></thead>
<tbody><tr><th scope="row">1</th>${headers}</tr>
${body}</tbody></table>`;
}

function exampleSection(id: FunctionId, example: Example, language: Language): string {
  const ui = UI[language];
  const answer = run(id, example.columns, example.args);
  if ("code" in answer) throw new Error(`${id}: the help example gives ${answer.code}: ${answer.message}`);
  const formula = formulaText(id, example.columns, example.args, language);
  let html = `<h2>${ui.example}</h2>
<p>${escapeHtml(example.text[language]).replace("{result}", `<strong>${escapeHtml(answerText(answer, language))}</strong>`)}</p>
${sheetTable(example.columns, language, ui.sheet)}`;
  if (!example.spilled) {
    return `${html}
<p class="formula"><code>${escapeHtml(formula)}</code> → <strong>${escapeHtml(answerText(answer, language))}</strong></p>`;
  }
  // The two forms of a party function: one party's call, and one call for the whole table, spilled.
  const args = [{ column: 0 }, ...example.args.slice(1)];
  const all = run(id, example.columns, args);
  if ("code" in all || !Array.isArray(all.value)) throw new Error(`${id}: the spilled example gives no column`);
  const amounts = (all.value as unknown[][]).map((row) => formatNumber(row[0] as number, language));
  const labels = example.columns[0].values;
  html += `
<h3>${ui.onePartyTitle}</h3>
<p>${escapeHtml(ui.oneParty)}</p>
<p class="formula"><code>${escapeHtml(formula)}</code> → <strong>${escapeHtml(answerText(answer, language))}</strong></p>
<h3>${ui.wholeTableTitle}</h3>
<p>${escapeHtml(ui.wholeTable)}</p>
<p>${ui.spilled}: <code>${escapeHtml(formulaText(id, example.columns, args, language))}</code> →</p>
<ul class="amounts">${amounts.map((a, i) => `<li>${escapeHtml(String(labels[i]))}: ${escapeHtml(a)} kr</li>`).join("")}</ul>`;
  return html;
}

/** The cells an error case changes, as "B3 = 11". */
function changedCells(example: Example, error: ErrorCase, language: Language): string[] {
  const out: string[] = [];
  error.columns.forEach((c, i) =>
    c.values.forEach((v, r) => {
      if (example.columns[i]?.values[r] !== v) out.push(`${columnLetter(i)}${r + 2} = ${formatValue(v, language)}`);
    })
  );
  return out;
}

function errorsSection(id: FunctionId, language: Language): string {
  const ui = UI[language];
  const help = HELP[id];
  const items = help.errors.map((e) => {
    const answer = run(id, e.columns, e.args);
    if (!("code" in answer) || answer.code !== e.code) {
      throw new Error(`${id}: the help's ${e.code} example does not give ${e.code}: ${JSON.stringify(answer)}`);
    }
    const cells = changedCells(help.example, e, language);
    const formula = formulaText(id, e.columns, e.args, language);
    return `<dt><code>${e.code}</code></dt>
<dd><p>${escapeHtml(e.why[language])}</p>
<p>${ui.errorExample}: <code>${escapeHtml(formula)}</code>${cells.length > 0 ? ` ${ui.withCells} ${escapeHtml(cells.join(", "))}` : ""} ${ui.gives} <code>${answer.code}</code>: <q>${escapeHtml(answer.message)}</q></p></dd>`;
  });
  return `<h2>${ui.errors}</h2>
<dl class="errors">${items.join("\n")}</dl>
<p class="note">${escapeHtml(ROWS_NOTE[language])}</p>`;
}

function page(language: Language, title: string, body: string, other: string | undefined, depth: number): string {
  const ui = UI[language];
  const up = "../".repeat(depth);
  const otherLink = other
    ? ` · <a href="${other}" hreflang="${ui.otherLang}" lang="${ui.otherLang}">${ui.other}</a>`
    : "";
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="${HELP_POLICY}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${up}help.css" />
</head>
<body>
<header><p class="site"><a href="index.html">${ui.site}</a>${otherLink}</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

function functionPage(fn: IFunction, language: Language): string {
  const ui = UI[language];
  const id = fn.id as FunctionId;
  const help = HELP[id];
  const separator = language === "sv" ? "; " : ", ";
  const syntax = `=SKL.${fn.name}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(separator)})`;
  const params = fn.parameters
    .map(
      (p) =>
        `<tr><th scope="row"><code>${escapeHtml(p.name)}</code>${p.optional ? ` <span class="optional">(${ui.optional})</span>` : ""}</th><td>${escapeHtml(p.description ?? "")}</td></tr>`
    )
    .join("\n");
  const body = `<h1><code>SKL.${escapeHtml(fn.name)}</code></h1>
<p class="lead">${escapeHtml(help.title[language])}</p>
<h2>${ui.computes}</h2>
<p>${escapeHtml(fn.description ?? "")}</p>
${help.computes.map((t) => `<p>${escapeHtml(t[language])}</p>`).join("\n")}
<h2>${ui.syntax}</h2>
<p class="formula"><code>${escapeHtml(syntax)}</code></p>
<h2>${ui.arguments}</h2>
<table class="parameters"><thead><tr><th scope="col">${ui.argument}</th><th scope="col">${ui.description}</th></tr></thead>
<tbody>
${params}
</tbody></table>
${exampleSection(id, help.example, language)}
${errorsSection(id, language)}
<h2>${ui.sources}</h2>
<ul>${help.sources.map((s) => `<li>${escapeHtml(s[language])}</li>`).join("")}</ul>
<p><a href="index.html">${ui.back}</a></p>`;
  const other = language === "sv" ? `en/${helpSlug(id)}.html` : `../${helpSlug(id)}.html`;
  return page(language, `SKL.${fn.name} – ${ui.site}`, body, other, language === "sv" ? 0 : 1);
}

function startPage(metadata: ICustomFunctionsMetadata, language: Language): string {
  const ui = UI[language];
  const functions = metadata.functions
    .map(
      (fn) =>
        `<li><a href="${helpSlug(fn.id)}.html"><code>SKL.${escapeHtml(fn.name)}</code></a>: ${escapeHtml(HELP[fn.id as FunctionId].title[language])}</li>`
    )
    .join("\n");
  const actions = PANE_ACTIONS.map(
    (a) => `<li><strong>${escapeHtml(a.name[language])}</strong>: ${escapeHtml(a.text[language])}</li>`
  ).join("\n");
  const deployment = language === "sv" ? "driftsattning.html" : "../driftsattning.html";
  const body = `<h1>SKL Äldrestöd</h1>
<p class="lead">${
    language === "sv"
      ? "Tillägget för statsbidragen 2010 till vård och omsorg om de mest sjuka äldre: Excel-funktioner, ett åtgärdsfönster och fördelningsarbetsboken, exakt i hela kronor."
      : "The add-in for the 2010 state grants for the care of the most ill elderly: Excel functions, a task pane and the allocation workbook, exact to the krona."
  }</p>
<h2>${ui.functions}</h2>
<p>${escapeHtml(ui.functionsIntro)}</p>
<ul class="functions">
${functions}
</ul>
<h2>${ui.pane}</h2>
<p>${escapeHtml(ui.paneIntro)}</p>
<ul>
${actions}
</ul>
<h2>${ui.deployment}</h2>
<p>${escapeHtml(ui.deploymentText)} <a href="${deployment}" hreflang="sv" lang="sv">${ui.deploymentLink}</a></p>`;
  return page(
    language,
    ui.site,
    body,
    language === "sv" ? "en/index.html" : "../index.html",
    language === "sv" ? 0 : 1
  );
}

const STYLESHEET = `/* The help pages: plain, readable, and visible in Windows high contrast (forced colours). */
body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; margin: 0; }
header, main { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 1px solid #c8c8c8; }
.site { margin: 0.75rem 0; }
a { color: #0b5394; }
a:focus-visible { outline: 3px solid #0b5394; outline-offset: 2px; }
h1 { font-size: 1.6rem; margin: 1.25rem 0 0.25rem; }
h2 { font-size: 1.2rem; margin-top: 1.75rem; border-bottom: 1px solid #e1e1e1; }
.lead { font-size: 1.1rem; color: #3b3b3b; }
code { font-family: Consolas, "SFMono-Regular", monospace; background: #f3f3f3; padding: 0 0.2em; }
.formula code { overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 0.75rem 0; }
th, td { border: 1px solid #c8c8c8; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: 600; }
.sheet thead td, .sheet thead th, .sheet tbody th { background: #f3f3f3; text-align: center; font-weight: normal; color: #3b3b3b; }
.sheet .header { font-weight: 600; }
.sheet .number { text-align: right; }
.optional { font-weight: normal; color: #595959; }
.errors dt { font-weight: 600; margin-top: 0.75rem; }
.note { color: #595959; }
pre { background: #f3f3f3; padding: 0.5rem; overflow-x: auto; }
@media (forced-colors: active) {
  code, .sheet thead td, .sheet thead th, .sheet tbody th, pre { background: Canvas; color: CanvasText; }
  th, td, h2, header { border-color: CanvasText; }
  a:focus-visible { outline-color: Highlight; }
}
`;

/** Every help file, by its path in the package (help/…). */
export function helpPages(english: ICustomFunctionsMetadata, swedish: ICustomFunctionsMetadata): Map<string, string> {
  const pages = new Map<string, string>();
  for (const [metadata, language] of [
    [swedish, "sv"],
    [english, "en"],
  ] as const) {
    const ids = metadata.functions.map((f) => f.id).sort();
    if (JSON.stringify(ids) !== JSON.stringify([...FUNCTION_IDS].sort())) {
      throw new Error(`The help covers ${FUNCTION_IDS.join(", ")}; the metadata has ${ids.join(", ")}`);
    }
    for (const fn of metadata.functions) pages.set(helpPath(fn.id, language), functionPage(fn, language));
    pages.set(language === "sv" ? "help/index.html" : "help/en/index.html", startPage(metadata, language));
  }
  pages.set("help/driftsattning.html", page("sv", "Driftsätta SKL Äldrestöd", DEPLOYMENT_GUIDE, undefined, 0));
  pages.set("help/help.css", STYLESHEET);
  return pages;
}
