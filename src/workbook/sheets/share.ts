/**
 * `Andel`: one party's page, on demand: the decision letter a municipality or county council can check alone.
 * Choose the party (code or name) and the page shows, in native formulas over the pot sheets and the payment
 * list: who is paid and to which account, when the amounts were measured and when they are paid, for each pot and
 * role whether the party qualifies and why, the pot, the qualifying parties' total weight, the amount per unit of
 * weight, the party's weight, its exact share and its amount in whole kronor; the total; apart from it the county's
 * common money (paid to the county's recipient); and every assumption and reading the amounts rest on. Gotlands
 * kommun, which carried the county council's role, gets one page with both roles. It prints on one A4 page.
 * The texts are built from whole numbers (a rate as tenths of a per cent, kronor grouped by thousands), so that
 * every spreadsheet program and locale shows the same words; the cached values are the same texts made from the
 * engine's results.
 */
import { PalliativeLine } from "../../engine/palliative";
import { SeniorAlertLine } from "../../engine/seniorAlert";
import { SeniorAlertParty } from "../compute";
import { unmetSeniorAlert } from "../conditions";
import { PartyKind, TimelineEvent } from "../inputs";
import { PaymentRow } from "../payments";
import { CellContent, FORMAT } from "../plan";
import { CellRef, Expr, fx, join, nameRef, RangeRef, rangeRef, Term, text } from "../refs";
import { ColumnSpec, SheetBuilder, TableRefs } from "../sheetBuilder";
import { cite } from "../sources";
import { PotCells, twinKeys } from "./allocationColumns";
import { PlanContext, reusedDataLine, SHEET, TAB } from "./context";
import { NAMED } from "./parameters";
import { PaymentRefs, PaymentSources } from "./payments";
import { dateName } from "./timeline";

/** The page is columns A to I wide. */
const PAGE_COLUMNS = 9;

/** The table of the page's lines, one per pot and role. Part of the workbook's interface. */
export const SHARE_TABLE = "Andel_poster";
/** The table of the county's common money on the page. Part of the workbook's interface. */
export const SHARE_COUNTY_TABLE = "Andel_lanet";
export const CHOICES_TABLE = "Andel_val";
/** The workbook name of the page's party code (Förklara reads it), and of the cell where the party is chosen (the pane's "Min andel" writes it). */
export const SHARE_CODE_NAME = "Andel_Kod";
export const SHARE_CHOICE_NAME = "Andel_Part";

/** The headers of the page's tables that Förklara reads. Part of the workbook's interface. */
export const SHARE_HEADER = {
  pot: "Pott",
  role: "Roll",
  roleCode: "Kod i potten",
  county: "Län",
} as const;

export interface ShareSources extends PaymentSources {
  readonly payments: PaymentRefs;
}

export interface ShareRefs {
  /** The cell where the party is chosen. */
  readonly party: CellRef;
  /** The chosen party's code, as the page finds it (its row's code on Utbetalningar). */
  readonly code: CellRef;
  readonly table: TableRefs;
  /** The sum paid to the party, and its value for the party chosen when the file is written. */
  readonly total: CellRef;
  readonly totalKr: number;
  readonly chosenCode: string;
}

// ---------------------------------------------------------------------------------------------------
// Texts from whole numbers: a formula and the same text in TypeScript, for the cached value

/** q = QUOTIENT(n, d) and the rest n − d·q, as DESIGN.md advises instead of MOD. */
const rest = (n: Term, d: number) => fx`(${n}-${d}*QUOTIENT(${n},${d}))`;

/** Whole kronor grouped by thousands with spaces: 1234567 → "1 234 567" (below a thousand million). */
export function kronorText(x: Term): Expr {
  const n = fx`ROUND(${x},0)`;
  const three = (v: Expr) => fx`RIGHT("00"&${v},3)`;
  return fx`IF(${n}>=1000000,QUOTIENT(${n},1000000)&" "&${three(rest(fx`QUOTIENT(${n},1000)`, 1000))}&" "&${three(rest(n, 1000))},IF(${n}>=1000,QUOTIENT(${n},1000)&" "&${three(rest(n, 1000))},${n}&""))`;
}

export function kronorTextJs(x: number): string {
  const n = Math.round(x);
  const three = (v: number) => String(v).padStart(3, "0");
  if (n >= 1_000_000) return `${Math.floor(n / 1_000_000)} ${three(Math.floor(n / 1000) % 1000)} ${three(n % 1000)}`;
  if (n >= 1000) return `${Math.floor(n / 1000)} ${three(n % 1000)}`;
  return String(n);
}

/** Tenths of a per cent as "45,0 %". */
const permilleText = (p: Expr) => fx`QUOTIENT(${p},10)&","&${rest(p, 10)}&" %"`;
const permilleTextJs = (p: bigint) => `${p / 10n},${p % 10n} %`;

/** A share as "40 %" or "42,5 %". */
const thresholdText = (share: Term) => {
  const t = fx`ROUND(${share}*1000,0)`;
  return fx`QUOTIENT(${t},10)&IF(${rest(t, 10)}=0,"",","&${rest(t, 10)})&" %"`;
};
function thresholdTextJs(share: number): string {
  const t = Math.round(share * 1000);
  return `${Math.floor(t / 10)}${t % 10 === 0 ? "" : `,${t % 10}`} %`;
}

// ---------------------------------------------------------------------------------------------------
// The party

