/**
 * The checks of the ledgers and the agreement as a whole: the pilots within their frame, P + S against the
 * performance-based part, the 271 MSEK, and each county's own budget of its grant.
 */
import { asRange, fx } from "../refs";
import { PlanContext, SHEET } from "../sheets/context";
import { BudgetRefs, PilotRefs } from "../sheets/ledgers";
import { NAME, NAMED } from "../sheets/parameters";
import { Check, constant, listOf, namedCells, sum } from "./check";

export function agreementChecks(ctx: PlanContext, pilots: PilotRefs): Check[] {
  const p = ctx.inputs.parameters;
  return [
    {
      id: "forsok",
      label: "Försöksverksamheter: beviljat ryms i ramen",
      where: SHEET.pilots,
      value: { formula: fx`${pilots.granted}`, result: sum(ctx.inputs.pilots.map((x) => x.grantedKr)) },
      expected: { formula: fx`${pilots.frame}`, result: p.pilotsKr },
      compare: "<=",
      targets: [asRange(pilots.granted)],
      failing: { kind: "targets" },
    },
    {
      id: "forsok-innehalls",
      label:
        "Försöksverksamheter: innehålls för försök där ett villkor inte är uppfyllt (sökande som bild 16 inte nämner, eller utan politisk förankring)",
      where: SHEET.pilots,
      value: {
        formula: fx`${pilots.held}`,
        result: sum(ctx.results.pilots.map((x) => x.held.heldBack.toNumber())),
      },
      expected: constant(0),
      compare: "=",
      informational: true,
      detail: listOf(
        ctx.inputs.pilots.map((pilot, i) => ({
          when: fx`${pilots.table.cell("inne", i, true)}>0`,
          text: fx`${pilots.table.cell("id", i, true)}&" ("&${pilots.table.cell("villkor", i, true)}&")"`,
          value: ctx.results.pilots[i].held.heldBack.greaterThan(0)
            ? `${pilot.id} (${[
                ...(ctx.results.pilots[i].eligible ? [] : ["sökande som källan inte nämner"]),
                ...(ctx.results.pilots[i].backed ? [] : ["politisk förankring"]),
              ].join("; ")})`
            : undefined,
        }))
      ),
      targets: [pilots.table.col("inne")],
      failing: { kind: "where", targets: [0], test: { is: "nonZero" } },
    },
    {
      id: "avtal-prestation",
      label: "Överenskommelsen: Palliativregistret (nivå 1 + 2) + Senior alert = den prestationsbaserade delen",
      where: SHEET.parameters,
      value: {
        formula: fx`${NAMED.basePot}+${NAMED.bonusPot}+${NAMED.seniorAlertPot}`,
        result: p.palliativeBasePotKr + p.palliativeBonusPotKr + p.seniorAlertPotKr,
      },
      expected: { formula: fx`${NAMED.performanceBased}`, result: p.performanceBasedKr },
      compare: "=",
      targets: namedCells(ctx.names, NAME.basePot, NAME.bonusPot, NAME.seniorAlertPot, NAME.performanceBased),
      failing: { kind: "targets" },
    },
    {
      id: "avtal",
      label: "Överenskommelsen: prestationsbaserat + länsbidrag + försök + register och samordning = totalen",
      where: SHEET.parameters,
      value: {
        formula: fx`${NAMED.performanceBased}+${NAMED.countyTotal}+${NAMED.pilots}+${NAMED.registries}`,
        result: p.performanceBasedKr + p.countyGrantKr + p.pilotsKr + p.registriesKr,
      },
      expected: { formula: fx`${NAMED.agreement}`, result: p.agreementTotalKr },
      compare: "=",
      targets: namedCells(
        ctx.names,
        NAME.performanceBased,
        NAME.countyTotal,
        NAME.pilots,
        NAME.registries,
        NAME.agreement
      ),
      failing: { kind: "targets" },
    },
  ];
}

export function budgetChecks(ctx: PlanContext, budget: BudgetRefs): Check[] {
  const nameOf = (code: string) => ctx.inputs.counties.find((c) => c.code === code)?.name ?? `län ${code}`;
  return budget.counties.flatMap((b): Check[] => [
    {
      id: `budget-${b.code}`,
      label: `Länsbudget, ${nameOf(b.code)}: budgeten summerar till länets bidrag`,
      where: SHEET.countyBudget,
      value: { formula: fx`${b.sum}`, result: b.sumKr },
      expected: { formula: fx`${b.grant}`, result: b.grantKr },
      compare: "=",
      targets: [asRange(b.sum), asRange(b.grant)],
      failing: { kind: "targets" },
    },
    {
      id: `budget-${b.code}-negativ`,
      label: `Länsbudget, ${nameOf(b.code)}: ingen post är negativ (posterna ryms i bidraget)`,
      where: SHEET.countyBudget,
      value: { formula: fx`${b.smallest}`, result: b.smallestKr },
      expected: constant(0),
      compare: ">=",
      targets: [asRange(b.smallest)],
      failing: { kind: "targets" },
    },
  ]);
}
