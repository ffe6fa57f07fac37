import { toDayNumber } from "../_lib/calendar.js";
import { formatNumber } from "../engine/messages.js";
import { formatDated, resolvePeriod } from "../engine/period.js";
import type { XPeriod } from "../engine/types.js";

/**
 * An x value for people: a date by the chart's period ("Jun 2024", "2024 Q2", "6 May 2024"),
 * numbers as they are. Without a period (a chart saved by pace-qi 0.1), "Jun 2024" for the first
 * of a month and "6 May 2024" for other dates.
 */
export function xLabel(x: unknown, period: XPeriod | null = null): string {
  if (typeof x === "number") return Number.isFinite(x) ? formatNumber(x) : String(x);
  const day = toDayNumber(x);
  if (Number.isNaN(day)) return typeof x === "string" ? x : String(x);
  return formatDated(day, period ?? resolvePeriod(undefined, "date", [day])!);
}

/**
 * Point `i` of a chart for people, as the chart's messages name it: a date by the chart's period
 * (xLabel); a number "x = 24" — "point 24" when the x are the observation numbers (1, 2, 3, …, as
 * runChart and controlChart number the points without an `x`, whose messages say "point 24"; the
 * 24th of x = 1…n is x = 24 as well). A board read "since 24" (a user trial). `numbered`: every
 * point's x is its position + 1 ({@link observationNumbers}).
 */
export function pointLabel(x: unknown, numbered: boolean, period: XPeriod | null = null): string {
  if (typeof x !== "number" || !Number.isFinite(x)) return xLabel(x, period);
  return `${numbered ? "point" : "x ="} ${formatNumber(x)}`;
}

/** Whether the points' x are the observation numbers 1, 2, 3, … (their position + 1). */
export function observationNumbers(points: ArrayLike<{ x: unknown }>): boolean {
  for (let i = 0; i < points.length; i++) if (points[i]!.x !== i + 1) return false;
  return true;
}
