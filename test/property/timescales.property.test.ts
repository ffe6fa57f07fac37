import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PACE_STAGES, SCOTLAND_MILESTONES, driftList, kaplanMeier, parseEvents, simulateCases, stageDurations, timescaleSeries } from "../../src/index.js";
import type { DurationRow, KaplanMeier, StageDurations, StageDurationsOptions, TimescaleSeriesOptions } from "../../src/index.js";
import { addDays, anyFinite, deepFreeze, expectFinite, indexish, isoDay, junkNumber, junkValue, qiOnly, snapshot } from "./_reliability.js";
import { runs } from "../_shared/zone.js";

const MILESTONES = SCOTLAND_MILESTONES.milestones.map((m) => m.id);
const STAGES = Object.keys(PACE_STAGES) as (keyof typeof PACE_STAGES)[];

/** The one documented non-finite number: a Kaplan–Meier step's stdErr is Infinity once survival is 0 (as R). */
const kmInfinity = (path: string, v: number): boolean => /\.stdErr$/.test(path) && v === Number.POSITIVE_INFINITY;

interface Ev {
  child: string;
  milestone: string;
  date: string;
  episode?: number;
}

/** Realistic case records: per child a start date and milestones at non-negative offsets, shuffled. */
const events: fc.Arbitrary<Ev[]> = fc
  .array(
    fc.record({
      child: fc.constantFrom("A", "B", "C", "D", "E", "F", "__proto__", "constructor", "toString", "G"),
      start: isoDay,
      steps: fc.array(fc.record({ m: fc.constantFrom(...MILESTONES), gap: fc.integer({ min: 0, max: 400 }) }), { maxLength: 8 }),
      episode: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    }),
    { maxLength: 12 },
  )
  .map((cs) => {
    const out: Ev[] = [];
    for (const c of cs) {
      let d = c.start;
      out.push({ child: c.child, milestone: "looked-after", date: d, ...(c.episode === undefined ? {} : { episode: c.episode }) });
      out.push({ child: c.child, milestone: "accommodated", date: d, ...(c.episode === undefined ? {} : { episode: c.episode }) });
      for (const s of c.steps) {
        d = addDays(d, s.gap);
        out.push({ child: c.child, milestone: s.m, date: d, ...(c.episode === undefined ? {} : { episode: c.episode }) });
      }
    }
    return out;
  })
  .chain((evs) => fc.shuffledSubarray(evs, { minLength: evs.length, maxLength: evs.length }));

const stageOptions: fc.Arbitrary<StageDurationsOptions<Ev>> = fc.record(
  {
    asOf: isoDay,
    negative: fc.constantFrom("error" as const, "ignore" as const),
    target: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    splitEpisodesAt: fc.constant("looked-after"),
    unknownMilestones: fc.constantFrom("error" as const, "ignore" as const),
  },
  { requiredKeys: [] },
);

