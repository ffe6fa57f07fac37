import { QiError, describeValue } from "../_lib/error.js";
import { assess, formatApart, pointLabeller } from "../engine/messages.js";
import { directionOption } from "../engine/analysis.js";
import { excludedMask, layoutPhases, phaseColumn } from "../engine/phases.js";
import { runsStats } from "../engine/runs.js";
import { sortSignals } from "../engine/signals.js";
import type { Direction, XValue } from "../engine/types.js";
import type { ChartParameters } from "./chartParams.js";
import { D2, E2 } from "./constants.js";
import type { FitInput } from "./limits/fit.js";
import { sequentialCentre, sequentialSigma } from "./limits/sequential.js";
import { readSeries } from "./readSeries.js";
import { resolveControlRules } from "./rules/index.js";
import { CONTROL_RULE_MASK } from "./ruleBits.js";
import { cusumSums } from "./cusum.js";
import { ewmaLines } from "./ewma.js";
import { phaseWhere } from "./fitPhases.js";
import { limitsOutOfRange } from "./limitRange.js";
import type { ControlChart, ControlChartColumnar, ControlChartOptions, ControlChartPhase, ControlChartPoint, ControlChartSignal, ControlChartWarning, SigmaConstant } from "./types.js";

/** The per-point arrays of a CUSUM or EWMA chart (NaN where a point form holds null). */
interface Lines {
  y: Float64Array;
  centre: Float64Array;
  ucl: Float64Array;
  lcl: Float64Array;
  upper: Float64Array | null;
  lower: Float64Array | null;
}

/**
 * `controlChart` for `type: "cusum"` and `"ewma"` (as qcc 3.0): the statistic is each value, or
 * each subgroup's mean when rows share an x; each phase takes its centre and σ from its baseline's
 * non-excluded points (see limits/sequential.ts) and restarts the sums or the smoothing. Only the
 * decision interval (cusum) or the limits (ewma) signal: the points of these charts are correlated,
 * so run rules do not apply. Missing and excluded points leave the sums and the smoothing as they
 * were. Sums and limits in cusum.ts and ewma.ts.
 */
