/*
 * One raw value, one verdict, whatever face it comes through: the custom functions' argument reader, the
 * command line's loader (a one-row CSV file), the pane's import (a one-row paste) and Förklara's reader.
 * The raw values are random text mixing numbers as Swedish and English staff write them (thousands
 * separators, decimal commas and points, signs, exponents), invisible and control characters, yes/no
 * words in any case, months, kinds of care and junk. Each face must give the value, or refuse with the
 * very words, that the one reader of that kind gives.
 */
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { RuleError } from "../../src/engine/errors";
import { readList, readPartyTable, readScalar } from "../../src/functions/args";
import {
  Label,
  noWords,
  readCare,
  readCount,
  Reader,
  readKronor,
  readMonth,
  readYesNo,
  Refused,
  SPELLINGS,
  yesWords,
} from "../../src/input";
import { parseImport, ImportKind } from "../../src/taskpane/import";
import { cellCount, cellYesNo, parameter } from "../../src/taskpane/explain/read";
import { DataError, DataFileContents, loadInputs } from "../../src/workbook/loadInputs";

const DATA = path.resolve(__dirname, "../../data");
const read = (...parts: string[]) => fs.readFileSync(path.join(DATA, ...parts), "utf8");
const REFERENCE = {
  parameters: read("parameters.json"),
  municipalities: read("2010", "kommuner.csv"),
  counties: read("2010", "lan.csv"),
  publishedCountyGrant: read("2010", "lansbidrag-publicerat.csv"),
};
const REGISTRY = {
  palliative: "kind;code;deaths;registrations\nkommun;0114;5;2\n",
  seniorAlert:
    "kind;code;all_units_started;registrations;licence;passwords;coordinator;units_identified;unit_list\nkommun;0114;ja;12;ja;ja;ja;ja;ja\n",
  discharge: "municipality;month;individual;care;days_reported;days_after_analysis\n0880;2018-03;S01;somatisk;4;3\n",
  pilots: "id;recipient;project;granted_kr;applicant_kind;political_backing\nF01;Kommun X;Försök A;2500000;kommun;ja\n",
  countyBudget: "county;item;amount_kr;source\n04;Utvecklingsledare;;Sörmlandsöverenskommelsen\n",
  countyConditions: read("demo", "lansvillkor.csv"),
};
const IMPORT_REFERENCE = (() => {
  const inputs = loadInputs({ ...REFERENCE, ...REGISTRY }, { year: 2010, synthetic: false });
  return { municipalities: inputs.municipalities, counties: inputs.counties };
})();

/** A verdict as compared: the value, or the problem in words. */
type Verdict = { value: unknown } | { problem: string };

const ofReading = (reading: unknown): Verdict =>
  reading instanceof Refused ? { problem: reading.problem } : { value: reading };

function ofCall(call: () => unknown): Verdict {
  try {
    return { value: call() };
  } catch (error) {
    if (error instanceof RuleError) return { problem: error.problem };
    throw error;
  }
}

/** A cell of a CSV file or a paste, quoted so that it arrives exactly as `raw`. */
const quoted = (raw: string) => `"${raw.replace(/"/g, '""')}"`;

/** The loader's verdict on one cell of a one-row file: the value read, or the problem of row 2. */
function loaderVerdict(files: DataFileContents, value: (inputs: ReturnType<typeof loadInputs>) => unknown): Verdict {
  try {
    return { value: value(loadInputs({ ...REFERENCE, ...REGISTRY, ...files }, { year: 2010, synthetic: false })) };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const problems = error.problems.filter((p) => p.row === 2).map((p) => p.problem);
    return problems.length === 1
      ? { problem: problems[0] }
      : { problem: `${problems.length} fel: ${problems.join(" | ")}` };
  }
}

/** The import's verdict on one cell of a one-row paste. */
function importVerdict(paste: string, kind: ImportKind, value: (rows: readonly any[]) => unknown): Verdict {
  const parsed = parseImport(paste, IMPORT_REFERENCE, kind);
  if (parsed.ok) return { value: value(parsed.rows) };
  const problems = parsed.problems.filter((p) => p.row === 2).map((p) => p.message);
  return problems.length === 1
    ? { problem: problems[0] }
    : { problem: `${problems.length} fel: ${problems.join(" | ")}` };
}

// ---------------------------------------------------------------------------------------------------
// The random raw values

const INVISIBLE = ["\u200b", "\ufeff", "\u00ad", "\u200e", "\u202e", "\u2060", "\t", "\n", "\r\n", "\u0000", "\u2028"];
const SPACES = [" ", "\u00a0", "\u202f", "\u2009"];