/** The party's cells on the page: its payment row's code, kind and name, and its codes in each role's pots. */
interface PartyCells {
  readonly code: CellRef;
  readonly kind: CellRef;
  readonly name: CellRef;
  /** The municipality's code in the municipalities' pots, "" for a county council. */
  readonly kommun: CellRef;
  /** The county council's code in the county councils' pots ("09" for Gotlands kommun), "" for a municipality. */
  readonly landsting: CellRef;
  /** The county's code. */
  readonly county: CellRef;
}

/** The party chosen when the file is written, and the engine's results for it in each role. */
interface Chosen {
  readonly row: PaymentRow;
  readonly label: string;
  readonly kommun?: string;
  readonly landsting?: string;
  readonly county: string;
  readonly countyIndex: number;
}

function chosenParty(ctx: PlanContext, rows: readonly PaymentRow[]): Chosen {
  const row = rows[0];
  const counties = [...ctx.inputs.counties].sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    row,
    label: `${row.code} ${row.recipient}`,
    kommun: row.kind === "Landsting" ? undefined : row.code,
    landsting: row.councilCode,
    county: row.county,
    countyIndex: counties.findIndex((c) => c.code === row.county),
  };
}

/**
 * The party's row of the payment list from the chosen text: by a county council's code (also Gotland's 09, whose
 * role its municipality carries), by code, by name, or by "code name"; never a county's recipient's row.
 */
function identify(sheet: SheetBuilder, payments: TableRefs, choice: CellRef, chosen: Chosen): PartyCells {
  const find = (what: Term, col: string) => fx`INDEX(${payments.col("kod")},MATCH(${what},${payments.col(col)},0))`;
  // A code typed into the cell after its text format was lost arrives as a number (0114 as 114, 04 as 4).
  const typed = fx`IF(ISNUMBER(${choice}),TEXT(${choice},IF(${choice}>=100,"0000","00")),${choice})`;
  const first = fx`LEFT(${choice},FIND(" ",${choice}&" ")-1)`;
  const code = sheet.field(
    "Kod",
    {
      formula: fx`IFERROR(${find(typed, "roll")},IFERROR(${find(typed, "kod")},IFERROR(${find(choice, "mottagare")},IFERROR(${find(first, "roll")},IFERROR(${find(first, "kod")},"")))))`,
      result: chosen.row.code,
    },
    "calc",
    FORMAT.text
  );
  const of = (col: string) => fx`IFERROR(INDEX(${payments.col(col)},MATCH(${code},${payments.col("kod")},0))&"","")`;
  const name = sheet.field("Mottagare", { formula: of("mottagare"), result: chosen.row.recipient }, "calc");
  const kind = sheet.field("Typ", { formula: of("typ"), result: chosen.row.kind }, "calc");
  // Beside the page, outside the printed area: the party's codes in the pots of each role, and its county.
  const beside = (row: number, label: string, formula: Expr, result: string) => {
    sheet.put(sheet.at(PAGE_COLUMNS + 2, row), label, "note");
    return sheet.put(sheet.at(PAGE_COLUMNS + 1, row), { formula, result }, "calc", FORMAT.text);
  };
  const kommun = beside(code.row, "kod i kommunernas potter", fx`IF(LEN(${code})=4,${code},"")`, chosen.kommun ?? "");
  const landsting = beside(name.row, "kod i landstingens potter", of("roll"), chosen.landsting ?? "");
  const county = beside(kind.row, "länets kod", of("lan"), chosen.county);
  return { code, kind, name, kommun, landsting, county };
}

/** The payee's account as the payment list has it: "Bankgiro 123-4566", or what is missing. */
function accountFields(sheet: SheetBuilder, payments: TableRefs, p: PartyCells, chosen: Chosen): void {
  const of = (col: string) => fx`IFERROR(INDEX(${payments.col(col)},MATCH(${p.code},${payments.col("kod")},0))&"","")`;
  const account = chosen.row.account;
  sheet.field(
    "Organisationsnummer",
    {
      formula: fx`IF(${of("orgnr")}="","saknas: fylls i på Utbetalningar",${of("orgnr")})`,
      result: account?.organisationNumber ?? "saknas: fylls i på Utbetalningar",
    },
    "calc",
    FORMAT.text
  );
  sheet.field(
    "Konto",
    {
      formula: fx`IF(${of("bg")}<>"","Bankgiro "&${of("bg")},IF(${of("pg")}<>"","Plusgiro "&${of("pg")},"saknas: fylls i på Utbetalningar"))`,
      result: account?.bankgiro
        ? `Bankgiro ${account.bankgiro}`
        : account?.plusgiro
          ? `Plusgiro ${account.plusgiro}`
          : "saknas: fylls i på Utbetalningar",
    },
    "calc",
    FORMAT.text
  );
}

