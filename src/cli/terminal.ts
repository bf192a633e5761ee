/**
 * How the commands behave towards the terminal and the processes around them: a closed pipe
 * (`npm run workbook … | head -1`) is not an error, an interrupt (Ctrl-C, `kill`) cleans up before the process
 * ends, and a command whose parent is gone (the `tsx` or `npm` that started it was killed) does not run on
 * as an orphan.
 */

/**
 * Output to a reader that has gone away (`| head -1`) is dropped without a word: the run goes on, and its exit
 * code says how it went. Output that cannot be written otherwise (`> /dev/full`, a full disk) is said once on
 * standard error, and the run goes on as well: what it wrote or refused is the same, and so is its exit code.
 */
export function tolerateClosedPipes(): void {
  let said = false;
  const dropped = (error: NodeJS.ErrnoException, stream: NodeJS.WriteStream) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED" || said) return;
    said = true;
    if (stream === process.stdout) {
      const reason = error.code === "ENOSPC" ? "disken är full" : `systemet svarade ${error.code ?? error.message}`;
      process.stderr.write(
        `Utskriften kunde inte skrivas (${reason}); resten av den visas inte. Slutkoden säger hur körningen gick.\n`
      );
    }
  };
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => dropped(error, stream));
    // A file or a full device as standard output fails at once, inside console.log: taken the same way.
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    (stream as { write: (...args: unknown[]) => boolean }).write = (...args: unknown[]) => {
      try {
        return write(...args);
      } catch (error) {
        dropped(error as NodeJS.ErrnoException, stream);
        return false;
      }
    };
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
