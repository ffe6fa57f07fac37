import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import { PACE_STAGES, stageDurations } from "../../src/timescales/index.js";
import { catchError, deepFreeze } from "./_helpers.js";

const ev = (child: string, milestone: string, date: string | Date, extra: Record<string, unknown> = {}) => ({ child, milestone, date, ...extra });
const stage = { id: "s", from: "accommodated", to: "permanence-recommendation" };

describe("stageDurations: calendar days", () => {
  // Hand-computed: each pair's calendar-day difference.
  const pairs: [string, string, number][] = [
    ["2024-01-31", "2024-03-01", 30], // month ends, leap February (29 days)
    ["2023-01-31", "2023-03-01", 29], // non-leap February
    ["2024-02-28", "2024-03-01", 2], // across 29 Feb 2024
    ["2024-02-29", "2025-02-28", 365],
    ["2023-12-31", "2024-12-31", 366],
    ["2024-03-30", "2024-04-01", 2], // UK clocks forward 31 Mar 2024
    ["2024-03-09", "2024-03-11", 2], // US clocks forward 10 Mar 2024
    ["2024-04-06", "2024-04-08", 2], // NZ clocks back 7 Apr 2024
    ["2024-09-28", "2024-09-30", 2], // NZ clocks forward 29 Sep 2024
    ["2024-10-26", "2024-10-28", 2], // UK clocks back 27 Oct 2024
    ["2024-11-02", "2024-11-04", 2], // US clocks back 3 Nov 2024
    ["2024-03-31", "2024-03-31", 0], // same day
  ];
  it.each(pairs)("%s → %s is %i days in this time zone", (a, b, days) => {
    const events = deepFreeze([ev("A", "accommodated", a), ev("A", "permanence-recommendation", b)]);
    const r = stageDurations(events, stage, { asOf: "2026-01-01" });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ start: a, end: b, days, censored: false });
  });

  it("reads Dates at UTC midnight and at local midnight as the same calendar day", () => {
    const events = [
      ev("A", "accommodated", new Date("2024-03-10")), // UTC midnight (new Date of an ISO date)
      ev("A", "permanence-recommendation", new Date(2024, 2, 31)), // local midnight (date-fns parseISO style)
    ];
    const r = stageDurations(deepFreeze(events), stage, { asOf: new Date(2024, 11, 1) });
    expect(r.rows[0]).toMatchObject({ start: "2024-03-10", end: "2024-03-31", days: 21 });
    expect(r.asOf).toBe("2024-12-01");
  });

  it("ignores a time part in ISO strings", () => {
    const r = stageDurations([ev("A", "accommodated", "2024-03-31T23:30:00+13:00"), ev("A", "permanence-recommendation", "2024-04-01T00:10:00Z")], stage, { asOf: "2024-05-01" });
    expect(r.rows[0]!.days).toBe(1);
  });
});

