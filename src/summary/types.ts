import type { Assurance, ControlChart, Variation } from "../spc/types.js";
import type { RunChart } from "../runchart/types.js";
import type { Verdict } from "../project/verdict.js";
import type { Measure, MeasureTarget } from "../measures/types.js";

/**
 * One chart to summarise: a measure's name, its chart and optionally its group (authority, team,
 * stage), its target and unit. A `by` result (`{ key, chart }`) and `{ measure, chart }` (a
 * project's measure beside its analysed chart) are accepted too.
 */
export interface MeasureChart {
  name: string;
  chart: RunChart | ControlChart;
  group?: string | number | null;
  /** A target to read the latest position against. Default: the control chart's `settings.target`. */
  target?: number | null;
  /** Unit for the reading ("%" gives "80 %"). */
  unit?: string;
  /**
   * Points (0-based) that are partial periods (the first or last month of an extract), each an
   * excluded point of the chart: a latest point among them is `latest.partial`, which the summary
   * table and the CLI call a partial period rather than "excluded". As the renderers' option.
   */
  partialPeriods?: readonly number[];
}

/**
 * One item of {@link summariseMeasures}' input: a named chart ({@link MeasureChart}), a group of a
 * `by` result (`{ key, chart }`, named by the `name` option), or a project's measure with its
 * chart (its name, target and unit are read from it). Typed so a misspelt key (`targett`) is a
 * compile error too, as it is an `unknown-option` error at run time.
 */
export type SummaryInput =
  | MeasureChart
  | { key: unknown; chart: RunChart | ControlChart; target?: number | null; unit?: string; partialPeriods?: readonly number[] }
  | { measure: MeasureOfChart; chart: RunChart | ControlChart; group?: string | number | null };

/** What the summary reads of a project's measure: its name, target and unit (a whole `Measure` will do). */
export type MeasureOfChart = Pick<Measure, "name"> & { target?: Pick<MeasureTarget, "value">; definition?: { unit?: string } };

/**
 * How a row reads at a glance, in the order the board should read them: special cause concern,
 * special cause improvement, special cause neither better nor worse, common cause, too little data.
 */
export type SummaryCategory = "concern" | "improvement" | "neutral" | "common-cause" | "insufficient";

/** The {@link summariseMeasures} options. */
export interface SummariseMeasuresOptions {
  /** The measure's name for a `by` result's rows (which carry no name). Default "measure". */
  name?: string;
  /** `"category"` (default): concern first, then improvement, neutral, common cause, insufficient; input order within each. `"none"`: input order. */
  sort?: "category" | "none";
  /** Keep only rows of these categories. Default: all. */
  filter?: readonly SummaryCategory[];
  /** Unit for every row without its own ("%" gives "80 %"). */
  unit?: string;
}

/** One row of the summary: a measure (and group). */
export interface SummaryRow {
  measure: string;
  group: string | number | null;
  /** "run" or the control chart type ("i", "p", …). */
  chart: string;
  /** Rules preset the chart used ("pace", "mdc", …). */
  rules: string;
  direction: "increase" | "decrease" | "neutral";
  /**
   * The last point with a value; `excluded: true` when the chart left it out of the centre line
   * and the rules (`exclude`, or a period the CLI found partial), so a board can say so, and
   * `partial: true` too when it is one of the item's `partialPeriods`. `label`:
   * the x as the chart's messages write it ("Jun 2024", "x = 31", "point 22" for the observation
   * numbers of a chart without `x`), as `since` and `lastSignal` label theirs.
   */
  latest: { x: unknown; y: number; label: string; excluded?: true; partial?: true } | null;
  target: number | null;
  /** The unit of the measure's values ("%", "days"; "" when none given): latest, target and centre are in it. */
  unit: string;
  /** The current (last) phase's centre line. */
  centre: number | null;
  /** Making Data Count variation icon (control charts with the mdc rules), else null. */
  variation: Variation | null;
  /** Making Data Count assurance icon (control charts with a target and a direction), else null. */
  assurance: Assurance | null;
  /**
   * The assurance in words, as the reading gives it ("the target of 80 % is consistently missed";
   * at the latest point's limits when limits vary with n; judged against limits from before a
   * change when the limits were fixed before a shift still going on): the icon's tooltip in the
   * summary table, so the icon and the reading say the same. Null when `assurance` is.
   */
  assuranceText: string | null;
  /**
   * The assurance was judged against limits fixed before a shift still going on at the latest
   * point (they describe the process before the change): the summary table, as the chart, draws
   * its icon as not judged (a dashed grey "?") beside the words that say so.
   */
  assuranceBeforeChange: boolean;
  /** The verdict of {@link summariseVerdict}, the same for every chart kind. */
  verdict: Verdict;
  category: SummaryCategory;
  /**
   * Where the special cause the row reports starts (x and its label) when it is still going on at
   * the latest point; null otherwise (see `lastSignal`).
   */
  since: { x: unknown; label: string } | null;
  /** The latest special cause when it ended before the latest point: its first and last points. Null with `since`. */
  lastSignal: { from: { x: unknown; label: string }; to: { x: unknown; label: string } } | null;
  /** One line for the board: "special cause improvement since Jun 2024; the target of 80 % is consistently met". */
  reading: string;
}

/**
 * Something the reader of the summary should know: a chart's own warning (rows combined, values
 * missing, …), carried with its code and naming its `measure` and `group`; or `no-measures`.
 */
export interface SummaryWarning {
  code: string;
  /** "Moves (North): 2 rows share an x …": the chart's message after its measure and group. */
  message: string;
  /** The row's measure and group (absent for `no-measures`). */
  measure?: string;
  group?: string | number | null;
}

/** The {@link summariseMeasures} result. */
export interface MeasuresSummary {
  rows: SummaryRow[];
  /** Rows per category (before `filter`). */
  counts: Record<SummaryCategory, number>;
  /** Every chart's warnings (input order, also for rows `filter` leaves out), or `no-measures`. */
  warnings: SummaryWarning[];
}
