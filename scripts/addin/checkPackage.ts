/*
 * What a built package must satisfy before it is handed over: every URL in its manifest and metadata lies under
 * the base URL and names a file in the folder, every function's help URL is its own page, and no file names
 * the development server. Used by `npm run package` (which writes nothing when a check fails) and by the tests.
 */
import fs from "node:fs";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import type { ICustomFunctionsMetadata } from "custom-functions-metadata";
import { ENGLISH_METADATA, helpPath, SWEDISH_METADATA } from "./metadata";

/** Every file below `dir`, as paths relative to it with "/". */
export function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** The manifest is not well-formed XML: what the parser said. */
export class NotXmlError extends Error {}

/** The manifest parsed strictly: any error or warning of the parser (an unescaped "&") is a {@link NotXmlError}. */
export function parseManifest(xml: string): Document {
  const complaints: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => void complaints.push(`${level}: ${message.split("\n")[0]}`),
  }).parseFromString(xml, "text/xml");
  if (complaints.length > 0) throw new NotXmlError(`manifest.xml är inte giltig XML (${complaints.join("; ")})`);
  return doc as unknown as Document;
}

/** Every absolute URL in the manifest: attribute values (but namespaces) and texts that start with http(s)://. */
export function manifestUrls(xml: string): string[] {
  const doc = parseManifest(xml);
  const urls: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === 1) {
      const element = node as Element;
      for (const attr of Array.from(element.attributes)) {
        // Namespace names are identifiers, not addresses Office loads.
        if (attr.name === "xmlns" || attr.name.startsWith("xmlns:")) continue;
        if (/^\s*https?:\/\//i.test(attr.value)) urls.push(attr.value.trim());
      }
    } else if (node.nodeType === 3 && /^\s*https?:\/\//i.test(node.nodeValue ?? "")) {
      urls.push((node.nodeValue ?? "").trim());
    }
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(doc as unknown as Node);
  return urls;
}

/** The file a URL names in the package, or a problem. */
function fileOf(url: string, base: string, files: Set<string>): string | undefined {
  if (!url.startsWith(base)) return `${url}: ligger inte under ${base}`;
  let file: string;
  try {
    file = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
  } catch {
    return `${url}: ingen giltig adress`;
  }
  return files.has(file) ? undefined : `${url}: paketet har ingen fil ${file}`;
}

/** The problems of the package in `dir` built for `base` (empty when it is sound). */
export function packageProblems(dir: string, base: string): string[] {
  const problems: string[] = [];
  const list = filesIn(dir);
  const files = new Set(list);
  for (const required of ["manifest.xml", "taskpane.html", ENGLISH_METADATA, SWEDISH_METADATA]) {
    if (!files.has(required)) problems.push(`${required} saknas`);
  }
  if (problems.length > 0) return problems;
  let urls: string[];
  try {
    urls = manifestUrls(fs.readFileSync(path.join(dir, "manifest.xml"), "utf8"));
  } catch (error) {
    if (error instanceof NotXmlError) return [error.message];
    throw error;
  }
  if (urls.length === 0) problems.push("manifest.xml har ingen adress");
  for (const url of urls) {
    const problem = fileOf(url, base, files);
    if (problem) problems.push(`manifest.xml: ${problem}`);
  }
  for (const [file, language] of [
    [ENGLISH_METADATA, "en"],
    [SWEDISH_METADATA, "sv"],
  ] as const) {
    const metadata = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as ICustomFunctionsMetadata;
    for (const fn of metadata.functions) {
      const expected = base + helpPath(fn.id, language);
      if (fn.helpUrl !== expected) problems.push(`${file}: ${fn.id} helpUrl ${fn.helpUrl} är inte ${expected}`);
      else {
        const problem = fileOf(fn.helpUrl, base, files);
        if (problem) problems.push(`${file}: ${problem}`);
      }
    }
  }
  for (const file of list) {
    const bytes = fs.readFileSync(path.join(dir, file));
    if (/localhost/i.test(bytes.toString("latin1"))) problems.push(`${file} nämner localhost`);
  }
  return problems;
}
