/*
 * The dates the sources give (Tidplan): on Parametrar a dated input per event, or the source's own words where it
 * names a time but no date, each with a note a reader can take as written.
 */
import { loadBundledInputs } from "../../src/cli/readData";
import { buildPlan } from "../../src/workbook/buildPlan";
import { CellPlan } from "../../src/workbook/plan";

const inputs = loadBundledInputs(2010);
const { plan } = buildPlan(inputs, "file");
const parameters = plan.sheets.find((s) => s.name === "Parametrar")!;
const textOf = (cell: CellPlan | undefined): string =>
  typeof cell?.content === "string"
    ? cell.content
    : cell?.content && typeof cell.content === "object"
      ? String(cell.content.result)
      : "";

/** The row of Parametrar that holds an undated event's words, and its note (the rightmost text of the row). */
function rowOf(words: string): { value: string; note: string } {
  const value = parameters.cells.find((c) => textOf(c) === words)!;
  const row = parameters.cells.filter((c) => c.at.row === value.at.row).sort((a, b) => a.at.column - b.at.column);
  return { value: textOf(value), note: textOf(row[row.length - 1]) };
}

describe("Tidplan on Parametrar", () => {
  it("says of a day without its year that the year is missing, once, and not that the source has no date", () => {
    const { note } = rowOf("senast den 1 december");
    expect(note).toMatch(
      /^Källan anger dagen men inte året\. Placerad i tidplanen som en läsning\. Sörmlandsöverenskommelsen/
    );
    expect(note).not.toMatch(/Inget datum|året anges inte/i);
  });

  it("says of a time in words ('i början av 2011') that the source gives no date, once", () => {
    const { note } = rowOf("i början av 2011");
    expect(note).toMatch(/^Källan anger tiden med ord, inte ett datum\./);
    expect(note.match(/datum/g)).toHaveLength(1);
  });

  it("begins every sentence of its notes with a capital, the source's too", () => {
    const notes = inputs.parameters.timeline.filter((e) => e.date === null).map((e) => rowOf(e.when).note);
    for (const note of notes) expect(note).not.toMatch(/\. [a-zåäö]/);
  });
});
