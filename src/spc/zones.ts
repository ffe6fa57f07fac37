import { sideOf } from "../engine/runs.js";
import type { ZoneRule } from "./types.js";
import type { Required2 } from "../engine/internal.js";

/** The chart's lines as the zone rules read them, for every point (plotted scale). */
export interface Lines {
  cl: Float64Array;
  ucl: Float64Array;
  lcl: Float64Array;
  ucl2: Float64Array;
  lcl2: Float64Array;
  u1: Float64Array;
  l1: Float64Array;
}

/** A pattern found by a zone rule: its first and last point, the points that make it, and the side. */
export interface ZoneFound {
  start: number;
  end: number;
  points: number[];
  side: 1 | -1;
}

/** The active points of `start..end`, in order. */
export function activeIndices(active: Uint8Array, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i <= end; i++) if (active[i] === 1) out.push(i);
  return out;
}

function zoneLine(lines: Lines, sigma: number, upper: boolean): Float64Array {
  if (sigma === 3) return upper ? lines.ucl : lines.lcl;
  if (sigma === 2) return upper ? lines.ucl2 : lines.lcl2;
  return upper ? lines.u1 : lines.l1;
}

/**
 * k of m consecutive points beyond the `sigma` line on the same side of the centre line: Western
 * Electric Handbook (1956) rules 2 and 3, Nelson (1984) tests 5 and 6, Provost & Murray rule 4.
 * The `mdc` variant follows NHSRplotthedots 0.2.2: only points between the 2-sigma line and the
 * process limits count, and all m points must be strictly on the same side of the mean. The
 * signal's points are the points beyond the line inside qualifying windows ("in zone A or
 * beyond", Western Electric 1956 and Nelson 1984 test 5; "near a control limit", Provost &
 * Murray 2011 rule 4), and it runs from the first of them to the last; overlapping windows on
 * the same side make one signal.
 */
export function findZoneSignals(y: Float64Array, idx: readonly number[], lines: Lines, rule: Required2<ZoneRule>): ZoneFound[] {
  const m = idx.length;
  const flag = new Int8Array(m);
  const side = new Int8Array(m);
  const upper = zoneLine(lines, rule.sigma, true);
  const lower = zoneLine(lines, rule.sigma, false);
  for (let j = 0; j < m; j++) {
    const i = idx[j]!;
    const v = y[i]!;
    side[j] = sideOf(v, lines.cl[i]!);
    const outside = v > lines.ucl[i]! || v < lines.lcl[i]!;
    if (rule.variant === "mdc" && outside) continue;
    flag[j] = v > upper[i]! ? 1 : v < lower[i]! ? -1 : 0;
  }
  const found: ZoneFound[] = [];
  let current: { side: 1 | -1; startPos: number; endPos: number; points: Set<number> } | null = null;
  const close = (): void => {
    if (current === null) return;
    const points = [...current.points].sort((a, b) => a - b);
    // The pattern is its points beyond the line, so it runs from the first to the last of them:
    // a qualifying window's other point(s) may lie anywhere (even across the centre line), and a
    // range that began or ended there named a month that is no part of the signal (user trial 14).
    found.push({ start: points[0]!, end: points[points.length - 1]!, points, side: current.side });
    current = null;
  };
  let plus = 0;
  let minus = 0;
  let sidePlus = 0;
  let sideMinus = 0;
  const w = rule.window;
  for (let j = 0; j < m; j++) {
    if (flag[j] === 1) plus++;
    else if (flag[j] === -1) minus++;
    if (side[j] === 1) sidePlus++;
    else if (side[j] === -1) sideMinus++;
    if (j >= w) {
      const o = j - w;
      if (flag[o] === 1) plus--;
      else if (flag[o] === -1) minus--;
      if (side[o] === 1) sidePlus--;
      else if (side[o] === -1) sideMinus--;
    }
    if (j < w - 1) continue;
    const from = j - w + 1;
    for (const s of [1, -1] as const) {
      const count = s === 1 ? plus : minus;
      if (count < rule.count) continue;
      if (rule.variant === "mdc" && (s === 1 ? sidePlus : sideMinus) !== w) continue;
      if (current !== null && (current.side !== s || from > current.endPos)) close();
      if (current === null) current = { side: s, startPos: from, endPos: j, points: new Set() };
      current.endPos = j;
      for (let k = from; k <= j; k++) if (flag[k] === s) current.points.add(idx[k]!);
    }
  }
  close();
  return found;
}

