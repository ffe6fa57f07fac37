import { dayParts, formatDay, formatMonth } from "../_lib/calendar.js";
import { QiError } from "../_lib/error.js";
import { enumOption } from "../_lib/options.js";
import type { XKind } from "../_lib/series.js";
import type { XPeriod } from "./types.js";

/** Every period a dated point may stand for (the `period` option). */
export const X_PERIODS: readonly XPeriod[] = ["day", "week", "month", "quarter", "year", "financial-year", "financial-quarter", "clas-year"];

/**
 * The month a year-long period starts in: January for a calendar year, April for the UK
 * government's financial year (HM Treasury), August for the Scottish Government's Children Looked
 * After Statistics year (to 31 July).
 */
export const YEAR_START: Readonly<Record<"year" | "financial-year" | "clas-year", number>> = { year: 1, "financial-year": 4, "clas-year": 8 };

/**
 * A day that starts its period: the 1st for a month, 1 Jan/Apr/Jul/Oct for a quarter (calendar or
 * financial: the same three months, named from January or from April), 1 Jan for a year, 1 Apr for
 * a financial year, 1 Aug for a CLAS year; any day for a day or a week.
 *
 * @example
 * startsPeriod(19814, "quarter") //=> true  // 1 Apr 2024
 * startsPeriod(19814, "financial-year") //=> true
 */
export function startsPeriod(day: number, period: XPeriod): boolean {
  if (period === "day" || period === "week") return Number.isFinite(day);
  const p = dayParts(day);
  if (p.day !== 1) return false;
  if (period === "month") return true;
  if (period === "quarter" || period === "financial-quarter") return p.month % 3 === 1;
  return p.month === YEAR_START[period];
}

/** What the first day of each period longer than a day is, for messages. */
const FIRST_DAY: Partial<Record<XPeriod, string>> = {
  month: "the first day of a month",
  quarter: "the first day of a quarter (1 Jan, 1 Apr, 1 Jul or 1 Oct)",
  "financial-quarter": "the first day of a quarter (1 Apr, 1 Jul, 1 Oct or 1 Jan)",
  year: "1 January",
  "financial-year": "1 April",
  "clas-year": "1 August",
};

/**
 * The period each dated point stands for, which decides how its x is written in messages, axis
 * ticks and tooltips ("6 May 2024", "May 2024", "2024 Q2", "2024"). Given: it must be a period
 * and x must be dates, each the first day of its period (a quarter's label on 15 Feb would be
 * false). Not given: `"month"` when every date is the first of a month, else `"day"` (the labels
 * pace-qi has always written); null when x is not dates.
 *
 * @example
 * resolvePeriod("quarter", "date", Float64Array.of(19723, 19814)) //=> "quarter"  // 1 Jan and 1 Apr 2024
 */
export function resolvePeriod(option: unknown, kind: XKind, days: ArrayLike<number> | null): XPeriod | null {
  if (option === undefined) {
    if (kind !== "date" || days === null) return null;
    for (let i = 0; i < days.length; i++) if (!startsPeriod(days[i]!, "month")) return "day";
    return "month";
  }
  const period = enumOption(option, X_PERIODS, ["options", "period"]);
  if (kind !== "date" || days === null) {
    throw new QiError("invalid-option", ["options", "period"], `period "${period}" describes dated points, but x is ${kind === "number" ? "numbers" : "not given (the points are numbered)"}: leave period out`);
  }
  const first = FIRST_DAY[period];
  if (first !== undefined) {
    for (let i = 0; i < days.length; i++) {
      if (!startsPeriod(days[i]!, period)) throw new QiError("invalid-option", ["options", "period"], `period "${period}" labels each date as its ${period}, but ${formatDay(days[i]!)} is not ${first}: give each ${period}'s first day, or leave period out`);
    }
  }
  return period;
}

/**
 * A date for people by the period it stands for ({@link formatPeriod}) when it starts one, else as
 * the day ("5 Mar 2024": an annotation inside a month): what tooltips and summaries write, where a
 * date need not be a point's.
 *
 * @example
 * formatDated(19814, "quarter") //=> "2024 Q2"
 * formatDated(19817, "quarter") //=> "4 Apr 2024"
 */
export function formatDated(day: number, period: XPeriod): string {
  return startsPeriod(day, period) ? formatPeriod(day, period) : formatDay(day);
}

/**
 * A dated x for people, by its period: "6 May 2024" (day, week), "May 2024" (month), "2024 Q2"
 * (quarter), "2024" (year), "2024/25" (the financial or CLAS year the day falls in), "2024/25 Q1"
 * (its financial quarter: Q1 is April to June).
 *
 * @example
 * formatPeriod(19814, "quarter") //=> "2024 Q2"
 * formatPeriod(19814, "financial-quarter") //=> "2024/25 Q1"
 */
export function formatPeriod(day: number, period: XPeriod): string {
  switch (period) {
    case "month":
      return formatMonth(day);
    case "quarter": {
      const p = dayParts(day);
      return `${p.year} Q${Math.floor((p.month - 1) / 3) + 1}`;
    }
    case "year":
      return String(dayParts(day).year);
    case "financial-year":
    case "clas-year":
      return splitYear(day, YEAR_START[period]).label;
    case "financial-quarter": {
      const p = dayParts(day);
      return `${splitYear(day, 4).label} Q${Math.floor(((p.month + 8) % 12) / 3) + 1}`;
    }
    default:
      return formatDay(day);
  }
}

/** The year from month `start` that a day falls in: its first calendar year and its label "2024/25" (as the Scottish Government and ONS write it). */
function splitYear(day: number, start: number): { first: number; label: string } {
  const p = dayParts(day);
  const first = p.month >= start ? p.year : p.year - 1;
  return { first, label: `${first}/${String((((first + 1) % 100) + 100) % 100).padStart(2, "0")}` };
}
