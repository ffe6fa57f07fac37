import { formatIsoDay, parseIsoDay, toDayNumber } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, enumOption, objectOption } from "../_lib/options.js";
import { TIMESCALE_SERIES_KEYS } from "./_optionKeys.js";
import { medianInPlace } from "../_lib/median.js";
import { dayReader, type DateOrder } from "./dates.js";
import { periodEnd, periodIndex, periodKey, periodLabel, periodStart, type PeriodKey, type PeriodUnit } from "./_period.js";
import type { DurationRow, StageDurations } from "./stageDurations.js";
import { normaliseTarget, targetDaysOf, type StageTarget, type TargetRule } from "./target.js";

/** The {@link timescaleSeries} options. */
export interface TimescaleSeriesOptions {
  /** How an `asOf` string is written (see {@link readDate}); ISO always reads. Default `"iso"`. */
  dates?: DateOrder;
  /**
   * - `"case"` (default): one point per completed case in order of completion (the classic PACE
   *   run chart);
   * - `"period"`: per month/quarter of completion;
   * - `"cohort"`: per month/quarter of entering the stage;
   * - `"between"`: days between consecutive completions (for g/t charts).
   */
  series?: "case" | "period" | "cohort" | "between";
  /**
   * Period for `"period"` and `"cohort"`: `"month"` (default), `"quarter"`, `"financial-year"`
   * (1 April – 31 March), `"clas-year"` (1 August – 31 July, the Children Looked After
   * Statistics year) or `"year"` (from `yearStartMonth`).
   */
  period?: PeriodUnit;
  /** First month (1–12) of a `period: "year"`. Default 1 (calendar years). */
  yearStartMonth?: number;
  /**
   * What `y` holds in the `"period"` series: `"median"` (default), `"mean"`, `"withinTarget"`
   * (count, pair with `n` for a p chart) or `"pctWithinTarget"`.
   */
  y?: "median" | "mean" | "withinTarget" | "pctWithinTarget";
  /**
   * Target: days (`182` or `{ days: 182 }`) or calendar months from each row's start
   * (`{ months: 6 }`). Default: the stage's target (for bare rows, each row's own `target`).
   * Needed for within-target fields and cohorts.
   */
  target?: StageTarget | null;
  /** Censoring date. Default: the durations' `asOf` (or, for bare rows, derived from open rows). */
  asOf?: string | Date;
  /**
   * How exited episodes (status `"exited"`: the child left care before the stage's end) enter
   * "% within target": `"exclude"` (default) leaves them out of the denominator — the share of
   * the children the stage still concerns; `"include"` counts each as not within target. Either
   * way the number of exits is given beside it (`exited`).
   */
  exits?: "exclude" | "include";
  /**
   * What `x` holds: `"string"` (default) the ISO day `YYYY-MM-DD`, plain and JSON-serialisable;
   * `"date"` a Date at that day's UTC midnight, for Observable Plot and d3, which draw Dates on a
   * time axis (ISO strings make an ordinal one). Read such dates in UTC (Plot and d3's `scaleUtc`
   * do); every other date field stays a string.
   */
  x?: "string" | "date";
}

/** A series row with `x` as a UTC-midnight Date (the `x: "date"` option). */
export type WithDateX<R extends { x: string }> = Omit<R, "x"> & { x: Date };

/** A point of the by-case series. */
export interface CaseSeriesRow {
  /** Completion date (`YYYY-MM-DD`). */
  x: string;
  /** Days in the stage. */
  y: number;
  child: string | number;
  episode: string | number;
  start: string;
  /** 0-based order of completion. */
  index: number;
  withinTarget: boolean | null;
}

