/*
 * A controller edits the written workbook (file layout, no add-in) and the formulas follow: the native twins
 * give what the engine gives on the edited inputs, and Avstämning tells a changed input (INFO: the engine
 * column is from when the file was written) from a real fault (FEL). Recomputed by HyperFormula.
 */
import { HyperFormula } from "hyperformula";
import { loadBundledInputs } from "../../src/cli/readData";
import { buildPlan } from "../../src/workbook/buildPlan";
import { DischargeRecord, WorkbookInputs } from "../../src/workbook/inputs";
import { TABLE, HEADER, TWIN_PART, ALLOCATION_LABEL, twinHeader } from "../../src/workbook/sheets/names";
import { NAME } from "../../src/workbook/sheets/parameters";
import { WorkbookPlan } from "../../src/workbook/plan";
import { a1 } from "../../src/workbook/refs";
import { dataCell, dataRange, namedCell } from "../support/planCells";
import { planInHyperFormula } from "../support/planSheets";

const inputs = loadBundledInputs(2010);

function valueOf(hf: HyperFormula, at: { sheet: string; a1: string }): unknown {
  return hf.getCellValue(hf.simpleCellAddressFromString(at.a1, hf.getSheetId(at.sheet)!)!);
}

function setValue(hf: HyperFormula, at: { sheet: string; a1: string }, value: string | number | boolean): void {
  hf.setCellContents(hf.simpleCellAddressFromString(at.a1, hf.getSheetId(at.sheet)!)!, value);
}

function columnValues(hf: HyperFormula, plan: WorkbookPlan, table: string, header: string): unknown[] {
  const { sheet, address } = dataRange(plan, table, header);
  const range = hf.simpleCellRangeFromString(address, hf.getSheetId(sheet)!)!;
  return hf.getRangeValues(range).map((row) => row[0]);
}

/** The status of each check on Avstämning, by check id. */
function statuses(hf: HyperFormula, plan: WorkbookPlan): Map<string, unknown> {
  return new Map(plan.checks.map((c) => [c.id, valueOf(hf, { sheet: c.statusRef.sheet, a1: a1(c.statusRef) })]));
}

const master = (hf: HyperFormula, plan: WorkbookPlan) => valueOf(hf, namedCell(plan, "Alla_kontroller"));

