import { dischargeSettlement } from "../../src/engine/discharge";

const individuals = (days: number[]) => days.map((d, i) => ({ row: i + 1, days: d }));

describe("Kalmar discharge settlement", () => {
  it("bills every day above 3 per individual when the monthly average is above 3", () => {
    // Days 2, 5, 6: average 13/3 = 4.33 > 3; billed days (5−3) + (6−3) = 5; at 7 000 kr → 35 000 kr.
    const result = dischargeSettlement(individuals([2, 5, 6]), { pricePerDay: 7000 });
    expect(result.billed).toBe(true);
    expect(result.billableDays.toNumber()).toBe(5);
    expect(result.amount.toNumber()).toBe(35000);
    expect(result.reason).toBe("Snittet 13 / 3 ≈ 4,33 dagar > 3: 5 dagar över 3 debiteras");
  });

  it("bills nothing when the average is exactly 3 (it must exceed 3)", () => {
    // Days 3, 1, 5: average 3 → no billing although one individual has 5 days.
    const result = dischargeSettlement(individuals([3, 1, 5]), { pricePerDay: 1000 });
    expect(result.amount.toNumber()).toBe(0);
    expect(result.reason).toBe("Snittet 9 / 3 = 3,00 dagar ≤ 3: ingen debitering");
  });

  it("bills psychiatry for days above 20 per individual, without the average condition", () => {
    // Days 25, 2, 21: (25−20) + (21−20) = 6 days × 1 000 kr.
    const result = dischargeSettlement(individuals([25, 2, 21]), { pricePerDay: 1000, dayLimit: 20, averageLimit: 0 });
    expect(result.amount.toNumber()).toBe(6000);
  });

  it("keeps öre exact: 81 days at 8 500,50 kr is 688 540,50 kr", () => {
    const result = dischargeSettlement(individuals([84]), { pricePerDay: 8500.5 });
    expect(result.amount.toString()).toBe("688540.5");
  });

  it("bills nothing when nobody was reported", () => {
    expect(dischargeSettlement([], { pricePerDay: 1000 }).reason).toMatch(/Inga individer/);
  });

  it("rejects negative or fractional days, naming the row", () => {
    expect(() => dischargeSettlement(individuals([1, -2]), { pricePerDay: 1 })).toThrow(
      /Rad 2: utskrivningsklara dagar/
    );
    expect(() => dischargeSettlement(individuals([1.5]), { pricePerDay: 1 })).toThrow(/helt tal/);
  });
});
