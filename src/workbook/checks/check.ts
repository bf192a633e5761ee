/**
 * A check on `Avstämning`, declared: its value and what it is compared with (each a formula and the value
 * the engine's results give it), the comparison, whether a failure is only informational, what it is about
 * and how the pane finds the cells that fail it. The sheet writes the formulas; the cached status is the
 * same comparison made on the computed values, so a check's cached result is never a literal.
 */
import { CellValue, FailingCells, NamePlan } from "../plan";
import { asRange, Expr, fx, join, RangeRef } from "../refs";

/** A formula and the value it has on the inputs the file is written from. */
export interface Computed {
  readonly formula: Expr;
  readonly result: number | boolean;
}

/** OK when value = expected, value ≤ expected, value ≥ expected, or the value is TRUE. */
export type Compare = "=" | "<=" | ">=" | "true";

export interface Check {
  readonly id: string;
  readonly label: string;
  /** The sheet the check is about, shown in the "Blad" column. */
  readonly where: string;
  readonly value: Computed;
  readonly expected: Computed;
  readonly compare: Compare;
  /** A difference that must show but is not an error in the workbook (the sources' own figures). */
  readonly informational?: boolean;
  /**
   * For a comparison with values the engine computed when the file was written: TRUE when the inputs it
   * compares from have changed since (the status is then INFO, not FEL).
   */
  readonly inputsChanged?: Expr;
  readonly targets: readonly RangeRef[];
  readonly failing: FailingCells;
  /** Which parties the check is about, in words (names and conditions), as a formula and its value when written. */
  readonly detail?: { readonly formula: Expr; readonly result: string };
}

/**
 * A list in words of the rows that a test picks ("Örebro län (plan för utvecklingsarbetet); …"), as a formula over
 * the rows' cells and as the text the written values give. Each item is its test, its text, and its cached text
 * (undefined when the item is not in the list).
 */
export function listOf(
  items: readonly { readonly when: Expr; readonly text: Expr; readonly value: string | undefined }[]
): { formula: Expr; result: string } {
  if (items.length === 0) return { formula: fx`""`, result: "" };
  const parts = join(
    items.map((item) => fx`IF(${item.when},"; "&${item.text},"")`),
    "&"
  );
  return {
    formula: fx`MID(${parts},3,2000)`,
    result: items.flatMap((item) => (item.value === undefined ? [] : [item.value])).join("; "),
  };
}

/** The comparison as a formula on the value and expected cells. */
export function condition(compare: Compare, value: Expr, expected: Expr): Expr {
  return compare === "true" ? value : fx`${value}${compare}${expected}`;
}

/** The comparison made on the computed values: does the check pass? */
export function passes(check: Pick<Check, "compare" | "value" | "expected">): boolean {
  const v = check.value.result;
  const e = check.expected.result;
  switch (check.compare) {
    case "true":
      return v === true;
    case "=":
      return v === e;
    case "<=":
      return v <= e;
    case ">=":
      return v >= e;
  }
}

/** The status the sheet shows: OK, INFO for an informational difference, else FEL. */
export function statusOf(check: Check): "OK" | "INFO" | "FEL" {
  return passes(check) ? "OK" : check.informational ? "INFO" : "FEL";
}

/** A constant to compare with: its formula is the number itself. */
export function constant(value: number | boolean): Computed {
  return { formula: typeof value === "boolean" ? fx`${value ? "TRUE()" : "FALSE()"}` : fx`${value}`, result: value };
}

/**
 * A check that counts what should not be there (unknown codes, rows marked FEL, …): OK at 0, the failing
 * cells the ones the count counts.
 */
export function noneFound(spec: Omit<Check, "value" | "expected" | "compare"> & { readonly count: Computed }): Check {
  const { count, ...rest } = spec;
  return { ...rest, value: count, expected: constant(0), compare: "=" };
}

/**
 * What `MAX(d)-MIN(d)+ABS(MAX(d))` gives over a column of differences: 0 exactly when every difference is 0
 * (the twin's check on a column), computed on the values the column is written with.
 */
export function spread(differences: readonly number[]): number {
  if (differences.length === 0) return 0;
  const max = Math.max(...differences);
  return max - Math.min(...differences) + Math.abs(max);
}

/** The formula of `spread` over a column. */
export function spreadFormula(column: RangeRef): Expr {
  return fx`MAX(${column})-MIN(${column})+ABS(MAX(${column}))`;
}

/** Adds numbers (kronor from the sheets' cached values). */
export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export type { CellValue };

/** The cells of some workbook names, as ranges to select. */
export function namedCells(names: readonly NamePlan[], ...wanted: string[]): RangeRef[] {
  return wanted.map((name) => {
    const ref = names.find((x) => x.name === name)?.ref;
    if (ref === undefined) throw new Error(`Namnet ${name} saknas i planen`);
    return asRange(ref);
  });
}
