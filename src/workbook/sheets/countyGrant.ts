import { REGIONAL_EQUAL_WEIGHT } from "../../engine/countyGrant";
import { County, PublishedCountyGrant } from "../inputs";
import { FORMAT } from "../plan";
import { CellRef, fx } from "../refs";
import { ColumnSpec, RowRefs, SheetBuilder, TableRefs } from "../sheetBuilder";
import { fillPotRows, PotCells, reservePotRows, twinColumns, twinKeys } from "./allocationColumns";
import { isYes, PlanContext, reusedDataNote, SHEET, TAB, yesNo } from "./context";
import { ALLOCATION_LABEL, HEADER, TABLE, TWIN_PART } from "./names";
import { NAMED } from "./parameters";
import { lookup, ReferenceTables, UNKNOWN_CODE } from "./reference";
import { cite } from "../sources";
import { publishedRegional } from "../compute";
import { CONDITION_WORDS } from "../conditions";
import { Expr, join } from "../refs";

export interface CountyGrantRefs {
  readonly table: TableRefs;
  readonly rule: PotCells;
  readonly regional: PotCells;
  /** Sums below the table. */
  readonly sums: {
    readonly rule: CellRef;
    readonly published: CellRef;
    readonly adjustment: CellRef;
    readonly final: CellRef;
    readonly grantHeld: CellRef;
    readonly regional: CellRef;
    readonly regionalPublished: CellRef;
    readonly regionalAdjustment: CellRef;
    readonly regionalFinal: CellRef;
    readonly regionalHeld: CellRef;
    readonly published79: CellRef;
    readonly total79: CellRef;
  };
}

/** What the sheet shows per county, in the county table's order (by code), from the engine and the sources. */
interface CountyRows {
  readonly counties: readonly County[];
  /** The rule's grant: base + share of the rest (engine). */
  readonly rule: (i: number) => number;
  /** The regional support (engine). */
  readonly regional: (i: number) => number;
  readonly published: (i: number) => number;
  readonly published79: (i: number) => number;
  /** The grant as paid, on the basis the file is written with (engine). */
  readonly paid: (i: number) => number;
  /** The regional support as published (bild 17 less Bilaga 2, a reading) and as paid on its basis (engine). */
  readonly regionalPublished: (i: number) => number;
  readonly regionalPaid: (i: number) => number;
  /** What the conditions hold back (engine). */
  readonly grantHeld: (i: number) => number;
  readonly regionalHeld: (i: number) => number;
}

function countyRows(ctx: PlanContext): CountyRows {
  const { countyRule, regional } = ctx.results;
  const counties = [...ctx.inputs.counties].sort((a, b) => (a.code < b.code ? -1 : 1));
  const published = new Map<string, PublishedCountyGrant>(ctx.inputs.publishedCountyGrant.map((g) => [g.code, g]));
  return {
    counties,
    rule: (i) => countyRule.lines[i].totalNumber,
    regional: (i) => regional.lines[i].totalNumber,
    published: (i) => published.get(counties[i].code)?.publishedKr ?? 0,
    published79: (i) => published.get(counties[i].code)?.publishedWithRegionalKr ?? 0,
    paid: (i) => ctx.results.countyPayment.paid[i].toNumber(),
    regionalPublished: (i) => publishedRegional(published.get(counties[i].code)),
    regionalPaid: (i) => ctx.results.regionalPayment.paid[i].toNumber(),
    grantHeld: (i) => ctx.results.countyPayment.held[i].heldBack.toNumber(),
    regionalHeld: (i) => ctx.results.regionalPayment.held[i].heldBack.toNumber(),
  };
}

