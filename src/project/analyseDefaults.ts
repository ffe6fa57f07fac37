import { QiError, describeValue } from "../_lib/error.js";
import { parseIsoDay } from "../_lib/calendar.js";
import { assertShape, root } from "../_lib/shape.js";
import { startsPeriod } from "../engine/period.js";
import type { XPeriod } from "../engine/types.js";
import { MEASURE_SHAPE } from "../measures/guards.js";
import type { Measure, MeasureDirection } from "../measures/types.js";
import { SERIES_SHAPE } from "./guards.js";
import type { DataSeries } from "./types.js";

/**
 * The chart options the default analysis ({@link renderReport}'s run chart) uses for a measure:
 * its rows' fields, its direction and its series' baseline when it has one. Spread them into
 * `runChart` or `controlChart` so that a custom analysis keeps the baseline:
 * `(measure, rows, { defaults }) => controlChart(rows, { ...defaults, type: "i" })`.
 */
export interface AnalyseDefaults {
  x: "x";
  y: "y";
  direction: MeasureDirection;
  /** The series' `baseline` (a count of points or the last ISO date of the baseline), when it has one. */
  baseline?: number | string;
  /** The measure's `definition.period` when every x is a date that starts one ("2024 Q1" on a quarterly chart). */
  period?: XPeriod;
}

/**
 * The chart options a project's report uses for one measure and its data series (see
 * {@link AnalyseDefaults}): `x` and `y`, the measure's direction, the series' baseline, and the
 * measure's `definition.period` when every row's x is an ISO date that starts one (so a quarterly
 * measure's points read "2024 Q1"); a measure of cases, or rows with other x, get no period. The
 * same options {@link rollUp} passes to its `analyse` callback. A measure or series of the wrong
 * shape, or a series of another measure, is an `invalid-value` error.
 *
 * @example
 * const measure = parseMeasure({ id: "m", name: "Children with a plan", type: "process", direction: "increase", links: [],
 *   definition: { unit: "children", aggregation: "count", period: "quarter" } });
 * analyseDefaults(measure, { measure: "m", rows: [{ x: "2024-01-01", y: 4 }, { x: "2024-04-01", y: 6 }] })
 * //=> { x: "x", y: "y", direction: "increase", period: "quarter" }
 */
export function analyseDefaults(measure: Measure, series: DataSeries): AnalyseDefaults {
  assertShape(measure, MEASURE_SHAPE, root("measure"), "this is not a measure; parse it with parseMeasure first");
  assertShape(series, SERIES_SHAPE, root("series"), "pass one of the project's data series: { measure, rows, baseline? }");
  if (series.measure !== measure.id) throw new QiError("invalid-value", ["series", "measure"], `the series is of measure ${describeValue(series.measure)}, not of ${describeValue(measure.id)}`);
  const period = measure.definition.period;
  const dated = period !== "case" && series.rows.length > 0 && series.rows.every((r) => typeof r.x === "string" && startsPeriod(parseIsoDay(r.x), period));
  return {
    x: "x",
    y: "y",
    direction: measure.direction,
    ...(series.baseline !== undefined ? { baseline: series.baseline } : {}),
    ...(dated ? { period: period as XPeriod } : {}),
  };
}
