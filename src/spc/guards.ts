import { QiError } from "../_lib/error.js";
import { arrayOf, assertShape, fast, nullable, num, object, oneOf, optional, root, type Shape } from "../_lib/shape.js";
import { checkChartForm, checkPhaseRanges, PHASE_FIELDS, POINT_FIELDS, pointsOk, SIGNALS_AND_WARNINGS } from "../engine/guards.js";
import type { ControlChart } from "./types.js";

const limit = nullable(num);

const CONTROL_CHART_SHAPE: Shape = object(
  {
    points: fast(arrayOf(object({ ...POINT_FIELDS, ucl: limit, lcl: limit, ucl2: limit, lcl2: limit }, "a point object"), "an array of points"), (v) => pointsOk(v, true)),
    phases: arrayOf(object({ ...PHASE_FIELDS, sigmaSignals: num, sigma: optional(num) }, "a phase object"), "an array of phases"),
    ...SIGNALS_AND_WARNINGS,
    type: oneOf(["i", "mr", "xbar", "s", "p", "pp", "u", "up", "c", "g", "t", "r", "np", "ip", "i-median", "i-median-mr", "cusum", "ewma"]),
    settings: object({ target: nullable(num), parameters: optional(object({ decisionInterval: nullable(num) })) }),
  },
  "a control chart object",
);

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
