/*
 * `npm run workbook -- --out FILE.xlsx [--year 2010] [--data DIR] [--payments FILE.csv] [--force]`
 * Builds the allocation workbook from the bundled data (or a directory of CSV files), checks every input
 * row first, and writes the file atomically: never a half-written file, never over an existing one
 * without --force.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildPlan, PlanMode } from "../workbook/buildPlan";
import { WorkbookInputs } from "../workbook/inputs";
import { paymentRows, PaymentRow } from "../workbook/payments";
import { paymentsCsv, PaymentsRefused, rowsToPay } from "../workbook/paymentsCsv";
import { DataError, loadBundledInputs, readDataDirectory } from "./readData";
import { planToXlsx } from "./xlsxWriter";

const USAGE = `Användning: npm run workbook -- --out FIL.xlsx [--year 2010] [--data KATALOG] [--payments FIL.csv] [--mode file] [--force]

  --out       filen som skrivs (.xlsx)
  --year      parametrarnas år i data/parameters.json (2010, 2011, 2012); standard 2010
  --data      katalog med egna CSV-filer (samma namn och kolumner som data/demo); standard: de syntetiska demodata
  --payments  skriv även utbetalningslistan som CSV (semikolon, UTF-8 med BOM, hela kronor), när alla kontroller är OK
  --mode      file: formler med motorns värden (öppnas var som helst; standard och enda läget)
  --force     skriv över befintliga filer

Slutkod: 0 filen skrevs och Avstämning är OK; 1 fel i indata eller filen finns redan (ingen fil skrevs); 2 fel i kommandot;
3 filen skrevs men någon kontroll på Avstämning är FEL.`;

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
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: "string" },
        year: { type: "string", default: "2010" },
        data: { type: "string" },
        payments: { type: "string" },
        mode: { type: "string", default: "file" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) throw new CliError(USAGE, 0);
  // An empty --data (a script's unset variable) must not quietly mean the bundled demo.
  if (values.data !== undefined && values.data.trim() === "")
    throw new CliError(
      `--data är tom: ange katalogen med CSV-filerna, eller utelämna --data för demodata.\n\n${USAGE}`,
      2
    );
  if (!values.out) throw new CliError(`--out saknas: ange vilken fil som ska skrivas.\n\n${USAGE}`, 2);
  if (!values.out.toLowerCase().endsWith(".xlsx"))
    throw new CliError(`--out ${values.out}: filen ska sluta på .xlsx.`, 2);
  if (values.payments !== undefined && !values.payments.toLowerCase().endsWith(".csv"))
    throw new CliError(`--payments ${values.payments}: filen ska sluta på .csv.`, 2);
  if (values.payments !== undefined && fromUser(values.payments) === fromUser(values.out))
    throw new CliError("--payments och --out är samma fil: ange två olika filer.", 2);
  if (!/^\d{4}$/.test(values.year ?? "")) throw new CliError(`--year ${values.year}: ange ett år, t.ex. 2010.`, 2);
  const year = Number(values.year);
  if (values.mode === "addin") throw new CliError(ADDIN_MODE_DROPPED, 2);
  if (values.mode !== "file") throw new CliError(`--mode ${values.mode}: bara file finns.`, 2);
  return {
    out: values.out,
    payments: values.payments,
    year,
    data: values.data,
    mode: values.mode,
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

/** The file system's reason in words, for a file that could not be written. */
function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "ingen behörighet att skriva i katalogen";
  if (code === "ENOSPC") return "disken är full";
  if (code === "EROFS") return "katalogen är skrivskyddad";
  if (code === "EISDIR") return "det finns en katalog med det namnet";
  return `filsystemet svarade ${code ?? (error as Error).message}`;
}

/**
 * The folder of --out must exist and be a folder, and the target must not be a folder: checked before any
 * input is read, so that a typo in the path is told at once, by name.
 */
function checkTarget(target: string, option: string): void {
  const folder = path.dirname(target);
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (stat === undefined) {
    throw new CliError(
      `Katalogen ${folder} finns inte, så ${path.basename(target)} kan inte skrivas där. Skapa katalogen eller välj en annan ${option}.`
    );
  }
  if (!stat.isDirectory())
    throw new CliError(`${folder} är en fil, inte en katalog: ${option} ${target} kan inte skrivas där.`);
  if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError(`${target} är en katalog. Välj ett filnamn som slutar på ${path.extname(target)}.`);
  }
}

const alreadyThere = (target: string) =>
  new CliError(`${target} finns redan. Välj ett annat namn eller lägg till --force för att skriva över.`);

/**
 * Writes next to the target and then moves it into place, so that an interrupted run leaves no partial
 * file. Without --force the move is a hard link, which fails if the target appeared in the meantime.
 */
function writeAtomically(target: string, content: Buffer, force: boolean): void {
  const exists = () => alreadyThere(target);
  if (fs.existsSync(target) && !force) throw exists();
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content, { flag: "wx" });
    if (force) fs.renameSync(temporary, target);
    else fs.linkSync(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST" && !force) throw exists();
    throw new CliError(`Kunde inte skriva ${target}: ${writeProblem(error)}. Ingen fil skrevs.`);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const opts = options(argv);
    const targets = [opts.out, ...(opts.payments ? [opts.payments] : [])].map(fromUser);
    checkTarget(targets[0], "--out");
    if (opts.payments) checkTarget(targets[1], "--payments");
    const inputs: WorkbookInputs = opts.data
      ? readDataDirectory(fromUser(opts.data), opts.year)
      : loadBundledInputs(opts.year);
    const { plan, results } = buildPlan(inputs, opts.mode);
    const content = await planToXlsx(plan);
    const rows = opts.payments ? paymentRows(inputs, results) : [];
    const payments = opts.payments ? paymentsText(rows) : undefined;
    // Nothing is written when either file exists without --force.
    for (const target of targets) if (fs.existsSync(target) && !opts.force) throw alreadyThere(target);
    const target = fromUser(opts.out);
    writeAtomically(target, content, opts.force);
    const failing = plan.checks.filter((c) => !c.passes && !c.informational);
    const info = plan.checks.filter((c) => !c.passes && c.informational);
    console.log(`Skrev ${target}`);
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
          (payments !== undefined ? " Utbetalningslistan skrevs inte: den skrivs bara när alla kontroller är OK." : "")
      );
      return 3;
    }
    if (opts.payments && payments !== undefined) {
      writeAtomically(fromUser(opts.payments), Buffer.from(payments, "utf8"), opts.force);
      const paying = rowsToPay(rows);
      console.log(
        `Skrev ${fromUser(opts.payments)} (utbetalningslistan, ${paying.length} mottagare med ett belopp att betala)`
      );
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
    // Every input a user can give is answered above; this is a fault of the program, told without a stack.
    console.error(`Oväntat fel: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