/** When the amounts were measured and when they are paid, from the timeline's dated inputs and the sources' words. */
function periodFields(ctx: PlanContext, sheet: SheetBuilder): void {
  const events = ctx.inputs.parameters.timeline;
  const byId = (id: string) => events.find((e) => e.id === id);
  const from = byId("Matperiod_fran");
  const to = byId("Matperiod_till");
  const period = from?.date && to?.date ? [from, to] : undefined;
  const source = '"Mätperiod: Oktober – december 2010" (källorna nedan)';
  if (period) {
    const row = sheet.row;
    sheet.field("Mätperiod (Palliativregistret)", dated(period[0]), "calc", "yyyy-mm-dd");
    sheet.put(sheet.at(4, row), dated(period[1]), "calc", "yyyy-mm-dd");
    sheet.put(sheet.at(5, row), source, "note");
  } else {
    const words = events.find((e) => e.id.startsWith("Matperiod"));
    sheet.field(
      "Mätperiod (Palliativregistret)",
      words?.when ?? "anges inte i källorna",
      "calc",
      FORMAT.text,
      words?.source
    );
  }
  const paid = byId("Utbetalning");
  sheet.field(
    "Betalas ut",
    paid?.when ?? "anges inte i källorna",
    "calc",
    FORMAT.text,
    paid ? '"under förutsättning att målen uppnåtts" (Cirkulär 10:11)' : undefined
  );
}

/** A dated timeline input, as the page shows it: a formula over its name on Parametrar. */
function dated(event: TimelineEvent): CellContent {
  const [y, m, d] = event.date!.split("-").map(Number);
  return { formula: fx`${nameRef(dateName(event))}`, result: Date.UTC(y, m - 1, d) / 86_400_000 + 25_569 };
}

/** A column of a role's own pot table (the municipalities' or the county councils'), for the role's code. */
function inRole(table: TableRefs, roleCode: CellRef, key: string): Expr {
  return fx`IFERROR(INDEX(${table.col(key)},MATCH(${roleCode},${table.col("kod")},0)),"")`;
}

/** The party's own figures, per role: deaths, registrations, the rate, population, Senior alert's conditions and registrations. */
function partyFacts(ctx: PlanContext, sheet: SheetBuilder, s: ShareSources, p: PartyCells, chosen: Chosen): void {
  sheet.line("Partens uppgifter", "subtitle");
  const header = sheet.row++;
  sheet.put(sheet.at(3, header), "Som kommun", "header");
  sheet.put(sheet.at(4, header), "Som landsting", "header");
  const facts = (role: PartyKind) => ({
    pal: ctx.results.palliative[role].base.lines.find((l) => l.code.text === chosen[role]),
    sa: ctx.results.seniorAlert[role].parties.find((x) => x.code === chosen[role]),
  });
  const roles: readonly PartyKind[] = ["kommun", "landsting"];
  const row = (
    label: string,
    formula: (role: PartyKind) => Expr,
    value: (role: PartyKind) => string | number,
    numFmt?: string
  ) => {
    const r = sheet.row++;
    sheet.put(sheet.at(1, r), label, "label");
    roles.forEach((role, c) =>
      sheet.put(sheet.at(3 + c, r), { formula: formula(role), result: chosen[role] ? value(role) : "" }, "calc", numFmt)
    );
  };
  const paragraphRow = (label: string, formula: (role: PartyKind) => Expr, value: (role: PartyKind) => string) => {
    const r = sheet.row++;
    sheet.put(sheet.at(1, r), label, "label");
    roles.forEach((role, c) =>
      sheet.put(sheet.at(3 + c, r), { formula: formula(role), result: chosen[role] ? value(role) : "" }, "paragraph")
    );
  };
  const pal = (role: PartyKind) => s.palliative.tables[role];
  const sa = (role: PartyKind) => s.seniorAlert.tables[role];
  row(
    "Dödsfall under mätperioden",
    (k) => inRole(pal(k), p[k], "dod"),
    (k) => Number(facts(k).pal?.deaths ?? 0),
    FORMAT.count
  );
  row(
    "Registreringar i Palliativregistret",
    (k) => inRole(pal(k), p[k], "reg"),
    (k) => Number(facts(k).pal?.registrations ?? 0),
    FORMAT.count
  );
  row(
    "Registreringsgrad (avkortad)",
    (k) => {
      const d = inRole(pal(k), p[k], "dod");
      const r = inRole(pal(k), p[k], "reg");
      return fx`IFERROR(IF(${d}=0,"ingen (0 dödsfall)",${permilleText(fx`QUOTIENT(${r}*1000,${d})`)}),"")`;
    },
    (k) => {
      const line = facts(k).pal;
      if (!line) return "";
      return line.deaths === 0n ? "ingen (0 dödsfall)" : permilleTextJs((line.registrations * 1000n) / line.deaths);
    }
  );
  row(
    "Folkmängd",
    (k) => inRole(pal(k), p[k], "bef"),
    (k) => Number(facts(k).pal?.population ?? 0),
    FORMAT.count
  );
  paragraphRow(
    "Senior alert: villkor som inte är uppfyllda",
    (k) => fx`IF(${p[k]}="","",IF(${inRole(sa(k), p[k], "saknas")}="","inga",${inRole(sa(k), p[k], "saknas")}))`,
    (k) => {
      const party = facts(k).sa;
      return party ? unmetSeniorAlert(party) || "inga" : "";
    }
  );
  row(
    "Senior alert: registreringar",
    (k) => inRole(sa(k), p[k], "reg"),
    (k) => facts(k).sa?.registrations ?? 0,
    FORMAT.count
  );
}

// ---------------------------------------------------------------------------------------------------
// The lines: one per pot and role

/** One line of the page's table: formulas and their cached values, from the pot's own table. */
interface ShareLine {
  readonly pot: [Expr, string];
  readonly role: [Expr, string];
  readonly roleCode: [Expr, string];
  readonly qualifies: [Expr, string];
  readonly why: [Expr, string];
  readonly potKr: [Expr, number | string];
  readonly totalWeight: [Expr, number | string];
  readonly perUnit: [Expr, number | string];
  readonly weight: [Expr, number | string];
  readonly exact: [Expr, number | string];
  readonly amount: [Expr, number | string];
}

