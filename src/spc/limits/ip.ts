import { fillSymmetric, writeSymmetric, type Fit } from "./fit.js";

/** qicharts2 0.8's screening limit for the I′ chart's sⱼ: 3.2665 × their mean (D₄ for n = 2). */
const SCREEN = 3.2665;

/**
 * Laney-style I′ chart of ratios with denominators (individuals of yᵢ = countᵢ/nᵢ whose σ scales
 * with 1/√nᵢ), as qicharts2 0.8.1 `qic(chart = "ip")` (Laney 2002, Quality Engineering
 * 14:531–537): centre Σ yᵢnᵢ / Σ nᵢ over the baseline's non-excluded points;
 * sⱼ = √(π/2)·|yⱼ₊₁ − yⱼ| / √(1/nⱼ + 1/nⱼ₊₁) over ALL consecutive points of the phase (baseline
 * and exclusions do not touch σ, as qicharts2); the sⱼ ≥ 3.2665 × mean(s) dropped when
 * `screenMovingRanges` (the default); σᵢ = mean(s)/√nᵢ; limits centre ± 2σᵢ, ± 3σᵢ with no floor.
 * √(π/2) = 1/(d₂/√2) turns a moving range of two into σ (E|Z₁ − Z₂| = 2/√π). Without
 * denominators nᵢ = 1 and this is an XmR chart with d₂ = 2/√π. A point without a value has no limits.
 */
export const fitIP: Fit = (input, out) => {
  const { y, start, end } = input;
  const size = (i: number): number => (input.n.length === 0 ? 1 : input.n[i]!);
  let centre = input.centre;
  if (centre === null) {
    let num = 0;
    let den = 0;
    for (let i = start; i <= end; i++) {
      if (input.base[i] !== 1 || Number.isNaN(y[i]!)) continue;
      num += y[i]! * size(i);
      den += size(i);
    }
    centre = den === 0 ? Number.NaN : num / den;
  }
  const mean = (limit: number): number => {
    let sum = 0;
    let count = 0;
    for (let j = start; j < end; j++) {
      const s = (Math.sqrt(Math.PI / 2) * Math.abs(y[j + 1]! - y[j]!)) / Math.sqrt(1 / size(j) + 1 / size(j + 1));
      if (Number.isNaN(s) || s >= limit) continue;
      sum += s;
      count++;
    }
    return count === 0 ? Number.NaN : sum / count;
  };
  let sBar = mean(Number.POSITIVE_INFINITY);
  if (input.screen && sBar > 0) sBar = mean(SCREEN * sBar);
  fillSymmetric(out, start, end, centre, Number.NaN, null, null);
  for (let i = start; i <= end; i++) {
    if (Number.isNaN(y[i]!)) continue;
    writeSymmetric(out, i, centre, sBar / Math.sqrt(size(i)), null, null);
  }
  return { centre, mean: null, averageMovingRange: null };
};
