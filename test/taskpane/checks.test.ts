/*
 * Kontrollera's pieces: references split into sheet and address, targets grouped into one link per sheet, and
 * the link's action (select the cells) against office-addin-mock, the Office mock from Microsoft.
 */
import { OfficeMockObject } from "office-addin-mock";
import { selectTarget, splitReference, targetsBySheet } from "../../src/taskpane/checks";

// office-addin-mock reads one enum from office-addin-manifest, whose dependencies are ES modules that jest (CommonJS)
// cannot load; the mock needs nothing else from it.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Word: "word" },
}));

describe("references", () => {
  it("splits a sheet-qualified reference, quoted or not", () => {
    expect(splitReference("Palliativ!$C$8")).toEqual({ sheet: "Palliativ", address: "$C$8" });
    expect(splitReference("'Senior alert'!$A$18:$A$307")).toEqual({ sheet: "Senior alert", address: "$A$18:$A$307" });
    expect(splitReference("'Palliativ (2)'!$C$8")).toEqual({ sheet: "Palliativ (2)", address: "$C$8" });
    expect(splitReference("'Kim''s blad'!A1")).toEqual({ sheet: "Kim's blad", address: "A1" });
  });

  it("groups a check's targets into one link per sheet, in order", () => {
    expect(targetsBySheet(["Palliativ!$A$17:$A$306", "Kommuner!$A$5:$A$294", "Palliativ!$C$8"])).toEqual([
      { sheet: "Palliativ", address: "$A$17:$A$306, $C$8" },
      { sheet: "Kommuner", address: "$A$5:$A$294" },
    ]);
  });
});

describe("selecting a check's cells (office-addin-mock)", () => {
  function mockExcel() {
    return new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            sheet: {
              name: "",
              active: false,
              range: {
                address: "",
                selected: false,
                select() {
                  this.selected = true;
                },
              },
              areas: {
                address: "",
                selected: false,
                select() {
                  this.selected = true;
                },
              },
              activate() {
                this.active = true;
              },
              getRange(address: string) {
                this.range.address = address;
                return this.range;
              },
              getRanges(address: string) {
                this.areas.address = address;
                return this.areas;
              },
            },
            getItem(name: string) {
              this.sheet.name = name;
              return this.sheet;
            },
          },
        },
      },
      run: async function (callback: (context: unknown) => Promise<unknown>) {
        return callback(this.context);
      },
    }) as any;
  }

  it("activates the sheet and selects the range", async () => {
    const excel = mockExcel();
    (globalThis as any).Excel = excel;
    await selectTarget("Palliativ", "$P$17:$P$306");
    const sheet = excel.context.workbook.worksheets.sheet;
    expect(sheet.name).toBe("Palliativ");
    expect(sheet.active).toBe(true);
    expect(sheet.range.address).toBe("$P$17:$P$306");
    expect(sheet.range.selected).toBe(true);
  });

  it("selects several areas of one sheet at once", async () => {
    const excel = mockExcel();
    (globalThis as any).Excel = excel;
    await selectTarget("Palliativ", "$A$17:$A$306, $C$8");
    const sheet = excel.context.workbook.worksheets.sheet;
    expect(sheet.areas.address).toBe("$A$17:$A$306, $C$8");
    expect(sheet.areas.selected).toBe(true);
  });
});
