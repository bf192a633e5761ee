/*
 * Decisions SKL could send: the county grant and the regional support paid on every basis the controller can
 * choose, with explicit adjustments, and with conditions the sources set left unmet (a county without its plan
 * for the development work, a county without its letter of intent, a Senior alert party without a local
 * coordinator, a pilot without political backing). The workbook is recomputed from its formulas by a second
 * formula engine (HyperFormula) and by LibreOffice: every cell must reach the engine's value and the master
 * check must be OK, with what the conditions hold back shown as INFO, naming the party and the condition.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PAYMENT_BASES, PaymentBasis, REGIONAL_BASES, RegionalBasis } from "../../src/engine/countyGrant";
import { loadBundledInputs } from "../../src/cli/readData";
import { planToXlsx } from "../../src/cli/xlsxWriter";
import { buildPlan } from "../../src/workbook/buildPlan";
import { WorkbookInputs } from "../../src/workbook/inputs";
import { paymentRows } from "../../src/workbook/payments";
import { WorkbookPlan } from "../../src/workbook/plan";
import { a1 } from "../../src/workbook/refs";
import { asBoolean, cellKey, recalculate } from "../support/libreoffice";
import { namedCell } from "../support/planCells";
import { computedValue, plannedFormulas, planInHyperFormula } from "../support/planSheets";

const demo = loadBundledInputs(2010);

/** The demo with the conditions left unmet that a reviewer would try, on the given bases. */
function decided(county: PaymentBasis, regional: RegionalBasis): WorkbookInputs {
  const unmet = (c: WorkbookInputs["countyConditions"][number]) =>
    c.county === "18" ? { ...c, developmentPlan: false } : c.county === "01" ? { ...c, letterOfIntent: false } : c;
  return {
    ...demo,
    countyConditions: demo.countyConditions.map(unmet),
    seniorAlert: demo.seniorAlert.map((r) =>
      r.kind === "kommun" && r.code === "0115" ? { ...r, introduction: { ...r.introduction, coordinator: false } } : r
    ),
    pilots: demo.pilots.map((p, i) => (i === 0 ? { ...p, politicalBacking: false } : p)),
    bases: {
      county,
      regional,
      // Explicit adjustments that sum to 0, in force on the bases "med justeringar".
      countyAdjustments: { "20": 500_000, "01": -500_000 },
      regionalAdjustments: { "01": 600_000, "20": -500_000, "09": -100_000 },
    },
  };
}

/** Each formula whose recomputed value is not the engine's, as a line to read. */
function hfDifferences(hf: Awaited<ReturnType<typeof planInHyperFormula>>, plan: WorkbookPlan): string[] {
  return plannedFormulas(plan).flatMap((f) => {
    const v = computedValue(hf, f);
    const same =
      typeof v === "number" && typeof f.result === "number"
        ? Number.isInteger(f.result)
          ? v === f.result
          : Math.abs(v - f.result) <= 1e-9 * Math.max(1, Math.abs(v))
        : v === f.result;
    return same
      ? []
      : [`${f.sheet}!${f.ref} [${f.header ?? ""}] → ${JSON.stringify(v)}, motorn ${JSON.stringify(f.result)}`];
  });
}

describe("every basis of payment, with conditions unmet, recomputed by HyperFormula", () => {
  const cases = PAYMENT_BASES.flatMap((county) => REGIONAL_BASES.map((regional) => [county, regional] as const));

  it.each(cases)(
    "county grant %s, regional support %s: every formula reaches the engine's value, master check OK",
    async (county, regional) => {
      const { plan } = buildPlan(decided(county, regional), "file");
      const hf = await planInHyperFormula(plan);
      expect(hfDifferences(hf, plan).slice(0, 10)).toEqual([]);
      const master = namedCell(plan, "Alla_kontroller");
      expect(hf.getCellValue(hf.simpleCellAddressFromString(master.a1, hf.getSheetId(master.sheet)!)!)).toBe("OK");
      hf.destroy();
    },
    120_000
  );
});

