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
