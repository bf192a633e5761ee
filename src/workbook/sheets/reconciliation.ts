import { agreementChecks, budgetChecks } from "../checks/ledgers";
import { Check, condition, passes, statusOf } from "../checks/check";
import { countyChecks } from "../checks/county";
import { dischargeChecks } from "../checks/discharge";
import { paymentChecks } from "../checks/payments";
import { performanceChecks } from "../checks/performance";
import { FORMAT } from "../plan";
import { fx } from "../refs";
import { ColumnSpec, SheetBuilder, TableRefs } from "../sheetBuilder";
import { PlanContext, SHEET, TAB } from "./context";
import { CountyGrantRefs } from "./countyGrant";
import { DischargeRefs } from "./discharge";
import { BudgetRefs, PilotRefs } from "./ledgers";
import { PalliativeTables } from "./palliative";
import { PaymentRefs } from "./payments";
import { ReferenceTables } from "./reference";
import { SeniorAlertTables } from "./seniorAlert";
import { ShareRefs } from "./share";

export interface ReconciliationInputs {
  readonly reference: ReferenceTables;
  readonly palliative: PalliativeTables;
  readonly seniorAlert: SeniorAlertTables;
  readonly county: CountyGrantRefs;
  readonly discharge: DischargeRefs;
  readonly pilots: PilotRefs;
  readonly budget: BudgetRefs;
  readonly payments: PaymentRefs;
  readonly share: ShareRefs;
}

/** The name of the master check's cell ("Alla kontroller"), which the pane reads. */
export const MASTER_CHECK_NAME = "Alla_kontroller";

/** Every check of the workbook, domain by domain. */
export function workbookChecks(ctx: PlanContext, refs: ReconciliationInputs): Check[] {
  return [
    ...performanceChecks(ctx, refs.reference, refs.palliative, refs.seniorAlert),
    ...countyChecks(ctx, refs.county),
    ...paymentChecks(ctx, refs.payments, refs.palliative, refs.seniorAlert, refs.county, refs.share),
    ...agreementChecks(ctx, refs.pilots),
    ...dischargeChecks(ctx, refs.discharge),
    ...budgetChecks(ctx, refs.budget),
  ];
}

/** How the value must stand to what it is compared with, in the words of the sheet. */
const COMPARISON_WORDS: Readonly<Record<Check["compare"], string>> = {
  "=": "=",
  "<=": "≤",
  ">=": "≥",
  true: "SANT",
};

/**
 * The table of checks: label, value, how it must stand to what it is compared with, the expected value, status
 * (OK, FEL or INFO), which parties it is about and the sheet.
 */
function checkColumns(checks: readonly Check[]): ColumnSpec[] {
  const computed = (key: string, header: string, part: "value" | "expected"): ColumnSpec => ({
    key,
    header,
    style: "calc",
    numFmt: FORMAT.kronor,
    width: 16,
    formula: (_r, i) => checks[i][part].formula,
    result: (i) => checks[i][part].result,
  });
  return [
    { key: "kontroll", header: "Kontroll", style: "paragraph", width: 70, value: (i) => checks[i].label },
    computed("varde", "Värde", "value"),
    {
      key: "jamfors",
      header: "Ska vara",
      style: "calc",
      width: 9,
      value: (i) => COMPARISON_WORDS[checks[i].compare],
    },
    computed("forvantat", "Förväntat", "expected"),
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
            ? fx`IF(${check.inputsChanged},"INFO","FEL")`
            : `"FEL"`;
        const ok = condition(check.compare, fx`${row.at("varde")}`, fx`${row.at("forvantat")}`);
        // An error among the cells a check reads (an add-in formula refusing bad input, say) fails it.
        return fx`IFERROR(IF(${ok},"OK",${failed}),"FEL")`;
      },
      result: (i) => statusOf(checks[i]),
    },
    {
      key: "vilka",
      header: "Vilka",
      style: "paragraph",
      width: 40,
      formula: (_r, i) => checks[i].detail?.formula,
      value: () => null,
      result: (i) => checks[i].detail?.result ?? null,
    },
    { key: "var", header: "Blad", style: "note", width: 16, value: (i) => checks[i].where },
  ];
}

/** "Alla kontroller": OK when no check is FEL, coloured, and named for the pane. */
function masterCheck(ctx: PlanContext, sheet: SheetBuilder, row: number, table: TableRefs, checks: readonly Check[]) {
  sheet.put(sheet.at(1, row), "Alla kontroller", "subtitle");
  const master = sheet.put(
    sheet.at(2, row),
    {
      formula: fx`IF(COUNTIF(${table.col("status")},"FEL")=0,"OK","FEL")`,
      result: checks.map(statusOf).includes("FEL") ? "FEL" : "OK",
    },
    "check"
  );
  const own = { ...master, absolute: false };
  sheet.highlight({ range: sheet.range(master, master), formula: fx`${own}="OK"`, look: "good" });
  sheet.highlight({ range: sheet.range(master, master), formula: fx`${own}="FEL"`, look: "bad" });
  ctx.names.push({ name: MASTER_CHECK_NAME, ref: master });
}

/**
 * `Avstämning`: one row per check (its label, value, expected value, status and sheet), failing ones marked,
 * and the master check "Alla kontroller": OK when no check is FEL.
 */
export function reconciliationSheet(ctx: PlanContext, refs: ReconciliationInputs): SheetBuilder {
  const checks = workbookChecks(ctx, refs);
  const sheet = new SheetBuilder(SHEET.reconciliation, TAB.check);
  sheet.line("Avstämning", "title");
  sheet.paragraph(
    "Varje kontroll visar OK eller FEL. INFO är en skillnad som ska synas men inte är ett fel i arbetsboken (t.ex. källans egna summor, belopp som villkor håller inne, uppgifter att fylla i). Kolumnen Ska vara visar hur värdet ska förhålla sig till det förväntade; kolumnen Vilka namnger de parter en kontroll gäller.",
    5
  );
  if (ctx.mode === "file")
    sheet.paragraph(
      "Motorns värden skrevs med filen. Ändrar du indata räknar formlerna om men motorn inte: jämförelsen med motorn visar då INFO, inte FEL. Skriv filen på nytt (npm run workbook) för en ny jämförelse.",
      5
    );
  sheet.skip();
  const masterRow = sheet.row;
  sheet.skip(2);
  const table = sheet.table("Avstamning", checks.length, checkColumns(checks));
  sheet.freeze(sheet.at(1, table.firstRow));
  masterCheck(ctx, sheet, masterRow, table, checks);
  const first = table.cell("status", 0);
  for (const [text, look] of [
    ["OK", "good"],
    ["FEL", "bad"],
    ["INFO", "warn"],
  ] as const)
    sheet.highlight({ range: table.col("status"), formula: fx`${first}="${text}"`, look });
  checks.forEach((check, i) =>
    ctx.checks.push({
      id: check.id,
      label: check.label,
      statusRef: table.cell("status", i, true),
      passes: passes(check),
      informational: check.informational ?? false,
      targets: check.targets,
      failing: check.failing,
    })
  );
  return sheet;
}
