import type { ResolvedControlRules } from "../types.js";
import { RULES_OFF } from "./off.js";

/**
 * As qicharts2 0.8.1: points beyond the 3-sigma limits (`sigma.signal`), and Anhøj's runs
 * analysis against the centre line (`runs.signal`): the longest run longer than round(log₂ n) + 3,
 * or fewer crossings than the 5th percentile of Binomial(n − 1, ½) (Anhøj & Olesen 2014, PLoS One
 * 9:e113825; Anhøj 2015, PLoS One 10:e0121349).
 */
export const ANHOEJ: ResolvedControlRules = {
  preset: "anhoej",
  ...RULES_OFF,
  beyondLimits: true,
  longRun: { minUseful: 0 },
  crossings: { minUseful: 0 },
};
