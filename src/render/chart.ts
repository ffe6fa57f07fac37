import type { Assessment } from "../runchart/types.js";
import { buildXAxis, buildYAxis, xKey, xKind } from "./axis.js";
import { describeValue } from "../_lib/error.js";
import { escapeXml, textOf } from "./escape.js";
import { hash, safeId } from "./id.js";
import { placeLabels } from "./lanes.js";
import { markerPath, mixedMarker, pointMarker, SHAPES } from "./markers.js";
import { resolveChartOptions, type ResolvedChartOptions } from "./chartOptions.js";
import { drawIcons, ICON_GAP, ICON_SIZE, ICONS_HEIGHT } from "./icons.js";
import { flagMarks, type ChartModel, type Mark } from "./model.js";
import { formatTick, px } from "./number.js";
import { polylinePath, stepLines } from "./steps.js";
import { drawSecondSeries, secondSeriesLegend, secondSeriesValues } from "./secondSeries.js";
import { truncate, truncateMiddle, wrapText } from "./text.js";
import { textWidth, THEME } from "./theme.js";
import type { RenderChartOptions } from "./types.js";

const TITLE = 16;
const SUBTITLE_SIZE = 12;
const TICK_SIZE = 11;
const LABEL_SIZE = 12;
const SMALL = 10.5;
const LANE = 15;
const ANNOTATION_CHARS = 40;
const MIN_PLOT = 120;

const DASH = "6 4";
const DOT = "2 3";
const TARGET_DASH = "10 4";

interface LegendItem {
  key: string;
  label: string;
  symbol: (x: number, y: number) => string;
}

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

