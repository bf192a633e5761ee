/**
 * The check digit of Swedish organisation numbers, bankgiro and plusgiro numbers: the last digit makes the
 * modulus-10 sum of all digits a multiple of 10, every second digit from the right (the one before the check
 * digit first) counted twice and its digits added (10-modul, the Luhn algorithm). The same rule as for a personal
 * identity number (Skatteverket, Organisationsnummer, SKV 709); Bankgirot and PlusGirot give the last digit of
 * their numbers by the same rule.
 */

/** True when the digits' last digit is the right check digit for the ones before it. */
export function checkDigitHolds(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    const counted = i % 2 === 1 ? digit * 2 : digit;
    sum += counted > 9 ? counted - 9 : counted;
  }
  return sum % 10 === 0;
}

/** The check digit that ends `digits` (for tests and for a message that says which digit was expected). */
export function checkDigitFor(digits: string): number {
  for (let d = 0; d <= 9; d++) if (checkDigitHolds(`${digits}${d}`)) return d;
  throw new Error(`no check digit for ${digits}`);
}
