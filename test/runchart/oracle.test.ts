import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runChart } from "../../src/index.js";

const load = (name: string): any[] => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));

const close = (a: number | null, b: number | null, tol = 1e-9): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe("qicharts2 run charts (oracle: ../shared/oracle/qicharts2.json, chart = run)", () => {
  const cases = load("qicharts2.json").filter((c) => c.chart === "run");
  it("has the run cases", () => expect(cases.length).toBe(64));
  it.each(cases.map((c) => [c.id, c]))("%s", (_id, c) => {
    // qicharts2: 1-based freeze (last baseline point), part (last point of phase 1), exclude.
    const m = c.y.length;
    const phases = c.part === null ? undefined : (Array.isArray(c.part) ? c.part : [c.part]);
    const chart = runChart(c.y as (number | null)[], {
      rules: { preset: "anhoej", method: c.method },
      ...(phases ? { phases } : {}),
      ...(c.freeze !== null ? { baseline: c.freeze } : {}),
      ...(c.exclude !== null ? { exclude: (Array.isArray(c.exclude) ? c.exclude : [c.exclude]).map((i: number) => i - 1) } : {}),
    });
    const out = c.out;
    for (let i = 0; i < m; i++) {
      const p = chart.points[i]!;
      const ph = chart.phases[p.phase]!;
      expect(p.phase + 1).toBe(out.part[i]);
      expect(close(ph.centre, out.cl[i])).toBe(true);
      expect(ph.nObs).toBe(out.nObs[i]);
      expect(ph.nUseful).toBe(out.nUseful[i]);
      expect(ph.longestRun).toBe(out.longestRun[i]);
      expect(ph.longestRunMax).toBe(out.longestRunMax[i]);
      expect(ph.crossings).toBe(out.nCrossings[i]);
      expect(ph.crossingsMin).toBe(out.nCrossingsMin[i]);
      expect(ph.signal).toBe(out.runsSignal[i]);
    }
  });
});

describe("IHI rules as written (oracle: ../shared/oracle/ihi-rules.json)", () => {
  const cases = load("ihi-rules.json");
  it("has the cases", () => expect(cases.length).toBe(150));
  it.each(cases.map((c) => [c.id, c]))("%s", (_id, c) => {
    const chart = runChart(c.y as (number | null)[], { rules: "pace", astronomical: false });
    const ph = chart.phases[0]!;
    const o = c.out;
    expect(close(ph.centre, o.centre)).toBe(true);
    expect(ph.nUseful).toBe(o.nUseful);
    expect(ph.runs).toBe(o.runs);
    expect(ph.runsLimits === null ? null : [ph.runsLimits.lower, ph.runsLimits.upper]).toEqual(o.runsLimits);
    const few = chart.signals.some((s) => s.rule === "too-few-runs");
    const many = chart.signals.some((s) => s.rule === "too-many-runs");
    expect(o.runsVerdict === null ? null : few ? "too-few" : many ? "too-many" : "ok").toBe(o.runsVerdict);
    expect(ph.signal).toBe(o.runsVerdict === null ? null : o.runsVerdict !== "ok");
    const shift = chart.signals.filter((s) => s.rule === "shift").flatMap((s) => s.points);
    expect(shift).toEqual(o.shift);
    const trends = chart.signals.filter((s) => s.rule === "trend");
    // The oracle lists each point once; a turning point can belong to two trends.
    const union = (xs: number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);
    expect(union(trends.flatMap((s) => s.points))).toEqual(o.trend);
    expect(union(trends.flatMap((s) => s.counted ?? []))).toEqual(o.trendCounted);
    // points[].signals agree with the signal list
    expect(chart.points.filter((p) => p.signals.includes("shift")).map((p) => p.index)).toEqual(o.shift);
  });
});

describe("runcharter re-phasing (oracle: ../shared/oracle/runcharter.json)", () => {
  const cases = load("runcharter.json");
  it("has the cases", () => expect(cases.length).toBe(120));
  it.each(cases.map((c) => [c.id, c]))("%s", (_id, c) => {
    const rows = (c.dates as string[]).map((date, i) => ({ date, value: c.y[i] as number }));
    const chart = runChart(rows, {
      x: "date",
      y: "value",
      rephase: { runLength: c.runLength, baselinePoints: c.baselinePoints, side: c.direction },
    });
    const got = {
      median: chart.phases.map((p) => p.centre),
      start: chart.phases.map((p) => rows[p.baselineStart!]!.date),
      end: chart.phases.map((p) => rows[p.baselineEnd!]!.date),
      runType: chart.phases.map((p) => (p.origin === "rephase" ? "sustained" : "baseline")),
    };
    // R's JSON writer unboxes one-element vectors.
    const boxed = Object.fromEntries(Object.entries(c.out).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
    expect(got).toEqual(boxed);
  });
});
