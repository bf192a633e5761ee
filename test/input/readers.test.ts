/*
 * The readers of src/input, kind by kind: what each accepts, and the words of what it refuses. Every
 * expected value is the written number worked by hand ("1 234" is one thousand two hundred and thirty-four).
 */
import fs from "node:fs";
import path from "node:path";
import {
  Label,
  noWords,
  readAmount,
  readApplicantKind,
  readBankgiro,
  readCare,
  readCode,
  readCount,
  readKronor,
  readMonth,
  readNumber,
  readOrganisationNumber,
  readPartyKind,
  readPayeeKind,
  readPlusgiro,
  readShare,
  readStep,
  readText,
  readYesNo,
  Refused,
  screenful,
  shownText,
  SPELLINGS,
  yesWords,
} from "../../src/input";

/** What a reader gives: the value, or `{ refused: problem }`. */
function verdict(reading: unknown): unknown {
  return reading instanceof Refused ? { refused: reading.problem } : reading;
}

const count = (raw: unknown) => verdict(readCount(raw, "dödsfall"));
const kronor = (raw: unknown) => verdict(readKronor(raw, "belopp"));
const refused = (problem: string) => ({ refused: problem });

describe("a count", () => {
  it.each([
    [5, 5],
    [0, 0],
    ["5", 5],
    [" 42 ", 42],
    ["1 234", 1234],
    ["1\u00a0234", 1234],
    ["1\u202f234\u202f567", 1234567],
    ["1\u2009234", 1234],
    ["12,0", 12],
    ["12.00", 12],
    ["+5", 5],
    ["-0", 0],
    ["\u22120", 0],
    ["9007199254740991", 9007199254740991],
  ])("reads %p as %p", (raw, expected) => {
    expect(count(raw)).toBe(expected);
  });

  it("reads a negative zero, typed or computed, as 0 and never as −0", () => {
    expect(Object.is(count(-0), 0)).toBe(true);
    expect(Object.is(count("-0"), 0)).toBe(true);
  });

  it.each([
    ["1 234,5", "dödsfall (1 234,5) måste vara ett helt tal som är 0 eller större."],
    [2.5, "dödsfall (2,5) måste vara ett helt tal som är 0 eller större."],
    ["-2", "dödsfall (-2) får inte vara negativt."],
    ["\u22123", "dödsfall (\u22123) får inte vara negativt."],
    [-1, "dödsfall (\u22121) får inte vara negativt."],
    ["1e3", "dödsfall (1e3) är skrivet med exponent. Skriv talet med alla siffror, t.ex. 1000 i stället för 1e3."],
    [
      "2,5E+3",
      "dödsfall (2,5E+3) är skrivet med exponent. Skriv talet med alla siffror, t.ex. 1000 i stället för 1e3.",
    ],
    ["NaN", 'dödsfall måste vara ett tal, men cellen innehåller texten "NaN". Skriv ett tal eller töm hela raden.'],
    [
      "Infinity",
      'dödsfall måste vara ett tal, men cellen innehåller texten "Infinity". Skriv ett tal eller töm hela raden.',
    ],
    ["0x1F", 'dödsfall måste vara ett tal, men cellen innehåller texten "0x1F". Skriv ett tal eller töm hela raden.'],
    [NaN, "dödsfall måste vara ett tal, men cellen innehåller NaN. Skriv ett tal eller töm hela raden."],
    [Infinity, "dödsfall måste vara ett tal, men cellen innehåller Infinity. Skriv ett tal eller töm hela raden."],
    [true, "dödsfall måste vara ett tal, men cellen innehåller SANT. Skriv ett tal eller töm hela raden."],
    ["tio", 'dödsfall måste vara ett tal, men cellen innehåller texten "tio". Skriv ett tal eller töm hela raden.'],
    ["", "dödsfall saknas. Fyll i ett tal (0 om det inte finns några) eller töm hela raden."],
    [null, "dödsfall saknas. Fyll i ett tal (0 om det inte finns några) eller töm hela raden."],
    ["１２３", "dödsfall (１２３) har siffror som inte är 0–9 (U+FF11). Skriv talet med vanliga siffror."],
    ["\u0663", "dödsfall (\u0663) har siffror som inte är 0–9 (U+0663). Skriv talet med vanliga siffror."],
    [
      "4\n4",
      "dödsfall (4[U+000A]4) innehåller tecknet U+000A (radbrytning), som inte syns. Ta bort det och skriv värdet igen.",
    ],
    [
      "4\t4",
      "dödsfall (4[U+0009]4) innehåller tecknet U+0009 (tabb), som inte syns. Ta bort det och skriv värdet igen.",
    ],
    [
      "12\u200b",
      "dödsfall (12[U+200B]) innehåller tecknet U+200B (nollbreddsmellanslag), som inte syns. Ta bort det och skriv värdet igen.",
    ],
    [
      "12 34",
      "dödsfall (12 34) går inte att läsa säkert som ett tal: skriv decimaltecknet en gång (komma eller punkt) och mellanslag mellan tusental, t.ex. 1 234 567,50.",
    ],
    [
      "1,234.5",
      "dödsfall (1,234.5) går inte att läsa säkert som ett tal: skriv decimaltecknet en gång (komma eller punkt) och mellanslag mellan tusental, t.ex. 1 234 567,50.",
    ],
    [
      "1,000",
      "dödsfall (1,000) kan läsas både som ett decimaltal och som tusental. Skriv tusental med mellanslag (1 234) eller utan avgränsare (1234), och decimaler med högst två siffror efter kommat.",
    ],
    [
      "9007199254740993",
      "dödsfall (9007199254740993) går inte att räkna exakt: högst 9 007 199 254 740 991 (2^53 − 1), på öret när.",
    ],
  ])("refuses %p", (raw, problem) => {
    expect(count(raw)).toEqual(refused(problem));
  });

  it("refuses a text longer than a cell holds, and shows only its first 40 characters in other messages", () => {
    expect(count("1".repeat(40000))).toEqual(
      refused(
        "dödsfall har 40 000 tecken, men en cell i Excel rymmer högst 32 767. Korta texten.".replace(
          / (?=\d{3})/g,
          "\u00a0"
        )
      )
    );
    const long = "x".repeat(1000);
    expect(count(long)).toEqual(
      refused(
        `dödsfall måste vara ett tal, men cellen innehåller texten "${"x".repeat(40)}…". Skriv ett tal eller töm hela raden.`
      )
    );
  });
});

