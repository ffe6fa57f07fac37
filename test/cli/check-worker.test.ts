// `pace-qi timescales` checks a large file on a worker thread while it computes the stages
// (src/cli/checkWorker.ts). What it prints and writes must be exactly what the one-thread run
// gives: PACE_QI_CHECK_WORKER=1 puts every file on the worker, =0 none; both runs of the real
// binary are compared byte for byte, on a file with planted problems, one with an impossible
// date (the stages then stop with the same error) and a long file with a saved mapping.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, runBin, tempDir } from "./helpers.js";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url), "utf8");
const WIDE = fixture("tracker-wide.csv");
const ORDER = ["--order-type", "Order Type"];

/** Every file under `dir` (relative name → content). */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) out[join(f.parentPath, f.name).slice(dir.length + 1)] = readFileSync(join(f.parentPath, f.name), "utf8");
  }
  return out;
}

async function both(files: Record<string, string>, args: string[]): Promise<void> {
  const one = tempDir(files), two = tempDir(files);
  const a = await runBin(args, one, { PACE_QI_CHECK_WORKER: "0", PACE_QI_TIMING: "1" });
  const b = await runBin(args, two, { PACE_QI_CHECK_WORKER: "1", PACE_QI_TIMING: "1" });
  expect(a.stderr).not.toContain("worker thread");
  // The worker answered (its timing line): the comparison is of the two paths.
  expect(b.stderr).toContain("timing check (on a worker thread) and compute:");
  const untimed = (s: string): string => s.replace(/^timing .*\n/gm, "");
  expect({ code: b.code, stdout: b.stdout, stderr: untimed(b.stderr) }).toEqual({ code: a.code, stdout: a.stdout, stderr: untimed(a.stderr) });
  expect(contents(two)).toEqual(contents(one));
}

describe.skipIf(!HAVE_BIN).concurrent("pace-qi timescales: the check on a worker thread", { timeout: 60_000 }, () => {
  it("planted problems (no impossible date): the same summary, check and files", async () => {
    const fixed = WIDE.replace("31/02/2024", "28/02/2024");
    expect(fixed).not.toBe(WIDE);
    await both({ "tracker.csv": fixed }, ["timescales", "tracker.csv", "--dates", "uk", "--as-of", "31/03/2025", ...ORDER, "--group", "Team", "--after-as-of", "ignore", "--out", "t"]);
  });

  it("an impossible date: the check is printed, then the same error, and nothing is written", async () => {
    const args = ["timescales", "tracker.csv", "--dates", "uk", "--as-of", "31/03/2025", ...ORDER, "--out", "t"];
    await both({ "tracker.csv": WIDE }, args);
    const r = await runBin(args, tempDir({ "tracker.csv": WIDE }), { PACE_QI_CHECK_WORKER: "1" });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain("impossible dates");
    expect(r.stderr).toContain("31/02/2024");
  });

  it("a long file whose mapping is saved with --mapping: written once, the same", async () => {
    await both({ "long.csv": fixture("tracker-long.csv") }, ["timescales", "long.csv", "--dates", "uk", "--as-of", "31/03/2025", "--mapping", "map.json", "--unknown", "ignore", "--after-as-of", "ignore", "--out", "t"]);
  });
});
