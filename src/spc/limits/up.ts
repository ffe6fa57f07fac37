import { baseRatio, writeSymmetric, type Fit } from "./fit.js";
import { laneySigmaZ } from "./laney.js";

/**
 * Laney U′ chart: the u chart's σᵢ multiplied by σ_z (Laney 2002, Quality Engineering
 * 14:531–537; qicharts2 0.8.1 `qic.up`). Lower limits clipped at 0.
 */
export const fitUP: Fit = (input, out) => {
  const centre = input.centre ?? baseRatio(input);
  const sigma = (i: number): number => Math.sqrt(centre / input.n[i]!);
  const { sigmaZ, amr } = laneySigmaZ(input, centre, sigma);
  for (let i = input.start; i <= input.end; i++) writeSymmetric(out, i, centre, sigma(i) * sigmaZ, 0, null);
  return { centre, mean: null, averageMovingRange: amr };
};