describe("kronor", () => {
  it.each([
    ["2 500 000,50", 2500000.5],
    ["100,5", 100.5],
    ["0.05", 0.05],
    [1500, 1500],
    [9007199254740991, 9007199254740991],
    ["90071992547409,91", 90071992547409.91],
    // Excel shows and compares 15 significant digits: a pot a formula left at 12 000 000,000000002 is 12 000 000.
    [12000000.000000002, 12000000],
  ])("reads %p as %p", (raw, expected) => {
    expect(kronor(raw)).toBe(expected);
  });

  it.each([
    ["1000.123", "belopp (1000.123) får ha högst två decimaler (öre)."],
    [0.001, "belopp (0,001) får ha högst två decimaler (öre)."],
    [
      9007199254740992,
      "belopp (9\u00a0007\u00a0199\u00a0254\u00a0740\u00a0992) går inte att räkna exakt: högst 9 007 199 254 740 991 (2^53 − 1), på öret när.",
    ],
    [
      "90071992547409,99",
      "belopp (90071992547409,99) går inte att räkna exakt: högst 9 007 199 254 740 991 (2^53 − 1), på öret när.",
    ],
    ["-5", "belopp (-5) får inte vara negativt."],
  ])("refuses %p", (raw, problem) => {
    expect(kronor(raw)).toEqual(refused(problem));
  });
});

describe("shares, steps, amounts and shown numbers", () => {
  it("reads a share from 0 to 1, and refuses a percentage or a share above 1", () => {
    expect(verdict(readShare(0.4, "tröskeln"))).toBe(0.4);
    expect(verdict(readShare("0,4", "tröskeln"))).toBe(0.4);
    expect(verdict(readShare("0,400", "tröskeln"))).toBe(0.4);
    const outOfRange = (shown: string) =>
      refused(`tröskeln (${shown}) ska vara en andel mellan 0 och 1, t.ex. 0,4 för 40 %.`);
    expect(verdict(readShare(40, "tröskeln"))).toEqual(outOfRange("40"));
    expect(verdict(readShare("40 %", "tröskeln"))).toEqual(outOfRange("40 %"));
    expect(verdict(readShare(-0.1, "tröskeln"))).toEqual(outOfRange("\u22120,1"));
  });

  it("reads a rounding step above 0 with at most two decimals", () => {
    expect(verdict(readStep(1000, Label.step))).toBe(1000);
    expect(verdict(readStep("0,5", Label.step))).toBe(0.5);
    expect(verdict(readStep(0, Label.step))).toEqual(
      refused("avrundningssteget (0) måste vara större än 0, t.ex. 1 för hela kronor eller 1000 för tusental.")
    );
  });

  it("reads a weight with decimals, and a shown number of any sign", () => {
    expect(verdict(readAmount("2,5", "vikten"))).toBe(2.5);
    expect(verdict(readNumber("\u22121 234,5", "visat"))).toBe(-1234.5);
  });
});

