import type { CountedValues } from "../_lib/countedQuantile.js";
import { medianOfScratch } from "../_lib/median.js";
import { exactRunsLimits } from "../_lib/runsDistribution.js";
import { countNotExcluded, noCentreWarning } from "../engine/analysis.js";
import { anhoejVerdict } from "../engine/anhoejVerdict.js";
import { assess } from "../engine/messages.js";
import { NO_ANHOEJ, anhoejFields, runsCounts, runsStats, type RunsStats } from "../engine/runs.js";
import { findShifts, shiftsOfRuns } from "../engine/shift.js";
import { markRule, pushAnhoej, pushShifts, pushTrends, type SignalSink } from "../engine/signals.js";
import { findTrends } from "../engine/trend.js";
import { findAstronomical } from "./astronomical.js";
import { astronomicalMessage, boxMessage, runsMessage } from "./messages.js";
import type { ResolvedAstronomical, ResolvedRunRules, RunChartPhase, RunChartWarning, RunRuleId } from "./types.js";

// The centre and rules step of a run chart, one phase at a time: the median of the baseline,
// then IHI's shift, trend and runs rules, Anhøj's long-run and crossings rules, and astronomical
// points. Sources of each rule: docs/run-charts.md and the finders in engine/.

/** A phase as analysed: its range, the points that set its centre, where it came from, and a fixed centre (or null). */
export type FinalPhase = Pick<RunChartPhase, "start" | "end" | "baselineStart" | "baselineEnd" | "origin" | "centre">;

/** What every phase of one run chart reads and writes. */
export interface RunContext {
  y: Float64Array;
  active: Uint8Array;
  excluded: Uint8Array;
  rules: ResolvedRunRules;
  astronomical: ResolvedAstronomical;
  sink: SignalSink<RunRuleId>;
  warnings: RunChartWarning[];
  /**
   * Out: 1 for the points that set a centre; the centre line of each point. A phase's stretch of
   * `centres` is its scratch (baseline values for the median and the fences) until its centre is
   * written, last.
   */
  baselineMask: Uint8Array;
  centres: Float64Array;
}

/** The baseline values gathered in scratch (for the Tukey fences too), when the median was computed from them. */
type Prepared = { m: number; sorted: boolean; counted: CountedValues | null } | null;

/** Analyse phase `k`: its centre, then every rule; returns the phase of the result. */
export function analysePhase(ctx: RunContext, ph: FinalPhase, k: number): RunChartPhase {
  const scratch = phaseScratch(ctx.centres, ph);
  const { centre, prepared } = phaseCentre(ctx, ph, scratch);
  const result = phaseRules(ctx, ph, k, centre, prepared, scratch);
  ctx.centres.fill(centre ?? Number.NaN, ph.start, ph.end + 1);
  return result;
}

/**
 * Room for the phase's baseline values: its own stretch of the centre column, not yet written
 * (a baseline longer than the phase, which the phase layout does not make, gets an array).
 */
function phaseScratch(centres: Float64Array, ph: FinalPhase): Float64Array {
  const need = ph.baselineStart === null || ph.baselineEnd === null ? 0 : ph.baselineEnd - ph.baselineStart + 1;
  return need <= ph.end - ph.start + 1 ? centres.subarray(ph.start, ph.end + 1) : new Float64Array(need);
}

/** The phase's rules, around its centre (null: no centre, a warning). */
function phaseRules(ctx: RunContext, ph: FinalPhase, k: number, centre: number | null, prepared: Prepared, scratch: Float64Array): RunChartPhase {
  const nObs = countNotExcluded(ctx.excluded, ph.start, ph.end);
  const base = { start: ph.start, end: ph.end, baselineStart: ph.baselineStart, baselineEnd: ph.baselineEnd, origin: ph.origin };
  if (centre === null) {
    ctx.warnings.push(noCentreWarning(k));
    return { ...base, centre: null, nObs, nUseful: 0, runs: 0, runsLimits: null, ...NO_ANHOEJ, runsSignal: null, signal: null };
  }
  const { y, active, rules } = ctx;
  // IHI rule 1, shifts: with points on the centre line skipped they are the long runs, noted
  // while the runs are counted; otherwise found by a pass of their own.
  const shiftRuns = rules.shift !== false && rules.shift.onCentre === "skip" ? [] : null;
  const stats = runsStats(y, active, ph.start, ph.end, centre, shiftRuns, rules.shift === false ? 0 : rules.shift.length);
  if (rules.shift !== false) pushShifts(ctx.sink, k, shiftRuns !== null ? shiftsOfRuns(y, active, centre, shiftRuns) : findShifts(y, active, ph.start, ph.end, centre, rules.shift));
  // IHI rule 2: trends.
  if (rules.trend !== false) pushTrends(ctx.sink, k, findTrends(y, active, ph.start, ph.end, rules.trend), true);
  const runs = runsRule(ctx, ph, k, stats);
  const anhoej = anhoejRules(ctx, ph, k, stats, centre);
  astronomicalPoints(ctx, ph, k, centre, prepared, scratch);
  const verdicts = runs.verdicts + anhoej.verdicts;
  const runsSignal = verdicts === 0 ? null : runs.signal || anhoej.signal;
  return { ...base, centre, nObs, ...runsCounts(stats), runsLimits: runs.limits, ...anhoejFields(stats, anhoej.verdict), runsSignal, signal: runsSignal };
}

