import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import { driftList, stageDurations } from "../../src/timescales/index.js";
import { catchError, deepFreeze } from "./_helpers.js";

// Issue #4: bad input gets a QiError naming the child and the field.
const ev = (child: string, milestone: string, date: string) => ({ child, milestone, date });
const stage = { id: "s", from: "accommodated", to: "permanence-recommendation" };

describe("bad input names the child and the field (issue #4)", () => {
  it("an unknown milestone: unknown-milestone at the milestone field, naming the child", () => {
    const err = catchError(() => stageDurations(deepFreeze([ev("A", "accommodated", "2024-01-01"), ev("K7", "permanance-panel", "2024-02-01")]), stage, { asOf: "2024-06-01" }));
    expect(err).toBeInstanceOf(QiError);
    expect([err.code, err.path]).toEqual(["unknown-milestone", ["events", 1, "milestone"]]);
    expect(err.message).toContain('unknown milestone "permanance-panel"');
    expect(err.message).toContain('(child "K7")');
  });

  it("an end before its start: negative-duration at the date of the earlier `to`, naming the child", () => {
    const err = catchError(() => stageDurations(deepFreeze([ev("B", "accommodated", "2024-03-01"), ev("B", "permanence-recommendation", "2024-01-10")]), stage, { asOf: "2024-06-01" }));
    expect([err.code, err.path]).toEqual(["negative-duration", ["events", 1, "date"]]);
    expect(err.message).toMatch(/^child "B": permanence-recommendation on 2024-01-10 is before accommodated on 2024-03-01/);
  });

  it("a date that does not parse: invalid-date at the date field, naming the child", () => {
    const err = catchError(() => stageDurations(deepFreeze([ev("C", "accommodated", "31/01/2024")]), stage, { asOf: "2024-06-01" }));
    expect([err.code, err.path]).toEqual(["invalid-date", ["events", 0, "date"]]);
    expect(err.message).toContain('invalid date "31/01/2024" (child "C")');
    const wide = catchError(() => stageDurations(deepFreeze([{ id: "W1", acc: "2024-02-30" }]), stage, { child: "id", columns: { accommodated: "acc" }, asOf: "2024-06-01" }));
    expect([wide.code, wide.path]).toEqual(["invalid-date", ["events", 0, "acc"]]);
    expect(wide.message).toContain('(child "W1")');
  });

  describe("an event after asOf", () => {
    const events = deepFreeze([
      ev("A", "accommodated", "2024-01-01"),
      ev("D", "accommodated", "2023-06-01"),
      ev("D", "permanence-recommendation", "2024-08-01"),
      ev("E", "looked-after", "2024-09-15"),
    ]);
    it("is an error by default: event-after-as-of, naming the child, the milestone and the date, every one listed", () => {
      const err = catchError(() => stageDurations(events, stage, { asOf: "2024-07-01" }));
      expect([err.code, err.path]).toEqual(["event-after-as-of", ["events", 2, "date"]]);
      expect(err.message).toMatch(/^child "D": permanence-recommendation on 2024-08-01 is after asOf 2024-07-01 \(pass afterAsOf: "ignore"/);
      // Every late event is listed, including milestones outside the stage.
      expect(err.issues.map((i) => [i.code, i.path])).toEqual([
        ["event-after-as-of", ["events", 2, "date"]],
        ["event-after-as-of", ["events", 3, "date"]],
      ]);
      expect(err.issues[1]!.message).toMatch(/^child "E": looked-after on 2024-09-15 is after asOf 2024-07-01/);
    });
    it("afterAsOf: 'ignore' leaves them out as not yet known, with a count and a warning", () => {
      const r = stageDurations(events, stage, { asOf: "2024-07-01", afterAsOf: "ignore" });
      expect(r.rows.map((x) => [x.child, x.end, x.days, x.censored])).toEqual([
        ["A", null, 182, true],
        ["D", null, 396, true],
      ]);
      expect(r.counts.eventsAfterAsOf).toBe(2);
      expect(r.warnings).toContainEqual({ code: "events-after-as-of", message: "2 events dated after asOf were ignored" });
    });
    it("no asOf: the latest event is asOf, so nothing is after it", () => {
      expect(stageDurations(events, stage).counts.eventsAfterAsOf).toBe(0);
    });
    it("wide rows: the path names the milestone's column", () => {
      const err = catchError(() => stageDurations(deepFreeze([{ id: "W2", acc: "2024-01-01", rec: "2024-09-01" }]), stage, { child: "id", columns: { accommodated: "acc", "permanence-recommendation": "rec" }, asOf: "2024-07-01" }));
      expect([err.code, err.path]).toEqual(["event-after-as-of", ["events", 0, "rec"]]);
      expect(err.message).toContain('child "W2": permanence-recommendation on 2024-09-01 is after asOf 2024-07-01');
    });
    it("the drift list from events applies the same rule", () => {
      expect(catchError(() => driftList(events, "recommendation", { asOf: "2024-07-01" })).code).toBe("event-after-as-of");
      expect(driftList(events, "recommendation", { asOf: "2024-07-01", afterAsOf: "ignore" }).map((r) => r.child)).toEqual(["D"]);
    });
    it("a bad afterAsOf value is an invalid-option", () => {
      expect(catchError(() => stageDurations(events, stage, { afterAsOf: "warn" as never })).path).toEqual(["options", "afterAsOf"]);
    });
  });

  describe("duplicate child ids in wide rows", () => {
    const columns = { accommodated: "acc", "permanence-recommendation": "rec", "permanence-panel": "panel" };
    it("with conflicting dates: duplicate-child at the later row's child field, naming the child and the columns", () => {
      const rows = deepFreeze([
        { id: "X1", acc: "2024-01-01", rec: "2024-03-01", panel: "" },
        { id: "X2", acc: "2024-01-05", rec: "", panel: "" },
        { id: "X1", acc: "2024-01-01", rec: "2024-03-08", panel: "2024-05-01" },
      ]);
      const err = catchError(() => stageDurations(rows, stage, { child: "id", columns, asOf: "2024-06-01" }));
      expect([err.code, err.path]).toEqual(["duplicate-child", ["events", 2, "id"]]);
      expect(err.message).toMatch(/^child "X1" has another row \(row 0\) with different dates in columns rec, panel: one row per child in wide format/);
    });
    it("identical duplicates are merged, with a warning", () => {
      const rows = deepFreeze([
        { id: "X1", acc: "2024-01-01", rec: "2024-03-01", panel: "" },
        { id: "X1", acc: "2024-01-01", rec: "2024-03-01", panel: null },
      ]);
      const r = stageDurations(rows, stage, { child: "id", columns, asOf: "2024-06-01" });
      expect(r.rows.map((x) => [x.child, x.days])).toEqual([["X1", 60]]);
      expect(r.counts.children).toBe(1);
      expect(r.warnings).toContainEqual({ code: "duplicate-rows-merged", message: '1 wide row repeated an earlier row of the same child exactly and was merged: child "X1", row 1 (repeating row 0)' });
    });
    it("the same child in different episodes is not a duplicate", () => {
      const rows = deepFreeze([
        { id: "X1", episode: 1, acc: "2022-01-01", rec: "2022-03-01" },
        { id: "X1", episode: 2, acc: "2024-01-01", rec: "2024-02-01" },
      ]);
      const r = stageDurations(rows, stage, { child: "id", columns, asOf: "2024-06-01" });
      expect(r.rows.map((x) => [x.episode, x.days])).toEqual([[1, 59], [2, 31]]);
    });
  });
});

describe("afterAsOf (property)", () => {
  it("'error' throws exactly when some event is after asOf; 'ignore' equals analysing only the events up to asOf", () => {
    const iso = (k: number) => new Date(Date.UTC(2023, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
    const milestones = ["looked-after", "accommodated", "permanence-recommendation", "permanence-panel", "adm-decision"];
    const arb = fc.array(fc.record({ child: fc.integer({ min: 0, max: 6 }), m: fc.constantFrom(...milestones), k: fc.integer({ min: 0, max: 400 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 400 }), fc.constantFrom("recommendation" as const, "adm" as const), (rows, asOfK, st) => {
        const events = rows.map((r) => ({ child: r.child, milestone: r.m, date: iso(r.k) }));
        const asOf = iso(asOfK);
        const late = rows.filter((r) => r.k > asOfK).length;
        const attempt = (() => {
          try {
            return stageDurations(events, st, { asOf, negative: "ignore" });
          } catch (e) {
            return e as QiError;
          }
        })();
        if (late > 0) {
          expect(attempt).toBeInstanceOf(QiError);
          expect((attempt as QiError).code).toBe("event-after-as-of");
          expect((attempt as QiError).issues).toHaveLength(late);
        } else expect(attempt).not.toBeInstanceOf(QiError);
        const ignored = stageDurations(events, st, { asOf, negative: "ignore", afterAsOf: "ignore" });
        const kept = events.filter((_, i) => rows[i]!.k <= asOfK);
        const only = stageDurations(kept, st, { asOf, negative: "ignore" });
        // Same rows (children come in order of first appearance, which filtering can change).
        const byChild = (d: typeof only) => d.rows.slice().sort((a, b) => Number(a.child) - Number(b.child));
        expect(byChild(ignored)).toEqual(byChild(only));
        expect(ignored.counts.eventsAfterAsOf).toBe(late);
      }),
      { numRuns: 300 },
    );
  });
});
