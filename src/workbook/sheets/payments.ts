import { FORMAT } from "../plan";
import { paymentRows, PAYMENT_POTS, PaymentPot, PaymentRow, POT_HEADER } from "../payments";
import { CellRef, Expr, fx, join } from "../refs";
import { ColumnSpec, RowRefs, SheetBuilder, TableRefs } from "../sheetBuilder";
import { cite } from "../sources";
import { twinKeys } from "./allocationColumns";
import { PlanContext, reusedDataLine, SHEET, TAB } from "./context";
import { CountyGrantRefs } from "./countyGrant";
import { PalliativeTables } from "./palliative";
import { lookup, ReferenceTables, UNKNOWN_CODE } from "./reference";
import { SeniorAlertTables } from "./seniorAlert";

/** The tables of the payment list and of the county grants' recipients. Part of the workbook's interface. */
export const PAYMENTS_TABLE = "Utbetalningar";
export const PAYEES_TABLE = "Mottagare_lansbidrag";

/** The tables each pot's amounts are looked up in, by the kind of recipient. */
export interface PaymentSources {
  readonly reference: ReferenceTables;
  readonly palliative: PalliativeTables;
  readonly seniorAlert: SeniorAlertTables;
  readonly county: CountyGrantRefs;
}

export interface PaymentRefs {
  readonly table: TableRefs;
  /** Each county's recipient of its county grant and regional support (an input). */
  readonly payees: TableRefs;
  readonly rows: readonly PaymentRow[];
  /** The sum of each pot's column and of the total, below the table. */
  readonly sums: Readonly<Record<PaymentPot | "total", CellRef>>;
}

/** A row's amount in one pot as a formula: looked up by code in the pot's own table, 0 where it pays nothing. */
function amountFormula(sources: PaymentSources, row: PaymentRow, pot: PaymentPot, r: RowRefs): Expr {
  const from = (table: TableRefs, key: string) =>
    fx`IFERROR(INDEX(${table.col(key)},MATCH(${r.at("kod")},${table.col("kod")},0)),0)`;
  if (row.kind === "Länsbidrag") {
    if (pot === "countyGrant") return from(sources.county.table, "slut");
    if (pot === "regional") return from(sources.county.table, twinKeys("r").amount);
    return fx`0`;
  }
  if (pot === "countyGrant" || pot === "regional") return fx`0`;
  const kind = row.kind === "Kommun" ? "kommun" : "landsting";
  if (pot === "seniorAlert") return from(sources.seniorAlert.tables[kind], twinKeys("s").amount);
  return from(sources.palliative.tables[kind], twinKeys(pot === "base" ? "b" : "o").amount);
}

function columns(sources: PaymentSources, rows: readonly PaymentRow[], payees: TableRefs): ColumnSpec[] {
  const { municipalities, counties } = sources.reference;
  return [
    { key: "typ", header: "Typ", style: "reference", width: 11, value: (i) => rows[i].kind },
    { key: "kod", header: "Kod", style: "reference", numFmt: FORMAT.text, width: 6, value: (i) => rows[i].code },
    {
      // The payee of a county grant is an input: the sources leave it blank ("Medel utbetalas till Bank/postgiro").
      key: "mottagare",
      header: "Mottagare",
      style: "calc",
      width: 26,
      formula: (r, i) =>
        rows[i].kind === "Kommun"
          ? lookup(municipalities, "namn", r.at("kod"), UNKNOWN_CODE)
          : rows[i].kind === "Landsting"
            ? lookup(counties, "namn", r.at("kod"), UNKNOWN_CODE)
            : fx`IFERROR(INDEX(${payees.col("mottagare")},MATCH(${r.at("kod")},${payees.col("kod")},0))&"","")`,
      result: (i) => rows[i].recipient,
    },
    {
      key: "lan",
      header: "Län",
      style: "calc",
      numFmt: FORMAT.text,
      width: 6,
      formula: (r, i) => (rows[i].kind === "Kommun" ? lookup(municipalities, "lan", r.at("kod"), "") : undefined),
      value: (i) => rows[i].county,
      result: (i) => rows[i].county,
    },
    ...PAYMENT_POTS.map((pot): ColumnSpec => ({
      key: pot,
      header: POT_HEADER[pot],
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 14,
      formula: (r, i) => amountFormula(sources, rows[i], pot, r),
      result: (i) => rows[i].amounts[pot].toNumber(),
    })),
    {
      key: "summa",
      header: "Summa (kr)",
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 14,
      formula: (r) =>
        join(
          PAYMENT_POTS.map((pot) => r.at(pot)),
          "+"
        ),
      result: (i) => rows[i].total.toNumber(),
    },
  ];
}

