/*
 * The payment list as a finance system reads it: `npm run workbook -- --payments FILE.csv` writes one line per
 * recipient, semicolons, UTF-8 with a byte-order mark, whole kronor; each pot's column adds up to what the pot
 * distributed; an existing file is never written over without --force.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Decimal from "decimal.js";
import { loadBundledInputs } from "../../src/cli/readData";
import { main } from "../../src/cli/workbook";
import { computeWorkbook } from "../../src/workbook/compute";
import { PaymentRow } from "../../src/workbook/payments";
import { paymentsCsv } from "../../src/workbook/paymentsCsv";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "skl-payments-"));
  jest.spyOn(console, "log").mockImplementation(() => undefined);
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run workbook -- --payments FILE.csv", () => {
  it("writes the list: a line per recipient, semicolons, UTF-8 with BOM, whole kronor that add up to the pots", async () => {
    const csv = path.join(dir, "utbetalningar.csv");
    expect(await main(["--out", path.join(dir, "skl.xlsx"), "--payments", csv])).toBe(0);
    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Typ;Kod;Mottagare;Län;Palliativ nivå 1 (kr);Palliativ nivå 2 (kr);Senior alert (kr);Länsbidrag (kr);Regionalt stöd (kr);Summa (kr)"
    );
    const rows = lines.slice(1).map((l) => l.split(";"));
    // 290 municipalities, 21 county councils, and the 21 counties' recipients of the county grant.
    expect(rows.length).toBe(290 + 21 + 21);
    for (const r of rows) for (const amount of r.slice(4)) expect(amount).toMatch(/^\d+$/);
    const column = (i: number) => rows.reduce((s, r) => s + Number(r[i]), 0);
    const r = computeWorkbook(loadBundledInputs(2010));
    const distributed = (a: { distributed: Decimal }, b: { distributed: Decimal }) =>
      a.distributed.plus(b.distributed).toNumber();
    expect(column(4)).toBe(distributed(r.palliative.kommun.base.allocation, r.palliative.landsting.base.allocation));
    expect(column(5)).toBe(distributed(r.palliative.kommun.bonus.allocation, r.palliative.landsting.bonus.allocation));
    expect(column(6)).toBe(
      distributed(r.seniorAlert.kommun.result.allocation, r.seniorAlert.landsting.result.allocation)
    );
    // Paid by the published table (Bilaga 2): 65,5 of 66 MSEK.
    expect(column(7)).toBe(65_500_000);
    expect(column(8)).toBe(13_000_000);
    expect(column(9)).toBe(column(4) + column(5) + column(6) + column(7) + column(8));
    // Sörmland's county grant as published, 2,0 MSEK, with the recipient left blank as in the source.
    expect(rows.find((x) => x[0] === "Länsbidrag" && x[1] === "04")).toEqual(
      expect.arrayContaining(["Länsbidrag", "04", "", "04", "2000000"])
    );
  });

  it("pays each county's grant to the payee a data folder names (mottagare.csv), and says which are still blank", async () => {
    const data = path.join(dir, "data");
    fs.cpSync(path.resolve(__dirname, "../../data/demo"), data, { recursive: true });
    const counties = loadBundledInputs(2010).counties.map((c) => c.code);
    const named = counties.filter((c) => c !== "25");
    fs.writeFileSync(
      path.join(data, "mottagare.csv"),
      `county,recipient\n${named.map((c) => `${c},Länets mottagare ${c}`).join("\n")}\n`
    );
    const csv = path.join(dir, "utbetalningar.csv");
    const log = jest.spyOn(console, "log");
    expect(await main(["--data", data, "--out", path.join(dir, "skl.xlsx"), "--payments", csv])).toBe(0);
    const rows = fs
      .readFileSync(csv, "utf8")
      .slice(1)
      .trimEnd()
      .split("\r\n")
      .map((l) => l.split(";"));
    expect(rows.find((x) => x[0] === "Länsbidrag" && x[1] === "04")?.slice(0, 3)).toEqual([
      "Länsbidrag",
      "04",
      "Länets mottagare 04",
    ]);
    expect(rows.find((x) => x[0] === "Länsbidrag" && x[1] === "25")?.[2]).toBe("");
    expect(log.mock.calls.flat().join("\n")).toMatch(/OBS: 1 rad för länsbidraget saknar mottagare \(län 25\)/);
  });

  it("keeps a payee that starts like a formula as text, in full-width forms too, as the pane's import does", async () => {
    const data = path.join(dir, "data");
    fs.cpSync(path.resolve(__dirname, "../../data/demo"), data, { recursive: true });
    const payees = {
      "01": "＝HYPERLINK(1)",
      "03": "＋46 8 123",
      "04": "－1",
      "05": "＠SUM(A1)",
      "06": "=1+1",
      "07": "'Växjö",
    };
    fs.writeFileSync(
      path.join(data, "mottagare.csv"),
      `county,recipient\n${Object.entries(payees)
        .map(([county, payee]) => `${county},${payee}`)
        .join("\n")}\n`
    );
    const csv = path.join(dir, "utbetalningar.csv");
    expect(await main(["--data", data, "--out", path.join(dir, "skl.xlsx"), "--payments", csv])).toBe(0);
    const recipients = Object.fromEntries(
      fs
        .readFileSync(csv, "utf8")
        .split("\r\n")
        .map((l) => l.split(";"))
        .filter((x) => x[0] === "Länsbidrag" && x[1] in payees)
        .map((x) => [x[1], x[2]])
    );
    expect(recipients).toEqual({
      "01": "'＝HYPERLINK(1)",
      "03": "'＋46 8 123",
      "04": "'－1",
      "05": "'＠SUM(A1)",
      "06": "'=1+1",
      // An apostrophe of the payee's own stays as it is: Excel shows it when it opens a CSV file.
      "07": "'Växjö",
    });
  });

  it("writes nothing when either file exists, and both with --force", async () => {
    const out = path.join(dir, "skl.xlsx");
    const csv = path.join(dir, "utbetalningar.csv");
    fs.writeFileSync(csv, "mina egna rader");
    expect(await main(["--out", out, "--payments", csv])).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readFileSync(csv, "utf8")).toBe("mina egna rader");
    expect(await main(["--out", out, "--payments", csv, "--force"])).toBe(0);
    expect(fs.readFileSync(csv, "utf8")).toMatch(/^\uFEFFTyp;Kod/);
  });

  it("refuses a file that is not .csv, or the same file as --out", async () => {
    expect(await main(["--out", path.join(dir, "a.xlsx"), "--payments", path.join(dir, "a.txt")])).toBe(2);
    expect(await main(["--out", path.join(dir, "a.xlsx"), "--payments", path.join(dir, "a.xlsx")])).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("the CSV text", () => {
  const row = (recipient: string, base: string): PaymentRow => {
    const zero = new Decimal(0);
    const amounts = { base: new Decimal(base), bonus: zero, seniorAlert: zero, countyGrant: zero, regional: zero };
    return { kind: "Kommun", code: "0114", recipient, county: "01", amounts, total: new Decimal(base) };
  };

  it("quotes a field with a semicolon or quote, and keeps a text that looks like a formula as text", () => {
    const text = paymentsCsv([row('Kommun; "A"', "10"), row("=HYPERLINK(1)", "5")]);
    expect(text.split("\r\n")[1]).toBe('Kommun;0114;"Kommun; ""A""";01;10;0;0;0;0;10');
    expect(text.split("\r\n")[2]).toBe("Kommun;0114;'=HYPERLINK(1);01;5;0;0;0;0;5");
  });

  it("refuses an amount with öre: a payment list is whole kronor", () => {
    expect(() => paymentsCsv([row("X", "10.50")])).toThrow(/hela kronor.*kommun 0114.*10\.5/);
  });
});
