import type { ControlChartWarning } from "./types.js";

/**
 * `limits-out-of-range`: control limits beyond ±Number.MAX_VALUE (values near 1.8e308, or a
 * `multiply` that takes them there). Such a limit does not exist as a number: it is null in the
 * result (docs/reliability.md, "Crashes at the edges of the numbers"), and no value can be beyond
 * it, so the chart is not wrong — but a chart with no upper limit at all, said by no one, was (a
 * user trial saw every ucl null and the summary "control limits -1.12e+308 to none"). `ucl` and
 * `lcl` are the lines before they are made finite (an overflowed limit is ±Infinity there; a
 * point without limits is NaN and is not counted); the 2-sigma lines lie inside them.
 */
export function limitsOutOfRange(ucl: Float64Array, lcl: Float64Array, n: number, limitName: string): ControlChartWarning | null {
  let upper = false;
  let lower = false;
  const points: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = ucl[i]!;
    const l = lcl[i]!;
    const uOut = u === Number.POSITIVE_INFINITY || u === Number.NEGATIVE_INFINITY;
    const lOut = l === Number.POSITIVE_INFINITY || l === Number.NEGATIVE_INFINITY;
    if (!uOut && !lOut) continue;
    upper ||= uOut;
    lower ||= lOut;
    points.push(i);
  }
  if (points.length === 0) return null;
  const both = upper && lower;
  const which = both ? `upper and lower ${limitName}s are` : `${upper ? "upper" : "lower"} ${limitName} is`;
  const at = points.length === 1 ? `point ${points[0]! + 1}` : `${points.length} points (${runsText(points)})`;
  return {
    code: "limits-out-of-range",
    points,
    message: `The ${which} beyond the largest number JavaScript can hold (±1.8e308) at ${at}: ${both ? "they are" : "it is"} left out (null), and no value can be ${both ? "beyond them" : upper ? "above it" : "below it"}. Rescale the values (divide them by a power of ten) to draw ${both ? "them" : "it"}.`,
  };
}

/** Point indices as 1-based runs, "1–7, 9, 12–14", at most five runs then "…". */
function runsText(points: readonly number[]): string {
  const runs: string[] = [];
  let from = points[0]!;
  for (let k = 1; k <= points.length; k++) {
    if (k < points.length && points[k] === points[k - 1]! + 1) continue;
    const to = points[k - 1]!;
    if (runs.length === 5) {
      runs.push("…");
      break;
    }
    runs.push(from === to ? `${from + 1}` : `${from + 1}–${to + 1}`);
    if (k < points.length) from = points[k]!;
  }
  return runs.join(", ");
}
