import { QiError, describeValue } from "../_lib/error.js";
import { ruleMask } from "../_lib/ruleMask.js";
import type { RunRuleId } from "./types.js";

/**
 * The bit of each point-level run-chart rule in `columns.signals` (`output: "columns"`). Rules
 * about a whole phase (too few or too many runs, few crossings) mark no points.
 *
 * @example
 * const chart = runChart([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { output: "columns" });
 * (chart.columns.signals[0] & RUN_RULE_BITS.trend) !== 0 //=> true
 */
export const RUN_RULE_BITS: Readonly<{ shift: 1; trend: 2; "long-run": 4; astronomical: 8 }> = Object.freeze({ shift: 1, trend: 2, "long-run": 4, astronomical: 8 });

/** @internal The mask codec, in the order the rules are applied (and listed on each point). */
export const RUN_RULE_MASK = ruleMask<RunRuleId>(["shift", "trend", "long-run", "astronomical"]);

/**
 * The rule ids in a `columns.signals` entry, as `points[i].signals` lists them.
 *
 * @example
 * runRulesOf(RUN_RULE_BITS.shift | RUN_RULE_BITS.astronomical) //=> ["shift", "astronomical"]
 */
export function runRulesOf(mask: number): readonly RunRuleId[] {
  if (typeof mask !== "number") throw new QiError("invalid-option", ["mask"], `mask must be a number from columns.signals, not ${describeValue(mask)}`);
  return RUN_RULE_MASK.list(mask & 15);
}