/** Code, name, number of municipalities and the code as a number (for ties). */
function identityColumns(rows: CountyRows, reference: ReferenceTables): ColumnSpec[] {
  const { counties } = rows;
  return [
    {
      key: "kod",
      header: HEADER.code,
      style: "reference",
      numFmt: FORMAT.text,
      width: 6,
      value: (i) => counties[i].code,
    },
    {
      key: "namn",
      header: HEADER.county,
      style: "calc",
      width: 22,
      formula: (r) => lookup(reference.counties, "namn", r.at("kod"), UNKNOWN_CODE),
      result: (i) => counties[i].name,
    },
    {
      key: "kommuner",
      header: HEADER.municipalityCount,
      style: "calc",
      numFmt: FORMAT.count,
      width: 10,
      formula: (r) => lookup(reference.counties, "kommuner", r.at("kod"), 0),
      result: (i) => counties[i].municipalities,
    },
    {
      key: "kodnr",
      header: HEADER.codeNumber,
      style: "calc",
      numFmt: "0",
      width: 8,
      formula: (r) => fx`VALUE(${r.at("kod")})`,
      result: (i) => Number(counties[i].code),
    },
  ];
}

/** The rule's twin, the published figure and its difference, the adjustment and the final grant. */
function ruleColumns(ctx: PlanContext, rows: CountyRows, reference: ReferenceTables, cells: PotCells): ColumnSpec[] {
  const { countyRule } = ctx.results;
  const amount = twinKeys("c").amount;
  return [
    ...twinColumns(ctx, {
      prefix: "c",
      label: ALLOCATION_LABEL.countyRule,
      amountHeader: TWIN_PART.countyAmount,
      lines: countyRule.lines.map((l) => l.share),
      cells,
      step: NAMED.countyStep,
      codeNumber: "kodnr",
      weight: (r) => fx`${r.at("kommuner")}`,
      addin: (r) =>
        fx`SKL.COUNTY_GRANT(${r.at("kod")},${r.col("kod")},${r.col("kommuner")},${NAMED.countyTotal},${NAMED.countyBase},${NAMED.countyStep})`,
      base: { ref: NAMED.countyBase, value: () => countyRule.base.toNumber() },
    }),
    {
      key: "pub",
      header: HEADER.published,
      style: "reference",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => lookup(reference.counties, "pub66", r.at("kod"), 0),
      result: rows.published,
    },
    {
      key: "pubdiff",
      header: HEADER.publishedDiff,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`${r.at("pub")}-${r.at(amount)}`,
      result: (i) => rows.published(i) - rows.rule(i),
    },
    {
      key: "just",
      header: HEADER.adjustment,
      style: "input",
      numFmt: FORMAT.kronor,
      width: 12,
      value: (i) => ctx.results.countyPayment.adjustments[i],
    },
    {
      // As paid, on the basis chosen on Parametrar (the engine's countyGrantPaid).
      key: "slut",
      header: HEADER.final,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) =>
        fx`IF(${NAMED.paymentBasis}="Publicerat",${r.at("pub")},${r.at(amount)}+IF(${NAMED.paymentBasis}="Regeln med justeringar",${r.at("just")},0))`,
      result: rows.paid,
    },
    {
      key: "slutdiff",
      header: HEADER.paidMinusPublished,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`${r.at("slut")}-${r.at("pub")}`,
      result: (i) => rows.paid(i) - rows.published(i),
    },
    ...conditionColumns(ctx, rows, [
      ["v_plan", HEADER.developmentPlan, (c) => c.developmentPlan],
      ["v_avtal", HEADER.agreement, (c) => c.agreement],
    ]),
    ...heldColumns(
      ["v_plan", "v_avtal"],
      "slut",
      ["c_inne", HEADER.grantHeld, rows.grantHeld],
      ["c_betala", HEADER.grantPayable, (i) => rows.paid(i) - rows.grantHeld(i)]
    ),
  ];
}

/** A county's yes/no conditions: input columns, as the one reader reads yes/no (Ja, Nej, TRUE, 1, …). */
function conditionColumns(
  ctx: PlanContext,
  rows: CountyRows,
  conditions: readonly (readonly [string, string, (c: (typeof ctx.results.countyConditions)[number]) => boolean])[]
): ColumnSpec[] {
  return conditions.map(([key, header, met]) => ({
    key,
    header,
    style: "input",
    width: 13,
    value: (i) => yesNo(met(ctx.results.countyConditions[i])),
  }));
}

