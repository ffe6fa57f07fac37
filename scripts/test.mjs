#!/usr/bin/env node
/**
 * `npm test`: every test, once, on a fresh clone.
 *
 * 1. Builds `dist/` first when it is missing or older than `src/` (the CLI, example and browser
 *    tests run the built package; they fail rather than skip when it is missing).
 * 2. Runs the whole suite under TZ=UTC, with a worker per core (vitest's default leaves one core
 *    idle on a 2-core machine), and at the same time the date-dependent test files again under
 *    TZ=America/Los_Angeles and TZ=Pacific/Auckland (calendar dates must be the same in every
 *    zone), one worker each; their output is shown when the UTC run is done. Running the three
 *    at once keeps both cores busy to the end (README: measured against one after the other). A file is date-dependent when it mentions dates (a `Date`, an ISO day, the
 *    calendar or timescale code, TZ); a file that mentions them but does not depend on the zone
 *    says so in its first 20 lines with a comment `tz-independent: <reason>`. In these reruns
 *    (PACE_QI_TZ_RERUN=1) a test marked `zoneFree` (it reads no date: a 100,000-row scale test)
 *    is skipped and fast-check properties run a fifth of their cases (test/_shared/zone.ts);
 *    under UTC everything runs in full.
 * The CLI tests (test/cli/) call the built CLI's `main` in-process (test/cli/helpers.ts `run`);
 * starting `node dist/cli/index.js` for each of their ~180 cases, in every zone, was half the
 * suite's time. A few still start the binary (`runBin`).
 * Extra arguments are passed to each vitest run (e.g. `npm test -- test/timescales`).
 * When Chromium is missing the browser test cannot run: said in a banner at the end.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
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

/** Run a command with its output buffered; resolves to { code, output }. */
function runBuffered(cmd, cmdArgs, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, env: { ...process.env, ...env, FORCE_COLOR: process.stdout.isTTY ? "1" : "0" } });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    child.on("close", (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString() }));
  });
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
const started = Date.now();
const workers = String(Math.max(1, availableParallelism()));
const dated = datedFiles();
const chosen = args.length === 0 ? dated : args;
const what = args.length === 0 ? `${dated.length} date-dependent test files` : args.join(" ");
console.log(`npm test: the suite under TZ=UTC; ${what} again under ${ZONES.map((z) => `TZ=${z}`).join(" and ")} at the same time…`);
const reruns = ZONES.map((zone) => runBuffered(process.execPath, [vitest, "run", "--maxWorkers", "1", ...chosen], { ...env, TZ: zone, PACE_QI_TZ_RERUN: "1" }));
let status = await new Promise((done) => {
  const child = spawn(process.execPath, [vitest, "run", "--maxWorkers", workers, ...args], { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env, TZ: "UTC" } });
  child.on("close", (code) => done(code ?? 1));
});
(await Promise.all(reruns)).forEach((r, k) => {
  console.log(`\nnpm test: under TZ=${ZONES[k]}\n${r.output}`);
  status = status || r.code;
});
console.log(`npm test: ${Math.round((Date.now() - started) / 1000)} s for the three zones`);
if (!existsSync("/usr/bin/chromium")) {
  const line = "=".repeat(78);
  console.log(`\n${line}\n  BROWSER TESTS DID NOT RUN: /usr/bin/chromium is missing (apt-get install chromium).\n${line}`);
}
process.exit(status);
