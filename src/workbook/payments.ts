/**
 * The payment list: one row per payee (each municipality, each county council, and each county's recipient of
 * its county grant and regional support) and what it is paid from each pot, from the engine's results. A party
 * is one payee: Gotlands kommun, which carried the county council's role, has one row with both roles' amounts.
 * What a condition holds back stays on the row, beside what is paid now. The sheet `Utbetalningar` computes the
 * same rows with formulas; the command line writes the rows that pay something as CSV for a finance system.
 */
import Decimal from "decimal.js";
import { Money } from "../engine/money";
import { WorkbookResults } from "./compute";
import { CONDITION_WORDS } from "./conditions";
import { Payee, PayeeKind, WorkbookInputs } from "./inputs";

/** Who a row pays: a municipality, a county council, both (Gotland), or a county's recipient of its common money. */
export type PaymentKind = "Kommun" | "Landsting" | "Kommun och landsting" | "Länets mottagare";

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

/** Where a payee's name comes from, when no recipients' file names it. */
export const NAME_SOURCE = {
  municipality: "SCB:s namn (bladet Kommuner)",
  payeesFile: "mottagarfilen (mottagare.csv)",
  blank: "Fyll i: källan lämnar mottagaren tom",
  soleParty: "Länets enda part (kommunen med landstingets roll); rätta om länets medel ska till en annan mottagare",
} as const;

export interface PaymentRow {
  readonly kind: PaymentKind;
  /** The party's code: a municipality's ("0114") or a county's ("08"). */
  readonly code: string;
  /** The county council role this row also pays, by county code ("09" for Gotlands kommun), if any. */
  readonly councilCode?: string;
  /** The payee's name: the reference data's, or the recipients' file's; "" for a county's recipient not yet named. */
  readonly recipient: string;
  /** Where the name comes from, in words. */
  readonly nameSource: string;
  /** The county's code. */
  readonly county: string;
  /** The payee's account from the recipients' file, if there is one. */
  readonly account?: Pick<Payee, "organisationNumber" | "bankgiro" | "plusgiro">;
  readonly amounts: Readonly<Record<PaymentPot, Decimal>>;
  /** What the pots give the row, before anything is held back. */
  readonly total: Decimal;
  /** What the conditions hold back (county grant, regional support). */
  readonly heldBack: Decimal;
  /** What is paid now: total − held back. */
  readonly payable: Decimal;
  /** The conditions not met, in words, for the rows that hold something back. */
  readonly held: readonly string[];
}

const zero = (): Record<PaymentPot, Decimal> => ({
  base: new Money(0),
  bonus: new Money(0),
  seniorAlert: new Money(0),
  countyGrant: new Money(0),
  regional: new Money(0),
});

/** Each party's amounts in one pot (its own table's lines), by code. */
function byCode(lines: readonly { code: { text: string }; amount: Decimal }[]): Map<string, Decimal> {
  return new Map(lines.map((l) => [l.code.text, l.amount]));
}

/**
 * The payment list in its order: municipalities (Gotlands kommun with the county council's role too), county
 * councils, then each county's recipient of its county grant and regional support, each by code. A party that
 * the registry data lack is paid 0 from that pot.
 */
