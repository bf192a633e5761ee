/*
 * The first module of functions.js. office.js defines CustomFunctions as soon as it has loaded (in Excel or in a
 * plain browser). Only when it could not be loaded at all (offline, outside Office) does this give the
 * CustomFunctions.associate calls that the build appends to functions.js a harmless target, so that the page
 * still opens without a script error. It is a module rather than a script in taskpane.html, whose
 * Content-Security-Policy allows no inline script.
 */
const scope = globalThis as { CustomFunctions?: unknown };
if (typeof scope.CustomFunctions === "undefined") {
  scope.CustomFunctions = { associate: () => undefined };
}

export {};
