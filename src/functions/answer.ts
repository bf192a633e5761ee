import { partyCode } from "../engine/codes";
import { Problem, RuleError } from "../engine/errors";
import { Cell, isBlankCode } from "./args";
import { excelErrorFrom, ExcelError } from "./excelError";

/** Amounts in kronor of one computed table, by party key. */
export type AmountsByParty = ReadonlyMap<string, number>;

/** What a custom function returns for a party argument: one amount, or a column of them. */
export type Answer = number | string | (number | string | CustomFunctions.Error | ExcelError)[][];

/**
 * Answers the `party` argument from a computed table: one code gives one amount (an unknown code is
 * #N/A); a range gives a column in the same shape, blank for a blank code and #N/A for an unknown one.
 */
export function answerFor(party: Cell, amounts: AmountsByParty): Answer {
  if (!Array.isArray(party)) return isBlankCode(party) ? "" : amountOf(party, amounts);
  return party.map((row: Cell[]) =>
    (Array.isArray(row) ? row : [row]).map((cell) => {
      if (isBlankCode(cell)) return "";
      try {
        return amountOf(cell, amounts);
      } catch (error) {
        return excelErrorFrom(error);
      }
    })
  );
}

function amountOf(cell: Cell, amounts: AmountsByParty): number {
  const code = partyCode(cell);
  const amount = code && amounts.get(code.key);
  if (!code || amount === undefined)
    throw new RuleError("notAvailable", Problem.partyNotFound(code ? code.text : "(tom)"));
  return amount;
}
