/**
 * Min andel: opens the sheet `Andel` on the party the user chooses (a municipality or county council, by code
 * or name), and remembers the choice in the workbook's settings so that the pane offers it again. The page
 * itself computes everything with formulas; the pane only writes the choice into the page's input cell.
 */
import { CellRef, address } from "../workbook/refs";
import { SHARE_CHOICE_NAME, SHARE_CODE_NAME } from "../workbook/sheets/share";
import { BuiltWorkbook } from "./writePlan";

/** The workbook setting that remembers the last party shown. */
export const SHARE_SETTING = "SKL_min_andel";

/** The cell of a planned workbook name in a build (renamed with the build). */
function namedCell(built: BuiltWorkbook, planned: string): CellRef | undefined {
  const name = built.names.names.get(planned) ?? planned;
  return built.plan.names.find((n) => n.name === name)?.ref;
}

/** What `openShare` showed: the page's sheet and the party's code as the page found it. */
export interface ShareShown {
  readonly sheet: string;
  readonly code: string;
}

/**
 * Writes the party into the page's choice cell, remembers it, and shows the page. When the page finds no
 * party by that text (its code cell stays empty), the error says so; the page then asks for a party.
 */
export async function openShare(built: BuiltWorkbook, party: string): Promise<ShareShown> {
  const choice = namedCell(built, SHARE_CHOICE_NAME);
  const code = namedCell(built, SHARE_CODE_NAME);
  if (!choice || !code) throw new Error("Arbetsboken saknar bladet Andel. Bygg arbetsboken på nytt.");
  const text = party.trim();
  if (text === "")
    throw new Error("Skriv en kommun eller ett landsting (kod eller namn), t.ex. 0114 eller Kalmar län.");
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(choice.sheet);
    sheet.getRange(address(choice)).values = [[text]];
    context.workbook.settings.add(SHARE_SETTING, text);
    const found = context.workbook.worksheets.getItem(code.sheet).getRange(address(code)).load("values");
    sheet.activate();
    sheet.getRange("A1").select();
    await context.sync();
    const value = String(found.values[0]?.[0] ?? "").trim();
    if (value === "") {
      throw new Error(
        `Det finns ingen kommun eller något landsting som heter eller har koden ”${text}”. Skriv koden (0114, 08) eller namnet som i listan.`
      );
    }
    return { sheet: choice.sheet, code: value };
  });
}

/** The party the workbook remembers from the last time, if any. */
export async function rememberedShare(): Promise<string | undefined> {
  return Excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(SHARE_SETTING);
    setting.load("value");
    await context.sync();
    return setting.isNullObject || typeof setting.value !== "string" ? undefined : setting.value;
  });
}
