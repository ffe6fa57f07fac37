import { formatNumber } from "../engine/messages.js";
import { assertFunnelPlot } from "./guards.js";
import type { FunnelGroup, FunnelLeftOut, FunnelPlot } from "./types.js";

const MAX_NAMED = 8;

function names(groups: readonly FunnelGroup[]): string {
  const list = groups.slice(0, MAX_NAMED).map((g) => `${String(g.group)} (${formatNumber(g.value)})`);
  return `${list.join(", ")}${groups.length > MAX_NAMED ? `, and ${groups.length - MAX_NAMED} more` : ""}`;
}

/**
 * " (2 left out, their values suppressed: Orkney Islands, Shetland Islands)": the organisations
 * not plotted, so a board reading "30 organisations" of 32 is told of the 2 (user trial 16).
 */
export function leftOutText(leftOut: readonly FunnelLeftOut[]): string {
  if (leftOut.length === 0) return "";
  const list = `${leftOut.slice(0, MAX_NAMED).map((l) => String(l.group)).join(", ")}${leftOut.length > MAX_NAMED ? `, and ${leftOut.length - MAX_NAMED} more` : ""}`;
  return ` (${leftOut.length} left out, ${leftOut.length === 1 ? "its value" : "their values"} suppressed: ${list})`;
}

/**
 * A funnel plot in plain English: how many organisations (and which were left out, a value
 * suppressed), the target, which limits, and who lies outside the 99.8 % and 95 % limits (above
 * or below). Used for the SVG's `<desc>` and the CLI.
 *
 * @example
 * const rows = [{ la: "A", within: 40, children: 50 }, { la: "B", within: 12, children: 30 }, { la: "C", within: 70, children: 90 }];
 * summariseFunnelPlot(funnelPlot(rows, { group: "la", numerator: "within", denominator: "children", multiplier: 100, overdispersion: false }))
 * //=> "3 organisations; target 71.8 (unadjusted limits). Below the 99.8 % limits: B (40)."
 */
export function summariseFunnelPlot(result: FunnelPlot): string {
  assertFunnelPlot(result);
  const gs = result.groups;
  const target = formatNumber(result.target * result.multiplier);
  const phi = formatNumber(result.phi);
  const which =
    result.limitsUsed === "adjusted"
      ? `limits adjusted for overdispersion (φ = ${phi}, τ² = ${formatNumber(result.tau2)})`
      : result.limitsUsed === "unadjusted"
        ? `unadjusted limits${result.phi > 0 ? `, no overdispersion: φ = ${phi}` : ""}`
        : "no limits";
  const parts = [`${gs.length} organisation${gs.length === 1 ? "" : "s"}${leftOutText(result.leftOut ?? [])}; target ${target} (${which}).`];
  const high998 = gs.filter((g) => g.outlier998 === true && g.side === "high");
  const low998 = gs.filter((g) => g.outlier998 === true && g.side === "low");
  const high95 = gs.filter((g) => g.outlier95 === true && g.outlier998 !== true && g.side === "high");
  const low95 = gs.filter((g) => g.outlier95 === true && g.outlier998 !== true && g.side === "low");
  if (high998.length) parts.push(`Above the 99.8 % limits: ${names(high998)}.`);
  if (low998.length) parts.push(`Below the 99.8 % limits: ${names(low998)}.`);
  if (high95.length) parts.push(`Above the 95 % limits only: ${names(high95)}.`);
  if (low95.length) parts.push(`Below the 95 % limits only: ${names(low95)}.`);
  if (parts.length === 1 && result.limitsUsed !== "none") parts.push("Every organisation is within the 95 % limits.");
  return parts.join(" ");
}
