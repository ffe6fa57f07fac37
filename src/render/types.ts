import type { ChangeIdeaStatus } from "../pdsa/ramp.js";
import type { Measure } from "../measures/types.js";
import type { SeriesRow } from "../project/types.js";
import type { AnalyseContext } from "../project/rollUp.js";
import type { ControlChart } from "../spc/types.js";
import type { RunChart } from "../runchart/types.js";
import type { ReportFunnel, ReportSmallMultiples } from "./reportGroups.js";

/** A note drawn on a chart: a marker at `x` (a number, an ISO date or a Date) and a label. */
export interface ChartAnnotation {
  x: number | string | Date;
  label: string;
}

/** The {@link renderRunChart} and {@link renderControlChart} options. */
export interface RenderChartOptions {
  /** Heading above the chart, also the SVG's `<title>`. Default "Run chart" / "Control chart (i)". */
  title?: string;
  /** A second line under the title. */
  subtitle?: string;
  /** Label under the x axis. */
  xLabel?: string;
  /** Label beside the y axis (rotated). */
  yLabel?: string;
  /** Width in pixels. Default 720. */
  width?: number;
  /** Height in pixels. Default 360 (grows when many annotation lanes leave the plot under 120 px). */
  height?: number;
  /** A target line. Default: none for run charts, `settings.target` for control charts. */
  target?: number | null;
  /** Notes and PDSA cycles to mark on the x axis. */
  annotations?: readonly ChartAnnotation[];
  /** Prefix for element ids (sanitised to letters, digits, `-` and `_`). Default: a hash of the chart. */
  id?: string;
  /** A line of text under the legend: a source, a definition (qicharts2's `caption`). */
  caption?: string;
  /** Decimals of the centre, limit, target and phase labels and the tooltips, 0–10 (qicharts2's `decimals`). Default: 3 significant figures. */
  decimals?: number;
  /** Show the values as per cent: 0.42 reads "42%" on the axis, the labels and the tooltips (qicharts2's `y.percent`). Default false. */
  yPercent?: boolean;
  /** A label for each phase, drawn above the plot in place of "Phase k" (qicharts2's `part.labels`); one per phase. */
  phaseLabels?: readonly string[];
  /**
   * Which signals are marked (PowerBI-SPC's process flag type): `"improvement"` or
   * `"deterioration"` only, or `"both"` (default, neutral signals too). The text still lists every signal.
   */
  flags?: "improvement" | "deterioration" | "both";
  /**
   * The points (0-based) that stand for a period the data cover only in part (a last quarter of
   * two months), which the chart's `exclude` left out of the centre line and the rules: drawn
   * hollow as any excluded point, but the legend and the tooltip call them "Partial period (not
   * counted)" rather than "Excluded" (which says that someone left the data out). Each must be an
   * excluded point of the chart. Default: none.
   */
  partialPeriods?: readonly number[];
}

/** The {@link renderDriverDiagram} options. */
export interface RenderDriverDiagramOptions {
  /** Heading. Default: the diagram's `title`, else "Driver diagram". */
  title?: string;
  /** Width in pixels. Default 960. */
  width?: number;
  /** Change-idea statuses for badges, by node id (from `rollUp(project).changeIdeas`). */
  status?: Record<string, ChangeIdeaStatus>;
  /** Prefix for element ids. Default: a hash of the diagram. */
  id?: string;
}

/** The {@link renderReport} options. */
export interface RenderReportOptions {
  /** The document's title. Default: the project's title. */
  title?: string;
  /**
   * Analyse one measure's rows. Default: a run chart with the measure's direction and its series'
   * baseline, `runChart(rows, context.defaults)`. `context` is `{ series, defaults }`: spread
   * `defaults` into your chart's options to keep the baseline,
   * `(measure, rows, { defaults }) => controlChart(rows, { ...defaults, type: "i" })`.
   */
  analyse?: (measure: Measure, rows: readonly SeriesRow[], context: AnalyseContext) => RunChart | ControlChart;
  /** Text for "Generated …" (e.g. a date); left out by default so the output is reproducible. */
  generated?: string;
  /** A funnel-plot section across organisations (after the measures): `{ plot, title?, description?, options? }`. */
  funnel?: ReportFunnel;
  /** Sections of grouped charts (a `by` result each) drawn as small multiples, after the measures. */
  smallMultiples?: readonly ReportSmallMultiples[];
}
