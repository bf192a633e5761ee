/**
 * The checks of `Länsbidrag`: both pots (the rule's 66 MSEK and the regional 13 MSEK), the adjustments,
 * the final grant against the total, and the published tables against the total and the rule (INFO: the
 * sources' own figures).
 */
import { fx, join, nameRef } from "../refs";
import { twinAmounts } from "../sheets/allocationColumns";
import { PlanContext, SHEET } from "../sheets/context";
import { CountyGrantRefs } from "../sheets/countyGrant";
import { NAME, NAMED } from "../sheets/parameters";
import { cite } from "../sources";
import { Check, Computed, constant, listOf, namedCells, noneFound, sum } from "./check";
import { PAYMENT_BASES, REGIONAL_BASES } from "../../engine";
import { CellRef, Expr } from "../refs";
import { publishedRegional } from "../compute";
import { CONDITION_WORDS } from "../conditions";
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

/** A county's name as the reference list gives it (its code when it has none). */
const countyName = (ctx: PlanContext, code: string): string =>
  ctx.inputs.counties.find((x) => x.code === code)?.name ?? code;

/** The counties in the table's order, a test per row and its words, listed for the "Vilka" column of a check. */
function countiesWhere(
  ctx: PlanContext,
  c: CountyGrantRefs,
  when: (i: number) => Expr,
  words: (i: number) => Expr,
  value: (i: number) => string | undefined
) {
  return listOf(
    ctx.results.countyRule.lines.map((_, i) => ({
      when: when(i),
      text: fx`${c.table.cell("namn", i, true)}&${words(i)}`,
      value: value(i),
    }))
  );
}

/** The counties whose amount as paid differs from the published one (INFO): a basis other than the published table, or adjustments. */
function differsFromPublished(
  ctx: PlanContext,
  c: CountyGrantRefs,
  spec: { id: string; label: string; diff: string; paid: readonly number[]; published: readonly number[] }
): Check {
  const names = ctx.results.countyRule.lines.map((l) => countyName(ctx, l.code.text));
  const differs = (i: number) => spec.paid[i] !== spec.published[i];
  return noneFound({
    id: spec.id,
    label: spec.label,
    where: c.table.sheet,
    count: {
      formula: fx`COUNTIF(${c.table.col(spec.diff)},"<>0")`,
      result: spec.paid.filter((_, i) => differs(i)).length,
    },
    informational: true,
    detail: countiesWhere(
      ctx,
      c,
      (i) => fx`${c.table.cell(spec.diff, i, true)}<>0`,
      () => fx`""`,
      (i) => (differs(i) ? names[i] : undefined)
    ),
    targets: [c.table.col(spec.diff)],
    failing: { kind: "where", targets: [0], test: { is: "nonZero" } },
  });
}

/** What the counties' conditions hold back (INFO, naming the county and the condition). */
function heldChecks(ctx: PlanContext, c: CountyGrantRefs): Check[] {
  const names = ctx.results.countyRule.lines.map((l) => countyName(ctx, l.code.text));
  const held = (
    id: string,
    label: string,
    key: string,
    sumCell: CellRef,
    payment: typeof ctx.results.countyPayment | typeof ctx.results.regionalPayment,
    unmet: (i: number) => string[]
  ): Check => ({
    id,
    label,
    where: c.table.sheet,
    value: { formula: fx`${sumCell}`, result: sum(payment.held.map((h) => h.heldBack.toNumber())) },
    expected: constant(0),
    compare: "=",
    informational: true,
    detail: countiesWhere(
      ctx,
      c,
      (i) => fx`${c.table.cell(key, i, true)}<>0`,
      (i) => fx`" ("&${c.table.cell("villkor", i, true)}&")"`,
      (i) => (payment.held[i].heldBack.greaterThan(0) ? `${names[i]} (${unmet(i).join("; ")})` : undefined)
    ),
    targets: [c.table.col(key)],
    failing: { kind: "where", targets: [0], test: { is: "nonZero" } },
  });
  const conditions = ctx.results.countyConditions;
  const unmetAll = (i: number) => [
    ...(conditions[i].developmentPlan ? [] : [`länsbidraget: ${CONDITION_WORDS.developmentPlan}`]),
    ...(conditions[i].agreement ? [] : [`länsbidraget: ${CONDITION_WORDS.agreement}`]),
    ...(conditions[i].letterOfIntent ? [] : [`regionalt stöd: ${CONDITION_WORDS.letterOfIntent}`]),
  ];
  return [
    held(
      "c-innehalls",
      `Länsbidrag: innehålls för län utan plan för utvecklingsarbetet (${cite("circular", "avsnitt 2")}) eller överenskommelse med SKL (${cite("infrastructure", 15)})`,
      "c_inne",
      c.sums.grantHeld,
      ctx.results.countyPayment,
      unmetAll
    ),
    held(
      "r-innehalls",
      `Regionalt stöd: innehålls för län utan avsiktsförklaring (${cite("infrastructure", 18)})`,
      "r_inne",
      c.sums.regionalHeld,
      ctx.results.regionalPayment,
      unmetAll
    ),
  ];
}

