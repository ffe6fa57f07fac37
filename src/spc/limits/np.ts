import { baseRatio, fillSymmetric, type Fit } from "./fit.js";

/**
 * np chart (number of cases out of a constant n), as qcc 3.0 `qcc(type = "np", sizes = n)`:
 * p̄ = Σ yᵢ / Σ nᵢ over the baseline, centre n·p̄, σ = √(n p̄ (1 − p̄)), limits clamped to [0, n]
 * (Montgomery eq. 7.13). The sizes must be the same within a phase (use a p chart otherwise):
 * fitPhases checks that first (`checkOneSize`, where the points' rows are known for the error's
 * path); n is the phase's first size. A fixed `centre` is the expected count n·p.
 */
export const fitNP: Fit = (input, out) => {
  let size = Number.NaN;
  for (let i = input.start; i <= input.end && Number.isNaN(size); i++) size = input.n[i]!;
  const p = input.centre === null ? baseRatio(input) : input.centre / size;
  const centre = size * p;
  fillSymmetric(out, input.start, input.end, centre, Math.sqrt(size * p * (1 - p)), 0, size);
  return { centre, mean: null, averageMovingRange: null };
};
