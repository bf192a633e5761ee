/**
 * The native Excel charts the pane adds to the workbook it builds: the county grant per county on
 * Länsbidrag (the rule's final amount beside the published one), and the registration rate per party
 * against both thresholds on Palliativ. The file writer has no charts (exceljs cannot write them).
 * Charts only show what the sheets compute; a threshold line reads the named threshold cell.
 */
import { a1 } from "../workbook/refs";
import { SHEET } from "../workbook/sheets/context";
import { HEADER, TABLE } from "../workbook/sheets/names";
import { NAME } from "../workbook/sheets/parameters";
import { TablePlan, WorkbookPlan } from "../workbook/plan";
import { PlanNames } from "./renamePlan";
import { Area, besideRect, GENERAL, rangeAddress, tableRect } from "./sheetLayout";

/** One series: its name and the A1 address of its values on the chart's sheet. */
export interface ChartSeriesSpec {
  readonly name: string;
  readonly values: string;
  /** Drawn as a line over the columns (a threshold). */
  readonly line?: boolean;
}

/** A clustered column chart (with optional lines) on one sheet of the plan. */
export interface ChartSpec {
  /** The sheet's name in the workbook. */
  readonly sheet: string;
  readonly name: string;
  readonly title: string;
  /** A1 address of the category labels (party names). */
  readonly categories: string;
  readonly series: readonly ChartSeriesSpec[];
  /** Number format of the value axis. */
  readonly valueFormat: string;
  /** Cells the chart spans: top-left and bottom-right. */
  readonly from: string;
  readonly to: string;
  /** Cells written for the chart (a threshold repeated per party), beside the table. */
  readonly helper?: Area;
}

/** The tables the charts read (names and headers: src/workbook/sheets/names.ts). */
const COUNTY_TABLE = TABLE.countyGrant;
const PALLIATIVE_TABLES = [
  { table: TABLE.palliativeKommun, parties: "kommun" },
  { table: TABLE.palliativeLandsting, parties: "landsting" },
] as const;

/** How wide and tall a chart is, in columns and rows. */
const CHART_COLUMNS = 10;
const CHART_ROWS = 20;

function findTable(plan: WorkbookPlan, sheet: string, table: string): TablePlan | undefined {
  return plan.sheets.find((s) => s.name === sheet)?.tables.find((t) => t.name === table);
}

/** The data range of a table column by header, e.g. "B17:B306"; undefined when the column is missing. */
function columnRange(table: TablePlan, header: string): string | undefined {
  const i = table.columns.findIndex((c) => c.header === header);
  if (i < 0 || table.rows === 0) return undefined;
  const { column, row } = tableRect(table);
  return rangeAddress(column + i, row + 1, 1, table.rows);
}

/**
 * The charts for a plan whose sheets, tables and names are called as `names` says. A chart whose table or
 * columns the plan lacks is left out rather than drawn wrong.
 */
export function chartSpecs(plan: WorkbookPlan, names: PlanNames): ChartSpec[] {
  const specs: ChartSpec[] = [];
  const sheetName = (planned: string) => names.sheets.get(planned) ?? planned;
  const tableName = (planned: string) => names.tables.get(planned) ?? planned;

  const countySheet = sheetName(SHEET.countyGrant);
  const county = findTable(plan, countySheet, tableName(COUNTY_TABLE));
  if (county) {
    const categories = columnRange(county, HEADER.county);
    const finalGrant = columnRange(county, HEADER.final);
    const published = columnRange(county, HEADER.published);
    if (categories && finalGrant && published) {
      // Right of the table and of the columns spilled beside it.
      const { column, row, width } = besideRect(county);
      specs.push({
        sheet: countySheet,
        name: tableName("Lansbidrag_diagram"),
        title: "Länsbidrag per län: regeln och det publicerade",
        categories,
        series: [
          { name: "Slutligt bidrag enligt regeln", values: finalGrant },
          { name: "Publicerat", values: published },
        ],
        valueFormat: "#,##0",
        from: a1({ column: column + width + 1, row }),
        to: a1({ column: column + width + CHART_COLUMNS, row: row + CHART_ROWS }),
      });
    }
  }

  const palliativeSheet = sheetName(SHEET.palliative);
  const thresholds = [
    { label: "Tröskel nivå 1", name: names.names.get(NAME.baseThreshold) ?? NAME.baseThreshold },
    { label: "Tröskel nivå 2", name: names.names.get(NAME.bonusThreshold) ?? NAME.bonusThreshold },
  ];
  for (const { table: planned, parties } of PALLIATIVE_TABLES) {
    const table = findTable(plan, palliativeSheet, tableName(planned));
    if (!table) continue;
    const categories = columnRange(table, HEADER.name);
    const rate = columnRange(table, HEADER.rate);
    if (!categories || !rate) continue;
    const { column, row, width } = besideRect(table);
    // The thresholds repeated per party, one column gap right of the table (and its spills), so that each is a line.
    const helperColumn = column + width + 1;
    const helper: Area = {
      at: { column: helperColumn, row },
      address: rangeAddress(helperColumn, row, thresholds.length, table.rows + 1),
      formulas: [
        thresholds.map((t) => t.label),
        ...Array.from({ length: table.rows }, () => thresholds.map((t) => `=${t.name}`)),
      ],
      numberFormats: [
        thresholds.map(() => GENERAL),
        ...Array.from({ length: table.rows }, () => thresholds.map(() => "0%")),
      ],
    };
    const chartColumn = helperColumn + thresholds.length + 1;
    specs.push({
      sheet: palliativeSheet,
      name: tableName(`${planned}_diagram`),
      title: `Registreringsgrad per ${parties} mot trösklarna`,
      categories,
      series: [
        { name: "Registreringsgrad", values: rate },
        ...thresholds.map((t, i) => ({
          name: t.label,
          values: rangeAddress(helperColumn + i, row + 1, 1, table.rows),
          line: true,
        })),
      ],
      valueFormat: "0%",
      from: a1({ column: chartColumn, row }),
      to: a1({ column: chartColumn + CHART_COLUMNS, row: row + CHART_ROWS }),
      helper,
    });
  }
  return specs;
}
