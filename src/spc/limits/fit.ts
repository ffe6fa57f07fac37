import type { Lines } from "../zones.js";
import type { ChartParameters } from "../chartParams.js";

/** What a chart type's limits need for one phase. Arrays cover the whole chart; read `start..end`. */
export interface FitInput {
  /** The plotted statistic before `multiply` (value, y/n, moving range, subgroup mean or sd); NaN for gaps. */
  y: Float64Array;
  /** Raw values: measurements, or counts for p, pp, u, up and c. */
  value: Float64Array;
  /** Denominators (p, pp, u, up) or subgroup sizes (xbar, s); NaN where missing. */
  n: Float64Array;
  /** Subgroup standard deviations (xbar, s). */
  sd: Float64Array;
  start: number;
  end: number;
  /** 1 for points that set the centre and limits: in the baseline and not excluded (gaps included, as qicharts2). */
  base: Uint8Array;
  /** A fixed centre line, or null. */
  centre: number | null;
  /** Screen moving ranges ≥ 3.267 × AMR out of the average. */
  screen: boolean;
  /** σ̂ per unit of average moving range: 1/1.128 (d₂) or 2.66/3. */
  sigmaPerAmr: number;
  /** xbar/s: subgroup sizes differ within the phase (pooled standard deviation, Montgomery eq. 6.31). */
  varN: boolean;
  /** Subgroup ranges (xbar, r, cusum, ewma); empty for the other types. */
  range: Float64Array;
  /** The σ source, constants and CUSUM/EWMA parameters (see chartParams.ts). */
  params: ChartParameters;
}

/** Per-point lines, written for `start..end`. Limits are clipped where the statistic cannot go; `u1`/`l1` are the 1-sigma lines. */
export type FitOutput = Lines;

/** A phase's fit: the centre line, and for g charts the mean the limits use; the AMR for moving-range charts. */
export interface FitSummary {
  centre: number;
  mean: number | null;
  averageMovingRange: number | null;
}

/** Limits of one chart type for one phase. */
export type Fit = (input: FitInput, out: FitOutput) => FitSummary;

/**
 * Write centre ± 1, 2, 3 σ at point i. Limits below `floor` are raised to it and above `ceiling`
 * lowered to it (qicharts2: 0 for counts and rates, 1 for proportions); NaN stays NaN.
 */
export function writeSymmetric(out: FitOutput, i: number, centre: number, sigma: number, floor: number | null, ceiling: number | null): void {
  out.cl[i] = centre;
  out.ucl[i] = clip(centre + 3 * sigma, floor, ceiling);
  out.lcl[i] = clip(centre - 3 * sigma, floor, ceiling);
  out.ucl2[i] = clip(centre + 2 * sigma, floor, ceiling);
  out.lcl2[i] = clip(centre - 2 * sigma, floor, ceiling);
  out.u1[i] = centre + sigma;
  out.l1[i] = centre - sigma;
}

/** As writeSymmetric for every point of `start..end`, when σ is the same for all of them. */
export function fillSymmetric(out: FitOutput, start: number, end: number, centre: number, sigma: number, floor: number | null, ceiling: number | null): void {
  const to = end + 1;
  out.cl.fill(centre, start, to);
  out.ucl.fill(clip(centre + 3 * sigma, floor, ceiling), start, to);
  out.lcl.fill(clip(centre - 3 * sigma, floor, ceiling), start, to);
  out.ucl2.fill(clip(centre + 2 * sigma, floor, ceiling), start, to);
  out.lcl2.fill(clip(centre - 2 * sigma, floor, ceiling), start, to);
  out.u1.fill(centre + sigma, start, to);
  out.l1.fill(centre - sigma, start, to);
}

function clip(v: number, floor: number | null, ceiling: number | null): number {
  return floor !== null && v < floor ? floor : ceiling !== null && v > ceiling ? ceiling : v;
}

/** Mean of `values` over base points with a value. NaN when none. */
export function baseMean(values: Float64Array, input: FitInput): number {
  let sum = 0;
  let count = 0;
  for (let i = input.start; i <= input.end; i++) {
    if (input.base[i] !== 1) continue;
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    sum += v;
    count++;
  }
  if (count === 0) return Number.NaN;
  if (Number.isFinite(sum)) return sum / count;
  // The sum overflowed (values near ±1.8e308; issue #18): the mean exists, so sum the shares instead.
  let mean = 0;
  for (let i = input.start; i <= input.end; i++) if (input.base[i] === 1 && !Number.isNaN(values[i]!)) mean += values[i]! / count;
  return mean;
}

/**
 * Σ nᵢ·yᵢ / Σ nᵢ over base points where both are present: the grand mean of subgroup statistics
 * weighted by subgroup size (x̄̄, Montgomery eq. 6.30; R̄ as qcc 3.0 for unequal sizes).
 */
export function baseWeightedMean(input: FitInput): number {
  let num = 0;
  let den = 0;
  for (let i = input.start; i <= input.end; i++) {
    if (input.base[i] !== 1) continue;
    const v = input.y[i]!;
    const n = input.n[i]!;
    if (Number.isNaN(v) || Number.isNaN(n)) continue;
    num += n * v;
    den += n;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** Σ value / Σ n over base points where both are present (p̄, ū; Montgomery eqs. 7.8 and 7.19). */
export function baseRatio(input: FitInput): number {
  let num = 0;
  let den = 0;
  for (let i = input.start; i <= input.end; i++) {
    if (input.base[i] !== 1) continue;
    const v = input.value[i]!;
    const n = input.n[i]!;
    if (Number.isNaN(v) || Number.isNaN(n)) continue;
    num += v;
    den += n;
  }
  return den === 0 ? Number.NaN : num / den;
}
