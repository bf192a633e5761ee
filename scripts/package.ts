/*
 * `npm run package -- --url https://HOST/PATH/ [--out DIR] [--force]`
 * Builds the production add-in for the server at URL into DIR (default package/): every static file to host,
 * a manifest.xml whose every URL lies under URL, and package-files.json, the list of the package's own files.
 * The build runs in this process (so that nothing of it outlives the command) into a temporary folder beside
 * DIR, is checked (scripts/addin/checkPackage.ts), made readable for a web server (files 0644, folders 0755)
 * and flushed to disk before it takes DIR's name, so a refused, failed or interrupted run writes nothing.
 * An existing DIR is replaced only with --force, and only when it holds nothing but an earlier package's files.
 */
import fs from "node:fs";
import path from "node:path";
import webpack from "webpack";
import { readOptions, UsageError } from "../src/cli/args";
import { flushToDisk, pathProblem, throughLink, writeProblem, WriteError } from "../src/cli/files";
import { onInterrupt, tolerateClosedPipes } from "../src/cli/terminal";
import { cut } from "../src/input";
import { BaseUrlError, readBaseUrl } from "./addin/baseUrl";
import { filesIn, packageProblems } from "./addin/checkPackage";
import { makeReadable, notThePackages, PACKAGE_LIST, syncTree, writePackageList } from "./addin/packageFiles";

const ROOT = path.resolve(__dirname, "..");

const USAGE = `Användning: npm run package -- --url https://SERVER/SÖKVÄG/ [--out KATALOG] [--force]

  --url    adressen till katalogen där paketet ska ligga på webbservern (https, utan ? och #)
  --out    katalogen som skrivs; standard package/ (en symbolisk länk följs: katalogen den leder till ersätts)
  --force  ersätt ett tidigare paket i katalogen (bara om den inte har annat än paketets egna, oändrade filer)
  --help   visa den här texten

Slutkod: 0 paketet skrevs; 1 katalogen finns redan, är inte ett tidigare paket, eller bygget misslyckades (inget
skrevs); 2 fel i kommandot; 130 avbrutet (inget skrevs).`;

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
  readonly notes: readonly string[];
  /** The folder to write: --out, or the folder a link there leads to. */
  readonly out: string;
  readonly force: boolean;
}

/** Relative paths are the user's: npm runs scripts from the project root and says where it was called in INIT_CWD. */
const fromUser = (file: string): string => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

/** Temporary folders beside --out: `.skl-package-PID-XXXXXX` for the build, `…-old-XXXXXX` for the one replaced. */
const TEMPORARY = /^\.skl-package-(\d+)-(?:old-)?[A-Za-z0-9]{6}$/;

function options(argv: readonly string[]): Options {
  let values;
  try {
    values = readOptions(argv, {
      url: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
  } catch (error) {
    if (error instanceof UsageError) throw new PackageError(`${error.message}\n\n${USAGE}`, 2);
    throw error;
  }
  if (values.help) throw new PackageError(USAGE, 0);
  if (!values.url) throw new PackageError(`--url saknas: ange adressen där tillägget ska ligga.\n\n${USAGE}`, 2);
  let url;
  try {
    url = readBaseUrl(values.url);
  } catch (error) {
    if (error instanceof BaseUrlError) throw new PackageError(`${error.message}\n\n${USAGE}`, 2);
    throw error;
  }
  const given = values.out ?? "package";
  if (given.trim() === "") throw new PackageError(`--out är tom: ange katalogen för paketet.\n\n${USAGE}`, 2);
  const out = followed(fromUser(given), given);
  // Replacing a folder that holds the project (or is the file system's root) would delete it.
  const relative = path.relative(out, ROOT);
  if (relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))) {
    throw new PackageError(`--out ${cut(given)}: katalogen innehåller projektet; välj en egen katalog för paketet.`, 2);
  }
  return { base: url.base, notes: url.notes, out, force: values.force ?? false };
}

