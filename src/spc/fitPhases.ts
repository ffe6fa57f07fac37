import type { Arena } from "../_lib/arena.js";
import { QiError } from "../_lib/error.js";
import { pointLabeller } from "../engine/messages.js";
import type { PhaseLayout } from "../engine/phases.js";
import { FITS } from "./limits/index.js";
import type { FitOutput, FitSummary } from "./limits/fit.js";
import type { Series } from "./readSeries.js";
import type { ControlSettings } from "./settings.js";
import type { ControlChartType } from "./types.js";

// The statistic and the centre-and-limits steps of a Shewhart control chart. The formulas of each
// chart type are in limits/ (one file per type, with its sources).

/**
 * The plotted statistic before multiply. For i, c, g, t, xbar and s it is an array read already:
 * the same array serves unless it is rewritten (moving ranges, multiply). Charts of y / n (p, pp,
 * u, up, and i given n, as qicharts2 and PowerBI-SPC) divide into a new array.
 */
export function plottedStatistic(s: Series, type: ControlChartType, layout: readonly PhaseLayout[], multiply: number, keep: Arena): Float64Array {
  const n = s.n;
  let y: Float64Array;
  if (s.perN) {
    y = keep.f64(n);
    divide(s.value, s.size, y);
  } else {
    const source = type === "xbar" ? s.mean : type === "s" ? s.sd : type === "r" ? s.range : s.value;
    if (type === "mr" || multiply !== 1) {
      y = keep.f64(n);
      y.set(source);
    } else y = source;
  }
  // Moving ranges restart in each phase (qicharts2 computes them per part).
  if (type === "mr") for (const p of layout) movingRanges(s.value, y, p.start, p.end);
  return y;
}

/** |vᵢ − vᵢ₋₁| for the points of one phase; its first point has none. */
function movingRanges(v: Float64Array, y: Float64Array, start: number, end: number): void {
  y[start] = Number.NaN;
  for (let i = start + 1; i <= end; i++) y[i] = Math.abs(v[i]! - v[i - 1]!);
}

/** The chart types whose limits come from the average moving range. */
function needsMovingRange(type: ControlChartType, settings: ControlSettings): boolean {
  return (type === "i" && settings.params.sigma === "moving-range") || type === "t" || type === "pp" || type === "up" || type === "mr" || type === "i-median" || type === "i-median-mr";
}

/**
 * Centre and limits of every phase, written into `out` (lines over all points) from the points in
 * `base` (the phase's baseline, not excluded). A phase whose limits need a moving range and has
 * none is a `too-few-points` error.
 */
export function fitPhases(s: Series, y: Float64Array, layout: readonly PhaseLayout[], excluded: Uint8Array, settings: ControlSettings, out: FitOutput, base: Uint8Array): FitSummary[] {
  const { type, multiply, screen, sigmaPerAmr, params } = settings;
  const fit = FITS[type];
  const subgroups = type === "xbar" || type === "s" || type === "r";
  return layout.map((p, k) => {
    markBase(base, excluded, p.start, p.end, p.baselineEnd);
    if (type === "np") checkOneSize(s, p.start, p.end);
    const varN = subgroups && sizesDiffer(s.size, p.start, p.end);
    const centre = p.centre === null ? null : p.centre / multiply;
    const summary = fit({ y, value: s.value, n: s.size, sd: s.sd, start: p.start, end: p.end, base, centre, screen, sigmaPerAmr, varN, range: s.range, params }, out);
    if (needsMovingRange(type, settings)) checkMovingRange(summary, type, layout, k);
    return summary;
  });
}

/**
 * An np chart needs one n in each phase (qcc 3.0's np chart takes a constant size; use a p chart
 * for sizes that vary): the first point whose n differs from the phase's first is an
 * `invalid-denominator` error at its row (`Series.rowOf`, not the point's index in x order), the
 * point counted from 1 as in every message.
 */
