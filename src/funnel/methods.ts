import type { FunnelSrMethod, FunnelType } from "./types.js";

/**
 * The z-score of one organisation under each method, as FunnelPlotR 0.6.0 computes it
 * (Spiegelhalter 2005, "Funnel plots for comparing institutional performance", Stat Med 24:1185;
 * Spiegelhalter et al. 2012, "Statistical methods for healthcare regulation", JRSS A 175:1):
 * - standardised ratio, SHMI: y = ln(O/E), s = 1/√E, z = √E · ln(O/E);
 * - standardised ratio, CQC: y = √(O/E), s = 1/(2√E), z = (√(O/E) − 1) · 2√E;
 * - proportion: y = asin √p, s = 1/(2√n), z = (asin √p − asin √target) · 2√n;
 * - ratio of counts: y = ln((O + ½)/(E + ½)), s² = O/(O + ½)² + E/(E + ½)², z = (y − ln target)/s.
 * `s` is the z-score's standard error: its 1/s² weights the τ² estimate.
 */
export interface ZScore {
  transformed: number;
  z: number;
  s: number;
}

/** The transformed value, z-score and its standard error for numerator `o` over denominator `e`. */
export function zScore(type: FunnelType, srMethod: FunnelSrMethod, target: number, o: number, e: number): ZScore {
  if (type === "standardised-ratio") {
    if (srMethod === "shmi") {
      const transformed = Math.log(o / e);
      return { transformed, z: Math.sqrt(e) * transformed, s: 1 / Math.sqrt(e) };
    }
    const transformed = Math.sqrt(o / e);
    return { transformed, z: (transformed - 1) * 2 * Math.sqrt(e), s: 1 / (2 * Math.sqrt(e)) };
  }
  if (type === "proportion") {
    const transformed = Math.asin(Math.sqrt(o / e));
    return { transformed, z: (transformed - Math.asin(Math.sqrt(target))) * 2 * Math.sqrt(e), s: 1 / (2 * Math.sqrt(e)) };
  }
  const transformed = Math.log((o + 0.5) / (e + 0.5));
  const s = Math.sqrt(o / (o + 0.5) ** 2 + e / (e + 0.5) ** 2);
  return { transformed, z: (transformed - Math.log(target)) / s, s };
}
