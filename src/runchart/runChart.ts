import { valueof, type Accessor } from "../_lib/accessor.js";
import { QiError, describeValue } from "../_lib/error.js";
import { medianOfScratch } from "../_lib/median.js";
import { checkKeys, enumOption, integerOption, numberOption, objectOption } from "../_lib/options.js";
import { channelName, firstDuplicate, readNumbers, readX, xValueAt, type XKind } from "../_lib/series.js";
import { analyseByGroup } from "../_lib/groups.js";
import { HEAP, createArena, type Arena } from "../_lib/arena.js";
import { exactRunsLimits } from "../_lib/runsDistribution.js";
import { findAstronomical } from "./astronomical.js";
import { combine, COMBINE, sharedXWarning } from "./combine.js";
import { checkFields } from "./fields.js";
import { anhoejVerdict } from "./anhoejVerdict.js";
import type { Required2 } from "./internal.js";
import {
  assess,
  astronomicalMessage,
  boxMessage,
  crossingsMessage,
  longRunMessage,
  pointLabeller,
  runsMessage,
  shiftMessage,
  trendMessage,
} from "./messages.js";
import { excludedMask, layoutPhases, phaseColumn } from "./phases.js";
import { resolveAstronomical, resolveRunRules } from "./presets.js";
import { rephaseSegments } from "./rephase.js";
import { RUN_RULE_MASK } from "./ruleBits.js";
import { runsStats } from "./runs.js";
import { findShifts } from "./shift.js";
import { findTrends } from "./trend.js";
import type {
  Direction,
  RephaseOption,
  RunChart,
  RunChartColumnar,
  RunChartColumnarGroup,
  RunChartColumns,
  RunChartGroup,
  RunChartOptions,
  RunChartPhase,
  RunChartPoint,
  RunChartSignal,
  RunChartWarning,
  RunRuleId,
  XValue,
} from "./types.js";

const OPTION_KEYS = ["x", "y", "n", "multiply", "target", "notes", "aggregate", "rules", "direction", "baseline", "phases", "exclude", "centre", "rephase", "astronomical", "by", "output"] as const;

/**
 * Analyse a run chart: the median per phase, and the rules that tell a real change from
 * random variation — by default the IHI rules as PACE teams used them (shift, trend, too few or
 * too many runs, astronomical points), or Anhøj's rules (`rules: "anhoej"`).
 *
 * `data` is an array of numbers or of rows read with `x` and `y` (field names or accessors).
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
export function runChart<T>(data: readonly T[], options: RunChartOptions<T> & { output: "columns" }): RunChartColumnar;
export function runChart<T>(data: readonly T[], options?: RunChartOptions<T>): RunChart;
export function runChart<T>(data: readonly T[], options: RunChartOptions<T> = {}): RunChart | RunChartColumnar | RunChartGroup[] | RunChartColumnarGroup[] {
  const o = objectOption(options, ["options"]);
  checkKeys(o, OPTION_KEYS, ["options"], "option");
  if (!Array.isArray(data)) throw new QiError("invalid-value", ["data"], `data must be an array of numbers or rows, not ${describeValue(data)}`);
  checkFields(data, { x: o.x, y: o.y, n: o.n, notes: o.notes, by: o.by });
  if (options.by !== undefined) return analyseByGroup(data, options, "runChart", analyse) as RunChartGroup[] | RunChartColumnarGroup[];
  return analyse(data, options);
}

/** The series after ordering by x and combining duplicate x values. */
interface Points {
  n: number;
  kind: XKind;
  /** x of each point; null when `xKeys` holds them (numbers) or for the observation number (i + 1). */
  x: XValue[] | null;
  /** Numeric x of each point, in the arena (one row per point, already in order); else null. */
  xKeys: Float64Array | null;
  days: Float64Array | null;
  y: Float64Array;
  notes: unknown[] | null;
}

/**
 * `keep` allocates the y array (a column of a columnar result); `arena` everything else.
 *
 * With `n`, each point is y / n, as qicharts2 plots a run chart with a denominator; rows that
 * share an x give Σy / Σn (qicharts2 0.8.1 `qic.agg`: `y.sum / n` when n is given, `agg.fun`
 * otherwise). Without `n`, rows that share an x are combined by `aggregate`; either way a
 * `rows-combined` warning says how many and how.
 */
