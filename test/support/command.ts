/**
 * The project's commands as a user runs them: `npm run workbook` is `tsx src/cli/workbook.ts`, `npm run
 * package` is `tsx scripts/package.ts`, started from the project with INIT_CWD set to the folder the user is in.
 * Each runs in a child process, so that exit codes, signals, pipes and the file system are the real ones.
 */
import { ChildProcess, spawn, SpawnOptions } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

/** What a run printed and how it ended. */
export interface Run {
  /** The exit code, or 128 + the signal's number when a signal ended it (as a shell reports it). */
  readonly code: number;
  readonly stdout: string;
  /** stderr with no-break spaces as spaces, as a terminal shows them. */
  readonly stderr: string;
}

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Starts `script` (relative to the project) with node and tsx, as npm runs it. */
export function start(
  script: string,
  args: readonly string[],
  options: SpawnOptions & { cwd?: string } = {}
): ChildProcess {
  const { cwd, env, ...rest } = options;
  return spawn(process.execPath, ["--import", "tsx", path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, INIT_CWD: cwd ?? ROOT },
    stdio: ["ignore", "pipe", "pipe"],
    ...rest,
  });
}

/** Waits for a started command to end and collects what it printed. */
export function finished(child: ChildProcess): Promise<Run> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({
        code: code ?? 128 + (SIGNAL_NUMBERS[signal ?? ""] ?? 0),
        stdout,
        stderr: stderr.replace(/[\u00a0\u202f]/g, " "),
      })
    );
  });
}

/** `npm run workbook -- …args`, run from the folder `cwd`. */
export function workbook(args: readonly string[], options: SpawnOptions & { cwd?: string } = {}): Promise<Run> {
  return finished(start("src/cli/workbook.ts", args, options));
}
