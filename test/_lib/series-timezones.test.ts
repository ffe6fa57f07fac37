// Issue #18, finding 1: charts depended on the machine's time zone. A Date x was ordered and
// de-duplicated by its instant, an ISO string by its calendar day. Every date x is now keyed by
// its calendar day (src/_lib/calendar.ts), so each zone below gives the same chart.
// The zone is switched inside the test (Node re-reads process.env.TZ when it is assigned).
import { afterEach, describe, expect, it } from "vitest";
import { controlChart, runChart } from "../../src/index.js";

const ZONES = ["UTC", "America/Sao_Paulo", "America/Los_Angeles", "Pacific/Auckland"];
const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

function inZones<R>(f: () => R): R[] {
  return ZONES.map((zone) => {
    process.env.TZ = zone;
    return f();
  });
}

describe("date x keyed by calendar day in every time zone", () => {
  it("a Date late in the evening sorts by its day among ISO days", () => {
    const rows = () => [
      { x: "2024-02-26", y: 1 },
      { x: "2024-02-27", y: 2 },
      { x: "2024-02-28", y: 3 },
      { x: "2024-02-29", y: 4 },
      { x: new Date(2024, 2, 1, 22, 0), y: 5 },
      { x: "2024-03-02", y: 6 },
      { x: "2024-03-03", y: 7 },
    ];
    const results = inZones(() => {
      const c = runChart(rows(), { x: "x", y: "y" });
      return { ys: c.points.map((p) => p.y), signals: c.signals.map((s) => s.rule) };
    });
    expect(new Date(2024, 2, 1, 22, 0).getDate()).toBe(1);
    for (const r of results) expect(r).toEqual({ ys: [1, 2, 3, 4, 5, 6, 7], signals: ["trend"] });
  });

  it('"2024-03-01" and new Date(2024, 2, 1) are one x: duplicate-x, or merged by aggregate', () => {
    const rows = () => [
      { x: "2024-02-29", y: 1 },
      { x: "2024-03-01", y: 2 },
      { x: new Date(2024, 2, 1), y: 4 },
      { x: "2024-03-02", y: 5 },
    ];
    for (const r of inZones(() => {
      let code: unknown;
      try {
        runChart(rows(), { x: "x", y: "y" });
      } catch (e) {
        code = (e as { code?: unknown }).code;
      }
      let spcCode: unknown;
      try {
        controlChart(rows(), { type: "i", x: "x", y: "y" });
      } catch (e) {
        spcCode = (e as { code?: unknown }).code;
      }
      const merged = runChart(rows(), { x: "x", y: "y", aggregate: "mean" }).points.map((p) => p.y);
      const pairs = [...rows(), { x: "2024-02-29", y: 3 }, { x: new Date(2024, 2, 2, 23, 59), y: 7 }];
      const subgroups = controlChart(pairs, { type: "xbar", x: "x", y: "y" }).points.map((p) => p.y);
      return { code, spcCode, merged, subgroups };
    })) {
      expect(r).toEqual({ code: "duplicate-x", spcCode: "duplicate-x", merged: [1, 3, 5], subgroups: [2, 3, 6] });
    }
  });
});
