/*
 * The custom functions computed by a real formula engine (HyperFormula), registered from the metadata the
 * build generates. Sheets are written as a controller would: per-row formulas, one spilled formula, parameter
 * cells. Every expected amount below is worked out by hand from the rules in DOMAIN.md; the working is in the
 * comments.
 *
 * HyperFormula reads a typed "0114" as the number 114 (as Excel does); a leading apostrophe keeps it text.
 */
import { CellValue, DetailedCellError, HyperFormula } from "hyperformula";
import {
  buildSheet,
  formulaName,
  generateMetadata,
  GeneratedMetadata,
  registerSklFunctions,
  SheetRows,
  valueAt,
} from "../support/hyperformulaSkl";

/** Checks an error cell the way HyperFormula's own tests do: its type, and key words in its message. */
function expectError(value: CellValue, type: string, ...words: string[]): void {
  expect(value).toBeInstanceOf(DetailedCellError);
  const error = value as DetailedCellError;
  expect(error.type).toBe(type);
  for (const word of words) expect(error.message).toContain(word);
}

const column = (hf: HyperFormula, letter: string, from: number, to: number): CellValue[] =>
  Array.from({ length: to - from + 1 }, (_, i) => valueAt(hf, `${letter}${from + i}`));

/** How a scalar parameter's metadata type is coerced by HyperFormula (Excel coerces alike). */
const SCALAR: Record<string, string> = { number: "NUMBER", string: "STRING", boolean: "BOOLEAN", any: "SCALAR" };

describe("registration from the generated metadata", () => {
  let generated: GeneratedMetadata;
  beforeAll(async () => {
    generated = await generateMetadata();
  });

  it("generates the metadata without errors, as the build does", () => {
    expect(generated.errors).toEqual([]);
    expect(generated.metadata.functions.map((fn) => fn.id)).toEqual([
      "PALLIATIVE_SHARE",
      "SENIOR_ALERT_PAYOUT",
      "COUNTY_GRANT",
      "DISCHARGE_SETTLEMENT",
    ]);
  });

  it("associates each id with its camelCase export", () => {
    expect(Object.fromEntries(generated.associate.map((a) => [a.id, a.functionName]))).toEqual({
      PALLIATIVE_SHARE: "palliativeShare",
      SENIOR_ALERT_PAYOUT: "seniorAlertPayout",
      COUNTY_GRANT: "countyGrant",
      DISCHARGE_SETTLEMENT: "dischargeSettlement",
    });
  });

  it("registers every function under SKL.<ID> with the metadata's parameters, optionality and ranges", async () => {
    const { metadata, formulaNames } = await registerSklFunctions();
    const hf = await buildSheet([[]]);
    expect(formulaNames).toEqual([
      "SKL.PALLIATIVE_SHARE",
      "SKL.SENIOR_ALERT_PAYOUT",
      "SKL.COUNTY_GRANT",
      "SKL.DISCHARGE_SETTLEMENT",
    ]);
    expect(hf.getRegisteredFunctionNames()).toEqual(expect.arrayContaining([...formulaNames]));
    for (const fn of metadata.functions) {
      const plugin = hf.getFunctionPlugin(formulaName(fn));
      const registered = plugin!.implementedFunctions[formulaName(fn)];
      expect(registered.parameters!.map((p) => [p.argumentType, p.optionalArg])).toEqual(
        fn.parameters.map((p) => [p.dimensionality === "matrix" ? "RANGE" : SCALAR[p.type], p.optional === true])
      );
    }
  });

  it("has the documented signatures: the rounding step and the discharge limits are optional", () => {
    const signature = (id: string) =>
      generated.metadata.functions
        .find((fn) => fn.id === id)!
        .parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(signature("PALLIATIVE_SHARE")).toEqual([
      "party",
      "parties",
      "registrations",
      "deaths",
      "population",
      "pot",
      "threshold",
      "[rounding]",
    ]);
    expect(signature("SENIOR_ALERT_PAYOUT")).toEqual([
      "party",
      "parties",
      "qualifies",
      "registrations",
      "pot",
      "[rounding]",
    ]);
    expect(signature("COUNTY_GRANT")).toEqual(["county", "counties", "weights", "total", "base", "[rounding]"]);
    expect(signature("DISCHARGE_SETTLEMENT")).toEqual(["days", "pricePerDay", "[dayLimit]", "[averageLimit]"]);
  });

  it("refuses a call with a required argument missing or one argument too many", async () => {
    const hf = await buildSheet([
      [5, "=SKL.DISCHARGE_SETTLEMENT(A1)", "=SKL.DISCHARGE_SETTLEMENT(A1, 100, 3, 3, 1)"],
      ["=SKL.PALLIATIVE_SHARE(A1, A1, A1, A1, A1, 1000)"],
    ]);
    expectError(valueAt(hf, "B1"), "NA", "Wrong number of arguments");
    expectError(valueAt(hf, "C1"), "NA", "Wrong number of arguments");
    expectError(valueAt(hf, "A2"), "NA", "Wrong number of arguments");
  });
});

