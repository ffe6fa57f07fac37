import { formatDay, formatMonth, toDayNumber } from "../_lib/calendar.js";
import { formatNumber } from "../engine/messages.js";

/** An x value for people: "Jun 2024" for the first of a month, "6 May 2024" for other dates, numbers as they are. */
export function xLabel(x: unknown): string {
  if (typeof x === "number") return Number.isFinite(x) ? formatNumber(x) : String(x);
  const day = toDayNumber(x);
  if (Number.isNaN(day)) return typeof x === "string" ? x : String(x);
  return formatDay(day).startsWith("1 ") ? formatMonth(day) : formatDay(day);
}
