import { scaleLinear, scaleUtc, type ScaleTime } from "d3-scale";
import { utcMonth, utcYear, type TimeInterval } from "d3-time";
import { utcFormat } from "d3-time-format";
import { formatDated, formatPeriod, resolvePeriod, startsPeriod } from "../engine/period.js";
import type { XPeriod } from "../engine/types.js";
import { dayParts, toDayNumber } from "../_lib/calendar.js";
import { formatTick, formatValue } from "./number.js";

const MS_PER_DAY = 86_400_000;
// Date labels with d3-time-format in UTC (the axis works on the days' UTC midnights, so the labels
// are the same calendar days in every time zone). The year is written as a plain number: d3's %Y
// pads years before 1000 to four digits ("0999"), which the labels never did.
const monthName = /*@__PURE__*/ utcFormat("%b");
const dayMonth = /*@__PURE__*/ utcFormat("%-d %b");
const utc = (day: number) => new Date(day * MS_PER_DAY);

/** @internal One tick: pixel position and label. */
export interface Tick {
  pos: number;
  label: string;
}

/** @internal The x axis of a chart: calendar days (UTC time scale) or plain numbers. */
export interface XAxis {
  kind: "date" | "number";
  /** Sort key of an x value on this axis (a day number for dates), NaN when it does not fit. */
  key: (value: unknown) => number;
  pos: (key: number) => number;
  ticks: Tick[];
  /** The x value for people ("Mar 2024", "6 May 2024", "12"). */
  format: (key: number) => string;
}

/** @internal Date axis when any x is a Date or a string; numbers otherwise. */
export function xKind(values: readonly unknown[]): "date" | "number" {
  return values.some((v) => v instanceof Date || typeof v === "string") ? "date" : "number";
}

/** @internal The sort key of an x value on an axis of the given kind. */
export function xKey(kind: "date" | "number", value: unknown): number {
  if (kind === "date") return toDayNumber(value);
  return typeof value === "number" && Number.isFinite(value) ? value : Number.NaN;
}

/**
 * @internal Build the x axis over the keys (finite values only) for the pixel range. Dates use
 * d3's `scaleUtc` on the days' UTC midnights, so ticks fall on the same calendar days in every
 * time zone; numbers use `scaleLinear().nice()`.
 */
export function buildXAxis(kind: "date" | "number", keys: readonly number[], range: readonly [number, number], integerOnly: boolean, period: XPeriod | null = null): XAxis {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const k of keys) {
    if (!Number.isFinite(k)) continue;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo > hi) {
    lo = 0;
    hi = 1;
  }
  const count = Math.max(2, Math.min(12, Math.round((range[1] - range[0]) / 90)));
  if (kind === "date") return dateAxis(keys, lo, hi, range, count, period);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  if (extreme(lo, hi)) {
    const ex = extremeAxis(lo, hi, range, count, false);
    const ticks = integerOnly ? ex.ticks.filter((t) => Number.isInteger(t.value)) : ex.ticks;
    return { kind, key: (v) => xKey(kind, v), pos: ex.pos, ticks: ticks.map(({ pos, label }) => ({ pos, label })), format: (k) => formatValue(k) };
  }
  const scale = scaleLinear().domain([lo, hi]).range([range[0], range[1]]);
  let values = scale.ticks(count);
  if (integerOnly) values = values.filter((v) => Number.isInteger(v));
  const step = values.length > 1 ? values[1]! - values[0]! : 1;
  return {
    kind,
    key: (v) => xKey(kind, v),
    pos: (k) => scale(k),
    ticks: values.map((v) => ({ pos: scale(v), label: formatTick(v, step) })),
    format: (k) => formatValue(k),
  };
}

/**
 * @internal A date axis: d3's `scaleUtc` ticks, or, where they fall within the period the points
 * stand for (weekly ticks on a monthly chart), one tick per period start (d3-time's `utcMonth`,
 * every 3 months for quarters, `utcYear`), so each tick names a point's period. Points and
 * annotations are written by the period: "Mar 2024", "2024 Q1", "2024" (a date that does not start
 * its period, such as an annotation on 5 March, as "5 Mar 2024"); without a period, as monthly
 * when every key is the first of a month.
 */
