import { addCalendarMonths } from "../_lib/calendar.js";
import type { MeasurePeriod } from "../measures/types.js";

/** @internal The last day of the period that starts on `day` (the day itself for "case"). */
export function periodEnd(day: number, period: MeasurePeriod): number {
  switch (period) {
    case "day":
    case "case":
      return day;
    case "week":
      return day + 6;
    default:
      // The day before the same day `months` later (date-fns addMonths, end-of-month safe).
      return addCalendarMonths(day, period === "month" ? 1 : period === "quarter" || period === "financial-quarter" ? 3 : 12) - 1;
  }
}
