/**
 * Explains a cell of `Palliativ_kommun` or `Palliativ_landsting`: both tiers re-run with the engine on
 * the table's current values. Cirkulär 10:11, Mål 1: 40 MSEK to parties registering at least 40 % of deaths,
 * a further 10 MSEK at 70 %; shared "utifrån befolkningens storlek" ("Att bygga infrastruktur för
 * socialtjänsten", bild 13; "Prestationsbaserade statsbidrag till insatser för äldre", bild 6).
 */
import { formatKronor, formatNumberSv, formatThresholdSv } from "../../engine/money";
import { PalliativeInput, PalliativeLine, PalliativeResult, palliativeShares } from "../../engine/palliative";
import { PartyKind } from "../../workbook/inputs";
import { NAME } from "../../workbook/sheets/parameters";
import { ALLOCATION_LABEL, HEADER, TableView, TWIN_PART } from "../import/tables";
import { allocationFacts, amountNotes, columnExplanation, partyRows, partyText, selectedParty } from "./allocation";
import { columnNote } from "./columns";
import { cellCount, parameter, plural, rateText } from "./read";
import { CellSnapshot, Explanation, ExplanationFact } from "./types";

type Tier = "base" | "bonus";

const TIER_NAME: Readonly<Record<Tier, string>> = { base: "nivå 1", bonus: "nivå 2" };
const TIER_LABEL: Readonly<Record<Tier, string>> = { base: ALLOCATION_LABEL.base, bonus: ALLOCATION_LABEL.bonus };

const POT: Readonly<Record<PartyKind, Readonly<Record<Tier, string>>>> = {
  kommun: { base: NAME.basePotKommun, bonus: NAME.bonusPotKommun },
  landsting: { base: NAME.basePotLandsting, bonus: NAME.bonusPotLandsting },
};
const THRESHOLD: Readonly<Record<Tier, string>> = { base: NAME.baseThreshold, bonus: NAME.bonusThreshold };

/** The named parameters the palliative explanation reads. */
export function palliativeParameters(kind: PartyKind): string[] {
  return [NAME.baseThreshold, NAME.bonusThreshold, POT[kind].base, POT[kind].bonus, NAME.paymentStep];
}

const KIND_TITLE: Readonly<Record<PartyKind, string>> = { kommun: "kommuner", landsting: "landsting" };

/** The tiers a column belongs to: its own tier, both for the sum, none for inputs and lookups. */
function tiersOf(column: string): Tier[] {
  if (column.startsWith(`${ALLOCATION_LABEL.base}: `)) return ["base"];
  if (column.startsWith(`${ALLOCATION_LABEL.bonus}: `)) return ["bonus"];
  if (column === HEADER.palliativeTotal) return ["base", "bonus"];
  return [];
}

/** Both tiers run on the table's rows, the selected row's index among them, and how to run a tier again. */
interface Run {
  readonly inputs: PalliativeInput[];
  readonly selected: number;
  readonly run: (rows: PalliativeInput[], tier: Tier) => PalliativeResult;
  readonly results: Readonly<Record<Tier, PalliativeResult>>;
}

/** The party rows of the table as engine inputs, and the index of the selected row among them. */
function partyInputs(snapshot: CellSnapshot, view: TableView): { inputs: PalliativeInput[]; selected: number } {
  return partyRows(snapshot, view, HEADER.name, (r, place, code) => ({
    code,
    row: place.row,
    name: place.name,
    deaths: cellCount(view.get(r, HEADER.deaths), "dödsfall", place),
    registrations: cellCount(view.get(r, HEADER.registrations), "registreringar", place),
    population: cellCount(view.get(r, HEADER.population), "folkmängd", place),
  }));
}

/** Both tiers re-run on the table as it is now, with the named parameters of the party kind's pots. */
function runTiers(snapshot: CellSnapshot, view: TableView, kind: PartyKind): Run {
  const step = parameter(snapshot, NAME.paymentStep);
  const pot = { base: parameter(snapshot, POT[kind].base), bonus: parameter(snapshot, POT[kind].bonus) };
  const threshold = { base: parameter(snapshot, THRESHOLD.base), bonus: parameter(snapshot, THRESHOLD.bonus) };
  const run = (rows: PalliativeInput[], tier: Tier) =>
    palliativeShares(rows, { pot: pot[tier], threshold: threshold[tier], step });
  const { inputs, selected } = partyInputs(snapshot, view);
  return { inputs, selected, run, results: { base: run(inputs, "base"), bonus: run(inputs, "bonus") } };
}

/** The party's inputs, then per tier its rate against the threshold, whether it qualifies and its share. */
function tierFacts(current: Run, tiers: readonly Tier[], kind: PartyKind): ExplanationFact[] {
  const base = current.results.base.lines[current.selected];
  const facts: ExplanationFact[] = [
    { label: "Dödsfall", value: formatNumberSv(base.deaths) },
    { label: "Registreringar", value: formatNumberSv(base.registrations) },
    { label: "Folkmängd", value: formatNumberSv(base.population) },
  ];
  for (const tier of tiers) {
    const result = current.results[tier];
    const line = result.lines[current.selected];
    const prefix = tiers.length > 1 ? `${TIER_LABEL[tier]}: ` : "";
    facts.push({ label: `${prefix}Registreringsgrad`, value: rateAgainstThreshold(line, result) });
    facts.push({ label: `${prefix}Kvalificerad`, value: line.qualifies ? "Ja" : "Nej" });
    facts.push(
      ...allocationFacts({
        line: line.share,
        allocation: result.allocation,
        weightLabel: "folkmängd",
        potName: POT[kind][tier],
        prefix,
      })
    );
  }
  return facts;
}

