import { CellContent, CellStyle, FORMAT } from "../plan";
import { SheetBuilder } from "../sheetBuilder";
import { splitPot } from "../compute";
import { PlanContext, SHEET, TAB } from "./context";

/** Workbook-level names of the parameter cells; formulas use these names, never the numbers. */
export const NAME = {
  year: "Ar",
  baseThreshold: "P_Troskel_Bas",
  bonusThreshold: "P_Troskel_Bonus",
  basePot: "P_Pott_Bas",
  bonusPot: "P_Pott_Bonus",
  seniorAlertPot: "S_Pott",
  municipalShare: "Andel_Kommun",
  basePotKommun: "P_Bas_Kommun",
  basePotLandsting: "P_Bas_Landsting",
  bonusPotKommun: "P_Bonus_Kommun",
  bonusPotLandsting: "P_Bonus_Landsting",
  seniorAlertKommun: "S_Kommun",
  seniorAlertLandsting: "S_Landsting",
  paymentStep: "Steg_Utbetalning",
  countyTotal: "C_Total",
  countyBase: "C_Grund",
  countyStep: "Steg_Lansbidrag",
  regional: "C_Regional",
  pilots: "Forsok_Pott",
  agreement: "Avtal_Total",
  registries: "Register_Samordning",
  performanceBased: "Avtal_Prestation",
  price: "U_Pris",
  dayLimit: "U_Daggrans",
  averageLimit: "U_Snittgrans",
  psychiatryDayLimit: "U_Psyk_Daggrans",
  psychiatryAverageLimit: "U_Psyk_Snittgrans",
  goal: "U_Mal",
  average2016: "U_Snitt_2016",
} as const;

