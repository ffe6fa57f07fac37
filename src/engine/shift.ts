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
 */
export function findShifts(y: Float64Array, active: Uint8Array, start: number, end: number, centre: number, rule: Required2<ShiftRule>): ShiftFound[] {
  const found: ShiftFound[] = [];
  let side: 1 | -1 | 0 = 0;
  let first = -1;
  let last = -1;
  let count = 0;
  const close = (): void => {
    if (side === 0 || count < rule.length) return;
    const points: number[] = [];
    for (let k = first; k <= last; k++) if (active[k] === 1 && sideOf(y[k]!, centre) === side) points.push(k);
    found.push({ start: first, end: last, points, side });
  };
  for (let i = start; i <= end; i++) {
    if (active[i] === 0) continue;
    const s = sideOf(y[i]!, centre);
    if (s === 0) {
      if (rule.onCentre === "break") {
        close();
        side = 0;
        count = 0;
      }
      continue;
    }
    if (s !== side) {
      close();
      side = s;
      first = i;
      count = 0;
    }
    count++;
    last = i;
  }
  close();
  return found;
}
