import { escapeXml } from "./escape.js";
import { drawIcons, ICON_GAP, ICON_SIZE } from "./icons.js";
import { pointMarker } from "./markers.js";
import type { Mark } from "./model.js";
import { px } from "./number.js";
import { polylinePath, stepLines } from "./steps.js";
import { drawSecondSeries } from "./secondSeries.js";
import { truncate, wrapText } from "./text.js";
import { CHART_LINES, CHART_SPACE, CHART_TYPE, charsIn, THEME } from "./theme.js";
import { legendSvg } from "./chartLegend.js";
import type { ChartLayout } from "./chartLayout.js";

/*
 * The layers of a run or control chart, each a function of the laid-out chart (chartLayout.ts)
 * returning its SVG; chart.ts stacks them in drawing order.
 */

/** @internal The `<svg>` element's opening tag, its title and description, background and header. */
export function openLayer(L: ChartLayout): string {
  const { model, options, id, W, H, title } = L;
  const at = L.frame.at;
  const header = L.header.map((h) =>
    h.cls === "title"
      ? `<text class="title" x="12" y="${px(h.y)}" font-size="${h.size}" font-weight="600" fill="${THEME.text}">${escapeXml(h.text)}</text>`
      : `<text class="subtitle" x="12" y="${px(h.y)}" font-size="${h.size}" fill="${THEME.muted}">${escapeXml(h.text)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="qi-chart ${model.className}" id="${id}"${at ? ` x="${px(at.x)}" y="${px(at.y)}"` : ""} width="${px(W)}" height="${px(H)}" viewBox="0 0 ${px(W)} ${px(H)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(THEME.font)}">`,
    `<title id="${id}-title">${escapeXml(options.subtitle ? `${title}: ${options.subtitle}` : title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(model.summary)}</desc>`,
    `<rect class="background" width="${px(W)}" height="${px(H)}" fill="${THEME.background}"/>`,
    `<g class="header">${header.join("")}</g>`,
  ].join("");
}

/** @internal Making Data Count's variation and assurance icons at the top right. */
export function iconsLayer(L: ChartLayout): string {
  return L.model.icons === null ? "" : drawIcons(L.model.icons, L.W - 12 - 2 * ICON_SIZE - ICON_GAP, 10, L.id);
}

/** @internal Grid lines, y tick labels and the y label. */
export function yAxisLayer(L: ChartLayout): string {
  const { left, right, plotTop, plotBottom } = L;
  const out: string[] = [];
  for (const t of L.y.ticks) {
    out.push(`<line class="grid" x1="${px(left)}" x2="${px(right)}" y1="${px(t.pos)}" y2="${px(t.pos)}" stroke="${THEME.grid}"/>`);
    out.push(`<text x="${px(left - 6)}" y="${px(t.pos + 3.5)}" font-size="${CHART_TYPE.tick}" text-anchor="end" fill="${THEME.muted}">${escapeXml(t.label)}</text>`);
  }
  const yLabel = L.options.yLabel;
  if (yLabel) {
    const size = CHART_TYPE.label;
    const cy = (plotTop + plotBottom) / 2;
    yLabelLines(yLabel, charsIn(plotBottom - plotTop, size), L.yLabelRows).forEach((line, k) => {
      out.push(`<text class="axis-label" transform="translate(${px(12 + size / 2 + k * (size + 2))},${px(cy)}) rotate(-90)" font-size="${size}" text-anchor="middle" fill="${THEME.text}">${escapeXml(line)}</text>`);
    });
  }
  return `<g class="axis axis-y">${out.join("")}</g>`;
}

/**
 * The y label in `rows` lines of at most `chars` characters: one line cut at `chars` as before, or
 * (2 rows) wrapped at spaces, the second line cut after a whole word with "…" when it is longer.
 */
