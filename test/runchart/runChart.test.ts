import { describe, expect, it } from "vitest";
import { controlChart, renderRunChart, runChart, summariseMeasures, summaryToCsv } from "../../src/index.js";
import { fails as qiError } from "../_shared/fails.js";

describe("input", () => {
  it("reads numbers; x defaults to the observation number", () => {
    const chart = runChart([3, 1, 2]);
    expect(chart.points.map((p) => [p.index, p.x, p.y])).toEqual([[0, 1, 3], [1, 2, 1], [2, 3, 2]]);
    expect(chart.phases[0]!.centre).toBe(2);
  });

  it("reads rows with field names or accessors", () => {
    const rows = [{ m: "2024-01-01", v: 4 }, { m: "2024-02-01", v: 6 }];
    const a = runChart(rows, { x: "m", y: "v" });
    const b = runChart(rows, { x: (d) => d.m, y: (d, i) => d.v + i * 0 });
    expect(a.points).toEqual(b.points);
    expect(a.points[1]!.x).toBe("2024-02-01");
  });

  it("sorts by x and gives Dates back as the calendar day read (ISO), not the caller's objects", () => {
    const rows = [{ d: new Date(Date.UTC(2024, 2, 1)), y: 3 }, { d: new Date(Date.UTC(2024, 0, 1)), y: 1 }, { d: new Date(Date.UTC(2024, 1, 1)), y: 2 }];
    const chart = runChart(rows, { x: "d", y: "y" });
    expect(chart.points.map((p) => p.y)).toEqual([1, 2, 3]);
    expect(chart.points.map((p) => p.x)).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
  });

  it("a chart of local-midnight Dates is the same after a JSON round trip, in every time zone (session 13 user trial)", () => {
    // East of UTC (and in British Summer Time) new Date(2024, 3, 1) serialises as "2024-03-31T23:00:00.000Z":
    // a result holding the Date drew "31 Mar 2024" after JSON.parse(JSON.stringify(chart)).
    const rows = Array.from({ length: 14 }, (_, i) => ({ month: new Date(2023, 3 + i, 1), y: 40 + ((i * 7) % 11) }));
    const chart = runChart(rows, { x: "month", y: "y" });
    expect(chart.points[0]!.x).toBe("2023-04-01");
    expect(chart.points[13]!.x).toBe("2024-05-01");
    const again = JSON.parse(JSON.stringify(chart)) as typeof chart;
    expect(renderRunChart(again)).toBe(renderRunChart(chart));
    const latest = summariseMeasures([{ name: "m", chart: again }]).rows[0]!.latest!;
    expect([latest.x, latest.label]).toEqual(["2024-05-01", "May 2024"]);
    expect(summaryToCsv(summariseMeasures([{ name: "m", chart: again }])).split("\n")[1]).toContain(",2024-05-01,");
    // A summary row holding a local-midnight Date (made by hand) is written as its calendar day, not its UTC day.
    const summary = summariseMeasures([{ name: "m", chart }]);
    const byHand = { ...summary, rows: [{ ...summary.rows[0]!, latest: { ...latest, x: new Date(2024, 4, 1) } }] };
    expect(summaryToCsv(byHand).split("\n")[1]).toContain(",2024-05-01,");
  });

  it("accepts numeric strings (CSV) and treats blanks, null, undefined and NaN as gaps", () => {
    const chart = runChart([{ y: "5" }, { y: "" }, { y: null }, { y: undefined }, { y: Number.NaN }, { y: " 7 " }], { y: "y" });
    expect(chart.points.map((p) => p.y)).toEqual([5, null, null, null, null, 7]);
    const w = chart.warnings.find((w) => w.code === "missing-values")!;
    expect(w.points).toEqual([1, 2, 3, 4]);
    expect(w.message).toMatch(/4 points have no value/);
  });

  it("gaps are skipped by the rules, not treated as breaks", () => {
    // six points below the median with a gap in the middle is still a shift
    const y = [10, 10, 10, 10, 10, 10, 1, 1, 1, null, 1, 1, 1, 10, 10, 10, 10, 10];
    const chart = runChart(y, { astronomical: false });
    const shift = chart.signals.find((s) => s.rule === "shift" && s.side === "below")!;
    expect(shift.points).toEqual([6, 7, 8, 10, 11, 12]);
  });

  it("aggregates duplicate x when asked", () => {
    const rows = [{ x: 1, y: 2 }, { x: 1, y: 4 }, { x: 2, y: 10 }, { x: 1, y: null }];
    expect(runChart(rows, { x: "x", y: "y", aggregate: "mean" }).points.map((p) => p.y)).toEqual([3, 10]);
    expect(runChart(rows, { x: "x", y: "y", aggregate: "sum" }).points.map((p) => p.y)).toEqual([6, 10]);
    expect(runChart(rows, { x: "x", y: "y", aggregate: "median" }).points.map((p) => p.y)).toEqual([3, 10]);
  });

  it("says how many of the rows combined have no value (left out, with their denominators)", () => {
    const rows = [{ x: 1, y: 2, n: 4 }, { x: 1, y: null, n: 4 }, { x: 2, y: 10, n: 20 }];
    const chart = runChart(rows, { x: "x", y: "y", n: "n" });
    expect(chart.points.map((p) => p.y)).toEqual([0.5, 0.5]);
    expect(chart.warnings[0]!.message).toMatch(/Σy \/ Σn \(as qicharts2 with a denominator\); 1 of these rows has no value and was left out of Σy \/ Σn \(its denominator too\)\.$/);
    expect(runChart([{ x: 1, y: 2 }, { x: 1, y: 4 }, { x: 2, y: 10 }, { x: 1, y: null }], { x: "x", y: "y", aggregate: "sum" }).warnings[0]!.message).toMatch(/; 1 of these rows has no value and was left out\.$/);
  });

  it("copies notes", () => {
    const chart = runChart([{ y: 1, n: "start" }, { y: 2, n: "PDSA 1" }], { y: "y", notes: "n" });
    expect(chart.points.map((p) => p.note)).toEqual(["start", "PDSA 1"]);
  });

  it("never mutates its input", () => {
    const rows = Object.freeze([Object.freeze({ x: 3, y: 1 }), Object.freeze({ x: 1, y: 2 }), Object.freeze({ x: 2, y: 3 })]);
    const options = Object.freeze({ x: "x" as const, y: "y" as const, phases: Object.freeze([1]), exclude: Object.freeze([0]) });
    expect(() => runChart(rows, options)).not.toThrow();
  });
});

