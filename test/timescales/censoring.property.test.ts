import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kaplanMeier, stageDurations } from "../../src/timescales/index.js";
import { runs } from "../_shared/zone.js";

const sample = fc.array(fc.record({ days: fc.integer({ min: 0, max: 60 }), censored: fc.boolean() }), { minLength: 1, maxLength: 60 });

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = xs.slice().sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

describe("censoring (property tests)", () => {
  // Efron (1967): the KM estimate moves each censored case's mass to the cases to its right,
  // while dropping open cases spreads it over every completed case, so the KM survival curve is
  // never below the completed-only curve. Hence the KM median is never shorter than the median
  // of completed cases — when the KM median exists; when it does not (curve stays above 0.5) it is
  // "longer than follow-up", also not shorter.
  it("KM survival is never below the curve that drops open cases", () => {
    fc.assert(
      fc.property(sample, (rows) => {
        const km = kaplanMeier(rows);
        const done = rows.filter((r) => !r.censored).map((r) => r.days);
        for (const s of km.steps) {
          const naive = done.filter((d) => d > s.time).length / done.length;
          expect(s.survival).toBeGreaterThanOrEqual(naive - 1e-12);
        }
      }),
      { numRuns: runs(300) },
    );
  });
  it("the KM median is never shorter than the median that drops open cases", () => {
    fc.assert(
      fc.property(sample, (rows) => {
        const naive = median(rows.filter((r) => !r.censored).map((r) => r.days));
        const km = kaplanMeier(rows).median;
        if (naive !== null && km !== null) expect(km).toBeGreaterThanOrEqual(naive);
        // Without censoring the two agree (R's midpoint rule = the sample median).
        if (rows.every((r) => !r.censored)) expect(km).toBe(naive);
      }),
      { numRuns: runs(500) },
    );
  });
  it("stageDurations never drops a child who reached `from`", () => {
    const child = fc.record({
      start: fc.integer({ min: 0, max: 400 }),
      gap: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(child, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 900 }), (kids, asOfOffset) => {
        const base = Date.UTC(2023, 0, 1);
        const iso = (k: number) => new Date(base + k * 86_400_000).toISOString().slice(0, 10);
        const events = kids.flatMap((k, i) => [
          { child: i, milestone: "accommodated", date: iso(k.start) },
          ...(k.gap === null ? [] : [{ child: i, milestone: "permanence-recommendation", date: iso(k.start + k.gap) }]),
        ]);
        const r = stageDurations(Object.freeze(events.map((e) => Object.freeze(e))), "recommendation", { asOf: iso(asOfOffset), afterAsOf: "ignore" });
        const started = kids.filter((k) => k.start <= asOfOffset).length;
        expect(r.rows).toHaveLength(started);
        expect(r.counts.notStarted).toBe(kids.length - started);
        for (const row of r.rows) {
          const k = kids[row.child as number]!;
          const done = k.gap !== null && k.start + k.gap <= asOfOffset;
          expect(row.censored).toBe(!done);
          expect(row.days).toBe(done ? k.gap : asOfOffset - k.start);
        }
      }),
      { numRuns: runs(200) },
    );
  });
});