/** Which role a line is about: the party's first role (municipality, or county council), or its second (Gotland). */
type Slot = "first" | "second";

/** The role a slot holds for the chosen party, as a formula ("kommun", "landsting" or "") and as written. */
function slotRole(p: PartyCells, slot: Slot): Expr {
  return slot === "first"
    ? fx`IF(${p.kommun}<>"","kommun",IF(${p.landsting}<>"","landsting",""))`
    : fx`IF(AND(${p.kommun}<>"",${p.landsting}<>""),"landsting","")`;
}
function slotRoleJs(chosen: Chosen, slot: Slot): PartyKind | undefined {
  if (slot === "first") return chosen.kommun ? "kommun" : chosen.landsting ? "landsting" : undefined;
  return chosen.kommun && chosen.landsting ? "landsting" : undefined;
}

const POT_NAME = {
  b: "Palliativregistret, nivå 1",
  o: "Palliativregistret, nivå 2",
  s: "Senior alert",
} as const;
const ROLE_POT: Record<PartyKind, string> = { kommun: "kommunernas pott", landsting: "landstingens pott" };

/** The pot's figures for a role: its cells on the pot sheet. */
function potCells(s: ShareSources, role: PartyKind, pot: "b" | "o" | "s"): PotCells {
  if (pot === "s") return s.seniorAlert.pots[role];
  return pot === "b" ? s.palliative.pots[role].base : s.palliative.pots[role].bonus;
}

/** A line of the page: one pot in one role, every figure a party needs to check its amount. */
function potLine(
  ctx: PlanContext,
  s: ShareSources,
  p: PartyCells,
  chosen: Chosen,
  slot: Slot,
  pot: "b" | "o" | "s"
): ShareLine {
  const role = slotRole(p, slot);
  const roleJs = slotRoleJs(chosen, slot);
  const code = fx`IF(${role}="kommun",${p.kommun},IF(${role}="landsting",${p.landsting},""))`;
  const tables = pot === "s" ? s.seniorAlert.tables : s.palliative.tables;
  const k = twinKeys(pot);
  const of = (key: string) =>
    fx`IF(${role}="kommun",${inRole(tables.kommun, p.kommun, key)},IF(${role}="landsting",${inRole(tables.landsting, p.landsting, key)},""))`;
  const cell = (pick: (c: PotCells) => CellRef) =>
    fx`IF(${role}="kommun",${pick(potCells(s, "kommun", pot))},IF(${role}="landsting",${pick(potCells(s, "landsting", pot))},""))`;
  const qualifiedKey = pot === "s" ? "kval" : `${pot}_kval`;
  const potKr = cell((c) => c.pot);
  const totalWeight = cell((c) => c.totalWeight);
  const weight = of(k.weight);
  const js = lineJs(ctx, chosen, roleJs, pot);
  return {
    pot: [
      fx`IF(${role}="","","${POT_NAME[pot]} ("&IF(${role}="kommun","${ROLE_POT.kommun}","${ROLE_POT.landsting}")&")")`,
      js.pot,
    ],
    role: [role, roleJs ?? ""],
    roleCode: [code, roleJs ? (chosen[roleJs] ?? "") : ""],
    qualifies: [of(qualifiedKey), js.qualifies],
    why: [fx`IFERROR(${whyFormula(p, role, pot, of)},"")`, js.why],
    potKr: [potKr, js.potKr],
    totalWeight: [totalWeight, js.totalWeight],
    perUnit: [fx`IF(${role}="","",IF(N(${totalWeight})=0,"",${potKr}/${totalWeight}))`, js.perUnit],
    weight: [weight, js.weight],
    exact: [fx`IF(${role}="","",IF(N(${totalWeight})=0,0,${weight}*${potKr}/${totalWeight}))`, js.exact],
    amount: [fx`IF(${role}="","",N(${of(k.amount)}))`, js.amount],
  };
}

/** Why a line qualifies or not: the rate against the threshold and the registrations still needed, or Senior alert's conditions. */
function whyFormula(p: PartyCells, role: Expr, pot: "b" | "o" | "s", of: (key: string) => Expr): Expr {
  if (pot === "s")
    return fx`IF(${role}="","",IF(${of("kval")}="Ja","Alla villkor uppfyllda: ersättning per registrering","Villkor som inte är uppfyllda: "&${of("saknas")}))`;
  const threshold = pot === "b" ? NAMED.baseThreshold : NAMED.bonusThreshold;
  const d = of("dod");
  const r = of("reg");
  const qualified = of(`${pot}_kval`);
  const needed = fx`MAX(0,QUOTIENT(ROUND(${threshold}*1000000,0)*${d}+999999,1000000)-${r})`;
  return fx`IF(${role}="","",IF(${d}=0,"0 dödsfall under mätperioden: ingen registreringsgrad",${permilleText(fx`QUOTIENT(${r}*1000,${d})`)}&IF(${qualified}="Ja"," ≥ "," < ")&${thresholdText(threshold)}&" ("&${r}&" av "&${d}&")"&IF(${qualified}="Ja","",": "&${needed}&IF(${needed}=1," registrering"," registreringar")&" till behövs")))`;
}