export function paymentRows(inputs: WorkbookInputs, results: WorkbookResults): PaymentRow[] {
  const sorted = <T extends { code: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => (a.code < b.code ? -1 : 1));
  const pots = (kind: "kommun" | "landsting") => {
    const pal = results.palliative[kind];
    return {
      base: byCode(pal.base.lines),
      bonus: byCode(pal.bonus.lines),
      seniorAlert: byCode(results.seniorAlert[kind].result.lines),
    };
  };
  const kommun = pots("kommun");
  const landsting = pots("landsting");
  const of = (amounts: ReturnType<typeof pots>, code: string | undefined) => ({
    base: (code && amounts.base.get(code)) || new Money(0),
    bonus: (code && amounts.bonus.get(code)) || new Money(0),
    seniorAlert: (code && amounts.seniorAlert.get(code)) || new Money(0),
  });
  const counties = sorted(inputs.counties);
  const payees = new Map((inputs.payees ?? []).map((p) => [`${p.kind}:${p.code}`, p]));
  const councilOf = new Map(counties.flatMap((c) => (c.councilMunicipality ? [[c.councilMunicipality, c]] : [])));
  const heldBy = new Set(councilOf.values());

  const row = (
    kind: PaymentKind,
    payeeKind: PayeeKind,
    code: string,
    county: string,
    name: { recipient: string; source: string },
    amounts: Record<PaymentPot, Decimal>,
    held: { amount: Decimal; reasons: string[] },
    councilCode?: string
  ): PaymentRow => {
    const payee = payees.get(`${payeeKind}:${code}`);
    const total = PAYMENT_POTS.reduce((s, pot) => s.plus(amounts[pot]), new Money(0));
    return {
      kind,
      code,
      ...(councilCode ? { councilCode } : {}),
      recipient: payee?.recipient ?? name.recipient,
      nameSource: payee?.recipient ? NAME_SOURCE.payeesFile : name.source,
      county,
      ...(payee ? { account: payee } : {}),
      amounts,
      total,
      heldBack: held.amount,
      payable: total.minus(held.amount),
      held: held.reasons,
    };
  };
  const nothingHeld = { amount: new Money(0), reasons: [] };
  const municipalityRows = sorted(inputs.municipalities).map((m) => {
    const council = councilOf.get(m.code);
    const own = of(kommun, m.code);
    const role = of(landsting, council?.code);
    const amounts = {
      ...zero(),
      base: own.base.plus(role.base),
      bonus: own.bonus.plus(role.bonus),
      seniorAlert: own.seniorAlert.plus(role.seniorAlert),
    };
    return council
      ? row(
          "Kommun och landsting",
          "kommun",
          m.code,
          m.countyCode,
          { recipient: council.council, source: council.councilSource },
          amounts,
          nothingHeld,
          council.code
        )
      : row(
          "Kommun",
          "kommun",
          m.code,
          m.countyCode,
          { recipient: m.name, source: NAME_SOURCE.municipality },
          amounts,
          nothingHeld
        );
  });
  const councilRows = counties
    .filter((c) => !heldBy.has(c))
    .map((c) =>
      row(
        "Landsting",
        "landsting",
        c.code,
        c.code,
        { recipient: c.council, source: c.councilSource },
        { ...zero(), ...of(landsting, c.code) },
        nothingHeld,
        c.code
      )
    );
  const countyRows = counties.map((c, i) => {
    const grant = results.countyPayment.held[i];
    const regional = results.regionalPayment.held[i];
    const conditions = results.countyConditions[i];
    const reasons = [
      ...(conditions.developmentPlan ? [] : [`länsbidraget: ${CONDITION_WORDS.developmentPlan}`]),
      ...(conditions.agreement ? [] : [`länsbidraget: ${CONDITION_WORDS.agreement}`]),
      ...(conditions.letterOfIntent ? [] : [`regionalt stöd: ${CONDITION_WORDS.letterOfIntent}`]),
    ];
    return row(
      "Länets mottagare",
      "län",
      c.code,
      c.code,
      // A county whose only municipality also carries the county council's role (Gotland) is that party alone.
      c.councilMunicipality && c.municipalities === 1
        ? { recipient: c.council, source: NAME_SOURCE.soleParty }
        : { recipient: "", source: NAME_SOURCE.blank },
      { ...zero(), countyGrant: results.countyPayment.paid[i], regional: results.regionalPayment.paid[i] },
      { amount: grant.heldBack.plus(regional.heldBack), reasons }
    );
  });
  return [...municipalityRows, ...councilRows, ...countyRows];
}

/**
 * What a row with an amount to pay still lacks before a finance system can pay it: its name, its organisation
 * number, its account. Nothing for a row that pays nothing now.
 */
export function missingForPayment(row: PaymentRow): string[] {
  if (!row.payable.greaterThan(0)) return [];
  return [
    ...(row.recipient.trim() === "" ? ["namn"] : []),
    ...(row.account ? [] : ["organisationsnummer", "bankgiro eller plusgiro"]),
  ];
}
