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
import { SHARE_CODE_NAME, SHARE_COUNTY_TABLE, SHARE_HEADER } from "../../workbook/sheets/share";
import { ALLOCATION_LABEL, cellText, HEADER, TABLE, TableView, TWIN_PART } from "../import/tables";
import { COUNTY_PARAMETERS } from "./countyGrant";
import { palliativeParameters } from "./palliative";
import { seniorAlertParameters } from "./seniorAlert";
import { CellSnapshot, ExplainNeeds, Explanation } from "./types";

/** Where a pot of the page is explained: its table for each role, and the column of its amount. */
interface PotSource {
  /** The start of the pot's name in the page's Pott (or Medel) column. */
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
  { pot: "Regionalt stöd", tables: COUNTY_TABLES, column: HEADER.regionalFinal, county: true },
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

/** A code the page wrote as text, its leading zeros restored if a spreadsheet dropped them (4 digits, or 2). */
function codeIn(text: string, digits: number): PartyCode | undefined {
  return /^\d{1,4}$/.test(text) ? partyCode(text.padStart(digits, "0")) : undefined;
}

/**
 * The row's pot, the role it is about and the code in that role's pot: a line of `Andel_poster` names its role
 * ("kommun", "landsting") and code; a line of `Andel_lanet` its county.
 */
function lineOf(
  snapshot: CellSnapshot,
  view: TableView
): { source: PotSource; kind: PartyKind; code: PartyCode; name: string } {
  const row = snapshot.row!;
  const county = view.name === SHARE_COUNTY_TABLE;
  const name = cellText(view.get(row, county ? "Medel" : SHARE_HEADER.pot));
  const source = POTS.find((p) => p.county === county && name.startsWith(p.pot));
  if (!source) {
    throw new RuleError(
      "notAvailable",
      name === ""
        ? `raden ${row + 1} på bladet Andel gäller ingen roll för den valda parten: välj en rad med en pott.`
        : `raden ${row + 1} på bladet Andel har ingen känd pott (${name}).`
    );
  }
  if (county) {
    const code = codeIn(cellText(view.get(row, SHARE_HEADER.county)), 2);
    if (!code)
      throw new RuleError(
        "notAvailable",
        "sidan har inget län. Välj en kommun eller ett landsting i den gula cellen på bladet Andel."
      );
    return { source, kind: "landsting", code, name };
  }
  const kind: PartyKind = cellText(view.get(row, SHARE_HEADER.role)) === "landsting" ? "landsting" : "kommun";
  const code = codeIn(cellText(view.get(row, SHARE_HEADER.roleCode)), kind === "kommun" ? 4 : 2);
  if (!code) {
    throw new RuleError(
      "notAvailable",
      `sidan har ingen part (${SHARE_CODE_NAME} är tom eller okänd). Välj en kommun eller ett landsting i den gula cellen på bladet Andel.`
    );
  }
  return { source, kind, code, name };
}

/**
 * Explains a row of `Andel_poster` (a pot in one of the party's roles) or of `Andel_lanet` (the county's common
 * money) by the explanation of its amount in the pot's own table, with a note on where that amount stands.
 * `explain` is the explanation of any table's cell (explainCell).
 */
export function explainShare(
  snapshot: CellSnapshot,
  view: TableView,
  explain: (snapshot: CellSnapshot) => Explanation
): Explanation {
  const { source, kind, code, name } = lineOf(snapshot, view);
  const table = source.tables[kind];
  const { row } = rowOf(snapshot, table, code);
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
    `Raden ${name} på bladet Andel (${code.text}): förklaringen av beloppet i tabellen ${table}, ` +
    `kolumnen ${source.column}.`;
  const paidToCounty = source.county
    ? [
        `Länsbidraget och det regionala stödet betalas till länets mottagare, inte till parten: förklaringen gäller länet ${code.text}.`,
      ]
    : [];
  return { ...explained, title: `Andel: ${explained.title}`, notes: [where, ...paidToCounty, ...explained.notes] };
}
