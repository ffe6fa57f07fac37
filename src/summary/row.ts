import { medianInPlace } from "../_lib/median.js";
import { formatNumber } from "../engine/messages.js";
import type { XPeriod } from "../engine/types.js";
import { summariseVerdict, type Verdict } from "../project/verdict.js";
import { assuranceBasis, otherPointsText, type AssuranceBasis } from "../spc/assuranceBasis.js";
import { assuranceOf } from "../spc/mdc.js";
import { currentPhaseTooShort, tooFewPointsText } from "../spc/tooFew.js";
import type { Assurance, ControlChart, Variation } from "../spc/types.js";
import { categoryOf } from "./category.js";
import type { Item } from "./normalise.js";
import type { SummaryCategory, SummaryRow } from "./types.js";
import { observationNumbers, pointLabel } from "./xLabel.js";

interface PointLike {
  x: unknown;
  y: number | null;
  phase: number;
  excluded?: boolean;
  variation?: Variation | null;
  ucl?: number | null;
  lcl?: number | null;
}

const ASSESSMENT: Partial<Record<SummaryCategory, string>> = { concern: "deterioration", improvement: "improvement", neutral: "neutral" };

/** Where the special cause a row reports is: going on since `since`, or over (`lastSignal`). */
interface SignalTime {
  /** The first point of a special cause still going on at the latest point. */
  since: { x: unknown; label: string; index: number } | null;
  /** The latest special cause when it ended before the latest point: its first and last points (`index`, `end`). */
  lastSignal: { from: { x: unknown; label: string }; to: { x: unknown; label: string }; index: number; end: number } | null;
}

const NO_TIME: SignalTime = { since: null, lastSignal: null };

function at(points: readonly PointLike[], i: number, period: XPeriod | null): { x: unknown; label: string } {
  return { x: points[i]!.x, label: pointLabel(points[i]!.x, observationNumbers(points), period) };
}

/** The assessment of the signal a verdict rests on. */
const VERDICT_ASSESSMENT: Partial<Record<Verdict["kind"], string>> = { deterioration: "deterioration", improvement: "improvement", signal: "neutral" };

/**
 * When the special cause a row reports is. "Since" is said only of a signal still going on at the
 * latest point, as a board reads it. With a Making Data Count icon of special cause (the latest
 * point's variation): since the first of the unbroken stretch of points, up to the latest, with
 * that variation. With a common cause icon (the latest point is part of no pattern) while the
 * current phase has signals: the latest of them with the verdict's assessment that marks points is
 * the `lastSignal` (the icon says the latest point has no signal; the phase's signals are not
 * forgotten). Otherwise, of the current phase's signals with the row's assessment that mark
 * points (a whole-phase runs verdict — too few runs or crossings — marks none and says nothing of
 * when): since the earliest start of those that reach the latest point; if none does, the latest
 * of them is the `lastSignal`.
 */
function timeOf(item: Item, points: readonly PointLike[], last: number, category: SummaryCategory, variation: Variation | null, verdict: Verdict, period: XPeriod | null): SignalTime {
  if (last < 0) return NO_TIME;
  if (variation !== null && variation !== "common-cause") {
    let j = last;
    while (j > 0 && points[j - 1]!.phase === points[last]!.phase && (points[j - 1]!.variation === variation || points[j - 1]!.y === null)) j--;
    while (points[j]!.y === null) j++;
    return { since: { ...at(points, j, period), index: j }, lastSignal: null };
  }
  // A re-phase (summariseVerdict's rule "rephase"): the new level holds since the phase began.
  if (verdict.rule === "rephase") {
    const start = (item.chart.phases[item.chart.phases.length - 1] as { start: number }).start;
    return { since: { ...at(points, start, period), index: start }, lastSignal: null };
  }
  const iconSaysNone = variation === "common-cause";
  const want = iconSaysNone ? VERDICT_ASSESSMENT[verdict.kind] : ASSESSMENT[category];
  if (want === undefined) return NO_TIME;
  const best = latestSignal(item, points, want);
  if (best === null) return NO_TIME;
  if (best.end >= last && !iconSaysNone) return { since: { ...at(points, best.start, period), index: best.start }, lastSignal: null };
  return { since: null, lastSignal: { from: at(points, best.start, period), to: at(points, best.end, period), index: best.start, end: best.end } };
}

/** Of the current phase's signals with assessment `want` that mark points, the latest (largest end; of those ending together, the earliest start). */
function latestSignal(item: Item, points: readonly PointLike[], want: string): { start: number; end: number } | null {
  const current = item.chart.phases.length - 1;
  let best: { start: number; end: number } | null = null;
  for (const s of item.chart.signals) {
    if (s.phase !== current || s.assessment !== want || s.points.length === 0 || points[s.start] === undefined || points[s.end] === undefined) continue;
    if (best === null || s.end > best.end || (s.end === best.end && s.start < best.start)) best = s;
  }
  return best;
}

