/**
 * Age at the stage's start (issue #11): a date of birth per child → `ageAtStart` (whole years,
 * calendar-correct) and `ageBand`; `ages: [min, max]` as a cohort filter; `group: "ageBand"`.
 * Hand-worked; run in UTC, America/Los_Angeles and Pacific/Auckland. The data set is the worked
 * example of docs/timescales.md ("90 % of children aged 0–5 in their final placement within
 * 12 months").
 */
import { describe, expect, it } from "vitest";
import { paceTimescales, stageDurations, driftList, type Stage } from "../../src/timescales/index.js";
import { parseIsoDay } from "../../src/_lib/calendar.js";
import { ageBandOf, ageInYears, resolveAgeBands } from "../../src/timescales/age.js";
import { catchError, deepFreeze } from "./_helpers.js";

const ev = (child: string, milestone: string, date: string, dob?: string) => ({ child, milestone, date, ...(dob === undefined ? {} : { dob }) });
export const events = deepFreeze([
  ev("P1", "accommodated", "2023-01-15", "2019-05-10"), // age 3
  ev("P1", "final-placement", "2023-11-20"), //             309 days, deadline 2024-01-15: within
  ev("P2", "accommodated", "2023-02-27", "2018-02-28"), // age 4 (fifth birthday tomorrow)
  ev("P2", "final-placement", "2024-02-27"), //             365 days = exactly 12 months: within
  ev("P3", "accommodated", "2023-03-01", "2017-06-01"), // age 5
  ev("P3", "final-placement", "2024-04-02"), //             398 days, deadline 2024-03-01 (366): 32 over
  ev("P4", "accommodated", "2023-03-31", "2020-02-29"), // age 3
  ev("P4", "final-placement", "2023-09-30"), //             183 days: within
  ev("P5", "accommodated", "2023-03-01", "2017-03-01"), // age 6 (sixth birthday that day): not 0–5
  ev("P5", "final-placement", "2023-04-01"),
  ev("P6", "accommodated", "2023-05-01", "2012-08-31"), // age 10: not 0–5
  ev("P7", "accommodated", "2023-04-01"), //                no date of birth: left out, counted
  ev("P8", "accommodated", "2023-06-30", "2021-12-25"), // age 1
  ev("P8", "ceased-looked-after", "2023-10-01"), //         went home: exited, not in the denominator
  ev("P9", "accommodated", "2024-01-31", "2022-09-09"), // age 1: open at asOf, deadline 2025-01-31
  ev("P10", "accommodated", "2023-01-01", "2019-01-01"), // age 4
  ev("P10", "final-placement", "2023-12-20"), //            353 days: within
]);
export const FINAL_PLACEMENT: Stage = { id: "final-placement-0-5", from: "accommodated", to: "final-placement", target: { months: 12 }, ages: [0, 5] };
const asOf = "2024-06-30";

