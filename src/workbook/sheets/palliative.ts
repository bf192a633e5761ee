import { PalliativeResult } from "../../engine/palliative";
import { PalliativePot } from "../compute";
import { PartyKind } from "../inputs";
import { FORMAT } from "../plan";
import { fx, NameRef } from "../refs";
import { ColumnSpec, RowRefs, SheetBuilder, TableRefs } from "../sheetBuilder";
import { cite } from "../sources";
import { fillPotRows, PotCells, registrationsColumn, reservePotRows, twinColumns, twinKeys } from "./allocationColumns";
import { PlanContext, reusedDataLine, SHEET, TAB, yesNo } from "./context";
import { ALLOCATION_LABEL, HEADER, TABLE, TWIN_PART, twinHeader } from "./names";
import { NAMED } from "./parameters";
import { codeNumberColumns, lookup, partyColumns, ReferenceTables } from "./reference";

export interface PalliativeTables {
  readonly tables: Readonly<Record<PartyKind, TableRefs>>;
  readonly pots: Readonly<Record<PartyKind, { base: PotCells; bonus: PotCells }>>;
}

const POT_NAMES: Record<
  PartyKind,
  { table: string; base: NameRef; bonus: NameRef; title: string; reference: "municipalities" | "counties" }
> = {
  kommun: {
    table: TABLE.palliativeKommun,
    base: NAMED.basePotKommun,
    bonus: NAMED.bonusPotKommun,
    title: "Kommuner",
    reference: "municipalities",
  },
  landsting: {
    table: TABLE.palliativeLandsting,
    base: NAMED.basePotLandsting,
    bonus: NAMED.bonusPotLandsting,
    title: "Landsting",
    reference: "counties",
  },
};

/** One tier of a pot: its prefix, label, threshold and pot names, its pot cells and the engine's result. */
interface Tier {
  readonly prefix: "b" | "o";
  readonly label: string;
  readonly threshold: NameRef;
  readonly pot: NameRef;
  readonly cells: PotCells;
  readonly result: PalliativeResult;
}

/**
 * Step 1 (qualification, compared in integers: registrations × 10^6 ≥ ROUND(threshold × 10^6) × deaths) and
 * step 2 (the twin of the distribution by population) of one tier.
 */
function tierColumns(ctx: PlanContext, tier: Tier): ColumnSpec[] {
  const qualified = `${tier.prefix}_kval`;
  return [
    {
      key: qualified,
      header: twinHeader(tier.label, TWIN_PART.qualified),
      style: "calc",
      width: 11,
      formula: (r) =>
        fx`IF(AND(${r.at("dod")}>0,${r.at("reg")}*1000000>=ROUND(${tier.threshold}*1000000,0)*${r.at("dod")}),"Ja","Nej")`,
      result: (i) => yesNo(tier.result.lines[i].qualifies),
    },
    ...twinColumns(ctx, {
      prefix: tier.prefix,
      label: tier.label,
      lines: tier.result.lines.map((l) => l.share),
      cells: tier.cells,
      step: NAMED.paymentStep,
      codeNumber: "kodnr",
      weight: (r) => fx`IF(${r.at(qualified)}="Ja",${r.at("bef")},0)`,
      addin: (r: RowRefs) =>
        fx`SKL.PALLIATIVE_SHARE(${r.at("kod")},${r.col("kod")},${r.col("reg")},${r.col("dod")},${r.col("bef")},${tier.pot},${tier.threshold},${NAMED.paymentStep})`,
    }),
  ];
}

/** The party's inputs and lookups: population, deaths, registrations, the rate as shown, the row check. */
function inputColumns(pot: PalliativePot, reference: TableRefs): ColumnSpec[] {
  const { parties } = pot;
  const lines = pot.base.lines;
  return [
    ...partyColumns(parties, reference),
    {
      key: "bef",
      header: HEADER.population,
      style: "calc",
      numFmt: FORMAT.count,
      width: 11,
      formula: (r) => lookup(reference, "bef", r.at("kod"), 0),
      result: (i) => parties[i].population,
    },
    {
      key: "dod",
      header: HEADER.deaths,
      style: "input",
      numFmt: FORMAT.count,
      width: 9,
      value: (i) => parties[i].deaths,
    },
    registrationsColumn((i) => parties[i].registrations),
    {
      key: "andel",
      header: HEADER.rate,
      style: "calc",
      numFmt: FORMAT.percent,
      width: 11,
      // Cut to a tenth of a per cent (QUOTIENT on whole numbers), as the engine's shown rate: 715 of 1 022
      // (69.96 %) shows as 69.9 %, not as a 70.0 % that did not qualify. Qualification compares exactly.
      formula: (r) => fx`IF(${r.at("dod")}>0,QUOTIENT(${r.at("reg")}*1000,${r.at("dod")})/1000,"")`,
      result: (i) => lines[i].shownRate?.toNumber() ?? "",
    },
    {
      key: "regkontroll",
      header: HEADER.registrationsCheck,
      style: "check",
      width: 11,
      formula: (r) => fx`IF(${r.at("reg")}<=${r.at("dod")},"OK","FEL")`,
      result: (i) => (lines[i].registrations <= lines[i].deaths ? "OK" : "FEL"),
    },
    ...codeNumberColumns(parties.map((p) => p.code)),
  ];
}

