/*
 * The list of a package's own files, written into the package (`package-files.json`): each file's path and
 * SHA-256. `npm run package -- --force` replaces an existing folder only when it holds nothing but what such a
 * list names, each file unchanged, so that a web root with other sites' files, or a package someone edited by
 * hand, is never deleted.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { flushToDisk } from "../../src/cli/files";

/** The list's name in the package. */
export const PACKAGE_LIST = "package-files.json";

interface PackageList {
  readonly package: "skl-aldreomsorg-addin";
  readonly baseUrl: string;
  /** Path (with "/") → SHA-256 in hex, every file of the package but the list itself. */
  readonly files: Readonly<Record<string, string>>;
}

function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** An entry of a folder as found, not followed: a file, a folder, or something else (a link, a device). */
interface Entry {
  readonly path: string;
  readonly kind: "file" | "folder" | "other";
}

/** Every entry below `dir` (paths with "/"), links not followed. */
function entries(dir: string): Entry[] {
  const out: Entry[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        out.push({ path: name, kind: "folder" });
        walk(name);
      } else out.push({ path: name, kind: entry.isFile() ? "file" : "other" });
    }
  };
  walk("");
  return out;
}

/** Writes the list of every file in `dir` (a package just built) into it. */
export function writePackageList(dir: string, baseUrl: string): void {
  const files: Record<string, string> = {};
  for (const entry of entries(dir)) if (entry.kind === "file") files[entry.path] = sha256(path.join(dir, entry.path));
  const list: PackageList = { package: "skl-aldreomsorg-addin", baseUrl, files };
  fs.writeFileSync(path.join(dir, PACKAGE_LIST), JSON.stringify(list, null, 2) + "\n");
}

function readList(dir: string): PackageList | undefined {
  try {
    const list = JSON.parse(fs.readFileSync(path.join(dir, PACKAGE_LIST), "utf8")) as PackageList;
    return list.package === "skl-aldreomsorg-addin" && typeof list.files === "object" ? list : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What in the folder `dir` is not an earlier package's, in words (empty when --force may replace it): a file
 * or folder the package's list does not name (a folder once, not each file in it), a listed file that was
 * changed, a link. An empty folder holds nothing to lose.
 */
export function notThePackages(dir: string): string[] {
  const found = entries(dir);
  if (found.length === 0) return [];
  const list = readList(dir);
  if (list === undefined) {
    return [`${PACKAGE_LIST} saknas, så katalogen är inget paket som npm run package har skrivit`];
  }
  const listed = new Set(Object.keys(list.files));
  const holdsListed = (folder: string) => [...listed].some((file) => file.startsWith(`${folder}/`));
  const problems: string[] = [];
  const foreignFolders: string[] = [];
  for (const entry of found) {
    if (foreignFolders.some((folder) => entry.path.startsWith(`${folder}/`))) continue;
    if (entry.path === PACKAGE_LIST) continue;
    if (entry.kind === "folder") {
      if (!holdsListed(entry.path)) {
        foreignFolders.push(entry.path);
        problems.push(`${entry.path}/ (inte paketets)`);
      }
    } else if (entry.kind === "other") problems.push(`${entry.path} (en länk eller annat som inte är paketets)`);
    else if (!listed.has(entry.path)) problems.push(`${entry.path} (inte paketets)`);
    else if (sha256(path.join(dir, entry.path)) !== list.files[entry.path])
      problems.push(`${entry.path} (ändrad sedan paketet skrevs)`);
  }
  return problems;
}

/** Files 0644 and folders 0755 (what a umask of 022 gives), so that a web server running as another user reads them. */
export function makeReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of entries(dir)) fs.chmodSync(path.join(dir, entry.path), entry.kind === "folder" ? 0o755 : 0o644);
}

/** Flushes every file and folder of `dir` to disk, the deepest first, `dir` itself last. */
export function syncTree(dir: string): void {
  for (const entry of entries(dir).reverse()) {
    const file = path.join(dir, entry.path);
    if (entry.kind === "folder") flushToDisk(file);
    else if (entry.kind === "file") {
      const fd = fs.openSync(file, "r");
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
  }
  flushToDisk(dir);
}
