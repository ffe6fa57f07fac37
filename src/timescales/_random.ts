/**
 * Private: a small seeded PRNG. mulberry32 (Tommy Ettinger, public-domain 32-bit generator; the
 * constants 0x6D2B79F5 and the xorshift-multiply finaliser are its published definition), written
 * here from that description. Deterministic for a seed in every JavaScript engine: it uses only
 * 32-bit integer operations.
 */
export type Random = () => number;

/** Uniform [0, 1) generator for a seed (any number; reduced to 32 bits). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by the Box–Muller transform (Box & Muller 1958). */
export function normal(rand: Random): number {
  let u = rand();
  while (u === 0) u = rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal with the given median and log-scale standard deviation. */
export function logNormal(rand: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rand));
}

/** Index drawn with probability proportional to weights. */
export function pick(rand: Random, cumulative: readonly number[]): number {
  const total = cumulative[cumulative.length - 1]!;
  const u = rand() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