/** The amount columns of the tiers: the twin's amount, the engine's and the add-in's. */
function amountColumns(tiers: readonly Tier[]): string[] {
  return [
    ...tiers.flatMap((t) =>
      [TWIN_PART.amount, TWIN_PART.engine, TWIN_PART.addin].map((part) => `${TIER_LABEL[t]}: ${part}`)
    ),
    HEADER.palliativeTotal,
  ];
}

/**
 * Explains a cell of a palliative table: for a tier's column that tier, for "Summa (kr)" both, for an
 * input or lookup what the column means.
 */
export function explainPalliative(snapshot: CellSnapshot, view: TableView, kind: PartyKind): Explanation {
  const { column, code, name, party } = selectedParty(snapshot, view, HEADER.code, HEADER.name);
  const tiers = tiersOf(column);
  const title = `Palliativregistret, ${tiers.map((t) => TIER_NAME[t]).join(" + ") || "indata"} (${KIND_TITLE[kind]})`;
  if (tiers.length === 0 || !code) return columnExplanation(title, column, columnNote(view.name, column), party);

  const current = runTiers(snapshot, view, kind);
  const lines = {
    base: current.results.base.lines[current.selected],
    bonus: current.results.bonus.lines[current.selected],
  };
  const who = partyText(code, name);
  const changes = tiers.flatMap((tier) => whatWouldChange(current, tier));
  // From the base tier, say how far the bonus tier is.
  if (tiers.length === 1 && tiers[0] === "base" && lines.base.qualifies && !lines.bonus.qualifies) {
    changes.push(...whatWouldChange(current, "bonus"));
  }
  const tier = tiers[0];
  const total = tiers.reduce((sum, t) => sum.plus(lines[t].amount), lines.base.amount.times(0));
  const summary =
    tiers.length > 1
      ? `${who} får ${formatKronor(total)}: ${formatKronor(lines.base.amount)} av nivå 1 och ${formatKronor(lines.bonus.amount)} av nivå 2.`
      : `${who} får ${formatKronor(lines[tier].amount)} av ${TIER_NAME[tier]}: ${rateAgainstThreshold(lines[tier], current.results[tier])}.`;
  const shown = column === HEADER.palliativeTotal ? total : lines[tier].amount;
  return {
    kind: "amount",
    title,
    party,
    summary,
    qualification:
      tiers.length === 1
        ? { qualifies: lines[tier].qualifies, reason: qualificationReason(lines[tier], tier) }
        : undefined,
    facts: tierFacts(current, tiers, kind),
    whatWouldChange: changes,
    notes: amountNotes(snapshot, view, amountColumns(tiers), shown),
  };
}

/** "9 av 20 = 45,0 % ≥ 40 %", or the reason there is no rate. */
function rateAgainstThreshold(line: PalliativeLine, result: PalliativeResult): string {
  if (line.deaths === 0n) return "0 dödsfall under mätperioden: ingen registreringsgrad";
  return `${rateText(line.registrations, line.deaths)} ${line.qualifies ? "≥" : "<"} ${formatThresholdSv(result.threshold)}`;
}

function qualificationReason(line: PalliativeLine, tier: Tier): string {
  if (line.deaths === 0n)
    return `${line.reason.charAt(0).toUpperCase()}${line.reason.slice(1)} för ${TIER_NAME[tier]}.`;
  return line.qualifies
    ? `Kvalificerad för ${TIER_NAME[tier]}: registreringsgraden ${line.reason}.`
    : `Kvalificerar inte för ${TIER_NAME[tier]}: registreringsgraden ${line.reason}.`;
}

/**
 * How many registrations would make the party reach the threshold (and what it would then get, with the
 * other parties' figures as they are), or how many fewer would make it fall below: the engine's
 * `registrationsToQualify` and `registrationsToFallBelow`.
 */
function whatWouldChange(current: Run, tier: Tier): string[] {
  const result = current.results[tier];
  const line = result.lines[current.selected];
  const threshold = formatThresholdSv(result.threshold);
  if (line.deaths === 0n) {
    return [
      `Utan dödsfall under mätperioden finns ingen registreringsgrad: parten kan inte kvalificera sig för ${TIER_NAME[tier]}.`,
    ];
  }
  const more = line.registrationsToQualify;
  if (more !== null) {
    const registrations = line.registrations + more;
    const rows = current.inputs.map((row, k) =>
      k === current.selected ? { ...row, registrations: registrations.toString() } : row
    );
    const amount = current.run(rows, tier).lines[current.selected].amount;
    return [
      `${formatNumberSv(more)} ${plural(more, "registrering", "registreringar")} till skulle nå ${threshold} ` +
        `(${rateText(registrations, line.deaths)}) och ge ${formatKronor(amount)} av ${TIER_NAME[tier]}, med övriga parters uppgifter oförändrade.`,
    ];
  }
  const fewer = line.registrationsToFallBelow;
  if (fewer === null) return [];
  return [
    `Med ${formatNumberSv(fewer)} ${plural(fewer, "registrering", "registreringar")} färre ` +
      `(${rateText(line.registrations - fewer, line.deaths)}) skulle parten inte längre nå ${threshold} för ${TIER_NAME[tier]}.`,
  ];
}