/** One grant paid on its basis: its adjustments, its amounts as paid, what is left, and the counties paid otherwise than published. */
interface PaidGrant {
  readonly id: "c" | "r";
  /** The workbook name of its basis on Parametrar and the bases it may name. */
  readonly basis: { readonly name: string; readonly choices: readonly string[] };
  /** The grant's name at the start of each label: "Länsbidrag", "Regionalt stöd". */
  readonly name: string;
  /** Its total (a workbook name) and what the basis should distribute of it. */
  readonly total: Computed;
  readonly expected: Computed;
  /** What the basis pays, said in the label. */
  readonly basisWords: string;
  /** Why something is left undistributed, said in the label. */
  readonly leftWords: string;
  readonly adjustment: { readonly sum: CellRef; readonly key: string; readonly values: readonly number[] };
  readonly paid: { readonly sum: CellRef; readonly key: string; readonly values: readonly number[] };
  readonly undistributed: number;
  readonly differs: Omit<Parameters<typeof differsFromPublished>[2], "id" | "paid">;
}

/** The adjustments sum to 0, the amounts sum to what the basis distributes, what is left (INFO), and who differs from published (INFO). */
function paidGrantChecks(ctx: PlanContext, c: CountyGrantRefs, g: PaidGrant): Check[] {
  const where = c.table.sheet;
  const basis = nameRef(g.basis.name);
  return [
    {
      id: `${g.id}-grund`,
      label: `${g.name}: grunden för utbetalning är en av listans (${g.basis.choices.join(", ")})`,
      where: SHEET.parameters,
      value: {
        formula: fx`OR(${join(
          g.basis.choices.map((choice) => fx`${basis}="${choice}"`),
          ","
        )})`,
        // The engine refuses any other basis before the file is written.
        result: true,
      },
      expected: constant(true),
      compare: "true",
      targets: namedCells(ctx.names, g.basis.name),
      failing: { kind: "targets" },
    },
    {
      id: `${g.id}-justering`,
      label: `${g.name}: justeringarna summerar till 0`,
      where,
      value: { formula: fx`${g.adjustment.sum}`, result: sum(g.adjustment.values) },
      expected: constant(0),
      compare: "=",
      targets: [c.table.col(g.adjustment.key)],
      failing: { kind: "targets" },
    },
    {
      id: `${g.id}-slutligt`,
      label: `${g.name}: beloppen summerar till grunden för utbetalning (${g.basisWords})`,
      where,
      value: { formula: fx`${g.paid.sum}`, result: sum(g.paid.values) },
      expected: g.expected,
      compare: "=",
      targets: [c.table.col(g.paid.key)],
      failing: { kind: "targets" },
    },
    {
      id: `${g.id}-ejfordelat`,
      label: `${g.name}: ej fördelat av totalen enligt grunden för utbetalning (${g.leftWords})`,
      where,
      value: { formula: fx`${g.total.formula}-${g.paid.sum}`, result: g.undistributed },
      expected: constant(0),
      compare: "=",
      informational: true,
      targets: [c.table.col(g.paid.key)],
      failing: { kind: "targets" },
    },
    differsFromPublished(ctx, c, { ...g.differs, id: `${g.id}-avviker`, paid: g.paid.values }),
  ];
}

