/*
 * `npm start`'s own server follows the rule the deployment guide gives a production server: icons without any
 * Cache-Control (Office shows a generic image for icons sent with cache directives), everything else revalidated.
 */
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const start = require("../../scripts/start.js") as {
  DIST: string;
  headersFor(file: string): Record<string, string>;
};

describe("npm start's server", () => {
  it("sends the icons without Cache-Control", () => {
    const headers = start.headersFor(path.join(start.DIST, "assets", "icon-32.png"));
    expect(headers["Content-Type"]).toBe("image/png");
    expect(Object.keys(headers).map((h) => h.toLowerCase())).not.toContain("cache-control");
  });

  it("sends the pages, scripts and metadata to be revalidated, never no-store", () => {
    for (const file of ["taskpane.html", "engine.js", "functions-sv.json", "help/index.html"]) {
      const headers = start.headersFor(path.join(start.DIST, file));
      expect({ file, cache: headers["Cache-Control"] }).toEqual({ file, cache: "no-cache" });
    }
    expect(start.headersFor(path.join(start.DIST, "functions.json"))["Access-Control-Allow-Origin"]).toBe("*");
  });
});
