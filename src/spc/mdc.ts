import { assess } from "../engine/messages.js";
import { sideOf } from "../engine/runs.js";
import type { ShiftFound } from "../engine/shift.js";
import type { TrendFound } from "../engine/trend.js";
import type { Direction } from "../engine/types.js";
import type { Assurance, ControlRuleId, Variation } from "./types.js";
import type { Lines, ZoneFound } from "./zones.js";

/**
 * Label each point of a phase as NHSRplotthedots 0.2.2 does (`ptd_special_cause_type`,
 * `ptd_point_type`), by precedence: beyond the process limits, then part of a 7-point trend, then
 * part of 2 of 3 near the limits, then part of 7 points on one side of the mean; otherwise common
 * cause. A point's side is its side of the mean, except in a trend, where it is the trend's
 * direction: the step to the next point when that point is also in a trend, else the step from
 * the previous point. Sides read as improvement or concern against `direction`, or as
 * neutral-high / neutral-low when the direction is neutral.
 */
export function mdcLabels(
  y: Float64Array,
  idx: readonly number[],
  lines: Lines,
  direction: Direction,
  trends: readonly TrendFound[],
  twoOfThree: readonly ZoneFound[],
  shifts: readonly ShiftFound[],
  variation: (Variation | null)[],
  labels: (ControlRuleId | null)[],
): void {
  const inTrend = new Set<number>();
  for (const t of trends) for (const i of t.points) inTrend.add(i);
  const inTwo = new Set<number>();
  for (const f of twoOfThree) for (const i of f.points) inTwo.add(i);
  const inShift = new Set<number>();
  for (const f of shifts) for (const i of f.points) inShift.add(i);
  for (let j = 0; j < idx.length; j++) {
    const i = idx[j]!;
    const v = y[i]!;
    const rtm = sideOf(v, lines.cl[i]!);
    let label: ControlRuleId | null = null;
    let side = 0;
    if (v > lines.ucl[i]! || v < lines.lcl[i]!) {
      label = "beyond-limits";
      side = rtm === 1 ? 1 : -1;
    } else if (inTrend.has(i)) {
      label = "trend";
      const next = idx[j + 1];
      const prev = idx[j - 1];
      if (next !== undefined && inTrend.has(next)) side = Math.sign(y[next]! - v);
      else if (prev !== undefined) side = Math.sign(v - y[prev]!);
    } else if (inTwo.has(i)) {
      label = "two-of-three";
      side = rtm > 0 ? 1 : -1;
    } else if (inShift.has(i)) {
      label = "shift";
      side = rtm > 0 ? 1 : -1;
    }
    labels[i] = label;
    if (label === null || side === 0) {
      variation[i] = "common-cause";
      continue;
    }
    const s = side as 1 | -1;
    if (direction === "neutral") variation[i] = s === 1 ? "neutral-high" : "neutral-low";
    else variation[i] = assess(s, direction) === "improvement" ? "improvement" : "concern";
  }
}

/**
 * Making Data Count assurance (NHSRplotthedots `ptd_calculate_assurance_type`): a target beyond
 * the process limits is consistently met or missed; between them, the process will hit and miss
 * it at random ("inconsistent"). Null when the direction is neutral.
 */
export function assuranceOf(target: number, ucl: number, lcl: number, direction: Direction): Assurance | null {
  if (direction === "neutral") return null;
  const up = direction === "increase";
  if (target > ucl) return up ? "fail" : "pass";
  if (target < lcl) return up ? "pass" : "fail";
  return "inconsistent";
}
