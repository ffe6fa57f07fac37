import { type Accessor } from "../_lib/accessor.js";
import { HEAP, createArena, type Arena } from "../_lib/arena.js";
import { analyseByGroup } from "../_lib/groups.js";
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, enumOption, numberOption, objectOption } from "../_lib/options.js";
import { anhoejVerdict } from "../runchart/anhoejVerdict.js";
import { assess, crossingsMessage, longRunMessage, pointLabeller, shiftMessage, trendMessage } from "../runchart/messages.js";
import { checkFields } from "../runchart/fields.js";
import { excludedMask, layoutPhases, phaseColumn } from "../runchart/phases.js";
import { runsStats } from "../runchart/runs.js";
import { findShifts } from "../runchart/shift.js";
import { findTrends } from "../runchart/trend.js";
import { D2, E2 } from "./constants.js";
import { FITS } from "./limits/index.js";
import { resolveChartParameters } from "./chartParams.js";
import { sequentialChart } from "./sequentialChart.js";
import type { FitOutput } from "./limits/fit.js";
import { mdcLabels, assuranceOf } from "./mdc.js";
import { alternatingMessage, beyondLimitsMessage, innerThirdMessage, mixtureMessage, zoneMessage } from "./messages.js";
import { readSeries, type Series } from "./readSeries.js";
import type { Direction, XValue } from "../runchart/types.js";
import { resolveControlRules } from "./rules/index.js";
import type {
  ControlChart,
  ControlChartColumnar,
  ControlChartColumnarGroup,
  ControlChartColumns,
  ControlChartGroup,
  ControlChartOptions,
  ControlChartPhase,
  ControlChartPoint,
  ControlChartSignal,
  ControlChartType,
  ControlChartWarning,
  ControlRuleId,
  SigmaConstant,
  Variation,
} from "./types.js";
import { CONTROL_RULE_MASK } from "./ruleBits.js";
import { activeIndices, findAlternating, findMixture, findRunsWhere, findZoneSignals } from "./zones.js";

const OPTION_KEYS = [
  "type", "x", "y", "n", "aggregate", "notes", "by", "rules", "direction", "target", "baseline", "phases", "exclude", "centre", "screenMovingRanges", "sigmaConstant", "multiply", "output",
  "sigma", "constants", "decisionInterval", "shift", "headStart", "lambda", "sigmas", "ewmaLimits",
] as const;
const TYPES: readonly ControlChartType[] = ["i", "mr", "xbar", "s", "p", "pp", "u", "up", "c", "g", "t", "r", "np", "ip", "i-median", "i-median-mr", "cusum", "ewma"];

