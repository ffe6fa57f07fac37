import type { Assessment } from "../runchart/types.js";
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

/** @internal One point: a circle, or the assessment's shape when it is part of a signal. */
export function pointMarker(x: number, y: number, assessment: Assessment | null, excluded: boolean, extraClass: string, inner: string): string {
  const cls = `point${assessment ? ` signal ${assessment}` : ""}${excluded ? " excluded" : ""}${extraClass}`;
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
