import { dayNumberFromParts, dayParts, daysInMonth } from "../_lib/calendar.js";
import type { MeasurePeriod } from "../measures/types.js";

/** @internal The last day of the period that starts on `day` (the day itself for "case"). */
export function periodEnd(day: number, period: MeasurePeriod): number {
  switch (period) {
    case "day":
    case "case":
      return day;
    case "week":
      return day + 6;
    default: {
      const months = period === "month" ? 1 : period === "quarter" ? 3 : 12;
      const p = dayParts(day);
      const m0 = p.month - 1 + months;
      const year = p.year + Math.floor(m0 / 12);
      const month = (m0 % 12) + 1;
      const d = Math.min(p.day, daysInMonth(year, month));
      return dayNumberFromParts(year, month, d) - 1;
    }
  }
}
