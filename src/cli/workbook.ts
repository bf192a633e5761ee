/*
 * `npm run workbook -- --out FILE.xlsx [--year 2010] [--data DIR] [--payments FILE.csv] [--force]`
 * Builds the allocation workbook from the bundled data (or a directory of CSV files), checks every input
 * row first, and writes the file (with --payments, both files) all or nothing and flushed to disk
 * (src/cli/files.ts): never a half-written file, never over an existing one without --force.
 */
import fs from "node:fs";
import path from "node:path";
import { RuleError } from "../engine/errors";
import { cut } from "../input";
import { buildPlan, PlanMode } from "../workbook/buildPlan";
import { WorkbookInputs } from "../workbook/inputs";
import { paymentRows, PaymentRow } from "../workbook/payments";
import { paymentsCsv, PaymentsRefused, rowsToPay } from "../workbook/paymentsCsv";
import { readOptions, UsageError } from "./args";
import { FileToWrite, pathProblem, throughLink, writeAll, WriteError } from "./files";
import { bundledYears, DataError, loadBundledInputs, readDataDirectory } from "./readData";
import { onInterrupt, tolerateClosedPipes } from "./terminal";
import { planToXlsx } from "./xlsxWriter";

/** "2010, 2011 eller 2012". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} eller ${items[items.length - 1]}`;
}

function usage(): string {
  const years = bundledYears().map(String);
  return `Användning: npm run workbook -- --out FIL.xlsx [--year ${years.join("|") || "ÅR"}] [--data KATALOG] [--payments FIL.csv] [--force]

  --out       filen som skrivs (.xlsx)
  --year      parametrarnas år: ${orList(years)} (data/parameters.json, eller en parameters.json i --data); standard ${years[0] ?? 2010}
  --data      katalog med egna CSV-filer (samma namn och kolumner som data/demo); standard: de syntetiska demodata
  --payments  skriv även utbetalningslistan som CSV (semikolon, UTF-8 med BOM, hela kronor), när alla kontroller är OK
              och varje mottagare av ett belopp har organisationsnummer och konto (mottagare.csv i --data)
  --force     skriv över befintliga filer
  --help      visa den här texten

Slutkod: 0 filen skrevs och Avstämning är OK; 1 fel i indata eller filen finns redan (ingen fil skrevs); 2 fel i kommandot;
3 filen skrevs men någon kontroll på Avstämning är FEL (utbetalningslistan skrevs inte).`;
}

/**
 * Why files no longer carry the add-in's formulas (README, "Files and the add-in's functions"): Excel stores
 * JavaScript custom functions in a file under an undocumented prefix of its own, and formulas written without
 * the add-in are not calculated until re-entered. The task pane builds the same workbook with them.
 */
const ADDIN_MODE_DROPPED =
  "--mode addin: filer med SKL-funktionerna skrivs inte längre. Excel sparar tilläggets funktioner i filen under " +
  "ett eget, odokumenterat prefix (_xldudf_), och en formel som inte skrivits i Excel med tillägget laddat räknas " +
  "inte förrän cellen skrivs in igen. Bygg arbetsboken med SKL-funktionerna i Excel i stället: åtgärdsfönstret " +
  "Äldrestöd, fliken Bygg. Utan --mode skrivs filen med vanliga formler, som räknar samma kronor.";

/** Relative paths are the user's: npm runs scripts from the project root and says where it was called in INIT_CWD. */
const fromUser = (file: string): string => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

/** A failure the user can act on: printed without a stack trace, exit code 1 (2 for bad usage). */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1
  ) {
    super(message);
  }
}

interface Options {
  readonly out: string;
  readonly payments?: string;
  readonly year: number;
  readonly data?: string;
  readonly mode: PlanMode;
  readonly force: boolean;
}

