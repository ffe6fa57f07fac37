/**
 * R's `round(x, 2)` (R ≥ 4.0.0): of the two 2-decimal neighbours of x, the nearer as doubles;
 * an exact tie goes to the even last digit (IEC 60559). Used for SHMI rounding of expected values.
 */
export function roundHalfEven2(x: number): number {
  const scaled = x * 100;
  const f = Math.floor(scaled);
  const lo = f / 100;
  const hi = (f + 1) / 100;
  if (lo === x) return x;
  const dLo = x - lo;
  const dHi = hi - x;
  if (dLo < dHi) return lo;
  if (dHi < dLo) return hi;
  return f % 2 === 0 ? lo : hi;
}
