/**
 * Problems found in an import, each named by the row as the user sees the file (the header is row 1)
 * and by the party when it is known. STYLE.md: a message says what is wrong, where, and what to do.
 */

export interface ImportProblem {
  /** The row in the file (header = 1); absent for a problem of the whole file. */
  readonly row?: number;
  /** The party or record: "0114 Upplands Väsby", or the text of the row when no party was found. */
  readonly party?: string;
  /** What is wrong and what to do, in Swedish. */
  readonly message: string;
}

/** One problem as a line: `Rad 12 (0114 Upplands Väsby): registreringar (31) är fler än dödsfall (30).` */
export function problemText({ row, party, message }: ImportProblem): string {
  const place = row !== undefined ? `Rad ${row}${party ? ` (${party})` : ""}: ` : party ? `${party}: ` : "";
  const text = place === "" ? message.charAt(0).toUpperCase() + message.slice(1) : message;
  return place + text;
}
