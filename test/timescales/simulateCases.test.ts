import { describe, expect, it } from "vitest";
import { kaplanMeier, PACE_STAGES, simulateCases, stageDurations } from "../../src/timescales/index.js";
import { catchError, deepFreeze } from "./_helpers.js";

describe("simulateCases", () => {
  const opts = deepFreeze({ seed: 11, start: "2022-01-01", end: "2022-12-31" });
  const events = simulateCases(opts);

  it("is deterministic for a seed", () => {
    expect(simulateCases(opts)).toEqual(events);
    expect(simulateCases({ ...opts, seed: 12 })).not.toEqual(events);
  });
  it("~3,600 children a year across 32 authorities, nothing after the extract date", () => {
    const starts = events.filter((e) => e.milestone === "looked-after");
    expect(starts).toHaveLength(Math.round((3600 * 365) / 365.25));
    expect(new Set(events.map((e) => e.authority)).size).toBe(32);
    expect(events.every((e) => e.date >= "2022-01-01" && e.date <= "2022-12-31")).toBe(true);
    expect(events[0]).toMatchObject({ child: "C000001", milestone: "looked-after" });
  });
  it("an improvement shortens the recommendation stage", () => {
    const base = simulateCases({ seed: 3, start: "2019-01-01", end: "2023-12-31", children: 4000 });
    const better = simulateCases({ seed: 3, start: "2019-01-01", end: "2023-12-31", children: 4000, improvementFrom: "2019-01-01", improvementFactor: 0.5 });
    const med = (ev: typeof base) => kaplanMeier(stageDurations(ev, PACE_STAGES.recommendation, { asOf: "2023-12-31" }).rows).median!;
    expect(med(better)).toBeLessThan(0.7 * med(base));
  });
  it("validates options", () => {
    expect(catchError(() => simulateCases({ start: "2022-01-01", end: "2021-01-01" })).path).toEqual(["options", "end"]);
    expect(catchError(() => simulateCases({ start: "x", end: "2021-01-01" })).code).toBe("invalid-date");
    expect(catchError(() => simulateCases({ start: "2020-01-01", end: "2021-01-01", authorities: 40 })).path).toEqual(["options", "authorities"]);
  });
  it("named authorities", () => {
    const ev = simulateCases({ seed: 1, start: "2022-01-01", end: "2022-03-31", children: 50, authorities: ["North", "South"] });
    expect(new Set(ev.map((e) => e.authority))).toEqual(new Set(["North", "South"]));
  });
});
