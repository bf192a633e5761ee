import { countyGrant, dischargeSettlement, palliativeShare, seniorAlertPayout } from "../../src/functions/functions";

const col = (...values: unknown[]): any[][] => values.map((v) => [v]);

/** Runs a call and returns what Excel would show: the number, or the thrown error's code and message. */
function shown(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { code: e.code, message: e.message };
  }
}

// Three municipalities; at 40 %: 0114 has 4/10 (qualifies), 0115 3/10 (no), 0117 5/10 (yes).
// Populations 1 000 and 3 000 share 400 kr → 100 and 300.
const codes = col("0114", "0115", "0117");
const regs = col(4, 3, 5);
const deaths = col(10, 10, 10);
const pop = col(1000, 2000, 3000);

describe("SKL.PALLIATIVE_SHARE", () => {
  it("answers one code with one amount and the code column with a spilled column", () => {
    expect(palliativeShare("0117", codes, regs, deaths, pop, 400, 0.4)).toBe(300);
    expect(palliativeShare(codes, codes, regs, deaths, pop, 400, 0.4)).toEqual(col(100, 0, 300));
  });

  it("matches a code typed as a number (114) to its zero-padded text (0114)", () => {
    expect(palliativeShare(114, codes, regs, deaths, pop, 400, 0.4)).toBe(100);
    expect(palliativeShare("0114", col(114, 115, 117), regs, deaths, pop, 400, 0.4)).toBe(100);
  });

  it("ignores unused rows at the end of a table, whichever way Excel passes the blanks", () => {
    const withBlanks = (blank: unknown) =>
      palliativeShare(
        col("0114", "0115", "0117", blank, blank),
        col("0114", "0115", "0117", blank, blank),
        col(4, 3, 5, blank, blank),
        col(10, 10, 10, blank, blank),
        col(1000, 2000, 3000, blank, blank),
        400,
        0.4
      );
    for (const blank of [null, 0, ""]) expect(withBlanks(blank)).toEqual(col(100, 0, 300, "", ""));
  });

  it("takes the rounding step: 1 000 kr steps", () => {
    // 10 000 kr in 1 000-kr steps by 1 000 : 3 000 → quotas 2 500 and 7 500 steps of .5: tie → 0114 first.
    expect(palliativeShare(codes, codes, regs, deaths, pop, 10000, 0.4, 1000)).toEqual(col(3000, 0, 7000));
  });

  it.each([
    [
      "registrations above deaths",
      () => palliativeShare("0114", codes, col(4, 11, 5), deaths, pop, 400, 0.4),
      "#VALUE!",
      /Rad 2 \(0115\): registreringar \(11\) är fler än dödsfall \(10\)/,
    ],
    [
      "text among the numbers",
      () => palliativeShare("0114", codes, regs, col(10, "tio", 10), pop, 400, 0.4),
      "#VALUE!",
      /Rad 2 \(0115\): dödsfall .*texten "tio"/,
    ],
    [
      "a blank among the numbers of a used row",
      () => palliativeShare("0114", codes, regs, deaths, col(1000, null, 3000), 400, 0.4),
      "#VALUE!",
      /Rad 2 \(0115\): befolkning saknas/,
    ],
    [
      "a threshold given as 40",
      () => palliativeShare("0114", codes, regs, deaths, pop, 400, 40),
      "#VALUE!",
      /tröskeln \(40\)/,
    ],
    [
      "duplicate codes",
      () => palliativeShare("0114", col("0114", "0114", "0117"), regs, deaths, pop, 400, 0.4),
      "#VALUE!",
      /Rad 2 \(0114\): koden 0114 finns redan på rad 1/,
    ],
    [
      "columns of different length",
      () => palliativeShare("0114", codes, col(4, 3), deaths, pop, 400, 0.4),
      "#VALUE!",
      /registreringar har 2 rader men kodkolumnen har 3/,
    ],
    [
      "a negative pot",
      () => palliativeShare("0114", codes, regs, deaths, pop, -400, 0.4),
      "#VALUE!",
      /potten .* negativt/,
    ],
    [
      "a rounding step of 0",
      () => palliativeShare("0114", codes, regs, deaths, pop, 400, 0.4, 0),
      "#VALUE!",
      /avrundningssteget \(0\) måste vara större än 0/,
    ],
    [
      "fractional deaths",
      () => palliativeShare("0114", codes, regs, col(10, 10.5, 10), pop, 400, 0.4),
      "#VALUE!",
      /Rad 2 \(0115\): dödsfall \(10,5\) måste vara ett helt tal/,
    ],
    [
      "numbers without a code",
      () => palliativeShare("0114", col("0114", null, "0117"), regs, deaths, pop, 400, 0.4),
      "#VALUE!",
      /Rad 2: partkod saknas/,
    ],
    [
      "a party not in the list",
      () => palliativeShare("0180", codes, regs, deaths, pop, 400, 0.4),
      "#N/A",
      /koden 0180 finns inte/,
    ],
  ])("shows an error for %s", (_what, call, code, message) => {
    const result = shown(call) as { code: string; message: string };
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
  });

  it("puts #N/A in the one cell of a spilled column whose code is unknown", () => {
    const result = palliativeShare(col("0114", "9999"), codes, regs, deaths, pop, 400, 0.4);
    expect(result[0][0]).toBe(100);
    expect(result[1][0]).toMatchObject({ code: "#N/A" });
  });

  it("recomputes when a value changes, though it answers equal tables from its cache", () => {
    expect(palliativeShare("0115", codes, regs, deaths, pop, 400, 0.4)).toBe(0);
    // A copy with 0115 raised to 4 of 10: now 0114, 0115, 0117 share 400 by 1:2:3.
    const raised = regs.map((row) => [...row]);
    raised[1][0] = 4;
    expect(palliativeShare("0115", codes, raised, deaths, pop, 400, 0.4)).toBe(133);
    expect(palliativeShare("0115", codes, regs, deaths, pop, 400, 0.4)).toBe(0);
  });
});

