import { D2, D4 } from "../constants.js";
import { baseMean, type Fit } from "./fit.js";

/**
 * Moving-range chart: `y` holds |xᵢ − xᵢ₋₁| within the phase (the first point of a phase has
 * none). Centre = mean of the baseline moving ranges (unscreened); UCL = D₄ × centre = 3.267 ×
 * centre, 2-sigma line (3.267 / 3) × 2 × centre, LCL = 0 (Montgomery, Appendix VI, D₃ = 0 for
 * n = 2; qicharts2 0.8.1 `qic.mr`). The 1-sigma lines use d₃/d₂ = 0.8525/1.128.
 */
export const fitMR: Fit = (input, out) => {
  const centre = input.centre ?? baseMean(input.y, input);
  const k = 0.8525 / D2;
  for (let i = input.start; i <= input.end; i++) {
    out.cl[i] = centre;
    out.ucl[i] = D4 * centre;
    out.ucl2[i] = (D4 / 3) * 2 * centre;
    out.lcl[i] = 0;
    out.lcl2[i] = 0;
    out.u1[i] = centre * (1 + k);
    out.l1[i] = Math.max(0, centre * (1 - k));
  }
  return { centre, mean: null, averageMovingRange: centre };
};
