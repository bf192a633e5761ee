import {
  countyAverage,
  countyMonthlyAverages,
  dischargeByMunicipality,
  dischargeGroupKey,
  DischargeGroup,
  limitsFor,
} from "../../engine/discharge";
import { Money } from "../../engine/money";
import { dischargeRules } from "../compute";
import { DischargeRecord } from "../inputs";
import { FORMAT } from "../plan";
import { CellRef, fx, RangeRef } from "../refs";
import { ColumnSpec, RowRefs, SheetBuilder, TableRefs } from "../sheetBuilder";
import { PlanContext, SHEET, TAB, yesNo } from "./context";
import { HEADER, TABLE } from "./names";
import { NAMED } from "./parameters";
import { lookup, ReferenceTables, UNKNOWN_CODE } from "./reference";
import { cite } from "../sources";

export const DISCHARGE_DATA_SHEET = "UK individer";

/**
 * The group column of a table: its municipality, month and care joined as the engine's group key
 * (`dischargeGroupKey`), with each row's key as the engine has it.
 */
function groupColumn(
  keys: { municipality: string; month: string; care: string },
  group: (i: number) => { municipality: string; month: string; care: string }
): ColumnSpec {
  return {
    key: "grupp",
    header: HEADER.group,
    style: "calc",
    numFmt: FORMAT.text,
    width: 24,
    formula: (r) => fx`${r.at(keys.municipality)}&" "&${r.at(keys.month)}&" "&${r.at(keys.care)}`,
    result: (i) => {
      const g = group(i);
      return dischargeGroupKey(g.municipality, g.month, g.care);
    },
  };
}

export interface DischargeRefs {
  readonly individuals: TableRefs;
  readonly settlement: TableRefs;
  /** Sum of billed amounts. */
  readonly totalBilled: CellRef;
  /** The year per municipality. */
  readonly year: TableRefs;
}

/** Days above the day limit of the row's kind of care (the engine's `limitsFor`), of one days column. */
function overColumn(key: string, header: string, days: string, over: (i: number) => number): ColumnSpec {
  return {
    key,
    header,
    style: "calc",
    numFmt: FORMAT.count,
    width: 11,
    formula: (r) =>
      fx`MAX(0,${r.at(days)}-IF(${r.at("vard")}="psykiatri",${NAMED.psychiatryDayLimit},${NAMED.dayLimit}))`,
    result: over,
  };
}

