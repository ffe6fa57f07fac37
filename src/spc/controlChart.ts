import type { Accessor } from "../_lib/accessor.js";
import type { SeriesData } from "../engine/types.js";
import { HEAP, type Arena } from "../_lib/arena.js";
import { allWithin, chartCall, inArena, markActive, missingWarning, targetScaleWarning } from "../engine/analysis.js";
import { pointLabeller } from "../engine/messages.js";
import { excludedMask, layoutPhases, type PhaseLayout } from "../engine/phases.js";
import { levelChangeWarnings } from "../engine/levelChange.js";
import { sortSignals, type SignalSink } from "../engine/signals.js";
import { checkFixedCentres, fitPhases, plottedStatistic, scaleLines } from "./fitPhases.js";
import type { FitOutput } from "./limits/fit.js";
import { buildColumns, buildPoints, type PointState } from "./output.js";
import { analyseControlPhase, type ControlContext } from "./phaseRules.js";
import { readSeries, type Series } from "./readSeries.js";
import { CONTROL_RULE_MASK } from "./ruleBits.js";
import { sequentialChart } from "./sequentialChart.js";
import { controlBasics, controlSettings, type ControlSettings } from "./settings.js";
import { centreNameOf } from "./centreName.js";
import { limitsOutOfRange } from "./limitRange.js";
import type {
  ControlChart,
  ControlChartColumnar,
  ControlChartColumnarGroup,
  ControlChartGroup,
  ControlChartOptions,
  ControlChartSignal,
  ControlChartWarning,
  ControlRuleId,
  Variation,
} from "./types.js";

const OPTION_KEYS = [
  "type", "x", "y", "n", "aggregate", "notes", "by", "rules", "direction", "target", "baseline", "phases", "exclude", "centre", "screenMovingRanges", "sigmaConstant", "multiply", "output", "period",
  "sigma", "constants", "decisionInterval", "shift", "headStart", "lambda", "sigmas", "ewmaLimits",
] as const;

/**
 * Analyse a Shewhart control chart: centre line, 3-sigma control limits and 2-sigma lines per
 * phase, and the rules that separate special-cause from common-cause variation — Shewhart's
 * (default), IHI / Provost & Murray, Western Electric, Nelson, Anhøj (as qicharts2), or NHS
 * England's Making Data Count (as NHSRplotthedots, with variation and assurance icons).
 *
 * Chart types `i`, `mr`, `xbar`, `s`, `p`, `pp`, `u`, `up`, `c`, `g`, `t` with the formulas of
 * qicharts2 0.8.1 (see docs/control-charts.md for each formula and source). `data` is an array of
 * numbers or of rows read with `x`, `y` and `n`; long series may come as Float64Arrays, read in
 * place without a copy (`data` or `x`, `y`, `n` as a {@link Column}). With `by`, one chart per group.
 * Also `r`, `np` and xbar/i with `sigma` as qcc 3.0, `ip` (Laney I′) as qicharts2 0.8,
 * `i-median`/`i-median-mr` as PowerBI-SPC, and `cusum`/`ewma` as qcc 3.0 (sequentialChart.ts).
 *
 * @throws {QiError} `empty-data`, `all-missing`, `invalid-value`, `invalid-x`, `duplicate-x`,
 *   `unknown-option`, `invalid-option`, `out-of-range`, `invalid-denominator`,
 *   `count-above-denominator`, `negative-count`, `invalid-time`, `subgroup-too-small`, `too-few-points`.
 *
 * @example
 * const chart = controlChart([10, 12, 11, 13, 12, 40, 11, 12], { type: "i" });
 * chart.phases[0].centre //=> 15.125
 * chart.signals.map((s) => s.rule) //=> ["beyond-limits"]
 *
 * // An i chart of y / n; rows that share an x are combined as Σy / Σn, with a warning.
 * const rows = [{ x: 1, y: 1, n: 10 }, { x: 2, y: 4, n: 20 }, { x: 2, y: 2, n: 20 }, { x: 3, y: 2, n: 5 }];
 * const ratio = controlChart(rows, { type: "i", x: "x", y: "y", n: "n" });
 * ratio.points.map((p) => p.y) //=> [0.1, 0.15, 0.4]
 * ratio.warnings[0].code //=> "rows-combined"
 *
 * // Long series: the points as columns (typed arrays), the phases and signals as usual.
 * const big = controlChart([10, 12, 11, 13, 12, 40, 11, 12], { type: "i", output: "columns" });
 * big.columns.ucl[0] //=> 39.4411094224924
 */
