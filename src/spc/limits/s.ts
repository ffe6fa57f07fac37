import { c4, c5 } from "../constants.js";
import { writeSymmetric, type Fit } from "./fit.js";
import { subgroupSigma } from "./xbar.js";

/**
 * s chart: centre = s̄ (equal sizes) or the pooled standard deviation (Montgomery eqs. 6.29,
 * 6.31); UCL = B₄(nᵢ) × centre, LCL = B₃(nᵢ) × centre with B₃ = max(0, 1 − 3c₅/c₄), B₄ = 1 + 3c₅/c₄
 * (Montgomery eq. 6.27), i.e. centre ± 3 × centre × c₅/c₄ clipped at 0. As qicharts2 0.8.1 `qic.s`.
 */
export const fitS: Fit = (input, out) => {
  const centre = input.centre ?? subgroupSigma(input);
  for (let i = input.start; i <= input.end; i++) {
    const n = input.n[i]!;
    writeSymmetric(out, i, centre, (centre * c5(n)) / c4(n), 0, null);
  }
  return { centre, mean: null, averageMovingRange: null };
};
