import { valueof } from "../_lib/accessor.js";
import { HEAP, type Arena } from "../_lib/arena.js";
import { QiError, describeValue, type QiIssue } from "../_lib/error.js";
import { enumOption } from "../_lib/options.js";
import { aheadOf, channelName, firstDuplicate, isColumnOf, readNumbers, readX, xValueAt, type ReadAhead, type XKind, type XTable } from "../_lib/series.js";
import { combine, COMBINE, sharedXWarning, type Combine } from "../engine/combine.js";
import { gatherValues, pointHeads, sumDenominators } from "../engine/series.js";
import { resolvePeriod } from "../engine/period.js";
import type { XPeriod, XValue } from "../engine/types.js";
import type { ControlChartOptions, ControlChartType } from "./types.js";

/** The series a control chart plots, one entry per point (distinct x), before limits. */
export interface Series {
  n: number;
  kind: XKind;
  /** x of each point: numbers (and observation numbers) as a Float64Array; dates as given. */
  x: XValue[] | Float64Array;
  days: Float64Array | null;
  /** The period each dated point stands for (resolvePeriod); null when x is not dates. */
  period: XPeriod | null;
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
  /**
   * The caller's row (index in `data`) of point g, for error paths: its first row with a value,
   * or its first row when none has one. It reads the x table, which may live in the analysis'
   * arena: call it during the analysis only.
   */
  rowOf: (g: number) => number;
  /** The name of the n channel in error paths (`"n"` for an accessor or a column). */
  nName: string;
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
  // y and n given by field name are read in readX's pass over the rows (see ReadAhead); n only
  // for the chart types that may take it (readRows reports the others).
  const yAhead = aheadOf(options.y, data.length, output);
  const nAhead = NO_N.includes(type) ? null : aheadOf(options.n, data.length, output);
  // The x keys of a columnar result come from `output`: in order, they are its x column as they are.
  const xt = readX(data, options.x, arena, [yAhead, nAhead].filter((a): a is ReadAhead => a !== null), output);
  const rows = readRows(data, options, type, output, yAhead, nAhead);
  // cusum and ewma make subgroups only when rows share an x: one scan answers that and the duplicate check below.
  const sequentialDuplicate = SEQUENTIAL.includes(type) ? firstDuplicate(xt) : null;
  const subgroups = SUBGROUPS.includes(type) || sequentialDuplicate !== null;
  const how = combineRule(options.aggregate, type, rows.nRow !== null, subgroups);
  const issues: QiIssue[] = [];
  checkRows(rows, type, issues);
  const duplicate = subgroups || how !== null ? null : SEQUENTIAL.includes(type) ? sequentialDuplicate : firstDuplicate(xt);
  if (duplicate !== null) duplicateX(xt, duplicate, options, type);
  sharedXWarnings(xt, options, type, subgroups, how, rows, warnings);
  const noteOf = options.notes === undefined ? null : valueof(options.notes, "notes");
  const identityCombine = how === null || how === "ratio" || how === "sum" || how === "mean" || how === "median";
  if (xt.simple && !subgroups && identityCombine && noteOf === null && issues.length === 0) return withPeriod(rowsAsPoints(xt, rows, output !== arena), options.period);
  const series = combineRows(data, xt, rows, { type, subgroups, how, identityCombine, noteOf }, arena, output, issues);
  if (issues.length > 0) {
    const f = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length === 2 ? "" : "s"})` : "";
    throw new QiError(f.code, f.path, `${f.message}${more}`, issues);
  }
  return withPeriod(series, options.period);
}

/** The series with the period its dated points stand for (the `period` option, checked against the dates). */
function withPeriod(s: Omit<Series, "period">, option: unknown): Series {
  return { ...s, period: resolvePeriod(option, s.kind, s.days) };
}

/** The rows' values and denominators, as read (one entry per row, NaN for a blank). */
interface Rows {
  y: Float64Array;
  nRow: Float64Array | null;
  perN: boolean;
  yName: string;
  nName: string;
  /** nRow is the caller's column (issue #18): copied before it is written to. */
  nColumn: boolean;
}

/** Read y, and n where the chart type takes denominators (an error where it needs them and has none, or has none to take). */
function readRows<T>(data: readonly T[], options: ControlChartOptions<T>, type: ControlChartType, output: Arena, yAhead: ReadAhead | null, nAhead: ReadAhead | null): Rows {
  const y = readNumbers(data, options.y, "y", true, output, yAhead);
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
  const nRow = hasN ? readNumbers(data, options.n, "n", true, output, nAhead) : null;
  return { y, nRow, perN: hasN && type !== "np", yName: channelName(options.y, "y"), nName: channelName(options.n, "n"), nColumn: nRow !== null && isColumnOf(nRow, options.n, data) };
}

function addIssue(issues: QiIssue[], code: QiIssue["code"], row: number, name: string, message: string): void {
  if (issues.length < 100) issues.push({ code, path: ["data", row, name], message });
}

/** Every bad row (up to 100): denominators missing or ≤ 0, counts above denominators (p, pp, np), negative counts, times ≤ 0 (t). */
function checkRows(rows: Rows, type: ControlChartType, issues: QiIssue[]): void {
  const { y, nRow, yName, nName } = rows;
  const proportion = type === "p" || type === "pp" || type === "np";
  const times = type === "t";
  const counts = nRow !== null || type === "c" || type === "g";
  for (let r = 0; r < y.length; r++) {
    const v = y[r]!;
    if (nRow !== null) {
      const d = nRow[r]!;
      // The common row first: a count and a denominator that pass every check below (one test of
      // a few comparisons; the chain of checks per row took 3–5× as long on a million rows).
      if (d > 0 && v >= 0 && (!proportion || v <= d) && (!times || v > 0) && Number.isFinite(v / d)) continue;
      if (!Number.isNaN(v) && Number.isNaN(d)) addIssue(issues, "invalid-denominator", r, nName, `row ${r} has a count (${v}) but no denominator n`);
      else if (!Number.isNaN(d) && !(d > 0)) addIssue(issues, "invalid-denominator", r, nName, `denominators must be greater than 0; row ${r} has n = ${d}`);
      else if (proportion && v > d) addIssue(issues, "count-above-denominator", r, yName, `row ${r} has ${v} cases out of ${d}: a proportion cannot be above 1`);
      // A denominator so small that the rate is not a finite number (n = 5e-324): the point would vanish while its count entered the centre (issue #18).
      else if (!Number.isNaN(v) && !Number.isNaN(d) && !Number.isFinite(v / d)) addIssue(issues, "invalid-denominator", r, nName, `row ${r} has n = ${d}, too small: ${v} / n is not a finite number`);
    }
    if (Number.isNaN(v)) continue;
    if (times && !(v > 0)) addIssue(issues, "invalid-time", r, yName, `times between events must be greater than 0; row ${r} has ${v}`);
    else if (counts && v < 0) addIssue(issues, "negative-count", r, yName, `counts cannot be negative; row ${r} has ${v}`);
  }
}

function duplicateX<T>(xt: XTable, [a, b]: [number, number], options: ControlChartOptions<T>, type: ControlChartType): never {
  throw new QiError(
    "duplicate-x",
    ["data", b, channelName(options.x, "x")],
    `rows ${a} and ${b} have the same x (${describeValue(xValueAt(xt, a))}); ${/^[aeiou]|^(mr|np|s|x)/.test(type) ? "an" : "a"} ${type} chart has one value per x: give aggregate ("mean", "median", "sum", "count" or "sd") to combine them, or use an xbar or s chart for subgroups`,
  );
}

/** A `rows-combined` warning whenever rows that share an x are combined (for xbar and s charts too, naming the subgroups). */
function sharedXWarnings<T>(xt: XTable, options: ControlChartOptions<T>, type: ControlChartType, subgroups: boolean, how: Combine | "ratio" | null, rows: Rows, warnings: { code: string; message: string }[]): void {
  const hasN = rows.nRow !== null;
  let shared = null;
  if (subgroups) shared = sharedXWarning(xt, "subgroup", `${type} chart`, rows.y, options.period);
  else if (how !== null) {
    const why = options.aggregate !== undefined ? `aggregate: "${how}"` : hasN ? "as qicharts2 with a denominator" : `the c chart's default, as qicharts2; give aggregate (${COMBINE.slice(0, -1).map((c) => `"${c}"`).join(", ")} or "${COMBINE.at(-1)}") to choose`;
    shared = sharedXWarning(xt, how, why, rows.y, options.period);
  }
  if (shared !== null) warnings.push(shared);
}

