import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HAVE_BIN, listing, run, tempDir, type Run } from "./helpers.js";

interface Signal {
  rule: string;
  side?: string;
  start: number;
  assessment: string;
}
interface Chart {
  points: { x: string }[];
  signals: Signal[];
}

const IMPROVEMENT_FROM = "2024-06-01";

/** The signals of the injected improvement: a shift on the better side starting after the change. */
function improvementShifts(chart: Chart, side: "above" | "below"): Signal[] {
  return chart.signals.filter((s) => s.rule === "shift" && s.side === side && s.assessment === "improvement" && chart.points[s.start]!.x >= IMPROVEMENT_FROM);
}

describe.skipIf(!HAVE_BIN)("pace-qi demo", { timeout: 60_000 }, () => {
  let dir: string;
  let r: Run;
  beforeAll(async () => {
    dir = tempDir();
    r = await run(["demo", "--out", "demo-out"], dir);
  }, 60_000);

  it("writes the report, the data and the charts, and says where they are", () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const files = listing(join(dir, "demo-out"));
    for (const f of ["report.html", "project.json", "analysis.json", "cases.csv", "durations.csv", "drift.csv", "series.json", "km.json", "charts.json", "recommendation.svg", "measure-m-26-weeks.svg"]) {
      expect(files).toContain(f);
    }
    expect(readFileSync(join(dir, "demo-out", "report.html"), "utf8").toLowerCase().startsWith("<!doctype html>")).toBe(true);
    expect(readFileSync(join(dir, "demo-out", "recommendation.svg"), "utf8").startsWith("<svg")).toBe(true);
    expect(readFileSync(join(dir, "demo-out", "cases.csv"), "utf8").split("\n")[0]).toBe("child,milestone,date,authority");
    expect(r.stdout).toContain("demo-out/report.html");
  });

  it("the headline measure (% within 26 weeks) shows the injected improvement as a shift above", () => {
    const analysis = JSON.parse(readFileSync(join(dir, "demo-out", "analysis.json"), "utf8")) as Record<string, Chart>;
    const chart = analysis["m-26-weeks"]!;
    const shifts = improvementShifts(chart, "above");
    expect(shifts.length).toBeGreaterThan(0);
    // It starts within three months of the change (cohorts by month of accommodation).
    expect(chart.points[shifts[0]!.start]!.x < "2024-09-01").toBe(true);
  });

  it("the timescale measure (median days) shows it as a shift below", () => {
    const analysis = JSON.parse(readFileSync(join(dir, "demo-out", "analysis.json"), "utf8")) as Record<string, Chart>;
    expect(improvementShifts(analysis["m-recommendation-days"]!, "below").length).toBeGreaterThan(0);
    const charts = JSON.parse(readFileSync(join(dir, "demo-out", "charts.json"), "utf8")) as { stages: Record<string, Chart> };
    expect(improvementShifts(charts.stages.recommendation!, "below").length).toBeGreaterThan(0);
  });

  it("the project it writes is a valid input to `report`, and the cases to `timescales`", async () => {
    const again = await run(["report", join("demo-out", "project.json"), "--out", "again.html"], dir);
    expect(again.code).toBe(0);
    const ts = await run(["timescales", join("demo-out", "cases.csv"), "--as-of", "2025-12-31", "--stage", "recommendation", "--out", "ts"], dir);
    expect(ts.code).toBe(0);
    // The latest signal of the improvement from June 2024 (a trend since the stage also ends at a
    // return home, issue #11).
    expect(ts.stdout).toMatch(/recommendation .* (shift below|trend down) from 2024-(0[6-9]|1[0-2]) \(improvement\)/);
  }, 60_000);

  it("--seed changes the data; a bad --seed is a usage error", async () => {
    const bad = await run(["demo", "--seed", "x"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe("pace-qi demo: --seed 'x' must be a whole number ≥ 0");
  });
});
