import { QiError, describeValue } from "../_lib/error.js";
import { arrayOf, bool, index, isRecord, nullable, num, object, oneOf, optional, str, xValue, type Shape } from "../_lib/shape.js";
import { X_PERIODS } from "./period.js";

// The shape checks every chart result shares; each chart's guards.ts adds its own fields.

/** @internal Fields of a chart point both chart kinds have, as the summaries and renderers read them. */
export const POINT_FIELDS: Record<string, Shape> = {
  x: xValue,
  y: nullable(num),
  centre: nullable(num),
  phase: num,
  excluded: bool,
  signals: arrayOf(str, "an array of rule ids"),
};

const numOrNull = (v: unknown): boolean => v === null || typeof v === "number";

/**
 * @internal The fast test of chart points (one pass, no allocation): each an object with x a
 * number, string or Date, y and centre numbers or null, a number phase, a boolean excluded and an
 * array of string rule ids; with `limits`, ucl, lcl, ucl2 and lcl2 numbers or null too.
 */
export function pointsOk(points: unknown, limits: boolean): boolean {
  if (!Array.isArray(points)) return false;
  for (let i = 0; i < points.length; i++) {
    const p: unknown = points[i];
    if (p === null || typeof p !== "object" || Array.isArray(p)) return false;
    const q = p as Record<string, unknown>;
    const x = q.x;
    if (typeof x !== "number" && typeof x !== "string" && !(x instanceof Date)) return false;
    if (!numOrNull(q.y) || !numOrNull(q.centre) || typeof q.phase !== "number" || typeof q.excluded !== "boolean") return false;
    if (limits && !(numOrNull(q.ucl) && numOrNull(q.lcl) && numOrNull(q.ucl2) && numOrNull(q.lcl2))) return false;
    const s = q.signals;
    if (!Array.isArray(s)) return false;
    for (let j = 0; j < s.length; j++) if (typeof s[j] !== "string") return false;
  }
  return true;
}

/** `settings.period` of a chart result: optional, as charts saved by pace-qi 0.1 have none (their labels are then worked out from the dates). */
export const PERIOD_FIELD: Shape = optional(nullable(oneOf(X_PERIODS)));

/** @internal Fields of a chart phase both chart kinds have. */
export const PHASE_FIELDS: Record<string, Shape> = {
  start: index,
  end: index,
  baselineStart: nullable(index),
  baselineEnd: nullable(index),
  centre: nullable(num),
  origin: str,
};

/** @internal A chart's signals and warnings. */
export const SIGNALS_AND_WARNINGS: Record<string, Shape> = {
  signals: arrayOf(object({ points: arrayOf(index, "an array of point indices"), assessment: oneOf(["improvement", "deterioration", "neutral"]), message: str }, "a signal object"), "an array of signals"),
  warnings: arrayOf(object({ message: str }, "a warning object"), "an array of warnings"),
};

/**
 * @internal Before the shape: a columnar result (`output: "columns"`) or a grouped one (`by`)
 * gets a message saying what to pass instead.
 */
export function checkChartForm(chart: unknown, maker: "runChart" | "controlChart"): void {
  if (Array.isArray(chart)) {
    throw new QiError("invalid-value", ["chart"], `chart must be one ${maker}() result, not an array: draw a grouped result (by) with renderSmallMultiples(groups), or pass each group's .chart`);
  }
  if (isRecord(chart) && chart.points === undefined && chart.columns !== undefined) {
    throw new QiError("invalid-value", ["chart", "points"], `this chart has columns, not points: renderers need the point form; call ${maker}(…) with output: "points" (the default)`);
  }
}

/**
 * @internal Phases in order over the points: 0 ≤ start ≤ end < points.length, each starting after
 * the previous one ends, so a loop over a phase's points stays inside the points and all the
 * phases together visit each point at most once.
 */
export function checkPhaseRanges(chart: { points: readonly unknown[]; phases: ReadonlyArray<{ start: number; end: number }> }, maker: string): void {
  let after = -1;
  chart.phases.forEach((p, k) => {
    if (p.start <= after || p.end < p.start || p.end >= chart.points.length) {
      throw new QiError(
        "invalid-value",
        ["chart", "phases", k],
        `phase ${k + 1} covers points ${describeValue(p.start)}–${describeValue(p.end)}, outside the ${chart.points.length} points or overlapping the phase before: pass the ${maker}() result unchanged`,
      );
    }
    after = p.end;
  });
}
