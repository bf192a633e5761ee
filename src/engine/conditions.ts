import Decimal from "decimal.js";
import { Money } from "./money";

/**
 * A payment with conditions: paid when every condition holds, else held back, whole. Neither silently paid
 * nor silently dropped: what is held back stays on record beside what is paid. Cirkulär 10:11 sets the county
 * grant after a plan ("ska länsvis upprätta en plan för utvecklingsarbetet. Medel fördelas därefter"); "Att bygga
 * infrastruktur för socialtjänsten", bild 15: "Överenskommelse skrivs med SKL"; bild 18: "För att få tillgång
 * till statsbidragen ska länens/regionernas åtaganden beskrivas, vilket sker genom de avsiktsförklaringar som
 * omnämns i Program för en god äldreomsorg"; bild 16: "Politisk förankring krävs" for a pilot.
 */
export interface HeldBack {
  /** What is paid now. */
  readonly paid: Decimal;
  /** What is held back until the conditions hold. */
  readonly heldBack: Decimal;
}

/** An amount paid when all its conditions hold, else held back whole. */
export function payWhenMet(amount: Decimal, conditions: readonly boolean[]): HeldBack {
  const met = conditions.every(Boolean);
  return met ? { paid: amount, heldBack: new Money(0) } : { paid: new Money(0), heldBack: amount };
}

/** The conditions of a payment that do not hold, by their names, in the order given. */
export function unmetConditions<K extends string>(conditions: readonly (readonly [K, boolean])[]): K[] {
  return conditions.filter(([, met]) => !met).map(([name]) => name);
}
