/** Private: calendar months and quarters as integer indices over day numbers. */
import { dayNumberFromParts, dayParts } from "../_lib/calendar.js";

export type PeriodUnit = "month" | "quarter";

/** Index of the month (year·12 + month − 1) or quarter (year·4 + quarter − 1) containing a day. */
export function periodIndex(day: number, unit: PeriodUnit): number {
  const p = dayParts(day);
  return unit === "month" ? p.year * 12 + (p.month - 1) : p.year * 4 + Math.floor((p.month - 1) / 3);
}

/** First day of a period. */
export function periodStart(index: number, unit: PeriodUnit): number {
  const per = unit === "month" ? 12 : 4;
  const year = Math.floor(index / per);
  const k = index - year * per;
  return dayNumberFromParts(year, unit === "month" ? k + 1 : k * 3 + 1, 1);
}

/** Last day of a period. */
export function periodEnd(index: number, unit: PeriodUnit): number {
  return periodStart(index + 1, unit) - 1;
}

/** `2024-03` or `2024-Q1`. */
export function periodLabel(index: number, unit: PeriodUnit): string {
  const per = unit === "month" ? 12 : 4;
  const year = Math.floor(index / per);
  const k = index - year * per;
  return unit === "month" ? `${year}-${String(k + 1).padStart(2, "0")}` : `${year}-Q${k + 1}`;
}
