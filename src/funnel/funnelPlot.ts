import { QiError, describeValue } from "../_lib/error.js";
import { limitRows, type LimitModel } from "./limits.js";
import { zScore } from "./methods.js";
import { truncate, winsorise, type Dispersion } from "./overdispersion.js";
import { resolveFunnelOptions, type ResolvedFunnelOptions } from "./options.js";
import { readGroups, type GroupTotals } from "./read.js";
import { roundHalfEven2 } from "./round.js";
import type { FunnelGroup, FunnelLimitRow, FunnelOptions, FunnelPlot, FunnelWarning } from "./types.js";

/**
 * A funnel plot comparing organisations (Spiegelhalter 2005), computed as FunnelPlotR 0.6.0:
 * each organisation's value, z-score and outlier flags against 95 % and 99.8 % limits, with
 * overdispersion handled by trimmed z-scores and an additive random-effects τ². Rows of the same
 * group are summed. The limits at any denominator: {@link funnelLimits}.
 *
 * @example
 * const f = funnelPlot(
 *   [{ la: "A", within: 40, children: 50 }, { la: "B", within: 12, children: 30 }, { la: "C", within: 70, children: 90 }],
 *   { group: "la", numerator: "within", denominator: "children", multiplier: 100, overdispersion: false },
 * );
 * f.target //=> 0.7176470588235294  // 122 / 170
 * f.groups[1].outlier95 //=> true  // B: 40 %
 */
export function funnelPlot<T>(data: readonly T[], options: FunnelOptions<T>): FunnelPlot {
  const r = resolveFunnelOptions(options);
  const warnings: FunnelWarning[] = [];
  const { totals, leftOut } = readGroups(data, options, r, warnings);
  const rounding = r.type === "standardised-ratio" && r.srMethod === "shmi" && r.shmiRounding;
  // SHMI rounds the expected values to 2 decimals before anything else (NHS Digital's SHMI specification)
  const used = totals.map((t) => (rounding ? roundHalfEven2(t.denominator) : t.denominator));
  used.forEach((e, i) => {
    if (e === 0) throw roundedToZero(totals[i]!);
  });
  const target = r.type === "standardised-ratio" ? 1 : sum(totals, "numerator") / sum(totals, "denominator");
  const scores = totals.map((t, i) => zScore(r.type, r.srMethod, target, t.numerator, used[i]!));
  const truncating = r.type === "standardised-ratio" && r.srMethod === "shmi";
  const z = scores.map((s) => s.z);
  const se = scores.map((s) => s.s);
  const disp: Dispersion = truncating ? truncate(z, se, r.trim) : winsorise(z, se, r.trim);
  const phi = r.overdispersion ? disp.phi : 0;
  const tau2 = r.overdispersion ? disp.tau2 : 0;
  const draw = drawnLimits(r, phi, warnings);
  const model: LimitModel = { type: r.type, srMethod: r.srMethod, target, tau2, multiplier: r.multiplier };
  const limits = limitRows(model, used, used);
  const groups = totals.map((t, i): FunnelGroup => {
    const ratio = t.numerator / t.denominator;
    const flags = outliers(ratio * r.multiplier, limits[i]!, draw.used);
    return {
      group: t.group,
      rows: t.rows,
      numerator: t.numerator,
      denominator: t.denominator,
      denominatorUsed: used[i]!,
      value: (r.multiplier * t.numerator) / used[i]!,
      ratio,
      transformed: scores[i]!.transformed,
      z: scores[i]!.z,
      zAdjusted: disp.adjusted[i]!,
      trimmed: disp.trimmed[i]!,
      limits: limits[i]!,
      ...flags,
    };
  });
  return {
    type: r.type,
    srMethod: r.type === "standardised-ratio" ? r.srMethod : null,
    target,
    multiplier: r.multiplier,
    phi,
    tau2,
    trimMethod: truncating ? "truncate" : "winsorise",
    trim: r.trim,
    limitsUsed: draw.used,
    drawAdjusted: draw.adjusted,
    drawUnadjusted: draw.unadjusted,
    shmiRounding: rounding,
    groups,
    leftOut,
    warnings,
  };
}

function sum(totals: readonly GroupTotals[], key: "numerator" | "denominator"): number {
  let s = 0;
  for (const t of totals) s += t[key];
  return s;
}

function roundedToZero(t: GroupTotals): QiError {
  return new QiError("invalid-value", ["data"], `the expected value of group ${describeValue(t.group)} (${t.denominator}) rounds to 0 under SHMI rounding; set shmiRounding: false`);
}

/**
 * Which limits are drawn and used for the flags, FunnelPlotR's way: adjusted when asked for,
 * except that with the unadjusted ones not asked for and φ ≤ 1 (no overdispersion) it falls
 * back to the unadjusted limits; neither: no limits, no outliers.
 */
function drawnLimits(r: ResolvedFunnelOptions, phi: number, warnings: FunnelWarning[]): { used: FunnelPlot["limitsUsed"]; adjusted: boolean; unadjusted: boolean } {
  let adjusted = r.overdispersion;
  let unadjusted = r.unadjusted;
  if (adjusted && !unadjusted && !(phi > 1)) {
    adjusted = false;
    unadjusted = true;
    warnings.push({ code: "no-overdispersion", message: `no overdispersion (φ = ${round4(phi)} ≤ 1): the unadjusted limits are used` });
  }
  if (!adjusted && !unadjusted) warnings.push({ code: "no-limits", message: "overdispersion and unadjusted are both off: no limits, so no outliers" });
  return { used: adjusted ? "adjusted" : unadjusted ? "unadjusted" : "none", adjusted, unadjusted };
}

function round4(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 1e4) / 1e4) : String(v);
}

/** Outlier flags: the ratio × multiplier strictly outside the limits in use. */
function outliers(v: number, l: FunnelLimitRow, used: FunnelPlot["limitsUsed"]): Pick<FunnelGroup, "outlier95" | "outlier998" | "side"> {
  if (used === "none") return { outlier95: false, outlier998: false, side: "within" };
  const a = used === "adjusted";
  const lo95 = a ? l.adjustedLower95 : l.lower95;
  const hi95 = a ? l.adjustedUpper95 : l.upper95;
  const lo998 = a ? l.adjustedLower998 : l.lower998;
  const hi998 = a ? l.adjustedUpper998 : l.upper998;
  const side = v < lo95 ? "low" : v > hi95 ? "high" : "within";
  return { outlier95: side !== "within", outlier998: v < lo998 || v > hi998, side };
}
