// tz-independent: UTC getters and integer day numbers only.
// dayParts by integer arithmetic (civil_from_days) against the UTC Date it replaced, on every
// kind of day number: whole days across a Date's whole range, the common years densely, and the
// values that still go through a Date (fractions, NaN, beyond the range).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumberFromParts, dayParts, formatIsoDay } from "../../src/_lib/calendar.js";

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

describe("dayNumberFromParts", () => {
  // The previous implementation, by a UTC Date (years 0–99 corrected), for comparison.
  const byDate = (y: number, m: number, d: number): number => {
    const t = Date.UTC(y, m - 1, d);
    return Math.round((y >= 0 && y < 100 ? new Date(t).setUTCFullYear(y) : t) / 86_400_000);
  };
  it("is the day whose parts they are, on every day from year −1000 to 3000", () => {
    for (let day = -1_087_000; day <= 376_000; day++) {
      const p = dayParts(day);
      if (dayNumberFromParts(p.year, p.month, p.day) !== day) expect([day, dayNumberFromParts(p.year, p.month, p.day)]).toEqual([day, day]);
    }
  });
  it("equals the UTC Date's day number for any valid date, and NaN where the calendar or a Date has none", () => {
    fc.assert(
      fc.property(fc.integer({ min: -280_000, max: 280_000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const want = d > (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31) ? Number.NaN : byDate(y, m, d);
        expect(dayNumberFromParts(y, m, d)).toBe(want);
      }),
      { numRuns: 20_000 },
    );
    expect(dayNumberFromParts(2024, 2, 30)).toBeNaN();
    expect(dayNumberFromParts(99, 3, 1)).toBe(byDate(99, 3, 1));
    expect(dayNumberFromParts(300_000, 1, 1)).toBeNaN();
  });
});

describe("formatIsoDay's fast path (four-digit years) writes what dayParts says", () => {
  const slow = (day: number): string => {
    const p = dayParts(day);
    const y = String(Math.abs(p.year)).padStart(4, "0");
    return `${p.year < 0 ? "-" : ""}${y}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  };
  it("on random days from year 1 to 10100, and the edges of the fast path", () => {
    fc.assert(fc.property(fc.integer({ min: -719_162, max: 2_969_000 }), (day) => formatIsoDay(day) === slow(day)), { numRuns: 20_000 });
    for (const day of [-354_286, -354_285, -1, 0, 59, 60, 11_016, 2_932_896, 2_932_897]) expect(formatIsoDay(day)).toBe(slow(day));
    expect([formatIsoDay(0), formatIsoDay(-354_285), formatIsoDay(2_932_896), formatIsoDay(19_783)]).toEqual(["1970-01-01", "1000-01-01", "9999-12-31", "2024-03-01"]);
  });
});
