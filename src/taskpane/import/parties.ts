/**
 * Finds the party an imported row is about, by code or by name, in the reference lists of
 * municipalities and counties (`WorkbookInputs.municipalities`, `.counties`). A code made of digits is
 * compared by its value, as Excel drops leading zeros: "114" is 0114 Upplands Väsby. A name is compared
 * without regard to case, surrounding spaces or hyphens; an unknown or ambiguous name is an error, never
 * a guess.
 */
import { County, Municipality, PartyKind } from "../../workbook/inputs";

/** The reference lists an import is matched against. */
export interface ImportReference {
  readonly municipalities: readonly Municipality[];
  readonly counties: readonly Pick<County, "code" | "name" | "municipalities" | "population">[];
}

/** A party of the reference lists. */
export interface ImportedParty {
  readonly kind: PartyKind;
  /** The code as in the reference list: "0114", "08". */
  readonly code: string;
  readonly name: string;
}

/** "0114 Upplands Väsby". */
export function partyLabel(party: ImportedParty): string {
  return `${party.code} ${party.name}`;
}

/** The party found, or why none was. */
export type PartyMatch =
  { readonly ok: true; readonly party: ImportedParty } | { readonly ok: false; readonly message: string };

/** Lower case (Swedish), hyphens and runs of spaces as one space, trimmed. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFC")
    .toLocaleLowerCase("sv")
    .replace(/[\s\u00a0\u202f\-‐–]+/g, " ")
    .trim();
}

/** The ways a municipality is written besides its name: "Malå kommun", "Göteborgs stad". */
function municipalityAliases(name: string): string[] {
  const n = normalizeName(name);
  return [`${n} kommun`, `${n}s kommun`, `${n} stad`, `${n}s stad`];
}

/**
 * The ways a county council is written besides the county's name ("Kalmar län"): "Kalmar",
 * "Landstinget i Kalmar län", "Kalmar läns landsting", "Landstinget Kalmar", "Region Skåne",
 * "Västra Götalandsregionen"; the genitive s of "Stockholms län" is dropped for "Stockholm".
 */
function countyAliases(name: string): string[] {
  const n = normalizeName(name);
  const base = n.endsWith(" län") ? n.slice(0, -" län".length) : n;
  const stem = base.endsWith("s") ? base.slice(0, -1) : base;
  const forms = new Set([
    base,
    stem,
    `${n} landsting`,
    `${n}s landsting`,
    `landstinget i ${n}`,
    `landstinget ${stem}`,
    `landstinget i ${stem}`,
    `region ${stem}`,
    `${base}regionen`,
    `${stem} landsting`,
  ]);
  forms.delete(n);
  return [...forms];
}

/** Looks parties up by code and by name. */
export class PartyDirectory {
  private readonly byNumber = new Map<string, ImportedParty[]>();
  private readonly byName = new Map<string, ImportedParty[]>();
  private readonly byAlias = new Map<string, ImportedParty[]>();

  constructor(reference: ImportReference) {
    const add = (map: Map<string, ImportedParty[]>, key: string, party: ImportedParty) => {
      const list = map.get(key) ?? [];
      if (!list.includes(party)) list.push(party);
      map.set(key, list);
    };
    const parties: [ImportedParty, string[]][] = [
      ...reference.municipalities.map((m): [ImportedParty, string[]] => [
        { kind: "kommun", code: m.code, name: m.name },
        municipalityAliases(m.name),
      ]),
      ...reference.counties.map((c): [ImportedParty, string[]] => [
        { kind: "landsting", code: c.code, name: c.name },
        countyAliases(c.name),
      ]),
    ];
    for (const [party, aliases] of parties) {
      add(this.byNumber, numberKey(party.code), party);
      add(this.byName, normalizeName(party.name), party);
      for (const alias of aliases) add(this.byAlias, alias, party);
    }
  }

  /** A party by code: "0114", "114" and "08", "8" are found by value. */
  findByCode(raw: string, kinds: readonly PartyKind[]): PartyMatch {
    const code = raw.trim();
    if (!/^\d+$/.test(code)) {
      return {
        ok: false,
        message: `koden ${code} ska bestå av siffror, t.ex. 0114 för en kommun eller 08 för ett län.`,
      };
    }
    const found = (this.byNumber.get(numberKey(code)) ?? []).filter((p) => kinds.includes(p.kind));
    if (found.length === 1) return { ok: true, party: found[0] };
    if (found.length > 1) {
      return {
        ok: false,
        message: `koden ${code} är tvetydig: ${found.map(partyLabel).join(" och ")}. Ange typ (kommun eller landsting).`,
      };
    }
    return { ok: false, message: `koden ${code} finns inte bland ${listName(kinds)}. Kontrollera koden.` };
  }

  /** A party by name: the exact name first, then the usual longer forms ("Malå kommun", "Region Skåne"). */
  findByName(raw: string, kinds: readonly PartyKind[]): PartyMatch {
    const key = normalizeName(raw);
    if (key === "")
      return { ok: false, message: "kod eller namn saknas. Fyll i kommunens eller landstingets kod eller namn." };
    for (const map of [this.byName, this.byAlias]) {
      const found = (map.get(key) ?? []).filter((p) => kinds.includes(p.kind));
      if (found.length === 1) return { ok: true, party: found[0] };
      if (found.length > 1) {
        return {
          ok: false,
          message: `namnet ${raw.trim()} är tvetydigt: det passar ${found.map(partyLabel).join(" och ")}. Ange koden i stället.`,
        };
      }
    }
    return {
      ok: false,
      message: `namnet ${raw.trim()} finns inte bland ${listName(kinds)}. Kontrollera stavningen eller ange koden.`,
    };
  }

  /**
   * A party from a cell that holds a code ("0114"), a name ("Upplands Väsby") or both ("0114 Upplands
   * Väsby", as many registry exports write it).
   */
  find(raw: string, kinds: readonly PartyKind[]): PartyMatch {
    const text = raw.trim();
    if (/^\d+$/.test(text)) return this.findByCode(text, kinds);
    const both = /^(\d+)\s+(\D.*)$/.exec(text);
    if (both) {
      const match = this.findByCode(both[1], kinds);
      if (!match.ok) return match;
      return this.conflict(match.party, both[2], kinds) ?? match;
    }
    return this.findByName(text, kinds);
  }

  /**
   * A name given beside a code must not name another party: "0114" with "Vallentuna" is a mistake. A
   * name that fits no party (a spelling of the registry's own) does not overrule the code.
   */
  conflict(party: ImportedParty, name: string, kinds: readonly PartyKind[]): PartyMatch | undefined {
    if (name.trim() === "") return undefined;
    const byName = this.findByName(name, kinds);
    if (!byName.ok || byName.party === party) return undefined;
    return {
      ok: false,
      message: `koden ${party.code} är ${party.name}, men namnet ${name.trim()} är ${partyLabel(byName.party)}. Rätta koden eller namnet.`,
    };
  }
}

function numberKey(code: string): string {
  return code.replace(/^0+(?=\d)/, "");
}

function listName(kinds: readonly PartyKind[]): string {
  if (kinds.length === 1) return kinds[0] === "kommun" ? "kommunerna i referenslistan" : "länen i referenslistan";
  return `kommunerna och länen i referenslistan`;
}
