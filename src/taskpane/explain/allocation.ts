/**
 * The second step shared by every pot, explained from the engine's allocation line: the party's weight
 * and share, the unrounded amount, the rounding (largest remainder, ties by code) and the pot.
 * DOMAIN.md, "Money": "Rounding distributes each pot exactly: the largest-remainder method".
 */
import { Allocation, AllocationLine } from "../../engine/allocate";
import { PartyCode, partyCode } from "../../engine/codes";
import { formatKronor, formatNumberSv } from "../../engine/money";
import { CellValue } from "../../workbook/plan";
import { cellText, HEADER, TableView } from "../import/tables";
import { columnNote } from "./columns";
import { formatQuota, formatShare, numberIn, plural, rowNumber } from "./read";
import { CellSnapshot, Explanation, ExplanationFact } from "./types";

/** One party's line of an allocation and how to name its weight and pot. */
export interface AllocationFactsSpec {
  readonly line: AllocationLine;
  readonly allocation: Allocation;
  /** What the weight is: "folkmängd", "registreringar", "antal kommuner". */
  readonly weightLabel: string;
  /** The pot's name on Parametrar, or how it is derived: "P_Bas_Kommun". */
  readonly potName: string;
  /** Label prefix when two allocations are shown together ("Nivå 1: "). */
  readonly prefix?: string;
}

/** Weight and share, exact quota, rounding adjustment, amount and pot, as facts. */
export function allocationFacts(spec: AllocationFactsSpec): ExplanationFact[] {
  const { line, allocation, weightLabel, potName } = spec;
  const p = spec.prefix ?? "";
  const sharing = allocation.lines.filter((l) => l.weight.greaterThan(0)).length;
  const facts: ExplanationFact[] = [];
  if (line.weight.isZero()) {
    facts.push({ label: `${p}Vikt (${weightLabel})`, value: "0: delar inte potten" });
  } else {
    facts.push({
      label: `${p}Vikt (${weightLabel})`,
      value: `${formatNumberSv(line.weight)} av ${formatNumberSv(allocation.totalWeight)} (${formatShare(line.weightShare)})`,
    });
    facts.push({
      label: `${p}Exakt andel (oavrundad)`,
      value: `${formatKronor(allocation.distributed)} × ${formatNumberSv(line.weight)} / ${formatNumberSv(allocation.totalWeight)} = ${formatQuota(line.quota)}`,
    });
    const rank = line.remainderRank ?? 0;
    const left = allocation.leftoverSteps;
    const steps = `${formatNumberSv(left)} ${plural(left, "steg", "steg")}`;
    facts.push({
      label: `${p}Avrundning`,
      value: line.extraStep
        ? `+${formatKronor(line.adjustment)}: golvet ${formatKronor(line.floorAmount)} plus ett steg, eftersom resten är nr ${rank} av ${sharing} och ${steps} var kvar efter golven`
        : `0 kr: golvet ${formatKronor(line.floorAmount)} behålls; resten är nr ${rank} av ${sharing} och ${steps} var kvar efter golven`,
    });
    const diff = line.amount.minus(line.quota);
    facts.push({
      label: `${p}Belopp − exakt andel`,
      value: `${diff.isNegative() ? "−" : "+"}${formatQuota(diff.abs())}`,
    });
  }
  facts.push({ label: `${p}Belopp`, value: formatKronor(line.amount) });
  facts.push({
    label: `${p}Potten`,
    value:
      `${formatKronor(allocation.pot)} (${potName}) i steg om ${formatKronor(allocation.step)}, delas av ${sharing} ${plural(sharing, "part", "parter")}; ` +
      `fördelat ${formatKronor(allocation.distributed)}, ej fördelat ${formatKronor(allocation.undistributed)}`,
  });
  return facts;
}

/** The rows of a table that have a party code, with their data-row index. */
export interface PartyRowRef {
  readonly index: number;
  readonly code: PartyCode;
  readonly name: string;
}

/** "0114 Upplands Väsby". */
export function partyText(code: PartyCode, name: string): string {
  return name ? `${code.text} ${name}` : code.text;
}

/** A note when the selected amount cell shows another value than the rule on the table as it is now. */
export function cellDiffers(shown: CellValue, engine: { toNumber(): number }, what = "kr"): string | undefined {
  const value = numberIn(shown);
  if (value === undefined || cellText(shown) === "") return undefined;
  const expected = engine.toNumber();
  if (Math.abs(value - expected) < 0.005) return undefined;
  return (
    `Cellen visar ${formatNumberSv(value)} ${what}, men regeln ger ${formatNumberSv(expected)} ${what} på tabellens nuvarande värden. ` +
    "Räkna om arbetsboken (F9) eller kontrollera formeln i cellen."
  );
}

/** Where a table row stands, for messages: its worksheet row, the party's code and name. */
export interface RowPlace {
  readonly row: number;
  readonly party: string;
  readonly name: string;
}

/**
 * Each row of the table that has a party code, read into the rule's input by `input`, and the index of the
 * selected row among them (-1 when it has no code).
 */
export function partyRows<T>(
  snapshot: CellSnapshot,
  view: TableView,
  nameHeader: string,
  input: (r: number, place: RowPlace, code: PartyCode) => T
): { inputs: T[]; selected: number } {
  const inputs: T[] = [];
  let selected = -1;
  for (let r = 0; r < view.rowCount; r++) {
    const code = partyCode(view.get(r, HEADER.code));
    if (!code) continue;
    if (r === snapshot.row) selected = inputs.length;
    inputs.push(
      input(r, { row: rowNumber(snapshot, r), party: code.text, name: cellText(view.get(r, nameHeader)) }, code)
    );
  }
  return { inputs, selected };
}

/** The selected cell's column and data row, and the party of that row by the table's code and name columns. */
export function selectedParty(snapshot: CellSnapshot, view: TableView, codeHeader: string, nameHeader: string) {
  const column = snapshot.column!;
  const row = snapshot.row!;
  const code = partyCode(view.get(row, codeHeader));
  const name = cellText(view.get(row, nameHeader));
  return { column, row, code, name, party: code ? { code: code.text, name } : undefined };
}

/**
 * The selected column's note, and when it is one of `amountColumns`, a note if the cell shows another value
 * than `amount`, the rule on the table as it is now.
 */
export function amountNotes(
  snapshot: CellSnapshot,
  view: TableView,
  amountColumns: readonly string[],
  amount: { toNumber(): number } | undefined
): string[] {
  const column = snapshot.column!;
  const note = columnNote(view.name, column);
  const notes = note ? [note] : [];
  if (amount !== undefined && amountColumns.includes(column)) {
    const differs = cellDiffers(selectedValue(snapshot, view), amount);
    if (differs) notes.push(differs);
  }
  return notes;
}

/** The selected cell's value. */
export function selectedValue(snapshot: CellSnapshot, view: TableView): CellValue {
  return snapshot.row === undefined || snapshot.column === undefined ? null : view.get(snapshot.row, snapshot.column);
}

/** An explanation of an input or lookup column: what it means, for the selected party. */
export function columnExplanation(
  title: string,
  column: string,
  note: string | undefined,
  party?: { code: string; name: string }
): Explanation {
  return {
    kind: "column",
    title,
    party,
    summary: `${column}${party ? ` för ${party.name ? `${party.code} ${party.name}` : party.code}` : ""}.`,
    facts: [],
    whatWouldChange: [],
    notes: note ? [note] : [],
  };
}
