/**
 * The exact joint distribution of the number of crossings C and the longest run L among n
 * independent points, each above the centre line with probability p (below with 1 − p).
 *
 * Definitions as in the R package crossrun (Wentzel-Larsen & Anhøj 2019, "Joint distribution for
 * number of crossings and longest run in independent Bernoulli observations. The R package
 * crossrun", PLoS One 14(10):e0223233): a run is a maximal block of consecutive points on the same
 * side; C = (number of runs) − 1; L = the length of the longest run on either side.
 *
 * Our own derivation (not crossrun's iterative algorithm): a sequence with C = c has c + 1 runs
 * that alternate sides, so the side it starts on holds a = ⌈(c + 1)/2⌉ runs and the other side
 * b = ⌊(c + 1)/2⌋. If the starting side holds k points in total, the sequences with C = c and every
 * run ≤ l are the pairs (composition of k into a parts in 1..l, composition of n − k into b parts in
 * 1..l), each with probability p^k q^(n−k) when starting above (q^k p^(n−k) when starting below).
 * Hence
 *
 *   P(C = c, L ≤ l) = Σ_k W_l(a, k) · W_l(b, n − k) · (p^k q^(n−k) + q^k p^(n−k)),
 *
 * where W_l(m, k) is the number of compositions of k into m parts, each between 1 and l:
 * W_l(0, 0) = 1 and W_l(m, k) = Σ_{j=1..min(l,k)} W_l(m − 1, k − j). The counts are computed
 * exactly (BigInt) and rounded once to doubles; every sum above has positive terms, so the
 * cumulative probabilities carry a relative error of a few ulps. A cell P(C = c, L = l) is
 * possible exactly when c + l ≤ n ≤ (c + 1)·l (c + 1 runs of length 1..l, one of them l); the
 * impossible cells are set to exactly 0 and the others are differences of cumulative values.
 *
 * Work: O(N³) once for the composition counts up to N points, then O(n³) per (n, p), cached for
 * p = ½ and the box rules' target shift. Nothing is computed at import time.
 */

/** Composition counts W_l(m, k) for l ≤ maxN, m ≤ maxRuns, k ≤ maxN, rounded to doubles. */
interface CompositionTable {
  maxN: number;
  maxRuns: number;
  /** counts[l][m * (maxN + 1) + k] = W_l(m, k); index l = 0 unused. */
  counts: Float64Array[];
}

let compositionTable: CompositionTable | undefined;

function compositions(n: number): CompositionTable {
  if (compositionTable !== undefined && compositionTable.maxN >= n) return compositionTable;
  // Build for at least 100 points (the box rules' range) so the table is built once in practice.
  const maxN = Math.max(n, 100);
  const maxRuns = Math.ceil(maxN / 2) + 1;
  const width = maxN + 1;
  const counts: Float64Array[] = [new Float64Array(0)];
  let previous = new Array<bigint>(width);
  let current = new Array<bigint>(width);
  const prefix = new Array<bigint>(width + 1);
  for (let l = 1; l <= maxN; l++) {
    const table = new Float64Array((maxRuns + 1) * width);
    previous.fill(0n);
    previous[0] = 1n;
    table[0] = 1;
    for (let m = 1; m <= maxRuns; m++) {
      // prefix[i] = Σ_{j < i} W_l(m − 1, j); W_l(m, k) = Σ_{j = k−l .. k−1} W_l(m − 1, j).
      prefix[0] = 0n;
      for (let j = 0; j < width; j++) prefix[j + 1] = prefix[j]! + previous[j]!;
      for (let k = 0; k < width; k++) {
        const value = k < m || k > m * l ? 0n : prefix[k]! - prefix[Math.max(0, k - l)]!;
        current[k] = value;
        table[m * width + k] = Number(value);
      }
      [previous, current] = [current, previous];
    }
    counts.push(table);
  }
  compositionTable = { maxN, maxRuns, counts };
  return compositionTable;
}

