/*
 * The in-memory Excel keeps the Excel JavaScript API's rules, so that a pane that works against it has
 * batched its calls the way Excel needs: nothing happens before sync, nothing can be read before it is
 * loaded and synced, and what is written is computed.
 */
import { createExcelDouble, ExcelDouble } from "./excelDouble";

let excel: ExcelDouble;

beforeEach(async () => {
  excel = await createExcelDouble();
  (globalThis as unknown as { Excel: unknown }).Excel = excel.api;
});

describe("the Excel double", () => {
  it("queues writes until sync, counts each sync, and computes formulas (the SKL functions too)", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.getRange("A1:C2").formulas = [
        ["0114", 100, "=SKL.COUNTY_GRANT(A1,A1:A2,B1:B2,1000,0,1)"],
        ["0115", 300, "=SKL.COUNTY_GRANT(A2,A1:A2,B1:B2,1000,0,1)"],
      ];
      expect(excel.valueAt("Blad1", "B1")).toBe("");
      await context.sync();
      expect(excel.syncs).toBe(1);
    });
    // 1000 kr by weights 100 and 300: 250 and 750.
    expect(excel.valuesAt("Blad1", "C1:C2")).toEqual([[250], [750]]);
  });

  it("refuses to read a property that was not loaded and synced", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("A1");
      // The mistakes Office's lint rules catch are made on purpose here, to see the double refuse them too.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([[""]]);
    });
  });

  it("refuses an array of the wrong size, a sheet that exists, and a formula on a sheet that does not", async () => {
    const attempt = (f: (context: Excel.RequestContext) => void) =>
      Excel.run(async (context) => {
        f(context);
        await context.sync();
      });
    await expect(
      attempt((c) => (c.workbook.worksheets.getItem("Blad1").getRange("A1:B1").values = [[1]]))
    ).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(attempt((c) => c.workbook.worksheets.add("blad1"))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    await expect(
      attempt((c) => (c.workbook.worksheets.getItem("Blad1").getRange("A1").formulas = [["=Saknas!A1"]]))
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("runs the pane's selection handlers when the user selects", async () => {
    const seen: string[] = [];
    await Excel.run(async (context) => {
      context.workbook.onSelectionChanged.add(async () => {
        await Excel.run(async (inner) => {
          const range = inner.workbook.getSelectedRange().load("address");
          await inner.sync();
          seen.push(range.address);
        });
      });
      await context.sync();
    });
    await excel.userSelect("Blad1", "C3:D4");
    expect(seen).toEqual(["Blad1!C3:D4"]);
  });
});
