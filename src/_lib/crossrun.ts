import { binomialQuantile } from "./binomial.js";
import { QiError, describeValue } from "./error.js";
import { computeJointCrossRun, isPossibleCell, jointCrossRun, normalCdf, type JointCrossRun } from "./crossrunDistribution.js";

/**
 * Runs analysis methods of qicharts2 0.8.1 (`qic(method = …)`): the standard Anhøj rules and the
 * "best box" and "cut box" adjustments of Anhøj & Wentzel-Larsen (2020).
 */
export type RunsMethod = "anhoej" | "bestbox" | "cutbox";

/**
 * Target specificity of the box rules: the box must keep P(no signal | random data) ≥ 0.925,
 * about the average specificity of the Anhøj rules for n = 10–100 (Anhøj & Wentzel-Larsen 2020).
 */
export const BOX_TARGET_SPECIFICITY = 0.925;

/**
 * Target shift of the box rules, in standard deviations: among boxes meeting the target
 * specificity, the best box has the highest probability of a signal when every point is shifted by
 * 0.8 SD, i.e. lies above the centre with probability Φ(0.8) ≈ 0.788 (Anhøj & Wentzel-Larsen 2020).
 */
export const BOX_TARGET_SHIFT = 0.8;

/** Fewest useful observations for which qicharts2 applies the box rules (Anhøj rules below). */
export const BOX_MIN_N = 10;
/** Most useful observations for which qicharts2 applies the box rules (Anhøj rules above). */
export const BOX_MAX_N = 100;

/**
 * Cut-box corner cuts. In the best box's right border (longest run = box `longestRunMax`), only
 * crossings ≥ `crossingsMin` stay random; in its top border (crossings = box `crossingsMin`),
 * only longest runs ≤ `longestRunMax` stay random. These are the paper's Cbord and Lbord.
 */
export interface BoxCut {
  crossingsMin: number;
  longestRunMax: number;
}

/** Runs-analysis limits for one phase, as plain data; judge a phase with {@link boxSignal}. */
export interface AnhoejBoxLimits {
  /** Useful observations (points not on the centre line). */
  n: number;
  /** The method asked for. */
  method: RunsMethod;
  /** The method applied: `anhoej` when a box method was asked for outside 10 ≤ n ≤ 100. */
  applied: RunsMethod;
  /** The box's longest-run limit: a longest run above it signals. */
  longestRunMax: number;
  /** The box's crossings limit: fewer crossings signal. */
  crossingsMin: number;
  /** Cut-box corner cuts, or null when the cut box is the best box (and for other methods). */
  cut: BoxCut | null;
}

/** Largest n for which the joint distribution is offered (crossrun is validated up to 100). */
export const CROSSRUN_MAX_N = 100;

/** The joint distribution, cached for the two probabilities the box rules use. */
function joint(n: number, p: number): JointCrossRun {
  return p === 0.5 || p === shiftedProbability() ? jointCrossRun(n, p) : computeJointCrossRun(n, p);
}

/** Φ(0.8): probability that a point shifted by the target shift lies above the centre. */
function shiftedProbability(): number {
  return normalCdf(BOX_TARGET_SHIFT);
}

function standardLimits(n: number): { longestRunMax: number; crossingsMin: number } {
  // Anhøj & Olesen 2014 (PLoS One 9:e113825), Anhøj 2015 (PLoS One 10:e0121349), as qicharts2:
  // longest run ≤ round(log₂ n) + 3 (Schilling 2012) and crossings ≥ qbinom(0.05, n − 1, ½).
  return { longestRunMax: Math.round(Math.log2(n)) + 3, crossingsMin: binomialQuantile(0.05, n - 1, 0.5) };
}

/** P(C ≥ c, L ≤ l): the probability of the box {C ≥ c, L ≤ l}, from P(C = c', L ≤ l) by rows. */
function boxProbability(cumulative: Float64Array, n: number, c: number, l: number): number {
  let sum = 0;
  for (let cc = n - 1; cc >= c; cc--) sum += cumulative[cc * (n + 1) + l]!;
  return sum;
}

