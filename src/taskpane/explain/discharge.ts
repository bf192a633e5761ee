/**
 * Explains a row of `UK_avrakning`: the settlement of one municipality, month and kind of care, re-run
 * with the engine on the individuals in `UK_individer` as they are now. Seed 003 (Kalmar county 2018):
 * above 3 days on average after the joint analysis, every day above 3 is billed per individual;
 * psychiatry is billed above 20 days per individual.
 */
import Decimal from "decimal.js";
import { partyCode } from "../../engine/codes";
import { DischargeResult, dischargeSettlement } from "../../engine/discharge";
import { RuleError } from "../../engine/errors";
import { formatKronor, formatNumberSv } from "../../engine/money";
import { NAME } from "../../workbook/sheets/parameters";
import { cellText, HEADER, TABLE, TableView } from "../import/tables";
import { cellDiffers, columnExplanation, selectedValue } from "./allocation";
import { columnNote } from "./columns";
import { cellCount, parameter, plural, quotientText } from "./read";
import { CellSnapshot, Explanation, ExplanationFact } from "./types";

/** The named parameters the discharge explanation reads. */
export const DISCHARGE_PARAMETERS = [
  NAME.price,
  NAME.dayLimit,
  NAME.averageLimit,
  NAME.psychiatryDayLimit,
  NAME.psychiatryAverageLimit,
] as const;

/** The columns of `UK_avrakning` that say who the row is: explained as columns, not as the settlement. */
const IDENTITY: readonly string[] = [HEADER.municipality, HEADER.name, HEADER.month, HEADER.monthNumber, HEADER.care];

const monthText = (value: unknown): string => {
  if (typeof value === "number" && value > 0) {
    const date = new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86400000);
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
  }
  const match = /^(\d{4})[-/](\d{1,2})/.exec(cellText(value as string));
  return match ? `${match[1]}-${match[2].padStart(2, "0")}` : cellText(value as string);
};

/**
 * Explains a row of `UK_avrakning` from the individuals of its municipality, month and care in
 * `UK_individer` (the snapshot's `tables`): averages against the limit, days over the day limit, price.
 */
