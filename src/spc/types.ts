import type { Accessor } from "../_lib/accessor.js";
import type { ChartParameters } from "./chartParams.js";
import type { Aggregate, ChartWarning, Column, Direction, SeriesOptions, ShiftRule, Signal, TrendRule, XPeriod, XValue } from "../engine/types.js";


/**
 * Control chart types (Montgomery, Introduction to Statistical Quality Control; Provost & Murray,
 * The Health Care Data Guide; formulas as qicharts2 0.8.1).
 * - `i`: individuals (XmR); `mr`: moving ranges of the individuals.
 * - `xbar`, `s`: subgroup means and standard deviations (rows sharing an x form a subgroup).
 * - `p`: proportions y/n; `pp`: Laney P′ (over-dispersed proportions).
 * - `u`: rates y/n; `up`: Laney U′ (over-dispersed rates).
 * - `c`: counts; `g`: cases between events (geometric); `t`: time between events.
 * - `r`: subgroup ranges (as qcc 3.0); `np`: counts out of a constant n (as qcc 3.0).
 * - `ip`: Laney I′ (individuals of ratios with denominators, as qicharts2 0.8);
 *   `i-median`, `i-median-mr`: individuals around the median, σ from the mean or the median
 *   moving range (PowerBI-SPC's i_m and i_mm).
 * - `cusum`, `ewma`: tabular CUSUM and EWMA of individuals or subgroup means (as qcc 3.0).
 */
export type ControlChartType = "i" | "mr" | "xbar" | "s" | "p" | "pp" | "u" | "up" | "c" | "g" | "t" | "r" | "np" | "ip" | "i-median" | "i-median-mr" | "cusum" | "ewma";

/**
 * How σ̂ comes from the average moving range (AMR) for i, t, pp and up charts:
 * `"d2"`: σ̂ = AMR / d₂ = AMR / 1.128, 3σ̂ = 2.6596·AMR (Montgomery; qicharts2);
 * `2.66`: 3σ̂ = 2.66·AMR, σ̂ = 2.66·AMR / 3 (Wheeler's rounded constant, NHS Making Data Count).
 */
export type SigmaConstant = "d2" | 2.66;

/** Rule ids that can appear in `signals[].rule`, `points[].signals` and `points[].label`. */
export type ControlRuleId =
  | "beyond-limits"
  | "shift"
  | "trend"
  | "two-of-three"
  | "four-of-five"
  | "inner-third"
  | "alternating"
  | "mixture"
  | "long-run"
  | "few-crossings";

/** Named control-chart rule sets. */
export type ControlRulesPreset = "shewhart" | "ihi" | "western-electric" | "nelson" | "anhoej" | "mdc";

/** k of m consecutive points beyond `sigma` sigma on the same side of the centre line. */
export interface ZoneRule {
  /** Points that must be beyond the zone line. */
  count?: number;
  /** Window of consecutive points. */
  window?: number;
  /** The zone line, in sigmas from the centre (2 for two-of-three, 1 for four-of-five). */
  sigma?: number;
  /**
   * `"standard"` (Western Electric): points beyond the control limits count, and the points
   * beyond the zone line must be on the same side. `"mdc"` (NHS Making Data Count, as
   * NHSRplotthedots 0.2.2): only points between the zone line and the limits count, and every
   * point of the window must be on the same side of the mean.
   */
  variant?: "standard" | "mdc";
}

/** A run of consecutive points meeting a condition (inner third, alternating, mixture). */
export interface LengthRule {
  length?: number;
}

/** Anhøj's rules: fewest useful observations for a verdict. */
export interface AnhoejRule {
  minUseful?: number;
}

/** A rule set with every rule either off or fully specified. */
export interface ResolvedControlRules {
  preset: ControlRulesPreset;
  beyondLimits: boolean;
  shift: false | Required<ShiftRule>;
  trend: false | Required<TrendRule>;
  twoOfThree: false | Required<ZoneRule>;
  fourOfFive: false | Required<ZoneRule>;
  innerThird: false | Required<LengthRule>;
  alternating: false | Required<LengthRule>;
  mixture: false | Required<LengthRule>;
  longRun: false | Required<AnhoejRule>;
  crossings: false | Required<AnhoejRule>;
}

/** `rules` option: a preset name, or a preset with rules overridden or switched off (`false`). */
export type ControlRulesOption =
  | ControlRulesPreset
  | {
      preset?: ControlRulesPreset;
      beyondLimits?: boolean;
      shift?: boolean | ShiftRule;
      trend?: boolean | TrendRule;
      twoOfThree?: boolean | ZoneRule;
      fourOfFive?: boolean | ZoneRule;
      innerThird?: boolean | LengthRule;
      alternating?: boolean | LengthRule;
      mixture?: boolean | LengthRule;
      longRun?: boolean | AnhoejRule;
      crossings?: boolean | AnhoejRule;
    };