/** The phase's centre: fixed, or the median of its active baseline points (marked in baselineMask). */
function phaseCentre(ctx: RunContext, ph: FinalPhase, scratch: Float64Array): { centre: number | null; prepared: Prepared } {
  if (ph.baselineStart === null || ph.baselineEnd === null) return { centre: ph.centre, prepared: null };
  const m = gatherBaseline(ctx.y, ctx.active, ph.baselineStart, ph.baselineEnd, scratch, ctx.baselineMask);
  if (ph.centre !== null || m === 0) return { centre: ph.centre, prepared: null };
  const r = medianOfScratch(scratch, m);
  return { centre: r.median, prepared: { m, sorted: r.sorted, counted: r.counted } };
}

/** IHI rule 3: too few or too many runs, against the exact Swed–Eisenhart limits. */
function runsRule(ctx: RunContext, ph: FinalPhase, k: number, stats: RunsStats): { verdicts: number; signal: boolean; limits: RunChartPhase["runsLimits"] } {
  const rule = ctx.rules.runs;
  if (rule === false) return { verdicts: 0, signal: false, limits: null };
  const nUseful = stats.nUseful;
  if (nUseful < rule.minUseful || nUseful < 2) {
    ctx.warnings.push({
      code: "too-few-useful",
      phase: k,
      message: `Phase ${k + 1} has ${nUseful} useful observation${nUseful === 1 ? "" : "s"}; the runs rule needs at least ${Math.max(2, rule.minUseful)}, so it gives no verdict (insufficient data).`,
    });
    return { verdicts: 0, signal: false, limits: null };
  }
  const limits = exactRunsLimits(nUseful, rule.alpha);
  if (stats.runs >= limits.lower && stats.runs <= limits.upper) return { verdicts: 1, signal: false, limits };
  const few = stats.runs < limits.lower;
  ctx.sink.signals.push({
    rule: few ? "too-few-runs" : "too-many-runs", phase: k, start: ph.start, end: ph.end, points: [], assessment: "neutral",
    message: runsMessage(few ? "too-few" : "too-many", stats.runs, nUseful, few ? limits.lower : limits.upper),
  });
  return { verdicts: 1, signal: true, limits };
}

/** Anhøj's longest-run and crossings rules, with the limits of `rules.method` (formulas or a box). */
function anhoejRules(ctx: RunContext, ph: FinalPhase, k: number, stats: RunsStats, centre: number) {
  const { rules } = ctx;
  const nUseful = stats.nUseful;
  const verdict = nUseful >= 1 ? anhoejVerdict(nUseful, stats.longestRun, stats.crossings, rules.method) : null;
  if (verdict === null || (rules.longRun === false && rules.crossings === false)) return { verdict, verdicts: 0, signal: false };
  const longRun = rules.longRun !== false && nUseful >= rules.longRun.minUseful;
  const crossings = rules.crossings !== false && nUseful >= rules.crossings.minUseful;
  if (!longRun && !crossings) {
    ctx.warnings.push({ code: "too-few-useful", phase: k, message: `Phase ${k + 1} has ${nUseful} useful observations, too few for Anhøj's rules; they give no verdict (insufficient data).` });
    return { verdict, verdicts: 0, signal: false };
  }
  const box = verdict.box;
  const source = box === null ? "Anhøj" : `Anhøj's ${box.method === "bestbox" ? "best" : "cut"} box`;
  const crossingsText = box === null ? undefined : boxMessage(box.method as "bestbox" | "cutbox", stats.longestRun, stats.crossings, nUseful, ctx.sink.centreName);
  const check = crossingsText === undefined ? { longRun, crossings, verdict, source } : { longRun, crossings, verdict, source, crossingsText };
  const signal = pushAnhoej(ctx.sink, k, { start: ph.start, end: ph.end, centre }, ctx.y, ctx.active, stats, check);
  return { verdict, verdicts: 1, signal };
}

/** Astronomical points: Tukey's far-out fences, a sigma limit, or the team's own list. */
function astronomicalPoints(ctx: RunContext, ph: FinalPhase, k: number, centre: number, prepared: Prepared, scratch: Float64Array): void {
  const detector = ctx.astronomical;
  if (detector === false) return;
  const { y, sink } = ctx;
  const found = findAstronomical(y, ctx.active, ph.start, ph.end, ph.baselineStart ?? ph.start, ph.baselineEnd ?? ph.end, centre, detector, scratch, prepared);
  if (!Array.isArray(found)) {
    ctx.warnings.push({ code: "astronomical-skipped", phase: k, message: `Astronomical points were not looked for in phase ${k + 1}: ${found.reason}.` });
    return;
  }
  for (const f of found) {
    const a = assess(f.side, sink.direction);
    sink.signals.push({
      rule: "astronomical", phase: k, start: f.index, end: f.index, points: [f.index], side: f.side === 1 ? "above" : "below", assessment: a,
      message: astronomicalMessage(sink.label, f.index, y[f.index]!, f.side, f.limit, detector, a),
    });
    markRule(sink, "astronomical", [f.index]);
  }
}

/** Copy the active baseline values into scratch and mark them; returns how many there are. */
function gatherBaseline(y: Float64Array, active: Uint8Array, from: number, to: number, scratch: Float64Array, baselineMask: Uint8Array): number {
  let m = 0;
  for (let i = from; i <= to; i++) {
    if (active[i] === 1) {
      scratch[m++] = y[i]!;
      baselineMask[i] = 1;
    }
  }
  return m;
}
