import { describe, expect, it } from "vitest";
import { kaplanMeier, runChart, simulateCases, stageDurations, timescaleSeries } from "../../src/index.js";

describe("timescales feed run charts", () => {
  it("a simulated improvement shows as a shift below the baseline median", () => {
    const events = simulateCases({ seed: 1, start: "2016-01-01", end: "2020-12-31", improvementFrom: "2018-06-01", improvementFactor: 0.6 });
    const durations = stageDurations(events, "recommendation", { asOf: "2020-12-31" });
    expect(durations.counts.inStage).toBe(durations.counts.completed + durations.counts.censored);
    // Monthly medians from 2017 on (the first year only completes short stays: a start-up bias).
    const series = timescaleSeries(durations, { series: "period", period: "month" }).filter((r) => r.x >= "2017-01-01");
    const chart = runChart(series, { x: "x", y: "y", direction: "decrease", baseline: 17 });
    const last = chart.signals.filter((s) => s.rule === "shift").at(-1)!;
    expect(last.side).toBe("below");
    expect(last.assessment).toBe("improvement");
    expect(series[last.start]!.x >= "2018-06-01").toBe(true);
    const km = kaplanMeier(durations.rows);
    expect(km.median).not.toBeNull();
  });
});
