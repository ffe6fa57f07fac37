import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countIntegers, countedQuantile, countedRank } from "../../src/_lib/countedQuantile.js";
import { medianInPlace, medianOfScratch, quantileInPlace } from "../../src/_lib/median.js";

// Whole numbers with many ties (the series counting is for), and the values it must refuse.
const wholes = fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 300 });

describe("order statistics by counting", () => {
  it("every rank, the median and the quartiles are exactly the selects' values", () => {
    fc.assert(
      fc.property(wholes, fc.integer({ min: -1e12, max: 1e12 }), (v, shift) => {
        const values = Float64Array.from(v, (x) => x + shift);
        const n = values.length;
        const c = countIntegers(values, n);
        if (c === null) return; // a range of at least n values: not counted
        const sorted = Float64Array.from(values).sort();
        for (let k = 0; k < n; k++) expect(countedRank(c, k)).toBe(sorted[k]);
        for (const p of [0.25, 0.5, 0.75]) expect(countedQuantile(c, p, n)).toBe(quantileInPlace(Float64Array.from(values), p, n));
      }),
      { numRuns: 300 },
    );
  });
  it("medianOfScratch gives the select's median on long series, counted or not", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 2049, maxLength: 5000 }), fc.boolean(), (v, half) => {
        const values = Float64Array.from(v, (x) => (half ? x / 2 : x));
        const expected = medianInPlace(Float64Array.from(values));
        expect(medianOfScratch(Float64Array.from(values), values.length).median).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });
  it("refuses fractions, −0, unsafe integers and wide ranges", () => {
    expect(countIntegers(Float64Array.of(1, 2, 2.5), 3)).toBeNull();
    expect(countIntegers(Float64Array.of(1, -0, 2), 3)).toBeNull();
    expect(countIntegers(Float64Array.of(2 ** 60, 2 ** 60), 2)).toBeNull();
    expect(countIntegers(Float64Array.of(0, 10), 2)).toBeNull();
    expect(countIntegers(Float64Array.of(3, 3, 4, 3), 4)).toEqual({ min: 3, tallies: Int32Array.of(3, 1) });
  });
});