/** The same line from the engine's results (the cached values). */
function lineJs(ctx: PlanContext, chosen: Chosen, role: PartyKind | undefined, pot: "b" | "o" | "s") {
  const empty = {
    pot: "",
    qualifies: "",
    why: "",
    potKr: "",
    totalWeight: "",
    perUnit: "",
    weight: "",
    exact: "",
    amount: "",
  };
  if (!role) return empty;
  const code = chosen[role];
  const p = ctx.inputs.parameters;
  const label = `${POT_NAME[pot]} (${ROLE_POT[role]})`;
  if (pot === "s") {
    const result = ctx.results.seniorAlert[role];
    const line = result.result.lines.find((l) => l.code.text === code);
    const party = result.parties.find((x) => x.code === code);
    return { ...figures(result.result.allocation, line), pot: label, ...seniorAlertWhy(line, party) };
  }
  const tier = pot === "b" ? ctx.results.palliative[role].base : ctx.results.palliative[role].bonus;
  const line = tier.lines.find((l) => l.code.text === code);
  const threshold = pot === "b" ? p.palliativeBaseThreshold : p.palliativeBonusThreshold;
  return {
    ...figures(tier.allocation, line),
    pot: label,
    qualifies: line ? (line.qualifies ? "Ja" : "Nej") : "",
    why: line ? tierWhyJs(line, threshold) : "",
  };
}

/** A line's pot, total weight, amount per unit, weight, exact share and amount (engine). */
function figures(
  allocation: { pot: { toNumber(): number }; totalScaledWeight: bigint },
  line: { share: { weight: { toNumber(): number } }; amount: { toNumber(): number } } | undefined
) {
  const potKr = allocation.pot.toNumber();
  const total = Number(allocation.totalScaledWeight);
  const weight = line ? line.share.weight.toNumber() : 0;
  return {
    potKr,
    totalWeight: total,
    perUnit: total === 0 ? "" : potKr / total,
    weight: line ? weight : "",
    exact: total === 0 ? 0 : (weight * potKr) / total,
    amount: line ? line.amount.toNumber() : 0,
  };
}

function seniorAlertWhy(line: SeniorAlertLine | undefined, party: SeniorAlertParty | undefined) {
  if (!line || !party) return { qualifies: "", why: "" };
  return {
    qualifies: line.qualifies ? "Ja" : "Nej",
    why: line.qualifies
      ? "Alla villkor uppfyllda: ersättning per registrering"
      : `Villkor som inte är uppfyllda: ${unmetSeniorAlert(party)}`,
  };
}

function tierWhyJs(line: PalliativeLine, thresholdShare: number): string {
  if (line.deaths === 0n) return "0 dödsfall under mätperioden: ingen registreringsgrad";
  const rate = permilleTextJs((line.registrations * 1000n) / line.deaths);
  const threshold = thresholdTextJs(thresholdShare);
  const counts = ` (${line.registrations} av ${line.deaths})`;
  if (line.qualifies) return `${rate} ≥ ${threshold}${counts}`;
  const needed = line.registrationsToQualify ?? 0n;
  return `${rate} < ${threshold}${counts}: ${needed}${needed === 1n ? " registrering" : " registreringar"} till behövs`;
}

/** The table of the page: one line per pot and role; each column a formula and its cached value from a line. */
function linesTable(sheet: SheetBuilder, lines: readonly ShareLine[]): TableRefs {
  const column = (
    key: Exclude<keyof ShareLine, "pot">,
    header: string,
    width: number,
    style: "calc" | "amount" | "paragraph" | "note" = "calc",
    numFmt?: string
  ): ColumnSpec => ({
    key,
    header,
    style,
    numFmt,
    width,
    formula: (_r, i) => lines[i][key][0],
    result: (i) => lines[i][key][1],
  });
  return sheet.table(SHARE_TABLE, lines.length, [
    {
      key: "pott",
      header: SHARE_HEADER.pot,
      style: "paragraph",
      width: 24,
      formula: (_r, i) => lines[i].pot[0],
      result: (i) => lines[i].pot[1],
    },
    column("qualifies", "Kvalificerad", 9),
    column("why", "Varför", 30, "paragraph"),
    column("potKr", "Pott (kr)", 12, "calc", FORMAT.kronor),
    column("totalWeight", "Kvalificerades vikt", 12, "calc", FORMAT.count),
    column("perUnit", "Kr per enhet", 11, "calc", "#,##0.0000"),
    column("weight", "Partens vikt", 11, "calc", FORMAT.count),
    column("exact", "Exakt andel (kr)", 12, "calc", FORMAT.kronorDecimals),
    column("amount", "Belopp (kr)", 12, "amount", FORMAT.kronor),
    column("role", SHARE_HEADER.role, 10, "note"),
    column("roleCode", SHARE_HEADER.roleCode, 10, "note"),
  ]);
}

// ---------------------------------------------------------------------------------------------------
// The county's common money, apart from the party's total

