import { Money } from "../../engine/money";
import { cell, onSheet } from "../a1";
import { FORMAT } from "../plan";
import { ColumnSpec, SheetBuilder, TableRefs } from "../sheetBuilder";
import { PlanContext, SHEET, TAB, yesNo } from "./context";
import { HEADER, TABLE } from "./names";
import { NAME } from "./parameters";
import { lookup, ReferenceTables, UNKNOWN_CODE } from "./reference";

export const DISCHARGE_DATA_SHEET = "UK individer";

/** The group an individual's row belongs to (municipality, month, care), as the sheets' formula builds it. */
export const groupKey = (municipality: string, month: string, care: string): string =>
  `${municipality} ${month} ${care}`;
/**
 * The group column of a table, from its municipality, month and care columns (their keys), with the key
 * of each row's group as the engine has it.
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
    formula: (r) => `${r.at(keys.municipality)}&" "&${r.at(keys.month)}&" "&${r.at(keys.care)}`,
    result: (i) => {
      const g = group(i);
      return groupKey(g.municipality, g.month, g.care);
    },
  };
}

export interface DischargeRefs {
  readonly individuals: TableRefs;
  readonly settlement: TableRefs;
  /** Sum of billed amounts, sheet-qualified. */
  readonly totalBilled: string;
}

/**
 * `Utskrivningsklara` (Kalmar county 2018, seed 003) and its input sheet of individuals: per municipality,
 * month and kind of care, the days as reported and after the joint analysis/recount, whether the
 * analysis is required, what is billed, and the county's monthly average against the goal.
 */