export function sequentialChart<T>(data: readonly T[], options: ControlChartOptions<T>, type: "cusum" | "ewma", params: ChartParameters, columnar: boolean): ControlChart | ControlChartColumnar {
  const { direction, rules, screen, sigmaConstant, target } = sequentialSettings(options, type);

  const s = readSeries(data, options, type);
  const n = s.n;
  const stat = s.mean.length > 0 ? s.mean : s.value;
  const sizes = s.size.length > 0 ? s.size : new Float64Array(0);
  const excluded = excludedMask(n, options.exclude);
  const layout = layoutPhases({ n, kind: s.kind, days: s.days }, options.phases, options.baseline, options.centre);
  const warnings: ControlChartWarning[] = [];
  if (rules.preset !== "shewhart" || !rules.beyondLimits) {
    warnings.push({ code: "limits-only", message: `The points of a ${type} chart are correlated with their neighbours, so only its ${type === "cusum" ? "decision interval" : "control limits"} signal; the ${rules.preset} run rules are not applied.` });
  }
  const missing: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isNaN(stat[i]!)) missing.push(i);
  if (missing.length === n) throw new QiError("all-missing", ["data"], "every y value is missing: there is nothing to chart");
  if (missing.length > 0) warnings.push({ code: "missing-values", message: `${missing.length} point${missing.length === 1 ? " has" : "s have"} no value; ${missing.length === 1 ? "it leaves" : "they leave"} the ${type === "cusum" ? "sums" : "smoothing"} unchanged.`, points: missing });

  const lines: Lines = {
    y: new Float64Array(n),
    centre: new Float64Array(n),
    ucl: new Float64Array(n).fill(Number.NaN),
    lcl: new Float64Array(n).fill(Number.NaN),
    upper: type === "cusum" ? new Float64Array(n) : null,
    lower: type === "cusum" ? new Float64Array(n) : null,
  };
  const base = new Uint8Array(n);
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) active[i] = excluded[i] === 0 && !Number.isNaN(stat[i]!) ? 1 : 0;
  const label = pointLabeller(s.kind, s.x, s.days, s.period);
  const signals: ControlChartSignal[] = [];
  const ruleBits = new Uint16Array(n);
  const phases: ControlChartPhase[] = [];
  layout.forEach((p, k) => {
    for (let i = p.start; i <= p.end; i++) base[i] = i <= p.baselineEnd && excluded[i] === 0 ? 1 : 0;
    const input: FitInput = {
      y: stat, value: stat, n: sizes, sd: s.sd, range: s.range, start: p.start, end: p.end, base, centre: p.centre, screen,
      sigmaPerAmr: sigmaConstant === "d2" ? 1 / D2 : E2 / 3, varN: false, params,
    };
    const centre = sequentialCentre(input);
    const sigma = sequentialSigma(input);
    if (!Number.isFinite(centre) || !(sigma >= 0) || !Number.isFinite(sigma)) {
      throw new QiError("too-few-points", layout.length > 1 ? ["options", "phases"] : ["data"], `${phaseWhere(layout, k)} has too few values in its baseline to estimate the centre and σ of a ${type} chart (give centre and sigma to use known values)`);
    }
    const found = type === "cusum"
      ? cusumSums(stat, sizes, active, p.start, p.end, centre, sigma, params.decisionInterval!, params.shift! / 2, params.headStart!, lines)
      : ewmaLines(stat, sizes, active, p.start, p.end, centre, sigma, params.lambda!, params.sigmas!, params.ewmaLimits === "exact", lines);
    groupSignals(found, k, ruleBits, signals, (i, end, side) => { const a = assess(side, direction); return { a, message: signalMessage(type, label(i), end === i ? null : label(end), side, lines, i, params, a) }; });
    const stats = runsStats(lines.y, active, p.start, p.end, centre);
    phases.push({
      start: p.start, end: p.end, baselineStart: p.centre === null ? p.start : null, baselineEnd: p.centre === null ? p.baselineEnd : null, origin: k === 0 ? "data" : "phase",
      centre, mean: null, averageMovingRange: null, lclAverage: average(lines.lcl, p.start, p.end), uclAverage: average(lines.ucl, p.start, p.end),
      nObs: p.end - p.start + 1 - count(excluded, p.start, p.end), nUseful: stats.nUseful, runs: stats.runs, longestRun: stats.longestRun, longestRunMax: null,
      crossings: stats.crossings, crossingsMin: null, runsSignal: null, sigmaSignals: found.length, variationIcon: null, assuranceIcon: null, sigma,
    });
  });
  // EWMA limits (centre ± Lσ…) can pass ±MAX_VALUE; a CUSUM's are NaN (its decision interval is in σ units).
  const overflow = limitsOutOfRange(lines.ucl, lines.lcl, n, "control limit");
  if (overflow !== null) warnings.push(overflow);
  const settings = { rules, direction, screenMovingRanges: screen, sigmaConstant, multiply: 1, target, period: s.period, parameters: params };
  const state = { s, stat, sizes, lines, base, excluded, active, ruleBits, phases };
  if (columnar) return { type, columns: columnsOf(state), phases, signals, warnings, settings };
  return { type, points: pointsOf(state), phases, signals, warnings, settings };
}