/** `UK individer`: the input, one row per individual, municipality, month and kind of care, in any order. */
function individualsSheet(ctx: PlanContext): { sheet: SheetBuilder; table: TableRefs } {
  const rows = ctx.results.dischargeRows;
  const rules = dischargeRules(ctx.inputs.parameters);
  const over = (days: (r: DischargeRecord) => number) => (i: number) =>
    Math.max(0, days(rows[i]) - Number(limitsFor(rows[i].care, rules).dayLimit));
  const sheet = new SheetBuilder(DISCHARGE_DATA_SHEET, TAB.input);
  sheet.line("Utskrivningsklara dagar per individ (indata)", "title");
  sheet.line(
    "En rad per individ, kommun, månad och vårdform, i valfri ordning. Avräkningen summerar raderna per grupp (kommun, månad och vårdform); en ny grupp behöver en ny rad i avräkningen (Avstämning visar om någon individ saknar sin grupp)."
  );
  if (ctx.inputs.synthetic)
    sheet.line("SYNTETISKA DATA: dagarna är påhittade demonstrationsvärden, inte Kalmar läns uppföljning.", "warning");
  sheet.skip();
  const input = (key: string, header: string, width: number, value: (r: DischargeRecord) => string | number) =>
    ({ key, header, style: "input", width, value: (i: number) => value(rows[i]) }) as const;
  const table = sheet.table(TABLE.dischargeIndividuals, rows.length, [
    { ...input("kommun", HEADER.municipality, 8, (r) => r.municipality), numFmt: FORMAT.text },
    { ...input("manad", HEADER.month, 9, (r) => r.month), numFmt: FORMAT.text },
    { ...input("individ", HEADER.individual, 9, (r) => r.individual), numFmt: FORMAT.text },
    input("vard", HEADER.care, 10, (r) => r.care),
    { ...input("rapp", HEADER.daysReported, 11, (r) => r.daysReported), numFmt: FORMAT.count },
    { ...input("efter", HEADER.daysAfter, 11, (r) => r.daysAfterAnalysis), numFmt: FORMAT.count },
    overColumn(
      "overr",
      HEADER.daysOverReported,
      "rapp",
      over((r) => r.daysReported)
    ),
    overColumn(
      "over",
      HEADER.daysOver,
      "efter",
      over((r) => r.daysAfterAnalysis)
    ),
    {
      key: "kontroll",
      header: HEADER.afterCheck,
      style: "check",
      width: 11,
      formula: (r) => fx`IF(${r.at("efter")}<=${r.at("rapp")},"OK","FEL")`,
      result: (i) => (rows[i].daysAfterAnalysis <= rows[i].daysReported ? "OK" : "FEL"),
    },
    groupColumn({ municipality: "kommun", month: "manad", care: "vard" }, (i) => rows[i]),
  ]);
  for (const [key, prompt] of [
    ["rapp", "Utskrivningsklara dagar"],
    ["efter", "Dagar efter analys/omräkning"],
  ])
    sheet.validate({
      range: table.col(key),
      kind: "wholeNumber",
      min: 0,
      prompt,
      error: "Ett helt antal dagar, 0 eller fler.",
    });
  sheet.validate({
    range: table.col("vard"),
    kind: "list",
    list: ["somatisk", "psykiatri"],
    prompt: "Vårdform",
    error: "somatisk eller psykiatri",
  });
  sheet.freeze(sheet.at(1, table.firstRow));
  return { sheet, table };
}

/** Sums of an individuals' column over the row's group. */
type OfGroup = (r: RowRefs, key: string) => ReturnType<typeof fx>;

/** A municipality's code (as given) and its name looked up in the reference list. */
function municipalityColumns(ctx: PlanContext, reference: ReferenceTables, code: (i: number) => string): ColumnSpec[] {
  const names = new Map(ctx.inputs.municipalities.map((m) => [m.code, m.name]));
  return [
    { key: "kod", header: HEADER.municipality, style: "reference", numFmt: FORMAT.text, width: 8, value: code },
    {
      key: "namn",
      header: HEADER.name,
      style: "calc",
      width: 16,
      formula: (r) => lookup(reference.municipalities, "namn", r.at("kod"), UNKNOWN_CODE),
      result: (i) => names.get(code(i)) ?? UNKNOWN_CODE,
    },
  ];
}

/** Who the settlement row is: municipality, name, month, month number, care and group key. */
function settlementIdentity(
  ctx: PlanContext,
  groups: readonly DischargeGroup[],
  reference: ReferenceTables
): ColumnSpec[] {
  return [
    ...municipalityColumns(ctx, reference, (i) => groups[i].municipality),
    {
      key: "manad",
      header: HEADER.month,
      style: "reference",
      numFmt: FORMAT.text,
      width: 9,
      value: (i) => groups[i].month,
    },
    {
      key: "mnr",
      header: HEADER.monthNumber,
      style: "calc",
      numFmt: "0",
      width: 8,
      formula: (r) => fx`VALUE(RIGHT(${r.at("manad")},2))`,
      result: (i) => Number(groups[i].month.slice(-2)),
    },
    { key: "vard", header: HEADER.care, style: "reference", width: 10, value: (i) => groups[i].care },
    groupColumn({ municipality: "kod", month: "manad", care: "vard" }, (i) => groups[i]),
  ];
}

