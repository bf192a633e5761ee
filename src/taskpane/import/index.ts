/**
 * Importera: pure functions behind the task pane's import (no Office, no DOM). Parse and validate a file
 * or a paste (`parseImport`), compare it with the workbook's tables (`previewImport`), and write the
 * returned `edits` (`writeImport` in workbookTables.ts): only the cells that change, rows added and removed.
 */
export { startsLikeFormula, TEXT_FORMAT, textValue } from "./cells";
export type { DecodedText, Delimiter, ImportEncoding, NotText } from "../../input";
export { decodeText } from "../../input";
export type { ImportKind } from "./headers";
export { KIND_LABEL } from "./headers";
export type {
  DischargeImportRow,
  InvalidImport,
  PalliativeImportRow,
  ParsedImport,
  SeniorAlertImportRow,
  ValidImport,
} from "./parseImport";
export { parseImport } from "./parseImport";
export type { ImportedParty, ImportReference } from "./parties";
export { partyLabel } from "./parties";
export type { ImportProblem } from "./problems";
export { problemText } from "./problems";
export type { AddedRow, CellRun, CurrentTables, ImportChange, ImportPreview, TableEdit } from "./preview";
export { importTargetTables, previewImport } from "./preview";

export { referenceFromTables } from "./reference";
export type { TableValues } from "./tables";
export { HEADER, TABLE } from "./tables";
