import { FORMAT } from "../plan";
import {
  missingForPayment,
  NAME_SOURCE,
  paymentRows,
  PAYMENT_POTS,
  PaymentPot,
  PaymentRow,
  POT_HEADER,
} from "../payments";
import { CellRef, Expr, fx, join } from "../refs";
import { ColumnSpec, RowRefs, SheetBuilder, TableRefs } from "../sheetBuilder";
import { cite } from "../sources";
import { twinKeys } from "./allocationColumns";
import { PlanContext, reusedDataLine, SHEET, TAB } from "./context";
import { CountyGrantRefs } from "./countyGrant";
import { PalliativeTables } from "./palliative";
import { ReferenceTables } from "./reference";
import { SeniorAlertTables } from "./seniorAlert";

/** The table of the payment list. Part of the workbook's interface. */
export const PAYMENTS_TABLE = "Utbetalningar";

/** The payment list's column headers that other code reads it by. Part of the workbook's interface. */
export const PAYMENT_HEADER = {
  kind: "Typ",
  code: "Kod",
  councilRole: "Landstingsroll",
  recipient: "Mottagare",
  nameSource: "Namnets källa",
  county: "Län",
  organisationNumber: "Organisationsnummer",
  bankgiro: "Bankgiro",
  plusgiro: "Plusgiro",
  total: "Summa (kr)",
  held: "Innehålls (kr)",
  payable: "Att betala (kr)",
  unmet: "Villkor som inte är uppfyllda",
  missing: "Saknas för utbetalning",
  ready: "Klar att betala",
} as const;

/** The notes above the list span its first columns, about as wide as a printed page. */
const NOTE_COLUMNS = 9;

/** The tables each pot's amounts are looked up in, by the kind of recipient. */
export interface PaymentSources {
  readonly reference: ReferenceTables;
  readonly palliative: PalliativeTables;
  readonly seniorAlert: SeniorAlertTables;
  readonly county: CountyGrantRefs;
}

export interface PaymentRefs {
  readonly table: TableRefs;
  readonly rows: readonly PaymentRow[];
  /** The sum of each pot's column, of the total, of what is held back and of what is paid now, below the table. */
  readonly sums: Readonly<Record<PaymentPot | "total" | "held" | "payable", CellRef>>;
}

/**
 * A row's amount in one pot as a formula: looked up by code in the pot's own table, 0 where it pays nothing. A
 * municipality's row adds the county council's pots for the role it carries (Gotlands kommun).
 */
function amountFormula(sources: PaymentSources, row: PaymentRow, pot: PaymentPot, r: RowRefs): Expr {
  const from = (table: TableRefs, key: string, code: string) =>
    fx`IFERROR(INDEX(${table.col(key)},MATCH(${r.at(code)},${table.col("kod")},0)),0)`;
  if (row.kind === "Länets mottagare") {
    if (pot === "countyGrant") return from(sources.county.table, "slut", "kod");
    if (pot === "regional") return from(sources.county.table, "r_slut", "kod");
    return fx`0`;
  }
  if (pot === "countyGrant" || pot === "regional") return fx`0`;
  const key = pot === "seniorAlert" ? twinKeys("s").amount : twinKeys(pot === "base" ? "b" : "o").amount;
  const tables = pot === "seniorAlert" ? sources.seniorAlert.tables : sources.palliative.tables;
  const own = row.kind === "Landsting" ? undefined : from(tables.kommun, key, "kod");
  const council = row.councilCode ? from(tables.landsting, key, "roll") : undefined;
  return join(
    [own, council].filter((x): x is Expr => x !== undefined),
    "+"
  );
}

/** The account columns: inputs, from the recipients' file where it has the payee. */
function accountColumns(rows: readonly PaymentRow[]): ColumnSpec[] {
  const input = (
    key: string,
    header: string,
    width: number,
    value: (r: PaymentRow) => string | undefined
  ): ColumnSpec => ({
    key,
    header,
    style: "input",
    numFmt: FORMAT.text,
    width,
    value: (i) => value(rows[i]) ?? null,
  });
  return [
    input("orgnr", PAYMENT_HEADER.organisationNumber, 14, (r) => r.account?.organisationNumber),
    input("bg", PAYMENT_HEADER.bankgiro, 11, (r) => r.account?.bankgiro),
    input("pg", PAYMENT_HEADER.plusgiro, 11, (r) => r.account?.plusgiro),
  ];
}