describe("the written workbook after a controller's edits", () => {
  it("after a changed municipal share the twins pay what the engine pays on it, and the engine comparison is INFO", async () => {
    const plan = buildPlan(inputs, "file").plan;
    const hf = await planInHyperFormula(plan);
    setValue(hf, namedCell(plan, NAME.municipalShare), 0.6);

    const edited: WorkbookInputs = { ...inputs, parameters: { ...inputs.parameters, municipalShare: 0.6 } };
    const expected = buildPlan(edited, "file").plan;
    const amount = twinHeader(ALLOCATION_LABEL.base, TWIN_PART.amount);
    const engineAmounts = columnValues(
      hf,
      plan,
      TABLE.palliativeKommun,
      twinHeader(ALLOCATION_LABEL.base, TWIN_PART.engine)
    );
    expect(columnValues(hf, plan, TABLE.palliativeKommun, amount)).toEqual(
      expected.sheets
        .flatMap((s) => s.tables)
        .find((t) => t.name === TABLE.palliativeKommun)!
        .columns.find((c) => c.header === twinHeader(ALLOCATION_LABEL.base, TWIN_PART.engine))!.cells
    );
    // The written engine column still holds the 50 % amounts, so they differ, and the check says why.
    expect(columnValues(hf, plan, TABLE.palliativeKommun, amount)).not.toEqual(engineAmounts);
    const status = statuses(hf, plan);
    expect(status.get("p1-kommun-tvilling")).toBe("INFO");
    expect(status.get("p1-kommun-summa")).toBe("OK");
    expect([...status.values()]).not.toContain("FEL");
    expect(master(hf, plan)).toBe("OK");
  });

  it("an amount typed over its formula after an input changed still fails: the paid amounts no longer sum to the pot", async () => {
    const plan = buildPlan(inputs, "file").plan;
    const hf = await planInHyperFormula(plan);
    setValue(hf, namedCell(plan, NAME.municipalShare), 0.6);
    const cell = dataCell(plan, TABLE.palliativeKommun, twinHeader(ALLOCATION_LABEL.base, TWIN_PART.amount), 0);
    setValue(hf, cell, 999_999);
    const status = statuses(hf, plan);
    expect(status.get("p1-kommun-tvilling")).toBe("INFO");
    expect(status.get("p1-kommun-summa")).toBe("FEL");
    expect(master(hf, plan)).toBe("FEL");
  });

  it("an amount that differs from the engine's while the inputs are as written is FEL", async () => {
    const plan = buildPlan(inputs, "file").plan;
    const hf = await planInHyperFormula(plan);
    // A broken twin: one party's amount typed over its formula.
    const cell = dataCell(plan, TABLE.palliativeKommun, twinHeader(ALLOCATION_LABEL.base, TWIN_PART.amount), 3);
    setValue(hf, cell, Number(valueOf(hf, cell)) + 1);
    expect(statuses(hf, plan).get("p1-kommun-tvilling")).toBe("FEL");
    expect(master(hf, plan)).toBe("FEL");
  });

  it("a Senior alert pot raised to 60 MSEK no longer reconciles with the agreement's 100 MSEK performance part", async () => {
    const plan = buildPlan(inputs, "file").plan;
    const hf = await planInHyperFormula(plan);
    expect(statuses(hf, plan).get("avtal-prestation")).toBe("OK");
    setValue(hf, namedCell(plan, NAME.seniorAlertPot), 60_000_000);
    expect(statuses(hf, plan).get("avtal-prestation")).toBe("FEL");
    expect(master(hf, plan)).toBe("FEL");
  });

  it("more registrations than deaths typed into Palliativ is FEL on Avstämning", async () => {
    const plan = buildPlan(inputs, "file").plan;
    const hf = await planInHyperFormula(plan);
    const deaths = Number(valueOf(hf, dataCell(plan, TABLE.palliativeKommun, HEADER.deaths, 5)));
    setValue(hf, dataCell(plan, TABLE.palliativeKommun, HEADER.registrations, 5), deaths + 1);
    expect(statuses(hf, plan).get("p-kommun-registreringar")).toBe("FEL");
    expect(master(hf, plan)).toBe("FEL");
  });

  it("a budget line larger than the county's grant is FEL: the leaders' rest would be negative", async () => {
    const plan = buildPlan(inputs, "file").plan;
    const hf = await planInHyperFormula(plan);
    expect(statuses(hf, plan).get("budget-04-negativ")).toBe("OK");
    setValue(hf, dataCell(plan, "Lansbudget_04", "Belopp (kr)", 0), 5_000_000);
    expect(statuses(hf, plan).get("budget-04-negativ")).toBe("FEL");
    expect(master(hf, plan)).toBe("FEL");
  });

  it("a Senior alert start written as SANT, TRUE or 1 counts as started in the twin, as the function reads it", async () => {
    const plan = buildPlan(inputs, "addin").plan;
    const hf = await planInHyperFormula(plan);
    const table = TABLE.seniorAlertKommun;
    const started = columnValues(hf, plan, table, HEADER.started);
    const row = started.indexOf("Nej");
    const weight = twinHeader(ALLOCATION_LABEL.seniorAlert, TWIN_PART.weight);
    const registrations = Number(columnValues(hf, plan, table, HEADER.registrations)[row]);
    expect(registrations).toBeGreaterThan(0);
    for (const yes of ["sant", "TRUE", true, 1, " Ja "]) {
      setValue(hf, dataCell(plan, table, HEADER.started, row), yes);
      expect([yes, columnValues(hf, plan, table, weight)[row]]).toEqual([yes, registrations]);
      // The SKL function beside the twin reads the same yes: their difference stays 0 and the check OK.
      expect(statuses(hf, plan).get("s-kommun-tvilling")).toBe("OK");
    }
    setValue(hf, dataCell(plan, table, HEADER.started, row), "nej");
    expect(columnValues(hf, plan, table, weight)[row]).toBe(0);
  });

  it("Sörmland's budget stands on the grant its own Bilaga 2 publishes: 2,0 MSEK, the leaders 1,3 MSEK", async () => {
    const plan = buildPlan(inputs, "file").plan;
    const hf = await planInHyperFormula(plan);
    const sheet = plan.sheets.find((s) => s.name === "Länsbudget")!;
    const label = (text: string) => sheet.cells.find((c) => c.content === text)!.at.row;
    const valueAt = (row: number) => valueOf(hf, { sheet: "Länsbudget", a1: `B${row}` });
    // Published 2,0 MSEK less 500 tkr follow-up and 200 tkr training: 1,3 MSEK for the leaders.
    expect(valueAt(label("Länets bidrag som det betalas (kr)"))).toBe(2_000_000);
    expect(valueAt(label("Gemensamma utvecklingsledare (resten, kr)"))).toBe(1_300_000);
    // On the rule instead, Sörmland's 9 municipalities give 3,0 MSEK and the leaders 2,3.
    setValue(hf, namedCell(plan, NAME.paymentBasis), "Regeln");
    expect(valueAt(label("Länets bidrag som det betalas (kr)"))).toBe(3_000_000);
    expect([...statuses(hf, plan)].filter(([, s]) => s === "FEL")).toEqual([]);
    expect(master(hf, plan)).toBe("OK");
  });

  describe("an individual added to UK individer", () => {
    const group = inputs.discharge[0];
    const added: DischargeRecord = { ...group, individual: "NY-1", daysReported: 30, daysAfterAnalysis: 30 };

    /** Inserts the individual as a new row in the middle of the table, as a user inserts a table row. */
    async function withAddedIndividual(record: DischargeRecord) {
      const plan = buildPlan(inputs, "file").plan;
      const hf = await planInHyperFormula(plan);
      const middle = dataCell(plan, TABLE.dischargeIndividuals, HEADER.municipality, 700);
      const sheet = hf.getSheetId(middle.sheet)!;
      const at = hf.simpleCellAddressFromString(middle.a1, sheet)!;
      hf.addRows(sheet, [at.row, 1]);
      const below = (header: string) => dataCell(plan, TABLE.dischargeIndividuals, header, 700);
      setValue(hf, below(HEADER.municipality), `'${record.municipality}`);
      setValue(hf, below(HEADER.month), `'${record.month}`);
      setValue(hf, below(HEADER.individual), `'${record.individual}`);
      setValue(hf, below(HEADER.care), record.care);
      setValue(hf, below(HEADER.daysReported), record.daysReported);
      setValue(hf, below(HEADER.daysAfter), record.daysAfterAnalysis);
      // The row's formulas, as Excel fills a table's calculated columns into an inserted row.
      const template = dataCell(plan, TABLE.dischargeIndividuals, HEADER.daysOver, 699);
      for (const header of [HEADER.daysOver, HEADER.afterCheck, HEADER.group]) {
        const from = hf.simpleCellAddressFromString(dataCell(plan, TABLE.dischargeIndividuals, header, 699).a1, sheet)!;
        const to = hf.simpleCellAddressFromString(below(header).a1, sheet)!;
        hf.copy({ start: from, end: from });
        hf.paste(to);
      }
      expect(template.sheet).toBe(middle.sheet);
      return { plan, hf };
    }

    it("is settled with its group: the settlement equals the engine's on the data with that individual", async () => {
      const { plan, hf } = await withAddedIndividual(added);
      const expected = buildPlan({ ...inputs, discharge: [...inputs.discharge, added] }, "file").plan;
      const engine = expected.sheets
        .flatMap((s) => s.tables)
        .find((t) => t.name === TABLE.dischargeSettlement)!
        .columns.find((c) => c.header === HEADER.dischargeEngine)!.cells;
      expect(columnValues(hf, plan, TABLE.dischargeSettlement, HEADER.dischargeAmount)).toEqual(engine);
      // The added 30 days put the first group over its limit, so the engine column written before differs.
      expect(columnValues(hf, plan, TABLE.dischargeSettlement, HEADER.dischargeAmount)).not.toEqual(
        columnValues(hf, plan, TABLE.dischargeSettlement, HEADER.dischargeEngine)
      );
      const status = statuses(hf, plan);
      expect(status.get("uk-grupper")).toBe("OK");
      expect(status.get("uk-tvilling")).toBe("INFO");
      expect(master(hf, plan)).toBe("OK");
    });

    it("of a group without a settlement row fails the check that every individual is counted", async () => {
      const { plan, hf } = await withAddedIndividual({ ...added, month: "2019-01" });
      const known = new Set(inputs.discharge.map((d) => `${d.municipality} ${d.month} ${d.care}`));
      expect(known.has(`${added.municipality} 2019-01 ${added.care}`)).toBe(false);
      expect(statuses(hf, plan).get("uk-grupper")).toBe("FEL");
      expect(master(hf, plan)).toBe("FEL");
    });
  });
});
