import type { ResolvedControlRules } from "../types.js";
import { RULES_OFF } from "./off.js";

/**
 * Western Electric zone rules (Western Electric Co., Statistical Quality Control Handbook, 1956,
 * pp. 25–28): (1) one point beyond 3σ; (2) 2 of 3 consecutive points beyond 2σ on the same side;
 * (3) 4 of 5 consecutive points beyond 1σ on the same side; (4) 8 consecutive points on one side
 * of the centre line. Read strictly: a point on the centre line ends a run.
 */
export const WESTERN_ELECTRIC: ResolvedControlRules = {
  preset: "western-electric",
  ...RULES_OFF,
  beyondLimits: true,
  shift: { length: 8, onCentre: "break" },
  twoOfThree: { count: 2, window: 3, sigma: 2, variant: "standard" },
  fourOfFive: { count: 4, window: 5, sigma: 1, variant: "standard" },
};