function dateAxis(keys: readonly number[], lo: number, hi: number, range: readonly [number, number], count: number, period: XPeriod | null): XAxis {
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const scale = scaleUtc().domain([new Date(lo * MS_PER_DAY), new Date(hi * MS_PER_DAY)]).range([range[0], range[1]]);
  // Without the chart's period (a chart saved by pace-qi 0.1), the analysis' default for these dates.
  const labelAs: XPeriod = period ?? resolvePeriod(undefined, "date", keys.filter(Number.isFinite))!;
  let tickDays = scale.ticks(count).map((d) => Math.round(d.getTime() / MS_PER_DAY));
  const interval = PERIOD_TICKS[labelAs];
  if (interval !== undefined && !tickDays.every((d) => startsPeriod(d, labelAs))) {
    tickDays = scale.ticks(interval).map((d) => Math.round(d.getTime() / MS_PER_DAY));
  }
  const yearly = SPLIT_YEAR_OF[labelAs];
  if (yearly !== undefined) tickDays = splitYearTicks(scale, tickDays, yearly, count);
  const labels = dateTickLabels(tickDays, labelAs);
  return {
    kind: "date",
    key: (v) => xKey("date", v),
    pos: (k) => scale(new Date(k * MS_PER_DAY)),
    ticks: tickDays.map((d, i) => ({ pos: scale(new Date(d * MS_PER_DAY)), label: labels[i]! })),
    format: (k) => formatDated(k, labelAs),
  };
}

/** The split year whose starts tick a long chart of split periods: d3's yearly ticks fall on 1 January, inside them. */
const SPLIT_YEAR_OF: Partial<Record<XPeriod, "financial-year" | "clas-year">> = {
  "financial-quarter": "financial-year",
  "financial-year": "financial-year",
  "clas-year": "clas-year",
};

/**
 * Ticks of a chart of split periods: the ticks as they are when they are not all 1 January nor
 * all split-year starts (a short chart of financial quarters: "2024/25 Q1", "Q2"…); else the
 * starts of the split years (1 April, 1 August), every k-th so that about `count` remain — so a
 * long chart reads "2021/22", "2023/24" and never a calendar year that names no point, and
 * fourteen financial years' labels do not run together.
 */
function splitYearTicks(scale: ScaleTime<number, number>, days: number[], year: "financial-year" | "clas-year", count: number): number[] {
  const calendarYears = days.length > 0 && days.every((d) => dayParts(d).month === 1 && dayParts(d).day === 1);
  if (!calendarYears && !days.every((d) => startsPeriod(d, year))) return days;
  const starts = calendarYears ? scale.ticks(PERIOD_TICKS[year]!).map((d) => Math.round(d.getTime() / MS_PER_DAY)) : days;
  const step = Math.max(1, Math.ceil(starts.length / Math.max(1, count)));
  return starts.filter((_, i) => i % step === 0);
}

/** The tick interval of each period longer than a day (weeks keep d3's ticks). */
const PERIOD_TICKS: Partial<Record<XPeriod, TimeInterval>> = {
  month: utcMonth,
  quarter: utcMonth.every(3)!,
  "financial-quarter": utcMonth.every(3)!,
  year: utcYear,
  "financial-year": utcMonth.filter((d) => d.getUTCMonth() === 3),
  "clas-year": utcMonth.filter((d) => d.getUTCMonth() === 7),
};

/**
 * @internal Labels for date ticks: years alone when every tick is 1 January; quarters ("2024 Q1",
 * then "Q2", with the year on the first tick and on Q1) when the points are quarters and every
 * tick starts one, financial quarters likewise ("2024/25 Q1", "Q2"), split years as "2024/25"; month names when every tick is the first of a month (with the year on the first
 * tick and on January); day and month otherwise (with the year on the first tick and where it
 * changes).
 */
export function dateTickLabels(days: readonly number[], period: XPeriod | null = null): string[] {
  const parts = days.map(dayParts);
  if (parts.every((p) => p.month === 1 && p.day === 1)) return parts.map((p) => String(p.year));
  if (period === "quarter" && days.every((d) => startsPeriod(d, "quarter"))) {
    return parts.map((p, i) => (i === 0 || p.month === 1 ? formatPeriod(days[i]!, "quarter") : `Q${(p.month + 2) / 3}`));
  }
  // A long chart of financial quarters ticks its financial years' starts: "2021/22", "2022/23".
  if (period === "financial-quarter" && days.every((d) => startsPeriod(d, "financial-year"))) return days.map((d) => formatPeriod(d, "financial-year"));
  if (period === "financial-quarter" && days.every((d) => startsPeriod(d, period))) {
    // "2024/25 Q1", then "Q2", "Q3", "Q4": the financial year on the first tick and on each April.
    return days.map((d, i) => (i === 0 || parts[i]!.month === 4 ? formatPeriod(d, period) : formatPeriod(d, period).slice(-2)));
  }
  if ((period === "financial-year" || period === "clas-year") && days.every((d) => startsPeriod(d, period))) return days.map((d) => formatPeriod(d, period));
  if (parts.every((p) => p.day === 1)) {
    return parts.map((p, i) => (i === 0 || p.month === 1 ? `${monthName(utc(days[i]!))} ${p.year}` : monthName(utc(days[i]!))));
  }
  return parts.map((p, i) => {
    const withYear = i === 0 || parts[i - 1]!.year !== p.year;
    return withYear ? `${dayMonth(utc(days[i]!))} ${p.year}` : dayMonth(utc(days[i]!));
  });
}

