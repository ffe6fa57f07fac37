import { checkKeys, enumOption, integerOption, objectOption } from "../../_lib/options.js";
import { QiError, describeValue } from "../../_lib/error.js";
import { anhoejRule, presetOption, rule, shiftRule, trendRule } from "../../engine/rules.js";
import type { ControlRulesOption, ControlRulesPreset, ResolvedControlRules } from "../types.js";
import { ANHOEJ } from "./anhoej.js";
import { IHI } from "./ihi.js";
import { MDC } from "./mdc.js";
import { NELSON } from "./nelson.js";
import { SHEWHART } from "./shewhart.js";
import { WESTERN_ELECTRIC } from "./westernElectric.js";

/**
 * The built-in control-chart rule sets. Sources in each module and in docs/control-charts.md.
 *
 * @example
 * CONTROL_RULE_PRESETS.ihi.shift //=> { length: 8, onCentre: "skip" }
 */
export const CONTROL_RULE_PRESETS: Readonly<Record<ControlRulesPreset, ResolvedControlRules>> = {
  shewhart: SHEWHART,
  ihi: IHI,
  "western-electric": WESTERN_ELECTRIC,
  nelson: NELSON,
  anhoej: ANHOEJ,
  mdc: MDC,
};

/** Parameters a rule takes when switched on with `true` and its preset has it off. */
const STANDARD = {
  shift: { length: 8, onCentre: "skip" },
  trend: { length: 6, ties: "skip" },
  twoOfThree: { count: 2, window: 3, sigma: 2, variant: "standard" },
  fourOfFive: { count: 4, window: 5, sigma: 1, variant: "standard" },
  innerThird: { length: 15 },
  alternating: { length: 14 },
  mixture: { length: 8 },
  longRun: { minUseful: 0 },
  crossings: { minUseful: 0 },
} as const;

const PRESETS = Object.keys(CONTROL_RULE_PRESETS) as ControlRulesPreset[];
const KEYS = ["preset", "beyondLimits", "shift", "trend", "twoOfThree", "fourOfFive", "innerThird", "alternating", "mixture", "longRun", "crossings"] as const;

/**
 * Resolve the `rules` option: a preset name, or `{ preset, ...overrides }` where each rule is
 * `false` (off), `true` (on with the preset's or the standard parameters) or an object of
 * parameters (engine/rules.ts resolves each rule). Unknown names are `unknown-option` errors.
 *
 * @example
 * resolveControlRules({ preset: "mdc", shift: { length: 8 } }).shift //=> { length: 8, onCentre: "break" }
 */
export function resolveControlRules(option: ControlRulesOption | undefined): ResolvedControlRules {
  if (option === undefined) return SHEWHART;
  if (typeof option === "string") return CONTROL_RULE_PRESETS[presetOption(option, PRESETS, ["options", "rules"])];
  const o = objectOption(option, ["options", "rules"]);
  checkKeys(o, KEYS, ["options", "rules"], "rule option");
  const preset = o.preset === undefined ? "shewhart" : presetOption(o.preset, PRESETS, ["options", "rules", "preset"]);
  const base = CONTROL_RULE_PRESETS[preset];
  const p = (name: string, key: string): ReadonlyArray<string> => ["options", "rules", name, key] as const;
  const zone = (name: "twoOfThree" | "fourOfFive") =>
    rule(o[name], base[name], STANDARD[name], name, (r, d) => {
      const window = r.window === undefined ? d.window : integerOption(r.window, p(name, "window"), 1);
      return {
        count: r.count === undefined ? d.count : integerOption(r.count, p(name, "count"), 1, window),
        window,
        sigma: r.sigma === undefined ? d.sigma : integerOption(r.sigma, p(name, "sigma"), 1, 3),
        variant: r.variant === undefined ? d.variant : enumOption(r.variant, ["standard", "mdc"] as const, p(name, "variant")),
      };
    });
  const length = (name: "innerThird" | "alternating" | "mixture") =>
    rule(o[name], base[name], STANDARD[name], name, (r, d) => ({ length: r.length === undefined ? d.length : integerOption(r.length, p(name, "length"), 2) }));
  let beyondLimits = base.beyondLimits;
  if (o.beyondLimits !== undefined) {
    if (typeof o.beyondLimits !== "boolean") throw new QiError("invalid-option", ["options", "rules", "beyondLimits"], `beyondLimits must be true or false, not ${describeValue(o.beyondLimits)}`);
    beyondLimits = o.beyondLimits;
  }
  return {
    preset,
    beyondLimits,
    shift: shiftRule(o.shift, base.shift, STANDARD.shift),
    trend: trendRule(o.trend, base.trend, STANDARD.trend),
    twoOfThree: zone("twoOfThree"),
    fourOfFive: zone("fourOfFive"),
    innerThird: length("innerThird"),
    alternating: length("alternating"),
    mixture: length("mixture"),
    longRun: anhoejRule(o.longRun, base.longRun, STANDARD.longRun, "longRun"),
    crossings: anhoejRule(o.crossings, base.crossings, STANDARD.crossings, "crossings"),
  };
}
