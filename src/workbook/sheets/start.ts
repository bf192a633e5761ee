import { formatNumberSv } from "../../engine/money";
import { SheetBuilder } from "../sheetBuilder";
import { PlanContext, reusedDataNote, SHEET, TAB } from "./context";
import { DISCHARGE_DATA_SHEET } from "./discharge";
import { referenceNote } from "./reference";
import { timelineOnStart } from "./timeline";
import { cite, SourceKey, SOURCES } from "../sources";

/** One line per sheet, as the README explains them. */
export function sheetGuide(municipalities: number, counties: number): readonly [string, string][] {
  return [
    [
      SHEET.parameters,
      "Indata: trösklar, potter, fördelningen kommun/landsting, avrundning, pris per dag. Namngivna celler.",
    ],
    [SHEET.municipalities, `Referens: ${municipalities} kommuner med kod, län och folkmängd (SCB).`],
    [
      SHEET.counties,
      `Referens: ${counties} län/landsting med antal kommuner, folkmängd och de publicerade länsbidragen.`,
    ],
    [
      SHEET.payments,
      "Utbetalningar: en rad per mottagare (kommun, landsting, länets mottagare av länsbidraget; Gotlands kommun med båda rollerna på en rad), en kolumn per pott, summan, det som villkor håller inne och det som ska betalas; namn, organisationsnummer och konto att fylla i.",
    ],
    [
      SHEET.share,
      "Andel: en parts beslutsunderlag (välj kommun eller landsting): kvalificering och skäl, potten, de kvalificerades vikt, kronor per enhet, partens vikt och belopp, länets gemensamma medel för sig, antagandena; utskrivbar på en A4.",
    ],
    [
      SHEET.palliative,
      "Palliativregistret: kvalificering och fördelning i två nivåer, skilda potter för kommuner och landsting.",
    ],
    [
      SHEET.seniorAlert,
      "Senior alert: villkoren (införandeprocessen, egen lista, alla relevanta enheter startat), kvalificering och ersättning per registrering.",
    ],
    [
      SHEET.countyGrant,
      "Länsbidraget 66 mnkr enligt regeln, publicerat bredvid, uttryckliga justeringar; regionala 13 mnkr på egen grund; villkoren per län och det de håller inne.",
    ],
    [SHEET.discharge, "Utskrivningsklara i Kalmar län 2018: avräkning per kommun och månad, länets snitt mot målet."],
    [DISCHARGE_DATA_SHEET, "Indata: utskrivningsklara dagar per individ, rapporterade och efter analys."],
    [
      SHEET.pilots,
      "Reskontra över beviljade försöksverksamheter mot ramen 70 mnkr, med villkoren (vem som sökt, politisk förankring).",
    ],
    [SHEET.countyBudget, "Länets egen budget för bidraget (Sörmland), som ska gå jämnt ut."],
    [
      SHEET.reconciliation,
      "Avstämning: potter, koder, formel mot motor, publicerat mot regel, 271 mnkr, samlad kontroll.",
    ],
  ];
}

/** What each document gives the workbook, with its slides, pages or sections. */
const CONTENTS: Readonly<Record<SourceKey, string>> = {
  sormland:
    "Bilaga 2 (s. 5): fördelningen av 66 mnkr mellan länen; s. 2: Sörmlands budget för bidraget; s. 3: uppföljning och utbetalning.",
  infrastructure:
    'Prestationsersättningen (bild 12–14), länsbidraget (bild 15, 17), försöksverksamheterna (bild 16), tabellen "Fördelning av 66* + 13 milj. kr" (bild 17), avsiktsförklaringar (bild 18–20).',
  circular:
    "271 mnkr av drygt 981 mnkr stimulansbidrag 2010. Utan sidnummer: avsnitt 1 Prestationsersättning (Mål 1, Mål 2), 2 Stöd till ett långsiktigt och systematiskt förbättringsarbete, 3 Försöksverksamheter, 4 Utvärdering.",
  kalmar:
    "En presentation, inte överenskommelsen själv: den beskriver överenskommelsen mellan Landstinget i Kalmar län och kommunerna i Kalmar län om samverkan vid utskrivning, i kraft 1/1 2018 (bild 2 och 7), mål och uppföljning (bild 8–9, 11), ekonomisk reglering (bild 10).",
  performance:
    'Titeln är i transkriptet stavad "Prestationbaserade". Prestationsersättningen (bild 4–8: mätperioden bild 6, Senior alerts införandeprocess och egen lista bild 8), länsbidraget (bild 9, med ca 300 tkr till kvalitativ uppföljning), försöksverksamheterna (bild 10). ' +
    "Liknar bild 10–16 i Att bygga infrastruktur för socialtjänsten men är inte samma bilder: bara här står datumet för det första expertgruppsmötet (22-23 april), och bara där vilka som får söka försöksmedel.",
};

