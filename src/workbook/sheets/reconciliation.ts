import { Decimal } from "decimal.js";
import { Allocation } from "../../engine/allocate";
import { Money } from "../../engine/money";
import { DischargeRecord, YearParameters } from "../inputs";
import { onSheet } from "../a1";
import { CellValue, FORMAT } from "../plan";
import { SheetBuilder, TableRefs } from "../sheetBuilder";
import { PotCells, twinKeys } from "./allocationColumns";
import { PlanContext, SHEET, TAB } from "./context";
import { CountyGrantRefs } from "./countyGrant";
import { DischargeRefs } from "./discharge";
import { BudgetRefs, PilotRefs } from "./ledgers";
import { PalliativeTables } from "./palliative";
import { NAME } from "./parameters";
import { ReferenceTables, UNKNOWN_CODE } from "./reference";
import { SeniorAlertTables } from "./seniorAlert";

export interface ReconciliationInputs {
  readonly reference: ReferenceTables;
  readonly palliative: PalliativeTables;
  readonly seniorAlert: SeniorAlertTables;
  readonly county: CountyGrantRefs;
  readonly discharge: DischargeRefs;
  readonly pilots: PilotRefs;
  readonly budget: BudgetRefs;
}

interface CheckSpec {
  readonly id: string;
  readonly label: string;
  readonly value: { formula: string; result: CellValue };
  readonly expected: { formula: string; result: CellValue };
  /** The condition for OK, in terms of the value (V) and expected (E) cells. */
  readonly condition: (v: string, e: string) => string;
  readonly passes: boolean;
  readonly informational?: boolean;
  /**
   * For a comparison with values the engine computed when the file was written: TRUE when the inputs it
   * compares from have changed since (the status is then INFO, not FEL: the twin follows the new inputs,
   * the written engine values do not).
   */
  readonly inputsChanged?: string;
  readonly where: string;
  readonly targets: readonly string[];
}

const n = (d: Decimal | number | bigint): number => (typeof d === "object" ? d.toNumber() : Number(d));

/**
 * TRUE when a pot's inputs differ from those the engine shared it by when the file was written: the pot,
 * its steps, and two sums of the weight column (plain, and weighted by code number, so that moving weight
 * between parties counts too).
 */
function allocationChanged(
  table: TableRefs,
  weightKey: string,
  pot: string,
  steps: string,
  allocation: Allocation
): string {
  const weights = table.qcol(weightKey);
  const sum = allocation.lines.reduce((s, l) => s.plus(l.weight), new Money(0));
  const byCode = allocation.lines.reduce((s, l) => s.plus(l.weight.times(Number(l.code.text))), new Money(0));
  return (
    `OR(${pot}<>${allocation.pot.toFixed()},${steps}<>${allocation.steps.toString()},` +
    `SUM(${weights})<>${sum.toFixed()},SUMPRODUCT(${weights},${table.qcol("kodnr")})<>${byCode.toFixed()})`
  );
}

/** TRUE when the discharge inputs differ from those the engine settled when the file was written. */
function dischargeChanged(d: DischargeRefs, rows: readonly DischargeRecord[], p: YearParameters): string {
  const days = d.individuals.qcol("efter");
  const sum = rows.reduce((s, x) => s + x.daysAfterAnalysis, 0);
  const squares = rows.reduce((s, x) => s + x.daysAfterAnalysis * x.daysAfterAnalysis, 0);
  const psychiatry = rows.filter((x) => x.care === "psykiatri").length;
  const parameters: [string, number][] = [
    [NAME.price, p.dischargePricePerDayKr],
    [NAME.dayLimit, p.dischargeDayLimit],
    [NAME.averageLimit, p.dischargeAverageLimit],
    [NAME.psychiatryDayLimit, p.psychiatryDayLimit],
    [NAME.psychiatryAverageLimit, p.psychiatryAverageLimit],
  ];
  return (
    `OR(COUNTA(${d.individuals.qcol("kommun")})<>${rows.length},SUM(${days})<>${sum},SUMSQ(${days})<>${squares},` +
    `COUNTIF(${d.individuals.qcol("vard")},"psykiatri")<>${psychiatry},` +
    parameters.map(([name, value]) => `${name}<>${value}`).join(",") +
    ")"
  );
}