/** What a row to pay still lacks: a name, an organisation number, an account (the finance system needs all three). */
function missingFormula(r: RowRefs): Expr {
  const parts = join(
    [
      fx`IF(${r.at("mottagare")}="","; namn","")`,
      fx`IF(${r.at("orgnr")}="","; organisationsnummer","")`,
      fx`IF(AND(${r.at("bg")}="",${r.at("pg")}=""),"; bankgiro eller plusgiro","")`,
    ],
    "&"
  );
  return fx`IF(${r.at("betala")}>0,MID(${parts},3,200),"")`;
}

const missingJs = (row: PaymentRow): string => missingForPayment(row).join("; ");

function columns(sources: PaymentSources, rows: readonly PaymentRow[]): ColumnSpec[] {
  const county = sources.county.table;
  const countyRow = (r: RowRefs, key: string) =>
    fx`IFERROR(INDEX(${county.col(key)},MATCH(${r.at("kod")},${county.col("kod")},0)),0)`;
  return [
    { key: "typ", header: PAYMENT_HEADER.kind, style: "reference", width: 11, value: (i) => rows[i].kind },
    {
      key: "kod",
      header: PAYMENT_HEADER.code,
      style: "reference",
      numFmt: FORMAT.text,
      width: 6,
      value: (i) => rows[i].code,
    },
    {
      // The county council's code for the rows that pay a council's role (Gotlands kommun: 09).
      key: "roll",
      header: PAYMENT_HEADER.councilRole,
      style: "reference",
      numFmt: FORMAT.text,
      width: 9,
      value: (i) => rows[i].councilCode ?? null,
    },
    {
      // The payee's name: an input, from the reference data or the recipients' file; a county's recipient is left
      // blank by the sources ("Medel utbetalas till Bank/postgiro").
      key: "mottagare",
      header: PAYMENT_HEADER.recipient,
      style: "input",
      width: 28,
      value: (i) => rows[i].recipient || null,
    },
    { key: "kalla", header: PAYMENT_HEADER.nameSource, style: "remark", width: 30, value: (i) => rows[i].nameSource },
    {
      key: "lan",
      header: PAYMENT_HEADER.county,
      style: "reference",
      numFmt: FORMAT.text,
      width: 6,
      value: (i) => rows[i].county,
    },
    ...accountColumns(rows),
    ...PAYMENT_POTS.map((pot): ColumnSpec => ({
      key: pot,
      header: POT_HEADER[pot],
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r, i) => amountFormula(sources, rows[i], pot, r),
      result: (i) => rows[i].amounts[pot].toNumber(),
    })),
    {
      key: "summa",
      header: PAYMENT_HEADER.total,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) =>
        join(
          PAYMENT_POTS.map((pot) => r.at(pot)),
          "+"
        ),
      result: (i) => rows[i].total.toNumber(),
    },
    {
      key: "inne",
      header: PAYMENT_HEADER.held,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r, i) =>
        rows[i].kind === "Länets mottagare" ? fx`${countyRow(r, "c_inne")}+${countyRow(r, "r_inne")}` : fx`0`,
      result: (i) => rows[i].heldBack.toNumber(),
    },
    {
      key: "betala",
      header: PAYMENT_HEADER.payable,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`${r.at("summa")}-${r.at("inne")}`,
      result: (i) => rows[i].payable.toNumber(),
    },
    {
      key: "villkor",
      header: PAYMENT_HEADER.unmet,
      style: "calc",
      width: 30,
      formula: (r, i) =>
        rows[i].kind === "Länets mottagare"
          ? fx`IFERROR(INDEX(${county.col("villkor")},MATCH(${r.at("kod")},${county.col("kod")},0))&"","")`
          : undefined,
      value: () => null,
      result: (i) => rows[i].held.join("; "),
    },
    {
      key: "saknas",
      header: PAYMENT_HEADER.missing,
      style: "check",
      width: 26,
      formula: (r) => missingFormula(r),
      result: (i) => missingJs(rows[i]),
    },
    {
      // Ja when the row pays something and has what a payment needs, Nej when it lacks something, blank when it pays nothing.
      key: "klar",
      header: PAYMENT_HEADER.ready,
      style: "check",
      width: 9,
      formula: (r) => fx`IF(${r.at("betala")}>0,IF(${r.at("saknas")}="","Ja","Nej"),"")`,
      result: (i) => (rows[i].payable.greaterThan(0) ? (missingJs(rows[i]) === "" ? "Ja" : "Nej") : ""),
    },
  ];
}

