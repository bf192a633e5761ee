/**
 * The data the pane builds from, bundled into taskpane.js (no request leaves the machine): the parameters
 * of each year, the 2010 reference lists (municipalities, counties, the published county grant) and the
 * synthetic demo registry data. Parsed and validated by the same loader as the command line's.
 */
import parameters from "../../data/parameters.json";
import municipalities from "../../data/2010/kommuner.csv";
import counties from "../../data/2010/lan.csv";
import publishedCountyGrant from "../../data/2010/lansbidrag-publicerat.csv";
import palliative from "../../data/demo/palliativ.csv";
import seniorAlert from "../../data/demo/senior-alert.csv";
import discharge from "../../data/demo/utskrivningsklara.csv";
import pilots from "../../data/demo/forsoksverksamhet.csv";
import countyBudget from "../../data/demo/lansbudget.csv";
import countyConditions from "../../data/demo/lansvillkor.csv";
import { WorkbookInputs } from "../workbook/inputs";
import { loadInputs } from "../workbook/loadInputs";

/** The years the pane offers: those with parameters in data/parameters.json. */
export const BUNDLED_YEARS: readonly number[] = parameters.years.map((y) => y.year);

/**
 * The bundled inputs of `year`: its parameters, the 2010 reference lists (the parameters' note
 * `referenceData` says so for 2011 and 2012) and the synthetic demo registry data.
 */
export function bundledInputs(year: number): WorkbookInputs {
  return loadInputs(
    {
      parameters: JSON.stringify(parameters),
      municipalities,
      counties,
      publishedCountyGrant,
      palliative,
      seniorAlert,
      discharge,
      pilots,
      countyBudget,
      countyConditions,
    },
    { year, synthetic: true, source: "tilläggets inbyggda data", referenceYear: 2010 }
  );
}
