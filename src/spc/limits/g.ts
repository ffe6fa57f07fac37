import { medianInPlace } from "../../_lib/median.js";
import { baseMean, fillSymmetric, type Fit } from "./fit.js";

/**
 * g chart (cases between events; geometric distribution; Benneyan 2001, Health Care Manag Sci
 * 4:173–185; Montgomery p. 319): limits from the mean ḡ of the baseline, σ = √(ḡ(ḡ + 1)), lower
 * limits clipped at 0; the centre line drawn is the median of the baseline values, because the
 * distribution is skewed (qicharts2 0.8.1 `qic.g`). A fixed `centre` is taken as the mean, and the
 * line drawn is its theoretical median 0.693 × mean (Provost & Murray, The Health Care Data Guide
 * p. 228; qicharts2).
 */
export const fitG: Fit = (input, out) => {
  let mean: number;
  let centre: number;
  if (input.centre !== null) {
    mean = input.centre;
    centre = 0.693 * mean;
  } else {
    mean = baseMean(input.y, input);
    const scratch = new Float64Array(input.end - input.start + 1);
    let m = 0;
    for (let i = input.start; i <= input.end; i++) if (input.base[i] === 1 && !Number.isNaN(input.y[i]!)) scratch[m++] = input.y[i]!;
    centre = medianInPlace(scratch, m);
  }
  const sigma = Math.sqrt(mean * (mean + 1));
  fillSymmetric(out, input.start, input.end, mean, sigma, 0, null);
  out.cl.fill(centre, input.start, input.end + 1);
  return { centre, mean, averageMovingRange: null };
};
