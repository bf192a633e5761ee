/**
 * The payment list as CSV the way Swedish finance systems and Excel read it: semicolons between fields,
 * UTF-8 with a byte-order mark (so that Excel shows å, ä and ö), CRLF line ends, amounts in whole kronor
 * without grouping. Pure: the command line writes the text to a file.
 */
import { csvText } from "../input";
import { PAYMENT_POTS, PaymentRow, POT_HEADER } from "./payments";

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

/** The list as CSV text (with its byte-order mark): a header, then one line per recipient. */
export function paymentsCsv(rows: readonly PaymentRow[]): string {
  const header = ["Typ", "Kod", "Mottagare", "Län", ...PAYMENT_POTS.map((pot) => POT_HEADER[pot]), "Summa (kr)"];
  const lines = rows.map((row) =>
    [
      row.kind,
      row.code,
      row.recipient,
      row.county,
      ...PAYMENT_POTS.map((pot) => kronor(row, POT_HEADER[pot], row.amounts[pot])),
      kronor(row, "summan", row.total),
    ]
      .map(field)
      .join(";")
  );
  return "\uFEFF" + [header.map(field).join(";"), ...lines].join("\r\n") + "\r\n";
}
