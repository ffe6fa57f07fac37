/** Deterministic test series (no randomness): monthly ISO dates from January 2024. */
export function months(n: number, startYear = 2024): string[] {
  return Array.from({ length: n }, (_, i) => `${startYear + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`);
}

/** A series that rises after a baseline: 12 points around 40, then 12 around 60. */
export const RISE = [41, 38, 44, 40, 37, 42, 39, 43, 36, 41, 40, 38, 52, 58, 61, 57, 63, 60, 59, 64, 62, 58, 61, 65];

/** Counts and denominators that vary (p and u charts). */
export const COUNTS = [12, 15, 9, 14, 11, 13, 16, 10, 12, 14, 22, 25, 24, 27, 23, 26];
export const DENOMINATORS = [40, 52, 31, 45, 38, 41, 55, 30, 43, 47, 50, 58, 49, 60, 52, 55];

export const HOSTILE = `</svg><script>alert(1)</script> & "quotes" 'apos'`;
