import { escapeXml } from "./escape.js";
import { pointMarker } from "./markers.js";
import type { ChartModel } from "./model.js";
import { formatValue, px } from "./number.js";
import { polylinePath } from "./steps.js";
import { THEME } from "./theme.js";

/** Dash pattern of the second line, so it reads apart from the first without colour. */
const DASH2 = "4 2";

/** @internal The finite values of the model's second line (for the y axis); none without one. */
export function secondSeriesValues(model: ChartModel): number[] {
  if (model.series2 === undefined) return [];
  const out: number[] = [];
  for (const p of model.series2.points) if (p.y !== null && Number.isFinite(p.y)) out.push(p.y);
  return out;
}

/**
 * @internal The second line (dashed, broken at gaps and phase breaks) and its markers, shaped and
 * coloured by assessment as the first; "" without one.
 */
export function drawSecondSeries(model: ChartModel, xs: readonly number[], yPos: (v: number) => number, xLabel: (i: number) => string): string {
  const s2 = model.series2;
  if (s2 === undefined) return "";
  const segments: Array<Array<[number, number]>> = [];
  let seg: Array<[number, number]> | null = null;
  const markers: string[] = [];
  s2.points.forEach((p, i) => {
    const ok = p.y !== null && Number.isFinite(p.y) && Number.isFinite(xs[i]!);
    if (!ok || (i > 0 && model.points[i - 1]?.phase !== model.points[i]?.phase)) seg = null;
    if (!ok) return;
    if (seg === null) {
      seg = [];
      segments.push(seg);
    }
    seg.push([xs[i]!, yPos(p.y!)]);
    const tip = `${xLabel(i)}: ${s2.label} ${formatValue(p.y!)}${p.assessment ? ` (${p.assessment})` : ""}`;
    markers.push(pointMarker(xs[i]!, yPos(p.y!), p.assessment, false, " series2", `<title>${escapeXml(tip)}</title>`));
  });
  const lines = segments.filter((s) => s.length > 1);
  const path = lines.length > 0 ? `<path class="line series2" d="${polylinePath(lines)}" fill="none" stroke="${THEME.line}" stroke-width="1.5" stroke-dasharray="${DASH2}" stroke-linejoin="round"/>` : "";
  return `<g class="series2">${path}${markers.join("")}</g>`;
}

/** @internal The legend entry of the second line, if any. */
export function secondSeriesLegend(model: ChartModel): { key: string; label: string; symbol: (x: number, y: number) => string }[] {
  if (model.series2 === undefined) return [];
  return [{
    key: "series2",
    label: model.series2.label,
    symbol: (x, y) => `<line x1="${px(x)}" x2="${px(x + 18)}" y1="${px(y)}" y2="${px(y)}" stroke="${THEME.line}" stroke-width="1.5" stroke-dasharray="${DASH2}"/><circle cx="${px(x + 9)}" cy="${px(y)}" r="3.5" fill="${THEME.point}"/>`,
  }];
}
