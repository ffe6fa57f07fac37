import type { ResolvedControlRules } from "../types.js";
import { RULES_OFF } from "./off.js";

/**
 * The control-chart rules of Provost & Murray, The Health Care Data Guide (2011), ch. 5, as taught
 * by IHI: (1) a point outside the limits; (2) a shift of 8 or more consecutive points on one side
 * of the centre line; (3) a trend of 6 consecutive points all increasing or all decreasing;
 * (4) 2 of 3 consecutive points in the outer third (beyond 2σ) on the same side; (5) 15
 * consecutive points in the inner third (within 1σ). As for run charts, points on the centre line
 * and equal neighbours neither count nor break a shift or trend.
 */
export const IHI: ResolvedControlRules = {
  preset: "ihi",
  ...RULES_OFF,
  beyondLimits: true,
  shift: { length: 8, onCentre: "skip" },
  trend: { length: 6, ties: "skip" },
  twoOfThree: { count: 2, window: 3, sigma: 2, variant: "standard" },
  innerThird: { length: 15 },
};
