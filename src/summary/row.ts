import { medianInPlace } from "../_lib/median.js";
import { formatNumber } from "../engine/messages.js";
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

/**
 * Where the special cause a row reports starts. With a Making Data Count icon: the first of the
 * unbroken stretch of points, up to the latest, with the latest point's variation. Otherwise the
 * first point of the latest signal (largest end; of those ending together, the earliest start) in
 * the current phase with the row's assessment.
 */
function sinceOf(item: Item, points: readonly PointLike[], last: number, category: SummaryCategory, variation: Variation | null): { x: unknown; label: string; index: number } | null {
  if (last < 0) return null;
  if (variation !== null && variation !== "common-cause") {
    let j = last;
    while (j > 0 && points[j - 1]!.phase === points[last]!.phase && (points[j - 1]!.variation === variation || points[j - 1]!.y === null)) j--;
    while (points[j]!.y === null) j++;
    return { x: points[j]!.x, label: xLabel(points[j]!.x), index: j };
  }
  const want = ASSESSMENT[category];
  if (want === undefined) return null;
  const current = item.chart.phases.length - 1;
  let best: { start: number; end: number } | null = null;
  for (const s of item.chart.signals) {
    if (s.phase !== current || s.assessment !== want) continue;
    if (best === null || s.end > best.end || (s.end === best.end && s.start < best.start)) best = s;
  }
  if (best === null || points[best.start] === undefined) return null;
  return { x: points[best.start]!.x, label: xLabel(points[best.start]!.x), index: best.start };
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
function readingOf(category: SummaryCategory, since: SummaryRow["since"], assurance: Assurance | null, target: number | null, unit: string, centre: number | null, control: boolean, direction: string, recent: number | null): string {
  const when = since === null ? "" : ` since ${since.label}`;
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
    else if (!control && recent !== null && since !== null && direction !== "neutral") {
      const meets = direction === "increase" ? recent >= target : recent <= target;
      parts.push(`the median since ${since.label} (${targetText(recent, unit)}) ${meets ? "meets" : "does not meet"} the target of ${t}`);
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
  const found = sinceOf(item, points, last, category, variation);
  const since = found === null ? null : { x: found.x, label: found.label };
  const recent = found === null || control !== null ? null : medianSince(points, found.index, last);
  return {
    measure: item.name,
    group: item.group,
    chart: control !== null ? control.type : "run",
    rules: chart.settings.rules.preset,
    direction,
    latest: last < 0 ? null : { x: points[last]!.x, y: points[last]!.y!, label: xLabel(points[last]!.x) },
    target: item.target,
    centre,
    variation,
    assurance,
    verdict,
    category,
    since,
    reading: readingOf(category, since, assurance, item.target, item.unit, centre, control !== null, direction, recent),
  };
}
