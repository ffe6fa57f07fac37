import { field, valueof, type Accessor } from "./accessor.js";
import { HEAP, type Arena } from "./arena.js";
import { formatIsoDay, toDayNumber } from "./calendar.js";
import { QiError, describeValue } from "./error.js";
import { numericDateAdvice } from "./dateText.js";
import { decimal, isMissingNumberText, isSuppressionMark, numberTextAdvice } from "./numberText.js";

/** What the x values are. `index`: no x given, the observation number 1, 2, 3… */
export type XKind = "index" | "number" | "date";

/**
 * The caller's rows read once: x sort keys, the order that sorts them, and where each distinct
 * x value starts. Shared by run charts (which aggregate or reject duplicates) and control charts
 * (where rows that share an x form a subgroup).
 */
export interface XTable {
  length: number;
  kind: XKind;
  /**
   * The x value of each row as given, for dates (Dates and ISO strings are returned as given);
   * null for numbers, whose values are `keys` (see {@link xValueAt}), and for `index`.
   */
  values: readonly unknown[] | null;
  /**
   * Sort key of each row: the number, or for a Date or ISO date its calendar day (src/_lib/calendar.ts)
   * × 86,400,000, so dates order, de-duplicate and aggregate by day, the same in every time zone.
   */
  keys: Float64Array;
  /** Calendar day number of each row for date x (Dates by calendar-day rule), else null. */
  days: Float64Array | null;
  /** Row indices in x order (stable: rows with equal x keep their input order). */
  order: Int32Array;
  /** Offsets into `order` where each distinct x value starts, plus a final `length`. */
  groupStarts: Int32Array;
  /** How many distinct x values (groupStarts.length − 1), without making `groupStarts` (see IdentityTable). */
  groups: number;
  /** True when the rows were already in strictly increasing x order: one row per x, order = identity. */
  simple: boolean;
}

/**
 * A numeric field read in readX's pass over the rows, beside x: `out` receives the values and
 * `end` how many leading rows the pass read (it stops at the first row whose x is not a finite
 * number or whose field is neither a finite number nor blank). `readNumbers(…, ahead)` then
 * reads only the rest. One pass over a million rows instead of two or three: each pass over
 * the row objects costs more in memory traffic than the reading (three fields of 1,000,000 rows
 * 37.0 ms in three passes, 9.3 ms in one; CPU time, loaded machine, 2026-11-30).
 */
export interface ReadAhead {
  key: string;
  out: Float64Array;
  end: number;
}

/** A ReadAhead for a channel given by field name (its values in a new array from `arena`), else null. */
export function aheadOf(channel: unknown, length: number, arena: Arena): ReadAhead | null {
  return typeof channel === "string" ? { key: channel, out: arena.f64(length), end: 0 } : null;
}

/** The x value of row i as given: the Date or string, the number, or the observation number. */
export function xValueAt(xt: XTable, i: number): number | Date | string {
  if (xt.values !== null) return xt.values[i] as Date | string;
  return xt.kind === "index" ? i + 1 : xt.keys[i]!;
}

/** Name of an accessor option for error paths: the field name, or the option name. */
export function channelName(channel: unknown, option: string): string {
  return typeof channel === "string" ? channel : option;
}

/**
 * Read and order the x values of `data`. Numbers, Dates and ISO date strings sort; mixing kinds,
 * invalid dates, non-finite numbers and other strings are errors naming the row. Dates and ISO
 * strings are keyed by calendar day: two on one day are one x (`duplicate-x`, or merged by
 * `aggregate`), whatever their times of day and whatever the machine's time zone. The keys come
 * from `keyArena` (a columnar result keeps them as its x column when they are the numeric x
 * values in order), everything else from `arena`; `ahead` fields are read in the same pass.
 */
