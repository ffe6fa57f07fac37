import { scaleLinear, type ScaleLinear } from "d3-scale";
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, enumOption, nearestName } from "../_lib/options.js";
import { funnelLimits } from "../funnel/funnelLimits.js";
import { leftOutText, summariseFunnelPlot } from "../funnel/summary.js";
import type { FunnelGroup, FunnelLimitRow, FunnelPlot } from "../funnel/types.js";
import { escapeXml } from "./escape.js";
import { hash, safeId } from "./id.js";
import { markerPath } from "./markers.js";
import { checkTextOptions, sizeOption } from "./options.js";
import { formatTick, formatValue, px } from "./number.js";
import { truncate, wrapToWidth } from "./text.js";
import { charsIn, textWidth, THEME, TITLE_EDGE } from "./theme.js";

/** The {@link renderFunnelPlot} options. */
export interface RenderFunnelOptions {
  /** Heading, also the SVG's `<title>`. Default "Funnel plot". */
  title?: string;
  subtitle?: string;
  /** Default "Denominator". */
  xLabel?: string;
  yLabel?: string;
  /** Width in pixels. Default 720. */
  width?: number;
  /** Height in pixels. Default 480. */
  height?: number;
  /** One organisation to pick out (ringed and labelled), e.g. your own authority. */
  highlight?: string | number;
  /** Which way is better: colours outliers as improvement (blue) or concern (vermillion). Default "neutral" (purple). */
  direction?: "increase" | "decrease" | "neutral";
  /** Which organisations get a label: outside the 95 % limits (default), the 99.8 % limits, all, or none. */
  labels?: "outliers95" | "outliers998" | "all" | "none";
  /** Prefix for element ids. Default: a hash of the plot. */
  id?: string;
}

const KEYS = ["title", "subtitle", "xLabel", "yLabel", "width", "height", "highlight", "direction", "labels", "id"];
const CURVE_POINTS = 160;
const TICK = 11;
const LABEL = 12;
const SMALL = 10.5;

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: (v: number) => number;
  y: (v: number) => number;
  xScale: ScaleLinear<number, number>;
  yScale: ScaleLinear<number, number>;
}

/**
 * Draw a {@link funnelPlot} result as an SVG string: the target line, the 95 % (dashed) and
 * 99.8 % (solid) limit curves in use (adjusted for overdispersion or not, as the result says),
 * each organisation as a point, outliers as triangles pointing the way they lie (coloured by
 * `direction`, so colour is never the only cue) with their names, and one organisation ringed.
 * Accessible (`role="img"`, `<title>`, `<desc>` from {@link summariseFunnelPlot}); every label
 * is escaped; deterministic.
 *
 * @example
 * const rows = [{ la: "A", within: 40, children: 50 }, { la: "B", within: 12, children: 30 }, { la: "C", within: 70, children: 90 }];
 * const f = funnelPlot(rows, { group: "la", numerator: "within", denominator: "children", multiplier: 100 });
 * renderFunnelPlot(f, { title: "Recommendations within 26 weeks", yLabel: "%", highlight: "A" }).startsWith("<svg") //=> true
 */
