/**
 * Targets in calendar months (issue #11): `{ months: 6 }` runs from each row's start to the same
 * day six months later, end-of-month safe (31 Aug + 6 months = 28/29 Feb). Hand-worked; run in
 * UTC, America/Los_Angeles and Pacific/Auckland (31 Aug → Feb crosses the clock changes of all).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PACE_STAGES, driftList, paceTimescales, stageDurations, timescaleSeries } from "../../src/timescales/index.js";
import { dayNumberFromParts, daysInMonth, dayParts, formatIsoDay, parseIsoDay } from "../../src/_lib/calendar.js";
import { normaliseTarget, targetDeadline, targetDays } from "../../src/timescales/target.js";
import { catchError, deepFreeze } from "./_helpers.js";

const ev = (child: string, milestone: string, date: string) => ({ child, milestone, date });
const events = deepFreeze([
  // A: 31 Aug 2023 + 6 months = 29 Feb 2024 (leap year): 182 days allowed, 182 taken.
  ev("A", "accommodated", "2023-08-31"),
  ev("A", "permanence-recommendation", "2024-02-29"),
  // B: 31 Aug 2022 + 6 months = 28 Feb 2023: 181 days allowed, 182 taken (1 over).
  ev("B", "accommodated", "2022-08-31"),
  ev("B", "permanence-recommendation", "2023-03-01"),
  // C: 31 Jan 2024 + 6 months = 31 Jul 2024: 182 days allowed; open at 30 Sep 2024 after 243.
  ev("C", "accommodated", "2024-01-31"),
  // D: 15 Mar 2024 + 6 months = 15 Sep 2024: 184 days allowed, 184 taken.
  ev("D", "accommodated", "2024-03-15"),
  ev("D", "permanence-recommendation", "2024-09-15"),
]);
const asOf = "2024-09-30";
const SIX_MONTHS = { ...PACE_STAGES.recommendation, target: { months: 6 } };

describe("targets in months", () => {
  it("the deadline is the same day n months on, or the month's last day", () => {
    const d = (s: string, m: number) => formatIsoDay(targetDeadline({ months: m }, parseIsoDay(s)));
    expect(d("2023-08-31", 6)).toBe("2024-02-29");
    expect(d("2022-08-31", 6)).toBe("2023-02-28");
    expect(d("2024-01-31", 1)).toBe("2024-02-29");
    expect(d("2024-02-29", 12)).toBe("2025-02-28");
    expect(d("2024-03-31", 1)).toBe("2024-04-30");
    expect(d("2024-10-27", 0)).toBe("2024-10-27");
    expect(d("0050-03-31", 1)).toBe("0050-04-30");
    expect(targetDays({ months: 12 }, parseIsoDay("2024-01-01"))).toBe(366);
    expect(targetDays(182, parseIsoDay("2024-01-01"))).toBe(182);
  });

  it("property: n months on is the same day in month + n, or that month's last day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 60 }), (y, mo, d, n) => {
        const start = dayNumberFromParts(y, mo, Math.min(d, daysInMonth(y, mo)));
        const k = mo - 1 + n;
        const ty = y + Math.floor(k / 12);
        const tm = (k % 12) + 1;
        const expected = dayNumberFromParts(ty, tm, Math.min(dayParts(start).day, daysInMonth(ty, tm)));
        expect(targetDeadline({ months: n }, start)).toBe(expected);
      }),
    );
  });

  it("{ days } is the same as a number; bad targets are errors naming the field", () => {
    expect(normaliseTarget({ days: 182 }, ["t"])).toBe(182);
    expect(normaliseTarget({ months: 6 }, ["t"])).toEqual({ months: 6 });
    for (const bad of [{ months: 1.5 }, { months: -1 }, { weeks: 26 }, { days: 1, months: 1 }, -1, "6m", Number.NaN, []]) {
      expect(catchError(() => stageDurations(events, { ...SIX_MONTHS, target: bad as never }, { asOf }))).toMatchObject({ code: "invalid-option", path: ["stage", "target"] });
    }
    expect(catchError(() => stageDurations(events, "recommendation", { asOf, target: { months: 0.5 } as never }))).toMatchObject({ code: "invalid-option", path: ["options", "target"] });
    const byDays = stageDurations(events, "recommendation", { asOf, target: { days: 182 } });
    expect(byDays.rows.map((r) => r.withinTarget)).toEqual(stageDurations(events, "recommendation", { asOf }).rows.map((r) => r.withinTarget));
  });

  it("each row's target is its own days; withinTarget and daysOverTarget follow", () => {
    const d = stageDurations(events, SIX_MONTHS, { asOf });
    expect(d.stage.target).toEqual({ months: 6 });
    expect(d.rows.map((r) => [r.child, r.days, r.target, r.withinTarget, r.daysOverTarget])).toEqual([
      ["A", 182, 182, true, 0],
      ["B", 182, 181, false, 1],
      ["C", 243, 182, false, 61],
      ["D", 184, 184, true, 0],
    ]);
    // The 182-day preset reads B as within and D as over.
    const days = stageDurations(events, "recommendation", { asOf });
    expect(days.rows.map((r) => r.withinTarget)).toEqual([true, true, false, false]);
    // The same through the options.
    expect(stageDurations(events, "recommendation", { asOf, target: { months: 6 } }).rows).toEqual(d.rows);
  });

  it("series, cohorts and the drift list use each row's months target", () => {
    const d = stageDurations(events, SIX_MONTHS, { asOf });
    expect(timescaleSeries(d).map((r) => [r.child, r.withinTarget])).toEqual([["B", false], ["A", true], ["D", true]]);
    const years = timescaleSeries(d, { series: "period", period: "year", y: "pctWithinTarget" });
    expect(years.map((r) => [r.period, r.reached, r.withinTarget])).toEqual([["2022", 0, 0], ["2023", 1, 0], ["2024", 2, 2]]);
    // Cohorts by year of entry: 2024's last entrant (D, 15 Mar) reaches its deadline on 15 Sep,
    // but the year is not over at asOf: not complete. 2023's entrant A: complete, 1 of 1.
    const cohorts = timescaleSeries(d, { series: "cohort", period: "year" });
    expect(cohorts.map((r) => [r.period, r.entered, r.y, r.complete])).toEqual([["2022", 1, 0, true], ["2023", 1, 1, true], ["2024", 2, null, false]]);
    // A months target passed to the series overrides the stage's days target.
    const overridden = timescaleSeries(stageDurations(events, "recommendation", { asOf }), { target: { months: 6 } });
    expect(overridden.map((r) => r.withinTarget)).toEqual([false, true, true]);
    // Bare rows: each row's own target.
    expect(timescaleSeries(d.rows).map((r) => r.withinTarget)).toEqual([false, true, true]);
    expect(driftList(d)).toMatchObject([{ child: "C", daysOpen: 243, target: 182, daysOverTarget: 61 }]);
    expect(driftList(events, SIX_MONTHS, { asOf })).toEqual(driftList(d));
    // C's deadline under 8 months is 30 Sep 2024 (243 days): not yet past; under 7, 31 Aug (213).
    expect(driftList(d, undefined, { target: { months: 8 } })).toEqual([]);
    expect(driftList(d, undefined, { target: { months: 7 } })).toMatchObject([{ child: "C", target: 213, daysOverTarget: 30 }]);
  });

  it("paceTimescales takes a months target per stage", () => {
    const t = paceTimescales(events, { asOf, stages: [SIX_MONTHS] });
    expect(t.stages.recommendation!.durations.stage.target).toEqual({ months: 6 });
    expect(t.stages.recommendation!.byCase.map((r) => r.withinTarget)).toEqual([false, true, true]);
  });
});