/** The days as reported, their average, the care's limits and whether the joint analysis is required. */
function reportedColumns(groups: readonly DischargeGroup[], individuals: TableRefs, sum: OfGroup): ColumnSpec[] {
  return [
    {
      key: "ind",
      header: HEADER.individuals,
      style: "calc",
      numFmt: FORMAT.count,
      width: 9,
      formula: (r) => fx`COUNTIF(${individuals.col("grupp")},${r.at("grupp")})`,
      result: (i) => groups[i].reported.individuals,
    },
    sumColumn("rapp", HEADER.daysReported, sum, "rapp", (i) => groups[i].reported.totalDays.toNumber()),
    averageColumn("snittr", HEADER.averageReported, "rapp", (i) => groups[i].reported.average?.toNumber() ?? 0),
    {
      key: "dgrans",
      header: HEADER.dayLimit,
      style: "calc",
      numFmt: "0",
      width: 8,
      formula: (r) => fx`IF(${r.at("vard")}="psykiatri",${NAMED.psychiatryDayLimit},${NAMED.dayLimit})`,
      result: (i) => groups[i].settled.dayLimit.toNumber(),
    },
    {
      key: "sgrans",
      header: HEADER.averageLimit,
      style: "calc",
      numFmt: FORMAT.days,
      width: 8,
      formula: (r) => fx`IF(${r.at("vard")}="psykiatri",${NAMED.psychiatryAverageLimit},${NAMED.averageLimit})`,
      result: (i) => groups[i].settled.averageLimit.toNumber(),
    },
    {
      key: "analys",
      header: HEADER.analysisRequired,
      style: "calc",
      width: 9,
      // As the engine: the reported days would be billed (average above its limit and days above the day limit).
      formula: (r) => fx`IF(AND(${r.at("rapp")}>${r.at("sgrans")}*${r.at("ind")},${sum(r, "overr")}>0),"Ja","Nej")`,
      result: (i) => yesNo(groups[i].analysisRequired),
    },
  ];
}

function sumColumn(key: string, header: string, sum: OfGroup, of: string, result: (i: number) => number): ColumnSpec {
  return { key, header, style: "calc", numFmt: FORMAT.count, width: 11, formula: (r) => sum(r, of), result };
}

function averageColumn(key: string, header: string, days: string, result: (i: number) => number): ColumnSpec {
  return {
    key,
    header,
    style: "calc",
    numFmt: FORMAT.days,
    width: 10,
    formula: (r) => fx`IF(${r.at("ind")}=0,0,${r.at(days)}/${r.at("ind")})`,
    result,
  };
}

/**
 * Each group's amount as the twin's formula gives it (billed days × price) and as the engine gives it: the
 * cached values of the amount and engine columns.
 */
export function settlementAmounts(groups: readonly DischargeGroup[]): { twin: number[]; engine: number[] } {
  return {
    twin: groups.map((g) => g.settled.billableDays.times(g.settled.pricePerDay).toNumber()),
    engine: groups.map((g) => g.settled.amount.toNumber()),
  };
}

