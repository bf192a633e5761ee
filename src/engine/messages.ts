/**
 * The messages of the rule errors the engine raises, phrased once. Swedish, as staff read them in Excel, the
 * pane and the command line; each says what is wrong and what to do. The engine imports nothing from above
 * it: the input layer's catalogue (`src/input/messages.ts`) takes these in, so that every face still reads
 * one catalogue, as HyperFormula keeps its messages in one `ErrorMessage` class.
 */

/** The words these messages use for the rules' own parameters (the input layer's `Label` uses them too). */
export const RuleWord = {
  threshold: "tröskeln",
  step: "avrundningssteget",
} as const;

const shareOutOfRange = (what: string, value: string) =>
  `${what} (${value}) ska vara en andel mellan 0 och 1, t.ex. 0,4 för 40 %.`;
const notPositive = (what: string, value: string) =>
  `${what} (${value}) måste vara större än 0, t.ex. 1 för hela kronor eller 1000 för tusental.`;

/** The problems the rules find in their inputs. */
export const RuleProblem = {
  registrationsExceedDeaths: (registrations: string, deaths: string) =>
    `registreringar (${registrations}) är fler än dödsfall (${deaths}). Kontrollera registerutdraget.`,
  duplicateCode: (code: string, firstRow: number) =>
    `koden ${code} finns redan på rad ${firstRow}. Varje part får bara förekomma en gång.`,
  totalBelowBase: (total: string, counties: number, base: string) =>
    `totalen (${total}) räcker inte till grundbeloppet ${base} för ${counties} län. Höj totalen eller sänk grundbeloppet.`,
  notANumber: (what: string, value: string) =>
    `${what} måste vara ett tal, men cellen innehåller ${value}. Skriv ett tal eller töm hela raden.`,
  notWholeCount: (what: string, value: string) => `${what} (${value}) måste vara ett helt tal som är 0 eller större.`,
  negative: (what: string, value: string) => `${what} (${value}) får inte vara negativt.`,
  tooLarge: (what: string, value: string) =>
    `${what} (${value}) går inte att räkna exakt: högst 9 007 199 254 740 991 (2^53 − 1), på öret när.`,
  shareOutOfRange,
  thresholdOutOfRange: (value: string) => shareOutOfRange(RuleWord.threshold, value),
  notPositive,
  stepNotPositive: (value: string) => notPositive(RuleWord.step, value),
} as const;
