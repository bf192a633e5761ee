import fc from "fast-check";
import { allocateLargestRemainder, scaledWeights } from "../../src/engine/allocate";
import { compareCodes, partyCode, PartyCode } from "../../src/engine/codes";
import { Money } from "../../src/engine/money";

const code = (text: string): PartyCode => partyCode(text)!;
function allocate(pot: number, step: number, pairs: [string, number | string][]) {
  const scaled = scaledWeights(pairs.map(([, w]) => new Money(w)));
  const claims = pairs.map(([c], i) => ({ code: code(c), weight: scaled.weights[i] }));
  return allocateLargestRemainder(new Money(pot), new Money(step), claims, scaled.scale);
}
const amounts = (pot: number, step: number, pairs: [string, number | string][]) =>
  allocate(pot, step, pairs).lines.map((l) => l.amount.toNumber());

describe("allocateLargestRemainder", () => {
  it("pays each party its quota when the quotas are whole", () => {
    // 600 kr by 1:2:3 → 100, 200, 300 exactly.
    expect(
      amounts(600, 1, [
        ["0114", 1],
        ["0115", 2],
        ["0117", 3],
      ])
    ).toEqual([100, 200, 300]);
  });

  it("gives the leftover krona to the lowest code when the remainders tie (DESIGN.md: 33, 34, 33)", () => {
    // 100 kr over three equal weights: floors 33 each, one krona left, codes 0180, 0114, 0127 → 0114 gets it.
    expect(
      amounts(100, 1, [
        ["0180", 1],
        ["0114", 1],
        ["0127", 1],
      ])
    ).toEqual([33, 34, 33]);
  });

  it("gives the leftover steps to the largest remainders", () => {
    // 10 kr by 1:1:5 → quotas 1.43, 1.43, 7.14: floors 1, 1, 7 (9), one left to a .43 remainder (lowest code).
    expect(
      amounts(10, 1, [
        ["02", 5],
        ["01", 1],
        ["03", 1],
      ])
    ).toEqual([7, 2, 1]);
    // 100 kr by 0.2:0.3:0.5 → 20, 30, 50 (decimal weights are exact too).
    expect(
      amounts(100, 1, [
        ["a", "0.2"],
        ["b", "0.3"],
        ["c", "0.5"],
      ])
    ).toEqual([20, 30, 50]);
  });

  it("pays in whole steps and reports what is below one step", () => {
    // 10 500 kr in steps of 1 000 → 10 steps shared 1:1 → 5 000 each; 500 kr undistributed.
    const result = allocate(10500, 1000, [
      ["01", 1],
      ["02", 1],
    ]);
    expect(result.lines.map((l) => l.amount.toNumber())).toEqual([5000, 5000]);
    expect(result.undistributed.toNumber()).toBe(500);
    expect(result.distributed.toNumber()).toBe(10000);
  });

  it("reports the whole pot as undistributed when nobody has a weight, instead of dividing by zero", () => {
    const result = allocate(40000000, 1, [
      ["01", 0],
      ["02", 0],
    ]);
    expect(result.lines.map((l) => l.amount.toNumber())).toEqual([0, 0]);
    expect(result.undistributed.toNumber()).toBe(40000000);
  });

  it("orders numeric codes by value, so 114 typed as a number ties like 0114", () => {
    // 2 kr over three equal weights: the two lowest codes (0114 as 114, then 0127) get a krona each.
    expect(
      amounts(2, 1, [
        ["0180", 1],
        ["0127", 1],
        ["114", 1],
      ])
    ).toEqual([0, 1, 1]);
  });

  it("explains each line: floor, remainder rank, adjustment and quota", () => {
    const [a, b] = allocate(10, 1, [
      ["01", 1],
      ["02", 2],
    ]).lines;
    // quotas 3.33 and 6.67: floors 3 and 6, the one left krona goes to 02 (remainder .67 ranks first).
    expect(a.floorAmount.toNumber()).toBe(3);
    expect(b.remainderRank).toBe(1);
    expect(a.remainderRank).toBe(2);
    expect(b.adjustment.toNumber()).toBe(1);
    expect(a.adjustment.toNumber()).toBe(0);
    expect(b.quota.toFixed(4)).toBe("6.6667");
  });
});

