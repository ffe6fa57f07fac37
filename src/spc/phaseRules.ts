import { countNotExcluded, noCentreWarning } from "../engine/analysis.js";
import { anhoejVerdict } from "../engine/anhoejVerdict.js";
import { assess } from "../engine/messages.js";
import type { PhaseLayout } from "../engine/phases.js";
import { anhoejFields, runsCounts, runsStats, type RunsStats } from "../engine/runs.js";
import { findShifts, type ShiftFound } from "../engine/shift.js";
import { markRule, pushAnhoej, pushShifts, pushTrends, type SignalSink } from "../engine/signals.js";
import { findTrends, type TrendFound } from "../engine/trend.js";
import type { FitOutput, FitSummary } from "./limits/fit.js";
import { assuranceOf, mdcLabels } from "./mdc.js";
import { alternatingMessage, beyondLimitsMessage, innerThirdMessage, mixtureMessage, zoneMessage } from "./messages.js";
import type { ControlSettings } from "./settings.js";
import type { ControlChartPhase, ControlChartWarning, ControlRuleId, Variation } from "./types.js";
import { activeIndices, findAlternating, findMixture, findRunsWhere, findZoneSignals, type ZoneFound } from "./zones.js";

// The rules step of a Shewhart control chart, one phase at a time: points beyond the limits, the
// run rules of the preset (shift, trend, zones, inner third, alternating, mixture — sources in
// rules/ and docs/control-charts.md), Anhøj's runs analysis, and Making Data Count's icons.

/** What every phase of one control chart reads and writes. */
export interface ControlContext {
  settings: ControlSettings;
  y: Float64Array;
  active: Uint8Array;
  excluded: Uint8Array;
  out: FitOutput;
  summaries: readonly FitSummary[];
  sink: SignalSink<ControlRuleId>;
  warnings: ControlChartWarning[];
  /** "control limit", or Making Data Count's "process limit". */
  limitName: string;
  /** Moving ranges are serially correlated, so only the limits apply to an mr chart (qicharts2 sets no runs signal for it either). */
  limitsOnly: boolean;
  /** mdc rules: each point's variation icon and label (null lists for other rule sets). */
  variation: (Variation | null)[] | null;
  labels: (ControlRuleId | null)[] | null;
}

/** What the run rules found that Making Data Count's labels read again. */
interface Found {
  shifts: readonly ShiftFound[];
  trends: readonly TrendFound[];
  twoOfThree: readonly ZoneFound[];
}
const NOTHING: Found = { shifts: [], trends: [], twoOfThree: [] };

/** Analyse phase `k`: its rules and icons; returns the phase of the result. */
export function analyseControlPhase(ctx: ControlContext, p: PhaseLayout, k: number, last: boolean): ControlChartPhase {
  const { y, active, out, settings } = ctx;
  const { rules, multiply, type } = settings;
  const centre = out.cl[p.start]!;
  const sum = ctx.summaries[k]!;
  const nObs = countNotExcluded(ctx.excluded, p.start, p.end);
  const [lclAverage, uclAverage] = finiteAverages(out.lcl, out.ucl, p.start, p.end);
  const ok = Number.isFinite(centre);
  if (!ok) ctx.warnings.push(noCentreWarning(k));
  const stats = runsStats(y, ok ? active : new Uint8Array(y.length), p.start, p.end, centre);
  // The active points in order, for the rules that walk them as one sequence.
  const idx = ok && needsSequence(ctx) ? activeIndices(active, p.start, p.end) : [];
  const sigmaSignals = ok && rules.beyondLimits ? beyondLimitSignals(ctx, p, k) : 0;
  const found = ok && !ctx.limitsOnly ? runRuleSignals(ctx, p, k, centre, idx) : NOTHING;
  const runs = runsVerdict(ctx, p, k, ok, centre, stats);
  return {
    start: p.start,
    end: p.end,
    baselineStart: p.centre === null ? p.start : null,
    baselineEnd: p.centre === null ? p.baselineEnd : null,
    origin: k === 0 ? "data" : "phase",
    centre: ok ? centre : null,
    mean: sum.mean === null ? null : finiteOrNull(sum.mean * multiply),
    averageMovingRange: sum.averageMovingRange === null ? null : finiteOrNull(type === "mr" ? sum.averageMovingRange * multiply : sum.averageMovingRange),
    lclAverage,
    uclAverage,
    nObs,
    ...runsCounts(stats),
    ...anhoejFields(stats, runs.verdict),
    runsSignal: runs.signal,
    sigmaSignals,
    variationIcon: ok ? variationIcon(ctx, idx, found) : null,
    // Assurance against the target: last phase only, as NHSRplotthedots.
    assuranceIcon: ok && settings.target !== null && last ? assuranceOf(settings.target, out.ucl[p.end]!, out.lcl[p.end]!, settings.direction) : null,
  };
}