describe("stageDurations: censoring and counts", () => {
  const events = deepFreeze([
    ev("A", "accommodated", "2024-01-01"),
    ev("A", "permanence-recommendation", "2024-05-01"),
    ev("B", "accommodated", "2024-02-01"),
    ev("C", "looked-after", "2024-02-01"),
    ev("D", "accommodated", "2023-06-01"),
    ev("D", "permanence-recommendation", "2024-08-01"), // after asOf: not yet known
  ]);
  const r = stageDurations(events, PACE_STAGES.recommendation, { asOf: "2024-07-01", afterAsOf: "ignore" });

  it("keeps open cases as right-censored rows with days to asOf", () => {
    expect(r.rows.map((x) => [x.child, x.start, x.end, x.days, x.censored, x.withinTarget, x.daysOverTarget])).toEqual([
      ["A", "2024-01-01", "2024-05-01", 121, false, true, 0],
      ["B", "2024-02-01", null, 151, true, null, 0],
      ["D", "2023-06-01", null, 396, true, false, 214],
    ]);
  });
  it("reports who is not in the stage", () => {
    expect(r.counts).toEqual({
      children: 4, episodes: 4, notStarted: 1, filteredOut: 0, noDateOfBirth: 0, endedBeforeStart: 0, missingEnd: 0, unknownOrderType: 0, inStage: 3, completed: 1, censored: 2, reached: 1, open: 2, exited: 0, eventsAfterAsOf: 1, unknownMilestones: 0,
    });
    expect(r.stage).toEqual({ id: "recommendation", label: "Accommodated → permanence recommendation (or return home)", from: ["accommodated"], to: ["permanence-recommendation", "returned-home"], target: 182 });
    expect(r.warnings).toContainEqual({ code: "not-started", message: "1 episode never reached accommodated and is not in the stage" });
  });
  it("defaults asOf to the latest event, with a warning", () => {
    const d = stageDurations(events, "recommendation");
    expect(d.asOf).toBe("2024-08-01");
    expect(d.warnings[0]!.code).toBe("as-of-defaulted");
    expect(d.warnings[0]!.message).toMatch(/asOf not given/);
    expect(d.rows.find((x) => x.child === "D")).toMatchObject({ days: 427, censored: false, withinTarget: false });
  });
  it("accepts a PACE stage id and a target override", () => {
    const d = stageDurations(events, "recommendation", { asOf: "2024-07-01", target: 120, afterAsOf: "ignore" });
    expect(d.rows[0]).toMatchObject({ withinTarget: false, daysOverTarget: 1, target: 120 });
    const none = stageDurations(events, "recommendation", { asOf: "2024-07-01", target: null, afterAsOf: "ignore" });
    expect(none.rows[0]).toMatchObject({ withinTarget: null, daysOverTarget: null, target: null });
  });
});

describe("stageDurations: occurrences and episodes", () => {
  const events = deepFreeze([
    ev("A", "looked-after", "2023-01-10"),
    ev("A", "permanence-panel", "2023-06-01"), // deferred
    ev("A", "permanence-panel", "2023-07-06"),
    ev("A", "adm-decision", "2023-07-18"),
    ev("A", "petition-lodged", "2023-09-01"),
    ev("A", "petition-lodged", "2023-12-01"), // re-lodged
    ev("A", "permanence-order", "2024-03-01"),
    ev("A", "lac-review", "2023-02-20"),
    ev("A", "lac-review", "2023-05-20"),
    ev("A", "lac-review", "2023-11-20"),
  ]);
  it("the PACE ADM stage restarts the clock at a deferred panel", () => {
    const r = stageDurations(events, PACE_STAGES.adm, { asOf: "2024-06-01" });
    expect(r.rows[0]).toMatchObject({ start: "2023-07-06", end: "2023-07-18", days: 12, withinTarget: true });
    const first = stageDurations(events, { ...PACE_STAGES.adm, fromOccurrence: "first" }, { asOf: "2024-06-01" });
    expect(first.rows[0]).toMatchObject({ start: "2023-06-01", days: 47, withinTarget: false });
  });
  it("fromOccurrence 'last' for an open case uses the latest repeat", () => {
    const open = events.filter((e) => e.milestone !== "adm-decision");
    const r = stageDurations(open, PACE_STAGES.adm, { asOf: "2023-07-20", afterAsOf: "ignore" });
    expect(r.rows[0]).toMatchObject({ start: "2023-07-06", end: null, days: 14, censored: true, withinTarget: null });
  });
  it("toOccurrence 'last' takes the final re-lodged petition", () => {
    const s = { id: "p", from: "adm-decision", to: "petition-lodged" };
    expect(stageDurations(events, s, { asOf: "2024-06-01" }).rows[0]!.end).toBe("2023-09-01");
    expect(stageDurations(events, { ...s, toOccurrence: "last" as const }, { asOf: "2024-06-01" }).rows[0]!.end).toBe("2023-12-01");
  });
  it("a numbered occurrence picks the n-th review", () => {
    const s = { id: "r2", from: "lac-review", to: "permanence-order", fromOccurrence: 2 };
    expect(stageDurations(events, s, { asOf: "2024-06-01" }).rows[0]).toMatchObject({ start: "2023-05-20", days: 286 });
    const r4 = stageDurations(events, { ...s, fromOccurrence: 4 }, { asOf: "2024-06-01" });
    expect(r4.rows).toEqual([]);
    expect(r4.counts.notStarted).toBe(1);
  });
  it("overall stage ends at any order", () => {
    const r = stageDurations(events, PACE_STAGES.overall, { asOf: "2024-06-01" });
    expect(r.rows[0]).toMatchObject({ from: "looked-after", to: "permanence-order", days: 416, route: "permanence-order" });
  });
  it("episodes from a field, one row per child and episode", () => {
    const e = deepFreeze([
      ev("A", "accommodated", "2022-01-01", { episode: 1 }),
      ev("A", "returned-home", "2022-10-01", { episode: 1 }),
      ev("A", "accommodated", "2023-03-01", { episode: 2 }),
    ]);
    const r = stageDurations(e, { id: "home", from: "accommodated", to: "returned-home" }, { asOf: "2023-06-01" });
    expect(r.rows.map((x) => [x.episode, x.days, x.censored])).toEqual([[1, 273, false], [2, 92, true]]);
  });
  it("episodes split at a milestone", () => {
    const e = deepFreeze([
      ev("A", "looked-after", "2022-01-01"),
      ev("A", "returned-home", "2022-10-01"),
      ev("A", "looked-after", "2023-03-01"),
    ]);
    const s = { id: "home", from: "looked-after", to: "returned-home" };
    expect(stageDurations(e, s, { asOf: "2023-06-01" }).rows.map((x) => [x.episode, x.days, x.censored])).toEqual([[1, 273, false]]);
    expect(stageDurations(e, s, { asOf: "2023-06-01", splitEpisodesAt: "looked-after" }).rows.map((x) => [x.episode, x.days, x.censored])).toEqual([
      [1, 273, false],
      [2, 92, true],
    ]);
  });
  it("cohort filter by route and group values", () => {
    const e = deepFreeze([
      ev("A", "looked-after", "2022-01-01", { authority: "Fife" }),
      ev("A", "adoption-order", "2024-01-01"),
      ev("B", "looked-after", "2022-01-01", { authority: "Moray" }),
      ev("B", "kinship-care-order", "2023-01-01"),
    ]);
    const r = stageDurations(e, { ...PACE_STAGES.overall, filter: (c) => c.route === "adoption" }, { asOf: "2024-06-01", group: "authority" });
    expect(r.rows.map((x) => [x.child, x.days, x.group, x.route])).toEqual([["A", 730, "Fife", "adoption"]]);
    expect(r.counts.filteredOut).toBe(1);
  });
});

