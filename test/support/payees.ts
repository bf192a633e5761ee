/**
 * A recipients' file (`mottagare.csv`) for tests: every payee of a workbook with an organisation number and a
 * bankgiro number, made up but with valid check digits (10-modul), and a name for each county's recipient.
 * Synthetic, as the bundled demo: the sources leave every account blank.
 */
import fs from "node:fs";
import path from "node:path";
import { checkDigitFor } from "../../src/input";
import { WorkbookInputs } from "../../src/workbook/inputs";

/** Nine digits and their check digit. */
const withCheckDigit = (nine: string) => `${nine}${checkDigitFor(nine)}`;

/** A made-up organisation number of group 2 (municipalities, county councils), n-th of its kind. */
export const organisationNumber = (prefix: "2120" | "2321" | "8020", n: number): string => {
  const digits = withCheckDigit(`${prefix}${String(n).padStart(5, "0")}`);
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
};

/** A made-up bankgiro number (eight digits, check digit last). */
export const bankgiro = (n: number): string => {
  const seven = `5${String(n).padStart(6, "0")}`;
  const digits = `${seven}${checkDigitFor(seven)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
};

/**
 * The rows of a recipients' file for every payee of `inputs`: each municipality, each county council that is a
 * party of its own (not Gotland's, whose municipality carries the role) and each county's recipient, leaving
 * out the payees `leaveOut` names as "kind:code".
 */
export function payeesCsv(inputs: WorkbookInputs, leaveOut: readonly string[] = []): string {
  const rows = [
    ...inputs.municipalities.map((m, i) => ["kommun", m.code, "", organisationNumber("2120", i + 1), bankgiro(i + 1)]),
    ...inputs.counties
      .filter((c) => !c.councilMunicipality)
      .map((c, i) => ["landsting", c.code, "", organisationNumber("2321", i + 1), bankgiro(500 + i)]),
    ...inputs.counties.map((c, i) => [
      "län",
      c.code,
      `Länets mottagare ${c.code}`,
      organisationNumber("8020", i + 1),
      bankgiro(800 + i),
    ]),
  ].filter(([kind, code]) => !leaveOut.includes(`${kind}:${code}`));
  return (
    ["kind,code,recipient,organisation_number,bankgiro,plusgiro", ...rows.map((r) => `${r.join(",")},`)].join("\n") +
    "\n"
  );
}

/** A copy of the bundled demo folder in `dir`, with a recipients' file for every payee (less `leaveOut`). */
export function demoWithPayees(dir: string, inputs: WorkbookInputs, leaveOut: readonly string[] = []): string {
  const data = path.join(dir, "data");
  fs.cpSync(path.resolve(__dirname, "../../data/demo"), data, { recursive: true });
  fs.writeFileSync(path.join(data, "mottagare.csv"), payeesCsv(inputs, leaveOut));
  return data;
}
