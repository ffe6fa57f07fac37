import type { ResolvedControlRules } from "../types.js";

/**
 * Every control-chart rule switched off. Each preset spreads it and switches on its own rules, so a
 * preset lists only the tests it makes; the key order (and so `settings.rules` as JSON) is this one.
 */
export const RULES_OFF: Omit<ResolvedControlRules, "preset"> = {
  beyondLimits: false,
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
