import { formatNumber } from "../engine/messages.js";
import type { Direction } from "../engine/types.js";
import { centreNameOf } from "./centreName.js";
import { limitsVaryBy } from "./limitsVaryBy.js";
import { assuranceBasis, otherPointsText, type AssuranceBasis, type AssuranceChart } from "./assuranceBasis.js";
import { currentPhaseTooShort, tooFewPointsText } from "./tooFew.js";
import type { Assurance, ControlChartType, Variation } from "./types.js";

/** @internal The NHS Making Data Count icons of a chart in words, for the summary and the drawn icons' text alternatives. */
export interface MdcIconWords {
  variation: Variation | null;
  assurance: Assurance | null;
  /**
   * The last phase has no signal and too few points to call its variation common cause
   * (`currentPhaseTooShort`, the rule the summary and board say "too few points" by): the icon is
   * drawn as insufficient data, whatever `variation` (the phase's own icon) says.
   */
  tooFew: boolean;
  /** The variation icon's side: 1 for a high special cause (H), −1 for a low one (L), 0 for common cause or none. */
  side: 1 | -1 | 0;
  /** "Variation: special-cause improvement — the latest point is high." */
  variationText: string;
  /** "Assurance: hit and miss — the target 90 lies between the process limits…" */
  assuranceText: string;
  /**
   * The assurance icon was judged against limits fixed from a baseline before a shift still going
   * on at the latest point ({@link assuranceBasis}): they describe the process before the change,
   * so the icon is drawn as not judged (a dashed grey "?"), as the words say, not as P or F.
   */
  assuranceBeforeChange: boolean;
}

const VARIATION: Record<Variation, (high: string) => string> = {
  "common-cause": () => "common-cause variation: the latest point is part of no special-cause pattern",
  improvement: (high) => `special-cause improvement: the latest point is part of a pattern of ${high} values`,
  concern: (high) => `special-cause concern: the latest point is part of a pattern of ${high} values`,
  "neutral-high": () => "special-cause variation, high values (no direction of improvement set)",
  "neutral-low": () => "special-cause variation, low values (no direction of improvement set)",
};

/**
 * @internal The variation icon (the last phase's, from its latest point, as NHSRplotthedots) and
 * the assurance icon (against the target, last phase) in words. Null icons say why there is none.
 * A last phase too short for its "no signal" to mean common cause ({@link currentPhaseTooShort};
 * Provost & Murray 2011) has the insufficient-data icon, in the words `summariseVerdict` uses.
 */
export function mdcIconWords(chart: AssuranceChart): MdcIconWords {
  const last = chart.phases[chart.phases.length - 1];
  const variation = last?.variationIcon ?? null;
  const assurance = last?.assuranceIcon ?? null;
  const direction: Direction = chart.settings.direction;
  const highOrLow = (v: Variation): string => {
    const better = direction === "increase" ? "high" : "low";
    const worse = direction === "increase" ? "low" : "high";
    return v === "improvement" ? better : worse;
  };
  const short = currentPhaseTooShort(chart);
  let variationText: string;
  if (short !== null) variationText = `Variation: insufficient data: ${tooFewPointsText(short.points, chart.phases.length > 1)}.`;
  else variationText = variation === null ? "Variation: no icon (the last phase has no values)." : `Variation: ${VARIATION[variation](highOrLow(variation))}.`;
  const target = chart.settings.target;
  const basis = target === null || assurance === null ? null : assuranceBasis(chart, target);
  const assuranceText = assuranceWords(chart, assurance, basis);
  let side: 1 | -1 | 0 = 0;
  if (short !== null) side = 0;
  else if (variation === "neutral-high") side = 1;
  else if (variation === "neutral-low") side = -1;
  else if (variation === "improvement" || variation === "concern") side = highOrLow(variation) === "high" ? 1 : -1;
  return { variation, assurance, tooFew: short !== null, side, variationText, assuranceText, assuranceBeforeChange: basis?.beforeChange != null };
}