/** What the conditions hold back of an amount (all of it unless every condition holds), and what is paid now. */
function heldColumns(
  conditions: readonly string[],
  amountKey: string,
  held: readonly [string, string, (i: number) => number],
  payable: readonly [string, string, (i: number) => number]
): ColumnSpec[] {
  const met = (r: Pick<RowRefs, "at">) =>
    join(
      conditions.map((key) => isYes(r.at(key))),
      ","
    );
  return [
    {
      key: held[0],
      header: held[1],
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`IF(AND(${met(r)}),0,${r.at(amountKey)})`,
      result: held[2],
    },
    {
      key: payable[0],
      header: payable[1],
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`${r.at(amountKey)}-${r.at(held[0])}`,
      result: payable[2],
    },
  ];
}

/** The regional support's basis is the published table (bild 17 less Bilaga 2), not equal shares. */
const regionalPublishedBasis = fx`OR(${NAMED.regionalBasis}="Publicerat",${NAMED.regionalBasis}="Publicerat med justeringar")`;
/** The regional support's basis adds the explicit adjustments. */
const regionalAdjusted = fx`OR(${NAMED.regionalBasis}="Publicerat med justeringar",${NAMED.regionalBasis}="Lika delar med justeringar")`;

/** The regional support's weight and twin, and the "66 + 13" table beside the sum. */
function regionalColumns(
  ctx: PlanContext,
  rows: CountyRows,
  reference: ReferenceTables,
  cells: PotCells
): ColumnSpec[] {
  const total = (i: number) => rows.paid(i) + rows.regionalPaid(i);
  return [
    {
      key: "rvikt",
      header: HEADER.regionalWeight,
      style: "input",
      numFmt: "0",
      width: 8,
      value: () => REGIONAL_EQUAL_WEIGHT,
    },
    ...twinColumns(ctx, {
      prefix: "r",
      label: ALLOCATION_LABEL.regional,
      lines: ctx.results.regional.lines.map((l) => l.share),
      cells,
      step: NAMED.paymentStep,
      codeNumber: "kodnr",
      weight: (r) => fx`${r.at("rvikt")}`,
      addin: (r) =>
        fx`SKL.COUNTY_GRANT(${r.at("kod")},${r.col("kod")},${r.col("rvikt")},${NAMED.regional},0,${NAMED.paymentStep})`,
    }),
    {
      // What the table "Fördelning av 66* + 13 milj. kr" (bild 17) adds to Bilaga 2, a reading of two tables:
      // 0.6 MSEK for most counties; as transcribed 0 for Stockholm ("Stockholm 7,": a decimal lost) and 1.1 for
      // Dalarna. Highlighted where it is not the median.
      key: "pub13",
      header: HEADER.published13,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 14,
      formula: (r) => fx`${r.at("pub79")}-${r.at("pub")}`,
      result: rows.regionalPublished,
    },
    {
      key: "r_just",
      header: HEADER.regionalAdjustment,
      style: "input",
      numFmt: FORMAT.kronor,
      width: 12,
      value: (i) => ctx.results.regionalPayment.adjustments[i],
    },
    {
      key: "r_slut",
      header: HEADER.regionalFinal,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) =>
        fx`IF(${regionalPublishedBasis},${r.at("pub13")},${r.at(twinKeys("r").amount)})+IF(${regionalAdjusted},${r.at("r_just")},0)`,
      result: rows.regionalPaid,
    },
    {
      key: "r_slutdiff",
      header: HEADER.regionalPaidMinusPublished,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`${r.at("r_slut")}-${r.at("pub13")}`,
      result: (i) => rows.regionalPaid(i) - rows.regionalPublished(i),
    },
    ...conditionColumns(ctx, rows, [["v_avsikt", HEADER.letterOfIntent, (c) => c.letterOfIntent]]),
    ...heldColumns(
      ["v_avsikt"],
      "r_slut",
      ["r_inne", HEADER.regionalHeld, rows.regionalHeld],
      ["r_betala", HEADER.regionalPayable, (i) => rows.regionalPaid(i) - rows.regionalHeld(i)]
    ),
    {
      key: "tot79",
      header: HEADER.total79,
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`${r.at("slut")}+${r.at("r_slut")}`,
      result: total,
    },
    {
      key: "pub79",
      header: HEADER.published79,
      style: "reference",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => lookup(reference.counties, "pub79", r.at("kod"), 0),
      result: rows.published79,
    },
    {
      key: "pub79diff",
      header: HEADER.published79Diff,
      style: "check",
      numFmt: FORMAT.kronor,
      width: 14,
      formula: (r) => fx`${r.at("pub79")}-${r.at("tot79")}`,
      result: (i) => rows.published79(i) - total(i),
    },
    {
      key: "villkor",
      header: HEADER.unmetConditions,
      style: "calc",
      width: 30,
      formula: (r) => unmetText(r),
      result: (i) => unmetTextJs(ctx.results.countyConditions[i]),
    },
  ];
}