/**
 * One row per point, already in x order: the rows' arrays are the points' arrays (a denominator
 * without a count is dropped, as in combineRows); so are the x keys when `keysOwned` (allocated
 * for the result, not in the arena).
 */
function rowsAsPoints(xt: XTable, rows: Rows, keysOwned: boolean): Omit<Series, "period"> {
  const { y, perN } = rows;
  const groups = xt.groups;
  let nRow = rows.nRow;
  if (nRow !== null) {
    for (let g = 0; g < groups; g++) {
      if (!Number.isNaN(y[g]!) || Number.isNaN(nRow[g]!)) continue;
      if (rows.nColumn) nRow = Float64Array.from(nRow); // the caller's column is never written to
      for (let k = g; k < groups; k++) if (Number.isNaN(y[k]!)) nRow[k] = Number.NaN;
      break;
    }
  }
  let x: XValue[] | Float64Array;
  if (xt.values !== null) x = xt.values as XValue[];
  else if (keysOwned && xt.keys.length === groups) x = xt.keys; // numbers or observation numbers, allocated for the result
  else if (xt.kind === "index") {
    x = new Float64Array(groups);
    for (let g = 0; g < groups; g++) x[g] = g + 1;
  } else x = xt.keys.slice(0, groups); // a copy: keys live in the arena
  return { n: groups, kind: xt.kind, x, days: xt.days, value: y, size: nRow ?? NONE, mean: NONE, sd: NONE, range: NONE, notes: null, perN, rowOf: (g) => g, nName: rows.nName };
}

