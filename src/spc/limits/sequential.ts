import { averageMovingRange } from "../movingRange.js";
import { fillSymmetric, type Fit, type FitInput } from "./fit.js";
import { rangeSigma } from "./r.js";

/**
 * Centre of a CUSUM or EWMA chart as qcc 3.0: the size-weighted grand mean Σ nᵢx̄ᵢ / Σ nᵢ of the
 * baseline (the mean of the values for individuals), or the fixed `centre`. A value on the centre
 * adds nothing to a sum, even when σ is 0 (a constant baseline).
 */
export function sequentialCentre(input: FitInput): number {
  if (input.centre !== null) return input.centre;
  // Σ nᵢ(x̄ᵢ − a) / Σ nᵢ + a with a the first value: the same mean, but exactly a for a constant
  // series (so its sums and smoothing stay exactly on the centre).
  let first = Number.NaN;
  let num = 0;
  let den = 0;
  for (let i = input.start; i <= input.end; i++) {
    if (input.base[i] !== 1) continue;
    const v = input.y[i]!;
    const n = input.n.length === 0 ? 1 : input.n[i]!;
    if (Number.isNaN(v) || Number.isNaN(n)) continue;
    if (Number.isNaN(first)) first = v;
    num += n * (v - first);
    den += n;
  }
  return den === 0 ? Number.NaN : first + num / den;
}

/**
 * σ of one value for a CUSUM or EWMA chart, as qcc 3.0: a known σ (`sigma` a number); for
 * subgroups qcc's UWAVE-R, mean(Rᵢ/d₂(nᵢ)) ({@link rangeSigma}); for individuals the average
 * moving range / 1.128 (qcc's "MR", not screened unless `screenMovingRanges: true`).
 */
export function sequentialSigma(input: FitInput): number {
  if (typeof input.params.sigma === "number") return input.params.sigma;
  if (input.range.length > 0) return rangeSigma(input);
  return averageMovingRange(input.y, input.base, input.start, input.end, input.screen) * input.sigmaPerAmr;
}

/**
 * The Shewhart lines of the statistic a CUSUM or EWMA chart accumulates (centre ± kσ/√nᵢ). The
 * charts themselves are drawn by cusum.ts and ewma.ts, which take the centre and σ from here.
 */
export const fitSequential: Fit = (input, out) => {
  const centre = sequentialCentre(input);
  const sigma = sequentialSigma(input);
  fillSymmetric(out, input.start, input.end, centre, sigma, null, null);
  return { centre, mean: null, averageMovingRange: null };
};
