/**
 * Tabular CUSUM of one phase, as qcc 3.0 `cusum()` (Page 1954, Biometrika 41:100–115; Montgomery,
 * Introduction to Statistical Quality Control, section 9.1, in standardised form): with
 * zᵢ = (x̄ᵢ − centre) / (σ/√nᵢ) and k = shift/2,
 * Cᵢ⁺ = max(0, Cᵢ₋₁⁺ + zᵢ − k) and Cᵢ⁻ = −max(0, −Cᵢ₋₁⁻ − zᵢ − k), both starting from ±headStart.
 * A point signals when Cᵢ⁺ > h or Cᵢ⁻ < −h (strictly); the sums are not reset after a signal.
 * Missing and excluded points (active 0) keep the sums as they were and do not signal.
 * Writes y (the statistic), centre, upper and lower; ucl and lcl stay NaN (the decision interval
 * is on the sums' scale). Returns the signalling points with their side. Linear, no allocation
 * beyond the signals.
 */
export function cusumSums(
  stat: Float64Array, sizes: Float64Array, active: Uint8Array, start: number, end: number,
  centre: number, sigma: number, h: number, k: number, headStart: number,
  lines: { y: Float64Array; centre: Float64Array; upper: Float64Array | null; lower: Float64Array | null },
): [number, 1 | -1][] {
  const found: [number, 1 | -1][] = [];
  const upper = lines.upper!;
  const lower = lines.lower!;
  const sized = sizes.length > 0;
  const { y, centre: cl } = lines;
  let pos = headStart;
  let neg = headStart === 0 ? 0 : -headStart;
  for (let i = start; i <= end; i++) {
    const x = stat[i]!;
    y[i] = x;
    cl[i] = centre;
    if (active[i] === 1) {
      // A value on the centre scores 0 even when σ is 0 (a constant process); off it, ±∞ then.
      const d = x - centre;
      const z = d === 0 ? 0 : d / (sized ? sigma / Math.sqrt(sizes[i]!) : sigma);
      pos = Math.max(0, pos + z - k);
      neg = Math.min(0, neg + z + k); // = −max(0, −neg − z − k), without a −0
      if (pos > h) found.push([i, 1]);
      if (neg < -h) found.push([i, -1]);
    }
    upper[i] = pos;
    lower[i] = neg;
  }
  return found;
}
