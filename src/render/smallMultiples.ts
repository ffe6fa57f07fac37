import { field } from "../_lib/accessor.js";
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, enumOption, integerOption, numberOption, objectOption } from "../_lib/options.js";
import { assertRunChart } from "../runchart/guards.js";
import type { RunChart } from "../runchart/types.js";
import { assertControlChart } from "../spc/guards.js";
import type { ControlChart } from "../spc/types.js";
import { niceYDomain } from "./axis.js";
import { drawChart, drawLegend } from "./chart.js";
import { controlChartModel } from "./controlChart.js";
import { escapeXml, textOf } from "./escape.js";
import { hash, safeId } from "./id.js";
import type { ChartModel } from "./model.js";
import { px } from "./number.js";
import { checkTextOptions } from "./options.js";
import { runChartModel } from "./runChart.js";
import { truncate, wrapToWidth } from "./text.js";
import { charsIn, textWidth, THEME, TITLE_EDGE } from "./theme.js";

/** Where a facet (row or column) comes from: a field of an object key, an index of an array key, or a function of the key. */
export type FacetAccessor = string | number | ((key: unknown, index: number) => unknown);

/** The {@link renderSmallMultiples} options. */
export interface RenderSmallMultiplesOptions {
  /** Heading above the grid, also the SVG's `<title>`. Default "Small multiples". */
  title?: string;
  subtitle?: string;
  /** "shared" (default): one y domain for every panel, so heights compare; "free": each panel its own. */
  y?: "shared" | "free";
  /**
   * Two-way facets: each group's row and column. Default: when every key is a two-element array
   * (`by: (d) => [d.authority, d.stage]`), its first element is the row and its second the column;
   * otherwise the panels wrap into `columns`.
   */
  facets?: { row?: FacetAccessor; column?: FacetAccessor };
  /** Panels per row when the panels wrap (no facets). Default: as many 300-pixel panels as fit in `width`. */
  columns?: number;
  /** Width of the whole grid in pixels. Default 960. */
  width?: number;
  /** Height of each panel in pixels. Default 220. */
  panelHeight?: number;
  /** Each panel's title from its key. Default: the key as text (an array's parts joined by " · "). */
  label?: (key: unknown, index: number) => string;
  xLabel?: string;
  yLabel?: string;
  /** A target line on every panel. Default: none for run charts, each control chart's `settings.target`. */
  target?: number | null;
  /** Prefix for element ids. Default: a hash of the groups. */
  id?: string;
}

type Group = { key: unknown; chart: RunChart | ControlChart };

const KEYS = ["title", "subtitle", "y", "facets", "columns", "width", "panelHeight", "label", "xLabel", "yLabel", "target", "id"];
const TITLE = 16;
const HEAD = 12;

/**
 * Draw a grouped result of {@link runChart} or {@link controlChart} (`by`: an array of
 * `{ key, chart }`) as one SVG grid of small charts — each panel is the single-chart renderer's
 * drawing in a compact form (signals as triangles and diamonds, limits, centre, target) titled
 * with its key, with its own `role="img"`, `<title>` and `<desc>` (the chart's summary), and one
 * legend under the grid. `y: "shared"` (the default) puts every panel on one y domain so levels
 * compare at a glance (Tufte, "The Visual Display of Quantitative Information", 1983: small
 * multiples on common scales); `y: "free"` fits each. Keys that are `[row, column]` pairs, or
 * `facets: { row, column }`, lay the panels out two-way with row and column headings. Every key
 * is escaped; deterministic. See docs/rendering.md.
 *
 * @example
 * const rows = ["North", "South"].flatMap((team) =>
 *   [40, 42, 38, 45, 50, 55, 60, 58].map((value, i) => ({ team, month: `2024-0${i + 1}-01`, value })));
 * const svg = renderSmallMultiples(runChart(rows, { x: "month", y: "value", by: "team" }), { title: "By team" });
 * svg.match(/role="img"/g).length //=> 2
 */