export function renderFunnelPlot(result: FunnelPlot, options: RenderFunnelOptions = {}): string {
  const o = checkTextOptions(options, ["title", "subtitle", "xLabel", "yLabel", "id"]);
  checkKeys(o, KEYS, ["options"], "option");
  const direction = o.direction === undefined ? "neutral" : enumOption(o.direction, ["increase", "decrease", "neutral"] as const, ["options", "direction"]);
  const labels = o.labels === undefined ? "outliers95" : enumOption(o.labels, ["outliers95", "outliers998", "all", "none"] as const, ["options", "labels"]);
  const summary = summariseFunnelPlot(result);
  const groups = result.groups; // checked by summariseFunnelPlot
  const highlight = highlightOption(o.highlight, groups);
  const W = sizeOption(o.width, "width", 720, 280);
  const H = sizeOption(o.height, "height", 480, 220);
  const title = (o.title as string | undefined) ?? "Funnel plot";
  const id = safeId((o.id as string | undefined) ?? `qi-${hash(`funnel|${title}|${groups.map((g) => `${String(g.group)}:${g.value}:${g.denominatorUsed}`).join(",")}`)}`);
  const curves = limitCurves(result, groups);

  const titleLines = wrapToWidth(title, W - 12 - TITLE_EDGE, 16, true);
  const subLines = o.subtitle ? wrapToWidth(o.subtitle as string, W - 12 - TITLE_EDGE, 12, false) : [];
  let y0 = 8;
  const header: string[] = [];
  for (const line of titleLines) header.push(`<text class="title" x="12" y="${px((y0 += 20))}" font-size="16" font-weight="600" fill="${THEME.text}">${escapeXml(line)}</text>`);
  for (const line of subLines) header.push(`<text class="subtitle" x="12" y="${px((y0 += 16))}" font-size="12" fill="${THEME.muted}">${escapeXml(line)}</text>`);
  // Organisations left out (a value suppressed) are said on the drawing, not only in <desc>: a
  // board looking at "the 32 authorities" sees that 2 are not there (user trial 16).
  const leftOut = result.leftOut ?? [];
  const leftLines = leftOut.length === 0 ? [] : wrapToWidth(`${groups.length} organisation${groups.length === 1 ? "" : "s"} plotted${leftOutText(leftOut)}`, W - 12 - TITLE_EDGE, 12, false);
  for (const line of leftLines) header.push(`<text class="left-out" x="12" y="${px((y0 += 16))}" font-size="12" fill="${THEME.text}">${escapeXml(line)}</text>`);

  const f = frame(result, groups, curves, W, H, y0 + 14, o.yLabel !== undefined);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="qi-chart qi-funnel-plot" id="${id}" width="${px(W)}" height="${px(H)}" viewBox="0 0 ${px(W)} ${px(H)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(THEME.font)}">`,
    `<title id="${id}-title">${escapeXml(o.subtitle ? `${title}: ${o.subtitle as string}` : title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(summary)}</desc>`,
    `<rect class="background" width="${px(W)}" height="${px(H)}" fill="${THEME.background}"/>`,
    `<g class="header">${header.join("")}</g>`,
    `<clipPath id="${id}-clip"><rect x="${px(f.left)}" y="${px(f.top)}" width="${px(f.right - f.left)}" height="${px(f.bottom - f.top)}"/></clipPath>`,
    axes(f, (o.xLabel as string | undefined) ?? "Denominator", o.yLabel as string | undefined),
    drawCurves(result, curves, f, id),
    `<line class="target" x1="${px(f.left)}" x2="${px(f.right)}" y1="${px(f.y(result.target * result.multiplier))}" y2="${px(f.y(result.target * result.multiplier))}" stroke="${THEME.centre}" stroke-width="1.5"/>`,
    drawPoints(groups, f, direction, labels, highlight, drawnLines(result, curves, f)),
    legend(result, f, H, direction, highlight !== undefined),
    `</svg>`,
  ];
  return out.join("");
}

/**
 * `highlight`: the name of one of the plot's groups (a number matches the group of that name), or
 * an `invalid-option` error with "did you mean" — a name that matched no group drew nothing.
 */
function highlightOption(value: unknown, groups: readonly FunnelGroup[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" && typeof value !== "number") throw new QiError("invalid-option", ["options", "highlight"], `highlight must be a group's name, not ${describeValue(value)}`);
  const name = String(value);
  const names = groups.map((g) => String(g.group));
  if (names.includes(name)) return name;
  const near = nearGroups(name, names);
  const known = names.length <= 10 ? ` (groups: ${names.join(", ")})` : "";
  const mean = near.length === 0 ? "" : `; did you mean ${near.length === 1 ? `"${near[0]}"` : `${near.slice(0, -1).map((n) => `"${n}"`).join(", ")} or "${near.at(-1)}"`}?`;
  throw new QiError("invalid-option", ["options", "highlight"], `highlight ${describeValue(value)} is not one of the plot's groups${mean}${known}`);
}

/** How many groups "did you mean" names at most. */
const MAX_NEAR = 5;

/**
 * The groups a highlight that names none may have meant, case ignored: those that contain its text
 * ("Edinburgh" → "City of Edinburgh"), or each of whose words its words begin ("Eilean Siar" →
 * "Na h-Eileanan Siar"), then the nearest spelling (edit distance ≤ 2: "Fyfe" → "Fife").
 */
function nearGroups(name: string, names: readonly string[]): string[] {
  const words = (t: string) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  const text = name.trim().toLowerCase();
  const given = words(name);
  const out = text === "" ? [] : names.filter((n) => n.toLowerCase().includes(text) || (given.length > 0 && given.every((w) => words(n).some((v) => v.startsWith(w)))));
  const near = nearestName(name, names);
  if (near !== undefined && !out.includes(near)) out.push(near);
  return out.slice(0, MAX_NEAR);
}

/** The limit curves from a little below the smallest denominator to the largest, denser where they bend. */
function limitCurves(result: FunnelPlot, groups: readonly FunnelGroup[]): FunnelLimitRow[] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const g of groups) {
    lo = Math.min(lo, g.denominatorUsed);
    hi = Math.max(hi, g.denominatorUsed);
  }
  if (!(hi > 0)) return [];
  const from = Math.max(lo / 2, hi / 2000);
  const to = hi * 1.04;
  const at: number[] = [];
  for (let i = 0; i < CURVE_POINTS; i++) {
    const t = i / (CURVE_POINTS - 1);
    at.push((Math.sqrt(from) + t * (Math.sqrt(to) - Math.sqrt(from))) ** 2);
  }
  return funnelLimits(result, at);
}