export function explainDischarge(snapshot: CellSnapshot, view: TableView): Explanation {
  const column = snapshot.column!;
  const i = snapshot.row!;
  const code = partyCode(view.get(i, HEADER.municipality));
  const name = cellText(view.get(i, HEADER.name));
  const month = monthText(view.get(i, HEADER.month));
  const care = cellText(view.get(i, HEADER.care)).toLocaleLowerCase("sv") === "psykiatri" ? "psykiatri" : "somatisk";
  const party = code ? { code: code.text, name } : undefined;
  const title = `Utskrivningsklara, ${care === "psykiatri" ? "psykiatri" : "somatik"} ${month}`;
  if (IDENTITY.includes(column) || !code) return columnExplanation(title, column, columnNote(view.name, column), party);

  const individualsValues = snapshot.tables?.[TABLE.dischargeIndividuals];
  if (!individualsValues) {
    throw new RuleError(
      "notAvailable",
      `förklaringen behöver tabellen ${TABLE.dischargeIndividuals} (bladet UK individer). Bygg arbetsboken på nytt om tabellen saknas.`
    );
  }
  const individuals = new TableView(TABLE.dischargeIndividuals, individualsValues);
  const missing = individuals.missing([
    HEADER.municipality,
    HEADER.month,
    HEADER.individual,
    HEADER.care,
    HEADER.daysReported,
    HEADER.daysAfter,
  ]);
  if (missing.length > 0) {
    throw new RuleError(
      "notAvailable",
      `tabellen ${TABLE.dischargeIndividuals} saknar kolumnerna ${missing.join(", ")}.`
    );
  }
  const rows: number[] = [];
  for (let r = 0; r < individuals.rowCount; r++) {
    if (
      partyCode(individuals.get(r, HEADER.municipality))?.key === code.key &&
      monthText(individuals.get(r, HEADER.month)) === month &&
      cellText(individuals.get(r, HEADER.care)).toLocaleLowerCase("sv") === care
    )
      rows.push(r);
  }
  const psychiatry = care === "psykiatri";
  const limits = {
    pricePerDay: parameter(snapshot, NAME.price),
    dayLimit: parameter(snapshot, psychiatry ? NAME.psychiatryDayLimit : NAME.dayLimit),
    averageLimit: parameter(snapshot, psychiatry ? NAME.psychiatryAverageLimit : NAME.averageLimit),
  };
  // Rows of UK_individer are numbered within that table (the snapshot's firstRow is for UK_avrakning).
  const settle = (header: string) =>
    dischargeSettlement(
      rows.map((r) => ({
        row: r + 1,
        days: cellCount(individuals.get(r, header), header.toLowerCase(), {
          row: r + 1,
          party: individualText(individuals, r),
        }),
      })),
      limits
    );
  const reported = settle(HEADER.daysReported);
  const settled = settle(HEADER.daysAfter);
  const who = `${code.text}${name ? ` ${name}` : ""}`;
  const limit = formatNumberSv(settled.averageLimit);
  const dayLimit = formatNumberSv(settled.dayLimit);

  const noAverageCondition = settled.averageLimit.isZero();
  const facts: ExplanationFact[] = [
    { label: "Individer", value: String(settled.individuals) },
    {
      label: "Snitt rapporterat",
      value: noAverageCondition
        ? averageText(reported)
        : `${averageText(reported)} ${reported.billed ? ">" : "≤"} ${limit}: ${reported.billed ? "analys med landstinget krävs" : "ingen analys krävs"}`,
    },
    {
      label: "Snitt efter analys",
      value: noAverageCondition
        ? `${averageText(settled)} (inget snittvillkor: ${NAME.psychiatryAverageLimit} = 0)`
        : `${averageText(settled)} ${settled.billed ? ">" : "≤"} ${limit}: ${settled.billed ? "debiteras" : "debiteras inte"}`,
    },
  ];
  const over = rows
    .map((r, k) => ({
      id: cellText(individuals.get(r, HEADER.individual)),
      days: settled.billableDaysPerIndividual[k],
      r,
    }))
    .filter((x) => x.days.greaterThan(0));
  if (over.length > 0) {
    const shownOver = over
      .slice(0, 8)
      .map(
        (x) => `${x.id}: ${formatNumberSv(x.days.plus(settled.dayLimit))} − ${dayLimit} = ${formatNumberSv(x.days)}`
      );
    facts.push({
      label: `Dagar över ${dayLimit} per individ`,
      value: shownOver.join("; ") + (over.length > 8 ? `; och ${over.length - 8} till` : ""),
    });
  }
  facts.push({ label: "Debiterbara dagar", value: formatNumberSv(settled.billableDays) });
  facts.push({ label: "Pris per dag", value: `${formatKronor(settled.pricePerDay)} (${NAME.price})` });
  facts.push({
    label: "Belopp",
    value: `${formatNumberSv(settled.billableDays)} × ${formatKronor(settled.pricePerDay)} = ${formatKronor(settled.amount)}`,
  });

  const changes = whatWouldChange(reported, settled, dayLimit, limit);
  const reason = reasonText(settled, dayLimit, limit);
  const billableText = `${formatNumberSv(settled.billableDays)} ${plural(settled.billableDays.toNumber(), "dag", "dagar")}`;
  const summary = noAverageCondition
    ? `${who} debiteras ${formatKronor(settled.amount)} för ${month} (${care}): inget snittvillkor, ${billableText} över ${dayLimit} per individ.`
    : settled.billed
      ? `${who} debiteras ${formatKronor(settled.amount)} för ${month} (${care}): snittet efter analys (${averageText(settled)}) överstiger ${limit}, så ${billableText} över ${dayLimit} per individ debiteras.`
      : settled.individuals === 0
        ? `${who} debiteras inte för ${month} (${care}): inga individer i gruppen.`
        : `${who} debiteras inte för ${month} (${care}): snittet efter analys (${averageText(settled)}) överstiger inte ${limit}.`;
  const notes: string[] = [];
  const note = columnNote(view.name, column);
  if (note) notes.push(note);
  if (([HEADER.dischargeAmount, HEADER.dischargeEngine, HEADER.dischargeAddin] as string[]).includes(column)) {
    const differs = cellDiffers(selectedValue(snapshot, view), settled.amount);
    if (differs) notes.push(differs);
  }
  return {
    kind: "amount",
    title,
    party,
    summary,
    qualification: { qualifies: settled.billed && settled.billableDays.greaterThan(0), reason },
    facts,
    whatWouldChange: changes,
    notes,
  };
}