/** The source documents, by their own titles, with their dates and reference numbers. */
function sourceList(): [string, string][] {
  return (Object.keys(SOURCES) as SourceKey[]).map((key) => {
    const doc = SOURCES[key];
    const title = doc.title.endsWith(".") ? doc.title : `${doc.title}.`;
    return [doc.label, `${title} ${capitalized(doc.date)}; ${doc.reference}. ${CONTENTS[key]}`];
  });
}

/** A text with its first letter as a capital, to begin a sentence. */
function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The page's columns: A for labels and dates, B and C for text; about 130 characters, one landscape A4 page. */
const WIDTHS = [30, 50, 50] as const;
const LAST_COLUMN = WIDTHS.length;

/** One row per pair: the label in A, its text wrapped across B and C. */
function labelledLines(sheet: SheetBuilder, lines: readonly (readonly [string, string])[]): void {
  for (const [label, text] of lines) {
    sheet.put(sheet.at(1, sheet.row), label, "label");
    sheet.paragraph(text, LAST_COLUMN, undefined, "remark", 2);
  }
}

/** A line of text across the page, wrapped. */
function line(sheet: SheetBuilder, text: string, style: "paragraph" | "warningParagraph" = "paragraph"): void {
  sheet.paragraph(text, LAST_COLUMN, undefined, style);
}