describe("stageDurations: wide rows, accessors, catalogues", () => {
  it("reads wide rows with a column mapping", () => {
    const rows = deepFreeze([
      { id: "A", accommodated_date: "2024-01-31", rec_date: "2024-03-01", la: "Fife" },
      { id: "B", accommodated_date: "2024-02-01", rec_date: "" },
      { id: "C", accommodated_date: null, rec_date: null },
    ]);
    const r = stageDurations(rows, "recommendation", {
      child: "id",
      columns: { accommodated: "accommodated_date", "permanence-recommendation": "rec_date" },
      asOf: "2024-04-01",
    });
    expect(r.rows.map((x) => [x.child, x.days, x.censored])).toEqual([["A", 30, false], ["B", 60, true]]);
    expect(r.counts.notStarted).toBe(1);
  });
  it("wide errors name the column", () => {
    const err = catchError(() => stageDurations([{ id: 1, a: "2024-02-30" }], stage, { child: "id", columns: { accommodated: "a" } }));
    expect(err).toBeInstanceOf(QiError);
    expect([err.code, err.path]).toEqual(["invalid-date", ["events", 0, "a"]]);
  });
  it("takes accessor functions", () => {
    const rows = deepFreeze([
      ["X", "accommodated", "2024-01-01"],
      ["X", "permanence-recommendation", "2024-01-11"],
    ] as const);
    const r = stageDurations(rows, stage, { child: (d) => d[0], milestone: (d) => d[1], date: (d) => d[2], asOf: "2024-02-01" });
    expect(r.rows[0]!.days).toBe(10);
  });
  it("accepts a caller's catalogue", () => {
    const r = stageDurations([ev("A", "referral", "2024-01-01"), ev("A", "allocated", "2024-01-15")], { id: "x", from: "referral", to: "allocated" }, {
      catalogue: ["referral", "allocated"],
      asOf: "2024-02-01",
    });
    expect(r.rows[0]!.days).toBe(14);
  });
});

