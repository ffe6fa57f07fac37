import { QiError, describeValue } from "../_lib/error.js";
import { ruleMask } from "../_lib/ruleMask.js";
import type { ControlRuleId } from "./types.js";

/**
 * The bit of each point-level control-chart rule in `columns.signals` (`output: "columns"`).
 * `few-crossings` is about a whole phase and marks no points.
 *
 * @example
 * const chart = controlChart([10, 12, 11, 13, 12, 40, 11, 12], { type: "i", output: "columns" });
 * (chart.columns.signals[5] & CONTROL_RULE_BITS["beyond-limits"]) !== 0 //=> true
 */
export const CONTROL_RULE_BITS: Readonly<{
  "beyond-limits": 1;
  shift: 2;
  trend: 4;
  "two-of-three": 8;
  "four-of-five": 16;
  "inner-third": 32;
  alternating: 64;
  mixture: 128;
  "long-run": 256;
}> = Object.freeze({
  "beyond-limits": 1,
  shift: 2,
  trend: 4,
  "two-of-three": 8,
  "four-of-five": 16,
  "inner-third": 32,
  alternating: 64,
  mixture: 128,
  "long-run": 256,
});

/** @internal The mask codec, in the order the rules are applied (and listed on each point). */
export const CONTROL_RULE_MASK = ruleMask<ControlRuleId>([
  "beyond-limits",
  "shift",
  "trend",
  "two-of-three",
  "four-of-five",
  "inner-third",
  "alternating",
  "mixture",
  "long-run",
]);

/**
 * The rule ids in a `columns.signals` entry, as `points[i].signals` lists them.
 *
 * @example
 * controlRulesOf(CONTROL_RULE_BITS.shift | CONTROL_RULE_BITS["beyond-limits"]) //=> ["beyond-limits", "shift"]
 */
export function controlRulesOf(mask: number): readonly ControlRuleId[] {
  if (typeof mask !== "number") throw new QiError("invalid-option", ["mask"], `mask must be a number from columns.signals, not ${describeValue(mask)}`);
  return CONTROL_RULE_MASK.list(mask & 511);
}
