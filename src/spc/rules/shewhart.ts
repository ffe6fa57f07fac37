import type { ResolvedControlRules } from "../types.js";
import { RULES_OFF } from "./off.js";

/**
 * Shewhart's rule: a point beyond the 3-sigma limits signals special-cause variation (Shewhart
 * 1931, Economic Control of Quality of Manufactured Product; Montgomery section 5.3).
 */
export const SHEWHART: ResolvedControlRules = {
  preset: "shewhart",
  ...RULES_OFF,
  beyondLimits: true,
};
