import { QiError, describeValue } from "../_lib/error.js";
import { assertFunnelPlot } from "./guards.js";
import { limitRows } from "./limits.js";
import type { FunnelLimitRow, FunnelPlot } from "./types.js";

/**
 * The funnel's eight limit curves (95 % and 99.8 %, unadjusted and adjusted for
 * overdispersion, × the multiplier) at each of `denominators`: the curves to draw. Proportion
 * limits are pinned at 0 and 1 exactly as FunnelPlotR does for its grid (see limits.ts).
 *
 * @example
 * const rows = [{ la: "A", within: 40, children: 50 }, { la: "B", within: 12, children: 30 }, { la: "C", within: 70, children: 90 }];
 * const f = funnelPlot(rows, { group: "la", numerator: "within", denominator: "children" });
 * funnelLimits(f, [10, 100, 1000]).map((r) => r.denominator) //=> [10, 100, 1000]
 */
export function funnelLimits(result: FunnelPlot, denominators: readonly number[]): FunnelLimitRow[] {
  assertFunnelPlot(result);
  if (!Array.isArray(denominators)) throw new QiError("invalid-value", ["denominators"], `denominators must be an array of numbers, not ${describeValue(denominators)}`);
  denominators.forEach((n: unknown, i) => {
    if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) throw new QiError("invalid-value", ["denominators", i], `a denominator must be a positive finite number, not ${describeValue(n)}`);
  });
  const used = result.groups.map((g) => g.denominatorUsed);
  const m = { type: result.type, srMethod: result.srMethod ?? "shmi", target: result.target, tau2: result.tau2, multiplier: result.multiplier };
  return limitRows(m, used, denominators);
}
