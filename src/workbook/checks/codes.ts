/**
 * The checks of a party table's codes and rows: no code twice, no code outside the reference list, every
 * party of the reference list present, and (palliative) no more registrations than deaths.
 */
import { fx } from "../refs";
import { TableRefs } from "../sheetBuilder";
import { UNKNOWN_CODE } from "../sheets/reference";
import { Check, constant, noneFound } from "./check";

/** A party table as its sheet lays it out, and the parties it was written with. */
export interface CodeSpec {
  readonly id: string;
  readonly label: string;
  readonly table: TableRefs;
  readonly reference: TableRefs;
  /** Code and name per row; an empty name is a code the reference list lacks. */
  readonly parties: readonly { readonly name: string; readonly code: string }[];
  /** Rows in the reference list. */
  readonly referenceRows: number;
}

/** How many rows carry each code (as the sheet's code-number column counts them). */
function rowsPerCode(codes: readonly string[]): number[] {
  const counts = new Map<number, number>();
  for (const code of codes) counts.set(Number(code), (counts.get(Number(code)) ?? 0) + 1);
  return [...counts.values()];
}

export function codeChecks(spec: CodeSpec): Check[] {
  const { id, label, table, reference, parties } = spec;
  const where = table.sheet;
  const unknown = parties.filter((x) => x.name === "").length;
  return [
    {
      id: `${id}-dubbletter`,
      label: `${label}: ingen kod förekommer två gånger`,
      where,
      value: {
        formula: fx`MAX(${table.col("antal")})`,
        result: Math.max(0, ...rowsPerCode(parties.map((x) => x.code))),
      },
      expected: constant(1),
      compare: "<=",
      targets: [table.col("antal")],
      failing: { kind: "where", targets: [0], test: { is: "above", value: 1 } },
    },
    noneFound({
      id: `${id}-okanda`,
      label: `${label}: inga okända koder (finns inte i referenslistan)`,
      where,
      count: { formula: fx`COUNTIF(${table.col("namn")},"${UNKNOWN_CODE}")`, result: unknown },
      targets: [table.col("namn")],
      failing: { kind: "where", targets: [0], test: { is: "text", value: UNKNOWN_CODE } },
    }),
    {
      id: `${id}-saknade`,
      label: `${label}: alla parter i referenslistan finns med`,
      where,
      value: {
        formula: fx`ROWS(${table.col("kod")})-COUNTIF(${table.col("namn")},"${UNKNOWN_CODE}")`,
        result: parties.length - unknown,
      },
      expected: { formula: fx`ROWS(${reference.col("kod")})`, result: spec.referenceRows },
      compare: "=",
      targets: [table.col("kod"), reference.col("kod")],
      failing: { kind: "missing", table: 0, reference: 1 },
    },
  ];
}

/** Palliative: a row with more registrations than deaths is marked FEL on the sheet; none may be. */
export function registrationsCheck(
  id: string,
  label: string,
  table: TableRefs,
  rows: readonly { readonly deaths: number; readonly registrations: number }[]
): Check {
  return noneFound({
    id,
    label,
    where: table.sheet,
    count: {
      formula: fx`COUNTIF(${table.col("regkontroll")},"FEL")`,
      result: rows.filter((x) => x.registrations > x.deaths).length,
    },
    targets: [table.col("regkontroll")],
    failing: { kind: "where", targets: [0], test: { is: "text", value: "FEL" } },
  });
}