/** The county grant and the regional support of the party's county: paid to the county's recipient, not to the party. */
function countyTable(ctx: PlanContext, sheet: SheetBuilder, s: ShareSources, p: PartyCells, chosen: Chosen): TableRefs {
  const t = s.county.table;
  const at = (key: string) => fx`IFERROR(INDEX(${t.col(key)},MATCH(${p.county},${t.col("kod")},0)),"")`;
  const i = chosen.countyIndex;
  const r = ctx.results;
  const grant = i >= 0 ? r.countyPayment : undefined;
  const regional = i >= 0 ? r.regionalPayment : undefined;
  const countyName = ctx.inputs.counties.find((c) => c.code === chosen.county)?.name ?? "";
  const published = ctx.inputs.publishedCountyGrant.find((g) => g.code === chosen.county);
  const lines: {
    name: string;
    basis: [Expr, string];
    published: [Expr, number | string];
    paid: [Expr, number | string];
    held: [Expr, number | string];
    payable: [Expr, number | string];
  }[] = [
    {
      name: "Länsbidrag (66 mnkr)",
      basis: [fx`${NAMED.paymentBasis}&""`, r.countyPayment.basis],
      published: [at("pub"), published?.publishedKr ?? ""],
      paid: [at("slut"), grant ? grant.paid[i].toNumber() : ""],
      held: [at("c_inne"), grant ? grant.held[i].heldBack.toNumber() : ""],
      payable: [at("c_betala"), grant ? grant.held[i].paid.toNumber() : ""],
    },
    {
      name: "Regionalt stöd (13 mnkr)",
      basis: [fx`${NAMED.regionalBasis}&""`, r.regionalPayment.basis],
      published: [at("pub13"), published ? published.publishedWithRegionalKr - published.publishedKr : ""],
      paid: [at("r_slut"), regional ? regional.paid[i].toNumber() : ""],
      held: [at("r_inne"), regional ? regional.held[i].heldBack.toNumber() : ""],
      payable: [at("r_betala"), regional ? regional.held[i].paid.toNumber() : ""],
    },
  ];
  const column = (
    key: "basis" | "published" | "paid" | "held" | "payable",
    header: string,
    numFmt?: string
  ): ColumnSpec => ({
    key,
    header,
    style: key === "payable" ? "amount" : "calc",
    numFmt,
    width: 12,
    formula: (_r, n) => lines[n][key][0],
    result: (n) => lines[n][key][1],
  });
  sheet.line("Länets gemensamma medel: betalas till länets mottagare, inte till parten", "subtitle");
  const recipients = countyBlock(s.payments, "mottagare");
  const codes = countyBlock(s.payments, "kod");
  const recipient = fx`IFERROR(INDEX(${recipients},MATCH(${p.county},${codes},0))&"","")`;
  sheet.put(
    sheet.at(1, sheet.row++),
    {
      formula: fx`"Län: "&IFERROR(INDEX(${t.col("namn")},MATCH(${p.county},${t.col("kod")},0)),"")&". Länets mottagare: "&IF(${recipient}="","ej ifylld",${recipient})&"."`,
      result: `Län: ${countyName}. Länets mottagare: ${countyRecipient(s, chosen) || "ej ifylld"}.`,
    },
    "label"
  );
  return sheet.table(SHARE_COUNTY_TABLE, lines.length, [
    { key: "medel", header: "Medel", style: "label", width: 24, value: (n) => lines[n].name },
    column("basis", "Grund för utbetalning"),
    column("published", "Publicerat (kr)", FORMAT.kronor),
    column("paid", "Enligt grunden (kr)", FORMAT.kronor),
    column("held", "Innehålls (kr)", FORMAT.kronor),
    column("payable", "Betalas nu (kr)", FORMAT.kronor),
    {
      key: "lan",
      header: SHARE_HEADER.county,
      style: "note",
      width: 12,
      formula: () => fx`${p.county}`,
      result: () => chosen.county,
    },
  ]);
}

/** A column of the payment list's rows for the counties' recipients (they come last, after every party's row). */
function countyBlock(payments: PaymentRefs, key: string): RangeRef {
  const first = payments.rows.findIndex((r) => r.kind === "Länets mottagare");
  const column = payments.table.columnOf(key);
  return rangeRef(
    payments.table.sheet,
    { column, row: payments.table.firstRow + Math.max(0, first) },
    { column, row: payments.table.lastRow }
  );
}

function countyRecipient(s: ShareSources, chosen: Chosen): string {
  return s.payments.rows.find((r) => r.kind === "Länets mottagare" && r.code === chosen.county)?.recipient ?? "";
}

// ---------------------------------------------------------------------------------------------------
// The page

/** The list of parties to choose from ("0114 Upplands Väsby"), a table right of the printed page. */
function choices(sheet: SheetBuilder, payments: PaymentRefs, column: number): TableRefs {
  const parties = payments.rows.filter((r) => r.kind !== "Länets mottagare");
  const row = sheet.row;
  sheet.row = 1;
  const list = sheet.table(
    CHOICES_TABLE,
    parties.length,
    [
      {
        key: "val",
        header: "Välj bland",
        style: "reference",
        width: 30,
        formula: (_r, i) => fx`${payments.table.cell("kod", i, true)}&" "&${payments.table.cell("mottagare", i, true)}`,
        result: (i) => `${parties[i].code} ${parties[i].recipient}`,
      },
    ],
    column
  );
  sheet.row = row;
  return list;
}

/**
 * "Upplands Väsby får 249 772 kr i prestationsersättning för 2010. Palliativregistret, nivå 1 (kommunernas pott):
 * kvalificerad; …" (formula and cached text).
 */
