import type { Accessor } from "../_lib/accessor.js";
import type { RunsLimits } from "../_lib/runsDistribution.js";
import type { Aggregate, AnhoejMethod, Assessment, ChartWarning, Column, CrossingsRule, Direction, LongRunRule, RunsRule, SeriesData, SeriesOptions, ShiftRule, Signal, TrendRule, XPeriod, XValue } from "../engine/types.js";

// The shared vocabulary is part of the run chart's public types (and re-exported by the barrel).
export type { Aggregate, AnhoejMethod, Assessment, ChartWarning, Column, CrossingsRule, Direction, LongRunRule, RunsRule, SeriesData, SeriesOptions, ShiftRule, Signal, TrendRule, XPeriod, XValue };

/** A pattern the run-chart rules found. */
export type RunChartSignal = Signal<RunRuleId>;

/** Something the caller should know that did not stop the analysis. */
export type RunChartWarning = ChartWarning;

/** Rule ids that can appear in `signals[].rule` and `points[].signals`. */
export type RunRuleId = "shift" | "trend" | "too-few-runs" | "too-many-runs" | "long-run" | "few-crossings" | "astronomical";

/** The resolved rule set: every rule either off (`false`) or with all its parameters. */
export interface ResolvedRunRules {
  preset: RunRulesPreset;
  shift: false | Required<ShiftRule>;
  trend: false | Required<TrendRule>;
  runs: false | Required<RunsRule>;
  longRun: false | Required<LongRunRule>;
  crossings: false | Required<CrossingsRule>;
  /** How the longest-run and crossings limits are set: Anhøj's formulas or the box variants. */
  method: AnhoejMethod;
}

/** Named rule sets. `pace` (= `ihi`) is the default. */
export type RunRulesPreset = "pace" | "ihi" | "anhoej";

/** Rule options: a preset name, or a preset with rules overridden or switched off (`false`). */
export type RunRulesOption =
  | RunRulesPreset
  | {
      preset?: RunRulesPreset;
      shift?: boolean | ShiftRule;
      trend?: boolean | TrendRule;
      runs?: boolean | RunsRule;
      longRun?: boolean | LongRunRule;
      crossings?: boolean | CrossingsRule;
      method?: AnhoejMethod;
    };

/** Astronomical-point detectors. */
export type AstronomicalOption =
  | false
  | "tukey"
  | "sigma"
  | readonly number[]
  | { method: "tukey"; k?: number; minPoints?: number }
  | { method: "sigma"; sigma?: number; minPoints?: number }
  | { method: "manual"; points: readonly number[] };

/** Automatic re-phasing of the centre line after sustained runs (Scottish practice, runcharter). */
export interface RephaseOption {
  /** Points in a sustained run that starts a new phase. Default 9. */
  runLength?: number;
  /** Points at the start that set the first median. Default 13 (runcharter's `med_rows`). */
  baselinePoints?: number;
  /** Which side's runs re-phase: `"below"`, `"above"` or `"both"`. Default `"both"`. */
  side?: "above" | "below" | "both";
  /**
   * Points exactly on the current median: `"break"` a run (default, as runcharter, which tests
   * strictly above or below) or `"skip"` them.
   */
  onCentre?: "skip" | "break";
}

/** The {@link runChart} options: the {@link SeriesOptions} and the run-chart rules. */
export interface RunChartOptions<T = unknown> extends SeriesOptions<T> {
  /**
   * Combine rows that share an x value (a `rows-combined` warning says how many). Without it,
   * duplicate x is an error — unless `n` is given: then rows sharing an x give Σy / Σn, and
   * aggregate may only be `"sum"`.
   */
  aggregate?: Aggregate;
  /**
   * Denominator of each row (field name, accessor or {@link Column}): the chart plots y / n, as
   * qicharts2 does for a run chart with `n` (a proportion or rate). Every row with a value needs n > 0.
   */
  n?: Accessor<T, unknown> | Column;
  /** Multiply the plotted values (100 for per cent, 10000 per 10,000 days). Default 1. */
  multiply?: number;
  /** A target, kept in `settings.target` and drawn by the renderer. On the plotted (multiplied) scale. */
  target?: number;
  /** Rules: preset name or overrides. Default `"pace"`. */
  rules?: RunRulesOption;
  /** Automatic re-phasing after sustained runs (`true` for the defaults). */
  rephase?: boolean | RephaseOption;
  /** Astronomical-point detector. Default: the preset's (`tukey` for pace, off for anhoej). */
  astronomical?: AstronomicalOption;
}