function options(argv: readonly string[]): Options {
  let values;
  try {
    values = readOptions(argv, {
      out: { type: "string" },
      year: { type: "string" },
      data: { type: "string" },
      payments: { type: "string" },
      mode: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
  } catch (error) {
    if (error instanceof UsageError) throw new CliError(`${error.message}\n\n${usage()}`, 2);
    throw error;
  }
  if (values.help) throw new CliError(usage(), 0);
  // An empty --data (a script's unset variable) must not quietly mean the bundled demo.
  if (values.data !== undefined && values.data.trim() === "")
    throw new CliError(
      `--data är tom: ange katalogen med CSV-filerna, eller utelämna --data för demodata.\n\n${usage()}`,
      2
    );
  if (!values.out) throw new CliError(`--out saknas: ange vilken fil som ska skrivas.\n\n${usage()}`, 2);
  if (!values.out.toLowerCase().endsWith(".xlsx"))
    throw new CliError(`--out ${cut(values.out)}: filen ska sluta på .xlsx.`, 2);
  if (values.payments !== undefined && !values.payments.toLowerCase().endsWith(".csv"))
    throw new CliError(`--payments ${cut(values.payments)}: filen ska sluta på .csv.`, 2);
  if (values.payments !== undefined && fromUser(values.payments) === fromUser(values.out))
    throw new CliError("--payments och --out är samma fil: ange två olika filer.", 2);
  const yearText = values.year ?? String(bundledYears()[0] ?? 2010);
  if (!/^\d{4}$/.test(yearText)) {
    throw new CliError(
      `--year ${cut(yearText)}: ange ett år, t.ex. ${orList(bundledYears().map(String)) || "2010"}.`,
      2
    );
  }
  // --mode is gone (only the file layout is written); a script that still says --mode addin is told why.
  if (values.mode === "addin") throw new CliError(ADDIN_MODE_DROPPED, 2);
  if (values.mode !== undefined && values.mode !== "file")
    throw new CliError(`--mode ${cut(values.mode)}: flaggan finns inte längre; utelämna den.`, 2);
  return {
    out: values.out,
    payments: values.payments,
    year: Number(yearText),
    data: values.data,
    mode: "file",
    force: values.force ?? false,
  };
}

/** The payment list as CSV; an amount that is not whole kronor is told as a usage problem of the parameters. */
function paymentsText(rows: readonly PaymentRow[]): string {
  try {
    return paymentsCsv(rows);
  } catch (error) {
    const message = (error as Error).message;
    throw new CliError(
      error instanceof PaymentsRefused ? `${message}\nIngen fil skrevs.` : `${message} Ingen fil skrevs.`
    );
  }
}

const alreadyThere = (target: string) =>
  new CliError(`${target} finns redan. Välj ett annat namn eller lägg till --force för att skriva över.`);

/** The longest name of one file most file systems allow (ext4, XFS, Btrfs, NTFS: 255 bytes). */
const NAME_BYTES = 255;

/**
 * The folder of --out must exist and be a folder, and the target must not be a folder: checked before any
 * input is read, so that a typo in the path is told at once, by name. Returns the file to write: the target,
 * or the file a symbolic link there leads to.
 */
function checkTarget(target: string, option: string): string {
  const name = path.basename(target);
  if (Buffer.byteLength(name) > NAME_BYTES) {
    throw new CliError(
      `${option} ${cut(target)}: filnamnet är ${Buffer.byteLength(name)} byte långt, men ett filsystem tillåter oftast högst ${NAME_BYTES}. Välj ett kortare namn.`,
      2
    );
  }
  const folder = path.dirname(target);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder, { throwIfNoEntry: false });
  } catch (error) {
    throw new CliError(`${option} ${cut(target)}: ${pathProblem(error)}`, 2);
  }
  if (stat === undefined) {
    throw new CliError(
      `Katalogen ${folder} finns inte, så ${name} kan inte skrivas där. Skapa katalogen eller välj en annan ${option}.`
    );
  }
  if (!stat.isDirectory())
    throw new CliError(`${folder} är en fil, inte en katalog: ${option} ${target} kan inte skrivas där.`);
  let file: string;
  try {
    file = throughLink(target);
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
      throw new CliError(`${target} är en katalog. Välj ett filnamn som slutar på ${path.extname(target)}.`);
    }
  } catch (error) {
    if (error instanceof WriteError) throw new CliError(error.message);
    if (error instanceof CliError) throw error;
    throw new CliError(`${option} ${cut(target)}: ${pathProblem(error)}`, 2);
  }
  return file;
}

