import { formatNumber } from "../engine/messages.js";
import type { Direction } from "../engine/types.js";
import { xLabel } from "../summary/xLabel.js";
import { assuranceOf } from "./mdc.js";
import type { Assurance, ControlChart, ControlChartColumnar, ControlChartType } from "./types.js";

// What the Making Data Count assurance icon rests on, beyond the icon itself. The icon follows
// NHSRplotthedots (`ptd_calculate_assurance_type`): the target against the process limits of the
// phase's last point. Two things a reader must be told, because the icon alone would mislead (user
// trial 16: "consistently failing the target 80 … will not meet it without a change" while 6 of the
// 16 months since the change were at or above 80):
// - limits that vary within the phase (p, u, x̄ … charts with varying n): the icon speaks of the
//   latest point's limits only; other points' limits may put the target elsewhere;
// - limits fixed from a baseline before a sustained shift that is still going on at the latest
//   point: they describe the process before the change. Making Data Count (NHS England 2019,
//   "Making Data Count: Getting started", recalculating limits) recalculates the limits after a
//   sustained shift, so the target is judged against the new process, not the old one.

/** A chart in either form, as far as the assurance basis reads it. */
export type AssuranceChart = Pick<ControlChart, "phases" | "settings" | "signals"> & {
  type?: ControlChartType;
  points?: ControlChart["points"];
  columns?: ControlChartColumnar["columns"];
};

/** @internal The limits of the other points of the phase, where the target's place differs from the latest point's. */
export interface OtherLimits {
  /** The icon those points' limits would give. */
  assurance: Assurance;
  /** How many points (with a value). */
  count: number;
  /** Their smallest and largest n; null when the chart has no n. */
  nMin: number | null;
  nMax: number | null;
  /** The range of their limit on the target's side. */
  limitMin: number;
  limitMax: number;
}

/**
 * @internal The other points of {@link OtherLimits} as the assurance sentence and the board's
 * reading name them: "the 24 points with n from 8 to 25", "the point with n = 9", "the 3 points".
 */
export function otherPointsText(o: OtherLimits): string {
  const n = o.nMin === null || o.nMax === null ? "" : o.nMin === o.nMax ? ` with n = ${formatNumber(o.nMin)}` : ` with n from ${formatNumber(o.nMin)} to ${formatNumber(o.nMax)}`;
  return `${o.count === 1 ? "the point" : `the ${formatNumber(o.count)} points`}${n}`;
}

/** @internal What the assurance icon rests on. */
export interface AssuranceBasis {
  /** Limits that vary within the last phase: the latest point's and what the others say; null when constant. */
  varying: null | {
    lcl: number;
    ucl: number;
    n: number | null;
    /** The limit on the target's side (upper when the target is at or above the centre). */
    side: "upper" | "lower";
    /** The other points whose limits put the target elsewhere; null when every point agrees with the latest. */
    other: OtherLimits | null;
    /** When every point agrees: the range of the limit on the target's side over the phase. */
    range: { min: number; max: number };
  };
  /**
   * The limits were fixed from a baseline that ended before the latest point, and the latest point
   * (its variation an improvement or a concern) is part of a shift that goes on past the baseline:
   * the limits describe the process before the change. Labels of the baseline's last point and the
   * shift's first; `since` its index.
   */
  beforeChange: null | { baselineEnd: string; since: string; sinceIndex: number; side: "above" | "below" };
}

interface Reader {
  ucl(i: number): number;
  lcl(i: number): number;
  n(i: number): number;
  y(i: number): number;
  x(i: number): unknown;
  variation(i: number): unknown;
}

const num = (v: unknown): number => (typeof v === "number" ? v : Number.NaN);

function readerOf(chart: AssuranceChart): Reader | null {
  if (chart.points !== undefined) {
    const p = chart.points;
    return { ucl: (i) => num(p[i]?.ucl), lcl: (i) => num(p[i]?.lcl), n: (i) => num(p[i]?.n), y: (i) => num(p[i]?.y), x: (i) => p[i]?.x, variation: (i) => p[i]?.variation ?? null };
  }
  const c = chart.columns;
  if (c === undefined) return null;
  return {
    ucl: (i) => num(c.ucl[i]),
    lcl: (i) => num(c.lcl[i]),
    n: (i) => (c.n === null ? Number.NaN : num(c.n[i])),
    y: (i) => num(c.y[i]),
    x: (i) => c.x[i],
    variation: (i) => c.variation?.[i] ?? null,
  };
}

