import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTROL_RULE_PRESETS, a3, averageMovingRange, b3, b4, c4, c5, controlChart, resolveControlRules } from "../../src/index.js";
import type { ControlChart, ControlChartOptions, ControlChartType, ControlRulesPreset } from "../../src/index.js";
import { anyFinite, deepFreeze, expectFinite, indexish, junkNumber, junkValue, qiOnly, snapshot } from "./_reliability.js";

const TYPES: ControlChartType[] = ["i", "mr", "xbar", "s", "p", "pp", "u", "up", "c", "g", "t"];
const PRESETS = Object.keys(CONTROL_RULE_PRESETS) as ControlRulesPreset[];
const rel = (a: number | null, b: number | null, tol = 1e-9): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** Rows `{ x, y, n }` that suit chart `type`, values possibly missing; subgroups for xbar/s. */
function rowsFor(type: ControlChartType, maxLength = 40): fc.Arbitrary<{ x: number; y: number | null; n: number | null }[]> {
  const len = fc.integer({ min: 1, max: maxLength });
  const gap = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  switch (type) {
    case "xbar":
    case "s":
      return fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 15 }).map((gs) =>
        gs.flatMap((g, x) => g.map((y) => ({ x, y, n: null }))),
      );
    case "p":
    case "pp":
      return len.chain((k) =>
        fc.array(fc.integer({ min: 1, max: 1e6 }).chain((n) => fc.record({ n: fc.constant(n), y: gap(fc.integer({ min: 0, max: n })) })), { minLength: k, maxLength: k }),
      ).map((rs) => rs.map((r, x) => ({ x, y: r.y, n: r.n })));
    case "u":
    case "up":
      return fc
        .array(fc.record({ n: fc.double({ min: 1e-3, max: 1e6, noNaN: true }), y: gap(fc.integer({ min: 0, max: 1e6 })) }), { minLength: 1, maxLength })
        .map((rs) => rs.map((r, x) => ({ x, y: r.y, n: r.n })));
    case "c":
    case "g":
      return fc.array(gap(fc.integer({ min: 0, max: 1e9 })), { minLength: 1, maxLength }).map((ys) => ys.map((y, x) => ({ x, y, n: null })));
    case "t":
      return fc.array(gap(fc.double({ min: 1e-6, max: 1e12, noNaN: true })), { minLength: 1, maxLength }).map((ys) => ys.map((y, x) => ({ x, y, n: null })));
    default:
      return fc.array(gap(anyFinite), { minLength: 1, maxLength }).map((ys) => ys.map((y, x) => ({ x, y, n: null })));
  }
}

/** Valid-looking options for a chart of about `n` points (indices may be out of range: that is a QiError). */
function optionsFor(type: ControlChartType): fc.Arbitrary<ControlChartOptions<{ x: number; y: number | null; n: number | null }>> {
  return fc
    .record(
      {
        rules: fc.oneof(fc.constantFrom(...PRESETS), fc.record({ preset: fc.constantFrom(...PRESETS), shift: fc.boolean(), trend: fc.constantFrom(true, false, { length: 3, ties: "break" as const }) }, { requiredKeys: ["preset"] })),
        direction: fc.constantFrom("increase" as const, "decrease" as const, "neutral" as const),
        phases: fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }),
        exclude: fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }),
        baseline: fc.integer({ min: 1, max: 6 }),
        centre: fc.double({ min: -100, max: 100, noNaN: true }),
        target: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        screenMovingRanges: fc.boolean(),
        sigmaConstant: fc.constantFrom("d2" as const, 2.66 as const),
        multiply: fc.constantFrom(1, 100, 1000, 1e-3),
      },
      { requiredKeys: [] },
    )
    .map((o) => ({ ...o, type, x: "x" as const, y: "y" as const, n: "n" as const }));
}

/** A documented exception to "no NaN/Infinity": none for control charts. */
const noException = (): boolean => false;

