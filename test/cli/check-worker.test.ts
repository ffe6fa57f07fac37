// `pace-qi timescales` checks a large file on a worker thread while it computes the stages
// (src/cli/checkWorker.ts). What it prints and writes must be exactly what the one-thread run
// gives: PACE_QI_CHECK_WORKER=1 puts every file on the worker, =0 none; both runs of the real
// binary are compared byte for byte, on a file with planted problems, one with an impossible
// date (the stages then stop with the same error) and a long file with a saved mapping.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, runBin, tempDir } from "./helpers.js";
import { writeXlsx, type XCell } from "./xlsxFixture.js";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url), "utf8");
const WIDE = fixture("tracker-wide.csv");
const ORDER = ["--order-type", "Order Type"];
/**
 * The clean rows and the planted problems the stages go on after (a milestone after the
 * extract date, a later milestone with an earlier one missing); the other planted problems stop
 * the stages (test/cli/check.test.ts).
 */
const PLANTED = WIDE.split("\n").filter((l, k) => k === 0 || /^(C|E04,|E05,)/.test(l)).join("\n");

/** Every file under `dir` (relative name → content). */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) out[join(f.parentPath, f.name).slice(dir.length + 1)] = readFileSync(join(f.parentPath, f.name), "utf8");
  }
  return out;
}

/** Run `args` both ways in fresh copies of `files`; resolves to the worker's run. */
async function both(files: Record<string, string>, args: string[], prepare: (dir: string) => void = () => {}): Promise<{ code: number; stdout: string }> {
  const one = tempDir(files), two = tempDir(files);
  prepare(one);
  prepare(two);
  const a = await runBin(args, one, { PACE_QI_CHECK_WORKER: "0", PACE_QI_TIMING: "1" });
  const b = await runBin(args, two, { PACE_QI_CHECK_WORKER: "1", PACE_QI_TIMING: "1" });
  expect(a.stderr).not.toContain("worker thread");
  // The worker answered (its timing line): the comparison is of the two paths.
  expect(b.stderr).toContain("timing check (on a worker thread) and compute:");
  const untimed = (s: string): string => s.replace(/^timing .*\n/gm, "");
  expect({ code: b.code, stdout: b.stdout, stderr: untimed(b.stderr) }).toEqual({ code: a.code, stdout: a.stdout, stderr: untimed(a.stderr) });
  expect(contents(two)).toEqual(contents(one));
  return b;
}

describe.skipIf(!HAVE_BIN).concurrent("pace-qi timescales: the check on a worker thread", { timeout: 60_000 }, () => {
  it("planted problems the stages go on after: the same summary, check and files", async () => {
    const r = await both({ "tracker.csv": PLANTED }, ["timescales", "tracker.csv", "--dates", "uk", "--as-of", "31/03/2025", ...ORDER, "--group", "Team", "--after-as-of", "ignore", "--out", "t"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 problems:");
    expect(r.stdout).toContain("later milestones with an earlier one missing");
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
    const long = fixture("tracker-long.csv").split("\n").filter((l) => !l.startsWith(",")).join("\n"); // no row without a child
    const r = await both({ "long.csv": long }, ["timescales", "long.csv", "--dates", "uk", "--as-of", "31/03/2025", "--mapping", "map.json", "--unknown", "ignore", "--after-as-of", "ignore", "--out", "t"]);
    expect(r.code).toBe(0);
  });

  it("an .xlsx workbook (dates as date cells): the worker reads the sheet the same way", async () => {
    const rows = parse(PLANTED, { relax_column_count: true }) as string[][];
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
    const cells: XCell[][] = rows.map((r, k) => r.map((v) => {
      const m = k === 0 ? null : uk.exec(v);
      return m === null ? (v === "" ? null : v) : { date: `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` };
    }));
    const r = await both({}, ["timescales", "tracker.xlsx", "--as-of", "2025-03-31", ...ORDER, "--group", "Team", "--after-as-of", "ignore", "--out", "t"], (dir) => writeXlsx(join(dir, "tracker.xlsx"), [{ name: "Tracker", rows: cells }]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Data check of tracker.xlsx");
  });
});
