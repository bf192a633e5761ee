/**
 * The checks of the Kalmar discharge settlement: days after the analysis never above the reported days,
 * every individual counted in a settlement row, and the twin against the engine (or the add-in).
 */
import { dischargeByMunicipality } from "../../engine/discharge";
import { dischargeRules } from "../compute";
import { fx } from "../refs";
import { PlanContext } from "../sheets/context";
import { DischargeRefs, settlementAmounts } from "../sheets/discharge";
import { NAMED } from "../sheets/parameters";
import { Check, noneFound, spread, spreadFormula, sum } from "./check";

/** TRUE when the discharge inputs differ from those the engine settled when the file was written. */
function dischargeChanged(ctx: PlanContext, d: DischargeRefs) {
  const rows = ctx.results.dischargeRows;
  const rules = dischargeRules(ctx.inputs.parameters);
  const days = d.individuals.col("efter");
  const total = sum(rows.map((x) => x.daysAfterAnalysis));
  const squares = sum(rows.map((x) => x.daysAfterAnalysis * x.daysAfterAnalysis));
  const psychiatry = rows.filter((x) => x.care === "psykiatri").length;
  const parameters = fx`${NAMED.price}<>${Number(rules.pricePerDay)},${NAMED.dayLimit}<>${Number(rules.somatic.dayLimit)},${NAMED.averageLimit}<>${Number(rules.somatic.averageLimit)},${NAMED.psychiatryDayLimit}<>${Number(rules.psychiatry.dayLimit)},${NAMED.psychiatryAverageLimit}<>${Number(rules.psychiatry.averageLimit)}`;
  return fx`OR(COUNTA(${d.individuals.col("kommun")})<>${rows.length},SUM(${days})<>${total},SUMSQ(${days})<>${squares},COUNTIF(${d.individuals.col("vard")},"psykiatri")<>${psychiatry},${parameters})`;
}

export function dischargeChecks(ctx: PlanContext, d: DischargeRefs): Check[] {
  const { discharge: groups, dischargeRows: rows } = ctx.results;
  const amounts = settlementAmounts(groups);
  const engineWord = ctx.mode === "file" ? "motorn" : "SKL-funktionen";
  const writtenNote = ctx.mode === "file" ? " (INFO om indata ändrats sedan filen skrevs)" : "";
  return [
    noneFound({
      id: "uk-dagar",
      label: "Utskrivningsklara: dagar efter analys är inte fler än rapporterade",
      where: d.individuals.sheet,
      count: {
        formula: fx`COUNTIF(${d.individuals.col("kontroll")},"FEL")`,
        result: rows.filter((x) => x.daysAfterAnalysis > x.daysReported).length,
      },
      targets: [d.individuals.col("kontroll")],
      failing: { kind: "where", targets: [0], test: { is: "text", value: "FEL" } },
    }),
    {
      id: "uk-grupper",
      label: "Utskrivningsklara: varje individ räknas i en avräkningsrad (kommun, månad och vårdform)",
      where: d.individuals.sheet,
      value: {
        formula: fx`SUM(${d.settlement.col("ind")})`,
        result: sum(groups.map((g) => g.reported.individuals)),
      },
      expected: { formula: fx`COUNTA(${d.individuals.col("kommun")})`, result: rows.length },
      compare: "=",
      targets: [d.individuals.col("grupp"), d.settlement.col("grupp")],
      failing: { kind: "ungrouped", individuals: 0, settlement: 1 },
    },
    {
      id: "uk-aret",
      label: "Utskrivningsklara: året per kommun summerar till det som debiteras",
      where: d.year.sheet,
      value: {
        formula: fx`SUM(${d.year.col("belopp")})`,
        result: sum(dischargeByMunicipality(groups).map((y) => y.amount.toNumber())),
      },
      expected: { formula: fx`${d.totalBilled}`, result: sum(amounts.engine) },
      compare: "=",
      targets: [d.year.col("belopp")],
      failing: { kind: "targets" },
    },
    {
      id: "uk-tvilling",
      label: `Utskrivningsklara: formeln ger samma belopp som ${engineWord}${writtenNote}`,
      where: d.settlement.sheet,
      value: {
        formula: spreadFormula(d.settlement.col("diff")),
        result: spread(amounts.twin.map((twin, i) => twin - amounts.engine[i])),
      },
      expected: { formula: fx`0`, result: 0 },
      compare: "=",
      inputsChanged: ctx.mode === "file" ? dischargeChanged(ctx, d) : undefined,
      targets: [d.settlement.col("diff")],
      failing: { kind: "where", targets: [0], test: { is: "nonZero" } },
    },
  ];
}
