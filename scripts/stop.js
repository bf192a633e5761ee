#!/usr/bin/env node
/*
 * `npm run stop`: end what `npm start` started. On Windows and macOS office-addin-debugging stops the dev server
 * and removes the sideloaded add-in; elsewhere the recorded `npm start` process, which serves dist/ itself, is
 * asked to stop.
 * Exits non-zero when something was running and could not be stopped.
 */
"use strict";

const fs = require("fs");
const { STATE_FILE, MANIFEST, DESKTOP_PLATFORMS, runPackageScript, debuggingFailed } = require("./start");

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Whether pid is still the `npm start` process that was recorded (pids are reused). */
function isOurStart(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("scripts/start.js");
  } catch {
    return alive(pid); // no /proc: trust the record while the process exists
  }
}

async function stopWeb() {
  let state;
  try {
    state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
  } catch {
    console.log("No server started by npm start is recorded: nothing to stop.");
    return;
  }
  if (!isOurStart(state.pid)) {
    fs.unlinkSync(STATE_FILE);
    console.log(`The recorded npm start (process ${state.pid}) is no longer running: nothing to stop.`);
    return;
  }
  console.log(`Stopping npm start (process ${state.pid}) and its server on port ${state.port}…`);
  process.kill(state.pid, "SIGTERM");
  const deadline = Date.now() + 15000;
  while (alive(state.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (alive(state.pid)) throw new Error(`Process ${state.pid} did not stop within 15 s.`);
  // Older runs served from a separate webpack process, recorded as serverPid.
  if (state.serverPid && state.serverPid !== state.pid && alive(state.serverPid) && isServer(state.serverPid)) {
    process.kill(state.serverPid, "SIGTERM");
  }
  if (fs.existsSync(STATE_FILE)) fs.unlinkSync(STATE_FILE);
  console.log("Stopped.");
}

function isServer(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("serve");
  } catch {
    return false;
  }
}

async function stopDesktop() {
  const result = await runPackageScript("office-addin-debugging", "cli.js", ["stop", MANIFEST, "desktop"]);
  if (debuggingFailed(result, /Debugging has been stopped\./)) {
    throw new Error("office-addin-debugging could not stop the add-in (see its output above).");
  }
}

async function main() {
  // A recorded web server (npm start on Linux, or npm start -- --web anywhere) is stopped first.
  if (!fs.existsSync(STATE_FILE) && DESKTOP_PLATFORMS.includes(process.platform)) {
    await stopDesktop();
  } else {
    await stopWeb();
  }
}

main().catch((error) => {
  console.error(`✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
