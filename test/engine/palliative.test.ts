import fc from "fast-check";
import { partyCode } from "../../src/engine/codes";
import { RuleError } from "../../src/engine/errors";
import { PalliativeInput, palliativeShares } from "../../src/engine/palliative";

const party = (code: string, registrations: number, deaths: number, population: number, row = 1): PalliativeInput => ({
  code: partyCode(code)!,
  row,
  registrations,
  deaths,
  population,
});

describe("palliative registry payout, one tier", () => {
  it("qualifies 2 registrations of 5 deaths at 40 % (at least, exactly)", () => {
    const [line] = palliativeShares([party("0114", 2, 5, 1000)], { pot: 40000000, threshold: 0.4, step: 1 }).lines;
    expect(line.qualifies).toBe(true);
    expect(line.amount.toNumber()).toBe(40000000);
    expect(line.reason).toBe("40,0\u00a0% ≥ 40\u00a0% (2 av 5)");
  });

  it("qualifies 7 of 10 at 70 % (the bonus tier, Cirkulär 10:11, Mål 1), and 6 of 10 not", () => {
    const lines = palliativeShares([party("0114", 7, 10, 100), party("0115", 6, 10, 100)], {
      pot: 10000000,
      threshold: 0.7,
      step: 1,
    }).lines;
    expect(lines.map((l) => l.qualifies)).toEqual([true, false]);
    expect(lines.map((l) => l.amount.toNumber())).toEqual([10000000, 0]);
  });

  it("compares exactly where floating point does not: 55 of 100 reaches 55 % (0.55 × 100 = 55.00000000000001)", () => {
    expect(55 >= 0.55 * 100).toBe(false);
    const [line] = palliativeShares([party("0114", 55, 100, 100)], { pot: 1000, threshold: 0.55, step: 1 }).lines;
    expect(line.qualifies).toBe(true);
    expect(line.amount.toNumber()).toBe(1000);
  });

  it("shares the pot among qualifiers in proportion to population", () => {
    // 0114 (30 %) and 0117 (50 %) qualify at 40 %; 0115 (20 %) does not.
    // Populations 1 000 and 3 000 share 1 000 000 kr: 250 000 and 750 000.
    const lines = palliativeShares(
      [party("0114", 3, 10, 1000), party("0115", 2, 10, 5000), party("0117", 5, 10, 3000)],
      { pot: 1000000, threshold: 0.3, step: 1 }
    ).lines;
    expect(lines.map((l) => l.amount.toNumber())).toEqual([250000, 0, 750000]);
    expect(lines[1].reason).toBe("20,0\u00a0% < 30\u00a0% (2 av 10)");
    expect(lines[1].registrationsToQualify).toBe(1n);
  });

  it("does not qualify a party without deaths, and says why", () => {
    const [line] = palliativeShares([party("0114", 0, 0, 1000)], { pot: 100, threshold: 0.4, step: 1 }).lines;
    expect(line.qualifies).toBe(false);
    expect(line.rate).toBeNull();
    expect(line.reason).toMatch(/^0 dödsfall/);
  });

  it("truncates the shown rate so a rate just below the threshold never reads as the threshold", () => {
    // 399 of 1 000 = 39.9 %; 3 996 of 10 000 = 39.96 % shows 39,9 % (not 40,0 %).
    const [line] = palliativeShares([party("0114", 3996, 10000, 1)], { pot: 100, threshold: 0.4, step: 1 }).lines;
    expect(line.reason).toBe("39,9\u00a0% < 40\u00a0% (3\u00a0996 av 10\u00a0000)");
    expect(line.registrationsToQualify).toBe(4n);
    // The sheet's rate column shows the same cut figure: 0,399.
    expect(line.shownRate?.toString()).toBe("0.399");
  });

  it("says how many fewer registrations would drop a qualifying party below the threshold", () => {
    // 9 of 20 at 40 %: 8 of 20 is exactly 40 % and still qualifies, 7 of 20 does not: 2 fewer.
    const [line] = palliativeShares([party("0114", 9, 20, 1)], { pot: 100, threshold: 0.4, step: 1 }).lines;
    expect(line.registrationsToFallBelow).toBe(2n);
    // At a threshold of 0 even no registrations qualify: nothing would drop it.
    const [always] = palliativeShares([party("0114", 3, 20, 1)], { pot: 100, threshold: 0, step: 1 }).lines;
    expect(always.registrationsToFallBelow).toBeNull();
  });

  it.each([
    [
      "registrations above deaths",
      party("0114", 31, 30, 100, 12),
      /Rad 12 \(0114\): registreringar \(31\) är fler än dödsfall \(30\)/,
    ],
    ["negative deaths", party("0114", 0, -1, 100, 3), /Rad 3 \(0114\): dödsfall .* negativt/],
    [
      "fractional registrations",
      party("0114", 1.5, 3, 100, 4),
      /Rad 4 \(0114\): registreringar \(1,5\) måste vara ett helt tal/,
    ],
  ])("rejects %s, naming the row and party", (_what, bad, message) => {
    expect(() => palliativeShares([bad], { pot: 100, threshold: 0.4, step: 1 })).toThrow(message);
  });

  it("rejects a threshold written as a percentage (40 instead of 0.4)", () => {
    expect(() => palliativeShares([party("0114", 1, 2, 3)], { pot: 100, threshold: 40, step: 1 })).toThrow(RuleError);
    expect(() => palliativeShares([party("0114", 1, 2, 3)], { pot: 100, threshold: 40, step: 1 })).toThrow(
      /0,4 för 40 %/
    );
  });

  it("rejects the same party twice, also when one code lost its leading zero", () => {
    expect(() =>
      palliativeShares([party("0114", 1, 2, 3, 1), party("114", 1, 2, 3, 2)], { pot: 100, threshold: 0.4, step: 1 })
    ).toThrow(/Rad 2 \(114\): koden 114 finns redan på rad 1/);
  });
});

