/*
 * The Content-Security-Policy of the add-in's pages, which allows exactly what they load. Each page carries it
 * as its first element after the character set (`<meta http-equiv="Content-Security-Policy">`), so that it
 * governs every script and stylesheet the page names; a static server needs no header for it.
 *
 * - taskpane.html loads its own scripts and stylesheet and Microsoft's office.js, which loads its host scripts
 *   (excel-web-16.00.js, …) from the same place, may open its error page there in a frame, and opens its
 *   telemetry page in a hidden frame (the browser test sees office.js ask for it). Excel on the
 *   web's script sets inline styles (OfficeDev/office-js#1687: "Refused to apply inline style because it
 *   violates the following Content Security Policy directive: "style-src 'self'"), so styles may be inline;
 *   scripts never are (the pane has no inline script and no inline event handler).
 * - The help pages load one stylesheet and nothing else.
 */

/** Where office.js and its scripts come from ("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"). */
export const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * The telemetry page office.js opens in a hidden frame when it runs in Excel ("telemetryEndPoint" in its
 * o15apptofilemappingtable.js and excel-win32-16.00.js, @microsoft/office-js).
 */
export const OFFICE_TELEMETRY_ORIGIN = "https://telemetryservice.firstpartyapps.oaspapps.com";

/** The policy of taskpane.html, word for word as src/taskpane/taskpane.html carries it. */
export const TASKPANE_POLICY = [
  "default-src 'none'",
  `script-src 'self' ${OFFICE_ORIGIN}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  `connect-src 'self' ${OFFICE_ORIGIN}`,
  `frame-src ${OFFICE_ORIGIN} ${OFFICE_TELEMETRY_ORIGIN}`,
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The policy of every help page. */
export const HELP_POLICY = ["default-src 'none'", "style-src 'self'", "base-uri 'none'", "form-action 'none'"].join(
  "; "
);