/** The options a cusum or ewma chart reads, checked (those that do not apply are errors). */
function sequentialSettings<T>(options: ControlChartOptions<T>, type: "cusum" | "ewma"): { direction: Direction; rules: ReturnType<typeof resolveControlRules>; screen: boolean; sigmaConstant: SigmaConstant; target: number | null } {
  const direction: Direction = directionOption(options.direction);
  const rules = resolveControlRules(options.rules);
  if (options.multiply !== undefined && options.multiply !== 1) throw new QiError("invalid-option", ["options", "multiply"], `multiply does not apply to a ${type} chart (its statistic is a mean or a sum in standard errors)`);
  if (type === "cusum" && options.target !== undefined && options.target !== null) throw new QiError("invalid-option", ["options", "target"], "target does not apply to a cusum chart (its sums are in standard errors); give the target as centre");
  if (options.screenMovingRanges !== undefined && typeof options.screenMovingRanges !== "boolean") throw new QiError("invalid-option", ["options", "screenMovingRanges"], "screenMovingRanges must be true or false");
  // qcc's MR estimate does not screen: off unless asked for.
  const screen = options.screenMovingRanges === true;
  let sigmaConstant: SigmaConstant = "d2";
  if (options.sigmaConstant !== undefined) {
    if (options.sigmaConstant !== "d2" && options.sigmaConstant !== E2) throw new QiError("invalid-option", ["options", "sigmaConstant"], `sigmaConstant must be "d2" (σ = AMR/1.128) or 2.66, not ${describeValue(options.sigmaConstant)}`);
    sigmaConstant = options.sigmaConstant;
  }
  const target = options.target === undefined || options.target === null ? null : (options.target as number);

  return { direction, rules, screen, sigmaConstant, target };
}

/**
 * Consecutive points beyond on the same side make one signal (a sum stays beyond h while the
 * shift lasts); its message names the first point, its points list every one. Each side is grouped
 * on its own: both CUSUM sums can be beyond at once (`found` then holds (i, +1), (i, −1) in turn),
 * and a run on one side does not end because the other side signals too. The phase's signals are
 * then in the engine's order (first point, then last point; engine/signals.ts `sortSignals`), upper
 * before lower on a tie.
 */
function groupSignals(found: readonly (readonly [number, 1 | -1])[], k: number, ruleBits: Uint16Array, signals: ControlChartSignal[], describe: (i: number, end: number, side: 1 | -1) => { a: ControlChartSignal["assessment"]; message: string }): void {
  const bit = CONTROL_RULE_MASK.bit("beyond-limits");
  const phaseSignals: ControlChartSignal[] = [];
  for (const side of [1, -1] as const) {
    for (const points of consecutiveRuns(found, side)) {
      for (const i of points) ruleBits[i] = bit;
      const start = points[0]!;
      const end = points[points.length - 1]!;
      const { a, message } = describe(start, end, side);
      phaseSignals.push({ rule: "beyond-limits", phase: k, start, end, points, side: side === 1 ? "above" : "below", assessment: a, message });
    }
  }
  sortSignals(phaseSignals);
  signals.push(...phaseSignals);
}

