/**
 * Calendar dates as whole day numbers (days since 1970-01-01), the same in every time zone.
 *
 * A "2024-03-01" milestone means 1 March 2024 wherever the code runs. Strings in ISO form
 * (`YYYY-MM-DD`, optionally followed by a time, which is ignored) are read by their digits, never
 * through the host's time zone. Date objects are ambiguous in JavaScript, so one rule decides:
 * a Date at exactly 00:00:00.000 UTC is read as that UTC day (what `new Date("2024-03-01")` and
 * d3's `autoType` produce); any other Date is read by its local calendar day (what date-fns
 * `parseISO("2024-03-01")` and `new Date(2024, 2, 1)` produce). Both readings give 1 March in
 * every time zone. The rule's edge (docs/run-charts.md, Input): a local time from noon on that is
 * exactly 00:00 UTC, in a zone behind UTC, is read as that UTC day, the next local day
 * (`new Date(2024, 2, 1, 22, 0)` in Atlantic/South_Georgia, UTC−2, is 2 March); local times before
 * noon never are (offsets run from −12 to +14 hours).
 *
 * Days are integers and their arithmetic is integer arithmetic (plus `Date.UTC` and the UTC
 * getters, which involve no zone). date-fns works on local Date objects, so a calendar day would
 * need a local date at noon built and read back (as {@link addCalendarMonths} does for the one
 * job the integers do not do simply: end-of-month-safe month arithmetic). Kept on a benchmark
 * (`npm run bench:libraries`, 10⁶ days, 2-core machine under load): parseIsoDay 1.1 s against
 * date-fns `parseISO` + `differenceInCalendarDays` 15 s; formatIsoDay 1.0 s against date-fns
 * `format(…, "yyyy-MM-dd")` 12 s. Parsing, formatting and day counts run per cell of exports
 * with 10⁵–10⁶ rows.
 */

import { addMonths } from "date-fns/addMonths";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** Day number of a valid calendar date, or NaN. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return Number.NaN;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  // Hinnant's days_from_civil by integers (no Date: ~10× faster; the date reader runs this per
  // cell, issue #12), equal to Date.UTC on every date (test/_lib/calendar.test.ts); Date.UTC
  // still decides years beyond ±200,000, so that past ±275,760, where a Date's range ends, the
  // answer stays NaN.
  if (year > -200_000 && year < 200_000) return firstOfMonth(year * 12 + month - 1) + day - 1;
  // Date.UTC is pure arithmetic on the proleptic Gregorian calendar: no time zone involved.
  const t = Date.UTC(year, month - 1, day);
  // Date.UTC maps years 0–99 to 1900–1999; correct for them.
  const fixed = year >= 0 && year < 100 ? new Date(t).setUTCFullYear(year) : t;
  return Math.round(fixed / MS_PER_DAY);
}

