/**
 * The source documents, by their own titles (the table at the top of DOMAIN.md): how the workbook, the pane
 * and the notes cite them, in Swedish, with the slide, page or section. A reader has never seen our file
 * names, so nothing cites a document any other way.
 */

export type SourceKey = "sormland" | "infrastructure" | "circular" | "kalmar" | "performance";

export interface SourceDocument {
  /** How the workbook names it in running text: "presentationen "Att bygga infrastruktur för socialtjänsten"". */
  readonly cited: string;
  /** A short label for lists (Start). */
  readonly label: string;
  /** The document's full title, as it stands in it. */
  readonly title: string;
  /** Its date, or what is known of it. */
  readonly date: string;
  /** Its reference numbers, if any. */
  readonly reference: string;
  /** How its places are numbered: "bild" (slides), "s." (pages) or "avsnitt" (sections). */
  readonly place: "bild" | "s." | "avsnitt";
  /** The start of its transcript's file name in the seeds folder (for the test that checks quotations). */
  readonly transcript: string;
  /**
   * How a text names it: its title, short names and reference number, as they are written. A title in
   * quotation marks is a citation, not a quotation of the document's words.
   */
  readonly names: readonly string[];
}

export const SOURCES: Readonly<Record<SourceKey, SourceDocument>> = {
  sormland: {
    cited: "Sörmlandsöverenskommelsen (dnr 09/5304)",
    label: "Sörmlandsöverenskommelsen",
    title:
      "Överenskommelse mellan kommunerna och landstinget i Sörmlands län och Sveriges Kommuner och Landsting (SKL) om stöd till ett långsiktigt förbättringsarbete för de mest sjuka äldre, med Bilaga 2 Fördelning av 66 milj. kr till länsgemensamma utvecklingsledare m.m.",
    date: "odaterad (2010 enligt innehållet)",
    reference: "SKL dnr 09/5304",
    place: "s.",
    transcript: "000_",
    names: [
      "Sörmlandsöverenskommelsen",
      "Sörmland agreement",
      "dnr 09/5304",
      "Bilaga 2",
      "Överenskommelse mellan kommunerna och landstinget i Sörmlands län och Sveriges Kommuner och Landsting (SKL) om stöd till ett långsiktigt förbättringsarbete för de mest sjuka äldre",
    ],
  },
  infrastructure: {
    cited: 'presentationen "Att bygga infrastruktur för socialtjänsten"',
    label: "Att bygga infrastruktur för socialtjänsten",
    title: "Att bygga infrastruktur för socialtjänsten (Program för god äldreomsorg, Statsbidrag ÄO 2010)",
    date: "odaterad (våren 2010 enligt innehållet)",
    reference: "bild 1–20",
    place: "bild",
    transcript: "001_",
    names: ["Att bygga infrastruktur för socialtjänsten", "Att bygga infrastruktur"],
  },
  circular: {
    cited: "Cirkulär 10:11",
    label: "Cirkulär 10:11",
    title: "Överenskommelser mellan staten och Sveriges Kommuner och Landsting på äldreområdet 2010",
    date: "2010-02-10",
    reference: "Cirkulär 10:11, SKL dnr 10/0702",
    place: "avsnitt",
    transcript: "002_",
    names: [
      "Cirkulär 10:11",
      "cirkulär 10:11",
      "circular 10:11",
      "Överenskommelser mellan staten och Sveriges Kommuner och Landsting på äldreområdet 2010",
    ],
  },
  kalmar: {
    cited: 'presentationen "Länsgemensam ledning i samverkan" (Kalmar län)',
    label: "Länsgemensam ledning i samverkan (Kalmar län)",
    title: "Länsgemensam ledning i samverkan",
    date: "odaterad (2017 enligt innehållet); presentationen beskriver en överenskommelse som gäller från 1 januari 2018",
    reference: "bild 1–13",
    place: "bild",
    transcript: "003_",
    names: ["Länsgemensam ledning i samverkan", "Länsgemensam ledning"],
  },
  performance: {
    cited: 'presentationen "Prestationsbaserade statsbidrag till insatser för äldre"',
    label: "Prestationsbaserade statsbidrag till insatser för äldre",
    title: "Prestationsbaserade statsbidrag till insatser för äldre",
    date: "odaterad (våren 2010 enligt innehållet)",
    reference: "bild 1–10",
    place: "bild",
    transcript: "004_",
    names: [
      "Prestationsbaserade statsbidrag till insatser för äldre",
      "Prestationbaserade statsbidrag till insatser för äldre",
      "Prestationsbaserade",
    ],
  },
};

/** A citation: `cite("infrastructure", 17)` → presentationen "Att bygga infrastruktur för socialtjänsten", bild 17. */
export function cite(key: SourceKey, ...places: (number | string)[]): string {
  const doc = SOURCES[key];
  if (places.length === 0) return doc.cited;
  const where = places.map(String).join(" och ");
  return `${doc.cited}, ${/^\d/.test(where) ? `${doc.place} ` : ""}${where}`;
}
