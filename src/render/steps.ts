import { px } from "./number.js";

/** @internal The stretch of points a line belongs to. */
export interface StepPhase {
  start: number;
  end: number;
  /** Points that set the line (null when it was fixed, not computed: drawn solid throughout). */
  baselineStart: number | null;
  baselineEnd: number | null;
}

/** @internal Polylines of a stepped line, split by style. */
export interface StepLines {
  solid: Array<Array<[number, number]>>;
  dashed: Array<Array<[number, number]>>;
}

/**
 * @internal A per-point line (centre, limit) over a phase as horizontal steps: each point's value
 * spans from halfway to its previous point to halfway to its next (from the point itself at the
 * phase's ends), so a constant value is one straight line from the first to the last point and
 * varying limits (p and u charts with varying denominators) step at the midpoints. Solid over the
 * baseline (the points that set it), dashed beyond it; null values break the line. A phase of one
 * point gets a short tick ±8 px.
 */
export function stepLines(phase: StepPhase, xs: readonly number[], values: readonly (number | null)[], y: (v: number) => number): StepLines {
  const out: StepLines = { solid: [], dashed: [] };
  const fixed = phase.baselineStart === null || phase.baselineEnd === null;
  const inBase = (i: number): boolean => fixed || (i >= phase.baselineStart! && i <= phase.baselineEnd!);
  let current: Array<[number, number]> | null = null;
  let currentSolid = false;
  const add = (x0: number, x1: number, v: number, solid: boolean): void => {
    if (x1 <= x0 && !(x0 === x1 && phase.start === phase.end)) return;
    const yy = y(v);
    if (current !== null && currentSolid === solid) {
      const last = current[current.length - 1]!;
      if (Math.abs(last[0] - x0) < 1e-9) {
        if (Math.abs(last[1] - yy) < 1e-9) last[0] = x1;
        else current.push([x0, yy], [x1, yy]);
        return;
      }
    }
    const prev = current;
    current = [[x0, yy], [x1, yy]];
    // Keep solid and dashed parts joined where the style changes at a step.
    if (prev !== null && Math.abs(prev[prev.length - 1]![0] - x0) < 1e-9 && Math.abs(prev[prev.length - 1]![1] - yy) > 1e-9) current.unshift([x0, prev[prev.length - 1]![1]]);
    currentSolid = solid;
    (solid ? out.solid : out.dashed).push(current);
  };
  for (let i = phase.start; i <= phase.end; i++) {
    const v = values[i];
    const x = xs[i]!;
    if (v === null || v === undefined || !Number.isFinite(v)) {
      current = null;
      continue;
    }
    if (phase.start === phase.end) {
      add(x - 8, x + 8, v, inBase(i));
      continue;
    }
    const left = i === phase.start ? x : (xs[i - 1]! + x) / 2;
    const right = i === phase.end ? x : (x + xs[i + 1]!) / 2;
    add(left, x, v, inBase(i) && (i === phase.start || inBase(i - 1)));
    add(x, right, v, inBase(i) && (i === phase.end || inBase(i + 1)));
  }
  return out;
}

/** @internal SVG path data for polylines. */
export function polylinePath(lines: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): string {
  return lines.map((pts) => pts.map((p, k) => `${k === 0 ? "M" : "L"}${px(p[0])},${px(p[1])}`).join("")).join("");
}
