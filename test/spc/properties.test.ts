import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { controlChart } from "../../src/spc/index.js";

const deepFreeze = <T>(o: T): T => {
  if (o !== null && typeof o === "object") {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};
const rel = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
// Values that stay normal doubles after scaling: fast-check favours tiny magnitudes such as
// 5e-324, which underflow to 0 when multiplied by 0.01 and turn distinct values into ties.
const series = fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }).filter((v) => v === 0 || Math.abs(v) > 1e-200), { minLength: 3, maxLength: 60 });
const k = fc.double({ min: 0.01, max: 100, noNaN: true });

describe("properties", () => {
  it("i chart: scaling y by c > 0 scales centre and limits", () => {
    fc.assert(
      fc.property(series, k, (y, c) => {
        const a = controlChart(y, { type: "i" });
        const b = controlChart(y.map((v) => v * c), { type: "i" });
        return a.points.every((p, i) => {
          const q = b.points[i]!;
          const s = (v: number | null): number | null => (v === null ? null : v * c);
          return rel(q.centre, s(p.centre)) && rel(q.ucl, s(p.ucl)) && rel(q.lcl, s(p.lcl)) && rel(q.ucl2, s(p.ucl2)) && rel(q.lcl2, s(p.lcl2));
        });
      }),
    );
  });
  it("xbar chart: scaling y by c > 0 scales centre and limits", () => {
    const groups = fc.array(fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 2, maxLength: 6 }), { minLength: 2, maxLength: 15 });
    fc.assert(
      fc.property(groups, k, (gs, c) => {
        const rows = gs.flatMap((g, x) => g.map((y) => ({ x, y })));
        const a = controlChart(rows, { type: "xbar", x: "x", y: "y" });
        const b = controlChart(rows.map((r) => ({ x: r.x, y: r.y * c })), { type: "xbar", x: "x", y: "y" });
        return a.points.every((p, i) => {
          const q = b.points[i]!;
          return rel(q.centre, p.centre! * c) && rel(q.ucl, p.ucl! * c) && rel(q.lcl, p.lcl! * c);
        });
      }),
    );
  });
  it("i chart: signals unchanged when a constant is added (any rule set)", () => {
    const ints = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 3, maxLength: 60 });
    fc.assert(
      fc.property(ints, fc.integer({ min: -1000, max: 1000 }), fc.constantFrom("shewhart", "ihi", "western-electric", "nelson", "anhoej", "mdc"), (y, c, rules) => {
        // Integers keep the arithmetic exact, so ties with the centre line stay ties.
        const a = controlChart(y, { type: "i", rules: rules as any });
        const b = controlChart(y.map((v) => v + c), { type: "i", rules: rules as any });
        const sig = (x: typeof a) => x.signals.map((s) => [s.rule, s.start, s.end, s.points.join()].join("|"));
        expect(sig(b)).toEqual(sig(a));
      }),
      { numRuns: 200 },
    );
  });
  it("inputs are never mutated and results are JSON-serialisable", () => {
    const rows = deepFreeze(Array.from({ length: 30 }, (_, i) => ({ x: `2024-01-${String(i + 1).padStart(2, "0")}`, y: (i * 7) % 11, n: 20 })));
    const options = deepFreeze({ x: "x", y: "y", type: "p", rules: { preset: "ihi" }, phases: [10], exclude: [3], baseline: [5, null] } as const);
    for (const type of ["i", "mr", "p", "pp", "u", "up", "c", "g"] as const) {
      // n is for the charts of y / n only (an error on the others).
      const c = controlChart(rows, { ...options, type, exclude: [3], phases: [10], ...(type === "mr" || type === "c" || type === "g" ? {} : { n: "n" as const }) });
      expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    }
    const sub = deepFreeze(rows.map((r, i) => ({ ...r, x: Math.floor(i / 3) })));
    for (const type of ["xbar", "s"] as const) {
      const c = controlChart(sub, { type, x: "x", y: "y", rules: "nelson" });
      expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    }
    const t = controlChart(deepFreeze([3, 5, 1, 8, 2, 9]), { type: "t", rules: "mdc", target: 4, direction: "decrease" });
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
});