describe("bad input", () => {
  it.each([
    ["empty data", () => runChart([]), "empty-data", ["data"]],
    ["all values missing", () => runChart([null, null]), "all-missing", ["data"]],
    ["non-numeric y", () => runChart([{ y: 1 }, { y: "abc" }], { y: "y" }), "invalid-value", ["data", 1, "y"]],
    ["infinite y", () => runChart([1, Number.POSITIVE_INFINITY]), "invalid-value", ["data", 1, "y"]],
    ["rows without y", () => runChart([{ v: 1 }] as { v: number }[]), "invalid-option", ["options", "y"]],
    ["unknown preset", () => runChart([1, 2], { rules: "pacee" as never }), "unknown-option", ["options", "rules"]],
    ["unknown option", () => runChart([1, 2], { baseln: 3 } as never), "unknown-option", ["options", "baseln"]],
    ["unknown rule option", () => runChart([1, 2], { rules: { shift: { lenght: 7 } } as never }), "unknown-option", ["options", "rules", "shift", "lenght"]],
    ["bad rule value", () => runChart([1, 2], { rules: { trend: { length: 1 } } }), "invalid-option", ["options", "rules", "trend", "length"]],
    ["phase index out of range", () => runChart([1, 2, 3], { phases: [3] }), "out-of-range", ["options", "phases", 0]],
    ["exclude index out of range", () => runChart([1, 2, 3], { exclude: [-1] }), "out-of-range", ["options", "exclude", 0]],
    ["duplicate x", () => runChart([{ x: 1, y: 1 }, { x: 1, y: 2 }], { x: "x", y: "y" }), "duplicate-x", ["data", 1, "x"]],
    ["invalid date x", () => runChart([{ x: "2024-02-30", y: 1 }], { x: "x", y: "y" }), "invalid-x", ["data", 0, "x"]],
    ["text x", () => runChart([{ x: "Q1", y: 1 }], { x: "x", y: "y" }), "invalid-x", ["data", 0, "x"]],
    ["mixed x", () => runChart([{ x: 1, y: 1 }, { x: "2024-01-01", y: 2 }], { x: "x", y: "y" }), "invalid-x", ["data", 1, "x"]],
    ["date phase on numeric x", () => runChart([1, 2, 3], { phases: ["2024-01-01"] }), "invalid-option", ["options", "phases", 0]],
    ["fixed centre with rephase", () => runChart([1, 2, 3], { centre: 2, rephase: true }), "invalid-option", ["options", "rephase"]],
    ["everything excluded", () => runChart([1, null], { exclude: [0] }), "all-missing", ["options", "exclude"]],
  ])("%s", (_name, fn, code, path) => {
    const e = qiError(fn);
    expect(e.code).toBe(code);
    expect(e.path).toEqual(path);
    expect(e.message.length).toBeGreaterThan(10);
  });

  it("data that are neither numbers nor rows are said to be what they are, not 'rows' (user trial 14)", () => {
    const bool = qiError(() => runChart([true, false, true] as never));
    expect([bool.code, bool.path]).toEqual(["invalid-value", ["data", 0]]);
    expect(bool.message).toBe("data[0] is true (a boolean), not a number: data given without y must be numbers (null, undefined or NaN for a gap), or rows with y naming a field or giving an accessor (at data[0])");
    const boxed = qiError(() => runChart([new Number(3), 4, 5] as never));
    expect([boxed.code, boxed.path]).toEqual(["invalid-value", ["data", 0]]);
    expect(boxed.message).toBe("data[0] is a Number object (new Number(3)), not a number: data given without y must be numbers (null, undefined or NaN for a gap), or rows with y naming a field or giving an accessor; give plain numbers (x.valueOf()) (at data[0])");
    const text = qiError(() => runChart([1, "2"] as never));
    expect([text.code, text.path]).toEqual(["invalid-value", ["data", 1]]);
    expect(text.message).toContain('data[1] is "2" (text), not a number');
    expect(text.message).toContain('numbers written as text are read from a field of rows ({ y: "2" } with y: "y")');
    // The same reader for a control chart; rows without y keep their own message.
    expect(qiError(() => controlChart([true, false, true] as never)).path).toEqual(["data", 0]);
    expect(qiError(() => runChart([{ v: 1 }] as never)).message).toBe("y is required when the data are rows, not numbers: give a field name or an accessor (at options.y)");
  });

  it("suggests the option the caller meant", () => {
    expect(qiError(() => runChart([1], { baseln: 3 } as never)).message).toMatch(/did you mean "baseline"/);
  });

  it("names the duplicate rows and the fix", () => {
    expect(qiError(() => runChart([{ x: 1, y: 1 }, { x: 1, y: 2 }], { x: "x", y: "y" })).message).toMatch(/rows 0 and 1 .*aggregate/);
  });
});