function yLabelLines(label: string, chars: number, rows: number): string[] {
  if (rows === 1 || [...label].length <= chars) return [truncate(label, chars)];
  const lines = wrapText(label, chars);
  if (lines.length <= 2) return lines;
  const rest = lines.slice(1).join(" ");
  const cut = [...rest].slice(0, chars - 1).join("");
  const space = cut.lastIndexOf(" ");
  return [lines[0]!, `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, "")}…`];
}

/** @internal The x axis line, ticks and labels, and the x label. */
export function xAxisLayer(L: ChartLayout): string {
  const { left, right, plotBottom } = L;
  const out: string[] = [`<line x1="${px(left)}" x2="${px(right)}" y1="${px(plotBottom)}" y2="${px(plotBottom)}" stroke="${THEME.axis}"/>`];
  for (const t of L.x.ticks) {
    out.push(`<line x1="${px(t.pos)}" x2="${px(t.pos)}" y1="${px(plotBottom)}" y2="${px(plotBottom + 4)}" stroke="${THEME.axis}"/>`);
    out.push(`<text x="${px(t.pos)}" y="${px(plotBottom + 16)}" font-size="${CHART_TYPE.tick}" text-anchor="middle" fill="${THEME.muted}">${escapeXml(t.label)}</text>`);
  }
  const xLabel = L.options.xLabel;
  if (xLabel) {
    const size = CHART_TYPE.label;
    out.push(`<text class="axis-label" x="${px((left + right) / 2)}" y="${px(plotBottom + 34)}" font-size="${size}" text-anchor="middle" fill="${THEME.text}">${escapeXml(truncate(xLabel, charsIn(right - left, size)))}</text>`);
  }
  return `<g class="axis axis-x">${out.join("")}</g>`;
}

/** @internal Phase breaks, halfway between the phases' neighbouring points, and phase labels (drawn over the annotations' lines). */
export function phasesLayer(L: ChartLayout): string {
  const { model, xs, left, right, plotTop, plotBottom, phaseBand, ro } = L;
  if (phaseBand === 0) return "";
  const small = CHART_TYPE.small;
  const out: string[] = [];
  model.phases.forEach((ph, k) => {
    const startX = k === 0 ? left : (xs[ph.start - 1]! + xs[ph.start]!) / 2;
    const endX = k === model.phases.length - 1 ? right : (xs[ph.end]! + xs[ph.end + 1]!) / 2;
    if (k > 0) out.push(`<line class="phase-break" x1="${px(startX)}" x2="${px(startX)}" y1="${px(plotTop - phaseBand)}" y2="${px(plotBottom)}" stroke="${THEME.axis}" stroke-width="1"/>`);
    const given = ro.phaseLabels?.[k];
    const base = given ?? (k === 0 ? "Phase 1" : ph.origin === "rephase" ? `Phase ${k + 1} (re-phased)` : `Phase ${k + 1}`);
    const name = `${base}${ph.centre !== null ? `: ${model.centreName} ${ro.format(ph.centre)}` : ""}`;
    const room = charsIn(endX - startX - 8, small);
    if (room >= 3) out.push(`<text class="phase-label" x="${px(startX + 4)}" y="${px(plotTop - 5)}" font-size="${small}" fill="${THEME.muted}" stroke="${THEME.background}" stroke-width="3" paint-order="stroke">${escapeXml(truncate(name, room))}</text>`);
  });
  return `<g class="phases">${out.join("")}</g>`;
}

/** The four limit lines of a control chart: field, class, colour, width and dash beyond the baseline. */
const LIMIT_LINES = [
  ["ucl2", "sigma2 upper", THEME.sigma2, CHART_LINES.sigma2, CHART_LINES.dot],
  ["lcl2", "sigma2 lower", THEME.sigma2, CHART_LINES.sigma2, CHART_LINES.dot],
  ["ucl", "limit upper", THEME.limit, CHART_LINES.limit, CHART_LINES.dash],
  ["lcl", "limit lower", THEME.limit, CHART_LINES.limit, CHART_LINES.dash],
] as const;

