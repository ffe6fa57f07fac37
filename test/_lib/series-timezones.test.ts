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

// The rule (src/_lib/calendar.ts): a Date at exactly 00:00 UTC is that UTC day, any other Date its
// local day. docs/run-charts.md once said new Date(2024, 2, 1, 22, 0) and "2024-03-01" are the same
// x everywhere; in a zone two hours behind UTC that Date is 00:00 UTC on 2 March (a user trial).
describe("the edge of the Date rule: a local time that is exactly 00:00 UTC", () => {
  it("in Atlantic/South_Georgia (UTC−2), 22:00 local on 1 March is 2 March", () => {
    process.env.TZ = "Atlantic/South_Georgia";
    const evening = new Date(2024, 2, 1, 22, 0);
    expect(evening.toISOString()).toBe("2024-03-02T00:00:00.000Z");
    const rows = [{ x: "2024-03-01", y: 1 }, { x: evening, y: 2 }, { x: "2024-03-02", y: 3 }];
    let code: unknown;
    try {
      runChart(rows, { x: "x", y: "y" });
    } catch (e) {
      code = (e as { code?: unknown }).code;
    }
    expect(code).toBe("duplicate-x");
    expect(runChart(rows, { x: "x", y: "y", aggregate: "mean" }).points.map((p) => p.y)).toEqual([1, 2.5]);
  });
  it("a local time before noon is its local day in every zone (the docs' example)", () => {
    // 00:00 UTC falls before local noon only where the offset is ≥ 0 (then on the same day); offsets
    // run from −12 to +14, so a time before noon never reaches 00:00 UTC of another day.
    const zones = ["UTC", "Atlantic/South_Georgia", "Etc/GMT+12", "America/St_Johns", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Auckland", "Pacific/Kiritimati"];
    for (const zone of zones) {
      process.env.TZ = zone;
      const rows = [{ x: "2024-02-29", y: 1 }, { x: "2024-03-01", y: 2 }, { x: new Date(2024, 2, 1, 9, 0), y: 4 }, { x: new Date(2024, 2, 1), y: 6 }, { x: "2024-03-02", y: 5 }];
      expect([zone, runChart(rows, { x: "x", y: "y", aggregate: "mean" }).points.map((p) => p.y)]).toEqual([zone, [1, 4, 5]]);
    }
  });
});