/**
 * Analyse a Shewhart control chart: centre line, 3-sigma control limits and 2-sigma lines per
 * phase, and the rules that separate special-cause from common-cause variation — Shewhart's
 * (default), IHI / Provost & Murray, Western Electric, Nelson, Anhøj (as qicharts2), or NHS
 * England's Making Data Count (as NHSRplotthedots, with variation and assurance icons).
 *
 * Chart types `i`, `mr`, `xbar`, `s`, `p`, `pp`, `u`, `up`, `c`, `g`, `t` with the formulas of
 * qicharts2 0.8.1 (see docs/control-charts.md for each formula and source). `data` is an array of
 * numbers or of rows read with `x`, `y` and `n`. With `by`, one chart per group.
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
export function controlChart<T>(data: readonly T[], options: ControlChartOptions<T> & { output: "columns" }): ControlChartColumnar;
export function controlChart<T>(data: readonly T[], options?: ControlChartOptions<T>): ControlChart;
export function controlChart<T>(data: readonly T[], options: ControlChartOptions<T> = {}): ControlChart | ControlChartColumnar | ControlChartGroup[] | ControlChartColumnarGroup[] {
  const o = objectOption(options, ["options"]);
  checkKeys(o, OPTION_KEYS, ["options"], "option");
  if (!Array.isArray(data)) throw new QiError("invalid-value", ["data"], `data must be an array of numbers or rows, not ${describeValue(data)}`);
  checkFields(data, { x: o.x, y: o.y, n: o.n, notes: o.notes, by: o.by });
  if (options.by !== undefined) return analyseByGroup(data, options, "controlChart", analyse) as ControlChartGroup[] | ControlChartColumnarGroup[];
  return analyse(data, options);
}


function analyse<T>(data: readonly T[], options: ControlChartOptions<T>): ControlChart | ControlChartColumnar {
  // One buffer for the typed arrays of the analysis (see _lib/arena.ts); none reaches the result.
  // Per row: x keys, order and group starts (16 bytes), y and n (16), the statistic (8), three
  // masks (3), the rule bits (2) and the seven lines (56), rounded up.
  const arena = createArena(Math.max(0, Array.isArray(data) ? data.length : 0) * 112 + 256);
  try {
    return analyseWith(data, options, arena);
  } finally {
    arena.release();
  }
}

function analyseWith<T>(data: readonly T[], options: ControlChartOptions<T>, arena: Arena): ControlChart | ControlChartColumnar {
  const columnar = options.output === undefined ? false : enumOption(options.output, ["points", "columns"] as const, ["options", "output"]) === "columns";
  const type: ControlChartType = options.type === undefined ? "i" : (TYPES as readonly unknown[]).includes(options.type) ? options.type : unknownType(options.type);
  const direction: Direction = options.direction === undefined ? "neutral" : enumOption(options.direction, ["increase", "decrease", "neutral"] as const, ["options", "direction"]);
  const rules = resolveControlRules(options.rules);
  const params = resolveChartParameters(options, type);
  if (type === "cusum" || type === "ewma") return sequentialChart(data, options, type, params, columnar);
  const screen = options.screenMovingRanges === undefined ? true : booleanOption(options.screenMovingRanges, "screenMovingRanges");
  let sigmaConstant: SigmaConstant = rules.preset === "mdc" ? E2 : "d2";
  if (options.sigmaConstant !== undefined) {
    if (options.sigmaConstant !== "d2" && options.sigmaConstant !== E2) {
      throw new QiError("invalid-option", ["options", "sigmaConstant"], `sigmaConstant must be "d2" (σ = AMR/1.128) or 2.66 (3σ = 2.66 × AMR), not ${describeValue(options.sigmaConstant)}`);
    }
    sigmaConstant = options.sigmaConstant;
  }
  const sigmaPerAmr = sigmaConstant === "d2" ? 1 / D2 : E2 / 3;
  const multiply = options.multiply === undefined ? 1 : numberOption(options.multiply, ["options", "multiply"], (v) => v > 0, "a positive number");
  const target = options.target === undefined || options.target === null ? null : numberOption(options.target, ["options", "target"], () => true, "a finite number");

  // With columnar output the statistic, values and sizes become columns: they are allocated for
  // the result (and cleaned in place at the end) rather than copied out of the arena.
  const keep = columnar ? HEAP : arena;
  const warnings: ControlChartWarning[] = [];
  const s = readSeries(data, options, type, arena, keep, warnings);
  const n = s.n;
  const excluded = excludedMask(n, options.exclude, arena);
  const layout = layoutPhases({ n, kind: s.kind, days: s.days }, options.phases, options.baseline, options.centre, warnings);
  checkFixedCentres(layout, type, multiply, options.centre);

  // The plotted statistic before multiply. For i, c, g, t, xbar and s it is an array read already:
  // the same array serves unless it is rewritten below (moving ranges, multiply).
  // An i chart given n plots y / n too (qicharts2, PowerBI-SPC).
  const ratio = s.perN;
  let y: Float64Array;
  if (ratio) {
    y = keep.f64(n);
    divide(s.value, s.size, y);
  } else {
    const source = type === "xbar" ? s.mean : type === "s" ? s.sd : type === "r" ? s.range : s.value;
    if (type === "mr" || multiply !== 1) {
      y = keep.f64(n);
      y.set(source);
    } else y = source;
  }
  if (type === "mr") {
    // Moving ranges restart in each phase (qicharts2 computes them per part).
    for (const p of layout) {
      y[p.start] = Number.NaN;
      for (let i = p.start + 1; i <= p.end; i++) y[i] = Math.abs(s.value[i]! - s.value[i - 1]!);
    }
  }

  const active = arena.u8(n);
  const missing = markActive(y, type === "mr" ? s.value : null, excluded, active);
  if (missing.length === n) throw new QiError("all-missing", ["data"], "every y value is missing: there is nothing to chart");
  if (missing.length > 0) {
    warnings.push({
      code: "missing-values",
      message: `${missing.length} point${missing.length === 1 ? " has" : "s have"} no value; ${missing.length === 1 ? "it is" : "they are"} drawn as a gap and skipped by the rules.`,
      points: missing,
    });
  }

  // The five lines become the columns of a columnar result as they are (not arena arrays then).
  const line = columnar ? (k: number) => new Float64Array(k) : (k: number) => arena.f64(k);
  const out: FitOutput = { cl: line(n), ucl: line(n), lcl: line(n), ucl2: line(n), lcl2: line(n), u1: arena.f64(n), l1: arena.f64(n) };
  const base = arena.u8(n);
  const fit = FITS[type];
  const subgroups = type === "xbar" || type === "s" || type === "r";
  const summaries = layout.map((p, k) => {
    let sizes = Number.NaN;
    let varN = false;
    markBase(base, excluded, p.start, p.end, p.baselineEnd);
    if (subgroups) {
      for (let i = p.start; i <= p.end; i++) {
        const z = s.size[i]!;
        if (!Number.isNaN(z)) {
          if (Number.isNaN(sizes)) sizes = z;
          else if (z !== sizes) varN = true;
        }
      }
    }
    const summary = fit(
      { y, value: s.value, n: s.size, sd: s.sd, start: p.start, end: p.end, base, centre: p.centre === null ? null : p.centre / multiply, screen, sigmaPerAmr, varN, range: s.range, params },
      out,
    );
    const needsMR = (type === "i" && params.sigma === "moving-range") || type === "t" || type === "pp" || type === "up" || type === "mr" || type === "i-median" || type === "i-median-mr";
    if (needsMR && summary.averageMovingRange === Number.POSITIVE_INFINITY) {
      throw new QiError("invalid-value", ["data"], "the moving ranges are too large to compute (values near ±1.8e308): rescale the values");
    }
    if (needsMR && !Number.isFinite(summary.averageMovingRange ?? Number.NaN)) {
      const where = layout.length > 1 ? `phase ${k + 1} (points ${p.start} to ${p.end})` : "the chart";
      throw new QiError(
        "too-few-points",
        layout.length > 1 ? ["options", "phases"] : ["data"],
        `${where} has no moving range in its baseline: ${type === "mr" ? "an mr" : `a ${type}`} chart needs at least 2 consecutive values that are not excluded`,
      );
    }
    return summary;
  });

  // Multiply the statistic and the lines (per cent, per 1,000 bed days…).
  if (multiply !== 1) {
    for (const a of [y, out.cl, out.ucl, out.lcl, out.ucl2, out.lcl2, out.u1, out.l1]) scale(a, multiply);
  }

  const label = pointLabeller(s.kind, s.x, s.days);
  const fixed = layout.some((p) => p.centre !== null);
  const centreName = fixed ? "centre line" : type === "g" || type === "i-median" || type === "i-median-mr" ? "median" : "mean";
  const limitName = rules.preset === "mdc" ? "process limit" : "control limit";
  const signals: ControlChartSignal[] = [];
  const ruleBits = columnar ? new Uint16Array(n) : arena.u16(n);
  const mark = (rule: ControlRuleId, points: readonly number[]): void => {
    const bit = CONTROL_RULE_MASK.bit(rule);
    for (const i of points) ruleBits[i]! |= bit;
  };
  // Variation icons and labels belong to the mdc rules only; other rule sets leave them null.
  const mdc = rules.preset === "mdc";
  const variation: (Variation | null)[] | null = mdc ? new Array(n).fill(null) : null;
  const labels: (ControlRuleId | null)[] | null = mdc ? new Array(n).fill(null) : null;
  const phaseOut: ControlChartPhase[] = [];
  // Moving ranges are serially correlated, so only the limits apply to an mr chart (qicharts2 sets
  // no runs signal for it either).
  const limitsOnly = type === "mr";
  if (limitsOnly && rules.preset !== "shewhart") {
    warnings.push({ code: "mr-limits-only", message: "Moving ranges are correlated with their neighbours, so only the beyond-limits rule is applied to an mr chart." });
  }

  layout.forEach((p, k) => {
    const centre = out.cl[p.start]!;
    const sum = summaries[k]!;
    const nObs = countNotExcluded(excluded, p.start, p.end);
    const lclAverage = finiteAverage(out.lcl, p.start, p.end);
    const uclAverage = finiteAverage(out.ucl, p.start, p.end);
    const ok = Number.isFinite(centre);
    if (!ok) warnings.push({ code: "no-centre", phase: k, message: `Phase ${k + 1} has no values to set its centre; its rules are not applied.` });
    const stats = runsStats(y, ok ? active : new Uint8Array(n), p.start, p.end, centre);
    const anhoej = stats.nUseful >= 1 ? anhoejVerdict(stats.nUseful, stats.longestRun, stats.crossings, "anhoej") : null;
    let sigmaSignals = 0;
    let runsSignal: boolean | null = null;
    // The active points in order, for the rules that walk them as one sequence.
    const needsIdx = ok && (mdc || (!limitsOnly && (rules.twoOfThree !== false || rules.fourOfFive !== false || rules.innerThird !== false || rules.alternating !== false || rules.mixture !== false)));
    const idx = needsIdx ? activeIndices(active, p.start, p.end) : [];

    if (ok && rules.beyondLimits) {
      for (const i of beyondLimits(y, active, out.ucl, out.lcl, p.start, p.end)) {
        const v = y[i]!;
        const side = v > out.ucl[i]! ? 1 : v < out.lcl[i]! ? -1 : 0;
        if (side === 0) continue;
        sigmaSignals++;
        const a = assess(side, direction);
        signals.push({
          rule: "beyond-limits", phase: k, start: i, end: i, points: [i], side: side === 1 ? "above" : "below", assessment: a,
          message: beyondLimitsMessage(label, i, v, side, side === 1 ? out.ucl[i]! : out.lcl[i]!, limitName, a),
        });
        mark("beyond-limits", [i]);
      }
    }
    let trendsFound: ReturnType<typeof findTrends> = [];
    let shiftsFound: ReturnType<typeof findShifts> = [];
    let twoOfThreeFound: ReturnType<typeof findZoneSignals> = [];
    if (ok && !limitsOnly) {
      if (rules.shift !== false) {
        shiftsFound = findShifts(y, active, p.start, p.end, centre, rules.shift);
        for (const f of shiftsFound) {
          const a = assess(f.side, direction);
          signals.push({
            rule: "shift", phase: k, start: f.start, end: f.end, points: f.points, side: f.side === 1 ? "above" : "below", assessment: a,
            message: shiftMessage(label, f.points.length, f.side, f.start, f.end, centreName, a),
          });
          mark("shift", f.points);
        }
      }
      if (rules.trend !== false) {
        trendsFound = findTrends(y, active, p.start, p.end, rules.trend);
        for (const t of trendsFound) {
          const a = assess(t.direction, direction);
          signals.push({
            rule: "trend", phase: k, start: t.start, end: t.end, points: t.points, direction: t.direction === 1 ? "up" : "down", assessment: a,
            message: trendMessage(label, t.counted.length, t.direction, t.start, t.end, a),
          });
          mark("trend", t.points);
        }
      }
      for (const [id, rule] of [["two-of-three", rules.twoOfThree], ["four-of-five", rules.fourOfFive]] as const) {
        if (rule === false) continue;
        const found = findZoneSignals(y, idx, out, rule);
        if (id === "two-of-three") twoOfThreeFound = found;
        for (const f of found) {
          const a = assess(f.side, direction);
          signals.push({
            rule: id, phase: k, start: f.start, end: f.end, points: f.points, side: f.side === 1 ? "above" : "below", assessment: a,
            message: zoneMessage(label, rule.count, rule.window, rule.sigma, f.side, f.start, f.end, centreName, a),
          });
          mark(id, f.points);
        }
      }
      if (rules.innerThird !== false) {
        for (const f of findRunsWhere(idx, rules.innerThird.length, (i) => y[i]! < out.u1[i]! && y[i]! > out.l1[i]!)) {
          signals.push({ rule: "inner-third", phase: k, start: f.start, end: f.end, points: f.points, assessment: "neutral", message: innerThirdMessage(label, f.points.length, f.start, f.end, centreName) });
          mark("inner-third", f.points);
        }
      }
      if (rules.alternating !== false) {
        for (const f of findAlternating(y, idx, rules.alternating.length)) {
          signals.push({ rule: "alternating", phase: k, start: f.start, end: f.end, points: f.points, assessment: "neutral", message: alternatingMessage(label, f.points.length, f.start, f.end) });
          mark("alternating", f.points);
        }
      }
      if (rules.mixture !== false) {
        for (const f of findMixture(y, idx, rules.mixture.length, out)) {
          signals.push({ rule: "mixture", phase: k, start: f.start, end: f.end, points: f.points, assessment: "neutral", message: mixtureMessage(label, f.points.length, f.start, f.end, centreName) });
          mark("mixture", f.points);
        }
      }
      if (anhoej !== null && (rules.longRun !== false || rules.crossings !== false)) {
        const longOn = rules.longRun !== false && stats.nUseful >= rules.longRun.minUseful;
        const crossOn = rules.crossings !== false && stats.nUseful >= rules.crossings.minUseful;
        if (longOn || crossOn) runsSignal = false;
        if (longOn && anhoej.longRun) {
          runsSignal = true;
          const side = stats.longestRunSide === -1 ? -1 : 1;
          const a = assess(side, direction);
          const points: number[] = [];
          for (let i = stats.longestRunStart; i <= stats.longestRunEnd; i++) if (active[i] === 1 && y[i] !== centre) points.push(i);
          signals.push({
            rule: "long-run", phase: k, start: stats.longestRunStart, end: stats.longestRunEnd, points, side: side === 1 ? "above" : "below", assessment: a,
            message: longRunMessage(label, stats.longestRun, anhoej.longestRunMax, side, stats.longestRunStart, stats.longestRunEnd, centreName, a),
          });
          mark("long-run", points);
        }
        if (crossOn && anhoej.fewCrossings) {
          runsSignal = true;
          signals.push({ rule: "few-crossings", phase: k, start: p.start, end: p.end, points: [], assessment: "neutral", message: crossingsMessage(stats.crossings, anhoej.crossingsMin, stats.nUseful, centreName) });
        }
      } else if (rules.longRun !== false || rules.crossings !== false) runsSignal = false;
    } else if (limitsOnly && (rules.longRun !== false || rules.crossings !== false)) runsSignal = false;

    let variationIcon: Variation | null = null;
    if (ok && variation !== null && labels !== null) {
      mdcLabels(y, idx, out, direction, trendsFound, twoOfThreeFound, shiftsFound, variation, labels);
      const last = idx[idx.length - 1];
      variationIcon = last === undefined ? null : variation[last]!;
    }
    let assuranceIcon = null;
    if (ok && target !== null && k === layout.length - 1) assuranceIcon = assuranceOf(target, out.ucl[p.end]!, out.lcl[p.end]!, direction);

    phaseOut.push({
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
      nUseful: stats.nUseful,
      runs: stats.runs,
      longestRun: stats.longestRun,
      longestRunMax: anhoej?.longestRunMax ?? null,
      crossings: stats.crossings,
      crossingsMin: anhoej?.crossingsMin ?? null,
      runsSignal,
      sigmaSignals,
      variationIcon,
      assuranceIcon,
    });
  });

  signals.sort((a, b) => a.phase - b.phase || a.start - b.start || a.end - b.end);
  const settings = { rules, direction, screenMovingRanges: screen, sigmaConstant, multiply, target, ...(options.sigma !== undefined || options.constants !== undefined || ["r", "np", "ip", "i-median", "i-median-mr"].includes(type) ? { parameters: params } : {}) };
  const state: PointState = { type, s, y, out, base, excluded, active, phases: phaseOut, ruleBits, variation, labels };
  if (columnar) return { type, columns: buildColumns(state), phases: phaseOut, signals, warnings, settings };
  const points = buildPoints(state);
  return { type, points, phases: phaseOut, signals, warnings, settings };
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

// The loops over every point live in small functions of their own: V8 optimises each as a whole,
// where a loop inside a closure that runs once per analysis would be compiled on the fly (OSR)
// and thrown away again at the first untried branch after it.

/** What the per-point output is built from (arena arrays, read before the arena is released). */
interface PointState {
  type: ControlChartType;
  s: Series;
  y: Float64Array;
  out: FitOutput;
  base: Uint8Array;
  excluded: Uint8Array;
  active: Uint8Array;
  phases: readonly ControlChartPhase[];
  ruleBits: Uint16Array;
  variation: (Variation | null)[] | null;
  labels: (ControlRuleId | null)[] | null;
}