describe("age at the stage's start", () => {
  it("whole years, a year older on the birthday (29 Feb: on 1 Mar in a common year)", () => {
    const a = (b: string, d: string) => ageInYears(parseIsoDay(b), parseIsoDay(d));
    expect(a("2020-02-29", "2021-02-28")).toBe(0);
    expect(a("2020-02-29", "2021-03-01")).toBe(1);
    expect(a("2020-02-29", "2024-02-29")).toBe(4);
    expect(a("2018-02-28", "2023-02-27")).toBe(4);
    expect(a("2018-02-28", "2023-02-28")).toBe(5);
    expect(a("2024-01-01", "2024-01-01")).toBe(0);
    expect(a("2024-01-02", "2024-01-01")).toBeNaN();
  });

  it("bands: default 0–4, 5–11, 12–15, 16+; lower bounds or labelled bands", () => {
    expect(resolveAgeBands(undefined, ["b"]).map((b) => b.label)).toEqual(["0–4", "5–11", "12–15", "16+"]);
    expect(resolveAgeBands([0, 1, 6], ["b"])).toEqual([{ label: "0", from: 0, to: 0 }, { label: "1–5", from: 1, to: 5 }, { label: "6+", from: 6, to: null }]);
    const labelled = resolveAgeBands([{ from: 0, label: "under 6" }, { from: 6, label: "6 and over" }], ["b"]);
    expect([0, 5, 6, 17].map((x) => ageBandOf(labelled, x))).toEqual(["under 6", "under 6", "6 and over", "6 and over"]);
    expect(ageBandOf(resolveAgeBands([2, 5], ["b"]), 1)).toBeNull();
    for (const bad of [[], [5, 5], [-1], [1.5], "0,5", [{ from: 0, label: "" }], [{ label: "x" }]]) {
      expect(catchError(() => stageDurations(events, "recommendation", { asOf, dateOfBirth: "dob", ageBands: bad as never }))).toMatchObject({ code: "invalid-option" });
    }
  });

  it("each row gets ageAtStart and ageBand; group: \"ageBand\" groups by it", () => {
    const d = stageDurations(events, { from: "accommodated", to: "final-placement" }, { asOf, dateOfBirth: "dob", group: "ageBand" });
    expect(d.rows.map((r) => [r.child, r.ageAtStart, r.ageBand, r.group])).toEqual([
      ["P1", 3, "0–4", "0–4"], ["P2", 4, "0–4", "0–4"], ["P3", 5, "5–11", "5–11"], ["P4", 3, "0–4", "0–4"], ["P5", 6, "5–11", "5–11"],
      ["P6", 10, "5–11", "5–11"], ["P7", null, null, null], ["P8", 1, "0–4", "0–4"], ["P9", 1, "0–4", "0–4"], ["P10", 4, "0–4", "0–4"],
    ]);
    // Without dateOfBirth, no age fields.
    expect(stageDurations(events, { from: "accommodated", to: "final-placement" }, { asOf }).rows[0]).not.toHaveProperty("ageAtStart");
  });

  it("worked example: children aged 0–5, final placement within 12 months — 4 of 5 (80 %)", () => {
    const d = stageDurations(events, FINAL_PLACEMENT, { asOf, dateOfBirth: "dob" });
    expect(d.rows.map((r) => [r.child, r.ageAtStart, r.days, r.target, r.status, r.withinTarget])).toEqual([
      ["P1", 3, 309, 365, "reached", true],
      ["P2", 4, 365, 365, "reached", true],
      ["P3", 5, 398, 366, "reached", false],
      ["P4", 3, 183, 366, "reached", true],
      ["P8", 1, 93, 366, "exited", null],
      ["P9", 1, 151, 366, "open", null],
      ["P10", 4, 353, 365, "reached", true],
    ]);
    expect(d.counts).toMatchObject({ filteredOut: 3, noDateOfBirth: 1, reached: 5, open: 1, exited: 1 });
    const reached = d.rows.filter((r) => r.status === "reached");
    expect([reached.filter((r) => r.withinTarget).length, reached.length]).toEqual([4, 5]);
    expect(d.warnings).toContainEqual({ code: "no-date-of-birth", message: "1 of them left out by the ages filter because the child has no date of birth" });
    // A filter function sees the age too.
    const f = stageDurations(events, { id: "f", from: "accommodated", to: "final-placement", target: { months: 12 }, filter: (c) => c.ageAtStart !== null && c.ageAtStart <= 5 }, { asOf, dateOfBirth: "dob" });
    expect(f.rows.map((r) => r.child)).toEqual(d.rows.map((r) => r.child));
    // paceTimescales carries the options through.
    const t = paceTimescales(events, { asOf, dateOfBirth: "dob", stages: [FINAL_PLACEMENT] });
    expect(t.stages["final-placement-0-5"]!.durations.rows).toEqual(d.rows);
    expect(driftList(d)).toEqual([]);
  });

  it("bad dates of birth are QiErrors naming the child and the field", () => {
    const after = [ev("X", "accommodated", "2023-01-01"), ev("X", "final-placement", "2023-06-01", "2023-03-01")];
    expect(catchError(() => stageDurations(after, "recommendation", { asOf, dateOfBirth: "dob" }))).toMatchObject({
      code: "birth-after-milestone",
      path: ["events", 1, "dob"],
      message: expect.stringContaining('child "X": date of birth 2023-03-01 is after accommodated on 2023-01-01'),
    });
    const two = [ev("X", "accommodated", "2023-01-01", "2020-01-01"), ev("X", "final-placement", "2023-06-01", "2020-01-02")];
    expect(catchError(() => stageDurations(two, "recommendation", { asOf, dateOfBirth: "dob" }))).toMatchObject({ code: "conflicting-date-of-birth", path: ["events", 1, "dob"] });
    const bad = [ev("X", "accommodated", "2023-01-01", "1 March")];
    expect(catchError(() => stageDurations(bad, "recommendation", { asOf, dateOfBirth: "dob" }))).toMatchObject({ code: "invalid-date", path: ["events", 0, "dob"] });
    expect(catchError(() => stageDurations(events, FINAL_PLACEMENT, { asOf }))).toMatchObject({ code: "invalid-option", path: ["stage", "ages"] });
    expect(catchError(() => stageDurations(events, "recommendation", { asOf, ageBands: [0, 5] }))).toMatchObject({ code: "invalid-option", path: ["options", "ageBands"] });
    for (const a of [[5, 0], [0], [-1, 5], [0, 5.5], "0-5"]) {
      expect(catchError(() => stageDurations(events, { ...FINAL_PLACEMENT, ages: a as never }, { asOf, dateOfBirth: "dob" }))).toMatchObject({ code: "invalid-option", path: ["stage", "ages"] });
    }
  });
});