/** @internal Draw a run or control chart model as an SVG string. */
export function drawChart(model: ChartModel, options: RenderChartOptions = {}, frame: ChartFrame = {}): string {
  const ro = resolveChartOptions(options, model.phases.length);
  const fmt = ro.format;
  // Markers follow the signals the points belong to, limited to the kinds `flags` asks for.
  const marks = flagMarks(model.points.map((p) => p.mark), ro.flags);
  const compact = frame.compact === true;
  const W = Math.max(compact ? 160 : 240, finite(options.width, 720));
  const Hmin = Math.max(compact ? 120 : 180, finite(options.height, 360));
  const TITLE_SIZE = compact ? 13 : TITLE;
  const title = options.title ?? model.defaultTitle;
  const target = options.target === undefined ? model.target : options.target;
  const kind = xKind(model.points.map((p) => p.x));
  const keys = model.points.map((p) => xKey(kind, p.x));
  // The caller's annotations, then the points' notes (the analysis's `notes`, as qicharts2 draws them).
  const annotations = (options.annotations ?? [])
    .map((a, i) => ({ key: xKey(kind, a.x), label: textOf(a.label, ["options", "annotations", i, "label"]), i }))
    .concat(pointNotes(model, keys))
    .filter((a) => Number.isFinite(a.key));
  const id = safeId(options.id ?? `qi-${hash(`${model.className}|${title}|${keys.join(",")}|${model.points.map((p) => p.y).join(",")}`)}`);

  // Every value the y axis must show.
  const yValues: number[] = [];
  for (const p of model.points) {
    for (const v of [p.y, p.centre, p.ucl, p.lcl, p.ucl2, p.lcl2]) if (v !== null && Number.isFinite(v)) yValues.push(v);
  }
  if (target !== null && Number.isFinite(target)) yValues.push(target);
  yValues.push(...secondSeriesValues(model));

  // Header.
  // Making Data Count icons sit at the top right; the title wraps beside them.
  const iconsWidth = model.icons === null ? 0 : 2 * ICON_SIZE + ICON_GAP + 12;
  const titleChars = Math.floor((W - 24 - iconsWidth) / (TITLE_SIZE * 0.56));
  const titleLines = compact ? [truncate(title, titleChars)] : wrapText(title, titleChars);
  const subtitleLines = options.subtitle ? wrapText(options.subtitle, Math.floor((W - 24 - iconsWidth) / (SUBTITLE_SIZE * 0.56))) : [];
  let y0 = 8;
  const header: string[] = [];
  for (const line of titleLines) {
    y0 += TITLE_SIZE + 4;
    header.push(`<text class="title" x="12" y="${px(y0)}" font-size="${TITLE_SIZE}" font-weight="600" fill="${THEME.text}">${escapeXml(line)}</text>`);
  }
  for (const line of subtitleLines) {
    y0 += SUBTITLE_SIZE + 4;
    header.push(`<text class="subtitle" x="12" y="${px(y0)}" font-size="${SUBTITLE_SIZE}" fill="${THEME.muted}">${escapeXml(line)}</text>`);
  }
  const headerBottom = Math.max(y0 + 8, model.icons === null ? 0 : 10 + ICONS_HEIGHT + 6);

  // Right margin: the last phase's value labels.
  const valueLabels = lastPhaseLabels(model, target, fmt);
  const rightMargin = 14 + Math.max(0, ...valueLabels.map((l) => textWidth(l.text, SMALL) + 6));

  // Left margin from provisional y ticks (their labels barely depend on the final plot height).
  const tickFormat = ro.yPercent ? (v: number, step: number) => `${formatTick(v * 100, step * 100)}%` : undefined;
  const provisional = buildYAxis(yValues, [Hmin - 60, headerBottom + 20], tickFormat);
  const tickWidth = Math.max(...provisional.ticks.map((t) => textWidth(t.label, TICK_SIZE)), 8);
  const left = 10 + (options.yLabel ? LABEL_SIZE + 10 : 0) + tickWidth + 8;
  const right = W - rightMargin;
  const x = buildXAxis(kind, [...keys, ...annotations.map((a) => a.key)], [left + 12, right - 12], kind === "number" && keys.every((k) => Number.isInteger(k)));
  const xs = keys.map((k) => (Number.isFinite(k) ? x.pos(k) : Number.NaN));

  // Annotation lanes above the plot.
  const annLabels = annotations.map((a) => truncateMiddle(a.label, ANNOTATION_CHARS));
  const placements = placeLabels(
    annotations.map((a, i) => ({ x: x.pos(a.key), width: textWidth(annLabels[i]!, SMALL) + 4 })),
    4,
    W - 4,
  );
  const lanes = placements.reduce((m, p) => Math.max(m, p.lane + 1), 0);

  // Legend (bottom) rows.
  const legendItems = legendFor(model, marks, ro.flags, target, annotations.length > 0);
  const legendRows = compact ? [] : layoutLegend(legendItems, W - 24);
  const captionLines = ro.caption === null ? [] : wrapText(ro.caption, Math.floor((W - 24) / (SMALL * 0.56)));
  const bottomBlock = 22 + (options.xLabel ? 18 : 0) + 8 + legendRows.length * 18 + 6 + captionLines.length * (SMALL + 4) + (captionLines.length > 0 ? 4 : 0);

  // Phase labels sit in a band just above the plot, under the annotation lanes.
  const phaseBand = model.phases.length > 1 || ro.phaseLabels !== null ? 16 : 0;
  const plotTop = headerBottom + lanes * LANE + (lanes > 0 ? 6 : 0) + phaseBand;
  const H = Math.max(Hmin, plotTop + MIN_PLOT + bottomBlock);
  const plotBottom = H - bottomBlock;
  const y = buildYAxis(yValues, [plotBottom, plotTop + 4], tickFormat, frame.yDomain);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="qi-chart ${model.className}" id="${id}"${frame.at ? ` x="${px(frame.at.x)}" y="${px(frame.at.y)}"` : ""} width="${px(W)}" height="${px(H)}" viewBox="0 0 ${px(W)} ${px(H)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(THEME.font)}">`,
    `<title id="${id}-title">${escapeXml(options.subtitle ? `${title}: ${options.subtitle}` : title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(model.summary)}</desc>`,
    `<rect class="background" width="${px(W)}" height="${px(H)}" fill="${THEME.background}"/>`,
    `<g class="header">${header.join("")}</g>`,
  );
  if (model.icons !== null) out.push(drawIcons(model.icons, W - 12 - 2 * ICON_SIZE - ICON_GAP, 10, id));

  // Grid and y axis.
  const yAxis: string[] = [];
  for (const t of y.ticks) {
    yAxis.push(`<line class="grid" x1="${px(left)}" x2="${px(right)}" y1="${px(t.pos)}" y2="${px(t.pos)}" stroke="${THEME.grid}"/>`);
    yAxis.push(`<text x="${px(left - 6)}" y="${px(t.pos + 3.5)}" font-size="${TICK_SIZE}" text-anchor="end" fill="${THEME.muted}">${escapeXml(t.label)}</text>`);
  }
  if (options.yLabel) {
    const cy = (plotTop + plotBottom) / 2;
    yAxis.push(`<text class="axis-label" transform="translate(${px(12 + LABEL_SIZE / 2)},${px(cy)}) rotate(-90)" font-size="${LABEL_SIZE}" text-anchor="middle" fill="${THEME.text}">${escapeXml(truncate(options.yLabel, Math.floor((plotBottom - plotTop) / (LABEL_SIZE * 0.56))))}</text>`);
  }
  out.push(`<g class="axis axis-y">${yAxis.join("")}</g>`);

  // x axis.
  const xAxis: string[] = [`<line x1="${px(left)}" x2="${px(right)}" y1="${px(plotBottom)}" y2="${px(plotBottom)}" stroke="${THEME.axis}"/>`];
  for (const t of x.ticks) {
    xAxis.push(`<line x1="${px(t.pos)}" x2="${px(t.pos)}" y1="${px(plotBottom)}" y2="${px(plotBottom + 4)}" stroke="${THEME.axis}"/>`);
    xAxis.push(`<text x="${px(t.pos)}" y="${px(plotBottom + 16)}" font-size="${TICK_SIZE}" text-anchor="middle" fill="${THEME.muted}">${escapeXml(t.label)}</text>`);
  }
  if (options.xLabel) {
    xAxis.push(`<text class="axis-label" x="${px((left + right) / 2)}" y="${px(plotBottom + 34)}" font-size="${LABEL_SIZE}" text-anchor="middle" fill="${THEME.text}">${escapeXml(truncate(options.xLabel, Math.floor((right - left) / (LABEL_SIZE * 0.56))))}</text>`);
  }
  out.push(`<g class="axis axis-x">${xAxis.join("")}</g>`);

  // Phase breaks, halfway between the phases' neighbouring points (drawn over the annotations' lines).
  let phasesSvg = "";
  if (phaseBand > 0) {
    const phaseOut: string[] = [];
    model.phases.forEach((ph, k) => {
      const startX = k === 0 ? left : (xs[ph.start - 1]! + xs[ph.start]!) / 2;
      const endX = k === model.phases.length - 1 ? right : (xs[ph.end]! + xs[ph.end + 1]!) / 2;
      if (k > 0) phaseOut.push(`<line class="phase-break" x1="${px(startX)}" x2="${px(startX)}" y1="${px(plotTop - phaseBand)}" y2="${px(plotBottom)}" stroke="${THEME.axis}" stroke-width="1"/>`);
      const given = ro.phaseLabels?.[k];
      const base = given ?? (k === 0 ? "Phase 1" : ph.origin === "rephase" ? `Phase ${k + 1} (re-phased)` : `Phase ${k + 1}`);
      const name = `${base}${ph.centre !== null ? `: ${model.centreName} ${fmt(ph.centre)}` : ""}`;
      const room = Math.floor((endX - startX - 8) / (SMALL * 0.56));
      if (room >= 3) phaseOut.push(`<text class="phase-label" x="${px(startX + 4)}" y="${px(plotTop - 5)}" font-size="${SMALL}" fill="${THEME.muted}" stroke="${THEME.background}" stroke-width="3" paint-order="stroke">${escapeXml(truncate(name, room))}</text>`);
    });
    phasesSvg = `<g class="phases">${phaseOut.join("")}</g>`;
  }

  // Limits, centre and target.
  const yPos = (v: number): number => y.pos(v);
  if (model.limits) {
    const lim: string[] = [];
    for (const ph of model.phases) {
      for (const [field, cls, colour, width, dashed] of [
        ["ucl2", "sigma2 upper", THEME.sigma2, 1, DOT],
        ["lcl2", "sigma2 lower", THEME.sigma2, 1, DOT],
        ["ucl", "limit upper", THEME.limit, 1.25, DASH],
        ["lcl", "limit lower", THEME.limit, 1.25, DASH],
      ] as const) {
        const lines = stepLines(ph, xs, model.points.map((p) => p[field]), yPos);
        // 2-sigma lines are dotted throughout; control limits are solid over the baseline, dashed beyond.
        const solidDash = field === "ucl2" || field === "lcl2" ? ` stroke-dasharray="${DOT}"` : "";
        if (lines.solid.length > 0) lim.push(`<path class="${cls}" d="${polylinePath(lines.solid)}" fill="none" stroke="${colour}" stroke-width="${width}"${solidDash}/>`);
        if (lines.dashed.length > 0) lim.push(`<path class="${cls} extended" d="${polylinePath(lines.dashed)}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-dasharray="${dashed}"/>`);
      }
    }
    out.push(`<g class="limits">${lim.join("")}</g>`);
  }
  const centre: string[] = [];
  for (const ph of model.phases) {
    const lines = stepLines(ph, xs, model.points.map((p) => p.centre), yPos);
    if (lines.solid.length > 0) centre.push(`<path class="centre" d="${polylinePath(lines.solid)}" fill="none" stroke="${THEME.centre}" stroke-width="1.5"/>`);
    if (lines.dashed.length > 0) centre.push(`<path class="centre extended" d="${polylinePath(lines.dashed)}" fill="none" stroke="${THEME.centre}" stroke-width="1.5" stroke-dasharray="${DASH}"/>`);
  }
  out.push(`<g class="centre-line">${centre.join("")}</g>`);
  if (target !== null && Number.isFinite(target)) {
    out.push(`<g class="target-line"><line class="target" x1="${px(left)}" x2="${px(right)}" y1="${px(y.pos(target))}" y2="${px(y.pos(target))}" stroke="${THEME.target}" stroke-width="2" stroke-dasharray="${TARGET_DASH}"/></g>`);
  }

  // Annotations: a marker on the plot's top edge, a dotted line down through the plot, a leader line up to the label.
  if (annotations.length > 0) {
    const ann: string[] = [];
    annotations.forEach((a, i) => {
      const ax = x.pos(a.key);
      const pl = placements[i]!;
      const ly = plotTop - phaseBand - 6 - pl.lane * LANE;
      ann.push(
        `<g class="annotation"><title>${escapeXml(`${x.format(a.key)}: ${a.label}`)}</title>`,
        `<line x1="${px(ax)}" x2="${px(ax)}" y1="${px(ly)}" y2="${px(plotTop)}" stroke="${THEME.annotation}" stroke-width="1"/>`,
        `<line x1="${px(ax)}" x2="${px(ax)}" y1="${px(plotTop)}" y2="${px(plotBottom)}" stroke="${THEME.annotation}" stroke-width="1" stroke-dasharray="${DOT}" opacity="0.7"/>`,
        `<circle cx="${px(ax)}" cy="${px(plotTop)}" r="2.5" fill="${THEME.annotation}"/>`,
        `<text x="${px(pl.start + 3)}" y="${px(ly)}" font-size="${SMALL}" fill="${THEME.annotation}">${escapeXml(annLabels[i]!)}</text></g>`,
      );
    });
    out.push(`<g class="annotations">${ann.join("")}</g>`);
  }

  out.push(phasesSvg);

  // Data: the line (broken at gaps and phase breaks), then one marker per point with a value.
  const segments: Array<Array<[number, number]>> = [];
  let seg: Array<[number, number]> | null = null;
  model.points.forEach((p, i) => {
    if (p.y === null || !Number.isFinite(p.y) || !Number.isFinite(xs[i]!) || (i > 0 && model.points[i - 1]!.phase !== p.phase)) seg = null;
    if (p.y === null || !Number.isFinite(p.y) || !Number.isFinite(xs[i]!)) return;
    if (seg === null) {
      seg = [];
      segments.push(seg);
    }
    seg.push([xs[i]!, y.pos(p.y)]);
  });
  const data: string[] = [];
  const lineSegments = segments.filter((s) => s.length > 1);
  if (lineSegments.length > 0) data.push(`<path class="line" d="${polylinePath(lineSegments)}" fill="none" stroke="${THEME.line}" stroke-width="1.5" stroke-linejoin="round"/>`);
  model.points.forEach((p, i) => {
    if (p.y === null || !Number.isFinite(p.y) || !Number.isFinite(xs[i]!)) return;
    const mark = marks[i] ?? null;
    const tip = `${x.format(keys[i]!)}: ${fmt(p.y)}${mark ? ` (${MARK_WORDS[mark]}: ${p.rules.join(", ")})` : ""}${p.excluded ? " (excluded)" : ""}`;
    data.push(pointMarker(xs[i]!, y.pos(p.y), mark, p.excluded, "", `<title>${escapeXml(tip)}</title>`));
  });
  out.push(`<g class="data">${data.join("")}${drawSecondSeries(model, xs, (v) => y.pos(v), (i) => x.format(keys[i]!))}</g>`);

  // Value labels for the last phase, pushed apart so they never overlap.
  if (valueLabels.length > 0) {
    const placed = spread(valueLabels.map((l) => ({ ...l, pos: y.pos(l.value) })), 12, plotTop, plotBottom);
    out.push(`<g class="value-labels">${placed.map((l) => `<text class="${l.cls}" x="${px(right + 6)}" y="${px(l.pos + 3.5)}" font-size="${SMALL}" fill="${l.colour}">${escapeXml(l.text)}</text>`).join("")}</g>`);
  }

  // Legend.
  const legendTop = plotBottom + 22 + (options.xLabel ? 18 : 0) + 8;
  if (!compact) out.push(legendSvg(legendRows, legendTop));
  if (captionLines.length > 0) {
    const top = legendTop + legendRows.length * 18 + 8;
    out.push(`<g class="caption">${captionLines.map((line, k) => `<text x="12" y="${px(top + k * (SMALL + 4) + SMALL)}" font-size="${SMALL}" fill="${THEME.muted}">${escapeXml(line)}</text>`).join("")}</g>`);
  }
  out.push("</svg>");
  return out.join("");
}