function readPoints<T>(data: readonly T[], options: RunChartOptions<T>, arena: Arena, keep: Arena, warnings: RunChartWarning[]): Points {
  if (data.length === 0) throw new QiError("empty-data", ["data"], "runChart needs at least one row");
  const xt = readX(data, options.x, arena);
  const yRow = readNumbers(data, options.y, "y", true, options.n === undefined ? keep : arena);
  const nRow = options.n === undefined ? null : readDenominators(data, options.n, yRow, arena);
  const noteOf = options.notes === undefined ? null : valueof(options.notes, "notes");
  const groups = xt.groupStarts.length - 1;
  const identity = xt.simple;
  const aggregate = options.aggregate === undefined ? undefined : enumOption(options.aggregate, COMBINE, ["options", "aggregate"]);
  if (nRow !== null && aggregate !== undefined && aggregate !== "sum") {
    throw new QiError("invalid-option", ["options", "aggregate"], `with n, rows that share an x are combined as Σy / Σn (as qicharts2): aggregate must be "sum" or left out, not "${aggregate}"`);
  }
  const duplicate = aggregate === undefined && nRow === null ? firstDuplicate(xt) : null;
  if (duplicate !== null) {
    const [a, b] = duplicate;
    throw new QiError(
      "duplicate-x",
      ["data", b, channelName(options.x, "x")],
      `rows ${a} and ${b} have the same x (${describeValue(xValueAt(xt, a))}); give aggregate: "mean", "median", "sum", "count" or "sd" to combine them`,
    );
  }
  const shared = sharedXWarning(xt, nRow !== null ? "ratio" : aggregate ?? "mean", nRow !== null ? "as qicharts2 with a denominator" : `aggregate: "${aggregate}"`);
  if (shared !== null) warnings.push(shared);
  if (identity && noteOf === null && (aggregate === undefined || aggregate === "sum" || aggregate === "mean" || aggregate === "median")) {
    // Already in strictly increasing x order: nothing to reorder or combine (a single value's
    // count is 1 and its sd NaN, so those still go the long way).
    const y = nRow === null ? yRow : ratio(yRow, nRow, keep.f64(groups));
    return { n: groups, kind: xt.kind, x: xt.values === null ? null : (xt.values as XValue[]), xKeys: xt.kind === "number" ? xt.keys : null, days: xt.days, y, notes: null };
  }
  const x: XValue[] = new Array(groups);
  const days = xt.days === null ? null : arena.f64(groups);
  const y = keep.f64(groups);
  const notes = noteOf === null ? null : new Array<unknown>(groups);
  const scratch = arena.f64(Math.max(1, xt.length));
  for (let g = 0; g < groups; g++) {
    const from = xt.groupStarts[g]!;
    const to = xt.groupStarts[g + 1]!;
    const first = xt.order[from]!;
    x[g] = xt.kind === "index" ? g + 1 : xValueAt(xt, first);
    if (days !== null) days[g] = xt.days![first]!;
    if (notes !== null) {
      let note: unknown = undefined;
      for (let j = from; j < to && (note === undefined || note === null || note === ""); j++) note = noteOf!(data[xt.order[j]!]!, xt.order[j]!, data);
      notes[g] = note;
    }
    let m = 0;
    let den = 0;
    for (let j = from; j < to; j++) {
      const r = xt.order[j]!;
      const v = yRow[r]!;
      if (Number.isNaN(v)) continue;
      scratch[m++] = v;
      if (nRow !== null) den += nRow[r]!;
    }
    if (nRow !== null) y[g] = m === 0 ? Number.NaN : combine(scratch, m, "sum") / den;
    else y[g] = combine(scratch, m, aggregate ?? "mean");
  }
  return { n: groups, kind: xt.kind, x, xKeys: null, days, y, notes };
}

/**
 * The denominators of a run chart with `n`: every row with a value needs a denominator above 0
 * (as a control chart's p and u rows); a row without a value may have none.
 */
function readDenominators<T>(data: readonly T[], channel: Accessor<T, unknown>, y: Float64Array, arena: Arena): Float64Array {
  const n = readNumbers(data, channel, "n", true, arena);
  const name = channelName(channel, "n");
  for (let r = 0; r < n.length; r++) {
    const v = y[r]!;
    const d = n[r]!;
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(d)) throw new QiError("invalid-denominator", ["data", r, name], `row ${r} has a value (${v}) but no denominator n`);
    if (!(d > 0)) throw new QiError("invalid-denominator", ["data", r, name], `denominators must be greater than 0; row ${r} has n = ${d}`);
  }
  return n;
}

