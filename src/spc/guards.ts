import { arrayOf, assertShape, fast, nullable, num, object, oneOf, root, type Shape } from "../_lib/shape.js";
import { checkChartForm, checkPhaseRanges, PHASE_FIELDS, POINT_FIELDS, pointsOk, SIGNALS_AND_WARNINGS } from "../runchart/guards.js";
import type { ControlChart } from "./types.js";

const limit = nullable(num);

const CONTROL_CHART_SHAPE: Shape = object(
  {
    points: fast(arrayOf(object({ ...POINT_FIELDS, ucl: limit, lcl: limit, ucl2: limit, lcl2: limit }, "a point object"), "an array of points"), (v) => pointsOk(v, true)),
    phases: arrayOf(object({ ...PHASE_FIELDS, sigmaSignals: num }, "a phase object"), "an array of phases"),
    ...SIGNALS_AND_WARNINGS,
    type: oneOf(["i", "mr", "xbar", "s", "p", "pp", "u", "up", "c", "g", "t", "r", "np", "ip", "i-median", "i-median-mr", "cusum", "ewma"]),
    settings: object({ target: nullable(num) }),
  },
  "a control chart object",
);

/** @internal Throw `invalid-value` at `["chart", …]` unless `chart` has a control chart result's shape (point form). */
export function assertControlChart(chart: unknown): asserts chart is ControlChart {
  checkChartForm(chart, "controlChart");
  assertShape(chart, CONTROL_CHART_SHAPE, root("chart"), "this is not a control chart; pass what controlChart() returned, unchanged");
  checkPhaseRanges(chart as ControlChart, "controlChart");
}
