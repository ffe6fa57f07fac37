import { averageMovingRange } from "../movingRange.js";
import { baseMean, fillSymmetric, type Fit } from "./fit.js";

/**
 * Individuals (XmR) chart: centre = mean of the baseline values; σ̂ = AMR / d₂ = AMR / 1.128
 * (Montgomery, Introduction to Statistical Quality Control, eq. 6.33), or 2.66·AMR/3 (Wheeler;
 * NHS Making Data Count); limits centre ± 2σ̂ and ± 3σ̂, not clipped (qicharts2 0.8.1 `qic.i`,
 * `y.neg = TRUE`). AMR over the baseline's points in order, optionally screened (see
 * averageMovingRange).
 */
export const fitI: Fit = (input, out) => {
  const centre = input.centre ?? baseMean(input.y, input);
  const amr = averageMovingRange(input.y, input.base, input.start, input.end, input.screen);
  const sigma = amr * input.sigmaPerAmr;
  fillSymmetric(out, input.start, input.end, centre, sigma, null, null);
  return { centre, mean: null, averageMovingRange: amr };
};