function frame(result: FunnelPlot, groups: readonly FunnelGroup[], curves: readonly FunnelLimitRow[], W: number, H: number, top: number, yLabel: boolean): Frame {
  const ys: number[] = [result.target * result.multiplier];
  const adjusted = result.limitsUsed === "adjusted";
  for (const g of groups) {
    ys.push(g.value);
    const l = g.limits;
    if (l) for (const v of adjusted ? [l.adjustedLower998, l.adjustedUpper998] : [l.lower998, l.upper998]) if (Number.isFinite(v)) ys.push(v);
  }
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  if (result.type === "proportion") {
    lo = Math.max(lo, 0);
    hi = Math.min(hi, result.multiplier);
  }
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const y = scaleLinear().domain([lo, hi]).nice(6);
  const ticks = y.ticks(6);
  const left = 14 + (yLabel ? LABEL + 10 : 0) + Math.max(...ticks.map((t) => textWidth(formatTick(t, ticks[1]! - ticks[0]!), TICK)), 8);
  const bottom = H - 86;
  y.range([bottom, top + 4]);
  const xmax = curves.length > 0 ? curves[curves.length - 1]!.denominator : 1;
  const x = scaleLinear().domain([0, xmax]).range([left + 6, W - 20]);
  return { left, right: W - 14, top, bottom, x: (v) => x(v), y: (v) => y(v), xScale: x, yScale: y };
}

