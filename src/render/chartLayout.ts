import { buildXAxis, buildYAxis, xKey, xKind, type XAxis, type YAxis } from "./axis.js";
import { QiError, describeValue } from "../_lib/error.js";
import { textOf } from "./escape.js";
import { hash, safeId } from "./id.js";
import { placeLabels, type LanePlacement } from "./lanes.js";
import { resolveChartOptions, type ResolvedChartOptions } from "./chartOptions.js";
import { sizeOption } from "./options.js";
import { ICON_GAP, ICON_SIZE, ICONS_HEIGHT } from "./icons.js";
import { flagMarks, type ChartModel, type Mark } from "./model.js";
import { formatTick } from "./number.js";
import { secondSeriesValues } from "./secondSeries.js";
import { truncate, truncateMiddle, wrapText, wrapToWidth } from "./text.js";
import { CHART_SPACE, CHART_TYPE, charsIn, textWidth, THEME, TITLE_EDGE } from "./theme.js";
import { layoutLegend, legendFor, type LegendItem } from "./chartLegend.js";
import type { RenderChartOptions } from "./types.js";

/**
 * @internal How a chart sits in a small-multiples grid: `compact` (a one-line smaller title, no
 * legend, smaller minimum size), a fixed y `domain` (a shared scale), and its position `at` in the
 * enclosing SVG.
 */
export interface ChartFrame {
  compact?: boolean;
  yDomain?: readonly [number, number];
  at?: { x: number; y: number };
}

/** @internal A note at its x key: the caller's annotations (`i` ≥ 0), then the points' notes (`i` < 0). */
export interface KeyedAnnotation {
  key: number;
  label: string;
  i: number;
}

/** @internal A header line (title or subtitle) at its baseline. */
export interface HeaderLine {
  cls: "title" | "subtitle";
  text: string;
  y: number;
  size: number;
}

/** @internal A value label at the right of the last phase (upper limit, centre, lower limit, target). */
export interface ValueLabel {
  value: number;
  text: string;
  cls: string;
  colour: string;
}

/**
 * @internal Everything the layers of a chart need: the checked options, the size, the plot
 * area, the scales and the placed text. Computed once by {@link layoutChart}; the layers only draw.
 */
export interface ChartLayout {
  model: ChartModel;
  options: RenderChartOptions;
  ro: ResolvedChartOptions;
  frame: ChartFrame;
  compact: boolean;
  /** The marker of each point, limited to the kinds `flags` asks for. */
  marks: ReadonlyArray<Mark | null>;
  id: string;
  title: string;
  target: number | null;
  W: number;
  H: number;
  header: HeaderLine[];
  left: number;
  right: number;
  plotTop: number;
  plotBottom: number;
  phaseBand: number;
  keys: number[];
  /** Each point's x position (NaN where its x is not on the axis). */
  xs: number[];
  x: XAxis;
  y: YAxis;
  annotations: KeyedAnnotation[];
  annotationLabels: string[];
  placements: LanePlacement[];
  valueLabels: ValueLabel[];
  legendRows: LegendItem[][];
  legendTop: number;
  captionLines: string[];
  /** The y label's lines: 2 when it is too long for the plot's height on one (it wraps, not cut mid-word), else 1. */
  yLabelRows: number;
}