describe("SKL.SENIOR_ALERT_PAYOUT", () => {
  it("pays per registration to the parties that qualify, accepting TRUE/FALSE and 1/0", () => {
    // 900 kr over 100 + 200 qualifying registrations = 3 kr each: 300, 0, 600.
    expect(seniorAlertPayout(codes, codes, col(true, 0, 1), col(100, 500, 200), 900)).toEqual(col(300, 0, 600));
  });

  it("rejects a qualifies cell that is not yes or no", () => {
    const result = shown(() => seniorAlertPayout("0114", codes, col(true, "kanske", 1), col(1, 2, 3), 900)) as {
      code: string;
      message: string;
    };
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(/Rad 2 \(0115\): kvalificerad ska vara SANT eller FALSKT/);
  });
});

describe("SKL.COUNTY_GRANT", () => {
  it("gives every county the base and the rest by weight", () => {
    // Rest 10 000 000 − 3 × 2 000 000 = 4 000 000 by 1 : 1 : 2 → 1 000 000, 1 000 000, 2 000 000.
    expect(countyGrant(col("01", "03", "04"), col("01", "03", "04"), col(1, 1, 2), 10000000, 2000000)).toEqual(
      col(3000000, 3000000, 4000000)
    );
  });

  it("rejects a total smaller than the bases", () => {
    expect(
      (shown(() => countyGrant("01", col("01", "03"), col(1, 1), 3000000, 2000000)) as { code: string }).code
    ).toBe("#VALUE!");
  });
});

describe("SKL.DISCHARGE_SETTLEMENT", () => {
  it("bills days above 3 when the average exceeds 3, skipping blank cells", () => {
    // 2, 5, 6 (blank skipped): average 4.33; (5 − 3) + (6 − 3) = 5 days × 7 000 = 35 000.
    expect(dischargeSettlement(col(2, null, 5, 6, ""), 7000)).toBe(35000);
  });

  it("rejects text among the days, naming the row", () => {
    const result = shown(() => dischargeSettlement(col(2, "fem"), 7000)) as { code: string; message: string };
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(/Rad 2: utskrivningsklara dagar/);
  });
});
