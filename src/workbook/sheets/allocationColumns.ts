import { AllocationLine, Allocation } from "../../engine/allocate";
import { FORMAT } from "../plan";
import { CellRef, Expr, fx, NameRef } from "../refs";
import { ColumnSpec, RowRefs, SheetBuilder, TableRefs } from "../sheetBuilder";
import { num, PlanContext } from "./context";
import { Money } from "../../engine/money";
import { HEADER, TWIN_PART, twinHeader } from "./names";

/** The cells above a pot table that its twin formulas read: the pot, its steps, the total weight and what is left. */
export interface PotCells {
  readonly pot: CellRef;
  readonly steps: CellRef;
  readonly totalWeight: CellRef;
  readonly leftover: CellRef;
  readonly distributed: CellRef;
  readonly undistributed: CellRef;
  readonly exact: CellRef;
}

export const POT_ROWS = [
  "Pott (kr)",
  "Steg S = KVOT(pott; steg)",
  "Summa vikt, W",
  "Steg kvar efter golv, S − Σgolv",
  "Fördelat (kr)",
  "Ej fördelat (kr)",
  "Exakt: S × största vikt < 2^53",
] as const;

/**
 * Reserves the rows for the pot figures of one or more allocations (one column each), to be filled in
 * once the table below them is placed. Returns the cell addresses per allocation.
 */
export function reservePotRows(sheet: SheetBuilder, headers: readonly string[], firstColumn = 3): PotCells[] {
  const top = sheet.row;
  // Wide enough for tens of millions in the pot rows above the table's own columns.
  headers.forEach((h, i) => sheet.width(firstColumn + i, Math.max(14, h.length + 3)));
  sheet.put(sheet.at(1, top), "Pott och fördelning", "subtitle");
  headers.forEach((h, i) => sheet.put(sheet.at(firstColumn + i, top), h, "header"));
  POT_ROWS.forEach((label, r) => sheet.put(sheet.at(1, top + 1 + r), label, "label"));
  sheet.row = top + 1 + POT_ROWS.length + 1;
  return headers.map((_, i) => {
    const at = (r: number) => sheet.at(firstColumn + i, top + 1 + r);
    return {
      pot: at(0),
      steps: at(1),
      totalWeight: at(2),
      leftover: at(3),
      distributed: at(4),
      undistributed: at(5),
      exact: at(6),
    };
  });
}

/**
 * floor(n / d) for whole numbers, exact in every spreadsheet: LibreOffice rounds QUOTIENT's quotient to 15
 * significant digits before flooring (from about 2·10^14 it can come out one too high), so the result is
 * corrected down by one when d × q overshoots n. In Excel the correction is always 0.
 */
export function exactQuotient(n: Expr, d: CellRef): Expr {
  return fx`QUOTIENT(${n},${d})-(${n}-${d}*QUOTIENT(${n},${d})<0)`;
}

/** Keys of the twin columns for one allocation, given a prefix per tier ("b" base, "o" bonus, …). */
export const twinKeys = (prefix: string) => ({
  weight: `${prefix}_vikt`,
  floor: `${prefix}_golv`,
  rest: `${prefix}_rest`,
  extra: `${prefix}_extra`,
  amount: `${prefix}_belopp`,
  engine: `${prefix}_motor`,
  diff: `${prefix}_diff`,
});

export interface TwinSpec {
  readonly prefix: string;
  /** Header text for this allocation, e.g. "Nivå 1" (`ALLOCATION_LABEL`). */
  readonly label: string;
  readonly lines: readonly AllocationLine[];
  readonly cells: PotCells;
  /** The rounding step's name. */
  readonly step: NameRef;
  /** The weight formula for a row (population if qualified, registrations if started, …). */
  readonly weight: (row: RowRefs) => Expr;
  /**
   * The add-in formula, e.g. SKL.PALLIATIVE_SHARE(…): its party argument `row.at("kod")` and its columns
   * `row.col(…)`. In the pane's workbook it is spilled beside the table, one call for the whole column (the
   * party argument is then the code column); a county council writes the same call with its own code.
   */
  readonly addin: (row: RowRefs) => Expr;
  /** Code-number column key for ties. */
  readonly codeNumber: string;
  /** What the amount column is called after "label: " (default `TWIN_PART.amount`, "belopp"). */
  readonly amountHeader?: string;
  /** A base added to the allocated steps (the county grant's base), as a formula term. */
  readonly base?: { readonly ref: NameRef; readonly value: (i: number) => number };
}

/**
 * Each line's amount as the twin's formula gives it ((floor + extra step) × step, plus a base) and as the
 * engine gives it, in kronor: the cached values of the twin's amount and engine columns.
 */
export function twinAmounts(
  lines: readonly AllocationLine[],
  base?: (i: number) => number
): { twin: number[]; engine: number[] } {
  const plus = (i: number) => (base ? base(i) : 0);
  return {
    twin: lines.map((l, i) => l.stepSize.times((l.floorSteps + BigInt(l.extraStep)).toString()).toNumber() + plus(i)),
    engine: lines.map((l, i) => num(l.amount.toNumber()) + plus(i)),
  };
}

/**
 * The native twin of one allocation as table columns: weight, floor, remainder, extra step, amount,
 * then the engine (file) or the add-in formula (Excel), and their difference. DESIGN.md: "Work in whole
 * steps: S = QUOTIENT(pot, step); floor_i = QUOTIENT(S·w_i, Σw); rem_i = S·w_i − Σw·floor_i; …".
 * In the pane's workbook the add-in column and the difference spill beside the table: one call of the
 * add-in function hands Excel each column once per recalculation, where a call per row would hand every
 * column once per row.
 */