export function readX<T>(data: readonly T[], x: Accessor<T, unknown> | Float64Array | undefined, arena: Arena = HEAP, ahead: readonly ReadAhead[] = [], keyArena: Arena = arena): XTable {
  const length = data.length;
  if (x === undefined) {
    const keys = keyArena.f64(length);
    for (let i = 0; i < length; i++) keys[i] = i + 1;
    return new IdentityTable(length, "index", null, keys, null, arena);
  }
  if (x instanceof Float64Array) return columnX(x, arena);
  const get = valueof(x, "x");
  const name = channelName(x, "x");
  // Kept for dates only: a numeric x is its own sort key, and a million-row x column would
  // otherwise be an 8 MB array the garbage collector must trace on every major collection.
  let values: unknown[] | null = null;
  const keys = keyArena.f64(length);
  let days: Float64Array | null = null;
  let kind: XKind | undefined;
  let sorted = true;
  let strict = true;
  const key = typeof x === "string" ? x : null;
  // The common case first: a field of finite numbers, read by a loop that does nothing else.
  const prefix = key === null ? null : numericKeys(data, key, keys, ahead);
  const from = prefix === null ? 0 : prefix.end;
  if (prefix !== null && from > 0) ({ kind, sorted, strict } = prefix);
  for (let i = from; i < length; i++) {
    const v = key === null ? get(data[i]!, i, data) : fieldAt(data[i], key);
    let k: number;
    let vk: XKind;
    if (typeof v === "number") {
      vk = "number";
      k = v;
      if (!Number.isFinite(k)) throw nonFiniteX(i, name, v);
    } else if (v instanceof Date || typeof v === "string") {
      vk = "date";
      const day = toDayNumber(v);
      if (Number.isNaN(day)) {
        // A day-first or month-first date ("01/04/2023"): readDate, in the order said (user trial 16).
        const dated = typeof v === "string" ? numericDateAdvice(v) : null;
        const advice = dated ?? `A month or quarter written as a label ("Jan 2024", "2024 Q1") reads into its first day with readPeriodLabel (then give period); to label points otherwise, leave x out and use notes`;
        throw new QiError("invalid-x", ["data", i, name], `x must be a number, a Date or an ISO date (YYYY-MM-DD); row ${i} has ${describeValue(v)}${dated === null ? ". " : ": "}${advice}`);
      }
      // The calendar day, for Dates too (issue #18): keyed by its instant, a Date at 22:00 local
      // sorted after an ISO string of the next day in one zone and before it in another, and
      // "2024-03-01" and new Date(2024, 2, 1) were one x in UTC but two in Auckland.
      k = day * 86_400_000;
      days ??= arena.f64(length);
      days[i] = day;
      // Mixed kinds are an error below, so dates start at row 0 when there are any. A Date is
      // given back as the calendar day it was read as ("2024-04-01"), not the caller's object: a
      // result is then the same JSON in every time zone, and survives a JSON round trip (a Date at
      // local midnight east of UTC serialises as the day before, "2024-03-31T23:00:00.000Z"; user
      // trial of session 13), and changing a result's x cannot change the caller's data.
      values ??= new Array(length);
      values[i] = typeof v === "string" ? v : formatIsoDay(day);
    } else {
      throw new QiError("invalid-x", ["data", i, name], `x is missing or not a number, Date or ISO date in row ${i}: ${describeValue(v)}`);
    }
    if (kind === undefined) kind = vk;
    else if (kind !== vk) throw new QiError("invalid-x", ["data", i, name], `x mixes numbers and dates (row ${i} has ${describeValue(v)})`);
    keys[i] = k;
    if (i > 0 && k <= keys[i - 1]!) {
      strict = false;
      if (k < keys[i - 1]!) sorted = false;
    }
  }
  return xTable(length, kind ?? "number", values, keys, days, sorted, strict, arena);
}

function nonFiniteX(row: number, name: string, v: number): QiError {
  return new QiError("invalid-x", ["data", row, name], `x must be a finite number, a Date or an ISO date; row ${row} has ${describeValue(v)}`);
}

/**
 * readX of x given as a column (a Float64Array, one number per row; issue #18): the column is
 * the keys, read in place, never copied or changed (a columnar result may keep it as its x).
 * Every value must be finite, as readX's loop requires of numbers.
 */
function columnX(column: Float64Array, arena: Arena): XTable {
  const length = column.length;
  let sorted = true;
  let strict = true;
  let prev = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) {
    const v = column[i]!;
    if (v - v !== 0) throw nonFiniteX(i, "x", v);
    if (v <= prev) {
      strict = false;
      if (v < prev) sorted = false;
    }
    prev = v;
  }
  return xTable(length, "number", null, column, null, sorted, strict, arena);
}

/**
 * The rows of an XTable in strictly increasing x (the usual series): `order` and `groupStarts`
 * are the identity, one array (n + 1 entries) made only when read — the usual analysis reads
 * neither (it asks `groups`), so a long series saves 8 bytes a row (issue #18).
 */
