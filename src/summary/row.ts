import { medianInPlace } from "../_lib/median.js";
import { formatNumber } from "../engine/messages.js";
import type { XPeriod } from "../engine/types.js";
import { summariseVerdict } from "../project/verdict.js";
import { assuranceOf } from "../spc/mdc.js";
import type { Assurance, ControlChart, Variation } from "../spc/types.js";
import { categoryOf } from "./category.js";
import type { Item } from "./normalise.js";
import type { SummaryCategory, SummaryRow } from "./types.js";
import { xLabel } from "./xLabel.js";

interface PointLike {
  x: unknown;
  y: number | null;
  phase: number;
  variation?: Variation | null;
  ucl?: number | null;
  lcl?: number | null;
}

const ASSESSMENT: Partial<Record<SummaryCategory, string>> = { concern: "deterioration", improvement: "improvement", neutral: "neutral" };

/** Where the special cause a row reports is: going on since `since`, or over (`lastSignal`). */
interface SignalTime {
  /** The first point of a special cause still going on at the latest point. */
  since: { x: unknown; label: string; index: number } | null;
  /** The latest special cause when it ended before the latest point: its first and last points. */
  lastSignal: { from: { x: unknown; label: string }; to: { x: unknown; label: string }; index: number } | null;
}

const NO_TIME: SignalTime = { since: null, lastSignal: null };

function at(points: readonly PointLike[], i: number, period: XPeriod | null): { x: unknown; label: string } {
  return { x: points[i]!.x, label: xLabel(points[i]!.x, period) };
}

/**
 * When the special cause a row reports is. "Since" is said only of a signal still going on at the
 * latest point, as a board reads it. With a Making Data Count icon (the latest point's variation):
 * since the first of the unbroken stretch of points, up to the latest, with that variation.
 * Otherwise, of the current phase's signals with the row's assessment that mark points (a
 * whole-phase runs verdict — too few runs or crossings — marks none and says nothing of when):
 * since the earliest start of those that reach the latest point; if none does, the latest of
 * them (largest end; of those ending together, the earliest start) is the `lastSignal`.
 */
function timeOf(item: Item, points: readonly PointLike[], last: number, category: SummaryCategory, variation: Variation | null, period: XPeriod | null): SignalTime {
  if (last < 0) return NO_TIME;
  if (variation !== null && variation !== "common-cause") {
    let j = last;
    while (j > 0 && points[j - 1]!.phase === points[last]!.phase && (points[j - 1]!.variation === variation || points[j - 1]!.y === null)) j--;
    while (points[j]!.y === null) j++;
    return { since: { ...at(points, j, period), index: j }, lastSignal: null };
  }
  const want = ASSESSMENT[category];
  if (want === undefined) return NO_TIME;
  const current = item.chart.phases.length - 1;
  let best: { start: number; end: number } | null = null;
  for (const s of item.chart.signals) {
    if (s.phase !== current || s.assessment !== want || s.points.length === 0 || points[s.start] === undefined || points[s.end] === undefined) continue;
    if (best === null || s.end > best.end || (s.end === best.end && s.start < best.start)) best = s;
  }
  if (best === null) return NO_TIME;
  if (best.end >= last) return { since: { ...at(points, best.start, period), index: best.start }, lastSignal: null };
  return { since: null, lastSignal: { from: at(points, best.start, period), to: at(points, best.end, period), index: best.start } };
}

/** "Mar–Nov 2024" (months of one year), "Aug 2023–Feb 2024", "6 May 2024" (one point). */
function spanLabel(from: string, to: string): string {
  if (from === to) return from;
  const a = /^([A-Z][a-z]{2}) (\d{4})$/.exec(from);
  const b = /^([A-Z][a-z]{2}) (\d{4})$/.exec(to);
  return a !== null && b !== null && a[2] === b[2] ? `${a[1]}–${to}` : `${from}–${to}`;
}

/**
 * The median of the values from `from` to `last`: after a special cause the phase's centre (often
 * a frozen baseline) no longer describes the process, so a run chart's row compares the median
 * since the signal began with the target instead.
 */
function medianSince(points: readonly PointLike[], from: number, last: number): number | null {
  const v = new Float64Array(last - from + 1);
  let m = 0;
  for (let i = from; i <= last; i++) if (points[i]!.y !== null && Number.isFinite(points[i]!.y)) v[m++] = points[i]!.y!;
  return m === 0 ? null : medianInPlace(v, m);
}

