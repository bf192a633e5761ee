/*
 * The custom functions' metadata in both languages. functions.json is English, generated from the JSDoc by
 * CustomFunctionsMetadataPlugin; functions-sv.json is made here from it and the Swedish table next to the
 * functions (src/functions/swedish.ts). Microsoft's "Custom functions naming and localization": one metadata
 * file per language, only `name` and `description` localized, `id` never; we keep the function names too, so
 * that formulas work in every Excel language. The manifest points sv-SE (its DefaultLocale) at the Swedish
 * file and English locales at functions.json.
 */
import type { ICustomFunctionsMetadata, IFunction } from "custom-functions-metadata";
import { SWEDISH, SwedishFunction } from "../../src/functions/swedish";
import { rebase } from "./baseUrl";

export const ENGLISH_METADATA = "functions.json";
export const SWEDISH_METADATA = "functions-sv.json";

export type HelpLanguage = "sv" | "en";

/** `PALLIATIVE_SHARE` → `palliative-share`. */
export function helpSlug(id: string): string {
  return id.toLowerCase().replace(/_/g, "-");
}

/** A function's help page, relative to the base URL: Swedish under help/, English under help/en/. */
export function helpPath(id: string, language: HelpLanguage): string {
  return language === "sv" ? `help/${helpSlug(id)}.html` : `help/en/${helpSlug(id)}.html`;
}

/** A Swedish text that is missing, extra, or still the English one: the build stops on it. */
export class MetadataError extends Error {}

/** Words that show an English text left in the Swedish file. */
const ENGLISH_WORDS = /\b(the|and|of|each|when|whose|with|is|are|to|for|in kronor|default)\b/i;

function checkSwedish(where: string, swedish: string | undefined, english: string | undefined, problems: string[]) {
  if (!swedish || swedish.trim() === "") problems.push(`${where}: Swedish text missing`);
  else if (swedish === english) problems.push(`${where}: Swedish text is the English one`);
  else if (ENGLISH_WORDS.test(swedish)) problems.push(`${where}: Swedish text has English words: "${swedish}"`);
}

function swedishFunction(fn: IFunction, texts: SwedishFunction | undefined, problems: string[]): IFunction {
  if (!texts) {
    problems.push(`${fn.id}: no Swedish texts in src/functions/swedish.ts`);
    return fn;
  }
  checkSwedish(`${fn.id}`, texts.description, fn.description, problems);
  const english = new Set(fn.parameters.map((p) => p.name));
  for (const name of Object.keys(texts.parameters)) {
    if (!english.has(name)) problems.push(`${fn.id}.${name}: Swedish texts for a parameter the function lacks`);
  }
  const parameters = fn.parameters.map((p) => {
    const sv = texts.parameters[p.name];
    if (!sv) {
      problems.push(`${fn.id}.${p.name}: no Swedish name and description`);
      return p;
    }
    if (!/^[\p{Ll}][\p{Ll}\p{N}_]*$/u.test(sv.name)) {
      problems.push(`${fn.id}.${p.name}: Swedish name "${sv.name}" is not one lower-case word (letters, digits, _)`);
    }
    checkSwedish(`${fn.id}.${p.name}`, sv.description, p.description, problems);
    return { ...p, name: sv.name, description: sv.description };
  });
  const names = parameters.map((p) => p.name);
  if (new Set(names).size !== names.length) problems.push(`${fn.id}: two parameters share a Swedish name`);
  return { ...fn, description: texts.description, parameters };
}

/**
 * The Swedish metadata: the English file with Swedish descriptions and parameter names, and the Swedish help
 * page as helpUrl. Throws a MetadataError listing every missing, extra or untranslated text.
 */
export function swedishMetadata(
  english: ICustomFunctionsMetadata,
  texts: Readonly<Record<string, SwedishFunction>> = SWEDISH
): ICustomFunctionsMetadata {
  const problems: string[] = [];
  const ids = new Set(english.functions.map((f) => f.id));
  for (const id of Object.keys(texts)) {
    if (!ids.has(id)) problems.push(`${id}: Swedish texts for a function that functions.ts does not have`);
  }
  const functions = english.functions.map((fn) => {
    const sv = swedishFunction(fn, texts[fn.id], problems);
    return fn.helpUrl ? { ...sv, helpUrl: fn.helpUrl.replace(helpPath(fn.id, "en"), helpPath(fn.id, "sv")) } : sv;
  });
  if (problems.length > 0) {
    throw new MetadataError(`The Swedish function metadata is incomplete:\n  ${problems.join("\n  ")}`);
  }
  return { ...english, functions };
}

/**
 * Checks that every function's @helpurl is its English help page under the development base, and moves the
 * help URLs to `base`.
 */
export function withBaseUrl(metadata: ICustomFunctionsMetadata, base: string): ICustomFunctionsMetadata {
  const problems = metadata.functions
    .filter((fn) => !fn.helpUrl?.endsWith(`/${helpPath(fn.id, "en")}`))
    .map((fn) => `${fn.id}: @helpurl ${fn.helpUrl ?? "(none)"} is not …/${helpPath(fn.id, "en")}`);
  if (problems.length > 0) throw new MetadataError(`Help URLs in functions.ts:\n  ${problems.join("\n  ")}`);
  return { ...metadata, functions: metadata.functions.map((fn) => ({ ...fn, helpUrl: rebase(fn.helpUrl!, base) })) };
}

/**
 * The metadata without `allowCustomDataForDataTypeAny`, which the generator sets to true on every file: with it
 * Excel may hand the functions data types (entities, linked data types) where a value belongs ("Manually create
 * JSON metadata for custom functions in Excel": "Setting this value to `true` allows a custom function to accept
 * data types as parameters and return values"; CustomFunctionsRuntime 1.4). The readers take numbers, text and
 * TRUE/FALSE only, so data types are not asked for.
 */
export function withoutDataTypes(metadata: ICustomFunctionsMetadata): ICustomFunctionsMetadata {
  const rest: ICustomFunctionsMetadata & { allowCustomDataForDataTypeAny?: boolean } = { ...metadata };
  delete rest.allowCustomDataForDataTypeAny;
  return rest;
}
