import {
  countyGrant,
  dischargeSettlement,
  forgetComputedTables,
  palliativeShare,
  seniorAlertPayout,
} from "../../src/functions/functions";

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
      /Rad 2 \(0115\): folkmängd saknas/,
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
    expect(result.message).toMatch(/Rad 2 \(0115\): alla relevanta enheter startat \(kanske\) ska vara Ja eller Nej/);
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

  it("answers #VALUE! with the reason where the amount is beyond what Excel holds exactly, and exact up to it", () => {
    // =SKL.DISCHARGE_SETTLEMENT({2;5;6}; 2^53-1): 5 days × 9 007 199 254 740 991 = 45 035 996 273 704 955, which a
    // cell would show as 45 035 996 273 704 950.
    const result = shown(() => dischargeSettlement(col(2, 5, 6), 2 ** 53 - 1)) as { code: string; message: string };
    expect(result).toEqual({
      code: "#VALUE!",
      message:
        "beloppet (45\u00a0035\u00a0996\u00a0273\u00a0704\u00a0955) går inte att räkna exakt: högst 9 007 199 254 740 991 (2^53 − 1), på öret när.",
    });
    // 5 days × 1 801 439 850 948 198 kr = 9 007 199 254 740 990 kr, within the limit, to the krona.
    expect(dischargeSettlement(col(2, 5, 6), 1801439850948198)).toBe(9007199254740990);
    // (5 − 3) + (10 000 000 000 003 − 3) = 10 000 000 000 002 days: at 9 kr, 90 000 000 000 018 kr, exact; at
    // 9,01 kr, 90 100 000 000 018,02 kr, whose öre (9 010 000 000 001 802) are beyond 2^53 − 1.
    expect(dischargeSettlement(col(2, 5, 10000000000003), 9)).toBe(90000000000018);
    const ore = shown(() => dischargeSettlement(col(2, 5, 10000000000003), 9.01)) as { code: string; message: string };
    expect(ore.code).toBe("#VALUE!");
    expect(ore.message).toMatch(/^beloppet \(90\u00a0100\u00a0000\u00a0000\u00a0018,02\) går inte att räkna exakt/);
  });

  it("rejects text among the days, naming the row", () => {
    const result = shown(() => dischargeSettlement(col(2, "fem"), 7000)) as { code: string; message: string };
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(/Rad 2: utskrivningsklara dagar/);
  });
});

describe("the table cache compares every argument by value", () => {
  // Expected amounts are worked by hand. A change made in place to a range that was computed before must
  // be computed anew, whatever the shape Excel (or a script) handed over.
  beforeEach(() => forgetComputedTables());

  it("sees a one-dimensional list changed in place", () => {
    // 0114 1/1 and 0115 0/1: only 0114 qualifies at 40 % → 100. Then 0115 1/1 too: 100 by 1:1 → 50.
    // Ranges as plain lists, as a script may pass them (typed loosely: the signatures say rows of cells).
    const k: any = ["0114", "0115"];
    const r: any = [1, 0];
    const ones: any = [1, 1];
    expect(palliativeShare("0114", k, r, ones, ones, 100, 0.4)).toBe(100);
    r[1] = 1;
    expect(palliativeShare("0114", k, r, ones, ones, 100, 0.4)).toBe(50);
  });

  it("sees a one-column range changed in place", () => {
    // As above, with rows of one cell: 100, then 50.
    const r = col(1, 0);
    expect(palliativeShare("0114", col("0114", "0115"), r, col(1, 1), col(1, 1), 100, 0.4)).toBe(100);
    r[1][0] = 1;
    expect(palliativeShare("0114", col("0114", "0115"), r, col(1, 1), col(1, 1), 100, 0.4)).toBe(50);
  });

  it("sees a jagged range fixed in place", () => {
    // Rows of different lengths are not one column: #VALUE!. Fixed to one column, three equal
    // populations that all qualify share 300 → 100 each.
    const codes: any[][] = [["0114"], ["0115", "x"], ["0117"]];
    const ones = col(1, 1, 1);
    expect((shown(() => palliativeShare("0114", codes, ones, ones, ones, 300, 0.4)) as { code: string }).code).toBe(
      "#VALUE!"
    );
    codes[1].pop();
    expect(palliativeShare("0114", codes, ones, ones, ones, 300, 0.4)).toBe(100);
  });

  it("sees an empty list filled later", () => {
    // An empty table has no 0114: #N/A. Filled with 0114 alone (1 of 1), it gets the whole 300.
    const [codes, regs, deaths, pop]: any[] = [[], [], [], []];
    expect((shown(() => palliativeShare("0114", codes, regs, deaths, pop, 300, 0.4)) as { code: string }).code).toBe(
      "#N/A"
    );
    codes.push("0114");
    regs.push(1);
    deaths.push(1);
    pop.push(1000);
    expect(palliativeShare("0114", codes, regs, deaths, pop, 300, 0.4)).toBe(300);
  });

  it("sees a change in place in the other functions' ranges too", () => {
    // Senior alert: 900 kr over 100 + 200 qualifying registrations → 0117 gets 600; with 0114 no longer
    // qualifying, 0117's 200 are all: 900.
    const qualifies = col(true, 0, 1);
    expect(seniorAlertPayout("0117", codes, qualifies, col(100, 500, 200), 900)).toBe(600);
    qualifies[0][0] = false;
    expect(seniorAlertPayout("0117", codes, qualifies, col(100, 500, 200), 900)).toBe(900);
    // County grant: rest 4 000 000 by 1 : 1 : 2 → "04" gets 2 000 000 + 2 000 000; by 1 : 1 : 6 → 3 000 000 more.
    const weights = col(1, 1, 2);
    const counties = col("01", "03", "04");
    expect(countyGrant("04", counties, weights, 10000000, 2000000)).toBe(4000000);
    weights[2][0] = 6;
    expect(countyGrant("04", counties, weights, 10000000, 2000000)).toBe(5000000);
  });

  it("answers a spilled column of the table's own codes like one code at a time", () => {
    // The same table as above, with unused rows at the end: 100, 0, 300, then blanks.
    const withBlanks = col("0114", "0115", "0117", null, 0);
    const args = [col(4, 3, 5, null, 0), col(10, 10, 10, null, 0), col(1000, 2000, 3000, null, 0)] as const;
    const spilled = palliativeShare(withBlanks, withBlanks, ...args, 400, 0.4);
    expect(spilled).toEqual(col(100, 0, 300, "", ""));
    const oneByOne = withBlanks.map(([code]) => palliativeShare(code as string, withBlanks, ...args, 400, 0.4));
    expect(oneByOne).toEqual([100, 0, 300, "", ""]);
  });
});

