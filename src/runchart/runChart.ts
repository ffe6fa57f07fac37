import type { Accessor } from "../_lib/accessor.js";
import type { SeriesData, XPeriod } from "../engine/types.js";
import { HEAP, type Arena } from "../_lib/arena.js";
import { QiError } from "../_lib/error.js";
import { allWithin, chartCall, inArena, markActive, missingWarning, targetScaleWarning } from "../engine/analysis.js";
import { pointLabeller } from "../engine/messages.js";
import { resolvePeriod } from "../engine/period.js";
import { excludedMask, layoutPhases, type PhaseLayout } from "../engine/phases.js";
import { levelChangeWarnings } from "../engine/levelChange.js";
import { sortSignals, type SignalSink } from "../engine/signals.js";
import { buildColumns, buildPoints, type PointState } from "./output.js";
import { analysePhase, type FinalPhase, type RunContext } from "./phaseRules.js";
import { resolveAstronomical } from "./presets.js";
import { readPoints, scaleValues, type Points } from "./readPoints.js";
import { rephaseSegments } from "./rephase.js";
import { RUN_RULE_MASK } from "./ruleBits.js";
import { runSettings, type RunSettings } from "./settings.js";
import type {
  RunChart,
  RunChartColumnar,
  RunChartColumnarGroup,
  RunChartGroup,
  RunChartOptions,
  RunChartPhase,
  RunChartSignal,
  RunChartWarning,
  RunRuleId,
} from "./types.js";

const OPTION_KEYS = ["x", "y", "n", "multiply", "target", "notes", "aggregate", "rules", "direction", "baseline", "phases", "exclude", "centre", "rephase", "astronomical", "by", "output", "period"] as const;

/**
 * Analyse a run chart: the median per phase, and the rules that tell a real change from
 * random variation — by default the IHI rules as PACE teams used them (shift, trend, too few or
 * too many runs, astronomical points), or Anhøj's rules (`rules: "anhoej"`).
 *
 * `data` is an array of numbers or of rows read with `x` and `y` (field names or accessors); long
 * series may come as Float64Arrays, read in place without a copy (`data` or `x`, `y`, `n` as a
 * {@link Column}).
 * Rows are put in x order; missing values (null, undefined, NaN, blank) stay on the chart as gaps
 * and are skipped by the rules. With `by`, each group gets its own chart and the result is an
 * array of `{ key, chart }`.
 *
 * @throws {QiError} `empty-data`, `all-missing`, `invalid-value`, `invalid-x`, `duplicate-x`,
 *   `unknown-option`, `invalid-option`, `out-of-range`.
 *
 * @example
 * const chart = runChart([12, 14, 11, 13, 12, 14, 13, 7, 6, 7, 5, 6, 5, 6], { direction: "decrease" });
 * chart.phases[0].centre //=> 9
 * chart.signals.map((s) => s.rule) //=> ["shift", "too-few-runs", "shift"]
 * chart.signals[0].message //=> "7 points above the median from point 1 to point 7: a shift, a deterioration."
 *
 * // With a denominator the chart plots y / n (as qicharts2); multiply makes it per cent.
 * runChart([{ met: 3, n: 4 }, { met: 1, n: 2 }], { y: "met", n: "n", multiply: 100 }).points.map((p) => p.y) //=> [75, 50]
 *
 * // Long series: the points as columns (typed arrays), the phases and signals as usual.
 * const big = runChart([12, 14, 11, 13, 12, 14, 13, 7, 6, 7, 5, 6, 5, 6], { output: "columns" });
 * big.columns.centre[0] //=> 9
 */
export function runChart<T>(data: readonly T[], options: RunChartOptions<T> & { by: Accessor<T, unknown>; output: "columns" }): RunChartColumnarGroup[];
export function runChart<T>(data: readonly T[], options: RunChartOptions<T> & { by: Accessor<T, unknown> }): RunChartGroup[];
export function runChart<T>(data: SeriesData<T>, options: RunChartOptions<T> & { output: "columns" }): RunChartColumnar;
export function runChart<T>(data: SeriesData<T>, options?: RunChartOptions<T>): RunChart;
export function runChart<T>(data: SeriesData<T>, options: RunChartOptions<T> = {}): RunChart | RunChartColumnar | RunChartGroup[] | RunChartColumnarGroup[] {
  return chartCall(data, options, OPTION_KEYS, "runChart", analyse) as RunChart | RunChartColumnar | RunChartGroup[] | RunChartColumnarGroup[];
}

function analyse<T>(data: readonly T[], options: RunChartOptions<T>): RunChart | RunChartColumnar {
  // One buffer for every typed array of the analysis (see _lib/arena.ts); none reaches the result.
  return inArena(data, 80, 64, (arena) => analyseWith(data, options, arena));
}

