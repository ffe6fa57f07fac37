import { medianInPlace } from "../_lib/median.js";
import { sideOf } from "../engine/runs.js";
import type { RephaseOption } from "./types.js";
import type { Required2 } from "../engine/internal.js";

/** A stretch of points with its own median after automatic re-phasing. */
export interface RephaseSegment {
  start: number;
  baselineStart: number;
  baselineEnd: number;
  centre: number;
  sustained: boolean;
}

/**
 * Automatic re-phasing of the median, as NHS Scotland teams do it and runcharter implements it
 * (runcharter 0.2, NHS Highland; the PACE programme's "sustained shift" practice): the first
 * `baselinePoints` values set the median; from the next point on, each run of `runLength`
 * consecutive values on the chosen side of the current median is a sustained shift that starts a
 * new segment, whose median is the median of the run's own values; the search then resumes after
 * the run against the new median. Points on the median break a run (runcharter tests strictly
 * above or below) unless `onCentre` is `"skip"`. Missing and excluded points are skipped.
 * Returns null when the phase has fewer than `baselinePoints` values.
 */
export function rephaseSegments(
  y: Float64Array,
  active: Uint8Array,
  start: number,
  end: number,
  options: Required2<RephaseOption>,
  scratch: Float64Array,
): RephaseSegment[] | null {
  let m = 0;
  let baselineEnd = -1;
  for (let i = start; i <= end && m < options.baselinePoints; i++) {
    if (active[i] === 0) continue;
    scratch[m++] = y[i]!;
    baselineEnd = i;
  }
  if (m < options.baselinePoints) return null;
  let centre = medianInPlace(scratch, m);
  const segments: RephaseSegment[] = [{ start, baselineStart: start, baselineEnd, centre, sustained: false }];
  let side: 1 | -1 | 0 = 0;
  let count = 0;
  let runStart = -1;
  for (let i = baselineEnd + 1; i <= end; i++) {
    if (active[i] === 0) continue;
    const s = sideOf(y[i]!, centre);
    const wanted = s !== 0 && (options.side === "both" || (options.side === "above" ? s === 1 : s === -1));
    if (s === 0 && options.onCentre === "skip") continue;
    if (!wanted) {
      side = 0;
      count = 0;
      continue;
    }
    if (s !== side) {
      side = s;
      count = 0;
      runStart = i;
    }
    count++;
    if (count === options.runLength) {
      let k = 0;
      for (let j = runStart; j <= i; j++) if (active[j] === 1 && (options.onCentre === "break" || sideOf(y[j]!, centre) !== 0)) scratch[k++] = y[j]!;
      centre = medianInPlace(scratch, k);
      segments.push({ start: runStart, baselineStart: runStart, baselineEnd: i, centre, sustained: true });
      side = 0;
      count = 0;
    }
  }
  return segments;
}
