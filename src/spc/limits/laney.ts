import { averageMovingRange } from "../movingRange.js";
import type { FitInput } from "./fit.js";

/**
 * Laney's σ_z: the between-subgroup variation of the z-scores zᵢ = (yᵢ − centre)/σᵢ, estimated as
 * AMR(z) / 1.128 over the baseline, moving ranges screened as for an individuals chart (Laney 2002,
 * Quality Engineering 14:531–537; qicharts2 0.8.1 `qic.pp`/`qic.up`). `sigma(i)` is the binomial
 * or Poisson σᵢ. Returns σ_z and the AMR of the z-scores.
 */
export function laneySigmaZ(input: FitInput, centre: number, sigma: (i: number) => number): { sigmaZ: number; amr: number } {
  const z = new Float64Array(input.end + 1);
  for (let i = input.start; i <= input.end; i++) z[i] = input.base[i] === 1 ? (input.y[i]! - centre) / sigma(i) : Number.NaN;
  const amr = averageMovingRange(z, input.base, input.start, input.end, input.screen);
  return { sigmaZ: amr * input.sigmaPerAmr, amr };
}
