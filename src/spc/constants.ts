import { logFactorial } from "../_lib/logFactorial.js";

/**
 * d₂ for moving ranges of two: E(R)/σ for n = 2 (Montgomery, Introduction to Statistical Quality
 * Control, Appendix VI). σ̂ = AMR / d₂.
 */
export const D2 = 1.128;

/**
 * D₄ for moving ranges of two: the upper limit of a moving-range chart is D₄ × AMR (Montgomery,
 * Appendix VI). Also the screening limit for moving ranges (Nelson 1982; Provost & Murray p. 156).
 */
export const D4 = 3.267;

/** Wheeler's rounded 3/d₂ used by NHS England's Making Data Count (mean ± 2.66 × AMR). */
export const E2 = 2.66;

/** ln Γ(k/2) for a positive integer k, exactly from factorials (Γ(m + ½) = (2m)! √π / (4ᵐ m!)). */
function logGammaHalf(k: number): number {
  if (k % 2 === 0) return logFactorial(k / 2 - 1);
  const m = (k - 1) / 2;
  return logFactorial(2 * m) - m * Math.log(4) - logFactorial(m) + 0.5 * Math.log(Math.PI);
}

/**
 * c₄(n) = √(2/(n−1)) · Γ(n/2) / Γ((n−1)/2): E(s)/σ for samples of n from a normal distribution
 * (Montgomery, eq. 6.27 and Appendix VI). NaN for n < 2 and for anything not a whole number (so also
 * for a non-number: these kernels never throw). Computed exactly, as qicharts2 0.8.1
 * (which uses lgamma), not from the rounded 4-decimal table.
 *
 * @example
 * c4(5) //=> 0.9399856...
 */
export function c4(n: number): number {
  if (typeof n !== "number" || !(n >= 2) || !Number.isInteger(n)) return Number.NaN;
  if (n > C4_SERIES_FROM) return 1 - oneMinusC4Series(n);
  return Math.sqrt(2 / (n - 1)) * Math.exp(logGammaHalf(n) - logGammaHalf(n - 1));
}

/**
 * Above this n the difference of log-gammas loses digits (about n·ε: c₄(10⁶) was off by 7e-10,
 * c₄(10⁹) came out above 1 and c₅ NaN), so c₄ comes from its asymptotic expansion
 * c₄(n) = 1 − 1/(4n) − 7/(32n²) − 19/(128n³) + O(n⁻⁴) (from Stirling's series for Γ; e.g.
 * Gurland & Tripathi 1971, Am Stat 25(4):30–32), whose first omitted term is below 10⁻¹³ here.
 */
const C4_SERIES_FROM = 1000;

/** 1 − c₄(n) from the asymptotic expansion (n > C4_SERIES_FROM), without cancellation. */
function oneMinusC4Series(n: number): number {
  return 1 / (4 * n) + 7 / (32 * n * n) + 19 / (128 * n * n * n);
}

/**
 * c₅(n) = √(1 − c₄²): sd(s)/σ (Montgomery, section 6.3).
 *
 * @example
 * c5(5) //=> 0.3412...
 */
export function c5(n: number): number {
  if (typeof n !== "number") return Number.NaN;
  const c = c4(n);
  if (n > C4_SERIES_FROM && Number.isInteger(n)) {
    // √((1 − c₄)(1 + c₄)) with 1 − c₄ taken from the series, so no digits cancel for large n.
    const d = oneMinusC4Series(n);
    return Math.sqrt(d * (2 - d));
  }
  return Math.sqrt(1 - c * c);
}

/**
 * A₃(n) = 3 / (c₄ √n): x̄ limits are x̄̄ ± A₃ s̄ (Montgomery eq. 6.28). `sigmas` = 2 gives the 2-sigma factor.
 *
 * @example
 * a3(5) //=> 1.4273...
 */
export function a3(n: number, sigmas = 3): number {
  if (typeof n !== "number" || typeof sigmas !== "number") return Number.NaN;
  return sigmas / (c4(n) * Math.sqrt(n));
}

/**
 * B₃(n) = max(0, 1 − 3 c₅/c₄): lower s-chart limit factor (Montgomery eq. 6.27).
 *
 * @example
 * b3(6) //=> 0.0304...
 */
export function b3(n: number, sigmas = 3): number {
  if (typeof n !== "number" || typeof sigmas !== "number") return Number.NaN;
  return Math.max(0, 1 - (sigmas * c5(n)) / c4(n));
}

/**
 * B₄(n) = 1 + 3 c₅/c₄: upper s-chart limit factor (Montgomery eq. 6.27).
 *
 * @example
 * b4(5) //=> 2.0889...
 */
export function b4(n: number, sigmas = 3): number {
  if (typeof n !== "number" || typeof sigmas !== "number") return Number.NaN;
  return 1 + (sigmas * c5(n)) / c4(n);
}
