// Synthetic series shared by the benchmarks (bench/run.mjs, bench/pairwise.mjs): one generator,
// so the pairwise comparison times exactly the data `npm run bench` times.

/** A seeded linear congruential generator (Numerical Recipes' constants): uniforms in [0, 1). */
export function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** n rows of a whole-number measure around 100 (x = 1…n): the rows of a run or i chart. */
export function series(n, rand) {
  const rows = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = { x: i + 1, y: Math.round(100 + 20 * (rand() + rand() + rand() - 1.5)) };
  return rows;
}

/**
 * Counts out of denominators 50–150, about 20 % of each (a sum of three uniforms around the
 * binomial mean and standard deviation, clipped to 0..n): the rows of a p or u chart.
 */
export function proportions(n, rand) {
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = 50 + Math.floor(rand() * 101);
    const c = Math.round(0.2 * d + 2 * Math.sqrt(0.16 * d) * (rand() + rand() + rand() - 1.5));
    rows[i] = { x: i + 1, y: Math.max(0, Math.min(d, c)), n: d };
  }
  return rows;
}
