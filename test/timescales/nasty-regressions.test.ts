// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import { driftList, paceTimescales, parseEvents, safeParseEvents, stageDurations } from "../../src/timescales/index.js";
import { deepFreeze } from "./_helpers.js";


const events = (episode: unknown) =>
  deepFreeze([
    { child: "A", milestone: "accommodated", date: "2024-01-01", episode: 1 },
    { child: "A", milestone: "permanence-recommendation", date: "2024-03-01", episode },
  ]);

describe("episode ids that are not strings or numbers", () => {
  it("a null-prototype object or a symbol-holding array is invalid-value at the row's episode (String() threw a TypeError)", () => {
    for (const episode of [Object.create(null), [Symbol("s")], [Object.create(null)]]) {
      const e = fails(() => stageDurations(events(episode), "recommendation", { asOf: "2024-06-30" }));
      expect([e.code, e.path]).toEqual(["invalid-value", ["events", 1, "episode"]]);
      expect(e.message).toContain("invalid episode");
    }
  });
  it("a bigint episode is invalid-value too (it made a result JSON.stringify cannot write)", () => {
    const e = fails(() => driftList(events(10n), "recommendation", { asOf: "2024-06-30" }));
    expect([e.code, e.path]).toEqual(["invalid-value", ["events", 1, "episode"]]);
  });
  it("the path names the accessor's field, or 'episode' for a function", () => {
    const rows = deepFreeze([{ child: "A", milestone: "accommodated", date: "2024-01-01", ep: Object.create(null) as unknown }]);
    expect(fails(() => stageDurations(rows, "recommendation", { episode: "ep" })).path).toEqual(["events", 0, "ep"]);
    expect(fails(() => paceTimescales(rows, { episode: () => Symbol("s") })).path).toEqual(["events", 0, "episode"]);
  });
  it("strings and numbers still work", () => {
    expect(stageDurations(events("e1"), "recommendation", { asOf: "2024-06-30" }).rows.length).toBe(1);
  });
});

describe("parseEvents options", () => {
  const rows = [{ child: "A", milestone: "accommodated", date: "2024-01-01" }];
  it("safeParseEvents(rows, null) reports invalid-option at [options] instead of throwing a TypeError", () => {
    const r = safeParseEvents(rows, null as never);
    expect(r.success).toBe(false);
    if (!r.success) expect([r.error.code, r.error.path]).toEqual(["invalid-option", ["options"]]);
    expect(fails(() => parseEvents(rows, null as never)).path).toEqual(["options"]);
  });
  it("dateColumns must be an array of column names", () => {
    for (const dateColumns of [Symbol("s"), [Symbol("s")], "acc", Object.create(null)]) {
      const e = fails(() => parseEvents([{ child: "A", acc: "2024-01-01" }], { format: "wide", dateColumns } as never));
      expect([e.code, e.path]).toEqual(["invalid-option", ["options", "dateColumns"]]);
    }
  });
});

describe("driftList on duration rows with a start that is not a date", () => {
  it("is invalid-date at the row's start (a NaN start was copied into the drift list; found by a random-seed property run)", () => {
    for (const start of [Number.NaN, "2024-02-30", null, 20240101]) {
      const e = fails(() => driftList([{ start, days: 400, censored: true, target: 182 }] as never));
      expect([e.code, e.path]).toEqual(["invalid-date", ["durations", 0, "start"]]);
    }
    expect(driftList([{ start: "2024-01-01", days: 400, censored: true, target: 182 }] as never)).toHaveLength(1);
  });
});
