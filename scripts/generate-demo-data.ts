/**
 * Writes the SYNTHETIC demo registry data in data/demo/: `npx tsx scripts/generate-demo-data.ts`.
 * Deterministic (mulberry32 seeded with 2010, integer arithmetic only), so a second run rewrites the
 * files byte for byte. The figures are invented for demonstration; only their scale is plausible, and
 * they are spread around the thresholds on purpose. data/demo/README.md explains each file.
 */
import fs from "node:fs";
import path from "node:path";
import { County, Municipality } from "../src/workbook/inputs";
import { CSV_COLUMNS, DATA_FILES, loadReference, REFERENCE_FILES, SYNTHETIC_MARKER } from "../src/workbook/loadInputs";

/** The seed of every random stream: the year of the agreement. */
export const DEMO_SEED = 2010;

/** mulberry32: a small 32-bit PRNG (Tommy Ettinger, public domain) giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

/** A whole number in [min, max]. */
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** The first `n` items of a seeded shuffle (Fisher–Yates). */
function pick<T>(random: Random, items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

function csv(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns, ...rows].map((row) => row.map(cell).join(",")).join("\n") + "\n";
}

/**
 * A registration rate drawn so that many parties land near the thresholds of 2010 (40 % and 70 %,
 * Cirkulär 10:11, Mål 1) and a few far from them. Returned as per mille, an integer.
 */
function ratePerMille(random: Random): number {
  const u = random();
  if (u < 0.2) return between(random, 50, 349);
  if (u < 0.45) return between(random, 350, 449);
  if (u < 0.65) return between(random, 450, 649);
  if (u < 0.9) return between(random, 650, 749);
  return between(random, 750, 950);
}

/**
 * Deaths October–December 2010 ("Att bygga infrastruktur för socialtjänsten", bild 13; "Prestationsbaserade
 * statsbidrag till insatser för äldre", bild 6: "Mätperiod: Oktober – december 2010"). Sweden had about
 * 90 000 deaths a year, about 0.24 % of the population a quarter. Assumed for the demo: 0.11 % in
 * municipal care (special housing, home care) and 0.09 % in county-council hospitals.
 */
const DEATHS_PER_MILLION = { kommun: 1100, landsting: 900 } as const;

function palliative(random: Random, municipalities: readonly Municipality[], counties: readonly County[]): string {
  const small = municipalities.filter((m) => m.population < 4000).map((m) => m.code);
  const zeroDeaths = new Set(pick(random, small, 3));
  const mid = municipalities.filter((m) => m.population < 15000 && !zeroDeaths.has(m.code)).map((m) => m.code);
  const exact = pick(random, mid, 8);
  // Exactly at a threshold: 2 of 5 is 40 % and qualifies (DOMAIN.md, "At least" is exact).
  const exactly40 = new Map(exact.slice(0, 5).map((code, i) => [code, i + 1]));
  const exactly70 = new Map(exact.slice(5).map((code, i) => [code, i + 1]));
  const exactCounties = pick(
    random,
    counties.map((c) => c.code),
    2
  );

  const rows: (string | number)[][] = [];
  const draw = (kind: "kommun" | "landsting", code: string, population: number) => {
    const expected = (population * DEATHS_PER_MILLION[kind]) / 1_000_000;
    let deaths = Math.round((expected * between(random, 80, 120)) / 100);
    let registrations = Math.floor((deaths * ratePerMille(random)) / 1000);
    if (zeroDeaths.has(code) && kind === "kommun") {
      deaths = 0;
      registrations = 0;
    } else if (kind === "kommun" && exactly40.has(code)) {
      deaths = 5 * exactly40.get(code)!;
      registrations = 2 * exactly40.get(code)!;
    } else if (kind === "kommun" && exactly70.has(code)) {
      deaths = 10 * exactly70.get(code)!;
      registrations = 7 * exactly70.get(code)!;
    } else if (kind === "landsting" && exactCounties.includes(code)) {
      const [tenths, per] = code === exactCounties[0] ? [4, 10] : [7, 10];
      deaths = Math.max(per, Math.round(deaths / per) * per);
      registrations = (deaths / per) * tenths;
    }
    rows.push([kind, code, deaths, registrations]);
  };
  for (const m of municipalities) draw("kommun", m.code, m.population);
  for (const c of counties) draw("landsting", c.code, c.population);
  return csv(CSV_COLUMNS.palliative, rows);
}

/**
 * Senior alert, 2010: about half the parties (an assumption of the demo) have started in all relevant units
 * (the condition: Cirkulär 10:11, Mål 2). Registrations
 * assumed at 2–8 per 1 000 inhabitants for municipalities and 0.5–2.5 for county councils when started;
 * parties not yet started everywhere have some registrations from the units that have.
 */
