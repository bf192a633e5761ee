/**
 * The command line's options, read the same way for `npm run workbook` and `npm run package`, with every
 * complaint in Swedish: node's `parseArgs` reads the words, and each token is checked here (an unknown option,
 * a missing or ambiguous value, a value given to a flag, a word that is no option, an option given twice),
 * since its own messages are English ("Unknown option '--bogus'").
 */
import { parseArgs } from "node:util";
import { cut } from "../input";

/** A mistake in how the command was called: told with the usage, exit code 2. */
export class UsageError extends Error {}

/** The options a command takes: a string (`--out FIL`) or a flag (`--force`). */
export type OptionSpecs = Readonly<Record<string, { readonly type: "string" | "boolean"; readonly short?: string }>>;

type Values<S extends OptionSpecs> = {
  -readonly [K in keyof S]?: S[K]["type"] extends "string" ? string : boolean;
};

const shown = (text: string) => `'${cut(text)}'`;

/**
 * The options of `argv` by name, or a {@link UsageError} saying in Swedish what is wrong with them. A value
 * that starts with "-" is taken only as `--out=-x`: `--out --force` is a forgotten value, not a file "--force".
 */
export function readOptions<S extends OptionSpecs>(argv: readonly string[], specs: S): Values<S> {
  const { tokens } = parseArgs({
    args: [...argv],
    options: specs as Record<string, { type: "string" | "boolean"; short?: string }>,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean> = {};
  const given = new Set<string>();
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      throw new UsageError(
        `Okänt ord ${shown(token.value)}: kommandot tar bara flaggor (--namn), och varje värde står efter sin flagga.`
      );
    }
    const spec = specs[token.name];
    if (spec === undefined) throw new UsageError(`Okänd flagga ${shown(token.rawName)}.`);
    const name = `--${token.name}`;
    if (given.has(token.name)) {
      throw new UsageError(`${name} är angiven två gånger: ange den en gång.`);
    }
    given.add(token.name);
    if (spec.type === "boolean") {
      if (token.value !== undefined) {
        throw new UsageError(`${name} tar inget värde (${name}=${cut(token.value)}): skriv bara ${name}.`);
      }
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined) throw new UsageError(`${name} saknar sitt värde: skriv ${name} och värdet efter.`);
    if (!token.inlineValue && token.value.startsWith("-")) {
      throw new UsageError(
        `${name} saknar sitt värde (nästa ord, ${shown(token.value)}, ser ut som en flagga). ` +
          `Menar du ett värde som börjar med "-", skriv ${name}=${cut(token.value)}.`
      );
    }
    values[token.name] = token.value;
  }
  return values as Values<S>;
}
