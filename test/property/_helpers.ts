import fc from "fast-check";
import type { RephaseOption, RunChart, RunChartOptions, RunChartSignal, RunRulesOption } from "../../src/index.js";

export { deepFreeze } from "../_shared/freeze.js";

/** Replace -0 by 0 everywhere (JSON cannot carry -0, and toEqual tells them apart). */
export function normaliseZero<T>(value: T): T {
  if (typeof value === "number") return (value === 0 ? 0 : value) as T;
  if (Array.isArray(value)) return value.map(normaliseZero) as T;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normaliseZero(v);
    return out as T;
  }
  return value;
}

/** Every number reachable from `value`, with its path, for finiteness checks. */
export function numbersIn(value: unknown, path = "$", out: [string, number][] = []): [string, number][] {
  if (typeof value === "number") out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  }
  return out;
}

/** The parts of a signal that must not depend on the scale or origin of y (messages quote numbers). */
export function signalKey(s: RunChartSignal): Record<string, unknown> {
  return {
    rule: s.rule,
    phase: s.phase,
    start: s.start,
    end: s.end,
    points: s.points,
    side: s.side,
    direction: s.direction,
    counted: s.counted,
    assessment: s.assessment,
  };
}

/** Phase statistics except the centre line. */
export function phaseStats(chart: RunChart): Record<string, unknown>[] {
  return chart.phases.map(({ centre: _centre, ...rest }) => rest);
}

/** Per-point facts that do not depend on the scale or origin of y. */
export function pointFacts(chart: RunChart): Record<string, unknown>[] {
  return chart.points.map((p) => ({ phase: p.phase, baseline: p.baseline, excluded: p.excluded, useful: p.useful, signals: [...p.signals].sort() }));
}

export function warningKeys(chart: RunChart): Record<string, unknown>[] {
  return chart.warnings.map((w) => ({ code: w.code, phase: w.phase, points: w.points }));
}

/** y values: small integers (many ties), wider integers, exact binary fractions, or any moderate doubles. */
export const smallInt = fc.integer({ min: -6, max: 6 });
export const wideInt = fc.integer({ min: -1000, max: 1000 });
/** Multiples of 1/8 below 64 in size: sums, halves and quarter-interpolations stay exact. */
export const dyadic = fc.integer({ min: -512, max: 512 }).map((k) => k / 8);
/** Moderate doubles without subnormals, so power-of-two scaling is exact. */
export const moderateDouble = fc
  .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
  .filter((v) => v === 0 || Math.abs(v) > 1e-100);

export type Y = number | null;

/**
 * A series of 1–80 values with gaps (null) mixed in: random noise, or noise with a level shift,
 * a monotone stretch and an outlier planted so that every rule gets exercised. Planted values
 * stay in the domain of `value` (sums of two draws, or a draw times 32), so the exactness the
 * invariance properties rely on is kept.
 */
export function series(value: fc.Arbitrary<number>, maxLength = 80): fc.Arbitrary<Y[]> {
  const noise = fc.array(fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: 1, maxLength, size: "max" });
  const patterned = fc
    .tuple(noise, value, fc.nat(), fc.nat(), fc.nat({ max: 12 }), fc.boolean(), fc.nat(), fc.boolean())
    .map(([ys, level, shiftAt, trendAt, trendLength, up, outlierAt, withOutlier]) => {
      const out = ys.slice();
      const n = out.length;
      // level shift from shiftAt on
      for (let i = shiftAt % n; i < n; i++) if (out[i] !== null) out[i] = out[i]! + level;
      // a monotone stretch (sorted values, ties kept)
      const from = trendAt % n;
      const to = Math.min(n, from + trendLength);
      const part = out.slice(from, to).filter((v): v is number => v !== null).sort((a, b) => (up ? a - b : b - a));
      for (let i = from, k = 0; i < to; i++) if (out[i] !== null) out[i] = part[k++]!;
      if (withOutlier && out[outlierAt % n] !== null) out[outlierAt % n] = (level === 0 ? 1 : level) * 32;
      return out;
    });
  return fc.oneof(noise, patterned);
}

const rulesArb: fc.Arbitrary<RunRulesOption | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom<RunRulesOption>("pace", "anhoej", "ihi"),
  fc.record(
    {
      preset: fc.constantFrom("pace" as const, "anhoej" as const),
      shift: fc.constantFrom<boolean | { onCentre: "skip" | "break"; length?: number }>(true, false, { onCentre: "break" }, { onCentre: "skip", length: 4 }),
      trend: fc.constantFrom<boolean | { ties: "skip" | "break"; length?: number }>(true, false, { ties: "break" }, { ties: "skip", length: 3 }),
      runs: fc.constantFrom<boolean | { minUseful: number }>(true, false, { minUseful: 2 }),
      longRun: fc.constantFrom(true, false),
      crossings: fc.constantFrom(true, false),
      method: fc.constantFrom("anhoej" as const, "bestbox" as const, "cutbox" as const),
    },
    { requiredKeys: ["preset"] },
  ),
);