/**
 * The point objects of the result.
 *
 * Lines that stay the same from one point to the next (every line of an i, c, g, t or mr chart
 * within a phase) are one number shared by those points rather than a copy each: a point is 17
 * fields, and a fractional number held in an object field costs V8 a heap box of its own unless
 * the field is generic (tagged) and the box is shared. `pointOf` is the one place a point is made,
 * and the first point it makes holds nulls, so V8 sees the fields as generic from the start
 * (the result is the same either way; only memory and speed differ).
 */
function buildPoints(state: PointState): ControlChartPoint[] {
  const { type, s, y, out, base, excluded, active, phases, ruleBits, variation, labels } = state;
  pointOf(0, 0, null, null, null, null, null, null, null, null, 0, false, false, false, CONTROL_RULE_MASK.list(0), null, null);
  const points: ControlChartPoint[] = new Array(s.n);
  const hasValue = type !== "xbar" && type !== "s" && type !== "r";
  const hasN = s.size.length > 0;
  const xs = s.x;
  const values = s.value;
  const sizes = s.size;
  const notes = s.notes;
  const { cl, ucl, lcl, ucl2, lcl2 } = out;
  // The last value of each line and the number the points share for it.
  let clRaw = Number.NaN;
  let uclRaw = Number.NaN;
  let lclRaw = Number.NaN;
  let ucl2Raw = Number.NaN;
  let lcl2Raw = Number.NaN;
  let clBox: number | null = null;
  let uclBox: number | null = null;
  let lclBox: number | null = null;
  let ucl2Box: number | null = null;
  let lcl2Box: number | null = null;
  for (let k = 0; k < phases.length; k++) {
    const end = phases[k]!.end;
    for (let i = phases[k]!.start; i <= end; i++) {
      const v = y[i]!;
      const c = cl[i]!;
      const u3 = ucl[i]!;
      const l3 = lcl[i]!;
      const u2 = ucl2[i]!;
      const l2 = lcl2[i]!;
      if (!same(c, clRaw)) clBox = finiteOrNull((clRaw = c));
      if (!same(u3, uclRaw)) uclBox = finiteOrNull((uclRaw = u3));
      if (!same(l3, lclRaw)) lclBox = finiteOrNull((lclRaw = l3));
      if (!same(u2, ucl2Raw)) ucl2Box = finiteOrNull((ucl2Raw = u2));
      if (!same(l2, lcl2Raw)) lcl2Box = finiteOrNull((lcl2Raw = l2));
      const point = pointOf(
        i,
        xs[i]!,
        finiteOrNull(v),
        hasValue ? finiteOrNull(values[i]!) : null,
        hasN ? finiteOrNull(sizes[i]!) : null,
        clBox,
        // qicharts2 drops the limits of p, pp, u, up points without a denominator (non-finite).
        uclBox,
        lclBox,
        ucl2Box,
        lcl2Box,
        k,
        base[i] === 1 && !Number.isNaN(v),
        excluded[i] === 1,
        active[i] === 1 && Number.isFinite(c) && v !== c,
        CONTROL_RULE_MASK.list(ruleBits[i]!),
        variation === null ? null : variation[i]!,
        labels === null ? null : labels[i]!,
      );
      if (notes !== null) point.note = notes[i];
      points[i] = point;
    }
  }
  return points;
}