/** A row of the by-period (completion) series. */
export interface PeriodSeriesRow {
  /** First day of the period (`YYYY-MM-DD`). */
  x: string;
  /** See the `y` option; null when nothing completed in the period. */
  y: number | null;
  /** `2024-03`, `2024-Q1`, `2024` or `2024/25` (a financial or CLAS year). */
  period: string;
  start: string;
  end: string;
  /**
   * The denominator of `pctWithinTarget` (for a p chart): completed in the period, plus the
   * period's exits under `exits: "include"`.
   */
  n: number;
  /** Completed (reached the end milestone) in the period. */
  reached: number;
  /** Episodes that ended (exited) in the period before reaching the end milestone. */
  exited: number;
  median: number | null;
  mean: number | null;
  /** Completed within target (null without a target). */
  withinTarget: number | null;
  pctWithinTarget: number | null;
  /** Cases open (started, neither completed nor exited) at the period's end (or at asOf in the last period). */
  open: number;
  /** True for the period containing asOf, which is not over. */
  partial: boolean;
}

/** A row of the entry-cohort series. */
export interface CohortSeriesRow {
  /** First day of the period of entry. */
  x: string;
  /** Number within target once the cohort's follow-up is complete, else null. */
  y: number | null;
  period: string;
  start: string;
  end: string;
  /**
   * The denominator of `pctWithinTarget` (for a p chart): the children entering the stage in the
   * period less those who exited (under the default `exits: "exclude"`), or all of them.
   */
  n: number;
  /** Children entering the stage in the period. */
  entered: number;
  /** Completed so far (any time). */
  completed: number;
  /** Exited so far: the episode ended before the end milestone. */
  exited: number;
  /** Completed within target so far. */
  withinTarget: number;
  /** Percentage within target, once complete; else null. */
  pctWithinTarget: number | null;
  /** Still open at asOf (neither completed nor exited). */
  open: number;
  /** True when the period is over and every child's deadline (start + target) is on or before asOf. */
  complete: boolean;
}

/** A row of the between-completions series (t chart). */
export interface BetweenSeriesRow {
  /** Completion date. */
  x: string;
  /** Days since the previous completion. */
  y: number;
  child: string | number;
  episode: string | number;
  previous: string;
  index: number;
}

/**
 * Internal: duration rows with their days as numbers, one typed array per field (no object per
 * row): start day, end day (NaN when censored), exit day (NaN unless exited) and days.
 */
export interface ParsedRows {
  rows: readonly DurationRow[];
  start: Float64Array;
  end: Float64Array;
  exit: Float64Array;
  days: Float64Array;
  /** Known already (paceTimescales): the rows with an end day, ascending, and the range of their starts and ends. */
  done?: CompletedRows;
  /** Known already: the earliest start day. */
  minStart?: number;
}

/** The completed rows (an end day) of a {@link ParsedRows}, ascending, with the range of their days. */
export interface CompletedRows {
  index: Int32Array;
  minStart: number;
  maxStart: number;
  minEnd: number;
  maxEnd: number;
}

/**
 * Internal: the target rule of a series — a days or months rule applied to each row's start,
 * `"rows"` for each row's own `target` (bare rows), or null.
 */
export type SeriesTarget = TargetRule | "rows" | null;

/** Each row's target in days under a series rule (null: no target for the row). */
function rowTargets(rule: SeriesTarget, p: ParsedRows): (i: number) => number | null {
  if (rule === null) return () => null;
  if (rule === "rows") {
    return (i) => {
      const t = p.rows[i]!.target;
      return typeof t === "number" && Number.isFinite(t) ? t : null;
    };
  }
  const of = targetDaysOf(rule);
  return (i) => of(p.start[i]!);
}

