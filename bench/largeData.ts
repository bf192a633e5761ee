/*
 * A --data folder with the demo data and large, valid files of the kinds whose every row becomes a row of the
 * workbook: discharge days (`rows` individuals' months spread over Kalmar county's twelve municipalities, the
 * twelve months of 2018 and both kinds of care, with days that vary deterministically), pilot grants and county
 * budget lines. What a county that reported every individual for years might send.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const MUNICIPALITIES = ["0821", "0834", "0840", "0860", "0861", "0862", "0880", "0881", "0882", "0883", "0884", "0885"];
export const DISCHARGE_HEADER = "municipality,month,individual,care,days_reported,days_after_analysis";

/** One line of the file: row `i` (0-based) of `rows`. */
export function dischargeLine(i: number): string {
  const municipality = MUNICIPALITIES[i % MUNICIPALITIES.length];
  const month = `2018-${String(1 + (Math.floor(i / MUNICIPALITIES.length) % 12)).padStart(2, "0")}`;
  const psychiatry = i % 10 === 9;
  const reported = psychiatry ? (i * 7) % 30 : (i * 7) % 9;
  const after = Math.max(0, reported - (i % 3 === 0 ? 1 : 0));
  return `${municipality},${month},${psychiatry ? "P" : "S"}${i},${psychiatry ? "psykiatri" : "somatisk"},${reported},${after}`;
}

export const PILOT_HEADER = "id,recipient,applicant_kind,political_backing,project,granted_kr";

/** A pilot grant: row `i` (0-based), 1 000 kr each, a municipality's with political backing. */
export function pilotLine(i: number): string {
  return `F${i + 1},Kommun ${i % 290},kommun,ja,Försök ${i + 1} (påhittat),1000`;
}

const COUNTIES = [
  "01",
  "03",
  "04",
  "05",
  "06",
  "07",
  "08",
  "09",
  "10",
  "12",
  "13",
  "14",
  "17",
  "18",
  "19",
  "20",
  "21",
  "22",
  "23",
  "24",
  "25",
];

/** A county budget line: row `i` (0-based), 100 kr each. */
export function budgetLine(i: number): string {
  return `${COUNTIES[i % COUNTIES.length]},Post ${i + 1},100,Påhittad budgetrad`;
}

/** Writes `header` and `count` lines made by `line` to `file`, in parts; returns the file's size in bytes. */
export function writeLines(file: string, header: string, count: number, line: (i: number) => string): number {
  const fd = fs.openSync(file, "w");
  try {
    const chunk: string[] = [header];
    for (let i = 0; i < count; i++) {
      chunk.push(line(i));
      if (chunk.length >= 10000) {
        fs.writeSync(fd, chunk.join("\n") + "\n");
        chunk.length = 0;
      }
    }
    if (chunk.length > 0) fs.writeSync(fd, chunk.join("\n") + "\n");
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(file).size;
}

/** How many rows of each large file the folder gets (none: the demo's own file). */
export interface LargeRows {
  readonly discharge?: number;
  readonly pilots?: number;
  readonly budget?: number;
}

/** Writes the folder `dir` (created) from the demo data with the large files asked for. */
export function writeLargeFolder(dir: string, rows: LargeRows): void {
  fs.mkdirSync(dir, { recursive: true });
  const demo = path.join(ROOT, "data", "demo");
  for (const file of fs.readdirSync(demo)) fs.copyFileSync(path.join(demo, file), path.join(dir, file));
  const write = (file: string, header: string, count: number | undefined, line: (i: number) => string) => {
    if (count) writeLines(path.join(dir, file), header, count, line);
  };
  write("utskrivningsklara.csv", DISCHARGE_HEADER, rows.discharge, dischargeLine);
  write("forsoksverksamhet.csv", PILOT_HEADER, rows.pilots, pilotLine);
  write("lansbudget.csv", "county,item,amount_kr,source", rows.budget, budgetLine);
}

if (require.main === module) {
  const [dir, discharge, pilots, budget] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a)));
  writeLargeFolder(path.resolve(String(dir)), {
    discharge: Number(discharge ?? 0),
    pilots: Number(pilots ?? 0),
    budget: Number(budget ?? 0),
  });
}