/** @internal Check the options and lay the chart out: sizes, margins, scales, lanes, legend. */
export function layoutChart(drawn: ChartModel, given: RenderChartOptions, frame: ChartFrame): ChartLayout {
  const ro = resolveChartOptions(given, drawn.phases.length, drawn.points.map((p) => p.excluded));
  // The partial periods (`partialPeriods`) are excluded points the legend and tooltips name as such.
  const model = ro.partial.size === 0 ? drawn : { ...drawn, points: drawn.points.map((p, i) => (ro.partial.has(i) ? { ...p, partial: true } : p)) };
  const options = given.yLabel === undefined && model.defaultYLabel !== undefined ? { ...given, yLabel: model.defaultYLabel } : given;
  const S = CHART_SPACE;
  // Markers follow the signals the points belong to, limited to the kinds `flags` asks for.
  const marks = flagMarks(model.points.map((p) => p.mark), ro.flags);
  const compact = frame.compact === true;
  // A caller's size below the minimum is an error; a small-multiples panel (compact) is sized by the grid and raised to the compact minimum.
  const W = compact ? Math.max(S.compactMinWidth, sizeOption(options.width, "width", S.width, 0)) : sizeOption(options.width, "width", S.width, S.minWidth);
  const Hmin = compact ? Math.max(S.compactMinHeight, sizeOption(options.height, "height", S.height, 0)) : sizeOption(options.height, "height", S.height, S.minHeight);
  const title = options.title ?? model.defaultTitle;
  const target = options.target === undefined ? model.target : options.target;
  const kind = xKind(model.points.map((p) => p.x));
  const keys = model.points.map((p) => xKey(kind, p.x));
  const annotations = keyedAnnotations(model, options, kind, keys);
  const id = safeId(options.id ?? `qi-${hash(`${model.className}|${title}|${keys.join(",")}|${model.points.map((p) => p.y).join(",")}`)}`);
  const yValues = yValuesOf(model, target);
  const { lines: header, bottom: headerBottom } = layoutHeader(model, title, options.subtitle, W, compact);
  const valueLabels = lastPhaseLabels(model, target, ro.format);
  const tickFormat = ro.yPercent ? (v: number, step: number) => `${formatTick(v * 100, step * 100)}%` : undefined;
  // A y label longer than the provisional plot height wraps onto a second line (a user trial's
  // "Permanence decision within 6…" was cut mid-word); the margin makes room for it.
  const yLabelRows = options.yLabel && [...String(options.yLabel)].length > charsIn(Hmin - 80 - headerBottom, CHART_TYPE.label) ? 2 : 1;
  const { left, right } = horizontalMargins(yValues, valueLabels, tickFormat, options.yLabel, W, Hmin, headerBottom, yLabelRows);
  const x = buildXAxis(kind, [...keys, ...annotations.map((a) => a.key)], [left + 12, right - 12], kind === "number" && keys.every((k) => Number.isInteger(k)), model.period ?? null);
  const xs = keys.map((k) => (Number.isFinite(k) ? x.pos(k) : Number.NaN));
  const { labels: annotationLabels, placements, lanes } = layoutLanes(annotations, x, W);
  const legendRows = compact ? [] : layoutLegend(legendFor(model, marks, ro.flags, target, annotations.length > 0), W - 2 * S.pad);
  const captionLines = ro.caption === null ? [] : wrapText(ro.caption, charsIn(W - 2 * S.pad, CHART_TYPE.small));
  const v = layoutVertical(model, ro, options, { Hmin, headerBottom, lanes, legendRows: legendRows.length, captionLines: captionLines.length });
  const y = buildYAxis(yValues, [v.plotBottom, v.plotTop + 4], tickFormat, frame.yDomain);
  return { model, options, ro, frame, compact, marks, id, title, target, W, header, left, right, keys, xs, x, y, annotations, annotationLabels, placements, valueLabels, legendRows, captionLines, yLabelRows, ...v };
}

/**
 * The caller's annotations, then the points' notes (the analysis's `notes`, as qicharts2 draws
 * them), those on the axis. An annotation's x that is not a value of the axis's kind (an invalid
 * date, a number on a date axis) is an `invalid-option` error; one outside the points' range
 * widens the axis.
 */
function keyedAnnotations(model: ChartModel, options: RenderChartOptions, kind: "date" | "number", keys: readonly number[]): KeyedAnnotation[] {
  return (options.annotations ?? [])
    .map((a, i) => ({ key: annotationKey(kind, a.x, i), label: textOf(a.label, ["options", "annotations", i, "label"]), i }))
    .concat(pointNotes(model, keys).filter((a) => Number.isFinite(a.key)));
}

/** The axis key of annotation `i`'s x, or an `invalid-option` error naming it. */
function annotationKey(kind: "date" | "number", x: unknown, i: number): number {
  const key = xKey(kind, x);
  if (Number.isFinite(key)) return key;
  const want = kind === "date" ? "a date on this chart's date axis (a Date or an ISO date string, YYYY-MM-DD)" : "a number on this chart's numbered x axis";
  throw new QiError("invalid-option", ["options", "annotations", i, "x"], `an annotation's x must be ${want}, not ${describeValue(x)}`);
}

/** The points' notes as annotations at their x (text as given; numbers and booleans as text). */
function pointNotes(model: ChartModel, keys: readonly number[]): KeyedAnnotation[] {
  const out: KeyedAnnotation[] = [];
  model.points.forEach((p, i) => {
    const n = p.note;
    if (n === undefined || n === null || n === "") return;
    out.push({ key: keys[i]!, label: typeof n === "string" ? n : typeof n === "number" || typeof n === "boolean" ? String(n) : describeValue(n), i: -1 - i });
  });
  return out;
}

/** Every value the y axis must show. */
function yValuesOf(model: ChartModel, target: number | null): number[] {
  const yValues: number[] = [];
  for (const p of model.points) {
    for (const v of [p.y, p.centre, p.ucl, p.lcl, p.ucl2, p.lcl2]) if (v !== null && Number.isFinite(v)) yValues.push(v);
  }
  if (target !== null && Number.isFinite(target)) yValues.push(target);
  yValues.push(...secondSeriesValues(model));
  return yValues;
}