describe("scalar parameters given as a one-cell range", () => {
  beforeEach(() => forgetComputedTables());
  const one = (v: unknown): any => [[v]];

  it("reads a 1×1 range or a one-element list as its value, for every scalar parameter", () => {
    // The worked examples above, with each scalar given as a one-cell range.
    expect(palliativeShare("0117", codes, regs, deaths, pop, one(400), one(0.4))).toBe(300);
    expect(palliativeShare(codes, codes, regs, deaths, pop, [10000] as any, [0.4] as any, one(1000))).toEqual(
      col(3000, 0, 7000)
    );
    expect(seniorAlertPayout(codes, codes, col(true, 0, 1), col(100, 500, 200), one(900), one(1))).toEqual(
      col(300, 0, 600)
    );
    expect(
      countyGrant(col("01", "03", "04"), col("01", "03", "04"), col(1, 1, 2), one(10000000), [2000000] as any, one(1))
    ).toEqual(col(3000000, 3000000, 4000000));
    // Days 25, 2, 21 for psychiatry: (25 − 20) + (21 − 20) = 6 days × 1 000 kr.
    expect(dischargeSettlement(col(25, 2, 21), one(1000), one(20), one(0))).toBe(6000);
  });

  it("takes an empty one-cell range for an optional parameter as its default", () => {
    // Rounding left blank → 1 kr: 100 and 300 of 400.
    expect(palliativeShare("0117", codes, regs, deaths, pop, one(400), one(0.4), one(null))).toBe(300);
    // Limits left blank → 3 and 3: days 2, 5, 6 bill 5 days × 7 000.
    expect(dischargeSettlement(col(2, 5, 6), one(7000), one(""), one(null))).toBe(35000);
  });

  it.each([
    [
      "a range of two cells",
      () => palliativeShare("0114", codes, regs, deaths, pop, [[400, 500]] as any, 0.4),
      /potten ska vara ett enda tal, men området har 2 celler/,
    ],
    [
      "text in the one cell",
      () => seniorAlertPayout("0114", codes, col(1, 0, 1), col(1, 2, 3), one("mycket")),
      /potten måste vara ett tal, men cellen innehåller texten "mycket"/,
    ],
    ["a blank pot", () => countyGrant("01", col("01"), col(1), one(null), 0), /totalen saknas/],
    [
      "a threshold given as 40 in a range",
      () => palliativeShare("0114", codes, regs, deaths, pop, 400, one(40)),
      /tröskeln \(40\)/,
    ],
  ])("still rejects %s", (_what, call, message) => {
    const result = shown(call) as { code: string; message: string };
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(message);
  });
});

describe("SKL.DISCHARGE_SETTLEMENT, zeros and blanks", () => {
  it("counts a 0 as an individual with 0 days, and skips a blank cell", () => {
    // Days 4 and 0: average 2, not above 3 → 0. Days 4 and a blank: one individual, average 4 → 1 day × 7 000.
    expect(dischargeSettlement(col(4, 0), 7000)).toBe(0);
    expect(dischargeSettlement(col(4, null), 7000)).toBe(7000);
    expect(dischargeSettlement(col(4, ""), 7000)).toBe(7000);
  });
});