describe("stageDurations: bad input", () => {
  it("a stage whose milestone names are symbols or null-prototype objects is a QiError, not a TypeError (regression)", () => {
    const bad = [[Symbol("x")], Symbol("y"), Object.create(null), [Object.create(null)]];
    for (const from of bad) {
      const err = catchError(() => stageDurations([ev("A", "accommodated", "2024-01-01")], { from, to: "permanence-order" } as never, { asOf: "2024-06-01" }));
      expect(err).toBeInstanceOf(QiError);
      expect(err.path[0]).toBe("stage");
    }
  });

  it("invalid dates, unknown milestones and missing ids: every row listed with its path", () => {
    const rows = deepFreeze([
      ev("A", "accommodated", "2024-01-01"),
      ev("A", "accomodated", "2024-01-02"),
      ev("B", "accommodated", "2023-02-29"),
      { child: null, milestone: "accommodated", date: "2024-01-01" },
      ev("C", "accommodated", "01/02/2024"),
    ]);
    const err = catchError(() => stageDurations(rows, stage, { asOf: "2024-06-01" }));
    expect(err).toBeInstanceOf(QiError);
    expect(err.code).toBe("unknown-milestone");
    expect(err.path).toEqual(["events", 1, "milestone"]);
    expect(err.message).toContain('unknown milestone "accomodated"; known milestones: looked-after, accommodated, lac-review');
    expect(err.issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown-milestone", ["events", 1, "milestone"]],
      ["invalid-date", ["events", 2, "date"]],
      ["missing-child", ["events", 3, "child"]],
      ["invalid-date", ["events", 4, "date"]],
    ]);
  });
  it("unknownMilestones: 'ignore' skips them with a count", () => {
    const rows = deepFreeze([ev("A", "accommodated", "2024-01-01"), ev("A", "home-visit", "2024-01-02"), ev("A", "permanence-recommendation", "2024-02-01")]);
    const r = stageDurations(rows, stage, { asOf: "2024-06-01", unknownMilestones: "ignore" });
    expect(r.rows[0]!.days).toBe(31);
    expect(r.counts.unknownMilestones).toBe(1);
    expect(r.warnings).toContainEqual({ code: "unknown-milestones-ignored", message: "1 event row with unknown milestone names was ignored" });
  });
  it("negative durations name the row of the earlier `to`", () => {
    const rows = deepFreeze([ev("A", "accommodated", "2024-03-01"), ev("B", "permanence-recommendation", "2024-01-01"), ev("B", "accommodated", "2024-02-01")]);
    const err = catchError(() => stageDurations(rows, stage, { asOf: "2024-06-01" }));
    expect([err.code, err.path]).toEqual(["negative-duration", ["events", 1, "date"]]);
    const ok = stageDurations(rows, stage, { asOf: "2024-06-01", negative: "ignore" });
    expect(ok.rows.map((r) => [r.child, r.censored])).toEqual([["A", true], ["B", true]]);
  });
  it("unknown stage milestones and bad options", () => {
    expect(catchError(() => stageDurations([], { from: "acommodated", to: "adm-decision" })).path).toEqual(["stage", "from"]);
    expect(catchError(() => stageDurations([], { from: "accommodated", to: ["adm-decision", "x"] })).path).toEqual(["stage", "to", 1]);
    expect(catchError(() => stageDurations([], "nope" as never)).code).toBe("unknown-option");
    expect(catchError(() => stageDurations([], stage, { asOf: "2024-13-01" })).code).toBe("invalid-date");
    expect(catchError(() => stageDurations([], { ...stage, fromOccurrence: 0 })).path).toEqual(["stage", "fromOccurrence"]);
    expect(catchError(() => stageDurations("x" as never, stage)).code).toBe("invalid-value");
  });
  it("no rows: empty result", () => {
    const r = stageDurations([], stage);
    expect(r).toMatchObject({ rows: [], asOf: null });
  });
});
