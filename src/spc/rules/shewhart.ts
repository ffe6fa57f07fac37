import type { ResolvedControlRules } from "../types.js";

/**
 * Shewhart's rule: a point beyond the 3-sigma limits signals special-cause variation (Shewhart
 * 1931, Economic Control of Quality of Manufactured Product; Montgomery section 5.3).
 */
export const SHEWHART: ResolvedControlRules = {
  preset: "shewhart",
  beyondLimits: true,
  shift: false,
  trend: false,
  twoOfThree: false,
  fourOfFive: false,
  innerThird: false,
  alternating: false,
  mixture: false,
  longRun: false,
  crossings: false,
};
