/*
 * The payment list as a finance system reads it: `npm run workbook -- --payments FILE.csv` writes one line per
 * payee with an amount to pay, with its organisation number and account, semicolons, UTF-8 with a byte-order
 * mark, whole kronor; each pot's column adds up to what the pot distributed; refused while a payee of an amount
 * has no account; an existing file is never written over without --force.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Decimal from "decimal.js";
import { loadBundledInputs } from "../../src/cli/readData";
import { main } from "../../src/cli/workbook";
import { computeWorkbook } from "../../src/workbook/compute";
import { paymentRows, PaymentRow } from "../../src/workbook/payments";
import { demoWithPayees } from "../support/payees";
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

/** The CSV's lines as fields, without the byte-order mark and the header. */
function csvRows(file: string): string[][] {
  return fs
    .readFileSync(file, "utf8")
    .slice(1)
    .trimEnd()
    .split("\r\n")
    .slice(1)
    .map((l) => l.split(";"));
}

describe("npm run workbook -- --payments FILE.csv", () => {
  const inputs = loadBundledInputs(2010);

  it("writes a line per payee with an amount to pay, its name, organisation number and account, whole kronor that add up to the pots", async () => {
    const data = demoWithPayees(dir, inputs);
    const csv = path.join(dir, "utbetalningar.csv");
    expect(await main(["--data", data, "--out", path.join(dir, "skl.xlsx"), "--payments", csv])).toBe(0);
    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").slice(1).split("\r\n")[0]).toBe(
      "Typ;Kod;Mottagare;Organisationsnummer;Bankgiro;Plusgiro;Län;Palliativ nivå 1 (kr);Palliativ nivå 2 (kr);Senior alert (kr);Länsbidrag (kr);Regionalt stöd (kr);Summa (kr);Innehålls (kr);Att betala (kr)"
    );
    const rows = csvRows(csv);
    for (const r of rows) {
      for (const amount of r.slice(7)) expect(amount).toMatch(/^\d+$/);
      expect(Number(r[14])).toBeGreaterThan(0);
      expect(r[3]).toMatch(/^\d{6}-\d{4}$/);
      expect(r[4]).toMatch(/^\d{3,4}-\d{4}$/);
    }
    // No line pays nothing: every payee with 0 kr is left out.
    const r = computeWorkbook(inputs);
    const zeroPayees = paymentRows(inputs, r).filter((x) => x.payable.isZero()).length;
    expect(rows.length).toBe(290 + 20 + 21 - zeroPayees);
    const column = (i: number) => rows.reduce((sum, x) => sum + Number(x[i]), 0);
    const distributed = (a: { distributed: Decimal }, b: { distributed: Decimal }) =>
      a.distributed.plus(b.distributed).toNumber();
    expect(column(7)).toBe(distributed(r.palliative.kommun.base.allocation, r.palliative.landsting.base.allocation));
    expect(column(8)).toBe(distributed(r.palliative.kommun.bonus.allocation, r.palliative.landsting.bonus.allocation));
    expect(column(9)).toBe(
      distributed(r.seniorAlert.kommun.result.allocation, r.seniorAlert.landsting.result.allocation)
    );
    // Paid by the published tables: Bilaga 2 (65,5 of 66 MSEK) and bild 17 less Bilaga 2 (12,5 of 13 MSEK).
    expect(column(10)).toBe(65_500_000);
    expect(column(11)).toBe(12_500_000);
    expect(column(12)).toBe(column(7) + column(8) + column(9) + column(10) + column(11));
    expect(column(13)).toBe(0);
    expect(column(14)).toBe(column(12));
    // Sörmland's county recipient: 2,0 MSEK as Bilaga 2 publishes, 0,6 MSEK as bild 17 adds.
    expect(rows.find((x) => x[0] === "Länets mottagare" && x[1] === "04")?.slice(0, 3)).toEqual([
      "Länets mottagare",
      "04",
      "Länets mottagare 04",
    ]);
    expect(rows.find((x) => x[0] === "Länets mottagare" && x[1] === "04")?.slice(10, 12)).toEqual([
      "2000000",
      "600000",
    ]);
    // Gotlands kommun is one payee with both roles' amounts: no line for a county council 09.
    const gotland = rows.filter((x) => x[1] === "0980" || (x[0] !== "Länets mottagare" && x[1] === "09"));
    expect(gotland).toHaveLength(1);
    expect(gotland[0].slice(0, 3)).toEqual(["Kommun och landsting", "0980", "Gotlands kommun"]);
    expect(gotland[0][12]).toBe("505984");
  });

  it("is refused while a payee of an amount has no account, naming the payees, and writes nothing", async () => {
    const data = demoWithPayees(dir, inputs, ["kommun:0114", "län:25"]);
    const csv = path.join(dir, "utbetalningar.csv");
    const out = path.join(dir, "skl.xlsx");
    const error = jest.spyOn(console, "error");
    expect(await main(["--data", data, "--out", out, "--payments", csv])).toBe(1);
    const message = error.mock.calls.flat().join("\n");
    expect(message).toMatch(/Utbetalningslistan kan inte skrivas: 2 mottagare/);
    expect(message).toMatch(/kommun 0114 Upplands Väsby: saknar organisationsnummer, bankgiro eller plusgiro/);
    expect(message).toMatch(/länets mottagare 25: saknar namn, organisationsnummer, bankgiro eller plusgiro/);
    expect(message).toMatch(/Ingen fil skrevs/);
    expect(fs.existsSync(csv)).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("holds back a county's grant while its plan is missing: the line pays the regional support only, and says what is held back", async () => {
    const data = demoWithPayees(dir, inputs);
    const conditions = path.join(data, "lansvillkor.csv");
    fs.writeFileSync(conditions, fs.readFileSync(conditions, "utf8").replace("18,ja,ja,ja", "18,nej,ja,ja"));
    const csv = path.join(dir, "utbetalningar.csv");
    const log = jest.spyOn(console, "log");
    expect(await main(["--data", data, "--out", path.join(dir, "skl.xlsx"), "--payments", csv])).toBe(0);
    const orebro = csvRows(csv).find((x) => x[0] === "Länets mottagare" && x[1] === "18")!;
    // Örebro: Bilaga 2's 2,5 MSEK held back, bild 17's 0,6 MSEK paid.
    expect(orebro.slice(10)).toEqual(["2500000", "600000", "3100000", "2500000", "600000"]);
    expect(log.mock.calls.flat().join("\n")).toMatch(
      /Innehålls: Länets mottagare 18, 2500000 kr \(villkor som inte är uppfyllda: länsbidraget: plan för utvecklingsarbetet\)/
    );
  });

  it("keeps a payee that starts like a formula as text, in full-width forms too, as the pane's import does", async () => {
    const data = demoWithPayees(dir, loadBundledInputs(2010));
    const payees: Record<string, string> = {
      "01": "＝HYPERLINK(1)",
      "03": "＋46 8 123",
      "04": "－1",
      "05": "＠SUM(A1)",
      "06": "=1+1",
      "07": "'Växjö",
    };
    const file = path.join(data, "mottagare.csv");
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, "utf8")
        .replace(/^län,(\d\d),Länets mottagare \d\d,/gm, (line, code: string) =>
          code in payees ? `län,${code},"${payees[code].replace(/"/g, '""')}",` : line
        )
    );
    const csv = path.join(dir, "utbetalningar.csv");
    expect(await main(["--data", data, "--out", path.join(dir, "skl.xlsx"), "--payments", csv])).toBe(0);
    const recipients = Object.fromEntries(
      fs
        .readFileSync(csv, "utf8")
        .split("\r\n")
        .map((l) => l.split(";"))
        .filter((x) => x[0] === "Länets mottagare" && x[1] in payees)
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
    const data = demoWithPayees(dir, loadBundledInputs(2010));
    expect(await main(["--data", data, "--out", out, "--payments", csv])).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readFileSync(csv, "utf8")).toBe("mina egna rader");
    expect(await main(["--data", data, "--out", out, "--payments", csv, "--force"])).toBe(0);
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
    return {
      kind: "Kommun",
      code: "0114",
      recipient,
      nameSource: "test",
      county: "01",
      account: { organisationNumber: "212000-0142", bankgiro: "160-9908" },
      amounts,
      total: new Decimal(base),
      heldBack: zero,
      payable: new Decimal(base),
      held: [],
    };
  };

  it("quotes a field with a semicolon or quote, and keeps a text that looks like a formula as text", () => {
    const text = paymentsCsv([row('Kommun; "A"', "10"), row("=HYPERLINK(1)", "5")]);
    expect(text.split("\r\n")[1]).toBe('Kommun;0114;"Kommun; ""A""";212000-0142;160-9908;;01;10;0;0;0;0;10;0;10');
    expect(text.split("\r\n")[2]).toBe("Kommun;0114;'=HYPERLINK(1);212000-0142;160-9908;;01;5;0;0;0;0;5;0;5");
  });

  it("leaves out a payee with nothing to pay", () => {
    expect(
      paymentsCsv([row("A", "10"), row("B", "0")])
        .trimEnd()
        .split("\r\n")
    ).toHaveLength(2);
  });

  it("refuses an amount with öre: a payment list is whole kronor", () => {
    expect(() => paymentsCsv([row("X", "10.50")])).toThrow(/hela kronor.*kommun 0114.*10\.5/);
  });
});
