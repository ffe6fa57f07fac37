// The strict date reader. Run in three time zones (npm test): UTC, America/Los_Angeles and
// Pacific/Auckland; every expectation is a calendar date, so it must hold in all three.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QiError, paceTimescales, readDate, stageDurations, timescaleSeries } from "../../src/index.js";
import { dayReader } from "../../src/timescales/dates.js";

describe("readDate", () => {
  it("reads day-first dates with and without leading zeros", () => {
    expect(readDate("31/03/2025", { dates: "uk" })).toBe("2025-03-31");
    expect(readDate("9/1/2024", { dates: "uk" })).toBe("2024-01-09");
    expect(readDate("09/01/2024", { dates: "uk" })).toBe("2024-01-09");
    expect(readDate("9-1-2024", { dates: "uk" })).toBe("2024-01-09");
    expect(readDate("9.1.2024", { dates: "uk" })).toBe("2024-01-09");
    expect(readDate(" 29/02/2024 ", { dates: "uk" })).toBe("2024-02-29");
    expect(readDate("31/03/2025 00:00", { dates: "uk" })).toBe("2025-03-31");
    expect(readDate("31/03/2025 13:45:10", { dates: "uk" })).toBe("2025-03-31");
  });

  it("reads month names in either order's own way", () => {
    expect(readDate("31-Mar-2025", { dates: "uk" })).toBe("2025-03-31");
    expect(readDate("1-jan-2024", { dates: "uk" })).toBe("2024-01-01");
    expect(readDate("31 March 2025", { dates: "uk" })).toBe("2025-03-31");
    expect(readDate("31-Mar-2025", { dates: "us" })).toBe("2025-03-31");
    expect(readDate("Mar 31, 2025", { dates: "us" })).toBe("2025-03-31");
    expect(readDate("March 31 2025", { dates: "us" })).toBe("2025-03-31");
    expect(readDate("Mar 31, 2025", { dates: "uk" })).toBeNull();
    expect(readDate("31-Mar-2025")).toBeNull(); // iso: ISO only
  });

  it("never guesses the order of day and month", () => {
    expect(readDate("01/02/2024", { dates: "uk" })).toBe("2024-02-01");
    expect(readDate("01/02/2024", { dates: "us" })).toBe("2024-01-02");
    expect(readDate("01/02/2024")).toBeNull();
    expect(readDate("01/02/2024", { dates: "iso" })).toBeNull();
    expect(readDate("3/31/2025", { dates: "uk" })).toBeNull();
    expect(readDate("31/3/2025", { dates: "us" })).toBeNull();
  });

  it("reads ISO in every order; refuses what the calendar does not have", () => {
    for (const dates of ["iso", "uk", "us"] as const) {
      expect(readDate("2024-02-29", { dates })).toBe("2024-02-29");
      expect(readDate("2024-02-29T10:00:00Z", { dates })).toBe("2024-02-29");
      expect(readDate("2023-02-29", { dates })).toBeNull();
    }
    for (const bad of ["31/02/2025", "29/02/2023", "0/1/2024", "1/13/2024", "32/1/2024", "01/02/24", "1/2/02024", "31//2025", "31-Mar-25", "31 Foo 2025", "2024-1-9", "", "  ", "n/a", "31/03/2025 garbage", "=HYPERLINK(\"x\")", "x".repeat(10_000), "\u0000\u001f"]) {
      expect(readDate(bad, { dates: "uk" }), bad.slice(0, 20)).toBeNull();
    }
  });

  it("reads Excel serials only when asked", () => {
    expect(readDate(45747)).toBeNull();
    expect(readDate(45747, { excelSerials: true })).toBe("2025-03-31");
    expect(readDate("45747", { excelSerials: true, dates: "uk" })).toBe("2025-03-31");
    expect(readDate(45747.75, { excelSerials: true })).toBe("2025-03-31"); // a time of day is ignored
    expect(readDate(61, { excelSerials: true })).toBe("1900-03-01");
    expect(readDate(60, { excelSerials: true })).toBeNull(); // Excel's 29 Feb 1900 never was
    expect(readDate(-1, { excelSerials: true })).toBeNull();
    expect(readDate(Number.NaN, { excelSerials: true })).toBeNull();
    expect(readDate("45747")).toBeNull();
  });

  it("reads Dates by their calendar day", () => {
    expect(readDate(new Date(2024, 0, 9))).toBe("2024-01-09");
    expect(readDate(new Date("2024-01-09"))).toBe("2024-01-09");
    expect(readDate(new Date(Number.NaN))).toBeNull();
  });

  it("rejects bad options with a QiError naming them", () => {
    expect(() => readDate("1/1/2024", { dates: "dmy" as never })).toThrow(QiError);
    try {
      readDate("1/1/2024", { dates: "dmy" as never });
    } catch (e) {
      expect((e as QiError).path).toEqual(["options", "dates"]);
    }
    expect(() => readDate("1/1/2024", { excelSerials: "yes" as never })).toThrow(/excelSerials/);
  });

  it("round-trips every day from 1900 to 2100 in every written form (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 47_481 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
        expect(readDate(`${d}/${m}/${y}`, { dates: "uk" })).toBe(iso);
        expect(readDate(`${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`, { dates: "uk" })).toBe(iso);
        expect(readDate(`${m}/${d}/${y}`, { dates: "us" })).toBe(iso);
        expect(readDate(iso, { dates: "us" })).toBe(iso);
      }),
    );
  });
});

