/**
 * What the pane says when a build would collide with what the workbook has: worded by what collides
 * (sheets, tables, workbook names or a mix), so that a user whose only clash is a table name is not told
 * that sheets exist. Pure: the pane puts the texts into the dialog.
 */
import { suffixedName, suffixedSheetName } from "./renamePlan";
import { Conflict } from "./writePlan";

/** The dialog's texts. */
export interface ConflictMessage {
  /** The dialog's heading: "Bladen finns redan", "Namnen finns redan", "Blad och tabeller finns redan". */
  readonly title: string;
  /** What collides, that nothing is overwritten, and the choice. */
  readonly text: string;
  /** The colliding sheets, tables and names, a few of each. */
  readonly list: string;
  /** The label of the button that builds under new names, with an example. */
  readonly suffixButton: string;
}

const SHOWN = 4;

function some(items: readonly string[]): string {
  return items.length > SHOWN
    ? `${items.slice(0, SHOWN).join(", ")} och ${items.length - SHOWN} till`
    : items.join(", ");
}

/** "a", "a och b", "a, b och c". */
function joined(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} och ${parts[parts.length - 1]}`;
}

/** The dialog's texts for a conflict. */
export function conflictMessage(conflict: Conflict): ConflictMessage {
  const kinds = [
    {
      items: conflict.sheets,
      count: (n: number) => (n === 1 ? "ett blad" : `${n} blad`),
      heading: conflict.sheets.length === 1 ? "Bladet" : "Bladen",
      word: "blad",
      label: "Blad",
    },
    {
      items: conflict.tables,
      count: (n: number) => (n === 1 ? "en tabell" : `${n} tabeller`),
      heading: conflict.tables.length === 1 ? "Tabellen" : "Tabellerna",
      word: "tabeller",
      label: conflict.tables.length === 1 ? "Tabell" : "Tabeller",
    },
    {
      items: conflict.names,
      count: (n: number) => (n === 1 ? "ett namn" : `${n} namn`),
      heading: "Namnen",
      word: "namn",
      label: "Namn",
    },
  ].filter((k) => k.items.length > 0);
  const title =
    kinds.length === 1
      ? `${kinds[0].heading} finns redan`
      : `${joined(kinds.map((k) => k.word)).replace(/^./, (c) => c.toUpperCase())} finns redan`;
  const names = conflict.tables.length + conflict.names.length > 0;
  const text =
    `Arbetsboken har redan ${joined(kinds.map((k) => k.count(k.items.length)))} som bygget också skulle skapa` +
    (names ? " (tabeller och namn i Formler → Namnhanteraren får inte heta likadant)" : "") +
    ". Inget skrivs över: bygg bredvid med nya namn, eller avbryt.";
  const list = kinds.map((k) => `${k.label}: ${some(k.items)}.`).join(" ");
  const example =
    conflict.sheets.length > 0
      ? suffixedSheetName(conflict.sheets[0], conflict.suffix)
      : suffixedName(conflict.tables[0] ?? conflict.names[0] ?? "Palliativ", conflict.suffix);
  return { title, text, list, suffixButton: `Bygg med nya namn (”${example}” …)` };
}
