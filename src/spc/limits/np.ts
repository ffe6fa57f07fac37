import { QiError } from "../../_lib/error.js";
import { baseRatio, fillSymmetric, type Fit } from "./fit.js";

/**
 * np chart (number of cases out of a constant n), as qcc 3.0 `qcc(type = "np", sizes = n)`:
 * p̄ = Σ yᵢ / Σ nᵢ over the baseline, centre n·p̄, σ = √(n p̄ (1 − p̄)), limits clamped to [0, n]
 * (Montgomery eq. 7.13). The sizes must be the same within a phase (use a p chart otherwise).
 * A fixed `centre` is the expected count n·p.
 */
export const fitNP: Fit = (input, out) => {
  let size = Number.NaN;
  for (let i = input.start; i <= input.end; i++) {
    const n = input.n[i]!;
    if (Number.isNaN(n)) continue;
    if (Number.isNaN(size)) size = n;
    else if (n !== size) {
      throw new QiError("invalid-denominator", ["data", i, "n"], `an np chart needs the same n at every point of a phase (point ${i} has ${n}, earlier points ${size}); use a p chart for denominators that vary`);
    }
  }
  const p = input.centre === null ? baseRatio(input) : input.centre / size;
  const centre = size * p;
  fillSymmetric(out, input.start, input.end, centre, Math.sqrt(size * p * (1 - p)), 0, size);
  return { centre, mean: null, averageMovingRange: null };
};