/** After the analysis: days, average, whether billed, billed days, the amount, the engine or add-in, the difference. */
function settledColumns(
  ctx: PlanContext,
  groups: readonly DischargeGroup[],
  individuals: TableRefs,
  sum: OfGroup
): ColumnSpec[] {
  const amounts = settlementAmounts(groups);
  const amount = (i: number) => amounts.engine[i];
  return [
    sumColumn("efter", HEADER.daysAfter, sum, "efter", (i) => groups[i].settled.totalDays.toNumber()),
    averageColumn("snitte", HEADER.averageAfter, "efter", (i) => groups[i].settled.average?.toNumber() ?? 0),
    {
      key: "deb",
      header: HEADER.billed,
      style: "calc",
      width: 9,
      formula: (r) => fx`IF(AND(${r.at("efter")}>${r.at("sgrans")}*${r.at("ind")},${sum(r, "over")}>0),"Ja","Nej")`,
      result: (i) => yesNo(groups[i].settled.billed),
    },
    {
      key: "debdagar",
      header: HEADER.billableDays,
      style: "calc",
      numFmt: FORMAT.count,
      width: 10,
      formula: (r) => fx`IF(${r.at("deb")}="Ja",${sum(r, "over")},0)`,
      result: (i) => groups[i].settled.billableDays.toNumber(),
    },
    {
      key: "belopp",
      header: HEADER.dischargeAmount,
      style: "amount",
      numFmt: FORMAT.kronorDecimals,
      width: 13,
      formula: (r) => fx`${r.at("debdagar")}*${NAMED.price}`,
      result: (i) => amounts.twin[i],
    },
    ctx.mode === "file"
      ? {
          key: "motor",
          header: HEADER.dischargeEngine,
          style: "engine",
          numFmt: FORMAT.kronorDecimals,
          width: 13,
          value: amount,
        }
      : {
          key: "motor",
          header: HEADER.dischargeAddin,
          style: "engine",
          numFmt: FORMAT.kronorDecimals,
          width: 13,
          formula: (r) =>
            fx`SKL.DISCHARGE_SETTLEMENT(FILTER(${individuals.col("efter")},${individuals.col("grupp")}=${r.at("grupp")}),${NAMED.price},${r.at("dgrans")},${r.at("sgrans")})`,
          result: amount,
        },
    {
      key: "diff",
      header: HEADER.dischargeDiff,
      style: "check",
      numFmt: FORMAT.kronorDecimals,
      width: 10,
      formula: (r) => fx`${r.at("belopp")}-${r.at("motor")}`,
      result: (i) => amounts.twin[i] - amounts.engine[i],
    },
  ];
}

/** The county's monthly average (somatic care, days as reported) against the goal, right of the settlement. */
function countyTable(ctx: PlanContext, sheet: SheetBuilder, settlement: TableRefs, top: number): TableRefs {
  const p = ctx.inputs.parameters;
  const months = countyMonthlyAverages(ctx.results.discharge, p.dischargeGoalDays);
  const column = settlement.columnOf("diff") + 2;
  sheet.put(sheet.at(column, top), "Länets snitt per månad, somatik (rapporterade dagar), mot målet", "subtitle");
  sheet.row = top + 1;
  const somatic = (key: string, r: RowRefs) =>
    fx`SUMIFS(${settlement.col(key)},${settlement.col("mnr")},${r.at("mnr")},${settlement.col("vard")},"somatisk")`;
  const county = sheet.table(
    TABLE.dischargeCounty,
    months.length,
    [
      {
        key: "manad",
        header: HEADER.month,
        style: "reference",
        numFmt: FORMAT.text,
        width: 9,
        value: (i) => months[i].month,
      },
      {
        key: "mnr",
        header: HEADER.monthNumber,
        style: "reference",
        numFmt: "0",
        width: 8,
        value: (i) => Number(months[i].month.slice(-2)),
      },
      {
        key: "ind",
        header: HEADER.individuals,
        style: "calc",
        numFmt: FORMAT.count,
        width: 9,
        formula: (r) => somatic("ind", r),
        result: (i) => months[i].individuals,
      },
      {
        key: "dagar",
        header: HEADER.countyDays,
        style: "calc",
        numFmt: FORMAT.count,
        width: 9,
        formula: (r) => somatic("rapp", r),
        result: (i) => months[i].days.toNumber(),
      },
      averageColumn("snitt", HEADER.countyAverage, "dagar", (i) => months[i].average?.toNumber() ?? 0),
      {
        key: "mal",
        header: HEADER.goal,
        style: "calc",
        numFmt: FORMAT.days,
        width: 8,
        formula: () => fx`${NAMED.goal}`,
        result: () => p.dischargeGoalDays,
      },
      {
        key: "ar2016",
        header: HEADER.average2016,
        style: "calc",
        numFmt: FORMAT.days,
        width: 8,
        formula: () => fx`${NAMED.average2016}`,
        result: () => p.dischargeAverage2016Days,
      },
      {
        key: "inom",
        header: HEADER.withinGoal,
        style: "check",
        width: 9,
        formula: (r) => fx`IF(${r.at("dagar")}<=${r.at("mal")}*${r.at("ind")},"Ja","Nej")`,
        result: (i) => yesNo(months[i].withinGoal),
      },
    ],
    column
  );
  sheet.highlight({ range: county.col("inom"), formula: fx`${county.cell("inom", 0)}="Ja"`, look: "good" });
  sheet.highlight({ range: county.col("inom"), formula: fx`${county.cell("inom", 0)}="Nej"`, look: "bad" });
  return county;
}

