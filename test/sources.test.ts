/*
 * Sources a reviewer can check: every text of the workbook, the pane, the help pages and the README that stands
 * in quotation marks and names a source must be that source's own words, found in its transcript
 * (../shared/seeds/, matched by the number prefix in SOURCES); and no text names a source by its file number.
 * Where the transcripts are absent the quotation check says that it skipped.
 */
import * as fs from "fs";
import * as path from "path";
import { loadBundledInputs } from "../src/cli/readData";
import { HELP } from "../src/functions/helpContent";
import { explainCell, explanationLines } from "../src/taskpane/explain";
import { columnNote } from "../src/taskpane/explain/columns";
import { buildPlan } from "../src/workbook/buildPlan";
import { isFormula, WorkbookPlan } from "../src/workbook/plan";
import { planParameters, planTables } from "./taskpane/import/planTables";
import { FILE_NUMBER, misquotations, Misquotation, readTranscripts } from "./support/quotations";

const ROOT = path.resolve(__dirname, "..");
const SEEDS = path.resolve(ROOT, "..", "shared", "seeds");

/** A text and where it stands, for the failure message. */
interface Text {
  readonly where: string;
  readonly text: string;
}

/** Every string cell, formula result text, table header, validation text and check label of a plan. */
function workbookTexts(plan: WorkbookPlan, layout: string): Text[] {
  const out: Text[] = [];
  const add = (where: string, value: unknown) => {
    if (typeof value === "string" && value.trim() !== "") out.push({ where: `${layout} ${where}`, text: value });
  };
  for (const sheet of plan.sheets) {
    for (const cell of sheet.cells) {
      add(
        `${sheet.name}!${cell.at.column},${cell.at.row}`,
        isFormula(cell.content) ? cell.content.result : cell.content
      );
    }
    for (const table of sheet.tables) {
      for (const column of table.columns) {
        add(`${table.name}[${column.header}]`, column.header);
        column.cells.forEach((c, r) =>
          add(`${table.name}[${column.header}] rad ${r + 1}`, isFormula(c) ? c.result : c)
        );
      }
    }
    for (const v of sheet.validations) {
      add(`${sheet.name} validering`, v.prompt);
      add(`${sheet.name} validering`, v.error);
      for (const item of v.list ?? []) add(`${sheet.name} lista`, item);
    }
  }
  for (const check of plan.checks) add(`kontroll ${check.id}`, check.label);
  return out;
}

/** The parameter notes of every year (Parametrar, column D). */
function parameterNotes(): Text[] {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, "data", "parameters.json"), "utf8")) as {
    years: { year: number; notes: Record<string, string> }[];
  };
  return file.years.flatMap((y) =>
    Object.entries(y.notes).map(([key, text]) => ({ where: `parameters.json ${y.year} ${key}`, text }))
  );
}

/** What Förklara says for every column of every table of the plan, row 0, and every column's note. */
function explainTexts(plan: WorkbookPlan): Text[] {
  const tables = planTables(plan);
  const parameters = planParameters(plan);
  const out: Text[] = [];
  for (const [table, values] of Object.entries(tables)) {
    for (const header of values[0] as string[]) {
      const note = columnNote(table, header);
      if (note) out.push({ where: `kolumnanteckning ${table}[${header}]`, text: note });
      const e = explainCell({ table, column: header, row: 0, values, parameters, tables });
      for (const line of explanationLines(e)) out.push({ where: `Förklara ${table}[${header}]`, text: line });
    }
  }
  return out;
}

/** The pane's page: its text nodes and its titles, labels and placeholders. */
function paneTexts(): Text[] {
  const html = fs
    .readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8")
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/g, " ");
  const attributes = [...html.matchAll(/\b(?:title|aria-label|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]);
  const nodes = html.split(/<[^>]*>/);
  return [...nodes, ...attributes].map((text) => ({ where: "taskpane.html", text: text.replace(/\s+/g, " ") }));
}

/** Every string of the help pages' content (both languages). */
function helpTexts(): Text[] {
  const out: Text[] = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value === "string") out.push({ where, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, `${where}.${k}`);
  };
  walk(HELP, "help");
  return out;
}

