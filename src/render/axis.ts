import { scaleLinear, scaleUtc } from "d3-scale";
import { dayParts, toDayNumber } from "../_lib/calendar.js";
import { formatTick, formatValue } from "./number.js";

const MS_PER_DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

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
export function buildXAxis(kind: "date" | "number", keys: readonly number[], range: readonly [number, number], integerOnly: boolean): XAxis {
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
  if (kind === "date") {
    if (lo === hi) {
      lo -= 1;
      hi += 1;
    }
    const scale = scaleUtc().domain([new Date(lo * MS_PER_DAY), new Date(hi * MS_PER_DAY)]).range([range[0], range[1]]);
    const tickDays = scale.ticks(count).map((d) => Math.round(d.getTime() / MS_PER_DAY));
    const labels = dateTickLabels(tickDays);
    const monthly = keys.every((k) => !Number.isFinite(k) || dayParts(k).day === 1);
    return {
      kind,
      key: (v) => xKey(kind, v),
      pos: (k) => scale(new Date(k * MS_PER_DAY)),
      ticks: tickDays.map((d, i) => ({ pos: scale(new Date(d * MS_PER_DAY)), label: labels[i]! })),
      format: (k) => formatDate(k, monthly),
    };
  }
  if (lo === hi) {
    lo -= 1;
    hi += 1;
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

/** @internal "Mar 2024" for the first of a month when the data are monthly, "6 May 2024" otherwise. */
export function formatDate(day: number, monthly: boolean): string {
  const p = dayParts(day);
  return monthly && p.day === 1 ? `${MONTHS[p.month - 1]} ${p.year}` : `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/**
 * @internal Labels for date ticks: years alone when every tick is 1 January; month names when
 * every tick is the first of a month (with the year on the first tick and on January); day and
 * month otherwise (with the year on the first tick and where it changes).
 */
export function dateTickLabels(days: readonly number[]): string[] {
  const parts = days.map(dayParts);
  if (parts.every((p) => p.month === 1 && p.day === 1)) return parts.map((p) => String(p.year));
  if (parts.every((p) => p.day === 1)) {
    return parts.map((p, i) => (i === 0 || p.month === 1 ? `${MONTHS[p.month - 1]} ${p.year}` : MONTHS[p.month - 1]!));
  }
  return parts.map((p, i) => {
    const withYear = i === 0 || parts[i - 1]!.year !== p.year;
    return withYear ? `${p.day} ${MONTHS[p.month - 1]} ${p.year}` : `${p.day} ${MONTHS[p.month - 1]}`;
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
export function buildYAxis(values: readonly number[], range: readonly [number, number], domain?: readonly [number, number]): YAxis {
  const count = Math.max(3, Math.min(8, Math.round(Math.abs(range[0] - range[1]) / 50)));
  const scale = scaleLinear()
    .domain(domain ?? niceYDomain(values, range))
    .range([range[0], range[1]]);
  const values2 = scale.ticks(count);
  const step = values2.length > 1 ? values2[1]! - values2[0]! : 1;
  return { pos: (v) => scale(v), ticks: values2.map((v) => ({ pos: scale(v), label: formatTick(v, step) })) };
}

/** @internal The y domain {@link buildYAxis} draws for these values on this pixel range: their extent, padded when flat, made nice. */
export function niceYDomain(values: readonly number[], range: readonly [number, number]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) {
    lo = 0;
    hi = 1;
  }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const count = Math.max(3, Math.min(8, Math.round(Math.abs(range[0] - range[1]) / 50)));
  const d = scaleLinear().domain([lo, hi]).nice(count).domain();
  return [d[0]!, d[1]!];
}
