import { describe, expect, it } from "vitest";
import { bernoulliCusum, controlChart, simulateCases, stageDurations, timescaleSeries } from "../../src/index.js";

// The worked example of docs/control-charts.md ("a small authority's days to permanence
// recommendation"): the numbers the page quotes.
describe("docs/control-charts.md worked example (CUSUM, EWMA, median I chart, Bernoulli CUSUM)", () => {
  const events = simulateCases({ seed: 42, start: "2019-01-01", end: "2024-12-31", improvementFrom: "2023-01-01", children: 1500, authorities: 1 });
  const rec = stageDurations(events, "recommendation", { asOf: "2024-12-31" });
  const quarters = timescaleSeries(rec, { series: "period", period: "quarter", y: "median" }).filter((r) => r.x >= "2020-01-01" && r.y !== null && !r.partial);
  const options = { x: "x", y: "y", baseline: 8, direction: "decrease" } as const;

  it("the I chart", () => {
    const i = controlChart(quarters, options);
    expect(quarters.length).toBe(20);
    expect(i.phases[0]!.centre).toBeCloseTo(154.0625, 9);
    expect(i.points[0]!.lcl).toBeCloseTo(108.5, 1);
    expect(i.points[0]!.ucl).toBeCloseTo(199.7, 1);
    expect(i.signals.map((s) => s.start)).toEqual([17, 18]);
    expect(quarters.slice(15).map((q) => q.y)).toEqual([109.5, 110, 105, 106, 121.5]);
    expect([i.phases[0]!.longestRun, i.phases[0]!.longestRunMax, i.phases[0]!.runsSignal]).toEqual([12, 7, null]);
    const anhoej = controlChart(quarters, { ...options, rules: "anhoej" });
    expect(anhoej.signals.filter((s) => s.rule === "long-run").map((s) => quarters[s.start]!.x)).toEqual(["2022-01-01"]);
    const ihi = controlChart(quarters, { ...options, rules: "ihi" });
    expect(ihi.signals.filter((s) => s.rule === "shift").map((s) => [quarters[s.start]!.x, s.points.length])).toEqual([["2022-01-01", 12]]);
  });
  it("the CUSUM and the EWMA", () => {
    const cusum = controlChart(quarters, { ...options, type: "cusum", decisionInterval: 4 });
    expect(cusum.phases[0]!.sigma).toBeCloseTo(15.20, 2);
    expect(cusum.signals.map((s) => s.message)).toEqual([
      "At Oct 2023 the lower CUSUM (-6.03) is beyond the decision interval -4 (and stays beyond it to Oct 2024): a sustained shift down, an improvement.",
    ]);
    const ewma = controlChart(quarters, { ...options, type: "ewma", lambda: 0.2 });
    expect(ewma.signals.map((s) => s.message)).toEqual([
      "At Oct 2023 the EWMA (136.2) is below the lower control limit 138.9 (and stays beyond it to Oct 2024): a sustained shift down, an improvement.",
    ]);
  });
  it("case by case: the median I chart and the Bernoulli CUSUM", () => {
    const byCase = timescaleSeries(rec);
    expect(byCase.length).toBe(979);
    expect([rec.rows.filter((r) => r.to === "permanence-recommendation").length, rec.rows.filter((r) => r.to === "returned-home").length]).toEqual([930, 49]);
    const im = controlChart(byCase, { type: "i-median-mr", x: "index", y: "y", baseline: 300 });
    expect([im.phases[0]!.centre, im.phases[0]!.averageMovingRange]).toEqual([149, 54.5]);
    expect(im.points[0]!.ucl).toBeCloseTo(320.4, 1);
    const i = controlChart(byCase, { type: "i", x: "index", y: "y", baseline: 300 });
    expect(i.phases[0]!.centre).toBeCloseTo(155.0, 1);
    expect(i.points[0]!.ucl).toBeCloseTo(347.0, 1);
    const b = bernoulliCusum(byCase.map((r) => (r.withinTarget ? 0 : 1)), { target: 300 });
    expect([b.p0, b.p1, b.p2].map((p) => Math.round(p * 1000) / 1000)).toEqual([0.313, 0.477, 0.186]);
    expect(b.signals.map((s) => [s.index + 1, s.side])).toEqual([[21, "lower"], [210, "upper"], [617, "upper"], [906, "lower"], [943, "lower"]]);
  });
});