describe("yes and no", () => {
  it("reads TRUE/FALSE, 1/0 and every word of the spellings table, in any case", () => {
    for (const word of yesWords()) {
      for (const written of [word, word.toUpperCase(), ` ${word[0].toUpperCase()}${word.slice(1)} `]) {
        expect({ written, read: verdict(readYesNo(written, Label.started)) }).toEqual({ written, read: true });
      }
    }
    for (const word of noWords()) expect(verdict(readYesNo(word.toUpperCase(), Label.started))).toBe(false);
    expect([true, false, 1, 0].map((v) => verdict(readYesNo(v, Label.started)))).toEqual([true, false, true, false]);
  });

  it("refuses anything else, naming it", () => {
    expect(verdict(readYesNo("x", Label.started))).toEqual(
      refused("alla relevanta enheter startat (x) ska vara Ja eller Nej.")
    );
    expect(verdict(readYesNo(2, Label.started))).toEqual(
      refused("alla relevanta enheter startat (2) ska vara Ja eller Nej.")
    );
    expect(verdict(readYesNo("", Label.started))).toEqual(
      refused("alla relevanta enheter startat saknas. Skriv Ja eller Nej.")
    );
  });
});

describe("months, kinds of care and of party", () => {
  it.each([
    ["2018-03", "2018-03"],
    ["2018-3", "2018-03"],
    ["2018/03", "2018-03"],
    ["2018-03-01", "2018-03"],
    ["2018/3/1", "2018-03"],
    // Excel's date number of 2018-03-01: 43 160 days after 1899-12-30.
    [43160, "2018-03"],
  ])("reads the month %p as %p", (raw, expected) => {
    expect(verdict(readMonth(raw, Label.month))).toBe(expected);
  });

  it.each(["2018-13", "2018-00", "2018-02-30", "2018-03-15", "mars", "18-03", "2018-03-01T00:00"])(
    "refuses the month %p",
    (raw) => {
      expect(verdict(readMonth(raw, Label.month))).toEqual(
        refused(`månaden (${raw}) ska skrivas ÅÅÅÅ-MM, t.ex. 2018-03.`)
      );
    }
  );

  it("refuses a date number that is not the first of a month (43 174 is 2018-03-15)", () => {
    expect(verdict(readMonth(43174, Label.month))).toEqual(
      refused("månaden (43\u00a0174) ska skrivas ÅÅÅÅ-MM, t.ex. 2018-03.")
    );
  });

  it("reads the kinds of care and of party in their spellings", () => {
    expect(
      ["Somatisk", "somatik", "S", "psyk", "Psykiatrisk", "P"].map((w) => verdict(readCare(w, Label.care)))
    ).toEqual(["somatisk", "somatisk", "somatisk", "psykiatri", "psykiatri", "psykiatri"]);
    expect(verdict(readCare("akut", Label.care))).toEqual(
      refused("vårdform (akut) ska vara somatisk eller psykiatri.")
    );
    expect(["Kommun", "region", "Landstinget", "county  council"].map((w) => verdict(readPartyKind(w, "typ")))).toEqual(
      ["kommun", "landsting", "landsting", "landsting"]
    );
    expect(verdict(readPartyKind("stad", "typ"))).toEqual(refused("typ (stad) ska vara kommun eller landsting."));
  });
});

