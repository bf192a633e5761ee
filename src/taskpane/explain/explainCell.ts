/**
 * Förklara: explains the selected cell of the workbook. The rule is re-run with the engine on the
 * table's current values and the named parameters, so the explanation reflects the workbook as it is
 * now, not as it was built. Nothing here computes a rule itself: the numbers come from `src/engine/`.
 */
import { RuleError } from "../../engine/errors";
import { TABLE, TableView } from "../import/tables";
import { columnExplanation } from "./allocation";
import { columnNote } from "./columns";
import { COUNTY_PARAMETERS, explainCountyGrant } from "./countyGrant";
import { DISCHARGE_PARAMETERS, explainDischarge } from "./discharge";
import { explainPalliative, palliativeParameters } from "./palliative";
import { explainSeniorAlert, seniorAlertParameters } from "./seniorAlert";
import { explainShare, shareNeeds } from "./share";
import { SHARE_COUNTY_TABLE, SHARE_TABLE } from "../../workbook/sheets/share";
import { CellSnapshot, ExplainNeeds, Explanation } from "./types";

/** What the pane says when the selection is not in one of the workbook's tables. */
export const SELECT_AN_AMOUNT = "Markera ett belopp i en av arbetsbokens tabeller";

const NONE: Explanation = {
  kind: "none",
  title: "Förklara",
  summary: SELECT_AN_AMOUNT,
  facts: [],
  whatWouldChange: [],
  notes: [],
};

const TITLES: Readonly<Record<string, string>> = {
  [TABLE.dischargeIndividuals]: "Utskrivningsklara dagar per individ (indata)",
  [TABLE.dischargeCounty]: "Länets snitt per månad mot målet",
  [TABLE.municipalities]: "Kommuner (referensdata)",
  [TABLE.counties]: "Landsting (referensdata)",
  [SHARE_TABLE]: "Andel: partens poster",
  [SHARE_COUNTY_TABLE]: "Andel: länets gemensamma medel",
};

/**
 * Explains the selected cell. For an amount (or another computed cell of a rule): the party, its
 * inputs, the rate against the threshold with the exact numbers, whether and why it qualifies, its
 * weight and share of the pot, the unrounded amount, the rounding adjustment, the pot, and what would
 * change the outcome. For an input or lookup: what the column means. Outside the known tables:
 * "Markera ett belopp i en av arbetsbokens tabeller". When the table's values break a rule (a blank count,
 * registrations above deaths), the engine's message naming the row and party.
 */
export function explainCell(snapshot: CellSnapshot): Explanation {
  const { table, column, row, values } = snapshot;
  if (!table || !column || !values || values.length === 0) return NONE;
  const view = new TableView(table, values);
  const known = columnNote(table, column) !== undefined || explainNeedsOf(table) !== undefined;
  if (!known) return NONE;
  if (row === undefined || row < 0 || row >= view.rowCount) {
    return columnExplanation(TITLES[table] ?? table, column, columnNote(table, column));
  }
  try {
    switch (table) {
      case TABLE.palliativeKommun:
        return explainPalliative(snapshot, view, "kommun");
      case TABLE.palliativeLandsting:
        return explainPalliative(snapshot, view, "landsting");
      case TABLE.seniorAlertKommun:
        return explainSeniorAlert(snapshot, view, "kommun");
      case TABLE.seniorAlertLandsting:
        return explainSeniorAlert(snapshot, view, "landsting");
      case TABLE.countyGrant:
        return explainCountyGrant(snapshot, view);
      case TABLE.dischargeSettlement:
        return explainDischarge(snapshot, view);
      case SHARE_TABLE:
      case SHARE_COUNTY_TABLE:
        return explainShare(snapshot, view, explainCell);
      default:
        return columnExplanation(TITLES[table] ?? table, column, columnNote(table, column));
    }
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    const message = e.message.charAt(0).toUpperCase() + e.message.slice(1);
    return {
      kind: "problem",
      title: TITLES[table] ?? table,
      summary: `Regeln kan inte räknas på tabellens nuvarande värden. ${message}`,
      facts: [],
      whatWouldChange: [],
      notes: [],
    };
  }
}

function explainNeedsOf(table: string): ExplainNeeds | undefined {
  switch (table) {
    case TABLE.palliativeKommun:
      return { parameters: palliativeParameters("kommun"), tables: [] };
    case TABLE.palliativeLandsting:
      return { parameters: palliativeParameters("landsting"), tables: [] };
    case TABLE.seniorAlertKommun:
      return { parameters: seniorAlertParameters("kommun"), tables: [] };
    case TABLE.seniorAlertLandsting:
      return { parameters: seniorAlertParameters("landsting"), tables: [] };
    case TABLE.countyGrant:
      return { parameters: [...COUNTY_PARAMETERS], tables: [] };
    case TABLE.dischargeSettlement:
      return { parameters: [...DISCHARGE_PARAMETERS], tables: [TABLE.dischargeIndividuals] };
    case SHARE_TABLE:
    case SHARE_COUNTY_TABLE:
      return shareNeeds();
    default:
      return undefined;
  }
}

/**
 * The named parameters and the other tables to read for explaining a cell of `table` (nothing for a
 * table without a rule). The pane reads these once per table, not per cell.
 */
export function explainNeeds(table: string): ExplainNeeds {
  return explainNeedsOf(table) ?? { parameters: [], tables: [] };
}

/** Every named parameter any explanation reads. */
export const EXPLAIN_PARAMETERS: readonly string[] = [
  ...new Set([
    ...palliativeParameters("kommun"),
    ...palliativeParameters("landsting"),
    ...seniorAlertParameters("kommun"),
    ...seniorAlertParameters("landsting"),
    ...COUNTY_PARAMETERS,
    ...DISCHARGE_PARAMETERS,
    ...shareNeeds().parameters,
  ]),
];

/** An explanation as plain lines, for a screen reader, a tooltip or a test. */
export function explanationLines(e: Explanation): string[] {
  return [
    e.title,
    e.summary,
    ...(e.qualification ? [e.qualification.reason] : []),
    ...e.facts.map((f) => `${f.label}: ${f.value}`),
    ...e.whatWouldChange.map((c) => `Det här skulle ändra utfallet: ${c}`),
    ...e.notes,
  ];
}