function checkOneSize(s: Series, start: number, end: number): void {
  let size = Number.NaN;
  for (let i = start; i <= end; i++) {
    const n = s.size[i]!;
    if (Number.isNaN(n)) continue;
    if (Number.isNaN(size)) size = n;
    else if (n !== size) {
      const row = s.rowOf(i);
      const label = pointLabeller(s.kind, s.x, s.days, s.period)(i);
      const at = label === `point ${i + 1}` ? `point ${i + 1} (row ${row})` : `point ${i + 1} (${label}, row ${row})`;
      throw new QiError("invalid-denominator", ["data", row, s.nName], `an np chart needs the same n at every point of a phase: ${at} has n = ${n}, earlier points ${size}; use a p chart for denominators that vary`);
    }
  }
}

/** Subgroup sizes differ within `start..end` (xbar and s then pool the standard deviations). */
function sizesDiffer(size: Float64Array, start: number, end: number): boolean {
  let sizes = Number.NaN;
  for (let i = start; i <= end; i++) {
    const z = size[i]!;
    if (Number.isNaN(z)) continue;
    if (Number.isNaN(sizes)) sizes = z;
    else if (z !== sizes) return true;
  }
  return false;
}

function checkMovingRange(summary: FitSummary, type: ControlChartType, layout: readonly PhaseLayout[], k: number): void {
  if (summary.averageMovingRange === Number.POSITIVE_INFINITY) {
    throw new QiError("invalid-value", ["data"], "the moving ranges are too large to compute (values near ±1.8e308): rescale the values");
  }
  if (Number.isFinite(summary.averageMovingRange ?? Number.NaN)) return;
  // The chart types that need a moving range: "an" before i, up, mr, i-median(-mr); "a t", "a pp".
  const article = type === "t" || type === "pp" ? "a" : "an";
  throw new QiError(
    "too-few-points",
    layout.length > 1 ? ["options", "phases"] : ["data"],
    `${phaseWhere(layout, k)} has no moving range in its baseline: ${article} ${type} chart needs at least 2 consecutive values that are not excluded`,
  );
}

/**
 * Where a phase is, for error messages: "the chart" when there is one phase, else "phase 2
 * (points 6–10)" with points counted from 1, as in every message and summary.
 */
export function phaseWhere(layout: readonly { start: number; end: number }[], k: number): string {
  if (layout.length === 1) return "the chart";
  const p = layout[k]!;
  return `phase ${k + 1} (${p.start === p.end ? `point ${p.start + 1}` : `points ${p.start + 1}–${p.end + 1}`})`;
}

/** Multiply the statistic and the lines (per cent, per 1,000 bed days…). */
export function scaleLines(y: Float64Array, out: FitOutput, multiply: number): void {
  if (multiply === 1) return;
  for (const a of [y, out.cl, out.ucl, out.lcl, out.ucl2, out.lcl2, out.u1, out.l1]) scale(a, multiply);
}

/**
 * A fixed centre must lie where the plotted statistic can: ≥ 0 for moving ranges, standard
 * deviations, counts, rates and times, and within [0, 1] (× multiply) for proportions. Otherwise
 * the clipped limits would cross (LCL above UCL).
 */
export function checkFixedCentres(layout: readonly { centre: number | null }[], type: ControlChartType, multiply: number, option: unknown): void {
  if (type === "i" || type === "xbar" || type === "ip" || type === "i-median" || type === "i-median-mr") return;
  const max = type === "p" || type === "pp" ? multiply : Number.POSITIVE_INFINITY;
  layout.forEach((p, k) => {
    if (p.centre === null || (p.centre >= 0 && p.centre <= max)) return;
    const path = Array.isArray(option) ? ["options", "centre", k] : ["options", "centre"];
    const range = max === Number.POSITIVE_INFINITY ? "at least 0" : `from 0 to ${max}`;
    throw new QiError("invalid-option", path, `a fixed centre on a ${type} chart must be ${range}, not ${p.centre}`);
  });
}

// The loops over every point live in small functions of their own (see engine/analysis.ts).

/** out[i] = a[i] / b[i] (the p, pp, u, up statistic). */
function divide(a: Float64Array, b: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! / b[i]!;
}

function scale(a: Float64Array, by: number): void {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * by;
}

/** 1 for the points of `start..end` that set the centre and limits: in the baseline and not excluded. */
function markBase(base: Uint8Array, excluded: Uint8Array, start: number, end: number, baselineEnd: number): void {
  for (let i = start; i <= end; i++) base[i] = i <= baselineEnd && excluded[i] === 0 ? 1 : 0;
}
