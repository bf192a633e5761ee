/**
 * The payment list: one row per recipient (each municipality, each county council, and each county's
 * recipient of its county grant and regional support) and what it is paid from each pot, from the engine's
 * results. The sheet `Utbetalningar` computes the same rows with formulas; the command line writes them as
 * CSV for a finance system.
 */
import Decimal from "decimal.js";
import { Money } from "../engine/money";
import { WorkbookResults } from "./compute";
import { WorkbookInputs } from "./inputs";

/** Who a row pays: a municipality, a county council, or a county's recipient of its county grant. */
export type PaymentKind = "Kommun" | "Landsting" | "Länsbidrag";

/** The pots of the list, in its column order. */
export const PAYMENT_POTS = ["base", "bonus", "seniorAlert", "countyGrant", "regional"] as const;
export type PaymentPot = (typeof PAYMENT_POTS)[number];

/** The pots as the sheet and the CSV head them. */
export const POT_HEADER: Readonly<Record<PaymentPot, string>> = {
  base: "Palliativ nivå 1 (kr)",
  bonus: "Palliativ nivå 2 (kr)",
  seniorAlert: "Senior alert (kr)",
  countyGrant: "Länsbidrag (kr)",
  regional: "Regionalt stöd (kr)",
};

export interface PaymentRow {
  readonly kind: PaymentKind;
  /** Municipality code ("0114") or county code ("08"). */
  readonly code: string;
  /** The recipient's name; for a county-grant row the payee, which the sources leave blank (""). */
  readonly recipient: string;
  /** The county's code. */
  readonly county: string;
  readonly amounts: Readonly<Record<PaymentPot, Decimal>>;
  readonly total: Decimal;
}

const zero = (): Record<PaymentPot, Decimal> => ({
  base: new Money(0),
  bonus: new Money(0),
  seniorAlert: new Money(0),
  countyGrant: new Money(0),
  regional: new Money(0),
});

function row(kind: PaymentKind, code: string, recipient: string, county: string, amounts: Record<PaymentPot, Decimal>) {
  const total = PAYMENT_POTS.reduce((s, pot) => s.plus(amounts[pot]), new Money(0));
  return { kind, code, recipient, county, amounts, total };
}

/** Each party's amounts in one pot (its own table's lines), by code. */
function byCode(lines: readonly { code: { text: string }; amount: Decimal }[]): Map<string, Decimal> {
  return new Map(lines.map((l) => [l.code.text, l.amount]));
}

/**
 * The payment list in its order: municipalities, county councils, then each county's county grant, each by
 * code. A party that the registry data lack is paid 0 from that pot.
 */
export function paymentRows(inputs: WorkbookInputs, results: WorkbookResults): PaymentRow[] {
  const sorted = <T extends { code: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => (a.code < b.code ? -1 : 1));
  const party = (kind: "kommun" | "landsting") => {
    const pal = results.palliative[kind];
    return {
      base: byCode(pal.base.lines),
      bonus: byCode(pal.bonus.lines),
      seniorAlert: byCode(results.seniorAlert[kind].result.lines),
    };
  };
  const of = (amounts: ReturnType<typeof party>, code: string) => ({
    ...zero(),
    base: amounts.base.get(code) ?? new Money(0),
    bonus: amounts.bonus.get(code) ?? new Money(0),
    seniorAlert: amounts.seniorAlert.get(code) ?? new Money(0),
  });
  const kommun = party("kommun");
  const landsting = party("landsting");
  const counties = sorted(inputs.counties);
  const payee = new Map((inputs.countyPayees ?? []).map((p) => [p.county, p.recipient]));
  return [
    ...sorted(inputs.municipalities).map((m) => row("Kommun", m.code, m.name, m.countyCode, of(kommun, m.code))),
    ...counties.map((c) => row("Landsting", c.code, c.name, c.code, of(landsting, c.code))),
    ...counties.map((c, i) =>
      row("Länsbidrag", c.code, payee.get(c.code) ?? "", c.code, {
        ...zero(),
        countyGrant: results.countyPayment.paid[i],
        regional: results.regional.lines[i].total,
      })
    ),
  ];
}