/**
 * `Avstämning`: every pot sums exactly, unallocated remainders, the 271 MSEK reconciliation, duplicate,
 * unknown and missing codes, formula against engine (or add-in), published against rule, and one master check.
 */
export function reconciliationSheet(ctx: PlanContext, refs: ReconciliationInputs): SheetBuilder {
  const r = ctx.results;
  const p = ctx.inputs.parameters;
  const checks: CheckSpec[] = [];
  const equal = (v: string, e: string) => `${v}=${e}`;
  /** A check that counts something that should not be there (unknown codes, rows marked FEL, …): OK at 0. */
  const noneFound = ({
    count,
    ...spec
  }: {
    id: string;
    label: string;
    count: { formula: string; result: number };
    informational?: boolean;
    where: string;
    targets: readonly string[];
  }) =>
    checks.push({
      ...spec,
      value: count,
      expected: { formula: "0", result: 0 },
      condition: equal,
      passes: count.result === 0,
    });
  const engineWord = ctx.mode === "file" ? "motorn" : "SKL-funktionen";
  const writtenNote = ctx.mode === "file" ? " (INFO om indata ändrats sedan filen skrevs)" : "";

  const potChecks = (
    id: string,
    label: string,
    sheet: string,
    table: TableRefs,
    cells: PotCells,
    prefix: string,
    allocation: Allocation,
    /** What the amount column pays besides the pot (the county grant's base for every county). */
    besidesPot?: { formula: string; result: number }
  ) => {
    const q = (ref: string) => onSheet(sheet, ref);
    const k = twinKeys(prefix);
    // The amounts as the sheet pays them, not the pot rows' own arithmetic: a typed-over amount shows here.
    const paid = `SUM(${table.qcol(k.amount)})${besidesPot ? `-(${besidesPot.formula})` : ""}`;
    checks.push({
      id: `${id}-summa`,
      label: `${label}: utbetalda belopp + ej fördelat = potten`,
      value: {
        formula: `${paid}+${q(cells.undistributed)}`,
        result: n(allocation.distributed.plus(allocation.undistributed)),
      },
      expected: { formula: q(cells.pot), result: n(allocation.pot) },
      condition: equal,
      passes: allocation.distributed.plus(allocation.undistributed).equals(allocation.pot),
      where: sheet,
      targets: [q(cells.pot), q(cells.distributed), q(cells.undistributed)],
    });
    checks.push({
      id: `${id}-ofordelat`,
      label: `${label}: ej fördelat (ingen kvalificerad, eller mindre än ett steg)`,
      value: { formula: q(cells.undistributed), result: n(allocation.undistributed) },
      expected: { formula: "0", result: 0 },
      condition: equal,
      passes: allocation.undistributed.isZero(),
      informational: true,
      where: sheet,
      targets: [q(cells.undistributed)],
    });
    const diff = table.qcol(twinKeys(prefix).diff);
    checks.push({
      id: `${id}-tvilling`,
      label: `${label}: formeln ger samma kronor som ${engineWord}${writtenNote}`,
      value: { formula: `MAX(${diff})-MIN(${diff})+ABS(MAX(${diff}))`, result: 0 },
      expected: { formula: "0", result: 0 },
      condition: equal,
      passes: true,
      inputsChanged:
        ctx.mode === "file" ? allocationChanged(table, k.weight, q(cells.pot), q(cells.steps), allocation) : undefined,
      where: sheet,
      targets: [diff],
    });
    checks.push({
      id: `${id}-exakt`,
      label: `${label}: heltalen ryms exakt (S × största vikt < 2^53)`,
      value: { formula: q(cells.exact), result: true },
      expected: { formula: "TRUE()", result: true },
      condition: (v) => v,
      passes: true,
      where: sheet,
      targets: [q(cells.exact)],
    });
  };

  const codeChecks = (
    id: string,
    label: string,
    sheet: string,
    table: TableRefs,
    reference: TableRefs,
    parties: readonly { name: string; code: string }[]
  ) => {
    const unknown = parties.filter((x) => x.name === "").length;
    const duplicates = parties.length - new Set(parties.map((x) => Number(x.code))).size;
    checks.push({
      id: `${id}-dubbletter`,
      label: `${label}: ingen kod förekommer två gånger`,
      value: { formula: `MAX(${table.qcol("antal")})`, result: duplicates === 0 ? 1 : 2 },
      expected: { formula: "1", result: 1 },
      condition: (v, e) => `${v}<=${e}`,
      passes: duplicates === 0,
      where: sheet,
      targets: [table.qcol("antal")],
    });
    noneFound({
      id: `${id}-okanda`,
      label: `${label}: inga okända koder (finns inte i referenslistan)`,
      count: { formula: `COUNTIF(${table.qcol("namn")},"${UNKNOWN_CODE}")`, result: unknown },
      where: sheet,
      targets: [table.qcol("namn")],
    });
    const refCount = reference.lastRow - reference.firstRow + 1;
    checks.push({
      id: `${id}-saknade`,
      label: `${label}: alla parter i referenslistan finns med`,
      value: {
        formula: `ROWS(${table.qcol("kod")})-COUNTIF(${table.qcol("namn")},"${UNKNOWN_CODE}")`,
        result: parties.length - unknown,
      },
      expected: { formula: `ROWS(${reference.qcol("kod")})`, result: refCount },
      condition: equal,
      passes: parties.length - unknown - duplicates === refCount,
      where: sheet,
      targets: [table.qcol("kod"), reference.qcol("kod")],
    });
  };

  for (const kind of ["kommun", "landsting"] as const) {
    const label = kind === "kommun" ? "kommuner" : "landsting";
    const pal = r.palliative[kind];
    const reference = kind === "kommun" ? refs.reference.municipalities : refs.reference.counties;
    potChecks(
      `p1-${kind}`,
      `Palliativ nivå 1, ${label}`,
      SHEET.palliative,
      refs.palliative.tables[kind],
      refs.palliative.pots[kind].base,
      "b",
      pal.base.allocation
    );
    potChecks(
      `p2-${kind}`,
      `Palliativ nivå 2, ${label}`,
      SHEET.palliative,
      refs.palliative.tables[kind],
      refs.palliative.pots[kind].bonus,
      "o",
      pal.bonus.allocation
    );
    const palliativeTable = refs.palliative.tables[kind];
    const overRegistered = pal.parties.filter((x) => x.registrations > x.deaths).length;
    noneFound({
      id: `p-${kind}-registreringar`,
      label: `Palliativ, ${label}: inga fler registreringar än dödsfall`,
      count: { formula: `COUNTIF(${palliativeTable.qcol("regkontroll")},"FEL")`, result: overRegistered },
      where: SHEET.palliative,
      targets: [palliativeTable.qcol("regkontroll")],
    });
    codeChecks(
      `p-${kind}`,
      `Palliativ, ${label}`,
      SHEET.palliative,
      refs.palliative.tables[kind],
      reference,
      pal.parties
    );
    const sa = r.seniorAlert[kind];
    potChecks(
      `s-${kind}`,
      `Senior alert, ${label}`,
      SHEET.seniorAlert,
      refs.seniorAlert.tables[kind],
      refs.seniorAlert.pots[kind],
      "s",
      sa.result.allocation
    );
    codeChecks(
      `s-${kind}`,
      `Senior alert, ${label}`,
      SHEET.seniorAlert,
      refs.seniorAlert.tables[kind],
      reference,
      sa.parties
    );
  }

  const c = refs.county;
  const cq = (ref: string) => onSheet(SHEET.countyGrant, ref);
  const ruleTotal = r.countyRule.allocation.distributed.plus(r.countyRule.base.times(r.countyRule.lines.length));
  potChecks("c", "Länsbidrag, regeln", SHEET.countyGrant, c.table, c.rule, "c", r.countyRule.allocation, {
    formula: `COUNTA(${c.table.qcol("kod")})*${NAME.countyBase}`,
    result: n(r.countyRule.base.times(r.countyRule.lines.length)),
  });
  potChecks("r", "Regionala stödstrukturer", SHEET.countyGrant, c.table, c.regional, "r", r.regional.allocation);
  checks.push({
    id: "c-justering",
    label: "Länsbidrag: justeringarna summerar till 0",
    value: { formula: cq(c.sums.adjustment), result: 0 },
    expected: { formula: "0", result: 0 },
    condition: equal,
    passes: true,
    where: SHEET.countyGrant,
    targets: [c.table.qcol("just")],
  });
  checks.push({
    id: "c-slutligt",
    label: "Länsbidrag: slutligt bidrag summerar till totalen",
    value: { formula: cq(c.sums.final), result: n(ruleTotal) },
    expected: {
      formula: `${NAME.countyTotal}-${cq(c.rule.undistributed)}`,
      result: n(new Money(p.countyGrantKr).minus(r.countyRule.allocation.undistributed)),
    },
    condition: equal,
    passes: true,
    where: SHEET.countyGrant,
    targets: [c.table.qcol("slut")],
  });
  const publishedTotal = ctx.inputs.publishedCountyGrant.reduce((s, g) => s + g.publishedKr, 0);
  const published79 = ctx.inputs.publishedCountyGrant.reduce((s, g) => s + g.publishedWithRegionalKr, 0);
  checks.push({
    id: "c-publicerat",
    label: "Publicerat 66 mnkr mot totalen (källan summerar till 65,5)",
    value: { formula: cq(c.sums.published), result: publishedTotal },
    expected: { formula: NAME.countyTotal, result: p.countyGrantKr },
    condition: equal,
    passes: publishedTotal === p.countyGrantKr,
    informational: true,
    where: SHEET.countyGrant,
    targets: [c.table.qcol("pub"), c.table.qcol("pubdiff")],
  });
  checks.push({
    id: "c-publicerat-79",
    label: "Publicerat 66 + 13 mnkr mot totalen (källan summerar till 78)",
    value: { formula: cq(c.sums.published79), result: published79 },
    expected: { formula: `${NAME.countyTotal}+${NAME.regional}`, result: p.countyGrantKr + p.regionalSupportKr },
    condition: equal,
    passes: published79 === p.countyGrantKr + p.regionalSupportKr,
    informational: true,
    where: SHEET.countyGrant,
    targets: [c.table.qcol("pub79"), c.table.qcol("pub79diff")],
  });

  const publishedByCode = new Map(ctx.inputs.publishedCountyGrant.map((g) => [g.code, g]));
  const ruleDiffers = r.countyRule.lines.filter(
    (l) => (publishedByCode.get(l.code.text)?.publishedKr ?? 0) !== l.total.toNumber()
  ).length;
  noneFound({
    id: "c-publicerat-lan",
    label:
      "Länsbidrag: län där det publicerade beloppet skiljer sig från regeln (jämkningen för små län är inte nedskriven)",
    count: { formula: `COUNTIF(${c.table.qcol("pubdiff")},"<>0")`, result: ruleDiffers },
    informational: true,
    where: SHEET.countyGrant,
    targets: [c.table.qcol("pubdiff")],
  });
  const additions = ctx.inputs.publishedCountyGrant.map((g) => g.publishedWithRegionalKr - g.publishedKr);
  const sorted = [...additions].sort((a, b) => a - b);
  const median =
    sorted.length === 0
      ? 0
      : sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const odd = additions.filter((a) => a !== median).length;
  noneFound({
    id: "c-publicerat-13",
    label:
      'Tabellen "66 + 13": län vars tillägg till det publicerade 66-beloppet inte är det vanliga (Stockholm 0, Dalarna 1,1 mnkr)',
    count: { formula: `COUNTIF(${c.table.qcol("pub13")},"<>"&MEDIAN(${c.table.qcol("pub13")}))`, result: odd },
    informational: true,
    where: SHEET.countyGrant,
    targets: [c.table.qcol("pub13")],
  });

  const pilotsGranted = ctx.inputs.pilots.reduce((s, x) => s + x.grantedKr, 0);
  checks.push({
    id: "forsok",
    label: "Försöksverksamheter: beviljat ryms i ramen",
    value: { formula: refs.pilots.granted, result: pilotsGranted },
    expected: { formula: refs.pilots.frame, result: p.pilotsKr },
    condition: (v, e) => `${v}<=${e}`,
    passes: pilotsGranted <= p.pilotsKr,
    where: SHEET.pilots,
    targets: [refs.pilots.granted],
  });
  const namedCells = (...names: string[]) =>
    names.map((name) => {
      const ref = ctx.names.find((x) => x.name === name)?.ref;
      if (ref === undefined) throw new Error(`Namnet ${name} saknas i planen`);
      return ref;
    });
  const performance = p.palliativeBasePotKr + p.palliativeBonusPotKr + p.seniorAlertPotKr;
  checks.push({
    id: "avtal-prestation",
    label: "Överenskommelsen: Palliativregistret (nivå 1 + 2) + Senior alert = den prestationsbaserade delen",
    value: { formula: `${NAME.basePot}+${NAME.bonusPot}+${NAME.seniorAlertPot}`, result: performance },
    expected: { formula: NAME.performanceBased, result: p.performanceBasedKr },
    condition: equal,
    passes: performance === p.performanceBasedKr,
    where: SHEET.parameters,
    targets: namedCells(NAME.basePot, NAME.bonusPot, NAME.seniorAlertPot, NAME.performanceBased),
  });
  const agreement = p.performanceBasedKr + p.countyGrantKr + p.pilotsKr + p.registriesKr;
  checks.push({
    id: "avtal",
    label: "Överenskommelsen: prestationsbaserat + länsbidrag + försök + register och samordning = totalen",
    value: {
      formula: `${NAME.performanceBased}+${NAME.countyTotal}+${NAME.pilots}+${NAME.registries}`,
      result: agreement,
    },
    expected: { formula: NAME.agreement, result: p.agreementTotalKr },
    condition: equal,
    passes: agreement === p.agreementTotalKr,
    where: SHEET.parameters,
    targets: namedCells(NAME.performanceBased, NAME.countyTotal, NAME.pilots, NAME.registries, NAME.agreement),
  });

  const d = refs.discharge;
  const badDays = r.dischargeRows.filter((x) => x.daysAfterAnalysis > x.daysReported).length;
  noneFound({
    id: "uk-dagar",
    label: "Utskrivningsklara: dagar efter analys är inte fler än rapporterade",
    count: { formula: `COUNTIF(${d.individuals.qcol("kontroll")},"FEL")`, result: badDays },
    where: d.individuals.sheet,
    targets: [d.individuals.qcol("kontroll")],
  });
  checks.push({
    id: "uk-grupper",
    label: "Utskrivningsklara: varje individ räknas i en avräkningsrad (kommun, månad och vårdform)",
    value: { formula: `SUM(${d.settlement.qcol("ind")})`, result: r.dischargeRows.length },
    expected: { formula: `COUNTA(${d.individuals.qcol("kommun")})`, result: r.dischargeRows.length },
    condition: equal,
    passes: r.discharge.reduce((s, g) => s + g.records.length, 0) === r.dischargeRows.length,
    where: d.individuals.sheet,
    targets: [d.individuals.qcol("grupp"), d.settlement.qcol("grupp")],
  });
  checks.push({
    id: "uk-tvilling",
    label: `Utskrivningsklara: formeln ger samma belopp som ${engineWord}${writtenNote}`,
    value: {
      formula: `MAX(${d.settlement.qcol("diff")})-MIN(${d.settlement.qcol("diff")})+ABS(MAX(${d.settlement.qcol("diff")}))`,
      result: 0,
    },
    expected: { formula: "0", result: 0 },
    condition: equal,
    passes: true,
    inputsChanged: ctx.mode === "file" ? dischargeChanged(d, r.dischargeRows, p) : undefined,
    where: SHEET.discharge,
    targets: [d.settlement.qcol("diff")],
  });
  for (const b of refs.budget.counties) {
    checks.push({
      id: `budget-${b.code}`,
      label: `Länsbudget ${b.code}: budgeten summerar till länets bidrag`,
      value: { formula: b.sum, result: b.sumKr },
      expected: { formula: b.grant, result: b.grantKr },
      condition: equal,
      passes: b.sumKr === b.grantKr,
      where: SHEET.countyBudget,
      targets: [b.sum, b.grant],
    });
    checks.push({
      id: `budget-${b.code}-negativ`,
      label: `Länsbudget ${b.code}: ingen post är negativ (posterna ryms i bidraget)`,
      value: { formula: b.smallest, result: b.smallestKr },
      expected: { formula: "0", result: 0 },
      condition: (v, e) => `${v}>=${e}`,
      passes: b.smallestKr >= 0,
      where: SHEET.countyBudget,
      targets: [b.smallest],
    });
  }

  const sheet = new SheetBuilder(SHEET.reconciliation, TAB.check);
  sheet.line("Avstämning", "title");
  sheet.line(
    "Varje kontroll visar OK eller FEL. INFO är en skillnad som ska synas men inte är ett fel i arbetsboken (t.ex. källans egna summor)."
  );
  if (ctx.mode === "file")
    sheet.line(
      "Motorns värden skrevs med filen. Ändrar du indata räknar formlerna om men motorn inte: jämförelsen med motorn visar då INFO, inte FEL. Skriv filen på nytt (npm run workbook) för en ny jämförelse."
    );
  sheet.skip();
  const masterRow = sheet.row;
  sheet.skip(2);
  const table = sheet.table("Avstamning", checks.length, [
    { key: "kontroll", header: "Kontroll", style: "label", width: 100, value: (i) => checks[i].label },
    {
      key: "varde",
      header: "Värde",
      style: "calc",
      numFmt: FORMAT.kronor,
      width: 16,
      formula: (_r, i) => checks[i].value.formula,
      result: (i) => checks[i].value.result,
    },
    {
      key: "forvantat",
      header: "Förväntat",
      style: "calc",
      numFmt: FORMAT.kronor,
      width: 16,
      formula: (_r, i) => checks[i].expected.formula,
      result: (i) => checks[i].expected.result,
    },
    {
      key: "status",
      header: "Status",
      style: "check",
      width: 9,
      formula: (row, i) => {
        const check = checks[i];
        const failed = check.informational
          ? `"INFO"`
          : check.inputsChanged
            ? `IF(${check.inputsChanged},"INFO","FEL")`
            : `"FEL"`;
        // An error among the cells a check reads (an add-in formula refusing bad input, say) fails it.
        return `IFERROR(IF(${check.condition(row.at("varde"), row.at("forvantat"))},"OK",${failed}),"FEL")`;
      },
      result: (i) => (checks[i].passes ? "OK" : checks[i].informational ? "INFO" : "FEL"),
    },
    { key: "var", header: "Blad", style: "note", width: 20, value: (i) => checks[i].where },
  ]);
  sheet.freeze(`A${table.firstRow}`);
  const allPass = checks.every((x) => x.passes || x.informational);
  sheet.put(`A${masterRow}`, "Alla kontroller", "subtitle");
  sheet.put(
    `B${masterRow}`,
    { formula: `IF(COUNTIF(${table.col("status")},"FEL")=0,"OK","FEL")`, result: allPass ? "OK" : "FEL" },
    "check"
  );
  const status = table.col("status").replace(/\$/g, "");
  const first = table.cell("status", 0);
  sheet.highlight({ range: status, formula: `${first}="OK"`, look: "good" });
  sheet.highlight({ range: status, formula: `${first}="FEL"`, look: "bad" });
  sheet.highlight({ range: status, formula: `${first}="INFO"`, look: "warn" });
  sheet.highlight({ range: `B${masterRow}`, formula: `B${masterRow}="OK"`, look: "good" });
  sheet.highlight({ range: `B${masterRow}`, formula: `B${masterRow}="FEL"`, look: "bad" });
  checks.forEach((check, i) =>
    ctx.checks.push({
      id: check.id,
      label: check.label,
      statusRef: table.qcell("status", i),
      passes: check.passes,
      informational: check.informational ?? false,
      targets: check.targets,
    })
  );
  ctx.names.push({ name: "Alla_kontroller", ref: onSheet(SHEET.reconciliation, `$B$${masterRow}`) });
  return sheet;
}
