/** Periods `--period` rolls dated rows up to (the library's `period` names for the split years). */
export const PERIODS = ["week", "month", "quarter", "year", "financial-quarter", "financial-year", "clas-year"] as const;
export type Period = (typeof PERIODS)[number];

/** A period as words go: "quarter", "financial year", "CLAS year". */
export function periodWord(period: Period): string {
  return period === "clas-year" ? "CLAS year" : period.replace("-", " ");
}

/** The month each year-long period starts in (the library's YEAR_START: April for a financial year, August for a CLAS year). */
const YEAR_START_MONTH: Partial<Record<Period, number>> = { year: 1, "financial-year": 4, "clas-year": 8 };

/**
 * The first day of the period an ISO date falls in, as ISO `YYYY-MM-DD`: weeks start on Monday
 * (ISO 8601, as NHS and Scottish Government weekly statistics), quarters in January, April,
 * July and October (a financial year's quarters are the same three months), years on 1 January,
 * financial years on 1 April, CLAS years on 1 August. Calendar arithmetic in UTC, so the answer is
 * the same in every time zone.
 *
 * @example
 * periodStart("2024-05-17", "month")   //=> "2024-05-01"
 * periodStart("2024-05-17", "week")    //=> "2024-05-13" (a Monday)
 * periodStart("2024-05-17", "quarter") //=> "2024-04-01"
 * periodStart("2024-02-17", "financial-year") //=> "2023-04-01"
 */
export function periodStart(isoDate: string, period: Period): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const yearStart = YEAR_START_MONTH[period];
  if (yearStart !== undefined) return `${String(m >= yearStart ? y : y - 1).padStart(4, "0")}-${String(yearStart).padStart(2, "0")}-01`;
  if (period === "month") return `${isoDate.slice(0, 7)}-01`;
  if (period === "quarter" || period === "financial-quarter") return `${isoDate.slice(0, 4)}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
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
  else date.setUTCMonth(date.getUTCMonth() + (period === "month" ? 1 : period === "quarter" || period === "financial-quarter" ? 3 : 12));
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}
