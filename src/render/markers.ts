import type { Assessment } from "../runchart/types.js";
import type { Mark } from "./model.js";
import { px } from "./number.js";
import { THEME } from "./theme.js";

/** @internal The marker shape for each signal assessment; ordinary points are circles. */
export const SHAPES: Record<Assessment, "triangle-up" | "triangle-down" | "diamond"> = {
  improvement: "triangle-up",
  deterioration: "triangle-down",
  neutral: "diamond",
};

/** @internal Path data of a marker centred on (x, y). */
export function markerPath(shape: "triangle-up" | "triangle-down" | "diamond", x: number, y: number, size = 1): string {
  const s = 5.5 * size;
  switch (shape) {
    case "triangle-up":
      return `M${px(x)},${px(y - s * 1.1)}L${px(x + s)},${px(y + s * 0.75)}L${px(x - s)},${px(y + s * 0.75)}Z`;
    case "triangle-down":
      return `M${px(x)},${px(y + s * 1.1)}L${px(x + s)},${px(y - s * 0.75)}L${px(x - s)},${px(y - s * 0.75)}Z`;
    case "diamond":
      return `M${px(x)},${px(y - s)}L${px(x + s)},${px(y)}L${px(x)},${px(y + s)}L${px(x - s)},${px(y)}Z`;
  }
}

/**
 * @internal The marker of a point in an improvement signal and a deterioration signal at once: a
 * diamond, its upper half in the improvement colour, its lower half in the deterioration colour.
 */
export function mixedMarker(x: number, y: number, size = 1.15): string {
  const s = 5.5 * size;
  const top = `M${px(x)},${px(y - s)}L${px(x + s)},${px(y)}L${px(x - s)},${px(y)}Z`;
  const bottom = `M${px(x - s)},${px(y)}L${px(x + s)},${px(y)}L${px(x)},${px(y + s)}Z`;
  return `<path d="${top}" fill="${THEME.improvement}"/><path d="${bottom}" fill="${THEME.deterioration}"/>`;
}

/** @internal One point: a circle, or the mark's shape when it is part of a signal. */
export function pointMarker(x: number, y: number, assessment: Mark | null, excluded: boolean, extraClass: string, inner: string): string {
  const cls = `point${assessment ? ` signal ${assessment}` : ""}${excluded ? " excluded" : ""}${extraClass}`;
  if (assessment === "mixed") return `<g class="${cls}">${inner}${mixedMarker(x, y)}</g>`;
  if (assessment === null) {
    const paint = excluded ? `fill="${THEME.background}" stroke="${THEME.point}" stroke-width="1.5"` : `fill="${THEME.point}"`;
    return `<circle class="${cls}" cx="${px(x)}" cy="${px(y)}" r="3.5" ${paint}>${inner}</circle>`;
  }
  const colour = THEME[assessment];
  const paint = excluded
    ? `fill="${THEME.background}" stroke="${colour}" stroke-width="1.5"`
    : `fill="${colour}" stroke="${THEME.background}" stroke-width="0.75"`;
  return `<path class="${cls}" d="${markerPath(SHAPES[assessment], x, y)}" ${paint}>${inner}</path>`;
}
