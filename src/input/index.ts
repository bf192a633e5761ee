/**
 * Every input read one way: a reader per kind of value (readers.ts), one table of accepted spellings
 * (spellings.ts), one message catalogue (messages.ts), and the reading of files and delimited text that
 * the command line and the pane's import share (decode.ts, table.ts, rows.ts).
 */
export { csvText, excelText, startsLikeFormula } from "./cellText";
export * from "./decode";
export { Label, Problem } from "./messages";
export {
  readAmount,
  readApplicantKind,
  readBankgiro,
  readCare,
  readCode,
  readCount,
  readDate,
  readKronor,
  readMonth,
  readNumber,
  readOrganisationNumber,
  readPartyCode,
  readPartyKind,
  readPayeeKind,
  readPlusgiro,
  readShare,
  readStep,
  readText,
  readYesNo,
} from "./readers";
export type { RowProblem } from "./rows";
export { RowReader, SCREENFUL, screenful } from "./rows";
export { characterName, cut, describeCell, shownCount, shownText, shownValue, visible, withoutInvisible } from "./show";
export { checkDigitFor, checkDigitHolds } from "./checkDigits";
export type { ApplicantKind } from "./spellings";
export { APPLICANT_KINDS, noWords, SPELLINGS, yesWords } from "./spellings";
export type { Delimiter, NoTable, Table, TableProblem, TableRow } from "./table";
export { countLines, headerDelimiter, readTable } from "./table";
export type { Reader, Reading } from "./verdict";
export { CELL_TEXT_LIMIT, cleanText, isBlank, Refused } from "./verdict";
