/*
 * The base URL the add-in is served from. Development (`npm start`, `npm run build`) serves it from
 * https://localhost:3000/; `npm run package -- --url https://HOST/PATH/` builds it for a real server. Every
 * URL of the manifest, the functions' metadata and the help pages is this base followed by a file's path in the
 * built folder, so one string decides where everything is.
 */

/** Where `npm start` serves the add-in; manifest.xml and the JSDoc @helpurl tags are written against it. */
export const DEV_BASE_URL = "https://localhost:3000/";

/** A base URL that cannot be used, with what is wrong in Swedish and English. */
export class BaseUrlError extends Error {}

/** This machine: localhost (with a final dot too, and its subdomains), the loopback addresses, 0.0.0.0. */
const LOCAL_HOSTS = /^(([a-z0-9-]+\.)*localhost\.?|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * Checks a base URL for a production package and returns it with a final "/": absolute, https, no user or
 * password, no query or fragment, and not this machine (which only development uses).
 */
export function productionBaseUrl(text: string): string {
  const refuse = (sv: string, en: string): never => {
    throw new BaseUrlError(`--url ${text}: ${sv}\n  (${en})`);
  };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(
      "ingen fullständig adress. Ange hela adressen, t.ex. https://server.example.se/skl/.",
      "not an absolute URL; give the whole address, e.g. https://server.example.se/skl/."
    );
  }
  if (url.protocol !== "https:") {
    refuse(
      "adressen måste börja med https:// (Office laddar bara tillägg över https).",
      "the URL must start with https:// (Office loads add-ins only over https)."
    );
  }
  if (url.search !== "" || text.includes("?")) {
    refuse("adressen får inte ha en fråga (?…).", "the URL must not carry a query (?…).");
  }
  if (url.hash !== "" || text.includes("#")) {
    refuse("adressen får inte ha ett fragment (#…).", "the URL must not carry a fragment (#…).");
  }
  if (url.username !== "" || url.password !== "") {
    refuse("adressen får inte innehålla användarnamn eller lösenord.", "the URL must not carry a user or password.");
  }
  if (LOCAL_HOSTS.test(url.hostname)) {
    refuse(
      "localhost är bara för utveckling (npm start); ange servern som användarna når.",
      "localhost is for development only (npm start); give the server the users reach."
    );
  }
  return url.pathname.endsWith("/") ? url.href : `${url.href}/`;
}

/** `https://localhost:3000/x` → `<base>x`; a URL outside the development base is a defect of the sources. */
export function rebase(url: string, base: string): string {
  if (!url.startsWith(DEV_BASE_URL)) throw new Error(`${url} is not under ${DEV_BASE_URL}`);
  return base + url.slice(DEV_BASE_URL.length);
}
