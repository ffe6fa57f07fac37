/**
 * The browser bundle is in package.json's exports as "pace-qi/browser" (user trial 16: importing
 * "pace-qi/dist/browser/pace-qi.js" from a bundler or Node gave ERR_PACKAGE_PATH_NOT_EXPORTED).
 * `import` gets the single-file ESM bundle with the package's types; `require` (the bundle is an
 * ES module) gets the CommonJS build, the same public API; node10 type resolution goes through
 * typesVersions. `npm run lint:package` (publint --strict, attw --pack) checks the map; this test
 * resolves it as a user's Node does. The import needs `npm run build` first (skipped without it).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const BUILT = existsSync(join(ROOT, "dist/browser/pace-qi.js")) && existsSync(join(ROOT, "dist/index.cjs"));

/** Run a script with Node in the package's directory, where "pace-qi" resolves to the package itself (self-reference through exports). */
function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" }).trim();
}

describe("pace-qi/browser in package.json's exports", () => {
  it("maps import to dist/browser/pace-qi.js, require to the CommonJS build, each with types", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, unknown>; typesVersions: unknown };
    expect(pkg.exports["./browser"]).toEqual({
      import: { types: "./dist/index.d.ts", default: "./dist/browser/pace-qi.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
    });
    expect(pkg.typesVersions).toEqual({ "*": { browser: ["./dist/index.d.cts"] } });
  });
  it.skipIf(!BUILT)("resolves and imports from Node: the bundle, with the public API", () => {
    const script = 'const m = await import("pace-qi/browser"); console.log(import.meta.resolve("pace-qi/browser").replace(/^.*\\/dist\\//, "dist/"), typeof m.runChart, typeof m.funnelPlot, typeof m.findTotalRows)';
    expect(node(["--input-type=module", "-e", script])).toBe("dist/browser/pace-qi.js function function function");
    expect(node(["-e", 'const m = require("pace-qi/browser"); console.log(require.resolve("pace-qi/browser").replace(/^.*\\/dist\\//, "dist/"), typeof m.runChart)'])).toBe("dist/index.cjs function");
  });
});