export function controlChart<T>(data: readonly T[], options: ControlChartOptions<T> & { by: Accessor<T, unknown>; output: "columns" }): ControlChartColumnarGroup[];
export function controlChart<T>(data: readonly T[], options: ControlChartOptions<T> & { by: Accessor<T, unknown> }): ControlChartGroup[];
export function controlChart<T>(data: SeriesData<T>, options: ControlChartOptions<T> & { output: "columns" }): ControlChartColumnar;
export function controlChart<T>(data: SeriesData<T>, options?: ControlChartOptions<T>): ControlChart;
export function controlChart<T>(data: SeriesData<T>, options: ControlChartOptions<T> = {}): ControlChart | ControlChartColumnar | ControlChartGroup[] | ControlChartColumnarGroup[] {
  return chartCall(data, options, OPTION_KEYS, "controlChart", analyse) as ControlChart | ControlChartColumnar | ControlChartGroup[] | ControlChartColumnarGroup[];
}

function analyse<T>(data: readonly T[], options: ControlChartOptions<T>): ControlChart | ControlChartColumnar {
  // One buffer for the typed arrays of the analysis (see _lib/arena.ts); none reaches the result.
  // Per row: x keys, order and group starts (16 bytes), y and n (16), the statistic (8), three
  // masks (3), the rule bits (2) and the seven lines (56), rounded up.
  return inArena(data, 112, 256, (arena) => analyseWith(data, options, arena));
}

/** The pipeline: options → series → phases → centre and limits → rules (per phase) → result. */
function analyseWith<T>(data: readonly T[], options: ControlChartOptions<T>, arena: Arena): ControlChart | ControlChartColumnar {
  const basics = controlBasics(options);
  if (basics.type === "cusum" || basics.type === "ewma") return sequentialChart(data, options, basics.type, basics.params, basics.columnar);
  const settings = controlSettings(options, basics);
  const { type, columnar, multiply } = settings;
  // With columnar output the statistic, values and sizes become columns: they are allocated for
  // the result (and cleaned in place at the end) rather than copied out of the arena.
  const keep = columnar ? HEAP : arena;
  const warnings: ControlChartWarning[] = [];
  const s = readSeries(data, options, type, arena, keep, warnings);
  const n = s.n;
  const excluded = excludedMask(n, options.exclude, arena);
  const layout = layoutPhases({ n, kind: s.kind, days: s.days }, options.phases, options.baseline, options.centre, warnings);
  checkFixedCentres(layout, type, multiply, options.centre);
  const y = plottedStatistic(s, type, layout, multiply, keep);

  const active = arena.u8(n);
  const missing: number[] = [];
  markActive(y, n, excluded, active, missing, type === "mr" ? s.value : null);
  const gaps = missingWarning(missing, n);
  if (gaps !== null) warnings.push(gaps);

  // The five lines become the columns of a columnar result as they are (not arena arrays then).
  const line = columnar ? (k: number) => new Float64Array(k) : (k: number) => arena.f64(k);
  const out: FitOutput = { cl: line(n), ucl: line(n), lcl: line(n), ucl2: line(n), lcl2: line(n), u1: arena.f64(n), l1: arena.f64(n) };
  const base = arena.u8(n);
  const summaries = fitPhases(s, y, layout, excluded, settings, out, base);
  scaleLines(y, out, multiply);
  const offScale = settings.target === null ? null : targetWarning(settings.target, multiply, type, s.perN, y, n);
  if (offScale !== null) warnings.push(offScale);
  const overflow = limitsOutOfRange(out.ucl, out.lcl, n, settings.rules.preset === "mdc" ? "process limit" : "control limit");
  if (overflow !== null) warnings.push(overflow);

  const ctx = controlContext(s, settings, layout, { y, active, excluded, out, summaries, warnings }, arena);
  const phases = layout.map((p, k) => analyseControlPhase(ctx, p, k, k === layout.length - 1));
  const signals = ctx.sink.signals;
  sortSignals(signals);
  // Shifts on both sides of one centre: a change in level the centre mixes (levelChange.ts).
  warnings.push(...levelChangeWarnings(phases, signals, ctx.sink.label, ctx.sink.centreName));

  const { rules, direction, screen, sigmaConstant, target, params } = settings;
  const withParameters = options.sigma !== undefined || options.constants !== undefined || ["r", "np", "ip", "i-median", "i-median-mr"].includes(type);
  const result = { phases, signals, warnings, settings: { rules, direction, screenMovingRanges: screen, sigmaConstant, multiply, target, period: s.period, ...(withParameters ? { parameters: params } : {}) } };
  const state: PointState = { type, s, y, out, base, excluded, active, phases, ruleBits: ctx.sink.bits as Uint16Array, variation: ctx.variation, labels: ctx.labels };
  if (columnar) return { type, columns: buildColumns(state), ...result };
  return { type, points: buildPoints(state), ...result };
}

