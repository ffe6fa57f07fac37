import type { ResolvedControlRules } from "../types.js";
import { RULES_OFF } from "./off.js";

/**
 * Nelson's eight tests (Nelson 1984, J Qual Technol 16:237–239, extending the Western Electric
 * Handbook, 1956): (1) one point beyond 3σ; (2) 9 in a row on one side of the centre line; (3) 6 in
 * a row steadily increasing or decreasing; (4) 14 in a row alternating up and down; (5) 2 of 3
 * beyond 2σ on the same side; (6) 4 of 5 beyond 1σ on the same side; (7) 15 in a row within 1σ
 * (either side); (8) 8 in a row beyond 1σ (either side). Read strictly: a point on the centre
 * line ends a run, and equal neighbours end a trend or an alternation.
 */
export const NELSON: ResolvedControlRules = {
  preset: "nelson",
  ...RULES_OFF,
  beyondLimits: true,
  shift: { length: 9, onCentre: "break" },
  trend: { length: 6, ties: "break" },
  twoOfThree: { count: 2, window: 3, sigma: 2, variant: "standard" },
  fourOfFive: { count: 4, window: 5, sigma: 1, variant: "standard" },
  innerThird: { length: 15 },
  alternating: { length: 14 },
  mixture: { length: 8 },
};
