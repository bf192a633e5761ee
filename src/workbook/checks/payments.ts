/**
 * The checks of the payment list: each pot's column sums to what the pot distributed, the total to the pots
 * together, and (INFO) the county grants whose recipient is not yet filled in.
 */
import { PAYMENT_POTS, PaymentPot, missingForPayment, POT_HEADER } from "../payments";
import { cite } from "../sources";
import { asRange, Expr, fx, join } from "../refs";
import { PlanContext } from "../sheets/context";
import { CountyGrantRefs } from "../sheets/countyGrant";
import { PalliativeTables } from "../sheets/palliative";
import { PaymentRefs } from "../sheets/payments";
import { SeniorAlertTables } from "../sheets/seniorAlert";
import { ShareRefs } from "../sheets/share";
import { Check, Computed, noneFound, sum } from "./check";

/** What each pot distributed, as a formula over the pot sheets' cells and as the engine's figure. */
function distributed(
  ctx: PlanContext,
  palliative: PalliativeTables,
  seniorAlert: SeniorAlertTables,
  county: CountyGrantRefs
): Record<PaymentPot, Computed> {
  const r = ctx.results;
  const both = (cells: (kind: "kommun" | "landsting") => Expr, value: (kind: "kommun" | "landsting") => number) => ({
    formula: fx`${cells("kommun")}+${cells("landsting")}`,
    result: value("kommun") + value("landsting"),
  });
  return {
    base: both(
      (k) => fx`${palliative.pots[k].base.distributed}`,
      (k) => r.palliative[k].base.allocation.distributed.toNumber()
    ),
    bonus: both(
      (k) => fx`${palliative.pots[k].bonus.distributed}`,
      (k) => r.palliative[k].bonus.allocation.distributed.toNumber()
    ),
    seniorAlert: both(
      (k) => fx`${seniorAlert.pots[k].distributed}`,
      (k) => r.seniorAlert[k].result.allocation.distributed.toNumber()
    ),
    countyGrant: { formula: fx`${county.sums.final}`, result: sum(r.countyPayment.paid.map((p) => p.toNumber())) },
    regional: {
      formula: fx`${county.sums.regionalFinal}`,
      result: sum(r.regionalPayment.paid.map((p) => p.toNumber())),
    },
  };
}

export function paymentChecks(
  ctx: PlanContext,
  payments: PaymentRefs,
  palliative: PalliativeTables,
  seniorAlert: SeniorAlertTables,
  county: CountyGrantRefs,
  share: ShareRefs
): Check[] {
  const pots = distributed(ctx, palliative, seniorAlert, county);
  const where = payments.table.sheet;
  const paid = (pot: PaymentPot) => sum(payments.rows.map((r) => r.amounts[pot].toNumber()));
  const heldBack = sum(payments.rows.map((r) => r.heldBack.toNumber()));
  const countyHeld = {
    formula: fx`${county.sums.grantHeld}+${county.sums.regionalHeld}`,
    result:
      sum(ctx.results.countyPayment.held.map((h) => h.heldBack.toNumber())) +
      sum(ctx.results.regionalPayment.held.map((h) => h.heldBack.toNumber())),
  };
  const lacking = payments.rows.filter((r) => missingForPayment(r).length > 0).length;
  const allPots = {
    formula: join(
      PAYMENT_POTS.map((pot) => pots[pot].formula),
      "+"
    ),
    result: sum(PAYMENT_POTS.map((pot) => Number(pots[pot].result))),
  };
  return [
    ...PAYMENT_POTS.map((pot): Check => ({
      id: `utb-${pot}`,
      label: `Utbetalningar: kolumnen ${POT_HEADER[pot]} summerar till det potten fördelar`,
      where,
      value: { formula: fx`${payments.sums[pot]}`, result: paid(pot) },
      expected: pots[pot],
      compare: "=",
      targets: [payments.table.col(pot)],
      failing: { kind: "targets" },
    })),
    {
      id: "utb-summa",
      label: "Utbetalningar: summan av alla rader = potterna tillsammans",
      where,
      value: { formula: fx`${payments.sums.total}`, result: sum(payments.rows.map((r) => r.total.toNumber())) },
      expected: allPots,
      compare: "=",
      targets: [asRange(payments.sums.total)],
      failing: { kind: "targets" },
    },
    {
      id: "utb-innehalls-summa",
      label: "Utbetalningar: det som innehålls = det som villkoren håller inne på Länsbidrag",
      where,
      value: { formula: fx`${payments.sums.held}`, result: heldBack },
      expected: countyHeld,
      compare: "=",
      targets: [payments.table.col("inne")],
      failing: { kind: "targets" },
    },
    {
      id: "utb-att-betala",
      label: "Utbetalningar: att betala = potterna − det som innehålls",
      where,
      value: { formula: fx`${payments.sums.payable}`, result: sum(payments.rows.map((r) => r.payable.toNumber())) },
      expected: {
        formula: fx`${allPots.formula}-(${countyHeld.formula})`,
        result: allPots.result - countyHeld.result,
      },
      compare: "=",
      targets: [asRange(payments.sums.payable)],
      failing: { kind: "targets" },
    },
    {
      // The page of the party chosen on Andel pays what its row of the payment list pays.
      id: "andel",
      label: "Andel: sidans summa till parten = partens rad på Utbetalningar",
      where: share.table.sheet,
      value: { formula: fx`${share.total}`, result: share.totalKr },
      expected: {
        formula: fx`IFERROR(INDEX(${payments.table.col("summa")},MATCH(${share.code},${payments.table.col("kod")},0)),0)`,
        result:
          payments.rows.find((r) => r.code === share.chosenCode && r.kind !== "Länets mottagare")?.total.toNumber() ??
          0,
      },
      compare: "=",
      targets: [asRange(share.total)],
      failing: { kind: "targets" },
    },
    noneFound({
      id: "utb-saknas",
      label: `Utbetalningar: mottagare med ett belopp att betala som saknar namn, organisationsnummer eller konto (kolumnen Saknas för utbetalning; källan lämnar dem tomma: "Medel utbetalas till Bank/postgiro", ${cite("sormland", 3)})`,
      where,
      count: { formula: fx`COUNTIF(${payments.table.col("klar")},"Nej")`, result: lacking },
      informational: true,
      targets: [payments.table.col("klar"), payments.table.col("saknas")],
      failing: { kind: "where", targets: [0], test: { is: "text", value: "Nej" } },
    }),
  ];
}
