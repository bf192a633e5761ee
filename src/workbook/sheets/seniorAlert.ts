import { PartyKind } from "../inputs";
import { FORMAT } from "../plan";
import { fx, NameRef } from "../refs";
import { ColumnSpec, SheetBuilder, TableRefs } from "../sheetBuilder";
import { cite } from "../sources";
import { fillPotRows, PotCells, registrationsColumn, reservePotRows, twinColumns, twinKeys } from "./allocationColumns";
import { isYes, PlanContext, reusedDataLine, SHEET, TAB, yesNo } from "./context";
import { heldBySeniorAlertConditions, SENIOR_ALERT_CONDITIONS, unmetSeniorAlert } from "../conditions";
import { join } from "../refs";
import { RowRefs } from "../sheetBuilder";
import { ALLOCATION_LABEL, HEADER, TABLE } from "./names";
import { NAMED } from "./parameters";
import { codeNumberColumns, partyColumns, ReferenceTables } from "./reference";

export interface SeniorAlertTables {
  readonly tables: Readonly<Record<PartyKind, TableRefs>>;
  readonly pots: Readonly<Record<PartyKind, PotCells>>;
}

/** The party's inputs (its conditions, registrations), whether it qualifies, and the twin of the payout per registration. */
function columns(ctx: PlanContext, kind: PartyKind, reference: TableRefs, cells: PotCells): ColumnSpec[] {
  const pot = ctx.results.seniorAlert[kind];
  const potName = POT[kind];
  const parties = pot.parties;
  const missingParts = (r: RowRefs) =>
    join(
      SENIOR_ALERT_CONDITIONS.map((c) => fx`IF(${isYes(r.at(c.key))},"","; ${c.missing}")`),
      "&"
    );
  return [
    ...partyColumns(parties, reference),
    ...SENIOR_ALERT_CONDITIONS.map((c): ColumnSpec => ({
      key: c.key,
      header: c.header,
      style: "input",
      width: 12,
      value: (i) => yesNo(c.met(parties[i])),
    })),
    {
      key: "kval",
      header: HEADER.qualified,
      style: "calc",
      width: 11,
      formula: (r) =>
        fx`IF(AND(${join(
          SENIOR_ALERT_CONDITIONS.map((c) => isYes(r.at(c.key))),
          ","
        )}),"Ja","Nej")`,
      result: (i) => yesNo(parties[i].qualifies),
    },
    {
      key: "saknas",
      header: HEADER.unmetConditions,
      style: "calc",
      width: 30,
      formula: (r) => fx`MID(${missingParts(r)},3,500)`,
      result: (i) => unmetSeniorAlert(parties[i]),
    },
    {
      // Started in every relevant unit but not qualified: the introduction or the list holds the party back.
      key: "startat_ej_kval",
      header: HEADER.startedNotQualified,
      style: "check",
      width: 12,
      formula: (r) => fx`IF(AND(${isYes(r.at("start"))},${r.at("kval")}="Nej"),"Ja","")`,
      result: (i) => (heldBySeniorAlertConditions(parties[i]) === undefined ? "" : "Ja"),
    },
    {
      // The same party in the words Avstämning lists it by ("Vallentuna (lokal koordinator)"), which it joins.
      key: "hindrad",
      header: HEADER.heldByConditions,
      style: "remark",
      width: 24,
      formula: (r) => fx`IF(${r.at("startat_ej_kval")}="Ja",${r.at("namn")}&" ("&${r.at("saknas")}&")","")`,
      result: (i) => heldBySeniorAlertConditions(parties[i]) ?? "",
    },
    registrationsColumn((i) => parties[i].registrations),
    ...codeNumberColumns(parties.map((p) => p.code)),
    ...twinColumns(ctx, {
      prefix: "s",
      label: ALLOCATION_LABEL.seniorAlert,
      lines: pot.result.lines.map((l) => l.share),
      cells,
      step: NAMED.paymentStep,
      codeNumber: "kodnr",
      weight: (r) => fx`IF(${r.at("kval")}="Ja",${r.at("reg")},0)`,
      addin: (r) =>
        fx`SKL.SENIOR_ALERT_PAYOUT(${r.at("kod")},${r.col("kod")},${r.col("kval")},${r.col("reg")},${potName},${NAMED.paymentStep})`,
    }),
  ];
}

const POT: Readonly<Record<PartyKind, NameRef>> = {
  kommun: NAMED.seniorAlertKommun,
  landsting: NAMED.seniorAlertLandsting,
};

