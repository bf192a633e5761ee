/*
 * Properties of the import: whatever way a valid registry file is written (separator, encoding, header
 * words, code with or without its zeros, or the name), it reads back to the same rows; and a file with
 * one bad row is never returned as writable.
 */
import fc from "fast-check";
import { loadBundledInputs } from "../../../src/cli/readData";
import { parseImport, problemText } from "../../../src/taskpane/import";

const inputs = loadBundledInputs(2010);
const reference = { municipalities: inputs.municipalities, counties: inputs.counties };

/** Windows-1252 for the characters of the reference names (ASCII and åäöÅÄÖ, which are Latin-1). */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code > 0xff) throw new Error(`inte Latin-1: ${ch}`);
      return code;
    })
  );
}

const HEADERS = [
  ["Kod", "Dödsfall", "Registreringar"],
  ["Kommunkod", "Antal dödsfall", "Antal registreringar"],
  ["Kommun", "Avlidna", "Registrerade dödsfall"],
  ["code", "deaths", "registrations"],
];

const row = fc
  .record({
    municipality: fc.integer({ min: 0, max: inputs.municipalities.length - 1 }),
    deaths: fc.integer({ min: 0, max: 20000 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    written: fc.constantFrom("code", "short", "name", "upper"),
  })
  .map((r) => ({ ...r, registrations: Math.floor(r.deaths * r.share) }));

const file = fc.record({
  rows: fc.uniqueArray(row, { minLength: 1, maxLength: 12, selector: (r) => r.municipality }),
  delimiter: fc.constantFrom(";", ",", "\t"),
  encoding: fc.constantFrom("utf-8", "utf-8-bom", "windows-1252", "paste"),
  header: fc.constantFrom(...HEADERS),
  newline: fc.constantFrom("\n", "\r\n"),
});

describe("import properties", () => {
  it("reads back any valid palliative file, however it is written", () => {
    fc.assert(
      fc.property(file, (f) => {
        const number = (n: number) =>
          // Swedish Excel groups thousands with a no-break space; a comma file keeps plain digits.
          f.delimiter === "," ? String(n) : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
        const lines = [f.header.join(f.delimiter)];
        for (const r of f.rows) {
          const m = inputs.municipalities[r.municipality];
          const who =
            r.written === "code"
              ? m.code
              : r.written === "short"
                ? String(Number(m.code))
                : r.written === "name"
                  ? m.name
                  : m.name.toLocaleUpperCase("sv");
          lines.push([who, number(r.deaths), number(r.registrations)].join(f.delimiter));
        }
        const text = lines.join(f.newline) + f.newline;
        const input =
          f.encoding === "paste"
            ? text
            : f.encoding === "windows-1252"
              ? windows1252(text)
              : new TextEncoder().encode((f.encoding === "utf-8-bom" ? "\uFEFF" : "") + text);
        const parsed = parseImport(input, reference);
        if (!parsed.ok) throw new Error(parsed.problems.map(problemText).join("\n"));
        if (parsed.kind !== "palliativ") throw new Error(parsed.kind);
        expect(parsed.rows.map((r) => [r.row, r.party.code, r.deaths, r.registrations])).toEqual(
          f.rows.map((r, i) => [i + 2, inputs.municipalities[r.municipality].code, r.deaths, r.registrations])
        );
      }),
      { numRuns: 200 }
    );
  });

  it("never returns rows when one row has more registrations than deaths", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: 8, selector: (r) => r.municipality }),
        fc.nat(),
        (rows, pick) => {
          const bad = pick % rows.length;
          const lines = ["Kod;Dödsfall;Registreringar"];
          rows.forEach((r, i) => {
            const m = inputs.municipalities[r.municipality];
            lines.push([m.code, r.deaths, i === bad ? r.deaths + 1 : r.registrations].join(";"));
          });
          const parsed = parseImport(lines.join("\n"), reference);
          expect(parsed.ok).toBe(false);
          expect("rows" in parsed).toBe(false);
          expect(parsed.problems.map((p) => p.row)).toEqual([bad + 2]);
        }
      )
    );
  });
});
