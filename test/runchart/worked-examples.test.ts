import { describe, expect, it } from "vitest";
import { runChart, type RunChart } from "../../src/index.js";

// Worked examples from ../shared/reference/run-rules.md, quoted as data.

const cdi = [17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9];
const monthly = (n: number, from: [number, number]): string[] =>
  Array.from({ length: n }, (_, i) => {
    const m = from[1] - 1 + i;
    return `${from[0] + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`;
  });

function summary(chart: RunChart, k = 0) {
  const p = chart.phases[k]!;
  return { centre: p.centre, nObs: p.nObs, nUseful: p.nUseful, longestRun: p.longestRun, longestRunMax: p.longestRunMax, crossings: p.crossings, crossingsMin: p.crossingsMin, signal: p.signal };
}

describe("B.1 qicharts2 runs analysis on cdi", () => {
  it("whole series", () => {
    expect(summary(runChart(cdi, { rules: "anhoej" }))).toEqual({ centre: 17, nObs: 36, nUseful: 32, longestRun: 14, longestRunMax: 8, crossings: 6, crossingsMin: 11, signal: true });
  });
  it("freeze = 24 (baseline of 24 points)", () => {
    expect(summary(runChart(cdi, { rules: "anhoej", baseline: 24 }))).toEqual({ centre: 19, nObs: 36, nUseful: 31, longestRun: 15, longestRunMax: 8, crossings: 8, crossingsMin: 11, signal: true });
  });
  it("part = 24 (a new phase at point 25)", () => {
    const chart = runChart(cdi, { rules: "anhoej", phases: [24] });
    expect(summary(chart, 0)).toEqual({ centre: 19, nObs: 24, nUseful: 19, longestRun: 3, longestRunMax: 7, crossings: 8, crossingsMin: 6, signal: false });
    expect(summary(chart, 1)).toEqual({ centre: 6, nObs: 12, nUseful: 12, longestRun: 4, longestRunMax: 7, crossings: 4, crossingsMin: 3, signal: false });
  });
  it("a phase given as a date gives the same split", () => {
    const rows = cdi.map((n, i) => ({ month: monthly(36, [2015, 1])[i]!, n }));
    const chart = runChart(rows, { x: "month", y: "n", rules: "anhoej", phases: ["2017-01-01"] });
    expect(chart.phases.map((p) => [p.start, p.end, p.centre])).toEqual([[0, 23, 19], [24, 35, 6]]);
  });
  it("ties example: no signal", () => {
    const y = [2, 4, 3, 5, 5, 5, 6, 7, 5, 8, 9, 5, 4, 3, 5, 6];
    expect(summary(runChart(y, { rules: "anhoej" }))).toEqual({ centre: 5, nObs: 16, nUseful: 10, longestRun: 4, longestRunMax: 6, crossings: 3, crossingsMin: 2, signal: false });
  });
  it("monotone example: Anhøj signals by crossings; IHI shift and trend fire", () => {
    const y = Array.from({ length: 12 }, (_, i) => i + 1);
    const a = runChart(y, { rules: "anhoej" });
    expect(summary(a)).toEqual({ centre: 6.5, nObs: 12, nUseful: 12, longestRun: 6, longestRunMax: 7, crossings: 1, crossingsMin: 3, signal: true });
    expect(a.signals.map((s) => s.rule)).toEqual(["few-crossings"]);
    const ihi = runChart(y, { direction: "increase" });
    const rules = ihi.signals.map((s) => s.rule);
    expect(rules).toContain("shift");
    expect(rules).toContain("trend");
    const trend = ihi.signals.find((s) => s.rule === "trend")!;
    expect([trend.start, trend.end, trend.direction, trend.assessment]).toEqual([0, 11, "up", "improvement"]);
    expect(ihi.signals.filter((s) => s.rule === "shift").map((s) => [s.side, s.assessment])).toEqual([["below", "deterioration"], ["above", "improvement"]]);
  });
});

describe("B.2 Montgomery Table 6.7 as a run chart", () => {
  const cost = [310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304, 305, 282, 305, 296, 314, 295, 287, 301, 298, 311, 310, 292, 305, 299, 304, 310, 304, 305, 333, 328];
  it("median 302, longest run 6, crossings 20", () => {
    const p = runChart(cost, { rules: "anhoej" }).phases[0]!;
    expect([p.centre, p.longestRun, p.crossings]).toEqual([302, 6, 20]);
  });
});

