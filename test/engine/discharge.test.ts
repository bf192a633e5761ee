import {
  countyMonthlyAverages,
  dischargeOutlook,
  dischargeSettlement,
  settleDischargeGroups,
} from "../../src/engine/discharge";

/** The somatic limits of bild 10 ("tre dagar"): 3 days per individual, an average above 3. */
const SOMATIC = { dayLimit: 3, averageLimit: 3 };
const individuals = (days: number[]) => days.map((d, i) => ({ row: i + 1, days: d }));

describe("Kalmar discharge settlement", () => {
  it("bills every day above 3 per individual when the monthly average is above 3", () => {
    // Days 2, 5, 6: average 13/3 = 4.33 > 3; billed days (5−3) + (6−3) = 5; at 7 000 kr → 35 000 kr.
    const result = dischargeSettlement(individuals([2, 5, 6]), { pricePerDay: 7000, ...SOMATIC });
    expect(result.billed).toBe(true);
    expect(result.billableDays.toNumber()).toBe(5);
    expect(result.amount.toNumber()).toBe(35000);
    expect(result.reason).toBe("Snittet 13 / 3 ≈ 4,33 dagar > 3: 5 dagar över 3 debiteras");
  });

  it("bills nothing when the average is exactly 3 (it must exceed 3)", () => {
    // Days 3, 1, 5: average 3 → no billing although one individual has 5 days.
    const result = dischargeSettlement(individuals([3, 1, 5]), { pricePerDay: 1000, ...SOMATIC });
    expect(result.amount.toNumber()).toBe(0);
    expect(result.reason).toBe("Snittet 9 / 3 = 3,00 dagar ≤ 3: ingen debitering");
  });

  it("bills psychiatry for days above 20 per individual, without the average condition", () => {
    // Days 25, 2, 21: (25−20) + (21−20) = 6 days × 1 000 kr.
    const result = dischargeSettlement(individuals([25, 2, 21]), { pricePerDay: 1000, dayLimit: 20, averageLimit: 0 });
    expect(result.amount.toNumber()).toBe(6000);
  });

  it("neither asks for an analysis nor bills psychiatry where no individual is over 20 days", () => {
    // Kalmar's psychiatry in a month: one individual, 17 days. No average condition (limit 0), and 17 ≤ 20.
    const result = dischargeSettlement(individuals([17]), { pricePerDay: 7000, dayLimit: 20, averageLimit: 0 });
    expect(result.billed).toBe(false);
    expect(result.amount.toNumber()).toBe(0);
    expect(result.reason).toBe(
      "Snittet 17 / 1 = 17,00 dagar > 0, men ingen individ har fler än 20 dagar: ingen debitering"
    );
  });

  it("keeps öre exact: 81 days at 8 500,50 kr is 688 540,50 kr", () => {
    const result = dischargeSettlement(individuals([84]), { pricePerDay: 8500.5, ...SOMATIC });
    expect(result.amount.toString()).toBe("688540.5");
  });

  it("bills nothing when nobody was reported", () => {
    expect(dischargeSettlement([], { pricePerDay: 1000, ...SOMATIC }).reason).toMatch(/Inga individer/);
  });

  it("rejects negative or fractional days, naming the row", () => {
    expect(() => dischargeSettlement(individuals([1, -2]), { pricePerDay: 1, ...SOMATIC })).toThrow(
      /Rad 2: utskrivningsklara dagar/
    );
    expect(() => dischargeSettlement(individuals([1.5]), { pricePerDay: 1, ...SOMATIC })).toThrow(/helt tal/);
  });
});

describe("groups of a month: municipality, month and kind of care", () => {
  const rules = {
    pricePerDay: 7000,
    somatic: { dayLimit: 3, averageLimit: 3 },
    psychiatry: { dayLimit: 20, averageLimit: 0 },
  };
  const record = (
    municipality: string,
    month: string,
    care: "somatisk" | "psykiatri",
    individual: string,
    days: number,
    after = days
  ) => ({
    municipality,
    month,
    care,
    individual,
    daysReported: days,
    daysAfterAnalysis: after,
  });

  it("groups individuals in any order, each group with its care's limits, analysis and bill", () => {
    const groups = settleDischargeGroups(
      [
        record("0880", "2018-02", "psykiatri", "P1", 17),
        record("0880", "2018-02", "somatisk", "S2", 6, 5),
        record("0860", "2018-02", "somatisk", "S1", 2),
        record("0880", "2018-02", "somatisk", "S1", 5, 2),
      ],
      rules
    );
    expect(groups.map((g) => g.key)).toEqual([
      "0860 2018-02 somatisk",
      "0880 2018-02 somatisk",
      "0880 2018-02 psykiatri",
    ]);
    // 0880 somatic: reported 5 + 6 = 11 over 2 individuals (5,5 > 3): analysis. After: 2 + 5 = 7 (3,5 > 3):
    // billed (5 − 3) = 2 days, 14 000 kr.
    const somatic = groups[1];
    expect(somatic.analysisRequired).toBe(true);
    expect(somatic.settled.billableDays.toNumber()).toBe(2);
    expect(somatic.settled.amount.toNumber()).toBe(14000);
    // Psychiatry, 17 days: no individual over 20, so no analysis and no bill.
    expect(groups[2].analysisRequired).toBe(false);
    expect(groups[2].settled.billed).toBe(false);
  });

  it("says how far a group is from the other outcome", () => {
    const [billed] = settleDischargeGroups(
      [record("0880", "2018-03", "somatisk", "A", 9), record("0880", "2018-03", "somatisk", "B", 4)],
      rules
    );
    // 13 days for 2 individuals: billing stops at ⌊3 × 2⌋ = 6 days, 7 fewer.
    expect(dischargeOutlook(billed.reported, billed.settled)).toMatchObject({ kind: "billed" });
    const outlook = dischargeOutlook(billed.reported, billed.settled);
    if (outlook.kind !== "billed") throw new Error(outlook.kind);
    expect([outlook.fewer.toNumber(), outlook.allowed.toNumber()]).toEqual([7, 6]);
    // Reported 4 + 4, after analysis 2 + 3 = 5: billing needs 7, 2 more; the analysis took away 3, so reachable.
    const [notBilled] = settleDischargeGroups(
      [record("0880", "2018-04", "somatisk", "A", 4, 2), record("0880", "2018-04", "somatisk", "B", 4, 3)],
      rules
    );
    const other = dischargeOutlook(notBilled.reported, notBilled.settled);
    if (other.kind !== "notBilled") throw new Error(other.kind);
    expect([other.needed.toNumber(), other.more.toNumber(), other.removed.toNumber(), other.reachable]).toEqual([
      7,
      2,
      3,
      true,
    ]);
  });

  it("gives the county's somatic average per month against the goal, exactly", () => {
    const groups = settleDischargeGroups(
      [
        record("0860", "2018-01", "somatisk", "A", 2),
        record("0880", "2018-01", "somatisk", "B", 2),
        record("0880", "2018-01", "psykiatri", "C", 30),
        record("0880", "2018-02", "somatisk", "D", 3),
      ],
      rules
    );
    // January: 4 days / 2 individuals = 2,0, at the goal (not above it); psychiatry is not counted. February: 3 > 2.
    const months = countyMonthlyAverages(groups, 2);
    expect(months.map((m) => [m.month, m.individuals, m.average?.toNumber(), m.withinGoal])).toEqual([
      ["2018-01", 2, 2, true],
      ["2018-02", 1, 3, false],
    ]);
  });
});
