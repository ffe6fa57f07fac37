import { parseIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import { enumOption } from "../_lib/options.js";
import { X_PERIODS, formatPeriod } from "./period.js";
import type { XPeriod } from "./types.js";

// Months and quarters as published tables write them (NHS Scotland, ONS and council returns):
// "2024-01" (ISO 8601's calendar month), "01/2024", "Jan 2024", "January 2024", "Jan-24" (Excel's
// mmm-yy, its two-digit years read as Excel reads them), "2024 Q1", "2024-Q1", "Q1 2024". Quarters are calendar quarters (Q1 = January to
// March); a financial year's quarters ("2024/25 Q1") are not read, as their Q1 is April to June.

const MONTHS: ReadonlyMap<string, number> = new Map(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((m, i) => [m, i + 1]));
const FULL = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const SLASH_MONTH = /^(\d{1,2})\/(\d{4})$/;
const NAMED_MONTH = /^([a-z]+)\.?[ -]?(\d{4}|\d{2})$/;
const YEAR_QUARTER = /^(\d{4})[ -/]?q([1-4])$/;
const QUARTER_YEAR = /^q([1-4])[ -/]?(\d{4})$/;

/** A month or quarter read from its label: its first day (ISO `YYYY-MM-01`) and the period. */
export interface PeriodLabel {
  start: string;
  period: Extract<XPeriod, "month" | "quarter">;
}

/**
 * Read a month or a quarter written as published tables write them: `"2024-01"`, `"01/2024"`,
 * `"Jan 2024"`, `"January 2024"`, `"Sept 2024"`, `"Jan-24"` (Excel's mmm-yy: a two-digit year
 * 00–29 is 2000–2029 and 30–99 is 1930–1999, as Excel reads one), `"2024 Q1"`, `"2024-Q1"`, `"2024Q1"`, `"Q1 2024"` (calendar quarters: Q1 is January
 * to March). Case and surrounding white space do not matter. Anything else (a whole date, a
 * number, a non-string) is null: read dates with `dateReader`.
 *
 * @example
 * readPeriodLabel("Jan-24")  //=> { start: "2024-01-01", period: "month" }
 * readPeriodLabel("2023 Q3") //=> { start: "2023-07-01", period: "quarter" }
 * readPeriodLabel("2024-01-15") //=> null
 */
export function readPeriodLabel(text: string): PeriodLabel | null {
  if (typeof text !== "string") return null;
  const t = text.trim().toLowerCase();
  let m = ISO_MONTH.exec(t) ?? SLASH_MONTH.exec(t);
  if (m !== null) {
    const [year, month] = t.includes("/") ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
    return month >= 1 && month <= 12 ? label(year, month, "month") : null;
  }
  if ((m = NAMED_MONTH.exec(t)) !== null) {
    const month = monthNumber(m[1]!);
    // A two-digit year as Excel reads one (its default cut-off, 2029): 00–29 are 2000–2029 and
    // 30–99 are 1930–1999 ("How Excel works with two-digit year numbers", Microsoft).
    const yy = Number(m[2]);
    const year = m[2]!.length === 2 ? (yy <= 29 ? 2000 + yy : 1900 + yy) : yy;
    return month === null ? null : label(year, month, "month");
  }
  if ((m = YEAR_QUARTER.exec(t)) !== null) return label(Number(m[1]), Number(m[2]) * 3 - 2, "quarter");
  if ((m = QUARTER_YEAR.exec(t)) !== null) return label(Number(m[2]), Number(m[1]) * 3 - 2, "quarter");
  return null;
}

/** 1–12 for a month's name or its three-letter abbreviation ("sept" too), else null. */
function monthNumber(name: string): number | null {
  if (name === "sept") return 9;
  const full = FULL.indexOf(name);
  if (full >= 0) return full + 1;
  return MONTHS.get(name) ?? null;
}

function label(year: number, month: number, period: PeriodLabel["period"]): PeriodLabel {
  return { start: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`, period };
}

/**
 * A period's label as the charts write it, from its first day (ISO `YYYY-MM-DD`): "Jan 2024",
 * "2024 Q1", "2024", "6 May 2024" for a day or a week. The inverse of {@link readPeriodLabel}.
 * A date that is not ISO is an `invalid-value` error, a period not one of day, week, month,
 * quarter or year an `invalid-option` error.
 *
 * @example
 * writePeriodLabel("2024-04-01", "quarter") //=> "2024 Q2"
 * writePeriodLabel("2024-04-01", "month")   //=> "Apr 2024"
 */
export function writePeriodLabel(isoDate: string, period: XPeriod): string {
  const day = typeof isoDate === "string" ? parseIsoDay(isoDate) : Number.NaN;
  if (Number.isNaN(day)) throw new QiError("invalid-value", ["isoDate"], `writePeriodLabel needs an ISO date (YYYY-MM-DD), not ${describeValue(isoDate)}`);
  return formatPeriod(day, enumOption(period, X_PERIODS, ["period"]));
}