function axes(f: Frame, xLabel: string, yLabel: string | undefined): string {
  const out: string[] = [];
  const yt = f.yScale.ticks(6);
  for (const t of yt) {
    const p = f.y(t);
    out.push(`<line class="grid" x1="${px(f.left)}" x2="${px(f.right)}" y1="${px(p)}" y2="${px(p)}" stroke="${THEME.grid}"/>`);
    out.push(`<text x="${px(f.left - 6)}" y="${px(p + 3.5)}" font-size="${TICK}" text-anchor="end" fill="${THEME.muted}">${escapeXml(formatTick(t, yt.length > 1 ? yt[1]! - yt[0]! : 1))}</text>`);
  }
  out.push(`<line x1="${px(f.left)}" x2="${px(f.right)}" y1="${px(f.bottom)}" y2="${px(f.bottom)}" stroke="${THEME.axis}"/>`);
  const xt = f.xScale.ticks(Math.max(2, Math.min(10, Math.round((f.right - f.left) / 90))));
  for (const t of xt) {
    const p = f.x(t);
    out.push(`<line x1="${px(p)}" x2="${px(p)}" y1="${px(f.bottom)}" y2="${px(f.bottom + 4)}" stroke="${THEME.axis}"/>`);
    out.push(`<text x="${px(p)}" y="${px(f.bottom + 16)}" font-size="${TICK}" text-anchor="middle" fill="${THEME.muted}">${escapeXml(formatTick(t, xt.length > 1 ? xt[1]! - xt[0]! : 1))}</text>`);
  }
  out.push(`<text class="axis-label" x="${px((f.left + f.right) / 2)}" y="${px(f.bottom + 34)}" font-size="${LABEL}" text-anchor="middle" fill="${THEME.text}">${escapeXml(truncate(xLabel, charsIn(f.right - f.left, LABEL)))}</text>`);
  if (yLabel !== undefined) {
    out.push(`<text class="axis-label" transform="translate(${px(12 + LABEL / 2)},${px((f.top + f.bottom) / 2)}) rotate(-90)" font-size="${LABEL}" text-anchor="middle" fill="${THEME.text}">${escapeXml(truncate(yLabel, charsIn(f.bottom - f.top, LABEL)))}</text>`);
  }
  return `<g class="axes">${out.join("")}</g>`;
}

function path(rows: readonly FunnelLimitRow[], key: keyof FunnelLimitRow, f: Frame): string {
  let d = "";
  let pen = false;
  for (const r of rows) {
    const v = r[key];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    // keep far-off values drawable: clamp to a band around the plot (the clip path hides the rest)
    const yy = Math.max(f.top - 2000, Math.min(f.bottom + 2000, f.y(v)));
    d += `${pen ? "L" : "M"}${px(f.x(r.denominator))},${px(yy)}`;
    pen = true;
  }
  return d;
}

function drawCurves(result: FunnelPlot, curves: readonly FunnelLimitRow[], f: Frame, id: string): string {
  const out: string[] = [];
  const sets: Array<["adjusted" | "unadjusted", boolean]> = [
    ["unadjusted", result.drawUnadjusted],
    ["adjusted", result.drawAdjusted],
  ];
  for (const [set, drawn] of sets) {
    if (!drawn) continue;
    const inUse = result.limitsUsed === set;
    const colour = inUse ? THEME.limit : THEME.sigma2;
    for (const [lvl, dash, width] of [["95", "6 4", 1.25], ["998", "", 1.5]] as const) {
      for (const side of ["Lower", "Upper"] as const) {
        const key = (set === "adjusted" ? `adjusted${side}${lvl}` : `${side.toLowerCase()}${lvl}`) as keyof FunnelLimitRow;
        const d = path(curves, key, f);
        if (d) out.push(`<path class="limit ${set} l${lvl} ${side.toLowerCase()}" d="${d}" fill="none" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`);
      }
    }
  }
  return `<g class="limits" clip-path="url(#${id}-clip)">${out.join("")}</g>`;
}

function colourOf(side: FunnelGroup["side"], direction: string): string {
  if (direction === "neutral") return THEME.neutral;
  return (side === "high") === (direction === "increase") ? THEME.improvement : THEME.deterioration;
}

/** A line drawn across the plot, in pixels: its y at each x it passes (x increasing). */
type PixelLine = readonly (readonly [number, number])[];

