/*
 * `npm run package -- --url https://HOST/PATH/ [--out DIR] [--force]`
 * Builds the production add-in for the server at URL into DIR (default package/): every static file to host
 * and a manifest.xml whose every URL lies under URL. The build goes to a temporary folder beside DIR and is
 * checked (scripts/addin/checkPackage.ts) before it is moved into place, so a refused or failed run writes
 * nothing. An existing DIR is replaced only with --force.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BaseUrlError, productionBaseUrl } from "./addin/baseUrl";
import { filesIn, packageProblems } from "./addin/checkPackage";

const ROOT = path.resolve(__dirname, "..");

const USAGE = `Användning: npm run package -- --url https://SERVER/SÖKVÄG/ [--out KATALOG] [--force]

  --url    adressen där katalogen ska ligga på webbservern (https, utan ? och #)
  --out    katalogen som skrivs; standard package/
  --force  ersätt en befintlig katalog

Slutkod: 0 paketet skrevs; 1 katalogen finns redan eller bygget misslyckades (inget skrevs); 2 fel i kommandot.`;

class PackageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1
  ) {
    super(message);
  }
}

interface Options {
  readonly base: string;
  readonly out: string;
  readonly force: boolean;
}

/** Relative paths are the user's: npm runs scripts from the project root and says where it was called in INIT_CWD. */
const fromUser = (file: string): string => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

function options(argv: readonly string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        url: { type: "string" },
        out: { type: "string", default: "package" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new PackageError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) throw new PackageError(USAGE, 0);
  if (!values.url) throw new PackageError(`--url saknas: ange adressen där tillägget ska ligga.\n\n${USAGE}`, 2);
  let base: string;
  try {
    base = productionBaseUrl(values.url);
  } catch (error) {
    if (error instanceof BaseUrlError) throw new PackageError(`${error.message}\n\n${USAGE}`, 2);
    throw error;
  }
  const out = fromUser(values.out ?? "package");
  // Replacing a folder that holds the project (or is the file system's root) would delete it.
  const relative = path.relative(out, ROOT);
  if (relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))) {
    throw new PackageError(`--out ${values.out}: katalogen innehåller projektet; välj en egen katalog för paketet.`, 2);
  }
  return { base, out, force: values.force ?? false };
}

function build(base: string, into: string): void {
  const cli = path.join(path.dirname(require.resolve("webpack-cli/package.json")), "bin", "cli.js");
  const result = spawnSync(
    process.execPath,
    [cli, "--mode", "production", "--output-path", into, "--env", `baseUrl=${base}`],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }
  );
  if (result.status !== 0) {
    throw new PackageError(
      `Bygget misslyckades; inget skrevs.\n${result.stdout ?? ""}${result.stderr ?? ""}`.trimEnd()
    );
  }
}

/**
 * Why an existing `out` is not an earlier package that --force may replace (a folder holding manifest.xml and
 * taskpane.html, or an empty folder), or undefined: --force must never delete a folder of the user's own.
 */
function notAPackage(out: string): string | undefined {
  if (!fs.statSync(out).isDirectory()) return "är en fil, inte en paketkatalog";
  const names = fs.readdirSync(out);
  if (names.length === 0 || (names.includes("manifest.xml") && names.includes("taskpane.html"))) return undefined;
  return "är inte ett tidigare paket (där finns ingen manifest.xml med taskpane.html)";
}

export function main(argv: readonly string[]): number {
  let temporary: string | undefined;
  // The first folder this run made for the package's parent, removed again when nothing was written.
  let created: string | undefined;
  try {
    const { base, out, force } = options(argv);
    if (fs.existsSync(out) && !force) {
      throw new PackageError(
        `${out} finns redan. Välj en annan katalog med --out eller lägg till --force för att ersätta den.`
      );
    }
    const foreign = fs.existsSync(out) ? notAPackage(out) : undefined;
    if (foreign) throw new PackageError(`${out} ${foreign}; --force ersätter bara ett tidigare paket. Inget skrevs.`);
    created = fs.mkdirSync(path.dirname(out), { recursive: true });
    temporary = fs.mkdtempSync(path.join(path.dirname(out), `.${path.basename(out)}.`));
    console.log(`Bygger tillägget för ${base} …`);
    build(base, temporary);
    const problems = packageProblems(temporary, base);
    if (problems.length > 0) {
      throw new PackageError(`Paketet håller inte; inget skrevs:\n  ${problems.join("\n  ")}`);
    }
    if (fs.existsSync(out)) fs.rmSync(out, { recursive: true });
    fs.renameSync(temporary, out);
    temporary = undefined;
    const files = filesIn(out);
    console.log(`Skrev ${out} (${files.length} filer).`);
    console.log(`  Lägg upp hela katalogen så att ${base}taskpane.html svarar.`);
    console.log(
      `  Manifestet: ${path.join(out, "manifest.xml")} (ladda upp det i Excel eller i Microsoft 365 administrationscenter).`
    );
    console.log(`  Driftsättningsguiden: ${base}help/driftsattning.html`);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      (error.exitCode === 0 ? console.log : console.error)(error.message);
      return error.exitCode;
    }
    console.error(`Oväntat fel: ${(error as Error).stack ?? error}`);
    return 1;
  } finally {
    if (temporary) {
      fs.rmSync(temporary, { recursive: true, force: true });
      if (created) fs.rmSync(created, { recursive: true, force: true });
    }
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