function targetText(t: number, unit: string): string {
  return `${formatNumber(t)}${unit === "" ? "" : unit === "%" ? " %" : ` ${unit}`}`;
}

/** The one-line reading of a row. */
function readingOf(category: SummaryCategory, since: SummaryRow["since"], lastSignal: SummaryRow["lastSignal"], assurance: Assurance | null, target: number | null, unit: string, centre: number | null, control: boolean, direction: string, recent: number | null): string {
  const when = since !== null ? ` since ${since.label}` : lastSignal !== null ? `; last signal ${spanLabel(lastSignal.from.label, lastSignal.to.label)}` : "";
  const lead: Record<SummaryCategory, string> = {
    concern: `special cause concern${when}`,
    improvement: `special cause improvement${when}`,
    neutral: `special cause variation, neither better nor worse${when}`,
    "common-cause": "common cause variation, no signal",
    insufficient: "too few points for the rules",
  };
  const parts = [lead[category]];
  if (target !== null) {
    const t = targetText(target, unit);
    if (assurance === "pass") parts.push(`the target of ${t} is consistently met`);
    else if (assurance === "fail") parts.push(`the target of ${t} is consistently missed`);
    else if (assurance === "inconsistent") parts.push(`the target of ${t} will be met and missed at random`);
    else if (!control && recent !== null && (since ?? lastSignal?.from) != null && direction !== "neutral") {
      const meets = direction === "increase" ? recent >= target : recent <= target;
      parts.push(`the median since ${(since ?? lastSignal!.from).label} (${targetText(recent, unit)}) ${meets ? "meets" : "does not meet"} the target of ${t}`);
    } else if (!control && centre !== null && direction !== "neutral") {
      const meets = direction === "increase" ? centre >= target : centre <= target;
      parts.push(`the median (${targetText(centre, unit)}) ${meets ? "meets" : "does not meet"} the target of ${t}`);
    }
  }
  return parts.join("; ");
}

/** One summary row from a checked item. */
export function rowOf(item: Item): SummaryRow {
  const { chart } = item;
  const points = chart.points as readonly PointLike[];
  let last = points.length - 1;
  while (last >= 0 && points[last]!.y === null) last--;
  const phase = chart.phases[chart.phases.length - 1];
  const centre = phase?.centre ?? null;
  const control = item.control ? (chart as ControlChart) : null;
  const cPhase = control?.phases[control.phases.length - 1];
  const variation = cPhase?.variationIcon ?? null;
  const direction = chart.settings.direction;
  let assurance: Assurance | null = null;
  if (control !== null && item.target !== null) {
    if (item.target === control.settings.target && cPhase?.assuranceIcon !== undefined && cPhase.assuranceIcon !== null) assurance = cPhase.assuranceIcon;
    else if (last >= 0) {
      const p = points[last]!;
      if (typeof p.ucl === "number" && typeof p.lcl === "number") assurance = assuranceOf(item.target, p.ucl, p.lcl, direction);
    }
  }
  const verdict = summariseVerdict(chart as Parameters<typeof summariseVerdict>[0]);
  const category = categoryOf(variation, verdict.kind);
  const period = chart.settings.period ?? null;
  const time = timeOf(item, points, last, category, variation, period);
  const since = time.since === null ? null : { x: time.since.x, label: time.since.label };
  const lastSignal = time.lastSignal === null ? null : { from: time.lastSignal.from, to: time.lastSignal.to };
  const from = time.since?.index ?? time.lastSignal?.index;
  const recent = from === undefined || control !== null ? null : medianSince(points, from, last);
  return {
    measure: item.name,
    group: item.group,
    chart: control !== null ? control.type : "run",
    rules: chart.settings.rules.preset,
    direction,
    latest: last < 0 ? null : { x: points[last]!.x, y: points[last]!.y!, label: xLabel(points[last]!.x, period) },
    target: item.target,
    centre,
    variation,
    assurance,
    verdict,
    category,
    since,
    lastSignal,
    reading: readingOf(category, since, lastSignal, assurance, item.target, item.unit, centre, control !== null, direction, recent),
  };
}