export function renderSmallMultiples(groups: ReadonlyArray<{ key: unknown; chart: RunChart | ControlChart }>, options: RenderSmallMultiplesOptions = {}): string {
  const o = checkTextOptions(options, ["title", "subtitle", "xLabel", "yLabel", "id"]);
  checkKeys(o, KEYS, ["options"], "option");
  const list = checkGroups(groups);
  const scale = o.y === undefined ? "shared" : enumOption(o.y, ["shared", "free"] as const, ["options", "y"]);
  const W = o.width === undefined ? 960 : numberOption(o.width, ["options", "width"], (v) => v >= 200, "a number of pixels, at least 200");
  const panelH = o.panelHeight === undefined ? 220 : numberOption(o.panelHeight, ["options", "panelHeight"], (v) => v >= 120, "a number of pixels, at least 120");
  if (o.label !== undefined && typeof o.label !== "function") throw new QiError("invalid-option", ["options", "label"], `label must be a function (key, index) => text, not ${describeValue(o.label)}`);
  if (o.target !== undefined && o.target !== null && (typeof o.target !== "number" || !Number.isFinite(o.target))) throw new QiError("invalid-option", ["options", "target"], `target must be a finite number or null, not ${describeValue(o.target)}`);
  const labels = list.map((g, i) => (o.label ? textOf((o.label as (k: unknown, i: number) => unknown)(g.key, i), ["options", "label"]) : keyText(g.key)));
  const grid = layout(list, o, W);
  // A target for every panel is the one each control chart's assurance icon judges, as in renderControlChart.
  const models = list.map((g) => ("type" in g.chart ? controlChartModel(g.chart, o.target as number | null | undefined) : runChartModel(g.chart)));
  const title = options.title ?? "Small multiples";
  const id = safeId(options.id ?? `qi-sm-${hash(`${title}|${labels.join("|")}|${models.map((m) => m.points.length).join(",")}`)}`);

  // Header, then the column headings band and the row headings' margin of a two-way grid.
  const header: string[] = [];
  let y0 = 8;
  for (const line of wrapToWidth(title, W - 12 - TITLE_EDGE, TITLE, true)) {
    y0 += TITLE + 4;
    header.push(`<text class="title" x="12" y="${px(y0)}" font-size="${TITLE}" font-weight="600" fill="${THEME.text}">${escapeXml(line)}</text>`);
  }
  for (const line of options.subtitle ? wrapToWidth(options.subtitle, W - 12 - TITLE_EDGE, HEAD, false) : []) {
    y0 += HEAD + 4;
    header.push(`<text class="subtitle" x="12" y="${px(y0)}" font-size="${HEAD}" fill="${THEME.muted}">${escapeXml(line)}</text>`);
  }
  const left = grid.rowNames.length > 0 ? Math.min(160, 16 + Math.max(...grid.rowNames.map((r) => textWidth(r, HEAD)))) : 0;
  const top = y0 + 10 + (grid.columnNames.length > 0 ? HEAD + 10 : 0);
  const panelW = (W - left) / grid.columns;
  const target = o.target === undefined ? undefined : (o.target as number | null);
  const yDomain = scale === "shared" ? niceYDomain(models.flatMap((m) => yValues(m, target === undefined ? m.target : target)), [panelH - 70, 0]) : undefined;

  const panels = list.map((_, i) => {
    const at = { x: left + grid.cells[i]!.column * panelW, y: top + grid.cells[i]!.row * panelH };
    const chartOptions = { title: labels[i]!, width: panelW, height: panelH, id: `${id}-${i + 1}`, ...(options.xLabel ? { xLabel: options.xLabel } : {}), ...(options.yLabel ? { yLabel: options.yLabel } : {}), ...(target === undefined ? {} : { target }) };
    return drawChart(models[i]!, chartOptions, { compact: true, at, ...(yDomain ? { yDomain } : {}) });
  });
  const heads: string[] = [];
  grid.columnNames.forEach((name, c) => {
    heads.push(`<text class="column-heading" x="${px(left + (c + 0.5) * panelW)}" y="${px(top - 8)}" font-size="${HEAD}" font-weight="600" text-anchor="middle" fill="${THEME.text}">${escapeXml(truncate(name, charsIn(panelW - 8, HEAD)))}</text>`);
  });
  grid.rowNames.forEach((name, r) => {
    heads.push(`<text class="row-heading" x="8" y="${px(top + (r + 0.5) * panelH)}" font-size="${HEAD}" font-weight="600" fill="${THEME.text}">${escapeXml(truncate(name, charsIn(left - 12, HEAD)))}</text>`);
  });
  const gridBottom = top + grid.rows * panelH;
  const legend = drawLegend(models, target !== null && (target !== undefined || models.some((m) => m.target !== null)), W, gridBottom + 6);
  const H = gridBottom + 6 + legend.height + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="qi-small-multiples" id="${id}" width="${px(W)}" height="${px(H)}" viewBox="0 0 ${px(W)} ${px(H)}" role="group" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(THEME.font)}">`,
    `<title id="${id}-title">${escapeXml(options.subtitle ? `${title}: ${options.subtitle}` : title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describeGrid(list, labels, grid, scale))}</desc>`,
    `<rect class="background" width="${px(W)}" height="${px(H)}" fill="${THEME.background}"/>`,
    `<g class="header">${header.join("")}</g>`,
    `<g class="headings">${heads.join("")}</g>`,
    `<g class="panels">${panels.join("")}</g>`,
    legend.svg,
    "</svg>",
  ].join("");
}

