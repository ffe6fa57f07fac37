import { medianInPlace } from "../../_lib/median.js";
import { D4 } from "../constants.js";
import { averageMovingRange } from "../movingRange.js";
import { fillSymmetric, type Fit, type FitInput } from "./fit.js";

/**
 * d₂ for the median moving range: the median of |Z₁ − Z₂| for standard normal Z is
 * √2·Φ⁻¹(3/4) = 0.953873 (Wheeler & Chambers, Understanding Statistical Process Control, 2nd ed.
 * 1992, where the limits are median ± 3.145 × median moving range, 3/0.954 = 3.145). `"tabled"`
 * uses the rounded 0.954, `"exact"` the exact value.
 */
export const D2_MEDIAN_MR = 0.954;
const D2_MEDIAN_MR_EXACT = Math.SQRT2 * 0.6744897501960817;

/** Median of the baseline values (NaN when there are none). */
function baseMedian(input: FitInput): number {
  const scratch = new Float64Array(input.end - input.start + 1);
  let k = 0;
  for (let i = input.start; i <= input.end; i++) if (input.base[i] === 1 && !Number.isNaN(input.y[i]!)) scratch[k++] = input.y[i]!;
  return medianInPlace(scratch, k);
}

/**
 * Individuals chart around the median (PowerBI-SPC's `i_m`): centre = median of the baseline
 * values, which a few long durations do not pull; σ̂ = AMR/1.128 as the i chart (moving ranges
 * screened at 3.267 × AMR unless `screenMovingRanges: false`); limits centre ± 2σ̂, ± 3σ̂.
 */
export const fitIMedian: Fit = (input, out) => {
  const centre = input.centre ?? baseMedian(input);
  const amr = averageMovingRange(input.y, input.base, input.start, input.end, input.screen);
  fillSymmetric(out, input.start, input.end, centre, amr * input.sigmaPerAmr, null, null);
  return { centre, mean: null, averageMovingRange: amr };
};

/**
 * Individuals chart around the median with σ from the median moving range (PowerBI-SPC's `i_mm`):
 * centre = median of the baseline values; MMR = median of the moving ranges of the baseline points
 * in order (as the i chart); with screening, moving ranges ≥ 3.267 × MMR are dropped and the median
 * retaken (as PowerBI-SPC); σ̂ = MMR / 0.954 ({@link D2_MEDIAN_MR}). Note: PowerBI-SPC's current
 * source divides the median moving range by 1.128 (the d₂ of the mean moving range), which gives
 * limits about 15 % narrower; this library keeps Wheeler's constant. The phase's
 * `averageMovingRange` holds the median moving range.
 */
export const fitIMedianMR: Fit = (input, out) => {
  const centre = input.centre ?? baseMedian(input);
  const mrs = new Float64Array(Math.max(0, input.end - input.start));
  let k = 0;
  let prev = Number.NaN;
  let seen = false;
  for (let i = input.start; i <= input.end; i++) {
    if (input.base[i] !== 1) continue;
    const v = input.y[i]!;
    if (seen && !Number.isNaN(v) && !Number.isNaN(prev)) mrs[k++] = Math.abs(v - prev);
    prev = v;
    seen = true;
  }
  let mmr = medianInPlace(mrs.slice(0, k), k);
  if (input.screen && mmr > 0) {
    const kept = mrs.filter((m, j) => j < k && m < D4 * mmr);
    mmr = medianInPlace(kept, kept.length);
  }
  const d = input.params.constants === "exact" ? D2_MEDIAN_MR_EXACT : D2_MEDIAN_MR;
  fillSymmetric(out, input.start, input.end, centre, mmr / d, null, null);
  return { centre, mean: null, averageMovingRange: Number.isNaN(mmr) ? Number.NaN : mmr };
};
