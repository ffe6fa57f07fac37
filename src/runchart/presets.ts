import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, enumOption, integerOption, numberOption, objectOption } from "../_lib/options.js";
import type { Required2 } from "../engine/internal.js";
import { indices } from "../engine/phases.js";
import { anhoejRule, presetOption, rule, shiftRule, trendRule } from "../engine/rules.js";
import type {
  AstronomicalOption,
  CrossingsRule,
  LongRunRule,
  ResolvedAstronomical,
  ResolvedRunRules,
  RunRulesOption,
  RunRulesPreset,
  RunsRule,
  ShiftRule,
  TrendRule,
} from "./types.js";

/** Default parameters of each rule when it is switched on. Sources in docs/run-charts.md. */
export const RULE_DEFAULTS = {
  // IHI: 6 or more points on one side (Perla, Provost & Murray 2011).
  shift: { length: 6, onCentre: "skip" } as Required2<ShiftRule>,
  // IHI: 5 or more points all going up or down; ties neither count nor break.
  trend: { length: 5, ties: "skip" } as Required2<TrendRule>,
  // IHI runs test: exact limits at α = 0.05, applied from 10 useful observations.
  runs: { minUseful: 10, alpha: 0.05 } as Required2<RunsRule>,
  // Anhøj: applied at any n, as qicharts2.
  longRun: { minUseful: 0 } as Required2<LongRunRule>,
  crossings: { minUseful: 0 } as Required2<CrossingsRule>,
} as const;

/**
 * Built-in rule sets.
 * - `pace` (alias `ihi`): the IHI run-chart rules as taught in PACE and NHS Scotland — shift,
 *   trend, too few / too many runs; astronomical points by Tukey's far-out fences.
 * - `anhoej`: Anhøj's rules as qicharts2 — longest run and crossings; no astronomical detector.
 */
export const RUN_RULE_PRESETS: Record<RunRulesPreset, ResolvedRunRules> = {
  pace: { preset: "pace", shift: RULE_DEFAULTS.shift, trend: RULE_DEFAULTS.trend, runs: RULE_DEFAULTS.runs, longRun: false, crossings: false, method: "anhoej" },
  ihi: { preset: "ihi", shift: RULE_DEFAULTS.shift, trend: RULE_DEFAULTS.trend, runs: RULE_DEFAULTS.runs, longRun: false, crossings: false, method: "anhoej" },
  anhoej: { preset: "anhoej", shift: false, trend: false, runs: false, longRun: RULE_DEFAULTS.longRun, crossings: RULE_DEFAULTS.crossings, method: "anhoej" },
};

const PRESETS = ["pace", "ihi", "anhoej"] as const;
const RULE_KEYS = ["preset", "shift", "trend", "runs", "longRun", "crossings", "method"] as const;

/** Resolve the `rules` option into a complete rule set (engine/rules.ts resolves each rule). */
export function resolveRunRules(option: RunRulesOption | undefined): ResolvedRunRules {
  if (option === undefined) return RUN_RULE_PRESETS.pace;
  if (typeof option === "string") return RUN_RULE_PRESETS[presetOption(option, PRESETS, ["options", "rules"])];
  const o = objectOption(option, ["options", "rules"]);
  checkKeys(o, RULE_KEYS, ["options", "rules"], "rule option");
  const preset = o.preset === undefined ? "pace" : presetOption(o.preset, PRESETS, ["options", "rules", "preset"]);
  const base = RUN_RULE_PRESETS[preset];
  return {
    preset,
    shift: shiftRule(o.shift, base.shift, RULE_DEFAULTS.shift),
    trend: trendRule(o.trend, base.trend, RULE_DEFAULTS.trend),
    runs: rule(o.runs, base.runs, RULE_DEFAULTS.runs, "runs", (r, p) => ({
      minUseful: r.minUseful === undefined ? p.minUseful : integerOption(r.minUseful, ["options", "rules", "runs", "minUseful"], 2),
      alpha: r.alpha === undefined ? p.alpha : numberOption(r.alpha, ["options", "rules", "runs", "alpha"], (v) => v > 0 && v < 1, "between 0 and 1"),
    })),
    longRun: anhoejRule(o.longRun, base.longRun, RULE_DEFAULTS.longRun, "longRun"),
    crossings: anhoejRule(o.crossings, base.crossings, RULE_DEFAULTS.crossings, "crossings"),
    method: o.method === undefined ? base.method : enumOption(o.method, ["anhoej", "bestbox", "cutbox"] as const, ["options", "rules", "method"]),
  };
}

/** Resolve the `astronomical` option against the preset's default. */
export function resolveAstronomical(option: AstronomicalOption | undefined, preset: RunRulesPreset, n: number): ResolvedAstronomical {
  const path = ["options", "astronomical"];
  if (option === undefined) return preset === "anhoej" ? false : { method: "tukey", k: 3, minPoints: 10 };
  if (option === false) return false;
  if (option === "tukey") return { method: "tukey", k: 3, minPoints: 10 };
  if (option === "sigma") return { method: "sigma", sigma: 3, minPoints: 2 };
  if (Array.isArray(option)) return { method: "manual", points: indices(option, n, path) };
  const o = objectOption(option, path);
  const method = enumOption(o.method, ["tukey", "sigma", "manual"] as const, [...path, "method"]);
  if (method === "tukey") {
    checkKeys(o, ["method", "k", "minPoints"], path, "astronomical option");
    return {
      method,
      k: o.k === undefined ? 3 : numberOption(o.k, [...path, "k"], (v) => v > 0, "a positive number"),
      minPoints: o.minPoints === undefined ? 10 : integerOption(o.minPoints, [...path, "minPoints"], 4),
    };
  }
  if (method === "sigma") {
    checkKeys(o, ["method", "sigma", "minPoints"], path, "astronomical option");
    return {
      method,
      sigma: o.sigma === undefined ? 3 : numberOption(o.sigma, [...path, "sigma"], (v) => v > 0, "a positive number"),
      minPoints: o.minPoints === undefined ? 2 : integerOption(o.minPoints, [...path, "minPoints"], 2),
    };
  }
  checkKeys(o, ["method", "points"], path, "astronomical option");
  if (!Array.isArray(o.points)) throw new QiError("invalid-option", [...path, "points"], `points must be an array of point indices, not ${describeValue(o.points)}`);
  return { method, points: indices(o.points, n, [...path, "points"]) };
}