function parse(input: StageDurations | readonly DurationRow[], options: TimescaleSeriesOptions): { rows: ParsedRows; asOf: number; target: SeriesTarget } {
  if (input === null || typeof input !== "object") throw new QiError("invalid-value", ["durations"], `durations must be a stageDurations result or its rows, not ${describeValue(input)}`);
  const isResult = !Array.isArray(input);
  const list: readonly DurationRow[] = isResult ? (input as StageDurations).rows : (input as readonly DurationRow[]);
  if (!Array.isArray(list)) throw new QiError("invalid-value", ["durations"], `durations must be a stageDurations result or its rows, not ${describeValue(input)}`);
  const n = list.length;
  const rows: ParsedRows = { rows: list, start: new Float64Array(n), end: new Float64Array(n), exit: new Float64Array(n), days: new Float64Array(n) };
  let derivedAsOf = Number.NEGATIVE_INFINITY;
  let derivedFrom = -1;
  for (let i = 0; i < n; i++) {
    const r = list[i]!;
    const start = typeof r?.start === "string" ? parseIsoDay(r.start) : Number.NaN;
    if (Number.isNaN(start)) throw new QiError("invalid-date", ["durations", i, "start"], `invalid start ${describeValue(r?.start)}`);
    if (typeof r.days !== "number" || !Number.isFinite(r.days)) throw new QiError("invalid-value", ["durations", i, "days"], `invalid days ${describeValue(r.days)}`);
    let end: number | null = null;
    if (!r.censored) {
      end = typeof r.end === "string" ? parseIsoDay(r.end) : Number.NaN;
      if (Number.isNaN(end)) throw new QiError("invalid-date", ["durations", i, "end"], `invalid end ${describeValue(r.end)} for a completed row`);
    }
    const exited = r.status === "exited" || (r.status === undefined && r.exit != null);
    const last = end ?? start + r.days;
    // An exit date is not "now": only open rows and completions tell where the data end.
    if (!exited && last > derivedAsOf) {
      derivedAsOf = last;
      derivedFrom = i;
    }
    rows.start[i] = start;
    rows.end[i] = end ?? Number.NaN;
    rows.exit[i] = exited && end === null ? start + r.days : Number.NaN;
    rows.days[i] = r.days;
  }
  let asOf = derivedAsOf;
  if (options.asOf !== undefined) {
    asOf = dayReader({ ...(options.dates !== undefined ? { dates: options.dates } : {}) })(options.asOf);
    if (Number.isNaN(asOf)) throw new QiError("invalid-date", ["options", "asOf"], `invalid asOf ${describeValue(options.asOf)}`);
  } else if (isResult && (input as StageDurations).asOf != null) {
    asOf = toDayNumber((input as StageDurations).asOf);
    if (Number.isNaN(asOf)) throw new QiError("invalid-date", ["durations", "asOf"], `invalid asOf ${describeValue((input as StageDurations).asOf)}`);
  }
  // Period series run from the first start to asOf: keep asOf within ISO's four-digit years, so a
  // hostile `days` or asOf cannot ask for millions of periods.
  if (Number.isFinite(asOf) && (asOf < MIN_ISO_DAY || asOf > MAX_ISO_DAY)) {
    const path = options.asOf !== undefined ? ["options", "asOf"] : asOf === derivedAsOf && derivedFrom >= 0 ? ["durations", derivedFrom, "days"] : ["durations", "asOf"];
    throw new QiError("invalid-date", path, `asOf ${formatIsoDay(asOf)} is outside the years 0000–9999`);
  }
  let target: SeriesTarget;
  if (options.target !== undefined) target = normaliseTarget(options.target, ["options", "target"]);
  else if (isResult) target = normaliseTarget((input as Partial<StageDurations>).stage?.target ?? null, ["durations", "stage", "target"]);
  else target = list.some((r) => typeof r?.target === "number") ? "rows" : null;
  return { rows, asOf, target };
}

const MIN_ISO_DAY = parseIsoDay("0000-01-01");
const MAX_ISO_DAY = parseIsoDay("9999-12-31");

/** The rows with an end day, ascending, and the range of their days. */
function completedRows(p: ParsedRows): CompletedRows {
  const { start, end } = p;
  const all = new Int32Array(start.length);
  let n = 0;
  let minEnd = Infinity, maxEnd = -Infinity, minStart = Infinity, maxStart = -Infinity;
  for (let i = 0; i < start.length; i++) {
    const e = end[i]!;
    if (Number.isNaN(e)) continue;
    all[n++] = i;
    const s = start[i]!;
    if (e < minEnd) minEnd = e;
    if (e > maxEnd) maxEnd = e;
    if (s < minStart) minStart = s;
    if (s > maxStart) maxStart = s;
  }
  return { index: all.subarray(0, n), minStart, maxStart, minEnd, maxEnd };
}

