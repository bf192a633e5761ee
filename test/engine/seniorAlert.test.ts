import { partyCode } from "../../src/engine/codes";
import { seniorAlertPayout } from "../../src/engine/seniorAlert";

const party = (code: string, qualifies: boolean, registrations: number, row = 1) => ({
  code: partyCode(code)!,
  row,
  qualifies,
  registrations,
});

describe("Senior alert payout", () => {
  it("pays the pot per registration to the qualifying parties only", () => {
    // 50 000 000 kr over 1 000 + 4 000 qualifying registrations = 10 000 kr per registration.
    const result = seniorAlertPayout(
      [party("0114", true, 1000), party("0115", false, 9000), party("0117", true, 4000)],
      { pot: 50000000, step: 1 }
    );
    expect(result.perRegistration?.toNumber()).toBe(10000);
    expect(result.lines.map((l) => l.amount.toNumber())).toEqual([10000000, 0, 40000000]);
    expect(result.lines[1].reason).toMatch(/har inte startat/);
  });

  it("rounds by largest remainder so the payouts add up to the pot", () => {
    // 100 kr over 3 registrations each for three parties: 33.33 each → 34, 33, 33 (lowest code first).
    const lines = seniorAlertPayout([party("0117", true, 3), party("0115", true, 3), party("0114", true, 3)], {
      pot: 100,
      step: 1,
    }).lines;
    expect(lines.map((l) => l.amount.toNumber())).toEqual([33, 33, 34]);
  });

  it("reports the whole pot as unallocated when nobody qualifies", () => {
    const result = seniorAlertPayout([party("0114", false, 10)], { pot: 50000000, step: 1 });
    expect(result.allocation.undistributed.toNumber()).toBe(50000000);
    expect(result.perRegistration).toBeNull();
  });

  it("rejects negative or fractional registrations, naming the party", () => {
    expect(() => seniorAlertPayout([party("0114", true, -2, 7)], { pot: 1, step: 1 })).toThrow(
      /Rad 7 \(0114\): registreringar/
    );
    expect(() => seniorAlertPayout([party("0114", true, 2.5, 7)], { pot: 1, step: 1 })).toThrow(/helt tal/);
  });
});