/**
 * `target-off-scale`: a p or p′ chart's target outside [0, multiply], or an i chart's with `n`
 * when every value is a proportion (each count within its denominator).
 */
function targetWarning(target: number, multiply: number, type: ControlSettings["type"], perN: boolean, y: Float64Array, n: number): ControlChartWarning | null {
  if (type === "p" || type === "pp") return targetScaleWarning(target, multiply, true, `a ${type === "p" ? "p" : "p′"} chart's proportions`);
  const ratios = perN && (type === "i" || type === "ip");
  return targetScaleWarning(target, multiply, ratios && allWithin(y, n, multiply), "proportions (every y here is within its n)");
}

/** Where the phases' rules read and write; the arrays a columnar result keeps are allocated for it. */
function controlContext(
  s: Series,
  settings: ControlSettings,
  layout: readonly PhaseLayout[],
  given: Pick<ControlContext, "y" | "active" | "excluded" | "out" | "summaries" | "warnings">,
  arena: Arena,
): ControlContext {
  const { type, rules, columnar } = settings;
  const n = s.n;
  const fixed = layout.some((p) => p.centre !== null);
  const sink: SignalSink<ControlRuleId> = {
    signals: [] as ControlChartSignal[],
    bits: columnar ? new Uint16Array(n) : arena.u16(n),
    mask: CONTROL_RULE_MASK,
    label: pointLabeller(s.kind, s.x, s.days, s.period),
    // A t chart's signals are above or below its "centre line" (centreNameOf says why not the mean).
    centreName: fixed || type === "t" ? "centre line" : centreNameOf(type),
    direction: settings.direction,
  };
  // Variation icons and labels belong to the mdc rules only; other rule sets leave them null.
  const mdc = rules.preset === "mdc";
  const limitsOnly = type === "mr";
  if (limitsOnly && rules.preset !== "shewhart") {
    given.warnings.push({ code: "mr-limits-only", message: "Moving ranges are correlated with their neighbours, so only the beyond-limits rule is applied to an mr chart." });
  }
  return {
    ...given,
    settings,
    sink,
    limitName: mdc ? "process limit" : "control limit",
    limitsOnly,
    variation: mdc ? new Array<Variation | null>(n).fill(null) : null,
    labels: mdc ? new Array<ControlRuleId | null>(n).fill(null) : null,
  };
}
