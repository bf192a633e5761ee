/*
 * The add-in's files that webpack does not bundle, made at the end of every build (npm run build, npm start,
 * npm run package): functions.json with its help URLs under the base URL, functions-sv.json (the Swedish
 * metadata), the help pages, and manifest.xml for the base URL with <Version> from package.json. Anything
 * wrong (a missing Swedish text, a help example that fails) fails the build.
 */
import fs from "node:fs";
import path from "node:path";
import type { ICustomFunctionsMetadata } from "custom-functions-metadata";
import type { Compilation, Compiler } from "webpack";
import { DEV_BASE_URL } from "./baseUrl";
import { helpPages } from "./helpPages";
import { manifestFor } from "./manifest";
import { ENGLISH_METADATA, SWEDISH_METADATA, swedishMetadata, withBaseUrl, withoutDataTypes } from "./metadata";

const ROOT = path.resolve(__dirname, "../..");

export interface AddinFilesOptions {
  /** The URL the built folder is served from, ending in "/" (default: the development base). */
  readonly baseUrl?: string;
}

export class AddinFilesPlugin {
  constructor(private readonly options: AddinFilesOptions = {}) {}

  apply(compiler: Compiler): void {
    const { webpack } = compiler;
    const base = this.options.baseUrl ?? DEV_BASE_URL;
    compiler.hooks.thisCompilation.tap("AddinFilesPlugin", (compilation: Compilation) => {
      compilation.hooks.processAssets.tap(
        // After CustomFunctionsMetadataPlugin has put functions.json among the assets.
        { name: "AddinFilesPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          try {
            const emit = (file: string, content: string) => {
              const source = new webpack.sources.RawSource(content);
              if (compilation.getAsset(file)) compilation.updateAsset(file, source);
              else compilation.emitAsset(file, source);
            };
            const generated = compilation.getAsset(ENGLISH_METADATA);
            if (!generated) return; // The metadata generator failed and has reported why.
            const english = withoutDataTypes(
              withBaseUrl(JSON.parse(generated.source.source().toString()) as ICustomFunctionsMetadata, base)
            );
            const swedish = swedishMetadata(english);
            emit(ENGLISH_METADATA, JSON.stringify(english, null, 2));
            emit(SWEDISH_METADATA, JSON.stringify(swedish, null, 2));
            for (const [file, content] of helpPages(english, swedish)) emit(file, content);
            const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
            const template = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
            emit("manifest.xml", manifestFor(template, base, pkg.version));
          } catch (error) {
            compilation.errors.push(new webpack.WebpackError(`AddinFilesPlugin: ${(error as Error).message}`));
          }
        }
      );
    });
  }
}