export function twinColumns(ctx: PlanContext, spec: TwinSpec): ColumnSpec[] {
  const k = twinKeys(spec.prefix);
  const { cells, lines } = spec;
  const amounts = twinAmounts(lines, spec.base?.value);
  const amountOf = (i: number) => amounts.engine[i];
  const twinOf = (i: number) => amounts.twin[i];
  const engineColumn: ColumnSpec =
    ctx.mode === "file"
      ? {
          key: k.engine,
          header: twinHeader(spec.label, TWIN_PART.engine),
          style: "engine",
          numFmt: FORMAT.kronor,
          width: 13,
          value: amountOf,
        }
      : {
          key: k.engine,
          header: twinHeader(spec.label, TWIN_PART.addin),
          style: "engine",
          numFmt: FORMAT.kronor,
          width: 13,
          formula: spec.addin,
          result: amountOf,
          spill: true,
        };
  const basePart = spec.base ? fx`${spec.base.ref}+` : "";
  return [
    {
      key: k.weight,
      header: twinHeader(spec.label, TWIN_PART.weight),
      style: "calc",
      numFmt: FORMAT.count,
      width: 11,
      formula: spec.weight,
      result: (i) => lines[i].weight.toNumber(),
    },
    {
      key: k.floor,
      header: twinHeader(spec.label, TWIN_PART.floor),
      style: "calc",
      numFmt: FORMAT.count,
      width: 11,
      formula: (r) =>
        fx`IF(${cells.totalWeight}=0,0,${exactQuotient(fx`${cells.steps}*${r.at(k.weight)}`, cells.totalWeight)})`,
      result: (i) => num(lines[i].floorSteps),
    },
    {
      key: k.rest,
      header: twinHeader(spec.label, TWIN_PART.rest),
      style: "calc",
      numFmt: FORMAT.count,
      width: 11,
      formula: (r) => fx`${cells.steps}*${r.at(k.weight)}-${cells.totalWeight}*${r.at(k.floor)}`,
      result: (i) => num(lines[i].remainder),
    },
    {
      key: k.extra,
      header: twinHeader(spec.label, TWIN_PART.extra),
      style: "calc",
      numFmt: FORMAT.count,
      width: 9,
      formula: (r) =>
        fx`IF(AND(${r.at(k.weight)}>0,COUNTIF(${r.col(k.rest)},">"&${r.at(k.rest)})+COUNTIFS(${r.col(k.rest)},${r.at(k.rest)},${r.col(spec.codeNumber)},"<"&${r.at(spec.codeNumber)})<${cells.leftover}),1,0)`,
      result: (i) => lines[i].extraStep,
    },
    {
      key: k.amount,
      header: twinHeader(spec.label, spec.amountHeader ?? TWIN_PART.amount),
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => fx`${basePart}(${r.at(k.floor)}+${r.at(k.extra)})*${spec.step}`,
      result: twinOf,
    },
    engineColumn,
    {
      key: k.diff,
      header: twinHeader(spec.label, TWIN_PART.diff),
      style: "check",
      numFmt: FORMAT.kronor,
      width: 10,
      formula: (r) => fx`${r.at(k.amount)}-${r.at(k.engine)}`,
      result: (i) => twinOf(i) - amountOf(i),
      // Beside the add-in's spill it reads (the twin's column minus the spill), growing with it.
      spill: ctx.mode === "addin",
    },
  ];
}

/** The twin's integers stay exact: S × the largest weight < 2^53 (DESIGN.md). */
export function fitsExactly(allocation: Allocation): boolean {
  const largest = allocation.lines.reduce((m, l) => (l.weight.greaterThan(m) ? l.weight : m), new Money(0));
  return largest.times(allocation.steps.toString()).lessThan(new Money(2).pow(53));
}

/** Fills the reserved pot rows once the table is placed. */
export function fillPotRows(
  sheet: SheetBuilder,
  cells: PotCells,
  table: TableRefs,
  prefix: string,
  allocation: Allocation,
  potFormula: Expr,
  step: NameRef
): void {
  const k = twinKeys(prefix);
  const rows: [CellRef, Expr, number | boolean, "calc" | "amount" | "check"][] = [
    [cells.pot, potFormula, allocation.pot.toNumber(), "calc"],
    [cells.steps, fx`QUOTIENT(${cells.pot},${step})`, num(allocation.steps), "calc"],
    [cells.totalWeight, fx`SUM(${table.col(k.weight)})`, num(allocation.totalScaledWeight), "calc"],
    [
      cells.leftover,
      fx`IF(${cells.totalWeight}=0,0,${cells.steps}-SUM(${table.col(k.floor)}))`,
      num(allocation.leftoverSteps),
      "calc",
    ],
    [
      cells.distributed,
      fx`(SUM(${table.col(k.floor)})+SUM(${table.col(k.extra)}))*${step}`,
      allocation.distributed.toNumber(),
      "amount",
    ],
    [cells.undistributed, fx`${cells.pot}-${cells.distributed}`, allocation.undistributed.toNumber(), "amount"],
    [cells.exact, fx`${cells.steps}*MAX(${table.col(k.weight)})<2^53`, fitsExactly(allocation), "check"],
  ];
  for (const [cell, formula, result, style] of rows)
    sheet.put(cell, { formula, result }, style, style === "check" ? undefined : FORMAT.kronor);
}

/** The registrations a party reported (an input): the same column on Palliativ and on Senior alert. */
export function registrationsColumn(registrations: (i: number) => number): ColumnSpec {
  return {
    key: "reg",
    header: HEADER.registrations,
    style: "input",
    numFmt: FORMAT.count,
    width: 11,
    value: registrations,
  };
}
