import { medianInPlace } from "../_lib/median.js";
import { describeValue } from "../_lib/error.js";
import { xValueAt, type XTable } from "../_lib/series.js";
import { X_PERIODS, formatPeriod, startsPeriod } from "./period.js";
import type { XPeriod } from "./types.js";

/**
 * How the values of rows that share an x are combined into one point: their `sum`, `mean`,
 * `median`, `count` (rows with a value) or sample standard deviation `sd` — qicharts2's
 * `agg.fun` choices (0.8.1: mean, median, sum, sd) plus a count of rows.
 */
export type Combine = "sum" | "mean" | "median" | "count" | "sd";

/** The allowed `aggregate` values, in the order error messages list them. */
export const COMBINE: readonly Combine[] = ["sum", "mean", "median", "count", "sd"];

/**
 * Combine the first `m` values of `scratch` (no NaN among them) as `how` says. The scratch array
 * is reordered for the median. An empty group is NaN (a gap), except its count, which is 0; the
 * sd of a single value is NaN (as R's `sd`).
 */
export function combine(scratch: Float64Array, m: number, how: Combine): number {
  if (how === "count") return m;
  if (m === 0) return Number.NaN;
  if (how === "median") return medianInPlace(scratch, m);
  // Welford's running mean and sum of squares: no overflow for values near ±Number.MAX_VALUE.
  let mean = 0;
  let s2 = 0;
  let sum = 0;
  for (let k = 0; k < m; k++) {
    const v = scratch[k]!;
    sum += v;
    const d = v - mean;
    mean += d / (k + 1);
    s2 += d * (v - mean);
  }
  if (how === "sum") return sum;
  if (how === "mean") return Number.isFinite(sum) ? sum / m : mean;
  return m < 2 ? Number.NaN : Math.sqrt(s2 / (m - 1));
}

/** What a shared-x warning says was done with the rows. */
const DONE: Record<Combine | "ratio" | "subgroup", string> = {
  sum: "their values were summed",
  mean: "their values were averaged (mean)",
  median: "the median of their values was taken",
  count: "the rows with a value were counted",
  sd: "the standard deviation of their values was taken",
  ratio: "their values and their denominators were summed, and the point is Σy / Σn",
  subgroup: "the rows of each x form one subgroup",
};

/** How a shared-x warning says rows without a value were treated (`one`: a single row). */
function leftOut(how: Combine | "ratio" | "subgroup", one: boolean): string {
  if (how === "ratio") return `left out of Σy / Σn (${one ? "its denominator" : "their denominators"} too)`;
  if (how === "subgroup") return `left out of ${one ? "its subgroup" : "their subgroups"}`;
  return how === "count" ? "not counted" : "left out";
}

/**
 * The warning for rows that share an x, or null when every x is distinct: how many rows, how many
 * x values, how they were combined (`how`) and the first x concerned (by the `period` option's
 * label when it names a month, quarter or year: "the first in 2023 Q1"); when `y` (the rows' values,
 * NaN for a blank) is given, how many of those rows have no value and so were left out (a blank
 * row's denominator is not summed: Σn counts the rows with a value, as qicharts2 0.8.1 `qic.agg`).
 * `points` are the combined points. Nothing is combined or dropped in silence (docs/run-charts.md,
 * "Rows that share an x").
 */
export function sharedXWarning(xt: XTable, how: Combine | "ratio" | "subgroup", why: string, y: Float64Array | null = null, period?: unknown): { code: string; message: string; points: number[] } | null {
  const groups = xt.groups;
  if (groups === xt.length) return null;
  const points: number[] = [];
  let rows = 0;
  let blank = 0;
  let first = -1;
  for (let g = 0; g < groups; g++) {
    const from = xt.groupStarts[g]!;
    const to = xt.groupStarts[g + 1]!;
    if (to - from < 2) continue;
    points.push(g);
    rows += to - from;
    if (first < 0) first = xt.order[from]!;
    if (y !== null) for (let j = from; j < to; j++) if (Number.isNaN(y[xt.order[j]!]!)) blank++;
  }
  const at = xt.kind === "index" ? "" : `, the first ${firstAt(xt, first, period)}`;
  const left = blank === 0 ? "" : `; ${blank} of these rows ${blank === 1 ? "has" : "have"} no value and ${blank === 1 ? "was" : "were"} ${leftOut(how, blank === 1)}`;
  return {
    code: "rows-combined",
    message: `${rows} rows share an x with another row (${points.length} x value${points.length === 1 ? "" : "s"}${at}): ${DONE[how]}${why === "" ? "" : ` (${why})`}${left}.`,
    points,
  };
}

/**
 * Where the first combined x is: "in 2023 Q1" when the `period` option names a period longer than
 * a week (a month, a quarter, a year, a split year) that the date starts (rows rolled up to quarters were dated by their first days, which
 * the caller never wrote), else the x as given: `at x = "2023-01-01"`.
 */
function firstAt(xt: XTable, i: number, period: unknown): string {
  const day = xt.days?.[i];
  if (day !== undefined && period !== "day" && period !== "week" && X_PERIODS.includes(period as XPeriod) && startsPeriod(day, period as XPeriod)) return `in ${formatPeriod(day, period as XPeriod)}`;
  return `at x = ${describeValue(xValueAt(xt, i))}`;
}
