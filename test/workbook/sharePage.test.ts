/*
 * Andel, the page per party, recalculated by a second formula engine (HyperFormula) for every party in turn:
 * what a county council or municipality reads on its page must be what the payment list pays it, pot by pot.
 */
import { HyperFormula } from "hyperformula";
import { loadBundledInputs } from "../../src/cli/readData";
import { buildPlan } from "../../src/workbook/buildPlan";
import { PAYMENT_POTS, POT_HEADER } from "../../src/workbook/payments";
import { WorkbookPlan } from "../../src/workbook/plan";
import { PAYMENTS_TABLE } from "../../src/workbook/sheets/payments";
import { SHARE_CHOICE_NAME, SHARE_CODE_NAME, SHARE_TABLE } from "../../src/workbook/sheets/share";
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

  /** The payment list as HyperFormula computes it: kind and code of each row, and its amount per pot. */
  function paymentList(): { kind: unknown; code: unknown; amounts: unknown[] }[] {
    const table = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === PAYMENTS_TABLE)!;
    return Array.from({ length: table.rows }, (_, row) => ({
      kind: value(dataCell(plan, PAYMENTS_TABLE, "Typ", row)),
      code: value(dataCell(plan, PAYMENTS_TABLE, "Kod", row)),
      amounts: PAYMENT_POTS.map((pot) => value(dataCell(plan, PAYMENTS_TABLE, POT_HEADER[pot], row))),
    }));
  }

  /** Chooses a party on the page as a user types it, and reads the page's amount per pot. */
  function pageFor(choice: string | number): { code: unknown; amounts: unknown[] } {
    const cell = namedCell(plan, SHARE_CHOICE_NAME);
    hf.setCellContents(hf.simpleCellAddressFromString(cell.a1, hf.getSheetId(cell.sheet)!)!, choice);
    return {
      code: value(namedCell(plan, SHARE_CODE_NAME)),
      amounts: PAYMENT_POTS.map((_, line) => value(dataCell(plan, SHARE_TABLE, "Belopp (kr)", line))),
    };
  }

  it("shows each of the 290 municipalities and 21 county councils what Utbetalningar pays it, pot by pot", () => {
    const list = paymentList();
    const parties = list.filter((r) => r.kind === "Kommun" || r.kind === "Landsting");
    expect(parties).toHaveLength(311);
    const mismatches = parties.flatMap((party) => {
      // A code is typed into the text cell as text (HyperFormula's apostrophe keeps "0114" from becoming 114).
      const page = pageFor(`'${String(party.code)}`);
      // A county council's page shows too what its county's recipient gets (county grant, regional support).
      const county = list.find((r) => r.kind === "Länsbidrag" && r.code === party.code);
      const expected =
        party.kind === "Landsting" ? [...party.amounts.slice(0, 3), ...county!.amounts.slice(3)] : party.amounts;
      return page.code === party.code && JSON.stringify(page.amounts) === JSON.stringify(expected)
        ? []
        : [`${String(party.code)}: sidan ${JSON.stringify(page)}, listan ${JSON.stringify(expected)}`];
    });
    expect(mismatches).toEqual([]);
    // Not a comparison of zeros: the 2010 list pays something in every pot.
    expect(PAYMENT_POTS.map((_, pot) => list.some((r) => (r.amounts[pot] as number) > 0))).toEqual(
      PAYMENT_POTS.map(() => true)
    );
  });

  it("finds the party by its name, or by code and name as the list offers it", () => {
    expect(pageFor("Kalmar").code).toBe("0880");
    expect(pageFor("0880 Kalmar").code).toBe("0880");
    expect(pageFor("'08").code).toBe("08");
    // The same codes typed where the cell's text format was lost, as numbers.
    expect(pageFor(114).code).toBe("0114");
    expect(pageFor(8).code).toBe("08");
    expect(pageFor("Ingenstans").code).toBe("");
  });
});