/** The completed rows (end not NaN), as indices in order of completion (end day, then start day, then input order). */
function completedInOrder(p: ParsedRows): Int32Array {
  const { start, end } = p;
  const { index: done, minEnd, maxEnd, minStart, maxStart } = p.done ?? completedRows(p);
  const n = done.length;
  if (n === 0) return done.slice();
  // One numeric key per row, sorted as a Float64Array (no comparator calls): (end, start, i)
  // packed into an integer when the ranges fit in 2^53; otherwise a comparator sort.
  const spanStart = maxStart - minStart + 1;
  const spanEnd = maxEnd - minEnd + 1;
  if (spanEnd * spanStart * n > Number.MAX_SAFE_INTEGER) return done.slice().sort((a, b) => end[a]! - end[b]! || start[a]! - start[b]! || a - b);
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = done[k]!;
    keys[k] = ((end[i]! - minEnd) * spanStart + (start[i]! - minStart)) * n + k;
  }
  keys.sort();
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = done[(keys[k]! % n) | 0]!;
  return out;
}

/**
 * Chart-ready series from stage durations. Every series is an array of plain rows with `x` and
 * `y`, usable directly as `runChart(rows, { x: "x", y: "y" })`; the period series with
 * `y: "withinTarget"` and the cohort series carry `n` for a p chart
 * (`controlChart(rows, { type: "p", x: "x", y: "y", n: "n" })`); `"between"` feeds a t chart.
 *
 * Open (censored) cases cannot be points on the by-case chart (they have no end yet); they are
 * counted in `open` of the period and cohort series, and the Kaplan–Meier estimate and the
 * drift list cover them. Exited cases (the episode ended before the end milestone) are counted
 * in `exited`, never in `open`, and by default left out of the denominator of % within target
 * (`exits: "include"` counts them as not within target).
 *
 * With `x: "date"` each `x` is a Date at UTC midnight, so Observable Plot draws a time axis:
 * `Plot.dot(timescaleSeries(d, { x: "date" }), { x: "x", y: "y" })`.
 *
 * @example
 * const events = [
 *   { child: "A", milestone: "accommodated", date: "2024-01-31" },
 *   { child: "A", milestone: "permanence-recommendation", date: "2024-03-01" },
 *   { child: "B", milestone: "accommodated", date: "2024-02-01" },
 * ];
 * const d = stageDurations(events, "recommendation", { asOf: "2024-06-30" });
 * timescaleSeries(d) //=> [{ x: "2024-03-01", y: 30, child: "A", … }, …]
 * timescaleSeries(d, { series: "period", period: "quarter", y: "withinTarget" })
 * //=> [{ x: "2024-01-01", y: 1, n: 1, open: 1, … }, { x: "2024-04-01", y: null, n: 0, open: 1, … }]
 */
export function timescaleSeries(durations: StageDurations | readonly DurationRow[], options: TimescaleSeriesOptions & { series: "period"; x: "date" }): WithDateX<PeriodSeriesRow>[];
export function timescaleSeries(durations: StageDurations | readonly DurationRow[], options: TimescaleSeriesOptions & { series: "cohort"; x: "date" }): WithDateX<CohortSeriesRow>[];
export function timescaleSeries(durations: StageDurations | readonly DurationRow[], options: TimescaleSeriesOptions & { series: "between"; x: "date" }): WithDateX<BetweenSeriesRow>[];
export function timescaleSeries(durations: StageDurations | readonly DurationRow[], options: TimescaleSeriesOptions & { series?: "case"; x: "date" }): WithDateX<CaseSeriesRow>[];
export function timescaleSeries(durations: StageDurations | readonly DurationRow[], options: TimescaleSeriesOptions & { series: "period" }): PeriodSeriesRow[];
export function timescaleSeries(durations: StageDurations | readonly DurationRow[], options: TimescaleSeriesOptions & { series: "cohort" }): CohortSeriesRow[];
export function timescaleSeries(durations: StageDurations | readonly DurationRow[], options: TimescaleSeriesOptions & { series: "between" }): BetweenSeriesRow[];
export function timescaleSeries(durations: StageDurations | readonly DurationRow[], options?: TimescaleSeriesOptions & { series?: "case" }): CaseSeriesRow[];
export function timescaleSeries(
  durations: StageDurations | readonly DurationRow[],
  options: TimescaleSeriesOptions = {},
): CaseSeriesRow[] | PeriodSeriesRow[] | CohortSeriesRow[] | BetweenSeriesRow[] | WithDateX<CaseSeriesRow | PeriodSeriesRow | CohortSeriesRow | BetweenSeriesRow>[] {
  checkKeys(objectOption(options, ["options"]), TIMESCALE_SERIES_KEYS, ["options"], "timescaleSeries option");
  const xForm = options.x === undefined ? "string" : enumOption(options.x, ["string", "date"] as const, ["options", "x"]);
  const series = options.series ?? "case";
  const unit = periodKey(options.period ?? "month", options.yearStartMonth);
  const exits = options.exits ?? "exclude";
  if (exits !== "exclude" && exits !== "include") throw new QiError("invalid-option", ["options", "exits"], `exits must be "exclude" or "include", not ${describeValue(exits)}`);
  const { rows, asOf, target } = parse(durations, options);
  const out = seriesOf(rows, asOf, target, series, unit, options.y, exits);
  if (xForm === "string") return out;
  // UTC midnight of the ISO day: the same calendar day in every time zone when read in UTC.
  return (out as Array<CaseSeriesRow | PeriodSeriesRow | CohortSeriesRow | BetweenSeriesRow>).map((r) => ({ ...r, x: utcMidnight(r.x) }));
}

