export { runChart } from "./runChart.js";
export { RUN_RULE_BITS, runRulesOf } from "./ruleBits.js";
export { runsLimits, anhoejLimits, type RunsLimits, type RunsLimitsOptions, type AnhoejLimits } from "./limits.js";
export { RUN_RULE_PRESETS, RULE_DEFAULTS } from "./presets.js";
export type * from "./types.js";
export { summariseRunChart } from "./summary.js";
export { readPeriodLabel, writePeriodLabel, type PeriodLabel, type SplitYear } from "../engine/periodLabel.js";
