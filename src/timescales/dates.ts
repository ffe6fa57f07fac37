/**
 * A strict reader for the calendar dates analysts meet in case-tracking exports: ISO
 * `2025-03-31`, day-first `31/03/2025` and `9/1/2024`, month-first `3/31/2025`, month names
 * `31-Mar-2025` / `31 March 2025`, and (behind an option) Excel date serials `45747`.
 *
 * It never guesses: `01/02/2024` is 1 February with `dates: "uk"` and 2 January with
 * `dates: "us"`, and not a date at all with `dates: "iso"` (the default). Day, month and year
 * fields are checked for shape here (1–2 digit day and month, a 4-digit year: `01/02/03` is
 * refused), date-fns `parse` reads month names (English, `Mar` or `March`, any case), and the
 * proleptic Gregorian calendar decides whether the date exists (`31/02/2025` is refused) by
 * `dayNumberFromParts`, without a local Date: the same answer in every time zone. (date-fns
 * `isExists`, used before, builds a local Date, so it refused the days some zones skipped:
 * 30/12/2011 in Pacific/Apia, 31/12/1994 in Pacific/Kiritimati.) `parse` of a whole `d/M/yyyy`
 * string costs ~40 µs: on the ~6,000 distinct dates of a 100,000-child export, 0.3–1 CPU s
 * against ~1 ms by the calendar (issue #12).
 */
// Subpath imports: the date-fns barrel would load its ~250 modules at start-up (~0.15 s of
// every CLI run, more than the parsing itself).
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import { dayNumberFromParts, dayNumberOfDate, formatIsoDay, parseIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue, type QiPath } from "../_lib/error.js";
import { checkKeys, objectOption } from "../_lib/options.js";

/** How numeric dates are written: year first (ISO), day first (UK) or month first (US). */
export type DateOrder = "iso" | "uk" | "us";

/** The date orders, for validation and help texts. */
export const DATE_ORDERS: readonly DateOrder[] = ["iso", "uk", "us"];

/** The {@link readDate} options; every timescale function accepts the same two. */
export interface ReadDateOptions {
  /**
   * How the file writes numeric dates: `"iso"` (default) reads only `YYYY-MM-DD`; `"uk"` also
   * reads `31/03/2025`, `9/1/2024`, `31-03-2025`, `31.03.2025`, `31-Mar-2025`, `31 March 2025`;
   * `"us"` reads `3/31/2025`, `Mar 31, 2025`, `31-Mar-2025`. ISO is read in every order (it cannot
   * be mistaken). A time after the date (`31/03/2025 00:00`) is ignored.
   */
  dates?: DateOrder;
  /**
   * Read numbers (and whole-number strings) as Excel 1900-system date serials: 45747 is
   * 2025-03-31. Default false: a number is not a date. Serials before 61 (1 March 1900) are
   * refused because Excel counts a 29 February 1900 that never was (Microsoft, "Excel incorrectly
   * assumes that the year 1900 is a leap year", KB 214326).
   */
  excelSerials?: boolean;
}