/** One point of a run chart. */
export interface RunChartPoint {
  /** 0-based position on the chart (after sorting by x and aggregating). */
  index: number;
  /**
   * The x value (the first of a group when aggregated): a number or an ISO date string as given; a
   * Date as the calendar day it was read as (ISO `YYYY-MM-DD`, so the result is the same JSON in
   * every time zone); the observation number when no x.
   */
  x: XValue;
  /** The value, or null for a gap. */
  y: number | null;
  /** The centre line at this point (null when its phase has no values). */
  centre: number | null;
  /** 0-based phase index. */
  phase: number;
  /** True when the point helped set its phase's centre. */
  baseline: boolean;
  /** True when the caller excluded the point from the centre and the rules. */
  excluded: boolean;
  /** True when the point counts as a useful observation (has a value, not excluded, not on the centre). */
  useful: boolean;
  /** Rule ids of the signals this point is part of. */
  signals: readonly RunRuleId[];
  /** The caller's annotation, when `notes` is given. */
  note?: unknown;
}

/**
 * The points of a run chart as columns (`output: "columns"`): entry i of every array belongs to
 * point i. Numbers use NaN where the point form has null; flags are 0 or 1.
 */
export interface RunChartColumns {
  /** Number of points. */
  length: number;
  /**
   * The x values: numbers (and observation numbers when no x is given) as a `Float64Array`;
   * ISO strings as given and Dates as the calendar day read (ISO `YYYY-MM-DD`), in an array. Aggregated rows give the first x of the group.
   */
  x: Float64Array | XValue[];
  /** The values; NaN for a gap. */
  y: Float64Array;
  /** The centre line at each point; NaN when its phase has no values. */
  centre: Float64Array;
  /** 0-based phase index. */
  phase: Uint32Array;
  /** 1 when the point helped set its phase's centre. */
  baseline: Uint8Array;
  /** 1 when the caller excluded the point. */
  excluded: Uint8Array;
  /** 1 when the point is a useful observation. */
  useful: Uint8Array;
  /** The rules each point takes part in, as bits: see {@link RUN_RULE_BITS}; 0 for none. */
  signals: Uint8Array;
  /** The caller's annotations, when `notes` is given. */
  note?: unknown[];
}

/** One phase of a run chart: a stretch with its own centre line and runs analysis. */
export interface RunChartPhase {
  /** Index of the first and last point. */
  start: number;
  end: number;
  /** Indices of the first and last point that set the centre (null when fixed or no values). */
  baselineStart: number | null;
  baselineEnd: number | null;
  /** Why the phase exists: the start of the data, a caller's phase break, or automatic re-phasing. */
  origin: "data" | "phase" | "rephase";
  centre: number | null;
  /** Points in the phase that are not excluded, gaps included (as qicharts2's `n.obs`). */
  nObs: number;
  /** Useful observations: points with a value, not excluded, not on the centre line. */
  nUseful: number;
  /** Runs: sequences of useful points on the same side of the centre line. */
  runs: number;
  /** Limits for the number of runs (null below the rule's minimum or when the rule is off). */
  runsLimits: RunsLimits | null;
  longestRun: number;
  /** Anhøj's limit for the longest run (null when n is too small for the method). */
  longestRunMax: number | null;
  /** Times the line crosses the centre (runs − 1). */
  crossings: number;
  /** Anhøj's minimum number of crossings (null when n is too small for the method). */
  crossingsMin: number | null;
  /**
   * The phase's runs verdict under the active rules: true when too few/too many runs (pace) or a
   * long run/few crossings (anhoej) signal; false when none does; null when there were too few
   * useful observations for any verdict. The same name as a control chart phase's `runsSignal`.
   */
  runsSignal: boolean | null;
  /** @deprecated The same value as `runsSignal` (its name before 0.2); to be removed in 1.0. */
  signal: boolean | null;
}

/** The result of {@link runChart}: plain, JSON-serialisable data. */
export interface RunChart {
  points: RunChartPoint[];
  phases: RunChartPhase[];
  signals: RunChartSignal[];
  warnings: RunChartWarning[];
  /** The resolved rules, direction and options the analysis used. */
  settings: {
    rules: ResolvedRunRules;
    direction: Direction;
    astronomical: ResolvedAstronomical;
    rephase: Required<RephaseOption> | null;
    /** The `multiply` the values were scaled by (1 when not given). */
    multiply: number;
    /** The `target` given, or null. */
    target: number | null;
    /** The period each dated point stands for (the `period` option or its default); null when x is not dates. */
    period: XPeriod | null;
  };
}

/** A run chart with its points as columns (`output: "columns"`). */
export interface RunChartColumnar extends Omit<RunChart, "points"> {
  columns: RunChartColumns;
}

/** One chart of a grouped analysis (`by`). */
export interface RunChartGroup {
  key: unknown;
  chart: RunChart;
}

/** One chart of a grouped analysis (`by`) with `output: "columns"`. */
export interface RunChartColumnarGroup {
  key: unknown;
  chart: RunChartColumnar;
}

/** The resolved astronomical detector. */
export type ResolvedAstronomical =
  | false
  | { method: "tukey"; k: number; minPoints: number }
  | { method: "sigma"; sigma: number; minPoints: number }
  | { method: "manual"; points: number[] };
