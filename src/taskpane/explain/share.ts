/**
 * Explains a row of `Andel_poster`, the table of pots on a party's page (`Andel`): the pot of that row for the
 * party the page shows (the workbook name `Andel_Kod`), by the explanation of the pot's own table (Palliativ,
 * Senior alert, Länsbidrag), so that the page and the pot sheets are explained in the same words. The county
 * grant and the regional support are paid to the county's recipient: on a municipality's page they are
 * explained for its county.
 */
import { PartyCode, partyCode } from "../../engine/codes";
import { RuleError } from "../../engine/errors";
import { PartyKind } from "../../workbook/inputs";
import { SHARE_CODE_NAME } from "../../workbook/sheets/share";
import { ALLOCATION_LABEL, cellText, HEADER, TABLE, TableView, TWIN_PART } from "../import/tables";
import { COUNTY_PARAMETERS } from "./countyGrant";
import { palliativeParameters } from "./palliative";
import { seniorAlertParameters } from "./seniorAlert";
import { CellSnapshot, ExplainNeeds, Explanation } from "./types";

/** The column of `Andel_poster` that names the row's pot (share.ts writes it). */
export const POT_HEADER = "Pott";

/** Where a pot of the page is explained: its table for each kind of party, and the column of its amount. */
interface PotSource {
  /** The start of the pot's name in the page's Pott column. */
  readonly pot: string;
  readonly tables: Readonly<Record<PartyKind, string>>;
  readonly column: string;
  /** Paid to the county's recipient (the county grant, the regional support). */
  readonly county: boolean;
}

const COUNTY_TABLES = { kommun: TABLE.countyGrant, landsting: TABLE.countyGrant };

const POTS: readonly PotSource[] = [
  {
    pot: "Palliativregistret, nivå 1",
    tables: { kommun: TABLE.palliativeKommun, landsting: TABLE.palliativeLandsting },
    column: `${ALLOCATION_LABEL.base}: ${TWIN_PART.amount}`,
    county: false,
  },
  {
    pot: "Palliativregistret, nivå 2",
    tables: { kommun: TABLE.palliativeKommun, landsting: TABLE.palliativeLandsting },
    column: `${ALLOCATION_LABEL.bonus}: ${TWIN_PART.amount}`,
    county: false,
  },
  {
    pot: "Senior alert",
    tables: { kommun: TABLE.seniorAlertKommun, landsting: TABLE.seniorAlertLandsting },
    column: `${ALLOCATION_LABEL.seniorAlert}: ${TWIN_PART.amount}`,
    county: false,
  },
  { pot: "Länsbidrag", tables: COUNTY_TABLES, column: HEADER.final, county: true },
  {
    pot: "Regionala stödstrukturer",
    tables: COUNTY_TABLES,
    column: `${ALLOCATION_LABEL.regional}: ${TWIN_PART.amount}`,
    county: true,
  },
];

/** What the pane reads to explain a row of the page: every pot's table and parameters, and the page's party. */
export function shareNeeds(): ExplainNeeds {
  return {
    parameters: [
      ...new Set([
        SHARE_CODE_NAME,
        ...palliativeParameters("kommun"),
        ...palliativeParameters("landsting"),
        ...seniorAlertParameters("kommun"),
        ...seniorAlertParameters("landsting"),
        ...COUNTY_PARAMETERS,
      ]),
    ],
    tables: [...new Set(POTS.flatMap((p) => [p.tables.kommun, p.tables.landsting]))],
  };
}

/**
 * The page's party: a municipality's four-digit code or a county council's two (a code that became a number
 * and lost its leading zeros is padded again).
 */
function pageParty(snapshot: CellSnapshot): { code: PartyCode; kind: PartyKind } {
  const text = cellText(snapshot.parameters[SHARE_CODE_NAME]);
  if (!/^\d{1,4}$/.test(text)) {
    throw new RuleError(
      "notAvailable",
      `sidan har ingen part (${SHARE_CODE_NAME} är tom eller okänd). Välj en kommun eller ett landsting i den gula cellen på bladet Andel.`
    );
  }
  const kind: PartyKind = text.length <= 2 ? "landsting" : "kommun";
  return { code: partyCode(text.padStart(kind === "kommun" ? 4 : 2, "0"))!, kind };
}

/** The data row of `code` in a table the snapshot holds. */
function rowOf(snapshot: CellSnapshot, table: string, code: PartyCode): { values: TableView; row: number } {
  const values = snapshot.tables?.[table];
  if (!values) {
    throw new RuleError(
      "notAvailable",
      `förklaringen behöver tabellen ${table}. Bygg arbetsboken på nytt om den saknas.`
    );
  }
  const view = new TableView(table, values);
  for (let r = 0; r < view.rowCount; r++) {
    if (partyCode(view.get(r, HEADER.code))?.key === code.key) return { values: view, row: r };
  }
  throw new RuleError("notAvailable", `${code.text} finns inte i tabellen ${table}.`);
}

/**
 * Explains a row of `Andel_poster` by the explanation of its pot's amount for the page's party, with a note
 * on where that amount stands. `explain` is the explanation of any table's cell (explainCell).
 */
export function explainShare(
  snapshot: CellSnapshot,
  view: TableView,
  explain: (snapshot: CellSnapshot) => Explanation
): Explanation {
  const potName = cellText(view.get(snapshot.row!, POT_HEADER));
  const source = POTS.find((p) => potName.startsWith(p.pot));
  if (!source) {
    throw new RuleError("notAvailable", `raden ${snapshot.row! + 1} på bladet Andel har ingen känd pott (${potName}).`);
  }
  const party = pageParty(snapshot);
  const county = source.county && party.kind === "kommun" ? partyCode(party.code.text.slice(0, 2))! : party.code;
  const table = source.tables[party.kind];
  const { row } = rowOf(snapshot, table, county);
  const explained = explain({
    table,
    column: source.column,
    row,
    values: snapshot.tables![table],
    parameters: snapshot.parameters,
    tables: snapshot.tables,
  });
  if (explained.kind !== "amount") return explained;
  const where =
    `Raden ${potName} på bladet Andel för ${party.code.text}: förklaringen av beloppet i tabellen ${table}, ` +
    `kolumnen ${source.column}.`;
  const paidToCounty =
    county === party.code
      ? []
      : [
          `Länsbidraget och det regionala stödet betalas till länets mottagare, inte till kommunen: förklaringen gäller länet ${county.text}.`,
        ];
  return { ...explained, title: `Andel: ${explained.title}`, notes: [where, ...paidToCounty, ...explained.notes] };
}