describe("allocateLargestRemainder, ties", () => {
  it("ties two different weights that leave the same remainder, by code", () => {
    // 2 kr by 1 : 3 → quotas 0.5 and 1.5: floors 0 and 1, remainders 2 × 1 − 4 × 0 = 2 and 2 × 3 − 4 × 1 = 2,
    // equal although the weights differ; the one leftover krona goes to the lower code.
    expect(
      amounts(2, 1, [
        ["02", 1],
        ["01", 3],
      ])
    ).toEqual([0, 2]);
    expect(
      amounts(2, 1, [
        ["01", 1],
        ["02", 3],
      ])
    ).toEqual([1, 1]);
  });

  it("ranks many equal weights by code, with the leftover to the lowest codes", () => {
    // 12 kr over five equal weights and one of 0: quotas 2.4, floors 2, and the 2 steps left go to the two
    // lowest codes (0101, 0102); the ranks follow code order, none for the weight 0.
    const lines = allocate(12, 1, [
      ["0105", 1],
      ["0102", 1],
      ["0199", 0],
      ["0104", 1],
      ["0101", 1],
      ["0103", 1],
    ]).lines;
    expect(lines.map((l) => l.amount.toNumber())).toEqual([2, 3, 0, 2, 3, 2]);
    expect(lines.map((l) => l.remainderRank)).toEqual([5, 2, null, 4, 1, 3]);
  });

  it("ranks remainders too large to pack in 64 bits exactly as well", () => {
    // Weights 2^62, 2^62 and 1: the total 2^63 + 1 is above what the packed sort takes. 3 steps: quotas
    // just below 1.5, 1.5 and just above 0; floors 1, 1, 0; the two equal weights tie in remainder
    // (2^62 − 1, above the third's 3), so the leftover step goes to the lower code, 0001.
    const big = 2n ** 62n;
    const claims = [
      { code: code("0002"), weight: big },
      { code: code("0001"), weight: big },
      { code: code("0003"), weight: 1n },
    ];
    const lines = allocateLargestRemainder(new Money(3), new Money(1), claims).lines;
    expect(lines.map((l) => l.amount.toNumber())).toEqual([1, 2, 0]);
    expect(lines.map((l) => l.remainderRank)).toEqual([2, 1, 3]);
  });
});

// ---- properties -------------------------------------------------------------------------------------

const NUM_RUNS = 1000;
const stepArb = fc.oneof(fc.constant(1), fc.constant(1000), fc.constant(500000), fc.integer({ min: 1, max: 100000 }));
const tableArb = fc.uniqueArray(fc.integer({ min: 1, max: 2599 }), { minLength: 1, maxLength: 30 }).chain((codes) =>
  fc.record({
    codes: fc.constant(codes.map((c) => String(c).padStart(4, "0"))),
    weights: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000000 })), {
      minLength: codes.length,
      maxLength: codes.length,
    }),
    pot: fc.integer({ min: 0, max: 2_000_000_000 }),
    step: stepArb,
  })
);

function run(t: { codes: string[]; weights: number[]; pot: number; step: number }) {
  return allocateLargestRemainder(
    new Money(t.pot),
    new Money(t.step),
    t.codes.map((c, i) => ({ code: code(c), weight: BigInt(t.weights[i]) }))
  );
}

