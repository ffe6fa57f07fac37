import { c4 } from "../constants.js";
import { baseMean, fillSymmetric, writeSymmetric, type Fit, type FitInput } from "./fit.js";
import { fitI } from "./i.js";
import { rangeSigma } from "./r.js";
import { fitXbar } from "./xbar.js";

/**
 * σ of individuals as qcc 3.0 `std.dev = "SD"`: the sample standard deviation of the baseline
 * values divided by c₄(m), m the number of values (Montgomery eq. 6.27; qcc's `sd.xbar.one`).
 */
export function sdSigma(input: FitInput): number {
  let m = 0;
  let mean = 0;
  let s2 = 0;
  for (let i = input.start; i <= input.end; i++) {
    if (input.base[i] !== 1) continue;
    const v = input.y[i]!;
    if (Number.isNaN(v)) continue;
    m++;
    const d = v - mean;
    mean += d / m;
    s2 += d * (v - mean);
  }
  return m < 2 ? Number.NaN : Math.sqrt(s2 / (m - 1)) / c4(m);
}

/**
 * Individuals with the `sigma` option: `"moving-range"` (default) is the XmR chart ({@link fitI});
 * `"sd"` takes σ = s/c₄(m) ({@link sdSigma}); a number is a known σ. Limits centre ± 2σ, ± 3σ.
 * A known centre comes with `centre`.
 */
export const fitISigma: Fit = (input, out) => {
  const source = input.params.sigma;
  if (source === "moving-range" || source === null) return fitI(input, out);
  const centre = input.centre ?? baseMean(input.y, input);
  const sigma = typeof source === "number" ? source : sdSigma(input);
  fillSymmetric(out, input.start, input.end, centre, sigma, null, null);
  return { centre, mean: null, averageMovingRange: null };
};

/**
 * x̄ chart with the `sigma` option: `"sd"` (default) is s̄/c₄ ({@link fitXbar}, as qicharts2);
 * `"range"` is qcc's UWAVE-R ({@link rangeSigma}); a number is a known σ. Limits centre ± kσ/√nᵢ.
 */
export const fitXbarSigma: Fit = (input, out) => {
  const source = input.params.sigma;
  if (source === "sd" || source === null) return fitXbar(input, out);
  const summary = fitXbar(input, out);
  const sigma = rangeSigma(input);
  for (let i = input.start; i <= input.end; i++) writeSymmetric(out, i, summary.centre, sigma / Math.sqrt(input.n[i]!), null, null);
  return summary;
};
