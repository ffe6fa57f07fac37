import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QiError, controlChart, runChart } from "../../src/index.js";
import type { ControlChartType } from "../../src/index.js";

// Issue #18: x, y and n given as Float64Array columns (or the data a Float64Array of y values)
// are read in place — and give what the same values as rows give, never changing the arrays.

const TYPES: ControlChartType[] = ["i", "mr", "xbar", "s", "p", "pp", "u", "up", "c", "g", "t", "r", "np", "ip", "i-median", "i-median-mr", "cusum", "ewma"];

/** Rows of small whole numbers (so x repeats and goes backwards sometimes), y sometimes missing. */
const rowsArb = fc.array(
  fc.record({
    x: fc.integer({ min: 0, max: 30 }),
    y: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.constant(null) }),
    n: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  }),
  { minLength: 1, maxLength: 40 },
);
const sortedArb = fc.boolean();

/** The call's result, or its error's code and message. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof QiError) return { code: e.code, message: e.message };
    throw e;
  }
}

function columnsOf(rows: readonly { x: number; y: number | null; n: number | null }[]) {
  return {
    x: Float64Array.from(rows, (r) => r.x),
    y: Float64Array.from(rows, (r) => r.y ?? Number.NaN),
    n: Float64Array.from(rows, (r) => r.n ?? Number.NaN),
  };
}

describe("columns in (issue #18)", () => {
  it("runChart: Float64Array columns give what rows give, and are not changed", () => {
    fc.assert(
      fc.property(rowsArb, sortedArb, fc.constantFrom(undefined, 100), fc.constantFrom(undefined, "mean", "sum"), fc.boolean(), fc.constantFrom("points", "columns") as fc.Arbitrary<"points" | "columns">, (raw, sorted, multiply, aggregate, withN, output) => {
        const rows = sorted ? raw.map((r, i) => ({ ...r, x: i })) : raw;
        const c = columnsOf(rows);
        const copy = columnsOf(rows);
        const common = { ...(multiply !== undefined ? { multiply } : {}), ...(aggregate !== undefined ? { aggregate: aggregate as "mean" } : {}), output };
        const want = outcome(() => runChart(rows, { x: "x", y: "y", ...(withN ? { n: "n" } : {}), ...common }));
        const got = outcome(() => runChart(c.y, { x: c.x, ...(withN ? { n: c.n } : {}), ...common }));
        const got2 = outcome(() => runChart(rows, { x: c.x, y: c.y, ...(withN ? { n: c.n } : {}), ...common }));
        expect(got).toEqual(want);
        expect(got2).toEqual(want);
        expect(c).toEqual(copy);
      }),
      { numRuns: 300 },
    );
  });

  it("controlChart: Float64Array columns give what rows give, and are not changed", () => {
    fc.assert(
      fc.property(rowsArb, sortedArb, fc.constantFrom(...TYPES), fc.constantFrom(undefined, 10), fc.boolean(), fc.constantFrom("points", "columns") as fc.Arbitrary<"points" | "columns">, (raw, sorted, type, multiply, withN, output) => {
        const rows = sorted ? raw.map((r, i) => ({ ...r, x: i })) : raw;
        const c = columnsOf(rows);
        const copy = columnsOf(rows);
        const common = { type, ...(multiply !== undefined && type !== "cusum" && type !== "ewma" ? { multiply } : {}), output };
        const want = outcome(() => controlChart(rows, { x: "x", y: "y", ...(withN ? { n: "n" } : {}), ...common }));
        const got = outcome(() => controlChart(c.y, { x: c.x, ...(withN ? { n: c.n } : {}), ...common }));
        expect(got).toEqual(want);
        expect(c).toEqual(copy);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps the columns as the result's x and y (no copy), and checks them", () => {
    const y = Float64Array.of(3, 5, 4, 6, 5, 7, 6, 8);
    const x = Float64Array.from(y, (_, i) => 10 + i);
    const run = runChart(y, { x, output: "columns" });
    expect(run.columns.x).toBe(x);
    expect(run.columns.y).toBe(y);
    expect(controlChart(y, { x, type: "i", output: "columns" }).columns.value).toBe(y);
    expect(() => runChart(y, { x: x.subarray(1) })).toThrow(/x is a column of 7 values for 8 rows/);
    expect(() => runChart([{ g: 1 }, { g: 2 }], { y: Float64Array.of(1, 2), by: "g" })).toThrow(QiError);
    expect(() => runChart(Float64Array.of(1, Infinity))).toThrow(/y must be finite; row 1 has Infinity/);
    expect(() => runChart(Float64Array.of(1, 2), { x: Float64Array.of(1, Number.NaN) })).toThrow(/x must be a finite number.*row 1/);
  });
});
