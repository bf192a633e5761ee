/*
 * Files as the command line and the pane's import receive them: the bytes into text (or what they are
 * when they are not text), and delimited text into a header and rows.
 */
import { decodeText, FILE_SIZE_LIMIT, readTable } from "../../src/input";

const bytes = (...values: number[]) => new Uint8Array(values);
/** "Kod;Dödsfall\r\n0114;5" as UTF-16, little- or big-endian, without a byte-order mark. */
function utf16(text: string, bigEndian = false): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out.push(...(bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8]));
  }
  return new Uint8Array(out);
}

describe("the bytes of a file", () => {
  const text = "Kod;Dödsfall\r\n0114;5\r\n";

  it("reads UTF-16 without a byte-order mark by its NUL bytes, either byte order", () => {
    expect(decodeText(utf16(text))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeText(utf16(text, true))).toEqual({ text, encoding: "utf-16be" });
  });

  it("reads an empty file and a file of only a byte-order mark as empty text", () => {
    expect(decodeText(bytes())).toEqual({ text: "", encoding: "utf-8" });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf))).toEqual({ text: "", encoding: "utf-8" });
    expect(decodeText(bytes(0xff, 0xfe))).toEqual({ text: "", encoding: "utf-16le" });
  });

  it("says what a binary file named .csv is: a workbook, an old workbook, a PDF, other binary data", () => {
    expect(decodeText(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0))).toEqual({
      problem:
        "filen är en Excel-arbetsbok (.xlsx) eller en annan zip-fil, inte text. Spara bladet som CSV (Arkiv → Spara som → CSV UTF-8) och försök igen.",
    });
    expect(decodeText(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toEqual({
      problem:
        "filen är en äldre Excel-arbetsbok (.xls), inte text. Spara bladet som CSV (Arkiv → Spara som → CSV UTF-8) och försök igen.",
    });
    expect(decodeText(new TextEncoder().encode("%PDF-1.7\n"))).toEqual({
      problem: "filen är en PDF, inte text. Hämta uppgifterna som CSV och försök igen.",
    });
    expect(decodeText(bytes(0x4b, 0x6f, 0x64, 0x00, 0x3b, 0x00, 0x00, 0x01, 0xff))).toEqual({
      problem:
        "filen innehåller binära data (NUL-tecken), inte text. Spara uppgifterna som CSV (UTF-8 eller semikolonavgränsad) och försök igen.",
    });
  });

  it("refuses a UTF-8 file with a line in another encoding, naming the line, and reads a file all in Windows-1252", () => {
    const mixed = new Uint8Array([...Buffer.from("Namn\nMalmö\nMal"), 0xe5, ...Buffer.from("\n")]);
    expect(decodeText(mixed)).toEqual({
      problem:
        'filen är sparad som UTF-8 men rad 3 har tecken i en annan teckenkodning (troligen Windows-1252, som "å" skrivet i en annan editor). Spara hela filen på nytt som CSV UTF-8 och försök igen.',
    });
    const w1252 = new Uint8Array([...Buffer.from("Namn\nMal"), 0xe5, ...Buffer.from("\nMalm"), 0xf6]);
    expect(decodeText(w1252)).toEqual({ text: "Namn\nMalå\nMalmö", encoding: "windows-1252" });
  });

  it("refuses more than 50 MB", () => {
    expect(FILE_SIZE_LIMIT).toBe(52428800);
    expect(decodeText(new Uint8Array(FILE_SIZE_LIMIT + 1))).toEqual({
      problem: "filen är 50,1 MB, men högst 50 MB läses. Dela upp filen eller kontrollera att det är rätt fil.",
    });
  });
});

