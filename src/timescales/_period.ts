/** Private: calendar months and quarters as integer indices over day numbers. */
import { dayNumberFromParts } from "../_lib/calendar.js";

export type PeriodUnit = "month" | "quarter";

/** Index of the month (year·12 + month − 1) or quarter (year·4 + quarter − 1) containing a day. */
export function periodIndex(day: number, unit: PeriodUnit): number {
  // Year and month of a day number by integer arithmetic (no Date object): H. Hinnant,
  // "chrono-Compatible Low-Level Date Algorithms", civil_from_days (proleptic Gregorian).
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return unit === "month" ? year * 12 + (month - 1) : year * 4 + Math.floor((month - 1) / 3);
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
