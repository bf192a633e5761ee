/**
 * Typed errors of the engine. Every message is Swedish (staff read them in Excel), says what is
 * wrong, where, and what to do. The engine's messages are its own (`messages.ts`); the input layer's
 * catalogue takes them in, so that the engine imports nothing from above it.
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

/** The problems the rules raise, phrased once. */
export { RuleProblem } from "./messages";
