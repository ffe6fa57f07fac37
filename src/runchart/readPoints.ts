import { valueof, type Accessor } from "../_lib/accessor.js";
import type { Arena } from "../_lib/arena.js";
import { QiError, describeValue } from "../_lib/error.js";
import { enumOption } from "../_lib/options.js";
import { aheadOf, channelName, firstDuplicate, isColumnOf, readNumbers, readX, xValueAt, type ReadAhead, type XKind } from "../_lib/series.js";
import { combine, COMBINE, sharedXWarning } from "../engine/combine.js";
import { gatherValues, pointHeads, sumDenominators } from "../engine/series.js";
import type { RunChartOptions, RunChartWarning, XValue } from "./types.js";

// The series step of a run chart: rows → points in x order, one per distinct x.

/** The series after ordering by x and combining duplicate x values. */
export interface Points {
  n: number;
  kind: XKind;
  /** x of each point; null when `xKeys` holds them (numbers) or for the observation number (i + 1). */
  x: XValue[] | null;
  /** Numeric x of each point (one row per point, already in order; the observation numbers too when `xKeysOwned`); else null. */
  xKeys: Float64Array | null;
  /** True when `xKeys` was allocated for the result (`keep`), not in the arena: a columnar result takes it as its x column. */
  xKeysOwned: boolean;
  days: Float64Array | null;
  y: Float64Array;
  notes: unknown[] | null;
}

/**
 * `keep` allocates the y array (a column of a columnar result); `arena` everything else.
 *
 * With `n`, each point is y / n, as qicharts2 plots a run chart with a denominator; rows that
 * share an x give Σy / Σn (qicharts2 0.8.1 `qic.agg`: `y.sum / n` when n is given, `agg.fun`
 * otherwise). Without `n`, rows that share an x are combined by `aggregate`; either way a
 * `rows-combined` warning says how many and how.
 */
export function readPoints<T>(data: readonly T[], options: RunChartOptions<T>, arena: Arena, keep: Arena, warnings: RunChartWarning[]): Points {
  if (data.length === 0) throw new QiError("empty-data", ["data"], "runChart needs at least one row");
  // y and n given by field name are read in readX's pass over the rows (see ReadAhead).
  const yAhead = aheadOf(options.y, data.length, options.n === undefined ? keep : arena);
  const nAhead = aheadOf(options.n, data.length, arena);
  // The x keys of a columnar result come from `keep`: in order, they are its x column as they are.
  const xt = readX(data, options.x, arena, [yAhead, nAhead].filter((a): a is ReadAhead => a !== null), keep);
  const yRow = readNumbers(data, options.y, "y", true, options.n === undefined ? keep : arena, yAhead);
  const nRow = options.n === undefined ? null : readDenominators(data, options.n, yRow, arena, nAhead);
  const noteOf = options.notes === undefined ? null : valueof(options.notes, "notes");
  const groups = xt.groups;
  const identity = xt.simple;
  const aggregate = options.aggregate === undefined ? undefined : enumOption(options.aggregate, COMBINE, ["options", "aggregate"]);
  if (nRow !== null && aggregate !== undefined && aggregate !== "sum") {
    throw new QiError("invalid-option", ["options", "aggregate"], `with n, rows that share an x are combined as Σy / Σn (as qicharts2): aggregate must be "sum" or left out, not "${aggregate}"`);
  }
  const duplicate = aggregate === undefined && nRow === null ? firstDuplicate(xt) : null;
  if (duplicate !== null) {
    const [a, b] = duplicate;
    throw new QiError(
      "duplicate-x",
      ["data", b, channelName(options.x, "x")],
      `rows ${a} and ${b} have the same x (${describeValue(xValueAt(xt, a))}); give aggregate: "mean", "median", "sum", "count" or "sd" to combine them`,
    );
  }
  const shared = sharedXWarning(xt, nRow !== null ? "ratio" : aggregate ?? "mean", nRow !== null ? "as qicharts2 with a denominator" : `aggregate: "${aggregate}"`, yRow, options.period);
  if (shared !== null) warnings.push(shared);
  if (identity && noteOf === null && (aggregate === undefined || aggregate === "sum" || aggregate === "mean" || aggregate === "median")) {
    // Already in strictly increasing x order: nothing to reorder or combine (a single value's
    // count is 1 and its sd NaN, so those still go the long way).
    // The caller's column (issue #18) is never scaled in place: multiply gets a copy.
    const scaled = options.multiply !== undefined && options.multiply !== 1 && isColumnOf(yRow, options.y, data);
    const y = nRow !== null ? ratio(yRow, nRow, keep.f64(groups)) : scaled ? Float64Array.from(yRow) : yRow;
    const owned = keep !== arena;
    const xKeys = xt.kind === "number" || (owned && xt.kind === "index") ? xt.keys : null;
    return { n: groups, kind: xt.kind, x: xt.values === null ? null : (xt.values as XValue[]), xKeys, xKeysOwned: owned, days: xt.days, y, notes: null };
  }
  const { x, days, notes } = pointHeads(data, xt, noteOf, arena);
  const y = keep.f64(groups);
  const scratch = arena.f64(Math.max(1, xt.length));
  for (let g = 0; g < groups; g++) {
    const from = xt.groupStarts[g]!;
    const to = xt.groupStarts[g + 1]!;
    const m = gatherValues(yRow, xt.order, from, to, scratch);
    if (nRow !== null) y[g] = m === 0 ? Number.NaN : combine(scratch, m, "sum") / sumDenominators(yRow, nRow, xt.order, from, to);
    else y[g] = combine(scratch, m, aggregate ?? "mean");
  }
  return { n: groups, kind: xt.kind, x, xKeys: null, xKeysOwned: false, days, y, notes };
}

/**
 * The denominators of a run chart with `n`: every row with a value needs a denominator above 0
 * (as a control chart's p and u rows); a row without a value may have none.
 */
function readDenominators<T>(data: readonly T[], channel: Accessor<T, unknown> | Float64Array, y: Float64Array, arena: Arena, ahead: ReadAhead | null): Float64Array {
  const n = readNumbers(data, channel, "n", true, arena, ahead);
  const name = channelName(channel, "n");
  for (let r = 0; r < n.length; r++) {
    const v = y[r]!;
    const d = n[r]!;
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(d)) throw new QiError("invalid-denominator", ["data", r, name], `row ${r} has a value (${v}) but no denominator n`);
    if (!(d > 0)) throw new QiError("invalid-denominator", ["data", r, name], `denominators must be greater than 0; row ${r} has n = ${d}`);
  }
  return n;
}

/** out[i] = y[i] / n[i]. */
function ratio(y: Float64Array, n: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = y[i]! / n[i]!;
  return out;
}


/** y × multiply in place; a product too large for a number is an error rather than Infinity. */
export function scaleValues(y: Float64Array, n: number, multiply: number): void {
  for (let i = 0; i < n; i++) {
    const v = y[i]! * multiply;
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      throw new QiError("out-of-range", ["options", "multiply"], `multiply ${multiply} makes point ${i + 1} (${y[i]}) too large to represent`);
    }
    y[i] = v;
  }
}

