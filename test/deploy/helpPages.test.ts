/*
 * The help pages: one per function in Swedish and English, with the README's worked examples (their results
 * worked out by hand here, and computed by the function in the generator), the errors with the function's own
 * messages, the rule's source, and a start page that lists the functions and the pane's actions.
 */
import * as fs from "fs";
import * as path from "path";
import { DEV_BASE_URL } from "../../scripts/addin/baseUrl";
import { formulaText, helpPages } from "../../scripts/addin/helpPages";
import { helpPath, swedishMetadata, withBaseUrl } from "../../scripts/addin/metadata";
import { COUNTIES_2010, HELP } from "../../src/functions/helpContent";
import { generateMetadata } from "../support/hyperformulaSkl";

const ROOT = path.resolve(__dirname, "../..");
let pages: Map<string, string>;

beforeAll(async () => {
  const english = withBaseUrl((await generateMetadata()).metadata, DEV_BASE_URL);
  pages = helpPages(english, swedishMetadata(english));
}, 60000);

/** The page's text, tags removed and entities and no-break spaces read as the characters they stand for. */
function text(file: string): string {
  return (pages.get(file) ?? "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");
}

describe("the function pages", () => {
  it("exist for every function in Swedish and English, and link to each other", () => {
    for (const id of Object.keys(HELP)) {
      const sv = pages.get(helpPath(id, "sv"))!;
      const en = pages.get(helpPath(id, "en"))!;
      expect(sv).toContain('<html lang="sv">');
      expect(en).toContain('<html lang="en">');
      expect(sv).toContain(`href="en/${path.basename(helpPath(id, "en"))}"`);
      expect(en).toContain(`href="../${path.basename(helpPath(id, "sv"))}"`);
    }
  });

  it("describe each parameter with the names Excel shows in that language", () => {
    const sv = text("help/discharge-settlement.html");
    expect(sv).toContain("=SKL.DISCHARGE_SETTLEMENT(dagar; pris_per_dag; [dagsgräns]; [snittgräns])");
    expect(sv).toContain("dagsgräns (valfritt) Dagar per individ som inte debiteras");
    const en = text("help/en/discharge-settlement.html");
    expect(en).toContain("=SKL.DISCHARGE_SETTLEMENT(days, pricePerDay, [dayLimit], [averageLimit])");
  });

  // Worked by hand from the rules (README): 0115 has 3/10 < 40 %; 0114 and 0117 share 400 kr as 1 000 : 3 000.
  it("PALLIATIVE_SHARE: 0117 gets 300 kr, and the column 100, 0, 300", () => {
    const sv = text("help/palliative-share.html");
    expect(sv).toContain('=SKL.PALLIATIVE_SHARE("0117"; A2:A4; B2:B4; C2:C4; D2:D4; 400; 0,4) → 300 kr');
    expect(sv).toContain("0114: 100 kr 0115: 0 kr 0117: 300 kr");
    const en = text("help/en/palliative-share.html");
    expect(en).toContain('=SKL.PALLIATIVE_SHARE("0117", A2:A4, B2:B4, C2:C4, D2:D4, 400, 0.4) → 300 kr');
  });

  it("shows a party function in both forms: one party's call, and one call for the whole table, spilled", () => {
    const sv = text("help/palliative-share.html");
    expect(sv).toMatch(
      /En part Så skriver en kommun eller ett landsting formeln i sin egen arbetsbok[^→]*=SKL\.PALLIATIVE_SHARE\("0117"; A2:A4;[^→]*→ 300 kr/
    );
    expect(sv).toMatch(
      /Hela tabellen Med hela kodkolumnen som första argument ger ett enda anrop allas belopp[^→]*bredvid tabellen[^→]*=SKL\.PALLIATIVE_SHARE\(A2:A4; A2:A4;[^→]*→ 0114: 100 kr 0115: 0 kr 0117: 300 kr/
    );
    const en = text("help/en/senior-alert-payout.html");
    expect(en).toMatch(/One party As a municipality or county council writes the formula in its own workbook/);
    expect(en).toMatch(/The whole table With the whole code column[^→]*=SKL\.SENIOR_ALERT_PAYOUT\(A2:A4, A2:A4,/);
    // A list function has one form.
    expect(text("help/discharge-settlement.html")).not.toContain("Hela tabellen");
  });

  it("PALLIATIVE_SHARE: #VALUE! names the row and party, #N/A a party not in the list", () => {
    const sv = text("help/palliative-share.html");
    expect(sv).toContain("med B3 = 11 ger #VALUE! : Rad 2 (0115): registreringar (11) är fler än dödsfall (10)");
    expect(sv).toMatch(/=SKL\.PALLIATIVE_SHARE\("0999";[^→]*ger #N\/A : koden 0999 finns inte i kodkolumnen/);
  });

  // 900 kr over 100 + 200 qualifying registrations is 3 kr each: 300, 0 (not qualified), 600.
  it("SENIOR_ALERT_PAYOUT: 0114 gets 300 kr, the column 300, 0, 600", () => {
    const sv = text("help/senior-alert-payout.html");
    expect(sv).toContain("→ 300 kr");
    expect(sv).toContain("0114: 300 kr 0115: 0 kr 0117: 600 kr");
    expect(sv).toContain("SANT");
    expect(text("help/en/senior-alert-payout.html")).toContain("TRUE");
  });

  // 21 counties × 2 MSEK = 42; the rest 24 MSEK is 48 steps of 0.5 MSEK; Stockholm's quota 48 × 26 / 290 = 4.30
  // steps: 4 steps (the remainder .30 is not among the largest), so 2 + 2 = 4 MSEK.
  it("COUNTY_GRANT: Stockholm gets 4 000 000 kr, and the 21 counties share exactly 66 MSEK", () => {
    const sv = text("help/county-grant.html");
    expect(sv).toContain('=SKL.COUNTY_GRANT("01"; A2:A22; C2:C22; 66000000; 2000000; 500000) → 4 000 000 kr');
    const amounts = Array.from(sv.matchAll(/\b\d\d: ([\d ]+) kr/g), (m) => Number(m[1].replace(/ /g, "")));
    expect(amounts).toHaveLength(21);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(66000000);
    expect(amounts.every((a) => a >= 2000000 && (a - 2000000) % 500000 === 0)).toBe(true);
  });

  it("COUNTY_GRANT: the example's counties and municipality counts are data/2010/lan.csv's", () => {
    const rows = fs
      .readFileSync(path.join(ROOT, "data/2010/lan.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(","));
    expect(COUNTIES_2010.map(([code, name, n]) => [code, name, String(n)])).toEqual(
      rows.map((r) => [r[0], r[1], r[2]])
    );
  });

  // Average 13 / 3 > 3: (5 − 3) + (6 − 3) = 5 days × 7 000 kr.
  it("DISCHARGE_SETTLEMENT: 35 000 kr, and #VALUE! with the row, never #N/A", () => {
    const sv = text("help/discharge-settlement.html");
    expect(sv).toContain("=SKL.DISCHARGE_SETTLEMENT(A2:A4; 7000) → 35 000 kr");
    expect(sv).toContain("med A3 = −5 ger #VALUE! : Rad 2: utskrivningsklara dagar (−5) får inte vara negativt");
    expect(sv).not.toContain("#N/A :");
    expect(sv).toContain("aldrig #N/A");
  });

  it("cite the rule's source documents by their titles", () => {
    expect(text("help/palliative-share.html")).toContain("Cirkulär 10:11");
    expect(text("help/county-grant.html")).toContain("Sörmlandsöverenskommelsen (dnr 09/5304), Bilaga 2");
    expect(text("help/discharge-settlement.html")).toContain(
      "”Länsgemensam ledning i samverkan” (Kalmar län), bild 7–10"
    );
  });

  it("write formulas as each language's Excel does", () => {
    const columns = [{ header: { sv: "A", en: "A" }, values: [1, 2] }];
    expect(formulaText("X", columns, [{ column: 0 }, { value: 0.5 }, { value: true }], "sv")).toBe(
      "=SKL.X(A2:A3; 0,5; SANT)"
    );
    expect(formulaText("X", columns, [{ column: 0 }, { value: 0.5 }, { value: true }], "en")).toBe(
      "=SKL.X(A2:A3, 0.5, TRUE)"
    );
  });
});

describe("the start pages and links", () => {
  it("list the four functions and the pane's four actions", () => {
    const sv = text("help/index.html");
    for (const id of Object.keys(HELP)) expect(sv).toContain(`SKL.${id}`);
    for (const action of ["Bygg arbetsbok", "Importera", "Förklara", "Kontrollera"]) expect(sv).toContain(action);
    const en = text("help/en/index.html");
    for (const id of Object.keys(HELP)) expect(en).toContain(`SKL.${id}`);
    expect(sv).toContain("Driftsätta SKL Äldrestöd");
  });

  it("link only to pages that exist (or to Microsoft's documentation)", () => {
    for (const [file, html] of pages) {
      for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
        if (href.startsWith("https://learn.microsoft.com/")) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), href));
        expect({ file, href, exists: pages.has(target) }).toEqual({ file, href, exists: true });
      }
    }
  });

  it("include the deployment guide in Swedish, citing Microsoft's pages", () => {
    const guide = text("help/driftsattning.html");
    expect(guide).toContain("npm run package -- --url");
    expect(guide).toContain("Integrerade appar");
    expect(guide).toContain("Cache-Control");
    expect(pages.get("help/driftsattning.html")).toContain(
      "https://learn.microsoft.com/microsoft-365/admin/manage/manage-deployment-of-add-ins"
    );
  });
});
