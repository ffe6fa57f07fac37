import { QiError } from "../_lib/error.js";
import { arrayOf, assertShape, f64, fast, index, isRecord, nullable, num, object, oneOf, optional, root, type Shape } from "../_lib/shape.js";
import { checkChartForm, checkPhaseRanges, PERIOD_FIELD, PHASE_FIELDS, POINT_FIELDS, pointsOk, SIGNALS_AND_WARNINGS } from "../engine/guards.js";
import type { ControlChart, ControlChartColumnar } from "./types.js";

const limit = nullable(num);

// Everything but the points (or columns).
const CONTROL_CHART_FIELDS: Record<string, Shape> = {
  phases: arrayOf(object({ ...PHASE_FIELDS, sigmaSignals: num, sigma: optional(num) }, "a phase object"), "an array of phases"),
  ...SIGNALS_AND_WARNINGS,
  type: oneOf(["i", "mr", "xbar", "s", "p", "pp", "u", "up", "c", "g", "t", "r", "np", "ip", "i-median", "i-median-mr", "cusum", "ewma"]),
  settings: object({ target: nullable(num), period: PERIOD_FIELD, parameters: optional(object({ decisionInterval: nullable(num) })) }),
};

const CONTROL_CHART_SHAPE: Shape = object(
  { points: fast(arrayOf(object({ ...POINT_FIELDS, ucl: limit, lcl: limit, ucl2: limit, lcl2: limit }, "a point object"), "an array of points"), (v) => pointsOk(v, true)), ...CONTROL_CHART_FIELDS },
  "a control chart object",
);

/** A columnar result (`output: "columns"`): its summary reads the limits' columns besides the phases. */
const CONTROL_CHART_COLUMNS_SHAPE: Shape = object(
  { columns: object({ length: index, ucl: f64, lcl: f64 }, "the columns of a control chart"), ...CONTROL_CHART_FIELDS },
  "a control chart object",
);

/**
 * @internal {@link assertControlChart}, or for a columnar result (`output: "columns"`) the same
 * checks of everything but the points, and limit columns as long as the chart: what a summary reads.
 */
export function assertControlChartOrColumns(chart: unknown): asserts chart is ControlChart | ControlChartColumnar {
  if (!isRecord(chart) || chart.points !== undefined || !isRecord(chart.columns)) return assertControlChart(chart);
  assertShape(chart, CONTROL_CHART_COLUMNS_SHAPE, root("chart"), "this is not a control chart; pass what controlChart() returned, unchanged");
  const c = chart as unknown as ControlChartColumnar;
  for (const f of ["ucl", "lcl"] as const) {
    if (c.columns[f].length < c.columns.length) throw new QiError("invalid-value", ["chart", "columns", f], `columns.${f} has ${c.columns[f].length} entries for ${c.columns.length} points; pass what controlChart() returned, unchanged`);
  }
  checkPhaseRanges({ points: { length: c.columns.length } as readonly unknown[], phases: c.phases }, "controlChart");
}

/** @internal Throw `invalid-value` at `["chart", …]` unless `chart` has a control chart result's shape (point form). */
export function assertControlChart(chart: unknown): asserts chart is ControlChart {
  checkChartForm(chart, "controlChart");
  assertShape(chart, CONTROL_CHART_SHAPE, root("chart"), "this is not a control chart; pass what controlChart() returned, unchanged");
  checkPhaseRanges(chart as ControlChart, "controlChart");
  checkSums(chart as ControlChart);
}

/** A cusum chart's sums: a number or null (absent on other charts) at each point. */
function checkSums(chart: ControlChart): void {
  chart.points.forEach((p, i) => {
    for (const f of ["upper", "lower"] as const) {
      const v: unknown = p[f];
      if (v !== undefined && v !== null && typeof v !== "number") {
        throw new QiError("invalid-value", ["chart", "points", i, f], `points[${i}].${f} must be a number or null; this is not a control chart: pass what controlChart() returned, unchanged`);
      }
    }
  });
}
