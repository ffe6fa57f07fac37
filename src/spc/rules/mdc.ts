import type { ResolvedControlRules } from "../types.js";
import { RULES_OFF } from "./off.js";

/**
 * NHS England "Making Data Count" (NHS Improvement 2019, Making Data Count: Strengthening your
 * decisions), as NHSRplotthedots 0.2.2: a point beyond the process limits (mean ± 2.66 × AMR);
 * 7 consecutive points on one side of the mean, where a point on the mean ends the run; 7
 * consecutive points all increasing or all decreasing, where equal neighbours end the trend; 2 of
 * 3 consecutive points between the 2-sigma line and the limit, all three on the same side of the
 * mean. Used with `sigmaConstant: 2.66` unless the caller overrides it.
 */
export const MDC: ResolvedControlRules = {
  preset: "mdc",
  ...RULES_OFF,
  beyondLimits: true,
  shift: { length: 7, onCentre: "break" },
  trend: { length: 7, ties: "break" },
  twoOfThree: { count: 2, window: 3, sigma: 2, variant: "mdc" },
};
