/*
 * The Swedish metadata Excel shows in Swedish Excel (functions-sv.json), made by the build from the English
 * metadata generated from the JSDoc and the table in src/functions/swedish.ts: it agrees with the English on
 * everything but the texts, and no Swedish text is missing or left English.
 */
import type { ICustomFunctionsMetadata } from "custom-functions-metadata";
import { DEV_BASE_URL } from "../../scripts/addin/baseUrl";
import { MetadataError, swedishMetadata, withBaseUrl } from "../../scripts/addin/metadata";
import { SWEDISH } from "../../src/functions/swedish";
import { generateMetadata } from "../support/hyperformulaSkl";

let english: ICustomFunctionsMetadata;
let swedish: ICustomFunctionsMetadata;

beforeAll(async () => {
  english = withBaseUrl((await generateMetadata()).metadata, DEV_BASE_URL);
  swedish = swedishMetadata(english);
}, 60000);

/** The metadata with every text taken out: what must be the same in every language. */
function withoutTexts(metadata: ICustomFunctionsMetadata): unknown {
  return {
    ...metadata,
    functions: metadata.functions.map(({ description, helpUrl, ...fn }) => ({
      ...fn,
      hasDescription: typeof description === "string",
      hasHelp: typeof helpUrl === "string",
      parameters: fn.parameters.map(({ name, description: d, ...p }) => ({ ...p, named: name !== "", described: !!d })),
    })),
  };
}

const EN_WORDS = /\b(the|and|of|each|when|whose|with|is|are|to|for|party|parties|deaths|default)\b/i;

describe("functions-sv.json against functions.json", () => {
  it("has the same functions, ids, names, parameters in the same order, types, dimensionality and options", () => {
    expect(swedish.functions.map((f) => f.id)).toEqual([
      "PALLIATIVE_SHARE",
      "SENIOR_ALERT_PAYOUT",
      "COUNTY_GRANT",
      "DISCHARGE_SETTLEMENT",
    ]);
    expect(swedish.functions.map((f) => f.name)).toEqual(english.functions.map((f) => f.name));
    expect(withoutTexts(swedish)).toEqual(withoutTexts(english));
  });

  it("has every text in Swedish, none left in English", () => {
    english.functions.forEach((en, i) => {
      const sv = swedish.functions[i];
      expect(sv.description).not.toBe(en.description);
      expect({ id: sv.id, english: EN_WORDS.test(sv.description ?? "") }).toEqual({ id: sv.id, english: false });
      en.parameters.forEach((p, j) => {
        const q = sv.parameters[j];
        expect(q.name).not.toBe(p.name);
        expect(q.description).not.toBe(p.description);
        expect({ parameter: `${sv.id}.${q.name}`, english: EN_WORDS.test(q.description ?? "") }).toEqual({
          parameter: `${sv.id}.${q.name}`,
          english: false,
        });
      });
    });
    // Parameter names as Swedish Excel writes its own (värde_om_sant): lower case, å ä ö, underscores.
    const names = swedish.functions.flatMap((f) => f.parameters.map((p) => p.name));
    for (const name of names) expect(name).toMatch(/^[a-zåäö][a-zåäö0-9_]*$/);
    expect(swedish.functions.find((f) => f.id === "DISCHARGE_SETTLEMENT")?.parameters.map((p) => p.name)).toEqual([
      "dagar",
      "pris_per_dag",
      "dagsgräns",
      "snittgräns",
    ]);
  });

  it("links each function to its Swedish help page, and the English file to the English one", () => {
    expect(english.functions.map((f) => f.helpUrl)).toEqual([
      `${DEV_BASE_URL}help/en/palliative-share.html`,
      `${DEV_BASE_URL}help/en/senior-alert-payout.html`,
      `${DEV_BASE_URL}help/en/county-grant.html`,
      `${DEV_BASE_URL}help/en/discharge-settlement.html`,
    ]);
    expect(swedish.functions.map((f) => f.helpUrl)).toEqual(
      english.functions.map((f) => f.helpUrl?.replace("/help/en/", "/help/"))
    );
  });
});

describe("the build stops on an incomplete Swedish table", () => {
  const table = SWEDISH as unknown as Record<string, { description: string; parameters: Record<string, unknown> }>;

  it("when a function has no Swedish texts", () => {
    const { COUNTY_GRANT: _, ...rest } = table;
    expect(() => swedishMetadata(english, rest as never)).toThrow(/COUNTY_GRANT: no Swedish texts/);
  });

  it("when a parameter has no Swedish name, or the table names a parameter the function lacks", () => {
    const { pricePerDay, ...parameters } = table.DISCHARGE_SETTLEMENT.parameters;
    const changed = {
      ...table,
      DISCHARGE_SETTLEMENT: { ...table.DISCHARGE_SETTLEMENT, parameters: { ...parameters, price: pricePerDay } },
    };
    expect(() => swedishMetadata(english, changed as never)).toThrow(MetadataError);
    expect(() => swedishMetadata(english, changed as never)).toThrow(/DISCHARGE_SETTLEMENT.pricePerDay: no Swedish/);
    expect(() => swedishMetadata(english, changed as never)).toThrow(
      /DISCHARGE_SETTLEMENT.price: Swedish texts for a parameter/
    );
  });

  it("when a text is still the English one or has English words", () => {
    const en = english.functions.find((f) => f.id === "SENIOR_ALERT_PAYOUT")!;
    const changed = {
      ...table,
      SENIOR_ALERT_PAYOUT: { ...table.SENIOR_ALERT_PAYOUT, description: en.description },
      COUNTY_GRANT: { ...table.COUNTY_GRANT, description: "Länsbidraget for each county" },
    };
    expect(() => swedishMetadata(english, changed as never)).toThrow(
      /SENIOR_ALERT_PAYOUT: Swedish text is the English one/
    );
    expect(() => swedishMetadata(english, changed as never)).toThrow(/COUNTY_GRANT: Swedish text has English words/);
  });
});