function needsSequence(ctx: ControlContext): boolean {
  const r = ctx.settings.rules;
  return r.preset === "mdc" || (!ctx.limitsOnly && (r.twoOfThree !== false || r.fourOfFive !== false || r.innerThird !== false || r.alternating !== false || r.mixture !== false));
}

/** Points beyond the control limits (Shewhart); returns how many. */
function beyondLimitSignals(ctx: ControlContext, p: PhaseLayout, k: number): number {
  const { y, out, sink } = ctx;
  let count = 0;
  for (const i of beyondLimits(y, ctx.active, out.ucl, out.lcl, p.start, p.end)) {
    const v = y[i]!;
    const side = v > out.ucl[i]! ? 1 : v < out.lcl[i]! ? -1 : 0;
    if (side === 0) continue;
    count++;
    const a = assess(side, sink.direction);
    sink.signals.push({
      rule: "beyond-limits", phase: k, start: i, end: i, points: [i], side: side === 1 ? "above" : "below", assessment: a,
      message: beyondLimitsMessage(sink.label, i, v, side, side === 1 ? out.ucl[i]! : out.lcl[i]!, ctx.limitName, a),
    });
    markRule(sink, "beyond-limits", [i]);
  }
  return count;
}

/** The preset's run rules: shift, trend, two of three, four of five, inner third, alternating, mixture. */
function runRuleSignals(ctx: ControlContext, p: PhaseLayout, k: number, centre: number, idx: readonly number[]): Found {
  const { y, active, out, sink } = ctx;
  const rules = ctx.settings.rules;
  const shifts = rules.shift === false ? [] : findShifts(y, active, p.start, p.end, centre, rules.shift);
  pushShifts(sink, k, shifts);
  const trends = rules.trend === false ? [] : findTrends(y, active, p.start, p.end, rules.trend);
  pushTrends(sink, k, trends, false);
  let twoOfThree: ZoneFound[] = [];
  for (const [id, rule] of [["two-of-three", rules.twoOfThree], ["four-of-five", rules.fourOfFive]] as const) {
    if (rule === false) continue;
    const found = findZoneSignals(y, idx, out, rule);
    if (id === "two-of-three") twoOfThree = found;
    for (const f of found) {
      const a = assess(f.side, sink.direction);
      sink.signals.push({
        rule: id, phase: k, start: f.start, end: f.end, points: f.points, side: f.side === 1 ? "above" : "below", assessment: a,
        message: zoneMessage(sink.label, rule.count, rule.window, rule.sigma, f.side, f.start, f.end, sink.centreName, a),
      });
      markRule(sink, id, f.points);
    }
  }
  const { label, centreName } = sink;
  const runs = (rule: "inner-third" | "alternating" | "mixture", found: readonly { start: number; end: number; points: number[] }[], message: (count: number, start: number, end: number) => string): void => {
    for (const f of found) {
      sink.signals.push({ rule, phase: k, start: f.start, end: f.end, points: f.points, assessment: "neutral", message: message(f.points.length, f.start, f.end) });
      markRule(sink, rule, f.points);
    }
  };
  if (rules.innerThird !== false) runs("inner-third", findRunsWhere(idx, rules.innerThird.length, (i) => y[i]! < out.u1[i]! && y[i]! > out.l1[i]!), (c, s, e) => innerThirdMessage(label, c, s, e, centreName));
  if (rules.alternating !== false) runs("alternating", findAlternating(y, idx, rules.alternating.length), (c, s, e) => alternatingMessage(label, c, s, e));
  if (rules.mixture !== false) runs("mixture", findMixture(y, idx, rules.mixture.length, out), (c, s, e) => mixtureMessage(label, c, s, e, centreName));
  return { shifts, trends, twoOfThree };
}