const rephaseArb: fc.Arbitrary<boolean | RephaseOption | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(undefined, false) },
  { weight: 1, arbitrary: fc.constant(true) },
  {
    weight: 2,
    arbitrary: fc.record({
      runLength: fc.integer({ min: 2, max: 9 }),
      baselinePoints: fc.integer({ min: 1, max: 13 }),
      side: fc.constantFrom("above" as const, "below" as const, "both" as const),
      onCentre: fc.constantFrom("skip" as const, "break" as const),
    }),
  },
);

/** Options valid for a chart of `n` points: phases, baseline, exclude in range; presets; rephase; detectors. */
export function optionsFor(n: number, centreValue: fc.Arbitrary<number> = smallInt): fc.Arbitrary<RunChartOptions<Y>> {
  const phasesArb = fc.option(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }), { nil: undefined });
  const excludeArb = fc.option(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 5 }), { nil: undefined });
  return fc
    .record({
      rules: rulesArb,
      direction: fc.constantFrom(undefined, "increase" as const, "decrease" as const, "neutral" as const),
      astronomical: fc.constantFrom(undefined, false as const, "tukey" as const, "sigma" as const),
      rephase: rephaseArb,
      phases: phasesArb,
      exclude: excludeArb,
      baselineKind: fc.constantFrom("none", "none", "count", "perPhase"),
      baselineSeed: fc.array(fc.option(fc.integer({ min: 1, max: 80 }), { nil: null }), { minLength: 5, maxLength: 5 }),
      centre: fc.option(centreValue, { nil: undefined, freq: 8 }),
    })
    .map((g) => {
      const starts = [...new Set([0, ...(g.phases ?? [])])].sort((a, b) => a - b);
      const lengths = starts.map((s, k) => (k + 1 < starts.length ? starts[k + 1]! : n) - s);
      const o: RunChartOptions<Y> = {};
      if (g.rules !== undefined) o.rules = g.rules;
      if (g.direction !== undefined) o.direction = g.direction;
      if (g.astronomical !== undefined) o.astronomical = g.astronomical;
      if (g.phases !== undefined) o.phases = g.phases;
      if (g.exclude !== undefined) o.exclude = g.exclude;
      if (g.baselineKind === "count") o.baseline = 1 + ((g.baselineSeed[0] ?? 1) - 1) % Math.min(...lengths);
      if (g.baselineKind === "perPhase") o.baseline = lengths.map((len, k) => { const s = g.baselineSeed[k]; return s === null || s === undefined ? null : 1 + ((s - 1) % len); });
      // a fixed centre and re-phasing exclude each other
      if (g.centre !== undefined && (g.rephase === undefined || g.rephase === false)) o.centre = g.centre;
      else if (g.rephase !== undefined) o.rephase = g.rephase;
      return o;
    });
}

/** A series and options valid for it. */
export function chartCase(value: fc.Arbitrary<number>, centreValue: fc.Arbitrary<number> = value): fc.Arbitrary<{ ys: Y[]; opts: RunChartOptions<Y> }> {
  return series(value).chain((ys) => optionsFor(ys.length, centreValue).map((opts) => ({ ys, opts })));
}

/** True when some point has a value and is not excluded (otherwise runChart rightly throws all-missing). */
export function analysable(ys: readonly Y[], opts: RunChartOptions<Y>): boolean {
  const ex = new Set(opts.exclude ?? []);
  return ys.some((v, i) => v !== null && !ex.has(i));
}

/** Apply f to every y and to a fixed centre, keeping the other options. */
export function mapCase(ys: readonly Y[], opts: RunChartOptions<Y>, f: (v: number) => number): { ys: Y[]; opts: RunChartOptions<Y> } {
  const out: RunChartOptions<Y> = { ...opts };
  if (typeof opts.centre === "number") out.centre = f(opts.centre);
  return { ys: ys.map((v) => (v === null ? null : f(v))), opts: out };
}

/**
 * The XmR (sigma) astronomical limits of a phase, recomputed from the chart as astronomical.ts
 * defines them (mean ± 3 · average moving range / 1.128 over the centre-setting points), used only
 * to tell a floating-point tie at the limit from a real disagreement.
 */
export function sigmaLimits(chart: RunChart, phase: number): [number, number] | null {
  const ph = chart.phases[phase]!;
  const from = ph.baselineStart ?? ph.start;
  const to = ph.baselineEnd ?? ph.end;
  const v: number[] = [];
  for (let i = from; i <= to; i++) {
    const p = chart.points[i]!;
    if (p.y !== null && !p.excluded) v.push(p.y);
  }
  if (v.length < 2) return null;
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  let mr = 0;
  for (let k = 1; k < v.length; k++) mr += Math.abs(v[k]! - v[k - 1]!);
  const sigma = mr / (v.length - 1) / 1.128;
  return [mean - 3 * sigma, mean + 3 * sigma];
}
