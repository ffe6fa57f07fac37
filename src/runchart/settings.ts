import { checkKeys, enumOption, integerOption, objectOption } from "../_lib/options.js";
import { columnarOption, directionOption, scaleOptions, type ChartSettings } from "../engine/analysis.js";
import type { Required2 } from "../engine/internal.js";
import { resolveRunRules } from "./presets.js";
import type { RephaseOption, ResolvedRunRules, RunChartOptions } from "./types.js";

/** A run chart's settings, checked: the shared ones, the rule set and re-phasing. */
export interface RunSettings extends ChartSettings {
  rules: ResolvedRunRules;
  rephase: Required2<RephaseOption> | null;
}

/** The options step of a run chart (the astronomical detector needs the points: see presets.ts). */
export function runSettings<T>(options: RunChartOptions<T>): RunSettings {
  // In the order the checks have always run, so the first bad option is the one reported.
  const columnar = columnarOption(options.output);
  const direction = directionOption(options.direction);
  const rules = resolveRunRules(options.rules);
  const { multiply, target } = scaleOptions(options);
  return { columnar, direction, rules, multiply, target, rephase: resolveRephase(options.rephase) };
}

function resolveRephase(option: boolean | RephaseOption | undefined): Required2<RephaseOption> | null {
  if (option === undefined || option === false) return null;
  const defaults: Required2<RephaseOption> = { runLength: 9, baselinePoints: 13, side: "both", onCentre: "skip" };
  if (option === true) return defaults;
  const o = objectOption(option, ["options", "rephase"]);
  checkKeys(o, ["runLength", "baselinePoints", "side", "onCentre"], ["options", "rephase"], "rephase option");
  return {
    runLength: o.runLength === undefined ? defaults.runLength : integerOption(o.runLength, ["options", "rephase", "runLength"], 2),
    baselinePoints: o.baselinePoints === undefined ? defaults.baselinePoints : integerOption(o.baselinePoints, ["options", "rephase", "baselinePoints"], 1),
    side: o.side === undefined ? defaults.side : enumOption(o.side, ["above", "below", "both"] as const, ["options", "rephase", "side"]),
    onCentre: o.onCentre === undefined ? defaults.onCentre : enumOption(o.onCentre, ["skip", "break"] as const, ["options", "rephase", "onCentre"]),
  };
}