/** The conditions a county has not met, as the sheet words them: "länsbidraget: plan för utvecklingsarbetet; …". */
function unmetText(r: Pick<RowRefs, "at">): Expr {
  const part = (key: string, text: string) => fx`IF(${isYes(r.at(key))},"","; ${text}")`;
  const parts = join(
    [
      part("v_plan", `länsbidraget: ${CONDITION_WORDS.developmentPlan}`),
      part("v_avtal", `länsbidraget: ${CONDITION_WORDS.agreement}`),
      part("v_avsikt", `regionalt stöd: ${CONDITION_WORDS.letterOfIntent}`),
    ],
    "&"
  );
  return fx`MID(${parts},3,500)`;
}

function unmetTextJs(c: { developmentPlan: boolean; agreement: boolean; letterOfIntent: boolean }): string {
  return [
    ...(c.developmentPlan ? [] : [`länsbidraget: ${CONDITION_WORDS.developmentPlan}`]),
    ...(c.agreement ? [] : [`länsbidraget: ${CONDITION_WORDS.agreement}`]),
    ...(c.letterOfIntent ? [] : [`regionalt stöd: ${CONDITION_WORDS.letterOfIntent}`]),
  ].join("; ");
}

/** The sums below the table: one per column that adds up, each its column's SUM. */
function sumRow(ctx: PlanContext, sheet: SheetBuilder, table: TableRefs, rows: CountyRows): CountyGrantRefs["sums"] {
  const n = rows.counties.length;
  const total = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i)).reduce((a, b) => a + b, 0);
  const sumOf = (key: string, result: number) =>
    sheet.put(table.below(key), { formula: fx`SUM(${table.col(key)})`, result }, "total", FORMAT.kronor);
  sheet.put(sheet.at(1, table.lastRow + 1), "Summa", "total");
  const rule = total(rows.rule);
  const regional = total(rows.regional);
  const published = total(rows.published);
  const published79 = total(rows.published79);
  const paid = total(rows.paid);
  const regionalPublished = total(rows.regionalPublished);
  const regionalPaid = total(rows.regionalPaid);
  const grantHeld = total(rows.grantHeld);
  const regionalHeld = total(rows.regionalHeld);
  const sums = {
    rule: sumOf(twinKeys("c").amount, rule),
    published: sumOf("pub", published),
    adjustment: sumOf(
      "just",
      total((i) => ctx.results.countyPayment.adjustments[i])
    ),
    final: sumOf("slut", paid),
    grantHeld: sumOf("c_inne", grantHeld),
    regional: sumOf(twinKeys("r").amount, regional),
    regionalPublished: sumOf("pub13", regionalPublished),
    regionalAdjustment: sumOf(
      "r_just",
      total((i) => ctx.results.regionalPayment.adjustments[i])
    ),
    regionalFinal: sumOf("r_slut", regionalPaid),
    regionalHeld: sumOf("r_inne", regionalHeld),
    total79: sumOf("tot79", paid + regionalPaid),
    published79: sumOf("pub79", published79),
  };
  sumOf("pubdiff", published - rule);
  sumOf("slutdiff", paid - published);
  sumOf("c_betala", paid - grantHeld);
  sumOf("r_slutdiff", regionalPaid - regionalPublished);
  sumOf("r_betala", regionalPaid - regionalHeld);
  sumOf("pub79diff", published79 - paid - regionalPaid);
  return sums;
}

