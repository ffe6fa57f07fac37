/**
 * One 1,000,000-point case per chart family (issue #8): run charts and control charts; timescales
 * with 200,000 events (their 1,000,000-event timing is in docs/timescales.md). The
 * assertions are about correctness at scale (finite results, no stack overflow, linear-time paths
 * finishing); there are no timing assertions.
 */
import { describe, expect, it } from "vitest";
import { controlChart, kaplanMeier, runChart, stageDurations, timescaleSeries } from "../../src/index.js";
import { nonFinite } from "../property/_reliability.js";
import { zoneFree } from "../_shared/zone.js";

const N = 1_000_000;

/** A deterministic pseudo-random sequence (mulberry32), so the test data never change. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("1,000,000 points", () => {
  zoneFree("run chart: huge magnitudes, gaps and ties stay finite", { timeout: 120_000 }, () => {
    const r = random(1);
    const ys = Object.freeze(Array.from({ length: N }, (_, i) => (i % 1000 === 7 ? null : i % 3 === 0 ? 1e300 * (r() - 0.5) : Math.round(r() * 4))));
    const c = runChart(ys, { rules: "anhoej", astronomical: "sigma" });
    expect(c.points.length).toBe(N);
    expect(c.warnings.map((w) => w.code)).toContain("missing-values");
    expect(nonFinite(c.phases)).toEqual([]);
    expect(nonFinite(c.points.map((p) => p.centre))).toEqual([]);
  });

  zoneFree("control chart (i; and a 100,000-point p chart): finite limits", { timeout: 120_000 }, () => {
    const r = random(2);
    const ys = Object.freeze(Array.from({ length: N }, () => 10 + r()));
    const i = controlChart(ys, { type: "i" });
    expect(i.points.length).toBe(N);
    expect(nonFinite(i.phases)).toEqual([]);
    expect(i.phases[0]!.centre!).toBeCloseTo(10.5, 2);
    const M = 100_000;
    const rows = Object.freeze(Array.from({ length: M }, () => {
      const n = 10 + Math.floor(r() * 90);
      return { y: Math.floor(r() * n), n };
    }));
    const p = controlChart(rows, { type: "p", y: "y", n: "n" });
    expect(p.points.length).toBe(M);
    expect(nonFinite(p.phases)).toEqual([]);
    for (let k = 0; k < M; k += 997) {
      const pt = p.points[k]!;
      expect(pt.lcl! <= pt.centre! && pt.centre! <= pt.ucl!).toBe(true);
    }
  });

  it("timescales: 200,000 events → durations → monthly series and Kaplan–Meier", { timeout: 120_000 }, () => {
    const r = random(3);
    const children = 100_000;
    const base = Date.UTC(2015, 0, 1) / 864e5;
    const iso = (d: number) => new Date(d * 864e5).toISOString().slice(0, 10);
    const events: { child: number; milestone: string; date: string }[] = new Array(2 * children);
    for (let c = 0; c < children; c++) {
      const start = base + Math.floor(r() * 3000);
      events[2 * c] = { child: c, milestone: "accommodated", date: iso(start) };
      events[2 * c + 1] = { child: c, milestone: "permanence-recommendation", date: iso(start + Math.floor(r() * 400)) };
    }
    const d = stageDurations(events, "recommendation", { asOf: "2022-06-30", afterAsOf: "ignore" });
    expect(d.counts.inStage).toBeGreaterThan(children * 0.5);
    expect(d.counts.completed + d.counts.censored).toBe(d.counts.inStage);
    const monthly = timescaleSeries(d, { series: "period", period: "month", y: "pctWithinTarget" });
    expect(nonFinite(monthly)).toEqual([]);
    const km = kaplanMeier(d.rows);
    expect(km.median).not.toBeNull();
    expect(nonFinite(km, (path, v) => path.endsWith(".stdErr") && v === Number.POSITIVE_INFINITY)).toEqual([]);
  });
});
