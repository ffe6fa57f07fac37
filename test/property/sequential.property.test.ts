import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { controlChart } from "../../src/index.js";

const rel = (a: number | null, b: number | null, tol = 1e-9): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** A seeded standard normal generator (mulberry32 + Box–Muller), for the run-length study. */
function normals(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

describe("CUSUM and EWMA properties", () => {
  it("a constant series gives no CUSUM or EWMA signal (individuals and subgroups)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 4 }), (v, n, size) => {
        const rows = Array.from({ length: n * size }, (_, i) => ({ x: Math.floor(i / size), y: v }));
        for (const type of ["cusum", "ewma"] as const) {
          const c = controlChart(rows, { type, x: "x", y: "y" });
          expect(c.signals).toEqual([]);
          if (type === "cusum") expect(c.points.every((p) => p.upper === 0 && p.lower === 0)).toBe(true);
        }
      }),
    );
  });

  it("EWMA with λ = 1 is the individuals chart (σ = MR/1.128, unscreened, as qcc)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 80 }), (y) => {
        const i = controlChart(y, { type: "i", screenMovingRanges: false });
        const e = controlChart(y, { type: "ewma", lambda: 1 });
        for (let k = 0; k < y.length; k++) {
          const a = i.points[k]!;
          const b = e.points[k]!;
          expect(rel(b.y, a.y) && rel(b.centre, a.centre) && rel(b.ucl, a.ucl) && rel(b.lcl, a.lcl)).toBe(true);
        }
        const beyond = (c: typeof i) => c.signals.filter((s) => s.rule === "beyond-limits").flatMap((s) => s.points).sort((a, b) => a - b);
        expect(beyond(e)).toEqual(beyond(i));
      }),
    );
  });

  // Average run length of the tabular CUSUM with k = 0.5 after a shift of 1σ: 8.38 points for
  // h = 4 and 10.4 for h = 5 (Montgomery, Introduction to Statistical Quality Control, 6th ed.,
  // Table 9.3, from Hawkins 1993; in control 168 and 465). Run lengths are skewed to the right,
  // so more than half of the runs signal within the ARL; and nearly all within three times it.
  it.each([[4, 8.38], [5, 10.4]])("a 1σ shift from point k: the CUSUM with h = %d signals within its ARL %d on most seeds", (h, arl) => {
    const runs = 400;
    const k = 30;
    let withinArl = 0;
    let withinThree = 0;
    let total = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const z = normals(seed);
      const y = Array.from({ length: k + 100 }, (_, i) => z() + (i >= k ? 1 : 0));
      const c = controlChart(y, { type: "cusum", centre: 0, sigma: 1, decisionInterval: h, shift: 1 });
      const first = c.signals.flatMap((s) => (s.side === "above" ? s.points : [])).find((i) => i >= k);
      const length = first === undefined ? Number.POSITIVE_INFINITY : first - k + 1;
      if (length <= arl) withinArl++;
      if (length <= 3 * arl) withinThree++;
      total += Math.min(length, 100);
    }
    expect(withinArl / runs).toBeGreaterThan(0.5);
    expect(withinThree / runs).toBeGreaterThan(0.97);
    // The mean run length itself, within 15 % of the published figure (the sums may carry a
    // little from before the shift; no reset, as qcc).
    expect(Math.abs(total / runs / arl - 1)).toBeLessThan(0.15);
  });
});