const grouped = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** Numbers as people write them, right and wrong. */
const numberText = fc
  .record({
    digits: fc.oneof(
      fc.nat(1000).map(String),
      fc.nat(10_000_000).map(String),
      fc.constantFrom("0", "00", "0114", "9007199254740991", "9007199254740993", "12345678901234567890")
    ),
    group: fc.constantFrom("", "", ...SPACES, ",", ".", "'"),
    decimals: fc.constantFrom("", "", ",0", ".00", ",5", ".25", ",125", ".", ",", ",000"),
    sign: fc.constantFrom("", "", "+", "-", "\u2212", "\u2013"),
    exponent: fc.constantFrom("", "", "", "e3", "E-2", "e+1"),
    pad: fc.constantFrom("", "", " ", "\u00a0 "),
  })
  .map((n) => `${n.pad}${n.sign}${grouped(n.digits, n.group)}${n.decimals}${n.exponent}${n.pad}`);

/** A word of the spellings table, or near one, in any case. */
const word = fc
  .tuple(
    fc.constantFrom(
      ...yesWords(),
      ...noWords(),
      ...SPELLINGS.somatic,
      ...SPELLINGS.psychiatric,
      "x",
      "kanske",
      "ja.",
      "jaa",
      "SANT",
      "FALSKT",
      "True",
      "1,0"
    ),
    fc.constantFrom("lower", "upper", "title")
  )
  .map(([w, casing]) =>
    casing === "upper" ? w.toLocaleUpperCase("sv") : casing === "title" ? w.charAt(0).toUpperCase() + w.slice(1) : w
  );

const month = fc.constantFrom(
  "2018-03",
  "2018-3",
  "2018/03",
  "2018/3/1",
  "2018-03-01",
  "2018-13",
  "2018-00",
  "2018-02-30",
  "2018-03-15",
  "2017-12",
  "03-2018",
  "mars 2018",
  "43160"
);

const special = fc.constantFrom(
  "",
  " ",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x1F",
  "１２３",
  "\u0663",
  "1,000",
  "1 234,5",
  "4\n4",
  "=1+1",
  "x".repeat(41),
  "9".repeat(33000)
);

const junk = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ maxLength: 6, unit: "grapheme" }));

/** Any of the above, sometimes with an invisible or control character put in somewhere. */
const raw = fc
  .tuple(
    fc.oneof(numberText, numberText, word, month, special, junk),
    fc.option(fc.tuple(fc.constantFrom(...INVISIBLE), fc.nat()), { freq: 4 })
  )
  .map(([text, insert]) => {
    if (insert === null) return text;
    const [character, at] = insert;
    const i = at % (text.length + 1);
    return text.slice(0, i) + character + text.slice(i);
  });

const RUNS = { numRuns: 300 };

// ---------------------------------------------------------------------------------------------------
// The faces