describe("stageDurations (property tests)", () => {
  it("garbage events, stages and options throw nothing but QiError", () => {
    const row = fc.record({ child: fc.oneof(fc.constantFrom("A", "B", 1), junkValue), milestone: fc.oneof(fc.constantFrom(...MILESTONES), junkValue), date: fc.oneof(isoDay, junkValue), episode: junkValue }, { requiredKeys: [] });
    const data = fc.oneof(fc.anything({ maxDepth: 2 }), fc.array(fc.oneof(row, junkValue), { maxLength: 12 }));
    const stage = fc.oneof(fc.constantFrom(...STAGES), fc.record({ from: fc.oneof(fc.constantFrom(...MILESTONES), fc.array(junkValue, { maxLength: 2 }), junkValue), to: fc.oneof(fc.constantFrom(...MILESTONES), junkValue), target: junkValue, fromOccurrence: fc.oneof(indexish, fc.constantFrom("first", "last")), toOccurrence: junkValue, filter: junkValue, id: junkValue }, { requiredKeys: [] }), junkValue);
    const options = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.record(
        {
          asOf: fc.oneof(isoDay, junkValue),
          target: fc.oneof(junkNumber, junkValue),
          negative: junkValue,
          format: fc.oneof(fc.constantFrom("long", "wide"), junkValue),
          child: junkValue,
          milestone: junkValue,
          date: junkValue,
          episode: junkValue,
          splitEpisodesAt: fc.oneof(fc.constantFrom(...MILESTONES), junkValue),
          columns: fc.oneof(fc.dictionary(fc.constantFrom(...MILESTONES, "nope", "__proto__"), fc.oneof(fc.constantFrom("date", "x"), junkValue)), junkValue),
          catalogue: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...MILESTONES), junkValue), { maxLength: 4 }), fc.record({ milestones: fc.array(fc.oneof(fc.record({ id: fc.oneof(fc.constantFrom(...MILESTONES), junkValue) }), junkValue), { maxLength: 4 }), routes: junkValue }, { requiredKeys: [] }), junkValue),
          unknownMilestones: junkValue,
          group: junkValue,
          bogus: junkValue,
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(data, stage, options, (d, s, o) => {
        const r = qiOnly(() => stageDurations(d as Ev[], s as "adm", o as StageDurationsOptions<Ev>));
        if (r.ok) expectFinite(r.value);
        const dl = qiOnly(() => driftList(d as Ev[], s as "adm", o as StageDurationsOptions<Ev>));
        if (dl.ok) expectFinite(dl.value);
      }),
      { numRuns: runs(1500) },
    );
  });

  it("valid case records: consistent counts, days ≥ 0, finite, inputs untouched", () => {
    fc.assert(
      fc.property(events, fc.constantFrom(...STAGES), stageOptions, (evs, stage, opts) => {
        deepFreeze(evs);
        deepFreeze(opts);
        const before = snapshot([evs, opts]);
        const r = qiOnly(() => stageDurations(evs, stage, opts));
        expect(snapshot([evs, opts])).toBe(before);
        if (!r.ok) return;
        const d = r.value;
        expectFinite(d);
        expect(JSON.parse(JSON.stringify(d))).toEqual(d);
        // Issue #11: exited rows are returned but not in the stage.
        expect(d.rows.length).toBe(d.counts.inStage + d.counts.exited);
        expect(d.counts.reached + d.counts.open).toBe(d.counts.inStage);
        expect(d.counts.completed + d.counts.censored).toBe(d.rows.length);
        for (const row of d.rows) {
          expect(row.days).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(row.days)).toBe(true);
          expect(row.censored).toBe(row.end === null);
          if (row.end !== null) expect(row.days).toBe((Date.parse(row.end) - Date.parse(row.start)) / 864e5);
          else if (row.exit !== null) expect(row.days).toBe((Date.parse(row.exit.date) - Date.parse(row.start)) / 864e5);
          else if (opts.asOf !== undefined) expect(row.days).toBe((Date.parse(String(opts.asOf)) - Date.parse(row.start)) / 864e5);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("moving every date (and asOf) by k days changes no duration — across DST changes and leap days", () => {
    fc.assert(
      fc.property(events, fc.constantFrom(...STAGES), isoDay, fc.integer({ min: -4000, max: 4000 }), (evs, stage, asOf, k) => {
        const a = qiOnly(() => stageDurations(evs, stage, { asOf }));
        const moved = evs.map((e) => ({ ...e, date: addDays(e.date, k) }));
        const b = qiOnly(() => stageDurations(moved, stage, { asOf: addDays(asOf, k) }));
        expect(b.ok).toBe(a.ok);
        if (!a.ok || !b.ok) return;
        const key = (d: StageDurations) => d.rows.map((r) => [r.child, r.episode, r.days, r.censored, r.withinTarget, r.route]);
        expect(key(b.value)).toEqual(key(a.value));
        expect(b.value.counts).toEqual(a.value.counts);
      }),
      { numRuns: runs(300) },
    );
  });

  it("Date objects and ISO strings for the same calendar days give the same durations", () => {
    fc.assert(
      fc.property(events, fc.constantFrom(...STAGES), isoDay, (evs, stage, asOf) => {
        const a = qiOnly(() => stageDurations(evs, stage, { asOf }));
        // Local-midnight Dates (date-fns parseISO style) must read as the same calendar day.
        const local = (s: string) => new Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
        const b = qiOnly(() => stageDurations(evs.map((e) => ({ ...e, date: local(e.date) })), stage, { asOf: local(asOf) }));
        expect(b.ok).toBe(a.ok);
        if (a.ok && b.ok) expect(b.value.rows).toEqual(a.value.rows);
      }),
      { numRuns: runs(150) },
    );
  });
});

describe("timescaleSeries (property tests)", () => {
  const seriesOptions: fc.Arbitrary<TimescaleSeriesOptions> = fc.record(
    {
      series: fc.constantFrom("case" as const, "period" as const, "cohort" as const, "between" as const),
      period: fc.constantFrom("month" as const, "quarter" as const),
      y: fc.constantFrom("median" as const, "mean" as const, "withinTarget" as const, "pctWithinTarget" as const),
      target: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    },
    { requiredKeys: [] },
  );

  it("every series of valid durations is finite, JSON-safe and leaves its input alone", () => {
    fc.assert(
      fc.property(events, fc.constantFrom(...STAGES), isoDay, seriesOptions, (evs, stage, asOf, opts) => {
        const d = qiOnly(() => stageDurations(evs, stage, { asOf }));
        if (!d.ok) return;
        deepFreeze(d.value);
        const before = snapshot(d.value);
        for (const input of [d.value, d.value.rows]) {
          const r = qiOnly(() => timescaleSeries(input, opts as TimescaleSeriesOptions & { series: "period" }));
          if (!r.ok) continue;
          expectFinite(r.value);
          expect(JSON.parse(JSON.stringify(r.value))).toEqual(r.value);
          // x is an ISO date, rows ordered by x
          const xs = (r.value as { x: string }[]).map((p) => p.x);
          expect(xs.every((x) => /^\d{4}-\d{2}-\d{2}$/.test(x))).toBe(true);
          expect([...xs].sort()).toEqual(xs);
        }
        expect(snapshot(d.value)).toBe(before);
      }),
      { numRuns: runs(300) },
    );
  });

  it("garbage durations and options throw nothing but QiError", () => {
    const row = fc.record({ child: junkValue, episode: junkValue, start: fc.oneof(isoDay, junkValue), end: fc.oneof(isoDay, junkValue), days: fc.oneof(fc.integer({ min: -5, max: 5000 }), junkNumber, junkValue), censored: fc.oneof(fc.boolean(), junkValue), target: fc.oneof(fc.integer({ min: 0, max: 200 }), junkValue) }, { requiredKeys: [] });
    const input = fc.oneof(fc.anything({ maxDepth: 2 }), fc.array(fc.oneof(row, junkValue), { maxLength: 8 }), fc.record({ rows: fc.oneof(fc.array(row, { maxLength: 8 }), junkValue), asOf: fc.oneof(isoDay, junkValue), stage: fc.oneof(fc.record({ target: fc.oneof(fc.integer({ min: 0, max: 100 }), junkValue) }), junkValue) }, { requiredKeys: [] }));
    const options = fc.oneof(fc.anything({ maxDepth: 2 }), fc.record({ series: fc.oneof(fc.constantFrom("case", "period", "cohort", "between"), junkValue), period: fc.oneof(fc.constantFrom("month", "quarter"), junkValue), y: fc.oneof(fc.constantFrom("median", "mean", "withinTarget", "pctWithinTarget"), junkValue), target: fc.oneof(junkNumber, junkValue), asOf: fc.oneof(isoDay, junkValue) }, { requiredKeys: [] }));
    // child, episode and group are the caller's identifiers, copied through as given (even NaN)
    const echoed = (path: string): boolean => /\.(child|episode|group)$/.test(path);
    fc.assert(
      fc.property(input, options, (d, o) => {
        const r = qiOnly(() => timescaleSeries(d as DurationRow[], o as TimescaleSeriesOptions & { series: "period" }));
        if (r.ok) expectFinite(r.value, echoed);
        const dl = qiOnly(() => driftList(d as DurationRow[], undefined, o as StageDurationsOptions));
        if (dl.ok) expectFinite(dl.value, echoed);
      }),
      { numRuns: runs(1500) },
    );
  });
});

describe("kaplanMeier (property tests)", () => {
  const rows = fc.array(fc.record({ days: fc.integer({ min: 0, max: 60 }), censored: fc.boolean() }), { maxLength: 40 });

  it("garbage rows and options throw nothing but QiError", () => {
    const data = fc.oneof(fc.anything({ maxDepth: 2 }), fc.array(fc.oneof(fc.record({ days: fc.oneof(anyFinite, junkValue), censored: junkValue, t: junkValue, e: junkValue }, { requiredKeys: [] }), junkValue), { maxLength: 10 }));
    const options = fc.oneof(fc.anything({ maxDepth: 2 }), fc.record({ time: fc.oneof(fc.constantFrom("days", "t"), junkValue), event: fc.oneof(fc.constantFrom("e", "censored"), junkValue), z: fc.oneof(junkNumber, junkValue) }, { requiredKeys: [] }));
    fc.assert(
      fc.property(data, options, (d, o) => {
        const r = qiOnly(() => kaplanMeier(d as unknown[], o as never));
        if (r.ok) expectFinite(r.value, kmInfinity);
      }),
      { numRuns: runs(1500) },
    );
  });

  it("the curve falls from 1 to ≥ 0, the interval holds it, and stdErr is Infinity only at survival 0", () => {
    fc.assert(
      fc.property(rows, (rs) => {
        deepFreeze(rs);
        const km = kaplanMeier(rs);
        expectFinite(km, kmInfinity);
        let prev = 1;
        for (const s of km.steps) {
          expect(s.survival).toBeLessThanOrEqual(prev);
          expect(s.survival).toBeGreaterThanOrEqual(0);
          prev = s.survival;
          if (s.lower !== null) expect(s.lower).toBeLessThanOrEqual(s.survival * (1 + 1e-12));
          if (s.upper !== null) expect(s.upper).toBeGreaterThanOrEqual(s.survival * (1 - 1e-12));
          if (s.stdErr === Number.POSITIVE_INFINITY) expect(s.survival).toBe(0);
        }
        expect(km.events).toBe(rs.filter((r) => !r.censored).length);
        if (km.median !== null && km.medianLower !== null) expect(km.medianLower).toBeLessThanOrEqual(km.median);
        if (km.median !== null && km.medianUpper !== null) expect(km.medianUpper).toBeGreaterThanOrEqual(km.median);
      }),
      { numRuns: runs(400) },
    );
  });

  it("order of rows does not matter, and scaling times by a power of two scales the medians", () => {
    const medians = (k: KaplanMeier) => [k.median, k.medianLower, k.medianUpper];
    fc.assert(
      fc.property(rows.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))), fc.constantFrom(0.25, 2, 1024), ([rs, shuffled], c) => {
        const a = kaplanMeier(rs);
        expect(kaplanMeier(shuffled)).toEqual(a);
        const b = kaplanMeier(rs.map((r) => ({ ...r, days: r.days * c })));
        expect(medians(b)).toEqual(medians(a).map((m) => (m === null ? null : m * c)));
      }),
      { numRuns: runs(300) },
    );
  });

  it("times near ±Number.MAX_VALUE give a finite median", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ days: fc.constantFrom(1.7e308, 1.79e308, -1.79e308, 1e308, 0), censored: fc.boolean() }), { minLength: 1, maxLength: 8 }), (rs) => {
        expectFinite(kaplanMeier(rs), kmInfinity);
      }),
    );
  });
});