/**
 * The folder --out names: a symbolic link is followed (README: the folder it leads to is replaced and the link
 * stays), a link that leads nowhere or in a loop is refused.
 */
function followed(out: string, given: string): string {
  try {
    return throughLink(out);
  } catch (error) {
    if (error instanceof WriteError) throw new PackageError(`--out ${error.message} Inget skrevs.`);
    throw new PackageError(`--out ${cut(given)}: ${pathProblem(error)}`, 2);
  }
}

/** The production build for `base` into `into`, in this process: webpack's own API with the project's config. */
async function build(base: string, into: string): Promise<void> {
  const configure = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, string>
  ) => Promise<webpack.Configuration>;
  const config = await configure({ baseUrl: base });
  const compiler = webpack({ ...config, mode: "production", output: { ...config.output, path: into } });
  const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
    compiler.run((error, result) => (error ? reject(error) : resolve(result)))
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (!stats || stats.hasErrors()) {
    throw new PackageError(`Bygget misslyckades; inget skrevs.\n${stats?.toString("errors-only") ?? ""}`.trimEnd());
  }
}

/** Why `out` may not be replaced, or undefined: it is a file, or holds something an earlier package did not write. */
function notReplaceable(out: string): string | undefined {
  if (!fs.statSync(out).isDirectory()) return `${out} är en fil, inte en paketkatalog. Inget skrevs.`;
  const problems = notThePackages(out);
  if (problems.length === 0) return undefined;
  const shown = problems.slice(0, 10).map((p) => `  ${p}`);
  if (problems.length > 10) shown.push(`  … och ${problems.length - 10} till`);
  return (
    `${out} är inte bara ett tidigare paket; --force ersätter bara paketets egna, oändrade filer (enligt ${PACKAGE_LIST}), ` +
    `och i vägen står:\n${shown.join("\n")}\nVälj en egen katalog för paketet, eller flytta undan det som inte är paketets. Inget skrevs.`
  );
}

/** Is the process `pid` still running? */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the temporary folders that killed runs (SIGKILL, a power loss) left beside `out`; says which. */
function removeLeftovers(out: string): void {
  const folder = path.dirname(out);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match || Number(match[1]) === process.pid || running(Number(match[1]))) continue;
    const leftover = path.join(folder, name);
    // A run stopped between moving the old package aside and moving the new one in: the old one goes back.
    if (name.includes("-old-") && !fs.existsSync(out)) {
      fs.renameSync(leftover, out);
      console.log(
        `Flyttade tillbaka det tidigare paketet till ${out} från ${leftover}, där en avbruten körning lämnade det.`
      );
      continue;
    }
    fs.rmSync(leftover, { recursive: true, force: true });
    console.log(`Tog bort ${leftover}, som en avbruten körning lämnade efter sig.`);
  }
}

/** A new, empty temporary folder beside `out`, with this process's id in its name. */
function temporaryBeside(out: string, old = false): string {
  return fs.mkdtempSync(path.join(path.dirname(out), `.skl-package-${process.pid}-${old ? "old-" : ""}`));
}

/**
 * Gives the built folder `built` the name `out`. An existing `out` is moved aside first and checked again there
 * (nothing was added meanwhile), then the new folder takes the name and the old one is removed; if any step
 * fails, the old folder is put back.
 */
function putInPlace(built: string, out: string): void {
  if (!fs.existsSync(out)) {
    fs.renameSync(built, out);
    return;
  }
  const old = temporaryBeside(out, true);
  fs.rmdirSync(old);
  try {
    fs.renameSync(out, old);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EBUSY" || code === "EXDEV")
      throw new PackageError(
        `${out} kan inte bytas ut: katalogen är en monteringspunkt eller används. Ange en katalog inuti den med --out (t.ex. ${path.join(out, "skl")}), eller töm den och kör igen. Inget skrevs.`
      );
    throw error;
  }
  const problem = notReplaceable(old);
  if (problem) {
    fs.renameSync(old, out);
    throw new PackageError(problem);
  }
  try {
    keepOwnership(old, built);
    fs.renameSync(built, out);
  } catch (error) {
    fs.renameSync(old, out);
    throw error;
  }
  fs.rmSync(old, { recursive: true, force: true });
}

