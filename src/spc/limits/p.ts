import { baseRatio, writeSymmetric, type Fit } from "./fit.js";

/**
 * p chart: centre p̄ = Σ yᵢ / Σ nᵢ over the baseline; σᵢ = √(p̄(1 − p̄)/nᵢ); limits p̄ ± 2σᵢ, ± 3σᵢ
 * clipped to [0, 1] (Montgomery eqs. 7.8, 7.12; qicharts2 0.8.1 `qic.p`).
 */
export const fitP: Fit = (input, out) => {
  const centre = input.centre ?? baseRatio(input);
  for (let i = input.start; i <= input.end; i++) writeSymmetric(out, i, centre, Math.sqrt((centre * (1 - centre)) / input.n[i]!), 0, 1);
  return { centre, mean: null, averageMovingRange: null };
};