/**
 * The county's average over the year (somatic care, days as reported) against the goal, in the row below the
 * monthly table: the goal is followed up yearly ("följs upp årligen", bild 8).
 */
function countyYear(ctx: PlanContext, sheet: SheetBuilder, county: TableRefs): void {
  const year = countyAverage(ctx.results.discharge, ctx.inputs.parameters.dischargeGoalDays);
  const row = county.lastRow + 1;
  const at = (key: string) => sheet.at(county.columnOf(key), row);
  sheet.put(at("manad"), "Året", "total");
  const sum = (key: string, result: number) =>
    sheet.put(at(key), { formula: fx`SUM(${county.col(key)})`, result }, "total", FORMAT.count);
  const individuals = sum("ind", year.individuals);
  const days = sum("dagar", year.days.toNumber());
  sheet.put(
    at("snitt"),
    { formula: fx`IF(${individuals}=0,0,${days}/${individuals})`, result: year.average?.toNumber() ?? 0 },
    "total",
    FORMAT.days
  );
  sheet.put(
    at("mal"),
    { formula: fx`${NAMED.goal}`, result: ctx.inputs.parameters.dischargeGoalDays },
    "total",
    FORMAT.days
  );
  sheet.put(
    at("inom"),
    { formula: fx`IF(${days}<=${at("mal")}*${individuals},"Ja","Nej")`, result: yesNo(year.withinGoal) },
    "check"
  );
}

/**
 * The year per municipality: individuals, billed days and amount over all its groups, the basis of what the
 * municipality is billed. The source names neither payer nor payee: that the county council bills the
 * municipality is a reading.
 */
function municipalityYears(
  ctx: PlanContext,
  sheet: SheetBuilder,
  settlement: TableRefs,
  reference: ReferenceTables,
  column: number
): TableRefs {
  const years = dischargeByMunicipality(ctx.results.discharge);
  sheet.put(sheet.at(column, sheet.row++), "Året per kommun: underlag för debiteringen", "subtitle");
  sheet.put(
    sheet.at(column, sheet.row++),
    `Kommunen debiteras (en läsning: landstinget debiterar kommunen; källan säger bara "sker debitering på individnivå", ${cite("kalmar", 10)}). Summan av kommunens avräkningsrader för året.`,
    "note"
  );
  const sum = (r: RowRefs, key: string) => fx`SUMIFS(${settlement.col(key)},${settlement.col("kod")},${r.at("kod")})`;
  return sheet.table(
    TABLE.dischargeYear,
    years.length,
    [
      ...municipalityColumns(ctx, reference, (i) => years[i].municipality),
      {
        key: "ind",
        header: HEADER.individualMonths,
        style: "calc",
        numFmt: FORMAT.count,
        width: 9,
        formula: (r) => sum(r, "ind"),
        result: (i) => years[i].individuals,
      },
      {
        key: "debdagar",
        header: HEADER.billableDays,
        style: "calc",
        numFmt: FORMAT.count,
        width: 10,
        formula: (r) => sum(r, "debdagar"),
        result: (i) => years[i].billableDays.toNumber(),
      },
      {
        key: "belopp",
        header: HEADER.dischargeAmount,
        style: "amount",
        numFmt: FORMAT.kronorDecimals,
        width: 13,
        formula: (r) => sum(r, "belopp"),
        result: (i) => years[i].amount.toNumber(),
      },
    ],
    column
  );
}

