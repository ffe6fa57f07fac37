import type { ControlChart } from "../spc/types.js";
import { checkRenderSize } from "./runChart.js";
import { drawChart } from "./chart.js";
import { cusumModel } from "./cusum.js";
import { assertControlChart } from "../spc/guards.js";
import { CONTROL_CHART_NAMES, controlChartText } from "../spc/summary.js";
import { mdcIconWords } from "../spc/mdcText.js";
import { centreNameOf } from "../spc/centreName.js";
import { assuranceOf } from "../spc/mdc.js";
import { modelPhases, modelPoints, pointMarks, variationMarks, type ChartModel } from "./model.js";
import type { RenderChartOptions } from "./types.js";

/**
 * Draw a {@link controlChart} result as an SVG string (no DOM needed): everything
 * {@link renderRunChart} draws, plus the 3-sigma control limits (solid over the baseline, dashed
 * beyond) and the dotted 2-sigma lines. Limits that vary with the denominators (p, pp, u, up,
 * xbar, s charts) are drawn as steps, one per point. The target defaults to the chart's
 * `settings.target`; a `target` option (a number, or null for none) is the one drawn *and* the one
 * the Making Data Count assurance icon and `<desc>` judge, against the last phase's limits, as if it
 * had been given to {@link controlChart} (the chart itself is not changed). `<desc>` is
 * {@link summariseControlChart} of the chart so judged.
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
  // Options that are not an object are refused by drawChart (checkChartOptions), with their path.
  const target = options !== null && typeof options === "object" ? options.target : undefined;
  return drawChart(controlChartModel(chart, target), options);
}

/**
 * The chart as if `target` had been given to controlChart: its settings' target and the last
 * phase's assurance icon (as phaseRules: against that phase's limits at its last point; none for
 * a phase without values or without a target).
 */
function judgedAgainst(chart: ControlChart, target: number | null): ControlChart {
  const last = chart.phases.length - 1;
  const phases = chart.phases.map((p, k) => {
    if (k !== last) return p;
    const end = chart.points[p.end];
    const icon = target === null || p.centre === null || end === undefined ? null : assuranceOf(target, end.ucl ?? Number.NaN, end.lcl ?? Number.NaN, chart.settings.direction);
    return { ...p, assuranceIcon: icon };
  });
  return { ...chart, settings: { ...chart.settings, target }, phases };
}

/**
 * @internal What {@link drawChart} needs from a checked control chart (also used by small
 * multiples), judged against `target` when one is given (see {@link renderControlChart}).
 */
export function controlChartModel(given: ControlChart, target?: number | null): ChartModel {
  // A target that is not a finite number or null is refused by the layout (checkTarget), not judged here.
  const judged = target === null || (typeof target === "number" && Number.isFinite(target));
  const chart = !judged || target === given.settings.target ? given : judgedAgainst(given, target);
  if (chart.type === "cusum") return cusumModel(chart, controlChartText(chart));
  // Making Data Count marks each point by its variation (NHSRplotthedots' precedence), so the
  // markers agree with the icons; other rule sets by the signals each point belongs to.
  const mdc = chart.settings.rules?.preset === "mdc";
  const marks = mdc ? variationMarks(chart.points.map((p) => p.variation ?? null)) : pointMarks(chart.points.length, chart.signals);
  const model: ChartModel = {
    kind: "control",
    className: `qi-control-chart qi-${chart.type}-chart`,
    defaultTitle: CONTROL_CHART_NAMES[chart.type] ?? "Control chart",
    centreName: centreNameOf(chart.type),
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
