/**
 * Runs analysis of one phase against its centre line.
 *
 * A point is useful when it has a value, is not excluded, and is not on the centre line; points on
 * the centre line are left out of the runs analysis (Perla, Provost & Murray 2011; Anhøj 2015 and
 * qicharts2 do the same). A run is a maximal sequence of useful points on the same side; the
 * number of crossings is runs − 1.
 */
export interface RunsStats {
  nObs: number;
  nUseful: number;
  runs: number;
  crossings: number;
  longestRun: number;
  /** Indices of the first and last point of the (first) longest run, or -1. */
  longestRunStart: number;
  longestRunEnd: number;
  longestRunSide: 1 | -1 | 0;
}

/** Side of each value against a centre: 1 above, -1 below, 0 on the line or not active. */
export function sideOf(y: number, centre: number): 1 | -1 | 0 {
  return y > centre ? 1 : y < centre ? -1 : 0;
}

/**
 * Count runs, crossings and the longest run over points `start..end` (inclusive). `active[i]` is 1
 * for points with a value that are not excluded. With `shiftRuns`, every run of at least
 * `shiftLength` points is noted there as start, end, side: the shifts of IHI rule 1 with points
 * on the centre line skipped (see `findShifts` and `shiftsOfRuns`), found in the same pass.
 */
export function runsStats(y: Float64Array, active: Uint8Array, start: number, end: number, centre: number, shiftRuns: number[] | null = null, shiftLength = 0): RunsStats {
  let nObs = 0;
  let nUseful = 0;
  let runs = 0;
  let side: 1 | -1 | 0 = 0;
  let runLength = 0;
  let runStart = -1;
  let longestRun = 0;
  let longestRunStart = -1;
  let longestRunEnd = -1;
  let longestRunSide: 1 | -1 | 0 = 0;
  let last = -1;
  for (let i = start; i <= end; i++) {
    if (active[i] === 0) continue;
    nObs++;
    const s = sideOf(y[i]!, centre);
    if (s === 0) continue;
    nUseful++;
    if (s !== side) {
      if (shiftRuns !== null && side !== 0 && runLength >= shiftLength) shiftRuns.push(runStart, last, side);
      runs++;
      side = s;
      runLength = 0;
      runStart = i;
    }
    runLength++;
    last = i;
    if (runLength > longestRun) {
      longestRun = runLength;
      longestRunStart = runStart;
      longestRunEnd = last;
      longestRunSide = s;
    }
  }
  if (shiftRuns !== null && side !== 0 && runLength >= shiftLength) shiftRuns.push(runStart, last, side);
  return { nObs, nUseful, runs, crossings: runs > 0 ? runs - 1 : 0, longestRun, longestRunStart, longestRunEnd, longestRunSide };
}

/** The runs counts of a chart's phase (both chart kinds): useful observations and runs. */
export function runsCounts(stats: RunsStats): { nUseful: number; runs: number } {
  return { nUseful: stats.nUseful, runs: stats.runs };
}

/** The longest run and crossings of a chart's phase, with Anhøj's limits for them (null without a verdict). */
export function anhoejFields(stats: RunsStats, verdict: { longestRunMax: number; crossingsMin: number } | null) {
  return { longestRun: stats.longestRun, longestRunMax: verdict?.longestRunMax ?? null, crossings: stats.crossings, crossingsMin: verdict?.crossingsMin ?? null };
}

/** The Anhøj fields of a phase without a centre: nothing counted. */
export const NO_ANHOEJ = { longestRun: 0, longestRunMax: null, crossings: 0, crossingsMin: null } as const;
