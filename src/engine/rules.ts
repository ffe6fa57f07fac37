import { QiError, describeValue, type QiPath } from "../_lib/error.js";
import { checkKeys, enumOption, integerOption, objectOption } from "../_lib/options.js";
import type { Required2 } from "./internal.js";
import type { CrossingsRule, LongRunRule, ShiftRule, TrendRule } from "./types.js";

// How a `rules` option becomes a complete rule set, for every chart: a preset name, or
// `{ preset, ...overrides }` where each rule is `false` (off), `true` (on with the preset's or the
// standard parameters) or an object of parameters. Each chart keeps its own presets and defaults
// (runchart/presets.ts, spc/rules/index.ts); the resolving is written once, here.

/** The parameters each rule takes, on any chart. */
const RULE_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  shift: ["length", "onCentre"],
  trend: ["length", "ties"],
  runs: ["minUseful", "alpha"],
  longRun: ["minUseful"],
  crossings: ["minUseful"],
  twoOfThree: ["count", "window", "sigma", "variant"],
  fourOfFive: ["count", "window", "sigma", "variant"],
  innerThird: ["length"],
  alternating: ["length"],
  mixture: ["length"],
};

/**
 * One rule of a `rules` option: `undefined` keeps the preset's setting, `false` switches it off,
 * `true` switches it on with the preset's parameters (or `standard` when the preset has it off),
 * an object overrides parameters (unknown keys are `unknown-option` errors with a suggestion).
 */
export function rule<R extends object>(value: unknown, fromPreset: false | R, standard: R, name: string, build: (given: Record<string, unknown>, base: R) => R): false | R {
  if (value === undefined) return fromPreset;
  if (value === false) return false;
  const base = fromPreset === false ? standard : fromPreset;
  if (value === true) return base;
  const given = objectOption(value, ["options", "rules", name]);
  checkKeys(given, RULE_PARAMETERS[name]!, ["options", "rules", name], `${name} option`);
  return build(given, base);
}

/**
 * A preset name: an unknown name is `unknown-option` with the nearest known name ("did you
 * mean"), as an unknown option key is; a value that is not a string is `invalid-option`.
 */
export function presetOption<P extends string>(value: unknown, presets: readonly P[], path: QiPath): P {
  if (typeof value !== "string") return enumOption(value, presets, path);
  if ((presets as readonly string[]).includes(value)) return value as P;
  let near = "";
  try {
    // checkKeys finds the nearest known name (edit distance ≤ 2); its error is only read for it.
    checkKeys({ [value]: true }, presets, [], "rule set");
  } catch (e) {
    if (!(e instanceof QiError)) throw e;
    near = /did you mean "([^"]*)"/.exec(e.message)?.[1] ?? "";
  }
  throw new QiError("unknown-option", path, `unknown rule set ${describeValue(value)}${near ? `; did you mean "${near}"?` : ""} (known: ${presets.join(", ")})`);
}

const p = (name: string, key: string): QiPath => ["options", "rules", name, key];

/** The shift rule's parameters (IHI rule 1; both chart kinds). */
export function shiftRule(value: unknown, fromPreset: false | Required2<ShiftRule>, standard: Required2<ShiftRule>): false | Required2<ShiftRule> {
  return rule(value, fromPreset, standard, "shift", (r, d) => ({
    length: r.length === undefined ? d.length : integerOption(r.length, p("shift", "length"), 2),
    onCentre: r.onCentre === undefined ? d.onCentre : enumOption(r.onCentre, ["skip", "break"] as const, p("shift", "onCentre")),
  }));
}

/** The trend rule's parameters (IHI rule 2; both chart kinds). */
export function trendRule(value: unknown, fromPreset: false | Required2<TrendRule>, standard: Required2<TrendRule>): false | Required2<TrendRule> {
  return rule(value, fromPreset, standard, "trend", (r, d) => ({
    length: r.length === undefined ? d.length : integerOption(r.length, p("trend", "length"), 3),
    ties: r.ties === undefined ? d.ties : enumOption(r.ties, ["skip", "break"] as const, p("trend", "ties")),
  }));
}

/** Anhøj's longest-run or crossings rule: the fewest useful observations for a verdict. */
export function anhoejRule<R extends Required2<LongRunRule | CrossingsRule>>(value: unknown, fromPreset: false | R, standard: R, name: "longRun" | "crossings"): false | R {
  return rule(value, fromPreset, standard, name, (r, d) => ({ ...d, minUseful: r.minUseful === undefined ? d.minUseful : integerOption(r.minUseful, p(name, "minUseful"), 0) }));
}