interface Box {
  crossingsMin: number;
  longestRunMax: number;
}

/**
 * Best box (Anhøj & Wentzel-Larsen 2020, "Best box and cut box adjustments"): among the boxes
 * {C ≥ c, L ≤ l} whose corner cell (c, l) is possible and whose probability under random data is
 * ≥ the target specificity, the one with the smallest probability under the target shift (the
 * highest sensitivity). Candidates are scanned by c, then l, ascending, keeping the first of equal
 * minima, as the authors' supplementary code S1_crossrunbox.R does.
 */
function bestBox(n: number): Box {
  const random = joint(n, 0.5);
  const shifted = joint(n, shiftedProbability());
  const stride = n + 1;
  // Box probabilities for all (c, l), summing rows from the bottom: O(n²).
  const box0 = new Float64Array(n * stride);
  const boxS = new Float64Array(n * stride);
  for (let l = 1; l <= n; l++) {
    let s0 = 0;
    let sS = 0;
    for (let c = n - 1; c >= 0; c--) {
      s0 += random.cumulative[c * stride + l]!;
      sS += shifted.cumulative[c * stride + l]!;
      box0[c * stride + l] = s0;
      boxS[c * stride + l] = sS;
    }
  }
  let best: Box = { crossingsMin: 0, longestRunMax: n };
  let bestProbability = Number.POSITIVE_INFINITY;
  for (let c = 0; c < n; c++) {
    for (let l = 1; l <= n; l++) {
      if (!isPossibleCell(n, c, l)) continue;
      if (!(box0[c * stride + l]! >= BOX_TARGET_SPECIFICITY)) continue;
      const p = boxS[c * stride + l]!;
      if (p < bestProbability) {
        bestProbability = p;
        best = { crossingsMin: c, longestRunMax: l };
      }
    }
  }
  return best;
}

/**
 * Cut box (Anhøj & Wentzel-Larsen 2020): starting from the best box's corner (c, l), remove cells
 * of its top border (C = c, going left from L = l − 1) and right border (L = l, going down from
 * C = c + 1) while the region's probability under random data stays ≥ the target specificity.
 * Nothing is cut unless the corner itself can go. While both borders can lose their next cell,
 * the cell more probable under the target shift goes (the right border's on a tie); once only
 * one border can, its cells are removed in order until the next one cannot (impossible cells,
 * of probability 0, are removed on the way), and the procedure stops. This restates the
 * procedure of the authors' supplementary code S1_crossrunbox.R (function cutbox).
 */
function cutBox(n: number, box: Box): BoxCut | null {
  const random = joint(n, 0.5);
  const shifted = joint(n, shiftedProbability());
  const stride = n + 1;
  const { crossingsMin: c, longestRunMax: l } = box;
  const cell0 = (cc: number, ll: number): number => (cc < n && ll >= 1 ? random.cell[cc * stride + ll]! : 0);
  const cellS = (cc: number, ll: number): number => (cc < n && ll >= 1 ? shifted.cell[cc * stride + ll]! : 0);
  const target = BOX_TARGET_SPECIFICITY;
  let remaining = boxProbability(random.cumulative, n, c, l) - cell0(c, l);
  if (!(remaining >= target)) return null;
  let cBord = c + 1; // right border keeps C ≥ cBord
  let lBord = l - 1; // top border keeps L ≤ lBord
  for (;;) {
    const down = cell0(cBord, l);
    const left = cell0(c, lBord);
    const canDown = down > 0 && remaining - down >= target;
    const canLeft = left > 0 && remaining - left >= target;
    if (!canDown && !canLeft) break;
    if (canDown && canLeft) {
      if (cellS(cBord, l) >= cellS(c, lBord)) {
        remaining -= down;
        cBord++;
      } else {
        remaining -= left;
        lBord--;
      }
      continue;
    }
    if (canLeft) {
      while (lBord >= 1 && remaining - cell0(c, lBord) >= target) remaining -= cell0(c, lBord--);
    } else {
      while (cBord <= n - 1 && remaining - cell0(cBord, l) >= target) remaining -= cell0(cBord++, l);
    }
    break;
  }
  return { crossingsMin: cBord, longestRunMax: lBord };
}