/**
 * The folder that replaces an earlier package keeps that folder's mode, owner and group (a web root's group and
 * setgid bit, say); with the setgid bit its files take the group too, as files made inside it would.
 */
function keepOwnership(old: string, built: string): void {
  const stat = fs.statSync(old);
  fs.chmodSync(built, stat.mode & 0o7777);
  const owned = (file: string, uid: number) => {
    try {
      fs.lchownSync(file, uid, stat.gid);
    } catch {
      // Only root may give a file away; another user keeps what is theirs.
    }
  };
  owned(built, stat.uid);
  if (stat.mode & 0o2000)
    for (const file of fs.readdirSync(built, { recursive: true }))
      owned(path.join(built, String(file)), fs.lstatSync(path.join(built, String(file))).uid);
}

/** What this run has made that is not yet the package: removed when it fails or is interrupted. */
const made: { temporary?: string; created?: string } = {};

function cleanUp(): void {
  if (made.temporary) fs.rmSync(made.temporary, { recursive: true, force: true });
  if (made.created) fs.rmSync(made.created, { recursive: true, force: true });
  made.temporary = undefined;
  made.created = undefined;
}

export async function main(argv: readonly string[]): Promise<number> {
  let target = "--out";
  try {
    const { base, notes, out, force } = options(argv);
    target = out;
    for (const note of notes) console.log(note);
    if (fs.existsSync(out)) {
      if (!force) {
        throw new PackageError(
          `${out} finns redan. Välj en annan katalog med --out eller lägg till --force för att ersätta ett tidigare paket.`
        );
      }
      const problem = notReplaceable(out);
      if (problem) throw new PackageError(problem);
    }
    made.created = fs.mkdirSync(path.dirname(out), { recursive: true });
    removeLeftovers(out);
    made.temporary = temporaryBeside(out);
    console.log(`Bygger tillägget för ${base} …`);
    await build(base, made.temporary);
    const problems = packageProblems(made.temporary, base);
    if (problems.length > 0) {
      throw new PackageError(`Paketet håller inte; inget skrevs:\n  ${problems.join("\n  ")}`);
    }
    writePackageList(made.temporary, base);
    makeReadable(made.temporary);
    syncTree(made.temporary);
    putInPlace(made.temporary, out);
    made.temporary = undefined;
    made.created = undefined;
    flushToDisk(path.dirname(out));
    const files = filesIn(out);
    console.log(`Skrev ${out} (${files.length} filer).`);
    console.log(`  Lägg upp hela katalogen så att ${base}taskpane.html svarar.`);
    console.log(
      `  Manifestet: ${path.join(out, "manifest.xml")} (ladda upp det i Excel eller i Microsoft 365 administrationscenter).`
    );
    console.log(`  Driftsättningsguiden: ${base}help/driftsattning.html`);
    return 0;
  } catch (error) {
    cleanUp();
    if (error instanceof PackageError) {
      (error.exitCode === 0 ? console.log : console.error)(error.message);
      return error.exitCode;
    }
    // The file system's refusal (a full disk, no permission, a folder under /proc), in words, naming the folder.
    if (typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).syscall) {
      console.error(`Paketet kunde inte skrivas till ${target}: ${writeProblem(error)}. Inget skrevs.`);
      return 1;
    }
    // A fault of the program, told without a stack.
    console.error(`Oväntat fel: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  tolerateClosedPipes();
  onInterrupt(() => {
    cleanUp();
    return "Avbrutet: inget skrevs.";
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
