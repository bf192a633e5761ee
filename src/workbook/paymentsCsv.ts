/**
 * The payment list as CSV the way Swedish finance systems and Excel read it: semicolons between fields,
 * UTF-8 with a byte-order mark (so that Excel shows å, ä and ö), CRLF line ends, amounts in whole kronor
 * without grouping. One line per payee with an amount to pay now; a payee whose amounts are all held back or
 * nil has no line. Refused while a payee of an amount lacks its name, organisation number or account: a
 * payment file cannot pay them. Pure: the command line writes the text to a file.
 */
import { csvText, screenful, shownCount } from "../input";
import { missingForPayment, PAYMENT_POTS, PaymentRow, POT_HEADER } from "./payments";
import { PAYMENT_HEADER } from "./sheets/payments";

/** The payment list cannot be written for a finance system yet: the payees that lack what a payment needs. */
export class PaymentsRefused extends Error {
  constructor(readonly payees: readonly PaymentRow[]) {
    const lines = payees.map(
      (row) =>
        `${row.kind.toLowerCase()} ${row.code}${row.recipient ? ` ${row.recipient}` : ""}: saknar ${missingForPayment(row).join(", ")}`
    );
    super(
      `Utbetalningslistan kan inte skrivas: ${shownCount(payees.length)} ${payees.length === 1 ? "mottagare" : "mottagare"} med ett belopp att betala saknar namn, organisationsnummer eller konto ` +
        '(källan lämnar dem tomma: "Medel utbetalas till Bank/postgiro", Sörmlandsöverenskommelsen, s. 3). ' +
        "Lägg in dem i mottagare.csv i --data-katalogen (kolumnerna kind,code,recipient,organisation_number,bankgiro,plusgiro):\n" +
        screenful(lines)
          .map((line) => `  ${line}`)
          .join("\n")
    );
    this.name = "PaymentsRefused";
  }
}

/**
 * A field quoted when it holds a separator, a quote or a line break; a text that Excel would run as a formula
 * (full-width "＝" too) is kept as text, by the rule the pane's import follows (`src/input/cellText.ts`).
 */
function field(text: string): string {
  const safe = csvText(text);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** An amount in whole kronor; an amount with öre cannot be paid as the list says and is refused. */
function kronor(row: PaymentRow, what: string, amount: { isInteger(): boolean; toFixed(): string }): string {
  if (!amount.isInteger()) {
    throw new Error(
      `Utbetalningslistan kan bara skrivas i hela kronor, men ${row.kind.toLowerCase()} ${row.code} har ${what} ${amount.toFixed()} kr. Välj ett avrundningssteg i hela kronor på Parametrar.`
    );
  }
  return amount.toFixed();
}

/** The rows a payment file pays: those with an amount to pay now. */
export function rowsToPay(rows: readonly PaymentRow[]): PaymentRow[] {
  return rows.filter((row) => row.payable.greaterThan(0));
}

/** The list as CSV text (with its byte-order mark): a header, then one line per payee with an amount to pay. */
export function paymentsCsv(rows: readonly PaymentRow[]): string {
  const paying = rowsToPay(rows);
  const lacking = paying.filter((row) => missingForPayment(row).length > 0);
  if (lacking.length > 0) throw new PaymentsRefused(lacking);
  const header = [
    PAYMENT_HEADER.kind,
    PAYMENT_HEADER.code,
    PAYMENT_HEADER.recipient,
    PAYMENT_HEADER.organisationNumber,
    PAYMENT_HEADER.bankgiro,
    PAYMENT_HEADER.plusgiro,
    PAYMENT_HEADER.county,
    ...PAYMENT_POTS.map((pot) => POT_HEADER[pot]),
    PAYMENT_HEADER.total,
    PAYMENT_HEADER.held,
    PAYMENT_HEADER.payable,
  ];
  const lines = paying.map((row) =>
    [
      row.kind,
      row.code,
      row.recipient,
      row.account?.organisationNumber ?? "",
      row.account?.bankgiro ?? "",
      row.account?.plusgiro ?? "",
      row.county,
      ...PAYMENT_POTS.map((pot) => kronor(row, POT_HEADER[pot], row.amounts[pot])),
      kronor(row, "summan", row.total),
      kronor(row, "det som innehålls", row.heldBack),
      kronor(row, "beloppet att betala", row.payable),
    ]
      .map(field)
      .join(";")
  );
  return "\uFEFF" + [header.map(field).join(";"), ...lines].join("\r\n") + "\r\n";
}