describe("one verdict per raw value, whatever face reads it", () => {
  it("a count (deaths): the function's reader, the loader, the import and Förklara agree with readCount", () => {
    fc.assert(
      fc.property(raw, (text) => {
        const expected = ofReading(readCount(text, Label.deaths));
        const faces = {
          function: ofCall(
            () =>
              readPartyTable([["0114"]], { deaths: { what: Label.deaths, kind: "count" } }, { deaths: [[text]] })
                .rows[0].deaths
          ),
          loader: loaderVerdict(
            { palliative: `kind;code;deaths;registrations\nkommun;0114;${quoted(text)};0\n` },
            (inputs) => inputs.palliative[0].deaths
          ),
          import: importVerdict(
            `Kod\tDödsfall\tRegistreringar\n0114\t${quoted(text)}\t0\n`,
            "palliativ",
            (rows) => rows[0].deaths
          ),
          explain: ofCall(() => cellCount(text, Label.deaths, { row: 1 })),
        };
        expect({ text, faces }).toEqual({
          text,
          faces: { function: expected, loader: expected, import: expected, explain: expected },
        });
      }),
      RUNS
    );
  });

  it("yes/no (all relevant units started): the four faces agree with readYesNo", () => {
    fc.assert(
      fc.property(raw, (text) => {
        const expected = ofReading(readYesNo(text, Label.started));
        const faces = {
          function: ofCall(
            () =>
              readPartyTable([["0114"]], { started: { what: Label.started, kind: "yesNo" } }, { started: [[text]] })
                .rows[0].started
          ),
          loader: loaderVerdict(
            {
              seniorAlert: `kind;code;all_units_started;registrations;licence;passwords;coordinator;units_identified;unit_list\nkommun;0114;${quoted(text)};0;ja;ja;ja;ja;ja\n`,
            },
            (inputs) => inputs.seniorAlert[0].allUnitsStarted
          ),
          import: importVerdict(
            `Kod\tAlla enheter startat\tRegistreringar\n0114\t${quoted(text)}\t0\n`,
            "senior-alert",
            (rows) => rows[0].allUnitsStarted
          ),
          explain: ofCall(() => cellYesNo(text, { row: 1 })),
        };
        expect({ text, faces }).toEqual({
          text,
          faces: { function: expected, loader: expected, import: expected, explain: expected },
        });
      }),
      RUNS
    );
  });

  it("a number cell: the function's reader and Förklara read it alike (counts and yes/no)", () => {
    const numbers = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.constantFrom(-0, 0.1 + 0.2, 2 ** 53, 2 ** 53 - 1, 1e300, NaN, Infinity, 43160)
    );
    fc.assert(
      fc.property(numbers, (n) => {
        const count = ofCall(
          () => readPartyTable([["0114"]], { d: { what: Label.deaths, kind: "count" } }, { d: [[n]] }).rows[0].d
        );
        expect(count).toEqual(ofCall(() => cellCount(n, Label.deaths, { row: 1 })));
        expect(count).toEqual(ofReading(readCount(n, Label.deaths)));
        const yesNo = ofCall(
          () => readPartyTable([["0114"]], { s: { what: Label.started, kind: "yesNo" } }, { s: [[n]] }).rows[0].s
        );
        expect(yesNo).toEqual(ofCall(() => cellYesNo(n, { row: 1 })));
      })
    );
  });

  it("discharge days: the function's list, the loader and the import each read them with readCount", () => {
    const face = (reader: Reader<unknown>, what: string) => (text: string) => ofReading(reader(text, what));
    fc.assert(
      fc.property(raw, (text) => {
        const header = "municipality;month;individual;care;days_reported;days_after_analysis";
        const loader = loaderVerdict(
          { discharge: `${header}\n0880;2018-03;S01;somatisk;${quoted(text)};0\n` },
          (inputs) => inputs.discharge[0].daysReported
        );
        const paste = `Kommun\tMånad\tIndivid\tDagar rapporterade\tDagar efter analys\n0880\t2018-03\tS01\t${quoted(text)}\t0\n`;
        const imported = importVerdict(paste, "utskrivningsklara", (rows) => rows[0].daysReported);
        expect({ text, loader, imported }).toEqual({
          text,
          loader: face(readCount, Label.daysReported)(text),
          imported: face(readCount, Label.daysReported)(text),
        });
        if (text.trim() !== "") {
          // A blank cell in the function's days is no individual at all: only filled cells are compared.
          const listed = ofCall(() => readList([[text]], { what: Label.dischargeDays, kind: "count" })[0].value);
          expect({ text, listed }).toEqual({ text, listed: face(readCount, Label.dischargeDays)(text) });
        }
      }),
      RUNS
    );
  });

  it("a month and a kind of care: the loader and the import agree with readMonth and readCare", () => {
    fc.assert(
      fc.property(raw, fc.boolean(), (text, isMonth) => {
        const header = "municipality;month;individual;care;days_reported;days_after_analysis";
        const cells = isMonth ? [quoted(text), "somatisk"] : ["2018-03", quoted(text)];
        const loader = loaderVerdict({ discharge: `${header}\n0880;${cells[0]};S01;${cells[1]};1;1\n` }, (inputs) =>
          isMonth ? inputs.discharge[0].month : inputs.discharge[0].care
        );
        const imported = importVerdict(
          `Kommun\tMånad\tIndivid\tVårdform\tDagar\n0880\t${cells[0]}\tS01\t${cells[1]}\t1\n`,
          "utskrivningsklara",
          (rows) => (isMonth ? rows[0].month : rows[0].care)
        );
        const reading = isMonth ? readMonth(text, Label.month) : readCare(text, Label.care);
        // A month outside 2018 is read, then refused by the rule (Kalmar, bild 2 and 10) in both faces alike.
        const expected =
          isMonth && typeof reading === "string" && !reading.startsWith("2018-")
            ? {
                problem: `månaden ${reading} ligger inte i 2018: regleringen gäller 2018 (presentationen "Länsgemensam ledning i samverkan", Kalmar län, bild 2 och 10).`,
              }
            : ofReading(reading);
        expect({ text, loader, imported }).toEqual({ text, loader: expected, imported: expected });
      }),
      RUNS
    );
  });

  it("kronor: the loader's amounts, the function's pot and Förklara's pot each read them with readKronor", () => {
    fc.assert(
      fc.property(raw, (text) => {
        const loader = loaderVerdict(
          {
            pilots: `id;recipient;project;granted_kr;applicant_kind;political_backing\nF01;Kommun X;Försök A;${quoted(text)};kommun;ja\n`,
          },
          (inputs) => inputs.pilots[0].grantedKr
        );
        expect({ text, loader }).toEqual({ text, loader: ofReading(readKronor(text, "beviljat belopp")) });
        if (text.trim() === "") return; // a blank parameter is "missing", said by each face in its own words
        const pot = ofCall(() => readScalar(text, { what: Label.pot, kind: "kronor" }));
        expect({ text, pot }).toEqual({ text, pot: ofReading(readKronor(text, Label.pot)) });
        const explained = ofCall(() => parameter({ parameters: { P_Bas_Kommun: text } }, "P_Bas_Kommun"));
        expect({ text, explained }).toEqual({ text, explained: ofReading(readKronor(text, "P_Bas_Kommun")) });
      }),
      RUNS
    );
  });
});
