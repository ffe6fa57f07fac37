import { phaseColumn } from "../engine/phases.js";
import type { Points } from "./readPoints.js";
import { RUN_RULE_MASK } from "./ruleBits.js";
import type { RunChartColumns, RunChartPhase, RunChartPoint, XValue } from "./types.js";

// The result step of a run chart: the per-point output as point objects or as columns.

/** What the per-point output is built from. */
export interface PointState {
  pts: Points;
  phaseOut: readonly RunChartPhase[];
  centres: Float64Array;
  baselineMask: Uint8Array;
  excluded: Uint8Array;
  active: Uint8Array;
  ruleBits: Uint8Array;
}

/** The result's points, one object each. */
export function buildPoints(state: PointState): RunChartPoint[] {
  const { pts, phaseOut, centres, baselineMask, excluded, active, ruleBits } = state;
  const { n, y } = pts;
  const points: RunChartPoint[] = new Array(n);
  let phase = 0;
  const notes = pts.notes;
  const xs = pts.x;
  const xKeys = pts.xKeys;
  for (let i = 0; i < n; i++) {
    while (i > phaseOut[phase]!.end) phase++;
    const v = y[i]!;
    const c = centres[i]!;
    const point: RunChartPoint = {
      index: i,
      x: xs !== null ? xs[i]! : xKeys !== null ? xKeys[i]! : i + 1,
      y: Number.isNaN(v) ? null : v,
      centre: Number.isNaN(c) ? null : c,
      phase,
      baseline: baselineMask[i] === 1,
      excluded: excluded[i] === 1,
      useful: active[i] === 1 && !Number.isNaN(c) && v !== c,
      signals: RUN_RULE_MASK.list(ruleBits[i]!),
    };
    if (notes !== null) point.note = notes[i];
    points[i] = point;
  }
  return points;
}

/** The result's points as columns: y, the exclusions, centres, baseline and rule bits were allocated for the result. */
export function buildColumns(state: PointState): RunChartColumns {
  const { pts, phaseOut, centres, baselineMask, excluded, active, ruleBits } = state;
  const { n, y } = pts;
  const phase = phaseColumn(phaseOut, n);
  const useful = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = centres[i]!;
    const v = y[i]!;
    useful[i] = active[i] === 1 && !Number.isNaN(c) && v !== c ? 1 : 0;
  }
  let x: XValue[] | Float64Array;
  if (pts.kind === "date") x = pts.x!;
  else if (pts.xKeys !== null) x = pts.xKeysOwned && pts.xKeys.length === n ? pts.xKeys : Float64Array.from(pts.xKeys.subarray(0, n));
  else if (pts.x !== null) x = Float64Array.from(pts.x as number[]);
  else {
    x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = i + 1;
  }
  const columns: RunChartColumns = {
    length: n,
    x,
    y, // finite or NaN (readNumbers rejects ±Infinity); allocated for the result
    centre: centres,
    phase,
    baseline: baselineMask,
    excluded,
    useful,
    signals: ruleBits,
  };
  if (pts.notes !== null) columns.note = pts.notes;
  return columns;
}
