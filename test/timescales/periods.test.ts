/** Reporting years (issue #11): financial (1 Apr – 31 Mar), CLAS (1 Aug – 31 Jul), any start month. */
import { describe, expect, it } from "vitest";
import { paceTimescales, stageDurations, timescaleSeries } from "../../src/timescales/index.js";
import { catchError } from "./_helpers.js";

const S = { id: "s", from: "accommodated", to: "permanence-recommendation", target: 182 };
const ev = (child: string, milestone: string, date: string) => ({ child, milestone, date });
// Completions on the edges of the reporting years.
const events = [
  ev("A", "accommodated", "2024-01-01"), ev("A", "permanence-recommendation", "2024-03-31"), // 90 d
  ev("B", "accommodated", "2024-01-01"), ev("B", "permanence-recommendation", "2024-04-01"), // 91 d
  ev("C", "accommodated", "2024-01-01"), ev("C", "permanence-recommendation", "2024-07-31"), // 212 d
  ev("D", "accommodated", "2024-01-01"), ev("D", "permanence-recommendation", "2024-08-01"), // 213 d
];
const d = stageDurations(events, S, { asOf: "2025-09-30" });

describe("reporting years", () => {
  it("financial years: 31 March and 1 April fall in different years", () => {
    const rows = timescaleSeries(d, { series: "period", period: "financial-year", y: "pctWithinTarget" });
    expect(rows.map((r) => [r.period, r.start, r.end, r.n, r.y])).toEqual([
      ["2023/24", "2023-04-01", "2024-03-31", 1, 100],
      ["2024/25", "2024-04-01", "2025-03-31", 3, 100 / 3],
      ["2025/26", "2025-04-01", "2026-03-31", 0, null],
    ]);
    expect(rows.at(-1)!.partial).toBe(true);
  });
  it("CLAS years: 31 July and 1 August fall in different years", () => {
    const rows = timescaleSeries(d, { series: "period", period: "clas-year" });
    expect(rows.map((r) => [r.period, r.start, r.end, r.n])).toEqual([
      ["2023/24", "2023-08-01", "2024-07-31", 3],
      ["2024/25", "2024-08-01", "2025-07-31", 1],
      ["2025/26", "2025-08-01", "2026-07-31", 0],
    ]);
  });
  it("calendar years and any start month", () => {
    expect(timescaleSeries(d, { series: "period", period: "year" }).map((r) => [r.period, r.n])).toEqual([["2024", 4], ["2025", 0]]);
    const sept = timescaleSeries(d, { series: "cohort", period: "year", yearStartMonth: 9 });
    expect(sept.map((r) => [r.period, r.start, r.entered])).toEqual([["2023/24", "2023-09-01", 4]]);
  });
  it("paceTimescales takes the same periods", () => {
    const t = paceTimescales(events, { asOf: "2025-09-30", stages: [S], period: "financial-year" });
    expect(t.period).toBe("financial-year");
    expect(t.stages.s!.byPeriod.map((r) => r.period)).toEqual(["2023/24", "2024/25", "2025/26"]);
  });
  it("bad periods", () => {
    expect(catchError(() => timescaleSeries(d, { series: "period", period: "week" as never })).path).toEqual(["options", "period"]);
    expect(catchError(() => timescaleSeries(d, { series: "period", period: "clas-year", yearStartMonth: 9 })).path).toEqual(["options", "yearStartMonth"]);
    expect(catchError(() => timescaleSeries(d, { series: "period", period: "year", yearStartMonth: 13 })).path).toEqual(["options", "yearStartMonth"]);
  });
});
