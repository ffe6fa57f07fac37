// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts): the plain
// numeric kernels return NaN outside their domain — also for a non-number — and never throw.
import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import { a3, averageMovingRange, b3, b4, c4, c5, controlChart, summariseControlChart } from "../../src/spc/index.js";

describe("numeric kernels with values that are not numbers", () => {
  it("averageMovingRange: end = Infinity is NaN (it looped for ever) and a large end is clipped to the arrays", () => {
    expect(averageMovingRange(Float64Array.of(1, 3, 2), Uint8Array.of(1, 1, 1), 0, Number.POSITIVE_INFINITY, false)).toBeNaN();
    expect(averageMovingRange(Float64Array.of(1, 3, 2), Uint8Array.of(1, 1, 1), 0, 99, false)).toBe(1.5);
    expect(averageMovingRange(Float64Array.of(1, 3, 2), Uint8Array.of(1, 1, 1), 0, 99, true)).toBe(1.5);
  });
  it("averageMovingRange is NaN for arguments of the wrong kind", () => {
    expect(averageMovingRange([1, 3, 2] as never, Uint8Array.of(1, 1, 1), 0, 2, false)).toBeNaN();
    expect(averageMovingRange(Float64Array.of(1, 3, 2), Uint8Array.of(1, 1, 1), Symbol("s") as never, 2, false)).toBeNaN();
    expect(averageMovingRange(Float64Array.of(1, 3, 2), Uint8Array.of(1, 1, 1), 0, 1.5, false)).toBeNaN();
  });
  it("c4, c5, a3, b3, b4 are NaN for a symbol, a null-prototype object or a bigint (were TypeErrors)", () => {
    for (const v of [Symbol("s"), Object.create(null), [Symbol("s")], 10n] as never[]) {
      expect(c4(v)).toBeNaN();
      expect(c5(v)).toBeNaN();
      expect(a3(v)).toBeNaN();
      expect(b3(v)).toBeNaN();
      expect(b4(v)).toBeNaN();
      expect(a3(5, v)).toBeNaN();
      expect(b3(6, v)).toBeNaN();
      expect(b4(5, v)).toBeNaN();
    }
    expect(c4(5)).toBeCloseTo(0.9399856, 7);
  });
});

describe("summariseControlChart with something that is not a control chart (the whole-document sweep)", () => {
  const chart = controlChart([5, 6, 5, 7, 6, 5, 6, 5, 6, 30]);
  const c = chart as unknown as Record<string, unknown>;
  it("throws invalid-value at [chart, …] (were TypeErrors; a phase end of Infinity looped for ever)", () => {
    for (const [value, path] of [
      [undefined, ["chart"]],
      [{ ...c, type: "__proto__" }, ["chart", "type"]],
      [{ ...c, points: Symbol("s") }, ["chart", "points"]],
      [{ ...c, points: [{ ...chart.points[0]!, ucl: "3" }, ...chart.points.slice(1)] }, ["chart", "points", 0, "ucl"]],
      [{ ...c, phases: [{ ...chart.phases[0]!, end: Number.POSITIVE_INFINITY }] }, ["chart", "phases", 0, "end"]],
      [{ ...c, phases: [{ ...chart.phases[0]!, end: 10 }] }, ["chart", "phases", 0]],
      [{ ...c, signals: [{ ...chart.signals[0]!, points: [Symbol("s")] }] }, ["chart", "signals", 0, "points", 0]],
    ] as const) {
      const e = fails(() => summariseControlChart(value as never));
      expect([e.code, e.path]).toEqual(["invalid-value", path]);
    }
  });
  it("a columnar chart (output: \"columns\") is summarised as its point form is (it was refused before the CLI's columnar pipeline, issue #18)", () => {
    expect(summariseControlChart(controlChart([1, 2, 3, 4, 9, 1, 2, 3, 4, 5, 6, 7, 8], { output: "columns" }))).toBe(summariseControlChart(controlChart([1, 2, 3, 4, 9, 1, 2, 3, 4, 5, 6, 7, 8])));
    const bad = { ...controlChart([1, 2, 3, 4], { output: "columns" }), columns: { length: -1 } };
    expect(fails(() => summariseControlChart(bad as never)).path).toEqual(["chart", "columns", "length"]);
  });
});
