import { PAYMENT_BASES, REGIONAL_BASES } from "../../engine/countyGrant";
import { splitPot } from "../../engine/pots";
import { cite } from "../sources";
import { YearParameters } from "../inputs";
import { CellContent, CellStyle, FORMAT } from "../plan";
import { Expr, fx, NameRef, nameRef } from "../refs";
import { SheetBuilder } from "../sheetBuilder";
import { PlanContext, SHEET, TAB } from "./context";
import { timelineInputs } from "./timeline";

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
  paymentBasis: "C_Utbetalningsgrund",
  regionalBasis: "C_Regional_Grund",
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

/** The names as formula references: fx`${NAMED.paymentStep}`. */
export const NAMED = Object.fromEntries(Object.entries(NAME).map(([key, name]) => [key, nameRef(name)])) as {
  readonly [K in keyof typeof NAME]: NameRef;
};

/** A validation for a named input: the kind of number and its bounds. */
interface Bounds {
  readonly kind: "decimal" | "wholeNumber";
  readonly min: number;
  readonly max?: number;
}

const SHARE: Bounds = { kind: "decimal", min: 0, max: 1 };
const STEP: Bounds = { kind: "decimal", min: 0.01 };

/** Writes the named cells of `Parametrar`: each with its name beside it, its note and its validation. */
class NamedCells {
  constructor(
    private readonly ctx: PlanContext,
    private readonly sheet: SheetBuilder
  ) {}

  private named(name: string, label: string, content: CellContent, style: CellStyle, numFmt?: string, note?: string) {
    this.sheet.put(this.sheet.at(2, this.sheet.row), name, "note");
    const ref = this.sheet.field(label, content, style, numFmt, note);
    this.ctx.names.push({ name, ref });
    return ref;
  }

  /** An input cell from the year's parameters, with the parameter's note (its source) beside it. */
  input(
    name: keyof typeof NAME,
    label: string,
    key: NumericParameter,
    numFmt: string,
    bounds: Bounds = { kind: "decimal", min: 0 }
  ) {
    const p = this.ctx.inputs.parameters;
    const ref = this.named(NAME[name], label, p[key], "input", numFmt, p.notes[key] ?? "");
    const range = `${bounds.max !== undefined ? ` mellan ${bounds.min} och ${bounds.max}` : ` som är minst ${bounds.min}`}`;
    this.sheet.validate({
      range: this.sheet.range(ref, ref),
      kind: bounds.kind,
      min: bounds.min,
      max: bounds.max,
      prompt: label,
      error: `${label}: ange ett tal${range}.`,
    });
    return ref;
  }

  /** A choice among fixed words, with a drop-down list. */
  choice(name: keyof typeof NAME, label: string, value: string, options: readonly string[], note: string) {
    const ref = this.named(NAME[name], label, value, "input", FORMAT.text, note);
    this.sheet.validate({
      range: this.sheet.range(ref, ref),
      kind: "list",
      list: options,
      prompt: label,
      error: `${label}: välj ${options.join(", ")}.`,
    });
    return ref;
  }

  /** A cell computed from other parameters. */
  derived(name: keyof typeof NAME, label: string, formula: Expr, result: number, numFmt: string, note: string) {
    return this.named(NAME[name], label, { formula, result }, "calc", numFmt, note);
  }
}

/** The municipalities' and county councils' parts of a pot (engine: `splitPot`), as derived names. */
function splitRows(
  cells: NamedCells,
  pot: keyof typeof NAME,
  parts: { kommun: keyof typeof NAME; landsting: keyof typeof NAME },
  label: string,
  total: number,
  share: number
): void {
  const split = splitPot(total, share);
  cells.derived(
    parts.kommun,
    `${label}, kommuner (kr)`,
    fx`ROUND(${NAMED[pot]}*${NAMED.municipalShare},0)`,
    split.kommun.toNumber(),
    FORMAT.kronor,
    "Potten × kommunernas andel, avrundat till hela kronor."
  );
  cells.derived(
    parts.landsting,
    `${label}, landsting (kr)`,
    fx`${NAMED[pot]}-${NAMED[parts.kommun]}`,
    split.landsting.toNumber(),
    FORMAT.kronor,
    "Resten av potten."
  );
}

