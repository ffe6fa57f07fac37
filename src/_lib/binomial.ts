import { logChoose } from "./logFactorial.js";

/**
 * The p-quantile of Binomial(size, prob) as R's `qbinom` defines it: the smallest k with
 * P(X ≤ k) ≥ p. As R does (src/nmath/qbinom.c), p is reduced by 64 machine epsilons so that
 * rounding in the cumulative sum cannot push the answer one step up.
 * Sums only the part of the distribution within 12 standard deviations of the mean (the rest is
 * below 1e-30).
 */
export function binomialQuantile(p: number, size: number, prob = 0.5): number {
  if (size <= 0) return 0;
  const target = p * (1 - 64 * Number.EPSILON);
  const mean = size * prob;
  const sd = Math.sqrt(size * prob * (1 - prob));
  const from = Math.max(0, Math.floor(mean - 12 * sd));
  const lp = Math.log(prob);
  const lq = Math.log1p(-prob);
  let cum = 0;
  for (let k = from; k <= size; k++) {
    cum += Math.exp(logChoose(size, k) + k * lp + (size - k) * lq);
    if (cum >= target) return k;
  }
  return size;
}
