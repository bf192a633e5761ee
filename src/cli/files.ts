/**
 * Files written together, all or none, and durably: each is written to a temporary file beside its target and
 * flushed to disk (`fsync`), and only when every one is on disk do they take their names, one after another;
 * when any step fails, the names taken so far are given back (an earlier file that `force` replaced comes back)
 * and the temporary files are removed. The writing is synchronous, so an interrupt (Ctrl-C) is handled only
 * before or after it, never halfway (see `terminal.ts`). Without `force` a name is taken with a hard link, which fails when a file
 * of that name appeared in the meantime; nothing of the user's is ever overwritten without `force`. The folder
 * is flushed too, so that after a power loss the new name leads to the whole file, not to an empty one.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** One file to write. */
export interface FileToWrite {
  /** Absolute path. */
  readonly target: string;
  readonly content: Uint8Array;
}

/** Why the files could not be written, in Swedish, naming the file; nothing was left behind. */
export class WriteError extends Error {
  constructor(
    message: string,
    /** The target already existed (without `force`). */
    readonly exists = false
  ) {
    super(message);
  }
}

/** The file system's reason in words, for a file that could not be written. */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "ingen behörighet att skriva i katalogen";
  if (code === "ENOSPC") return "disken är full";
  if (code === "EDQUOT") return "diskkvoten är slut";
  if (code === "EROFS") return "katalogen är skrivskyddad";
  if (code === "EISDIR") return "det finns en katalog med det namnet";
  if (code === "ENAMETOOLONG") return "namnet är för långt för filsystemet";
  if (code === "ENOENT" || code === "ENOTDIR") return "katalogen finns inte eller tar inte emot nya filer";
  if (code === "EIO") return "disken svarade med ett läsfel (EIO)";
  if (code === "EBUSY") return "katalogen används eller är en monteringspunkt";
  return `filsystemet svarade ${code ?? (error as Error).message}`;
}

/** Why a path cannot be looked at, in Swedish: too long, a part of it is a file, a loop, no permission. */
export function pathProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENAMETOOLONG")
    return "sökvägen är för lång för filsystemet (ett namn högst 255 byte, hela sökvägen högst 4 095). Välj en kortare.";
  if (code === "ENOTDIR") return "en del av sökvägen är en fil, inte en katalog.";
  if (code === "ELOOP") return "sökvägen går genom symboliska länkar i en slinga.";
  if (code === "EACCES" || code === "EPERM") return "ingen behörighet att se katalogen.";
  return `sökvägen går inte att använda (${code ?? (error as Error).message}).`;
}

/** A short name beside `target`: a long target name plus a suffix could pass the file system's 255 bytes. */
function besides(target: string, kind: "tmp" | "old"): string {
  return path.join(path.dirname(target), `.skl-${randomBytes(6).toString("hex")}.${kind}`);
}

/**
 * Flushes a file, or a folder's entries (a new or changed name), to disk. Some file systems cannot flush a
 * folder; that is no failure.
 */
export function flushToDisk(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    fs.fsyncSync(fd);
  } catch {
    // EINVAL/EISDIR where a folder cannot be flushed: the files themselves were.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes `content` to a new file `file` and flushes it to disk before closing it. */
export function writeDurably(file: string, content: Uint8Array): void {
  const fd = fs.openSync(file, "wx");
  try {
    let written = 0;
    while (written < content.length) written += fs.writeSync(fd, content, written, content.length - written);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const alreadyThere = (target: string) =>
  new WriteError(`${target} finns redan. Välj ett annat namn eller lägg till --force för att skriva över.`, true);

/**
 * Writes every file or none. A target that is a symbolic link is written through: the link stays and the file
 * it leads to gets the new content. Throws a {@link WriteError} naming the file and the reason.
 */
export function writeAll(files: readonly FileToWrite[], force: boolean): void {
  const targets = files.map((f) => ({ ...f, target: throughLink(f.target) }));
  sameFileRefused(files, targets);
  for (const { target } of targets)
    if (!force && fs.lstatSync(target, { throwIfNoEntry: false })) throw alreadyThere(target);
  const temporaries: string[] = [];
  const taken: { target: string; previous?: string }[] = [];
  try {
    for (const { target, content } of targets) {
      const temporary = besides(target, "tmp");
      temporaries.push(temporary);
      try {
        writeDurably(temporary, content);
      } catch (error) {
        throw new WriteError(`Kunde inte skriva ${target}: ${writeProblem(error)}.`);
      }
    }
    targets.forEach(({ target }, i) => {
      try {
        taken.push(take(temporaries[i], target, force));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw alreadyThere(target);
        throw new WriteError(`Kunde inte skriva ${target}: ${writeProblem(error)}.`);
      }
    });
    for (const { previous } of taken) if (previous) fs.rmSync(previous, { force: true });
    taken.length = 0;
  } finally {
    // Back out what was taken when a later file failed: the new names go, the replaced files come back.
    for (const { target, previous } of taken.reverse()) {
      if (previous) fs.renameSync(previous, target);
      else fs.rmSync(target, { force: true });
    }
    for (const temporary of temporaries) fs.rmSync(temporary, { force: true });
    for (const folder of new Set(targets.map((t) => path.dirname(t.target)))) flushToDisk(folder);
  }
}

/**
 * Two names that lead to one file (through a symbolic link, a hard link or another spelling of the path) would
 * have the second write replace the first: refused before anything is written, naming both.
 */
function sameFileRefused(files: readonly FileToWrite[], targets: readonly { readonly target: string }[]): void {
  const identity = (target: string) => {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    return stat ? `${stat.dev}:${stat.ino}` : path.resolve(target);
  };
  const seen = new Map<string, string>();
  targets.forEach(({ target }, i) => {
    const id = identity(target);
    const earlier = seen.get(id);
    if (earlier !== undefined)
      throw new WriteError(
        files[i].target === earlier
          ? `Två av filerna som skulle skrivas leder till samma fil, ${earlier} (genom en länk). Ange två olika filer.`
          : `${files[i].target} och ${earlier} är samma fil (genom en länk). Ange två olika filer.`
      );
    seen.set(id, files[i].target);
  });
}

/**
 * Gives `temporary`'s file the name `target`. Without `force` by a hard link (fails if the name is taken);
 * with it by a rename over the old file, which is first kept under a second name to be put back on failure.
 */
function take(temporary: string, target: string, force: boolean): { target: string; previous?: string } {
  if (!force) {
    fs.linkSync(temporary, target);
    return { target };
  }
  let previous: string | undefined;
  if (fs.lstatSync(target, { throwIfNoEntry: false })?.isFile()) {
    previous = besides(target, "old");
    fs.linkSync(target, previous);
  }
  fs.renameSync(temporary, target);
  return { target, previous };
}

/**
 * The file or folder a symbolic link leads to (followed to its end), or the path itself; a link that leads
 * nowhere, or in a loop, is a {@link WriteError} naming it.
 */
export function throughLink(target: string): string {
  if (!fs.lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) return target;
  try {
    return fs.realpathSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WriteError(
      code === "ELOOP"
        ? `${target} är en symbolisk länk som pekar i en slinga. Ta bort länken eller välj ett annat namn.`
        : `${target} är en symbolisk länk till ${fs.readlinkSync(target)}, som inte finns. Ta bort länken eller välj ett annat namn.`
    );
  }
}
