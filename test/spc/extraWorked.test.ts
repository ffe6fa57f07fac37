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
    expect(i.phases[0]!.centre).toBeCloseTo(156.0625, 9);
    expect(i.points[0]!.lcl).toBeCloseTo(111.8, 1);
    expect(i.points[0]!.ucl).toBeCloseTo(200.3, 1);
    expect(i.signals.map((s) => s.start)).toEqual([16, 17, 18]);
  });
  it("the CUSUM and the EWMA", () => {
    const cusum = controlChart(quarters, { ...options, type: "cusum", decisionInterval: 4 });
    expect(cusum.phases[0]!.sigma).toBeCloseTo(14.75, 2);
    expect(cusum.signals.map((s) => s.message)).toEqual([
      "At Jan 2024 the lower CUSUM (-5.23) is beyond the decision interval −4 (and stays beyond it to Oct 2024): a sustained shift down, an improvement.",
    ]);
    const ewma = controlChart(quarters, { ...options, type: "ewma", lambda: 0.2 });
    expect(ewma.signals.map((s) => s.message)).toEqual([
      "At Jan 2024 the EWMA (137.5) is below the lower control limit 141.3 (and stays beyond it to Oct 2024): a sustained shift down, an improvement.",
    ]);
  });
  it("case by case: the median I chart and the Bernoulli CUSUM", () => {
    const byCase = timescaleSeries(rec);
    expect(byCase.length).toBe(979);
    const im = controlChart(byCase, { type: "i-median-mr", x: "index", y: "y", baseline: 300 });
    expect([im.phases[0]!.centre, im.phases[0]!.averageMovingRange]).toEqual([150.5, 59]);
    expect(im.points[0]!.ucl).toBeCloseTo(336.0, 1);
    const i = controlChart(byCase, { type: "i", x: "index", y: "y", baseline: 300 });
    expect(i.phases[0]!.centre).toBeCloseTo(157.7, 1);
    expect(i.points[0]!.ucl).toBeCloseTo(355.4, 1);
    const b = bernoulliCusum(byCase.map((r) => (r.withinTarget ? 0 : 1)), { target: 300 });
    expect([b.p0, b.p1, b.p2].map((p) => Math.round(p * 1000) / 1000)).toEqual([0.327, 0.492, 0.195]);
    expect(b.signals.map((s) => [s.index + 1, s.side])).toEqual([[20, "lower"], [208, "upper"], [600, "upper"], [901, "lower"], [941, "lower"]]);
  });
});
