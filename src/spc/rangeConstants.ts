/**
 * Constants for charts built on subgroup ranges: d₂(n) = E(R)/σ and d₃(n) = sd(R)/σ for the range
 * R of n values from a normal distribution (Montgomery, Introduction to Statistical Quality
 * Control, Appendix VI).
 *
 * Two sources, chosen with the `constants` option of {@link controlChart}:
 * - `"tabled"` (default): the tables qcc 3.0 uses (its options `exp.R.unscaled`, d₂ to 3 decimals
 *   for n = 2…25, and `se.R.unscaled`, d₃ to 7 decimals for n = 2…50), so results agree with qcc.
 *   Beyond the tables the exact value is used (qcc itself stops there).
 * - `"exact"`: computed by numerical integration (below); d₂(5) = 2.32593 rather than 2.326,
 *   d₃(2) = 0.8525025 rather than 0.8525033.
 */
export type RangeConstants = "tabled" | "exact";

/** qcc 3.0 `exp.R.unscaled`: d₂ for n = 2…25 (index 0 is n = 2). */
const D2_TABLE = [
  1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847, 2.97, 3.078, 3.173, 3.258, 3.336, 3.407, 3.472, 3.532, 3.588, 3.64, 3.689, 3.735, 3.778, 3.819,
  3.858, 3.895, 3.931,
];

/** qcc 3.0 `se.R.unscaled`: d₃ for n = 2…50 (index 0 is n = 2). */
const D3_TABLE = [
  0.8525033, 0.8883697, 0.8798108, 0.8640855, 0.8480442, 0.8332108, 0.8198378, 0.8078413, 0.7970584, 0.787323, 0.7784873, 0.7704257, 0.763033,
  0.7562217, 0.7499188, 0.7440627, 0.7386021, 0.7334929, 0.728698, 0.7241851, 0.7199267, 0.7158987, 0.7120802, 0.7084528, 0.7050004, 0.7017086,
  0.6985648, 0.6955576, 0.692677, 0.6899137, 0.6872596, 0.6847074, 0.6822502, 0.6798821, 0.6775973, 0.675391, 0.6732584, 0.6711952, 0.6691976,
  0.6672619, 0.6653848, 0.6635632, 0.6617943, 0.6600754, 0.6584041, 0.656778, 0.655195, 0.6536532, 0.6521506,
];

/**
 * d₂(n): the mean range of n standard normal values. NaN for n < 2 or not a whole number.
 *
 * @example
 * d2(5) //=> 2.326
 * d2(5, "exact") //=> 2.3259289...
 */
export function d2(n: number, constants: RangeConstants = "tabled"): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 2) return Number.NaN;
  if (constants === "tabled" && n - 2 < D2_TABLE.length) return D2_TABLE[n - 2]!;
  return exactRangeMoments(n).mean;
}

/**
 * d₃(n): the standard deviation of the range of n standard normal values. NaN for n < 2 or not a
 * whole number.
 *
 * @example
 * d3(2) //=> 0.8525033
 * d3(2, "exact") //=> 0.8525024...
 */
export function d3(n: number, constants: RangeConstants = "tabled"): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 2) return Number.NaN;
  if (constants === "tabled" && n - 2 < D3_TABLE.length) return D3_TABLE[n - 2]!;
  return exactRangeMoments(n).sd;
}

/** Grid of the integrals: x from −L to L in steps of H (Simpson's rule; the tails beyond are < 1e-15). */
const L = 8;
const H = 0.025;

/**
 * Mean and standard deviation of the range of n standard normal values, by numerical integration
 * (Tippett 1925, Biometrika 17:364–387; the formulas as in Montgomery's Appendix VI notes):
 * E(R) = ∫ [1 − Φ(x)ⁿ − (1 − Φ(x))ⁿ] dx, and E(R²) = ∫₀^∞ 2r·P(R > r) dr with
 * P(R ≤ r) = n ∫ φ(x) [Φ(x + r) − Φ(x)]ⁿ⁻¹ dx. Accurate to about 1e-9.
 */
function exactRangeMoments(n: number): { mean: number; sd: number } {
  const m = Math.round((2 * L) / H); // an even number of intervals
  const phi = new Float64Array(m + 1);
  const cdf = new Float64Array(m + 1);
  for (let i = 0; i <= m; i++) {
    const x = -L + i * H;
    phi[i] = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    cdf[i] = normalCdf(x);
  }
  const w = (i: number, last: number): number => (i === 0 || i === last ? 1 : i % 2 === 1 ? 4 : 2);
  let mean = 0;
  for (let i = 0; i <= m; i++) mean += w(i, m) * (1 - cdf[i]! ** n - (1 - cdf[i]!) ** n);
  mean *= H / 3;
  // E(R²) over r = jH, j = 0…m (r up to 2L; P(R > 2L) is negligible).
  let second = 0;
  for (let j = 0; j <= m; j++) {
    let inner = 0;
    for (let i = 0; i <= m; i++) {
      const upper = i + j <= m ? cdf[i + j]! : 1;
      inner += w(i, m) * phi[i]! * (upper - cdf[i]!) ** (n - 1);
    }
    const below = (n * inner * H) / 3;
    second += w(j, m) * 2 * (j * H) * (1 - below);
  }
  second *= H / 3;
  return { mean, sd: Math.sqrt(second - mean * mean) };
}

/**
 * Φ(x), the standard normal distribution function, from the series
 * erf(z) = 2/√π · e^(−z²) · Σₖ 2ᵏ z^(2k+1) / (1·3·5···(2k+1)) (Abramowitz & Stegun 7.1.6), whose
 * terms are all positive (no cancellation), with z = |x|/√2.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  if (z > 8) return x > 0 ? 1 : 0;
  let term = z;
  let sum = z;
  for (let k = 1; k < 500 && term > sum * 1e-17; k++) {
    term *= (2 * z * z) / (2 * k + 1);
    sum += term;
  }
  const erf = (2 / Math.sqrt(Math.PI)) * Math.exp(-z * z) * sum;
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