function sentence(
  ctx: PlanContext,
  p: PartyCells,
  table: TableRefs,
  total: CellRef,
  lines: readonly ShareLine[],
  chosen: Chosen,
  totalKr: number
): [Expr, string] {
  const part = (i: number) => {
    const q = table.cell("qualifies", i, true);
    return fx`IF(${q}="","","; "&${table.cell("pott", i, true)}&": "&IF(${q}="Ja","kvalificerad","inte kvalificerad"))`;
  };
  const parts = join(
    lines.map((_, i) => part(i)),
    "&"
  );
  const formula = fx`IF(${p.name}="","",${p.name}&" får "&${kronorText(total)}&" kr i prestationsersättning för "&${NAMED.year}&". "&MID(${parts},3,1000)&".")`;
  const jsParts = lines
    .filter((l) => l.qualifies[1] !== "")
    .map((l) => `${l.pot[1]}: ${l.qualifies[1] === "Ja" ? "kvalificerad" : "inte kvalificerad"}`)
    .join("; ");
  const text = `${chosen.row.recipient} får ${kronorTextJs(totalKr)} kr i prestationsersättning för ${ctx.inputs.parameters.year}. ${jsParts}.`;
  return [formula, text];
}

/**
 * The assumptions and readings the amounts on the page rest on, each said as one: the split of each pot, how the
 * rate is shown, how whole kronor are reached, and the bases of the county's common money.
 */
function assumptions(ctx: PlanContext, sheet: SheetBuilder, party: PartyCells, chosen: Chosen): void {
  const p = ctx.inputs.parameters;
  sheet.line("Antaganden och läsningar som beloppen vilar på", "subtitle");
  const splitBefore = "Varje prestationspott delas mellan kommunernas och landstingens potter med ";
  const splitAfter = ` till kommunerna. Det är ett antagande: källorna säger bara "Skilda potter till kommuner och landsting" (${cite("infrastructure", 13)}; ${cite("performance", 6)}). Se Andel_Kommun på Parametrar.`;
  const split = fx`${text(splitBefore)}&${thresholdText(NAMED.municipalShare)}&${text(splitAfter)}`;
  const splitJs = `${splitBefore}${thresholdTextJs(p.municipalShare)}${splitAfter}`;
  const texts: [CellContent, number][] = [
    [{ formula: split, result: splitJs }, 3],
    [
      "Registreringsgraden visas avkortad till en tiondels procent, inte avrundad: 69,96 % visas som 69,9 %, så att en grad under tröskeln aldrig ser ut att nå den. Kvalificeringen jämförs exakt i heltal: registreringar × 10^6 ≥ tröskeln × 10^6 × dödsfall (40 % blir 400 000).",
      2,
    ],
    [
      "Beloppen är hela kronor: potten delas i proportion till vikten (folkmängd eller registreringar hos dem som kvalificerat sig), och de kronor som blir över när varje andel avrundats nedåt går en i taget till de största resterna (vid lika rest: lägst kod först). Därför är beloppet den exakta andelen avrundad nedåt, eller en krona mer.",
      3,
    ],
    [
      {
        formula: fx`"Länets gemensamma medel: länsbidraget betalas enligt grunden "&${NAMED.paymentBasis}&IF(LEFT(${NAMED.paymentBasis},10)="Publicerat"," (Bilaga 2 som den publicerades; avrundningssteget 0,5 mnkr är en läsning)"," (regeln; steget 0,5 mnkr är en läsning ur de publicerade beloppen)")&", det regionala stödet enligt "&${NAMED.regionalBasis}&IF(LEFT(${NAMED.regionalBasis},10)="Publicerat"," (bild 17 minus Bilaga 2: en läsning av två tabeller)"," (lika delar: ett antagande)")&". Ett villkor som inte är uppfyllt håller länets belopp inne."`,
        result:
          `Länets gemensamma medel: länsbidraget betalas enligt grunden ${ctx.results.countyPayment.basis}` +
          (ctx.results.countyPayment.basis.startsWith("Publicerat")
            ? " (Bilaga 2 som den publicerades; avrundningssteget 0,5 mnkr är en läsning)"
            : " (regeln; steget 0,5 mnkr är en läsning ur de publicerade beloppen)") +
          `, det regionala stödet enligt ${ctx.results.regionalPayment.basis}` +
          (ctx.results.regionalPayment.basis.startsWith("Publicerat")
            ? " (bild 17 minus Bilaga 2: en läsning av två tabeller)"
            : " (lika delar: ett antagande)") +
          ". Ett villkor som inte är uppfyllt håller länets belopp inne.",
      },
      3,
    ],
  ];
  for (const [content, lines] of texts) sheet.paragraph(content, PAGE_COLUMNS, lines);
  countyReading(ctx, sheet, party, chosen);
}

/**
 * What of the party's county's published figures is a reading ("Stockholm 7," with a lost decimal, Dalarna's
 * "2,5"), from the published table's `reading` column: the letter of every party in the county says it. Blank
 * for a county whose figures need none.
 */
function countyReading(ctx: PlanContext, sheet: SheetBuilder, party: PartyCells, chosen: Chosen): void {
  const readings = ctx.inputs.publishedCountyGrant.filter((g) => g.reading);
  if (readings.length === 0) return;
  const said = (g: (typeof readings)[number]) => `Läsning för ${g.name}: ${g.reading}`;
  const parts = join(
    readings.map((g) => fx`IF(${party.county}="${g.code}",${text(said(g))},"")`),
    "&"
  );
  const own = readings.find((g) => g.code === chosen.county);
  sheet.paragraph({ formula: parts, result: own ? said(own) : "" }, PAGE_COLUMNS, 2);
}

