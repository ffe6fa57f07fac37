import { valueof } from "../_lib/accessor.js";
import { HEAP, type Arena } from "../_lib/arena.js";
import { QiError, describeValue, type QiIssue } from "../_lib/error.js";
import { enumOption } from "../_lib/options.js";
import { channelName, firstDuplicate, readNumbers, readX, xValueAt, type XKind } from "../_lib/series.js";
import { combine, COMBINE, sharedXWarning, type Combine } from "../runchart/combine.js";
import type { XValue } from "../runchart/types.js";
import type { ControlChartOptions, ControlChartType } from "./types.js";

/** The series a control chart plots, one entry per point (distinct x), before limits. */
export interface Series {
  n: number;
  kind: XKind;
  /** x of each point: numbers (and observation numbers) as a Float64Array; dates as given. */
  x: XValue[] | Float64Array;
  days: Float64Array | null;
  /** Raw value: measurement, or the count summed over rows sharing the x (p, pp, u, up, c). NaN = gap. */
  value: Float64Array;
  /** Denominator (p, pp, u, up) or subgroup size (xbar, s), NaN where missing; empty for the other types. */
  size: Float64Array;
  /** Subgroup mean and standard deviation (xbar, s, r; cusum and ewma with subgroups); empty for the other types. */
  mean: Float64Array;
  sd: Float64Array;
  /** Subgroup range, max − min (xbar, s, r; cusum and ewma with subgroups); empty for the other types. */
  range: Float64Array;
  notes: unknown[] | null;
  /** True when each point is y / n: p, pp, u, up charts, and i and ip charts given `n` (as qicharts2); not np (a count). */
  perN: boolean;
}

const NONE = new Float64Array(0);

const WITH_N: readonly ControlChartType[] = ["p", "pp", "u", "up", "np"];
const SUBGROUPS: readonly ControlChartType[] = ["xbar", "s", "r"];
/** Individuals, or subgroups (one-value subgroups allowed) when rows share an x. */
const SEQUENTIAL: readonly ControlChartType[] = ["cusum", "ewma"];
/** Chart types that take no denominator (an i chart may have one: it then plots y / n; an ip chart too). */
const NO_N: readonly string[] = ["mr", "xbar", "s", "r", "c", "g", "t", "i-median", "i-median-mr", "cusum", "ewma"];

/**
 * Read and check the rows. Rows sharing an x form a subgroup (xbar, s) or are combined into one
 * point: with a denominator (p, pp, u, up, and i given `n`) their counts and denominators are
 * summed, Σy / Σn (qicharts2 0.8.1 `qic.agg`); a c chart sums them by default (qicharts2's c
 * chart plots `y.sum`); for i, mr, g and t two rows with the same x are an error unless
 * `aggregate` says how to combine them. Whenever rows are combined, a `rows-combined` warning is
 * pushed onto `warnings` (for xbar and s charts too, naming the subgroups). Every bad row is reported (QiError `issues`): denominators missing or
 * ≤ 0, counts above denominators (p, pp), negative counts, times ≤ 0 (t), subgroups of one value
 * (xbar, s).
 *
 * Scratch arrays come from `arena` (one analysis: they must not reach the result); the value,
 * size, mean and sd arrays from `output`, which is the arena too unless the caller keeps them for
 * a columnar result. Rows already in strictly increasing x order with no notes are the common
 * case: their arrays are used as they are, without a copy per point.
 */
