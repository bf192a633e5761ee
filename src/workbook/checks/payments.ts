/**
 * The checks of the payment list: each pot's column sums to what the pot distributed, the total to the pots
 * together, and (INFO) the county grants whose recipient is not yet filled in.
 */
import { PAYMENT_POTS, PaymentPot, POT_HEADER } from "../payments";
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
    regional: { formula: fx`${county.regional.distributed}`, result: r.regional.allocation.distributed.toNumber() },
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
  const missingPayees = payments.rows.filter((r) => r.kind === "Länsbidrag" && r.recipient.trim() === "").length;
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
      label: "Utbetalningar: summan av alla utbetalningar = potterna tillsammans",
      where,
      value: { formula: fx`${payments.sums.total}`, result: sum(payments.rows.map((r) => r.total.toNumber())) },
      expected: {
        formula: join(
          PAYMENT_POTS.map((pot) => pots[pot].formula),
          "+"
        ),
        result: sum(PAYMENT_POTS.map((pot) => Number(pots[pot].result))),
      },
      compare: "=",
      targets: [asRange(payments.sums.total)],
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
          payments.rows.find((r) => r.code === share.chosenCode && r.kind !== "Länsbidrag")?.total.toNumber() ?? 0,
      },
      compare: "=",
      targets: [asRange(share.total)],
      failing: { kind: "targets" },
    },
    noneFound({
      id: "utb-mottagare",
      label:
        'Utbetalningar: län vars mottagare av länsbidraget inte är ifylld (Sörmlandsöverenskommelsen, s. 3, lämnar fältet tomt: "Medel utbetalas till Bank/postgiro")',
      where,
      count: {
        formula: fx`ROWS(${payments.payees.col("mottagare")})-COUNTA(${payments.payees.col("mottagare")})`,
        result: missingPayees,
      },
      informational: true,
      targets: [payments.payees.col("mottagare")],
      failing: { kind: "targets" },
    }),
  ];
}
