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
  // The loop keeps its state in locals (no closure over them) and notes each qualifying sequence
  // as first counted point, end, direction; the point lists are built afterwards, for those only.
  // Whether a point goes on in the same direction is computed without branches (`+(a > b)` is 0
  // or 1, a compare-and-set): on a noisy series it is a coin toss the processor would mispredict
  // about half the time. The branches left (inactive points, ties, a sequence long enough to note)
  // are rarely taken. 1,000,000 random whole numbers: 14.3–15.5 ms with the branches, 7.5–8.5 ms
  // without (Node 20, shared 2-core machine, 2026-12-01).
  const runs: number[] = [];
  const skip = rule.ties === "skip";
  const length = rule.length;
  let direction = 0; // 1 up, -1 down, 0 none yet
  let first = -1; // first counted point of the current monotone sequence
  let count = 0; // how many points count toward its length
  let groupEnd = -1; // last point of the current group of equal values
  let prev = Number.NaN;
  let groupStart = -1; // first point of the current group of equal values
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
      if (skip) {
        groupEnd = i;
        continue;
      }
      if (direction !== 0 && count >= length) runs.push(first, groupEnd, direction);
      direction = 0;
      groupStart = first = groupEnd = i;
      count = 1;
      continue;
    }
    const d = 2 * +(v > prev) - 1;
    // 1 when the sequence turns (or starts: direction 0): it ends, and a new one starts at the group before.
    const turn = +(d !== direction);
    if ((turn & +(count >= length)) !== 0 && direction !== 0) runs.push(first, groupEnd, direction);
    // Bit masks rather than multiplications (which V8 guards against overflow and −0): keep is
    // all ones while the sequence goes on, 0 when it turns.
    const keep = turn - 1;
    first = (first & keep) | (groupStart & ~keep);
    count = ((count + 1) & keep) | (2 & ~keep);
    direction = d;
    groupStart = groupEnd = i;
    prev = v;
  }
  if (direction !== 0 && count >= length) runs.push(first, groupEnd, direction);
  return trendsOfRuns(y, active, runs);
}

/** The trends noted as first, end, direction: each with its active points and the points that count. */
function trendsOfRuns(y: Float64Array, active: Uint8Array, runs: readonly number[]): TrendFound[] {
  const found: TrendFound[] = [];
  for (let r = 0; r < runs.length; r += 3) {
    const first = runs[r]!;
    const last = runs[r + 1]!;
    // Counted first, then written into arrays of those lengths (as shiftsOfRuns, for the same reason).
    let nPoints = 0;
    let nCounted = 0;
    let before = Number.NaN;
    for (let k = first; k <= last; k++) {
      if (active[k] === 0) continue;
      nPoints++;
      if (k === first || y[k] !== before) nCounted++;
      before = y[k]!;
    }
    const points = new Array<number>(nPoints);
    const counted = new Array<number>(nCounted);
    let p = 0;
    let c = 0;
    before = Number.NaN;
    for (let k = first; k <= last; k++) {
      if (active[k] === 0) continue;
      points[p++] = k;
      if (k === first || y[k] !== before) counted[c++] = k;
      before = y[k]!;
    }
    found.push({ start: first, end: last, points, counted, direction: runs[r + 2] as 1 | -1 });
  }
  return found;
}