/** The README by paragraph, list item and table row (fenced code left out). */
function readmeTexts(): Text[] {
  const lines = fs
    .readFileSync(path.join(ROOT, "README.md"), "utf8")
    .replace(/```[\s\S]*?```/g, "")
    .split("\n");
  const out: Text[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) out.push({ where: "README.md", text: current.join(" ") });
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === "" || /^\s*(#|\||- |\d+\. )/.test(line)) flush();
    if (line.trim() !== "") current.push(line.trim());
    if (/^\s*(#|\|)/.test(line)) flush();
  }
  flush();
  return out;
}

const inputs = loadBundledInputs(2010);
const filePlan = buildPlan(inputs, "file").plan;
const addinPlan = buildPlan(inputs, "addin").plan;
const texts: readonly Text[] = [
  ...workbookTexts(filePlan, "fil"),
  ...workbookTexts(addinPlan, "tillägg"),
  ...parameterNotes(),
  ...explainTexts(addinPlan),
  ...explainTexts(filePlan),
  ...paneTexts(),
  ...helpTexts(),
  ...readmeTexts(),
];

const show = (m: Misquotation & { where: string }) => `${m.where}: "${m.quote}" finns inte i ${m.sources.join(", ")}`;

describe("quotations of the sources", () => {
  const transcripts = readTranscripts(SEEDS);
  if (!transcripts) {
    console.warn(`SKIPPED: the quotation check needs the source transcripts in ${SEEDS}`);
    it(`skips the quotation check: the transcripts are not in ${SEEDS}`, () => {
      expect(readTranscripts(SEEDS)).toBeUndefined();
    });
    return;
  }

  it("finds a wrong quotation, and passes the source's own words and a quoted title", () => {
    expect(misquotations('Cirkulär 10:11 säger "ca 0,6 mnkr per län".', transcripts).map((m) => m.quote)).toEqual([
      "ca 0,6 mnkr per län",
    ]);
    // The circular's words, but credited to a presentation that writes "Senior Alert".
    expect(
      misquotations(
        'Presentationen "Att bygga infrastruktur för socialtjänsten", bild 14: "påbörjat registrering i Senior alert".',
        transcripts
      ).map((m) => m.quote)
    ).toEqual(["påbörjat registrering i Senior alert"]);
    expect(
      misquotations(
        'Cirkulär 10:11, Mål 2: "påbörjat registrering i Senior alert"; ”Prestationsbaserade statsbidrag till insatser för äldre”.',
        transcripts
      )
    ).toEqual([]);
    // Whitespace runs count as one: the circular's title runs over two lines in its header.
    expect(
      misquotations('Cirkulär 10:11: "Överenskommelser mellan staten och Sveriges  Kommuner"', transcripts)
    ).toEqual([]);
    // A text that names no source is not a quotation of one.
    expect(misquotations('Kolumnen "Slutligt bidrag (kr)"', transcripts)).toEqual([]);
  });

  it("has every quotation of the workbook, the pane, the help pages and the README word for word in its source", () => {
    expect(texts.length).toBeGreaterThan(1000);
    const wrong = texts.flatMap((t) => misquotations(t.text, transcripts).map((m) => ({ ...m, where: t.where })));
    expect([...new Set(wrong.map(show))]).toEqual([]);
  });
});

describe("sources named by their titles", () => {
  it("names no source by its transcript's file number in the workbook, the pane, the help pages or the README", () => {
    const numbered = texts.filter((t) => FILE_NUMBER.test(t.text)).map((t) => `${t.where}: ${t.text}`);
    expect([...new Set(numbered)]).toEqual([]);
  });

  it("has no file number of a source anywhere in the repository's code, data, tests and docs", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|js|mjs|json|md|csv|html|txt)$/.test(entry.name)) files.push(full);
      }
    };
    for (const dir of ["src", "scripts", "data", "test", "bench", "docs"]) walk(path.join(ROOT, dir));
    files.push(path.join(ROOT, "README.md"));
    const numbered = files.flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => FILE_NUMBER.test(line))
        .map(({ line, i }) => `${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`)
    );
    expect(numbered).toEqual([]);
  });
});