class IdentityTable implements XTable {
  readonly simple = true;
  readonly groups: number;
  private starts: Int32Array | null = null;
  private orderView: Int32Array | null = null;
  constructor(
    readonly length: number,
    readonly kind: XKind,
    readonly values: readonly unknown[] | null,
    readonly keys: Float64Array,
    readonly days: Float64Array | null,
    private readonly arena: Arena,
  ) {
    this.groups = length;
  }

  get groupStarts(): Int32Array {
    if (this.starts === null) {
      const starts = this.arena.i32(this.length + 1);
      for (let i = 0; i <= this.length; i++) starts[i] = i;
      this.starts = starts;
    }
    return this.starts;
  }

  get order(): Int32Array {
    return (this.orderView ??= this.groupStarts.subarray(0, this.length));
  }
}

/** The XTable of keys read: the identity when strictly increasing, else sorted and grouped. */
function xTable(length: number, kind: XKind, values: readonly unknown[] | null, keys: Float64Array, days: Float64Array | null, sorted: boolean, strict: boolean, arena: Arena): XTable {
  if (strict) return new IdentityTable(length, kind, values, keys, days, arena);
  const { order, starts, groups } = orderAndGroups(keys, length, sorted, arena);
  return { length, kind, values, keys, days, order, groupStarts: starts.subarray(0, groups + 1), groups, simple: false };
}

/**
 * The order that sorts `keys` (stable) and where each distinct key starts in it, plus a final
 * `length`, for keys not in strictly increasing order (see IdentityTable for those).
 */
function orderAndGroups(keys: Float64Array, length: number, sorted: boolean, arena: Arena): { order: Int32Array; starts: Int32Array; groups: number } {
  const order = arena.i32(length);
  const starts = arena.i32(length + 1);
  for (let i = 0; i < length; i++) order[i] = i;
  if (!sorted) {
    // Stable: Array.prototype.sort is stable, and ties keep input order.
    const idx = Array.from(order);
    idx.sort((a, b) => keys[a]! - keys[b]! || a - b);
    order.set(idx);
  }
  let groups = 0;
  for (let j = 0; j < length; j++) {
    if (j === 0 || keys[order[j]!] !== keys[order[j - 1]!]) starts[groups++] = j;
  }
  starts[groups] = length;
  return { order, starts, groups };
}

/**
 * The rows' `key` field into `keys` while it holds finite numbers: stops at the first row where
 * it does not (`end`), which readX's general loop then reads (and reports). Returns whether the
 * keys read are in increasing (`sorted`) and strictly increasing (`strict`) order. The same
 * values as the general loop (which reads a number field as it is, see fieldAt), about 2.5× as
 * fast on a million rows: no kind to track, no accessor to call. Up to two `ahead` fields are
 * read in the same pass (see ReadAhead).
 */
function numericKeys(data: readonly unknown[], key: string, keys: Float64Array, ahead: readonly ReadAhead[]): { end: number; kind: XKind; sorted: boolean; strict: boolean } {
  const a1 = ahead.length > 0 ? ahead[0]! : null;
  const a2 = ahead.length > 1 ? ahead[1]! : null;
  const k1 = a1?.key ?? "";
  const k2 = a2?.key ?? "";
  const o1 = a1?.out ?? keys;
  const o2 = a2?.out ?? keys;
  let sorted = true;
  let strict = true;
  let prev = Number.NEGATIVE_INFINITY;
  let i = 0;
  for (; i < data.length; i++) {
    const d = data[i];
    if (d === null || typeof d !== "object") break;
    const v = (d as Record<string, unknown>)[key];
    if (typeof v !== "number" || v - v !== 0) break;
    // Each ahead field: a finite number as it is, blank (null, undefined, NaN) as NaN — what
    // `field` then `toNumber` make of them; anything else stops the pass, and readNumbers reads
    // (and reports) it the long way. Written out for both fields: a call per field and row cost more.
    if (a1 !== null) {
      const w = (d as Record<string, unknown>)[k1];
      if (typeof w === "number" && w - w === 0) o1[i] = w;
      else if (w === null || w === undefined || (typeof w === "number" && Number.isNaN(w))) o1[i] = Number.NaN;
      else break;
    }
    if (a2 !== null) {
      const w = (d as Record<string, unknown>)[k2];
      if (typeof w === "number" && w - w === 0) o2[i] = w;
      else if (w === null || w === undefined || (typeof w === "number" && Number.isNaN(w))) o2[i] = Number.NaN;
      else break;
    }
    keys[i] = v;
    if (v <= prev) {
      strict = false;
      if (v < prev) sorted = false;
    }
    prev = v;
  }
  if (a1 !== null) a1.end = i;
  if (a2 !== null) a2.end = i;
  return { end: i, kind: "number", sorted, strict };
}