const boxCache = new Map<number, { best: Box; cut: BoxCut | null }>();

function boxes(n: number): { best: Box; cut: BoxCut | null } {
  let entry = boxCache.get(n);
  if (entry === undefined) {
    const best = bestBox(n);
    entry = { best, cut: cutBox(n, best) };
    boxCache.set(n, entry);
  }
  return entry;
}

/**
 * Runs-analysis limits for `n` useful observations (points not on the centre line) by the
 * standard Anhøj rules or their box adjustments (Anhøj J & Wentzel-Larsen T 2020, "Smooth
 * operator: Modifying the Anhøj rules to improve runs analysis in statistical process control",
 * PLoS One 15(5):e0233920), as qicharts2 0.8.1's `qic(method = …)`:
 *
 * - `anhoej`: longest run ≤ round(log₂ n) + 3 and crossings ≥ qbinom(0.05, n − 1, ½).
 * - `bestbox`: the box {crossings ≥ c, longest run ≤ l} with the highest sensitivity to a shift of
 *   0.8 SD among boxes with specificity ≥ 0.925, from the exact joint distribution of crossings
 *   and longest run (crossrun; Wentzel-Larsen & Anhøj 2019, PLoS One 14(10):e0223233).
 * - `cutbox`: the best box with cells cut from its corner while specificity stays ≥ 0.925.
 *
 * The box methods apply for 10 ≤ n ≤ 100; outside that range qicharts2 falls back to the Anhøj
 * rules, and so does this function (`applied: "anhoej"`). Computed on first use for each n
 * (a few milliseconds) and cached.
 *
 * @throws {QiError} `invalid-option` when n is not a whole number ≥ 1 or the method is unknown.
 * @example
 * anhoejBoxLimits(11, "bestbox")
 * //=> { n: 11, method: "bestbox", applied: "bestbox", longestRunMax: 7, crossingsMin: 3, cut: null }
 * anhoejBoxLimits(11, "cutbox").cut //=> { crossingsMin: 4, longestRunMax: 6 }
 */
export function anhoejBoxLimits(n: number, method: RunsMethod): AnhoejBoxLimits {
  if (!Number.isInteger(n) || n < 1) {
    throw new QiError("invalid-option", ["n"], `anhoejBoxLimits needs a whole number of at least 1 useful observation, not ${describeValue(n)}`);
  }
  if (method !== "anhoej" && method !== "bestbox" && method !== "cutbox") {
    throw new QiError("invalid-option", ["method"], `method must be "anhoej", "bestbox" or "cutbox", not ${describeValue(method)}`);
  }
  if (method === "anhoej" || n < BOX_MIN_N || n > BOX_MAX_N) {
    return { n, method, applied: "anhoej", ...standardLimits(n), cut: null };
  }
  const { best, cut } = boxes(n);
  return {
    n,
    method,
    applied: method,
    longestRunMax: best.longestRunMax,
    crossingsMin: best.crossingsMin,
    cut: method === "cutbox" && cut !== null ? { ...cut } : null,
  };
}

/**
 * Whether a phase's longest run and number of crossings signal non-random variation under the
 * given limits. Without a cut: longest run > `longestRunMax` or crossings < `crossingsMin`. With a
 * cut box (c, l; Cbord, Lbord) the random region is {C ≥ c + 1, L ≤ l − 1} plus the kept parts of
 * the borders, {C = c, L ≤ Lbord} and {C ≥ Cbord, L = l}; anything else signals (as qicharts2).
 *
 * @example
 * boxSignal(anhoejBoxLimits(11, "anhoej"), 7, 3) //=> true   // longest run 7 > 6
 * boxSignal(anhoejBoxLimits(11, "bestbox"), 7, 3) //=> false
 * boxSignal(anhoejBoxLimits(11, "cutbox"), 7, 3) //=> true   // the cut corner
 */
