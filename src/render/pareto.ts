import { QiError } from "../_lib/error.js";
import type { ParetoChart } from "../spc/pareto.js";
import { buildYAxis } from "./axis.js";
import { escapeXml } from "./escape.js";
import { hash, safeId } from "./id.js";
import { formatValue, px } from "./number.js";
import { checkKeys } from "../_lib/options.js";
import { checkTextOptions, sizeOption } from "./options.js";
import { truncate, wrapToWidth } from "./text.js";
import { charsIn, textWidth, THEME, TITLE_EDGE } from "./theme.js";

/** The {@link renderParetoChart} options. */
export interface RenderParetoOptions {
  /** Heading, also the SVG's `<title>`. Default "Pareto chart". */
  title?: string;
  subtitle?: string;
  /** Label of the count axis (left). Default "Count". */
  yLabel?: string;
  /** Width in pixels. Default 720. */
  width?: number;
  /** Height in pixels. Default 360. */
  height?: number;
  /** Prefix for element ids. Default: a hash of the chart. */
  id?: string;
}

/**
 * Draw a {@link paretoChart} result as an SVG string: one bar per category, largest first, with
 * the cumulative percentage as a line against a 0–100 % axis on the right and a dotted 80 % guide
 * (Juran's "vital few"). Category labels are escaped and shortened to fit under their bar (the
 * full name is in each bar's tooltip); `<desc>` lists every bar with its count and cumulative share.
 *
 * @example
 * renderParetoChart(paretoChart(["Court", "Panel", "Court", "Report"]), { title: "Reasons for delay" })
 *   .includes('class="bar"') //=> true
 */
