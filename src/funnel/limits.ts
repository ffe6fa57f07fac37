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

const KEYS = ["lower95", "upper95", "lower998", "upper998", "adjustedLower95", "adjustedUpper95", "adjustedLower998", "adjustedUpper998"] as const;

/** The eight limits at one denominator, before pinning. */
function rawLimits(m: LimitModel, n: number): number[] {
  const out = new Array<number>(8);
  for (const [k, z] of [[0, Z95], [2, Z998]] as const) {
    out[k] = unadjusted(m, n, z, -1);
    out[k + 1] = unadjusted(m, n, z, 1);
    out[k + 4] = adjusted(m, n, z, -1, m.tau2);
    out[k + 5] = adjusted(m, n, z, 1, m.tau2);
  }
  return out.map((v) => v * m.multiplier);
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
 * oracle, "PR pinning").
 */
function pinProportions(m: LimitModel, table: Float64Array): number[][] {
  const rows = Array.from(table, (n) => rawLimits(m, n));
  const pinned = rows.map((r) => r.slice());
  for (let i = 0; i + 1 < rows.length; i++) {
    for (let k = 0; k < 8; k++) {
      const lower = k % 2 === 0;
      const here = rows[i]![k]!;
      const next = rows[i + 1]![k]!;
      if (lower && here > next) pinned[i]![k] = 0;
      if (!lower && here < next) pinned[i]![k] = m.multiplier;
    }
  }
  return pinned;
}

/**
 * The limit rows at each of `at`, for a funnel whose organisations have `denominators`.
 */
export function limitRows(m: LimitModel, denominators: readonly number[], at: readonly number[]): FunnelLimitRow[] {
  if (m.type !== "proportion") return at.map((n) => toRow(n, rawLimits(m, n)));
  let max = 0;
  for (const n of denominators) if (n > max) max = n;
  const all = rSeq(3, Math.ceil(max), 1000).concat(denominators, at);
  const sorted = Float64Array.from(all).sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i]!;
  const table = sorted.subarray(0, u);
  const pinned = pinProportions(m, table);
  return at.map((n) => toRow(n, pinned[bisectLeft(table, n)]!));
}

function toRow(n: number, v: readonly number[]): FunnelLimitRow {
  const row = { denominator: n } as FunnelLimitRow;
  KEYS.forEach((k, i) => (row[k] = v[i]!));
  return row;
}
