import { checkKeys, enumOption, integerOption, objectOption } from "../../_lib/options.js";
import { QiError, describeValue } from "../../_lib/error.js";
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
const RULE_KEYS: Record<string, readonly string[]> = {
  shift: ["length", "onCentre"],
  trend: ["length", "ties"],
  twoOfThree: ["count", "window", "sigma", "variant"],
  fourOfFive: ["count", "window", "sigma", "variant"],
  innerThird: ["length"],
  alternating: ["length"],
  mixture: ["length"],
  longRun: ["minUseful"],
  crossings: ["minUseful"],
};

/**
 * Resolve the `rules` option: a preset name, or `{ preset, ...overrides }` where each rule is
 * `false` (off), `true` (on with the preset's or the standard parameters) or an object of
 * parameters. Unknown names are `unknown-option` errors.
 *
 * @example
 * resolveControlRules({ preset: "mdc", shift: { length: 8 } }).shift //=> { length: 8, onCentre: "break" }
 */
export function resolveControlRules(option: ControlRulesOption | undefined): ResolvedControlRules {
  if (option === undefined) return SHEWHART;
  if (typeof option === "string") {
    if (!(PRESETS as string[]).includes(option)) {
      throw new QiError("unknown-option", ["options", "rules"], `unknown rule set ${describeValue(option)} (known: ${PRESETS.join(", ")})`);
    }
    return CONTROL_RULE_PRESETS[option];
  }
  const o = objectOption(option, ["options", "rules"]);
  checkKeys(o, KEYS, ["options", "rules"], "rule option");
  if (o.preset !== undefined && !(PRESETS as unknown[]).includes(o.preset)) {
    throw new QiError("unknown-option", ["options", "rules", "preset"], `unknown rule set ${describeValue(o.preset)} (known: ${PRESETS.join(", ")})`);
  }
  const preset = (o.preset ?? "shewhart") as ControlRulesPreset;
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
  const anhoej = (name: "longRun" | "crossings") =>
    rule(o[name], base[name], STANDARD[name], name, (r, d) => ({ minUseful: r.minUseful === undefined ? d.minUseful : integerOption(r.minUseful, p(name, "minUseful"), 0) }));
  let beyondLimits = base.beyondLimits;
  if (o.beyondLimits !== undefined) {
    if (typeof o.beyondLimits !== "boolean") throw new QiError("invalid-option", ["options", "rules", "beyondLimits"], `beyondLimits must be true or false, not ${describeValue(o.beyondLimits)}`);
    beyondLimits = o.beyondLimits;
  }
  return {
    preset,
    beyondLimits,
    shift: rule(o.shift, base.shift, STANDARD.shift, "shift", (r, d) => ({
      length: r.length === undefined ? d.length : integerOption(r.length, p("shift", "length"), 2),
      onCentre: r.onCentre === undefined ? d.onCentre : enumOption(r.onCentre, ["skip", "break"] as const, p("shift", "onCentre")),
    })),
    trend: rule(o.trend, base.trend, STANDARD.trend, "trend", (r, d) => ({
      length: r.length === undefined ? d.length : integerOption(r.length, p("trend", "length"), 3),
      ties: r.ties === undefined ? d.ties : enumOption(r.ties, ["skip", "break"] as const, p("trend", "ties")),
    })),
    twoOfThree: zone("twoOfThree"),
    fourOfFive: zone("fourOfFive"),
    innerThird: length("innerThird"),
    alternating: length("alternating"),
    mixture: length("mixture"),
    longRun: anhoej("longRun"),
    crossings: anhoej("crossings"),
  };
}

function rule<R extends object>(value: unknown, fromPreset: false | R, standard: R, name: string, build: (given: Record<string, unknown>, base: R) => R): false | R {
  if (value === undefined) return fromPreset;
  if (value === false) return false;
  const base = fromPreset === false ? standard : fromPreset;
  if (value === true) return base;
  const given = objectOption(value, ["options", "rules", name]);
  checkKeys(given, RULE_KEYS[name]!, ["options", "rules", name], `${name} option`);
  return build(given, base);
}
