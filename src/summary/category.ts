import type { Variation } from "../spc/types.js";
import type { VerdictKind } from "../project/verdict.js";
import type { SummaryCategory } from "./types.js";

/** The order a board reads the rows in (concern first). */
export const CATEGORY_ORDER: readonly SummaryCategory[] = ["concern", "improvement", "neutral", "common-cause", "insufficient"];

/**
 * A row's category: from the Making Data Count variation icon when the chart has one (NHS
 * England, "Making Data Count: strengthening your decisions", 2019: the icon of the latest point),
 * otherwise from the verdict (an improvement or deterioration signal in the current phase, a
 * signal with no direction, no signal, too little data). `tooFew`: a control chart whose current
 * phase has no signal and fewer points than firm limits need (`currentPhaseTooShort`, the rule
 * `summariseControlChart` words as "too few to call the variation common cause only"; Provost &
 * Murray 2011) is too little data, not common cause, whatever its icon says.
 */
export function categoryOf(variation: Variation | null, verdict: VerdictKind, tooFew = false): SummaryCategory {
  // summariseVerdict already calls such a chart "insufficient-data"; "no-signal" is a verdict made without its phases.
  if (tooFew && (verdict === "no-signal" || verdict === "insufficient-data")) return "insufficient";
  if (variation !== null) {
    if (variation === "concern" || variation === "improvement") return variation;
    if (variation === "common-cause") return verdict === "insufficient-data" ? "insufficient" : "common-cause";
    return "neutral";
  }
  switch (verdict) {
    case "deterioration":
      return "concern";
    case "improvement":
      return "improvement";
    case "signal":
      return "neutral";
    case "insufficient-data":
      return "insufficient";
    default:
      return "common-cause";
  }
}
