import { PartyKind } from "../inputs";
import { FORMAT } from "../plan";
import { SheetBuilder, TableRefs } from "../sheetBuilder";
import { fillPotRows, PotCells, reservePotRows, twinColumns, twinKeys } from "./allocationColumns";
import { PlanContext, SHEET, TAB, yesNo } from "./context";
import { ALLOCATION_LABEL, HEADER, TABLE } from "./names";
import { NAME } from "./parameters";
import { codeNumberColumns, partyColumns, ReferenceTables } from "./reference";

export interface SeniorAlertTables {
  readonly tables: Readonly<Record<PartyKind, TableRefs>>;
  readonly pots: Readonly<Record<PartyKind, PotCells>>;
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
      "landsting: medicin, geriatrik, kirurgi, ortopedi, infektion). Steg 2: potten delas med registreringarna i kvalificerade parters relevanta enheter."
  );
  sheet.line("Källa: cirkulär 10:11 (seed 002), seed 004. Kommuner och landsting har skilda potter.");
  if (ctx.inputs.synthetic)
    sheet.line("SYNTETISKA DATA: start och registreringar är påhittade demonstrationsvärden.", "warning");
  sheet.skip();

  const tables = {} as Record<PartyKind, TableRefs>;
  const pots = {} as Record<PartyKind, PotCells>;
  for (const kind of ["kommun", "landsting"] as const) {
    const pot = ctx.results.seniorAlert[kind];
    const potName = kind === "kommun" ? NAME.seniorAlertKommun : NAME.seniorAlertLandsting;
    const ref = reference[kind === "kommun" ? "municipalities" : "counties"];
    sheet.line(kind === "kommun" ? "Kommuner" : "Landsting", "subtitle");
    const [cells] = reservePotRows(sheet, [ALLOCATION_LABEL.seniorAlert]);
    const perRegistrationRow = sheet.row;
    sheet.skip();
    const parties = pot.parties;
    const name = kind === "kommun" ? TABLE.seniorAlertKommun : TABLE.seniorAlertLandsting;
    const table = sheet.table(name, parties.length, [
      ...partyColumns(parties, ref),
      {
        key: "start",
        header: HEADER.started,
        style: "input",
        width: 12,
        value: (i) => yesNo(parties[i].allUnitsStarted),
      },
      {
        key: "reg",
        header: HEADER.registrations,
        style: "input",
        numFmt: FORMAT.count,
        width: 11,
        value: (i) => parties[i].registrations,
      },
      ...codeNumberColumns(parties.map((p) => p.code)),
      ...twinColumns(ctx, {
        prefix: "s",
        label: ALLOCATION_LABEL.seniorAlert,
        lines: pot.result.lines.map((l) => l.share),
        cells,
        step: NAME.paymentStep,
        codeNumber: "kodnr",
        weight: (r) => `IF(${r.at("start")}="Ja",${r.at("reg")},0)`,
        addin: (r) =>
          `SKL.SENIOR_ALERT_PAYOUT(${r.at("kod")},${r.col("kod")},${r.col("start")},${r.col("reg")},${potName},${NAME.paymentStep})`,
      }),
    ]);
    fillPotRows(sheet, cells, table, "s", pot.result.allocation, potName, NAME.paymentStep);
    sheet.put(`A${perRegistrationRow}`, "Kr per registrering, oavrundat", "label");
    sheet.put(
      `C${perRegistrationRow}`,
      {
        formula: `IF(${cells.totalWeight}=0,"",${cells.distributed}/${cells.totalWeight})`,
        result: pot.result.perRegistration?.toNumber() ?? "",
      },
      "calc",
      FORMAT.kronorDecimals
    );
    sheet.validate({
      range: table.col("start").replace(/\$/g, ""),
      kind: "list",
      list: ["Ja", "Nej"],
      prompt: "Har alla relevanta enheter startat registrering?",
      error: "Svara Ja eller Nej.",
    });
    sheet.validate({
      range: table.col("reg").replace(/\$/g, ""),
      kind: "wholeNumber",
      min: 0,
      prompt: "Registreringar i relevanta enheter",
      error: "Registreringar: ett helt tal, 0 eller större.",
    });
    const diff = table.cell(twinKeys("s").diff, 0);
    sheet.highlight({ range: table.col(twinKeys("s").diff).replace(/\$/g, ""), formula: `${diff}<>0`, look: "bad" });
    tables[kind] = table;
    pots[kind] = cells;
  }
  // The header row of the municipalities' table stays in view (the county councils' table has the same columns).
  sheet.freeze(`C${tables.kommun.firstRow}`);
  return { sheet, refs: { tables, pots } };
}