/** Both grants paid on their bases: the county grant (66 MSEK) and the regional support (13 MSEK). */
function paymentChecks(ctx: PlanContext, c: CountyGrantRefs): Check[] {
  const p = ctx.inputs.parameters;
  const { countyRule, regional, countyPayment, regionalPayment } = ctx.results;
  const { codes, publishedOf, published66 } = countyFigures(ctx);
  const published13 = codes.map((code) =>
    publishedRegional(ctx.inputs.publishedCountyGrant.find((g) => g.code === code))
  );
  return [
    ...paidGrantChecks(ctx, c, {
      id: "c",
      name: "Länsbidrag",
      basis: { name: NAME.paymentBasis, choices: PAYMENT_BASES },
      total: { formula: fx`${NAMED.countyTotal}`, result: p.countyGrantKr },
      expected: {
        formula: fx`IF(${NAMED.paymentBasis}="Publicerat",${c.sums.published},${NAMED.countyTotal}-${c.rule.undistributed})`,
        result:
          countyPayment.basis === "Publicerat"
            ? published66
            : p.countyGrantKr - countyRule.allocation.undistributed.toNumber(),
      },
      basisWords: "den publicerade tabellen, eller regelns fördelade belopp",
      leftWords: "den publicerade tabellen summerar till 65,5 mnkr, inte 66",
      adjustment: { sum: c.sums.adjustment, key: "just", values: countyPayment.adjustments },
      paid: { sum: c.sums.final, key: "slut", values: countyPayment.paid.map((x) => x.toNumber()) },
      undistributed: countyPayment.undistributed.toNumber(),
      differs: {
        label: `Länsbidrag: län vars slutliga bidrag skiljer sig från det publicerade (${cite("sormland", "Bilaga 2")}), efter grunden för utbetalning och justeringarna`,
        diff: "slutdiff",
        published: codes.map(publishedOf),
      },
    }),
    ...paidGrantChecks(ctx, c, {
      id: "r",
      name: "Regionalt stöd",
      basis: { name: NAME.regionalBasis, choices: REGIONAL_BASES },
      total: { formula: fx`${NAMED.regional}`, result: p.regionalSupportKr },
      expected: {
        formula: fx`IF(OR(${NAMED.regionalBasis}="Publicerat",${NAMED.regionalBasis}="Publicerat med justeringar"),${c.sums.regionalPublished},${NAMED.regional}-${c.regional.undistributed})`,
        result: regionalPayment.basis.startsWith("Publicerat")
          ? sum(published13)
          : p.regionalSupportKr - regional.allocation.undistributed.toNumber(),
      },
      basisWords: "den publicerade tabellen, bild 17 minus Bilaga 2, eller lika delar",
      leftWords: `tabellen "Fördelning av 66* + 13 milj. kr", ${cite("infrastructure", 17)}, minus Bilaga 2 summerar som transkriberad till 12,5 mnkr: Stockholms "7," ger 0, en läsning`,
      adjustment: { sum: c.sums.regionalAdjustment, key: "r_just", values: regionalPayment.adjustments },
      paid: { sum: c.sums.regionalFinal, key: "r_slut", values: regionalPayment.paid.map((x) => x.toNumber()) },
      undistributed: regionalPayment.undistributed.toNumber(),
      differs: {
        label:
          "Regionalt stöd: län vars belopp skiljer sig från det publicerade (bild 17 minus Bilaga 2, en läsning), efter grunden för utbetalning och justeringarna",
        diff: "r_slutdiff",
        published: published13,
      },
    }),
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
      detail: countiesWhere(
        ctx,
        c,
        (i) => fx`${c.table.cell("pubdiff", i, true)}<>0`,
        () => fx`""`,
        (i) => (publishedOf(codes[i]) - rule[i] !== 0 ? countyName(ctx, codes[i]) : undefined)
      ),
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
      detail: countiesWhere(
        ctx,
        c,
        (i) => fx`${c.table.cell("pub13", i, true)}<>MEDIAN(${c.table.col("pub13")})`,
        () => fx`""`,
        (i) => (additions[i] !== usual ? countyName(ctx, codes[i]) : undefined)
      ),
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
      amounts: "regelns belopp",
      table: c.table,
      cells: c.rule,
      prefix: "c",
      allocation: countyRule.allocation,
      besidesPot: { formula: fx`COUNTA(${c.table.col("kod")})*${NAMED.countyBase}`, result: counties * base },
      base: () => base,
    }),
    ...potChecks(ctx, {
      id: "r",
      label: "Regionalt stöd i lika delar",
      amounts: "de lika delarna",
      table: c.table,
      cells: c.regional,
      prefix: "r",
      allocation: regional.allocation,
    }),
    ...paymentChecks(ctx, c),
    ...heldChecks(ctx, c),
    ...publishedChecks(ctx, c),
  ];
}
