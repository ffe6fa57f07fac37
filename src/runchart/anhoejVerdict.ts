import { binomialQuantile } from "../_lib/binomial.js";
import { QiError } from "../_lib/error.js";
import type { AnhoejMethod } from "./types.js";

/** Anhøj's limits for one phase and whether its longest run and crossings break them. */
export interface AnhoejVerdict {
  longestRunMax: number;
  crossingsMin: number;
  longRun: boolean;
  fewCrossings: boolean;
}

/**
 * Apply Anhøj's rules to a phase with `nUseful` useful observations (Anhøj & Olesen 2014;
 * Anhøj 2015; qicharts2): a signal when the longest run exceeds round(log₂ n) + 3, or the
 * crossings are fewer than the 5th percentile of Binomial(n − 1, ½).
 */
export function anhoejVerdict(nUseful: number, longestRun: number, crossings: number, method: AnhoejMethod): AnhoejVerdict {
  if (method !== "anhoej") {
    throw new QiError("invalid-option", ["options", "rules", "method"], `method "${method}" is not available in this build`);
  }
  const longestRunMax = Math.round(Math.log2(nUseful)) + 3;
  const crossingsMin = binomialQuantile(0.05, nUseful - 1, 0.5);
  return { longestRunMax, crossingsMin, longRun: longestRun > longestRunMax, fewCrossings: crossings < crossingsMin };
}