function decorate(sheet: SheetBuilder, table: TableRefs): void {
  sheet.validate({
    range: table.col("just"),
    kind: "decimal",
    min: -100000000,
    max: 100000000,
    prompt: "Uttrycklig justering i kronor (jämkning för små län). Summan ska bli 0.",
    error: "Ange ett belopp i kronor.",
  });
  sheet.validate({
    range: table.col("r_just"),
    kind: "decimal",
    min: -100000000,
    max: 100000000,
    prompt: "Uttrycklig justering av det regionala stödet i kronor. Summan ska bli 0.",
    error: "Ange ett belopp i kronor.",
  });
  for (const key of ["v_plan", "v_avtal", "v_avsikt"])
    sheet.validate({
      range: table.col(key),
      kind: "list",
      list: ["Ja", "Nej"],
      prompt: "Är villkoret uppfyllt? Nej håller beloppet inne tills det är det.",
      error: "Svara Ja eller Nej.",
    });
  for (const key of ["c_inne", "r_inne"])
    sheet.highlight({ range: table.col(key), formula: fx`${table.cell(key, 0)}<>0`, look: "warn" });
  sheet.validate({
    range: table.col("rvikt"),
    kind: "decimal",
    min: 0,
    prompt: "Länets vikt i de regionala 13 mnkr (1 = lika delar)",
    error: "En vikt, 0 eller större.",
  });
  for (const key of ["pubdiff", "pub79diff", "slutdiff", "r_slutdiff"])
    sheet.highlight({ range: table.col(key), formula: fx`${table.cell(key, 0)}<>0`, look: "warn" });
  sheet.highlight({
    range: table.col("pub13"),
    formula: fx`${table.cell("pub13", 0)}<>MEDIAN(${table.col("pub13")})`,
    look: "warn",
  });
}

/** The notes at the top of `Länsbidrag`: the rule and its sources, the published tables, their readings and the conditions. */
function countyGrantNotes(ctx: PlanContext): [string, "paragraph" | "warningParagraph"][] {
  const notes: [string, "paragraph" | "warningParagraph"][] = [
    [
      "Regeln som den är skriven: varje län minst 2 mnkr, resten i förhållande till antalet kommuner " +
        `(${cite("sormland", "Bilaga 2")}; ${cite("infrastructure", 17)}). ` +
        `${cite("circular", "avsnitt 2")} ger bara summan 66 mnkr, "ca tre stödpersoner inkl medel till omkostnader per ”normalstort” län"; ` +
        `bild 17 säger "Samtliga får medel till minst 4 tjänster á kr" (beloppet per tjänst har fallit bort i transkriptet).`,
      "paragraph",
    ],
    [
      `Bild 17 i ${cite("infrastructure")} nämner en "jämkning för små län" som inte är nedskriven; Bilaga 2 skriver regeln ("minst 2 miljoner kronor", resten "till antalet kommuner i länet") men inte jämkningen eller avrundningen. Skillnaden mellan regeln och Bilaga 2 visas per län. ` +
        'Bilaga 2 summerar till 65,5 mnkr, inte 66. En läsning: Bilagans "Dalarna 2,5" kan vara ett tappat "3,0", som både skulle stänga gapet till 66 mnkr och förklara att bild 17 ger Dalarna 1,1 mnkr mer i stället för 0,6. ' +
        "Avrundningssteget 0,5 mnkr är också en läsning: ingen källa anger ett steg, men alla publicerade belopp är jämna halva miljoner (med steg om 1 kr ger regeln Sörmland 2 744 828 kr, inte 3,0 mnkr). " +
        "Slutligt bidrag följer grunden för utbetalning på Parametrar (Publicerat, Regeln eller Regeln med justeringar); justeringar förs in uttryckligen i den gula kolumnen och ska summera till 0.",
      "warningParagraph",
    ],
    [
      `Regionala stödstrukturer: 13 mnkr (15 mkr varav 2 mkr till nationellt stöd, ${cite("infrastructure", 18)}), medel ur Program för en god äldreomsorg (${cite("circular", "del B")}), inte ur överenskommelsen om 271 mnkr. ` +
        'Grunden för utbetalning väljs på Parametrar: Publicerat är tabellen "Fördelning av 66* + 13 milj. kr" (bild 17) minus Bilaga 2, en läsning av två tabeller som summerar till 12,5 mnkr (0,5 mnkr fördelas inte); ' +
        'Lika delar (13/21 per län, omkring 0,6 mnkr) är ett antagande som ingen källa anger. Stockholms siffra står som "Stockholm 7," med en decimal som troligen fallit bort: att Stockholm inte får något tillägg är en läsning, 7,6 är lika troligt. Dalarna har 3,6 där Bilaga 2 ger 2,5.',
      "paragraph",
    ],
    [
      `Villkor (gula Ja/Nej per län): ${cite("circular", "avsnitt 2")}: länets kommuner och landsting "ska länsvis upprätta en plan för utvecklingsarbetet. Medel fördelas därefter"; ` +
        `${cite("infrastructure", 15)}: "Överenskommelse skrivs med SKL"; för det regionala stödet ${cite("infrastructure", 18)}: "För att få tillgång till statsbidragen ska länens/regionernas åtaganden beskrivas, vilket sker genom de avsiktsförklaringar som omnämns i Program för en god äldreomsorg". ` +
        "Ett villkor som inte är uppfyllt håller länets belopp inne (kolumnerna innehålls); det betalas inte och fördelas inte om, och Avstämning visar det som INFO." +
        (ctx.inputs.synthetic ? " SYNTETISKA DATA: demodata bekräftar alla villkor." : ""),
      "paragraph",
    ],
  ];
  const reused = reusedDataNote(ctx);
  if (reused) notes.push([reused, "warningParagraph"]);
  return notes;
}

