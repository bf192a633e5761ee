/*
 * What `npm run workbook` leaves on disk and on the terminal when things go wrong around it, run as a user
 * runs it (a child process): the workbook and the payment list are written both or neither, each is flushed to
 * disk before it takes its name, a long but legal name works and a too long one is told, a closed pipe is no
 * error, an interrupt leaves nothing half-written, and the options are checked in Swedish.
 */
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadBundledInputs } from "../../src/cli/readData";
import { finished, ROOT, start, workbook } from "../support/command";
import { demoWithPayees } from "../support/payees";

let dir: string;
/** The demo data with every payee's organisation number and account, so that a payment list can be written. */
let data: string;
let dataParent: string;

beforeAll(() => {
  dataParent = fs.mkdtempSync(path.join(os.tmpdir(), "skl-output-data-"));
  data = demoWithPayees(dataParent, loadBundledInputs(2010));
});

afterAll(() => {
  fs.rmSync(dataParent, { recursive: true, force: true });
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "skl-output-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The folder's entries, hidden ones too (a temporary file left behind would start with a dot). */
const entries = () => fs.readdirSync(dir).sort();

describe("the workbook and the payment list, both or neither", () => {
  it("writes neither when the payment list cannot be written (/proc/b.csv), and says so truly; a rerun then works", async () => {
    const run = await workbook(["--data", data, "--out", "a.xlsx", "--payments", "/proc/b.csv"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "Kunde inte skriva /proc/b.csv: katalogen finns inte eller tar inte emot nya filer. Ingen fil skrevs.\n"
    );
    expect(entries()).toEqual([]);
    const again = await workbook(["--data", data, "--out", "a.xlsx", "--payments", "b.csv"], { cwd: dir });
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: "" });
    expect(entries()).toEqual(["a.xlsx", "b.csv"]);
  });

  it("writes neither when one of them exists without --force, and leaves the existing one as it was", async () => {
    fs.writeFileSync(path.join(dir, "b.csv"), "min lista");
    const run = await workbook(["--data", data, "--out", "a.xlsx", "--payments", "b.csv"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/b\.csv finns redan\. Välj ett annat namn eller lägg till --force/);
    expect(entries()).toEqual(["b.csv"]);
    expect(fs.readFileSync(path.join(dir, "b.csv"), "utf8")).toBe("min lista");
  });

  it("writes through a symbolic link given as --out: the link stays and the file it leads to is new", async () => {
    fs.mkdirSync(path.join(dir, "arkiv"));
    fs.writeFileSync(path.join(dir, "arkiv", "skl.xlsx"), "gammal");
    fs.symlinkSync(path.join("arkiv", "skl.xlsx"), path.join(dir, "senaste.xlsx"));
    const run = await workbook(["--out", "senaste.xlsx", "--force"], { cwd: dir });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(fs.lstatSync(path.join(dir, "senaste.xlsx")).isSymbolicLink()).toBe(true);
    expect(
      fs
        .readFileSync(path.join(dir, "arkiv", "skl.xlsx"))
        .subarray(0, 2)
        .toString()
    ).toBe("PK");
    expect(fs.readdirSync(path.join(dir, "arkiv"))).toEqual(["skl.xlsx"]);
  });
});

it("refuses a symbolic link as --out that leads nowhere, or in a loop, naming it, and writes nothing", async () => {
  fs.symlinkSync("finns-inte/skl.xlsx", path.join(dir, "borta.xlsx"));
  const nowhere = await workbook(["--out", "borta.xlsx", "--force"], { cwd: dir });
  expect({ code: nowhere.code, stderr: nowhere.stderr }).toEqual({
    code: 1,
    stderr: `${path.join(dir, "borta.xlsx")} är en symbolisk länk till finns-inte/skl.xlsx, som inte finns. Ta bort länken eller välj ett annat namn.\n`,
  });
  fs.symlinkSync("slinga.xlsx", path.join(dir, "slinga.xlsx"));
  const loop = await workbook(["--out", "slinga.xlsx", "--force"], { cwd: dir });
  expect(loop.code).toBe(1);
  expect(loop.stderr).toContain("är en symbolisk länk som pekar i en slinga");
  expect(entries()).toEqual(["borta.xlsx", "slinga.xlsx"]);
});

const strace = spawnSync("strace", ["-V"]).status === 0;
if (!strace)
  console.warn("SKIPPED: the check that files are flushed before they take their names needs strace (Debian strace)");

(strace ? it : it.skip)(
  "flushes each file to disk (fsync) before it takes its name, and the folder after (strace)",
  async () => {
    const log = path.join(dir, "strace.log");
    const out = path.join(dir, "ut");
    fs.mkdirSync(out);
    await promisify(execFile)(
      "strace",
      [
        "-f",
        "-o",
        log,
        "-e",
        "trace=openat,fsync,fdatasync,link,linkat,rename,renameat,renameat2",
        process.execPath,
        "--import",
        "tsx",
        path.join(ROOT, "src/cli/workbook.ts"),
        "--data",
        data,
        "--out",
        "a.xlsx",
        "--payments",
        "b.csv",
      ],
      { cwd: ROOT, env: { ...process.env, INIT_CWD: out }, maxBuffer: 16 * 1024 * 1024 }
    );
    expect(fs.readdirSync(out).sort()).toEqual(["a.xlsx", "b.csv"]);
    // The system calls on the output folder, in order, with each file descriptor named by what it opened.
    const calls: string[] = [];
    const opened = new Map<string, string>();
    for (const line of fs.readFileSync(log, "utf8").split("\n")) {
      const open = /openat\(AT_FDCWD, "([^"]+)", [^)]*\) = (\d+)$/.exec(line);
      if (open && open[1].startsWith(out)) {
        opened.set(open[2], path.relative(out, open[1]) || ".");
        continue;
      }
      const sync = /\bf(?:data)?sync\((\d+)\) += 0/.exec(line);
      if (sync && opened.has(sync[1])) calls.push(`fsync ${opened.get(sync[1])}`);
      const named = /\b(?:link|rename)(?:at2?)?\((?:AT_FDCWD, )?"([^"]+)", (?:AT_FDCWD, )?"([^"]+)"/.exec(line);
      if (named && named[2].startsWith(out))
        calls.push(`name ${path.relative(out, named[1])} ${path.relative(out, named[2])}`);
    }
    const temporary = (target: string) => {
      const call = calls.find((c) => c.startsWith("name ") && c.endsWith(` ${target}`));
      expect(call).toBeDefined();
      return call!.split(" ")[1];
    };
    const [xlsx, csv] = [temporary("a.xlsx"), temporary("b.csv")];
    expect(xlsx).toMatch(/^\.skl-[0-9a-f]+\.tmp$/);
    // Both files are on disk before either takes its name; the folder is flushed after both have.
    const at = (call: string) => calls.indexOf(call);
    expect(at(`fsync ${xlsx}`)).toBeGreaterThanOrEqual(0);
    expect(at(`fsync ${csv}`)).toBeGreaterThanOrEqual(0);
    expect(Math.max(at(`fsync ${xlsx}`), at(`fsync ${csv}`))).toBeLessThan(
      Math.min(at(`name ${xlsx} a.xlsx`), at(`name ${csv} b.csv`))
    );
    expect(calls.lastIndexOf("fsync .")).toBeGreaterThan(at(`name ${csv} b.csv`));
  },
  60000
);

describe("names", () => {
  it("writes a 245-character --out, leaving nothing else", async () => {
    const name = `${"a".repeat(245)}.xlsx`;
    const run = await workbook(["--out", name], { cwd: dir });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(entries()).toEqual([name]);
  });

  it("says that a name or a path is too long for the file system, without 'Oväntat fel'", async () => {
    const long = await workbook(["--out", `${"a".repeat(300)}.xlsx`], { cwd: dir });
    expect(long.code).toBe(2);
    expect(long.stderr).toBe(
      `--out ${path.join(dir, "a".repeat(40)).slice(0, 40)}…: filnamnet är 305 byte långt, men ett filsystem tillåter oftast högst 255. Välj ett kortare namn.\n`
    );
    const deep = await workbook(["--out", `${"mapp/".repeat(900)}a.xlsx`], { cwd: dir });
    expect(deep.code).toBe(2);
    expect(deep.stderr).toMatch(
      /^--out .{40}…: sökvägen är för lång för filsystemet \(ett namn högst 255 byte, hela sökvägen högst 4 095\)\. Välj en kortare\.\n$/
    );
    expect(entries()).toEqual([]);
  });
});

describe("the terminal", () => {
  it("treats a reader that closes the pipe (| head -1) as no error: exit 0, the file written, no trace", async () => {
    const child = start("src/cli/workbook.ts", ["--out", "a.xlsx"], { cwd: dir });
    // head -1: read the first line, then close the pipe.
    child.stdout!.once("data", () => child.stdout!.destroy());
    const run = await finished(child);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^Skrev /);
    expect(entries()).toEqual(["a.xlsx"]);
  });

  it("says once, without a trace, that its output could not be written (> /dev/full), and writes the file all the same", async () => {
    const full = fs.openSync("/dev/full", "w");
    try {
      const child = start("src/cli/workbook.ts", ["--out", "a.xlsx"], { cwd: dir, stdio: ["ignore", full, "pipe"] });
      const run = await finished(child);
      expect({ code: run.code, stderr: run.stderr }).toEqual({
        code: 0,
        stderr:
          "Utskriften kunde inte skrivas (disken är full); resten av den visas inte. Slutkoden säger hur körningen gick.\n",
      });
    } finally {
      fs.closeSync(full);
    }
    expect(entries()).toEqual(["a.xlsx"]);
  });

  it("leaves nothing half-written when interrupted (Ctrl-C), and says what it wrote", async () => {
    for (const delay of [300, 1500, 3000]) {
      const child = start(
        "src/cli/workbook.ts",
        ["--data", data, "--out", "a.xlsx", "--payments", "b.csv", "--force"],
        {
          cwd: dir,
        }
      );
      setTimeout(() => child.kill("SIGINT"), delay);
      const run = await finished(child);
      // Interrupted before writing: nothing; after: both files, whole. Never one, never a temporary file.
      expect([[], ["a.xlsx", "b.csv"]]).toContainEqual(entries());
      if (run.code !== 0) expect(run.code).toBe(130);
      // Before the command has started (node still loading) the signal ends it at once, without a word.
      if (run.code === 130 && run.stderr !== "") {
        expect(run.stderr).toMatch(/^Avbrutet(: ingen fil skrevs| efter att .*a\.xlsx och .*b\.csv skrevs hela)\.\n$/);
        expect(entries()).toEqual(run.stderr.includes("ingen fil") ? [] : ["a.xlsx", "b.csv"]);
      }
      for (const file of entries()) fs.rmSync(path.join(dir, file));
    }
  }, 60000);

  it.each([
    [["--bogus"], "Okänd flagga '--bogus'."],
    [["--out"], "--out saknar sitt värde: skriv --out och värdet efter."],
    [["--out", "a.xlsx", "--out", "b.xlsx"], "--out är angiven två gånger: ange den en gång."],
    [
      ["--out", "--force"],
      "--out saknar sitt värde (nästa ord, '--force', ser ut som en flagga). Menar du ett värde som börjar med \"-\", skriv --out=--force.",
    ],
    [["skl.xlsx"], "Okänt ord 'skl.xlsx': kommandot tar bara flaggor (--namn), och varje värde står efter sin flagga."],
    [["--force=ja", "--out", "a.xlsx"], "--force tar inget värde (--force=ja): skriv bara --force."],
  ])("answers %j in Swedish with the usage, exit 2", async (args, message) => {
    const run = await workbook(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n\n")[0]).toBe(message);
    expect(run.stderr).toContain(
      "Användning: npm run workbook -- --out FIL.xlsx [--year 2010|2011|2012] [--data KATALOG] [--payments FIL.csv] [--force]"
    );
    expect(run.stderr).not.toMatch(/--mode|Unknown|option|argument/);
    expect(entries()).toEqual([]);
  });
});