/** Number of days in a month (1-based month) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parse an ISO `YYYY-MM-DD` string (time part ignored) to a day number, or NaN. */
export function parseIsoDay(value: string): number {
  const m = ISO_DATE.exec(value);
  if (m === null) return Number.NaN;
  return dayNumberFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True when the string starts with an ISO calendar date. */
export function isIsoDateString(value: string): boolean {
  return ISO_DATE.test(value);
}

/** The calendar day of a Date (see the module comment for the rule), or NaN for Invalid Date. */
export function dayNumberOfDate(date: Date): number {
  const t = date.getTime();
  if (Number.isNaN(t)) return Number.NaN;
  if (t % MS_PER_DAY === 0) return t / MS_PER_DAY;
  return dayNumberFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** The calendar day of a string or Date, or NaN. */
export function toDayNumber(value: unknown): number {
  if (typeof value === "string") return parseIsoDay(value);
  if (value instanceof Date) return dayNumberOfDate(value);
  return Number.NaN;
}

/**
 * The month of a day number, as `year · 12 + month − 1`, by integer arithmetic: H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms", civil_from_days (proleptic Gregorian), without
 * the day of the month (`periodIndex` runs per event and needs only the month).
 */
export function monthIndexOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  // Months counted from March (the algorithm's year runs March to February).
  return (yoe + era * 400) * 12 + Math.floor((5 * doy + 2) / 153) + 2;
}

/** The day number of the first of a month (`year · 12 + month − 1`): Hinnant's days_from_civil. */
function firstOfMonth(months: number): number {
  const m = months - Math.floor(months / 12) * 12 + 1;
  const y = Math.floor(months / 12) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * Calendar parts of a day number: whole days within the range of a Date (±10⁸ days) by
 * {@link monthIndexOfDay} and days_from_civil; anything else (a fraction, NaN, beyond a Date's range) through a UTC
 * Date as before. The two agree on every whole day (test/_lib/calendar.test.ts); the integers
 * take about a fifth of the time, and formatIsoDay runs per duration row of a 10⁵-child export,
 * ageInYears per stage start (issue #12).
 */
export function dayParts(day: number): { year: number; month: number; day: number } {
  if (Number.isInteger(day) && day > -100_000_000 && day < 100_000_000) {
    const months = monthIndexOfDay(day);
    const year = Math.floor(months / 12);
    return { year, month: months - year * 12 + 1, day: day - firstOfMonth(months) + 1 };
  }
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// "00"–"31": the month and day of an ISO date.
const TWO_DIGITS = Array.from({ length: 32 }, (_, k) => (k < 10 ? `0${k}` : String(k)));
// Day numbers of 1000-01-01 and 10000-01-01: four-digit years, written without padding.
const FOUR_DIGIT_YEARS = [-354_285, 2_932_897] as const;

/**
 * `YYYY-MM-DD` for a day number. Days of four-digit years (the dates of every chart and case
 * record) are split into year, month and day by Hinnant's `civil_from_days` (H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms", 2013: the proleptic Gregorian calendar in
 * 400-year eras) with no object made, and written from a table of two-digit strings: a chart of
 * 200,000 dated points writes each x this way (a property test checks it against dayParts).
 */
export function formatIsoDay(day: number): string {
  if (Number.isInteger(day) && day >= FOUR_DIGIT_YEARS[0] && day < FOUR_DIGIT_YEARS[1]) {
    const z = day + 719_468; // days since 0000-03-01
    const era = Math.floor(z / 146_097);
    const doe = z - era * 146_097; // day of the era, 0–146096
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // from 1 March, 0–365
    const mp = Math.floor((5 * doy + 2) / 153); // month from March, 0–11
    const month = mp < 10 ? mp + 3 : mp - 9;
    return `${yoe + era * 400 + (month <= 2 ? 1 : 0)}-${TWO_DIGITS[month]}-${TWO_DIGITS[doy - Math.floor((153 * mp + 2) / 5) + 1]}`;
  }
  const p = dayParts(day);
  const y = String(Math.abs(p.year)).padStart(4, "0");
  return `${p.year < 0 ? "-" : ""}${y}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** `Mar 2024` for a day number. */
export function formatMonth(day: number): string {
  const p = dayParts(day);
  return `${MONTHS[p.month - 1]} ${p.year}`;
}

/** `1 Mar 2024` for a day number. */
export function formatDay(day: number): string {
  const p = dayParts(day);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/**
 * The day `months` calendar months after `day`, end-of-month safe: date-fns `addMonths` ("If the
 * day of the month is past the end of the new month, it is set to the last day of that month":
 * 31 Jan + 1 month = 28 or 29 Feb). It runs on a local date at noon built from the calendar parts
 * and is read back by its local calendar day, so the answer is the same in every time zone.
 */
export function addCalendarMonths(day: number, months: number): number {
  const p = dayParts(day);
  const local = new Date(2000, p.month - 1, p.day, 12);
  local.setFullYear(p.year); // years 0–99 would otherwise map to 1900–1999
  return dayNumberOfDate(addMonths(local, months));
}