describe("delimited text", () => {
  it("reads CR-only line endings (an old Mac export) as rows", () => {
    const table = readTable("Kod;Dödsfall\r0114;5\r0115;6\r");
    expect("header" in table && table.rows).toEqual([
      { row: 2, cells: ["0114", "5"] },
      { row: 3, cells: ["0115", "6"] },
    ]);
  });

  it("reads lines that end partly CRLF, partly LF (and CR) as lines, not as one giant row", () => {
    const table = readTable("Kod;Dödsfall\r\n0114;5\r\n0115;6\n0117;7\n0120;8\r\n0123;9\r0125;10\n");
    expect("header" in table && table.problems).toEqual([]);
    expect("header" in table && table.rows).toEqual([
      { row: 2, cells: ["0114", "5"] },
      { row: 3, cells: ["0115", "6"] },
      { row: 4, cells: ["0117", "7"] },
      { row: 5, cells: ["0120", "8"] },
      { row: 6, cells: ["0123", "9"] },
      { row: 7, cells: ["0125", "10"] },
    ]);
  });

  it("refuses a header repeated in the middle and a row with more values than the header", () => {
    const table = readTable("Kod;Dödsfall\n0114;5\nkod;DÖDSFALL\n0115;6;7\n0117;8\n");
    expect("header" in table && table.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(table.problems).toEqual([
      { row: 3, problem: "raden upprepar rubrikraden (rad 1); två filer har kanske klistrats ihop. Ta bort raden." },
      {
        row: 4,
        problem:
          "raden har 3 värden men rubrikraden 2 kolumner. Ta bort de extra värdena eller lägg till kolumnerna i rubrikraden.",
      },
    ]);
  });

  it("keeps a quoted line break inside its cell, for the reader to refuse", () => {
    const table = readTable('Kod;Dödsfall\n0114;"4\n4"\n');
    expect("header" in table && table.rows).toEqual([{ row: 2, cells: ["0114", "4\n4"] }]);
  });

  it("refuses more rows than an Excel sheet holds (1 048 576)", () => {
    expect(readTable("Kod\n" + "1\n".repeat(1048576))).toEqual({
      empty: false,
      problems: [
        {
          problem:
            "filen har 1\u00a0048\u00a0578 rader, men ett blad i Excel rymmer högst 1\u00a0048\u00a0576. Kontrollera att det är rätt fil, eller dela upp den.",
        },
      ],
    });
  });

  it('takes the separator from a first line "sep=;" (which Excel writes) and reads the header below it', () => {
    const table = readTable("sep=;\nKod;Namn, län\n0114;Upplands Väsby, Stockholm\n");
    expect("header" in table && [table.delimiter, table.headerRow, table.header, table.rows]).toEqual([
      ";",
      2,
      ["Kod", "Namn, län"],
      [{ row: 3, cells: ["0114", "Upplands Väsby, Stockholm"] }],
    ]);
  });

  it("says when a row is written with another separator than the header", () => {
    expect(readTable("Kod;Dödsfall\n0114,5\n").problems).toEqual([
      {
        row: 2,
        problem:
          "raden har ett enda värde med komma i, men rubrikraden skiljer kolumnerna med semikolon. Använd samma avgränsare i hela filen.",
      },
    ]);
  });

  it("refuses a header wider than an Excel sheet (16 384 columns) at once", () => {
    const header = Array.from({ length: 20000 }, (_, i) => `k${i}`).join(";");
    expect(readTable(`${header}\n1\n`)).toEqual({
      empty: false,
      problems: [
        {
          row: 1,
          problem:
            "rubrikraden har 20\u00a0000 kolumner, men ett blad i Excel rymmer högst 16\u00a0384. Kontrollera att det är rätt fil.",
        },
      ],
    });
  });

  it("names an unclosed quote, and calls a text of blank lines empty", () => {
    expect(readTable('Kod;Namn\n0114;"Upplands Väsby\n').problems).toContainEqual({
      row: 2,
      problem: 'ett citattecken (") saknar sitt avslutande citattecken. Rätta raden och spara filen igen.',
    });
    expect(readTable("\r\n \r\n")).toEqual({
      empty: true,
      problems: [{ problem: "filen är tom. Första raden ska vara rubrikraden." }],
    });
  });
});
