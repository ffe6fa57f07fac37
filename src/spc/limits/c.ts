import { baseMean, fillSymmetric, type Fit } from "./fit.js";

/**
 * c chart: centre c̄ = mean count over the baseline; σ = √c̄ (Poisson); limits c̄ ± 2σ, ± 3σ, lower
 * limits clipped at 0 (Montgomery eq. 7.17; qicharts2 0.8.1 `qic.c`).
 */
export const fitC: Fit = (input, out) => {
  const centre = input.centre ?? baseMean(input.value, input);
  const sigma = Math.sqrt(centre);
  fillSymmetric(out, input.start, input.end, centre, sigma, 0, null);
  return { centre, mean: null, averageMovingRange: null };
};
