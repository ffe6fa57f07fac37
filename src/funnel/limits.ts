import { bisectLeft } from "d3-array";
import { gammaQuantile } from "./gamma.js";
import type { FunnelLimitRow, FunnelSrMethod, FunnelType } from "./types.js";

/**
 * The funnel's limit curves, as FunnelPlotR 0.6.0 draws them (Spiegelhalter 2005 §2–3), with n
 * the denominator, s² = 1/(4n) and the package's rounded z of 1.959964 (95 %) and 3.090232
 * (99.8 %):
 * - standardised ratio, unadjusted: exact Poisson limits qchisq(0.025, 2n)/2n and
 *   qchisq(0.975, 2(n + 1))/2n (0.001 and 0.999 for 99.8 %; Garwood 1936);
 * - standardised ratio, adjusted: SHMI exp(±z√(1/n + τ²)); CQC 1 ± z√(s² + τ²) (not squared
 *   back, so a lower limit can be negative);
 * - proportion: sin²(asin √target ± z√(s² + τ²)); ratio of counts: exp(ln target ± z√(s² + τ²));
 *   unadjusted with τ² = 0.
 * All × the multiplier. Proportions are pinned at 0 and 1 × multiplier the package's way: see
 * {@link pinProportions}.
 */
export const Z95 = 1.959964;
export const Z998 = 3.090232;

/** What the limits depend on. */
export interface LimitModel {
  type: FunnelType;
  srMethod: FunnelSrMethod;
  target: number;
  tau2: number;
  multiplier: number;
}

/** The eight limits at one denominator, before pinning, into `out` at `offset` (8 values). */
function rawLimits(m: LimitModel, n: number, out: Float64Array | number[], offset: number): void {
  out[offset] = unadjusted(m, n, Z95, -1) * m.multiplier;
  out[offset + 1] = unadjusted(m, n, Z95, 1) * m.multiplier;
  out[offset + 2] = unadjusted(m, n, Z998, -1) * m.multiplier;
  out[offset + 3] = unadjusted(m, n, Z998, 1) * m.multiplier;
  out[offset + 4] = adjusted(m, n, Z95, -1, m.tau2) * m.multiplier;
  out[offset + 5] = adjusted(m, n, Z95, 1, m.tau2) * m.multiplier;
  out[offset + 6] = adjusted(m, n, Z998, -1, m.tau2) * m.multiplier;
  out[offset + 7] = adjusted(m, n, Z998, 1, m.tau2) * m.multiplier;
}

function unadjusted(m: LimitModel, n: number, z: number, sign: -1 | 1): number {
  if (m.type !== "standardised-ratio") return adjusted(m, n, z, sign, 0);
  const p = z === Z95 ? 0.025 : 0.001;
  return sign < 0 ? gammaQuantile(p, n) / n : gammaQuantile(1 - p, n + 1) / n;
}

function adjusted(m: LimitModel, n: number, z: number, sign: -1 | 1, tau2: number): number {
  if (m.type === "standardised-ratio") {
    if (m.srMethod === "shmi") return Math.exp(sign * z * Math.sqrt(1 / n + tau2));
    return 1 + sign * z * Math.sqrt(1 / (4 * n) + tau2);
  }
  const spread = sign * z * Math.sqrt(1 / (4 * n) + tau2);
  if (m.type === "proportion") return Math.sin(Math.asin(Math.sqrt(m.target)) + spread) ** 2;
  return Math.exp(Math.log(m.target) + spread);
}

/**
 * R's `seq(from, to, length.out = 1000)`: from, from + i·by (by = (to − from)/999), to.
 */
function rSeq(from: number, to: number, length: number): number[] {
  if (from === to) return new Array<number>(length).fill(from);
  const by = (to - from) / (length - 1);
  const out = [from];
  for (let i = 1; i < length - 1; i++) out.push(from + i * by);
  out.push(to);
  return out;
}

/**
 * FunnelPlotR computes proportion limits on a table of denominators — seq(3, ⌈max n⌉, length.out
 * = 1000) with the organisations' denominators (and any requested points) added, sorted, unique —
 * and sets each row but the last to 0 (a lower limit above the next row's) or 1 × multiplier
 * (an upper limit below the next row's). Where the angle leaves [0, π/2] a limit is so mostly
 * pinned, but it keeps sin² of the out-of-range angle at the largest denominator and at the
 * last such row when the next row's value is past it. Reproduced here row for row (README of the
 * oracle, "PR pinning"). `values` holds 8 limits per table row; pinned in place (row i is
 * compared with row i + 1 before row i + 1 is pinned).
 */
function pinProportions(values: Float64Array, rows: number, multiplier: number): void {
  for (let i = 0; i + 1 < rows; i++) {
    for (let k = 0; k < 8; k++) {
      const here = values[i * 8 + k]!;
      const next = values[(i + 1) * 8 + k]!;
      if (k % 2 === 0 ? here > next : here < next) values[i * 8 + k] = k % 2 === 0 ? 0 : multiplier;
    }
  }
}

/**
 * The limit rows at each of `at`, for a funnel whose organisations have `denominators`.
 */
export function limitRows(m: LimitModel, denominators: ArrayLike<number>, at: ArrayLike<number>): FunnelLimitRow[] {
  const out: FunnelLimitRow[] = new Array<FunnelLimitRow>(at.length);
  const one = new Float64Array(8);
  if (m.type !== "proportion") {
    for (let i = 0; i < at.length; i++) {
      rawLimits(m, at[i]!, one, 0);
      out[i] = toRow(at[i]!, one, 0);
    }
    return out;
  }
  let max = 0;
  for (let i = 0; i < denominators.length; i++) if (denominators[i]! > max) max = denominators[i]!;
  const seq = rSeq(3, Math.ceil(max), 1000);
  const sorted = new Float64Array(seq.length + denominators.length + at.length);
  sorted.set(seq, 0);
  for (let i = 0; i < denominators.length; i++) sorted[seq.length + i] = denominators[i]!;
  for (let i = 0; i < at.length; i++) sorted[seq.length + denominators.length + i] = at[i]!;
  sorted.sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i]!;
  const table = sorted.subarray(0, u);
  const values = new Float64Array(u * 8);
  for (let i = 0; i < u; i++) rawLimits(m, table[i]!, values, i * 8);
  pinProportions(values, u, m.multiplier);
  for (let i = 0; i < at.length; i++) out[i] = toRow(at[i]!, values, bisectLeft(table, at[i]!) * 8);
  return out;
}

function toRow(n: number, v: Float64Array, o: number): FunnelLimitRow {
  return {
    denominator: n,
    lower95: v[o]!,
    upper95: v[o + 1]!,
    lower998: v[o + 2]!,
    upper998: v[o + 3]!,
    adjustedLower95: v[o + 4]!,
    adjustedUpper95: v[o + 5]!,
    adjustedLower998: v[o + 6]!,
    adjustedUpper998: v[o + 7]!,
  };
}