/**
 * `field(d, key)` with the property read at this site, for the x column: see readField for why
 * the shared `field` is slow on long series.
 */
function fieldAt(d: unknown, key: string): unknown {
  const v = d !== null && typeof d === "object" ? (d as Record<string, unknown>)[key] : undefined;
  return typeof v === "number" ? v : field(d, key);
}

/**
 * Read a numeric channel: finite numbers, and numeric strings as CSV readers produce them.
 * null, undefined, NaN and blank strings are missing (NaN in the result). Anything else — text,
 * booleans, ±Infinity — is an error naming the row and column.
 */
export function readNumbers<T>(data: readonly T[], channel: Accessor<T, unknown> | Float64Array | undefined, option: string, required = true, arena: Arena = HEAP, ahead: ReadAhead | null = null): Float64Array {
  const length = data.length;
  if (ahead !== null && typeof channel === "string" && channel === ahead.key) return readField(data, channel, option, ahead.out, ahead.end);
  // A column, or data that are one (a Float64Array of y values): read in place (issue #18).
  if (channel instanceof Float64Array) return checkedColumn(channel, option);
  if (channel === undefined && data instanceof Float64Array) return checkedColumn(data, option);
  const out = arena.f64(length);
  if (channel === undefined) {
    for (let i = 0; i < length; i++) {
      const d = data[i];
      if (typeof d === "number" || d === null || d === undefined) out[i] = toNumber(d, i, option, option);
      else if (!isRow(d)) throw notANumber(d, i, option);
      else if (required) throw new QiError("invalid-option", ["options", option], `${option} is required when the data are rows, not numbers: give a field name or an accessor`);
      else out[i] = Number.NaN;
    }
    return out;
  }
  const get = valueof(channel, option);
  const name = channelName(channel, option);
  if (typeof channel === "string") return readField(data, channel, option, out);
  for (let i = 0; i < length; i++) out[i] = toNumber(get(data[i]!, i, data), i, name, option);
  return out;
}

/** A row of data: an object (or array) read through a channel, not a boxed primitive or a Date. */
function isRow(d: unknown): boolean {
  return typeof d === "object" && d !== null && !(d instanceof Number || d instanceof String || d instanceof Boolean || d instanceof Date);
}

/**
 * The error for an element of data given without a channel that is neither a number (or a gap)
 * nor a row: said as what it is (a user trial's booleans and `new Number(3)` were told "y is
 * required when the data are rows", which they were not), with what data may be.
 */
function notANumber(d: unknown, i: number, option: string): QiError {
  let what: string;
  let hint = "";
  if (d instanceof Number || d instanceof String || d instanceof Boolean) {
    const kind = d instanceof Number ? "Number" : d instanceof String ? "String" : "Boolean";
    what = `a ${kind} object (new ${kind}(${describeValue(d.valueOf())}))`;
    if (d instanceof Number) hint = "; give plain numbers (x.valueOf())";
    else if (d instanceof String) hint = `; numbers written as text are read from a field of rows ({ ${option}: ${describeValue(d.valueOf())} } with ${option}: "${option}")`;
  } else if (typeof d === "string") {
    what = `${describeValue(d)} (text)`;
    hint = `; numbers written as text are read from a field of rows ({ ${option}: ${describeValue(d)} } with ${option}: "${option}")`;
  } else if (d instanceof Date) {
    what = `a Date (${describeValue(d)})`;
  } else if (typeof d === "boolean" || typeof d === "bigint") {
    what = `${describeValue(d)} (a ${typeof d})`;
  } else {
    what = `a ${typeof d}`; // a symbol or a function
  }
  return new QiError("invalid-value", ["data", i], `data[${i}] is ${what}, not a number: data given without ${option} must be numbers (null, undefined or NaN for a gap), or rows with ${option} naming a field or giving an accessor${hint}`);
}

