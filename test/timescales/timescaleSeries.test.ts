import { describe, expect, it } from "vitest";
import { driftList, PACE_STAGES, stageDurations, timescaleSeries } from "../../src/timescales/index.js";
import { catchError, deepFreeze } from "./_helpers.js";

// Hand-computed calendar days (target 182, asOf 2024-06-30):
// A 2023-10-01 → 2024-01-15 = 106; B 2023-11-15 → 2024-01-20 = 66; C 2023-12-01 → 2024-03-10 = 100;
// D 2024-01-05 → open, 177 days at asOf; E 2023-06-01 → 2024-02-01 = 245 (over target).
const pairs: [string, string, string | null][] = [
  ["A", "2023-10-01", "2024-01-15"],
  ["B", "2023-11-15", "2024-01-20"],
  ["C", "2023-12-01", "2024-03-10"],
  ["D", "2024-01-05", null],
  ["E", "2023-06-01", "2024-02-01"],
];
const events = deepFreeze(
  pairs.flatMap(([child, a, b]) => [
    { child, milestone: "accommodated", date: a },
    ...(b ? [{ child, milestone: "permanence-recommendation", date: b }] : []),
  ]),
);
const d = deepFreeze(stageDurations(events, PACE_STAGES.recommendation, { asOf: "2024-06-30" }));

describe("timescaleSeries", () => {
  it("by case: completed children in order of completion", () => {
    expect(timescaleSeries(d).map((r) => [r.x, r.y, r.child, r.index, r.withinTarget])).toEqual([
      ["2024-01-15", 106, "A", 0, true],
      ["2024-01-20", 66, "B", 1, true],
      ["2024-02-01", 245, "E", 2, false],
      ["2024-03-10", 100, "C", 3, true],
    ]);
  });
  it("between completions (t chart)", () => {
    expect(timescaleSeries(d, { series: "between" }).map((r) => [r.x, r.y, r.child])).toEqual([
      ["2024-01-20", 5, "B"],
      ["2024-02-01", 12, "E"],
      ["2024-03-10", 38, "C"],
    ]);
  });
  it("by month of completion: median, mean, within target, open at month end", () => {
    const rows = timescaleSeries(d, { series: "period" });
    expect(rows).toHaveLength(13);
    expect(rows.map((r) => [r.period, r.n, r.y, r.open])).toEqual([
      ["2023-06", 0, null, 1], ["2023-07", 0, null, 1], ["2023-08", 0, null, 1], ["2023-09", 0, null, 1],
      ["2023-10", 0, null, 2], ["2023-11", 0, null, 3], ["2023-12", 0, null, 4],
      ["2024-01", 2, 86, 3], ["2024-02", 1, 245, 2], ["2024-03", 1, 100, 1],
      ["2024-04", 0, null, 1], ["2024-05", 0, null, 1], ["2024-06", 0, null, 1],
    ]);
    expect(rows[7]).toEqual({
      x: "2024-01-01", y: 86, period: "2024-01", start: "2024-01-01", end: "2024-01-31", n: 2, reached: 2, exited: 0, median: 86, mean: 86,
      withinTarget: 2, pctWithinTarget: 100, open: 3, partial: false,
    });
  });
  it("by quarter, y = number within target for a p chart", () => {
    const rows = timescaleSeries(d, { series: "period", period: "quarter", y: "withinTarget" });
    const q1 = rows.find((r) => r.period === "2024-Q1")!;
    expect(q1).toMatchObject({ x: "2024-01-01", y: 3, n: 4, median: 103, mean: 129.25, pctWithinTarget: 75, open: 1 });
    const partial = timescaleSeries(d, { series: "period", asOf: "2024-05-15" });
    expect(partial[partial.length - 1]).toMatchObject({ period: "2024-05", partial: true });
  });
  it("entry cohorts: % within target only once follow-up is complete", () => {
    const rows = timescaleSeries(d, { series: "cohort", period: "quarter" });
    expect(rows.map((r) => [r.period, r.n, r.completed, r.withinTarget, r.y, r.pctWithinTarget, r.complete, r.open])).toEqual([
      ["2023-Q2", 1, 1, 0, 0, 0, true, 0],
      ["2023-Q3", 0, 0, 0, null, null, false, 0],
      ["2023-Q4", 3, 3, 3, 3, 100, true, 0],
      ["2024-Q1", 1, 0, 0, null, null, false, 1],
    ]);
    // 2024-Q1 completes when its last entrant (5 Jan) has had 182 days: 5 Jul 2024.
    const later = timescaleSeries(d.rows, { series: "cohort", period: "quarter", asOf: "2024-07-05" });
    expect(later[3]).toMatchObject({ complete: true, y: 0, pctWithinTarget: 0 });
  });
  it("works on bare rows (asOf and target derived from them)", () => {
    expect(timescaleSeries(d.rows, { series: "period" })).toEqual(timescaleSeries(d, { series: "period" }));
  });
  it("errors", () => {
    const noTarget = stageDurations(events, PACE_STAGES.recommendation, { asOf: "2024-06-30", target: null });
    expect(catchError(() => timescaleSeries(noTarget, { series: "cohort" })).code).toBe("missing-target");
    expect(catchError(() => timescaleSeries(d, { series: "x" as never })).path).toEqual(["options", "series"]);
    expect(catchError(() => timescaleSeries(d, { series: "period", period: "week" as never })).path).toEqual(["options", "period"]);
    expect(catchError(() => timescaleSeries([{ ...d.rows[0]!, start: "x" }])).path).toEqual(["durations", 0, "start"]);
  });
});