export function dischargeSheets(
  ctx: PlanContext,
  reference: ReferenceTables
): { sheets: SheetBuilder[]; refs: DischargeRefs } {
  const { discharge: groups, dischargeRows: rows } = ctx.results;
  const p = ctx.inputs.parameters;
  const synthetic = ctx.inputs.synthetic;

  const data = new SheetBuilder(DISCHARGE_DATA_SHEET, TAB.input);
  data.line("Utskrivningsklara dagar per individ (indata)", "title");
  data.line(
    "En rad per individ, kommun, månad och vårdform, i valfri ordning. Avräkningen summerar raderna per grupp (kommun, månad och vårdform); en ny grupp behöver en ny rad i avräkningen (Avstämning visar om någon individ saknar sin grupp)."
  );
  if (synthetic)
    data.line("SYNTETISKA DATA: dagarna är påhittade demonstrationsvärden, inte Kalmar läns uppföljning.", "warning");
  data.skip();
  const individuals = data.table(TABLE.dischargeIndividuals, rows.length, [
    {
      key: "kommun",
      header: HEADER.municipality,
      style: "input",
      numFmt: FORMAT.text,
      width: 8,
      value: (i) => rows[i].municipality,
    },
    { key: "manad", header: HEADER.month, style: "input", numFmt: FORMAT.text, width: 9, value: (i) => rows[i].month },
    {
      key: "individ",
      header: HEADER.individual,
      style: "input",
      numFmt: FORMAT.text,
      width: 9,
      value: (i) => rows[i].individual,
    },
    { key: "vard", header: HEADER.care, style: "input", width: 10, value: (i) => rows[i].care },
    {
      key: "rapp",
      header: HEADER.daysReported,
      style: "input",
      numFmt: FORMAT.count,
      width: 11,
      value: (i) => rows[i].daysReported,
    },
    {
      key: "efter",
      header: HEADER.daysAfter,
      style: "input",
      numFmt: FORMAT.count,
      width: 11,
      value: (i) => rows[i].daysAfterAnalysis,
    },
    {
      key: "over",
      header: HEADER.daysOver,
      style: "calc",
      numFmt: FORMAT.count,
      width: 11,
      formula: (r) =>
        `MAX(0,${r.at("efter")}-IF(${r.at("vard")}="psykiatri",${NAME.psychiatryDayLimit},${NAME.dayLimit}))`,
      result: (i) =>
        Math.max(
          0,
          rows[i].daysAfterAnalysis - (rows[i].care === "psykiatri" ? p.psychiatryDayLimit : p.dischargeDayLimit)
        ),
    },
    {
      key: "kontroll",
      header: HEADER.afterCheck,
      style: "check",
      width: 11,
      formula: (r) => `IF(${r.at("efter")}<=${r.at("rapp")},"OK","FEL")`,
      result: (i) => (rows[i].daysAfterAnalysis <= rows[i].daysReported ? "OK" : "FEL"),
    },
    groupColumn({ municipality: "kommun", month: "manad", care: "vard" }, (i) => rows[i]),
  ]);
  data.validate({
    range: `${individuals.col("rapp").replace(/\$/g, "")}`,
    kind: "wholeNumber",
    min: 0,
    prompt: "Utskrivningsklara dagar",
    error: "Ett helt antal dagar, 0 eller fler.",
  });
  data.validate({
    range: `${individuals.col("efter").replace(/\$/g, "")}`,
    kind: "wholeNumber",
    min: 0,
    prompt: "Dagar efter analys/omräkning",
    error: "Ett helt antal dagar, 0 eller fler.",
  });
  data.validate({
    range: `${individuals.col("vard").replace(/\$/g, "")}`,
    kind: "list",
    list: ["somatisk", "psykiatri"],
    prompt: "Vårdform",
    error: "somatisk eller psykiatri",
  });
  data.freeze(`A${individuals.firstRow}`);

  // Each settlement row sums the individuals of its group, wherever they stand in the table.
  const ofGroup = (key: string) => onSheet(DISCHARGE_DATA_SHEET, individuals.col(key));
  const groupRange = ofGroup("grupp");

  const sheet = new SheetBuilder(SHEET.discharge, TAB.calculation);
  sheet.line("Utskrivningsklara: ekonomisk reglering i Kalmar län 2018", "title");
  sheet.line(
    "Somatik: en kommun med mer än 3 dagar i snitt under en månad analyserar med landstinget; överstiger snittet efter analys/omräkning fortfarande 3 " +
      "debiteras varje dag över 3 per individ. Psykiatri: dagar över 20 per individ (om snittvillkoret gäller är öppet: parameter). Källa: seed 003."
  );
  sheet.line(
    "Priset per dag finns inte i källan: det är en parameter (Parametrar). Målet 2018 är 2,0 dagar i länets snitt; 2016 var snittet 2,68.",
    "warning"
  );
  if (synthetic) sheet.line("SYNTETISKA DATA: dagarna är påhittade demonstrationsvärden.", "warning");
  sheet.skip();

  const months = [...new Set(groups.map((g) => g.month))].sort();
  // The settlement and, to its right, the county's monthly average share their header row, which is frozen.
  const top = sheet.row;
  sheet.line("Avräkning per kommun, månad och vårdform", "subtitle");
  const settlement = sheet.table(TABLE.dischargeSettlement, groups.length, [
    {
      key: "kod",
      header: HEADER.municipality,
      style: "reference",
      numFmt: FORMAT.text,
      width: 8,
      value: (i) => groups[i].municipality,
    },
    {
      key: "namn",
      header: HEADER.name,
      style: "calc",
      width: 16,
      formula: (r) => lookup(reference.municipalities, "namn", r.at("kod"), UNKNOWN_CODE),
      result: (i) => ctx.inputs.municipalities.find((m) => m.code === groups[i].municipality)?.name ?? UNKNOWN_CODE,
    },
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
      formula: (r) => `VALUE(RIGHT(${r.at("manad")},2))`,
      result: (i) => Number(groups[i].month.slice(-2)),
    },
    { key: "vard", header: HEADER.care, style: "reference", width: 10, value: (i) => groups[i].care },
    groupColumn({ municipality: "kod", month: "manad", care: "vard" }, (i) => groups[i]),
    {
      key: "ind",
      header: HEADER.individuals,
      style: "calc",
      numFmt: FORMAT.count,
      width: 9,
      formula: (r) => `COUNTIF(${groupRange},${r.at("grupp")})`,
      result: (i) => groups[i].records.length,
    },
    {
      key: "rapp",
      header: HEADER.daysReported,
      style: "calc",
      numFmt: FORMAT.count,
      width: 11,
      formula: (r) => `SUMIFS(${ofGroup("rapp")},${groupRange},${r.at("grupp")})`,
      result: (i) => groups[i].reported.totalDays.toNumber(),
    },
    {
      key: "snittr",
      header: HEADER.averageReported,
      style: "calc",
      numFmt: FORMAT.days,
      width: 10,
      formula: (r) => `IF(${r.at("ind")}=0,0,${r.at("rapp")}/${r.at("ind")})`,
      result: (i) => groups[i].reported.average?.toNumber() ?? 0,
    },
    {
      key: "dgrans",
      header: HEADER.dayLimit,
      style: "calc",
      numFmt: "0",
      width: 8,
      formula: (r) => `IF(${r.at("vard")}="psykiatri",${NAME.psychiatryDayLimit},${NAME.dayLimit})`,
      result: (i) => groups[i].settled.dayLimit.toNumber(),
    },
    {
      key: "sgrans",
      header: HEADER.averageLimit,
      style: "calc",
      numFmt: FORMAT.days,
      width: 8,
      formula: (r) => `IF(${r.at("vard")}="psykiatri",${NAME.psychiatryAverageLimit},${NAME.averageLimit})`,
      result: (i) => groups[i].settled.averageLimit.toNumber(),
    },
    {
      key: "analys",
      header: HEADER.analysisRequired,
      style: "calc",
      width: 9,
      formula: (r) => `IF(${r.at("rapp")}>${r.at("sgrans")}*${r.at("ind")},"Ja","Nej")`,
      result: (i) => yesNo(groups[i].reported.billed),
    },
    {
      key: "efter",
      header: HEADER.daysAfter,
      style: "calc",
      numFmt: FORMAT.count,
      width: 11,
      formula: (r) => `SUMIFS(${ofGroup("efter")},${groupRange},${r.at("grupp")})`,
      result: (i) => groups[i].settled.totalDays.toNumber(),
    },
    {
      key: "snitte",
      header: HEADER.averageAfter,
      style: "calc",
      numFmt: FORMAT.days,
      width: 10,
      formula: (r) => `IF(${r.at("ind")}=0,0,${r.at("efter")}/${r.at("ind")})`,
      result: (i) => groups[i].settled.average?.toNumber() ?? 0,
    },
    {
      key: "deb",
      header: HEADER.billed,
      style: "calc",
      width: 9,
      formula: (r) => `IF(${r.at("efter")}>${r.at("sgrans")}*${r.at("ind")},"Ja","Nej")`,
      result: (i) => yesNo(groups[i].settled.billed),
    },
    {
      key: "debdagar",
      header: HEADER.billableDays,
      style: "calc",
      numFmt: FORMAT.count,
      width: 10,
      formula: (r) => `IF(${r.at("deb")}="Ja",SUMIFS(${ofGroup("over")},${groupRange},${r.at("grupp")}),0)`,
      result: (i) => groups[i].settled.billableDays.toNumber(),
    },
    {
      key: "belopp",
      header: HEADER.dischargeAmount,
      style: "amount",
      numFmt: FORMAT.kronorDecimals,
      width: 13,
      formula: (r) => `${r.at("debdagar")}*${NAME.price}`,
      result: (i) => groups[i].settled.amount.toNumber(),
    },
    ctx.mode === "file"
      ? {
          key: "motor",
          header: HEADER.dischargeEngine,
          style: "engine",
          numFmt: FORMAT.kronorDecimals,
          width: 13,
          value: (i) => groups[i].settled.amount.toNumber(),
        }
      : {
          key: "motor",
          header: HEADER.dischargeAddin,
          style: "engine",
          numFmt: FORMAT.kronorDecimals,
          width: 13,
          formula: (r) =>
            `SKL.DISCHARGE_SETTLEMENT(FILTER(${ofGroup("efter")},${groupRange}=${r.at("grupp")}),${NAME.price},${r.at("dgrans")},${r.at("sgrans")})`,
          result: (i) => groups[i].settled.amount.toNumber(),
        },
    {
      key: "diff",
      header: HEADER.dischargeDiff,
      style: "check",
      numFmt: FORMAT.kronorDecimals,
      width: 10,
      formula: (r) => `${r.at("belopp")}-${r.at("motor")}`,
      result: () => 0,
    },
  ]);
  sheet.highlight({
    range: settlement.col("analys").replace(/\$/g, ""),
    formula: `${settlement.cell("analys", 0)}="Ja"`,
    look: "warn",
  });
  sheet.highlight({
    range: settlement.col("deb").replace(/\$/g, ""),
    formula: `${settlement.cell("deb", 0)}="Ja"`,
    look: "bad",
  });
  sheet.highlight({
    range: settlement.col("diff").replace(/\$/g, ""),
    formula: `${settlement.cell("diff", 0)}<>0`,
    look: "bad",
  });
  const totalRow = settlement.lastRow + 1;
  sheet.put(`A${totalRow}`, "Summa debiterat", "total");
  const beloppCol = settlement
    .col("belopp")
    .split(":")[0]
    .replace(/\$\d+$/, "")
    .replace(/\$/g, "");
  const totalBilled = groups.reduce((s, g) => s.plus(g.settled.amount), new Money(0));
  sheet.put(
    `${beloppCol}${totalRow}`,
    { formula: `SUM(${settlement.col("belopp")})`, result: totalBilled.toNumber() },
    "total",
    FORMAT.kronorDecimals
  );

  // The county's monthly average (somatic care, days as reported) against the goal.
  const after = sheet.row;
  const countyColumn = settlement.columnOf("diff") + 2;
  sheet.put(cell(countyColumn, top), "Länets snitt per månad, somatik (rapporterade dagar), mot målet", "subtitle");
  sheet.row = top + 1;
  const somatic = (month: string) => groups.filter((g) => g.month === month && g.care === "somatisk");
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
        value: (i) => months[i],
      },
      {
        key: "mnr",
        header: HEADER.monthNumber,
        style: "reference",
        numFmt: "0",
        width: 8,
        value: (i) => Number(months[i].slice(-2)),
      },
      {
        key: "ind",
        header: HEADER.individuals,
        style: "calc",
        numFmt: FORMAT.count,
        width: 9,
        formula: (r) =>
          `SUMIFS(${settlement.col("ind")},${settlement.col("mnr")},${r.at("mnr")},${settlement.col("vard")},"somatisk")`,
        result: (i) => somatic(months[i]).reduce((s, g) => s + g.records.length, 0),
      },
      {
        key: "dagar",
        header: "Dagar",
        style: "calc",
        numFmt: FORMAT.count,
        width: 9,
        formula: (r) =>
          `SUMIFS(${settlement.col("rapp")},${settlement.col("mnr")},${r.at("mnr")},${settlement.col("vard")},"somatisk")`,
        result: (i) => somatic(months[i]).reduce((s, g) => s + g.reported.totalDays.toNumber(), 0),
      },
      {
        key: "snitt",
        header: "Länets snitt",
        style: "calc",
        numFmt: FORMAT.days,
        width: 10,
        formula: (r) => `IF(${r.at("ind")}=0,0,${r.at("dagar")}/${r.at("ind")})`,
        result: (i) => {
          const g = somatic(months[i]);
          const n = g.reduce((s, x) => s + x.records.length, 0);
          return n === 0 ? 0 : g.reduce((s, x) => s + x.reported.totalDays.toNumber(), 0) / n;
        },
      },
      {
        key: "mal",
        header: "Mål 2018",
        style: "calc",
        numFmt: FORMAT.days,
        width: 8,
        formula: () => NAME.goal,
        result: () => p.dischargeGoalDays,
      },
      {
        key: "ar2016",
        header: "Snitt 2016",
        style: "calc",
        numFmt: FORMAT.days,
        width: 8,
        formula: () => NAME.average2016,
        result: () => p.dischargeAverage2016Days,
      },
      {
        key: "inom",
        header: "Inom målet",
        style: "check",
        width: 9,
        formula: (r) => `IF(${r.at("dagar")}<=${r.at("mal")}*${r.at("ind")},"Ja","Nej")`,
        result: (i) => {
          const g = somatic(months[i]);
          const n = g.reduce((s, x) => s + x.records.length, 0);
          return yesNo(g.reduce((s, x) => s + x.reported.totalDays.toNumber(), 0) <= p.dischargeGoalDays * n);
        },
      },
    ],
    countyColumn
  );
  sheet.highlight({
    range: county.col("inom").replace(/\$/g, ""),
    formula: `${county.cell("inom", 0)}="Ja"`,
    look: "good",
  });
  sheet.highlight({
    range: county.col("inom").replace(/\$/g, ""),
    formula: `${county.cell("inom", 0)}="Nej"`,
    look: "bad",
  });
  sheet.row = after;
  sheet.freeze(cell(3, settlement.firstRow));
  return {
    sheets: [sheet, data],
    refs: { individuals, settlement, totalBilled: onSheet(SHEET.discharge, `$${beloppCol}$${totalRow}`) },
  };
}
