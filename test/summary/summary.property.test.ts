/**
 * Property: over random projects of run and control charts (random series, chart types, rule
 * sets, directions, targets), every summary row matches its chart — the MDC icons of the last
 * phase, summariseVerdict — "since" is said only of a signal that reaches the latest point, and the rows are sorted concern, improvement, neutral, common cause,
 * insufficient, input order within each.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { controlChart, runChart, summariseMeasures, summariseVerdict, type ControlChart, type RunChart } from "../../src/index.js";

const ORDER = ["concern", "improvement", "neutral", "common-cause", "insufficient"];

const chartArb = fc.record({
  ys: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 40 }),
  kind: fc.constantFrom("run", "i", "c", "p"),
  rules: fc.constantFrom("default", "mdc"),
  direction: fc.constantFrom("increase", "decrease", "neutral"),
  target: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
}).map(({ ys, kind, rules, direction, target }): RunChart | ControlChart => {
  const rows = ys.map((y, i) => ({ x: i + 1, y, n: 40 }));
  const dir = direction as "increase";
  if (kind === "run") return runChart(rows, { x: "x", y: "y", direction: dir });
  return controlChart(rows, {
    type: kind as "i", x: "x", y: "y", ...(kind === "p" ? { n: "n" } : {}), direction: dir,
    ...(rules === "mdc" ? { rules: "mdc" as const } : {}), ...(target !== undefined ? { target: kind === "p" ? target / 40 : target } : {}),
  });
});

describe("summariseMeasures over random projects", () => {
  it("rows match the charts' icons and verdicts, sorted by category", () => {
    fc.assert(
      fc.property(fc.array(chartArb, { minLength: 1, maxLength: 8 }), (charts) => {
        const s = summariseMeasures(charts.map((chart, i) => ({ name: `m${i}`, chart })));
        expect(s.rows).toHaveLength(charts.length);
        const ranks = s.rows.map((r) => ORDER.indexOf(r.category));
        for (let k = 1; k < ranks.length; k++) {
          expect(ranks[k]!).toBeGreaterThanOrEqual(ranks[k - 1]!);
          if (ranks[k] === ranks[k - 1]) expect(Number(s.rows[k]!.measure.slice(1))).toBeGreaterThan(Number(s.rows[k - 1]!.measure.slice(1)));
        }
        for (const r of s.rows) {
          const chart = charts[Number(r.measure.slice(1))]!;
          expect(r.verdict).toEqual(summariseVerdict(chart as never));
          const last = chart.phases[chart.phases.length - 1]!;
          if ("type" in chart) {
            const phase = last as ControlChart["phases"][number];
            expect(r.variation).toBe(phase.variationIcon);
            if (phase.assuranceIcon !== null) expect(r.assurance).toBe(phase.assuranceIcon);
            if (phase.variationIcon === "concern" || phase.variationIcon === "improvement") expect(r.category).toBe(phase.variationIcon);
          } else {
            expect(r.variation).toBeNull();
            const expected = { deterioration: "concern", improvement: "improvement", signal: "neutral", "no-signal": "common-cause", "insufficient-data": "insufficient" }[r.verdict.kind as "signal"];
            expect(r.category).toBe(expected);
          }
          expect(r.centre).toBe(last.centre);
          // "since" only of a signal still going on at the latest point, never of a whole-phase runs verdict.
          expect(r.since === null || r.lastSignal === null).toBe(true);
          if (r.since !== null && r.variation === null) {
            let latest = chart.points.length - 1;
            while (latest >= 0 && chart.points[latest]!.y === null) latest--;
            expect(chart.signals.some((sg) => sg.points.length > 0 && sg.end >= latest && chart.points[sg.start]!.x === r.since!.x)).toBe(true);
          }
          expect(r.reading.length).toBeGreaterThan(0);
        }
        const counts = Object.values(s.counts).reduce((a, b) => a + b, 0);
        expect(counts).toBe(charts.length);
      }),
      { numRuns: 150 },
    );
  });
});
