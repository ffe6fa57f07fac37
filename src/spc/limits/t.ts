import { averageMovingRange } from "../movingRange.js";
import { baseMean, type Fit } from "./fit.js";

/** Nelson's power transformation of exponential times to near-normal: y^(1/3.6) (Nelson 1994, J Qual Technol 26:239–240). */
const POWER = 3.6;

/**
 * t chart (time between rare events): an individuals chart of y^(1/3.6), with the centre and
 * limits back-transformed by ^3.6 (Nelson 1994; Montgomery section 7.3.5; qicharts2 0.8.1
 * `qic.t`). A lower line whose transformed value is negative has no back-transform (NaN): the
 * 3-sigma lower limit is then 0, as qicharts2; the 2-sigma lower line is left out (null).
 * A fixed `centre` is given on the original scale.
 */
export const fitT: Fit = (input, out) => {
  const ty = new Float64Array(input.end + 1);
  for (let i = input.start; i <= input.end; i++) ty[i] = Math.pow(input.y[i]!, 1 / POWER);
  const mean = input.centre !== null ? Math.pow(input.centre, 1 / POWER) : baseMean(ty, input);
  const amr = averageMovingRange(ty, input.base, input.start, input.end, input.screen);
  const sigma = amr * input.sigmaPerAmr;
  const back = (k: number): number => Math.pow(mean + k * sigma, POWER);
  const cl = back(0);
  const ucl = back(3);
  const ucl2 = back(2);
  const lcl3 = back(-3);
  const lcl = Number.isNaN(lcl3) || lcl3 < 0 ? 0 : lcl3;
  const lcl2 = back(-2);
  const u1 = back(1);
  const l1 = back(-1);
  for (let i = input.start; i <= input.end; i++) {
    out.cl[i] = cl;
    out.ucl[i] = ucl;
    out.lcl[i] = lcl;
    out.ucl2[i] = ucl2;
    out.lcl2[i] = lcl2;
    out.u1[i] = u1;
    out.l1[i] = l1;
  }
  return { centre: cl, mean: null, averageMovingRange: amr };
};
