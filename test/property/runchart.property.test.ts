import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QiError, runChart } from "../../src/index.js";
import type { RunChart, RunChartOptions, RunChartSignal } from "../../src/index.js";
import {
  analysable,
  chartCase,
  deepFreeze,
  dyadic,
  mapCase,
  moderateDouble,
  normaliseZero,
  numbersIn,
  optionsFor,
  phaseStats,
  pointFacts,
  sigmaLimits,
  signalKey,
  smallInt,
  warningKeys,
  wideInt,
  type Y,
} from "./_helpers.js";
import { runs } from "../_shared/zone.js";

const RUNS = { numRuns: runs(200) };

const chart = (ys: readonly Y[], opts: RunChartOptions<Y>): RunChart => runChart(ys, opts);

/** Integer series: many ties (small range) or few (wide range). */
const intCase = fc.oneof(chartCase(smallInt), chartCase(wideInt));

/**
 * Signals of `a` and `b` agree, except that under the sigma detector an astronomical point that
 * lies on the limit to within rounding may be flagged on one side only: its mean is sum / m,
 * which is not exact, so `(sum + m·c) / m` and `sum / m + c` can round apart.
 */
function expectSameSignals(a: RunChart, b: RunChart, tolerateSigmaTies: boolean, bShift: (v: number) => number = (v) => v): void {
  const keys = (r: RunChart) => r.signals.map(signalKey);
  if (!tolerateSigmaTies || a.settings.astronomical === false || a.settings.astronomical.method !== "sigma") {
    expect(keys(b)).toEqual(keys(a));
    return;
  }
  const notAstro = (s: RunChartSignal) => s.rule !== "astronomical";
  expect(b.signals.filter(notAstro).map(signalKey)).toEqual(a.signals.filter(notAstro).map(signalKey));
  const astro = (r: RunChart) => new Map(r.signals.filter((s) => !notAstro(s)).map((s) => [s.start, s]));
  const aa = astro(a);
  const bb = astro(b);
  for (const i of new Set([...aa.keys(), ...bb.keys()])) {
    const sa = aa.get(i);
    const sb = bb.get(i);
    if (sa !== undefined && sb !== undefined) {
      expect(signalKey(sb)).toEqual(signalKey(sa));
      continue;
    }
    // flagged in one chart only: must be a tie with the limit in the other
    const p = a.points[i]!;
    const limits = sigmaLimits(a, p.phase)!;
    const gap = Math.min(Math.abs(p.y! - limits[0]), Math.abs(p.y! - limits[1]));
    expect(gap).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(p.y!), Math.abs(bShift(p.y!))));
  }
}

