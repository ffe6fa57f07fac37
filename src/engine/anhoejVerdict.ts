import { binomialQuantile } from "../_lib/binomial.js";
import { anhoejBoxLimits, boxSignal, type AnhoejBoxLimits } from "../_lib/crossrun.js";
import type { AnhoejMethod } from "./types.js";

/** Anhøj's limits for one phase and whether its longest run and crossings break them. */
export interface AnhoejVerdict {
  /** Anhøj's 2014/2015 limits (reported whatever the method, as qicharts2 does). */
  longestRunMax: number;
  crossingsMin: number;
  /** The signal, under the chosen method. */
  longRun: boolean;
  fewCrossings: boolean;
  /** The box that decided, for `bestbox` / `cutbox` with 10 ≤ n ≤ 100; otherwise null. */
  box: AnhoejBoxLimits | null;
}

/**
 * Apply Anhøj's rules to a phase with `nUseful` useful observations.
 * - `anhoej` (Anhøj & Olesen 2014; Anhøj 2015; qicharts2): a signal when the longest run exceeds
 *   round(log₂ n) + 3, or the crossings are fewer than the 5th percentile of Binomial(n − 1, ½).
 * - `bestbox` / `cutbox` (Anhøj & Wentzel-Larsen 2020, PLoS One 15:e0233920; qicharts2 0.8): for
 *   10 ≤ n ≤ 100 the signal comes from the box of (crossings, longest run) chosen from their exact
 *   joint distribution (see src/_lib/crossrun.ts); outside that range the 2014 rules apply. As in
 *   qicharts2, the reported limits stay the 2014 ones. A box signal is reported as a long run when
 *   the run is beyond the box's run limit, otherwise as few crossings.
 */
export function anhoejVerdict(nUseful: number, longestRun: number, crossings: number, method: AnhoejMethod): AnhoejVerdict {
  const longestRunMax = Math.round(Math.log2(nUseful)) + 3;
  const crossingsMin = anhoejCrossingsMin(nUseful);
  if (method !== "anhoej") {
    const box = anhoejBoxLimits(nUseful, method);
    if (box.applied !== "anhoej") {
      const signal = boxSignal(box, longestRun, crossings);
      const longRun = signal && longestRun > box.longestRunMax;
      return { longestRunMax, crossingsMin, longRun, fewCrossings: signal && !longRun, box };
    }
  }
  return { longestRunMax, crossingsMin, longRun: longestRun > longestRunMax, fewCrossings: crossings < crossingsMin, box: null };
}

const cache: number[] = [];

/** qbinom(0.05, n − 1, ½), remembered for n < 2048 after first use. */
function anhoejCrossingsMin(n: number): number {
  if (n >= 2048) return binomialQuantile(0.05, n - 1, 0.5);
  return (cache[n] ??= binomialQuantile(0.05, n - 1, 0.5));
}
