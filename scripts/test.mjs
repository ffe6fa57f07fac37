#!/usr/bin/env node
/**
 * `npm test`: every test, once, on a fresh clone.
 *
 * 1. Builds `dist/` first when it is missing or older than `src/` (the CLI, example and browser
 *    tests run the built package; they fail rather than skip when it is missing).
 * 2. Runs the whole suite under TZ=UTC.
 * 3. Runs the date-dependent test files again under TZ=America/Los_Angeles and TZ=Pacific/Auckland
 *    (calendar dates must be the same in every zone). A file is date-dependent when it mentions
 *    dates (a `Date`, an ISO day, the calendar or timescale code, TZ); a file that mentions them
 *    but does not depend on the zone says so in its first 20 lines with a comment
 *    `tz-independent: <reason>`.
 * Extra arguments are passed to each vitest run (e.g. `npm test -- test/timescales`).
 * When Chromium is missing the browser test cannot run: said in a banner at the end.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ZONES = ["America/Los_Angeles", "Pacific/Auckland"];
const DATED = /\bDate\b|\d{4}-\d{2}-\d{2}|calendar|timescale|simulateCases|\bTZ\b/;
const args = process.argv.slice(2);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function newest(dir) {
  return Math.max(...files(dir).map((f) => statSync(f).mtimeMs));
}

function needsBuild() {
  const built = join(ROOT, "dist/index.js");
  if (!existsSync(built) || !existsSync(join(ROOT, "dist/cli/index.js"))) return true;
  const stamp = statSync(built).mtimeMs;
  return newest(join(ROOT, "src")) > stamp || statSync(join(ROOT, "tsup.config.ts")).mtimeMs > stamp;
}

function run(cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function datedFiles() {
  return files(join(ROOT, "test"))
    .filter((f) => f.endsWith(".test.ts"))
    .filter((f) => {
      const text = readFileSync(f, "utf8");
      const head = text.split("\n", 20).join("\n");
      return DATED.test(text) && !/tz-independent:/.test(head);
    })
    .map((f) => relative(ROOT, f));
}

if (needsBuild()) {
  console.log("npm test: dist/ is missing or older than src/ — building first");
  if (run("npm", ["run", "build", "--silent"]) !== 0) process.exit(1);
}

const env = { PACE_QI_REQUIRE_BUILD: "1" };
const vitest = join(ROOT, "node_modules/vitest/vitest.mjs");
let status = run(process.execPath, [vitest, "run", ...args], { ...env, TZ: "UTC" });
const dated = datedFiles();
const chosen = args.length === 0 ? dated : args;
for (const zone of ZONES) {
  const what = args.length === 0 ? `${dated.length} date-dependent test files` : args.join(" ");
  console.log(`\nnpm test: ${what} again under TZ=${zone}`);
  const code = run(process.execPath, [vitest, "run", ...chosen], { ...env, TZ: zone });
  status = status || code;
}
if (!existsSync("/usr/bin/chromium")) {
  const line = "=".repeat(78);
  console.log(`\n${line}\n  BROWSER TESTS DID NOT RUN: /usr/bin/chromium is missing (apt-get install chromium).\n${line}`);
}
process.exit(status);
