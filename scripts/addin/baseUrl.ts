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

/** This machine by name or IPv4: localhost (with a final dot too, and its subdomains), 127.0.0.0/8, 0.0.0.0. */
const LOCAL_HOSTS = /^(([a-z0-9-]+\.)*localhost(\.localdomain)?\.?|127(\.\d+){3}|0\.0\.0\.0)$/i;

/**
 * The longest a base URL may be: every URL in the manifest is at most 2 048 characters (the schema's maxLength,
 * OfficeAppManifestV1_1.xsd, type URL), and the base is followed there by a file's path of up to 100 characters.
 */
export const MAX_BASE_URL = 2048 - 100;

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it ("[::ffff:7f00:1]"), or undefined. */
function ipv6Groups(hostname: string): number[] | undefined {
  if (!hostname.startsWith("[") || !hostname.endsWith("]")) return undefined;
  const [head, tail] = hostname.slice(1, -1).split("::");
  const part = (text: string | undefined) => (text ? text.split(":").map((g) => parseInt(g, 16)) : []);
  const [before, after] = [part(head), part(tail)];
  if (tail === undefined) return before;
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/** This machine by IPv6: ::1, ::, and an IPv4 address of this machine written in IPv6 (::ffff:127.0.0.1). */
function isLocalIpv6(hostname: string): boolean {
  const groups = ipv6Groups(hostname);
  if (groups === undefined) return false;
  const zeros = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (zeros(7) && groups[7] <= 1) return true;
  if (zeros(5) && (groups[5] === 0xffff || groups[5] === 0)) {
    const ipv4 = `${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.${groups[7] & 0xff}`;
    return LOCAL_HOSTS.test(ipv4);
  }
  return false;
}

/** A base URL, and what was done to the address as it was typed (a "/" added, the host in lower case, …). */
export interface BaseUrl {
  readonly base: string;
  /** Each change to the address as typed, in Swedish, for the user to see. */
  readonly notes: readonly string[];
}

/** The path as typed: after the host, before a query or fragment (which are refused anyway). */
function typedPath(text: string): string {
  const afterScheme = text.replace(/^[a-z][a-z0-9+.-]*:[/\\]*/i, "");
  const slash = afterScheme.search(/[/\\]/);
  return slash < 0 ? "" : afterScheme.slice(slash).replace(/[?#][\s\S]*$/, "");
}

/**
 * Checks a base URL for a production package and returns it with a final "/": absolute, https, no user or
 * password, no query or fragment, not this machine (which only development uses), no port 0, and a path that
 * browsers keep as it is: no "." or ".." segments (also written %2e), no backslash, no encoded "/" or stray "%",
 * and no file name at the end. What the URL parser changes otherwise (a final "/", the host in lower case, a
 * space as %20, a name in IDNA form) is said in `notes`.
 */
export function readBaseUrl(text: string): BaseUrl {
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
  if (LOCAL_HOSTS.test(url.hostname) || isLocalIpv6(url.hostname)) {
    refuse(
      "adressen pekar på den här datorn (localhost, 127.0.0.1, ::1), som bara är för utveckling (npm start); ange servern som användarna når.",
      "the URL names this machine (localhost, 127.0.0.1, ::1), which is for development only (npm start); give the server the users reach."
    );
  }
  if (url.port === "0")
    refuse("port 0 är ingen port som en server svarar på.", "port 0 is no port a server answers on.");
  if (text.includes("\\")) {
    refuse(
      "adressen har ett omvänt snedstreck (\\); skriv / mellan katalogerna.",
      "the URL has a backslash (\\); write / between folders."
    );
  }
  const typed = typedPath(text);
  if (typed.split("/").some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) {
    refuse(
      `sökvägen har "." eller ".." (också skrivet %2e), som webbläsaren tar bort: adressen skulle bli ${url.href}. Ange katalogen utan dem.`,
      `the path has a "." or ".." segment (also written %2e), which browsers remove: the URL would become ${url.href}. Give the folder without it.`
    );
  }
  if (/%(?![0-9a-f]{2})|%2f|%5c/i.test(typed)) {
    refuse(
      "sökvägen har ett %-tecken som inte är en giltig kod, eller ett kodat snedstreck (%2F, %5C), som servrar tolkar olika.",
      "the path has a % that is no valid escape, or an encoded slash (%2F, %5C), which servers read differently."
    );
  }
  if (/[[\]]/.test(url.pathname)) {
    refuse(
      "sökvägen har [ eller ], som en adress i manifestet inte får ha (Microsofts schema); skriv dem som %5B och %5D.",
      "the path has [ or ], which a URL in the manifest must not have (Microsoft's schema); write them as %5B and %5D."
    );
  }
  if (url.href.length > MAX_BASE_URL) {
    refuse(
      `adressen har ${url.href.length} tecken; den får ha högst ${MAX_BASE_URL}, så att varje adress i manifestet (adressen och en fil) ryms i schemats 2 048 tecken.`,
      `the URL has ${url.href.length} characters; it may have at most ${MAX_BASE_URL}, so that every URL in the manifest (the base and a file) fits the schema's 2 048.`
    );
  }
  const last = url.pathname.split("/").pop() ?? "";
  if (/\.[a-z0-9]{1,5}$/i.test(last)) {
    const folder = url.href.slice(0, url.href.length - last.length);
    refuse(
      `adressen slutar på en fil (${last}); ange katalogen som paketet ska ligga i, t.ex. ${folder}.`,
      `the URL ends in a file (${last}); give the folder the package is served from, e.g. ${folder}.`
    );
  }
  const base = url.pathname.endsWith("/") ? url.href : `${url.href}/`;
  const notes: string[] = [];
  if (text !== text.trim()) notes.push("--url hade mellanslag före eller efter adressen; de togs bort.");
  text = text.trim();
  if (!text.endsWith("/")) notes.push(`--url saknade det avslutande "/": paketet byggs för katalogen ${base}.`);
  if (url.href.replace(/\/?$/, "/") !== text.replace(/\/?$/, "/")) {
    notes.push(`--url skrivs som ${base}, så som webbläsare och Office skriver adressen.`);
  }
  return { base, notes };
}

/** The checked base URL (see {@link readBaseUrl}), ending in "/". */
export function productionBaseUrl(text: string): string {
  return readBaseUrl(text).base;
}

/** `https://localhost:3000/x` → `<base>x`; a URL outside the development base is a defect of the sources. */
export function rebase(url: string, base: string): string {
  if (!url.startsWith(DEV_BASE_URL)) throw new Error(`${url} is not under ${DEV_BASE_URL}`);
  return base + url.slice(DEV_BASE_URL.length);
}