export function boxSignal(limits: AnhoejBoxLimits, longestRun: number, crossings: number): boolean {
  const { longestRunMax: l, crossingsMin: c, cut } = limits;
  if (cut === null) return longestRun > l || crossings < c;
  const random =
    (crossings >= c + 1 && longestRun <= l - 1) ||
    (crossings === c && longestRun <= cut.longestRunMax) ||
    (crossings >= cut.crossingsMin && longestRun <= l);
  return !random;
}

/**
 * The probability of no signal under the limits when each point lies above the centre with
 * probability `pAbove` independently: the specificity for `pAbove` = ½, and 1 − sensitivity for a
 * shift of d SD with `pAbove` = Φ(d). Exact (crossrun's joint distribution; Anhøj &
 * Wentzel-Larsen 2020, Table 1). Defined for n ≤ 100.
 *
 * @throws {QiError} `invalid-option` when n > 100 or pAbove is not strictly between 0 and 1.
 * @example
 * noSignalProbability(anhoejBoxLimits(11, "anhoej")) //=> 0.951171875  // 974/1024
 */
export function noSignalProbability(limits: AnhoejBoxLimits, pAbove = 0.5): number {
  if (!(pAbove > 0 && pAbove < 1)) {
    throw new QiError("invalid-option", ["pAbove"], `pAbove must be between 0 and 1, not ${describeValue(pAbove)}`);
  }
  const { n } = limits;
  if (!Number.isInteger(n) || n < 1 || n > CROSSRUN_MAX_N) {
    throw new QiError("invalid-option", ["limits", "n"], `n must be a whole number from 1 to ${CROSSRUN_MAX_N}, not ${describeValue(n)}`);
  }
  const { cell } = joint(n, pAbove);
  let sum = 0;
  for (let c = 0; c < n; c++) {
    for (let l = 1; l <= n; l++) {
      if (!boxSignal(limits, l, c)) sum += cell[c * (n + 1) + l]!;
    }
  }
  return sum;
}

/** The joint distribution of crossings and longest run, as plain data. */
export interface CrossingsLongestRunDistribution {
  n: number;
  pAbove: number;
  /**
   * probability[c][l] = P(C = c, L = l) for c = 0 … n − 1 crossings and l = 0 … n (index l = 0 is
   * always 0, so indices read as values).
   */
  probability: number[][];
}

/**
 * The exact joint distribution of the number of crossings C and the longest run L among `n`
 * independent points, each above the centre line with probability `pAbove` (the distribution the
 * R package crossrun computes; Wentzel-Larsen & Anhøj 2019, PLoS One 14(10):e0223233). Points on
 * the centre line are not counted: n is the number of useful observations.
 *
 * @throws {QiError} `invalid-option` when n is not a whole number from 1 to 100 (the range crossrun
 * is validated for; the computation keeps a table of O(n³) counts), or pAbove is not strictly
 * between 0 and 1.
 * @example
 * const d = crossingsLongestRunDistribution(14);
 * d.probability[6][5] * 2 ** 13 //=> 392  // crossrun vignette, Table 1
 */
export function crossingsLongestRunDistribution(n: number, pAbove = 0.5): CrossingsLongestRunDistribution {
  if (!Number.isInteger(n) || n < 1 || n > CROSSRUN_MAX_N) {
    throw new QiError("invalid-option", ["n"], `n must be a whole number from 1 to ${CROSSRUN_MAX_N}, not ${describeValue(n)}`);
  }
  if (!(pAbove > 0 && pAbove < 1)) {
    throw new QiError("invalid-option", ["pAbove"], `pAbove must be between 0 and 1, not ${describeValue(pAbove)}`);
  }
  const { cell } = joint(n, pAbove);
  const probability: number[][] = [];
  for (let c = 0; c < n; c++) probability.push(Array.from(cell.subarray(c * (n + 1), (c + 1) * (n + 1))));
  return { n, pAbove, probability };
}
