import type { ControlChart } from "../spc/types.js";
import { checkRenderSize } from "./runChart.js";
import { drawChart } from "./chart.js";
import { cusumModel } from "./cusum.js";
import { assertControlChart } from "../spc/guards.js";
import { CONTROL_CHART_NAMES, controlChartText } from "../spc/summary.js";
import { mdcIconWords } from "../spc/mdcText.js";
import { modelPhases, modelPoints, pointMarks, variationMarks, type ChartModel } from "./model.js";
import type { RenderChartOptions } from "./types.js";

/**
 * Draw a {@link controlChart} result as an SVG string (no DOM needed): everything
 * {@link renderRunChart} draws, plus the 3-sigma control limits (solid over the baseline, dashed
 * beyond) and the dotted 2-sigma lines. Limits that vary with the denominators (p, pp, u, up,
 * xbar, s charts) are drawn as steps, one per point. The target defaults to the chart's
 * `settings.target`. `<desc>` is {@link summariseControlChart}.
 *
 * @example
 * const rows = [[8, 10], [6, 9], [7, 11], [9, 10], [5, 8], [8, 12], [7, 9], [9, 11]]
 *   .map(([met, children], i) => ({ month: `2024-0${i + 1}-01`, met, children }));
 * renderControlChart(controlChart(rows, { type: "p", x: "month", y: "met", n: "children", multiply: 100 }), {
 *   title: "Planning meetings within 14 days", yLabel: "%",
 * }).includes('class="limit upper"') //=> true
 */
export function renderControlChart(chart: ControlChart, options: RenderChartOptions = {}): string {
  assertControlChart(chart);
  checkRenderSize(chart.points.length);
  return drawChart(controlChartModel(chart), options);
}

/** @internal What {@link drawChart} needs from a checked control chart (also used by small multiples). */
export function controlChartModel(chart: ControlChart): ChartModel {
  if (chart.type === "cusum") return cusumModel(chart, controlChartText(chart));
  // Making Data Count marks each point by its variation (NHSRplotthedots' precedence), so the
  // markers agree with the icons; other rule sets by the signals each point belongs to.
  const mdc = chart.settings.rules?.preset === "mdc";
  const marks = mdc ? variationMarks(chart.points.map((p) => p.variation ?? null)) : pointMarks(chart.points.length, chart.signals);
  const model: ChartModel = {
    kind: "control",
    className: `qi-control-chart qi-${chart.type}-chart`,
    defaultTitle: CONTROL_CHART_NAMES[chart.type] ?? "Control chart",
    centreName: chart.type === "g" || chart.type === "i-median" || chart.type === "i-median-mr" ? "median" : "mean",
    period: chart.settings.period ?? null,
    points: modelPoints(chart.points, marks),
    phases: modelPhases(chart.phases),
    limits: true,
    summary: controlChartText(chart),
    target: chart.settings.target,
    limitNames: mdc ? { upper: "UPL", lower: "LPL", legend: "Process limits (3σ)" } : chart.type === "ewma" ? { upper: "UCL", lower: "LCL", legend: `EWMA limits (${chart.settings.parameters?.sigmas ?? 3}σ)` } : { upper: "UCL", lower: "LCL", legend: "Control limits (3σ)" },
    icons: mdc ? mdcIconWords(chart) : null,
    ...(chart.type === "ewma" ? { dataLabel: "EWMA" } : {}),
  };
  return model;
}