/**
 * @internal The legend of these models together (a small-multiples grid draws one for all its
 * panels): its SVG at `top` and its height.
 */
export function drawLegend(models: readonly ChartModel[], target: boolean, width: number, top: number): { svg: string; height: number } {
  const first = models[0];
  if (first === undefined) return { svg: "", height: 0 };
  const union: ChartModel = { ...first, limits: models.some((m) => m.limits), points: models.flatMap((m) => m.points), phases: models.flatMap((m) => m.phases) };
  const marks = union.points.map((p) => p.mark);
  const rows = layoutLegend(legendFor(union, marks, "both", target ? 0 : null, false), width - 24);
  return { svg: legendSvg(rows, top), height: rows.length * 18 };
}

function legendSvg(rows: readonly LegendItem[][], top: number): string {
  const leg: string[] = [];
  rows.forEach((row, r) => {
    let lx = 12;
    const ly = top + r * 18 + 9;
    for (const item of row) {
      leg.push(`<g class="legend-item legend-${item.key}">${item.symbol(lx, ly)}<text x="${px(lx + 24)}" y="${px(ly + 4)}" font-size="${TICK_SIZE}" fill="${THEME.text}">${escapeXml(item.label)}</text></g>`);
      lx += legendWidth(item);
    }
  });
  return `<g class="legend">${leg.join("")}</g>`;
}