function seniorAlert(
  random: Random,
  introductionRandom: Random,
  municipalities: readonly Municipality[],
  counties: readonly County[]
): string {
  const startedButNone = pick(
    random,
    municipalities.filter((m) => m.population < 6000).map((m) => m.code),
    1
  )[0];
  const rows: (string | number)[][] = [];
  const draw = (kind: "kommun" | "landsting", code: string, population: number) => {
    const started = random() < (kind === "kommun" ? 0.55 : 0.5);
    const [low, high] = kind === "kommun" ? [2000, 8000] : [500, 2500];
    let registrations = started
      ? Math.round((population * between(random, low, high)) / 1_000_000)
      : random() < 0.4
        ? 0
        : Math.round((population * between(random, 0, low)) / 1_000_000);
    let flag = started ? "ja" : "nej";
    if (kind === "kommun" && code === startedButNone) {
      flag = "ja";
      registrations = 0;
    }
    rows.push([kind, code, flag, registrations]);
  };
  for (const m of municipalities) draw("kommun", m.code, m.population);
  for (const c of counties) draw("landsting", c.code, c.population);
  return csv(CSV_COLUMNS.seniorAlert, withIntroduction(introductionRandom, rows));
}

/**
 * The introduction process of Senior alert ("Prestationsbaserade statsbidrag till insatser för äldre", bild 8:
 * körkort, lösenord, lokal koordinator, samtliga relevanta verksamheter identifierade) and the party's own list of
 * relevant units, yes/no each, before the started flag. The demo confirms all of them where every relevant unit
 * has started (so those parties qualify, as before the conditions were recorded); a party not yet started
 * everywhere has each step done with a chance of 3 in 4. Drawn from a stream of their own, so that the
 * registrations stay as they were.
 */
function withIntroduction(random: Random, rows: readonly (string | number)[][]): (string | number)[][] {
  return rows.map(([kind, code, started, registrations]) => {
    const steps = Array.from({ length: 5 }, () => (started === "ja" || random() < 0.75 ? "ja" : "nej"));
    return [kind, code, ...steps, started, registrations];
  });
}

/** Days per discharge-ready individual: mostly 0–3, a tail up to 12; the mean is about 2 days. */
function somaticDays(random: Random): number {
  const u = random();
  if (u < 0.3) return 0;
  if (u < 0.56) return 1;
  if (u < 0.74) return 2;
  if (u < 0.84) return 3;
  if (u < 0.95) return between(random, 4, 6);
  return between(random, 7, 12);
}

/**
 * Kalmar county 2018 ("Länsgemensam ledning i samverkan", bild 9–10): per municipality and month, the individuals ready for discharge and
 * their days. About one individual a month per 2 000 inhabitants; some strained months push the average
 * above 3. Where the reported average is above 3 the joint analysis recounts some days downwards, so
 * some municipalities fall back under 3 and some stay above. Psychiatry: a few individuals a month in the
 * four largest municipalities, some above 20 days.
 */
function discharge(random: Random, municipalities: readonly Municipality[]): string {
  const kalmar = municipalities.filter((m) => m.countyCode === "08");
  const psychiatry = new Set(
    [...kalmar]
      .sort((a, b) => b.population - a.population)
      .slice(0, 4)
      .map((m) => m.code)
  );
  const rows: (string | number)[][] = [];
  for (const m of kalmar) {
    for (let month = 1; month <= 12; month++) {
      const label = `2018-${String(month).padStart(2, "0")}`;
      const strained = random() < 0.15;
      const n = Math.max(1, Math.round((m.population * between(random, 70, 130)) / 200_000));
      const reported = Array.from({ length: n }, () => somaticDays(random) + (strained && random() < 0.6 ? 2 : 0));
      const analysed = reported.reduce((sum, d) => sum + d, 0) > 3 * n;
      reported.forEach((days, i) => {
        const recount = analysed && days > 0 && random() < 0.35 ? Math.min(days, between(random, 1, 3)) : 0;
        rows.push([m.code, label, `S${String(i + 1).padStart(2, "0")}`, "somatisk", days, days - recount]);
      });
      if (psychiatry.has(m.code) && random() < 0.4) {
        const count = between(random, 1, 2);
        for (let i = 0; i < count; i++) {
          const days = between(random, 2, 36);
          const recount = days > 20 && random() < 0.3 ? between(random, 1, 4) : 0;
          rows.push([m.code, label, `P${String(i + 1).padStart(2, "0")}`, "psykiatri", days, days - recount]);
        }
      }
    }
  }
  return csv(CSV_COLUMNS.discharge, rows);
}

/**
 * Themes of the pilots, from Cirkulär 10:11, avsnitt 3 ("Förbättringsarbete med den äldre i centrum"), and
 * "Att bygga infrastruktur för socialtjänsten", bild 16.
 */
const PILOT_THEMES = [
  "systematisk processanalys",
  "gemensam centrumbildning",
  "sammanhållen vård- och omsorgsprocess",
  "helhetsperspektiv på vårdkedjan",
  "samverkan med den äldre i centrum",
  "organisatoriska lösningar för multisjuka äldre",
];
/**
 * Who may apply ("Att bygga infrastruktur för socialtjänsten", bild 16): municipalities, county councils, private
 * and non-profit organisations; each with its kind of applicant as the ledger records it.
 */