describe("B.3 runcharter re-phasing", () => {
  const wards: Record<string, number[]> = {
    WardX: [9, 22, 19, 18, 8, 7, 11, 11, 11, 12, 2, 8, 9, 6, 7, 11, 11, 11, 21, 12, 21, 12, 21, 13, 5, 6, 4, 15, 12, 7, 14, 7, 9, 13, 13, 7, 5, 4, 10, 4, 9, 4, 8, 6, 9, 9, 4, 5, 2, 6, 16, 8, 7, 6, 4],
    WardY: [11, 18, 5, 14, 12, 14, 23, 9, 9, 13, 4, 16, 19, 18, 20, 19, 19, 18, 11, 8, 18, 15, 3, 12, 17, 11, 15, 21, 15, 9, 6, 9, 6, 17, 12, 15, 9, 20, 9, 17, 15, 10, 12, 14, 16, 7, 3, 8, 11, 7, 9, 8, 8, 7, 8],
    WardZ: [2, 6, 3, 4, 5, 9, 4, 4, 3, 6, 3, 4, 5, 6, 9, 11, 7, 9, 4, 4, 3, 5, 12, 4, 4, 3, 4, 3, 7, 4, 5, 4, 5, 6, 1, 3, 9, 7, 10, 3, 4, 6, 10, 9, 12, 9, 4, 7, 6, 5, 9, 10, 5, 8, 16],
    WardV: [5, 3, 3, 12, 1, 7, 13, 10, 19, 13, 14, 1, 6, 13, 17, 15, 15, 15, 10, 5, 18, 11, 13, 2, 12, 2, 7, 9, 14, 3, 18, 4, 5, 6, 10, 18, 15, 5, 9, 10, 11, 15, 4, 4, 11, 11, 13, 4, 15, 17, 15, 7, 20, 18, 6],
  };
  const dates = monthly(55, [2014, 1]);
  const rows = Object.entries(wards).flatMap(([grp, ys]) => ys.map((y, i) => ({ grp, date: dates[i]!, y })));
  const segments = (side: "above" | "below" | "both", baselinePoints: number, runLength: number) =>
    Object.fromEntries(
      runChart(rows, { x: "date", y: "y", by: "grp", rephase: { side, baselinePoints, runLength } }).map(({ key, chart }) => [
        String(key).slice(4),
        chart.phases.map((p) => [p.centre, dates[p.baselineStart!], dates[p.baselineEnd!], p.origin === "rephase" ? "sustained" : "baseline"]),
      ]),
    );
  const base = (c: number, end = "2014-09-01") => [c, "2014-01-01", end, "baseline"];
  it("med_rows 9, runlength 9, both", () => {
    expect(segments("both", 9, 9)).toEqual({
      V: [base(7)],
      X: [base(11), [6, "2016-12-01", "2017-08-01", "sustained"]],
      Y: [base(12), [8, "2017-10-01", "2018-06-01", "sustained"]],
      Z: [base(4), [9, "2017-06-01", "2018-03-01", "sustained"]],
    });
  });
  it("above", () => {
    expect(segments("above", 9, 9)).toEqual({ V: [base(7)], X: [base(11)], Y: [base(12)], Z: [base(4), [9, "2017-06-01", "2018-03-01", "sustained"]] });
  });
  it("below", () => {
    expect(segments("below", 9, 9)).toEqual({
      V: [base(7)],
      X: [base(11), [6, "2016-12-01", "2017-08-01", "sustained"]],
      Y: [base(12), [8, "2017-10-01", "2018-06-01", "sustained"]],
      Z: [base(4)],
    });
  });
  it("runcharter defaults (13, 9, below)", () => {
    expect(segments("below", 13, 9)).toEqual({
      V: [base(7, "2015-01-01")],
      X: [base(11, "2015-01-01"), [6, "2016-12-01", "2017-08-01", "sustained"]],
      Y: [base(13, "2015-01-01"), [8, "2017-10-01", "2018-06-01", "sustained"]],
      Z: [base(4, "2015-01-01")],
    });
  });
  it("cdi, below: med_rows 24 and 12", () => {
    const data = cdi.map((y, i) => ({ date: monthly(36, [2015, 1])[i]!, y }));
    const seg = (baselinePoints: number) =>
      runChart(data, { x: "date", y: "y", rephase: { side: "below", baselinePoints, runLength: 9 } }).phases.map((p) => [p.centre, data[p.baselineStart!]!.date, data[p.baselineEnd!]!.date]);
    expect(seg(24)).toEqual([[19, "2015-01-01", "2016-12-01"], [7, "2017-01-01", "2017-09-01"]]);
    expect(seg(12)).toEqual([[19, "2015-01-01", "2015-12-01"], [11, "2016-10-01", "2017-06-01"]]);
  });
  it("grouped results keep first-seen order", () => {
    const groups = runChart(rows, { x: "date", y: "y", by: "grp" });
    expect(groups.map((g) => g.key)).toEqual(["WardX", "WardY", "WardZ", "WardV"]);
  });
});

describe("B.5 shifts on cdi (median 17)", () => {
  // jsphdms/runchart flags points 3–11, 13–19 and 23–36 (1-based), counting points on the median
  // that follow a shift (11 and 19 are 17, on the median) as part of it. The IHI rule says such
  // points neither add to nor break a shift, so here a shift ends at its last point off the median.
  it("finds the same three shifts; a shift ends at its last point off the median", () => {
    const chart = runChart(cdi, { astronomical: false });
    const shifts = chart.signals.filter((s) => s.rule === "shift");
    expect(shifts.map((s) => [s.start + 1, s.end + 1])).toEqual([[3, 10], [13, 18], [23, 36]]);
    expect(shifts.map((s) => s.points.length)).toEqual([8, 6, 14]);
    // points 14 and 15 (1-based) are 19, above the median: inside the second shift
    expect(shifts[1]!.points).toEqual([12, 13, 14, 15, 16, 17]);
    expect(chart.signals.some((s) => s.rule === "trend")).toBe(false);
  });
});