/**
 * The points as columns, with NaN wherever a point would hold null. The statistic, values, sizes
 * and five lines were allocated for the result (columnar output) and are cleaned in place.
 */
function buildColumns(state: PointState): ControlChartColumns {
  const { type, s, y, out, base, excluded, active, phases, ruleBits, variation, labels } = state;
  const n = s.n;
  const hasValue = type !== "xbar" && type !== "s" && type !== "r";
  const hasN = s.size.length > 0;
  const phase = phaseColumn(phases, n);
  const baseline = new Uint8Array(n);
  const useful = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    const c = out.cl[i]!;
    baseline[i] = base[i] === 1 && !Number.isNaN(v) ? 1 : 0;
    useful[i] = active[i] === 1 && Number.isFinite(c) && v !== c ? 1 : 0;
  }
  const columns: ControlChartColumns = {
    length: n,
    x: s.kind === "date" || s.x instanceof Float64Array ? s.x : Float64Array.from(s.x as number[]),
    // y, value and size were allocated for the result (readSeries' output arena); y may be the
    // value array itself (i, c, g, t), and then the y column is a copy of its own.
    y: y === s.value && hasValue ? finiteCopy(y, n) : finiteInPlace(y),
    value: hasValue ? finiteInPlace(s.value) : null,
    n: hasN ? finiteInPlace(s.size) : null,
    centre: finiteInPlace(out.cl),
    ucl: finiteInPlace(out.ucl),
    lcl: finiteInPlace(out.lcl),
    ucl2: finiteInPlace(out.ucl2),
    lcl2: finiteInPlace(out.lcl2),
    phase,
    baseline,
    excluded: Uint8Array.from(excluded.subarray(0, n)),
    useful,
    signals: ruleBits,
    variation,
    label: labels,
  };
  if (s.notes !== null) columns.note = s.notes;
  return columns;
}

