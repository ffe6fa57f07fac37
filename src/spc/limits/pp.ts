import { baseRatio, writeSymmetric, type Fit } from "./fit.js";
import { laneySigmaZ } from "./laney.js";

/**
 * Laney P′ chart: as the p chart, with σᵢ multiplied by σ_z, the moving-range estimate of the
 * z-scores' spread, to allow for over-dispersion in large denominators (Laney 2002, Quality
 * Engineering 14:531–537; qicharts2 0.8.1 `qic.pp`). Limits clipped to [0, 1].
 */
export const fitPP: Fit = (input, out) => {
  const centre = input.centre ?? baseRatio(input);
  const sigma = (i: number): number => Math.sqrt((centre * (1 - centre)) / input.n[i]!);
  const { sigmaZ, amr } = laneySigmaZ(input, centre, sigma);
  for (let i = input.start; i <= input.end; i++) writeSymmetric(out, i, centre, sigma(i) * sigmaZ, 0, 1);
  return { centre, mean: null, averageMovingRange: amr };
};
