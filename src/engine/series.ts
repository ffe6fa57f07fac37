import type { Arena } from "../_lib/arena.js";
import { xValueAt, type XTable } from "../_lib/series.js";
import type { XValue } from "./types.js";

// Series reading shared by every chart. The kernels (reading x and numeric channels, ordering,
// finding rows that share an x) are in _lib/series.ts; how rows sharing an x are combined is in
// combine.ts.

/**
 * The note of the point made of rows `order[from..to-1]`: the first that is not blank
 * (undefined, null or "").
 */
export function firstNote<T>(noteOf: (d: T, i: number, data: readonly T[]) => unknown, data: readonly T[], order: ArrayLike<number>, from: number, to: number): unknown {
  let note: unknown = undefined;
  for (let j = from; j < to && (note === undefined || note === null || note === ""); j++) note = noteOf(data[order[j]!]!, order[j]!, data);
  return note;
}

/** The x, calendar day and note of each point (rows that share an x are one point). */
export interface PointHeads {
  x: XValue[];
  days: Float64Array | null;
  notes: unknown[] | null;
}

/**
 * x, day and note of each point, from its first row in x order (the observation number for
 * `kind: "index"`); the days in `arena`.
 */
export function pointHeads<T>(data: readonly T[], xt: XTable, noteOf: ((d: T, i: number, data: readonly T[]) => unknown) | null, arena: Arena): PointHeads {
  const groups = xt.groups;
  const x: XValue[] = new Array(groups);
  const days = xt.days === null ? null : arena.f64(groups);
  const notes = noteOf === null ? null : new Array<unknown>(groups);
  for (let g = 0; g < groups; g++) {
    const from = xt.groupStarts[g]!;
    const first = xt.order[from]!;
    x[g] = xt.kind === "index" ? g + 1 : xValueAt(xt, first);
    if (days !== null) days[g] = xt.days![first]!;
    if (notes !== null) notes[g] = firstNote(noteOf!, data, xt.order, from, xt.groupStarts[g + 1]!);
  }
  return { x, days, notes };
}

/** Copy the values (not NaN) of rows `order[from..to-1]` into scratch; returns how many. */
export function gatherValues(y: Float64Array, order: ArrayLike<number>, from: number, to: number, scratch: Float64Array): number {
  let m = 0;
  for (let j = from; j < to; j++) {
    const v = y[order[j]!]!;
    if (!Number.isNaN(v)) scratch[m++] = v;
  }
  return m;
}

/** Σn over the rows `order[from..to-1]` that have a value (Σy / Σn, qicharts2 0.8.1 `qic.agg`). */
export function sumDenominators(y: Float64Array, n: Float64Array, order: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let j = from; j < to; j++) {
    const r = order[j]!;
    if (!Number.isNaN(y[r]!)) sum += n[r]!;
  }
  return sum;
}
