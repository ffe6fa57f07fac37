import type { Required2 } from "./internal.js";
import type { ShiftRule } from "./types.js";
import { sideOf } from "./runs.js";

/** A run of points on one side of the centre line long enough to be a shift. */
export interface ShiftFound {
  start: number;
  end: number;
  points: number[];
  side: 1 | -1;
}

/**
 * Shifts in points `start..end`: at least `length` consecutive points on one side of the centre
 * line (IHI rule 1: 6 or more; Perla, Provost & Murray 2011, BMJ Qual Saf 20:46–51).
 * Missing and excluded points are skipped. Points on the centre line are skipped
 * (`onCentre: "skip"`, IHI: they "neither add to nor break a shift") or end the run
 * (`onCentre: "break"`, NHS Making Data Count). A shift's points are its off-centre points.
 *
 * With `onCentre: "skip"` a shift is a run of the runs analysis (`runsStats`) of at least
 * `length` points: a caller that counts the runs anyway can collect them there and call
 * {@link shiftsOfRuns} instead, saving a pass over the points.
 */
export function findShifts(y: Float64Array, active: Uint8Array, start: number, end: number, centre: number, rule: Required2<ShiftRule>): ShiftFound[] {
  // The loop keeps its state in locals (no closure over them) and notes each qualifying run as
  // start, end, side; the point lists are built afterwards, for the runs that qualify only.
  const runs: number[] = [];
  const brk = rule.onCentre === "break";
  const length = rule.length;
  let side: 1 | -1 | 0 = 0;
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = start; i <= end; i++) {
    if (active[i] === 0) continue;
    const s = sideOf(y[i]!, centre);
    if (s === 0) {
      if (brk) {
        if (side !== 0 && count >= length) runs.push(first, last, side);
        side = 0;
        count = 0;
      }
      continue;
    }
    if (s !== side) {
      if (side !== 0 && count >= length) runs.push(first, last, side);
      side = s;
      first = i;
      count = 0;
    }
    count++;
    last = i;
  }
  if (side !== 0 && count >= length) runs.push(first, last, side);
  return shiftsOfRuns(y, active, centre, runs);
}

/** The shifts of runs noted as start, end, side (1 above, −1 below): each with its off-centre active points. */
export function shiftsOfRuns(y: Float64Array, active: Uint8Array, centre: number, runs: readonly number[]): ShiftFound[] {
  const found: ShiftFound[] = [];
  for (let r = 0; r < runs.length; r += 3) {
    const first = runs[r]!;
    const last = runs[r + 1]!;
    const side = runs[r + 2] as 1 | -1;
    // Counted first, then written into an array of that length: a list grown by push holds at
    // least 17 slots, and a long chart keeps tens of thousands of these lists.
    let count = 0;
    for (let k = first; k <= last; k++) if (active[k] === 1 && sideOf(y[k]!, centre) === side) count++;
    const points = new Array<number>(count);
    for (let k = first, j = 0; j < count; k++) if (active[k] === 1 && sideOf(y[k]!, centre) === side) points[j++] = k;
    found.push({ start: first, end: last, points, side });
  }
  return found;
}
