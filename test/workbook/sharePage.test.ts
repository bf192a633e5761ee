/*
 * Andel, the party's decision letter, recalculated by a second formula engine (HyperFormula) for every party in
 * turn: what a county council or municipality reads on its page must be what the payment list pays it, and the
 * page must let it check its amount alone: for every pot, its weight times the amount per unit is the exact share,
 * and the amount is that share in whole kronor (rounded down, or one krona more by the largest remainder).
 */
import { HyperFormula } from "hyperformula";
import { loadBundledInputs } from "../../src/cli/readData";
import { buildPlan } from "../../src/workbook/buildPlan";
import { PAYMENT_POTS, POT_HEADER } from "../../src/workbook/payments";
import { WorkbookPlan } from "../../src/workbook/plan";
import { a1 } from "../../src/workbook/refs";
import { PAYMENT_HEADER, PAYMENTS_TABLE } from "../../src/workbook/sheets/payments";
import { SHARE_CHOICE_NAME, SHARE_CODE_NAME, SHARE_COUNTY_TABLE, SHARE_TABLE } from "../../src/workbook/sheets/share";
import { dataCell, namedCell } from "../support/planCells";
import { planInHyperFormula } from "../support/planSheets";

describe("Andel for every party, recalculated by HyperFormula", () => {
  let plan: WorkbookPlan;
  let hf: HyperFormula;

  beforeAll(async () => {
    plan = buildPlan(loadBundledInputs(2010), "file").plan;
    hf = await planInHyperFormula(plan);
  });

  const value = (cell: { sheet: string; a1: string }): unknown =>
    hf.getCellValue(hf.simpleCellAddressFromString(cell.a1, hf.getSheetId(cell.sheet)!)!);

  /** The payment list as HyperFormula computes it: kind, code and county of each row, its amounts and total. */
  function paymentList() {
    const table = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === PAYMENTS_TABLE)!;
    const at = (header: string, row: number) => value(dataCell(plan, PAYMENTS_TABLE, header, row));
    return Array.from({ length: table.rows }, (_, row) => ({
      kind: at(PAYMENT_HEADER.kind, row),
      code: at(PAYMENT_HEADER.code, row),
      county: at(PAYMENT_HEADER.county, row),
      amounts: PAYMENT_POTS.map((pot) => at(POT_HEADER[pot], row)),
      total: at(PAYMENT_HEADER.total, row),
    }));
  }

  const page = (header: string, line: number) => value(dataCell(plan, SHARE_TABLE, header, line));
  const lines = Array.from({ length: 6 }, (_, line) => line);

  /** Chooses a party on the page as a user types it, and reads the page: its code, lines, total and county money. */
  function pageFor(choice: string | number) {
    const cell = namedCell(plan, SHARE_CHOICE_NAME);
    hf.setCellContents(hf.simpleCellAddressFromString(cell.a1, hf.getSheetId(cell.sheet)!)!, choice);
    const amounts = lines.map((line) => page("Belopp (kr)", line));
    return {
      code: value(namedCell(plan, SHARE_CODE_NAME)),
      amounts,
      total: amounts.reduce((s: number, a) => s + (typeof a === "number" ? a : 0), 0),
      county: [0, 1].map((line) => value(dataCell(plan, SHARE_COUNTY_TABLE, "Enligt grunden (kr)", line))),
    };
  }

  it("shows each of the 290 municipalities and 20 county councils what Utbetalningar pays it, and its county's money apart", () => {
    const list = paymentList();
    const parties = list.filter((r) => r.kind !== "Länets mottagare");
    // Gotlands kommun is one party with both roles: 290 municipalities and the 20 other county councils.
    expect(parties).toHaveLength(310);
    const mismatches = parties.flatMap((party) => {
      // A code is typed into the text cell as text (HyperFormula's apostrophe keeps "0114" from becoming 114).
      const shown = pageFor(`'${String(party.code)}`);
      const county = list.find((r) => r.kind === "Länets mottagare" && r.code === party.county)!;
      const expected = { code: party.code, total: party.total, county: county.amounts.slice(3) };
      const got = { code: shown.code, total: shown.total, county: shown.county };
      return JSON.stringify(got) === JSON.stringify(expected)
        ? []
        : [`${String(party.code)}: sidan ${JSON.stringify(got)}, listan ${JSON.stringify(expected)}`];
    });
    expect(mismatches).toEqual([]);
    // Not a comparison of zeros: the 2010 list pays something in every pot.
    expect(PAYMENT_POTS.map((_, pot) => list.some((r) => (r.amounts[pot] as number) > 0))).toEqual(
      PAYMENT_POTS.map(() => true)
    );
  });

  it("lets every party check its amounts alone: weight × kronor per unit is the exact share, and the amount is it in whole kronor", () => {
    const list = paymentList().filter((r) => r.kind !== "Länets mottagare");
    const wrong = list.flatMap((party) => {
      pageFor(`'${String(party.code)}`);
      return lines.flatMap((line) => {
        if (page("Pott", line) === "") return [];
        const perUnit = page("Kr per enhet", line);
        const weight = page("Partens vikt", line) as number;
        const exact = page("Exakt andel (kr)", line) as number;
        const amount = page("Belopp (kr)", line) as number;
        const potKr = page("Pott (kr)", line) as number;
        const total = page("Kvalificerades vikt", line) as number;
        // Rates and exact shares are shown, not paid: HyperFormula hands them rounded to about ten digits.
        const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
        const checks =
          (perUnit === "" ? total === 0 : near((perUnit as number) * total, potKr)) &&
          near(weight * (perUnit === "" ? 0 : (perUnit as number)), exact) &&
          (amount === Math.floor(exact + 1e-9) || amount === Math.floor(exact + 1e-9) + 1);
        return checks
          ? []
          : [`${String(party.code)} rad ${line + 1}: ${JSON.stringify({ perUnit, weight, exact, amount })}`];
      });
    });
    expect(wrong).toEqual([]);
  });

  it("gives Gotlands kommun one page with both roles, by its municipal code, its county council's code or its name", () => {
    const byKommun = pageFor("'0980");
    expect(byKommun.code).toBe("0980");
    expect(page("Roll", 0)).toBe("kommun");
    expect(page("Roll", 3)).toBe("landsting");
    expect(page("Kod i potten", 3)).toBe("09");
    expect(byKommun.total).toBe(505_984);
    expect(pageFor("'09")).toEqual(byKommun);
    expect(pageFor("Gotlands kommun")).toEqual(byKommun);
  });

  it("states the reading its county's published figures rest on, for a party in Stockholm's or Dalarna's county and no other", () => {
    const share = plan.sheets.find((s) => s.name === "Andel")!;
    // Written for the party the file opens on, Upplands Väsby in Stockholm's county.
    const reading = share.cells.find(
      (c) => c.content && typeof c.content === "object" && String(c.content.result).startsWith("Läsning för")
    )!;
    const said = () => value({ sheet: "Andel", a1: a1(reading.at) });
    pageFor("'0114");
    expect(said()).toMatch(
      /^Läsning för Stockholms län: Bild 17 har "Stockholm 7," där en decimal troligen fallit bort/
    );
    pageFor("Falun");
    expect(said()).toMatch(/^Läsning för Dalarnas län: Bilaga 2 har "Dalarna 2,5", som kan vara ett tappat "3,0"/);
    pageFor("'20");
    expect(said()).toMatch(/^Läsning för Dalarnas län/);
    pageFor("Kalmar");
    expect(said()).toBe("");
  });

  it("finds the party by its name, or by code and name as the list offers it", () => {
    expect(pageFor("Kalmar").code).toBe("0880");
    expect(pageFor("0880 Kalmar").code).toBe("0880");
    expect(pageFor("'08").code).toBe("08");
    expect(pageFor("Landstinget i Kalmar län").code).toBe("08");
    // The same codes typed where the cell's text format was lost, as numbers.
    expect(pageFor(114).code).toBe("0114");
    expect(pageFor(8).code).toBe("08");
    expect(pageFor("Ingenstans").code).toBe("");
  });

  it("leaves the decision date blank until the decision is taken, and flags the split of the pots as an assumption", () => {
    const share = plan.sheets.find((s) => s.name === "Andel")!;
    const label = share.cells.find((c) => c.content === "Beslutsdatum")!;
    const date = share.cells.find((c) => c.at.row === label.at.row && c.at.column === 3)!;
    expect(date.content).toBeNull();
    expect(date.style).toBe("input");
    const texts = share.cells.map((c) =>
      typeof c.content === "string"
        ? c.content
        : c.content && typeof c.content === "object"
          ? String(c.content.result)
          : ""
    );
    expect(
      texts.some((t) => /Det är ett antagande: källorna säger bara "Skilda potter till kommuner och landsting"/.test(t))
    ).toBe(true);
    expect(
      texts.some((t) => /avkortad till en tiondels procent, inte avrundad: 69,96 % visas som 69,9 %/.test(t))
    ).toBe(true);
    expect(texts).toContain('"Mätperiod: Oktober – december 2010" (källorna nedan)');
  });
});
