import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HAVE_BIN } from "./helpers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HAVE_LIB = HAVE_BIN && existsSync(`${ROOT}dist/index.cjs`);

/** The runnable examples import "pace-qi" itself (package self-reference), so they need the build. */
describe.skipIf(!HAVE_LIB).concurrent("examples run against the built package", { timeout: 120_000 }, () => {
  it.each([
    ["examples/timescales.mjs", "Kaplan–Meier median"],
    ["examples/control-chart.cjs", "p chart: centre"],
    ["examples/board-report.mjs", "Change ideas:"],
    ["examples/funnel-plot.mjs", "Above the 99.8 % limits: Fife (91.4), Highland (93.9). Below the 95 % limits only: Aberdeen City (63.8)."],
  ])("node %s", async (file, expected) => {
    const out = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(process.execPath, [file], { cwd: ROOT }, (err, stdout, stderr) => done({ code: err === null ? 0 : 1, stdout, stderr })),
    );
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(expected);
  });
});
