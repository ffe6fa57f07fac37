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

  it("every chart's centre is its baseline, so no signal with a direction starts before the change", () => {
    const analysis = JSON.parse(readFileSync(join(dir, "demo-out", "analysis.json"), "utf8")) as Record<string, Chart & { phases: { centre: number; baselineEnd: number }[] }>;
    for (const id of ["m-26-weeks", "m-recommendation-days"]) {
      const chart = analysis[id]!;
      const early = chart.signals.filter((s) => s.assessment !== "neutral" && chart.points[s.start]!.x < "2024-04-01");
      expect(early, id).toEqual([]);
      // The baseline ends before the change.
      expect(chart.points[chart.phases[0]!.baselineEnd]!.x < IMPROVEMENT_FROM).toBe(true);
    }
    expect(analysis["m-26-weeks"]!.points[0]!.x).toBe("2023-01-01");
    expect(analysis["m-26-weeks"]!.points[analysis["m-26-weeks"]!.phases[0]!.baselineEnd]!.x).toBe("2024-05-01");
  });

  it("the report says what the data are: the aim's baseline is the chart's, the definition is how the series is built", () => {
    const html = readFileSync(join(dir, "demo-out", "report.html"), "utf8");
    const analysis = JSON.parse(readFileSync(join(dir, "demo-out", "analysis.json"), "utf8")) as Record<string, { phases: { centre: number }[] }>;
    const centre = analysis["m-26-weeks"]!.phases[0]!.centre;
    expect(html).toContain(`(baseline about ${Math.round(centre)}%, January 2023 to May 2024)`);
    expect(html).toContain(`from about ${Math.round(centre)}% (the median of January 2023 to May 2024) to 80%`);
    expect(html).not.toContain("about 40%");
    expect(html).toContain("<dt>Denominator</dt><dd>children accommodated in the month (all of them");
    // The PDSA log names cycles by title; fidelity follows the charts; the footer names only what was used.
    const log = html.slice(html.indexOf('<section class="pdsa">'));
    expect(log).not.toMatch(/<td>\d+\. pdsa-/);
    expect(html).not.toContain("no measure linked");
    const footer = /<footer>(.*)<\/footer>/.exec(html)![1]!;
    expect(footer).not.toMatch(/control chart|Shewhart|Anhøj/i);
    // The driver diagram's dashed links have a key.
    expect(html).toContain("contributes to (weak link)");
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

describe.skipIf(!HAVE_BIN)("README's library snippet", { timeout: 60_000 }, () => {
  it("reports its signals where the simulated change is (2023): none lies wholly in the year before", async () => {
    const built = "../../dist/index.js"; // a variable: the type check runs before the build
    const lib = (await import(built)) as typeof import("../../src/index.js");
    const events = lib.simulateCases({ seed: 1, start: "2019-01-01", end: "2024-12-31", improvementFrom: "2023-01-01" });
    const durations = lib.stageDurations(events, "recommendation", { asOf: "2024-12-31" });
    const monthly = lib.timescaleSeries(durations, { series: "period", period: "month" }).filter((r) => r.x >= "2022-01-01");
    const chart = lib.runChart(monthly, { x: "x", y: "y", direction: "decrease", baseline: "2022-12-01" });
    const text = lib.summariseRunChart(chart);
    expect(text).toContain("Phase 1 (points 1–36): median 146,");
    expect(text).toContain("23 points below the median from Feb 2023 to Dec 2024: a shift, an improvement.");
    const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
    expect(readme).toContain('baseline: "2022-12-01"');
    expect(readme).toContain("23 points below the median from Feb 2023 to Dec 2024: a shift, an improvement.");
    expect(readme).toContain("median 146,");
    // Since exits end the recommendation stage (issue #11) a trend starts in Dec 2022, the last month before the change, and runs into it: every signal must reach the change.
    const before = chart.signals.filter((s) => s.assessment !== "neutral" && String(chart.points[s.end]!.x) < "2023-01-01");
    expect(before).toEqual([]);
  });
});

describe.skipIf(!HAVE_BIN)("docs/cli.md's demo output", { timeout: 60_000 }, () => {
  it("is what the demo prints", async () => {
    const dir = tempDir();
    const r = await run(["demo", "--out", "o"], dir);
    const docs = readFileSync(join(import.meta.dirname, "../../docs/cli.md"), "utf8");
    for (const line of r.stdout.split("\n").filter((l) => l.startsWith("- Children with a permanence recommendation") || l.startsWith("- Days from accommodation"))) {
      expect(docs).toContain(line);
    }
  });
});
