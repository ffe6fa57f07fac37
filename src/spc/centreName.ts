import type { ControlChartType } from "./types.js";

/**
 * What a control chart's centre line is, in words, for its label, legend and summary ("mean
 * 9.67"): the median for g charts (qicharts2 `qic.g`) and the i-median charts; for a t chart
 * "centre" — its line is the mean of y^(1/3.6) back-transformed (Nelson 1994; qicharts2
 * `qic.t`, which labels it CL), not the mean of the times (Jensen's inequality makes it smaller:
 * a user trial's gaps had mean 82.9 and centre 73.5; with y^(1/3.6) near symmetric it is close
 * to their median); "mean" for the others.
 */
export function centreNameOf(type: ControlChartType): string {
  if (type === "g" || type === "i-median" || type === "i-median-mr") return "median";
  return type === "t" ? "centre" : "mean";
}