/** How combineRows makes a point of the rows that share its x. */
interface Combining<T> {
  type: ControlChartType;
  subgroups: boolean;
  how: Combine | "ratio" | null;
  identityCombine: boolean;
  noteOf: ((d: T, i: number, data: readonly T[]) => unknown) | null;
}

/** One point per distinct x: a subgroup's statistics, or the rows' values combined (Σy / Σn with denominators). */
function combineRows<T>(data: readonly T[], xt: XTable, rows: Rows, c: Combining<T>, arena: Arena, output: Arena, issues: QiIssue[]): Omit<Series, "period"> {
  const { y, nRow } = rows;
  const groups = xt.groups;
  const { x, days, notes } = pointHeads(data, xt, c.noteOf, arena);
  const value = output.f64(groups);
  const size = nRow !== null || c.subgroups ? output.f64(groups).fill(Number.NaN) : NONE;
  const sub = c.subgroups ? { mean: output.f64(groups).fill(Number.NaN), sd: output.f64(groups).fill(Number.NaN), range: output.f64(groups).fill(Number.NaN) } : null;
  const single = SEQUENTIAL.includes(c.type);
  let scratch: Float64Array | undefined;
  for (let g = 0; g < groups; g++) {
    const from = xt.groupStarts[g]!;
    const to = xt.groupStarts[g + 1]!;
    const first = xt.order[from]!;
    if (sub !== null) {
      value[g] = Number.NaN;
      const k = subgroupInto(y, xt.order, from, to, g, size, sub, single);
      if (k === 1 && !single) {
        addIssue(issues, "subgroup-too-small", first, rows.yName, `the subgroup at x = ${describeValue(x[g])} has one value; ${c.type} charts need subgroups of at least 2 (use an i chart for single values)`);
      }
    } else if (to - from === 1 && c.identityCombine) {
      value[g] = y[first]!;
      if (nRow !== null) size[g] = Number.isNaN(value[g]!) ? Number.NaN : nRow[first]!;
    } else {
      scratch ??= arena.f64(xt.length);
      const m = gatherValues(y, xt.order, from, to, scratch);
      value[g] = combine(scratch, m, c.how === "ratio" || c.how === null ? "sum" : c.how);
      if (c.how === "ratio" && m === 0) value[g] = Number.NaN;
      if (nRow !== null) size[g] = m > 0 ? sumDenominators(y, nRow, xt.order, from, to) : Number.NaN;
    }
  }
  return { n: groups, kind: xt.kind, x, days, value, size, mean: sub?.mean ?? NONE, sd: sub?.sd ?? NONE, range: sub?.range ?? NONE, notes, perN: rows.perN, rowOf: (g) => firstRowOf(xt, y, g), nName: rows.nName };
}

/** The first row of point g (in x order, as the engine keeps rows that share an x) that has a value; its first row when none has. */
function firstRowOf(xt: XTable, y: Float64Array, g: number): number {
  const from = xt.groupStarts[g]!;
  const to = xt.groupStarts[g + 1]!;
  for (let j = from; j < to; j++) if (!Number.isNaN(y[xt.order[j]!]!)) return xt.order[j]!;
  return xt.order[from]!;
}

/**
 * A subgroup's size, mean, sample standard deviation (Welford's update, one pass) and range,
 * written at point g; returns how many values it has. A single value is a subgroup of one on
 * cusum and ewma charts (`single`); elsewhere the caller reports it.
 */
function subgroupInto(
  y: Float64Array,
  order: ArrayLike<number>,
  from: number,
  to: number,
  g: number,
  size: Float64Array,
  sub: { mean: Float64Array; sd: Float64Array; range: Float64Array },
  single: boolean,
): number {
  let k = 0;
  let m = 0;
  let s2 = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let j = from; j < to; j++) {
    const v = y[order[j]!]!;
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    k++;
    const d = v - m;
    m += d / k;
    s2 += d * (v - m);
  }
  if (k === 1 && single) {
    size[g] = 1;
    sub.mean[g] = m;
  } else if (k > 1) {
    size[g] = k;
    sub.mean[g] = m;
    sub.sd[g] = Math.sqrt(s2 / (k - 1));
    sub.range[g] = hi - lo;
  }
  return k;
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
