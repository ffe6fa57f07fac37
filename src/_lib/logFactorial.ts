let table: Float64Array | undefined;

/**
 * ln(n!) for a non-negative integer n. Exact products up to 170! (the largest factorial a double
 * holds), then Stirling's series with four correction terms (Abramowitz & Stegun 6.1.41), whose
 * truncation error at n > 170 is below 1e-20. The table is built on first use, not at import.
 */
export function logFactorial(n: number): number {
  if (n < 0) return Number.NaN;
  if (n <= 170) {
    if (table === undefined) {
      table = new Float64Array(171);
      let f = 1;
      for (let i = 1; i <= 170; i++) {
        f *= i;
        table[i] = Math.log(f);
      }
    }
    return table[n]!;
  }
  const n2 = n * n;
  return (
    n * Math.log(n) -
    n +
    0.5 * Math.log(2 * Math.PI * n) +
    1 / (12 * n) -
    1 / (360 * n * n2) +
    1 / (1260 * n * n2 * n2) -
    1 / (1680 * n * n2 * n2 * n2)
  );
}

/** ln C(n, k); −Infinity when k is outside 0..n. */
export function logChoose(n: number, k: number): number {
  return logChooseOf(logFactorial(n), n, k);
}

/**
 * {@link logChoose} given `lnN` = ln n! already: for sums over k with n fixed (the runs
 * distribution's limits), where ln n! would otherwise be looked up once per term.
 */
export function logChooseOf(lnN: number, n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  return lnN - logFactorial(k) - logFactorial(n - k);
}