// date-fns parse() fills the fields a format lacks from a reference date: a month name alone
// lands on the 15th of that month of 2000, a day that exists in every time zone.
const MID_MONTH = new Date(2000, 0, 15);
// Serial 25569 is 1970-01-01 in Excel's 1900 date system (day 0 of the calendar module).
const EXCEL_EPOCH = 25_569;
const EXCEL_MIN = 61;
const EXCEL_MAX = 2_958_465; // 9999-12-31

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})([ -])([A-Za-z]{3,9})\.?\2(\d{4})${TIME}$`);
const MONTH_NAME_DAY = new RegExp(String.raw`^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})${TIME}$`);
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;


function serialDay(n: number): number {
  if (!Number.isFinite(n) || n < EXCEL_MIN || n >= EXCEL_MAX + 1) return Number.NaN;
  return Math.floor(n) - EXCEL_EPOCH;
}

/** The day number of a trimmed string in the given order, or NaN. */
function stringDay(s: string, order: DateOrder, serials: boolean): number {
  // ISO (a time after "T" or a space is ignored, as everywhere in pace-qi): read by its digits.
  if (s.length >= 10 && s.charCodeAt(4) === 45) return parseIsoDay(s);
  if (serials && SERIAL.test(s)) return serialDay(Number(s));
  if (order === "iso") return Number.NaN;
  let m = NUMERIC.exec(s);
  if (m !== null) {
    const [a, b] = order === "uk" ? [m[1]!, m[3]!] : [m[3]!, m[1]!]; // day, month
    return numericDay(Number(m[4]), Number(b), Number(a));
  }
  m = DAY_MONTH_NAME.exec(s);
  if (m !== null) return monthNamed(m[1]!, m[3]!, m[4]!);
  m = MONTH_NAME_DAY.exec(s);
  if (m !== null && order === "us") return monthNamed(m[2]!, m[1]!, m[3]!);
  return Number.NaN;
}

/** Year, month (1–12) and day of a numeric date → its day number if the calendar has it, or NaN (years 0–99 as written). */
function numericDay(year: number, month: number, day: number): number {
  // Year 0000 is refused, as date-fns parse refused it (its calendar years start at 1).
  return year === 0 ? Number.NaN : dayNumberFromParts(year, month, day);
}

/** `31`, `Mar`/`March`/`Sept`, `2025` → day number (the month name read by date-fns), or NaN. */
function monthNamed(day: string, month: string, year: string): number {
  // "Sept" is as common a short September as "Sep" in UK trackers; date-fns knows only "Sep".
  const m = month.length === 4 && month.toLowerCase() === "sept" ? "Sep" : month;
  // Only the month is parsed, onto the 15th of a month of 2000: a local day no zone skipped.
  const named = parse(m, m.length === 3 ? "MMM" : "MMMM", MID_MONTH);
  return isValid(named) ? numericDay(Number(year), named.getMonth() + 1, Number(day)) : Number.NaN;
}

/** {@link slashDay}: the text is not a plain `d/m/yyyy`. */
const NOT_SLASHED = Number.NEGATIVE_INFINITY;

/**
 * `9/1/2024` and `09/01/2024` (day first, or month first when `monthFirst`) read from the
 * character codes, the form trackers export most: the same day number as {@link stringDay}
 * (NaN for a date the calendar lacks), or NOT_SLASHED for any other text (other separators, a
 * time, spaces), which goes the regular way. No string is hashed or cut: a
 * cell read fresh from a file costs ~80 ns here against ~110–170 ns through the cache's Map
 * (docs/performance.md, sessions 8 and 9).
 */
function slashDay(s: string, monthFirst: boolean): number {
  const n = s.length;
  if (n < 8 || n > 10) return NOT_SLASHED;
  let i = 0;
  let a = digit(s, i++);
  if (a < 0) return NOT_SLASHED;
  if (s.charCodeAt(i) !== SLASH) a = a * 10 + digit(s, i++);
  if (a < 0 || s.charCodeAt(i++) !== SLASH) return NOT_SLASHED;
  let b = digit(s, i++);
  if (b < 0) return NOT_SLASHED;
  if (s.charCodeAt(i) !== SLASH) b = b * 10 + digit(s, i++);
  if (b < 0 || s.charCodeAt(i++) !== SLASH || n - i !== 4) return NOT_SLASHED;
  let year = 0;
  for (; i < n; i++) {
    const c = digit(s, i);
    if (c < 0) return NOT_SLASHED;
    year = year * 10 + c;
  }
  return monthFirst ? numericDay(year, a, b) : numericDay(year, b, a);
}

const SLASH = 47;

/** The digit at `i` (0–9), or a negative number (−100 or less, so a sum stays negative). */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/**
 * @internal A reader of day numbers (days since 1970-01-01, NaN when not a date) for one
 * options object, caching each distinct string: an export repeats the same few thousand dates.
 */
export function dayReader(options: ReadDateOptions = {}, path: QiPath = ["options"]): (value: unknown) => number {
  const order = dateOrderOption(options.dates, [...path, "dates"]);
  const serials = options.excelSerials ?? false;
  if (typeof serials !== "boolean") throw new QiError("invalid-option", [...path, "excelSerials"], `excelSerials must be true or false, not ${describeValue(serials)}`);
  const cache = new Map<string, number>();
  const slash = order === "iso" ? -1 : order === "uk" ? 0 : 1;
  return (value) => {
    if (typeof value === "string") {
      if (slash >= 0) {
        const fast = slashDay(value, slash === 1);
        if (fast !== NOT_SLASHED) return fast;
      }
      let day = cache.get(value);
      if (day === undefined) {
        day = stringDay(value.trim(), order, serials);
        if (cache.size < 200_000) cache.set(value, day);
      }
      return day;
    }
    if (value instanceof Date) return dayNumberOfDate(value);
    if (typeof value === "number" && serials) return serialDay(value);
    return Number.NaN;
  };
}

/** @internal The `dates` option: one of {@link DATE_ORDERS}, default `"iso"`. */
export function dateOrderOption(value: unknown, path: QiPath): DateOrder {
  if (value === undefined) return "iso";
  if (value === "iso" || value === "uk" || value === "us") return value;
  throw new QiError("invalid-option", path, `dates must be "iso", "uk" or "us", not ${describeValue(value)}`);
}

/** @internal How dates should be written, for error messages: "YYYY-MM-DD", "dd/mm/yyyy"… */
export function expectedDateForm(options: ReadDateOptions): string {
  const order = options.dates ?? "iso";
  const base = order === "uk" ? "a day-first date (dd/mm/yyyy) or YYYY-MM-DD" : order === "us" ? "a month-first date (mm/dd/yyyy) or YYYY-MM-DD" : "an ISO YYYY-MM-DD date";
  return `${base}${options.excelSerials === true ? ", an Excel date serial" : ""} or a valid Date`;
}

const TWO_DIGIT_YEAR = /^\s*\d{1,2}([/.-])\d{1,2}\1\d{2}\s*$/;
const ORDER_NAME = { iso: "an ISO date", uk: "a day-first date", us: "a month-first date" } as const;

/**
 * @internal Why a value that is not a date in the `dates` order might have been meant as one,
 * for error messages ("" when there is nothing to say): a two-digit year, which is never read
 * (`12/12/23`: 1923 or 2023?), or a date in another order (`; it looks like a day-first date:
 * use dates: "uk"`, day-first named first as most trackers here are UK ones). Error paths only.
 */
export function dateAdviser(options: ReadDateOptions): (value: unknown) => string {
  const order = options.dates ?? "iso";
  const others = (["uk", "us"] as const).filter((o) => o !== order);
  let readers: ((v: unknown) => number)[] | undefined;
  return (value) => {
    if (typeof value !== "string") return "";
    if (TWO_DIGIT_YEAR.test(value)) return "; two-digit years are not read (19xx or 20xx?): write the year in full";
    readers ??= others.map((o) => dayReader({ dates: o, excelSerials: options.excelSerials === true }));
    const k = readers.findIndex((read) => !Number.isNaN(read(value)));
    return k < 0 ? "" : `; it looks like ${ORDER_NAME[others[k]!]}: use dates: "${others[k]}"`;
  };
}

/**
 * Read one calendar date, strictly, as an ISO `YYYY-MM-DD` string; null when the value is not a
 * date in the given order (blank, `31/02/2025`, `01/02/03`, a number without `excelSerials`).
 * Never guesses the order of day and month: say it with `dates`. A Date is read as its calendar
 * day (see src/_lib/calendar.ts), so the result is the same in every time zone.
 *
 * @example
 * readDate("9/1/2024", { dates: "uk" }) //=> "2024-01-09"
 * readDate("9/1/2024", { dates: "us" }) //=> "2024-09-01"
 * readDate("31-Mar-2025", { dates: "uk" }) //=> "2025-03-31"
 * readDate("31/02/2025", { dates: "uk" }) //=> null
 * readDate("01/02/2024") //=> null
 * readDate(45747, { excelSerials: true }) //=> "2025-03-31"
 */
export function readDate(value: unknown, options: ReadDateOptions = {}): string | null {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new QiError("invalid-option", ["options"], `options must be an object, not ${describeValue(options)}`);
  }
  const day = dayReader(options)(value);
  return Number.isNaN(day) ? null : formatIsoDay(day);
}

/**
 * A reusable {@link readDate}: the same strict reading, with a cache of each distinct date
 * string (an export repeats a few thousand dates across a million cells). Make one per column
 * or file, not per cell. Options are checked once, here.
 *
 * @example
 * const read = dateReader({ dates: "uk" });
 * ["9/1/2024", "31/02/2025", "9/1/2024"].map(read) //=> ["2024-01-09", null, "2024-01-09"]
 */
export function dateReader(options: ReadDateOptions = {}): (value: unknown) => string | null {
  checkKeys(objectOption(options, ["options"]), ["dates", "excelSerials"], ["options"], "dateReader option");
  const day = dayReader(options);
  return (value) => {
    const d = day(value);
    return Number.isNaN(d) ? null : formatIsoDay(d);
  };
}