function finite(v: number | undefined, fallback: number): number {
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
}

interface ValueLabel {
  value: number;
  text: string;
  cls: string;
  colour: string;
}

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
  if (target !== null && Number.isFinite(target)) out.push({ value: target, text: `target ${fmt(target)}`, cls: "target-label", colour: "#8a5d00" });
  return out;
}

/** Push labels apart vertically (at least `gap` px), keeping them inside [top, bottom] where possible. */
function spread<T extends { pos: number }>(labels: T[], gap: number, top: number, bottom: number): T[] {
  const sorted = labels.map((l, i) => ({ l: { ...l }, i })).sort((a, b) => a.l.pos - b.l.pos || a.i - b.i);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!.l;
    const cur = sorted[k]!.l;
    if (cur.pos < prev.pos + gap) cur.pos = prev.pos + gap;
  }
  const overflow = sorted.length > 0 ? sorted[sorted.length - 1]!.l.pos - bottom : 0;
  if (overflow > 0) {
    for (const s of sorted) s.l.pos -= overflow;
    for (let k = 0; k < sorted.length; k++) {
      const cur = sorted[k]!.l;
      const min = k === 0 ? top : sorted[k - 1]!.l.pos + gap;
      if (cur.pos < min) cur.pos = min;
    }
  }
  return sorted.map((s) => s.l);
}