/**
 * readNumbers for a field name: the same values as `field(row, key)` then `toNumber`, with the
 * row's own property read at this site. Read through the shared `field`, one property-load site
 * served every field name of every caller and V8 fell back to its slowest (megamorphic) lookup;
 * here the site sees this chart's few names. Finite numbers are stored as they are; anything
 * else goes through `field` and `toNumber` (own-property rule, strings, errors). Rows before
 * `from` were read already (see ReadAhead).
 */
function readField<T>(data: readonly T[], key: string, option: string, out: Float64Array, from = 0): Float64Array {
  for (let i = from; i < data.length; i++) {
    const d = data[i] as unknown;
    const v = d !== null && typeof d === "object" ? (d as Record<string, unknown>)[key] : undefined;
    out[i] = typeof v === "number" && v - v === 0 ? v : toNumber(field(d, key), i, key, option);
  }
  return out;
}

/**
 * A numeric channel given as a Float64Array, as it is: its numbers are finite or NaN (missing),
 * as readNumbers makes of numbers; ±Infinity is toNumber's error. Never copied or changed: a
 * columnar result may keep it as a column, and a caller that writes to the values copies first
 * (see {@link isColumnOf}).
 */
function checkedColumn(column: Float64Array, option: string): Float64Array {
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v - v !== 0 && v === v) toNumber(v, i, option, option);
  }
  return column;
}

/**
 * Whether `values` (read by readNumbers) are the caller's own column for `channel` — given as a
 * Float64Array, or `data` itself when it is one and the channel is not given — rather than an
 * array read for this analysis: then they must not be written to (copy them first).
 */
export function isColumnOf(values: Float64Array, channel: unknown, data: unknown): boolean {
  return values === channel || (channel === undefined && values === data);
}

function toNumber(v: unknown, row: number, name: string, option: string): number {
  if (typeof v === "number") {
    if (Number.isNaN(v) || Number.isFinite(v)) return v;
    throw new QiError("invalid-value", ["data", row, name], `${option} must be finite; row ${row} has ${describeValue(v)}`);
  }
  if (v === null || v === undefined) return Number.NaN;
  if (typeof v === "string") {
    // Plain decimals only, as the CLI reads them (src/_lib/numberText.ts): Number("0x1A") is 26.
    const n = decimal(v);
    if (Number.isFinite(n)) return n;
    if (isMissingNumberText(v)) return Number.NaN;
  }
  // "1,190" and "47.4%" as a spreadsheet shows them: say what to do (numberTextAdvice), never read
  // them; "*" or "[c]", a published table's mark for a value not given: say how to leave it out.
  const advice = typeof v === "string" ? (numberTextAdvice(v, "for a percentage of cases give the count and its denominator (y and n of a p chart)") ?? markAdvice(v, option)) : null;
  throw new QiError("invalid-value", ["data", row, name], `${option} must be a number; row ${row} has ${describeValue(v)}${advice === null ? "" : `: ${advice}`}`);
}

/**
 * What to do about a suppression mark (`*`, `[c]`, `..`: isSuppressionMark) where a number is
 * expected, or null for any other text. A funnel plot's numerator or denominator (the only
 * readNumbers options of those names): leave the row out, or name the marks in `suppressed`;
 * a chart's y: a gap; its n: a gap with its y.
 */
function markAdvice(v: string, option: string): string | null {
  if (!isSuppressionMark(v)) return null;
  const mark = JSON.stringify(v.trim());
  const what = `${mark} looks like a mark for a value not published (suppressed, confidential or not available)`;
  if (option === "numerator" || option === "denominator") return `${what}: leave the row out, or give the option suppressed: [${mark}] to leave out each row with that mark, named in the result's leftOut`;
  if (option === "n") return `${what}: give null for it and for its y, a gap in the chart`;
  return `${what}: give null in its place, a gap in the chart`;
}

/** The first two rows (in x order) that share an x value, or null when every x is distinct. */
export function firstDuplicate(xt: XTable): [number, number] | null {
  const groups = xt.groups;
  if (groups === xt.length) return null;
  for (let g = 0; g < groups; g++) {
    const from = xt.groupStarts[g]!;
    if (xt.groupStarts[g + 1]! - from > 1) return [xt.order[from]!, xt.order[from + 1]!];
  }
  return null;
}