/** Every non-finite value as NaN (null in the point form), in place; for arrays the result owns. */
function finiteInPlace(a: Float64Array): Float64Array {
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v - v !== 0) a[i] = Number.NaN;
  }
  return a;
}

/** A copy of the first n values with every non-finite value as NaN (null in the point form). */
function finiteCopy(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    out[i] = v - v === 0 ? v : Number.NaN;
  }
  return out;
}

/** The same number, told apart from its sign for zero (NaN is never the same: it becomes null anyway). */
function same(a: number, b: number): boolean {
  return a === b && (a !== 0 || 1 / a === 1 / b);
}

function pointOf(
  index: number,
  x: XValue,
  y: number | null,
  value: number | null,
  n: number | null,
  centre: number | null,
  ucl: number | null,
  lcl: number | null,
  ucl2: number | null,
  lcl2: number | null,
  phase: number,
  baseline: boolean,
  excluded: boolean,
  useful: boolean,
  signals: readonly ControlRuleId[],
  variation: Variation | null,
  label: ControlRuleId | null,
): ControlChartPoint {
  return { index, x, y, value, n, centre, ucl, lcl, ucl2, lcl2, phase, baseline, excluded, useful, signals, variation, label };
}

/** out[i] = a[i] / b[i] (the p, pp, u, up statistic). */
function divide(a: Float64Array, b: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! / b[i]!;
}

