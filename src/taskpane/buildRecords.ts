/**
 * What the open workbook remembers of the pane's builds, in its settings: one record per build (the year
 * of its plan and the suffix of its names), so that Förklara, Importera and Kontrollera know the sheets of
 * every build the pane made, also after the pane is reopened. Pure: the reading and writing of the setting
 * is in writePlan.ts and workbookTables.ts.
 */

/** The workbook setting that holds the records. */
export const BUILD_SETTING = "skl.arbetsbok";

/** One build: the plan's title and year, and the suffix of its names (null: the planned names). */
export interface BuildRecord {
  readonly title?: string;
  readonly year: number | null;
  readonly suffix: number | null;
}

function record(value: unknown): BuildRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { title, year, suffix } = value as Record<string, unknown>;
  return {
    ...(typeof title === "string" ? { title } : {}),
    year: typeof year === "number" ? year : null,
    suffix: typeof suffix === "number" ? suffix : null,
  };
}

/**
 * The builds a setting's value records, oldest first: `{ builds: [...] }`, or one record as workbooks
 * built before the list remembered only their last build. Anything else records nothing.
 */
export function readBuildRecords(value: unknown): BuildRecord[] {
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (typeof parsed !== "object" || parsed === null) return [];
  const builds = (parsed as { builds?: unknown }).builds;
  if (Array.isArray(builds)) return builds.map(record).filter((r): r is BuildRecord => r !== undefined);
  const one = record(parsed);
  return one && ("year" in (parsed as object) || "suffix" in (parsed as object)) ? [one] : [];
}

/** The setting's value with one more build recorded (a build under the same suffix replaces the old record). */
export function recordBuild(value: unknown, build: BuildRecord): string {
  const builds = readBuildRecords(value).filter((b) => b.suffix !== build.suffix);
  return JSON.stringify({ builds: [...builds, build] });
}