/** The parameters sheet: every rate, pot, split and price as a named, validated input with its source. */
export function parametersSheet(ctx: PlanContext): SheetBuilder {
  const p = ctx.inputs.parameters;
  const note = (key: string) => p.notes[key] ?? "";
  const sheet = new SheetBuilder(SHEET.parameters, TAB.input);
  sheet.line(`Parametrar ${p.year}`, "title");
  sheet.line(
    "Gula celler är indata. Varje formel i arbetsboken hämtar värdena härifrån via namn (Formler → Namnhanteraren)."
  );
  sheet.line(
    "Där källorna saknar en uppgift är värdet ett antagande: det står i anteckningen och ska ersättas av den som ansvarar.",
    "warning"
  );
  sheet.skip();
  sheet.width("A", 62);
  sheet.width("B", 22);
  sheet.width("C", 16);
  sheet.width("D", 90);

  const named = (
    name: string,
    label: string,
    content: CellContent,
    style: CellStyle,
    numFmt: string | undefined,
    noteText: string,
    validation?: { kind: "decimal" | "wholeNumber"; min: number; max?: number }
  ) => {
    const r = sheet.row;
    sheet.put(`B${r}`, name, "note");
    const ref = sheet.field(label, content, style, numFmt, noteText);
    ctx.names.push({ name, ref });
    if (validation) {
      sheet.validate({
        range: `C${r}`,
        kind: validation.kind,
        min: validation.min,
        max: validation.max,
        prompt: label,
        error: `${label}: ange ett tal${validation.max !== undefined ? ` mellan ${validation.min} och ${validation.max}` : ` som är minst ${validation.min}`}.`,
      });
    }
    return ref;
  };
  const input = (
    name: string,
    label: string,
    value: number,
    numFmt: string | undefined,
    key: string,
    v?: { kind: "decimal" | "wholeNumber"; min: number; max?: number }
  ) => named(name, label, value, "input", numFmt, note(key), v ?? { kind: "decimal", min: 0 });
  const derived = (name: string, label: string, formula: string, result: number, numFmt: string, noteText: string) =>
    named(name, label, { formula, result }, "calc", numFmt, noteText);

  sheet.line("Allmänt", "subtitle");
  input(NAME.year, "År", p.year, "0", "year", { kind: "wholeNumber", min: 2010, max: 2030 });

  sheet.line("Palliativregistret (P)", "subtitle");
  input(
    NAME.baseThreshold,
    "Tröskel nivå 1 (andel registrerade dödsfall)",
    p.palliativeBaseThreshold,
    FORMAT.percent,
    "palliativeBaseThreshold",
    { kind: "decimal", min: 0, max: 1 }
  );
  input(
    NAME.bonusThreshold,
    "Tröskel nivå 2 (andel registrerade dödsfall)",
    p.palliativeBonusThreshold,
    FORMAT.percent,
    "palliativeBonusThreshold",
    { kind: "decimal", min: 0, max: 1 }
  );
  input(NAME.basePot, "Pott nivå 1 (kr)", p.palliativeBasePotKr, FORMAT.kronor, "palliativeBasePotKr");
  input(NAME.bonusPot, "Pott nivå 2 (kr)", p.palliativeBonusPotKr, FORMAT.kronor, "palliativeBonusPotKr");

  sheet.line("Senior alert (S)", "subtitle");
  input(NAME.seniorAlertPot, "Pott (kr)", p.seniorAlertPotKr, FORMAT.kronor, "seniorAlertPotKr");

  sheet.line("Fördelning mellan kommuner och landsting (skilda potter)", "subtitle");
  input(
    NAME.municipalShare,
    "Kommunernas andel av varje prestationspott",
    p.municipalShare,
    FORMAT.percent,
    "municipalShare",
    { kind: "decimal", min: 0, max: 1 }
  );
  const split = (potName: string, kommunName: string, landstingName: string, label: string, total: number) => {
    const s = splitPot(total, p.municipalShare);
    derived(
      kommunName,
      `${label}, kommuner (kr)`,
      `ROUND(${potName}*${NAME.municipalShare},0)`,
      s.kommun.toNumber(),
      FORMAT.kronor,
      "Potten × kommunernas andel, avrundat till hela kronor."
    );
    derived(
      landstingName,
      `${label}, landsting (kr)`,
      `${potName}-${kommunName}`,
      s.landsting.toNumber(),
      FORMAT.kronor,
      "Resten av potten."
    );
  };
  split(NAME.basePot, NAME.basePotKommun, NAME.basePotLandsting, "P nivå 1", p.palliativeBasePotKr);
  split(NAME.bonusPot, NAME.bonusPotKommun, NAME.bonusPotLandsting, "P nivå 2", p.palliativeBonusPotKr);
  split(NAME.seniorAlertPot, NAME.seniorAlertKommun, NAME.seniorAlertLandsting, "Senior alert", p.seniorAlertPotKr);
  input(NAME.paymentStep, "Avrundningssteg för utbetalningar (kr)", p.paymentStepKr, FORMAT.kronor, "paymentStepKr", {
    kind: "decimal",
    min: 0.01,
  });

  sheet.line("Länsbidrag (C)", "subtitle");
  input(NAME.countyTotal, "Länsbidrag totalt (kr)", p.countyGrantKr, FORMAT.kronor, "countyGrantKr");
  input(NAME.countyBase, "Grundbelopp per län (kr)", p.countyGrantBaseKr, FORMAT.kronor, "countyGrantBaseKr");
  input(
    NAME.countyStep,
    "Avrundningssteg för länsbidraget (kr)",
    p.countyGrantStepKr,
    FORMAT.kronor,
    "countyGrantStepKr",
    { kind: "decimal", min: 0.01 }
  );
  input(NAME.regional, "Regionala stödstrukturer (kr)", p.regionalSupportKr, FORMAT.kronor, "regionalSupportKr");

  sheet.line("Avtalet i sin helhet", "subtitle");
  input(NAME.pilots, "Försöksverksamheter (kr)", p.pilotsKr, FORMAT.kronor, "pilotsKr");
  input(NAME.agreement, "Överenskommelsen totalt (kr)", p.agreementTotalKr, FORMAT.kronor, "agreementTotalKr");
  input(
    NAME.performanceBased,
    "Varav prestationsbaserat, P + S (kr)",
    p.performanceBasedKr,
    FORMAT.kronor,
    "performanceBasedKr"
  );
  input(NAME.registries, "Register och nationell samordning (kr)", p.registriesKr, FORMAT.kronor, "registriesKr");

  sheet.line("Utskrivningsklara, Kalmar län 2018 (K)", "subtitle");
  input(
    NAME.price,
    "Pris per debiterad dag (kr)",
    p.dischargePricePerDayKr,
    FORMAT.kronorDecimals,
    "dischargePricePerDayKr"
  );
  input(NAME.dayLimit, "Somatik: dagar per individ som inte debiteras", p.dischargeDayLimit, "0", "dischargeDayLimit");
  input(
    NAME.averageLimit,
    "Somatik: snittet ska överstiga (dagar)",
    p.dischargeAverageLimit,
    FORMAT.days,
    "dischargeAverageLimit"
  );
  input(
    NAME.psychiatryDayLimit,
    "Psykiatri: dagar per individ som inte debiteras",
    p.psychiatryDayLimit,
    "0",
    "psychiatryDayLimit"
  );
  input(
    NAME.psychiatryAverageLimit,
    "Psykiatri: snittet ska överstiga (dagar; 0 = inget snittvillkor)",
    p.psychiatryAverageLimit,
    FORMAT.days,
    "psychiatryAverageLimit"
  );
  input(NAME.goal, "Målet för länets snitt (dagar)", p.dischargeGoalDays, FORMAT.days, "dischargeGoalDays");
  input(
    NAME.average2016,
    "Länets snitt 2016 (dagar)",
    p.dischargeAverage2016Days,
    FORMAT.days,
    "dischargeAverage2016Days"
  );
  sheet.freeze("A5");
  return sheet;
}