function scale(a: Float64Array, by: number): void {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * by;
}

/**
 * Flag the points with a value that are not excluded, and list the points without a value. On an
 * mr chart (`rawValues` given) the first point of a phase has no moving range but is no gap.
 */
function markActive(y: Float64Array, rawValues: Float64Array | null, excluded: Uint8Array, active: Uint8Array): number[] {
  const missing: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i]!)) {
      if (rawValues === null || Number.isNaN(rawValues[i]!)) missing.push(i);
    } else if (excluded[i] === 0) active[i] = 1;
  }
  return missing;
}

/** 1 for the points of `start..end` that set the centre and limits: in the baseline and not excluded. */
function markBase(base: Uint8Array, excluded: Uint8Array, start: number, end: number, baselineEnd: number): void {
  for (let i = start; i <= end; i++) base[i] = i <= baselineEnd && excluded[i] === 0 ? 1 : 0;
}

/** As qicharts2's n.obs: the points of a phase that are not excluded, gaps included. */
function countNotExcluded(excluded: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i <= end; i++) n += 1 - excluded[i]!;
  return n;
}

/**
 * Average of the finite values of `start..end`, as Σ(value / count) so limits near
 * ±Number.MAX_VALUE cannot overflow the sum; null when there are none (or the average is not finite).
 */