/** @internal The y axis: `scaleLinear().nice()` over the values, about five ticks. */
export interface YAxis {
  pos: (v: number) => number;
  ticks: Tick[];
}

/**
 * @internal Build the y axis over the finite values for the pixel range (bottom, top). With
 * `domain`, that domain exactly (small multiples on a shared scale pass the one from
 * {@link niceYDomain}, so every panel has the same ticks whatever its plot height).
 */
export function buildYAxis(values: readonly number[], range: readonly [number, number], format: (v: number, step: number) => string = formatTick, domain?: readonly [number, number]): YAxis {
  const [lo, hi] = domain ?? extentOf(values);
  const count = tickCount(range);
  if (extreme(lo, hi)) {
    const ex = extremeAxis(lo, hi, range, count, domain === undefined);
    return { pos: ex.pos, ticks: ex.ticks.map(({ pos, label }) => ({ pos, label })) };
  }
  const scale = scaleLinear().domain([lo, hi]).range([range[0], range[1]]);
  if (domain === undefined) scale.nice(count);
  const values2 = scale.ticks(count);
  const step = values2.length > 1 ? values2[1]! - values2[0]! : 1;
  return { pos: (v) => scale(v), ticks: values2.map((v) => ({ pos: scale(v), label: format(v, step) })) };
}

/** @internal The y domain {@link buildYAxis} draws for these values on this pixel range: their extent, padded when flat, made nice. */
export function niceYDomain(values: readonly number[], range: readonly [number, number]): [number, number] {
  const [lo, hi] = extentOf(values);
  if (extreme(lo, hi)) return [lo, hi];
  const d = scaleLinear().domain([lo, hi]).nice(tickCount(range)).domain();
  return [d[0]!, d[1]!];
}

function tickCount(range: readonly [number, number]): number {
  return Math.max(3, Math.min(8, Math.round(Math.abs(range[0] - range[1]) / 50)));
}

/** The finite values' extent, [0, 1] with none, padded by 10 % (or 1 at 0) when flat. */
function extentOf(values: readonly number[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [0, 1];
  if (lo === hi && !extreme(lo, hi)) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/**
 * True when d3's linear ticks cannot work on [lo, hi] as they stand (issue #18): a span that
 * overflows (values near ±1.8e308: NaN positions), values so large that `nice()` rounds past
 * Number.MAX_VALUE, or a span so small (denormals: `[5e-324, 1e-320]`) that the tick step
 * underflows and d3 asks for an array of impossible length (RangeError).
 */
function extreme(lo: number, hi: number): boolean {
  const big = Math.max(Math.abs(lo), Math.abs(hi));
  const span = hi - lo;
  return !Number.isFinite(span) || big > 1e300 || (span === 0 ? big !== 0 && big < 1e-290 : span < 1e-290 * Math.max(1, big));
}

/**
 * A linear axis for extreme ranges: the values divided by a power of two S (exact) that brings
 * the larger magnitude near 1, ticked by d3 there, and labelled by tick × S (ticks that would
 * not be finite numbers are left out). Positions are always finite.
 */
function extremeAxis(lo: number, hi: number, range: readonly [number, number], count: number, nice: boolean): { pos: (v: number) => number; ticks: Array<Tick & { value: number }> } {
  const big = Math.max(Math.abs(lo), Math.abs(hi));
  const S = 2 ** Math.max(-1074, Math.min(1023, Math.floor(Math.log2(big))));
  let a = lo / S;
  let b = hi / S;
  if (!(b - a > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)))) {
    const mid = a / 2 + b / 2;
    a = mid - 0.5;
    b = mid + 0.5;
  }
  const scale = scaleLinear().domain([a, b]).range([range[0], range[1]]);
  if (nice) scale.nice(count);
  const ticks = scale
    .ticks(count)
    .map((t) => ({ t, value: t * S }))
    .filter(({ value }) => Number.isFinite(value))
    .map(({ t, value }) => ({ pos: scale(t), label: Number(value.toPrecision(4)).toString(), value }));
  const [r0, r1] = [Math.min(range[0], range[1]), Math.max(range[0], range[1])];
  return { pos: (v) => Math.min(r1 + 1e6, Math.max(r0 - 1e6, scale(v / S))), ticks };
}
