import { formatNumberSv } from "../../engine/money";
import { SheetBuilder } from "../sheetBuilder";
import { PlanContext, reusedDataLine, SHEET, TAB } from "./context";
import { DISCHARGE_DATA_SHEET } from "./discharge";
import { referenceNote } from "./reference";
import { timelineOnStart } from "./timeline";

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
      "Utbetalningar: en rad per mottagare (kommun, landsting, länets mottagare av länsbidraget), en kolumn per pott och summan.",
    ],
    [
      SHEET.share,
      "Andel: en parts sida (välj kommun eller landsting): kvalificering och skäl, vikt, belopp och summa, utskrivbar på en A4.",
    ],
    [
      SHEET.palliative,
      "Palliativregistret: kvalificering och fördelning i två nivåer, skilda potter för kommuner och landsting.",
    ],
    [
      SHEET.seniorAlert,
      "Senior alert: kvalificering (alla relevanta enheter startat) och ersättning per registrering.",
    ],
    [
      SHEET.countyGrant,
      "Länsbidraget 66 mnkr enligt regeln, publicerat bredvid, uttryckliga justeringar; regionala 13 mnkr.",
    ],
    [SHEET.discharge, "Utskrivningsklara i Kalmar län 2018: avräkning per kommun och månad, länets snitt mot målet."],
    [DISCHARGE_DATA_SHEET, "Indata: utskrivningsklara dagar per individ, rapporterade och efter analys."],
    [SHEET.pilots, "Reskontra över beviljade försöksverksamheter mot ramen 70 mnkr."],
    [SHEET.countyBudget, "Länets egen budget för bidraget (Sörmland), som ska gå jämnt ut."],
    [
      SHEET.reconciliation,
      "Avstämning: potter, koder, formel mot motor, publicerat mot regel, 271 mnkr, samlad kontroll.",
    ],
  ];
}

/** The source documents that notes cite as "seed 000" … "seed 004". */
const SEEDS: readonly [string, string][] = [
  [
    "Seed 000",
    "Överenskommelse mellan kommunerna och landstinget i Sörmlands län och SKL (dnr 09/5304), med Bilaga 2: länsbidraget 66 mnkr per län.",
  ],
  [
    "Seed 001",
    'Presentation "Att bygga infrastruktur för socialtjänsten": prestationsersättningen i två steg och tabellen "66 + 13 mnkr".',
  ],
  [
    "Seed 002",
    "SKL cirkulär 10:11 (2010-02-10): Överenskommelser mellan staten och SKL, 271 mnkr av 981 mnkr stimulansbidrag 2010.",
  ],
  [
    "Seed 003",
    'Presentation "Länsgemensam ledning i samverkan", Kalmar län: utskrivningsklara dagar och ekonomisk reglering 2018.',
  ],
  [
    "Seed 004",
    'Presentation "Prestationsbaserade statsbidrag till insatser för äldre": trösklar, potter och fördelning.',
  ],
];

/** One row per pair: the label in A, its text as a note in B. */
function labelledLines(sheet: SheetBuilder, lines: readonly (readonly [string, string])[]): void {
  for (const [label, text] of lines) {
    sheet.put(sheet.at(1, sheet.row), label, "label");
    sheet.put(sheet.at(2, sheet.row++), text, "note");
  }
}

/** `Start`: what the file is, how to use it, the sources, and which data are synthetic. */
export function startSheet(ctx: PlanContext): SheetBuilder {
  const p = ctx.inputs.parameters;
  const sheet = new SheetBuilder(SHEET.start, TAB.about);
  sheet.width(1, 24);
  sheet.width(2, 110);
  sheet.line(`Statliga stimulansmedel för de mest sjuka äldre ${p.year}: fördelningsarbetsbok`, "title");
  sheet.line(
    "Överenskommelsen mellan staten och SKL (cirkulär 10:11): prestationsersättning (Palliativregistret, Senior alert), länsbidrag och försöksverksamheter."
  );
  if (ctx.inputs.synthetic) {
    sheet.line(
      "OBS: registerdata i denna fil (dödsfall, registreringar, Senior alert, utskrivningsklara dagar, försöksverksamheter) är SYNTETISKA demonstrationsvärden. " +
        "Referensdata (kommuner, folkmängd, publicerade länsbidrag) är verkliga och har källor.",
      "warning"
    );
  }
  reusedDataLine(ctx, sheet);
  sheet.skip();
  sheet.line("Så används filen", "subtitle");
  for (const step of [
    "1. Ändra bara gula celler: parametrar på Parametrar och registerdata i tabellerna. Allt annat är formler.",
    "2. Varje belopp räknas med vanliga kalkylbladsfunktioner i hela steg (KVOT, ANTAL.OM), så att varje krona kan följas utan tillägget.",
    ctx.mode === "file"
      ? "3. Kolumnen Motor visar vad tilläggets motor räknade när filen skrevs; Skillnad är 0 så länge indata är som då. Ändrar du indata följer formlerna med men inte Motor: Avstämning visar då jämförelsen som INFO."
      : "3. Kolumnen SKL-funktion räknar med tilläggets funktioner (SKL.PALLIATIVE_SHARE m.fl.); kolumnen Skillnad ska vara 0 överallt.",
    "4. Bladet Avstämning ska visa OK för Alla kontroller. INFO är en skillnad som ska synas men inte är ett fel: källornas egna siffror, eller indata som ändrats sedan filen skrevs.",
  ]) {
    sheet.line(step);
  }
  sheet.skip();
  sheet.line("Bladen", "subtitle");
  labelledLines(sheet, sheetGuide(ctx.inputs.municipalities.length, ctx.inputs.counties.length));
  sheet.skip();
  timelineOnStart(ctx, sheet);
  sheet.skip();
  sheet.line("Källor", "subtitle");
  for (const source of [
    "Cirkulär 10:11 och överenskommelsen 2010 (trösklar, potter, två steg, fördelning efter befolkning, per registrering).",
    'Bilaga 2 (länsbidrag 66 mnkr) och tabellen "66 + 13 mnkr": publicerade belopp, återgivna som de står (summerar till 65,5 och 78).',
    "Kalmar läns överenskommelse om utskrivning 2018 (3 dagar, 20 dagar i psykiatrin, mål 2,0, snitt 2016 2,68).",
    `${referenceNote(ctx)} Summa folkmängd: ${formatNumberSv(ctx.inputs.municipalities.reduce((sum, m) => sum + m.population, 0))}.`,
    "Uppgifter som källorna saknar (fördelningen kommun/landsting, pris per dag, jämkningen för små län) är parametrar med anteckning.",
  ]) {
    sheet.line(source);
  }
  sheet.skip();
  sheet.line("Källorna som anteckningarna hänvisar till", "subtitle");
  labelledLines(sheet, SEEDS);
  return sheet;
}
