import { binomialQuantile } from "../_lib/binomial.js";
import { QiError, describeValue } from "../_lib/error.js";
import { objectOption } from "../_lib/options.js";
import { exactRunsLimits, type RunsLimits } from "../_lib/runsDistribution.js";

export type { RunsLimits } from "../_lib/runsDistribution.js";

/** The {@link runsLimits} options. */
export interface RunsLimitsOptions {
  /** Two-sided significance level; each tail outside the limits holds at most α/2. Default 0.05. */
  alpha?: number;
}

/**
 * Limits for the number of runs in a run chart with `n` useful observations (points not on the
 * centre line): fewer runs than `lower` or more than `upper` is a non-random signal.
 *
 * Exact Swed–Eisenhart distribution with n₁ = ⌊n/2⌋ and n₂ = ⌈n/2⌉, at most 2.5 % in each tail,
 * the basis of the IHI tables (Perla, Provost & Murray 2011; Swed & Eisenhart 1943). The printed
 * IHI tables approximate this and differ by one run at a few n. Defined for n ≥ 2; the PACE
 * preset applies it from 10 useful observations.
 *
 * @example
 * runsLimits(20) //=> { lower: 7, upper: 15 }
 */
export function runsLimits(n: number, options: RunsLimitsOptions = {}): RunsLimits {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 2) {
    throw new QiError("invalid-option", ["n"], `runsLimits needs a whole number of at least 2 useful observations, not ${describeValue(n)}`);
  }
  const alpha = objectOption(options, ["options"]).alpha ?? 0.05;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw new QiError("invalid-option", ["options", "alpha"], `alpha must be between 0 and 1, not ${describeValue(alpha)}`);
  return exactRunsLimits(n, alpha);
}

/** Anhøj limits: a longest run above `longestRunMax` or fewer crossings than `crossingsMin` signals. */
export interface AnhoejLimits {
  longestRunMax: number;
  crossingsMin: number;
}

/**
 * Anhøj's limits for `n` useful observations (Anhøj & Olesen 2014, PLoS One 9:e113825; Anhøj
 * 2015, PLoS One 10:e0121349; as qicharts2): the longest run may be at most round(log₂ n) + 3,
 * and crossings at least the 5th percentile of Binomial(n − 1, ½), i.e. the smallest k with
 * P(X ≤ k) ≥ 0.05.
 *
 * @example
 * anhoejLimits(24) //=> { longestRunMax: 8, crossingsMin: 8 }
 */
export function anhoejLimits(n: number): AnhoejLimits {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    throw new QiError("invalid-option", ["n"], `anhoejLimits needs a whole number of at least 1 useful observation, not ${describeValue(n)}`);
  }
  return {
    longestRunMax: Math.round(Math.log2(n)) + 3,
    crossingsMin: binomialQuantile(0.05, n - 1, 0.5),
  };
}