/** One pot (municipalities or county councils): pot rows, kronor per registration and the table. */
function potTable(
  ctx: PlanContext,
  sheet: SheetBuilder,
  reference: ReferenceTables,
  kind: PartyKind
): { table: TableRefs; cells: PotCells } {
  const pot = ctx.results.seniorAlert[kind];
  sheet.line(kind === "kommun" ? "Kommuner" : "Landsting", "subtitle");
  const [cells] = reservePotRows(sheet, [ALLOCATION_LABEL.seniorAlert]);
  const perRegistration = sheet.row;
  sheet.skip();
  const name = kind === "kommun" ? TABLE.seniorAlertKommun : TABLE.seniorAlertLandsting;
  const ref = reference[kind === "kommun" ? "municipalities" : "counties"];
  const table = sheet.table(name, pot.parties.length, columns(ctx, kind, ref, cells));
  fillPotRows(sheet, cells, table, "s", pot.result.allocation, fx`${POT[kind]}`, NAMED.paymentStep);
  sheet.put(sheet.at(1, perRegistration), "Kr per registrering, oavrundat", "label");
  sheet.put(
    sheet.at(3, perRegistration),
    {
      formula: fx`IF(${cells.totalWeight}=0,"",${cells.distributed}/${cells.totalWeight})`,
      result: pot.result.perRegistration?.toNumber() ?? "",
    },
    "calc",
    FORMAT.kronorDecimals
  );
  for (const c of SENIOR_ALERT_CONDITIONS)
    sheet.validate({
      range: table.col(c.key),
      kind: "list",
      list: ["Ja", "Nej"],
      prompt: `${c.header}? Parten kvalificerar när alla villkor är Ja.`,
      error: "Svara Ja eller Nej.",
    });
  sheet.validate({
    range: table.col("reg"),
    kind: "wholeNumber",
    min: 0,
    prompt: "Registreringar i relevanta enheter",
    error: "Registreringar: ett helt tal, 0 eller större.",
  });
  const diff = twinKeys("s").diff;
  sheet.highlight({ range: table.col(diff), formula: fx`${table.cell(diff, 0)}<>0`, look: "bad" });
  return { table, cells };
}

/** `Senior alert`: paid per registration to the parties where all relevant units have started registration. */
export function seniorAlertSheet(
  ctx: PlanContext,
  reference: ReferenceTables
): { sheet: SheetBuilder; refs: SeniorAlertTables } {
  const sheet = new SheetBuilder(SHEET.seniorAlert, TAB.calculation);
  sheet.line("Senior alert: ersättning per registrering", "title");
  sheet.line(
    "Steg 1: kvalificerad när alla relevanta enheter startat registrering (kommuner: SÄBO, hemsjukvård, korttidsboende; " +
      "landsting: medicin, geriatrik, kirurgi, ortopedi, infektion) och införandeprocessen är klar. Steg 2: potten delas med registreringarna i kvalificerade parters relevanta enheter."
  );
  sheet.line(
    `Villkoren, Ja/Nej per part (gula): införandeprocessen, "En särskild införandeprocess – körkort, lösenord och lokal koordinator och samtliga relevanta verksamheter identifierade", ` +
      `och den egna listan, "varje kommun och landsting ansvarar för att ta fram sin egen lista" (${cite("performance", 8)}); målet, att samtliga relevanta verksamheter påbörjat registrering (${cite("circular", "avsnitt 1")}). ` +
      "Parten kvalificerar när alla villkor är Ja, där Ja, SANT och 1 räknas som ja och Nej, FALSKT och 0 som nej."
  );
  sheet.line(
    `Källa: ${cite("circular", "avsnitt 1")} (Mål 2: 50 mnkr när samtliga relevanta verksamheter påbörjat registrering); ` +
      `${cite("infrastructure", 14)}, och ${cite("performance", "7–8")} (relevanta verksamheter, skilda potter, "Ersättning per utförd registrering"). ` +
      "Kommuner och landsting har skilda potter."
  );
  if (ctx.inputs.synthetic)
    sheet.line(
      "SYNTETISKA DATA: villkor, start och registreringar är påhittade demonstrationsvärden (de som startat i alla enheter har alla villkor uppfyllda).",
      "warning"
    );
  reusedDataLine(ctx, sheet);
  sheet.skip();
  const kommun = potTable(ctx, sheet, reference, "kommun");
  const landsting = potTable(ctx, sheet, reference, "landsting");
  // The header row of the municipalities' table stays in view (the county councils' table has the same columns).
  sheet.freeze(sheet.at(3, kommun.table.firstRow));
  return {
    sheet,
    refs: {
      tables: { kommun: kommun.table, landsting: landsting.table },
      pots: { kommun: kommun.cells, landsting: landsting.cells },
    },
  };
}