/** The limit curves drawn (drawCurves) and the target line, in pixels, for placing labels off them. */
function drawnLines(result: FunnelPlot, curves: readonly FunnelLimitRow[], f: Frame): PixelLine[] {
  const lines: PixelLine[] = [];
  const target = f.y(result.target * result.multiplier);
  lines.push([[f.left, target], [f.right, target]]);
  for (const [set, drawn] of [["unadjusted", result.drawUnadjusted], ["adjusted", result.drawAdjusted]] as const) {
    if (!drawn) continue;
    for (const lvl of ["95", "998"] as const) {
      for (const side of ["Lower", "Upper"] as const) {
        const key = (set === "adjusted" ? `adjusted${side}${lvl}` : `${side.toLowerCase()}${lvl}`) as keyof FunnelLimitRow;
        lines.push(curves.filter((r) => Number.isFinite(r[key])).map((r) => [f.x(r.denominator), f.y(r[key])] as const));
      }
    }
  }
  return lines;
}

/** Whether a line passes through the box from x0 to x1, top to bottom (pixels): its y at x0, x1 and every vertex between. */
function crosses(line: PixelLine, x0: number, x1: number, top: number, bottom: number): boolean {
  const at = (x: number): number | null => {
    for (let k = 1; k < line.length; k++) {
      const [ax, ay] = line[k - 1]!;
      const [bx, by] = line[k]!;
      if (x >= ax && x <= bx) return bx === ax ? ay : ay + ((by - ay) * (x - ax)) / (bx - ax);
    }
    return null;
  };
  const ys = [at(x0), at(x1), ...line.filter(([x]) => x > x0 && x < x1).map(([, y]) => y)].filter((y): y is number => y !== null);
  return ys.length > 0 && Math.max(...ys) >= top && Math.min(...ys) <= bottom;
}

/**
 * The label's baseline for a point at y: beside the point (y + 3.5) unless a limit or the target
 * line runs through the label there; then just above or below the point, whichever is clear first
 * (the label stays beside the point, and still readable: twelfth user trial, "South Lanarkshire" on
 * the 99.8 % line). No clear place: beside the point, as before (its background stroke keeps it readable).
 */
function labelBaseline(y: number, x0: number, x1: number, f: Frame, lines: readonly PixelLine[]): number {
  for (const dy of [0, -9, 9, -16, 16]) {
    const base = y + 3.5 + dy;
    const top = base - SMALL * 0.75;
    const bottom = base + SMALL * 0.2;
    if (top < f.top || bottom > f.bottom) continue;
    if (!lines.some((l) => crosses(l, x0, x1, top, bottom))) return base;
  }
  return y + 3.5;
}

function drawPoints(groups: readonly FunnelGroup[], f: Frame, direction: string, labels: string, highlight: string | undefined, lines: readonly PixelLine[]): string {
  const pts: string[] = [];
  const text: string[] = [];
  const order = groups.map((_, i) => i).sort((a, b) => Number(groups[a]!.outlier95) - Number(groups[b]!.outlier95));
  for (const i of order) {
    const g = groups[i]!;
    const x = f.x(g.denominatorUsed);
    const y = f.y(g.value);
    const name = textOfGroup(g.group);
    const tip = `<title>${escapeXml(`${name}: ${formatValue(g.value)} (${formatValue(g.numerator)} / ${formatValue(g.denominator)})${g.outlier998 ? `, outside the 99.8 % limits (${g.side})` : g.outlier95 ? `, outside the 95 % limits (${g.side})` : ""}`)}</title>`;
    if (g.outlier95) {
      const c = colourOf(g.side, direction);
      pts.push(`<path class="point outlier ${g.side}${g.outlier998 ? " l998" : ""}" d="${markerPath(g.side === "high" ? "triangle-up" : "triangle-down", x, y, g.outlier998 ? 1.15 : 0.95)}" fill="${g.outlier998 ? c : THEME.background}" stroke="${c}" stroke-width="1.5">${tip}</path>`);
    } else {
      pts.push(`<circle class="point" cx="${px(x)}" cy="${px(y)}" r="3.5" fill="${THEME.point}" fill-opacity="0.75">${tip}</circle>`);
    }
    const isHighlight = highlight !== undefined && name === highlight;
    if (isHighlight) pts.push(`<circle class="highlight" cx="${px(x)}" cy="${px(y)}" r="9" fill="none" stroke="${THEME.target}" stroke-width="2.5"/>`);
    const labelled = isHighlight || labels === "all" || (labels === "outliers95" && g.outlier95) || (labels === "outliers998" && g.outlier998);
    if (labelled) {
      const label = truncate(name, 28);
      const w = textWidth(label, SMALL);
      const anchorEnd = x + 12 + w > f.right;
      const base = labelBaseline(y, anchorEnd ? x - 11 - w : x + 11, anchorEnd ? x - 11 : x + 11 + w, f, lines);
      text.push(`<text class="label${isHighlight ? " highlighted" : ""}" x="${px(anchorEnd ? x - 11 : x + 11)}" y="${px(base)}" font-size="${SMALL}"${isHighlight ? ' font-weight="700"' : ""} text-anchor="${anchorEnd ? "end" : "start"}" fill="${THEME.text}" stroke="${THEME.background}" stroke-width="3" paint-order="stroke">${escapeXml(label)}</text>`);
    }
  }
  return `<g class="points">${pts.join("")}</g><g class="labels">${text.join("")}</g>`;
}

