import { QiError, describeValue } from "../_lib/error.js";
import { limitRows } from "./limits.js";
import type { FunnelLimitRow, FunnelPlot } from "./types.js";

/**
 * The funnel's eight limit curves (95 % and 99.8 %, unadjusted and adjusted for
 * overdispersion, × the multiplier) at each of `denominators`: the curves to draw. Proportion
 * limits are pinned at 0 and 1 exactly as FunnelPlotR does for its grid (see limits.ts).
 *
 * @example
 * const f = funnelPlot(rows, { group: "la", numerator: "within", denominator: "children" });
 * funnelLimits(f, [10, 100, 1000]).map((r) => r.lower95);
 */
export function funnelLimits(result: FunnelPlot, denominators: readonly number[]): FunnelLimitRow[] {
  if (result === null || typeof result !== "object" || !Array.isArray(result.groups)) {
    throw new QiError("invalid-value", ["result"], `result must be a funnelPlot result, not ${describeValue(result)}`);
  }
  if (!Array.isArray(denominators)) throw new QiError("invalid-value", ["denominators"], `denominators must be an array of numbers, not ${describeValue(denominators)}`);
  denominators.forEach((n: unknown, i) => {
    if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) throw new QiError("invalid-value", ["denominators", i], `a denominator must be a positive finite number, not ${describeValue(n)}`);
  });
  const used = result.groups.map((g, i) => {
    const n: unknown = g?.denominatorUsed;
    if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) throw new QiError("invalid-value", ["result", "groups", i, "denominatorUsed"], `denominatorUsed must be a positive number, not ${describeValue(n)}`);
    return n;
  });
  const m = checkModel(result);
  return limitRows(m, used, denominators);
}

function checkModel(r: FunnelPlot) {
  const types = ["proportion", "standardised-ratio", "ratio-of-counts"];
  if (!types.includes(r.type)) throw new QiError("invalid-value", ["result", "type"], `type must be one of ${types.join(", ")}, not ${describeValue(r.type)}`);
  const srMethod = r.srMethod ?? "shmi";
  if (srMethod !== "shmi" && srMethod !== "cqc") throw new QiError("invalid-value", ["result", "srMethod"], `srMethod must be "shmi" or "cqc", not ${describeValue(r.srMethod)}`);
  for (const k of ["target", "tau2", "multiplier"] as const) {
    const v: unknown = r[k];
    if (typeof v !== "number" || Number.isNaN(v) || v < 0 || (k !== "tau2" && !Number.isFinite(v))) throw new QiError("invalid-value", ["result", k], `${k} must be a non-negative number, not ${describeValue(v)}`);
  }
  return { type: r.type, srMethod, target: r.target, tau2: r.tau2, multiplier: r.multiplier };
}
