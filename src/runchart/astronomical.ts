import { countedQuantile, type CountedValues } from "../_lib/countedQuantile.js";
import { quantileInPlace, sortedQuantile } from "../_lib/median.js";
import type { ResolvedAstronomical } from "./types.js";

/** A point flagged as astronomical, with the limit it crossed and how that limit was set. */
export interface AstronomicalFound {
  index: number;
  side: 1 | -1;
  /** The limit the point is beyond (null for a manual flag). */
  limit: number | null;
}

/** Why a detector could not run on a phase. */
export interface AstronomicalSkip {
  reason: string;
}

/**
 * Astronomical points in `start..end`. The IHI rules define an astronomical point only as "an
 * obviously, or even blatantly, different value" (Perla, Provost & Murray 2011), so the detector is
 * a choice, named in each message:
 * - `tukey` (default): beyond Tukey's far-out fences Q1 − k·IQR or Q3 + k·IQR, k = 3 (Tukey 1977,
 *   Exploratory Data Analysis), quartiles as R's type 7. Robust to the skew of waiting times.
 * - `sigma`: beyond mean ± k·σ̂ with σ̂ = average moving range / 1.128 (XmR limits; Montgomery,
 *   Introduction to Statistical Quality Control, d₂ for n = 2).
 * - `manual`: the points the team judged astronomical.
 * Fences and limits come from the points that set the centre (`from..to`), so a frozen baseline
 * judges later points against itself. When the caller has already gathered those values into
 * `scratch` (to compute the median), `prepared` says how many, whether they are sorted or were
 * counted (their tallies), and the Tukey fences are read from them without another copy.
 */
export function findAstronomical(
  y: Float64Array,
  active: Uint8Array,
  start: number,
  end: number,
  from: number,
  to: number,
  centre: number,
  detector: Exclude<ResolvedAstronomical, false>,
  scratch: Float64Array,
  prepared: { m: number; sorted: boolean; counted: CountedValues | null } | null = null,
): AstronomicalFound[] | AstronomicalSkip {
  const found: AstronomicalFound[] = [];
  if (detector.method === "manual") {
    for (const i of detector.points) {
      if (i < start || i > end || active[i] === 0) continue;
      found.push({ index: i, side: y[i]! < centre ? -1 : 1, limit: null });
    }
    return found;
  }
  const reuse = prepared !== null && detector.method === "tukey";
  let m = reuse ? prepared.m : 0;
  if (!reuse) for (let i = from; i <= to; i++) if (active[i] === 1) scratch[m++] = y[i]!;
  if (m < detector.minPoints) return { reason: `${m} values set the centre; the ${detector.method} detector needs at least ${detector.minPoints}` };
  let lower: number;
  let upper: number;
  if (detector.method === "tukey") {
    const [q1, q3] = reuse ? preparedQuartiles(scratch, m, prepared) : [quantileInPlace(scratch, 0.25, m), quantileInPlace(scratch, 0.75, m, Math.floor((m - 1) * 0.25))];
    const iqr = q3 - q1;
    if (!(iqr > 0)) return { reason: "the interquartile range is 0, so Tukey's fences cannot separate unusual values" };
    lower = q1 - detector.k * iqr;
    upper = q3 + detector.k * iqr;
    if (reuse && from === start && to === end && withinFences(prepared, m, scratch, lower, upper)) return found;
  } else {
    let sum = 0;
    let mrSum = 0;
    for (let k = 0; k < m; k++) {
      sum += scratch[k]!;
      if (k > 0) mrSum += Math.abs(scratch[k]! - scratch[k - 1]!);
    }
    const mean = sum / m;
    const sigma = mrSum / (m - 1) / 1.128;
    if (!(sigma > 0)) return { reason: "the moving ranges are all 0, so sigma limits cannot be set" };
    lower = mean - detector.sigma * sigma;
    upper = mean + detector.sigma * sigma;
  }
  for (let i = start; i <= end; i++) {
    if (active[i] === 0) continue;
    const v = y[i]!;
    if (v > upper) found.push({ index: i, side: 1, limit: upper });
    else if (v < lower) found.push({ index: i, side: -1, limit: lower });
  }
  return found;
}

/**
 * Whether the smallest and largest baseline values, known from their tallies or their sorted
 * order, lie within the fences. When the baseline is the whole phase its values are those of
 * every active point there (gatherBaseline), so then no point is astronomical and the pass over
 * the phase is skipped (a million points: about 2 ms).
 */
function withinFences(prepared: { sorted: boolean; counted: CountedValues | null }, m: number, scratch: Float64Array, lower: number, upper: number): boolean {
  const c = prepared.counted;
  if (c !== null) return c.min >= lower && c.min + c.tallies.length - 1 <= upper;
  return prepared.sorted && scratch[0]! >= lower && scratch[m - 1]! <= upper;
}

/**
 * Q1 and Q3 of the baseline values the median left in scratch: from their tallies, from the
 * sorted values, or by selects. Values not sorted were left by the median's select
 * (medianOfScratch → medianInPlace, rank ⌊m/2⌋): ranks 0..⌊m/2⌋ sit at 0..⌊m/2⌋ and the rest after
 * them, so Q1 is selected among the lower part and Q3 among the upper, each half the work (same values).
 */
function preparedQuartiles(scratch: Float64Array, m: number, prepared: { sorted: boolean; counted: CountedValues | null }): [number, number] {
  if (prepared.counted !== null) return [countedQuantile(prepared.counted, 0.25, m), countedQuantile(prepared.counted, 0.75, m)];
  if (prepared.sorted) return [sortedQuantile(scratch, 0.25, m), sortedQuantile(scratch, 0.75, m)];
  const half = m >= 8 ? m >> 1 : -1;
  const q1 = half >= 0 ? quantileInPlace(scratch, 0.25, m, 0, half) : quantileInPlace(scratch, 0.25, m);
  return [q1, quantileInPlace(scratch, 0.75, m, half >= 0 ? half + 1 : Math.floor((m - 1) * 0.25))];
}