/** out[i] = y[i] / n[i]. */
function ratio(y: Float64Array, n: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = y[i]! / n[i]!;
  return out;
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

/** A phase as analysed: its range, the points that set its centre, and where it came from. */
interface FinalPhase {
  start: number;
  end: number;
  baselineStart: number | null;
  baselineEnd: number | null;
  origin: "data" | "phase" | "rephase";
  centre: number | null;
}

function analyse<T>(data: readonly T[], options: RunChartOptions<T>): RunChart | RunChartColumnar {
  // One buffer for every typed array of the analysis (see _lib/arena.ts); none reaches the result.
  const arena = createArena(Math.max(0, Array.isArray(data) ? data.length : 0) * 80 + 64);
  try {
    return analyseWith(data, options, arena);
  } finally {
    arena.release();
  }
}

function analyseWith<T>(data: readonly T[], options: RunChartOptions<T>, arena: Arena): RunChart | RunChartColumnar {
  const columnar = options.output === undefined ? false : enumOption(options.output, ["points", "columns"] as const, ["options", "output"]) === "columns";
  const direction: Direction = options.direction === undefined ? "neutral" : enumOption(options.direction, ["increase", "decrease", "neutral"] as const, ["options", "direction"]);
  const rules = resolveRunRules(options.rules);
  // Columnar output keeps y and the exclusions as columns: they are allocated for the result.
  const keep = columnar ? HEAP : arena;
  const multiply = options.multiply === undefined ? 1 : numberOption(options.multiply, ["options", "multiply"], (v) => v > 0, "a positive number");
  const target = options.target === undefined || options.target === null ? null : numberOption(options.target, ["options", "target"], () => true, "a finite number");
  const warnings: RunChartWarning[] = [];
  const pts = readPoints(data, options, arena, keep, warnings);
  const { n, y } = pts;
  // multiply scales the plotted values (100 for per cent, 1000 per 1,000 days), as qicharts2's
  // `multiply`; the median and every rule are the same on either scale.
  if (multiply !== 1) scaleValues(y, n, multiply);
  const astronomical = resolveAstronomical(options.astronomical, rules.preset, n);
  const rephase = resolveRephase(options.rephase);

  const excluded = excludedMask(n, options.exclude, keep);
  const active = arena.u8(n);
  const missing: number[] = [];
  const nActive = markActive(y, n, excluded, active, missing);
  if (missing.length === n) throw new QiError("all-missing", ["data"], "every y value is missing: there is nothing to chart");
  if (nActive === 0) throw new QiError("all-missing", ["options", "exclude"], "every point with a value is excluded: there is nothing to analyse");

  const layout = layoutPhases({ n, kind: pts.kind, days: pts.days }, options.phases, options.baseline, options.centre, warnings);
  if (rephase !== null && layout.some((p) => p.centre !== null)) {
    throw new QiError("invalid-option", ["options", "rephase"], "rephase computes its own medians; it cannot be combined with a fixed centre");
  }
  if (missing.length > 0) {
    warnings.push({
      code: "missing-values",
      message: `${missing.length} point${missing.length === 1 ? " has" : "s have"} no value; ${missing.length === 1 ? "it is" : "they are"} drawn as a gap and skipped by the rules.`,
      points: missing,
    });
  }

  const scratch = arena.f64(n);
  const phases: FinalPhase[] = [];
  layout.forEach((p, k) => {
    const origin = k === 0 ? "data" : "phase";
    if (rephase !== null) {
      const segments = rephaseSegments(y, active, p.start, p.end, rephase, scratch);
      if (segments !== null) {
        segments.forEach((s, j) => {
          phases.push({
            start: s.start,
            end: j + 1 < segments.length ? segments[j + 1]!.start - 1 : p.end,
            baselineStart: s.baselineStart,
            baselineEnd: s.baselineEnd,
            origin: j === 0 ? origin : "rephase",
            centre: s.centre,
          });
        });
        return;
      }
      warnings.push({
        code: "rephase-too-short",
        phase: phases.length,
        message: `Phase ${phases.length + 1} has fewer than the ${rephase.baselinePoints} values re-phasing needs for its first median; its median uses all its points and it is not re-phased.`,
      });
      phases.push({ start: p.start, end: p.end, baselineStart: p.start, baselineEnd: p.end, origin, centre: null });
      return;
    }
    phases.push({ start: p.start, end: p.end, baselineStart: p.centre === null ? p.start : null, baselineEnd: p.centre === null ? p.baselineEnd : null, origin, centre: p.centre });
  });

  const label = pointLabeller(pts.kind, pts.x ?? pts.xKeys ?? [], pts.days);
  const centreName = layout.some((p) => p.centre !== null) ? "centre line" : "median";
  const signals: RunChartSignal[] = [];
  const phaseOut: RunChartPhase[] = [];
  // Columnar output keeps these arrays, so they are allocated for the result, not in the arena.
  const baselineMask = columnar ? new Uint8Array(n) : arena.u8(n);
  const centres = columnar ? new Float64Array(n) : arena.f64(n);
  const ruleBits = columnar ? new Uint8Array(n) : arena.u8(n);
  const mark = (rule: RunRuleId, points: readonly number[]): void => {
    const bit = RUN_RULE_MASK.bit(rule);
    for (const i of points) ruleBits[i]! |= bit;
  };

  phases.forEach((ph, k) => {
    let centre = ph.centre;
    // The baseline values, gathered in scratch for the median, serve the Tukey fences too.
    let prepared: { m: number; sorted: boolean } | null = null;
    if (ph.baselineStart !== null && ph.baselineEnd !== null) {
      const m = gatherBaseline(y, active, ph.baselineStart, ph.baselineEnd, scratch, baselineMask);
      if (centre === null && m > 0) {
        const r = medianOfScratch(scratch, m);
        centre = r.median;
        prepared = { m, sorted: r.sorted };
      }
    }
    centres.fill(centre ?? Number.NaN, ph.start, ph.end + 1);
    if (centre === null) {
      warnings.push({ code: "no-centre", phase: k, message: `Phase ${k + 1} has no values to set its centre; its rules are not applied.` });
      phaseOut.push({
        start: ph.start, end: ph.end, baselineStart: ph.baselineStart, baselineEnd: ph.baselineEnd, origin: ph.origin, centre: null,
        nObs: countNotExcluded(excluded, ph.start, ph.end), nUseful: 0, runs: 0, runsLimits: null, longestRun: 0, longestRunMax: null, crossings: 0, crossingsMin: null, signal: null,
      });
      return;
    }
    const stats = runsStats(y, active, ph.start, ph.end, centre);
    const nUseful = stats.nUseful;
    const nObs = countNotExcluded(excluded, ph.start, ph.end);

    // IHI rule 1 and 2: shifts and trends.
    if (rules.shift !== false) {
      for (const s of findShifts(y, active, ph.start, ph.end, centre, rules.shift)) {
        const a = assess(s.side, direction);
        signals.push({
          rule: "shift", phase: k, start: s.start, end: s.end, points: s.points, side: s.side === 1 ? "above" : "below", assessment: a,
          message: shiftMessage(label, s.points.length, s.side, s.start, s.end, centreName, a),
        });
        mark("shift", s.points);
      }
    }
    if (rules.trend !== false) {
      for (const t of findTrends(y, active, ph.start, ph.end, rules.trend)) {
        const a = assess(t.direction, direction);
        signals.push({
          rule: "trend", phase: k, start: t.start, end: t.end, points: t.points, counted: t.counted, direction: t.direction === 1 ? "up" : "down", assessment: a,
          message: trendMessage(label, t.counted.length, t.direction, t.start, t.end, a),
        });
        mark("trend", t.points);
      }
    }

    // IHI rule 3: too few or too many runs.
    let runsLimits: RunChartPhase["runsLimits"] = null;
    let verdicts = 0;
    let signal = false;
    if (rules.runs !== false) {
      if (nUseful >= rules.runs.minUseful && nUseful >= 2) {
        runsLimits = exactRunsLimits(nUseful, rules.runs.alpha);
        verdicts++;
        if (stats.runs < runsLimits.lower || stats.runs > runsLimits.upper) {
          const few = stats.runs < runsLimits.lower;
          signal = true;
          signals.push({
            rule: few ? "too-few-runs" : "too-many-runs", phase: k, start: ph.start, end: ph.end, points: [], assessment: "neutral",
            message: runsMessage(few ? "too-few" : "too-many", stats.runs, nUseful, few ? runsLimits.lower : runsLimits.upper),
          });
        }
      } else {
        warnings.push({
          code: "too-few-useful",
          phase: k,
          message: `Phase ${k + 1} has ${nUseful} useful observation${nUseful === 1 ? "" : "s"}; the runs rule needs at least ${Math.max(2, rules.runs.minUseful)}, so it gives no verdict (insufficient data).`,
        });
      }
    }

    // Anhøj: longest run and crossings.
    const anhoej = nUseful >= 1 ? anhoejVerdict(nUseful, stats.longestRun, stats.crossings, rules.method) : null;
    if (anhoej !== null && (rules.longRun !== false || rules.crossings !== false)) {
      const longOn = rules.longRun !== false && nUseful >= rules.longRun.minUseful;
      const crossOn = rules.crossings !== false && nUseful >= rules.crossings.minUseful;
      if (longOn || crossOn) verdicts++;
      if (longOn && anhoej.longRun) {
        signal = true;
        const side = stats.longestRunSide === -1 ? -1 : 1;
        const a = assess(side, direction);
        const points: number[] = [];
        for (let i = stats.longestRunStart; i <= stats.longestRunEnd; i++) if (active[i] === 1 && y[i] !== centre) points.push(i);
        signals.push({
          rule: "long-run", phase: k, start: stats.longestRunStart, end: stats.longestRunEnd, points, side: side === 1 ? "above" : "below", assessment: a,
          message: longRunMessage(
            label,
            stats.longestRun,
            anhoej.box?.longestRunMax ?? anhoej.longestRunMax,
            side,
            stats.longestRunStart,
            stats.longestRunEnd,
            centreName,
            a,
            anhoej.box === null ? "Anhøj" : `Anhøj's ${anhoej.box.method === "bestbox" ? "best" : "cut"} box`,
          ),
        });
        mark("long-run", points);
      }
      if (crossOn && anhoej.fewCrossings) {
        signal = true;
        signals.push({
          rule: "few-crossings", phase: k, start: ph.start, end: ph.end, points: [], assessment: "neutral",
          message:
            anhoej.box === null
              ? crossingsMessage(stats.crossings, anhoej.crossingsMin, nUseful, centreName)
              : boxMessage(anhoej.box.method as "bestbox" | "cutbox", stats.longestRun, stats.crossings, nUseful, centreName),
        });
      }
      if (!longOn && !crossOn) {
        warnings.push({ code: "too-few-useful", phase: k, message: `Phase ${k + 1} has ${nUseful} useful observations, too few for Anhøj's rules; they give no verdict (insufficient data).` });
      }
    }

    // Astronomical points.
    if (astronomical !== false) {
      const from = ph.baselineStart ?? ph.start;
      const to = ph.baselineEnd ?? ph.end;
      const found = findAstronomical(y, active, ph.start, ph.end, from, to, centre, astronomical, scratch, prepared);
      if (Array.isArray(found)) {
        for (const f of found) {
          const a = assess(f.side, direction);
          signals.push({
            rule: "astronomical", phase: k, start: f.index, end: f.index, points: [f.index], side: f.side === 1 ? "above" : "below", assessment: a,
            message: astronomicalMessage(label, f.index, y[f.index]!, f.side, f.limit, astronomical, a),
          });
          mark("astronomical", [f.index]);
        }
      } else {
        warnings.push({ code: "astronomical-skipped", phase: k, message: `Astronomical points were not looked for in phase ${k + 1}: ${found.reason}.` });
      }
    }

    phaseOut.push({
      start: ph.start,
      end: ph.end,
      baselineStart: ph.baselineStart,
      baselineEnd: ph.baselineEnd,
      origin: ph.origin,
      centre,
      nObs,
      nUseful,
      runs: stats.runs,
      runsLimits,
      longestRun: stats.longestRun,
      longestRunMax: anhoej?.longestRunMax ?? null,
      crossings: stats.crossings,
      crossingsMin: anhoej?.crossingsMin ?? null,
      signal: verdicts === 0 ? null : signal,
    });
  });

  signals.sort((a, b) => a.phase - b.phase || a.start - b.start || a.end - b.end);
  const settings = { rules, direction, astronomical, rephase, multiply, target };
  const state: PointState = { pts, phaseOut, centres, baselineMask, excluded, active, ruleBits };
  if (columnar) return { columns: buildColumns(state), phases: phaseOut, signals, warnings, settings };
  const points = buildPoints(state);
  return { points, phases: phaseOut, signals, warnings, settings };
}

/** What the per-point output is built from. */
interface PointState {
  pts: Points;
  phaseOut: readonly RunChartPhase[];
  centres: Float64Array;
  baselineMask: Uint8Array;
  excluded: Uint8Array;
  active: Uint8Array;
  ruleBits: Uint8Array;
}

/** The result's points, one object each. */
function buildPoints(state: PointState): RunChartPoint[] {
  const { pts, phaseOut, centres, baselineMask, excluded, active, ruleBits } = state;
  const { n, y } = pts;
  const points: RunChartPoint[] = new Array(n);
  let phase = 0;
  const notes = pts.notes;
  const xs = pts.x;
  const xKeys = pts.xKeys;
  for (let i = 0; i < n; i++) {
    while (i > phaseOut[phase]!.end) phase++;
    const v = y[i]!;
    const c = centres[i]!;
    const point: RunChartPoint = {
      index: i,
      x: xs !== null ? xs[i]! : xKeys !== null ? xKeys[i]! : i + 1,
      y: Number.isNaN(v) ? null : v,
      centre: Number.isNaN(c) ? null : c,
      phase,
      baseline: baselineMask[i] === 1,
      excluded: excluded[i] === 1,
      useful: active[i] === 1 && !Number.isNaN(c) && v !== c,
      signals: RUN_RULE_MASK.list(ruleBits[i]!),
    };
    if (notes !== null) point.note = notes[i];
    points[i] = point;
  }
  return points;
}

/** The result's points as columns: y, the exclusions, centres, baseline and rule bits were allocated for the result. */
function buildColumns(state: PointState): RunChartColumns {
  const { pts, phaseOut, centres, baselineMask, excluded, active, ruleBits } = state;
  const { n, y } = pts;
  const phase = phaseColumn(phaseOut, n);
  const useful = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = centres[i]!;
    const v = y[i]!;
    useful[i] = active[i] === 1 && !Number.isNaN(c) && v !== c ? 1 : 0;
  }
  let x: XValue[] | Float64Array;
  if (pts.kind === "date") x = pts.x!;
  else if (pts.xKeys !== null) x = Float64Array.from(pts.xKeys.subarray(0, n));
  else if (pts.x !== null) x = Float64Array.from(pts.x as number[]);
  else {
    x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = i + 1;
  }
  const columns: RunChartColumns = {
    length: n,
    x,
    y, // finite or NaN (readNumbers rejects ±Infinity); allocated for the result
    centre: centres,
    phase,
    baseline: baselineMask,
    excluded,
    useful,
    signals: ruleBits,
  };
  if (pts.notes !== null) columns.note = pts.notes;
  return columns;
}

// Loops over every point live in small functions of their own (as in spc/controlChart.ts): V8
// optimises each as a whole, where a loop inside the per-phase closure, which runs once per
// analysis, is compiled on the fly (OSR) and runs far slower on a long series.

/** Mark the points with a value that are not excluded; list the gaps. Returns the active count. */
function markActive(y: Float64Array, n: number, excluded: Uint8Array, active: Uint8Array, missing: number[]): number {
  let nActive = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(y[i]!)) missing.push(i);
    else if (excluded[i] === 0) {
      active[i] = 1;
      nActive++;
    }
  }
  return nActive;
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

/** As qicharts2's n.obs: the points of a phase that are not excluded, gaps included. */
function countNotExcluded(excluded: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i <= end; i++) n += 1 - excluded[i]!;
  return n;
}

/** y × multiply in place; a product too large for a number is an error rather than Infinity. */
function scaleValues(y: Float64Array, n: number, multiply: number): void {
  for (let i = 0; i < n; i++) {
    const v = y[i]! * multiply;
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      throw new QiError("out-of-range", ["options", "multiply"], `multiply ${multiply} makes point ${i + 1} (${y[i]}) too large to represent`);
    }
    y[i] = v;
  }
}
