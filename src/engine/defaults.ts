/**
 * The figures the rules fall back on when a caller leaves them out (a custom function's optional argument):
 * taken from `data/parameters.json`, the one source of the workbook's figures, so that a default is never
 * written twice. The newest year of the file gives them; its notes say where each figure comes from.
 */
import parameters from "../../data/parameters.json";

const newest = parameters.years.reduce((a, b) => (b.year > a.year ? b : a));

export const DEFAULTS = {
  /** Whole kronor (`paymentStepKr`). */
  roundingStep: newest.paymentStepKr,
  /** Somatic care: days per individual not billed, and the monthly average that must be exceeded. */
  somatic: { dayLimit: newest.dischargeDayLimit, averageLimit: newest.dischargeAverageLimit },
  /** Psychiatry: 20 days per individual; 0 = no average condition (open in the source: a parameter). */
  psychiatry: { dayLimit: newest.psychiatryDayLimit, averageLimit: newest.psychiatryAverageLimit },
} as const;