function textOfGroup(g: unknown): string {
  return typeof g === "string" ? g : typeof g === "number" ? String(g) : describeValue(g);
}

function legend(result: FunnelPlot, f: Frame, H: number, direction: string, highlighted: boolean): string {
  const entries: Array<[(x: number, y: number) => string, string]> = [];
  const line = (colour: string, width: number, dash: string) => (x: number, y: number) =>
    `<line x1="${px(x)}" x2="${px(x + 20)}" y1="${px(y)}" y2="${px(y)}" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;
  const which = result.limitsUsed === "adjusted" ? " (adjusted)" : "";
  entries.push([line(THEME.centre, 1.5, ""), `target ${formatValue(result.target * result.multiplier)}`]);
  if (result.limitsUsed !== "none") {
    entries.push([line(THEME.limit, 1.25, "6 4"), `95 % limits${which}`]);
    entries.push([line(THEME.limit, 1.5, ""), `99.8 % limits${which}`]);
  }
  const hiC = colourOf("high", direction);
  const loC = colourOf("low", direction);
  entries.push([(x, y) => `<path d="${markerPath("triangle-up", x + 6, y, 0.8)}" fill="${hiC}"/><path d="${markerPath("triangle-down", x + 16, y, 0.8)}" fill="${loC}"/>`, "outside 99.8 % (hollow: 95 % only)"]);
  if (highlighted) entries.push([(x, y) => `<circle cx="${px(x + 10)}" cy="${px(y)}" r="6" fill="none" stroke="${THEME.target}" stroke-width="2.5"/>`, "highlighted"]);
  // lay out in rows that fit the width: two rows at most fit under the axis label
  const rows: Array<Array<[number, (x: number, y: number) => string, string]>> = [[]];
  let x = f.left;
  for (const [symbol, label] of entries) {
    const w = 34 + textWidth(label, SMALL);
    if (x + w > f.right && rows[rows.length - 1]!.length > 0) {
      rows.push([]);
      x = f.left;
    }
    rows[rows.length - 1]!.push([x, symbol, label]);
    x += w;
  }
  const items: string[] = [];
  rows.forEach((row, r) => {
    const y = H - 8 - (rows.length - 1 - r) * 16 - 4;
    for (const [x0, symbol, label] of row) {
      items.push(`<g class="legend-item">${symbol(x0, y)}<text x="${px(x0 + 26)}" y="${px(y + 4)}" font-size="${SMALL}" fill="${THEME.text}">${escapeXml(label)}</text></g>`);
    }
  });
  return `<g class="legend">${items.join("")}</g>`;
}