/** A run of consecutive points meeting a condition. */
export interface RunFound {
  start: number;
  end: number;
  points: number[];
}

/**
 * Runs of at least `length` consecutive points for which `test(i)` holds: 15 in the inner third
 * (within 1σ; Provost & Murray rule 5; Nelson test 7), or 8 beyond 1σ on either side (Nelson test 8).
 */
export function findRunsWhere(idx: readonly number[], length: number, test: (i: number) => boolean): RunFound[] {
  const found: RunFound[] = [];
  let from = -1;
  const close = (to: number): void => {
    if (from >= 0 && to - from + 1 >= length) found.push({ start: idx[from]!, end: idx[to]!, points: idx.slice(from, to + 1) });
    from = -1;
  };
  for (let j = 0; j < idx.length; j++) {
    if (test(idx[j]!)) {
      if (from < 0) from = j;
    } else close(j - 1);
  }
  close(idx.length - 1);
  return found;
}

/**
 * Nelson's test 8, mixture: `length` points in a row more than 1σ from the centre line with
 * points on both sides of it (Nelson 1984: "eight points in a row on both sides of the centerline
 * with none in zone C"; qcc and Minitab read it the same way). Eight points beyond 1σ all on one
 * side are a shift, not a mixture. Each maximal run of points beyond 1σ is read window by window:
 * the points of every window of `length` with both sides present form the signal (consecutive
 * such windows join into one).
 */
export function findMixture(y: Float64Array, idx: readonly number[], length: number, lines: Pick<Lines, "cl" | "u1" | "l1">): RunFound[] {
  const found: RunFound[] = [];
  const beyond = findRunsWhere(idx, length, (i) => y[i]! > lines.u1[i]! || y[i]! < lines.l1[i]!);
  for (const run of beyond) {
    const pts = run.points;
    // above[j] = 1 when point j of the run is above the centre line.
    const above = pts.map((i) => (y[i]! > lines.cl[i]! ? 1 : 0));
    let ups = 0;
    for (let j = 0; j < length; j++) ups += above[j]!;
    let from = -1;
    let to = -1;
    const flush = (): void => {
      if (from >= 0) found.push({ start: pts[from]!, end: pts[to]!, points: pts.slice(from, to + 1) });
      from = -1;
    };
    for (let w = 0; w + length <= pts.length; w++) {
      if (w > 0) ups += above[w + length - 1]! - above[w - 1]!;
      if (ups > 0 && ups < length) {
        if (from < 0 || w > to) {
          flush();
          from = w;
        }
        to = w + length - 1;
      }
    }
    flush();
  }
  return found;
}

/**
 * Runs of at least `length` consecutive points alternating up and down (Nelson 1984, test 4: 14
 * in a row). Equal neighbours end the alternation.
 */
export function findAlternating(y: Float64Array, idx: readonly number[], length: number): RunFound[] {
  const found: RunFound[] = [];
  let from = 0;
  let prevDir = 0;
  const close = (to: number): void => {
    if (to - from + 1 >= length) found.push({ start: idx[from]!, end: idx[to]!, points: idx.slice(from, to + 1) });
  };
  for (let j = 1; j < idx.length; j++) {
    const d = Math.sign(y[idx[j]!]! - y[idx[j - 1]!]!);
    if (d !== 0 && d === -prevDir) {
      prevDir = d;
      continue;
    }
    close(j - 1);
    from = d === 0 ? j : j - 1;
    prevDir = d;
  }
  if (idx.length > 0) close(idx.length - 1);
  return found;
}
