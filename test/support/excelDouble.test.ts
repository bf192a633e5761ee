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

describe("the Excel double's tables, copies and failures", () => {
  /** A sheet with a table A1:C4 (header + 3 rows), a sum below it and a sum on another sheet. */
  async function withTable(): Promise<void> {
    excel.addUserSheet("Data", [
      ["Kod", "Dagar", "Dubbelt"],
      ["a", 1, "=B2*2"],
      ["b", 2, "=B3*2"],
      ["c", 3, "=B4*2"],
      [null, null, null],
      ["Summa", "=SUM($B$2:$B$4)", null],
    ]);
    excel.addUserSheet("Annat", [["=SUM(Data!$B$2:$B$4)"]]);
    await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Data").tables.add("A1:C4", true);
      table.name = "Dagar";
      context.workbook.worksheets.getItem("Data").getRange("B2:B4").numberFormat = [["0"], ["0"], ["0"]];
      await context.sync();
    });
  }

  it("inserts table rows inside the table: the cells below move down and the sums that span them grow", async () => {
    await withTable();
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Dagar");
      // Above the last data row (index 2), two rows; the formula pattern copied from the row above.
      table.rows.add(2, [
        ["", "", ""],
        ["", "", ""],
      ]);
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A4:C5").copyFrom("Data!A3:C3", "Formulas");
      sheet.getRange("A4:B5").values = [
        ["d", 10],
        ["e", 20],
      ];
      const range = table.getRange().load("address");
      await context.sync();
      expect(range.address).toBe("Data!A1:C6");
    });
    expect(excel.tables.find((t) => t.name === "Dagar")!.address).toBe("A1:C6");
    expect(excel.formulaAt("Data", "C4")).toBe("=B4*2");
    expect(excel.valuesAt("Data", "A4:C6")).toEqual([
      ["d", 10, 20],
      ["e", 20, 40],
      ["c", 3, 6],
    ]);
    // 1 + 2 + 10 + 20 + 3: the sums below and on the other sheet took the new rows in.
    expect(excel.formulaAt("Data", "B8")).toBe("=SUM($B$2:$B$6)");
    expect(excel.valueAt("Data", "B8")).toBe(36);
    expect(excel.valueAt("Annat", "A1")).toBe(36);
    expect(excel.numberFormatAt("Data", "B5")).toBe("0");
  });

  it("deletes a table row: the cells below move up and the sums shrink", async () => {
    await withTable();
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Dagar").rows.getItemAt(0).delete();
      await context.sync();
    });
    expect(excel.tables.find((t) => t.name === "Dagar")!.address).toBe("A1:C3");
    expect(excel.valuesAt("Data", "A2:C3")).toEqual([
      ["b", 2, 4],
      ["c", 3, 6],
    ]);
    expect(excel.valueAt("Annat", "A1")).toBe(5);
  });

  it("refuses to shift whole rows when a cell beside the table would move with them", async () => {
    await withTable();
    excel.userWrite("Data", "E3", [["anteckning"]]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("Dagar").rows.add(1, [["", "", ""]]);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("fails the sync it is told to fail, after running part of its operations, and deletes sheets and names", async () => {
    excel.failOnSync(1);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.add("Ett");
        context.workbook.worksheets.add("Två");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "GeneralException" });
    // The first half ran, as Excel leaves what ran before the failure.
    expect(excel.sheetNames()).toEqual(["Blad1", "Ett"]);
    await Excel.run(async (context) => {
      context.workbook.names.add("Namnet", "=Ett!$A$1");
      await context.sync();
      const name = context.workbook.names.getItemOrNullObject("Namnet");
      const missing = context.workbook.names.getItemOrNullObject("Saknas");
      await context.sync();
      expect([name.isNullObject, missing.isNullObject]).toEqual([false, true]);
      name.delete();
      context.workbook.worksheets.getItem("Ett").delete();
      await context.sync();
    });
    expect(excel.sheetNames()).toEqual(["Blad1"]);
    expect(excel.names.size).toBe(0);
  });
});