describe("what a decision with conditions unmet says", () => {
  const inputs = decided("Publicerat", "Publicerat");
  const { plan, results } = buildPlan(inputs, "file");
  const rows = paymentRows(inputs, results);
  const check = (id: string) => plan.checks.find((c) => c.id === id)!;

  it("holds back Örebro's county grant (no plan) and Stockholm's regional support (no letter of intent), paying neither to anyone else", () => {
    const orebro = rows.find((r) => r.kind === "Länets mottagare" && r.code === "18")!;
    expect(orebro.heldBack.toNumber()).toBe(2_500_000);
    expect(orebro.payable.toNumber()).toBe(600_000);
    expect(orebro.held).toEqual(["länsbidraget: plan för utvecklingsarbetet"]);
    // Stockholm's published regional support is 0 as transcribed ("Stockholm 7,"): nothing to hold back.
    const stockholm = rows.find((r) => r.kind === "Länets mottagare" && r.code === "01")!;
    expect(stockholm.held).toEqual(["regionalt stöd: avsiktsförklaring"]);
    // The pots are as before: what is held back is not redistributed.
    const grant = rows.reduce((s, r) => s + r.amounts.countyGrant.toNumber(), 0);
    expect(grant).toBe(65_500_000);
  });

  it("names Gotlands kommun, the county's only party, as the payee of Gotland's common money, and says why", () => {
    const gotland = rows.find((r) => r.kind === "Länets mottagare" && r.code === "09")!;
    expect(gotland.recipient).toBe("Gotlands kommun");
    expect(gotland.nameSource).toMatch(/^Länets enda part \(kommunen med landstingets roll\)/);
    // Every other county's recipient is left to fill in, as the source leaves it.
    const others = rows.filter((r) => r.kind === "Länets mottagare" && r.code !== "09");
    expect(new Set(others.map((r) => r.recipient))).toEqual(new Set([""]));
  });

  it("names the county and the condition in an INFO check, and the master check stays OK", () => {
    const held = check("c-innehalls");
    expect(held.informational).toBe(true);
    expect(held.passes).toBe(false);
    expect(plan.checks.filter((c) => !c.passes && !c.informational)).toEqual([]);
  });

  it("leaves a Senior alert party without a local coordinator unqualified, with the condition named", () => {
    const party = results.seniorAlert.kommun.result.lines.find((l) => l.code.text === "0115")!;
    expect(party.qualifies).toBe(false);
    expect(party.reason).toMatch(/lokal koordinator/);
    expect(party.amount.toNumber()).toBe(0);
    // Started in every relevant unit, so Avstämning says so (INFO), naming the party and the missing step.
    expect(check("s-kommun-villkor").passes).toBe(false);
    expect(check("s-kommun-villkor").informational).toBe(true);
  });

  it("names that party and the step it lacks in the check's Vilka column, recomputed from the formulas", async () => {
    const hf = await planInHyperFormula(plan);
    const status = check("s-kommun-villkor").statusRef;
    const sheet = hf.getSheetId(status.sheet)!;
    const at = hf.simpleCellAddressFromString(a1(status), sheet)!;
    const row = Array.from({ length: 10 }, (_, col) => hf.getCellValue({ sheet, row: at.row, col }));
    expect(row).toContain("Vallentuna (lokal koordinator)");
    hf.destroy();
  });

  it("is FEL on Avstämning when a basis is typed that is not on the list, instead of paying on another basis", async () => {
    const hf = await planInHyperFormula(plan);
    const cell = (name: string) => {
      const at = namedCell(plan, name);
      return hf.simpleCellAddressFromString(at.a1, hf.getSheetId(at.sheet)!)!;
    };
    hf.setCellContents(cell("C_Regional_Grund"), "Med justeringar");
    const basisCheck = check("r-grund").statusRef;
    const status = () =>
      hf.getCellValue(hf.simpleCellAddressFromString(a1(basisCheck), hf.getSheetId(basisCheck.sheet)!)!);
    expect(status()).toBe("FEL");
    expect(hf.getCellValue(cell("Alla_kontroller"))).toBe("FEL");
    hf.setCellContents(cell("C_Regional_Grund"), "Lika delar");
    expect(status()).toBe("OK");
    expect(hf.getCellValue(cell("Alla_kontroller"))).toBe("OK");
    hf.destroy();
  });

  it("holds back a pilot without political backing, within the ledger's frame", () => {
    expect(results.pilots[0].held.heldBack.toNumber()).toBe(demo.pilots[0].grantedKr);
    expect(results.pilots[0].held.paid.toNumber()).toBe(0);
    expect(check("forsok-innehalls").passes).toBe(false);
    expect(check("forsok").passes).toBe(true);
  });
});

describe("decisions recalculated by LibreOffice from the formulas alone", () => {
  const runs: [PaymentBasis, RegionalBasis][] = [
    ["Publicerat", "Publicerat"],
    ["Regeln med justeringar", "Lika delar med justeringar"],
  ];
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "skl-decisions-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(runs)(
    "county grant %s, regional support %s, with conditions unmet: the engine's values and the master check OK",
    async (county, regional) => {
      const { plan } = buildPlan(decided(county, regional), "file");
      const file = path.join(dir, `${county}-${regional}.xlsx`.replace(/ /g, "_"));
      fs.writeFileSync(file, await planToXlsx(plan));
      const recalculated = await recalculate(file);
      expect(recalculated.strippedResults).toBe(recalculated.formulaCells);
      const differences = plannedFormulas(plan).flatMap((f) => {
        const got = recalculated.values.get(cellKey(f.sheet, f.ref));
        const expected = f.result;
        const same =
          typeof expected === "boolean"
            ? asBoolean(got ?? null) === expected
            : typeof expected === "number" && typeof got === "number"
              ? Number.isInteger(expected)
                ? got === expected
                : Math.abs(got - expected) <= 1e-12 * Math.max(1, Math.abs(expected))
              : (got ?? "") === (expected ?? "");
        return same
          ? []
          : [`${f.sheet}!${f.ref} [${f.header ?? ""}] → ${JSON.stringify(got)}, motorn ${JSON.stringify(expected)}`];
      });
      expect(differences.slice(0, 10)).toEqual([]);
      const master = a1(plan.names.find((n) => n.name === "Alla_kontroller")!.ref);
      expect(recalculated.get("Avstämning", master)).toBe("OK");
    },
    240_000
  );
});
