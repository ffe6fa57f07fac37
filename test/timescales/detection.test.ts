/**
 * Issue #4: "An improvement injected by the generator is detected as a shift on the by-case run
 * chart and on the monthly median series; with no improvement injected, no shift is reported
 * (fixed seeds)."
 *
 * The construction (the same for the improvement and the control, which differs only in having
 * no `improvementFrom` — same seed, same children, same random draws):
 * - simulate 2015–2022 (3,600 children a year), stage `recommendation`, asOf 2022-12-31;
 * - steady-state window: points from 2018 on. The simulation starts empty in 2015, so in its first
 *   two years only short stays can have completed (start-up bias: the completion medians rise
 *   while the longest stays, up to ~2 years, catch up). A real export has children already in
 *   care; three years in, the simulated one is in steady state;
 * - baseline: the points before the improvement date (2020-01-01), frozen and extended;
 * - direction "decrease"; the shift rule's length scales with the number of points as Anhøj's
 *   longest-run rule, round(log2(n)) + 3 (Anhøj & Olesen 2014, PLoS One 9(11):e113825), i.e. a
 *   shift is a run of round(log2(n)) + 4 or more. The fixed 6-point rule is meant for 20–30
 *   points; over ~60 monthly points or hundreds of cases it fires by chance in most no-change
 *   series (see docs/timescales.md, "Detecting an improvement").
 * - monthly series: median days by month of completion, all Scotland (60 months);
 * - by-case series: one authority (Fife, ~850 completions in the window), in order of completion.
 */
import { describe, expect, it } from "vitest";
import { runChart, simulateCases, stageDurations, timescaleSeries, type RunChart } from "../../src/index.js";

const IMPROVEMENT = "2020-01-01";
const FROM = "2018-01-01";
const shiftLength = (n: number) => Math.round(Math.log2(n)) + 4;

function shifts(points: readonly { x: unknown; y: number | null }[], baseline: number): RunChart["signals"] {
  const chart = runChart(points, { x: "x", y: "y", direction: "decrease", baseline, rules: { shift: { length: shiftLength(points.length) } } });
  return chart.signals.filter((s) => s.rule === "shift");
}

function analyse(seed: number, improvementFrom: string | undefined) {
  const events = simulateCases({ seed, start: "2015-01-01", end: "2022-12-31", ...(improvementFrom !== undefined ? { improvementFrom } : {}) });
  const d = stageDurations(events, "recommendation", { asOf: "2022-12-31", group: "authority" });
  const monthly = timescaleSeries(d, { series: "period", period: "month" }).filter((r) => r.x >= FROM && !r.partial);
  const monthlyBaseline = monthly.filter((r) => r.x < IMPROVEMENT).length;
  const fife = timescaleSeries(d.rows.filter((r) => r.group === "Fife"), { asOf: "2022-12-31" }).filter((r) => r.x >= FROM);
  const caseBaseline = fife.filter((r) => r.x < IMPROVEMENT).length;
  // By case: x is the order of completion (two children can complete on the same day).
  const byCase = fife.map((r, i) => ({ x: i, y: r.y, completed: r.x }));
  return {
    monthly: { points: monthly, baseline: monthlyBaseline, shifts: shifts(monthly, monthlyBaseline) },
    byCase: { points: byCase, baseline: caseBaseline, shifts: shifts(byCase, caseBaseline) },
  };
}

describe("an injected improvement is detected; without one, no shift (issue #4)", () => {
  for (const seed of [1, 2]) {
    const improved = analyse(seed, IMPROVEMENT);
    const control = analyse(seed, undefined);

    it(`seed ${seed}: the series cover the same window with the same baselines`, () => {
      expect(improved.monthly.points).toHaveLength(60); // 2018-01 … 2022-12
      expect(improved.monthly.baseline).toBe(24);
      expect(control.monthly.baseline).toBe(24);
      expect(improved.byCase.points.length).toBeGreaterThan(300);
      expect(control.byCase.baseline).toBeGreaterThan(100);
    });

    it(`seed ${seed}: the monthly median series shows a shift below the baseline median after the improvement`, () => {
      const below = improved.monthly.shifts.filter((s) => s.side === "below" && s.start >= improved.monthly.baseline);
      expect(below.length).toBeGreaterThan(0);
      expect(below[0]!.assessment).toBe("improvement");
      expect(improved.monthly.points[below[0]!.start]!.x >= IMPROVEMENT).toBe(true);
    });

    it(`seed ${seed}: the by-case run chart (one authority) shows a shift below after the improvement`, () => {
      const below = improved.byCase.shifts.filter((s) => s.side === "below" && s.start >= improved.byCase.baseline);
      expect(below.length).toBeGreaterThan(0);
      expect(below[0]!.assessment).toBe("improvement");
      expect(improved.byCase.points[below[0]!.start]!.completed >= IMPROVEMENT).toBe(true);
    });

    it(`seed ${seed}: the same analysis without an injected improvement reports no shift`, () => {
      expect(control.monthly.shifts).toEqual([]);
      expect(control.byCase.shifts).toEqual([]);
    });
  }
});