type NumericParameter = Exclude<keyof YearParameters, "notes" | "timeline">;

/** An input of `Parametrar`: its name, label, parameter, number format and bounds (default: 0 or more). */
type Input = readonly [keyof typeof NAME, string, NumericParameter, string, Bounds?];

/** Something else a section writes: the pots' split, the basis of payment. */
type Special = (ctx: PlanContext, cells: NamedCells) => void;

/** The pots' split between municipalities and county councils (engine: `splitPot`). */
const potSplits: Special = (ctx, cells) => {
  const p = ctx.inputs.parameters;
  const split = (
    pot: keyof typeof NAME,
    kommun: keyof typeof NAME,
    landsting: keyof typeof NAME,
    label: string,
    total: number
  ) => splitRows(cells, pot, { kommun, landsting }, label, total, p.municipalShare);
  split("basePot", "basePotKommun", "basePotLandsting", "P nivå 1", p.palliativeBasePotKr);
  split("bonusPot", "bonusPotKommun", "bonusPotLandsting", "P nivå 2", p.palliativeBonusPotKr);
  split("seniorAlertPot", "seniorAlertKommun", "seniorAlertLandsting", "Senior alert", p.seniorAlertPotKr);
};

/** The basis the county grant is paid on, chosen from a list. */
const paymentBasis: Special = (ctx, cells) =>
  cells.choice(
    "paymentBasis",
    "Grund för utbetalning av länsbidraget",
    ctx.results.countyPayment.basis,
    PAYMENT_BASES,
    `Publicerat: beloppen i ${cite("sormland", "Bilaga 2")}, som de publicerades (summerar till 65,5 mnkr: 0,5 mnkr fördelas inte). ` +
      'En läsning: Bilagans "Dalarna 2,5" kan vara ett tappat "3,0", som skulle stänga gapet till 66 mnkr och förklara att bild 17 ger Dalarna 1,1 mnkr mer i stället för 0,6. ' +
      "Regeln: 2 mnkr per län och resten efter antalet kommuner. Regeln med justeringar: regeln plus kolumnen Justering (kr) på Länsbidrag, som ska summera till 0. Ett värde utanför listan är FEL på Avstämning."
  );

/** The basis the regional support (13 MSEK) is paid on, chosen from a list. */
const regionalBasis: Special = (ctx, cells) =>
  cells.choice(
    "regionalBasis",
    "Grund för utbetalning av det regionala stödet",
    ctx.results.regionalPayment.basis,
    REGIONAL_BASES,
    `Publicerat: tabellen "Fördelning av 66* + 13 milj. kr" (${cite("infrastructure", 17)}) minus ${cite("sormland", "Bilaga 2")}, en läsning av två tabeller: ` +
      '0,6 mnkr till de flesta län, 0 till Stockholm ("Stockholm 7," har troligen tappat en decimal) och 1,1 mnkr till Dalarna; summerar till 12,5 mnkr, så 0,5 mnkr fördelas inte. ' +
      "Lika delar: 13 mnkr delat lika mellan länen, ett antagande som ingen källa anger. Publicerat med justeringar och Lika delar med justeringar: grunden plus kolumnen Regionalt: justering (kr) på Länsbidrag, som ska summera till 0. Ett värde utanför listan är FEL på Avstämning."
  );

