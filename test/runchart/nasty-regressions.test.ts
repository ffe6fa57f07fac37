// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import { anhoejLimits, runChart, runRulesOf, runsLimits, summariseRunChart } from "../../src/runchart/index.js";


describe("run-chart helpers with values that are not numbers", () => {
  it("runRulesOf(Symbol()) is invalid-option at [mask] (was a TypeError)", () => {
    const e = fails(() => runRulesOf(Symbol("s") as never));
    expect([e.code, e.path]).toEqual(["invalid-option", ["mask"]]);
    expect(fails(() => runRulesOf(10n as never)).path).toEqual(["mask"]);
    expect(runRulesOf(3)).toEqual(["shift", "trend"]);
  });
  it("runsLimits: a symbol n, null options and a symbol alpha are invalid-option (were TypeErrors)", () => {
    const n = fails(() => runsLimits(Symbol("s") as never));
    expect([n.code, n.path]).toEqual(["invalid-option", ["n"]]);
    expect(n.message).toContain("not an object");
    const o = fails(() => runsLimits(20, null as never));
    expect([o.code, o.path]).toEqual(["invalid-option", ["options"]]);
    const a = fails(() => runsLimits(20, { alpha: Object.create(null) as never }));
    expect([a.code, a.path]).toEqual(["invalid-option", ["options", "alpha"]]);
  });
  it("anhoejLimits of a null-prototype object is invalid-option at [n] (was a TypeError)", () => {
    const e = fails(() => anhoejLimits(Object.create(null) as never));
    expect([e.code, e.path]).toEqual(["invalid-option", ["n"]]);
    expect(anhoejLimits(24)).toEqual({ longestRunMax: 8, crossingsMin: 8 });
  });
});

describe("summariseRunChart with something that is not a run chart (the whole-document sweep)", () => {
  const chart = runChart([5, 6, 5, 7, 6, 5, 6, 2, 1, 2, 1, 2, 1]);
  const c = chart as unknown as Record<string, unknown>;
  it("throws invalid-value at [chart, …] (were TypeErrors)", () => {
    for (const [value, path] of [
      [null, ["chart"]],
      [{}, ["chart", "points"]],
      [{ ...c, points: [null, ...chart.points.slice(1)] }, ["chart", "points", 0]],
      [{ ...c, points: [{ ...chart.points[0]!, y: Symbol("s") }, ...chart.points.slice(1)] }, ["chart", "points", 0, "y"]],
      [{ ...c, phases: [{ ...chart.phases[0]!, centre: Object.create(null) }] }, ["chart", "phases", 0, "centre"]],
      [{ ...c, signals: [{ ...chart.signals[0]!, message: 10n }] }, ["chart", "signals", 0, "message"]],
      [{ ...c, warnings: [Symbol("s")] }, ["chart", "warnings", 0]],
      [{ ...c, settings: null }, ["chart", "settings"]],
    ] as const) {
      const e = fails(() => summariseRunChart(value as never));
      expect([e.code, e.path]).toEqual(["invalid-value", path]);
    }
    expect(fails(() => summariseRunChart({} as never)).message).toContain("pass what runChart() returned");
  });
  it("a phase running past the points is invalid-value at [chart, phases, k] (end = Infinity would have looped)", () => {
    for (const end of [Number.POSITIVE_INFINITY, 13, 1e9]) {
      const e = fails(() => summariseRunChart({ ...c, phases: [{ ...chart.phases[0]!, end }] } as never));
      expect([e.code, e.path]).toEqual(["invalid-value", ["chart", "phases", 0, ...(Number.isInteger(end) ? [] : ["end"])]]);
    }
  });
  it("a columnar chart (output: \"columns\") is summarised as its point form is (it was refused before the CLI's columnar pipeline, issue #18)", () => {
    expect(summariseRunChart(runChart([1, 2, 3, 4, 9, 1, 2, 3, 4, 5, 6, 7, 8], { output: "columns" }))).toBe(summariseRunChart(runChart([1, 2, 3, 4, 9, 1, 2, 3, 4, 5, 6, 7, 8])));
    const bad = { ...runChart([1, 2, 3, 4], { output: "columns" }), columns: { length: -1 } };
    expect(fails(() => summariseRunChart(bad as never)).path).toEqual(["chart", "columns", "length"]);
  });
  it("a grouped result (by) is refused with a message asking for each group's chart", () => {
    const groups = runChart([{ g: "a", y: 1 }, { g: "a", y: 2 }], { y: "y", by: "g" });
    const e = fails(() => summariseRunChart(groups as never));
    expect([e.code, e.path, e.message.includes(".chart")]).toEqual(["invalid-value", ["chart"], true]);
  });
});