export function renderParetoChart(chart: ParetoChart, options: RenderParetoOptions = {}): string {
  checkKeys(checkTextOptions(options, ["title", "subtitle", "yLabel", "id"]), ["title", "subtitle", "yLabel", "width", "height", "id"], ["options"], "renderParetoChart option");
  const bars = checkPareto(chart);
  const W = sizeOption(options.width, "width", 720, 240);
  const H = sizeOption(options.height, "height", 360, 200);
  const title = options.title ?? "Pareto chart";
  const id = safeId(options.id ?? `qi-${hash(`pareto|${title}|${bars.map((b) => `${b.category}:${b.count}`).join(",")}`)}`);
  const header: string[] = [];
  let top = 8;
  for (const line of wrapToWidth(title, W - 12 - TITLE_EDGE, 16, true)) {
    top += 20;
    header.push(`<text class="title" x="12" y="${px(top)}" font-size="16" font-weight="600" fill="${THEME.text}">${escapeXml(line)}</text>`);
  }
  // The subtitle wraps as the title does (it was cut to one line with "…").
  for (const line of options.subtitle ? wrapToWidth(options.subtitle, W - 12 - TITLE_EDGE, 12, false) : []) {
    top += 16;
    header.push(`<text class="subtitle" x="12" y="${px(top)}" font-size="12" fill="${THEME.muted}">${escapeXml(line)}</text>`);
  }
  const plotTop = top + 18;
  const plotBottom = H - 44;
  const maxCount = bars.reduce((m, b) => Math.max(m, b.count), 0);
  const y = buildYAxis([0, maxCount], [plotBottom, plotTop]);
  const tickWidth = Math.max(...y.ticks.map((t) => textWidth(t.label, 11)), 8);
  const left = 10 + (options.yLabel === undefined ? 0 : 22) + tickWidth + 8;
  const right = W - 44;
  const band = (right - left) / Math.max(1, bars.length);
  const pct = (p: number): number => plotBottom - p * (plotBottom - plotTop);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="qi-chart qi-pareto-chart" id="${id}" width="${px(W)}" height="${px(H)}" viewBox="0 0 ${px(W)} ${px(H)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(THEME.font)}">`,
    `<title id="${id}-title">${escapeXml(options.subtitle ? `${title}: ${options.subtitle}` : title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describe(chart))}</desc>`,
    `<rect class="background" width="${px(W)}" height="${px(H)}" fill="${THEME.background}"/>`,
    `<g class="header">${header.join("")}</g>`,
  ];
  const axis: string[] = [];
  for (const t of y.ticks) {
    axis.push(`<line class="grid" x1="${px(left)}" x2="${px(right)}" y1="${px(t.pos)}" y2="${px(t.pos)}" stroke="${THEME.grid}"/>`);
    axis.push(`<text x="${px(left - 6)}" y="${px(t.pos + 3.5)}" font-size="11" text-anchor="end" fill="${THEME.muted}">${escapeXml(t.label)}</text>`);
  }
  for (const p of [0, 0.2, 0.4, 0.6, 0.8, 1]) axis.push(`<text x="${px(right + 6)}" y="${px(pct(p) + 3.5)}" font-size="11" fill="${THEME.muted}">${p * 100}%</text>`);
  axis.push(`<line class="guide" x1="${px(left)}" x2="${px(right)}" y1="${px(pct(0.8))}" y2="${px(pct(0.8))}" stroke="${THEME.sigma2}" stroke-dasharray="2 3"/>`);
  axis.push(`<line x1="${px(left)}" x2="${px(right)}" y1="${px(plotBottom)}" y2="${px(plotBottom)}" stroke="${THEME.axis}"/>`);
  if (options.yLabel !== undefined) {
    axis.push(`<text class="axis-label" transform="translate(18,${px((plotTop + plotBottom) / 2)}) rotate(-90)" font-size="12" text-anchor="middle" fill="${THEME.text}">${escapeXml(truncate(options.yLabel, 40))}</text>`);
  }
  out.push(`<g class="axis">${axis.join("")}</g>`);
  const barsSvg: string[] = [];
  const line: string[] = [];
  const room = Math.max(1, charsIn(band - 4, 10.5));
  bars.forEach((b, i) => {
    const x0 = left + i * band + band * 0.1;
    const name = b.category ?? "(missing)";
    const tip = `${name}: ${formatValue(b.count)} (${formatValue(b.share * 100)}%, cumulative ${formatValue(b.cumulativeShare * 100)}%)`;
    barsSvg.push(`<rect class="bar${b.category === null ? " missing" : ""}" x="${px(x0)}" y="${px(y.pos(b.count))}" width="${px(band * 0.8)}" height="${px(plotBottom - y.pos(b.count))}" fill="${b.category === null ? THEME.sigma2 : THEME.annotation}"><title>${escapeXml(tip)}</title></rect>`);
    barsSvg.push(`<text class="category" x="${px(x0 + band * 0.4)}" y="${px(plotBottom + 16)}" font-size="10.5" text-anchor="middle" fill="${THEME.text}">${escapeXml(truncate(name, room))}</text>`);
    line.push(`${i === 0 ? "M" : "L"}${px(x0 + band * 0.4)},${px(pct(b.cumulativeShare))}`);
  });
  out.push(`<g class="bars">${barsSvg.join("")}</g>`);
  out.push(`<g class="cumulative"><path class="cumulative-line" d="${line.join("")}" fill="none" stroke="${THEME.deterioration}" stroke-width="1.5"/>${bars
    .map((b, i) => `<circle cx="${px(left + i * band + band * 0.5)}" cy="${px(pct(b.cumulativeShare))}" r="3" fill="${THEME.deterioration}"/>`)
    .join("")}</g>`);
  out.push("</svg>");
  return out.join("");
}

/** The bars of a paretoChart() result, or `invalid-value` at the first field that is not one. */
function checkPareto(chart: unknown): ParetoChart["bars"] {
  const bad = (path: (string | number)[], what: string): never => {
    throw new QiError("invalid-value", ["chart", ...path], `this is not a Pareto chart (${what}); pass what paretoChart() returned`);
  };
  if (chart === null || typeof chart !== "object") return bad([], "not an object");
  const c = chart as Record<string, unknown>;
  if (typeof c.total !== "number" || !Number.isFinite(c.total)) bad(["total"], "total is not a number");
  if (!Array.isArray(c.bars)) return bad(["bars"], "bars is not an array");
  c.bars.forEach((b: unknown, i: number) => {
    if (b === null || typeof b !== "object") bad(["bars", i], "a bar is not an object");
    const bar = b as Record<string, unknown>;
    if (bar.category !== null && typeof bar.category !== "string") bad(["bars", i, "category"], "a category is not a string or null");
    for (const f of ["count", "cumulative", "share", "cumulativeShare"]) {
      if (typeof bar[f] !== "number" || !Number.isFinite(bar[f])) bad(["bars", i, f], `${f} is not a finite number`);
    }
  });
  return c.bars as ParetoChart["bars"];
}

/** The text of `<desc>`: every bar in order. */
function describe(chart: ParetoChart): string {
  const parts = chart.bars.map((b) => `${b.category ?? "(missing)"} ${formatValue(b.count)} (cumulative ${formatValue(b.cumulativeShare * 100)}%)`);
  return `Pareto chart of ${formatValue(chart.total)}: ${parts.join("; ")}.`;
}
