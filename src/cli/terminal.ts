/**
 * How the commands behave towards the terminal and the processes around them: a closed pipe
 * (`npm run workbook … | head -1`) is not an error, an interrupt (Ctrl-C, `kill`) cleans up before the process
 * ends, and a command whose parent is gone (the `tsx` or `npm` that started it was killed) does not run on
 * as an orphan.
 */

/**
 * Output to a reader that has gone away (`| head -1`) is dropped without a word: the run goes on, and its exit
 * code says how it went. Any other failure of the terminal's streams is still an error.
 */
export function tolerateClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
      throw error;
    });
  }
}

/** The exit code of a process ended by a signal, as a shell reports it (128 + the signal's number). */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * Runs `cleanup` when the process is interrupted (SIGINT, SIGTERM, SIGHUP) or its parent dies, prints what it
 * returns, and ends the process with the signal's exit code. Returns a function that stops watching.
 */
export function onInterrupt(cleanup: () => string | undefined): () => void {
  let done = false;
  const stop = (code: number) => {
    if (done) return;
    done = true;
    const message = cleanup();
    if (message) console.error(message);
    process.exit(code);
  };
  const handlers = Object.entries(SIGNALS).map(([signal, code]) => {
    const handler = () => stop(code);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  // A parent killed outright (SIGKILL) sends nothing: the process is handed to another parent, which is seen here.
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) stop(SIGNALS.SIGHUP);
  }, 500);
  watch.unref();
  return () => {
    clearInterval(watch);
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
