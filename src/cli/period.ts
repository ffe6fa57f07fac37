/** Periods `--period` rolls dated rows up to. */
export const PERIODS = ["week", "month", "quarter", "year"] as const;
export type Period = (typeof PERIODS)[number];

/**
 * The first day of the period an ISO date falls in, as ISO `YYYY-MM-DD`: weeks start on Monday
 * (ISO 8601, as NHS and Scottish Government weekly statistics), quarters in January, April,
 * July and October (calendar quarters, not financial years), years on 1 January. Calendar
 * arithmetic in UTC, so the answer is the same in every time zone.
 *
 * @example
 * periodStart("2024-05-17", "month")   //=> "2024-05-01"
 * periodStart("2024-05-17", "week")    //=> "2024-05-13" (a Monday)
 * periodStart("2024-05-17", "quarter") //=> "2024-04-01"
 */
export function periodStart(isoDate: string, period: Period): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  if (period === "year") return `${isoDate.slice(0, 4)}-01-01`;
  if (period === "month") return `${isoDate.slice(0, 7)}-01`;
  if (period === "quarter") return `${isoDate.slice(0, 4)}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d); // (Date.UTC would read years 0–99 as 1900–1999)
  date.setUTCDate(d - ((date.getUTCDay() + 6) % 7));
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/** The first day after the period that starts on (or contains) `isoDate`: the next period's start. */
export function nextPeriodStart(isoDate: string, period: Period | "day"): string {
  const start = period === "day" ? isoDate : periodStart(isoDate, period);
  const date = new Date(0);
  date.setUTCFullYear(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)));
  if (period === "day") date.setUTCDate(date.getUTCDate() + 1);
  else if (period === "week") date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + (period === "month" ? 1 : period === "quarter" ? 3 : 12));
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}
