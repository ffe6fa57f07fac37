// PLACEHOLDER — replaced by the render branch at merge.
// Minimal stand-ins with the agreed signatures so the CLI branch compiles and its tests run.
import type { DriverDiagram } from "../drivers/types.js";
import type { Measure } from "../measures/types.js";
import type { Project, SeriesRow } from "../project/types.js";
import type { RunChart } from "../runchart/types.js";
import type { ControlChart } from "../spc/types.js";

/** Options shared by the chart renderers. */
export interface RenderChartOptions {
  title?: string;
  subtitle?: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
  target?: number | null;
  annotations?: { x: string | number; label: string }[];
}

/** Options of {@link renderReport}. */
export interface RenderReportOptions {
  title?: string;
  analyse?: (measure: Measure, rows: readonly SeriesRow[]) => RunChart | ControlChart;
  generated?: string;
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function svg(title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>${escape(title)}</title></svg>`;
}

/** PLACEHOLDER: a run chart as SVG. */
export function renderRunChart(chart: RunChart, options: RenderChartOptions = {}): string {
  return svg(options.title ?? `Run chart (${chart.points.length} points)`);
}

/** PLACEHOLDER: a control chart as SVG. */
export function renderControlChart(chart: ControlChart, options: RenderChartOptions = {}): string {
  return svg(options.title ?? `Control chart (${chart.type})`);
}

/** PLACEHOLDER: a driver diagram as SVG. */
export function renderDriverDiagram(diagram: DriverDiagram, options: RenderChartOptions = {}): string {
  return svg(options.title ?? diagram.title ?? "Driver diagram");
}

/** PLACEHOLDER: the self-contained HTML report. */
export function renderReport(project: Project, options: RenderReportOptions = {}): string {
  const title = escape(options.title ?? project.title);
  const items = project.measures
    .map((m) => {
      const rows = project.data.find((d) => d.measure === m.id)?.rows ?? [];
      const chart = options.analyse && rows.length > 0 ? options.analyse(m, rows) : null;
      const svgText = chart === null ? "" : "type" in chart ? renderControlChart(chart, { title: m.name }) : renderRunChart(chart, { title: m.name });
      return `<section><h2>${escape(m.name)}</h2>${svgText}</section>`;
    })
    .join("\n");
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>\n${items}\n</body></html>\n`;
}