describe("codes and free text", () => {
  const code = (raw: unknown) => verdict(readCode(raw, "kommunkoden", 4, "0114"));

  it("pads a code whose leading zeros a spreadsheet dropped, and refuses other codes", () => {
    expect([code("0114"), code("114"), code(114), code(" 0114 ")]).toEqual(["0114", "0114", "0114", "0114"]);
    expect(code("01140")).toEqual(refused("kommunkoden (01140) ska vara fyra siffror, t.ex. 0114."));
    expect(code("11a4")).toEqual(refused("kommunkoden (11a4) ska vara fyra siffror, t.ex. 0114."));
    expect(code(114.5)).toEqual(refused("kommunkoden (114,5) ska vara fyra siffror, t.ex. 0114."));
    expect(code("０１１４")).toEqual(
      refused("kommunkoden (０１１４) har siffror som inte är 0–9 (U+FF10). Skriv talet med vanliga siffror.")
    );
    expect(code("")).toEqual(refused("kommunkoden saknas."));
  });

  it("shows an invisible character in a code, so the user can see what is wrong", () => {
    expect(code("0114\u200b")).toEqual(
      refused(
        "kommunkoden (0114[U+200B]) innehåller tecknet U+200B (nollbreddsmellanslag), som inte syns. Ta bort det och skriv värdet igen."
      )
    );
  });

  it.each([
    ["\u3164", "U+3164 (hangul-utfyllnad)"],
    ["\u2800", "U+2800 (tomt punktskriftstecken)"],
    ["\u115f", "U+115F (hangul-utfyllnad)"],
    ["\u1160", "U+1160 (hangul-utfyllnad)"],
    ["\uffa0", "U+FFA0 (hangul-utfyllnad)"],
    ["\u034f", "U+034F (kombinerande grafemfog)"],
    ["\u180e", "U+180E"],
    ["\ufe0f", "U+FE0F"],
    ["\u{e0041}", "U+E0041"],
  ])("refuses %j, which looks blank, in a name and as a whole name, as it refuses U+200B", (character, name) => {
    const shown = `[${name.split(" ")[0]}]`;
    expect(verdict(readText(`Region${character}Skåne`, "mottagare"))).toEqual(
      refused(
        `mottagare (Region${shown}Skåne) innehåller tecknet ${name}, som inte syns. Ta bort det och skriv värdet igen.`
      )
    );
    expect(verdict(readText(character.repeat(3), "mottagare"))).toEqual(
      refused(
        `mottagare (${shown.repeat(3)}) innehåller tecknet ${name}, som inte syns. Ta bort det och skriv värdet igen.`
      )
    );
    expect(code(`0114${character}`)).toEqual(
      refused(
        `kommunkoden (0114${shown}) innehåller tecknet ${name}, som inte syns. Ta bort det och skriv värdet igen.`
      )
    );
  });

  it.each([
    ["\u0301", "U+0301"],
    ["\u0300\u0301", "U+0300"],
    [" \u0301", "U+0301"],
    ["\ue000", "U+E000"],
    ["\ufffc", "U+FFFC"],
  ])("refuses a name of %j, marks that combine with nothing or characters that stand for nothing", (name, first) => {
    expect(verdict(readText(name, "mottagare"))).toEqual(
      refused(
        `mottagare (${name.trim()}) har inget tecken som syns för sig självt, bara till exempel ${first}. Skriv värdet med bokstäver eller siffror.`
      )
    );
  });

  it("keeps a name with combining marks on its letters (Skåne written as A and U+030A)", () => {
    expect(verdict(readText("Sk\u0061\u030ane", "mottagare"))).toBe("Sk\u0061\u030ane");
  });

  it("keeps free text as it is written, a formula-looking text too, within a cell's 32 767 characters", () => {
    expect(verdict(readText('  =HYPERLINK("http://example.invalid")  ', "projekt"))).toBe(
      '=HYPERLINK("http://example.invalid")'
    );
    expect(verdict(readText(101, "individ"))).toBe("101");
    expect(verdict(readText("x".repeat(32767), "projekt"))).toBe("x".repeat(32767));
    expect(verdict(readText("x".repeat(32768), "projekt"))).toEqual(
      refused("projekt har 32\u00a0768 tecken, men en cell i Excel rymmer högst 32\u00a0767. Korta texten.")
    );
    expect(verdict(readText("a\u0007b", "projekt"))).toEqual(
      refused("projekt (a[U+0007]b) innehåller tecknet U+0007, som inte syns. Ta bort det och skriv värdet igen.")
    );
    expect(verdict(readText("a\u202eb", "projekt"))).toEqual(
      refused("projekt (a[U+202E]b) innehåller tecknet U+202E, som inte syns. Ta bort det och skriv värdet igen.")
    );
  });
});