/** `Start`: what the file is, how to use it, the sources, and which data are synthetic. */
export function startSheet(ctx: PlanContext): SheetBuilder {
  const p = ctx.inputs.parameters;
  const sheet = new SheetBuilder(SHEET.start, TAB.about);
  WIDTHS.forEach((width, i) => sheet.width(i + 1, width));
  sheet.line(`Statliga stimulansmedel för de mest sjuka äldre ${p.year}: fördelningsarbetsbok`, "title");
  line(
    sheet,
    "Överenskommelsen mellan staten och SKL om 271 mnkr (Cirkulär 10:11, del A): prestationsersättning (Palliativregistret, Senior alert), länsbidrag till utvecklingsledare och försöksverksamheter. " +
      `Dessutom 13 mnkr till regionala stödstrukturer ur Program för en god äldreomsorg (beslutat i december 2009, Cirkulär 10:11, del B; ${cite("infrastructure", 18)}), som inte hör till de 271 mnkr.`
  );
  if (p.year !== 2010) {
    line(
      sheet,
      `Källorna ger ingen registerdata, folkmängd eller publicerad tabell för ${p.year}: filen använder 2010 års referensdata och publicerade tabeller (se anteckningarna på Parametrar).`,
      "warningParagraph"
    );
  }
  if (ctx.inputs.synthetic) {
    line(
      sheet,
      "OBS: registerdata i denna fil (dödsfall, registreringar, Senior alert och dess villkor, länens villkor, utskrivningsklara dagar, försöksverksamheter) är SYNTETISKA demonstrationsvärden; demodata bekräftar alla villkor där alla relevanta enheter startat, och alla länens och försökens villkor. " +
        "Referensdata (kommuner, folkmängd, publicerade länsbidrag, landstingens namn med källa) är verkliga och har källor.",
      "warningParagraph"
    );
  }
  const reused = reusedDataNote(ctx);
  if (reused) line(sheet, reused, "warningParagraph");
  sheet.skip();
  sheet.line("Så används filen", "subtitle");
  for (const step of [
    "1. Ändra bara gula celler: parametrar på Parametrar och registerdata i tabellerna. Allt annat är formler.",
    "2. Varje belopp räknas med vanliga kalkylbladsfunktioner i hela steg (KVOT, ANTAL.OM), så att varje krona kan följas utan tillägget.",
    ctx.mode === "file"
      ? "3. Kolumnen Motor visar vad tilläggets motor räknade när filen skrevs; Skillnad är 0 så länge indata är som då. Ändrar du indata följer formlerna med men inte Motor: Avstämning visar då jämförelsen som INFO."
      : "3. Kolumnen SKL-funktion bredvid varje tabell räknar hela tabellen med ett anrop av tilläggets funktion (SKL.PALLIATIVE_SHARE m.fl.), som Excel fyller ut rad för rad bredvid partens rad; kolumnen Skillnad intill ska vara 0 överallt.",
    "4. Bladet Avstämning ska visa OK för Alla kontroller. INFO är en skillnad som ska synas men inte är ett fel: källornas egna siffror, belopp som villkor håller inne, uppgifter att fylla i, eller indata som ändrats sedan filen skrevs.",
  ]) {
    line(sheet, step);
  }
  sheet.skip();
  sheet.line("Bladen", "subtitle");
  labelledLines(sheet, sheetGuide(ctx.inputs.municipalities.length, ctx.inputs.counties.length));
  sheet.skip();
  timelineOnStart(ctx, sheet);
  sheet.skip();
  sheet.line("Källor", "subtitle");
  for (const source of [
    `${cite("circular", "avsnitt 1")}: trösklar och potter. Två steg, fördelning efter befolkning och ersättning per utförd registrering: ${cite("infrastructure", "12–14")}, och ${cite("performance", "4–8")}.`,
    `${cite("sormland", "Bilaga 2")} (66 mnkr) och tabellen "Fördelning av 66* + 13 milj. kr" (${cite("infrastructure", 17)}): publicerade belopp, återgivna som de står (summerar till 65,5 och 78). I bild 17 står Stockholms siffra som "Stockholm 7,", där en decimal troligen fallit bort (en läsning). ` +
      `Bild 17 säger också "Samtliga får medel till minst 4 tjänster á kr" (beloppet har fallit bort), där ${cite("circular", "avsnitt 2")} talar om "ca tre stödpersoner inkl medel till omkostnader per ”normalstort” län".`,
    `Villkoren för utbetalning: länets plan för utvecklingsarbetet (${cite("circular", "avsnitt 2")}), överenskommelse med SKL (${cite("infrastructure", 15)}), avsiktsförklaring för det regionala stödet (${cite("infrastructure", 18)}), Senior alerts införandeprocess och egen lista (${cite("performance", 8)}), försökens sökande och politiska förankring (${cite("infrastructure", 16)}; ${cite("performance", 10)}).`,
    `${capitalized(cite("kalmar", "9–10"))}: 3 dagar, 20 dagar i psykiatrin, mål 2018 2,0, snitt 2016 2,68.`,
    `${referenceNote(ctx)} Summa folkmängd: ${formatNumberSv(ctx.inputs.municipalities.reduce((sum, m) => sum + m.population, 0))}.`,
    'Uppgifter som källorna saknar (fördelningen kommun/landsting, pris per dag, jämkningen för små län, om snittvillkoret gäller psykiatrin, mottagare och konton) är parametrar eller gula celler med anteckning; läsningar (Stockholms "7,", Dalarnas "2,5", avrundningssteget 0,5 mnkr, bild 17 minus Bilaga 2) sägs vara läsningar där de används.',
  ]) {
    line(sheet, source);
  }
  sheet.skip();
  sheet.line("Källdokumenten", "subtitle");
  labelledLines(sheet, sourceList());
  return sheet;
}