describe("simulateCases (property tests)", () => {
  it("bounded garbage options throw nothing but QiError", () => {
    const options = fc.oneof(
      fc.anything({ maxDepth: 1 }),
      fc.record({
        seed: fc.oneof(fc.integer(), junkNumber, junkValue),
        children: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constantFrom(0.5, Number.NaN, -1, "5"), junkValue),
        start: fc.oneof(isoDay, junkValue),
        end: fc.oneof(isoDay, junkValue),
        improvementFrom: fc.oneof(isoDay, junkValue),
        improvementFactor: fc.oneof(fc.double({ min: 0.1, max: 3, noNaN: true }), junkNumber, junkValue),
        authorities: fc.oneof(fc.integer({ min: -1, max: 40 }), fc.array(fc.oneof(fc.string(), junkValue), { maxLength: 3 }), junkValue),
      }, { requiredKeys: ["children"] }),
    );
    fc.assert(
      fc.property(options, (o) => {
        // `children` is always given and small: the default is 3,600 a year of the date span.
        const ch = o !== null && typeof o === "object" ? (o as { children?: unknown }).children : 0;
        if (typeof ch !== "number" || ch > 1000) return;
        const r = qiOnly(() => simulateCases(o as never));
        if (r.ok) {
          expectFinite(r.value);
          expect(() => parseEvents(r.value)).not.toThrow();
        }
      }),
      { numRuns: runs(800) },
    );
  });

  it("is deterministic for a seed, and its events are valid case records whose dates are in range", () => {
    fc.assert(
      fc.property(fc.integer(), isoDay, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 40 }), (seed, start, span, children) => {
        const end = addDays(start, span);
        const o = deepFreeze({ seed, start, end, children, improvementFrom: addDays(start, span >> 1) });
        const a = simulateCases(o);
        expect(simulateCases(o)).toEqual(a);
        for (const e of a) expect(e.date >= start && e.date <= end).toBe(true);
        const d = stageDurations(a, "overall", { asOf: end, group: "authority" });
        expectFinite(d);
      }),
      { numRuns: runs(100) },
    );
  });
});