describe("driftList", () => {
  it("open cases past target, longest first", () => {
    expect(driftList(d)).toEqual([]);
    const later = stageDurations(events, PACE_STAGES.recommendation, { asOf: "2024-08-01" });
    expect(driftList(later)).toEqual([
      { child: "D", episode: 1, stage: "recommendation", from: "accommodated", start: "2024-01-05", daysOpen: 209, target: 182, daysOverTarget: 27, route: null },
    ]);
  });
  it("from events, several stages, skipping stages without a target", () => {
    const e = deepFreeze([
      ...events,
      { child: "E", milestone: "permanence-panel", date: "2024-05-01" },
      { child: "A", milestone: "permanence-panel", date: "2024-06-01" },
      { child: "A", milestone: "adm-decision", date: "2024-06-10" },
    ]);
    const rows = driftList(e, Object.values(PACE_STAGES), { asOf: "2024-08-01" });
    expect(rows.map((r) => [r.child, r.stage, r.daysOpen, r.daysOverTarget])).toEqual([
      ["D", "recommendation", 209, 27],
      ["E", "adm", 92, 78],
    ]);
    expect(catchError(() => driftList(e, PACE_STAGES.panel, { asOf: "2024-08-01" })).code).toBe("missing-target");
    expect(driftList(e, PACE_STAGES.panel, { asOf: "2024-08-01", target: 30 }).map((r) => [r.child, r.daysOpen])).toEqual([["B", 194], ["C", 144]]);
  });

  it('x: "date" gives UTC-midnight Dates (a time axis for Plot), the same days in every zone; the default stays ISO strings', () => {
    const byCase = timescaleSeries(d, { x: "date" });
    expect(byCase.map((r) => r.x.toISOString())).toEqual(["2024-01-15T00:00:00.000Z", "2024-01-20T00:00:00.000Z", "2024-02-01T00:00:00.000Z", "2024-03-10T00:00:00.000Z"]);
    // Everything but x is as in the default series.
    expect(byCase.map(({ x: _x, ...rest }) => rest)).toEqual(timescaleSeries(d).map(({ x: _x, ...rest }) => rest));
    const quarters = timescaleSeries(d, { series: "period", period: "quarter", x: "date" });
    expect(quarters.map((r) => r.x.toISOString().slice(0, 10))).toEqual(timescaleSeries(d, { series: "period", period: "quarter" }).map((r) => r.x));
    expect([quarters[0]!.x.getTime() / 864e5, quarters[0]!.period]).toEqual([19448, "2023-Q2"]);
    expect(JSON.parse(JSON.stringify(quarters))[0].x).toBe("2023-04-01T00:00:00.000Z");
    expect(typeof timescaleSeries(d, { x: "string" })[0]!.x).toBe("string");
  });

  it("an unknown option or a bad x is an error naming it", () => {
    expect(catchError(() => timescaleSeries(d, { x: "Date" } as never))).toMatchObject({ code: "invalid-option", path: ["options", "x"] });
    expect(catchError(() => timescaleSeries(d, { serie: "period" } as never))).toMatchObject({ code: "unknown-option", path: ["options", "serie"] });
    expect(catchError(() => timescaleSeries(d, { serie: "period" } as never)).message).toContain('did you mean "series"');
  });
});

describe("timescaleSeries: a row that ends before every start", () => {
  it("is a QiError naming the row's end (was a TypeError from inside the period series)", () => {
    const rows = [
      { child: "A", episode: 1, stage: "s", from: "a", to: "b", start: "2024-03-01", end: "2024-01-15", days: -46, censored: false, status: "reached", exit: null, target: null, withinTarget: null, daysOverTarget: null, route: null },
      { child: "B", episode: 1, stage: "s", from: "a", to: "b", start: "2024-02-01", end: "2024-02-20", days: 19, censored: false, status: "reached", exit: null, target: null, withinTarget: null, daysOverTarget: null, route: null },
    ] as const;
    const error = catchError(() => timescaleSeries(rows as never, { series: "period", asOf: "2024-06-30" }));
    expect(error.code).toBe("invalid-date");
    expect(error.path).toEqual(["durations", 0, "end"]);
    expect(error.message).toMatch(/2024-01-15 is before the first start, 2024-02-01/);
  });
});