export function readSeries<T>(
  data: readonly T[],
  options: ControlChartOptions<T>,
  type: ControlChartType,
  arena: Arena = HEAP,
  output: Arena = arena,
  warnings: { code: string; message: string; points?: number[] }[] = [],
): Series {
  if (data.length === 0) throw new QiError("empty-data", ["data"], "controlChart needs at least one row");
  const xt = readX(data, options.x, arena);
  const y = readNumbers(data, options.y, "y", true, output);
  // An ip chart takes denominators when given (nᵢ = 1 otherwise).
  const needsN = WITH_N.includes(type) || (type === "ip" && options.n !== undefined);
  if (needsN && options.n === undefined) {
    throw new QiError("invalid-option", ["options", "n"], `a ${type} chart needs denominators: give n as a field name or an accessor`);
  }
  if (options.n !== undefined && NO_N.includes(type)) {
    throw new QiError("invalid-option", ["options", "n"], `a ${type} chart has no denominator: n is for p, pp, u and up charts, and for i charts of y / n`);
  }
  const hasN = needsN || options.n !== undefined;
  // An np chart plots the count itself; every other chart with denominators plots y / n.
  const perN = hasN && type !== "np";
  const nRow = hasN ? readNumbers(data, options.n, "n", true, output) : null;
  const yName = channelName(options.y, "y");
  const nName = channelName(options.n, "n");
  // cusum and ewma make subgroups only when rows share an x: one scan answers that and the duplicate check below.
  const sequentialDuplicate = SEQUENTIAL.includes(type) ? firstDuplicate(xt) : null;
  const subgroups = SUBGROUPS.includes(type) || sequentialDuplicate !== null;
  const how = combineRule(options.aggregate, type, hasN, subgroups);
  const issues: QiIssue[] = [];
  const issue = (code: QiIssue["code"], row: number, name: string, message: string): void => {
    if (issues.length < 100) issues.push({ code, path: ["data", row, name], message });
  };
  const proportion = type === "p" || type === "pp" || type === "np";
  const times = type === "t";
  const counts = hasN || type === "c" || type === "g";
  for (let r = 0; r < data.length; r++) {
    const v = y[r]!;
    if (nRow !== null) {
      const d = nRow[r]!;
      if (!Number.isNaN(v) && Number.isNaN(d)) issue("invalid-denominator", r, nName, `row ${r} has a count (${v}) but no denominator n`);
      else if (!Number.isNaN(d) && !(d > 0)) issue("invalid-denominator", r, nName, `denominators must be greater than 0; row ${r} has n = ${d}`);
      else if (proportion && v > d) issue("count-above-denominator", r, yName, `row ${r} has ${v} cases out of ${d}: a proportion cannot be above 1`);
      // A denominator so small that the rate is not a finite number (n = 5e-324): the point would vanish while its count entered the centre (issue #18).
      else if (!Number.isNaN(v) && !Number.isNaN(d) && !Number.isFinite(v / d)) issue("invalid-denominator", r, nName, `row ${r} has n = ${d}, too small: ${v} / n is not a finite number`);
    }
    if (Number.isNaN(v)) continue;
    if (times && !(v > 0)) issue("invalid-time", r, yName, `times between events must be greater than 0; row ${r} has ${v}`);
    else if (counts && v < 0) issue("negative-count", r, yName, `counts cannot be negative; row ${r} has ${v}`);
  }

  const groups = xt.groupStarts.length - 1;
  const duplicate = subgroups || how !== null ? null : SEQUENTIAL.includes(type) ? sequentialDuplicate : firstDuplicate(xt);
  if (duplicate !== null) {
    const [a, b] = duplicate;
    throw new QiError(
      "duplicate-x",
      ["data", b, channelName(options.x, "x")],
      `rows ${a} and ${b} have the same x (${describeValue(xValueAt(xt, a))}); a ${type} chart has one value per x: give aggregate ("mean", "median", "sum", "count" or "sd") to combine them, or use an xbar or s chart for subgroups`,
    );
  }
  if (subgroups) {
    const shared = sharedXWarning(xt, "subgroup", `${type} chart`);
    if (shared !== null) warnings.push(shared);
  } else if (how !== null) {
    const why = options.aggregate !== undefined ? `aggregate: "${how}"` : hasN ? "as qicharts2 with a denominator" : "the c chart's default, as qicharts2; give aggregate to choose";
    const shared = sharedXWarning(xt, how, why);
    if (shared !== null) warnings.push(shared);
  }
  const noteOf = options.notes === undefined ? null : valueof(options.notes, "notes");
  const identityCombine = how === null || how === "ratio" || how === "sum" || how === "mean" || how === "median";
  if (xt.simple && !subgroups && identityCombine && noteOf === null && issues.length === 0) {
    // One row per point, already in x order: the rows' arrays are the points' arrays (a
    // denominator without a count is dropped, as below).
    if (nRow !== null) for (let g = 0; g < groups; g++) if (Number.isNaN(y[g]!)) nRow[g] = Number.NaN;
    let x: XValue[] | Float64Array;
    if (xt.values !== null) x = xt.values as XValue[];
    else if (xt.kind === "index") {
      x = new Float64Array(groups);
      for (let g = 0; g < groups; g++) x[g] = g + 1;
    } else x = xt.keys.slice(0, groups); // a copy: keys live in the arena
    return { n: groups, kind: xt.kind, x, days: xt.days, value: y, size: nRow ?? NONE, mean: NONE, sd: NONE, range: NONE, notes: null, perN };
  }
  const x: XValue[] = new Array(groups);
  const days = xt.days === null ? null : arena.f64(groups);
  const value = output.f64(groups);
  const size = hasN || subgroups ? output.f64(groups).fill(Number.NaN) : NONE;
  const mean = subgroups ? output.f64(groups).fill(Number.NaN) : NONE;
  const sd = subgroups ? output.f64(groups).fill(Number.NaN) : NONE;
  const range = subgroups ? output.f64(groups).fill(Number.NaN) : NONE;
  const single = SEQUENTIAL.includes(type);
  const notes = noteOf === null ? null : new Array<unknown>(groups);
  let scratch: Float64Array | undefined;
  for (let g = 0; g < groups; g++) {
    const from = xt.groupStarts[g]!;
    const to = xt.groupStarts[g + 1]!;
    const first = xt.order[from]!;
    x[g] = xt.kind === "index" ? g + 1 : xValueAt(xt, first);
    if (days !== null) days[g] = xt.days![first]!;
    if (notes !== null) {
      let note: unknown = undefined;
      for (let j = from; j < to && (note === undefined || note === null || note === ""); j++) note = noteOf!(data[xt.order[j]!]!, xt.order[j]!, data);
      notes[g] = note;
    }
    if (subgroups) {
      // Subgroup mean and sample standard deviation (Welford's update, one pass).
      let k = 0;
      let m = 0;
      let s2 = 0;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let j = from; j < to; j++) {
        const v = y[xt.order[j]!]!;
        if (Number.isNaN(v)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
        k++;
        const d = v - m;
        m += d / k;
        s2 += d * (v - m);
      }
      value[g] = Number.NaN;
      if (k === 1 && single) {
        size[g] = 1;
        mean[g] = m;
      } else if (k === 1) {
        issue("subgroup-too-small", first, yName, `the subgroup at x = ${describeValue(x[g])} has one value; ${type} charts need subgroups of at least 2 (use an i chart for single values)`);
      } else if (k > 1) {
        size[g] = k;
        mean[g] = m;
        sd[g] = Math.sqrt(s2 / (k - 1));
        range[g] = hi - lo;
      }
      continue;
    }
    if (to - from === 1 && identityCombine) {
      value[g] = y[first]!;
      if (nRow !== null) size[g] = Number.isNaN(value[g]!) ? Number.NaN : nRow[first]!;
      continue;
    }
    let m = 0;
    let sn = 0;
    scratch ??= arena.f64(xt.length);
    for (let j = from; j < to; j++) {
      const r = xt.order[j]!;
      const v = y[r]!;
      if (Number.isNaN(v)) continue;
      scratch[m++] = v;
      if (nRow !== null) sn += nRow[r]!;
    }
    value[g] = combine(scratch, m, how === "ratio" || how === null ? "sum" : how);
    if (how === "ratio" && m === 0) value[g] = Number.NaN;
    if (nRow !== null) size[g] = m > 0 ? sn : Number.NaN;
  }
  if (issues.length > 0) {
    const f = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length === 2 ? "" : "s"})` : "";
    throw new QiError(f.code, f.path, `${f.message}${more}`, issues);
  }
  return { n: groups, kind: xt.kind, x, days, value, size, mean, sd, range, notes, perN };
}

/**
 * How rows that share an x become one point, or null when they may not (duplicate x is then an
 * error): `"ratio"` (Σy / Σn) with a denominator; the `aggregate` given; `"sum"` for a c chart
 * by default (qicharts2). xbar and s charts take such rows as a subgroup, so aggregate is an
 * error there, as is any aggregate but "sum" with a denominator.
 */
function combineRule(option: unknown, type: ControlChartType, withN: boolean, subgroups: boolean): Combine | "ratio" | null {
  const aggregate = option === undefined ? undefined : enumOption(option, COMBINE, ["options", "aggregate"]);
  if (subgroups && aggregate !== undefined) {
    throw new QiError("invalid-option", ["options", "aggregate"], `a ${type} chart takes the rows that share an x as one subgroup; aggregate does not apply (use an i chart with aggregate: "${aggregate}")`);
  }
  if (withN) {
    if (aggregate !== undefined && aggregate !== "sum") {
      throw new QiError("invalid-option", ["options", "aggregate"], `with denominators, rows that share an x are combined as Σy / Σn (as qicharts2): aggregate must be "sum" or left out, not "${aggregate}"`);
    }
    return "ratio";
  }
  if (aggregate !== undefined) return aggregate;
  return type === "c" ? "sum" : null;
}
