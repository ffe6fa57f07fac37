import { baseRatio, writeSymmetric, type Fit } from "./fit.js";

/**
 * u chart: centre ū = Σ yᵢ / Σ nᵢ over the baseline; σᵢ = √(ū/nᵢ); limits ū ± 2σᵢ, ± 3σᵢ, lower
 * limits clipped at 0 (Montgomery eq. 7.19; qicharts2 0.8.1 `qic.u`).
 */
export const fitU: Fit = (input, out) => {
  const centre = input.centre ?? baseRatio(input);
  for (let i = input.start; i <= input.end; i++) writeSymmetric(out, i, centre, Math.sqrt(centre / input.n[i]!), 0, null);
  return { centre, mean: null, averageMovingRange: null };
};
