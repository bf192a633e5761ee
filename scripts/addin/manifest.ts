/*
 * The manifest for a base URL. manifest.xml in the repository is written against the development base
 * (https://localhost:3000/); the build moves every URL to the base it is given and sets <Version> from
 * package.json. <Id> is never touched: Office knows the add-in by it, across versions.
 */
import { DEV_BASE_URL } from "./baseUrl";

/** package.json's "1.2.3" as the manifest's four-part "1.2.3.0". */
export function manifestVersion(version: string): string {
  const parts = version.split(".");
  if (parts.length > 4 || parts.some((p) => !/^\d{1,5}$/.test(p))) {
    throw new Error(`package.json version "${version}" cannot be a manifest version (up to four numbers)`);
  }
  return [...parts, "0", "0", "0"].slice(0, 4).join(".");
}

/** Text as an XML attribute value or element text holds it: "&" as "&amp;", and the quotes and brackets escaped. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
}

/**
 * The manifest with every development URL moved to `base` and the version set. The base is escaped where it is
 * written ("https://host/a&b/" as "https://host/a&amp;b/"), so that the manifest stays XML whatever the URL holds.
 */
export function manifestFor(template: string, base: string, version: string): string {
  if (!/<Version>[^<]*<\/Version>/.test(template)) throw new Error("manifest.xml has no <Version>");
  const xml = template
    .split(DEV_BASE_URL)
    .join(xmlEscape(base))
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  if (base !== DEV_BASE_URL && /localhost/i.test(xml)) {
    throw new Error("manifest.xml names localhost outside the development base URL");
  }
  return xml;
}
