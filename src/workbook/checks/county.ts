/**
 * The checks of `Länsbidrag`: both pots (the rule's 66 MSEK and the regional 13 MSEK), the adjustments,
 * the final grant against the total, and the published tables against the total and the rule (INFO: the
 * sources' own figures).
 */
import { fx } from "../refs";
import { twinAmounts } from "../sheets/allocationColumns";
import { PlanContext } from "../sheets/context";
import { CountyGrantRefs } from "../sheets/countyGrant";
import { NAMED } from "../sheets/parameters";
import { cite } from "../sources";
import { Check, constant, noneFound, sum } from "./check";
import { potChecks } from "./pots";

/** The middle value (the mean of the two middle ones for an even count), as MEDIAN gives it. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** What every check of the county grant reads: the engine's figures per county and the published tables. */
function countyFigures(ctx: PlanContext) {
  const { countyRule } = ctx.results;
  const base = countyRule.base.toNumber();
  const published = new Map(ctx.inputs.publishedCountyGrant.map((g) => [g.code, g]));
  const publishedOf = (code: string) => published.get(code)?.publishedKr ?? 0;
  const published79Of = (code: string) => published.get(code)?.publishedWithRegionalKr ?? 0;
  const codes = countyRule.lines.map((l) => l.code.text);
  const rule = twinAmounts(
    countyRule.lines.map((l) => l.share),
    () => base
  ).twin;
  const additions = codes.map((code) => published79Of(code) - publishedOf(code));
  return {
    codes,
    rule,
    publishedOf,
    published79Of,
    published66: sum(codes.map(publishedOf)),
    additions,
    usual: median(additions),
  };
}

/** The adjustments, the grant as paid on the chosen basis, and what that basis leaves undistributed. */
function paymentChecks(ctx: PlanContext, c: CountyGrantRefs): Check[] {
  const p = ctx.inputs.parameters;
  const where = c.table.sheet;
  const { countyRule } = ctx.results;
  const payment = ctx.results.countyPayment;
  const adjustments = payment.adjustments;
  const finals = payment.paid.map((x) => x.toNumber());
  const { published66 } = countyFigures(ctx);
  return [
    {
      id: "c-justering",
      label: "Länsbidrag: justeringarna summerar till 0",
      where,
      value: { formula: fx`${c.sums.adjustment}`, result: sum(adjustments) },
      expected: constant(0),
      compare: "=",
      targets: [c.table.col("just")],
      failing: { kind: "targets" },
    },
    {
      id: "c-slutligt",
      label:
        "Länsbidrag: slutligt bidrag summerar till grunden för utbetalning (den publicerade tabellen, eller regelns fördelade belopp)",
      where,
      value: { formula: fx`${c.sums.final}`, result: sum(finals) },
      expected: {
        formula: fx`IF(${NAMED.paymentBasis}="Publicerat",${c.sums.published},${NAMED.countyTotal}-${c.rule.undistributed})`,
        result:
          payment.basis === "Publicerat"
            ? published66
            : p.countyGrantKr - countyRule.allocation.undistributed.toNumber(),
      },
      compare: "=",
      targets: [c.table.col("slut")],
      failing: { kind: "targets" },
    },
    {
      id: "c-ejfordelat",
      label:
        "Länsbidrag: ej fördelat av totalen enligt grunden för utbetalning (den publicerade tabellen summerar till 65,5 mnkr, inte 66)",
      where,
      value: { formula: fx`${NAMED.countyTotal}-${c.sums.final}`, result: payment.undistributed.toNumber() },
      expected: constant(0),
      compare: "=",
      informational: true,
      targets: [c.table.col("slut")],
      failing: { kind: "targets" },
    },
  ];
}

/** The published tables against the total and the rule (INFO: the sources' own figures). */
function publishedChecks(ctx: PlanContext, c: CountyGrantRefs): Check[] {
  const p = ctx.inputs.parameters;
  const where = c.table.sheet;
  const { codes, rule, publishedOf, published79Of, published66, additions, usual } = countyFigures(ctx);
  return [
    {
      id: "c-publicerat",
      label: "Publicerat 66 mnkr mot totalen (Bilaga 2 summerar till 65,5)",
      where,
      value: { formula: fx`${c.sums.published}`, result: published66 },
      expected: { formula: fx`${NAMED.countyTotal}`, result: p.countyGrantKr },
      compare: "=",
      informational: true,
      targets: [c.table.col("pub"), c.table.col("pubdiff")],
      failing: { kind: "where", targets: [1], test: { is: "nonZero" } },
    },
    {
      id: "c-publicerat-79",
      label: "Publicerat 66 + 13 mnkr mot totalen (tabellen på bild 17 summerar till 78)",
      where,
      value: { formula: fx`${c.sums.published79}`, result: sum(codes.map(published79Of)) },
      expected: {
        formula: fx`${NAMED.countyTotal}+${NAMED.regional}`,
        result: p.countyGrantKr + p.regionalSupportKr,
      },
      compare: "=",
      informational: true,
      targets: [c.table.col("pub79"), c.table.col("pub79diff")],
      failing: { kind: "where", targets: [1], test: { is: "nonZero" } },
    },
    noneFound({
      id: "c-publicerat-lan",
      label:
        "Länsbidrag: län där det publicerade beloppet skiljer sig från regeln (jämkningen för små län är inte nedskriven)",
      where,
      count: {
        formula: fx`COUNTIF(${c.table.col("pubdiff")},"<>0")`,
        result: codes.filter((code, i) => publishedOf(code) - rule[i] !== 0).length,
      },
      informational: true,
      targets: [c.table.col("pubdiff")],
      failing: { kind: "where", targets: [0], test: { is: "nonZero" } },
    }),
    noneFound({
      id: "c-publicerat-13",
      label:
        `Tabellen "Fördelning av 66* + 13 milj. kr" (${cite("infrastructure", 17)}): län vars tillägg till Bilaga 2 inte är det vanliga 0,6 mnkr ` +
        '(Stockholm 0 som transkriberat, en läsning: "Stockholm 7," har troligen tappat en decimal; Dalarna 1,1 mnkr)',
      where,
      count: {
        formula: fx`COUNTIF(${c.table.col("pub13")},"<>"&MEDIAN(${c.table.col("pub13")}))`,
        result: additions.filter((a) => a !== usual).length,
      },
      informational: true,
      targets: [c.table.col("pub13")],
      failing: { kind: "targets" },
    }),
  ];
}

export function countyChecks(ctx: PlanContext, c: CountyGrantRefs): Check[] {
  const { countyRule, regional } = ctx.results;
  const counties = countyRule.lines.length;
  const base = countyRule.base.toNumber();
  return [
    ...potChecks(ctx, {
      id: "c",
      label: "Länsbidrag, regeln",
      table: c.table,
      cells: c.rule,
      prefix: "c",
      allocation: countyRule.allocation,
      besidesPot: { formula: fx`COUNTA(${c.table.col("kod")})*${NAMED.countyBase}`, result: counties * base },
      base: () => base,
    }),
    ...potChecks(ctx, {
      id: "r",
      label: "Regionala stödstrukturer",
      table: c.table,
      cells: c.regional,
      prefix: "r",
      allocation: regional.allocation,
    }),
    ...paymentChecks(ctx, c),
    ...publishedChecks(ctx, c),
  ];
}