describe("runChart (property tests)", () => {
  // 1. A run chart reads the order of values around the median, not their origin.
  it("adding a constant to every y shifts the centre by it and changes no signal", () => {
    fc.assert(
      fc.property(intCase, fc.integer({ min: -10_000, max: 10_000 }), ({ ys, opts }, c) => {
        fc.pre(analysable(ys, opts));
        const a = chart(ys, opts);
        const moved = mapCase(ys, opts, (v) => v + c);
        const b = chart(moved.ys, moved.opts);
        expectSameSignals(a, b, true, (v) => v + c);
        expect(phaseStats(b)).toEqual(phaseStats(a));
        expect(b.phases.map((p) => p.centre)).toEqual(a.phases.map((p) => (p.centre === null ? null : p.centre + c)));
        expect(b.points.map((p) => p.centre)).toEqual(a.points.map((p) => (p.centre === null ? null : p.centre + c)));
        expect(pointFacts(b)).toEqual(pointFacts(a));
        expect(warningKeys(b)).toEqual(warningKeys(a));
      }),
      RUNS,
    );
  });

  // 2. …nor their unit: scaling by a power of two is exact in binary floating point.
  it("scaling y by a positive power of two scales the centre and changes no signal", () => {
    const anyCase = fc.oneof(chartCase(smallInt), chartCase(dyadic), chartCase(moderateDouble));
    fc.assert(
      fc.property(anyCase, fc.constantFrom(1 / 1024, 0.25, 0.5, 2, 4, 8, 1024), ({ ys, opts }, k) => {
        fc.pre(analysable(ys, opts));
        const a = chart(ys, opts);
        const scaled = mapCase(ys, opts, (v) => v * k);
        const b = chart(scaled.ys, scaled.opts);
        expectSameSignals(a, b, false);
        expect(phaseStats(b)).toEqual(phaseStats(a));
        expect(normaliseZero(b.phases.map((p) => p.centre))).toEqual(normaliseZero(a.phases.map((p) => (p.centre === null ? null : p.centre * k))));
        expect(pointFacts(b)).toEqual(pointFacts(a));
        expect(warningKeys(b)).toEqual(warningKeys(a));
      }),
      RUNS,
    );
  });

  // 3. Mirroring the chart swaps the sides. Values are integers or multiples of 1/8 so that the
  // median's l + (u − l)/2 and the Tukey quartiles' interpolation are exact both ways round;
  // the sigma limits are symmetric for any doubles (the sum and the moving ranges negate exactly).
  it("negating y swaps above/below, up/down and improvement/deterioration; runs are unchanged", () => {
    const flipSide = { above: "below", below: "above" } as const;
    const flipDir = { up: "down", down: "up" } as const;
    const flipAssessment = { improvement: "deterioration", deterioration: "improvement", neutral: "neutral" } as const;
    const mirrorCase = fc.oneof(chartCase(smallInt), chartCase(wideInt), chartCase(dyadic));
    fc.assert(
      fc.property(mirrorCase, ({ ys, opts }) => {
        fc.pre(analysable(ys, opts));
        const a = chart(ys, opts);
        const neg = mapCase(ys, opts, (v) => -v);
        // a re-phasing rule for one side becomes one for the other
        if (typeof opts.rephase === "object" && opts.rephase.side !== undefined && opts.rephase.side !== "both") {
          neg.opts.rephase = { ...opts.rephase, side: flipSide[opts.rephase.side] };
        }
        const b = chart(neg.ys, neg.opts);
        const expected = a.signals.map((s) => {
          const k = signalKey(s);
          return {
            ...k,
            side: s.side === undefined ? undefined : flipSide[s.side],
            direction: s.direction === undefined ? undefined : flipDir[s.direction],
            assessment: flipAssessment[s.assessment],
          };
        });
        expect(b.signals.map(signalKey)).toEqual(expected);
        expect(phaseStats(b)).toEqual(phaseStats(a));
        expect(normaliseZero(b.phases.map((p) => p.centre))).toEqual(normaliseZero(a.phases.map((p) => (p.centre === null ? null : -p.centre))));
        expect(pointFacts(b)).toEqual(pointFacts(a));
      }),
      RUNS,
    );
  });

  // 4. Pure function: frozen inputs (rows, accessors' fields, every option array) are never written.
  it("never mutates its inputs", () => {
    const rowsCase = fc
      .array(fc.record({ x: fc.integer({ min: 0, max: 40 }), y: fc.option(fc.oneof(smallInt, moderateDouble), { nil: null }), note: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }) }), { minLength: 1, maxLength: 80 })
      .chain((rows) =>
        optionsFor(new Set(rows.map((r) => r.x)).size).map((opts) => ({
          rows,
          opts: { ...opts, x: "x", y: "y", notes: "note", aggregate: "median" } as unknown as RunChartOptions<(typeof rows)[number]>,
        })),
      );
    const plainCase = chartCase(fc.oneof(smallInt, moderateDouble)).map(({ ys, opts }) => ({ rows: ys, opts }));
    fc.assert(
      fc.property(fc.oneof(rowsCase as fc.Arbitrary<{ rows: unknown[]; opts: RunChartOptions<unknown> }>, plainCase as fc.Arbitrary<{ rows: unknown[]; opts: RunChartOptions<unknown> }>), ({ rows, opts }) => {
        const before = JSON.stringify([rows, opts]);
        deepFreeze(rows);
        deepFreeze(opts);
        try {
          runChart(rows, opts);
        } catch (e) {
          // only "nothing to analyse" is expected from these generators; a write to a frozen
          // object would be a TypeError and fail here
          if (!(e instanceof QiError && e.code === "all-missing")) throw e;
        }
        expect(JSON.stringify([rows, opts])).toBe(before);
      }),
      RUNS,
    );
  });

  // 5. Results are plain data: a JSON round trip gives them back, and every number is finite.
  const expectPlainFinite = (r: RunChart): void => {
    // JSON has no -0; everything else must survive the round trip unchanged
    expect(normaliseZero(JSON.parse(JSON.stringify(r)))).toEqual(normaliseZero(r));
    const bad = numbersIn({ points: r.points, phases: r.phases, signals: r.signals }).filter(([, v]) => !Number.isFinite(v));
    expect(bad).toEqual([]);
  };

  it("results survive a JSON round trip and hold no NaN or ±Infinity (values up to ±1e300)", () => {
    const sane = fc.double({ min: -1e300, max: 1e300, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.oneof(chartCase(smallInt), chartCase(sane)), ({ ys, opts }) => {
        fc.pre(analysable(ys, opts));
        expectPlainFinite(chart(ys, opts));
      }),
      RUNS,
    );
  });

  // Was a library bug, now fixed (src/_lib/median.ts midpoint): with finite values near the top of the double range the median
  // overflows. medianInPlace (src/_lib/median.ts) computes lower + (upper − lower) / 2, and
  // upper − lower overflows to Infinity when the two middle values have opposite signs and are
  // larger than ~9e307 in size: runChart([-1.7e308, 1.7e308, 1e308, -1e308]) gives centre
  // Infinity on every point (the true median is 0), every point "below" it, one run of 4 and
  // `phases[0].centre` that JSON turns into null. Likewise aggregate "sum"/"mean" over rows with
  // a shared x overflow (two rows of 1.7e308 at x = 1 give y = Infinity; their mean is 1.7e308).
  it("results hold no ±Infinity even for values near ±Number.MAX_VALUE", () => {
    const wild = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.oneof(chartCase(wild)), ({ ys, opts }) => {
        // planted patterns can push a value past the double range; only finite input is promised
        fc.pre(ys.every((v) => v === null || Number.isFinite(v)));
        fc.pre(analysable(ys, opts));
        expectPlainFinite(chart(ys, opts));
      }),
      { ...RUNS, examples: [[{ ys: [-1.7e308, 1.7e308, 1e308, -1e308], opts: {} }]] },
    );
  });

  // 6. Structure: one point per distinct x, phases tile the chart, the counts add up, every
  // signal lies inside its phase, and points[i].signals is exactly the set of rules whose
  // signals list point i.
  it("structural invariants hold", () => {
    const rowsCase = fc
      .array(fc.record({ x: fc.integer({ min: 0, max: 60 }), y: fc.option(fc.oneof(smallInt, moderateDouble), { nil: null }) }), { minLength: 1, maxLength: 80 })
      .chain((rows) =>
        fc.tuple(optionsFor(new Set(rows.map((r) => r.x)).size), fc.constantFrom("mean" as const, "median" as const, "sum" as const)).map(([opts, aggregate]) => ({
          rows,
          distinct: new Set(rows.map((r) => r.x)).size,
          opts: { ...opts, x: "x", y: "y", aggregate } as unknown as RunChartOptions<(typeof rows)[number]>,
        })),
      );
    const plainCase = chartCase(fc.oneof(smallInt, moderateDouble)).map(({ ys, opts }) => ({ rows: ys, distinct: ys.length, opts }));
    type Case = { rows: unknown[]; distinct: number; opts: RunChartOptions<unknown> };
    fc.assert(
      fc.property(fc.oneof(rowsCase as fc.Arbitrary<Case>, plainCase as fc.Arbitrary<Case>), ({ rows, distinct, opts }) => {
        let r: RunChart;
        try {
          r = runChart(rows, opts);
        } catch (e) {
          if (e instanceof QiError && e.code === "all-missing") return;
          throw e;
        }
        const n = r.points.length;
        expect(n).toBe(distinct);
        r.points.forEach((p, i) => expect(p.index).toBe(i));
        // phases tile 0..n-1
        expect(r.phases[0]!.start).toBe(0);
        expect(r.phases.at(-1)!.end).toBe(n - 1);
        r.phases.forEach((ph, k) => {
          expect(ph.start).toBeLessThanOrEqual(ph.end);
          if (k > 0) expect(ph.start).toBe(r.phases[k - 1]!.end + 1);
        });
        r.points.forEach((p) => {
          const ph = r.phases[p.phase]!;
          expect(p.index).toBeGreaterThanOrEqual(ph.start);
          expect(p.index).toBeLessThanOrEqual(ph.end);
          expect(p.centre).toBe(ph.centre);
          if (p.useful) expect(p.y !== null && !p.excluded && p.y !== p.centre).toBe(true);
        });
        r.phases.forEach((ph, k) => {
          const inPhase = r.points.filter((p) => p.phase === k);
          expect(ph.nUseful).toBe(inPhase.filter((p) => p.useful).length);
          // (phases without a centre are checked by the nObs property below: library bug)
          if (ph.centre !== null) expect(ph.nObs).toBe(inPhase.filter((p) => !p.excluded).length);
          if (ph.nUseful > 0) expect(ph.runs).toBe(ph.crossings + 1);
          else expect([ph.runs, ph.crossings, ph.longestRun]).toEqual([0, 0, 0]);
          expect(ph.longestRun).toBeLessThanOrEqual(ph.nUseful);
          expect(ph.runs).toBeLessThanOrEqual(ph.nUseful);
          if (ph.baselineStart !== null) {
            expect(ph.baselineStart).toBeGreaterThanOrEqual(ph.start);
            expect(ph.baselineEnd!).toBeLessThanOrEqual(ph.end);
          }
        });
        for (const s of r.signals) {
          const ph = r.phases[s.phase]!;
          expect(ph.start <= s.start && s.start <= s.end && s.end <= ph.end).toBe(true);
          for (const i of s.points) {
            expect(s.start <= i && i <= s.end).toBe(true);
            expect(r.points[i]!.y).not.toBeNull();
            expect(r.points[i]!.excluded).toBe(false);
          }
          expect([...s.points].sort((a, b) => a - b)).toEqual(s.points);
        }
        // points[i].signals ⇔ i is among the points of a signal of that rule
        const expected = r.points.map(() => new Set<string>());
        for (const s of r.signals) for (const i of s.points) expected[i]!.add(s.rule);
        expect(r.points.map((p) => [...p.signals].sort())).toEqual(expected.map((set) => [...set].sort()));
      }),
      RUNS,
    );
  });

  // Regression (found by this suite, fixed): a phase with no centre (its baseline points are all
  // gaps or excluded) counted excluded points in nObs.
  // runChart([5, 6], { exclude: [0], phases: [1] }).phases[0].nObs is 0.
  it("nObs counts the non-excluded points of phases without a centre too", () => {
    fc.assert(
      fc.property(chartCase(smallInt), ({ ys, opts }) => {
        fc.pre(analysable(ys, opts));
        const r = chart(ys, opts);
        r.phases.forEach((ph, k) => {
          expect(ph.nObs).toBe(r.points.filter((p) => p.phase === k && !p.excluded).length);
        });
      }),
      { ...RUNS, examples: [[{ ys: [5, 6], opts: { exclude: [0], phases: [1] } }]] },
    );
  });

  // 7. Garbage in: the only thing thrown is a QiError with a string code and an array path.
  it("throws nothing but QiError (with code and path) for garbage input", () => {
    const junkNumber = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.5, -1, 1e9);
    const junkValue = fc.oneof(fc.anything(), junkNumber, fc.string(), fc.date({ noInvalidDate: false }), fc.constantFrom(null, undefined, "", " ", "2024-02-30", "1e3", "abc"));
    const data = fc.oneof(
      fc.anything(),
      fc.constant([]),
      fc.array(junkValue, { maxLength: 20 }),
      fc.array(fc.oneof(junkNumber, fc.integer()), { maxLength: 20 }),
      fc.array(fc.record({ x: junkValue, y: junkValue }, { requiredKeys: [] }), { maxLength: 20 }),
    );
    const indexish = fc.oneof(fc.integer({ min: -5, max: 100 }), junkNumber, junkValue);
    const options = fc.oneof(
      fc.anything(),
      fc.record(
        {
          x: fc.oneof(fc.constantFrom("x", "y", "nope"), junkValue),
          y: fc.oneof(fc.constantFrom("x", "y", "nope"), junkValue),
          notes: junkValue,
          aggregate: fc.oneof(fc.constantFrom("mean", "median", "sum", "max"), junkValue),
          rules: fc.oneof(fc.constantFrom("pace", "anhoej", "ihi", "xyz"), fc.record({ preset: junkValue, shift: junkValue, trend: junkValue, runs: junkValue, longRun: junkValue, crossings: junkValue, method: junkValue }, { requiredKeys: [] }), junkValue),
          direction: junkValue,
          baseline: fc.oneof(indexish, fc.array(indexish, { maxLength: 5 })),
          phases: fc.oneof(fc.array(indexish, { maxLength: 5 }), junkValue),
          exclude: fc.oneof(fc.array(indexish, { maxLength: 5 }), junkValue),
          centre: fc.oneof(junkNumber, fc.array(fc.oneof(junkNumber, fc.constant(null)), { maxLength: 4 }), junkValue),
          rephase: fc.oneof(fc.boolean(), fc.record({ runLength: indexish, baselinePoints: indexish, side: junkValue, onCentre: junkValue }, { requiredKeys: [] }), junkValue),
          astronomical: fc.oneof(fc.constantFrom("tukey", "sigma", false, "iqr"), fc.array(indexish, { maxLength: 4 }), fc.record({ method: fc.constantFrom("tukey", "sigma", "manual", "x"), k: indexish, sigma: indexish, minPoints: indexish, points: junkValue }, { requiredKeys: ["method"] }), junkValue),
          by: fc.oneof(fc.constantFrom("x", "y"), junkValue),
          bogus: junkValue,
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(data, options, (d, o) => {
        try {
          runChart(d as unknown[], o as RunChartOptions<unknown>);
        } catch (e) {
          if (!(e instanceof QiError)) throw new Error(`threw a non-QiError: ${String(e)}`, { cause: e });
          expect(typeof e.code).toBe("string");
          expect(Array.isArray(e.path)).toBe(true);
        }
      }),
      { numRuns: runs(400) },
    );
  });
});
