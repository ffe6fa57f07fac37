/**
 * EWMA of one phase, as qcc 3.0 `ewma()` (Roberts 1959, Technometrics 1:239–250; Montgomery,
 * Introduction to Statistical Quality Control, section 9.2): z₀ = centre,
 * zₜ = λ·x̄ₜ + (1 − λ)·zₜ₋₁, limits centre ± L·σ/√nₜ·√(λ/(2 − λ)·(1 − (1 − λ)²ᵗ)) — the exact,
 * time-varying limits that open like a funnel — or, with `exact` false, the asymptotic
 * centre ± L·σ/√nₜ·√(λ/(2 − λ)). t counts the points used (missing and excluded points, active 0,
 * keep z and t as they were and do not signal; a missing point has no limits). A point signals
 * when zₜ is outside its limits (strictly). Returns the signalling points with their side.
 */
export function ewmaLines(
  stat: Float64Array, sizes: Float64Array, active: Uint8Array, start: number, end: number,
  centre: number, sigma: number, lambda: number, width: number, exact: boolean,
  lines: { y: Float64Array; centre: Float64Array; ucl: Float64Array; lcl: Float64Array },
): [number, 1 | -1][] {
  const found: [number, 1 | -1][] = [];
  const sized = sizes.length > 0;
  const { y, ucl, lcl } = lines;
  const cl = lines.centre;
  const ratio = lambda / (2 - lambda);
  const keep = (1 - lambda) * (1 - lambda);
  let z = centre;
  let decay = 1; // (1 − λ)^(2t)
  for (let i = start; i <= end; i++) {
    cl[i] = centre;
    const x = stat[i]!;
    if (active[i] === 1) {
      z += lambda * (x - z); // = λx + (1 − λ)z, and exactly z when x is z (a constant series stays on its centre)
      decay *= keep;
    }
    if (x !== x) {
      y[i] = Number.NaN;
      continue;
    }
    y[i] = z;
    const se = sized ? sigma / Math.sqrt(sizes[i]!) : sigma;
    const half = width * se * Math.sqrt(exact ? ratio * (1 - decay) : ratio);
    ucl[i] = centre + half;
    lcl[i] = centre - half;
    if (active[i] === 1) {
      if (z > centre + half) found.push([i, 1]);
      else if (z < centre - half) found.push([i, -1]);
    }
  }
  return found;
}
