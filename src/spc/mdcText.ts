import { formatNumber } from "../engine/messages.js";
import type { Direction } from "../engine/types.js";
import { currentPhaseTooShort, tooFewPointsText } from "./tooFew.js";
import type { Assurance, ControlChart, Variation } from "./types.js";

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
export function mdcIconWords(chart: Pick<ControlChart, "phases" | "settings" | "signals">): MdcIconWords {
  const last = chart.phases[chart.phases.length - 1];
  const variation = last?.variationIcon ?? null;
  const assurance = last?.assuranceIcon ?? null;
  const direction: Direction = chart.settings.direction;
  const target = chart.settings.target;
  const highOrLow = (v: Variation): string => {
    const better = direction === "increase" ? "high" : "low";
    const worse = direction === "increase" ? "low" : "high";
    return v === "improvement" ? better : worse;
  };
  const short = currentPhaseTooShort(chart);
  let variationText: string;
  if (short !== null) variationText = `Variation: insufficient data: ${tooFewPointsText(short.points, chart.phases.length > 1)}.`;
  else variationText = variation === null ? "Variation: no icon (the last phase has no values)." : `Variation: ${VARIATION[variation](highOrLow(variation))}.`;
  let assuranceText: string;
  const t = target === null ? "" : formatNumber(target);
  if (target === null) assuranceText = "Assurance: no icon (no target given).";
  else if (assurance === null) assuranceText = direction === "neutral" ? `Assurance: no icon (the target ${t} needs a direction of improvement).` : "Assurance: no icon (the last phase has no limits).";
  else if (assurance === "pass") assuranceText = `Assurance: consistently passing the target ${t}: both process limits are on its better side, so the process will meet it unless something changes.`;
  else if (assurance === "fail") assuranceText = `Assurance: consistently failing the target ${t}: both process limits are on its worse side, so the process will not meet it without a change.`;
  else assuranceText = `Assurance: hit and miss: the target ${t} lies between the process limits, so the process will sometimes meet it and sometimes not.`;
  let side: 1 | -1 | 0 = 0;
  if (short !== null) side = 0;
  else if (variation === "neutral-high") side = 1;
  else if (variation === "neutral-low") side = -1;
  else if (variation === "improvement" || variation === "concern") side = highOrLow(variation) === "high" ? 1 : -1;
  return { variation, assurance, tooFew: short !== null, side, variationText, assuranceText };
}
