import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RUN_RULE_BITS, runChart, runRulesOf, type RunChart, type RunChartColumnar, type RunChartPoint, type RunRuleId } from "../../src/runchart/index.js";

/** The point objects a columnar result stands for. */
function pointsOf(c: RunChartColumnar): RunChartPoint[] {
  const k = c.columns;
  const out: RunChartPoint[] = [];
  for (let i = 0; i < k.length; i++) {
    const p: RunChartPoint = {
      index: i,
      x: k.x[i]!,
      y: Number.isNaN(k.y[i]!) ? null : k.y[i]!,
      centre: Number.isNaN(k.centre[i]!) ? null : k.centre[i]!,
      phase: k.phase[i]!,
      baseline: k.baseline[i] === 1,
      excluded: k.excluded[i] === 1,
      useful: k.useful[i] === 1,
      signals: runRulesOf(k.signals[i]!),
    };
    if (k.note !== undefined) p.note = k.note[i];
    out.push(p);
  }
  return out;
}

function expectSame(points: RunChart, columns: RunChartColumnar): void {
  const { points: p, ...rest } = points;
  const { columns: c, ...restColumns } = columns;
  expect(restColumns).toEqual(rest);
  expect(c.length).toBe(p.length);
  expect(pointsOf(columns)).toEqual(p);
}

describe("runChart output: \"columns\"", () => {
  it("a worked example: typed arrays, NaN for gaps, rule bits", () => {
    const data = [12, 14, 11, 13, 12, 14, 13, null, 7, 6, 7, 5, 6, 5, 6];
    const c = runChart(data, { direction: "decrease", output: "columns" });
    expect(c).not.toHaveProperty("points");
    expect(c.columns.y).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(c.columns.y[7]!)).toBe(true);
    expect(Array.from(c.columns.centre)).toEqual(new Array(15).fill(9));
    expect(c.columns.x).toEqual(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]));
    expect(Array.from(c.columns.signals)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1]);
    expect(Array.from(c.columns.useful)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1]);
    expectSame(runChart(data, { direction: "decrease" }), c);
  });

  it("bits and lists agree in both directions", () => {
    expect(runRulesOf(0)).toEqual([]);
    expect(runRulesOf(15)).toEqual(["shift", "trend", "long-run", "astronomical"]);
    for (const [rule, bit] of Object.entries(RUN_RULE_BITS)) expect(runRulesOf(bit)).toEqual([rule as RunRuleId]);
    // The lists are shared and frozen: a caller cannot change another point's rules.
    expect(runRulesOf(3)).toBe(runRulesOf(3));
    expect(Object.isFrozen(runRulesOf(3))).toBe(true);
  });

  it("numeric x (in order, or sorted and aggregated) comes back as a Float64Array; dates as given", () => {
    const rows = [{ x: 3, y: 1 }, { x: 1, y: 5 }, { x: 2, y: 2 }, { x: 2, y: 4 }, { x: 4, y: 3 }];
    const sorted = runChart(rows, { x: "x", y: "y", aggregate: "mean", output: "columns" });
    expect(sorted.columns.x).toEqual(Float64Array.from([1, 2, 3, 4]));
    expect(Array.from(sorted.columns.y)).toEqual([5, 3, 1, 3]);
    expectSame(runChart(rows, { x: "x", y: "y", aggregate: "mean" }), sorted);
    const inOrder = runChart([{ x: -0.5, y: 1 }, { x: 0, y: 2 }, { x: 1e9, y: 3 }], { x: "x", y: "y", output: "columns" });
    expect(inOrder.columns.x).toEqual(Float64Array.from([-0.5, 0, 1e9]));
    const d = new Date(2024, 0, 1);
    const dates = runChart([{ x: d, y: 1 }, { x: "2024-02-01", y: 2 }], { x: "x", y: "y", output: "columns" });
    // A Date comes back as the calendar day read (ISO), an ISO string as given.
    expect(dates.columns.x).toEqual(["2024-01-01", "2024-02-01"]);
  });

  it("by groups, notes, dates and aggregation", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ g: i % 2 ? "a" : "b", date: `2024-${String(1 + (i % 12)).padStart(2, "0")}-01`, v: (i * 37) % 11, note: i === 3 ? "PDSA 1" : null }));
    const points = runChart(rows, { by: "g", x: "date", y: "v", aggregate: "median", notes: "note" });
    const columns = runChart(rows, { by: "g", x: "date", y: "v", aggregate: "median", notes: "note", output: "columns" });
    expect(columns.map((g) => g.key)).toEqual(["b", "a"]);
    columns.forEach((g, k) => expectSame(points[k]!.chart, g.chart));
  });

  it("rejects an unknown output", () => {
    expect(() => runChart([1, 2, 3], { output: "rows" as never })).toThrow(expect.objectContaining({ code: "invalid-option", path: ["options", "output"] }));
  });

  it("property: columns hold exactly what the points hold, for any series and options", () => {
    const value = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: fc.constant(null) });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 80 }),
        fc.constantFrom("pace", "anhoej", "ihi"),
        fc.constantFrom("increase", "decrease", "neutral"),
        fc.array(fc.nat({ max: 79 }), { maxLength: 3 }),
        fc.array(fc.nat({ max: 79 }), { maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        fc.boolean(),
        (ys, preset, direction, phaseAt, exclude, baseline, rephase) => {
          if (ys.every((v) => v === null)) ys = [...ys, 1];
          const n = ys.length;
          const options = {
            rules: preset,
            direction,
            phases: [...new Set(phaseAt.filter((i) => i > 0 && i < n))].sort((a, b) => a - b),
            exclude: exclude.filter((i) => i < n),
            ...(baseline !== undefined && !rephase ? { baseline } : {}),
            ...(rephase ? { rephase: { runLength: 5, baselinePoints: 4 } } : {}),
          } as const;
          let points: RunChart;
          try {
            points = runChart(ys, options);
          } catch (e) {
            // Both forms reject the same input with the same error.
            expect(() => runChart(ys, { ...options, output: "columns" })).toThrow((e as Error).message);
            return;
          }
          expectSame(points, runChart(ys, { ...options, output: "columns" }));
        },
      ),
      { numRuns: 400 },
    );
  });
});