const PILOT_RECIPIENTS: readonly (readonly [string, string])[] = [
  ["Kommun", "kommun"],
  ["Landsting", "landsting"],
  ["Kommun och landsting", "kommun och landsting"],
  ["Idéburen organisation", "idéburen"],
  ["Privat vårdgivare", "privat eller enskild"],
];
/** The 70 MSEK for pilots (Cirkulär 10:11, avsnitt 3); the demo leaves part of it ungranted so the ledger shows a rest. */
const PILOTS_KR = 70_000_000;

function pilots(random: Random): string {
  const count = 12;
  const amounts = Array.from({ length: count }, () => 50_000 * between(random, 40, 150));
  while (amounts.reduce((sum, a) => sum + a, 0) > PILOTS_KR - 2_000_000) {
    const largest = amounts.indexOf(Math.max(...amounts));
    amounts[largest] -= 500_000;
  }
  const rows = amounts.map((amount, i) => {
    const letter = "ABCDEFGHIJKL"[i];
    const [who, kind] = PILOT_RECIPIENTS[between(random, 0, PILOT_RECIPIENTS.length - 1)];
    const recipient = `${who} ${"KLMNOPQRSTUV"[i]}`;
    const theme = PILOT_THEMES[between(random, 0, PILOT_THEMES.length - 1)];
    // The demo confirms the political backing of every pilot ("Politisk förankring krävs", bild 16).
    return [`F${String(i + 1).padStart(2, "0")}`, recipient, kind, "ja", `Försök ${letter} – ${theme} (påhittat)`, amount];
  });
  return csv(CSV_COLUMNS.pilots, rows);
}

/**
 * Sörmland's budget of its grant, as on page (2) of the Sörmland agreement (Sörmlandsöverenskommelsen, dnr
 * 09/5304): "Budget Gemensamma utvecklingsledare: Kvalitativ uppföljning av multisjuka äldre Övrigt utbildning
 * Summa: tkr 500 tkr 200 tkr tkr" (labels and amounts transcribed apart). NOT synthetic. The leaders' and the
 * total's figures have dropped out of the transcript, so that line takes the rest of the grant (empty amount).
 */
function countyBudget(): string {
  const source = "Sörmlandsöverenskommelsen (dnr 09/5304), s. 2, Budget";
  return csv(CSV_COLUMNS.countyBudget, [
    [
      "04",
      "Gemensamma utvecklingsledare",
      "",
      `${source}; beloppet har fallit bort i transkriptet ("Summa: tkr"): resten av bidraget`,
    ],
    ["04", "Kvalitativ uppföljning av multisjuka äldre", 500000, source],
    ["04", "Övrigt utbildning", 200000, source],
  ]);
}

/**
 * Each county's conditions for the county grant and the regional support: the plan for the development work
 * (Cirkulär 10:11, avsnitt 2), the agreement with SKL ("Att bygga infrastruktur för socialtjänsten", bild 15) and
 * the letter of intent (bild 18). Synthetic: the demo confirms every condition for every county.
 */
function countyConditions(counties: readonly County[]): string {
  return csv(
    CSV_COLUMNS.countyConditions,
    counties.map((c) => [c.code, "ja", "ja", "ja"])
  );
}

/** The marker that makes the loader flag the registry data as synthetic. */
export const SYNTHETIC_TEXT = "SYNTETISKA DATA — påhittade för demonstration. Se README.md.\n";

/**
 * The demo files, by file name, generated from the reference lists. Each file has its own random
 * stream (seed 2010 + its position), so changing one generator leaves the other files as they are.
 */
export function generateDemoData(
  municipalities: readonly Municipality[],
  counties: readonly County[]
): Record<string, string> {
  const stream = (n: number) => mulberry32(DEMO_SEED + n);
  const byCode = <T extends { code: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => (a.code < b.code ? -1 : 1));
  const m = byCode(municipalities);
  const c = byCode(counties);
  return {
    [DATA_FILES.palliative]: palliative(stream(0), m, c),
    [DATA_FILES.seniorAlert]: seniorAlert(stream(1), stream(5), m, c),
    [DATA_FILES.discharge]: discharge(stream(2), m),
    [DATA_FILES.pilots]: pilots(stream(3)),
    [DATA_FILES.countyBudget]: countyBudget(),
    [DATA_FILES.countyConditions]: countyConditions(c),
    [SYNTHETIC_MARKER]: SYNTHETIC_TEXT,
  };
}

/** The bundled 2010 reference lists the demo is generated from. */
export function bundledReference(root = path.resolve(__dirname, "..", "data")) {
  const files: Record<string, string> = {};
  for (const key of REFERENCE_FILES) files[key] = fs.readFileSync(path.join(root, "2010", DATA_FILES[key]), "utf8");
  return loadReference(files);
}

function main(): void {
  const root = path.resolve(__dirname, "..", "data");
  const { municipalities, counties } = bundledReference(root);
  const out = path.join(root, "demo");
  fs.mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(generateDemoData(municipalities, counties))) {
    fs.writeFileSync(path.join(out, name), text, "utf8");
    console.log(`Skrev ${path.join("data", "demo", name)}`);
  }
}

if (require.main === module) main();
