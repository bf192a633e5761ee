import { splitPot } from "../../src/engine/pots";

describe("a performance pot split between municipalities and county councils", () => {
  it("gives the municipalities their share in whole kronor, half up, and the county councils the rest", () => {
    // 50 000 001 kr at 0,5: 25 000 000,5 rounds up to 25 000 001 for the municipalities, 25 000 000 left.
    const split = splitPot(50000001, 0.5);
    expect([split.kommun.toNumber(), split.landsting.toNumber()]).toEqual([25000001, 25000000]);
    // 40 MSEK at 0,6 (an input the sources leave open): 24 and 16 MSEK; the two always make the pot.
    const other = splitPot(40000000, 0.6);
    expect([other.kommun.toNumber(), other.landsting.toNumber()]).toEqual([24000000, 16000000]);
  });

  it("refuses a negative pot or share, naming it", () => {
    expect(() => splitPot(-1, 0.5)).toThrow(/potten/);
    expect(() => splitPot(100, -0.1)).toThrow(/kommunernas andel/);
  });
});
