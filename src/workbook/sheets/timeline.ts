/**
 * Tidplan: the dates the sources give, as dated inputs with their sources on `Parametrar` (a workbook name
 * each, Tid_…), and a timeline on `Start` whose dates are formulas over those inputs. Where a source names a
 * time but no date ("i början av 2011", "senast den 1 december" without a year), the words stand instead of a
 * date: none is invented.
 */
import { TimelineEvent } from "../inputs";
import { FORMAT } from "../plan";
import { fx, nameRef } from "../refs";
import { SheetBuilder, TableRefs } from "../sheetBuilder";
import { PlanContext } from "./context";

/** The table of the timeline on Start. Part of the workbook's interface. */
export const TIMELINE_TABLE = "Tidplan";

/** The workbook name of an event's date cell. */
export const dateName = (event: TimelineEvent): string => `Tid_${event.id}`;

/** YYYY-MM-DD as Excel's date number (days since 1899-12-30). */
export function excelDate(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/**
 * The events in time order: by date, an undated one by where it falls (`order`, a reading), else after the
 * dated event before it in the file; events at the same point keep the file's order.
 */
export function inOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  let last = "";
  const keyed = events.map((e, i) => {
    const key = e.date ?? e.order ?? last;
    last = key;
    return { e, key, i };
  });
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i)).map((k) => k.e);
}

/**
 * Why an event has no date cell: the source gives a day without its year ("senast den 1 december", "22-23
 * april"), or no day at all ("i början av 2011").
 */
function undatedNote(event: TimelineEvent): string {
  const placed = event.order ? " Placerad i tidplanen som en läsning." : "";
  return `${dayWithoutYear(event) ? "Källan anger dagen men inte året." : "Källan anger tiden med ord, inte ett datum."}${placed}`;
}

/** The source gives a day but not its year ("senast den 1 december", "22-23 april"). */
const dayWithoutYear = (event: TimelineEvent): boolean => /\d/.test(event.when) && !/\b(19|20)\d\d\b/.test(event.when);

/** An undated event's time as Start shows it: the source's words, and that the year is not given where it is not. */
const undatedWhen = (event: TimelineEvent): string =>
  dayWithoutYear(event) ? `${event.when} (året anges inte)` : event.when;

/** A text that follows a full stop begins with a capital ("presentationen …" → "Presentationen …"). */
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The label column of Parametrar holds this many characters. */
const LABEL_CHARS = 62;

/**
 * An event's label on Parametrar and the note beside it: a long event is named by its words before the first
 * parenthesis (or colon) and told whole in the note, before its source; Start shows it whole.
 */
function labelAndNote(event: TimelineEvent, note: string): [string, string] {
  if (event.event.length <= LABEL_CHARS) return [event.event, note];
  const short = event.event.split(" (")[0];
  const label = short.length <= LABEL_CHARS ? short : short.split(": ")[0];
  return [label, `${event.event}. ${capitalised(note)}`];
}

/** The dates on Parametrar: a dated input per event (yellow), or the source's words where it gives no date. */
export function timelineInputs(ctx: PlanContext, sheet: SheetBuilder): void {
  const events = inOrder(ctx.inputs.parameters.timeline);
  if (events.length === 0) return;
  sheet.line("Tidplan: datum ur källorna", "subtitle");
  for (const event of events) {
    const row = sheet.row;
    if (event.date) {
      sheet.put(sheet.at(2, row), dateName(event), "note");
      const [label, note] = labelAndNote(event, event.source);
      const ref = sheet.field(label, excelDate(event.date), "input", "yyyy-mm-dd", note);
      ctx.names.push({ name: dateName(event), ref });
    } else {
      const [label, note] = labelAndNote(event, `${undatedNote(event)} ${capitalised(event.source)}`);
      sheet.field(label, event.when, "reference", FORMAT.text, note);
    }
  }
}

/** The timeline on Start: date (from Parametrar, or the source's words), what happens, and the source. */
export function timelineOnStart(ctx: PlanContext, sheet: SheetBuilder): TableRefs | undefined {
  const events = inOrder(ctx.inputs.parameters.timeline);
  if (events.length === 0) return undefined;
  sheet.line("Tidplan", "subtitle");
  const table = sheet.table(TIMELINE_TABLE, events.length, [
    {
      key: "datum",
      header: "Datum",
      style: "calc",
      numFmt: "yyyy-mm-dd",
      width: 30,
      formula: (_r, i) => (events[i].date ? fx`${nameRef(dateName(events[i]))}` : undefined),
      value: (i) => undatedWhen(events[i]),
      result: (i) => excelDate(events[i].date!),
    },
    { key: "handelse", header: "Händelse", style: "paragraph", width: 50, value: (i) => events[i].event },
    { key: "kalla", header: "Källa", style: "remark", width: 50, value: (i) => events[i].source },
  ]);
  return table;
}
