import { PartyKind } from "../inputs";
import { FORMAT } from "../plan";
import { SheetBuilder, TableRefs } from "../sheetBuilder";
import { fillPotRows, PotCells, reservePotRows, twinColumns, twinKeys } from "./allocationColumns";
import { PlanContext, SHEET, TAB, yesNo } from "./context";
import { ALLOCATION_LABEL, HEADER, TABLE, TWIN_PART, twinHeader } from "./names";
import { NAME } from "./parameters";
import { codeNumberColumns, lookup, partyColumns, ReferenceTables } from "./reference";

export interface PalliativeTables {
  readonly tables: Readonly<Record<PartyKind, TableRefs>>;
  readonly pots: Readonly<Record<PartyKind, { base: PotCells; bonus: PotCells }>>;
}

const POT_NAMES: Record<
  PartyKind,
  { table: string; base: string; bonus: string; title: string; reference: "municipalities" | "counties" }
> = {
  kommun: {
    table: TABLE.palliativeKommun,
    base: NAME.basePotKommun,
    bonus: NAME.bonusPotKommun,
    title: "Kommuner",
    reference: "municipalities",
  },
  landsting: {
    table: TABLE.palliativeLandsting,
    base: NAME.basePotLandsting,
    bonus: NAME.bonusPotLandsting,
    title: "Landsting",
    reference: "counties",
  },
};

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
    "Nivå 2-parter får även sin nivå 1-andel. Kommuner och landsting har skilda potter. Källa: cirkulär 10:11 (seed 002), seed 004."
  );
  if (ctx.inputs.synthetic)
    sheet.line(
      "SYNTETISKA DATA: dödsfall och registreringar är påhittade demonstrationsvärden, inte registerdata.",
      "warning"
    );
  sheet.skip();

  const tables = {} as Record<PartyKind, TableRefs>;
  const pots = {} as Record<PartyKind, { base: PotCells; bonus: PotCells }>;
  for (const kind of ["kommun", "landsting"] as const) {
    const pot = ctx.results.palliative[kind];
    const names = POT_NAMES[kind];
    const ref = reference[names.reference];
    sheet.line(names.title, "subtitle");
    const [baseCells, bonusCells] = reservePotRows(sheet, [ALLOCATION_LABEL.base, ALLOCATION_LABEL.bonus]);
    const parties = pot.parties;
    const codes = "kod";
    const tier = (
      prefix: "b" | "o",
      label: string,
      threshold: string,
      potName: string,
      cells: PotCells,
      result: typeof pot.base
    ) => [
      {
        key: `${prefix}_kval`,
        header: twinHeader(label, TWIN_PART.qualified),
        style: "calc" as const,
        width: 11,
        formula: (r: { at(k: string): string }) =>
          `IF(AND(${r.at("dod")}>0,${r.at("reg")}*1000000>=ROUND(${threshold}*1000000,0)*${r.at("dod")}),"Ja","Nej")`,
        result: (i: number) => yesNo(result.lines[i].qualifies),
      },
      ...twinColumns(ctx, {
        prefix,
        label,
        lines: result.lines.map((l) => l.share),
        cells,
        step: NAME.paymentStep,
        codeNumber: "kodnr",
        weight: (r) => `IF(${r.at(`${prefix}_kval`)}="Ja",${r.at("bef")},0)`,
        addin: (r) =>
          `SKL.PALLIATIVE_SHARE(${r.at(codes)},${r.col(codes)},${r.col("reg")},${r.col("dod")},${r.col("bef")},${potName},${threshold},${NAME.paymentStep})`,
      }),
    ];
    const table = sheet.table(names.table, parties.length, [
      ...partyColumns(parties, ref),
      {
        key: "bef",
        header: HEADER.population,
        style: "calc",
        numFmt: FORMAT.count,
        width: 11,
        formula: (r) => lookup(ref, "bef", r.at("kod"), 0),
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
      {
        key: "reg",
        header: HEADER.registrations,
        style: "input",
        numFmt: FORMAT.count,
        width: 11,
        value: (i) => parties[i].registrations,
      },
      {
        key: "andel",
        header: HEADER.rate,
        style: "calc",
        numFmt: FORMAT.percent,
        width: 11,
        // Truncated to a tenth of a per cent (QUOTIENT on whole numbers), so that 715 of 1 022 (69.96 %)
        // shows as 69.9 %, not as a 70.0 % that did not qualify. Qualification compares exactly.
        formula: (r) => `IF(${r.at("dod")}>0,QUOTIENT(${r.at("reg")}*1000,${r.at("dod")})/1000,"")`,
        result: (i) =>
          parties[i].deaths > 0 ? Math.floor((parties[i].registrations * 1000) / parties[i].deaths) / 1000 : "",
      },
      {
        key: "regkontroll",
        header: HEADER.registrationsCheck,
        style: "check",
        width: 11,
        formula: (r) => `IF(${r.at("reg")}<=${r.at("dod")},"OK","FEL")`,
        result: (i) => (parties[i].registrations <= parties[i].deaths ? "OK" : "FEL"),
      },
      ...codeNumberColumns(parties.map((p) => p.code)),
      ...tier("b", ALLOCATION_LABEL.base, NAME.baseThreshold, names.base, baseCells, pot.base),
      ...tier("o", ALLOCATION_LABEL.bonus, NAME.bonusThreshold, names.bonus, bonusCells, pot.bonus),
      {
        key: "summa",
        header: HEADER.palliativeTotal,
        style: "amount",
        numFmt: FORMAT.kronor,
        width: 13,
        formula: (r) => `${r.at(twinKeys("b").amount)}+${r.at(twinKeys("o").amount)}`,
        result: (i) => pot.base.lines[i].amount.plus(pot.bonus.lines[i].amount).toNumber(),
      },
    ]);
    fillPotRows(sheet, baseCells, table, "b", pot.base.allocation, names.base, NAME.paymentStep);
    fillPotRows(sheet, bonusCells, table, "o", pot.bonus.allocation, names.bonus, NAME.paymentStep);
    sheet.validate({
      range: `${table.col("dod").replace(/\$/g, "")}`,
      kind: "wholeNumber",
      min: 0,
      prompt: "Dödsfall under mätperioden",
      error: "Dödsfall: ett helt tal, 0 eller större.",
    });
    sheet.validate({
      range: `${table.col("reg").replace(/\$/g, "")}`,
      kind: "wholeNumber",
      min: 0,
      prompt: "Registreringar i Palliativregistret",
      error: "Registreringar: ett helt tal, 0 eller större (och högst antalet dödsfall).",
    });
    sheet.highlight({
      range: table.col("regkontroll").replace(/\$/g, ""),
      formula: `${table.cell("regkontroll", 0)}="FEL"`,
      look: "bad",
    });
    for (const prefix of ["b", "o"]) {
      const first = table.cell(`${prefix}_kval`, 0);
      sheet.highlight({
        range: table.col(`${prefix}_kval`).replace(/\$/g, ""),
        formula: `${first}="Ja"`,
        look: "good",
      });
      const diff = table.cell(twinKeys(prefix).diff, 0);
      sheet.highlight({
        range: table.col(twinKeys(prefix).diff).replace(/\$/g, ""),
        formula: `${diff}<>0`,
        look: "bad",
      });
    }
    tables[kind] = table;
    pots[kind] = { base: baseCells, bonus: bonusCells };
    // The header row of the municipalities' table stays in view (the county councils' table has the same columns).
    if (kind === "kommun") sheet.freeze(`C${table.firstRow}`);
  }
  return { sheet, refs: { tables, pots } };
}
