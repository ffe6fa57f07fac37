import { countIntegers, countedRank, type CountedValues } from "./countedQuantile.js";

/**
 * Median of the first `n` entries of a scratch array, by quickselect (Hoare's FIND with a
 * median-of-three pivot): expected linear time, no sort. The scratch array is reordered; callers
 * pass a copy.
 *
 * Kept beside d3-array's `quickselect` (Floyd–Rivest) on a benchmark: on 1,000,000 values with
 * the ties of real series (`npm run bench kernels`) this select takes 27.5 ms and d3-array's
 * 68.0 ms (a copy of the values alone: 9.0 ms), and the median is on every chart's hot path.
 * For an even count the mean of the two middle values, as R's `median()` and d3-array.
 * Returns NaN when n is 0.
 */
export function medianInPlace(values: Float64Array, n: number = values.length): number {
  if (n <= 0) return Number.NaN;
  const k = n >> 1;
  const upper = select(values, k, 0, n - 1);
  if (n % 2 === 1) return upper;
  // After selecting k, every value left of k is ≤ values[k]: the lower middle is their maximum.
  let lower = values[0]!;
  for (let i = 1; i < k; i++) if (values[i]! > lower) lower = values[i]!;
  return midpoint(lower, upper);
}

/** (a + b) / 2 without overflow for values near ±Number.MAX_VALUE. */
export function midpoint(a: number, b: number): number {
  return (a < 0) !== (b < 0) ? (a + b) / 2 : a + (b - a) / 2;
}

/**
 * Rearrange `a[lo..hi]` so that `a[k]` holds the value of rank k, smaller values to its left and
 * larger to its right; returns `a[k]`. Iterative quickselect with median-of-three pivots.
 */
export function select(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three into a[mid]
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Quantile of the first `n` entries of a scratch array by R's default definition (type 7, also
 * d3-array's `quantile`): linear interpolation between the order statistics at h = (n − 1)·p.
 * The array is reordered. `from` lets a second call skip a prefix already known to hold only
 * smaller values: after computing the p₁-quantile, every entry left of ⌊(n − 1)·p₁⌋ is ≤ the
 * rest, so a larger quantile can start there. `to` does the same at the other end: when entries
 * `from..to` are known to hold the order statistics of ranks `from..to` (as after a select of
 * rank `to`, e.g. the median's), the select and the search for the next order statistic stay
 * inside them. Either bound only narrows the work: the value is the same.
 */
export function quantileInPlace(values: Float64Array, p: number, n: number = values.length, from = 0, to = n - 1): number {
  if (n <= 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  if (n === 1) return values[0]!;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.max(to, lo);
  const vLo = select(values, lo, Math.min(from, lo), hi);
  if (lo === h || lo + 1 >= n) return vLo;
  // The next order statistic is the minimum of the right part: within `lo + 1..hi` when that
  // holds ranks up to hi, else (hi = lo) the minimum of everything after lo.
  const end = lo + 1 <= Math.min(to, n - 1) ? to + 1 : n;
  let vHi = values[lo + 1]!;
  for (let i = lo + 2; i < end; i++) if (values[i]! < vHi) vHi = values[i]!;
  return vLo + (vHi - vLo) * (h - lo);
}

/**
 * Median of the first `n` entries, leaving them sorted when n ≤ SORT_LIMIT (a native numeric sort
 * beats repeated quickselects on short series, and later quantiles then cost nothing). Longer
 * whole-number series are counted instead (`_lib/countedQuantile.ts`): the entries stay as they
 * are and `counted` holds their tallies, from which later quantiles are read. Otherwise the
 * median is selected. Returns the median, whether the entries are now sorted, and the tallies.
 */
export function medianOfScratch(values: Float64Array, n: number): { median: number; sorted: boolean; counted: CountedValues | null } {
  if (n > 0 && n <= SORT_LIMIT) {
    values.subarray(0, n).sort();
    return { median: sortedQuantile(values, 0.5, n), sorted: true, counted: null };
  }
  const counted = countIntegers(values, n);
  if (counted !== null) return { median: countedMedian(counted, n), sorted: false, counted };
  return { median: medianInPlace(values, n), sorted: false, counted: null };
}

/** The median of `n` counted values, as {@link medianInPlace}: the middle value, or the midpoint of the two middle ones. */
function countedMedian(c: CountedValues, n: number): number {
  const k = n >> 1;
  const upper = countedRank(c, k);
  return n % 2 === 1 ? upper : midpoint(countedRank(c, k - 1), upper);
}

/** Up to this many values, {@link medianOfScratch} sorts instead of selecting. */
export const SORT_LIMIT = 2048;

/** R's type-7 quantile of the first `n` entries of an ascending array. */
export function sortedQuantile(sorted: Float64Array, p: number, n: number): number {
  if (n <= 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo === h || lo + 1 >= n) return a;
  const b = sorted[lo + 1]!;
  return p === 0.5 ? midpoint(a, b) : a + (b - a) * (h - lo);
}