/** Joint distribution of (C, L) for n points, flat arrays indexed c * (n + 1) + l. */
export interface JointCrossRun {
  n: number;
  p: number;
  /** P(C = c, L ≤ l). */
  cumulative: Float64Array;
  /** P(C = c, L = l); exactly 0 for impossible cells. */
  cell: Float64Array;
}

/**
 * Whether some sequence of n points has exactly c crossings and longest run l.
 *
 * @example
 * isPossibleCell(11, 3, 7) //=> true
 * isPossibleCell(11, 0, 7) //=> false  // no crossing means one run of 11
 */
export function isPossibleCell(n: number, c: number, l: number): boolean {
  return c >= 0 && l >= 1 && c + l <= n && n <= (c + 1) * l;
}

/**
 * Compute the joint distribution (uncached). Expects a whole n from 1 to 100 and 0 < p < 1.
 *
 * @example
 * computeJointCrossRun(14, 0.5).cell[6 * 15 + 5] * 2 ** 13 //=> 392
 */
export function computeJointCrossRun(n: number, p: number): JointCrossRun {
  const { maxN, counts } = compositions(n);
  const width = maxN + 1;
  const q = 1 - p;
  const lp = Math.log(p);
  const lq = Math.log(q);
  // weight[k] = p^k q^(n−k) + q^k p^(n−k): the starting side holds k of the n points.
  const weight = new Float64Array(n + 1);
  // For p = ½ the weight is exactly 2^(1−n), a power of two, so no rounding enters.
  for (let k = 0; k <= n; k++) {
    weight[k] = p === 0.5 ? 2 ** (1 - n) : Math.exp(k * lp + (n - k) * lq) + Math.exp(k * lq + (n - k) * lp);
  }
  const stride = n + 1;
  const cumulative = new Float64Array(n * stride);
  const cell = new Float64Array(n * stride);
  for (let c = 0; c < n; c++) {
    const a = Math.ceil((c + 1) / 2);
    const b = (c + 1) >> 1;
    for (let l = 1; l <= n; l++) {
      const table = counts[l]!;
      let sum = 0;
      // k ranges where both compositions exist: a ≤ k ≤ a·l and b ≤ n − k ≤ b·l.
      const from = Math.max(a, n - b * l);
      const to = Math.min(a * l, n - b);
      for (let k = from; k <= to; k++) {
        sum += table[a * width + k]! * table[b * width + (n - k)]! * weight[k]!;
      }
      cumulative[c * stride + l] = sum;
      if (isPossibleCell(n, c, l)) {
        const d = sum - cumulative[c * stride + l - 1]!;
        cell[c * stride + l] = d > 0 ? d : 0;
      }
    }
  }
  return { n, p, cumulative, cell };
}

const jointCache = new Map<string, JointCrossRun>();

/**
 * The joint distribution for n points with probability p above the centre, cached (the box rules
 * ask for the same two values of p at every n). Callers must not modify the arrays, and should use
 * {@link computeJointCrossRun} for one-off values of p so the cache stays small.
 *
 * @example
 * jointCrossRun(11, 0.5).cumulative[0 * 12 + 11] //=> 0.0009765625  // P(C = 0) = 2/2^11
 */
export function jointCrossRun(n: number, p: number): JointCrossRun {
  const key = `${n}:${p}`;
  let joint = jointCache.get(key);
  if (joint === undefined) {
    joint = computeJointCrossRun(n, p);
    jointCache.set(key, joint);
  }
  return joint;
}

/**
 * Standard normal distribution function Φ(x), by the Taylor series
 * Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …) (Marsaglia 2004, "Evaluating the normal
 * distribution", J Stat Softw 11(4)); about 15 correct digits for |x| ≤ 8, clamped beyond.
 *
 * @example
 * normalCdf(0.8) //=> 0.7881446014166033
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < -8) return 0;
  if (x > 8) return 1;
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let i = 3; sum + term !== sum; i += 2) {
    term = (term * x2) / i;
    sum += term;
  }
  return 0.5 + sum * Math.exp(-0.5 * x2 - 0.91893853320467274178);
}
