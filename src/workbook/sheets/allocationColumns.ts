import { AllocationLine, Allocation } from "../../engine/allocate";
import { onSheet } from "../a1";
import { FORMAT } from "../plan";
import { ColumnSpec, RowRefs, SheetBuilder, TableRefs } from "../sheetBuilder";
import { num, PlanContext } from "./context";
import { TWIN_PART, twinHeader } from "./names";

/** The cells above a pot table that its twin formulas read: the pot, its steps, the total weight and what is left. */
export interface PotCells {
  /** Absolute references on the table's own sheet. */
  readonly pot: string;
  readonly steps: string;
  readonly totalWeight: string;
  readonly leftover: string;
  readonly distributed: string;
  readonly undistributed: string;
  readonly exact: string;
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
  headers.forEach((h, i) => sheet.width(String.fromCharCode(64 + firstColumn + i), Math.max(14, h.length + 3)));
  sheet.put(`A${top}`, "Pott och fördelning", "subtitle");
  headers.forEach((h, i) => sheet.put(`${String.fromCharCode(64 + firstColumn + i)}${top}`, h, "header"));
  POT_ROWS.forEach((label, r) => sheet.put(`A${top + 1 + r}`, label, "label"));
  sheet.row = top + 1 + POT_ROWS.length + 1;
  return headers.map((_, i) => {
    const c = `$${String.fromCharCode(64 + firstColumn + i)}$`;
    const at = (r: number) => `${c}${top + 1 + r}`;
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
export function exactQuotient(n: string, d: string): string {
  return `QUOTIENT(${n},${d})-(${n}-${d}*QUOTIENT(${n},${d})<0)`;
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
  /** The rounding step (a name or reference). */
  readonly step: string;
  /** The weight formula for a row (population if qualified, registrations if started, …). */
  readonly weight: (row: RowRefs) => string;
  /** The add-in formula for a row, e.g. SKL.PALLIATIVE_SHARE(…). */
  readonly addin: (row: RowRefs) => string;
  /** Code-number column key for ties. */
  readonly codeNumber: string;
  /** What the amount column is called after "label: " (default `TWIN_PART.amount`, "belopp"). */
  readonly amountHeader?: string;
  /** A base added to the allocated steps (the county grant's base), as a formula term. */
  readonly base?: { readonly ref: string; readonly value: (i: number) => number };
}

/**
 * The native twin of one allocation as table columns: weight, floor, remainder, extra step, amount,
 * then the engine (file) or the add-in formula (Excel), and their difference. DESIGN.md: "Work in whole
 * steps: S = QUOTIENT(pot, step); floor_i = QUOTIENT(S·w_i, Σw); rem_i = S·w_i − Σw·floor_i; …".
 */
export function twinColumns(ctx: PlanContext, spec: TwinSpec): ColumnSpec[] {
  const k = twinKeys(spec.prefix);
  const { cells, lines } = spec;
  const amountOf = (i: number) => num(lines[i].amount.toNumber()) + (spec.base ? spec.base.value(i) : 0);
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
        };
  const basePart = spec.base ? `${spec.base.ref}+` : "";
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
        `IF(${cells.totalWeight}=0,0,${exactQuotient(`${cells.steps}*${r.at(k.weight)}`, cells.totalWeight)})`,
      result: (i) => num(lines[i].floorSteps),
    },
    {
      key: k.rest,
      header: twinHeader(spec.label, TWIN_PART.rest),
      style: "calc",
      numFmt: FORMAT.count,
      width: 11,
      formula: (r) => `${cells.steps}*${r.at(k.weight)}-${cells.totalWeight}*${r.at(k.floor)}`,
      result: (i) => num(lines[i].remainder),
    },
    {
      key: k.extra,
      header: twinHeader(spec.label, TWIN_PART.extra),
      style: "calc",
      numFmt: FORMAT.count,
      width: 9,
      formula: (r) =>
        `IF(AND(${r.at(k.weight)}>0,COUNTIF(${r.col(k.rest)},">"&${r.at(k.rest)})+COUNTIFS(${r.col(k.rest)},${r.at(k.rest)},${r.col(spec.codeNumber)},"<"&${r.at(spec.codeNumber)})<${cells.leftover}),1,0)`,
      result: (i) => lines[i].extraStep,
    },
    {
      key: k.amount,
      header: twinHeader(spec.label, spec.amountHeader ?? TWIN_PART.amount),
      style: "amount",
      numFmt: FORMAT.kronor,
      width: 13,
      formula: (r) => `${basePart}(${r.at(k.floor)}+${r.at(k.extra)})*${spec.step}`,
      result: amountOf,
    },
    engineColumn,
    {
      key: k.diff,
      header: twinHeader(spec.label, TWIN_PART.diff),
      style: "check",
      numFmt: FORMAT.kronor,
      width: 10,
      formula: (r) => `${r.at(k.amount)}-${r.at(k.engine)}`,
      result: () => 0,
    },
  ];
}

/** Fills the reserved pot rows once the table is placed. */
export function fillPotRows(
  sheet: SheetBuilder,
  cells: PotCells,
  table: TableRefs,
  prefix: string,
  allocation: Allocation,
  potFormula: string,
  step: string
): void {
  const k = twinKeys(prefix);
  const strip = (ref: string) => ref.replace(/\$/g, "");
  const maxWeight = allocation.lines.reduce((m, l) => (l.weight.greaterThan(m) ? l.weight.toNumber() : m), 0);
  sheet.put(strip(cells.pot), { formula: potFormula, result: allocation.pot.toNumber() }, "calc", "#,##0");
  sheet.put(
    strip(cells.steps),
    { formula: `QUOTIENT(${cells.pot},${step})`, result: num(allocation.steps) },
    "calc",
    "#,##0"
  );
  sheet.put(
    strip(cells.totalWeight),
    { formula: `SUM(${table.col(k.weight)})`, result: num(allocation.totalScaledWeight) },
    "calc",
    "#,##0"
  );
  sheet.put(
    strip(cells.leftover),
    {
      formula: `IF(${cells.totalWeight}=0,0,${cells.steps}-SUM(${table.col(k.floor)}))`,
      result: num(allocation.leftoverSteps),
    },
    "calc",
    "#,##0"
  );
  sheet.put(
    strip(cells.distributed),
    {
      formula: `(SUM(${table.col(k.floor)})+SUM(${table.col(k.extra)}))*${step}`,
      result: allocation.distributed.toNumber(),
    },
    "amount",
    "#,##0"
  );
  sheet.put(
    strip(cells.undistributed),
    { formula: `${cells.pot}-${cells.distributed}`, result: allocation.undistributed.toNumber() },
    "amount",
    "#,##0"
  );
  sheet.put(
    strip(cells.exact),
    {
      formula: `${cells.steps}*MAX(${table.col(k.weight)})<2^53`,
      result: allocation.steps * BigInt(Math.round(maxWeight)) < 2n ** 53n,
    },
    "check"
  );
}

/** A check row's reference to a pot cell from the reconciliation sheet. */
export const potRef = (sheet: string, ref: string): string => onSheet(sheet, ref);