/** @internal Control limits (and 2-sigma lines) per phase, stepped where they vary. */
export function limitsLayer(L: ChartLayout): string {
  const { model, xs } = L;
  if (!model.limits) return "";
  const yPos = (v: number): number => L.y.pos(v);
  const out: string[] = [];
  for (const ph of model.phases) {
    for (const [field, cls, colour, width, dashed] of LIMIT_LINES) {
      const lines = stepLines(ph, xs, model.points.map((p) => p[field]), yPos);
      // 2-sigma lines are dotted throughout; control limits are solid over the baseline, dashed beyond.
      const solidDash = field === "ucl2" || field === "lcl2" ? ` stroke-dasharray="${CHART_LINES.dot}"` : "";
      if (lines.solid.length > 0) out.push(`<path class="${cls}" d="${polylinePath(lines.solid)}" fill="none" stroke="${colour}" stroke-width="${width}"${solidDash}/>`);
      if (lines.dashed.length > 0) out.push(`<path class="${cls} extended" d="${polylinePath(lines.dashed)}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-dasharray="${dashed}"/>`);
    }
  }
  return `<g class="limits">${out.join("")}</g>`;
}

/** @internal The centre line per phase: solid over its baseline, dashed beyond. */
export function centreLayer(L: ChartLayout): string {
  const { model, xs } = L;
  const yPos = (v: number): number => L.y.pos(v);
  const width = CHART_LINES.centre;
  const out: string[] = [];
  for (const ph of model.phases) {
    const lines = stepLines(ph, xs, model.points.map((p) => p.centre), yPos);
    if (lines.solid.length > 0) out.push(`<path class="centre" d="${polylinePath(lines.solid)}" fill="none" stroke="${THEME.centre}" stroke-width="${width}"/>`);
    if (lines.dashed.length > 0) out.push(`<path class="centre extended" d="${polylinePath(lines.dashed)}" fill="none" stroke="${THEME.centre}" stroke-width="${width}" stroke-dasharray="${CHART_LINES.dash}"/>`);
  }
  return `<g class="centre-line">${out.join("")}</g>`;
}

/** @internal The target line across the plot, when there is a target. */
export function targetLayer(L: ChartLayout): string {
  const { target, left, right } = L;
  if (target === null || !Number.isFinite(target)) return "";
  const ty = px(L.y.pos(target));
  return `<g class="target-line"><line class="target" x1="${px(left)}" x2="${px(right)}" y1="${ty}" y2="${ty}" stroke="${THEME.target}" stroke-width="${CHART_LINES.target}" stroke-dasharray="${CHART_LINES.targetDash}"/></g>`;
}

/** @internal Annotations: a marker on the plot's top edge, a dotted line down through the plot, a leader line up to the label. */
export function annotationsLayer(L: ChartLayout): string {
  const { annotations, placements, annotationLabels, plotTop, plotBottom, phaseBand } = L;
  if (annotations.length === 0) return "";
  const colour = THEME.annotation;
  const out: string[] = [];
  annotations.forEach((a, i) => {
    const ax = px(L.x.pos(a.key));
    const pl = placements[i]!;
    const ly = plotTop - phaseBand - 6 - pl.lane * CHART_SPACE.lane;
    out.push(
      `<g class="annotation"><title>${escapeXml(`${L.x.format(a.key)}: ${a.label}`)}</title>`,
      `<line x1="${ax}" x2="${ax}" y1="${px(ly)}" y2="${px(plotTop)}" stroke="${colour}" stroke-width="1"/>`,
      `<line x1="${ax}" x2="${ax}" y1="${px(plotTop)}" y2="${px(plotBottom)}" stroke="${colour}" stroke-width="1" stroke-dasharray="${CHART_LINES.dot}" opacity="${CHART_LINES.annotationOpacity}"/>`,
      `<circle cx="${ax}" cy="${px(plotTop)}" r="${CHART_LINES.annotationDot}" fill="${colour}"/>`,
      `<text x="${px(pl.start + 3)}" y="${px(ly)}" font-size="${CHART_TYPE.small}" fill="${colour}">${escapeXml(annotationLabels[i]!)}</text></g>`,
    );
  });
  return `<g class="annotations">${out.join("")}</g>`;
}