describe("palliative registry payout, properties", () => {
  const rowsArb = fc.uniqueArray(fc.integer({ min: 1, max: 2599 }), { minLength: 1, maxLength: 25 }).chain((codes) =>
    fc.tuple(
      ...codes.map((c) =>
        fc
          .record({
            deaths: fc.integer({ min: 0, max: 500 }),
            population: fc.integer({ min: 0, max: 900000 }),
            p: fc.double({ min: 0, max: 1, noNaN: true }),
          })
          .map(({ deaths, population, p }) =>
            party(String(c).padStart(4, "0"), Math.floor(deaths * p), deaths, population)
          )
      )
    )
  );
  const tierArb = fc.record({
    pot: fc.integer({ min: 0, max: 50_000_000 }),
    threshold: fc.constantFrom(0.4, 0.5, 0.7, 0.35, 1, 0),
    step: fc.constantFrom(1, 1000, 100000),
  });

  it("pays nothing to parties that do not qualify, and qualifies exactly by registrations ≥ threshold × deaths", () => {
    fc.assert(
      fc.property(rowsArb, tierArb, (rows, tier) => {
        const result = palliativeShares(rows, tier);
        result.lines.forEach((l, i) => {
          // Integer comparison: registrations·100 ≥ (threshold·100)·deaths with threshold·100 a whole number.
          const expected =
            (rows[i].deaths as number) > 0 &&
            (rows[i].registrations as number) * 100 >= Math.round(tier.threshold * 100) * (rows[i].deaths as number);
          expect(l.qualifies).toBe(expected);
          if (!l.qualifies) expect(l.amount.isZero()).toBe(true);
        });
      }),
      { numRuns: 1000 }
    );
  });

  it("never lowers a party's amount when its population rises and nothing else changes", () => {
    fc.assert(
      fc.property(
        rowsArb,
        tierArb,
        fc.nat({ max: 24 }),
        fc.integer({ min: 1, max: 500000 }),
        (rows, tier, pick, extra) => {
          const i = pick % rows.length;
          const before = palliativeShares(rows, tier).lines[i].amount;
          const raised = rows.map((r, j) => (j === i ? { ...r, population: (r.population as number) + extra } : r));
          const after = palliativeShares(raised, tier).lines[i].amount;
          expect(after.greaterThanOrEqualTo(before)).toBe(true);
        }
      ),
      { numRuns: 1000 }
    );
  });
});
