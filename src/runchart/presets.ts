import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, enumOption, integerOption, numberOption, objectOption } from "../_lib/options.js";
import type { Required2 } from "./internal.js";
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

/** Resolve the `rules` option into a complete rule set. */
export function resolveRunRules(option: RunRulesOption | undefined): ResolvedRunRules {
  if (option === undefined) return RUN_RULE_PRESETS.pace;
  if (typeof option === "string") return RUN_RULE_PRESETS[enumOption(option, PRESETS, ["options", "rules"])];
  const o = objectOption(option, ["options", "rules"]);
  checkKeys(o, RULE_KEYS, ["options", "rules"], "rule option");
  const preset = o.preset === undefined ? "pace" : enumOption(o.preset, PRESETS, ["options", "rules", "preset"]);
  const base = RUN_RULE_PRESETS[preset];
  return {
    preset,
    shift: rule(o.shift, base.shift, RULE_DEFAULTS.shift, "shift", (r, p) => ({
      length: r.length === undefined ? p.length : integerOption(r.length, ["options", "rules", "shift", "length"], 2),
      onCentre: r.onCentre === undefined ? p.onCentre : enumOption(r.onCentre, ["skip", "break"] as const, ["options", "rules", "shift", "onCentre"]),
    })),
    trend: rule(o.trend, base.trend, RULE_DEFAULTS.trend, "trend", (r, p) => ({
      length: r.length === undefined ? p.length : integerOption(r.length, ["options", "rules", "trend", "length"], 3),
      ties: r.ties === undefined ? p.ties : enumOption(r.ties, ["skip", "break"] as const, ["options", "rules", "trend", "ties"]),
    })),
    runs: rule(o.runs, base.runs, RULE_DEFAULTS.runs, "runs", (r, p) => ({
      minUseful: r.minUseful === undefined ? p.minUseful : integerOption(r.minUseful, ["options", "rules", "runs", "minUseful"], 2),
      alpha: r.alpha === undefined ? p.alpha : numberOption(r.alpha, ["options", "rules", "runs", "alpha"], (v) => v > 0 && v < 1, "between 0 and 1"),
    })),
    longRun: rule(o.longRun, base.longRun, RULE_DEFAULTS.longRun, "longRun", (r, p) => ({
      minUseful: r.minUseful === undefined ? p.minUseful : integerOption(r.minUseful, ["options", "rules", "longRun", "minUseful"], 0),
    })),
    crossings: rule(o.crossings, base.crossings, RULE_DEFAULTS.crossings, "crossings", (r, p) => ({
      minUseful: r.minUseful === undefined ? p.minUseful : integerOption(r.minUseful, ["options", "rules", "crossings", "minUseful"], 0),
    })),
    method: o.method === undefined ? base.method : enumOption(o.method, ["anhoej", "bestbox", "cutbox"] as const, ["options", "rules", "method"]),
  };
}

const RULE_OPTION_KEYS: Record<string, readonly string[]> = {
  shift: ["length", "onCentre"],
  trend: ["length", "ties"],
  runs: ["minUseful", "alpha"],
  longRun: ["minUseful"],
  crossings: ["minUseful"],
};

function rule<R extends object>(
  value: unknown,
  fromPreset: false | R,
  standard: R,
  name: string,
  build: (given: Record<string, unknown>, base: R) => R,
): false | R {
  if (value === undefined) return fromPreset;
  if (value === false) return false;
  const base = fromPreset === false ? standard : fromPreset;
  if (value === true) return base;
  const given = objectOption(value, ["options", "rules", name]);
  checkKeys(given, RULE_OPTION_KEYS[name]!, ["options", "rules", name], `${name} option`);
  return build(given, base);
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

/** Validate 0-based point indices; sorted, without duplicates. */
export function indices(values: readonly unknown[], n: number, path: ReadonlyArray<string | number>): number[] {
  const out = new Set<number>();
  values.forEach((v, k) => {
    if (typeof v !== "number" || !Number.isInteger(v)) throw new QiError("invalid-option", [...path, k], `point indices must be whole numbers, not ${describeValue(v)}`);
    if (v < 0 || v >= n) throw new QiError("out-of-range", [...path, k], `point index ${v} is outside the data (0 to ${n - 1})`);
    out.add(v);
  });
  return [...out].sort((a, b) => a - b);
}