/** Title and subtitle lines; Making Data Count icons sit at the top right and the title wraps beside them. */
function layoutHeader(model: ChartModel, title: string, subtitle: string | undefined, W: number, compact: boolean): { lines: HeaderLine[]; bottom: number } {
  const titleSize = compact ? CHART_TYPE.compactTitle : CHART_TYPE.title;
  const iconsWidth = model.icons === null ? 0 : 2 * ICON_SIZE + ICON_GAP + 12;
  const room = W - 2 * CHART_SPACE.pad - iconsWidth;
  // A measured title line may run to the right edge (less TITLE_EDGE), or to the icons' margin.
  const measured = model.icons === null ? W - CHART_SPACE.pad - TITLE_EDGE : room;
  const titleLines = compact ? [truncate(title, charsIn(room, titleSize))] : wrapToWidth(title, measured, titleSize, true);
  const subtitleLines = subtitle ? wrapToWidth(subtitle, measured, CHART_TYPE.subtitle, false) : [];
  let y0 = 8;
  const lines: HeaderLine[] = [];
  for (const text of titleLines) {
    y0 += titleSize + 4;
    lines.push({ cls: "title", text, y: y0, size: titleSize });
  }
  for (const text of subtitleLines) {
    y0 += CHART_TYPE.subtitle + 4;
    lines.push({ cls: "subtitle", text, y: y0, size: CHART_TYPE.subtitle });
  }
  return { lines, bottom: Math.max(y0 + 8, model.icons === null ? 0 : 10 + ICONS_HEIGHT + 6) };
}

/** The upper limit, centre and lower limit of the last phase, and the target, as labels at the right. */
function lastPhaseLabels(model: ChartModel, target: number | null, fmt: (v: number) => string): ValueLabel[] {
  const ph = model.phases[model.phases.length - 1];
  const out: ValueLabel[] = [];
  if (ph !== undefined) {
    const last = model.points[ph.end];
    if (last !== undefined) {
      if (model.limits && last.ucl !== null) out.push({ value: last.ucl, text: `${model.limitNames.upper} ${fmt(last.ucl)}`, cls: "limit-label", colour: THEME.muted });
      if (last.centre !== null) out.push({ value: last.centre, text: `${model.centreName} ${fmt(last.centre)}`, cls: "centre-label", colour: THEME.text });
      if (model.limits && last.lcl !== null) out.push({ value: last.lcl, text: `${model.limitNames.lower} ${fmt(last.lcl)}`, cls: "limit-label", colour: THEME.muted });
    }
  }
  if (target !== null && Number.isFinite(target)) out.push({ value: target, text: `target ${fmt(target)}`, cls: "target-label", colour: THEME.targetText });
  return out;
}

/**
 * Left margin from provisional y ticks (their labels barely depend on the final plot height) and
 * the y label; right margin from the last phase's value labels.
 */
function horizontalMargins(
  yValues: readonly number[],
  valueLabels: readonly ValueLabel[],
  tickFormat: ((v: number, step: number) => string) | undefined,
  yLabel: string | undefined,
  W: number,
  Hmin: number,
  headerBottom: number,
  yLabelRows: number,
): { left: number; right: number } {
  const rightMargin = 14 + Math.max(0, ...valueLabels.map((l) => textWidth(l.text, CHART_TYPE.small) + 6));
  const provisional = buildYAxis(yValues, [Hmin - 60, headerBottom + 20], tickFormat);
  const tickWidth = Math.max(...provisional.ticks.map((t) => textWidth(t.label, CHART_TYPE.tick)), 8);
  const left = 10 + (yLabel ? CHART_TYPE.label + 10 + (yLabelRows - 1) * (CHART_TYPE.label + 2) : 0) + tickWidth + 8;
  return { left, right: W - rightMargin };
}

/** Annotation labels in lanes above the plot, so that none overlaps another. */
function layoutLanes(annotations: readonly KeyedAnnotation[], x: XAxis, W: number): { labels: string[]; placements: LanePlacement[]; lanes: number } {
  const labels = annotations.map((a) => truncateMiddle(a.label, CHART_SPACE.annotationChars));
  const placements = placeLabels(
    annotations.map((a, i) => ({ x: x.pos(a.key), width: textWidth(labels[i]!, CHART_TYPE.small) + 4 })),
    4,
    W - 4,
  );
  return { labels, placements, lanes: placements.reduce((m, p) => Math.max(m, p.lane + 1), 0) };
}

/**
 * The plot's top and bottom and the chart's height: header, annotation lanes and the phase band
 * (phase labels sit just above the plot, under the lanes) above; axis, legend and caption below.
 */
function layoutVertical(
  model: ChartModel,
  ro: ResolvedChartOptions,
  options: RenderChartOptions,
  n: { Hmin: number; headerBottom: number; lanes: number; legendRows: number; captionLines: number },
): { H: number; plotTop: number; plotBottom: number; phaseBand: number; legendTop: number } {
  const S = CHART_SPACE;
  const captionHeight = n.captionLines * (CHART_TYPE.small + 4) + (n.captionLines > 0 ? 4 : 0);
  const bottomBlock = 22 + (options.xLabel ? 18 : 0) + 8 + n.legendRows * S.legendRow + 6 + captionHeight;
  const phaseBand = model.phases.length > 1 || ro.phaseLabels !== null ? S.phaseBand : 0;
  const plotTop = n.headerBottom + n.lanes * S.lane + (n.lanes > 0 ? 6 : 0) + phaseBand;
  const H = Math.max(n.Hmin, plotTop + S.minPlot + bottomBlock);
  const plotBottom = H - bottomBlock;
  return { H, plotTop, plotBottom, phaseBand, legendTop: plotBottom + 22 + (options.xLabel ? 18 : 0) + 8 };
}
