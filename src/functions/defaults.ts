/**
 * The figures a custom function takes when its optional argument is left out: from `data/parameters.json`,
 * the one source of the workbook's figures, so that a default is never written twice. The newest year of
 * the file gives them; its notes say where each figure comes from. The engine has no defaults of its own:
 * its rules are given every figure (and import nothing from above the engine).
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
