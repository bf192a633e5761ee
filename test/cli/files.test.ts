/*
 * Files written together (src/cli/files.ts), all or none: when a later file cannot take its name, the earlier
 * ones are backed out, and a file that --force was replacing comes back as it was.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeAll, WriteError } from "../../src/cli/files";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "skl-files-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string) => path.join(dir, name);

describe("writeAll", () => {
  it("writes every file, each whole", () => {
    writeAll(
      [
        { target: file("a.xlsx"), content: Buffer.from("arbetsbok") },
        { target: file("b.csv"), content: Buffer.from("lista") },
      ],
      false
    );
    expect(fs.readdirSync(dir).sort()).toEqual(["a.xlsx", "b.csv"]);
    expect(fs.readFileSync(file("b.csv"), "utf8")).toBe("lista");
  });

  it("with --force, puts back the file it replaced when a later file cannot take its name", () => {
    fs.writeFileSync(file("a.xlsx"), "förra arbetsboken");
    // A folder where the second file should go: its temporary file is written, but the name cannot be taken.
    fs.mkdirSync(file("b.csv"));
    fs.writeFileSync(path.join(file("b.csv"), "mitt.txt"), "mitt");
    let error: unknown;
    try {
      writeAll(
        [
          { target: file("a.xlsx"), content: Buffer.from("ny arbetsbok") },
          { target: file("b.csv"), content: Buffer.from("lista") },
        ],
        true
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WriteError);
    expect((error as Error).message).toMatch(/^Kunde inte skriva .*b\.csv: /);
    expect(fs.readFileSync(file("a.xlsx"), "utf8")).toBe("förra arbetsboken");
    expect(fs.readdirSync(dir).sort()).toEqual(["a.xlsx", "b.csv"]);
    expect(fs.readdirSync(file("b.csv"))).toEqual(["mitt.txt"]);
  });

  it("without --force, takes back the name it gave the first file when the second is taken meanwhile", () => {
    // The second target is a link that appears between the check and the writing: linked over, it is EEXIST.
    const targets = [
      { target: file("a.xlsx"), content: Buffer.from("arbetsbok") },
      { target: file("b.csv"), content: Buffer.from("lista") },
    ];
    const link = fs.linkSync;
    const spy = jest.spyOn(fs, "linkSync").mockImplementation((from, to) => {
      if (String(to).endsWith("b.csv")) fs.writeFileSync(file("b.csv"), "någon annans");
      link(from, to);
    });
    try {
      expect(() => writeAll(targets, false)).toThrow(/b\.csv finns redan/);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(dir)).toEqual(["b.csv"]);
    expect(fs.readFileSync(file("b.csv"), "utf8")).toBe("någon annans");
  });

  it.each([
    ["a symbolic link", (from: string, to: string) => fs.symlinkSync(path.basename(from), to)],
    ["a hard link", (from: string, to: string) => fs.linkSync(from, to)],
  ])("with --force, refuses a second name that is %s to the first, and the first file stays as it was", (_, link) => {
    fs.writeFileSync(file("a.xlsx"), "arbetsbok");
    link(file("a.xlsx"), file("b.csv"));
    const targets = [
      { target: file("a.xlsx"), content: Buffer.from("ny arbetsbok") },
      { target: file("b.csv"), content: Buffer.from("lista") },
    ];
    expect(() => writeAll(targets, true)).toThrow(/samma fil.*Ange två olika filer/);
    expect(fs.readFileSync(file("a.xlsx"), "utf8")).toBe("arbetsbok");
    expect(fs.readdirSync(dir).sort()).toEqual(["a.xlsx", "b.csv"]);
  });
});