describe("the dates option of the timescale functions", () => {
  const uk = [
    { child: "A", milestone: "accommodated", date: "31/1/2024" },
    { child: "A", milestone: "permanence-recommendation", date: "01/03/2024" },
    { child: "B", milestone: "accommodated", date: "1-Feb-2024" },
  ];
  const iso = [
    { child: "A", milestone: "accommodated", date: "2024-01-31" },
    { child: "A", milestone: "permanence-recommendation", date: "2024-03-01" },
    { child: "B", milestone: "accommodated", date: "2024-02-01" },
  ];

  it("stageDurations reads UK dates (and a UK asOf) to the same durations as ISO", () => {
    const a = stageDurations(uk, "recommendation", { dates: "uk", asOf: "1/6/2024" });
    const b = stageDurations(iso, "recommendation", { asOf: "2024-06-01" });
    expect(a).toEqual(b);
    expect(a.rows.map((r) => [r.child, r.days, r.censored])).toEqual([["A", 30, false], ["B", 121, true]]);
  });

  it("paceTimescales and timescaleSeries take it too", () => {
    const t = paceTimescales(uk, { dates: "uk", asOf: "01/06/2024", stages: ["recommendation"] });
    expect(t.asOf).toBe("2024-06-01");
    const d = stageDurations(iso, "recommendation", { asOf: "2024-06-01" });
    expect(timescaleSeries(d, { series: "period", asOf: "30/6/2024", dates: "uk" }).at(-1)!.period).toBe("2024-06");
  });

  it("without dates: \"uk\" a day-first date is an invalid-date error saying which form is expected", () => {
    try {
      stageDurations(uk, "recommendation", { asOf: "2024-06-01" });
      expect.unreachable();
    } catch (e) {
      expect((e as QiError).code).toBe("invalid-date");
      expect((e as QiError).path).toEqual(["events", 0, "date"]);
      expect((e as QiError).message).toContain('invalid date "31/1/2024" (child "A"): use an ISO YYYY-MM-DD date');
    }
    expect(() => stageDurations(uk, "recommendation", { dates: "uk", asOf: "2024-06-01" })).not.toThrow();
  });
});

describe("the d/m/yyyy path of the date reader", () => {
  // "9/1/2024" is read from its characters; " 9/1/2024" (a leading space) goes the regular way
  // (trimmed, cached, date-fns isExists): both must give the same day, or NaN, in every zone.
  const forms = (a: number, b: number, year: string): string[] => {
    const out = [`${a}/${b}/${year}`];
    if (a < 10) out.push(`0${a}/${b}/${year}`);
    if (b < 10) out.push(`${a}/0${b}/${year}`);
    return out;
  };
  it("reads every day and month 0–32 / 0–13 of edge years as the regular path does", () => {
    for (const dates of ["uk", "us"] as const) {
      const fast = dayReader({ dates });
      const regular = dayReader({ dates });
      for (const year of ["0000", "0001", "0099", "0100", "1600", "1899", "1900", "2000", "2023", "2024", "2100", "9999"]) {
        for (let a = 0; a <= 32; a++) {
          for (let b = 0; b <= 13; b++) {
            for (const text of forms(a, b, year)) expect([text, fast(text)]).toEqual([text, regular(` ${text}`)]);
          }
        }
      }
    }
  });

  it("leaves any other text to the regular path", () => {
    const read = dayReader({ dates: "uk" });
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9/.\- ]{6,11}$/));
    fc.assert(
      fc.property(text, (s) => {
        const got = read(s);
        const want = read(` ${s}`);
        expect(Number.isNaN(got) ? "NaN" : got).toBe(Number.isNaN(want) ? "NaN" : want);
      }),
      { numRuns: 3000 },
    );
    expect(read("9/1/2024")).toBe(19_731);
    expect(read("31/02/2024")).toBeNaN();
    expect(dayReader({ dates: "us" })("1/9/2024")).toBe(19_731);
    expect(dayReader({ dates: "iso" })("9/1/2024")).toBeNaN();
  });
});

describe("dates a time zone skipped", () => {
  // Samoa skipped 30 December 2011 and Kiribati's Line Islands 31 December 1994: the calendar
  // still has those dates. date-fns isExists and a local Date (used before) refused the first
  // and read "30 Dec 2011" as the 31st in those zones; the calendar decides now, in every zone.
  it("reads them as written, in the zones that skipped them", () => {
    const before = process.env.TZ;
    try {
      for (const [tz, uk, named, iso] of [
        ["Pacific/Apia", "30/12/2011", "30 Dec 2011", "2011-12-30"],
        ["Pacific/Kiritimati", "31/12/1994", "31 December 1994", "1994-12-31"],
      ] as const) {
        process.env.TZ = tz;
        expect(new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8))).getDate()).not.toBe(Number(iso.slice(8))); // the zone did skip it
        for (const text of [uk, ` ${uk}`, uk.replace(/\//g, "-"), `${uk} 10:30`, named, named.replace(/ /g, "-")]) expect([text, readDate(text, { dates: "uk" })]).toEqual([text, iso]);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
