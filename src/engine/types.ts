import type { Accessor } from "../_lib/accessor.js";

// The vocabulary every chart shares (run charts, control charts and the charts to come): the
// public types of each chart's options and results are built from these.

/** Which way is better for the measure. Decides each signal's `assessment`. */
export type Direction = "increase" | "decrease" | "neutral";

/** How a signal reads against the direction of improvement. */
export type Assessment = "improvement" | "deterioration" | "neutral";

/** A value on the x axis as given by the caller: a number, a Date or an ISO date string. */
export type XValue = number | Date | string;

/**
 * The period each dated point stands for, which decides how its x is written in messages, axis
 * ticks and tooltips: `"day"` and `"week"` "6 May 2024", `"month"` "May 2024", `"quarter"`
 * "2024 Q2", `"year"` "2024" (the same names as a measure's `period`); and the UK's split years:
 * `"financial-year"` (1 April to 31 March) "2024/25", `"financial-quarter"` (its quarters, Q1 April
 * to June) "2024/25 Q1", `"clas-year"` (1 August to 31 July, the Scottish Government's Children
 * Looked After Statistics year) "2024/25".
 */
export type XPeriod = "day" | "week" | "month" | "quarter" | "year" | "financial-year" | "financial-quarter" | "clas-year";

/**
 * How rows that share an x are combined: their sum, mean, median, count (rows with a value) or
 * sample standard deviation (qicharts2's `agg.fun`: mean, median, sum, sd).
 */
export type Aggregate = "mean" | "median" | "sum" | "count" | "sd";

/** Shift: a run of points on one side of the centre line (IHI rule 1). */
export interface ShiftRule {
  /** Minimum number of points on one side. Default 6 (Perla, Provost & Murray 2011). */
  length?: number;
  /**
   * Points exactly on the centre line: `"skip"` (IHI: they neither count nor break the shift) or
   * `"break"` (they end it, as NHS Making Data Count). Default `"skip"`.
   */
  onCentre?: "skip" | "break";
}

/** Trend: consecutive points all going up or all going down (IHI rule 2). */
export interface TrendRule {
  /** Minimum number of points. Default 5 (Perla, Provost & Murray 2011). */
  length?: number;
  /**
   * Equal consecutive values: `"skip"` (IHI: they neither add to nor break the trend; only the
   * first of each group counts) or `"break"` (they end it, as NHS Making Data Count). Default `"skip"`.
   */
  ties?: "skip" | "break";
}

/** Too few or too many runs (IHI rule 3), from the exact Swed–Eisenhart limits. */
export interface RunsRule {
  /** Fewest useful observations for a verdict. Default 10. */
  minUseful?: number;
  /** Two-sided significance level. Default 0.05 (≤ 2.5 % per tail). */
  alpha?: number;
}

/** Anhøj's longest-run rule. */
export interface LongRunRule {
  /** Fewest useful observations for a verdict. Default 0 (as qicharts2: applied at any n). */
  minUseful?: number;
}

/** Anhøj's crossings rule. */
export interface CrossingsRule {
  /** Fewest useful observations for a verdict. Default 0 (as qicharts2). */
  minUseful?: number;
}

/** Limits for Anhøj's rules: the 2014/2015 formulas, or the 2020 `bestbox` / `cutbox` variants. */
export type AnhoejMethod = "anhoej" | "bestbox" | "cutbox";

/**
 * The data of a run or control chart: rows (read through `x`, `y`, `n`), an array of numbers (the
 * y values), or a Float64Array of them — read in place as a {@link Column} is.
 */
export type SeriesData<T> = readonly T[] | Float64Array;