/** The points of `found` on `side`, split where the next point on that side is not the next index. */
function consecutiveRuns(found: readonly (readonly [number, 1 | -1])[], side: 1 | -1): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const [i, s] of found) {
    if (s !== side) continue;
    if (run.length > 0 && i !== run[run.length - 1]! + 1) {
      runs.push(run);
      run = [];
    }
    run.push(i);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function signalMessage(type: "cusum" | "ewma", at: string, until: string | null, side: 1 | -1, lines: Lines, i: number, params: ChartParameters, a: string): string {
  const verdict = a === "improvement" ? ", an improvement" : a === "deterioration" ? ", a deterioration" : "";
  const still = until === null ? "" : ` (and stays beyond it to ${until})`;
  // Both numbers with the digits that tell them apart (formatApart), a negative one with the
  // hyphen-minus every number of a message has ("-6.03 … -4", not "-6.03 … −4").
  if (type === "cusum") {
    const [sum, h] = formatApart(side === 1 ? lines.upper![i]! : lines.lower![i]!, side * params.decisionInterval!);
    return `At ${at} the ${side === 1 ? "upper" : "lower"} CUSUM (${sum}) is beyond the decision interval ${h}${still}: a sustained shift ${side === 1 ? "up" : "down"}${verdict}.`;
  }
  const [ewma, limit] = formatApart(lines.y[i]!, side === 1 ? lines.ucl[i]! : lines.lcl[i]!);
  return `At ${at} the EWMA (${ewma}) is ${side === 1 ? "above the upper" : "below the lower"} control limit ${limit}${still}: a sustained shift ${side === 1 ? "up" : "down"}${verdict}.`;
}

function count(a: Uint8Array, start: number, end: number): number {
  let c = 0;
  for (let i = start; i <= end; i++) c += a[i]!;
  return c;
}

function average(a: Float64Array, start: number, end: number): number | null {
  let sum = 0;
  let c = 0;
  for (let i = start; i <= end; i++) {
    if (Number.isFinite(a[i]!)) {
      sum += a[i]!;
      c++;
    }
  }
  return c === 0 ? null : sum / c;
}

interface State {
  s: ReturnType<typeof readSeries>;
  stat: Float64Array;
  sizes: Float64Array;
  lines: Lines;
  base: Uint8Array;
  excluded: Uint8Array;
  active: Uint8Array;
  ruleBits: Uint16Array;
  phases: ControlChartPhase[];
}

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

function pointsOf(st: State): ControlChartPoint[] {
  const { s, stat, sizes, lines, base, excluded, active, ruleBits, phases } = st;
  const points: ControlChartPoint[] = new Array(s.n);
  for (const [k, p] of phases.entries()) {
    for (let i = p.start; i <= p.end; i++) {
      const point: ControlChartPoint = {
        index: i, x: s.x[i] as XValue, y: orNull(lines.y[i]!), value: s.mean.length > 0 ? null : orNull(stat[i]!), n: sizes.length > 0 ? orNull(sizes[i]!) : null,
        centre: orNull(lines.centre[i]!), ucl: orNull(lines.ucl[i]!), lcl: orNull(lines.lcl[i]!), ucl2: null, lcl2: null, phase: k,
        baseline: base[i] === 1 && !Number.isNaN(stat[i]!), excluded: excluded[i] === 1, useful: active[i] === 1 && lines.y[i] !== lines.centre[i],
        signals: CONTROL_RULE_MASK.list(ruleBits[i]!), variation: null, label: null,
      };
      if (lines.upper !== null) {
        point.upper = orNull(lines.upper[i]!);
        point.lower = orNull(lines.lower![i]!);
      }
      if (s.notes !== null) point.note = s.notes[i];
      points[i] = point;
    }
  }
  return points;
}

function columnsOf(st: State): ControlChartColumnar["columns"] {
  const { s, stat, sizes, lines, base, excluded, active, ruleBits, phases } = st;
  const n = s.n;
  const baseline = new Uint8Array(n);
  const useful = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    baseline[i] = base[i] === 1 && !Number.isNaN(stat[i]!) ? 1 : 0;
    useful[i] = active[i] === 1 && lines.y[i] !== lines.centre[i] ? 1 : 0;
  }
  const nan = new Float64Array(n).fill(Number.NaN);
  const columns: ControlChartColumnar["columns"] = {
    length: n,
    x: s.kind === "date" || s.x instanceof Float64Array ? s.x : Float64Array.from(s.x as number[]),
    y: lines.y, value: s.mean.length > 0 ? null : stat, n: sizes.length > 0 ? sizes : null,
    centre: lines.centre, ucl: lines.ucl, lcl: lines.lcl, ucl2: nan, lcl2: nan.slice(),
    phase: phaseColumn(phases, n), baseline, excluded, useful, signals: ruleBits, variation: null, label: null,
  };
  if (lines.upper !== null) {
    columns.upper = lines.upper;
    columns.lower = lines.lower!;
  }
  if (s.notes !== null) columns.note = s.notes;
  return columns;
}