/** What a mark means, for tooltips. */
const MARK_WORDS: Record<Mark, string> = {
  improvement: "improvement",
  deterioration: "deterioration",
  neutral: "signal",
  mixed: "both an improvement and a deterioration signal",
};

/** The data line's pieces: broken at gaps (no value, or x off the axis) and at phase breaks. */
function lineSegments(L: ChartLayout): Array<Array<[number, number]>> {
  const { model, xs } = L;
  const segments: Array<Array<[number, number]>> = [];
  let seg: Array<[number, number]> | null = null;
  model.points.forEach((p, i) => {
    const drawn = p.y !== null && Number.isFinite(p.y) && Number.isFinite(xs[i]!);
    if (!drawn || (i > 0 && model.points[i - 1]!.phase !== p.phase)) seg = null;
    if (!drawn) return;
    if (seg === null) {
      seg = [];
      segments.push(seg);
    }
    seg.push([xs[i]!, L.y.pos(p.y!)]);
  });
  return segments.filter((s) => s.length > 1);
}

/** @internal Data: the line, then one marker per point with a value (with a tooltip), then any second series. */
export function dataLayer(L: ChartLayout): string {
  const { model, xs, keys, marks, ro } = L;
  const out: string[] = [];
  const segments = lineSegments(L);
  if (segments.length > 0) out.push(`<path class="line" d="${polylinePath(segments)}" fill="none" stroke="${THEME.line}" stroke-width="${CHART_LINES.data}" stroke-linejoin="round"/>`);
  model.points.forEach((p, i) => {
    if (p.y === null || !Number.isFinite(p.y) || !Number.isFinite(xs[i]!)) return;
    const mark = marks[i] ?? null;
    const tip = `${L.x.format(keys[i]!)}: ${ro.format(p.y)}${mark ? ` (${MARK_WORDS[mark]}: ${p.rules.join(", ")})` : ""}${p.excluded ? (p.partial === true ? " (partial period, not counted)" : " (excluded)") : ""}`;
    out.push(pointMarker(xs[i]!, L.y.pos(p.y), mark, p.excluded, "", `<title>${escapeXml(tip)}</title>`));
  });
  return `<g class="data">${out.join("")}${drawSecondSeries(model, xs, (v) => L.y.pos(v), (i) => L.x.format(keys[i]!))}</g>`;
}

/** @internal Value labels for the last phase at the right, pushed apart so they never overlap. */
export function valueLabelsLayer(L: ChartLayout): string {
  if (L.valueLabels.length === 0) return "";
  const placed = spread(L.valueLabels.map((l) => ({ ...l, pos: L.y.pos(l.value) })), CHART_SPACE.valueLabelGap, L.plotTop, L.plotBottom);
  return `<g class="value-labels">${placed.map((l) => `<text class="${l.cls}" x="${px(L.right + 6)}" y="${px(l.pos + 3.5)}" font-size="${CHART_TYPE.small}" fill="${l.colour}">${escapeXml(l.text)}</text>`).join("")}</g>`;
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

/** @internal The legend under the x axis (none in a compact panel). */
export function legendLayer(L: ChartLayout): string {
  return L.compact ? "" : legendSvg(L.legendRows, L.legendTop);
}

/** @internal The caption under the legend. */
export function captionLayer(L: ChartLayout): string {
  if (L.captionLines.length === 0) return "";
  const small = CHART_TYPE.small;
  const top = L.legendTop + L.legendRows.length * CHART_SPACE.legendRow + 8;
  return `<g class="caption">${L.captionLines.map((line, k) => `<text x="12" y="${px(top + k * (small + 4) + small)}" font-size="${small}" fill="${THEME.muted}">${escapeXml(line)}</text>`).join("")}</g>`;
}