/** The groups as given: a non-empty array of `{ key, chart }` with a run or control chart each (errors at `["groups", i, …]`). */
function checkGroups(groups: unknown): Group[] {
  if (!Array.isArray(groups)) {
    throw new QiError("invalid-value", ["groups"], `groups must be the array a runChart() or controlChart() call with \`by\` returns, not ${describeValue(groups)}`);
  }
  if (groups.length === 0) throw new QiError("empty-data", ["groups"], "renderSmallMultiples needs at least one group");
  return groups.map((g: unknown, i) => {
    if (g === null || typeof g !== "object" || !("chart" in g)) {
      throw new QiError("invalid-value", ["groups", i], `each group must be { key, chart } as \`by\` returns it, not ${describeValue(g)}`);
    }
    const chart: unknown = (g as { chart: unknown }).chart;
    try {
      if (chart !== null && typeof chart === "object" && "type" in chart) assertControlChart(chart);
      else assertRunChart(chart);
    } catch (e) {
      if (e instanceof QiError) throw new QiError(e.code, ["groups", i, ...e.path], `group ${i + 1}: ${e.message.replace(/ \(at [^)]*\)$/, "")}`);
      throw e;
    }
    return { key: (g as Record<string, unknown>).key, chart: chart as RunChart | ControlChart };
  });
}

interface Grid {
  rows: number;
  columns: number;
  cells: Array<{ row: number; column: number }>;
  /** Headings of a two-way grid (empty when the panels wrap). */
  rowNames: string[];
  columnNames: string[];
}

