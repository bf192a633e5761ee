/**
 * Förklara: pure functions behind the task pane's explanation of the selected cell (no Office, no DOM).
 * The pane reads a `CellSnapshot` (see `explainNeeds` for what to read) and shows the `Explanation`.
 */
export type { CellSnapshot, ExplainNeeds, Explanation, ExplanationFact } from "./types";
export { EXPLAIN_PARAMETERS, explainCell, explainNeeds, explanationLines, SELECT_AN_AMOUNT } from "./explainCell";
export { columnNote } from "./columns";
