import { computeWorkbook, WorkbookResults } from "./compute";
import { WorkbookInputs } from "./inputs";
import { WorkbookPlan } from "./plan";
import { countyGrantSheet } from "./sheets/countyGrant";
import { PlanContext, PlanMode } from "./sheets/context";
import { dischargeSheets } from "./sheets/discharge";
import { countyBudgetSheet, pilotsSheet } from "./sheets/ledgers";
import { palliativeSheet } from "./sheets/palliative";
import { paymentsSheet } from "./sheets/payments";
import { parametersSheet } from "./sheets/parameters";
import { reconciliationSheet } from "./sheets/reconciliation";
import { referenceSheets } from "./sheets/reference";
import { seniorAlertSheet } from "./sheets/seniorAlert";
import { shareSheet } from "./sheets/share";
import { startSheet } from "./sheets/start";

export type { PlanMode } from "./sheets/context";

/**
 * The allocation workbook as data: runs the engine over the inputs, then lays out every sheet with its
 * tables, named inputs, formulas (each carrying the engine's value), formats, validation and checks.
 */
export function buildPlan(
  inputs: WorkbookInputs,
  mode: PlanMode = "file"
): { plan: WorkbookPlan; results: WorkbookResults } {
  const results = computeWorkbook(inputs);
  const ctx: PlanContext = { inputs, results, mode, names: [], checks: [] };
  const start = startSheet(ctx);
  const parameters = parametersSheet(ctx);
  const reference = referenceSheets(ctx);
  const palliative = palliativeSheet(ctx, reference.tables);
  const seniorAlert = seniorAlertSheet(ctx, reference.tables);
  const county = countyGrantSheet(ctx, reference.tables);
  const discharge = dischargeSheets(ctx, reference.tables);
  const pilots = pilotsSheet(ctx);
  const budget = countyBudgetSheet(ctx, county.refs);
  const payments = paymentsSheet(ctx, {
    reference: reference.tables,
    palliative: palliative.refs,
    seniorAlert: seniorAlert.refs,
    county: county.refs,
  });
  const share = shareSheet(ctx, {
    reference: reference.tables,
    palliative: palliative.refs,
    seniorAlert: seniorAlert.refs,
    county: county.refs,
    payments: payments.refs,
  });
  const reconciliation = reconciliationSheet(ctx, {
    reference: reference.tables,
    palliative: palliative.refs,
    seniorAlert: seniorAlert.refs,
    county: county.refs,
    discharge: discharge.refs,
    pilots: pilots.refs,
    budget: budget.refs,
    payments: payments.refs,
    share: share.refs,
  });
  const sheets = [
    start,
    parameters,
    reconciliation,
    payments.sheet,
    share.sheet,
    palliative.sheet,
    seniorAlert.sheet,
    county.sheet,
    ...discharge.sheets,
    pilots.sheet,
    budget.sheet,
    ...reference.sheets,
  ];
  return {
    plan: {
      title: `SKL stimulansmedel ${inputs.parameters.year}`,
      sheets: sheets.map((s) => s.build()),
      names: ctx.names,
      checks: ctx.checks,
    },
    results,
  };
}
