/**
 * Explains a cell of `Palliativ_kommun` or `Palliativ_landsting`: both tiers re-run with the engine on
 * the table's current values. Seed 002 (circular 10:11): 40 MSEK to parties registering at least 40 %
 * of deaths, a further 10 MSEK at 70 %, shared "utifrån befolkningens storlek".
 */
import { partyCode } from "../../engine/codes";
import { formatKronor, formatNumberSv, formatThresholdSv } from "../../engine/money";
import {
  PalliativeInput,
  PalliativeLine,
  PalliativeResult,
  palliativeShares,
  palliativeThreshold,
} from "../../engine/palliative";
import { PartyKind } from "../../workbook/inputs";
import { NAME } from "../../workbook/sheets/parameters";
import { ALLOCATION_LABEL, cellText, HEADER, TableView, TWIN_PART } from "../import/tables";
import { allocationFacts, cellDiffers, columnExplanation, partyText, selectedValue } from "./allocation";
import { columnNote } from "./columns";
import { cellCount, parameter, plural, rateText, rowNumber } from "./read";
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

interface Run {
  readonly inputs: PalliativeInput[];
  readonly results: Readonly<Record<Tier, PalliativeResult>>;
}

/**
 * Explains a cell of a palliative table: for a tier's column that tier, for "Summa (kr)" both, for an
 * input or lookup what the column means.
 */
export function explainPalliative(snapshot: CellSnapshot, view: TableView, kind: PartyKind): Explanation {
  const column = snapshot.column!;
  const i = snapshot.row!;
  const code = partyCode(view.get(i, HEADER.code));
  const name = cellText(view.get(i, HEADER.name));
  const party = code ? { code: code.text, name } : undefined;
  const tiers = tiersOf(column);
  const title = `Palliativregistret, ${tiers.map((t) => TIER_NAME[t]).join(" + ") || "indata"} (${KIND_TITLE[kind]})`;
  if (tiers.length === 0 || !code) return columnExplanation(title, column, columnNote(view.name, column), party);

  const params = {
    step: parameter(snapshot, NAME.paymentStep),
    pot: { base: parameter(snapshot, POT[kind].base), bonus: parameter(snapshot, POT[kind].bonus) },
    threshold: { base: parameter(snapshot, THRESHOLD.base), bonus: parameter(snapshot, THRESHOLD.bonus) },
  };
  const inputs: PalliativeInput[] = [];
  let selected = -1;
  for (let r = 0; r < view.rowCount; r++) {
    const c = partyCode(view.get(r, HEADER.code));
    if (!c) continue;
    const place = { row: rowNumber(snapshot, r), party: c.text, name: cellText(view.get(r, HEADER.name)) };
    if (r === i) selected = inputs.length;
    inputs.push({
      code: c,
      row: place.row,
      name: place.name,
      deaths: cellCount(view.get(r, HEADER.deaths), "dödsfall", place),
      registrations: cellCount(view.get(r, HEADER.registrations), "registreringar", place),
      population: cellCount(view.get(r, HEADER.population), "folkmängd", place),
    });
  }
  const run = (rows: PalliativeInput[], tier: Tier) =>
    palliativeShares(rows, { pot: params.pot[tier], threshold: params.threshold[tier], step: params.step });
  const current: Run = { inputs, results: { base: run(inputs, "base"), bonus: run(inputs, "bonus") } };
  const lines = { base: current.results.base.lines[selected], bonus: current.results.bonus.lines[selected] };
  const who = partyText(code, name);

  const facts: ExplanationFact[] = [
    { label: "Dödsfall", value: formatNumberSv(lines.base.deaths) },
    { label: "Registreringar", value: formatNumberSv(lines.base.registrations) },
    { label: "Folkmängd", value: formatNumberSv(lines.base.population) },
  ];
  const changes: string[] = [];
  for (const tier of tiers) {
    const line = lines[tier];
    const result = current.results[tier];
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
    changes.push(...whatWouldChange(current, selected, tier, run));
  }
  // From the base tier, say how far the bonus tier is.
  if (tiers.length === 1 && tiers[0] === "base" && lines.base.qualifies && !lines.bonus.qualifies) {
    changes.push(...whatWouldChange(current, selected, "bonus", run));
  }

  const tier = tiers[0];
  const total = tiers.reduce((sum, t) => sum.plus(lines[t].amount), lines.base.amount.times(0));
  const summary =
    tiers.length > 1
      ? `${who} får ${formatKronor(total)}: ${formatKronor(lines.base.amount)} av nivå 1 och ${formatKronor(lines.bonus.amount)} av nivå 2.`
      : `${who} får ${formatKronor(lines[tier].amount)} av ${TIER_NAME[tier]}: ${rateAgainstThreshold(lines[tier], current.results[tier])}.`;

  const notes: string[] = [];
  const note = columnNote(view.name, column);
  if (note) notes.push(note);
  const amountColumns = new Set(
    tiers.flatMap((t) =>
      [TWIN_PART.amount, TWIN_PART.engine, TWIN_PART.addin].map((part) => `${TIER_LABEL[t]}: ${part}`)
    )
  );
  if (amountColumns.has(column) || column === HEADER.palliativeTotal) {
    const differs = cellDiffers(
      selectedValue(snapshot, view),
      column === HEADER.palliativeTotal ? total : lines[tier].amount
    );
    if (differs) notes.push(differs);
  }
  return {
    kind: "amount",
    title,
    party,
    summary,
    qualification:
      tiers.length === 1
        ? { qualifies: lines[tier].qualifies, reason: qualificationReason(lines[tier], tier) }
        : undefined,
    facts,
    whatWouldChange: changes,
    notes,
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
 * other parties' figures as they are), or how many fewer would make it fall below.
 */
function whatWouldChange(
  current: Run,
  selected: number,
  tier: Tier,
  run: (rows: PalliativeInput[], tier: Tier) => PalliativeResult
): string[] {
  const result = current.results[tier];
  const line = result.lines[selected];
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
      k === selected ? { ...row, registrations: registrations.toString() } : row
    );
    const amount = run(rows, tier).lines[selected].amount;
    return [
      `${formatNumberSv(more)} ${plural(more, "registrering", "registreringar")} till skulle nå ${threshold} ` +
        `(${rateText(registrations, line.deaths)}) och ge ${formatKronor(amount)} av ${TIER_NAME[tier]}, med övriga parters uppgifter oförändrade.`,
    ];
  }
  const { numerator, denominator } = palliativeThreshold(result.threshold);
  const needed = (numerator * line.deaths + denominator - 1n) / denominator;
  const fewer = line.registrations - needed + 1n;
  if (fewer > line.registrations) return [];
  return [
    `Med ${formatNumberSv(fewer)} ${plural(fewer, "registrering", "registreringar")} färre ` +
      `(${rateText(line.registrations - fewer, line.deaths)}) skulle parten inte längre nå ${threshold} för ${TIER_NAME[tier]}.`,
  ];
}
