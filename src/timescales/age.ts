import { dayParts } from "../_lib/calendar.js";
import { QiError, describeValue, type QiPath } from "../_lib/error.js";

/** An age band: whole years `from` to `to` inclusive (`to` null: and over), with its label. */
export interface AgeBand {
  label: string;
  from: number;
  to: number | null;
}

/** An `ageBands` option: ascending lower bounds in whole years, or bands `{ from, label? }`. */
export type AgeBandsOption = readonly number[] | ReadonlyArray<{ from: number; label?: string }>;

/**
 * The default bands, 0–4, 5–11, 12–15, 16+ (issue #11: the age groups of Scotland's Children
 * Looked After Statistics tables, which report ages under 1, 1–4, 5–11, 12–15, 16–17 and 18+;
 * here 0–4 joins the first two and 16+ the last two).
 */
export const DEFAULT_AGE_BANDS: readonly number[] = [0, 5, 12, 16];

/**
 * Whole years of age on `day` for a child born on `birth` (day numbers): the years since the
 * birth year, less one before this year's birthday (comparing month and day, so a child born on
 * 29 February turns a year older on 1 March in a common year). NaN when `day` is before `birth`.
 *
 * @example
 * // day 0 is 1 Jan 1970, day 365 is 1 Jan 1971
 * ageInYears(0, 364) //=> 0
 * ageInYears(0, 365) //=> 1
 */
export function ageInYears(birth: number, day: number): number {
  if (!(day >= birth)) return Number.NaN;
  const b = dayParts(birth);
  const d = dayParts(day);
  const before = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (before ? 1 : 0);
}

/** Resolve an `ageBands` option (default {@link DEFAULT_AGE_BANDS}); a bad one is a QiError at `path`. */
export function resolveAgeBands(option: unknown, path: QiPath): AgeBand[] {
  const list = option === undefined ? DEFAULT_AGE_BANDS : option;
  if (!Array.isArray(list) || list.length === 0 || list.length > 200) {
    throw new QiError("invalid-option", path, `ageBands must be a non-empty array of lower bounds in years (e.g. [0, 5, 12, 16]) or of { from, label }, not ${describeValue(list)}`);
  }
  const froms: number[] = [];
  const labels: (string | undefined)[] = [];
  (list as unknown[]).forEach((b, i) => {
    const o = typeof b === "object" && b !== null && !Array.isArray(b) ? (b as { from?: unknown; label?: unknown }) : null;
    const from = o === null ? b : o.from;
    if (typeof from !== "number" || !Number.isInteger(from) || from < 0 || from > 150 || (i > 0 && from <= froms[i - 1]!)) {
      throw new QiError("invalid-option", o === null ? [...path, i] : [...path, i, "from"], `age band lower bounds must be whole years from 0 to 150 in increasing order, not ${describeValue(from)}`);
    }
    if (o !== null && o.label !== undefined && (typeof o.label !== "string" || o.label === "")) {
      throw new QiError("invalid-option", [...path, i, "label"], `an age band label must be a non-empty string, not ${describeValue(o.label)}`);
    }
    froms.push(from);
    labels.push(o === null ? undefined : (o.label as string | undefined));
  });
  return froms.map((from, i) => {
    const to = i + 1 < froms.length ? froms[i + 1]! - 1 : null;
    const label = labels[i] ?? (to === null ? `${from}+` : to === from ? String(from) : `${from}–${to}`);
    return { label, from, to };
  });
}

/** The label of the band holding `age`, or null (no age, or younger than the first band). */
export function ageBandOf(bands: readonly AgeBand[], age: number | null): string | null {
  if (age === null || Number.isNaN(age)) return null;
  for (let k = bands.length - 1; k >= 0; k--) if (age >= bands[k]!.from) return bands[k]!.label;
  return null;
}

/** Resolve a stage's `ages: [min, max]` (whole years, inclusive) cohort filter. */
export function resolveAges(v: unknown, path: QiPath): [number, number] | null {
  if (v === undefined) return null;
  const ok = Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "number" && Number.isInteger(x) && x >= 0) && (v[0] as number) <= (v[1] as number);
  if (!ok) throw new QiError("invalid-option", path, `ages must be [min, max] in whole years (inclusive, min ≤ max), e.g. [0, 5], not ${describeValue(v)}`);
  return [v[0] as number, v[1] as number];
}
