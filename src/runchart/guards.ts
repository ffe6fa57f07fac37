import { arrayOf, assertShape, bool, fast, index, isRecord, nullable, num, object, optional, root, type Shape } from "../_lib/shape.js";
import { checkChartForm, checkPhaseRanges, PERIOD_FIELD, PHASE_FIELDS, POINT_FIELDS, pointsOk, SIGNALS_AND_WARNINGS } from "../engine/guards.js";
import type { RunChart, RunChartColumnar } from "./types.js";

// Everything but the points (or columns).
const RUN_CHART_FIELDS: Record<string, Shape> = {
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
  settings: object({ rules: object({ runs: optional(anything()), longRun: optional(anything()), crossings: optional(anything()) }), period: PERIOD_FIELD }),
};

const RUN_CHART_SHAPE: Shape = object(
  { points: fast(arrayOf(object(POINT_FIELDS, "a point object"), "an array of points"), (v) => pointsOk(v, false)), ...RUN_CHART_FIELDS },
  "a run chart object",
);

/** A columnar result (`output: "columns"`): its summary reads the phases, signals and warnings only. */
const RUN_CHART_COLUMNS_SHAPE: Shape = object({ columns: object({ length: index }, "the columns of a run chart"), ...RUN_CHART_FIELDS }, "a run chart object");

/**
 * @internal {@link assertRunChart}, or for a columnar result (`output: "columns"`) the same checks
 * of everything but the points: what a summary reads (a renderer needs the points).
 */
export function assertRunChartOrColumns(chart: unknown): asserts chart is RunChart | RunChartColumnar {
  if (!isRecord(chart) || chart.points !== undefined || !isRecord(chart.columns)) return assertRunChart(chart);
  assertShape(chart, RUN_CHART_COLUMNS_SHAPE, root("chart"), "this is not a run chart; pass what runChart() returned, unchanged");
  const c = chart as unknown as RunChartColumnar;
  checkPhaseRanges({ points: { length: c.columns.length } as readonly unknown[], phases: c.phases }, "runChart");
}

function anything(): Shape {
  return { what: "anything", check: () => undefined };
}

/** @internal Throw `invalid-value` at `["chart", …]` unless `chart` has a run chart result's shape (point form). */
export function assertRunChart(chart: unknown): asserts chart is RunChart {
  checkChartForm(chart, "runChart");
  assertShape(chart, RUN_CHART_SHAPE, root("chart"), "this is not a run chart; pass what runChart() returned, unchanged");
  checkPhaseRanges(chart as RunChart, "runChart");
}
