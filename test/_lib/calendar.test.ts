// tz-independent: UTC getters and integer day numbers only.
// dayParts by integer arithmetic (civil_from_days) against the UTC Date it replaced, on every
// kind of day number: whole days across a Date's whole range, the common years densely, and the
// values that still go through a Date (fractions, NaN, beyond the range).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayParts, formatIsoDay } from "../../src/_lib/calendar.js";

const viaDate = (day: number) => {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

describe("dayParts", () => {
  it("equals the UTC Date's parts on every day from 1890 to 2110", () => {
    for (let day = -29_220; day <= 51_500; day++) expect(dayParts(day)).toEqual(viaDate(day));
  });

  it("equals the UTC Date's parts on any whole day a Date can hold, and on the rest", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: -800_000, max: 800_000 }), fc.double(), fc.constantFrom(-0, 1e8, -1e8, 1e8 + 1, Number.NaN, Infinity, 0.5, -0.5)), (day) => {
        expect(dayParts(day)).toEqual(viaDate(day));
      }),
      { numRuns: 20_000 },
    );
    expect(formatIsoDay(0)).toBe("1970-01-01");
    expect(formatIsoDay(-719_528)).toBe("0000-01-01");
  });
});