function decorate(sheet: SheetBuilder, settlement: TableRefs): void {
  const flag = (key: string, look: "warn" | "bad", text: string) =>
    sheet.highlight({ range: settlement.col(key), formula: fx`${settlement.cell(key, 0)}="${text}"`, look });
  flag("analys", "warn", "Ja");
  flag("deb", "bad", "Ja");
  sheet.highlight({ range: settlement.col("diff"), formula: fx`${settlement.cell("diff", 0)}<>0`, look: "bad" });
}

/**
 * `Utskrivningsklara` (Kalmar county 2018) and its input sheet of individuals: per municipality, month and
 * kind of care, the days as reported and after the joint analysis/recount, whether the analysis is
 * required, what is billed, and the county's monthly average against the goal.
 */
export function dischargeSheets(
  ctx: PlanContext,
  reference: ReferenceTables
): { sheets: SheetBuilder[]; refs: DischargeRefs } {
  const groups = ctx.results.discharge;
  const data = individualsSheet(ctx);
  const individuals = data.table;
  // Each settlement row sums the individuals of its group, wherever they stand in the table.
  const groupRange: RangeRef = individuals.col("grupp");
  const sum: OfGroup = (r, key) => fx`SUMIFS(${individuals.col(key)},${groupRange},${r.at("grupp")})`;

  const sheet = new SheetBuilder(SHEET.discharge, TAB.calculation);
  sheet.line("Utskrivningsklara: ekonomisk reglering i Kalmar län 2018", "title");
  sheet.line(
    "Somatik: en kommun med mer än 3 dagar i snitt under en månad analyserar med landstinget; överstiger snittet efter analys/omräkning fortfarande 3 " +
      'debiteras varje dag över 3 per individ. Psykiatri: dagar över 20 per individ (om snittvillkoret gäller är öppet: parameter). Källa: presentationen "Länsgemensam ledning i samverkan" (Kalmar län), bild 10.'
  );
  sheet.line(
    "Priset per dag finns inte i källan: det är en parameter (Parametrar). Målet 2018 är 2,0 dagar i länets snitt; 2016 var snittet 2,68 (bild 9).",
    "warning"
  );
  if (ctx.inputs.synthetic) sheet.line("SYNTETISKA DATA: dagarna är påhittade demonstrationsvärden.", "warning");
  sheet.skip();

  // The settlement and, to its right, the county's monthly average share their header row, which is frozen.
  const top = sheet.row;
  sheet.line("Avräkning per kommun, månad och vårdform", "subtitle");
  const settlement = sheet.table(TABLE.dischargeSettlement, groups.length, [
    ...settlementIdentity(ctx, groups, reference),
    ...reportedColumns(groups, individuals, sum),
    ...settledColumns(ctx, groups, individuals, sum),
  ]);
  decorate(sheet, settlement);
  sheet.put(sheet.at(1, settlement.lastRow + 1), "Summa debiterat", "total");
  const totalBilled = sheet.put(
    settlement.below("belopp"),
    {
      formula: fx`SUM(${settlement.col("belopp")})`,
      result: groups.reduce((s, g) => s.plus(g.settled.amount), new Money(0)).toNumber(),
    },
    "total",
    FORMAT.kronorDecimals
  );
  const after = sheet.row;
  // Right of the settlement, as the monthly table: rows an import inserts into the settlement move no other table.
  const county = countyTable(ctx, sheet, settlement, top);
  countyYear(ctx, sheet, county);
  sheet.row = county.lastRow + 3;
  const year = municipalityYears(ctx, sheet, settlement, reference, county.columnOf("manad"));
  sheet.row = after;
  sheet.freeze(sheet.at(3, settlement.firstRow));
  return { sheets: [sheet, data.sheet], refs: { individuals, settlement, totalBilled, year } };
}