/** The UTC midnight of a `YYYY-MM-DD` day written by formatIsoDay (years before 0 or after 9999 too). */
function utcMidnight(iso: string): Date {
  const m = /^(-?\d+)-(\d\d)-(\d\d)$/.exec(iso)!;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d;
}

/** Internal: a series from parsed rows (also used by paceTimescales, which has the days already). */
export function seriesOf(
  rows: ParsedRows,
  asOf: number,
  target: SeriesTarget,
  series: TimescaleSeriesOptions["series"],
  unit: PeriodKey,
  yOption: TimescaleSeriesOptions["y"],
  exits: "exclude" | "include" = "exclude",
): CaseSeriesRow[] | PeriodSeriesRow[] | CohortSeriesRow[] | BetweenSeriesRow[] {
  switch (series) {
    case "case":
      return byCompletion(rows, target);
    case "between": {
      const done = completedInOrder(rows);
      const out: BetweenSeriesRow[] = [];
      for (let k = 1; k < done.length; k++) {
        const i = done[k]!;
        const r = rows.rows[i]!;
        const prev = rows.end[done[k - 1]!]!;
        out.push({ x: formatIsoDay(rows.end[i]!), y: rows.end[i]! - prev, child: r.child, episode: r.episode, previous: formatIsoDay(prev), index: k - 1 });
      }
      return out;
    }
    case "period":
      return bySeries(rows, asOf, target, unit, yOption ?? "median", exits);
    case "cohort":
      if (target === null) throw new QiError("missing-target", ["options", "target"], "the cohort series needs a target: the stage has none, pass options.target");
      return byCohort(rows, asOf, target, unit, exits);
    default:
      throw new QiError("invalid-option", ["options", "series"], `series must be "case", "period", "cohort" or "between", not ${describeValue(series)}`);
  }
}

/** The by-case series: one point per completed row, in order of completion. */
function byCompletion(p: ParsedRows, target: SeriesTarget): CaseSeriesRow[] {
  const order = completedInOrder(p);
  const targetOf = rowTargets(target, p);
  // Pushed, not `new Array(n)` filled: a packed array (JSON.stringify and callers walk it faster).
  const out: CaseSeriesRow[] = [];
  for (let index = 0; index < order.length; index++) {
    const i = order[index]!;
    const r = p.rows[i]!;
    const days = p.days[i]!;
    const t = targetOf(i);
    out.push({
      // A valid 10-character end is already the canonical YYYY-MM-DD.
      x: typeof r.end === "string" && r.end.length === 10 ? r.end : formatIsoDay(p.end[i]!),
      y: days,
      child: r.child,
      episode: r.episode,
      start: r.start,
      index,
      withinTarget: t === null ? null : days <= t,
    });
  }
  return out;
}