describe("allocateLargestRemainder, properties", () => {
  it("adds the parts up to the distributed pot, and distributed + undistributed to the pot", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const r = run(t);
        const sum = r.lines.reduce((s, l) => s.plus(l.amount), new Money(0));
        expect(sum.equals(r.distributed)).toBe(true);
        expect(r.distributed.plus(r.undistributed).equals(t.pot)).toBe(true);
        expect(r.undistributed.lessThan(t.step) || r.totalWeight.isZero()).toBe(true);
      }),
      { numRuns: NUM_RUNS }
    );
  });

  it("never pays a negative amount, and pays whole steps", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        for (const l of run(t).lines) {
          expect(l.amount.isNegative() && !l.amount.isZero()).toBe(false);
          expect(l.amount.modulo(t.step).isZero()).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS }
    );
  });

  it("pays each party within one step of its exact quota", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const r = run(t);
        const totalWeight = t.weights.reduce((a, b) => a + b, 0);
        r.lines.forEach((l, i) => {
          // |amount − distributed·w/W| < step ⇔ |amount·W − distributed·w| < step·W, all in integers.
          const lhs = l.amount.times(totalWeight).minus(r.distributed.times(t.weights[i])).abs();
          expect(totalWeight === 0 ? l.amount.isZero() : lhs.lessThan(new Money(t.step).times(totalWeight))).toBe(true);
        });
      }),
      { numRuns: NUM_RUNS }
    );
  });

  it("gives every party the same amount whatever the order of the rows", () => {
    fc.assert(
      fc.property(tableArb, fc.infiniteStream(fc.integer()), (t, rnd) => {
        const order = t.codes.map((_, i) => i);
        const keys = order.map(() => rnd.next().value as number);
        order.sort((a, b) => keys[a] - keys[b]);
        const shuffled = { ...t, codes: order.map((i) => t.codes[i]), weights: order.map((i) => t.weights[i]) };
        const byCode = (r: ReturnType<typeof run>) => new Map(r.lines.map((l) => [l.code.text, l.amount.toString()]));
        expect(byCode(run(shuffled))).toEqual(byCode(run(t)));
      }),
      { numRuns: NUM_RUNS }
    );
  });

  it("breaks ties by code: of two equal weights, the lower code never gets less", () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 1, max: 3000000 }), (t, w) => {
        if (t.codes.length < 2) return;
        const weights = [...t.weights];
        weights[0] = w;
        weights[1] = w;
        const lines = run({ ...t, weights }).lines;
        const [low, high] = t.codes[0] < t.codes[1] ? [lines[0], lines[1]] : [lines[1], lines[0]];
        expect(low.amount.greaterThanOrEqualTo(high.amount)).toBe(true);
        expect(low.amount.minus(high.amount).lessThanOrEqualTo(t.step)).toBe(true);
      }),
      { numRuns: NUM_RUNS }
    );
  });

  it("gives nothing to a party without weight", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        run(t).lines.forEach((l, i) => {
          if (t.weights[i] === 0) expect(l.amount.isZero()).toBe(true);
        });
      }),
      { numRuns: NUM_RUNS }
    );
  });
});

describe("allocateLargestRemainder against a plain sort", () => {
  /**
   * The rule written as plainly as possible: every party's floor and remainder in bigints, one sort of
   * all the parties with a weight by remainder (largest first) and then by code, the leftover steps to
   * the first places.
   */
  function plain(steps: bigint, claims: { code: PartyCode; weight: bigint }[]) {
    const total = claims.reduce((s, c) => s + c.weight, 0n);
    const floors = claims.map((c) => (total === 0n ? 0n : (steps * c.weight) / total));
    const remainders = claims.map((c, i) => steps * c.weight - total * floors[i]);
    const leftover = total === 0n ? 0n : steps - floors.reduce((s, f) => s + f, 0n);
    const order = claims.map((_, i) => i).filter((i) => claims[i].weight > 0n);
    order.sort((i, j) =>
      remainders[i] === remainders[j]
        ? compareCodes(claims[i].code, claims[j].code)
        : remainders[i] > remainders[j]
          ? -1
          : 1
    );
    const ranks = claims.map((_, i) => (order.indexOf(i) >= 0 ? order.indexOf(i) + 1 : null));
    return claims.map((_, i) => ({
      floor: floors[i],
      remainder: remainders[i],
      rank: ranks[i],
      extra: ranks[i] !== null && BigInt(ranks[i]!) <= leftover ? 1 : 0,
    }));
  }

  // Small repeated weights (many ties), large ones, and weights near 2^62 (beyond the packed sort);
  // numeric and text codes, in any row order.
  const weightArb = fc.oneof(
    fc.integer({ min: 0, max: 6 }).map(BigInt),
    fc.integer({ min: 0, max: 3000000 }).map(BigInt),
    fc.bigInt({ min: 2n ** 61n, max: 2n ** 62n })
  );
  const codeArb = fc.oneof(
    fc.integer({ min: 1, max: 9999 }).map((c) => String(c).padStart(4, "0")),
    fc.stringMatching(/^[A-Z][a-z]{0,3}$/)
  );
  const claimsArb = fc.uniqueArray(fc.tuple(codeArb, weightArb), {
    minLength: 1,
    maxLength: 40,
    selector: ([c]) => partyCode(c)!.key,
  });

  it("gives every party the same floor, remainder, rank and extra step", () => {
    fc.assert(
      fc.property(claimsArb, fc.bigInt({ min: 0n, max: 10n ** 12n }), (pairs, steps) => {
        const claims = pairs.map(([c, w]) => ({ code: code(c), weight: w }));
        const lines = allocateLargestRemainder(new Money(steps.toString()), new Money(1), claims).lines;
        const got = lines.map((l) => ({
          floor: l.floorSteps,
          remainder: l.remainder,
          rank: l.remainderRank,
          extra: l.extraStep,
        }));
        expect(got).toEqual(plain(steps, claims));
      }),
      { numRuns: NUM_RUNS }
    );
  });
});