/** Validation and highlights of one pot's table. */
function decorate(sheet: SheetBuilder, table: TableRefs): void {
  sheet.validate({
    range: table.col("dod"),
    kind: "wholeNumber",
    min: 0,
    prompt: "Dödsfall under mätperioden",
    error: "Dödsfall: ett helt tal, 0 eller större.",
  });
  sheet.validate({
    range: table.col("reg"),
    kind: "wholeNumber",
    min: 0,
    prompt: "Registreringar i Palliativregistret",
    error: "Registreringar: ett helt tal, 0 eller större (och högst antalet dödsfall).",
  });
  sheet.highlight({ range: table.col("regkontroll"), formula: fx`${table.cell("regkontroll", 0)}="FEL"`, look: "bad" });
  for (const prefix of ["b", "o"]) {
    const qualified = `${prefix}_kval`;
    sheet.highlight({ range: table.col(qualified), formula: fx`${table.cell(qualified, 0)}="Ja"`, look: "good" });
    const diff = twinKeys(prefix).diff;
    sheet.highlight({ range: table.col(diff), formula: fx`${table.cell(diff, 0)}<>0`, look: "bad" });
  }
}

/** One pot (municipalities or county councils): its pot rows and its table with both tiers and their sum. */
function potTable(
  ctx: PlanContext,
  sheet: SheetBuilder,
  reference: ReferenceTables,
  kind: PartyKind
): { table: TableRefs; cells: { base: PotCells; bonus: PotCells } } {
  const pot = ctx.results.palliative[kind];
  const names = POT_NAMES[kind];
  sheet.line(names.title, "subtitle");
  const [base, bonus] = reservePotRows(sheet, [ALLOCATION_LABEL.base, ALLOCATION_LABEL.bonus]);
  const tiers: Tier[] = [
    {
      prefix: "b",
      label: ALLOCATION_LABEL.base,
      threshold: NAMED.baseThreshold,
      pot: names.base,
      cells: base,
      result: pot.base,
    },
    {
      prefix: "o",
      label: ALLOCATION_LABEL.bonus,
      threshold: NAMED.bonusThreshold,
      pot: names.bonus,
      cells: bonus,
      result: pot.bonus,
    },
  ];
  const table = sheet.table(names.table, pot.parties.length, [
    ...inputColumns(pot, reference[names.reference]),
    ...tiers.flatMap((tier) => tierColumns(ctx, tier)),
    {
      key: "summa",
      header: HEADER.palliativeTotal,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`${r.at(twinKeys("b").amount)}+${r.at(twinKeys("o").amount)}`,
      result: (i) => pot.base.lines[i].amount.plus(pot.bonus.lines[i].amount).toNumber(),
    },
  ]);
  for (const tier of tiers)
    fillPotRows(sheet, tier.cells, table, tier.prefix, tier.result.allocation, fx`${tier.pot}`, NAMED.paymentStep);
  decorate(sheet, table);
  return { table, cells: { base, bonus } };
}

/**
 * `Palliativ`: both tiers of the palliative registry payout, with the municipalities' and the county
 * councils' pots apart. Step 1 (qualification) and step 2 (distribution) are their own columns.
 */
export function palliativeSheet(
  ctx: PlanContext,
  reference: ReferenceTables
): { sheet: SheetBuilder; refs: PalliativeTables } {
  const sheet = new SheetBuilder(SHEET.palliative, TAB.calculation);
  sheet.line("Palliativregistret: prestationsersättning i två nivåer", "title");
  sheet.line(
    "Steg 1 kvalificering: registreringar/dödsfall ≥ tröskeln, jämfört exakt i heltal (registreringar × 10^6 ≥ AVRUNDA(tröskel × 10^6) × dödsfall). " +
      "Steg 2 fördelning: kvalificerade delar potten efter folkmängd, i hela steg med största rest, lika rest efter lägst kod. " +
      "Registreringsgraden visas avkortad till en tiondels procent (69,96 % visas 69,9 %)."
  );
  sheet.line(
    "Nivå 2-parter får även sin nivå 1-andel. Kommuner och landsting har skilda potter. " +
      `Källa: ${cite("circular", "avsnitt 1")} (Mål 1: trösklar och potter); ${cite("infrastructure", 13)}, och ${cite("performance", "5–6")} ` +
      '(mätperiod, skilda potter, fördelning "utifrån befolkningens storlek").'
  );
  if (ctx.inputs.synthetic)
    sheet.line(
      "SYNTETISKA DATA: dödsfall och registreringar är påhittade demonstrationsvärden, inte registerdata.",
      "warning"
    );
  reusedDataLine(ctx, sheet);
  sheet.skip();
  const kommun = potTable(ctx, sheet, reference, "kommun");
  // The header row of the municipalities' table stays in view (the county councils' table has the same columns).
  sheet.freeze(sheet.at(3, kommun.table.firstRow));
  const landsting = potTable(ctx, sheet, reference, "landsting");
  return {
    sheet,
    refs: {
      tables: { kommun: kommun.table, landsting: landsting.table },
      pots: { kommun: kommun.cells, landsting: landsting.cells },
    },
  };
}
