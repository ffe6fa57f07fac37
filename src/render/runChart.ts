import { QiError } from "../_lib/error.js";
import { assertRunChart } from "../runchart/guards.js";
import { runChartText } from "../runchart/summary.js";
import type { RunChart } from "../runchart/types.js";
import { drawChart } from "./chart.js";
import { modelPhases, modelPoints, pointMarks, type ChartModel } from "./model.js";
import type { RenderChartOptions } from "./types.js";

/**
 * Draw a {@link runChart} result as an SVG string (no DOM needed). The line breaks at missing
 * values and phase breaks; each phase's centre line is solid over the points that set it and
 * dashed where it is extended; signal points are drawn by assessment (improvement ▲ blue,
 * deterioration ▼ vermillion, neutral ◆ purple) with a legend; annotations (PDSA cycles, notes)
 * are marked on the x axis with non-overlapping labels. `<title>` and `<desc>` (the
 * {@link summariseRunChart} text) make it accessible; every string is escaped; the same input
 * gives byte-identical output. At most {@link MAX_RENDER_POINTS} points (more is a `QiError`
 * `too-many-points` at `["chart", "points"]`: aggregate the series first). See docs/rendering.md.
 *
 * @example
 * const rows = [40, 42, 38, 45, 50, 55, 60, 58].map((value, i) => ({ month: `2024-0${i + 1}-01`, value }));
 * const svg = renderRunChart(runChart(rows, { x: "month", y: "value", direction: "increase" }), {
 *   title: "Children with a plan within 26 weeks", yLabel: "%",
 *   annotations: [{ x: "2024-05-06", label: "PDSA 1" }],
 * });
 * svg.startsWith("<svg") //=> true
 */
export function renderRunChart(chart: RunChart, options: RenderChartOptions = {}): string {
  assertRunChart(chart);
  checkRenderSize(chart.points.length);
  return drawChart(runChartModel(chart), options);
}

/**
 * The most points {@link renderRunChart} draws: 10⁶ points make a 220 MB SVG (about 2.4 GB of
 * heap while drawing), a thousand points per pixel; 4×10⁶ would pass V8's longest string and
 * the default heap, and aborted Node (issue #18).
 */
export const MAX_RENDER_POINTS = 1_000_000;

/** @internal A coded error, before any drawing, for a chart beyond {@link MAX_RENDER_POINTS}. */
export function checkRenderSize(points: number): void {
  if (points > MAX_RENDER_POINTS) {
    throw new QiError("too-many-points", ["chart", "points"], `the chart has ${points.toLocaleString("en-GB")} points, more than the ${MAX_RENDER_POINTS.toLocaleString("en-GB")} a chart can draw (MAX_RENDER_POINTS): aggregate the series first (e.g. by week or month)`);
  }
}

/** @internal What {@link drawChart} needs from a checked run chart (also used by small multiples). */
export function runChartModel(chart: RunChart): ChartModel {
  const marks = pointMarks(chart.points.length, chart.signals);
  const computed = chart.phases.length > 0 && chart.phases.every((p) => p.baselineStart !== null);
  const model: ChartModel = {
    kind: "run",
    className: "qi-run-chart",
    defaultTitle: "Run chart",
    centreName: computed ? "median" : "centre",
    period: chart.settings.period ?? null,
    points: modelPoints(chart.points, marks),
    phases: modelPhases(chart.phases),
    limits: false,
    summary: runChartText(chart),
    // The analysis's target (runChart's `target`), unless the render options give one.
    target: typeof chart.settings.target === "number" ? chart.settings.target : null,
    limitNames: { upper: "UCL", lower: "LCL", legend: "Control limits (3σ)" },
    icons: null,
  };
  return model;
}