describe("phases, baseline, exclude, centre", () => {
  const y = [5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 2, 3, 2, 1, 2, 3, 2, 1];

  it("each phase gets its own median and runs analysis", () => {
    const chart = runChart(y, { phases: [10] });
    expect(chart.phases.map((p) => [p.start, p.end, p.centre, p.origin])).toEqual([[0, 9, 6, "data"], [10, 17, 2, "phase"]]);
    expect(chart.points[10]!.phase).toBe(1);
    expect(chart.points[10]!.centre).toBe(2);
  });

  it("a baseline freezes the centre; later points are judged against it", () => {
    const chart = runChart(y, { baseline: 10, direction: "decrease" });
    const p = chart.phases[0]!;
    expect([p.centre, p.baselineStart, p.baselineEnd]).toEqual([6, 0, 9]);
    expect(chart.points.filter((q) => q.baseline).length).toBe(10);
    const shift = chart.signals.find((s) => s.rule === "shift")!;
    // point 8 (5) is below the frozen median 6 and point 9 (6) sits on it, so the shift starts at 8
    expect([shift.start, shift.end, shift.side, shift.assessment]).toEqual([8, 17, "below", "improvement"]);
    expect(shift.points).toEqual([8, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it("per-phase baselines, and a baseline given as a date", () => {
    const rows = y.map((v, i) => ({ d: `2024-${String(1 + (i % 12)).padStart(2, "0")}-01`.replace(/^2024/, String(2024 + Math.floor(i / 12))), v }));
    const a = runChart(rows, { x: "d", y: "v", phases: [10], baseline: [4, null] });
    expect(a.phases.map((p) => [p.baselineStart, p.baselineEnd])).toEqual([[0, 3], [10, 17]]);
    const b = runChart(rows, { x: "d", y: "v", baseline: "2024-04-15" });
    expect([b.phases[0]!.baselineEnd]).toEqual([3]);
  });

  it("excluded points stay on the chart but leave the centre and rules", () => {
    const chart = runChart([1, 2, 3, 100, 4, 5], { exclude: [3] });
    expect(chart.phases[0]!.centre).toBe(3);
    expect(chart.points[3]!).toMatchObject({ y: 100, excluded: true, useful: false, baseline: false });
    expect(chart.phases[0]!.nObs).toBe(5);
  });

  it("a fixed centre replaces the median", () => {
    const chart = runChart(y, { centre: 4 });
    expect(chart.phases[0]!.centre).toBe(4);
    expect(chart.phases[0]!.baselineStart).toBeNull();
    expect(chart.signals.find((s) => s.rule === "shift")!.message).toMatch(/centre line/);
  });

  it("useful observations exclude points on the centre", () => {
    const chart = runChart([1, 2, 3]);
    expect(chart.points.map((p) => p.useful)).toEqual([true, false, true]);
    expect(chart.phases[0]!.nUseful).toBe(2);
  });
});

describe("rules and conventions", () => {
  it("shift length is overridable and points on the centre can break a shift", () => {
    const y = [1, 1, 1, 1, 1, 1, 5, 9, 9, 9, 9, 9, 9, 5, 9];
    // median 5; six 9s, then a 5 on the median, then another 9
    const skip = runChart(y, { astronomical: false, rules: { shift: { length: 7 } } });
    expect(skip.signals.filter((s) => s.rule === "shift").map((s) => s.points.length)).toEqual([7]);
    const brk = runChart(y, { astronomical: false, rules: { shift: { length: 7, onCentre: "break" } } });
    expect(brk.signals.filter((s) => s.rule === "shift")).toEqual([]);
  });

  it("ties in a trend: skipped by default, breaking on request", () => {
    const y = [1, 2, 3, 3, 4, 5, 1, 1, 1, 1, 1, 1];
    const skip = runChart(y, { astronomical: false, rules: { shift: false, runs: false } });
    expect(skip.signals.map((s) => [s.rule, s.start, s.end, s.counted])).toEqual([["trend", 0, 5, [0, 1, 2, 4, 5]]]);
    const brk = runChart(y, { astronomical: false, rules: { shift: false, runs: false, trend: { ties: "break" } } });
    expect(brk.signals).toEqual([]);
  });

  it("runs test needs 10 useful observations; below that it is insufficient", () => {
    const chart = runChart([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(chart.phases[0]!.runsLimits).toBeNull();
    expect(chart.phases[0]!.signal).toBeNull();
    expect(chart.warnings.map((w) => w.code)).toContain("too-few-useful");
  });

  it("too many runs", () => {
    const y = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : 9));
    const chart = runChart(y, { astronomical: false });
    expect(chart.phases[0]!.runs).toBe(20);
    expect(chart.signals.map((s) => s.rule)).toEqual(["too-many-runs"]);
    expect(chart.phases[0]!.signal).toBe(true);
  });

  it("rules can be switched off and Anhøj's added to pace", () => {
    const y = Array.from({ length: 12 }, (_, i) => i + 1);
    const chart = runChart(y, { rules: { shift: false, trend: false, runs: false, crossings: true } });
    expect(chart.signals.map((s) => s.rule)).toEqual(["few-crossings"]);
  });

  it("direction decides the assessment; neutral by default", () => {
    const y = [9, 9, 9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 1, 1];
    const shiftsOf = (direction?: "increase" | "decrease") =>
      runChart(y, { astronomical: false, ...(direction ? { direction } : {}) }).signals.filter((s) => s.rule === "shift").map((s) => [s.side, s.assessment]);
    expect(shiftsOf()).toEqual([["above", "neutral"], ["below", "neutral"]]);
    expect(shiftsOf("decrease")).toEqual([["above", "deterioration"], ["below", "improvement"]]);
    expect(shiftsOf("increase")).toEqual([["above", "improvement"], ["below", "deterioration"]]);
  });
});

describe("astronomical points", () => {
  const y = [10, 12, 11, 13, 12, 10, 11, 12, 13, 11, 60, 12];
  // Quartiles (R type 7) 11 and 12.25, IQR 1.25: fences 7.25 and 16.
  it("Tukey's far-out fences by default, named in the message", () => {
    const chart = runChart(y, { direction: "decrease" });
    const a = chart.signals.filter((s) => s.rule === "astronomical");
    expect(a.map((s) => [s.start, s.side, s.assessment])).toEqual([[10, "above", "deterioration"]]);
    expect(a[0]!.message).toBe("point 11 (60) is an astronomical point, above 16, Tukey's far-out fence (Q3 + 3 × IQR), a deterioration.");
    expect(chart.points[10]!.signals).toEqual(["astronomical"]);
  });
  it("sigma limits", () => {
    const a = runChart(y, { astronomical: "sigma" }).signals.filter((s) => s.rule === "astronomical");
    expect(a.map((s) => s.start)).toEqual([10]);
    expect(a[0]!.message).toMatch(/3-sigma limit/);
  });
  it("a manual list, and off", () => {
    expect(runChart(y, { astronomical: [2] }).signals.filter((s) => s.rule === "astronomical").map((s) => s.start)).toEqual([2]);
    expect(runChart(y, { astronomical: [2] }).signals.find((s) => s.rule === "astronomical")!.message).toMatch(/judged by the team/);
    expect(runChart(y, { astronomical: false }).signals.filter((s) => s.rule === "astronomical")).toEqual([]);
  });
  it("skips with a warning when there are too few values", () => {
    const chart = runChart([1, 2, 50]);
    expect(chart.signals).toEqual([]);
    expect(chart.warnings.map((w) => w.code)).toContain("astronomical-skipped");
  });
});

describe("messages", () => {
  it("read as plain English with month labels", () => {
    const rows = [30, 31, 29, 30, 32, 30, 20, 19, 18, 21, 20, 19, 18].map((v, i) => ({ month: `2023-${String(i + 1).padStart(2, "0")}-01`.replace("2023-13", "2024-01"), v }));
    const chart = runChart(rows, { x: "month", y: "v", direction: "decrease", astronomical: false, rules: { runs: false, trend: false } });
    expect(chart.signals[0]!.message).toBe("6 points above the median from Jan 2023 to Jun 2023: a shift, a deterioration.");
    // the median is 21 (Oct 2023 sits on it and neither counts nor breaks the shift)
    expect(chart.signals[1]!.message).toBe("6 points below the median from Jul 2023 to Jan 2024: a shift, an improvement.");
  });
});

describe("results", () => {
  it("are JSON-serialisable", () => {
    const chart = runChart([5, 6, 7, null, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(JSON.parse(JSON.stringify(chart))).toEqual(JSON.parse(JSON.stringify(chart)));
    expect(() => structuredClone(chart)).not.toThrow();
  });
});

describe("Anhøj's box methods", () => {
  // n = 11 (Anhøj & Wentzel-Larsen 2020): the 2014 rules signal when C < 2 or L > 6, the best box
  // when C < 3 or L > 7. Two crossings and a longest run of 4 separate them.
  const y = [6, 6, 6, 6, 4, 4, 4, 4, 6, 6, 6];
  it("bestbox signals where the 2014 rules do not", () => {
    const std = runChart(y, { centre: 5, rules: "anhoej" });
    expect([std.phases[0]!.nUseful, std.phases[0]!.crossings, std.phases[0]!.signal]).toEqual([11, 2, false]);
    const box = runChart(y, { centre: 5, rules: { preset: "anhoej", method: "bestbox" } });
    expect(box.phases[0]!.signal).toBe(true);
    // the reported limits stay the 2014 ones, as qicharts2
    expect([box.phases[0]!.longestRunMax, box.phases[0]!.crossingsMin]).toEqual([6, 2]);
    expect(box.signals.map((s) => s.rule)).toEqual(["few-crossings"]);
    expect(box.signals[0]!.message).toMatch(/best box for 11 useful observations/);
  });
  it("outside 10–100 useful observations the 2014 rules apply", () => {
    const short = runChart([1, 2, 3, 4, 5, 6, 7, 8], { rules: { preset: "anhoej", method: "cutbox" } });
    const std = runChart([1, 2, 3, 4, 5, 6, 7, 8], { rules: "anhoej" });
    expect(short.phases).toEqual(std.phases);
  });
});

describe("the JSDoc examples", () => {
  it("runChart", () => {
    const chart = runChart([12, 14, 11, 13, 12, 14, 13, 7, 6, 7, 5, 6, 5, 6], { direction: "decrease" });
    expect(chart.phases[0]!.centre).toBe(9);
    expect(chart.signals.map((s) => s.rule)).toEqual(["shift", "too-few-runs", "shift"]);
    expect(chart.signals[0]!.message).toBe("7 points above the median from point 1 to point 7: a shift, a deterioration.");
  });
  it("runsLimits and anhoejLimits", async () => {
    const { runsLimits, anhoejLimits } = await import("../../src/index.js");
    expect(runsLimits(20)).toEqual({ lower: 7, upper: 15 });
    expect(anhoejLimits(24)).toEqual({ longestRunMax: 8, crossingsMin: 8 });
  });
});

describe("a baseline longer than its phase (as NHSRplotthedots 0.2.2)", () => {
  it("uses the whole phase and warns, naming the phase", () => {
    const r = runChart([1, 2, 3, 4, 5, 6], { phases: [2], baseline: 3 });
    expect(r.phases.map((p) => [p.baselineStart, p.baselineEnd])).toEqual([[0, 1], [2, 4]]);
    expect(r.phases[0]!.centre).toBe(1.5);
    expect(r.warnings.filter((w) => w.code === "baseline-longer-than-phase")).toEqual([
      { code: "baseline-longer-than-phase", phase: 0, message: "The baseline of 3 points is longer than phase 1 (2 points, points 1 to 2): the whole phase is its baseline." },
    ]);
  });
});
