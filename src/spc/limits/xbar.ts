import { c4 } from "../constants.js";
import { baseWeightedMean, writeSymmetric, type Fit, type FitInput } from "./fit.js";

/**
 * Standard deviation estimate from baseline subgroups: with equal sizes the mean of the subgroup
 * standard deviations s̄ (Montgomery eq. 6.29); with sizes that differ, the pooled
 * √(Σ(nᵢ − 1)sᵢ² / Σ(nᵢ − 1)) (Montgomery eq. 6.31). As qicharts2 0.8.1.
 */
export function subgroupSigma(input: FitInput): number {
  let a = 0;
  let b = 0;
  for (let i = input.start; i <= input.end; i++) {
    if (input.base[i] !== 1) continue;
    const s = input.sd[i]!;
    const n = input.n[i]!;
    if (Number.isNaN(s) || Number.isNaN(n)) continue;
    if (input.varN) {
      a += (n - 1) * s * s;
      b += n - 1;
    } else {
      a += s;
      b += 1;
    }
  }
  if (b === 0) return Number.NaN;
  return input.varN ? Math.sqrt(a / b) : a / b;
}

/**
 * x̄ chart: centre = Σ nᵢ x̄ᵢ / Σ nᵢ over the baseline (Montgomery eq. 6.30); limits centre ±
 * A₃(nᵢ) s with A₃ = 3/(c₄√n) per subgroup size (Montgomery eqs. 6.28, 6.31), 2-sigma with 2/(c₄√n).
 * As qicharts2 0.8.1 `qic.xbar`.
 */
export const fitXbar: Fit = (input, out) => {
  const centre = input.centre ?? baseWeightedMean(input);
  const s = subgroupSigma(input);
  for (let i = input.start; i <= input.end; i++) {
    const n = input.n[i]!;
    writeSymmetric(out, i, centre, s / (c4(n) * Math.sqrt(n)), null, null);
  }
  return { centre, mean: null, averageMovingRange: null };
};
