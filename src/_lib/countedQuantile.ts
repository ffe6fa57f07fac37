/**
 * Order statistics of whole numbers by counting: one pass tallies how often each value occurs,
 * and the value of any rank is read from the running total of the tallies. Counts, days and
 * other whole-number series (most run charts) have a range far smaller than their length, so
 * the median and both quartiles of a million values cost one pass instead of three selects.
 *
 * Kept beside d3-array's `quantile` and `_lib/median.ts`'s select on a benchmark (`npm run bench
 * counted`, 2026-11-30, the bench's 1,000,000 whole numbers 70–130 with their ties; machine
 * shared, load average 9–15 on 2 cores, so every figure is inflated): the median and Tukey's two
 * quartiles by counting 25.6 ms, by the select of `_lib/median.ts` (the median, then the
 * quartiles within its halves) 196.1 ms, by three calls of d3-array's `quantile` 1,374 ms
 * (copying the values alone: 25.2 ms).
 *
 * The values are the same as a select's: the order statistics are values of the input, and the
 * quantiles are interpolated between them by the same formulas (`medianOfScratch` as
 * `medianInPlace`, {@link countedQuantile} as `quantileInPlace`, R's type 7).
 */
export interface CountedValues {
  /** The smallest value; tally b counts the value min + b. */
  min: number;
  tallies: Int32Array;
}

/** Counting pays for itself only when the tallies are few beside the values. */
const MAX_TALLIES = 1 << 16;

/**
 * Tally the first `n` values, or null when counting does not apply: a value that is not a whole
 * number (or is −0, which a tally would turn into 0), beyond ±2⁵³, or a range of at least
 * min(65,536, n) values.
 */
export function countIntegers(values: Float64Array, n: number): CountedValues | null {
  if (n <= 0 || !integerRange(values, n, RANGE)) return null;
  const min = RANGE[0]!;
  const max = RANGE[1]!;
  const range = max - min;
  if (!(min >= -SAFE && max <= SAFE && range < MAX_TALLIES && range < n)) return null;
  const tallies = new Int32Array(range + 1);
  tally(values, n, min, tallies);
  return { min, tallies };
}

// The two passes are functions of their own, each a loop and nothing after it: with both loops
// in countIntegers, V8 compiled each loop on the fly (OSR) with no type feedback yet for the code
// after it, and those compilations deoptimised there call after call (`--trace-deopt`). 1,000,000
// whole numbers: 8.0–8.5 ms with the loops inline, 4.8–5.2 ms split (Node 20, shared machine,
// 2026-12-01).

/** The smallest and largest of the first `n` values into `out`; false at the first value that is not a whole number (or is −0). */
function integerRange(values: Float64Array, n: number, out: Float64Array): boolean {
  let min = values[0]!;
  let max = min;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== Math.floor(v) || (v === 0 && 1 / v < 0)) return false;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  out[0] = min;
  out[1] = max;
  return true;
}

/**
 * Tally the first `n` values into four interleaved lanes (lane j of value v at 4·(v − min) + j),
 * then sum the lanes. One counter per value made each increment wait for the previous one of the
 * same value (a series of counts repeats a few values all the time); four lanes let four run at
 * once. 1,000,000 whole numbers 70–130: 5.1 → 2.3 ms of CPU (Node 20, 2026-12-01).
 */
function tally(values: Float64Array, n: number, min: number, tallies: Int32Array): void {
  const lanes = new Int32Array(4 * tallies.length);
  const quads = n - (n % 4);
  let i = 0;
  for (; i < quads; i += 4) {
    lanes[4 * (values[i]! - min)]!++;
    lanes[4 * (values[i + 1]! - min) + 1]!++;
    lanes[4 * (values[i + 2]! - min) + 2]!++;
    lanes[4 * (values[i + 3]! - min) + 3]!++;
  }
  for (; i < n; i++) tallies[values[i]! - min]!++;
  for (let b = 0; b < tallies.length; b++) tallies[b]! += lanes[4 * b]! + lanes[4 * b + 1]! + lanes[4 * b + 2]! + lanes[4 * b + 3]!;
}

/** Where integerRange writes its two results (not an object per call). */
const RANGE = new Float64Array(2);

const SAFE = Number.MAX_SAFE_INTEGER;

/** The value of rank k (0-based) among the counted values. */
export function countedRank(c: CountedValues, k: number): number {
  const t = c.tallies;
  let total = 0;
  for (let b = 0; b < t.length; b++) {
    total += t[b]!;
    if (total > k) return c.min + b;
  }
  return c.min + t.length - 1;
}

/** R's type-7 quantile of `n` counted values, as `quantileInPlace`. */
export function countedQuantile(c: CountedValues, p: number, n: number): number {
  if (n === 1) return countedRank(c, 0);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const vLo = countedRank(c, lo);
  if (lo === h || lo + 1 >= n) return vLo;
  const vHi = countedRank(c, lo + 1);
  return vLo + (vHi - vLo) * (h - lo);
}