/**
 * Period index (less `first`) of a day: looked up in a table over the days from `lo` to `hi`
 * (one periodIndex per distinct day rather than per row), computed outside it.
 */
function periodLookup(lo: number, hi: number, first: number, unit: PeriodKey, rowCount: number): (day: number) => number {
  const span = hi - lo + 1;
  if (!(span > 0 && span <= Math.max(4096, 2 * rowCount) && span <= 1 << 20)) return (day) => periodIndex(day, unit) - first;
  const table = new Int32Array(span);
  for (let o = 0; o < span; o++) table[o] = periodIndex(lo + o, unit) - first;
  return (day) => {
    // A whole day in the table (`| 0`: a small-integer index); a fraction or beyond: computed.
    const o = day - lo;
    const j = o | 0;
    return j === o && j >= 0 && j < span ? table[j]! : periodIndex(day, unit) - first;
  };
}

function bySeries(p: ParsedRows, asOf: number, target: SeriesTarget, unit: PeriodKey, y: TimescaleSeriesOptions["y"], exits: "exclude" | "include"): PeriodSeriesRow[] {
  if (y !== "median" && y !== "mean" && y !== "withinTarget" && y !== "pctWithinTarget") {
    throw new QiError("invalid-option", ["options", "y"], `y must be "median", "mean", "withinTarget" or "pctWithinTarget", not ${describeValue(y)}`);
  }
  if ((y === "withinTarget" || y === "pctWithinTarget") && target === null) {
    throw new QiError("missing-target", ["options", "target"], `y: "${y}" needs a target: the stage has none, pass options.target`);
  }
  const n = p.start.length;
  if (n === 0 || !Number.isFinite(asOf)) return [];
  const { start, end, exit, days } = p;
  // periodIndex never decreases with the day: the first period is the earliest start's.
  let minStart = p.minStart ?? Number.POSITIVE_INFINITY;
  if (p.minStart === undefined) for (let i = 0; i < n; i++) if (start[i]! < minStart) minStart = start[i]!;
  const first = periodIndex(minStart, unit);
  const last = periodIndex(asOf, unit);
  if (first > last) return [];
  const m = last - first + 1;
  const periodOf = periodLookup(minStart, periodEnd(last, unit), first, unit, n);
  // Difference arrays: starts and completions per period give the open count at each period end.
  const starts = new Int32Array(m + 1);
  const ends = new Int32Array(m + 1);
  const exitsIn = new Int32Array(m + 1);
  const withinIn = new Int32Array(m + 1);
  // Each row's period of completion (−1: none), then its days grouped by period in row order.
  const done = new Int32Array(n).fill(-1);
  const targetOf = rowTargets(target, p);
  for (let i = 0; i < n; i++) {
    const ps = periodOf(start[i]!);
    if (ps < m) starts[ps]!++;
    if (!Number.isNaN(exit[i]!)) {
      const px = periodOf(exit[i]!);
      if (px < m) exitsIn[px]!++;
    } else if (!Number.isNaN(end[i]!)) {
      const pe = periodOf(end[i]!);
      if (pe < m) {
        // A completion before every start (its end before its own start): no period holds it.
        if (pe < 0) throw new QiError("invalid-date", ["durations", i, "end"], `end ${formatIsoDay(end[i]!)} is before the first start, ${formatIsoDay(minStart)}: a row cannot end before it starts`);
        ends[pe]!++;
        done[i] = pe;
        const t = targetOf(i);
        if (t !== null && days[i]! <= t) withinIn[pe]!++;
      }
    }
  }
  const offset = new Int32Array(m + 1);
  for (let k = 0; k < m; k++) offset[k + 1] = offset[k]! + ends[k]!;
  const grouped = new Float64Array(offset[m]!);
  const fill = offset.slice(0, m);
  for (let i = 0; i < n; i++) if (done[i]! >= 0) grouped[fill[done[i]!]!++] = days[i]!;
  return periodRows({ starts, ends, exitsIn, withinIn, grouped, offset }, m, first, asOf, target, unit, y, exits);
}

