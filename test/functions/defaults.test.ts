import { DEFAULTS } from "../../src/functions/defaults";
import parameters from "../../data/parameters.json";

describe("the custom functions' defaults for a left-out argument", () => {
  it("come from data/parameters.json, the one source of the figures", () => {
    const newest = parameters.years[parameters.years.length - 1];
    expect(DEFAULTS).toEqual({
      roundingStep: newest.paymentStepKr,
      somatic: { dayLimit: newest.dischargeDayLimit, averageLimit: newest.dischargeAverageLimit },
      psychiatry: { dayLimit: newest.psychiatryDayLimit, averageLimit: newest.psychiatryAverageLimit },
    });
    // As the Kalmar presentation gives them: 3 days, 20 in psychiatry; whole kronor.
    expect([DEFAULTS.roundingStep, DEFAULTS.somatic.dayLimit, DEFAULTS.psychiatry.dayLimit]).toEqual([1, 3, 20]);
  });
});