/**
 * @internal The basis of the assurance of `target` at point `at` of the last phase (the point whose
 * limits the icon compares the target with: the phase's last point, as NHSRplotthedots). Null when
 * there is no target, no direction, no last phase with a centre, or no finite limits at `at`.
 */
export function assuranceBasis(chart: AssuranceChart, target: number | null, at?: number): AssuranceBasis | null {
  const k = chart.phases.length - 1;
  const phase = chart.phases[k];
  const direction: Direction = chart.settings.direction;
  const read = readerOf(chart);
  if (target === null || direction === "neutral" || phase === undefined || phase.centre === null || read === null) return null;
  const i = at ?? phase.end;
  if (!Number.isFinite(read.ucl(i)) || !Number.isFinite(read.lcl(i))) return null;
  return { varying: varyingLimits(read, phase, i, target, direction), beforeChange: beforeChange(chart, read, k) };
}

/** The latest point's limits and the other points' (with a value) when they vary within the phase (as summariseControlChart decides "varying": the numbers as printed differ). */
function varyingLimits(read: Reader, phase: { start: number; end: number; centre: number | null }, at: number, target: number, direction: Direction): AssuranceBasis["varying"] {
  const side = target >= phase.centre! ? "upper" : "lower";
  const limit = (i: number): number => (side === "upper" ? read.ucl(i) : read.lcl(i));
  const own = assuranceOf(target, read.ucl(at), read.lcl(at), direction);
  const u = formatNumber(read.ucl(at));
  const l = formatNumber(read.lcl(at));
  let varies = false;
  let min = limit(at);
  let max = min;
  let other: OtherLimits | null = null;
  for (let i = phase.start; i <= phase.end; i++) {
    const ucl = read.ucl(i);
    const lcl = read.lcl(i);
    if (!Number.isFinite(ucl) || !Number.isFinite(lcl)) continue;
    if (formatNumber(ucl) !== u || formatNumber(lcl) !== l) varies = true;
    if (i === at || !Number.isFinite(read.y(i))) continue;
    const v = limit(i);
    if (v < min) min = v;
    if (v > max) max = v;
    const a = assuranceOf(target, ucl, lcl, direction);
    if (a === own) continue;
    const n = read.n(i);
    if (other === null) other = { assurance: a!, count: 0, nMin: null, nMax: null, limitMin: v, limitMax: v };
    other.count++;
    if (v < other.limitMin) other.limitMin = v;
    if (v > other.limitMax) other.limitMax = v;
    if (Number.isFinite(n)) {
      other.nMin = other.nMin === null ? n : Math.min(other.nMin, n);
      other.nMax = other.nMax === null ? n : Math.max(other.nMax, n);
    }
  }
  if (!varies) return null;
  const n = read.n(at);
  return { lcl: read.lcl(at), ucl: read.ucl(at), n: Number.isFinite(n) ? n : null, side, other, range: { min, max } };
}

/**
 * The limits describe the process before a change: the last phase's limits were fixed from a
 * baseline shorter than the phase, its variation icon is an improvement or a concern, the point
 * that icon is read from comes after the baseline, and it is part of a shift (a run on one side of
 * the centre, the sustained change after which Making Data Count recalculates the limits) with
 * that icon's assessment, going on past the baseline. A single point beyond the limits, or 2 of 3
 * near them, is not a sustained shift: the limits still stand.
 */
function beforeChange(chart: AssuranceChart, read: Reader, k: number): AssuranceBasis["beforeChange"] {
  const phase = chart.phases[k]!;
  const end = phase.baselineEnd;
  const icon = phase.variationIcon;
  if (end === null || end >= phase.end || (icon !== "improvement" && icon !== "concern")) return null;
  let latest = phase.end;
  while (latest > phase.start && read.variation(latest) === null) latest--;
  if (latest <= end) return null;
  const want = icon === "improvement" ? "improvement" : "deterioration";
  const shift = chart.signals.find((s) => s.phase === k && s.rule === "shift" && s.assessment === want && s.start <= latest && s.end >= latest && s.end > end);
  if (shift === undefined) return null;
  const period = chart.settings.period ?? null;
  return { baselineEnd: xLabel(read.x(end), period), since: xLabel(read.x(shift.start), period), sinceIndex: shift.start, side: shift.side ?? "above" };
}
