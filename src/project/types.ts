import type { DriverDiagram } from "../drivers/types.js";
import type { Measure } from "../measures/types.js";
import type { PdsaCycle } from "../pdsa/types.js";

/**
 * One data point of a measure: `x` an ISO date (the start of the period, or the case's date) or
 * a number (a case or period index), `y` the measure's value as plotted, in its unit (60 for
 * 60 %; null for a gap), `n` the number of cases behind it (the denominator of a percentage,
 * proportion or rate: 9 of 15 children is `{ y: 60, n: 15 }`). A run chart plots y; `pace-qi
 * report --chart p` finds each count as y × n / 100.
 */
export interface SeriesRow {
  x: string | number;
  y: number | null;
  n?: number;
}

/** The data of one measure. */
export interface DataSeries {
  measure: string;
  rows: readonly SeriesRow[];
  /**
   * The points that set the chart's centre line (and a control chart's limits): the first N
   * points, or the points up to and including this ISO date — the period before the change, so
   * that signals appear where the change is. Default: every point.
   */
  baseline?: number | string;
}

/**
 * An improvement project in one JSON document: the driver diagram (with the aim), the family of
 * measures, the PDSA cycles and each measure's data.
 */
export interface Project {
  /** Optional link to the JSON Schema, for editors. */
  $schema?: string;
  title: string;
  description?: string;
  /** True for made-up examples, so reports can say so. */
  illustrative?: boolean;
  diagram: DriverDiagram;
  measures: readonly Measure[];
  cycles: readonly PdsaCycle[];
  data: readonly DataSeries[];
}
