import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { medianInPlace, midpoint, quantileInPlace } from "../../src/_lib/median.js";

// R's type-7 quantile from a sorted copy: the reference the quickselect versions must match.
function type7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo]! + (s[lo + 1]! - s[lo]!) * (h - lo) : s[lo]!;
}

const values = fc.array(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 200 });

describe("quickselect kernels", () => {
  it("median and quartiles equal R's type-7 values (the quartiles chained as the Tukey detector does)", () => {
    fc.assert(
      fc.property(values, (v) => {
        const a = Float64Array.from(v);
        expect(medianInPlace(a, a.length)).toBeCloseTo(type7(v, 0.5), 9);
        const b = Float64Array.from(v);
        const q1 = quantileInPlace(b, 0.25, b.length);
        const q3 = quantileInPlace(b, 0.75, b.length, Math.floor((b.length - 1) * 0.25));
        expect(q1).toBeCloseTo(type7(v, 0.25), 9);
        expect(q3).toBeCloseTo(type7(v, 0.75), 9);
      }),
      { numRuns: 500 },
    );
  });
  it("examples", () => {
    expect(medianInPlace(Float64Array.of(3, 1, 2, 4))).toBe(2.5);
    expect(quantileInPlace(Float64Array.of(10, 12, 11, 13, 12, 10, 11, 12, 13, 11, 60, 12), 0.75)).toBe(12.25);
    expect(midpoint(-1.7e308, 1.7e308)).toBe(0);
    expect(midpoint(1.7e308, 1.7e308)).toBe(1.7e308);
  });
});
