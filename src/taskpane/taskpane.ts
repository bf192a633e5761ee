/*
 * The task pane. It shares its page (and so its runtime) with the custom functions. For now it tells whether
 * it runs inside Excel and lists the functions; the workbook actions come with the workbook plan.
 */
/* global document, Office */

/** What the pane says outside Excel: in a plain browser, or in another Office application. */
const OUTSIDE_EXCEL =
  "Öppna tillägget i Excel. Den här sidan är tilläggets åtgärdsfönster och fungerar bara där " +
  "(Excel på webben, i Windows eller på Mac).";

/** What the pane says once Office has loaded it in Excel. */
const IN_EXCEL = "Tillägget är laddat. Funktionerna nedan finns nu i Excel.";

function show(inExcel: boolean): void {
  const status = document.getElementById("status");
  if (status) {
    status.textContent = inExcel ? IN_EXCEL : OUTSIDE_EXCEL;
    status.classList.toggle("status--warning", !inExcel);
  }
  const functions = document.getElementById("functions");
  if (functions) functions.hidden = !inExcel;
}

// office.js comes from Microsoft's CDN; when it could not be loaded (offline, a plain browser) there is no
// Office at all, and the page must still say what to do.
if (typeof Office === "undefined") {
  show(false);
} else {
  Office.onReady((info) => show(info.host === Office.HostType.Excel));
}