/**
 * Anhøj's runs analysis (as qicharts2: the formulas, not the boxes): the phase's runs verdict
 * when the long-run or crossings rule is on, else null. An mr chart, and a phase without useful
 * points, get a verdict of false.
 */
function runsVerdict(ctx: ControlContext, p: PhaseLayout, k: number, ok: boolean, centre: number, stats: RunsStats) {
  const rules = ctx.settings.rules;
  const verdict = stats.nUseful >= 1 ? anhoejVerdict(stats.nUseful, stats.longestRun, stats.crossings, "anhoej") : null;
  const on = rules.longRun !== false || rules.crossings !== false;
  if (!ok || ctx.limitsOnly) return { verdict, signal: on && ctx.limitsOnly ? false : null };
  if (!on) return { verdict, signal: null };
  if (verdict === null) return { verdict, signal: false };
  const longRun = rules.longRun !== false && stats.nUseful >= rules.longRun.minUseful;
  const crossings = rules.crossings !== false && stats.nUseful >= rules.crossings.minUseful;
  if (!longRun && !crossings) return { verdict, signal: null };
  return { verdict, signal: pushAnhoej(ctx.sink, k, { start: p.start, end: p.end, centre }, ctx.y, ctx.active, stats, { longRun, crossings, verdict, source: "Anhøj" }) };
}

/** Making Data Count: each point's variation icon and label; the phase's icon is its last active point's. */
function variationIcon(ctx: ControlContext, idx: readonly number[], found: Found): Variation | null {
  const { variation, labels } = ctx;
  if (variation === null || labels === null) return null;
  mdcLabels(ctx.y, idx, ctx.out, ctx.settings.direction, found.trends, found.twoOfThree, found.shifts, variation, labels);
  const last = idx[idx.length - 1];
  return last === undefined ? null : variation[last]!;
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * Averages of the finite values of `start..end` of `a` and of `b`, each as Σ(value / count) so
 * limits near ±Number.MAX_VALUE cannot overflow the sum; null where there are none (or the
 * average is not finite). Both arrays in one loop to count and one to sum (two passes over the
 * points, not four).
 */
function finiteAverages(a: Float64Array, b: Float64Array, start: number, end: number): [number | null, number | null] {
  let ca = 0;
  let cb = 0;
  for (let i = start; i <= end; i++) {
    if (Number.isFinite(a[i]!)) ca++;
    if (Number.isFinite(b[i]!)) cb++;
  }
  let sa = 0;
  let sb = 0;
  for (let i = start; i <= end; i++) {
    const u = a[i]!;
    const v = b[i]!;
    if (Number.isFinite(u)) sa += u / ca;
    if (Number.isFinite(v)) sb += v / cb;
  }
  return [ca === 0 ? null : finiteOrNull(sa), cb === 0 ? null : finiteOrNull(sb)];
}

/** The active points of `start..end` above `ucl` or below `lcl`. */
function beyondLimits(y: Float64Array, active: Uint8Array, ucl: Float64Array, lcl: Float64Array, start: number, end: number): number[] {
  const found: number[] = [];
  for (let i = start; i <= end; i++) {
    if (active[i] !== 1) continue;
    const v = y[i]!;
    if (v > ucl[i]! || v < lcl[i]!) found.push(i);
  }
  return found;
}
