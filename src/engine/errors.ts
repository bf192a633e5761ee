/**
 * Typed errors of the engine. Every message is Swedish (staff read them in Excel), says what is
 * wrong, where, and what to do. The messages live in one catalogue, `src/input/messages.ts`, shared with
 * the readers of every face, as HyperFormula keeps its own in one place.
 */

/** How a face should show the error: Excel's #VALUE! (bad input) or #N/A (party not in the list). */
export type ErrorKind = "invalidValue" | "notAvailable";

/** Where in the input the problem is: a 1-based row of the ranges, and the party if known. */
export interface ErrorPlace {
  readonly row?: number;
  readonly party?: string;
  readonly name?: string;
}

export class RuleError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly problem: string,
    readonly place: ErrorPlace = {}
  ) {
    super(placeText(place) + problem);
    this.name = "RuleError";
  }
}

function placeText({ row, party, name }: ErrorPlace): string {
  const who = [party, name].filter(Boolean).join(" ");
  if (row !== undefined) return who ? `Rad ${row} (${who}): ` : `Rad ${row}: `;
  return who ? `${who}: ` : "";
}

/** The problems, phrased once, in the one catalogue of every input message. */
export { Problem } from "../input/messages";