/** The {@link controlChart} options: the `SeriesOptions` shared with run charts, and the chart type, denominators and rules. */
export interface ControlChartOptions<T = unknown> extends SeriesOptions<T> {
  /** Chart type. Default `"i"`. */
  type?: ControlChartType;
  /**
   * Denominator of each row: required for p, pp, u and up charts; on an i chart, the chart plots
   * y / n (as qicharts2 and PowerBI-SPC do for an i chart with a denominator). An error for the
   * other types. A field name, accessor or {@link Column}.
   */
  n?: Accessor<T, unknown> | Column;
  /**
   * How rows that share an x become one point (a `rows-combined` warning says how many and how).
   * Defaults as qicharts2 0.8.1: with a denominator (p, pp, u, up, i with `n`) counts and
   * denominators are summed, Σy / Σn, and only `"sum"` is allowed; a c chart sums; xbar and s
   * charts take the rows as one subgroup (aggregate is an error); for i, mr, g and t charts
   * duplicate x is an error unless aggregate is given (qicharts2 would take the mean in silence).
   */
  aggregate?: Aggregate;
  /** Rules: preset name or overrides. Default `"shewhart"`. */
  rules?: ControlRulesOption;
  /** A target for the assurance icon (last phase): pass, fail or inconsistent. */
  target?: number;
  /** Leave moving ranges ≥ 3.267 × AMR out of the average (Nelson 1982). Default true. */
  screenMovingRanges?: boolean;
  /** σ̂ from the average moving range. Default `"d2"`, or `2.66` for the `mdc` rules. */
  sigmaConstant?: SigmaConstant;
  /** Multiply the statistic, centre and limits (100 for per cent, 1000 per 1,000 bed days). Default 1. */
  multiply?: number;
  /**
   * Where σ comes from (see docs/control-charts.md): `"range"` (xbar: R̄/d₂ as qcc's UWAVE-R,
   * mean of Rᵢ/d₂(nᵢ)), `"sd"` (i: the sample standard deviation / c₄(m), as qcc's `xbar.one`
   * with `std.dev = "SD"`; xbar: s̄/c₄, the default), `"moving-range"` (i: AMR/1.128, the default),
   * or a number: a known σ (i, xbar, r, cusum, ewma). Give a known centre with `centre`.
   */
  sigma?: "moving-range" | "sd" | "range" | number;
  /** d₂ and d₃ for range charts: `"tabled"` (qcc's tables, default) or `"exact"` (computed). */
  constants?: "tabled" | "exact";
  /** cusum: the decision interval h, in standard errors. Default 5 (qcc). */
  decisionInterval?: number;
  /** cusum: the shift to detect, in standard errors; k = shift/2. Default 1 (qcc). */
  shift?: number;
  /** cusum: the head start (fast initial response) of both sums, 0 ≤ headStart < h. Default 0. */
  headStart?: number;
  /** ewma: the smoothing weight λ, 0 < λ ≤ 1. Default 0.2 (qcc). */
  lambda?: number;
  /** ewma: the width of the limits, in σ of the EWMA. Default 3 (qcc). */
  sigmas?: number;
  /** ewma: `"exact"` time-varying limits (default, as qcc) or the `"asymptotic"` ones. */
  ewmaLimits?: "exact" | "asymptotic";
}

/** How a point reads under NHS Making Data Count. */
export type Variation = "common-cause" | "improvement" | "concern" | "neutral-high" | "neutral-low";

/** NHS Making Data Count assurance: will the process meet the target? */
export type Assurance = "pass" | "fail" | "inconsistent";

/** One point of a control chart. */
export interface ControlChartPoint {
  index: number;
  /** The x value, as for a run chart point: a Date comes back as the calendar day read (ISO `YYYY-MM-DD`). */
  x: XValue;
  /** The plotted statistic: the value (i, c, g, t), y/n (p, u), the moving range (mr), the subgroup mean (xbar) or sd (s); null for a gap. */
  y: number | null;
  /** The raw value: the measurement (i, mr, g, t), the count (p, pp, u, up, c); null for xbar and s. */
  value: number | null;
  /** The denominator (p, pp, u, up) or subgroup size (xbar, s); null otherwise. */
  n: number | null;
  centre: number | null;
  ucl: number | null;
  lcl: number | null;
  /** 2-sigma limits (qicharts2's ucl.95 / lcl.95). */
  ucl2: number | null;
  lcl2: number | null;
  phase: number;
  baseline: boolean;
  excluded: boolean;
  /** Has a value, not excluded, not on the centre line (as the run chart). */
  useful: boolean;
  /** Rule ids of the signals this point is part of. */
  signals: readonly ControlRuleId[];
  /** mdc rules only: how the point reads (null for other rule sets). */
  variation: Variation | null;
  /** mdc rules only: the rule that labelled the point, by NHSRplotthedots' precedence. */
  label: ControlRuleId | null;
  /** cusum only: the upper cumulative sum (in standard errors). */
  upper?: number | null;
  /** cusum only: the lower cumulative sum (≤ 0, in standard errors). */
  lower?: number | null;
  note?: unknown;
}