/**
 * A channel (`x`, `y`, `n`) given as a column rather than read from the rows (issue #18): a
 * Float64Array with one number per row of `data`, in row order; NaN is a missing value (an error
 * for x). It is read in place: never copied, never changed, and a columnar result's `x`, `y`,
 * `value` or `n` column may be this very array (do not change it while you use the result). For
 * long series held as typed arrays this saves a copy of each column. Not with `by`.
 *
 * @example
 * const y = Float64Array.of(12, 14, 11, 13, 12, 14, 13, 7, 6, 7, 5, 6, 5, 6);
 * const x = Float64Array.from(y, (_, i) => 2001 + i);
 * const chart = runChart(y, { x, output: "columns" });
 * chart.columns.x === x //=> true
 */
export type Column = Float64Array;

/**
 * The options run charts and control charts share: how rows are read, phases, baselines,
 * exclusions, a fixed centre, which way is better, groups and the shape of the output.
 */
export interface SeriesOptions<T = unknown> {
  /**
   * x value of each row: field name, accessor, or a {@link Column} of numbers. Default: the
   * observation number 1, 2, 3…
   */
  x?: Accessor<T, unknown> | Column;
  /**
   * y value of each row: field name, accessor, or a {@link Column}. Default: the row itself (an
   * array of numbers, or a Float64Array of them).
   */
  y?: Accessor<T, unknown> | Column;
  /** A per-point annotation (field name or accessor), copied to `points[i].note`. */
  notes?: Accessor<T, unknown>;
  /** Which way is better. Default `"neutral"`. */
  direction?: Direction;
  /**
   * Points that set the centre (and a control chart's limits) in each phase: a count N (the first
   * N points of every phase), an array with one count per phase (`null` = the whole phase), or an
   * x value (the baseline of the phase that contains it ends there).
   */
  baseline?: number | readonly (number | null)[] | Date | string;
  /** Where new phases start: 0-based point indices, or x values (Dates / ISO date strings). */
  phases?: readonly (number | Date | string)[];
  /** 0-based point indices kept on the chart but left out of the centre, limits and rules. */
  exclude?: readonly number[];
  /** A fixed centre line: one value, or one per phase (`null` = computed). */
  centre?: number | readonly (number | null)[];
  /** Split the data into independent charts, one per group, in first-seen order. */
  by?: Accessor<T, unknown>;
  /**
   * The period each dated point stands for: how x is written in messages and on the chart
   * ("May 2024", "2024 Q2", "2024"). Each date must be the first day of its period. Default
   * `"month"` when every date is the first of a month, else `"day"`. Only with dates as x.
   *
   * @example
   * const rows = [410, 400, 420, 390, 300, 290, 280, 270, 285, 260].map((days, i) => ({ quarter: `${2022 + Math.floor(i / 4)}-${String((i % 4) * 3 + 1).padStart(2, "0")}-01`, days }));
   * runChart(rows, { x: "quarter", y: "days", period: "quarter", baseline: 4 }).signals[1].message
   * //=> "7 points below the median from 2022 Q4 to 2024 Q2: a shift."
   */
  period?: XPeriod;
  /**
   * Shape of the per-point results: `"points"` (default), an array of point objects; or
   * `"columns"`, one typed array per field (`RunChartColumns`, `ControlChartColumns`), for
   * long series, Arrow tables and Observable Plot channels. Phases, signals and warnings are the
   * same either way.
   */
  output?: "points" | "columns";
}

/** A pattern the rules found, on any chart (`R` is the chart's rule ids). */
export interface Signal<R extends string = string> {
  rule: R;
  phase: number;
  /** First and last point of the pattern (the whole phase for runs verdicts). */
  start: number;
  end: number;
  /** Points that make up the signal (empty for whole-phase verdicts such as too few runs). */
  points: number[];
  /** For shifts, long runs, points beyond limits, zone rules and astronomical points. */
  side?: "above" | "below";
  /** For trends. */
  direction?: "up" | "down";
  /** Run-chart trends: the points that count toward its length (the first of each group of equal values). */
  counted?: number[];
  assessment: Assessment;
  /** Plain English a team can read out at a meeting. */
  message: string;
}

/** Something the caller should know that did not stop the analysis. */
export interface ChartWarning {
  code: string;
  message: string;
  phase?: number;
  points?: number[];
}
