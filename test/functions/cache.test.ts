import { RuleError } from "../../src/engine/errors";
import { TableCache } from "../../src/functions/cache";

/** A cache whose computations are counted. */
function counted() {
  const cache = new TableCache<number>();
  let computed = 0;
  const get = (args: unknown[]) =>
    cache.get(args, () => {
      computed++;
      return computed;
    });
  return { get, computed: () => computed };
}

describe("TableCache", () => {
  it("answers equal arguments, passed as fresh copies, from one computation", () => {
    const c = counted();
    c.get([400, [["0114"], ["0115"]], [1, 2]]);
    c.get([400, [["0114"], ["0115"]], [1, 2]]);
    expect(c.computed()).toBe(1);
  });

  it.each([
    ["a rectangular range", [["0114"], ["0115"]], (a: any) => (a[1][0] = "0117")],
    [
      "a two-column range",
      [
        ["0114", 1],
        ["0115", 2],
      ],
      (a: any) => (a[0][1] = 5),
    ],
    ["a one-dimensional list", ["0114", "0115"], (a: any) => (a[1] = "0117")],
    ["an empty list", [], (a: any) => a.push("0114")],
    ["an empty row", [[]], (a: any) => a[0].push("0114")],
    ["a jagged range", [["0114"], ["0115", "x"]], (a: any) => a[1].pop()],
    ["a list of rows and cells", [["0114"], "0115"], (a: any) => (a[1] = ["0115"])],
  ])("computes again when %s is changed in place", (_what, range, change) => {
    const c = counted();
    c.get([400, range]);
    change(range);
    c.get([400, range]);
    expect(c.computed()).toBe(2);
    c.get([400, range]);
    expect(c.computed()).toBe(2);
  });

  it("does not remember an argument nested deeper than rows of cells, so it is always computed", () => {
    const c = counted();
    const nested = [[["0114"]]];
    c.get([nested]);
    nested[0][0][0] = "0115";
    c.get([nested]);
    expect(c.computed()).toBe(2);
  });

  it("remembers an error and throws it again without computing", () => {
    const cache = new TableCache<number>();
    let computed = 0;
    const fail = () => {
      computed++;
      throw new RuleError("invalidValue", "fel");
    };
    expect(() => cache.get([1], fail)).toThrow("fel");
    expect(() => cache.get([1], fail)).toThrow("fel");
    expect(computed).toBe(1);
  });
});
