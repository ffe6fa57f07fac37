import type { Assessment } from "../runchart/types.js";
import { escapeXml } from "./escape.js";
import { markerPath, mixedMarker, SHAPES } from "./markers.js";
import type { ResolvedChartOptions } from "./chartOptions.js";
import type { ChartModel, Mark } from "./model.js";
import { px } from "./number.js";
import { secondSeriesLegend } from "./secondSeries.js";
import { CHART_LINES, CHART_SPACE, CHART_TYPE, textWidth, THEME } from "./theme.js";

/** @internal One legend entry: a symbol drawn at (x, y) and its label. */
export interface LegendItem {
  key: string;
  label: string;
  symbol: (x: number, y: number) => string;
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

/**
 * @internal The legend of these models together (a small-multiples grid draws one for all its
 * panels): its SVG at `top` and its height.
 */
export function drawLegend(models: readonly ChartModel[], target: boolean, width: number, top: number): { svg: string; height: number } {
  const first = models[0];
  if (first === undefined) return { svg: "", height: 0 };
  const union: ChartModel = { ...first, limits: models.some((m) => m.limits), points: models.flatMap((m) => m.points), phases: models.flatMap((m) => m.phases) };
  const marks = union.points.map((p) => p.mark);
  const rows = layoutLegend(legendFor(union, marks, "both", target ? 0 : null, false), width - 2 * CHART_SPACE.pad);
  return { svg: legendSvg(rows, top), height: rows.length * CHART_SPACE.legendRow };
}

/** @internal The legend rows drawn from `top`. */
export function legendSvg(rows: readonly LegendItem[][], top: number): string {
  const leg: string[] = [];
  rows.forEach((row, r) => {
    let lx = CHART_SPACE.pad;
    const ly = top + r * CHART_SPACE.legendRow + 9;
    for (const item of row) {
      leg.push(`<g class="legend-item legend-${item.key}">${item.symbol(lx, ly)}<text x="${px(lx + CHART_SPACE.legendSymbol)}" y="${px(ly + 4)}" font-size="${CHART_TYPE.tick}" fill="${THEME.text}">${escapeXml(item.label)}</text></g>`);
      lx += legendWidth(item);
    }
  });
  return `<g class="legend">${leg.join("")}</g>`;
}

function lineSymbol(colour: string, width: number, dash: string | null): (x: number, y: number) => string {
  return (x, y) => `<line x1="${px(x)}" x2="${px(x + 18)}" y1="${px(y)}" y2="${px(y)}" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;
}

/** @internal The legend entries of a chart, in drawing order: lines first, then markers, then notes. */
export function legendFor(model: ChartModel, marks: ReadonlyArray<Mark | null>, flags: ResolvedChartOptions["flags"], target: number | null, annotations: boolean): LegendItem[] {
  return [...lineItems(model, target), ...markerItems(model, marks, flags), ...(annotations ? [annotationItem()] : [])];
}

/** Data, second series, centre (and its extension), limits, 2σ and target. */
function lineItems(model: ChartModel, target: number | null): LegendItem[] {
  const L = CHART_LINES;
  const items: LegendItem[] = [
    {
      key: "data",
      label: model.dataLabel ?? "Data",
      symbol: (x, y) => `<line x1="${px(x)}" x2="${px(x + 18)}" y1="${px(y)}" y2="${px(y)}" stroke="${THEME.line}" stroke-width="${L.data}"/><circle cx="${px(x + 9)}" cy="${px(y)}" r="3.5" fill="${THEME.point}"/>`,
    },
  ];
  const centreLabel = model.centreName.charAt(0).toUpperCase() + model.centreName.slice(1);
  items.push(...secondSeriesLegend(model), { key: "centre", label: centreLabel, symbol: lineSymbol(THEME.centre, L.centre, null) });
  const extended = model.phases.some((ph) => ph.baselineEnd !== null && ph.baselineEnd < ph.end);
  if (extended) items.push({ key: "centre-extended", label: `${centreLabel} extended`, symbol: lineSymbol(THEME.centre, L.centre, L.dash) });
  if (model.limits && model.points.some((p) => p.ucl !== null || p.lcl !== null)) items.push({ key: "limits", label: model.limitNames.legend, symbol: lineSymbol(THEME.limit, L.limit, null) });
  if (model.limits && model.points.some((p) => p.ucl2 !== null || p.lcl2 !== null)) items.push({ key: "sigma2", label: "2σ", symbol: lineSymbol(THEME.sigma2, L.sigma2, L.dot) });
  if (target !== null && Number.isFinite(target)) items.push({ key: "target", label: "Target", symbol: lineSymbol(THEME.target, L.target, L.targetDash) });
  return items;
}

/** A marker per assessment drawn, mixed points, the `flags` note and excluded points (hollowLabel). */
function markerItems(model: ChartModel, marks: ReadonlyArray<Mark | null>, flags: ResolvedChartOptions["flags"]): LegendItem[] {
  const items: LegendItem[] = [];
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
  const hollow = hollowLabel(model);
  if (hollow !== null) {
    items.push({ key: hollow.key, label: hollow.label, symbol: (x, y) => `<circle cx="${px(x + 9)}" cy="${px(y)}" r="3.5" fill="${THEME.background}" stroke="${THEME.point}" stroke-width="1.5"/>` });
  }
  return items;
}

/**
 * What the hollow points drawn are: excluded by the user ("Excluded"), periods the data cover in
 * part (`partial`, the `partialPeriods` render option: "Partial period (not counted)"; a board
 * reader took "Excluded" for data someone left out), or both, in one item as their marker is one;
 * null when none is drawn.
 */
function hollowLabel(model: ChartModel): { key: string; label: string } | null {
  const drawn = model.points.filter((p) => p.excluded && p.y !== null);
  const partial = drawn.some((p) => p.partial === true);
  const user = drawn.some((p) => p.partial !== true);
  if (partial && user) return { key: "excluded", label: "Excluded or partial period (not counted)" };
  if (partial) return { key: "partial", label: "Partial period (not counted)" };
  return user ? { key: "excluded", label: "Excluded" } : null;
}

function annotationItem(): LegendItem {
  return {
    key: "annotation",
    label: "PDSA cycle / note",
    symbol: (x, y) => `<line x1="${px(x + 9)}" x2="${px(x + 9)}" y1="${px(y - 6)}" y2="${px(y + 6)}" stroke="${THEME.annotation}" stroke-dasharray="${CHART_LINES.dot}"/><circle cx="${px(x + 9)}" cy="${px(y - 6)}" r="${CHART_LINES.annotationDot}" fill="${THEME.annotation}"/>`,
  };
}

function legendWidth(item: LegendItem): number {
  return CHART_SPACE.legendSymbol + textWidth(item.label, CHART_TYPE.tick) + CHART_SPACE.legendGap;
}

/** @internal Legend items in rows no wider than `width`. */
export function layoutLegend(items: readonly LegendItem[], width: number): LegendItem[][] {
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