/*
 * Palliative registry payout, tier 1 (40 MSEK, threshold 40 %) and tier 2 (10 MSEK, threshold 70 %), for five
 * municipalities. Rows are deliberately not in code order, so that a tie decided by row would show.
 *
 *   row  code  registrations/deaths        40 %?            70 %?           population
 *   2    0123  21/30 = 70 %                yes              yes (exactly)   70 000
 *   3    0115   5/13 = 38,46 %             no               no              30 000
 *   4    0120   9/20 = 45 %                yes              no              40 000
 *   5    0117   0/0   no deaths, no rate   no               no              40 000
 *   6    0114  12/30 = 40 %                yes (exactly)    no              40 000
 *
 * Tier 1: qualifying population 70 000 + 40 000 + 40 000 = 150 000; pot 40 000 000 kr in 1 kr steps.
 *   0123: 40 000 000 × 70/150 = 18 666 666 2/3  → floor 18 666 666, remainder 2/3
 *   0120: 40 000 000 × 40/150 = 10 666 666 2/3  → floor 10 666 666, remainder 2/3
 *   0114: 40 000 000 × 40/150 = 10 666 666 2/3  → floor 10 666 666, remainder 2/3
 *   Floors sum to 39 999 998: 2 kr left. All three remainders are equal (2/3), so the tie goes by code:
 *   0114 and 0120 get one krona each, 0123 (first row, but highest code) does not.
 *   → 0123 18 666 666, 0115 0, 0120 10 666 667, 0117 0, 0114 10 666 667; sum 40 000 000.
 * Tier 2: only 0123 reaches 70 % (21 of 30 is exactly 70 %), so it gets the whole 10 000 000; others 0.
 */
const palliativeRows = (): SheetRows => {
  const ranges = "$A$2:$A$6, $B$2:$B$6, $C$2:$C$6, $D$2:$D$6";
  const perRow = (row: number, pot: string, threshold: string) =>
    `=SKL.PALLIATIVE_SHARE(A${row}, ${ranges}, ${pot}, ${threshold})`;
  const table: [string, number, number, number][] = [
    ["'0123", 21, 30, 70000],
    ["'0115", 5, 13, 30000],
    ["'0120", 9, 20, 40000],
    ["'0117", 0, 0, 40000],
    ["'0114", 12, 30, 40000],
  ];
  const params: [string, number][] = [
    ["Pott nivå 1", 40000000],
    ["Tröskel nivå 1", 0.4],
    ["Pott nivå 2", 10000000],
    ["Tröskel nivå 2", 0.7],
  ];
  return [
    [
      "Kod",
      "Registreringar",
      "Dödsfall",
      "Befolkning",
      "Nivå 1",
      "Nivå 2",
      "Nivå 1 (spill)",
      null,
      "Parameter",
      "Värde",
    ],
    ...table.map(([code, registrations, deaths, population], i): SheetRows[number] => [
      code,
      registrations,
      deaths,
      population,
      perRow(i + 2, "$J$2", "$J$3"),
      perRow(i + 2, "$J$4", "$J$5"),
      // One formula for the whole column; row 7 is an unused table row (blank code).
      i === 0 ? "=SKL.PALLIATIVE_SHARE(A2:A7, A2:A7, B2:B7, C2:C7, D2:D7, J2, J3)" : null,
      null,
      ...(params[i] ?? [null, null]),
    ]),
    [null, null, null, null, null, null, null],
    ["Summa", null, null, null, "=SUM(E2:E6)", "=SUM(F2:F6)", "=SUM(G2:G7)"],
  ];
};