describe("controlChart: hostile input (property tests)", () => {
  it("garbage data and options throw nothing but QiError, for every chart type", () => {
    const data = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.constant([]),
      fc.array(junkValue, { maxLength: 12 }),
      fc.array(fc.oneof(junkNumber, fc.integer()), { maxLength: 12 }),
      fc.array(fc.record({ x: fc.oneof(junkValue, fc.integer({ min: 0, max: 5 })), y: fc.oneof(junkValue, fc.integer({ min: -2, max: 10 })), n: fc.oneof(junkValue, fc.integer({ min: -1, max: 10 })) }, { requiredKeys: [] }), { maxLength: 12 }),
    );
    const options = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.record(
        {
          type: fc.oneof(fc.constantFrom(...TYPES), junkValue),
          x: fc.oneof(fc.constantFrom("x", "nope"), junkValue),
          y: fc.oneof(fc.constantFrom("y", "nope"), junkValue),
          n: fc.oneof(fc.constantFrom("n", "nope"), junkValue),
          notes: junkValue,
          by: fc.oneof(fc.constantFrom("x", "n"), junkValue),
          rules: fc.oneof(fc.constantFrom(...PRESETS, "xyz"), fc.record({ preset: junkValue, shift: junkValue, trend: junkValue, twoOfThree: junkValue, fourOfFive: junkValue, innerThird: junkValue, alternating: junkValue, mixture: junkValue, longRun: junkValue, crossings: junkValue, beyondLimits: junkValue }, { requiredKeys: [] }), junkValue),
          direction: junkValue,
          target: fc.oneof(junkNumber, junkValue),
          baseline: fc.oneof(indexish, fc.array(indexish, { maxLength: 4 })),
          phases: fc.oneof(fc.array(indexish, { maxLength: 4 }), junkValue),
          exclude: fc.oneof(fc.array(indexish, { maxLength: 4 }), junkValue),
          centre: fc.oneof(junkNumber, fc.array(fc.oneof(junkNumber, fc.constant(null)), { maxLength: 3 }), junkValue),
          screenMovingRanges: junkValue,
          sigmaConstant: fc.oneof(fc.constantFrom("d2", 2.66), junkValue),
          multiply: fc.oneof(junkNumber, junkValue),
          bogus: junkValue,
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(data, options, (d, o) => {
        const r = qiOnly(() => controlChart(d as unknown[], o as ControlChartOptions<unknown>));
        if (r.ok) expectFinite(r.value, noException);
      }),
      { numRuns: 1500 },
    );
  });

  for (const type of TYPES) {
    it(`${type} chart: valid data and options give finite, JSON-safe results and never mutate the input`, () => {
      fc.assert(
        fc.property(rowsFor(type), optionsFor(type), (rows, opts) => {
          deepFreeze(rows);
          deepFreeze(opts);
          const before = snapshot([rows, opts]);
          const r = qiOnly(() => controlChart(rows, opts));
          expect(snapshot([rows, opts])).toBe(before);
          if (!r.ok) return;
          const c = r.value;
          expectFinite(c, noException);
          expect(JSON.parse(JSON.stringify(c))).toEqual(JSON.parse(JSON.stringify(c, (_k, v: unknown) => (typeof v === "number" && Object.is(v, -0) ? 0 : v))));
          expect(c.points.length).toBeGreaterThan(0);
          for (const p of c.points) {
            if (p.ucl !== null && p.lcl !== null) expect(p.lcl).toBeLessThanOrEqual(p.ucl);
            if (p.centre !== null && p.ucl !== null) expect(p.centre).toBeLessThanOrEqual(p.ucl + 1e-12 * Math.abs(p.ucl));
            if (p.centre !== null && p.lcl !== null && c.type !== "g") expect(p.lcl).toBeLessThanOrEqual(p.centre + 1e-12 * Math.abs(p.centre));
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});

const ints = (min: number, max: number, len = 40) => fc.array(fc.integer({ min, max }), { minLength: 3, maxLength: len });
const lines = (c: ControlChart) => c.points.map((p) => [p.centre, p.ucl, p.lcl, p.ucl2, p.lcl2] as const);

describe("controlChart: statistical invariants (property tests)", () => {
  it("p and u charts: scaling counts and denominators by k keeps the centre and narrows the limits by √k", () => {
    const rows = fc.array(fc.integer({ min: 20, max: 400 }).chain((n) => fc.record({ n: fc.constant(n), y: fc.integer({ min: 0, max: n }) })), { minLength: 3, maxLength: 30 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 2, max: 50 }), fc.constantFrom("p" as const, "u" as const), (rs, k, type) => {
        fc.pre(rs.some((r) => r.y > 0) && rs.some((r) => r.y < r.n));
        const a = controlChart(rs, { type, y: "y", n: "n" });
        const b = controlChart(rs.map((r) => ({ y: r.y * k, n: r.n * k })), { type, y: "y", n: "n" });
        a.points.forEach((p, i) => {
          const q = b.points[i]!;
          expect(rel(q.y, p.y)).toBe(true);
          expect(rel(q.centre, p.centre)).toBe(true);
          // 3σ half-width before clipping: σ = √(p̄(1 − p̄)/n) or √(ū/n) (Montgomery eqs. 7.8, 7.19)
          // (compared where the 2-sigma line is not clipped at 1 for p)
          if (type === "p" && p.ucl2 === 1) return;
          const wa = p.ucl2! - p.centre!;
          const wb = q.ucl2! - q.centre!;
          expect(rel(wb * Math.sqrt(k), wa, 1e-7)).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("Laney p′ and u′ charts: limits are invariant when counts and denominators are scaled alike", () => {
    // σ_i shrinks by √k, z_i = (p_i − p̄)/σ_i grows by √k, σ_z = AMR(z)/1.128 grows by √k:
    // σ_i·σ_z does not change (Laney 2002, Qual Eng 14:531 — the point of the adjustment).
    const rows = fc.array(fc.integer({ min: 20, max: 400 }).chain((n) => fc.record({ n: fc.constant(n), y: fc.integer({ min: 0, max: n }) })), { minLength: 4, maxLength: 30 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 2, max: 1000 }), fc.constantFrom("pp" as const, "up" as const), fc.boolean(), (rs, k, type, screen) => {
        const ok = qiOnly(() => controlChart(rs, { type, y: "y", n: "n", screenMovingRanges: screen }));
        fc.pre(ok.ok && ok.value.phases[0]!.averageMovingRange !== null && ok.value.phases[0]!.averageMovingRange > 1e-9);
        const a = ok.ok ? ok.value : null!;
        const b = controlChart(rs.map((r) => ({ y: r.y * k, n: r.n * k })), { type, y: "y", n: "n", screenMovingRanges: screen });
        b.points.forEach((q, i) => {
          const p = a.points[i]!;
          for (const key of ["centre", "ucl", "lcl", "ucl2", "lcl2"] as const) expect(rel(q[key], p[key], 1e-6)).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("c chart: scaling counts by k scales the centre by k and the limit half-width by √k", () => {
    fc.assert(
      fc.property(ints(0, 200), fc.integer({ min: 2, max: 100 }), (ys, k) => {
        fc.pre(ys.some((v) => v > 0));
        const a = controlChart(ys, { type: "c" });
        const b = controlChart(ys.map((v) => v * k), { type: "c" });
        expect(rel(b.points[0]!.centre, a.points[0]!.centre! * k)).toBe(true);
        expect(rel(b.points[0]!.ucl! - b.points[0]!.centre!, (a.points[0]!.ucl! - a.points[0]!.centre!) * Math.sqrt(k))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("mr, s and t charts: scaling y by c > 0 scales the centre and every limit by c", () => {
    const pos = fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 3, maxLength: 40 });
    fc.assert(
      fc.property(pos, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom("mr" as const, "t" as const, "s" as const), (ys, c, type) => {
        const rows = type === "s" ? ys.map((y, i) => ({ x: Math.floor(i / 3), y })) : ys.map((y, x) => ({ x, y }));
        if (type === "s" && rows.length % 3 === 1) rows.pop();
        const a = qiOnly(() => controlChart(rows, { type, x: "x", y: "y" }));
        fc.pre(a.ok);
        const b = controlChart(rows.map((r) => ({ x: r.x, y: r.y * c })), { type, x: "x", y: "y" });
        const la = lines(a.ok ? a.value : null!);
        lines(b).forEach((l, i) => l.forEach((v, j) => expect(rel(v, la[i]![j] === null ? null : la[i]![j]! * c, 1e-6)).toBe(true)));
      }),
      { numRuns: 200 },
    );
  });

  it("i chart: negating y negates the centre and swaps the limits", () => {
    fc.assert(
      fc.property(ints(-1000, 1000), (ys) => {
        const a = controlChart(ys, { type: "i" });
        const b = controlChart(ys.map((v) => -v), { type: "i" });
        a.points.forEach((p, i) => {
          const q = b.points[i]!;
          expect(rel(q.centre, -p.centre!)).toBe(true);
          expect(rel(q.ucl, -p.lcl!)).toBe(true);
          expect(rel(q.lcl, -p.ucl!)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("multiply scales the plotted values, centre and limits and changes no signal", () => {
    const rows = fc.array(fc.integer({ min: 20, max: 400 }).chain((n) => fc.record({ n: fc.constant(n), y: fc.integer({ min: 0, max: n }) })), { minLength: 3, maxLength: 30 });
    fc.assert(
      fc.property(rows, fc.constantFrom(100, 1000, 8), fc.constantFrom("p" as const, "u" as const, "pp" as const, "up" as const), fc.constantFrom(...PRESETS), (rs, m, type, rules) => {
        const a = qiOnly(() => controlChart(rs, { type, y: "y", n: "n", rules }));
        fc.pre(a.ok);
        const b = controlChart(rs, { type, y: "y", n: "n", rules, multiply: m });
        const ca = a.ok ? a.value : null!;
        b.points.forEach((q, i) => {
          const p = ca.points[i]!;
          for (const key of ["y", "centre", "ucl", "lcl", "ucl2", "lcl2"] as const) expect(rel(q[key], p[key] === null ? null : p[key]! * m)).toBe(true);
        });
        // multiplying by 8 is exact in binary, so comparisons (and signals) cannot change
        if (m === 8) expect(b.signals.map((s) => [s.rule, s.start, s.end])).toEqual(ca.signals.map((s) => [s.rule, s.start, s.end]));
      }),
      { numRuns: 200 },
    );
  });
});

describe("SPC constants and kernels (property tests)", () => {
  it("c4, c5, a3, b3, b4 are finite and in range for every subgroup size n ≥ 2, NaN below", () => {
    const n = fc.oneof(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 2, max: 2 ** 53 - 1 }), fc.constantFrom(1e6, 1e9, 1e12, 1e15, 2 ** 53 - 1));
    fc.assert(
      fc.property(n, (k) => {
        const c = c4(k);
        expect(c).toBeGreaterThan(0);
        expect(c).toBeLessThanOrEqual(1); // 1 − c₄ < ε/2 rounds to 1 beyond n ≈ 4.5e15
        expect(c5(k)).toBeGreaterThan(0);
        expect(c5(k)).toBeLessThan(1);
        expect(c * c + c5(k) ** 2).toBeCloseTo(1, 12);
        for (const f of [a3, b3, b4]) expect(Number.isFinite(f(k))).toBe(true);
        expect(b3(k)).toBeLessThanOrEqual(1);
        expect(b4(k)).toBeGreaterThanOrEqual(1);
        // c₄ increases towards 1
        if (k > 2) expect(c4(k - 1)).toBeLessThanOrEqual(c);
      }),
      { numRuns: 500 },
    );
    for (const bad of [1, 0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(Number.isNaN(c4(bad))).toBe(true);
  });

  it("c4 agrees with its asymptotic expansion for large n (lgamma differences lose digits there)", () => {
    for (const k of [1e4, 1e5, 1e6, 1e9, 1e12]) {
      const series = 1 - 1 / (4 * k) - 7 / (32 * k * k) - 19 / (128 * k ** 3);
      expect(Math.abs(c4(k) - series)).toBeLessThan(1e-15);
      expect(Math.abs(c5(k) / Math.sqrt(1 / (2 * k)) - 1)).toBeLessThan(2 / k);
    }
    // Regression (found by the property above): c₄(10⁹) was 1.0000049 and c₅(10⁹) NaN.
    expect(c4(1e9)).toBeLessThan(1);
    expect(Number.isFinite(c5(1e9)) && Number.isFinite(b3(1e9)) && Number.isFinite(b4(1e9))).toBe(true);
    // Both formulas agree where they meet.
    for (const k of [999, 1000, 1001]) {
      const series = 1 - 1 / (4 * k) - 7 / (32 * k * k) - 19 / (128 * k ** 3);
      expect(Math.abs(c4(k) - series)).toBeLessThan(1e-11);
    }
  });

  it("averageMovingRange is finite or NaN (no moving range), never negative", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyFinite, fc.constant(Number.NaN)), { maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }), fc.boolean(), (vs, bs, screen) => {
        const values = Float64Array.from(vs.map((v) => Math.max(-1e300, Math.min(1e300, v))));
        const base = Uint8Array.from(vs.map((_, i) => (bs[i] ?? true ? 1 : 0)));
        const r = averageMovingRange(values, base, 0, values.length - 1, screen);
        expect(Number.isNaN(r) || (Number.isFinite(r) && r >= 0)).toBe(true);
      }),
    );
  });

  it("resolveControlRules accepts every preset and throws only QiError for junk", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...PRESETS), junkValue, fc.record({ preset: junkValue, shift: junkValue, twoOfThree: fc.record({ count: indexish, window: indexish, sigma: indexish, variant: junkValue }, { requiredKeys: [] }) }, { requiredKeys: [] })), (o) => {
        const r = qiOnly(() => resolveControlRules(o as never));
        if (r.ok) expectFinite(r.value);
      }),
      { numRuns: 500 },
    );
  });
});
