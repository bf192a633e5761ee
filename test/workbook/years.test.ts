/*
 * A later year built on 2010's data says so: --year 2011 and 2012 take the parameters of their year but the
 * 2010 reference lists, populations, published tables and synthetic registry data (no source gives later
 * ones), and Start and every sheet that shows them say that; 2010 itself says nothing of the kind.
 */
import { loadBundledInputs } from "../../src/cli/readData";
import { buildPlan } from "../../src/workbook/buildPlan";
import { WorkbookPlan } from "../../src/workbook/plan";

const notice = (plan: WorkbookPlan) =>
  plan.sheets
    .filter((s) =>
      s.cells.some((c) => typeof c.content === "string" && c.content.startsWith("OBS: 2011 byggs på 2010 års underlag"))
    )
    .map((s) => s.name);

describe("a year built on 2010's data", () => {
  it("says so on Start and on every sheet that shows the reused lists, populations, tables or registry data", () => {
    const plan = buildPlan(loadBundledInputs(2011), "file").plan;
    expect(notice(plan).sort()).toEqual(
      [
        "Start",
        "Utbetalningar",
        "Andel",
        "Palliativ",
        "Senior alert",
        "Länsbidrag",
        "Försöksverksamhet",
        "Länsbudget",
        "Kommuner",
        "Landsting",
      ].sort()
    );
    const start = plan.sheets[0].cells.find((c) => typeof c.content === "string" && c.content.startsWith("OBS: 2011"));
    expect(start?.content).toBe(
      "OBS: 2011 byggs på 2010 års underlag: kommuner och folkmängd (31 december 2009) och de publicerade länsbidragen, och de syntetiska registerdata (dödsfall, registreringar, Senior alert). Källorna ger inga egna för 2011; ersätt dem när de finns."
    );
  });

  it("says nothing of the kind for 2010, whose own data they are", () => {
    const plan = buildPlan(loadBundledInputs(2010), "file").plan;
    const texts = plan.sheets.flatMap((s) => s.cells.map((c) => c.content)).filter((c) => typeof c === "string");
    expect(texts.filter((t) => String(t).includes("års underlag"))).toEqual([]);
  });
});