/** The sheet's sections in order: a title and its inputs (and what else it writes), a declarative table. */
const SECTIONS: readonly (readonly [string, readonly (Input | Special)[]])[] = [
  ["Allmänt", [["year", "År", "year", "0", { kind: "wholeNumber", min: 2010, max: 2030 }]]],
  [
    "Palliativregistret (P)",
    [
      [
        "baseThreshold",
        "Tröskel nivå 1 (andel registrerade dödsfall)",
        "palliativeBaseThreshold",
        FORMAT.percent,
        SHARE,
      ],
      [
        "bonusThreshold",
        "Tröskel nivå 2 (andel registrerade dödsfall)",
        "palliativeBonusThreshold",
        FORMAT.percent,
        SHARE,
      ],
      ["basePot", "Pott nivå 1 (kr)", "palliativeBasePotKr", FORMAT.kronor],
      ["bonusPot", "Pott nivå 2 (kr)", "palliativeBonusPotKr", FORMAT.kronor],
    ],
  ],
  ["Senior alert (S)", [["seniorAlertPot", "Pott (kr)", "seniorAlertPotKr", FORMAT.kronor]]],
  [
    "Fördelning mellan kommuner och landsting (skilda potter)",
    [
      ["municipalShare", "Kommunernas andel av varje prestationspott", "municipalShare", FORMAT.percent, SHARE],
      potSplits,
      ["paymentStep", "Avrundningssteg för utbetalningar (kr)", "paymentStepKr", FORMAT.kronor, STEP],
    ],
  ],
  [
    "Länsbidrag (C)",
    [
      ["countyTotal", "Länsbidrag totalt (kr)", "countyGrantKr", FORMAT.kronor],
      ["countyBase", "Grundbelopp per län (kr)", "countyGrantBaseKr", FORMAT.kronor],
      ["countyStep", "Avrundningssteg för länsbidraget (kr)", "countyGrantStepKr", FORMAT.kronor, STEP],
      paymentBasis,
    ],
  ],
  [
    "Regionalt stöd: Program för en god äldreomsorg (inte en del av de 271 mnkr)",
    [["regional", "Regionala stödstrukturer (kr)", "regionalSupportKr", FORMAT.kronor], regionalBasis],
  ],
  [
    "Avtalet i sin helhet",
    [
      ["pilots", "Försöksverksamheter (kr)", "pilotsKr", FORMAT.kronor],
      ["agreement", "Överenskommelsen totalt (kr)", "agreementTotalKr", FORMAT.kronor],
      ["performanceBased", "Varav prestationsbaserat, P + S (kr)", "performanceBasedKr", FORMAT.kronor],
      ["registries", "Register och nationell samordning (kr)", "registriesKr", FORMAT.kronor],
    ],
  ],
  [
    "Utskrivningsklara, Kalmar län 2018 (K)",
    [
      ["price", "Pris per debiterad dag (kr)", "dischargePricePerDayKr", FORMAT.kronorDecimals],
      ["dayLimit", "Somatik: dagar per individ som inte debiteras", "dischargeDayLimit", "0"],
      ["averageLimit", "Somatik: snittet ska överstiga (dagar)", "dischargeAverageLimit", FORMAT.days],
      ["psychiatryDayLimit", "Psykiatri: dagar per individ som inte debiteras", "psychiatryDayLimit", "0"],
      [
        "psychiatryAverageLimit",
        "Psykiatri: snittet ska överstiga (dagar; 0 = inget snittvillkor)",
        "psychiatryAverageLimit",
        FORMAT.days,
      ],
      ["goal", "Målet för länets snitt (dagar)", "dischargeGoalDays", FORMAT.days],
      ["average2016", "Länets snitt 2016 (dagar)", "dischargeAverage2016Days", FORMAT.days],
    ],
  ],
];

/** The parameters sheet: every rate, pot, split, price and date as a named, validated input with its source. */
export function parametersSheet(ctx: PlanContext): SheetBuilder {
  const sheet = new SheetBuilder(SHEET.parameters, TAB.input);
  sheet.line(`Parametrar ${ctx.inputs.parameters.year}`, "title");
  [46, 20, 16, 50].forEach((width, i) => sheet.width(i + 1, width));
  sheet.fieldStyles = { label: "paragraph", note: "remark" };
  sheet.paragraph(
    "Gula celler är indata. Varje formel i arbetsboken hämtar värdena härifrån via namn (Formler → Namnhanteraren).",
    4
  );
  sheet.paragraph(
    "Där källorna saknar en uppgift är värdet ett antagande: det står i anteckningen och ska ersättas av den som ansvarar. En läsning (ett belopp som fallit bort ur ett transkript, ett steg som ingen källa anger) sägs vara en läsning.",
    4,
    undefined,
    "warningParagraph"
  );
  sheet.skip();
  const cells = new NamedCells(ctx, sheet);
  for (const [title, items] of SECTIONS) {
    sheet.line(title, "subtitle");
    for (const item of items) {
      if (typeof item === "function") item(ctx, cells);
      else cells.input(...item);
    }
  }
  timelineInputs(ctx, sheet);
  sheet.freeze(sheet.at(1, 5));
  return sheet;
}
