/*
 * What the browser tests stand on: the production build in a temporary folder, a tiny local HTTP server for
 * it, the in-memory Excel double bundled for the browser with esbuild, and Debian's chromium driven by
 * playwright-core. office.js is served from node_modules/@microsoft/office-js in place of Microsoft's CDN;
 * every other request that would leave the machine is refused and recorded, so a test can fail on it.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
/** Debian's chromium, installed by .ci/run (nothing downloads a browser). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Where office.js comes from in production; the tests serve the npm package's copy in its place. */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");

/** Runs `npm run build` (webpack, production) into a new temporary folder and returns it. */
export async function buildInto(prefix: string): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const cli = path.join(path.dirname(require.resolve("webpack-cli/package.json")), "bin", "cli.js");
  await promisify(execFile)(process.execPath, [cli, "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return out;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
  ".md": "text/markdown; charset=utf-8",
};

/** A static file server on 127.0.0.1 and a free port. */
export async function serve(folder: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(folder, path.normalize(pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(folder) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The Excel double and its dependencies (HyperFormula, the add-in's functions) as one script for the page,
 * defining `ExcelDoubleBundle.createBrowserDouble`. Node-only imports of the shared HyperFormula support
 * (the metadata generator, `path`) are replaced by stubs: in the browser the metadata comes from the build.
 */
export async function bundleExcelDouble(): Promise<string> {
  // esbuild ships with tsx, a dependency of this project.
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, "excelDoubleEntry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "ExcelDoubleBundle",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
    define: { __dirname: JSON.stringify("/project/test/support") },
    plugins: [
      {
        name: "node-stubs",
        setup(build) {
          build.onResolve({ filter: /^(path|custom-functions-metadata)$/ }, (args) => ({
            path: args.path,
            namespace: "stub",
          }));
          build.onLoad({ filter: /.*/, namespace: "stub" }, (args) => ({
            contents:
              args.path === "path"
                ? "function resolve(...parts) { return parts.join('/').replace(/\\/+/g, '/'); } export { resolve, resolve as join }; export default { resolve, join: resolve };"
                : "export function generateCustomFunctionsMetadata() { throw new Error('not in the browser'); }",
            loader: "js",
          }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

/** Reports each Content-Security-Policy violation of the page as a console error and keeps it in `window.cspViolations`. */
const CSP_LISTENER = `(() => {
  window.cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    const text = event.violatedDirective + " " + (event.blockedURI || "(inline)") + " in " + event.sourceFile + ":" + event.lineNumber;
    window.cspViolations.push(text);
    console.error("Content-Security-Policy: " + text);
  });
})();`;

/** The Content-Security-Policy violations the page has reported so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** A browser page and what it did: console errors, page errors, and requests that would have left the machine. */
export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  readonly external: string[];
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // chromium's own flags: no sandbox (root in CI), no GPU, and nothing it would fetch on its own.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/**
 * A fresh page (a new browser context: its own profile in memory) at 360 × 800, with office.js routed to the
 * local copy and every other outside request refused and recorded.
 */
export async function openSession(browser: Browser, origin: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: "sv-SE" });
  const errors: string[] = [];
  const external: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const file = path.join(OFFICE_DIST, new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
      if (fs.existsSync(file) && fs.statSync(file).isFile()) {
        return route.fulfill({
          status: 200,
          contentType: "text/javascript; charset=utf-8",
          body: fs.readFileSync(file),
        });
      }
    }
    external.push(url);
    return route.abort();
  });
  // Every Content-Security-Policy violation is reported as an error of the page (Chromium writes its own
  // "Refused to …" to a log that playwright does not pass on as console messages).
  await context.addInitScript({ content: CSP_LISTENER });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  return { context, page, errors, external };
}
