/*
 * The worked cases in fixtures/cases-functions.json were computed by an independent implementation of the
 * rules in DOMAIN.md (exact rational arithmetic, largest remainder, ties by party code); they are the
 * expected values here. Each case calls the exported custom function exactly as Excel would.
 */
import cases from "../fixtures/cases-functions.json";
import * as functions from "../../src/functions/functions";

interface WorkedCase {
  fn: keyof typeof functions;
  name: string;
  args: unknown[];
  expect: number[];
}

const call = (c: WorkedCase): unknown => (functions[c.fn] as (...args: unknown[]) => unknown)(...c.args);

describe("the worked cases", () => {
  it.each((cases as WorkedCase[]).map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = call(c);
    const amounts = Array.isArray(result) ? (result as unknown[][]).map((row) => row[0]) : [result];
    expect(amounts).toEqual(c.expect);
  });

  it("answers each party of a spilled case alike when asked one code at a time", () => {
    const c = (cases as WorkedCase[]).find((x) => x.name === "palliative-0")!;
    const codes = (c.args[0] as string[][]).map((row) => row[0]);
    const oneByOne = codes.map((code) => call({ ...c, args: [code, ...c.args.slice(1)] }));
    expect(oneByOne).toEqual(c.expect);
  });
});
