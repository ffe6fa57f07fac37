import { parseIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import { enumOption } from "../_lib/options.js";
import { X_PERIODS, YEAR_START, formatPeriod } from "./period.js";
import type { XPeriod } from "./types.js";

// Months and quarters as published tables write them (NHS Scotland, ONS and council returns):
// "2024-01" (ISO 8601's calendar month), "01/2024", "Jan 2024", "January 2024", "Jan-24" (Excel's
// mmm-yy, its two-digit years read as Excel reads them), "2024 Q1", "2024-Q1", "Q1 2024", "2024
// Quarter 1". Quarters are calendar quarters (Q1 = January to March). Split years ("2024/25",
// "2024-25", "FY 2024/25", "FY24/25") and a financial year's quarters ("2024/25 Q1": April to June) are read only when the caller says
// which year they are (`years`): "2024-25" is a financial year in the NHS and council returns but
// a CLAS year (to 31 July) in the Scottish Government's looked-after statistics, and "2011-12" is
// also ISO 8601's December 2011.

const MONTHS: ReadonlyMap<string, number> = new Map(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((m, i) => [m, i + 1]));
const FULL = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const SLASH_MONTH = /^(\d{1,2})\/(\d{4})$/;
const NAMED_MONTH = /^([a-z]+)\.?[ -]?(\d{4}|\d{2})$/;
// A quarter is "Q1" or "Quarter 1" (Scottish Government and ONS tables write both).
const QUARTER = String.raw`(?:q|quarter ?)([1-4])`;
const YEAR_QUARTER = new RegExp(String.raw`^(\d{4})[ ,/-]*${QUARTER}$`);
const QUARTER_YEAR = new RegExp(String.raw`^${QUARTER}[ ,/-]*(\d{4})$`);
// A split year: "2024/25", "2024-25", "2024/2025", "FY 2024/25", "FY24/25" (a two-digit first
// year only after "FY": "24/25" alone is too like a day and a month). Groups: FY year, year, second.
const SPLIT = String.raw`(?:fy ?(\d{2}|\d{4})|(\d{4}))[-/](\d{2}|\d{4})`;
const SPLIT_YEAR = new RegExp(`^${SPLIT}$`);
const SPLIT_THEN_QUARTER = new RegExp(String.raw`^${SPLIT}[ ,-]*${QUARTER}$`);
const QUARTER_THEN_SPLIT = new RegExp(String.raw`^${QUARTER}[ ,-]*${SPLIT}$`);

/** A period read from its label: its first day (ISO `YYYY-MM-01`) and the period. */
export interface PeriodLabel {
  start: string;
  period: Extract<XPeriod, "month" | "quarter" | "financial-year" | "financial-quarter" | "clas-year">;
}

/** The kind of year a split-year label ("2024/25") names: from 1 April or from 1 August. */
export type SplitYear = "financial-year" | "clas-year";

/**
 * Read a month or a quarter written as published tables write them: `"2024-01"`, `"01/2024"`,
 * `"Jan 2024"`, `"January 2024"`, `"Sept 2024"`, `"Jan-24"` (Excel's mmm-yy: a two-digit year
 * 00–29 is 2000–2029 and 30–99 is 1930–1999, as Excel reads one), `"2024 Q1"`, `"2024-Q1"`,
 * `"2024Q1"`, `"Q1 2024"`, `"2024 Quarter 1"`, `"Quarter 1 2024"` (calendar quarters: Q1 is
 * January to March). Case and surrounding white space do not matter. Anything else (a whole date, a
 * number, a non-string) is null: read dates with `dateReader`.
 *
 * With `years` (`"financial-year"`: 1 April to 31 March; `"clas-year"`: 1 August to 31 July),
 * split years are read too: `"2024/25"`, `"2024-25"`, `"2024/2025"`, `"FY 2024/25"`, `"FY24/25"`
 * (the second year must follow the first), and with `"financial-year"` their quarters,
 * `"2024/25 Q1"`, `"Q1 2024/25"`, `"2024/25 Quarter 1"` (Q1 is April to June, Q4 January to March).
 * A label that says "FY" (`"FY 2024/25"`, `"FY24/25 Q2"`) is a financial year's without `years`. Without it they are null — and
 * `"2011-12"` is December 2011 — as the same label names years that start in different months.
 *
 * @example
 * readPeriodLabel("Jan-24")  //=> { start: "2024-01-01", period: "month" }
 * readPeriodLabel("2023 Q3") //=> { start: "2023-07-01", period: "quarter" }
 * readPeriodLabel("2024-01-15") //=> null
 * readPeriodLabel("2024/25 Q4", "financial-year") //=> { start: "2025-01-01", period: "financial-quarter" }
 * readPeriodLabel("2022-23", "clas-year") //=> { start: "2022-08-01", period: "clas-year" }
 * readPeriodLabel("FY24/25") //=> { start: "2024-04-01", period: "financial-year" }
 */
export function readPeriodLabel(text: string, years?: SplitYear): PeriodLabel | null {
  if (typeof text !== "string") return null;
  if (years !== undefined) enumOption(years, SPLIT_YEARS, ["years"]);
  const t = text.trim().toLowerCase();
  // "FY" names a financial year, so an "FY" label needs no `years` (a second user trial expected
  // "FY24/25" to read without it); a bare "2024-25" does.
  const kind = years ?? (t.startsWith("fy") || /\bfy ?\d/.test(t) ? "financial-year" : undefined);
  if (kind !== undefined) {
    const split = readSplitYear(t, kind);
    if (split !== undefined) return split;
  }
  let m = ISO_MONTH.exec(t) ?? SLASH_MONTH.exec(t);
  if (m !== null) {
    const [year, month] = t.includes("/") ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
    return month >= 1 && month <= 12 ? label(year, month, "month") : null;
  }
  if ((m = NAMED_MONTH.exec(t)) !== null) {
    const month = monthNumber(m[1]!);
    const year = m[2]!.length === 2 ? twoDigitYear(Number(m[2])) : Number(m[2]);
    return month === null ? null : label(year, month, "month");
  }
  if ((m = YEAR_QUARTER.exec(t)) !== null) return label(Number(m[1]), Number(m[2]) * 3 - 2, "quarter");
  if ((m = QUARTER_YEAR.exec(t)) !== null) return label(Number(m[2]), Number(m[1]) * 3 - 2, "quarter");
  return null;
}

const SPLIT_YEARS: readonly SplitYear[] = ["financial-year", "clas-year"];

/**
 * A split year or a financial quarter (`t` trimmed and lower case): its label, null for a CLAS
 * quarter (the statistics have none), undefined for text of another form — "2024-01", whose
 * second number does not follow the first, is left to be read as a month.
 */
function readSplitYear(t: string, years: SplitYear): PeriodLabel | null | undefined {
  const parts = splitParts(t);
  if (parts === null) return undefined;
  // "FY" names a financial year: not a CLAS year, whatever `years` says.
  if (years === "clas-year" && t.includes("fy")) return null;
  const { start, second, quarter } = parts;
  const follows = second.length === 4 ? Number(second) === start + 1 : Number(second) === (start + 1) % 100;
  if (!follows) return undefined;
  if (quarter === null) return label(start, YEAR_START[years], years);
  if (years !== "financial-year") return null;
  // Financial quarters: Q1 April–June … Q4 January–March of the second year (HM Treasury's year).
  return quarter === 4 ? label(start + 1, 1, "financial-quarter") : label(start, quarter * 3 + 1, "financial-quarter");
}

/** The first year, the second year as written and the quarter (or null) of a split-year label, else null. */
function splitParts(t: string): { start: number; second: string; quarter: number | null } | null {
  // [FY year, year, second year, quarter] from whichever form matches.
  let g: (string | undefined)[] | null = null;
  let m: RegExpExecArray | null;
  if ((m = SPLIT_YEAR.exec(t)) !== null) g = [m[1], m[2], m[3], undefined];
  else if ((m = SPLIT_THEN_QUARTER.exec(t)) !== null) g = [m[1], m[2], m[3], m[4]];
  else if ((m = QUARTER_THEN_SPLIT.exec(t)) !== null) g = [m[2], m[3], m[4], m[1]];
  if (g === null) return null;
  const [fy, year, second, quarter] = g;
  // A two-digit "FY" year as the two-digit years of month labels.
  const start = fy === undefined ? Number(year) : fy.length === 2 ? twoDigitYear(Number(fy)) : Number(fy);
  return { start, second: second!, quarter: quarter === undefined ? null : Number(quarter) };
}

/** A two-digit year as Excel reads one (its default cut-off, 2029): 00–29 are 2000–2029, 30–99 1930–1999 ("How Excel works with two-digit year numbers", Microsoft). */
function twoDigitYear(yy: number): number {
  return yy <= 29 ? 2000 + yy : 1900 + yy;
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