function individualText(view: TableView, r: number): string {
  return [HEADER.municipality, HEADER.month, HEADER.individual].map((h) => cellText(view.get(r, h))).join(", ");
}

/** Why the group is billed or not, in the pane's words (the limits as the workbook has them). */
function reasonText(settled: DischargeResult, dayLimit: string, limit: string): string {
  if (settled.individuals === 0) return "Inga individer i gruppen: ingen debitering.";
  if (settled.averageLimit.isZero()) {
    return settled.billableDays.isZero()
      ? `Inget snittvillkor, och ingen individ har fler än ${dayLimit} dagar: ingen debitering.`
      : `Inget snittvillkor: dagarna över ${dayLimit} per individ debiteras.`;
  }
  return settled.billed
    ? `Snittet efter analys överstiger ${limit}: dagarna över ${dayLimit} per individ debiteras.`
    : `Snittet efter analys överstiger inte ${limit}: ingen debitering.`;
}

/**
 * What would change the outcome. Billed: how many days fewer after the analysis would bring the average to
 * the limit (billed when the total is above limit × individuals, so the total must come down to
 * ⌊limit × individuals⌋). Not billed: the analysis can only take days away, never add any, so the days
 * after analysis can grow at most back to the reported days; the text says whether that would be enough,
 * or how many days the group would need. Without an average condition: the days above the day limit.
 */
function whatWouldChange(
  reported: DischargeResult,
  settled: DischargeResult,
  dayLimit: string,
  limit: string
): string[] {
  const n = settled.individuals;
  if (n === 0) return [];
  const days = (count: Decimal) => `${formatNumberSv(count)} ${plural(count.toNumber(), "dag", "dagar")}`;
  const individuals = `${n} ${plural(n, "individ", "individer")}`;
  if (settled.averageLimit.isZero()) {
    if (settled.billableDays.isZero()) return [`Ingen individ har fler än ${dayLimit} dagar: inget debiteras.`];
    return [
      `Inget snittvillkor: varje dag över ${dayLimit} per individ debiteras. ${days(settled.billableDays)} färre (högst ${dayLimit} per individ) skulle ge 0 kr.`,
    ];
  }
  const allowed = settled.averageLimit.times(n).floor();
  if (settled.billed) {
    const fewer = settled.totalDays.minus(allowed);
    return [
      `${days(fewer)} färre efter analys skulle ge snitt ≤ ${limit} ` +
        `(${formatNumberSv(allowed)} / ${n} ${quotientText(allowed, n)}) och ingen debitering.`,
    ];
  }
  const needed = allowed.plus(1);
  const more = needed.minus(settled.totalDays);
  const removed = reported.totalDays.minus(settled.totalDays);
  const average = `${formatNumberSv(needed)} / ${n} ${quotientText(needed, n, settled.averageLimit)}`;
  if (more.lessThanOrEqualTo(removed)) {
    return [
      `Om analysen hade lämnat kvar ${days(more)} fler (av de ${days(removed)} den räknade bort) skulle snittet ` +
        `överstiga ${limit} (${average}) och dagarna över ${dayLimit} per individ debiteras.`,
    ];
  }
  return [
    `Snittet efter analys kan inte bli högre än det rapporterade (${averageText(reported)}), och det överstiger inte ${limit}. ` +
      `Debitering skulle kräva minst ${days(needed)} för ${individuals} (${average}), ` +
      `${days(needed.minus(reported.totalDays))} fler än de rapporterade.`,
  ];
}

/** "16 / 4 = 4,00 dagar", "5 / 3 ≈ 1,67 dagar"; "inga individer" for an empty group. */
function averageText(result: DischargeResult): string {
  if (result.average === null) return "inga individer";
  return `${formatNumberSv(result.totalDays)} / ${result.individuals} ${quotientText(result.totalDays, result.individuals, result.averageLimit)} dagar`;
}
