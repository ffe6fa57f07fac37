import { arrayOf, assertShape, bool, fast, nullable, num, object, optional, root, type Shape } from "../_lib/shape.js";
import { checkChartForm, checkPhaseRanges, PHASE_FIELDS, POINT_FIELDS, pointsOk, SIGNALS_AND_WARNINGS } from "../engine/guards.js";
import type { RunChart } from "./types.js";

const RUN_CHART_SHAPE: Shape = object(
  {
    points: fast(arrayOf(object(POINT_FIELDS, "a point object"), "an array of points"), (v) => pointsOk(v, false)),
    phases: arrayOf(
      object(
        {
          ...PHASE_FIELDS,
          nUseful: num,
          runs: num,
          runsLimits: nullable(object({ lower: num, upper: num })),
          longestRun: num,
          longestRunMax: nullable(num),
          crossings: num,
          crossingsMin: nullable(num),
          signal: nullable(bool),
          // Optional: a chart saved before 0.2 has only the deprecated `signal`.
          runsSignal: optional(nullable(bool)),
        },
        "a phase object",
      ),
      "an array of phases",
    ),
    ...SIGNALS_AND_WARNINGS,
    settings: object({ rules: object({ runs: optional(anything()), longRun: optional(anything()), crossings: optional(anything()) }) }),
  },
  "a run chart object",
);

function anything(): Shape {
  return { what: "anything", check: () => undefined };
}

/** @internal Throw `invalid-value` at `["chart", …]` unless `chart` has a run chart result's shape (point form). */
export function assertRunChart(chart: unknown): asserts chart is RunChart {
  checkChartForm(chart, "runChart");
  assertShape(chart, RUN_CHART_SHAPE, root("chart"), "this is not a run chart; pass what runChart() returned, unchanged");
  checkPhaseRanges(chart as RunChart, "runChart");
}