/**
 * `Utbetalningar`: the payment list, one row per recipient, a column per pot and a total, every amount a
 * formula over the pot sheets; each column sums to its pot's distributed amount (checks on Avstämning).
 */
export function paymentsSheet(ctx: PlanContext, sources: PaymentSources): { sheet: SheetBuilder; refs: PaymentRefs } {
  const rows = paymentRows(ctx.inputs, ctx.results);
  const sheet = new SheetBuilder(SHEET.payments, TAB.output);
  sheet.line(`Utbetalningar ${ctx.inputs.parameters.year}: vad varje mottagare får`, "title");
  sheet.line(
    "En rad per mottagare: varje kommun och landsting (Palliativregistret och Senior alert), och för varje län mottagaren av länsbidraget och det regionala stödet. " +
      "Beloppen hämtas med formler från bladen Palliativ, Senior alert och Länsbidrag; summorna stäms av mot potterna på Avstämning."
  );
  sheet.line(
    `Mottagaren av länets bidrag är en uppgift att fylla i (gul): källan lämnar fältet tomt ("Medel utbetalas till Bank/postgiro", ${cite("sormland", 3)}).`,
    "warning"
  );
  if (ctx.inputs.synthetic)
    sheet.line("SYNTETISKA DATA: prestationsbeloppen bygger på påhittade registervärden.", "warning");
  reusedDataLine(ctx, sheet);
  sheet.skip();
  const top = sheet.row;
  // The recipients of the county grants, right of the list, with their header on the list's header row.
  const counties = rows.filter((r) => r.kind === "Länsbidrag");
  const payees = sheet.table(
    PAYEES_TABLE,
    counties.length,
    [
      { key: "kod", header: "Län", style: "reference", numFmt: FORMAT.text, width: 6, value: (i) => counties[i].code },
      {
        key: "namn",
        header: "Länets namn",
        style: "calc",
        width: 22,
        formula: (r) => lookup(sources.reference.counties, "namn", r.at("kod"), UNKNOWN_CODE),
        result: (i) => ctx.inputs.counties.find((c) => c.code === counties[i].code)?.name ?? UNKNOWN_CODE,
      },
      {
        key: "mottagare",
        header: "Mottagare av länsbidraget (indata)",
        style: "input",
        width: 30,
        value: (i) => counties[i].recipient || null,
      },
    ],
    5 + PAYMENT_POTS.length + 2
  );
  sheet.row = top;
  const table = sheet.table(PAYMENTS_TABLE, rows.length, columns(sources, rows, payees));
  sheet.put(sheet.at(1, table.lastRow + 1), "Summa", "total");
  const sum = (key: string, result: number) =>
    sheet.put(table.below(key), { formula: fx`SUM(${table.col(key)})`, result }, "total", FORMAT.kronor);
  const total = (f: (r: PaymentRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const sums = Object.fromEntries([
    ...PAYMENT_POTS.map((pot) => [
      pot,
      sum(
        pot,
        total((r) => r.amounts[pot].toNumber())
      ),
    ]),
    [
      "total",
      sum(
        "summa",
        total((r) => r.total.toNumber())
      ),
    ],
  ]) as Record<PaymentPot | "total", CellRef>;
  sheet.freeze(sheet.at(4, table.firstRow));
  return { sheet, refs: { table, payees, rows, sums } };
}