/** The page's closing lines: the sources, by their titles. */
function basisAndSources(ctx: PlanContext, sheet: SheetBuilder): void {
  sheet.line("Grund och källor", "subtitle");
  for (const text of [
    `Parametrar ${ctx.inputs.parameters.year} (bladet Parametrar): trösklar, potter, fördelningen mellan kommuner och landsting, avrundningen och grunderna för länets medel.`,
    `Palliativregistret och Senior alert: ${cite("circular", "avsnitt 1")} ("Prestationsersättningen kommer att utbetalas i början av 2011 under förutsättning att målen uppnåtts"); två steg och fördelning: ${cite("infrastructure", "12–14")}; mätperiod och villkoren för Senior alert: ${cite("performance", "6 och 8")}.`,
    `Länsbidraget: ${cite("sormland", "Bilaga 2")}; ${cite("infrastructure", "15 och 17")}; ${cite("circular", "avsnitt 2")}. Regionalt stöd: ${cite("infrastructure", "17 och 18")}.`,
    ...(ctx.inputs.synthetic
      ? ["SYNTETISKA DATA: registeruppgifterna och villkoren är påhittade demonstrationsvärden, inte ett beslut."]
      : []),
  ])
    sheet.paragraph(text, PAGE_COLUMNS, undefined, text.startsWith("SYNTETISKA") ? "warningParagraph" : "paragraph");
}

/**
 * `Andel`: one party's page (see the file's comment). The choice is a text cell with a list of the parties;
 * a code or a name typed instead is understood too.
 */
export function shareSheet(ctx: PlanContext, s: ShareSources): { sheet: SheetBuilder; refs: ShareRefs } {
  const p = ctx.inputs.parameters;
  const chosen = chosenParty(ctx, s.payments.rows);
  const sheet = new SheetBuilder(SHEET.share, TAB.output);
  [24, 9, 30, 12, 12, 11, 11, 12, 12].forEach((w, i) => sheet.width(i + 1, w));
  const titleRow = sheet.row++;
  sheet.paragraph(
    "Underlag för beslut om statsbidrag till en kommun eller ett landsting. Välj parten i den gula cellen (kod eller namn); allt annat är formler över bladen Palliativ, Senior alert, Länsbidrag och Utbetalningar, så att varje belopp kan kontrolleras från denna sida.",
    PAGE_COLUMNS
  );
  if (ctx.inputs.synthetic)
    sheet.paragraph(
      "SYNTETISKA DATA: beloppen bygger på påhittade registervärden.",
      PAGE_COLUMNS,
      1,
      "warningParagraph"
    );
  reusedDataLine(ctx, sheet);
  sheet.skip();
  const choice = sheet.field("Part (kod eller namn)", chosen.label, "input", FORMAT.text);
  const party = identify(sheet, s.payments.table, choice, chosen);
  ctx.names.push({ name: SHARE_CHOICE_NAME, ref: choice }, { name: SHARE_CODE_NAME, ref: party.code });
  sheet.put(
    sheet.at(1, titleRow),
    {
      formula: fx`"Statsbidrag för de mest sjuka äldre "&${NAMED.year}&": "&IF(${party.name}="","välj en part",${party.name})`,
      result: `Statsbidrag för de mest sjuka äldre ${p.year}: ${chosen.row.recipient}`,
    },
    "title"
  );
  accountFields(sheet, s.payments.table, party, chosen);
  // The decision date is an input left blank until the decision is taken.
  sheet.field("Beslutsdatum", null, "input", "yyyy-mm-dd", "fylls i när beslutet fattas");
  periodFields(ctx, sheet);
  sheet.skip();
  partyFacts(ctx, sheet, s, party, chosen);
  sheet.skip();
  sheet.line("Prestationsersättning", "subtitle");
  const lines = (["first", "second"] as const).flatMap((slot) =>
    (["b", "o", "s"] as const).map((pot) => potLine(ctx, s, party, chosen, slot, pot))
  );
  const table = linesTable(sheet, lines);
  sheet.row = table.lastRow + 1;
  const totalKr = lines.reduce((t, l) => t + Number(l.amount[1] || 0), 0);
  const total = sheet.field(
    "Summa till parten (kr)",
    { formula: fx`SUM(${table.col("amount")})`, result: totalKr },
    "total",
    FORMAT.kronor,
    undefined,
    9
  );
  sheet.skip();
  const [formula, text] = sentence(ctx, party, table, total, lines, chosen, totalKr);
  sheet.paragraph({ formula, result: text }, PAGE_COLUMNS, 3, "summary");
  sheet.skip();
  countyTable(ctx, sheet, s, party, chosen);
  sheet.skip();
  assumptions(ctx, sheet, party, chosen);
  sheet.skip();
  basisAndSources(ctx, sheet);
  const lastRow = sheet.row;
  const list = choices(sheet, s.payments, PAGE_COLUMNS + 4);
  sheet.validate({
    range: sheet.range(choice, choice),
    kind: "list",
    source: list.col("val"),
    errorStyle: "warning",
    prompt: "Välj kommun eller landsting i listan, eller skriv koden eller namnet.",
    error: "Parten finns inte i listan. Skriv en kod (0114, 04) eller ett namn som på bladet Utbetalningar.",
  });
  sheet.setPrintArea(sheet.range({ column: 1, row: 1 }, { column: PAGE_COLUMNS, row: lastRow }));
  return {
    sheet,
    refs: { party: choice, code: party.code, table, total, totalKr, chosenCode: chosen.row.code },
  };
}