describe("the Excel double's dynamic arrays: a custom function's column spilled beside a table", () => {
  /**
   * A table A1:C4 of codes (typed, so numbers), weights and twin amounts, and beside it (after column D) the
   * add-in and the difference.
   */
  async function withSpill(): Promise<void> {
    excel.addUserSheet("Data", [
      ["Kod", "Vikt", "Tvilling", null, "SKL", "Skillnad"],
      ["01", 1, "=QUOTIENT(1000*B2,SUM($B$2:$B$4))"],
      ["03", 1, "=QUOTIENT(1000*B3,SUM($B$2:$B$4))"],
      ["04", 2, "=QUOTIENT(1000*B4,SUM($B$2:$B$4))"],
    ]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.tables.add("A1:C4", true).name = "Lan";
      // One call for the whole column; the difference reads its spill with "#".
      sheet.getRange("E2:F2").formulas = [
        ["=SKL.COUNTY_GRANT($A$2:$A$4,$A$2:$A$4,$B$2:$B$4,1000,0,1)", "=$C$2:$C$4-$E$2#"],
      ];
      await context.sync();
    });
  }

  it("spills the array into the cells below, reads it with #, and gives the formula back as written", async () => {
    await withSpill();
    expect(excel.valuesAt("Data", "E2:F5")).toEqual([
      [250, 0],
      [250, 0],
      [500, 0],
      ["", ""],
    ]);
    expect(excel.formulaAt("Data", "F2")).toBe("=$C$2:$C$4-$E$2#");
    expect(excel.hasFormula("Data", "E3")).toBe(false);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("E2:F3").load("formulas");
      await context.sync();
      expect(range.formulas).toEqual([
        ["=SKL.COUNTY_GRANT($A$2:$A$4,$A$2:$A$4,$B$2:$B$4,1000,0,1)", "=$C$2:$C$4-$E$2#"],
        [250, 0],
      ]);
    });
  });

  it("grows and shrinks the spill with the table when rows are added or deleted inside it", async () => {
    await withSpill();
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Lan");
      table.rows.add(2, [["", "", ""]]);
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A4:C4").copyFrom("Data!A3:C3", "Formulas");
      sheet.getRange("A4:B4").values = [["'05", 4]];
      await context.sync();
    });
    // 1000 kr by weights 1, 1, 4, 2: each row's amount beside it, the last party one row down.
    expect(excel.valuesAt("Data", "A2:F6")).toEqual([
      [1, 1, 125, "", 125, 0],
      [3, 1, 125, "", 125, 0],
      ["05", 4, 500, "", 500, 0],
      [4, 2, 250, "", 250, 0],
      ["", "", "", "", "", ""],
    ]);
    expect(excel.formulaAt("Data", "E2")).toBe("=SKL.COUNTY_GRANT($A$2:$A$5,$A$2:$A$5,$B$2:$B$5,1000,0,1)");
    await Excel.run(async (context) => {
      // Not the first row: the double deletes whole rows and would take the formula in E2 with it (Excel does
      // not, as it shifts only the table's columns), so it refuses that.
      context.workbook.tables.getItem("Lan").rows.getItemAt(1).delete();
      await context.sync();
    });
    // Weights 1, 4, 2: the add-in shares by largest remainder (143, 571, 286), the plain quotient beside it
    // floors (142, 571, 285), and each difference stands in its party's row.
    expect(excel.valuesAt("Data", "C2:F5")).toEqual([
      [142, "", 143, -1],
      [571, "", 571, 0],
      [285, "", 286, -1],
      ["", "", "", ""],
    ]);
  });

  it("still refuses to move a cell of the user's beside the table, and shows #SPILL! where a spill is blocked", async () => {
    await withSpill();
    excel.userWrite("Data", "F7", [["anteckning"]]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("Lan").rows.add(1, [["", "", ""]]);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    excel.userWrite("Data", "H3", [["i vägen"]]);
    excel.userWrite("Data", "H2", [["=SKL.COUNTY_GRANT($A$2:$A$4,$A$2:$A$4,$B$2:$B$4,1000,0,1)"]]);
    expect(excel.valueAt("Data", "H2")).toBe("#SPILL!");
  });

  it("leaves a cell as it is where the array written holds null, as Office.js does", async () => {
    excel.userWrite("Blad1", "A1:C1", [["kvar", 1, 2]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1:C1").formulas = [[null, 10, null]];
      await context.sync();
    });
    expect(excel.valuesAt("Blad1", "A1:C1")).toEqual([["kvar", 10, 2]]);
  });
});

describe("Excel on the web's 5 MB limit per sync, in the double", () => {
  /** A column of `rows` texts of 100 characters: about 104 bytes a cell as JSON. */
  const column = (rows: number) => Array.from({ length: rows }, (_, i) => [`${i}`.padEnd(100, "x")]);

  it("measures each sync as the JSON of what it sends and what it hands back", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:A1000");
      range.values = column(1000);
      await context.sync();
      range.load("values");
      await context.sync();
    });
    const [write, read] = excel.syncPayloads;
    // 1 000 cells of 100 characters, quoted and bracketed: a little over 100 000 bytes each way.
    expect(write.request).toBeGreaterThan(100000);
    expect(write.request).toBeLessThan(110000);
    expect(write.response).toBe(0);
    expect(read.response).toBeGreaterThan(100000);
    expect(read.response).toBeLessThan(110000);
    expect(excel.largestSyncPayload).toBe(Math.max(write.request, read.response));
  });

  it("refuses a request over 5 MB, as Excel on the web does, and writes nothing of it", async () => {
    /** `rows` × 10 cells of about 104 bytes as JSON. */
    const block = (rows: number) =>
      Array.from({ length: rows }, (_, i) => Array.from({ length: 10 }, () => column(1)[0][0] + i));
    // 6 000 × 10 cells: about 6.3 MB in one sync.
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:J6000").values = block(6000);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excel.valueAt("Blad1", "A1")).toBe("");
    // The same cells in two syncs of about 3.1 MB each pass.
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.getRange("A1:J3000").values = block(3000);
      await context.sync();
      sheet.getRange("A3001:J6000").values = block(3000);
      await context.sync();
    });
    expect(excel.syncPayloads.slice(-2).every((p) => p.request > 3000000 && p.request < 5 * 1024 * 1024)).toBe(true);
    expect(excel.valueAt("Blad1", "J6000")).toBe(`${"0".padEnd(100, "x")}2999`);
  }, 60000);

  it("answers isSetSupported from the requirement sets it is given", () => {
    expect(excel.isSetSupported("ExcelApi", "1.18")).toBe(true);
    excel.supportedSets = { ExcelApi: "1.9" };
    expect(excel.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(excel.isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(excel.isSetSupported("SharedRuntime", "1.1")).toBe(false);
  });
});
