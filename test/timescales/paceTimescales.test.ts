import { describe, expect, it } from "vitest";
import { dayParts } from "../../src/_lib/calendar.js";
import { periodIndex } from "../../src/timescales/_period.js";
import { PACE_STAGES, kaplanMeier, paceTimescales, simulateCases, stageDurations, timescaleSeries } from "../../src/timescales/index.js";
import { catchError, deepFreeze } from "./_helpers.js";

describe("paceTimescales", () => {
  const events = deepFreeze(simulateCases({ seed: 3, start: "2019-01-01", end: "2023-12-31", children: 1500, authorities: 4 }));

  it("gives, for every PACE stage, exactly what stageDurations, timescaleSeries and kaplanMeier give one by one", () => {
    const t = paceTimescales(events, { asOf: "2023-12-31", group: "authority" });
    expect(Object.keys(t.stages)).toEqual(["recommendation", "panel", "adm", "petition", "order", "overall"]);
    expect(t.asOf).toBe("2023-12-31");
    expect(t.warnings).toEqual([]);
    for (const [id, stage] of Object.entries(PACE_STAGES)) {
      const d = stageDurations(events, stage, { asOf: "2023-12-31", group: "authority" });
      const s = t.stages[id]!;
      expect(s.durations).toEqual(d);
      expect(s.byCase).toEqual(timescaleSeries(d));
      expect(s.byPeriod).toEqual(timescaleSeries(d, { series: "period", period: "month" }));
      expect(s.kaplanMeier).toEqual(kaplanMeier(d.rows));
    }
  });

  it("chosen stages, quarters, and asOf defaulted to the latest event with one warning", () => {
    const t = paceTimescales(events, { stages: ["adm", { ...PACE_STAGES.panel, target: 84 }], period: "quarter" });
    expect(Object.keys(t.stages)).toEqual(["adm", "panel"]);
    expect(t.period).toBe("quarter");
    expect(t.asOf).toBe(stageDurations(events, "adm").asOf);
    expect(t.warnings).toEqual([{ code: "as-of-defaulted", message: `asOf not given: open cases are censored at the latest event date, ${t.asOf}` }]);
    expect(t.stages.panel!.durations.stage.target).toBe(84);
    expect(t.stages.adm!.byPeriod[0]!.period).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it("bad options and bad records are QiErrors", () => {
    expect(catchError(() => paceTimescales(events, { period: "week" as never })).path).toEqual(["options", "period"]);
    expect(catchError(() => paceTimescales(events, { stages: [] })).path).toEqual(["options", "stages"]);
    expect(catchError(() => paceTimescales(events, { stages: ["adm", "adm"] })).path).toEqual(["options", "stages", 1]);
    expect(catchError(() => paceTimescales(events, { target: 10 } as never)).path).toEqual(["options", "target"]);
    expect(catchError(() => paceTimescales(events, { asOf: "2022-12-31" })).code).toBe("event-after-as-of");
    expect(paceTimescales(events, { asOf: "2022-12-31", afterAsOf: "ignore" }).stages.recommendation!.durations.counts.eventsAfterAsOf).toBeGreaterThan(0);
  });
});

describe("periodIndex (integer civil-from-days) agrees with the Date-based calendar", () => {
  it("for every day from 1900 to 2100, around 1600 and 2400 (century leap rules) and around year 0", () => {
    const check = (day: number) => {
      const p = dayParts(day);
      expect(periodIndex(day, "month")).toBe(p.year * 12 + p.month - 1);
      expect(periodIndex(day, "quarter")).toBe(p.year * 4 + Math.floor((p.month - 1) / 3));
    };
    for (let day = -25_567; day <= 47_482; day++) check(day); // 1900-01-01 … 2099-12-31
    for (let day = -135_000; day <= -133_000; day++) check(day); // around 1600
    for (let day = 155_000; day <= 157_000; day++) check(day); // around 2400
    for (let day = -720_000; day <= -718_000; day++) check(day); // around year 0
    check(2_932_896); // 9999-12-31
  });
});
