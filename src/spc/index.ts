export { controlChart } from "./controlChart.js";
export { CONTROL_RULE_BITS, controlRulesOf } from "./ruleBits.js";
export { CONTROL_RULE_PRESETS, resolveControlRules } from "./rules/index.js";
export { c4, c5, a3, b3, b4, D2, D4, E2 } from "./constants.js";
export { averageMovingRange } from "./movingRange.js";
export type * from "./types.js";
export { summariseControlChart } from "./summary.js";
