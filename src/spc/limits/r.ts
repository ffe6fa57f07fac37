import { d2, d3 } from "../rangeConstants.js";
import { baseWeightedMean, writeSymmetric, type Fit, type FitInput } from "./fit.js";

/**
 * σ from subgroup ranges as qcc 3.0's "UWAVE-R": mean(Rᵢ / d₂(nᵢ)) over the baseline subgroups
 * (Montgomery eq. 6.6 for equal sizes, where it is R̄/d₂; Burr 1969 for unequal sizes), or the
 * known σ when `sigma` is a number. NaN when no baseline subgroup has a range.
 */
export function rangeSigma(input: FitInput): number {
  if (typeof input.params.sigma === "number") return input.params.sigma;
  let sum = 0;
  let count = 0;
  for (let i = input.start; i <= input.end; i++) {
    if (input.base[i] !== 1) continue;
    const r = input.range[i]!;
    const n = input.n[i]!;
    if (Number.isNaN(r) || Number.isNaN(n)) continue;
    sum += r / d2(n, input.params.constants);
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}

/**
 * R chart (range of each subgroup), as qcc 3.0 `qcc(type = "R")`: centre R̄ = Σ nᵢRᵢ / Σ nᵢ over
 * the baseline (one number even when the sizes differ), σ from {@link rangeSigma}, limits
 * centre ± 3·d₃(nᵢ)·σ (and ± 2, ± 1 for the zone lines), the lower ones raised to 0
 * (Montgomery eq. 6.5 with D₃ = max(0, 1 − 3d₃/d₂)). d₂ and d₃ from qcc's tables unless
 * `constants: "exact"`.
 */
export const fitR: Fit = (input, out) => {
  const centre = input.centre ?? baseWeightedMean(input);
  const sigma = rangeSigma(input);
  for (let i = input.start; i <= input.end; i++) writeSymmetric(out, i, centre, d3(input.n[i]!, input.params.constants) * sigma, 0, null);
  return { centre, mean: null, averageMovingRange: null };
};
