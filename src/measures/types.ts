/**
 * Measures for improvement (IHI "Science of Improvement: Establishing Measures"; Langley et al.,
 * The Improvement Guide, 2009; Provost & Murray, The Health Care Data Guide, 2011, ch. 2): a family
 * of outcome, process and balancing measures, each with an operational definition.
 */

/** Outcome (the aim's result), process (the work that drives it), balancing (what might get worse). */
export type MeasureType = "outcome" | "process" | "balancing";

/** Which way is better. */
export type MeasureDirection = "increase" | "decrease" | "neutral";

/**
 * How each period's value is formed: a count, a sum, a mean or median, a percentage / proportion /
 * rate (numerator over denominator), or `per-case` (each case is a point, e.g. days per child).
 */
export type MeasureAggregation = "count" | "sum" | "mean" | "median" | "percentage" | "proportion" | "rate" | "per-case";

/**
 * The chart a report draws for the measure: `run` (a run chart, the default), or a control chart
 * type (Provost & Murray 2011, ch. 5–8: p for a percentage of cases, c for a count, i for values
 * such as days). `np` is not one: it plots the number of cases, not the measure's value.
 */
export type MeasureChartType = "run" | "i" | "mr" | "xbar" | "s" | "p" | "pp" | "u" | "up" | "c" | "g" | "t" | "r" | "ip" | "i-median" | "i-median-mr" | "cusum" | "ewma";

/** The period each data point covers (`case`: one point per case). */
export type MeasurePeriod = "day" | "week" | "month" | "quarter" | "year" | "financial-year" | "financial-quarter" | "clas-year" | "case";

/** The clock of a time measure: the milestones that start and stop it (e.g. "accommodated" → "permanence recommendation"). */
export interface MeasureClock {
  start: string;
  stop: string;
}

/** An operational definition: exactly what is counted, how, when and by whom. */
export interface OperationalDefinition {
  description?: string;
  numerator?: string;
  denominator?: string;
  inclusions?: readonly string[];
  exclusions?: readonly string[];
  clock?: MeasureClock;
  unit: string;
  aggregation: MeasureAggregation;
  period: MeasurePeriod;
  dataSource?: string;
  owner?: string;
}

/** A goal for the measure: a value, optionally by a date (ISO). */
export interface MeasureTarget {
  value: number;
  by?: string;
  label?: string;
}

/** A measure, linked to driver-diagram nodes (the aim, drivers or change ideas) by id. */
export interface Measure {
  id: string;
  name: string;
  type: MeasureType;
  description?: string;
  definition: OperationalDefinition;
  direction: MeasureDirection;
  /**
   * The chart `pace-qi report` draws for this measure (a run chart without it): a board pack has
   * run charts of days and p charts of percentages. `report --chart` draws its type instead
   * where it fits the measure. `renderReport`'s default analysis draws run charts only: a measure
   * of another chart gets "No chart" saying so, unless you pass `analyse`.
   */
  chart?: MeasureChartType;
  target?: MeasureTarget;
  /** Ids of the driver-diagram nodes this measure follows. */
  links: readonly string[];
}