/** How many points after `end`, up to `last`, have a value: the points since a signal ended. */
function pointsAfter(points: readonly PointLike[], end: number, last: number): number {
  let n = 0;
  for (let i = end + 1; i <= last; i++) if (points[i]!.y !== null) n++;
  return n;
}

/**
 * "Dec 2022–Apr 2023, none since (13 points)": a signal that is over, with how long it has
 * been over. The row's category still rests on it (the current phase's latest signal: the rule of
 * {@link summariseVerdict}), so the reading says how old it is: a board scanning the category
 * column read "improvement" for a chart whose one signal had ended 13 months before its worst
 * latest points (user trial 14). No signal of improvement or concern ends in those points (the
 * verdict takes the latest-ending one).
 */
function lastSignalText(s: NonNullable<SummaryRow["lastSignal"]>, after: number): string {
  const span = spanLabel(s.from.label, s.to.label);
  return after === 0 ? span : `${span}, none since (${after} point${after === 1 ? "" : "s"})`;
}

/** "Mar–Nov 2024" (months of one year), "Aug 2023–Feb 2024", "6 May 2024" (one point), "points 13–22", "x = 22–31" (pointLabel). */
function spanLabel(from: string, to: string): string {
  if (from === to) return from;
  const numbered = /^(point|x =) (.+)$/;
  const n = numbered.exec(from);
  const m = numbered.exec(to);
  if (n !== null && m !== null && n[1] === m[1]) return `${n[1] === "point" ? "points" : "x ="} ${n[2]}–${m[2]}`;
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

/** What a row's reading is made of. */
interface ReadingFacts {
  category: SummaryCategory;
  since: SummaryRow["since"];
  lastSignal: SummaryRow["lastSignal"];
  /** The current phase's verdict: with a common cause icon, whether the phase had signals all the same. */
  verdict: Verdict;
  /** Why a row is "insufficient", in words (see {@link tooFewText}). */
  tooFew: string;
  assurance: Assurance | null;
  target: number | null;
  unit: string;
  centre: number | null;
  control: boolean;
  direction: string;
  recent: number | null;
  /** Points with a value after the last signal ended (`lastSignal`), up to the latest. */
  after: number;
  /** The assurance in words (assuranceReading: what the icon rests on said too); null without an icon or a target. */
  assuranceText: string | null;
}

const CAUSE_WORDS: Partial<Record<Verdict["kind"], string>> = { improvement: "special cause improvement", deterioration: "special cause concern", signal: "special cause variation, neither better nor worse" };

/**
 * The lead of a common cause row: "common cause variation, no signal", or — when the icon (the
 * latest point's variation) is common cause but the current phase has signals — both: "common
 * cause variation at the latest point; last signal: special cause improvement Apr 2023–Jun 2024".
 */
function commonCauseLead(f: ReadingFacts): string {
  if (f.verdict.signals === 0) return "common cause variation, no signal";
  const cause = CAUSE_WORDS[f.verdict.kind] ?? "special cause";
  if (f.lastSignal !== null) return `common cause variation at the latest point; last signal: ${cause} ${lastSignalText(f.lastSignal, f.after)}`;
  return `common cause variation at the latest point; ${cause} earlier in this phase`;
}

const ASSURANCE_WORDS: Record<Assurance, string> = { pass: "consistently met", fail: "consistently missed", inconsistent: "met and missed at random" };

/**
 * The assurance part of a reading: "the target of 80 % is consistently missed"; at the latest
 * point's limits when other points' limits (varying with n) put the target elsewhere; and when the
 * limits come from a baseline before a shift still going on, that they describe the process
 * before the change (assuranceBasis; Making Data Count recalculates limits after a sustained shift).
 */
function assuranceReading(assurance: Assurance, t: string, basis: AssuranceBasis | null): string {
  const before = basis?.beforeChange ?? null;
  if (before !== null) return `the target of ${t} is judged against limits from before the change (baseline up to ${before.baselineEnd}): start a new phase from ${before.since} to judge it against the new process`;
  const v = basis?.varying ?? null;
  if (v === null || v.other === null) return assurance === "inconsistent" ? `the target of ${t} will be met and missed at random` : `the target of ${t} is ${ASSURANCE_WORDS[assurance]}`;
  const o = v.other;
  const own = v.n === null ? "" : ` (n = ${formatNumber(v.n)})`;
  return `the target of ${t} is ${ASSURANCE_WORDS[assurance]} at the latest point's limits${own}, ${ASSURANCE_WORDS[o.assurance]} at those of ${otherPointsText(o)}`;
}

/** The one-line reading of a row. */
function readingOf(f: ReadingFacts): string {
  const { since, lastSignal, target, unit, direction, recent, centre } = f;
  const when = since !== null ? ` since ${since.label}` : lastSignal !== null ? `; last signal ${lastSignalText(lastSignal, f.after)}` : "";
  const lead: Record<SummaryCategory, () => string> = {
    concern: () => `special cause concern${when}`,
    improvement: () => `special cause improvement${when}`,
    neutral: () => `special cause variation, neither better nor worse${when}`,
    "common-cause": () => commonCauseLead(f),
    insufficient: () => f.tooFew,
  };
  const parts = [lead[f.category]()];
  if (target !== null) {
    const t = targetText(target, unit);
    if (f.assuranceText !== null) parts.push(f.assuranceText);
    else if (!f.control && recent !== null && (since ?? lastSignal?.from) != null && direction !== "neutral") {
      const meets = direction === "increase" ? recent >= target : recent <= target;
      parts.push(`the median since ${(since ?? lastSignal!.from).label} (${targetText(recent, unit)}) ${meets ? "meets" : "does not meet"} the target of ${t}`);
    } else if (!f.control && centre !== null && direction !== "neutral") {
      const meets = direction === "increase" ? centre >= target : centre <= target;
      parts.push(`the median (${targetText(centre, unit)}) ${meets ? "meets" : "does not meet"} the target of ${t}`);
    }
  }
  return parts.join("; ");
}

/**
 * Why a row has too few points, in the words `analyse` uses: a control chart's current phase is
 * shorter than firm limits need (`currentPhaseTooShort`; Provost & Murray 2011: limits from at least 12
 * points), so no signal is not common cause; a run chart's runs rules had too few useful points
 * (off the centre line, not excluded) for a verdict — its other rules (shifts, trends) were
 * tested and found nothing.
 */
function tooFewText(item: Item, short: { points: number } | null): string {
  const { chart } = item;
  const several = chart.phases.length > 1;
  if (short !== null) return tooFewPointsText(short.points, several);
  const phase = chart.phases[chart.phases.length - 1] as { centre: number | null; nUseful?: unknown } | undefined;
  if (item.control || phase === undefined || phase.centre === null || typeof phase.nUseful !== "number") return "too few points for the rules";
  const n = phase.nUseful;
  return `no signal, but ${several ? "the current phase has" : "the chart has"} only ${n} point${n === 1 ? "" : "s"} off the centre line: too few for the runs rules`;
}

/** The latest point with a value; `excluded: true` when it was left out of the centre and rules, and `partial: true` too when it is a partial period (the item's `partialPeriods`). */
function latestOf(p: PointLike, numbered: boolean, period: XPeriod | null, partial: boolean): SummaryRow["latest"] {
  const latest = { x: p.x, y: p.y!, label: pointLabel(p.x, numbered, period) };
  if (p.excluded !== true) return latest;
  return partial ? { ...latest, excluded: true, partial: true } : { ...latest, excluded: true };
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
  let basis: AssuranceBasis | null = null;
  if (control !== null && item.target !== null) {
    if (item.target === control.settings.target && cPhase?.assuranceIcon !== undefined && cPhase.assuranceIcon !== null) {
      assurance = cPhase.assuranceIcon;
      basis = assuranceBasis(control, item.target);
    } else if (last >= 0) {
      const p = points[last]!;
      if (typeof p.ucl === "number" && typeof p.lcl === "number") {
        assurance = assuranceOf(item.target, p.ucl, p.lcl, direction);
        basis = assuranceBasis(control, item.target, last);
      }
    }
  }
  const verdict = summariseVerdict(chart as Parameters<typeof summariseVerdict>[0]);
  const assuranceText = assurance === null || item.target === null ? null : assuranceReading(assurance, targetText(item.target, item.unit), basis);
  const short = control === null ? null : currentPhaseTooShort(control);
  const category = categoryOf(variation, verdict.kind, short !== null);
  const period = chart.settings.period ?? null;
  const time = timeOf(item, points, last, category, variation, verdict, period);
  const since = time.since === null ? null : { x: time.since.x, label: time.since.label };
  const lastSignal = time.lastSignal === null ? null : { from: time.lastSignal.from, to: time.lastSignal.to };
  const from = time.since?.index ?? time.lastSignal?.index;
  const recent = from === undefined || control !== null ? null : medianSince(points, from, last);
  const after = time.lastSignal === null ? 0 : pointsAfter(points, time.lastSignal.end, last);
  return {
    measure: item.name,
    group: item.group,
    chart: control !== null ? control.type : "run",
    rules: chart.settings.rules.preset,
    direction,
    latest: last < 0 ? null : latestOf(points[last]!, observationNumbers(points), period, item.partial.has(last)),
    target: item.target,
    unit: item.unit,
    centre,
    variation,
    assurance,
    assuranceText,
    assuranceBeforeChange: assuranceText !== null && basis?.beforeChange != null,
    verdict,
    category,
    since,
    lastSignal,
    reading: readingOf({ category, since, lastSignal, verdict, tooFew: category === "insufficient" ? tooFewText(item, short) : "", assurance, target: item.target, unit: item.unit, centre, control: control !== null, direction, recent, after, assuranceText }),
  };
}
