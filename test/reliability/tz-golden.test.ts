/**
 * Time-zone golden test (issue #8). A representative set of date computations — a run chart with
 * date x, a control chart with date phases and baseline, stage durations across the DST changes
 * of London, Los Angeles and Auckland, timescale series by month and quarter, simulated cases —
 * serialised to JSON and compared with test/fixtures/tz-golden.json, which was generated under
 * TZ=UTC. `npm test` runs this under UTC, America/Los_Angeles and Pacific/Auckland: the JSON must
 * be identical in every zone.
 *
 * Regenerate (only when an intended change alters the numbers):
 *   UPDATE_TZ_GOLDEN=1 TZ=UTC npx vitest run test/reliability/tz-golden.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { controlChart, kaplanMeier, runChart, simulateCases, stageDurations, summariseRunChart, timescaleSeries } from "../../src/index.js";

const GOLDEN = new URL("../fixtures/tz-golden.json", import.meta.url);

/** A Date as the library reads it (UTC midnight → that UTC day; else the local calendar day). */
function calendarDay(d: Date): string {
  if (d.getTime() % 86_400_000 === 0) return `Date(${d.toISOString().slice(0, 10)})`;
  const p = (n: number) => String(n).padStart(2, "0");
  return `Date(${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())})`;
}

/** JSON with Dates written as calendar days, so inputs given as local-midnight Dates compare too. */
function stable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
      const raw = this[key];
      return raw instanceof Date ? calendarDay(raw) : v;
    }),
  );
}

const local = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Days around the DST changes of 2024 in the three test zones and the UK. */
const DST_DAYS = ["2024-03-09", "2024-03-10", "2024-03-11", "2024-03-30", "2024-03-31", "2024-04-01", "2024-04-06", "2024-04-07", "2024-04-08", "2024-09-28", "2024-09-29", "2024-09-30", "2024-10-26", "2024-10-27", "2024-10-28", "2024-11-02", "2024-11-03", "2024-11-04"];

function computations(): Record<string, unknown> {
  const out: Record<string, unknown> = {};

  // Run chart with ISO-string x, one point a week through both 2024 DST seasons.
  const weekly = Array.from({ length: 40 }, (_, i) => {
    const d = new Date(Date.UTC(2024, 1, 25) + i * 7 * 86_400_000).toISOString().slice(0, 10);
    return { week: d, y: i < 20 ? 30 + ((i * 7) % 5) : 20 + ((i * 3) % 4) };
  });
  out.runChartIso = runChart(weekly, { x: "week", y: "y", direction: "decrease", baseline: 12, phases: ["2024-07-14"] });
  // The same as local-midnight Dates (date-fns parseISO) and UTC-midnight Dates (d3 autoType).
  out.runChartLocalDates = runChart(weekly.map((r) => ({ ...r, week: local(r.week) })), { x: "week", y: "y", direction: "decrease", baseline: 12, phases: [local("2024-07-14")] });
  out.runChartUtcDates = runChart(weekly.map((r) => ({ ...r, week: utc(r.week) })), { x: "week", y: "y", direction: "decrease", baseline: 12, phases: ["2024-07-14"] });
  out.runChartSummary = summariseRunChart(out.runChartIso as ReturnType<typeof runChart>);

  // Control chart with daily x across DST days, phases and a baseline given as dates.
  const daily = DST_DAYS.map((d, i) => ({ d, y: 3 + (i % 4), n: 10 + i }));
  out.controlChartP = controlChart(daily, { type: "p", x: "d", y: "y", n: "n", phases: ["2024-04-01", local("2024-09-29")], baseline: "2024-03-31", rules: "ihi" });
  out.controlChartI = controlChart(daily.map((r) => ({ ...r, d: local(r.d) })), { type: "i", x: "d", y: "y", phases: ["2024-09-29"], rules: "mdc", direction: "increase", target: 5 });

  // Stage durations that straddle DST changes: every pair of the DST days, ISO and local Dates.
  const events: { child: string; milestone: string; date: string | Date }[] = [];
  DST_DAYS.forEach((from, i) => {
    const to = DST_DAYS[(i + 5) % DST_DAYS.length]!;
    events.push({ child: `c${i}`, milestone: "accommodated", date: i % 2 === 0 ? from : local(from) });
    if (i % 3 !== 0) events.push({ child: `c${i}`, milestone: "permanence-recommendation", date: i % 2 === 0 ? local(to) : to });
  });
  const d = stageDurations(events, "recommendation", { asOf: local("2024-11-03"), negative: "ignore", afterAsOf: "ignore" });
  out.stageDurations = d;
  out.seriesCase = timescaleSeries(d);
  out.seriesMonth = timescaleSeries(d, { series: "period", period: "month", y: "pctWithinTarget", target: 30 });
  out.seriesQuarter = timescaleSeries(d, { series: "period", period: "quarter", y: "withinTarget", target: 30 });
  out.cohortMonth = timescaleSeries(d, { series: "cohort", period: "month", target: 30 });
  out.between = timescaleSeries(d, { series: "between" });

  // Simulated cases → durations → monthly and quarterly series → KM.
  const sim = simulateCases({ seed: 8, start: local("2022-03-27"), end: "2024-10-27", children: 120, improvementFrom: "2023-10-29" });
  out.simulatedFirst = sim.slice(0, 30);
  out.simulatedCount = sim.length;
  const rec = stageDurations(sim, "recommendation", { asOf: "2024-10-27", group: "authority" });
  out.simCounts = rec.counts;
  out.simMonthly = timescaleSeries(rec, { series: "period", period: "month" });
  out.simQuarterly = timescaleSeries(rec, { series: "period", period: "quarter", y: "pctWithinTarget" });
  out.simKaplanMeier = kaplanMeier(rec.rows);
  out.simRunChart = runChart(timescaleSeries(rec), { x: "x", y: "y", direction: "decrease", aggregate: "median" }).signals;
  return stable(out) as Record<string, unknown>;
}

describe("time-zone golden", () => {
  it(`gives the same JSON as test/fixtures/tz-golden.json (TZ=${process.env.TZ ?? "unset"})`, () => {
    const now = computations();
    if (process.env.UPDATE_TZ_GOLDEN === "1") {
      if (process.env.TZ !== "UTC") throw new Error("generate the golden under TZ=UTC");
      writeFileSync(GOLDEN, `${JSON.stringify(now, null, 1)}\n`);
    }
    expect(existsSync(GOLDEN)).toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, unknown>;
    for (const key of Object.keys(golden)) expect({ [key]: now[key] }).toEqual({ [key]: golden[key] });
    expect(Object.keys(now)).toEqual(Object.keys(golden));
  });

  it("local-midnight Dates, UTC-midnight Dates and ISO strings give the same run chart", () => {
    const now = computations();
    const strip = (c: unknown) => (c as { points: { x: unknown }[] }).points.map(({ x: _x, ...rest }) => rest);
    expect(strip(now.runChartLocalDates)).toEqual(strip(now.runChartIso));
    expect(strip(now.runChartUtcDates)).toEqual(strip(now.runChartIso));
    expect((now.runChartLocalDates as { signals: unknown }).signals).toEqual((now.runChartIso as { signals: unknown }).signals);
  });
});