function finiteAverage(a: Float64Array, start: number, end: number): number | null {
  let count = 0;
  for (let i = start; i <= end; i++) if (Number.isFinite(a[i]!)) count++;
  if (count === 0) return null;
  let sum = 0;
  for (let i = start; i <= end; i++) if (Number.isFinite(a[i]!)) sum += a[i]! / count;
  return finiteOrNull(sum);
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

/**
 * A fixed centre must lie where the plotted statistic can: ≥ 0 for moving ranges, standard
 * deviations, counts, rates and times, and within [0, 1] (× multiply) for proportions. Otherwise
 * the clipped limits would cross (LCL above UCL).
 */
function checkFixedCentres(layout: readonly { centre: number | null }[], type: ControlChartType, multiply: number, option: unknown): void {
  if (type === "i" || type === "xbar" || type === "ip" || type === "i-median" || type === "i-median-mr") return;
  const max = type === "p" || type === "pp" ? multiply : Number.POSITIVE_INFINITY;
  layout.forEach((p, k) => {
    if (p.centre === null || (p.centre >= 0 && p.centre <= max)) return;
    const path = Array.isArray(option) ? ["options", "centre", k] : ["options", "centre"];
    const range = max === Number.POSITIVE_INFINITY ? "at least 0" : `from 0 to ${max}`;
    throw new QiError("invalid-option", path, `a fixed centre on a ${type} chart must be ${range}, not ${p.centre}`);
  });
}

function unknownType(value: unknown): never {
  throw new QiError("unknown-option", ["options", "type"], `unknown chart type ${describeValue(value)} (known: ${TYPES.join(", ")})`);
}

function booleanOption(value: unknown, name: string): boolean {
  if (typeof value !== "boolean") throw new QiError("invalid-option", ["options", name], `${name} must be true or false, not ${describeValue(value)}`);
  return value;
}

