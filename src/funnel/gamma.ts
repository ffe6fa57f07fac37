/**
 * The gamma distribution's quantile, for the exact Poisson limits of standardised ratios
 * (qchisq(p, 2n) / 2n = qgamma(p, n) / n). Written from the definitions:
 * - ln Γ by Lanczos' approximation (Lanczos 1964; g = 7, nine coefficients as tabulated by
 *   Godfrey), relative error about 1e-15;
 * - the regularised incomplete gamma functions P(a, x) by their power series for x < a + 1 and
 *   Q(a, x) by Legendre's continued fraction otherwise (Abramowitz & Stegun 6.5.29, 6.5.31),
 *   evaluated with the modified Lentz algorithm;
 * - the quantile by Newton's method on ln P (or ln Q for the upper tail) in t = ln x, kept inside
 *   a bracket (bisection when a step leaves it), from a Wilson–Hilferty or small-x start.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPS = Number.EPSILON; // 2.2e-16: a smaller tolerance may never be met
const MAX_ITER = 100_000;

/** ln P(a, x) by the series x^a e^-x / Γ(a + 1) · Σ xⁿ / ((a + 1)…(a + n)) (A&S 6.5.29). */
function logLowerSeries(a: number, x: number, lgA: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 1; n < MAX_ITER; n++) {
    term *= x / (a + n);
    sum += term;
    if (term <= sum * EPS) break;
  }
  return a * Math.log(x) - x - (lgA + Math.log(a)) + Math.log(sum);
}

/** ln Q(a, x) by Legendre's continued fraction (A&S 6.5.31), modified Lentz. */
function logUpperFraction(a: number, x: number, lgA: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPS) break;
  }
  return a * Math.log(x) - x - lgA + Math.log(h);
}

/** ln P(a, x), the regularised lower incomplete gamma function. */
export function logGammaP(a: number, x: number, lgA = logGamma(a)): number {
  if (x <= 0) return Number.NEGATIVE_INFINITY;
  if (x < a + 1) return logLowerSeries(a, x, lgA);
  return Math.log1p(-Math.exp(logUpperFraction(a, x, lgA)));
}

/** ln Q(a, x) = ln(1 − P(a, x)). */
export function logGammaQ(a: number, x: number, lgA = logGamma(a)): number {
  if (x <= 0) return 0;
  if (x < a + 1) return Math.log1p(-Math.exp(logLowerSeries(a, x, lgA)));
  return logUpperFraction(a, x, lgA);
}

/**
 * The standard normal quantile by Acklam's rational approximation (P. J. Acklam, 2003; relative
 * error below 1.15e-9): a close start, so Newton needs about two steps.
 */
const NA = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const NB = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const NC = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const ND = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
function normalQuantile(p: number): number {
  const tail = (q: number): number => (((((NC[0]! * q + NC[1]!) * q + NC[2]!) * q + NC[3]!) * q + NC[4]!) * q + NC[5]!) / ((((ND[0]! * q + ND[1]!) * q + ND[2]!) * q + ND[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log1p(-p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((NA[0]! * r + NA[1]!) * r + NA[2]!) * r + NA[3]!) * r + NA[4]!) * r + NA[5]!) * q) / (((((NB[0]! * r + NB[1]!) * r + NB[2]!) * r + NB[3]!) * r + NB[4]!) * r + 1);
}

/** Starting value for the quantile: Wilson–Hilferty, or the small-x series' leading term. */
function start(p: number, a: number): number {
  const z = normalQuantile(p);
  const wh = a * (1 - 1 / (9 * a) + z / (3 * Math.sqrt(a))) ** 3;
  if (a > 1 && wh > 0) return wh;
  // P(a, x) ≈ x^a / Γ(a + 1) for small x
  const small = Math.exp((Math.log(p) + logGamma(a + 1)) / a);
  return Number.isFinite(small) && small > 0 ? Math.min(small, a + 1) : Math.max(a, 1e-300);
}

/**
 * The p-quantile of the gamma distribution with shape `a` and scale 1: the x with P(a, x) = p.
 * 0 < p < 1, a > 0.
 *
 * @example
 * gammaQuantile(0.975, 3) / 2 // qchisq(0.975, 6) / 2 in R = 7.224687…
 */
export function gammaQuantile(p: number, a: number): number {
  if (!(p > 0 && p < 1 && a > 0)) return Number.NaN;
  const upper = p > 0.5;
  const target = upper ? Math.log1p(-p) : Math.log(p);
  const lgA = logGamma(a);
  let t = Math.log(start(p, a));
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 200; i++) {
    const x = Math.exp(t);
    const logTail = upper ? logGammaQ(a, x, lgA) : logGammaP(a, x, lgA);
    // h(t) = ln P(a, eᵗ) − ln p, increasing in t (for the upper tail ln(1 − p) − ln Q, also increasing)
    const v = upper ? target - logTail : logTail - target;
    if (v === 0 || Number.isNaN(v)) break;
    if (v > 0) hi = t;
    else lo = t;
    // dh/dt = x f(x) / P (or / Q), x f(x) = exp(a t − x − ln Γ(a))
    const step = v / Math.exp(a * t - x - lgA - logTail);
    let next = t - step;
    if (!Number.isFinite(next) || next <= lo || next >= hi) {
      next = Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : Number.isFinite(lo) ? lo + 1 : hi - 1;
    } else if (Math.abs(step) <= 1e-9 * Math.max(1, Math.abs(t))) {
      // Newton converges quadratically: after a step this small the error is below 1e-16
      t = next;
      break;
    }
    t = next;
  }
  return Math.exp(t);
}
