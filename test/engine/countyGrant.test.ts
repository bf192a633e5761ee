import { partyCode } from "../../src/engine/codes";
import { countyGrant } from "../../src/engine/countyGrant";

// Municipalities per county in 2010 (DOMAIN.md, section C; = 290).
const MUNICIPALITIES_2010: [string, number][] = [
  ["01", 26],
  ["03", 8],
  ["04", 9],
  ["05", 13],
  ["06", 13],
  ["07", 8],
  ["08", 12],
  ["09", 1],
  ["10", 5],
  ["12", 33],
  ["13", 6],
  ["14", 49],
  ["17", 16],
  ["18", 12],
  ["19", 10],
  ["20", 15],
  ["21", 10],
  ["22", 7],
  ["23", 8],
  ["24", 15],
  ["25", 14],
];
const counties = MUNICIPALITIES_2010.map(([code, weight], i) => ({ code: partyCode(code)!, row: i + 1, weight }));

describe("county grant, the rule as written", () => {
  it("gives the 2010 counties 2 MSEK each and the rest by municipalities, in half millions", () => {
    // Worked by hand: rest 66 − 21 × 2 = 24 MSEK = 48 steps of 0.5 MSEK; quota = 48 × m / 290.
    // Floors sum to 38; the 10 leftover steps go to the largest remainders: Halland (.993), Kalmar and
    // Örebro (.986, tie by code 08 < 18), Blekinge (.828), Västmanland and Gävleborg (.655), Värmland (.648),
    // Södermanland (.490), Dalarna and Västerbotten (.483).
    const expectedMsek = [
      4.0, 2.5, 3.0, 3.0, 3.0, 2.5, 3.0, 2.0, 2.5, 4.5, 2.5, 6.0, 3.5, 3.0, 3.0, 3.5, 3.0, 2.5, 2.5, 3.5, 3.0,
    ];
    const result = countyGrant(counties, { total: 66000000, base: 2000000, step: 500000 });
    expect(result.lines.map((l) => l.total.toNumber())).toEqual(expectedMsek.map((m) => m * 1_000_000));
    expect(result.rest.toNumber()).toBe(24000000);
    expect(result.allocation.undistributed.toNumber()).toBe(0);
  });

  it("adds up to the total in whole kronor too", () => {
    const result = countyGrant(counties, { total: 66000000, base: 2000000, step: 1 });
    const sum = result.lines.reduce((s, l) => s + l.total.toNumber(), 0);
    expect(sum).toBe(66000000);
    // Stockholm: 2 000 000 + 24 000 000 × 26 / 290 = 4 151 724.14 → 4 151 724.
    expect(result.lines[0].total.toNumber()).toBe(4151724);
  });

  it("rejects a total that cannot pay every county its base", () => {
    expect(() => countyGrant(counties, { total: 40000000, base: 2000000, step: 1 })).toThrow(
      /räcker inte till grundbeloppet 2\u00a0000\u00a0000 för 21 län/
    );
  });
});