/** The assurance icon in words (see {@link assuranceBasis} for when the limits vary or come from before a change). */
function assuranceWords(chart: AssuranceChart, assurance: Assurance | null, basis: AssuranceBasis | null): string {
  const target = chart.settings.target;
  if (target === null) return "Assurance: no icon (no target given).";
  const t = formatNumber(target);
  if (assurance === null) return chart.settings.direction === "neutral" ? `Assurance: no icon (the target ${t} needs a direction of improvement).` : "Assurance: no icon (the last phase has no limits).";
  if (basis === null || (basis.varying === null && basis.beforeChange === null)) return `Assurance: ${CONSTANT[assurance](t)}`;
  const before = basis.beforeChange;
  const varying = basis.varying;
  let text: string;
  if (varying === null) text = `Assurance: ${FIXED[assurance](t)} process limits fixed from the baseline up to ${before!.baselineEnd}`;
  else text = `Assurance: ${LATEST[assurance](t)} the latest point's process limits (${latestLimits(assurance, varying)})${othersText(assurance, varying, t, chart.type, before === null)}`;
  if (before === null) return `${text}.`;
  const centre = centreWord(chart.type);
  const those = varying === null ? ", but the latest point is part of" : `. Those limits were fixed from the baseline up to ${before.baselineEnd}, and the latest point is part of`;
  return `${text}${those} a shift ${before.side} the ${centre} since ${before.since}: they describe the process before the change, not now. Start a new phase from ${before.since} to judge the target against the new process.`;
}

const CONSTANT: Record<Assurance, (t: string) => string> = {
  pass: (t) => `consistently passing the target ${t}: both process limits are on its better side, so the process will meet it unless something changes.`,
  fail: (t) => `consistently failing the target ${t}: both process limits are on its worse side, so the process will not meet it without a change.`,
  inconsistent: (t) => `hit and miss: the target ${t} lies between the process limits, so the process will sometimes meet it and sometimes not.`,
};

/** Against limits frozen before a change: "consistently failing the target 80 against". */
const FIXED: Record<Assurance, (t: string) => string> = {
  pass: (t) => `consistently passing the target ${t} against`,
  fail: (t) => `consistently failing the target ${t} against`,
  inconsistent: (t) => `hit and miss: the target ${t} lies between`,
};

/** At the latest point's limits: "consistently failing the target 80 at". */
const LATEST: Record<Assurance, (t: string) => string> = {
  pass: (t) => `consistently passing the target ${t} at`,
  fail: (t) => `consistently failing the target ${t} at`,
  inconsistent: (t) => `hit and miss: the target ${t} lies between`,
};

const CONCLUSION: Record<Assurance, string> = {
  pass: "so the process will meet it unless something changes",
  fail: "so the process will not meet it without a change",
  inconsistent: "so the process will sometimes meet it and sometimes not",
};

/** "upper 77.5, for its n = 30" (the limit the target is beyond), or both limits when it lies between them. */
function latestLimits(assurance: Assurance, v: NonNullable<AssuranceBasis["varying"]>): string {
  const limits = assurance === "inconsistent" ? `lower ${formatNumber(v.lcl)}, upper ${formatNumber(v.ucl)}` : `${v.side} ${formatNumber(v.side === "upper" ? v.ucl : v.lcl)}`;
  return v.n === null ? limits : `${limits}, for its n = ${formatNumber(v.n)}`;
}

/**
 * What the other points' limits say: ", and at every other point's (upper 75.1–79.2), so …" when
 * they agree; ", but 80 lies between the limits of the 20 points with n from 8 to 25 (upper
 * 80.2–100), so whether a point meets it depends on its denominator" when some do not.
 * `conclude`: end with what follows for the process (not when the limits are from before a change).
 */
function othersText(assurance: Assurance, v: NonNullable<AssuranceBasis["varying"]>, t: string, type: ControlChartType | undefined, conclude: boolean): string {
  const o = v.other;
  const range = (a: number, b: number): string => (formatNumber(a) === formatNumber(b) ? formatNumber(a) : `${formatNumber(a)}–${formatNumber(b)}`);
  if (o === null) {
    const own = v.side === "upper" ? v.ucl : v.lcl;
    const same = formatNumber(v.range.min) === formatNumber(own) && formatNumber(v.range.max) === formatNumber(own);
    const then = conclude ? `, ${CONCLUSION[assurance]}` : "";
    return same ? `, as at every other point's${then}` : `, and at every other point's (${v.side} ${range(v.range.min, v.range.max)})${then}`;
  }
  const where = o.assurance === "inconsistent" ? "lies between the limits" : `is beyond the ${v.side} limit`;
  const points = otherPointsText(o);
  const word = limitsVaryBy(type);
  const so = conclude ? `, so whether a point meets it depends on ${word === null ? "the point" : `its ${word}`}` : "";
  return `, but ${t} ${where} of ${points} (${v.side} ${range(o.limitMin, o.limitMax)})${so}`;
}

/** The centre's name in a shift's words ("a shift above the mean"); a t chart's is its centre line (centreNameOf). */
function centreWord(type: ControlChartType | undefined): string {
  return type === undefined || type === "t" ? "centre line" : centreNameOf(type);
}