/** Where each panel goes: a two-way grid from the facets (or `[row, column]` keys), else wrapped into rows. */
function layout(list: readonly Group[], o: Record<string, unknown>, W: number): Grid {
  const facets = o.facets === undefined ? undefined : objectOption(o.facets, ["options", "facets"]);
  if (facets !== undefined) checkKeys(facets, ["row", "column"], ["options", "facets"], "facet");
  const pairs = facets === undefined && list.every((g) => Array.isArray(g.key) && g.key.length === 2);
  if (facets !== undefined || pairs) {
    const rowOf = pairs ? facetReader(0, "row") : facets!.row === undefined ? () => "" : facetReader(facets!.row, "row");
    const colOf = pairs ? facetReader(1, "column") : facets!.column === undefined ? () => "" : facetReader(facets!.column, "column");
    const rowNames: string[] = [];
    const columnNames: string[] = [];
    const taken = new Map<string, number>();
    const cells = list.map((g, i) => {
      const r = keyText(rowOf(g.key, i));
      const c = keyText(colOf(g.key, i));
      if (!rowNames.includes(r)) rowNames.push(r);
      if (!columnNames.includes(c)) columnNames.push(c);
      const cell = JSON.stringify([r, c]);
      const other = taken.get(cell);
      if (other !== undefined) {
        throw new QiError("invalid-option", ["options", "facets"], `groups ${other + 1} and ${i + 1} fall in the same panel (row ${describeValue(r)}, column ${describeValue(c)}): give facets that tell every group apart`);
      }
      taken.set(cell, i);
      return { row: rowNames.indexOf(r), column: columnNames.indexOf(c) };
    });
    const oneRow = rowNames.length === 1 && rowNames[0] === "";
    const oneColumn = columnNames.length === 1 && columnNames[0] === "";
    return { rows: rowNames.length, columns: columnNames.length, cells, rowNames: oneRow ? [] : rowNames, columnNames: oneColumn ? [] : columnNames };
  }
  const columns = o.columns === undefined ? Math.max(1, Math.min(list.length, Math.floor(W / 300))) : integerOption(o.columns, ["options", "columns"], 1, 100);
  return { rows: Math.ceil(list.length / columns), columns, cells: list.map((_, i) => ({ row: Math.floor(i / columns), column: i % columns })), rowNames: [], columnNames: [] };
}

function facetReader(facet: unknown, name: "row" | "column"): (key: unknown, i: number) => unknown {
  if (typeof facet === "function") return (k, i) => (facet as (k: unknown, i: number) => unknown)(k, i);
  if (typeof facet === "number" && Number.isInteger(facet) && facet >= 0) return (k) => (Array.isArray(k) ? (k[facet] as unknown) : undefined);
  if (typeof facet === "string") return (k) => field(k, facet);
  throw new QiError("invalid-option", ["options", "facets", name], `facets.${name} must be a field name, an array index or a function (key, index) => value, not ${describeValue(facet)}`);
}

/** A key for people: text as it is, an array's parts joined by " · ", an object as JSON. */
function keyText(k: unknown, depth = 0): string {
  if (typeof k === "string") return k;
  if (k === null || k === undefined) return "(no key)";
  if (Array.isArray(k) && depth < 3) return k.map((v: unknown) => keyText(v, depth + 1)).join(" · ");
  if (typeof k === "object" || typeof k === "function") {
    try {
      return JSON.stringify(k) ?? describeValue(k);
    } catch {
      return describeValue(k);
    }
  }
  return String(k);
}

function yValues(m: ChartModel, target: number | null): number[] {
  const out: number[] = [];
  for (const p of m.points) for (const v of [p.y, p.centre, p.ucl, p.lcl, p.ucl2, p.lcl2]) if (v !== null && Number.isFinite(v)) out.push(v);
  if (target !== null && Number.isFinite(target)) out.push(target);
  return out;
}

/** The grid's `<desc>`: how many panels, how they are laid out and scaled, and which show signals. */
function describeGrid(list: readonly Group[], labels: readonly string[], grid: Grid, scale: string): string {
  const kinds = new Set(list.map((g) => ("type" in g.chart ? "control chart" : "run chart")));
  const kind = kinds.size === 1 ? [...kinds][0]! : "chart";
  const signalling = list.flatMap((g, i) => (g.chart.signals.length > 0 ? [labels[i]!] : []));
  const layout = grid.rowNames.length > 0 || grid.columnNames.length > 0 ? `in ${grid.rows} row${grid.rows === 1 ? "" : "s"} by ${grid.columns} column${grid.columns === 1 ? "" : "s"}` : "";
  const scaleText = scale === "shared" ? "on one shared y scale" : "each on its own y scale";
  const signals = signalling.length === 0 ? "None shows a signal." : `Signals in ${signalling.length}: ${signalling.join("; ")}.`;
  return `${list.length} ${kind}${list.length === 1 ? "" : "s"} ${layout ? `${layout}, ` : ""}${scaleText}. ${signals}`;
}