/**
 * The points of a control chart as columns (`output: "columns"`): entry i of every array belongs
 * to point i. Numbers use NaN where the point form has null; flags are 0 or 1.
 */
export interface ControlChartColumns {
  /** Number of points. */
  length: number;
  /** Numbers (and observation numbers when no x is given) as a `Float64Array`; ISO strings as given; Dates as the calendar day read (ISO `YYYY-MM-DD`). */
  x: Float64Array | XValue[];
  /** The plotted statistic; NaN for a gap. */
  y: Float64Array;
  /** The raw value (count or measurement); null for xbar and s charts. */
  value: Float64Array | null;
  /** The denominator or subgroup size; null for i, mr, c, g and t charts. */
  n: Float64Array | null;
  centre: Float64Array;
  ucl: Float64Array;
  lcl: Float64Array;
  ucl2: Float64Array;
  lcl2: Float64Array;
  phase: Uint32Array;
  baseline: Uint8Array;
  excluded: Uint8Array;
  useful: Uint8Array;
  /** The rules each point takes part in, as bits: see {@link CONTROL_RULE_BITS}; 0 for none. */
  signals: Uint16Array;
  /** mdc rules only: how each point reads; null for other rule sets. */
  variation: (Variation | null)[] | null;
  /** mdc rules only: the rule that labelled each point; null for other rule sets. */
  label: (ControlRuleId | null)[] | null;
  /** The caller's annotations, when `notes` is given. */
  note?: unknown[];
  /** cusum only: the upper cumulative sums. */
  upper?: Float64Array;
  /** cusum only: the lower cumulative sums (≤ 0). */
  lower?: Float64Array;
}

/** One phase: a stretch with its own centre line and limits. */
export interface ControlChartPhase {
  start: number;
  end: number;
  baselineStart: number | null;
  baselineEnd: number | null;
  origin: "data" | "phase";
  centre: number | null;
  /** g charts: the mean the limits are built around (the centre line is the median). */
  mean: number | null;
  /** Average moving range after screening (i, t, pp, up; for t on the transformed scale; for pp/up of the z-scores). */
  averageMovingRange: number | null;
  /** Averages of the limits over the phase's points (qicharts2's aLCL / aUCL). */
  lclAverage: number | null;
  uclAverage: number | null;
  nObs: number;
  nUseful: number;
  runs: number;
  longestRun: number;
  longestRunMax: number | null;
  crossings: number;
  crossingsMin: number | null;
  /** Anhøj's runs verdict when the long-run or crossings rule is on; otherwise null. */
  runsSignal: boolean | null;
  /** Points beyond the control limits. */
  sigmaSignals: number;
  /** mdc: variation icon (the last point's variation), else null. */
  variationIcon: Variation | null;
  /** Assurance against `target` (last phase only, as NHSRplotthedots), else null. */
  assuranceIcon: Assurance | null;
  /** cusum and ewma: the σ of one value the phase uses (qcc's std.dev). */
  sigma?: number;
}

/** A pattern the control-chart rules found. */
export type ControlChartSignal = Signal<ControlRuleId>;

/** Something the caller should know that did not stop the analysis. */
export type ControlChartWarning = ChartWarning;

/** The result of {@link controlChart}: plain, JSON-serialisable data. */
export interface ControlChart {
  type: ControlChartType;
  points: ControlChartPoint[];
  phases: ControlChartPhase[];
  signals: ControlChartSignal[];
  warnings: ControlChartWarning[];
  settings: {
    rules: ResolvedControlRules;
    direction: Direction;
    screenMovingRanges: boolean;
    sigmaConstant: SigmaConstant;
    multiply: number;
    target: number | null;
    /** The period each dated point stands for (the `period` option or its default); null when x is not dates. */
    period: XPeriod | null;
    /** The σ source, constants and CUSUM/EWMA parameters used (types and options that have them). */
    parameters?: ChartParameters;
  };
}

/** One chart of a grouped analysis (`by`). */
export interface ControlChartGroup {
  key: unknown;
  chart: ControlChart;
}

/** A control chart with its points as columns (`output: "columns"`). */
export interface ControlChartColumnar extends Omit<ControlChart, "points"> {
  columns: ControlChartColumns;
}

/** One chart of a grouped analysis (`by`) with `output: "columns"`. */
export interface ControlChartColumnarGroup {
  key: unknown;
  chart: ControlChartColumnar;
}