describe("hostile cells", () => {
  // 0114 4/10 and 0117 5/10 as above; 0115's deaths are the hostile cell. Whatever it is, the function
  // answers #VALUE! naming row 2 and party 0115, never an amount.
  it.each([
    ["a quoted line break", "4\n4", "dödsfall (4[U+000A]4) innehåller tecknet U+000A (radbrytning)"],
    ["a tab", "4\t4", "dödsfall (4[U+0009]4) innehåller tecknet U+0009 (tabb)"],
    ["a zero-width space", "10\u200b", "dödsfall (10[U+200B]) innehåller tecknet U+200B (nollbreddsmellanslag)"],
    ["an exponent", "1e1", "dödsfall (1e1) är skrivet med exponent"],
    ["the text NaN", "NaN", 'dödsfall måste vara ett tal, men cellen innehåller texten "NaN"'],
    ["a NaN", NaN, "dödsfall måste vara ett tal, men cellen innehåller NaN"],
    ["an infinity", Infinity, "dödsfall måste vara ett tal, men cellen innehåller Infinity"],
    ["TRUE", true, "dödsfall måste vara ett tal, men cellen innehåller SANT"],
    ["hexadecimal", "0xA", 'dödsfall måste vara ett tal, men cellen innehåller texten "0xA"'],
    ["fullwidth digits", "１０", "dödsfall (１０) har siffror som inte är 0–9 (U+FF11)"],
    ["an ambiguous thousands group", "1,000", "dödsfall (1,000) kan läsas både som ett decimaltal och som tusental"],
    ["a count with decimals as text", "1 234,5", "dödsfall (1 234,5) måste vara ett helt tal"],
    [
      "a number beyond 2^53",
      2 ** 53,
      "dödsfall (9\u00a0007\u00a0199\u00a0254\u00a0740\u00a0992) går inte att räkna exakt",
    ],
    ["a negative number", -1, "dödsfall (\u22121) får inte vara negativt"],
  ])("refuses %s", (_what, cell, problem) => {
    const result = shown(() => palliativeShare("0114", codes, regs, col(10, cell, 10), pop, 400, 0.4)) as {
      code: string;
      message: string;
    };
    expect(result.code).toBe("#VALUE!");
    expect(result.message.startsWith(`Rad 2 (0115): ${problem}`)).toBe(true);
  });

  // A code is read as the files read it: "０１１５" would be another party than "0115", 115,5 no party at all.
  it.each([
    ["fullwidth digits", "０１１５", "koden (０１１５) har siffror som inte är 0–9 (U+FF10)"],
    ["Arabic-Indic digits", "٠١١٥", "koden (٠١١٥) har siffror som inte är 0–9 (U+0660)"],
    ["a decimal number as text", "115.0", "koden (115.0) är ingen kod"],
    ["a number with decimals", 115.5, "koden (115,5) är ingen kod"],
    ["a negative number", -115, "koden (\u2212115) är ingen kod"],
    ["TRUE", true, "koden (SANT) är ingen kod"],
  ])("refuses a code with %s", (_what, cell, problem) => {
    const result = shown(() => palliativeShare("0114", col("0114", cell, "0117"), regs, deaths, pop, 400, 0.4)) as {
      code: string;
      message: string;
    };
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toContain(problem);
    expect(result.message).toMatch(/^Rad 2 \(/);
  });

  it("shows an invisible character in a party asked for that is not in the list", () => {
    expect(shown(() => palliativeShare("0114\u200b", codes, regs, deaths, pop, 400, 0.4))).toEqual({
      code: "#N/A",
      message: "koden 0114[U+200B] finns inte i kodkolumnen.",
    });
  });

  it("shows an invisible character in a code, and reads text numbers as a file does", () => {
    const result = shown(() => palliativeShare("0114", col("0114", "0115\u200b", "0117"), regs, deaths, pop, 400, 0.4));
    expect(result).toEqual({
      code: "#VALUE!",
      message:
        "Rad 2 (0115[U+200B]): koden (0115[U+200B]) innehåller tecknet U+200B (nollbreddsmellanslag), som inte syns. Ta bort det och skriv värdet igen.",
    });
    // "1 000" and "3 000" are the populations 1 000 and 3 000, "10,0" ten deaths, "400" the pot: 100 and 300 as above.
    expect(
      palliativeShare(
        codes,
        codes,
        regs,
        col("10", "10,0", 10),
        col("1\u00a0000", 2000, "3 000"),
        "400" as any,
        "0,4" as any
      )
    ).toEqual(col(100, 0, 300));
  });
});
