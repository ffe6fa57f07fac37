import { layoutChart, type ChartFrame, type ChartLayout } from "./chartLayout.js";
import { annotationsLayer, captionLayer, centreLayer, dataLayer, iconsLayer, legendLayer, limitsLayer, openLayer, phasesLayer, targetLayer, valueLabelsLayer, xAxisLayer, yAxisLayer } from "./chartLayers.js";
import type { ChartModel } from "./model.js";
import type { RenderChartOptions } from "./types.js";

export type { ChartFrame } from "./chartLayout.js";
export { drawLegend } from "./chartLegend.js";

/**
 * The layers of a chart in drawing order (later ones on top): the frame and header, icons, axes,
 * limits, centre and target lines, annotations, phase breaks and labels (over the annotations'
 * lines), the data, the value labels at the right, the legend and caption.
 */
const LAYERS: ReadonlyArray<(layout: ChartLayout) => string> = [
  openLayer,
  iconsLayer,
  yAxisLayer,
  xAxisLayer,
  limitsLayer,
  centreLayer,
  targetLayer,
  annotationsLayer,
  phasesLayer,
  dataLayer,
  valueLabelsLayer,
  legendLayer,
  captionLayer,
];

/**
 * @internal Draw a run or control chart model as an SVG string: lay it out once (options, size,
 * scales, lanes, legend; chartLayout.ts), then stack the layers (chartLayers.ts).
 */
export function drawChart(model: ChartModel, options: RenderChartOptions = {}, frame: ChartFrame = {}): string {
  const layout = layoutChart(model, options, frame);
  return `${LAYERS.map((layer) => layer(layout)).join("")}</svg>`;
}