/** The files this run has written (all at once), for the message of an interrupt. */
let written: readonly string[] = [];

/** The exit code and the lines of a run's report: what was written, the checks, what the user must still do. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const opts = options(argv);
    const out = checkTarget(fromUser(opts.out), "--out");
    const payments = opts.payments ? checkTarget(fromUser(opts.payments), "--payments") : undefined;
    // Nothing is read or computed when a file is already there without --force.
    for (const target of [out, payments])
      if (target && fs.existsSync(target) && !opts.force) throw alreadyThere(target);
    const inputs: WorkbookInputs = opts.data
      ? readDataDirectory(fromUser(opts.data), opts.year)
      : loadBundledInputs(opts.year);
    const { plan, results } = buildPlan(inputs, opts.mode);
    const failing = plan.checks.filter((c) => !c.passes && !c.informational);
    const info = plan.checks.filter((c) => !c.passes && c.informational);
    const rows = payments ? paymentRows(inputs, results) : [];
    // A payment list that cannot pay its payees stops the run before anything is written; it is written only
    // when every check is OK, and then together with the workbook: both or neither.
    const csv = payments ? paymentsText(rows) : undefined;
    const files: FileToWrite[] = [{ target: out, content: await planToXlsx(plan) }];
    if (payments && csv !== undefined && failing.length === 0) {
      files.push({ target: payments, content: Buffer.from(csv, "utf8") });
    }
    try {
      writeAll(files, opts.force);
      written = files.map((f) => f.target);
    } catch (error) {
      if (error instanceof WriteError) throw new CliError(`${error.message} Ingen fil skrevs.`);
      throw error;
    }
    console.log(`Skrev ${out}`);
    console.log(`  ${plan.sheets.length} blad: ${plan.sheets.map((s) => s.name).join(", ")}`);
    console.log(
      `  Data: ${opts.data ? fromUser(opts.data) : "data/demo"}${inputs.synthetic ? " (SYNTETISKA demodata)" : ""}; parametrar ${inputs.parameters.year}`
    );
    console.log(
      `  Avstämning: ${plan.checks.length - failing.length - info.length} OK, ${info.length} INFO, ${failing.length} FEL`
    );
    for (const c of info) console.log(`    INFO ${c.label}`);
    for (const c of failing) console.log(`    FEL  ${c.label}`);
    if (failing.length > 0) {
      console.error(
        `Filen skrevs, men ${failing.length} ${failing.length === 1 ? "kontroll" : "kontroller"} på Avstämning är FEL (se ovan). Rätta indata och kör igen.` +
          (payments ? " Utbetalningslistan skrevs inte: den skrivs bara när alla kontroller är OK." : "")
      );
      return 3;
    }
    if (payments) {
      const paying = rowsToPay(rows);
      console.log(`Skrev ${payments} (utbetalningslistan, ${paying.length} mottagare med ett belopp att betala)`);
      const held = rows.filter((r) => r.heldBack.greaterThan(0));
      for (const r of held)
        console.log(
          `  Innehålls: ${r.recipient || `länet ${r.code}`}, ${r.heldBack.toFixed()} kr (villkor som inte är uppfyllda: ${r.held.join("; ")})`
        );
    }
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      (error.exitCode === 0 ? console.log : console.error)(error.message);
      return error.exitCode;
    }
    if (error instanceof DataError) {
      console.error(`Indata innehåller fel; ingen fil skrevs.\n${error.message}`);
      return 1;
    }
    if (error instanceof RuleError) {
      console.error(`Indata innehåller fel; ingen fil skrevs.\n  ${error.message}`);
      return 1;
    }
    // Every input a user can give is answered above; this is a fault of the program, told without a stack.
    console.error(`Oväntat fel: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  tolerateClosedPipes();
  // Files are written in one synchronous step (src/cli/files.ts), so an interrupt lands before it or after it.
  onInterrupt(() =>
    written.length === 0 ? "Avbrutet: ingen fil skrevs." : `Avbrutet efter att ${written.join(" och ")} skrevs hela.`
  );
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