/** The pipeline: options → series → phases → centre and rules (per phase) → result. */
function analyseWith<T>(data: readonly T[], options: RunChartOptions<T>, arena: Arena): RunChart | RunChartColumnar {
  const settings = runSettings(options);
  // Columnar output keeps y and the exclusions as columns: they are allocated for the result.
  const keep = settings.columnar ? HEAP : arena;
  const warnings: RunChartWarning[] = [];
  const pts = readPoints(data, options, arena, keep, warnings);
  const { n, y } = pts;
  const period = resolvePeriod(options.period, pts.kind, pts.days);
  // multiply scales the plotted values (100 for per cent, 1000 per 1,000 days), as qicharts2's
  // `multiply`; the median and every rule are the same on either scale.
  if (settings.multiply !== 1) scaleValues(y, n, settings.multiply);
  // A target no proportion can reach (y / n with every y within its n): target-off-scale.
  const ratios = options.n !== undefined && settings.target !== null && allWithin(y, n, settings.multiply);
  const offScale = targetScaleWarning(settings.target, settings.multiply, ratios, "proportions (every y here is within its n)");
  if (offScale !== null) warnings.push(offScale);
  const astronomical = resolveAstronomical(options.astronomical, settings.rules.preset, n);

  const excluded = excludedMask(n, options.exclude, keep);
  const active = arena.u8(n);
  const missing: number[] = [];
  const nActive = markActive(y, n, excluded, active, missing);
  const gaps = missingWarning(missing, n);
  if (nActive === 0) throw new QiError("all-missing", ["options", "exclude"], "every point with a value is excluded: there is nothing to analyse");
  const layout = layoutPhases({ n, kind: pts.kind, days: pts.days }, options.phases, options.baseline, options.centre, warnings);
  if (settings.rephase !== null && layout.some((p) => p.centre !== null)) {
    throw new QiError("invalid-option", ["options", "rephase"], "rephase computes its own medians; it cannot be combined with a fixed centre");
  }
  if (gaps !== null) warnings.push(gaps);

  const ctx = runContext(pts, settings, layout, { excluded, active, warnings, astronomical }, period, arena);
  // Re-phasing's medians use the centre column as scratch: nothing is written there before each
  // phase's centre (phaseRules.ts), which saves n values of memory (issue #18).
  const phases = finalPhases(layout, y, active, settings, ctx.centres, warnings);
  const phaseOut: RunChartPhase[] = phases.map((ph, k) => analysePhase(ctx, ph, k));
  const signals = ctx.sink.signals;
  sortSignals(signals);
  // Shifts on both sides of one centre: a change in level the centre mixes (levelChange.ts).
  warnings.push(...levelChangeWarnings(phaseOut, signals, ctx.sink.label, ctx.sink.centreName));

  const { rules, direction, rephase, multiply, target } = settings;
  const result = { phases: phaseOut, signals, warnings, settings: { rules, direction, astronomical, rephase, multiply, target, period } };
  const state: PointState = { pts, phaseOut, centres: ctx.centres, baselineMask: ctx.baselineMask, excluded, active, ruleBits: ctx.sink.bits as Uint8Array };
  if (settings.columnar) return { columns: buildColumns(state), ...result };
  return { points: buildPoints(state), ...result };
}

/** Where the phases' rules read and write; the arrays a columnar result keeps are allocated for it. */
function runContext(
  pts: Points,
  settings: RunSettings,
  layout: readonly PhaseLayout[],
  given: Pick<RunContext, "excluded" | "active" | "warnings" | "astronomical">,
  period: XPeriod | null,
  arena: Arena,
): RunContext {
  const n = pts.n;
  const columnar = settings.columnar;
  const sink: SignalSink<RunRuleId> = {
    signals: [] as RunChartSignal[],
    bits: columnar ? new Uint8Array(n) : arena.u8(n),
    mask: RUN_RULE_MASK,
    label: pointLabeller(pts.kind, pts.x ?? pts.xKeys ?? [], pts.days, period),
    centreName: layout.some((p) => p.centre !== null) ? "centre line" : "median",
    direction: settings.direction,
  };
  return {
    ...given,
    y: pts.y,
    rules: settings.rules,
    sink,
    baselineMask: columnar ? new Uint8Array(n) : arena.u8(n),
    centres: columnar ? new Float64Array(n) : arena.f64(n),
  };
}

/**
 * The phases to analyse: the caller's phases, each split where a sustained run re-phases it
 * (`rephase`, as runcharter), with a `rephase-too-short` warning where a phase is too short.
 */
function finalPhases(layout: readonly PhaseLayout[], y: Float64Array, active: Uint8Array, settings: RunSettings, scratch: Float64Array, warnings: RunChartWarning[]): FinalPhase[] {
  const rephase = settings.rephase;
  const phases: FinalPhase[] = [];
  layout.forEach((p, k) => {
    const origin = k === 0 ? "data" : "phase";
    if (rephase === null) {
      phases.push({ start: p.start, end: p.end, baselineStart: p.centre === null ? p.start : null, baselineEnd: p.centre === null ? p.baselineEnd : null, origin, centre: p.centre });
      return;
    }
    const segments = rephaseSegments(y, active, p.start, p.end, rephase, scratch);
    if (segments === null) {
      warnings.push({
        code: "rephase-too-short",
        phase: phases.length,
        message: `Phase ${phases.length + 1} has fewer than the ${rephase.baselinePoints} values re-phasing needs for its first median; its median uses all its points and it is not re-phased.`,
      });
      phases.push({ start: p.start, end: p.end, baselineStart: p.start, baselineEnd: p.end, origin, centre: null });
      return;
    }
    segments.forEach((s, j) => {
      const end = j + 1 < segments.length ? segments[j + 1]!.start - 1 : p.end;
      phases.push({ start: s.start, end, baselineStart: s.baselineStart, baselineEnd: s.baselineEnd, origin: j === 0 ? origin : "rephase", centre: s.centre });
    });
  });
  return phases;
}