describe("messages", () => {
  it("cut a long value after 40 characters and write out invisible ones", () => {
    expect(shownText("å".repeat(100))).toBe(`${"å".repeat(40)}…`);
    expect(shownText("😀".repeat(50))).toBe(`${"😀".repeat(40)}…`);
    expect(shownText("0114\u200b")).toBe("0114[U+200B]");
  });

  it("list a screenful of problems, then count the rest", () => {
    const lines = Array.from({ length: 25 }, (_, i) => `rad ${i + 2}`);
    const shown = screenful(lines);
    expect(shown).toHaveLength(21);
    expect(shown[19]).toBe("rad 21");
    expect(shown[20]).toBe("… och 5 fel till (25 sammanlagt).");
    expect(screenful(lines.slice(0, 20))).toEqual(lines.slice(0, 20));
  });
});

describe("a payee's organisation number and account (Skatteverket SKV 709; Bankgirot; PlusGirot: 10-modul)", () => {
  it("reads Stockholms stad's published organisation number and Bankgirot's own bankgiro number, however written", () => {
    for (const written of ["212000-0142", "2120000142", " 212000 0142 ", 2120000142])
      expect(readOrganisationNumber(written, Label.organisationNumber)).toBe("212000-0142");
    expect(readBankgiro("160-9908", Label.bankgiro)).toBe("160-9908");
    expect(readBankgiro("1609908", Label.bankgiro)).toBe("160-9908");
    // Worked by hand: 1 2 3 4 5 6 → 6·2=12→3, 5, 4·2=8, 3, 2·2=4, 1: 24, so the check digit is 6.
    expect(readPlusgiro("12 34 56-6", Label.plusgiro)).toBe("123456-6");
  });

  it("refuses a wrong check digit and names the right one", () => {
    expect((readOrganisationNumber("212000-0143", Label.organisationNumber) as Refused).problem).toBe(
      "organisationsnumret (212000-0143) har fel kontrollsiffra: med de siffror som står före ska den sista vara 2. Kontrollera numret."
    );
    expect((readBankgiro("160-9907", Label.bankgiro) as Refused).problem).toMatch(/ska den sista vara 8/);
    expect((readPlusgiro("12 34 56-7", Label.plusgiro) as Refused).problem).toMatch(/ska den sista vara 6/);
  });

  it("refuses a personal identity number, other lengths and letters", () => {
    expect((readOrganisationNumber("191212-1212", Label.organisationNumber) as Refused).problem).toMatch(
      /tredje siffra under 2/
    );
    expect(readOrganisationNumber("21200-0142", Label.organisationNumber)).toBeInstanceOf(Refused);
    expect(readBankgiro("12-3456", Label.bankgiro)).toBeInstanceOf(Refused);
    expect(readBankgiro("160-99O8", Label.bankgiro)).toBeInstanceOf(Refused);
    expect(readPlusgiro("1", Label.plusgiro)).toBeInstanceOf(Refused);
    expect(readPlusgiro("123456789", Label.plusgiro)).toBeInstanceOf(Refused);
  });

  it("reads the kinds of payee and of pilot applicant by their spellings", () => {
    expect(readPayeeKind("Länets mottagare", Label.payeeKind)).toBe("län");
    expect(readPayeeKind("Region", Label.payeeKind)).toBe("landsting");
    expect(readPayeeKind("stad", Label.payeeKind)).toBeInstanceOf(Refused);
    expect(readApplicantKind("Privat/enskild", Label.applicantKind)).toBe("privat eller enskild");
    expect(readApplicantKind("Idéburna", Label.applicantKind)).toBe("idéburen");
    expect(readApplicantKind("stat", Label.applicantKind)).toBeInstanceOf(Refused);
  });
});

describe("the README's table of what each kind accepts", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("## What each kind of value accepts"),
    readme.indexOf("## Where each rule")
  );

  it("lists every spelling the readers accept", () => {
    const listed = new Set([...section.matchAll(/`([^`]+)`/g)].map((m) => m[1].toLocaleLowerCase("sv")));
    const words = [
      ...SPELLINGS.yes,
      ...SPELLINGS.no,
      ...SPELLINGS.somatic,
      ...SPELLINGS.psychiatric,
      ...SPELLINGS.municipality,
      ...SPELLINGS.countyCouncil,
      ...SPELLINGS.payeeCounty,
      ...SPELLINGS.applicantKinds,
    ];
    expect(words.filter((w) => !listed.has(w))).toEqual([]);
  });
});
