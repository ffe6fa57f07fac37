import { quantileSorted } from "d3-array";

/**
 * Overdispersion of the z-scores (Spiegelhalter 2005 §3; Spiegelhalter et al. 2012 §4), as
 * FunnelPlotR 0.6.0:
 * - winsorising clamps each z to the type-7 quantiles at `trim` and 1 − `trim` (R's default
 *   `quantile`, which is d3-array's `quantileSorted`); a z on a quantile counts as winsorised;
 * - truncation (SHMI standardised ratios, NHS Digital's SHMI specification) keeps the
 *   organisations with 0 < ⌊rank · (1/trim) / (m + 1)⌋ < 1/trim − 1, ranks of ties averaged;
 * - φ = Σz²/k over the k winsorised (or kept) z-scores;
 * - τ² = 0 if kφ < k − 1, else max(0, (kφ − (k − 1)) / (Σw − Σw²/Σw)), w = 1/s² over the same
 *   organisations (DerSimonian–Laird's additive random-effects variance).
 */
export interface Dispersion {
  /** Winsorised z, or null where truncation dropped the organisation. */
  adjusted: (number | null)[];
  trimmed: boolean[];
  phi: number;
  tau2: number;
  /** Organisations the estimate used. */
  used: number;
}

/** Winsorised φ and τ² (every method but SHMI standardised ratios). */
export function winsorise(z: readonly number[], s: readonly number[], trim: number): Dispersion {
  const sorted = Array.from(Float64Array.from(z).sort());
  const lo = quantileSorted(sorted, trim)!;
  const hi = quantileSorted(sorted, 1 - trim)!;
  const adjusted: number[] = [];
  const trimmed: boolean[] = [];
  for (const v of z) {
    const c = v < lo ? lo : v > hi ? hi : v;
    adjusted.push(c);
    // FunnelPlotR flags a z-score equal to a quantile as winsorised too
    trimmed.push(v <= lo || v >= hi);
  }
  return finish(adjusted, trimmed, adjusted, s.slice());
}

/** Truncated φ and τ² (SHMI standardised ratios). */
export function truncate(z: readonly number[], s: readonly number[], trim: number): Dispersion {
  const m = z.length;
  const rank = averageRanks(z);
  const k = 1 / trim;
  const adjusted: (number | null)[] = [];
  const trimmed: boolean[] = [];
  const keptZ: number[] = [];
  const keptS: number[] = [];
  for (let i = 0; i < m; i++) {
    const band = Math.floor((rank[i]! * k) / (m + 1));
    const keep = band > 0 && band < k - 1;
    adjusted.push(keep ? z[i]! : null);
    trimmed.push(!keep);
    if (keep) {
      keptZ.push(z[i]!);
      keptS.push(s[i]!);
    }
  }
  return finish(adjusted, trimmed, keptZ, keptS);
}

function finish(adjusted: (number | null)[], trimmed: boolean[], zs: readonly number[], s: readonly number[]): Dispersion {
  const k = zs.length;
  let sumSq = 0;
  for (const v of zs) sumSq += v * v;
  const phi = k > 0 ? sumSq / k : 0;
  let sw = 0;
  let sw2 = 0;
  for (const v of s) {
    const w = 1 / (v * v);
    sw += w;
    sw2 += w * w;
  }
  const spread = sw - sw2 / sw;
  let tau2 = 0;
  if (k > 0 && k * phi >= k - 1 && spread > 0) tau2 = Math.max(0, (k * phi - (k - 1)) / spread);
  return { adjusted, trimmed, phi, tau2, used: k };
}

/** 1-based ranks, ties given their average rank (R's `rank`, ties.method = "average"). */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const rank: number[] = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    const r = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) rank[order[t]!] = r;
    i = j + 1;
  }
  return rank;
}
