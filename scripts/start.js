#!/usr/bin/env node
/*
 * `npm start`: run the add-in for development.
 *
 * - Windows and macOS (Excel desktop): office-addin-debugging starts the dev server and sideloads manifest.xml.
 * - Elsewhere, or with `npm start -- --web`: build (production, into dist/), prepare a certificate for
 *   https://localhost, serve exactly that dist/ on https://localhost:3000 (a small static https server in this
 *   process, so what is served is what was built) and print how to upload manifest.xml in Excel on the web.
 *
 * Exits non-zero on any failure. `npm run stop` (scripts/stop.js) ends what this started.
 */
"use strict";

const { spawn, spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const https = require("https");
const net = require("net");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const MANIFEST = path.join(ROOT, "manifest.xml");
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const ORIGIN = `https://localhost:${PORT}`;
/** Where the web flow records its process, for `npm run stop`. */
const STATE_FILE = path.join(ROOT, "node_modules", ".cache", "skl-dev-server.json");
const DESKTOP_PLATFORMS = ["win32", "darwin"];

class StartError extends Error {}

function step(text) {
  console.log(`\n▶ ${text}`);
}

/** Runs a node script of an installed package, echoing its output, and returns its exit code and output. */
function runPackageScript(packageName, script, args) {
  const file = path.join(path.dirname(require.resolve(`${packageName}/package.json`, { paths: [ROOT] })), script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: ROOT, stdio: ["inherit", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (data) => {
      output += data;
      process.stdout.write(data);
    });
    child.stderr.on("data", (data) => {
      output += data;
      process.stderr.write(data);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/**
 * office-addin-debugging reports many failures only as text and still exits 0 ("Unable to start the dev
 * server…", "Error: Unable to start debugging…"), so its output decides as much as its exit code.
 */
function debuggingFailed({ code, output }, success) {
  return code !== 0 || /unable to|^error/im.test(output) || !success.test(output);
}

async function startDesktop() {
  step(`office-addin-debugging start manifest.xml desktop (${process.platform})`);
  const result = await runPackageScript("office-addin-debugging", "cli.js", ["start", MANIFEST, "desktop"]);
  if (debuggingFailed(result, /^(Debugging started|Started)\.\s*$/m)) {
    throw new StartError(
      "office-addin-debugging could not start the add-in (see its output above). " +
        "Without Excel desktop, use Excel on the web: npm start -- --web"
    );
  }
  console.log("\nExcel opens with the add-in: Start (Home) → Äldrestöd. Stop with: npm run stop");
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "localhost" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Whether cert and key belong together and the certificate is valid for at least another day. */
function usableCertificate(certFile, keyFile) {
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(certFile));
    const key = crypto.createPrivateKey(fs.readFileSync(keyFile));
    const validFor = new Date(cert.validTo).getTime() - Date.now();
    return cert.checkPrivateKey(key) && validFor > 24 * 3600 * 1000 && cert.checkHost("localhost") !== undefined;
  } catch {
    return false;
  }
}

/**
 * A certificate for https://localhost. office-addin-dev-certs makes one and installs its CA in the system trust
 * store; where that install fails (no sudo, no trust store) its files are still used if they are sound, else a
 * fresh set is made in a temporary folder. Says what it did, since a browser must trust the CA.
 */
async function prepareCertificate() {
  step("Certificate for https://localhost (office-addin-dev-certs)");
  const devCerts = require("office-addin-dev-certs");
  const home = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = {
    ca: path.join(home, "ca.crt"),
    cert: path.join(home, "localhost.crt"),
    key: path.join(home, "localhost.key"),
  };
  let trusted = false;
  try {
    await devCerts.ensureCertificatesAreInstalled();
    trusted = true;
  } catch (error) {
    console.log(`  office-addin-dev-certs could not make or install its certificate: ${firstLine(error)}`);
  }
  if (!usableCertificate(files.cert, files.key)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skl-dev-certs-"));
    files.ca = path.join(dir, "ca.crt");
    files.cert = path.join(dir, "localhost.crt");
    files.key = path.join(dir, "localhost.key");
    console.log(`  Making a new certificate in ${dir}`);
    await devCerts.generateCertificates(files.ca, files.cert, files.key, 30, ["127.0.0.1", "localhost"]);
    trusted = false;
    if (!usableCertificate(files.cert, files.key)) {
      throw new StartError(`The certificate made in ${dir} is not usable for https://localhost.`);
    }
  }
  console.log(`  Certificate: ${files.cert}`);
  console.log(`  Key:         ${files.key}`);
  console.log(
    `  CA:          ${files.ca} (${trusted ? "installed in the system trust store" : "NOT installed in any trust store, see below"})`
  );
  return { ...files, trusted };
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error)
    .split("\n")
    .find((line) => line.trim() !== "");
}

function get(url) {
  return new Promise((resolve) => {
    const request = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(0));
  });
}

function writeState(state) {
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

function removeState() {
  try {
    const state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
    if (state.pid === process.pid) fs.unlinkSync(STATE_FILE);
  } catch {
    // Nothing recorded, or recorded by another run: leave it.
  }
}

function printUploadSteps(certificate) {
  const lines = [
    "",
    `The add-in is served on ${ORIGIN}/ from ${DIST} (taskpane.html, functions.js, functions.json, manifest.xml).`,
    "",
    "Load it in Excel on the web:",
  ];
  let n = 1;
  // Browsers on Linux keep their own certificate stores, so even a CA in the system store may not be enough.
  lines.push(
    `  ${n++}. ${certificate.trusted ? "If the browser warns about the certificate, l" : "L"}et it trust the CA, once:`,
    `     import ${certificate.ca} as a certificate authority`,
    "     (Chrome/Edge: Inställningar/Settings → Sekretess och säkerhet/Privacy and security → Säkerhet/Security →",
    "     Hantera certifikat/Manage certificates → Utfärdare/Authorities → Importera/Import; Firefox:",
    "     Inställningar/Settings → Certifikat/Certificates → Visa certifikat/View Certificates →",
    `     Certifikatutfärdare/Authorities → Importera/Import), or open ${ORIGIN}/taskpane.html and accept the warning.`,
    `  ${n++}. Open ${ORIGIN}/taskpane.html: it should say "Öppna tillägget i Excel…".`,
    `  ${n++}. Open a workbook in Excel on the web (https://www.office.com → Excel).`,
    `  ${n++}. Infoga → Tillägg → Mina tillägg → Ladda upp mitt tillägg`,
    "     (English: Insert → Add-ins → My Add-ins → Upload My Add-in).",
    "     Where Tillägg (Add-ins) sits on the Start (Home) tab: Start → Tillägg → Fler tillägg → Mina tillägg →",
    "     Ladda upp mitt tillägg (Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in).",
    `  ${n++}. Bläddra/Browse → ${MANIFEST} → Ladda upp/Upload.`,
    `  ${n++}. The button Äldrestöd appears on the Start (Home) tab; the functions are =SKL.PALLIATIVE_SHARE(…),`,
    "     =SKL.SENIOR_ALERT_PAYOUT(…), =SKL.COUNTY_GRANT(…) and =SKL.DISCHARGE_SETTLEMENT(…).",
    "",
    "Stop the server with Ctrl+C here, or with: npm run stop"
  );
  console.log(lines.join("\n"));
}

async function startWeb() {
  step(`Checking that port ${PORT} is free`);
  if (await portInUse(PORT)) {
    throw new StartError(`Port ${PORT} is already in use. If an earlier npm start is running, end it: npm run stop`);
  }

  step("Building the add-in (npm run build)");
  const webpackCli = path.join(path.dirname(require.resolve("webpack-cli/package.json", { paths: [ROOT] })), "bin");
  const build = spawnSync(process.execPath, [path.join(webpackCli, "cli.js"), "--mode", "production"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new StartError("The build failed (see above).");
  for (const file of ["functions.json", "functions.js", "taskpane.js", "taskpane.html", "manifest.xml"]) {
    if (!fs.existsSync(path.join(DIST, file))) throw new StartError(`The build made no dist/${file}.`);
  }

  const certificate = await prepareCertificate();

  step(`Serving dist/ on ${ORIGIN}`);
  const server = https.createServer(
    { key: fs.readFileSync(certificate.key), cert: fs.readFileSync(certificate.cert) },
    serveFile
  );
  await new Promise((resolve, reject) => {
    server.once("error", (error) =>
      reject(
        new StartError(
          `Could not serve on ${ORIGIN}: ${firstLine(error)}. If an earlier npm start is running, end it: npm run stop`
        )
      )
    );
    server.listen(PORT, "localhost", resolve);
  });
  let stopping = false;
  const closed = new Promise((resolve) => server.on("close", resolve));
  const failed = new Promise((resolve) => server.on("error", resolve));
  writeState({ pid: process.pid, port: PORT, dist: DIST, started: new Date().toISOString() });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      stopping = true;
      server.close();
      server.closeAllConnections();
    });
  }

  const codes = await Promise.all(
    ["taskpane.html", "functions.json", "manifest.xml"].map((f) => get(`${ORIGIN}/${f}`))
  );
  if (!codes.every((code) => code === 200)) {
    server.close();
    server.closeAllConnections();
    removeState();
    throw new StartError(`The server did not answer on ${ORIGIN}/taskpane.html (HTTP ${codes.join(", ")}).`);
  }
  printUploadSteps(certificate);

  const error = await Promise.race([closed.then(() => undefined), failed]);
  removeState();
  if (stopping && !error) {
    console.log("\nThe server has stopped.");
    return;
  }
  throw new StartError(`The server stopped unexpectedly${error ? `: ${firstLine(error)}` : ""}.`);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json; charset=utf-8",
};

/**
 * The response headers for a file of dist/. Excel loads the functions' metadata and scripts across origins.
 * Icons carry no Cache-Control at all: Office caches icons itself and shows a generic image for one sent with
 * cache directives (https://learn.microsoft.com/javascript/api/manifest/image). Everything else is revalidated
 * on every load (no-cache), so a new build is seen at once.
 */
function headersFor(file) {
  const headers = {
    "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
    "Access-Control-Allow-Origin": "*",
  };
  const icon = path.relative(DIST, file).split(path.sep)[0] === "assets" && path.extname(file) === ".png";
  if (!icon) headers["Cache-Control"] = "no-cache";
  return headers;
}

/** Answers a request with a file of dist/ (never one outside it), "/" with the task pane, else 404. */
function serveFile(request, response) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url || "/", ORIGIN).pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  if (pathname === "/") {
    response.writeHead(302, { Location: "/taskpane.html" }).end();
    return;
  }
  const file = path.join(DIST, path.normalize(pathname).replace(/^([/\\])+/, ""));
  if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
    return;
  }
  response.writeHead(200, headersFor(file));
  if (request.method === "HEAD") response.end();
  else fs.createReadStream(file).pipe(response);
}

async function main() {
  const web = process.argv.includes("--web");
  if (!web && DESKTOP_PLATFORMS.includes(process.platform)) {
    await startDesktop();
  } else {
    await startWeb();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`\n✖ ${error instanceof StartError ? error.message : (error && error.stack) || error}`);
    process.exit(1);
  });
}

module.exports = { STATE_FILE, MANIFEST, DESKTOP_PLATFORMS, runPackageScript, debuggingFailed, headersFor, DIST };