/** The by-period rows from the per-period counts and the completed days grouped by period. */
function periodRows(
  c: { starts: Int32Array; ends: Int32Array; exitsIn: Int32Array; withinIn: Int32Array; grouped: Float64Array; offset: Int32Array },
  m: number, first: number, asOf: number, target: SeriesTarget, unit: PeriodKey, y: TimescaleSeriesOptions["y"], exits: "exclude" | "include",
): PeriodSeriesRow[] {
  const out: PeriodSeriesRow[] = [];
  let open = 0;
  for (let k = 0; k < m; k++) {
    open += c.starts[k]! - c.ends[k]! - c.exitsIn[k]!;
    const idx = first + k;
    const reached = c.ends[k]!;
    const exited = c.exitsIn[k]!;
    // The denominator of % within target: exits left out by default (see the `exits` option).
    const n = exits === "include" ? reached + exited : reached;
    let mean: number | null = null;
    let median: number | null = null;
    const within: number | null = target === null ? null : c.withinIn[k]!;
    if (reached > 0) {
      const days = c.grouped.subarray(c.offset[k]!, c.offset[k]! + reached);
      let sum = 0;
      for (let j = 0; j < reached; j++) sum += days[j]!;
      mean = sum / reached;
      median = medianInPlace(days, reached); // after the sum: it reorders the period's days
    }
    const pct = within === null || n === 0 ? null : (100 * within) / n;
    const pEnd = periodEnd(idx, unit);
    const yv = y === "median" ? median : y === "mean" ? mean : y === "withinTarget" ? (n === 0 ? null : within) : pct;
    out.push({
      x: formatIsoDay(periodStart(idx, unit)),
      y: yv,
      period: periodLabel(idx, unit),
      start: formatIsoDay(periodStart(idx, unit)),
      end: formatIsoDay(pEnd),
      n,
      reached,
      exited,
      median,
      mean,
      withinTarget: within,
      pctWithinTarget: pct,
      open,
      partial: pEnd > asOf,
    });
  }
  return out;
}

function byCohort(p: ParsedRows, asOf: number, target: TargetRule | "rows", unit: PeriodKey, exits: "exclude" | "include"): CohortSeriesRow[] {
  const n = p.start.length;
  if (n === 0 || !Number.isFinite(asOf)) return [];
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const k = periodIndex(p.start[i]!, unit);
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = []));
    g.push(i);
  }
  const keys = [...groups.keys()].sort((a, b) => a - b);
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  const targetOf = rowTargets(target, p);
  const out: CohortSeriesRow[] = [];
  for (let idx = first; idx <= last; idx++) {
    const g = groups.get(idx) ?? [];
    let completed = 0;
    let within = 0;
    let exited = 0;
    // The latest deadline (start + target) of the cohort: for a months target it is not the
    // latest start plus a constant.
    let lastDeadline = Number.NEGATIVE_INFINITY;
    for (const i of g) {
      const t = targetOf(i);
      if (!Number.isNaN(p.exit[i]!)) exited++;
      else if (!Number.isNaN(p.end[i]!)) {
        completed++;
        if (t !== null && p.days[i]! <= t) within++;
      }
      const deadline = t === null ? Number.POSITIVE_INFINITY : p.start[i]! + t;
      if (deadline > lastDeadline) lastDeadline = deadline;
    }
    const pEnd = periodEnd(idx, unit);
    // Complete: the period is over and every entrant's deadline is on or before asOf, so every
    // child's within-target status is known.
    const complete = g.length > 0 && pEnd <= asOf && lastDeadline <= asOf;
    const cn = exits === "include" ? g.length : g.length - exited;
    out.push({
      x: formatIsoDay(periodStart(idx, unit)),
      y: complete ? within : null,
      period: periodLabel(idx, unit),
      start: formatIsoDay(periodStart(idx, unit)),
      end: formatIsoDay(pEnd),
      n: cn,
      entered: g.length,
      completed,
      exited,
      withinTarget: within,
      pctWithinTarget: complete && cn > 0 ? (100 * within) / cn : null,
      open: g.length - completed - exited,
      complete,
    });
  }
  return out;
}
