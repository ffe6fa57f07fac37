import { addMonths } from "date-fns/addMonths";
import { dayNumberOfDate, dayParts } from "../_lib/calendar.js";
import { QiError, describeValue, type QiPath } from "../_lib/error.js";

/**
 * A stage target: a number of calendar days (`182`, or `{ days: 182 }`), or a number of calendar
 * months from the stage's start (`{ months: 6 }`: 31 Aug + 6 months = 28 Feb, or 29 Feb in a
 * leap year — the end-of-month rule of date-fns `addMonths`).
 */
export type StageTarget = number | { days: number } | { months: number };

/** A normalised target: days as a plain number, months as `{ months }`. */
export type TargetRule = number | { months: number };

/**
 * Normalise a target (`{ days: n }` → `n`); null/undefined → null. Anything else is a QiError
 * `invalid-option` at `path`.
 *
 * @example
 * normaliseTarget({ days: 182 }, ["target"]) //=> 182
 * normaliseTarget({ months: 6 }, ["target"]) //=> { months: 6 }
 */
export function normaliseTarget(v: unknown, path: QiPath): TargetRule | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" && Number.isFinite(v) && v >= 0) return v;
  if (typeof v === "object" && !Array.isArray(v)) {
    const keys = Reflect.ownKeys(v);
    const o = v as { days?: unknown; months?: unknown };
    if (keys.length === 1 && keys[0] === "days" && typeof o.days === "number" && Number.isFinite(o.days) && o.days >= 0) return o.days;
    if (keys.length === 1 && keys[0] === "months" && typeof o.months === "number" && Number.isInteger(o.months) && o.months >= 0 && o.months <= 1200) {
      return { months: o.months };
    }
  }
  throw new QiError("invalid-option", path, `target must be a number of days ≥ 0, { days: n }, { months: n } (a whole number of months, at most 1200) or null, not ${describeValue(v)}`);
}

/**
 * The deadline of a stage started on `startDay` (a day number): start + days, or start plus
 * whole calendar months, end-of-month safe (date-fns `addMonths`: "If the day of the month is
 * past the end of the new month, it is set to the last day of that month"). The addition runs
 * on a local date at noon built from the calendar parts and read back by its local calendar day
 * (src/_lib/calendar.ts), so the answer is the same in every time zone.
 *
 * @example
 * // day 30 is 31 Jan 1970: one month later is 28 Feb 1970, day 58
 * targetDeadline({ months: 1 }, 30) //=> 58
 * targetDeadline(182, 30) //=> 212
 */
export function targetDeadline(rule: TargetRule, startDay: number): number {
  if (typeof rule === "number") return startDay + rule;
  const p = dayParts(startDay);
  const local = new Date(2000, p.month - 1, p.day, 12);
  local.setFullYear(p.year); // years 0–99 would otherwise map to 1900–1999
  return dayNumberOfDate(addMonths(local, rule.months));
}

/** The target in days for a stage started on `startDay` (constant for a days target). */
export function targetDays(rule: TargetRule, startDay: number): number {
  return targetDeadline(rule, startDay) - startDay;
}

/**
 * {@link targetDays} of one rule as a function of the start day, a months rule worked out once
 * per distinct start day (a Date and date-fns addMonths each): an export has a few thousand start
 * days for 10⁵ rows.
 */
export function targetDaysOf(rule: TargetRule): (startDay: number) => number {
  if (typeof rule === "number") return (startDay) => targetDays(rule, startDay);
  const cache = new Map<number, number>();
  return (startDay) => {
    let t = cache.get(startDay);
    if (t === undefined) cache.set(startDay, (t = targetDays(rule, startDay)));
    return t;
  };
}

/** `"182 days"` or `"6 months"`, for tables and messages. */
export function targetText(rule: TargetRule | null): string {
  if (rule === null) return "–";
  if (typeof rule === "number") return String(rule);
  return `${rule.months} month${rule.months === 1 ? "" : "s"}`;
}