/** The notes span the first columns of the sheet, about as wide as a printed page. */
const NOTE_COLUMNS = 11;

/**
 * `Länsbidrag`: the 66 MSEK by the rule as written (2 MSEK each, the rest by number of municipalities),
 * the published table beside it with the difference per county, an explicit adjustment column that must
 * sum to 0, the grant as paid on the chosen basis, and the 13 MSEK regional support with the table
 * "Fördelning av 66* + 13 milj. kr" ("Att bygga infrastruktur för socialtjänsten", bild 17) and its anomalies.
 */
export function countyGrantSheet(
  ctx: PlanContext,
  reference: ReferenceTables
): { sheet: SheetBuilder; refs: CountyGrantRefs } {
  const sheet = new SheetBuilder(SHEET.countyGrant, TAB.calculation);
  sheet.line(
    "Länsbidrag till länsgemensamma utvecklingsledare (66 mnkr) och regionala stödstrukturer (13 mnkr)",
    "title"
  );
  for (const [text, style] of countyGrantNotes(ctx)) sheet.paragraph(text, NOTE_COLUMNS, undefined, style);
  sheet.skip();
  const [rule, regional] = reservePotRows(sheet, ["Regel: 66 mnkr utöver golven", "Lika delar 13 mnkr"]);
  const rows = countyRows(ctx);
  const table = sheet.table(TABLE.countyGrant, rows.counties.length, [
    ...identityColumns(rows, reference),
    ...ruleColumns(ctx, rows, reference, rule),
    ...regionalColumns(ctx, rows, reference, regional),
  ]);
  fillPotRows(
    sheet,
    rule,
    table,
    "c",
    ctx.results.countyRule.allocation,
    fx`${NAMED.countyTotal}-COUNTA(${table.col("kod")})*${NAMED.countyBase}`,
    NAMED.countyStep
  );
  fillPotRows(sheet, regional, table, "r", ctx.results.regional.allocation, fx`${NAMED.regional}`, NAMED.paymentStep);
  const sums = sumRow(ctx, sheet, table, rows);
  decorate(sheet, table);
  sheet.freeze(sheet.at(3, table.firstRow));
  return { sheet, refs: { table, rule, regional, sums } };
}