/**
 * `Utbetalningar`: the payment list, one row per payee, a column per pot, the total, what the conditions hold
 * back and what is paid now, every amount a formula over the pot sheets; each column sums to its pot's
 * distributed amount (checks on Avstämning). The names and accounts are inputs; what a row to pay lacks shows.
 */
export function paymentsSheet(ctx: PlanContext, sources: PaymentSources): { sheet: SheetBuilder; refs: PaymentRefs } {
  const rows = paymentRows(ctx.inputs, ctx.results);
  const sheet = new SheetBuilder(SHEET.payments, TAB.output);
  sheet.line(`Utbetalningar ${ctx.inputs.parameters.year}: vad varje mottagare får`, "title");
  const notes: [string, "paragraph" | "warningParagraph"][] = [
    [
      "En rad per mottagare: varje kommun och landsting (Palliativregistret och Senior alert), och för varje län mottagaren av länsbidraget och det regionala stödet. " +
        "Gotland hade inget landsting: Gotlands kommun får båda rollernas belopp på en rad. Beloppen hämtas med formler från bladen Palliativ, Senior alert och Länsbidrag; summorna stäms av mot potterna på Avstämning.",
      "paragraph",
    ],
    [
      `Mottagare, organisationsnummer och konto är uppgifter att fylla i (gula): källan lämnar dem tomma ("Medel utbetalas till Bank/postgiro", ${cite("sormland", 3)}). ` +
        `Kolumnen ${PAYMENT_HEADER.missing} visar vad en rad med ett belopp att betala saknar.`,
      "warningParagraph",
    ],
    [
      `${PAYMENT_HEADER.held}: belopp som ett villkor håller inne (länets plan, överenskommelse med SKL, avsiktsförklaring; se Länsbidrag). De betalas inte och fördelas inte om.`,
      "paragraph",
    ],
  ];
  if (ctx.inputs.synthetic)
    notes.push(["SYNTETISKA DATA: prestationsbeloppen bygger på påhittade registervärden.", "warningParagraph"]);
  for (const [text, style] of notes) sheet.paragraph(text, NOTE_COLUMNS, undefined, style);
  reusedDataLine(ctx, sheet);
  sheet.skip();
  const table = sheet.table(PAYMENTS_TABLE, rows.length, columns(sources, rows));
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
    [
      "held",
      sum(
        "inne",
        total((r) => r.heldBack.toNumber())
      ),
    ],
    [
      "payable",
      sum(
        "betala",
        total((r) => r.payable.toNumber())
      ),
    ],
  ]) as Record<PaymentPot | "total" | "held" | "payable", CellRef>;
  sheet.highlight({ range: table.col("inne"), formula: fx`${table.cell("inne", 0)}<>0`, look: "warn" });
  sheet.highlight({ range: table.col("saknas"), formula: fx`${table.cell("saknas", 0)}<>""`, look: "warn" });
  sheet.highlight({ range: table.col("klar"), formula: fx`${table.cell("klar", 0)}="Nej"`, look: "warn" });
  sheet.freeze(sheet.at(5, table.firstRow));
  return { sheet, refs: { table, rows, sums } };
}

export { NAME_SOURCE };