function lineSymbol(colour: string, width: number, dash: string | null): (x: number, y: number) => string {
  return (x, y) => `<line x1="${px(x)}" x2="${px(x + 18)}" y1="${px(y)}" y2="${px(y)}" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;
}

/** Making Data Count's names for the point colours. */
const MDC_LABEL: Record<Assessment, string> = {
  improvement: "Special cause: improvement",
  deterioration: "Special cause: concern",
  neutral: "Special cause: neither (no direction set)",
};

const ASSESSMENT_LABEL: Record<Assessment, string> = {
  improvement: "Improvement",
  deterioration: "Deterioration",
  neutral: "Signal (no direction set)",
};

/** What a mark means, for tooltips. */
const MARK_WORDS: Record<Mark, string> = {
  improvement: "improvement",
  deterioration: "deterioration",
  neutral: "signal",
  mixed: "both an improvement and a deterioration signal",
};

/** The points' notes as annotations at their x (text as given; numbers and booleans as text). */
function pointNotes(model: ChartModel, keys: readonly number[]): { key: number; label: string; i: number }[] {
  const out: { key: number; label: string; i: number }[] = [];
  model.points.forEach((p, i) => {
    const n = p.note;
    if (n === undefined || n === null || n === "") return;
    out.push({ key: keys[i]!, label: typeof n === "string" ? n : typeof n === "number" || typeof n === "boolean" ? String(n) : describeValue(n), i: -1 - i });
  });
  return out;
}

function legendFor(model: ChartModel, marks: ReadonlyArray<Mark | null>, flags: ResolvedChartOptions["flags"], target: number | null, annotations: boolean): LegendItem[] {
  const items: LegendItem[] = [
    {
      key: "data",
      label: model.dataLabel ?? "Data",
      symbol: (x, y) => `<line x1="${px(x)}" x2="${px(x + 18)}" y1="${px(y)}" y2="${px(y)}" stroke="${THEME.line}" stroke-width="1.5"/><circle cx="${px(x + 9)}" cy="${px(y)}" r="3.5" fill="${THEME.point}"/>`,
    },
  ];
  const centreLabel = model.centreName.charAt(0).toUpperCase() + model.centreName.slice(1);
  items.push(...secondSeriesLegend(model), { key: "centre", label: centreLabel, symbol: lineSymbol(THEME.centre, 1.5, null) });
  const extended = model.phases.some((ph) => ph.baselineEnd !== null && ph.baselineEnd < ph.end);
  if (extended) items.push({ key: "centre-extended", label: `${centreLabel} extended`, symbol: lineSymbol(THEME.centre, 1.5, DASH) });
  if (model.limits && model.points.some((p) => p.ucl !== null || p.lcl !== null)) items.push({ key: "limits", label: model.limitNames.legend, symbol: lineSymbol(THEME.limit, 1.25, null) });
  if (model.limits && model.points.some((p) => p.ucl2 !== null || p.lcl2 !== null)) items.push({ key: "sigma2", label: "2σ", symbol: lineSymbol(THEME.sigma2, 1, DOT) });
  if (target !== null && Number.isFinite(target)) items.push({ key: "target", label: "Target", symbol: lineSymbol(THEME.target, 2, TARGET_DASH) });
  for (const a of ["improvement", "deterioration", "neutral"] as const) {
    if (!model.points.some((p, i) => marks[i] === a && p.y !== null) && !(model.series2?.points.some((p) => p.assessment === a && p.y !== null) ?? false)) continue;
    items.push({
      key: a,
      label: model.icons !== null ? MDC_LABEL[a] : ASSESSMENT_LABEL[a],
      symbol: (x, y) => `<path d="${markerPath(SHAPES[a], x + 9, y)}" fill="${THEME[a]}"/>`,
    });
  }
  if (model.points.some((p, i) => marks[i] === "mixed" && p.y !== null)) {
    items.push({ key: "mixed", label: "In an improvement and a deterioration signal (both apply)", symbol: (x, y) => mixedMarker(x + 9, y, 1) });
  }
  if (flags !== "both") {
    items.push({ key: "flags", label: `Only ${flags} signals are marked`, symbol: () => "" });
  }
  if (model.points.some((p) => p.excluded && p.y !== null)) {
    items.push({ key: "excluded", label: "Excluded", symbol: (x, y) => `<circle cx="${px(x + 9)}" cy="${px(y)}" r="3.5" fill="${THEME.background}" stroke="${THEME.point}" stroke-width="1.5"/>` });
  }
  if (annotations) {
    items.push({
      key: "annotation",
      label: "PDSA cycle / note",
      symbol: (x, y) => `<line x1="${px(x + 9)}" x2="${px(x + 9)}" y1="${px(y - 6)}" y2="${px(y + 6)}" stroke="${THEME.annotation}" stroke-dasharray="${DOT}"/><circle cx="${px(x + 9)}" cy="${px(y - 6)}" r="2.5" fill="${THEME.annotation}"/>`,
    });
  }
  return items;
}

function legendWidth(item: LegendItem): number {
  return 24 + textWidth(item.label, TICK_SIZE) + 16;
}

function layoutLegend(items: readonly LegendItem[], width: number): LegendItem[][] {
  const rows: LegendItem[][] = [];
  let row: LegendItem[] = [];
  let used = 0;
  for (const item of items) {
    const w = legendWidth(item);
    if (row.length > 0 && used + w > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(item);
    used += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
