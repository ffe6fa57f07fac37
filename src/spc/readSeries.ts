import { valueof } from "../_lib/accessor.js";
import { HEAP, type Arena } from "../_lib/arena.js";
import { QiError, describeValue, type QiIssue } from "../_lib/error.js";
import { channelName, firstDuplicate, readNumbers, readX, xValueAt, type XKind } from "../_lib/series.js";
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
}

const NONE = new Float64Array(0);

const WITH_N: readonly ControlChartType[] = ["p", "pp", "u", "up", "np"];
const SUBGROUPS: readonly ControlChartType[] = ["xbar", "s", "r"];
const SUMMED: readonly ControlChartType[] = ["p", "pp", "u", "up", "c", "np"];
/** Individuals, or subgroups (one-value subgroups allowed) when rows share an x. */
const SEQUENTIAL: readonly ControlChartType[] = ["cusum", "ewma"];

/**
 * Read and check the rows. Rows sharing an x form a subgroup (xbar, s) or are summed (counts and
 * denominators of p, pp, u, up, c, as qicharts2); for i, mr, g and t two rows with the same x are
 * an error. Every bad row is reported (QiError `issues`): denominators missing or ≤ 0, counts
 * above denominators (p, pp), negative counts, times ≤ 0 (t), subgroups of one value (xbar, s).
 *
 * Scratch arrays come from `arena` (one analysis: they must not reach the result); the value,
 * size, mean and sd arrays from `output`, which is the arena too unless the caller keeps them for
 * a columnar result. Rows already in strictly increasing x order with no notes are the common
 * case: their arrays are used as they are, without a copy per point.
 */
export function readSeries<T>(data: readonly T[], options: ControlChartOptions<T>, type: ControlChartType, arena: Arena = HEAP, output: Arena = arena): Series {
  if (data.length === 0) throw new QiError("empty-data", ["data"], "controlChart needs at least one row");
  const xt = readX(data, options.x, arena);
  const y = readNumbers(data, options.y, "y", true, output);
  // An ip chart takes denominators when given (nᵢ = 1 otherwise).
  const needsN = WITH_N.includes(type) || (type === "ip" && options.n !== undefined);
  if (needsN && options.n === undefined) {
    throw new QiError("invalid-option", ["options", "n"], `a ${type} chart needs denominators: give n as a field name or an accessor`);
  }
  const nRow = needsN ? readNumbers(data, options.n, "n", true, output) : null;
  const yName = channelName(options.y, "y");
  const nName = channelName(options.n, "n");
  const issues: QiIssue[] = [];
  const issue = (code: string, row: number, name: string, message: string): void => {
    if (issues.length < 100) issues.push({ code, path: ["data", row, name], message });
  };
  const proportion = type === "p" || type === "pp" || type === "np";
  const times = type === "t";
  const subgroups = SUBGROUPS.includes(type) || (SEQUENTIAL.includes(type) && firstDuplicate(xt) !== null);
  const summed = SUMMED.includes(type);
  const counts = summed || type === "g";
  for (let r = 0; r < data.length; r++) {
    const v = y[r]!;
    if (nRow !== null) {
      const d = nRow[r]!;
      if (!Number.isNaN(v) && Number.isNaN(d)) issue("invalid-denominator", r, nName, `row ${r} has a count (${v}) but no denominator n`);
      else if (!Number.isNaN(d) && !(d > 0)) issue("invalid-denominator", r, nName, `denominators must be greater than 0; row ${r} has n = ${d}`);
      else if (proportion && v > d) issue("count-above-denominator", r, yName, `row ${r} has ${v} cases out of ${d}: a proportion cannot be above 1`);
    }
    if (Number.isNaN(v)) continue;
    if (times && !(v > 0)) issue("invalid-time", r, yName, `times between events must be greater than 0; row ${r} has ${v}`);
    else if (counts && v < 0) issue("negative-count", r, yName, `counts cannot be negative; row ${r} has ${v}`);
  }

  const groups = xt.groupStarts.length - 1;
  // cusum and ewma checked for duplicates above (they make subgroups).
  const duplicate = !subgroups && !summed && !SEQUENTIAL.includes(type) ? firstDuplicate(xt) : null;
  if (duplicate !== null) {
    const [a, b] = duplicate;
    throw new QiError(
      "duplicate-x",
      ["data", b, channelName(options.x, "x")],
      `rows ${a} and ${b} have the same x (${describeValue(xValueAt(xt, a))}); a ${type} chart has one value per x (use an xbar or s chart for subgroups)`,
    );
  }
  const noteOf = options.notes === undefined ? null : valueof(options.notes, "notes");
  if (xt.simple && !subgroups && noteOf === null && issues.length === 0) {
    // One row per point, already in x order: the rows' arrays are the points' arrays (a
    // denominator without a count is dropped, as below).
    if (nRow !== null) for (let g = 0; g < groups; g++) if (Number.isNaN(y[g]!)) nRow[g] = Number.NaN;
    let x: XValue[] | Float64Array;
    if (xt.values !== null) x = xt.values as XValue[];
    else if (xt.kind === "index") {
      x = new Float64Array(groups);
      for (let g = 0; g < groups; g++) x[g] = g + 1;
    } else x = xt.keys.slice(0, groups); // a copy: keys live in the arena
    return { n: groups, kind: xt.kind, x, days: xt.days, value: y, size: nRow ?? NONE, mean: NONE, sd: NONE, range: NONE, notes: null };
  }
  const x: XValue[] = new Array(groups);
  const days = xt.days === null ? null : arena.f64(groups);
  const value = output.f64(groups);
  const size = needsN || subgroups ? output.f64(groups).fill(Number.NaN) : NONE;
  const mean = subgroups ? output.f64(groups).fill(Number.NaN) : NONE;
  const sd = subgroups ? output.f64(groups).fill(Number.NaN) : NONE;
  const range = subgroups ? output.f64(groups).fill(Number.NaN) : NONE;
  const single = SEQUENTIAL.includes(type);
  const notes = noteOf === null ? null : new Array<unknown>(groups);
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
        k++;
        const d = v - m;
        m += d / k;
        s2 += d * (v - m);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
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
    if (!summed || to - from === 1) {
      value[g] = y[first]!;
      if (nRow !== null) size[g] = Number.isNaN(value[g]!) ? Number.NaN : nRow[first]!;
      continue;
    }
    let sv = 0;
    let sn = 0;
    let any = false;
    for (let j = from; j < to; j++) {
      const r = xt.order[j]!;
      const v = y[r]!;
      if (Number.isNaN(v)) continue;
      any = true;
      sv += v;
      if (nRow !== null) sn += nRow[r]!;
    }
    value[g] = any ? sv : Number.NaN;
    if (nRow !== null) size[g] = any ? sn : Number.NaN;
  }
  if (issues.length > 0) {
    const f = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length === 2 ? "" : "s"})` : "";
    throw new QiError(f.code, f.path, `${f.message}${more}`, issues);
  }
  return { n: groups, kind: xt.kind, x, days, value, size, mean, sd, range, notes };
}
