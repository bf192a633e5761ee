/**
 * The checks of every pot: the amounts paid plus what is not distributed make the pot, what is left
 * undistributed, the twin against the engine (or the add-in), and the integers staying exact.
 */
import { Allocation } from "../../engine/allocate";
import { Money } from "../../engine/money";
import { asRange, fx } from "../refs";
import { TableRefs } from "../sheetBuilder";
import { fitsExactly, PotCells, twinAmounts, twinKeys } from "../sheets/allocationColumns";
import { PlanContext } from "../sheets/context";
import { Check, Computed, constant, spread, spreadFormula, sum } from "./check";

/** One allocation as its sheet lays it out. */
export interface PotSpec {
  readonly id: string;
  readonly label: string;
  readonly table: TableRefs;
  readonly cells: PotCells;
  readonly prefix: string;
  readonly allocation: Allocation;
  /** What the amount column pays besides the pot (the county grant's base for every county). */
  readonly besidesPot?: Computed;
  /** The base each line's amount column adds (kronor), as the twin's amounts are written. */
  readonly base?: (i: number) => number;
  /** What the amounts are called: paid ("utbetalda belopp", the default), or only computed (a basis that may not pay them). */
  readonly amounts?: string;
}

/**
 * TRUE when a pot's inputs differ from those the engine shared it by when the file was written: the pot,
 * its steps, and two sums of the weight column (plain, and weighted by code number, so that moving weight
 * between parties counts too).
 */
function allocationChanged(pot: PotSpec) {
  const { allocation, table, cells } = pot;
  const weights = table.col(twinKeys(pot.prefix).weight);
  const total = allocation.lines.reduce((s, l) => s.plus(l.weight), new Money(0));
  const byCode = allocation.lines.reduce((s, l) => s.plus(l.weight.times(Number(l.code.text))), new Money(0));
  return fx`OR(${cells.pot}<>${allocation.pot.toFixed()},${cells.steps}<>${allocation.steps.toString()},SUM(${weights})<>${total.toFixed()},SUMPRODUCT(${weights},${table.col("kodnr")})<>${byCode.toFixed()})`;
}

/** The four checks of one allocation. */
export function potChecks(ctx: PlanContext, pot: PotSpec): Check[] {
  const { id, label, table, cells, allocation } = pot;
  const where = table.sheet;
  const k = twinKeys(pot.prefix);
  const amounts = twinAmounts(allocation.lines, pot.base);
  const besides = pot.besidesPot;
  const undistributed = allocation.undistributed.toNumber();
  const engineWord = ctx.mode === "file" ? "motorn" : "SKL-funktionen";
  const writtenNote = ctx.mode === "file" ? " (INFO om indata ändrats sedan filen skrevs)" : "";
  const differences = amounts.twin.map((twin, i) => twin - amounts.engine[i]);
  return [
    {
      id: `${id}-summa`,
      label: `${label}: ${pot.amounts ?? "utbetalda belopp"} + ej fördelat = potten`,
      where,
      // The amounts as the sheet pays them, not the pot rows' own arithmetic: a typed-over amount shows here.
      value: {
        formula: besides
          ? fx`SUM(${table.col(k.amount)})-(${besides.formula})+${cells.undistributed}`
          : fx`SUM(${table.col(k.amount)})+${cells.undistributed}`,
        result: sum(amounts.twin) - (besides ? Number(besides.result) : 0) + undistributed,
      },
      expected: { formula: fx`${cells.pot}`, result: allocation.pot.toNumber() },
      compare: "=",
      targets: [cells.pot, cells.distributed, cells.undistributed].map((c) => asRange(c)),
      failing: { kind: "targets" },
    },
    {
      id: `${id}-ofordelat`,
      label: `${label}: ej fördelat (ingen kvalificerad, eller mindre än ett steg)`,
      where,
      value: { formula: fx`${cells.undistributed}`, result: undistributed },
      expected: constant(0),
      compare: "=",
      informational: true,
      targets: [asRange(cells.undistributed)],
      failing: { kind: "targets" },
    },
    {
      id: `${id}-tvilling`,
      label: `${label}: formeln ger samma kronor som ${engineWord}${writtenNote}`,
      where,
      value: { formula: spreadFormula(table.col(k.diff)), result: spread(differences) },
      expected: constant(0),
      compare: "=",
      inputsChanged: ctx.mode === "file" ? allocationChanged(pot) : undefined,
      targets: [table.col(k.diff)],
      failing: { kind: "where", targets: [0], test: { is: "nonZero" } },
    },
    {
      id: `${id}-exakt`,
      label: `${label}: heltalen ryms exakt (S × största vikt < 2^53)`,
      where,
      value: {
        formula: fx`${cells.exact}`,
        result: fitsExactly(allocation),
      },
      expected: constant(true),
      compare: "true",
      targets: [asRange(cells.exact)],
      failing: { kind: "targets" },
    },
  ];
}
