import type { Required2 } from "./internal.js";
import type { TrendRule } from "./types.js";

/** Consecutive points all going up or all going down. */
export interface TrendFound {
  start: number;
  end: number;
  /** Every point with a value from the first counted point to the end of the last group. */
  points: number[];
  /** The points that count toward the length (the first of each group of equal values). */
  counted: number[];
  direction: 1 | -1;
}

/**
 * Trends in points `start..end`: at least `length` points all increasing or all decreasing
 * (IHI rule 2: 5 or more; Perla, Provost & Murray 2011). Missing and excluded points are skipped.
 * With `ties: "skip"` (IHI) equal consecutive values neither add to nor break a trend: each group
 * of equal values counts once, by its first point. With `ties: "break"` (NHS Making Data Count)
 * an equal value ends the trend. A trend spans its first counted point to the last point of its
 * last group (equal values at the end belong to it without counting), so a turning point can
 * belong to a rising and a falling trend.
 */
export function findTrends(y: Float64Array, active: Uint8Array, start: number, end: number, rule: Required2<TrendRule>): TrendFound[] {
  const found: TrendFound[] = [];
  let direction: 1 | -1 | 0 = 0;
  // The current monotone sequence: its first counted point and how many points count.
  // Arrays are built only for sequences that qualify, so long series allocate nothing per point.
  let first = -1;
  let count = 0;
  let groupEnd = -1; // last point of the current group of equal values
  let prev = Number.NaN;
  let groupStart = -1; // first point of the current group of equal values
  const close = (): void => {
    if (direction === 0 || count < rule.length) return;
    const last = groupEnd;
    const points: number[] = [];
    const counted: number[] = [];
    let before = Number.NaN;
    for (let k = first; k <= last; k++) {
      if (active[k] === 0) continue;
      points.push(k);
      if (k === first || y[k] !== before) counted.push(k);
      before = y[k]!;
    }
    found.push({ start: first, end: last, points, counted, direction });
  };
  for (let i = start; i <= end; i++) {
    if (active[i] === 0) continue;
    const v = y[i]!;
    if (groupStart === -1) {
      groupStart = first = groupEnd = i;
      count = 1;
      prev = v;
      continue;
    }
    if (v === prev) {
      if (rule.ties === "skip") {
        groupEnd = i;
        continue;
      }
      close();
      direction = 0;
      groupStart = first = groupEnd = i;
      count = 1;
      continue;
    }
    const d: 1 | -1 = v > prev ? 1 : -1;
    if (d === direction) {
      count++;
    } else {
      close();
      direction = d;
      first = groupStart;
      count = 2;
    }
    groupStart = groupEnd = i;
    prev = v;
  }
  close();
  return found;
}