describe("SKL.PALLIATIVE_SHARE in a sheet", () => {
  let hf: HyperFormula;
  beforeAll(async () => {
    hf = await buildSheet(palliativeRows());
  });

  it("computes one amount per row from the whole table (tier 1, 40 %)", () => {
    expect(column(hf, "E", 2, 6)).toEqual([18666666, 0, 10666667, 0, 10666667]);
  });

  it("breaks an equal remainder by the lower code, not by the row", () => {
    expect(valueAt(hf, "E6")).toBe(10666667); // 0114, last row
    expect(valueAt(hf, "E2")).toBe(18666666); // 0123, first row
  });

  it("distributes the pot exactly", () => {
    expect(valueAt(hf, "E8")).toBe(40000000);
    expect(valueAt(hf, "F8")).toBe(10000000);
  });

  it("pays tier 2 only to the party at 70 % (21 of 30 is exactly 70 %)", () => {
    expect(column(hf, "F", 2, 6)).toEqual([10000000, 0, 0, 0, 0]);
  });

  it("spills a column from one formula given the whole code column, blank for an unused row", () => {
    expect(column(hf, "G", 2, 7)).toEqual([18666666, 0, 10666667, 0, 10666667, ""]);
    expect(hf.getCellFormula(hf.simpleCellAddressFromString("G2", 0)!)).toMatch(/^=SKL\.PALLIATIVE_SHARE\(A2:A7/);
    expect(hf.isCellPartOfArray(hf.simpleCellAddressFromString("G6", 0)!)).toBe(true);
    expect(hf.getCellFormula(hf.simpleCellAddressFromString("G6", 0)!)).toBeUndefined();
    expect(valueAt(hf, "G8")).toBe(40000000);
  });

  it("recomputes when an input cell changes", async () => {
    // 0115 reaching 6 of 13 (46 %) joins tier 1: qualifying population 180 000.
    //   0123: 40 000 000 × 70/180 = 15 555 555 5/9;  0115: × 30/180 = 6 666 666 2/3;
    //   0120 and 0114: × 40/180 = 8 888 888 8/9 each. Floors sum to 39 999 997: 3 kr left, to the largest
    //   remainders 8/9 (0114, 0120) and 2/3 (0115); 0123's 5/9 gets nothing.
    const copy = await buildSheet(palliativeRows());
    copy.setCellContents(copy.simpleCellAddressFromString("B3", 0)!, 6);
    expect(column(copy, "E", 2, 6)).toEqual([15555555, 6666667, 8888889, 0, 8888889]);
    expect(column(copy, "G", 2, 6)).toEqual([15555555, 6666667, 8888889, 0, 8888889]);
    expect(valueAt(copy, "E8")).toBe(40000000);
  });
});

describe("SKL.SENIOR_ALERT_PAYOUT in a sheet", () => {
  /*
   * Pot 50 000 000 kr paid per registration to the parties whose relevant units have all started.
   *   0114 TRUE  300;  0115 FALSE 500 (not started: 0);  0117 1 (= yes) 400;  0120 TRUE 0 (qualifies, 0 kr).
   * Qualifying registrations 300 + 400 + 0 = 700.
   *   0114: 50 000 000 × 300/700 = 21 428 571 3/7  → floor 21 428 571, remainder 3/7
   *   0117: 50 000 000 × 400/700 = 28 571 428 4/7  → floor 28 571 428, remainder 4/7
   *   Floors sum to 49 999 999: the last krona goes to the larger remainder, 0117.
   *   → 0114 21 428 571, 0115 0, 0117 28 571 429, 0120 0; sum 50 000 000.
   */
  it("pays the pot per registration to the qualifying parties, as a spilled column", async () => {
    const hf = await buildSheet([
      ["Kod", "Alla enheter startat", "Registreringar", "Belopp"],
      ["'0114", true, 300, "=SKL.SENIOR_ALERT_PAYOUT(A2:A5, A2:A5, B2:B5, C2:C5, 50000000)"],
      ["'0115", false, 500, null],
      ["'0117", 1, 400, null],
      ["'0120", true, 0, null],
      ["Summa", null, null, "=SUM(D2:D5)"],
    ]);
    expect(column(hf, "D", 2, 5)).toEqual([21428571, 0, 28571429, 0]);
    expect(valueAt(hf, "D6")).toBe(50000000);
  });
});

describe("SKL.COUNTY_GRANT in a sheet", () => {
  /*
   * Three counties, total 10 000 000 kr, base 2 000 000 kr each; weights (municipalities) 1, 2, 3.
   * Rest: 10 000 000 − 3 × 2 000 000 = 4 000 000, shared 1:2:3 (sum of weights 6).
   *   In 1 kr steps:
   *     09: 4 000 000 × 1/6 =   666 666 2/3 → floor   666 666, remainder 2/3
   *     08: 4 000 000 × 2/6 = 1 333 333 1/3 → floor 1 333 333, remainder 1/3
   *     06: 4 000 000 × 3/6 = 2 000 000     → floor 2 000 000, remainder 0
   *     Floors sum to 3 999 999: the last krona goes to 09 (largest remainder).
   *     → 09 2 666 667, 08 3 333 333, 06 4 000 000; sum 10 000 000.
   *   In 500 000 kr steps (as the published table): 4 000 000 is 8 steps.
   *     09: 8 × 1/6 = 1 1/3 → 1, remainder 1/3;  08: 8 × 2/6 = 2 2/3 → 2, remainder 2/3;  06: 8 × 3/6 = 4.
   *     Floors 7 steps: the 8th goes to 08 (remainder 2/3).
   *     → 09 2 000 000 + 500 000 = 2 500 000, 08 2 000 000 + 1 500 000 = 3 500 000, 06 4 000 000.
   */
  it("gives every county the base and shares the rest by weight, per row and in half millions", async () => {
    const hf = await buildSheet([
      ["Län", "Kommuner", "Belopp", "Belopp (0,5 mnkr)", "Total", "Grund"],
      [
        "'09",
        1,
        "=SKL.COUNTY_GRANT(A2, $A$2:$A$4, $B$2:$B$4, $E$2, $F$2)",
        "=SKL.COUNTY_GRANT(A2, $A$2:$A$4, $B$2:$B$4, $E$2, $F$2, 500000)",
        10000000,
        2000000,
      ],
      [
        "'08",
        2,
        "=SKL.COUNTY_GRANT(A3, $A$2:$A$4, $B$2:$B$4, $E$2, $F$2)",
        "=SKL.COUNTY_GRANT(A3, $A$2:$A$4, $B$2:$B$4, $E$2, $F$2, 500000)",
      ],
      [
        "'06",
        3,
        "=SKL.COUNTY_GRANT(A4, $A$2:$A$4, $B$2:$B$4, $E$2, $F$2)",
        "=SKL.COUNTY_GRANT(A4, $A$2:$A$4, $B$2:$B$4, $E$2, $F$2, 500000)",
      ],
      ["Summa", "=SUM(B2:B4)", "=SUM(C2:C4)", "=SUM(D2:D4)"],
    ]);
    expect(column(hf, "C", 2, 4)).toEqual([2666667, 3333333, 4000000]);
    expect(column(hf, "D", 2, 4)).toEqual([2500000, 3500000, 4000000]);
    expect(valueAt(hf, "C5")).toBe(10000000);
    expect(valueAt(hf, "D5")).toBe(10000000);
  });
});

describe("SKL.DISCHARGE_SETTLEMENT in a sheet", () => {
  /*
   * One municipality-month; the price per day is an input (not in the source), here 4 000 kr.
   *   Somatic, days 2, 5, 7, 1 (and a blank cell, skipped): average 15/4 = 3,75 > 3, so the days above 3 are
   *     billed per individual: 0 + 2 + 4 + 0 = 6 days → 6 × 4 000 = 24 000 kr.
   *   Somatic, days 1, 2, 3, 6: average 12/4 = 3,0, not above 3 → 0 kr, although one individual had 6 days.
   *   Psychiatry (dayLimit 20, averageLimit 0), days 25, 10, 21 at 3 500 kr: 5 + 0 + 1 = 6 days → 21 000 kr.
   */
  it("bills the days above the limit only when the average is above the average limit", async () => {
    const hf = await buildSheet([
      ["Somatik", "Somatik, snitt 3,0", "Psykiatri", "Pris", "Pris psykiatri"],
      [2, 1, 25, 4000, 3500],
      [5, 2, 10],
      [7, 3, 21],
      [1, 6, null],
      [null, null, null],
      [
        "=SKL.DISCHARGE_SETTLEMENT(A2:A6, D2)",
        "=SKL.DISCHARGE_SETTLEMENT(B2:B5, D2)",
        "=SKL.DISCHARGE_SETTLEMENT(C2:C6, E2, 20, 0)",
      ],
    ]);
    expect(valueAt(hf, "A7")).toBe(24000);
    expect(valueAt(hf, "B7")).toBe(0);
    expect(valueAt(hf, "C7")).toBe(21000);
  });
});

describe("error cells", () => {
  const table = (registrations: number): SheetRows => [
    ["Kod", "Registreringar", "Dödsfall", "Befolkning", "Belopp"],
    ["'0114", 12, 30, 40000, "=SKL.PALLIATIVE_SHARE(A2, $A$2:$A$4, $B$2:$B$4, $C$2:$C$4, $D$2:$D$4, 40000000, 0.4)"],
    ["'0115", 5, 13, 30000, "=SKL.PALLIATIVE_SHARE(A3, $A$2:$A$4, $B$2:$B$4, $C$2:$C$4, $D$2:$D$4, 40000000, 0.4)"],
    [
      "'0120",
      registrations,
      20,
      40000,
      "=SKL.PALLIATIVE_SHARE(A4, $A$2:$A$4, $B$2:$B$4, $C$2:$C$4, $D$2:$D$4, 40000000, 0.4)",
    ],
    ["'9999", null, null, null, "=SKL.PALLIATIVE_SHARE(A5, $A$2:$A$4, $B$2:$B$4, $C$2:$C$4, $D$2:$D$4, 40000000, 0.4)"],
    [null, null, null, null, "=SKL.PALLIATIVE_SHARE(A2:A4, A2:A4, B2:B4, C2:C4, D2:D4, 40000000, 0.4)"],
  ];

  it("shows #VALUE! with a message naming the row when registrations exceed deaths", async () => {
    const hf = await buildSheet(table(21));
    // The whole table is wrong, so every row's formula says so, naming row 3 of the range (0120).
    for (const cell of ["E2", "E3", "E4"]) {
      expectError(valueAt(hf, cell), "VALUE", "Rad 3", "0120", "fler än dödsfall", "(21)", "(20)");
    }
  });

  it("shows #N/A for a party that is not in the code column", async () => {
    const hf = await buildSheet(table(9));
    expectError(valueAt(hf, "E5"), "NA", "9999");
    expect(column(hf, "E", 2, 4)).toEqual([20000000, 0, 20000000]); // 12/30 and 9/20 qualify, 40 000 each: halves
  });

  it("passes an error in an input cell on instead of calling the function, as Excel does", async () => {
    const rows = table(9);
    rows[3][2] = "=1/0";
    const hf = await buildSheet(rows);
    expectError(valueAt(hf, "E2"), "DIV_BY_ZERO");
  });
});
