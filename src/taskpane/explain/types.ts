/**
 * What the pane reads from the workbook for the selected cell, and the explanation it shows. Plain data:
 * the pane fills the snapshot through Office.js and renders the explanation; the rules run in between.
 */
import { CellValue } from "../../workbook/plan";
import { TableValues } from "../import/tables";

/** The selected cell and what the explanation needs from the workbook as it is now. */
export interface CellSnapshot {
  /** The name of the table the selected cell is in (e.g. "Palliativ_kommun"); absent when it is in none. */
  readonly table?: string;
  /** The header of the selected cell's column. */
  readonly column?: string;
  /** The selected cell's 0-based data row in the table (-1 or absent for the header row). */
  readonly row?: number;
  /** The table's values: the header row, then every data row. */
  readonly values?: TableValues;
  /**
   * The named parameter cells by name (`NAME` in src/workbook/sheets/parameters.ts), e.g.
   * `{ P_Troskel_Bas: 0.4, P_Bas_Kommun: 20000000, Steg_Utbetalning: 1 }`. See `explainNeeds`.
   */
  readonly parameters: Readonly<Record<string, CellValue | undefined>>;
  /** Other tables the explanation needs, by name (`UK_individer` for a `UK_avrakning` row). See `explainNeeds`. */
  readonly tables?: Readonly<Record<string, TableValues | undefined>>;
  /** The worksheet row of the table's first data row, so that messages name the row the user sees. */
  readonly firstRow?: number;
}

/** One line of facts: a label and its value, both Swedish text ready to show. */
export interface ExplanationFact {
  readonly label: string;
  readonly value: string;
}

/**
 * An explanation of one cell. `kind`: "amount" for a computed cell of a rule (the full explanation),
 * "column" for an input or lookup (what the column means), "none" outside the known tables, "problem"
 * when the rule cannot run on the table as it is (the message says what to fix).
 */
export interface Explanation {
  readonly kind: "amount" | "column" | "none" | "problem";
  /** What is explained: "Palliativregistret, nivå 1 (kommuner)". */
  readonly title: string;
  readonly party?: { readonly code: string; readonly name: string };
  /** One sentence with the outcome and the key numbers. */
  readonly summary: string;
  readonly qualification?: { readonly qualifies: boolean; readonly reason: string };
  /** Inputs, rate against the threshold, weight and share, unrounded amount, rounding, pot. */
  readonly facts: readonly ExplanationFact[];
  /** What would change the outcome ("3 registreringar till skulle nå 40 %"). */
  readonly whatWouldChange: readonly string[];
  /** What the selected column means, and any warning (the cell differs from the rule). */
  readonly notes: readonly string[];
}

/** The named parameters and other tables an explanation of a cell in `table` reads. */
export interface ExplainNeeds {
  readonly parameters: readonly string[];
  readonly tables: readonly string[];
}
