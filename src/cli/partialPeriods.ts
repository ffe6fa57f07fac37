import { DataError, quote } from "./errors.js";
import { writePeriodLabel } from "./lib.js";
import { nextPeriodStart, periodStart, periodWord, type Period } from "./period.js";
import type { LabelForm } from "./dates.js";
import type { XColumn } from "./seriesColumns.js";

// A sum over a period is comparable with its neighbours only when it sums the whole period: a last
// quarter of two months (the data end in February) or a quarter with a suppressed month looks like
// a fall, and was read as an astronomical improvement (a user trial). Such periods stay on the
// chart but are left out of the centre line and the rules (the library's `exclude`), with a note.

/** The points (0-based, in x order) whose period the rows cover only in part, and the note saying which. */
export interface PartialPeriods {
  exclude: number[];
  /** The periods left out, in words ("2023/24 (rows from 12 Apr 2023 only), …"), or "". */
  said: string;
  note: { code: string; message: string } | null;
}

/** One group's rows (every row without --by): the table row of its k-th row, k < length. */
export interface GroupRows {
  length: number;
  row: (k: number) => number;
}

/** A dated x: the period start of row i (after --period) and its ISO date as written (before it). */
export type DatedX = Pick<XColumn, "value" | "written">;

/**
 * Where the file's dated rows start and end (their ISO dates as written, before --period) and the
 * period each row stands for (`own`) — one rule for partialPeriods and emptyPeriods, decided
 * once for the whole file (after --filter), so every group of --by shares it. Months or quarters
 * as labels ("Jan 2024", "2024 Q1") stand for theirs; ISO dates all on the 1st of a month
 * ("2024-01-01", "2024-02-01", …) are monthly rows, one row a month as a monthly extract writes
 * them (a missing month is a month not reported, not a month without events, and the rows end
 * with their last month); any other dates are event dates ("day": one row an event, ending on
 * --as-of or the last row). `written(i)`: row i's ISO date (a label's first day).
 */
export interface DataSpan {
  first: string;
  last: string;
  own: Period | "day";
}

/** The {@link DataSpan} of rows 0…length-1 (length > 0). */
export function dataSpan(length: number, written: (i: number) => string, labels: LabelForm | null): DataSpan {
  let first = "";
  let last = "";
  let monthly = true;
  for (let i = 0; i < length; i++) {
    const w = written(i);
    if (first === "" || w < first) first = w;
    if (last === "" || w > last) last = w;
    if (!w.endsWith("-01")) monthly = false;
  }
  return { first, last, own: labels ?? (monthly && length > 0 ? "month" : "day") };
}

/** What partialPeriods needs besides the rows: the flags that bound the data, and how the rows combine. */
export interface PartialOptions {
  /** `--as-of`, the extract date (ISO), or null. */
  asOf: string | null;
  /** `--from`, the first day the data cover (ISO), or null. */
  from: string | null;
  /** The periods without rows drawn as 0 (emptyPeriods). */
  empty: readonly string[];
  /** With --by: the span is the file's, and the notes say so ("the file's rows up to …"). */
  grouped: boolean;
  /**
   * `--aggregate count`: a period's point counts its rows with a value (docs/cli.md), which a row
   * with a blank y is not; it is counted for what it is, so it makes no period partial, and a
   * period whose rows are all blank is a count of 0 (a point), not a gap.
   */
  count: boolean;
}

/** The rows of each period of a group: how many, how many blank, and (monthly rows) the own periods they stand for. */
interface PeriodRows {
  rows: number;
  blank: number;
  own: Set<string>;
}

/**
 * The periods of one group's rows that a `--period` sum covers in part: the first when the data
 * start after it starts, the last when the data end before it ends, one of monthly rows with a
 * month (or quarter) without a row, and any with a row whose value is blank (not under
 * `--aggregate count`: {@link PartialOptions}). A period whose rows are all blank is a gap already
 * and is not listed (under count it is a 0, and is). Where the data start and end is the file's
 * ({@link DataSpan}), not the group's: with --by the first and the last period are partial for
 * every group or for none. Monthly rows end with their last month (or quarter) — 38 months ending
 * in February make a two-month 2024 Q1 whatever the extract date; event dates end on `asOf`
 * (`--as-of`, the extract date: the data are complete up to and including it), or without it on
 * the last row's date, and then the note says how to declare the period complete (a quarter's last
 * panel on 29 Sep says nothing about the panels of 30 Sep: a user trial); they start on `from`
 * (`--from`), or on the first row's date.
 */
export function partialPeriods(g: GroupRows, x: DatedX, ys: { get(i: number): number }, period: Period, span: DataSpan, o: PartialOptions): PartialPeriods {
  const { own } = span;
  const starts = periodRows(g, x, ys, own, o.empty);
  const keys = [...starts.keys()].sort();
  const why = new Map<string, string[]>();
  const add = (key: string, text: string): void => void why.set(key, [...(why.get(key) ?? []), text]);
  const rows = o.grouped ? "the file's rows" : "rows";
  const firstKey = keys[0]!;
  const lastKey = keys[keys.length - 1]!;
  const fromFlag = o.from !== null && own === "day";
  const start = fromFlag ? o.from! : span.first;
  if (start > firstKey) add(firstKey, `${fromFlag ? "data" : rows} from ${writePeriodLabel(start, own)} only`);
  const end = dataEnd(span.last, own, o.asOf);
  const cut = end.next < nextPeriodStart(lastKey, period);
  if (cut && end.monthly) add(lastKey, `${o.grouped ? "the file's rows" : "the rows"} are ${EVERY[own]} and the last is ${end.label}`);
  else if (cut) add(lastKey, `${starts.get(lastKey)!.rows === 0 ? "no rows; data" : o.asOf !== null ? "rows" : rows} up to ${end.label} only`);
  if (own !== "day") {
    for (const key of keys) {
      const missing = missingOwn(key, period, own, starts.get(key)!.own, start, end.next);
      if (missing.length > 0) add(key, `no row${missing.length === 1 ? "" : "s"} for ${missing.map((m) => writePeriodLabel(m, own)).join(", ")}`);
    }
  }
  // A blank value leaves a sum short (a suppressed month); a count counts the rows with a value, whole.
  if (!o.count) for (const [key, s] of starts) if (s.blank > 0 && s.blank < s.rows) add(key, `${s.blank} row${s.blank === 1 ? "" : "s"} with no value`);
  const point = (k: string): boolean => o.count || starts.get(k)!.rows === 0 || starts.get(k)!.blank < starts.get(k)!.rows;
  const listed = keys.filter((k) => why.has(k) && point(k));
  if (listed.length === 0) return { exclude: [], said: "", note: null };
  const said = listed.map((k) => `${writePeriodLabel(k, period)} (${why.get(k)!.join("; ")})`).join(", ");
  const asks = [
    ...(own === "day" && o.from === null && start > firstKey && listed.includes(firstKey) ? [`--from DATE, the first day the data cover, if they cover the whole of ${writePeriodLabel(firstKey, period)}`] : []),
    ...(own === "day" && o.asOf === null && cut && listed.includes(lastKey) ? [`--as-of DATE, the extract date, if the data cover the whole of ${writePeriodLabel(lastKey, period)}`] : []),
  ];
  const advice = asks.length === 0 ? "" : `; give ${asks.join(", or ")}`;
  return {
    exclude: listed.map((k) => keys.indexOf(k)),
    said,
    note: { code: "partial-period", message: `${said} ${listed.length === 1 ? "sums" : "sum"} only part of ${listed.length === 1 ? "its" : "their"} ${periodWord(period)}: drawn, but left out of the centre line and the rules${advice}` },
  };
}

/** Each period's rows of a group, by its start; the periods drawn as 0 (`empty`) have none. */
function periodRows(g: GroupRows, x: DatedX, ys: { get(i: number): number }, own: Period | "day", empty: readonly string[]): Map<string, PeriodRows> {
  const starts = new Map<string, PeriodRows>();
  for (let k = 0; k < g.length; k++) {
    const i = g.row(k);
    const key = x.value(i) as string;
    let s = starts.get(key);
    if (s === undefined) starts.set(key, (s = { blank: 0, rows: 0, own: new Set() }));
    s.rows++;
    if (Number.isNaN(ys.get(i))) s.blank++;
    if (own !== "day") s.own.add(x.written!(i));
  }
  for (const key of empty) starts.set(key, { blank: 0, rows: 0, own: new Set() });
  return starts;
}

/**
 * Monthly rows: the months (or quarters: `own`) of the period starting on `key` that lie between
 * the data's first (`first`) and the first day after them (`next`), and have no row in `have`.
 * A quarter summed over two of its months looks like a fall (as a last quarter cut short).
 */
function missingOwn(key: string, period: Period, own: Period, have: ReadonlySet<string>, first: string, next: string): string[] {
  const from = key > first ? key : first;
  let p = periodStart(from, own);
  if (p < from) p = nextPeriodStart(p, own);
  const out: string[] = [];
  for (const stop = nextPeriodStart(key, period); p < stop && p < next; p = nextPeriodStart(p, own)) if (!have.has(p)) out.push(p);
  return out;
}

/** How a note says what the rows of a period are ("the rows are monthly"). */
const EVERY: Record<Period | "day", string> = { day: "event dates", week: "weekly", month: "monthly", quarter: "quarterly", "financial-quarter": "quarterly", year: "yearly", "financial-year": "one a financial year", "clas-year": "one a CLAS year" };

/**
 * The periods (their first days, in order) from the data's first period (`from`, --from, or the
 * file's first row's) to the data's end (`asOf`, the extract date, or the file's last row) in
 * which the group has no rows, when the rows are event dates: a period without events holds none
 * of them, so its count (or sum) is a true 0, not a gap (a user trial's June with no
 * accommodations was left out, and the centre line with it). The span is the file's, not the
 * group's: a team whose last event was in August has September's 0 too. Monthly rows
 * ({@link DataSpan}: months, quarters, or dates all on the 1st) are one row per period already: a
 * missing one is a period not reported, and stays a gap ([]).
 */
export function emptyPeriods(g: GroupRows, x: DatedX, period: Period, span: DataSpan, asOf: string | null, from: string | null = null): string[] {
  if (span.own !== "day" || g.length === 0) return [];
  const have = new Set<string>();
  for (let k = 0; k < g.length; k++) have.add(x.value(g.row(k)) as string);
  const end = asOf ?? span.last;
  const out: string[] = [];
  for (let p = periodStart(from ?? span.first, period); p <= end; p = nextPeriodStart(p, period)) if (!have.has(p)) out.push(p);
  return out;
}

/**
 * Where the data end, as the first day after them (`next`) and in words: the last row's own
 * period (a month of monthly rows; a day of event dates), cut at `asOf` when it is earlier; event
 * dates end on `asOf` itself when it is given. `monthly`: they end with the last row's own period
 * (monthly or quarterly rows not cut by `asOf`), which the label names.
 */
export function dataEnd(last: string, own: Period | "day", asOf: string | null): { next: string; label: string; monthly: boolean } {
  const rows = { next: nextPeriodStart(last, own), label: writePeriodLabel(last, own), monthly: own !== "day" };
  if (asOf === null) return rows;
  const cut = { next: nextPeriodStart(asOf, "day"), label: writePeriodLabel(asOf, "day"), monthly: false };
  return own === "day" || cut.next < rows.next ? cut : rows;
}

/**
 * `--as-of DATE`: the extract date, the data complete up to and including it (as `timescales
 * --as-of`). A row dated after it (a month or quarter starting after it) is bad input — a typo
 * in the date or in --as-of — and an error naming the first such row, and how many there are.
 * `day(i)`: row i's ISO date (a month's or quarter's first day), or null (not a date).
 */
export function checkAsOf(length: number, day: (i: number) => string | null, cell: (i: number) => string, where: (i: number) => string, asOf: string, labels: boolean): void {
  const out = outside(length, day, (d) => d > asOf);
  if (out === null) return;
  throw new DataError(`${where(out.first)}: ${quote(cell(out.first))} ${labels ? "starts" : "is"} after --as-of ${writePeriodLabel(asOf, "day")}${out.more}; --as-of is the extract date, the data complete up to it: correct the date, or give the extract date`);
}

/**
 * `--from DATE`: the first day the data cover (the start of the extract), as `--as-of` is its
 * last. A row dated before it is bad input, an error naming the first such row and how many.
 */
export function checkFrom(length: number, day: (i: number) => string | null, cell: (i: number) => string, where: (i: number) => string, from: string): void {
  const out = outside(length, day, (d) => d < from);
  if (out === null) return;
  throw new DataError(`${where(out.first)}: ${quote(cell(out.first))} is before --from ${writePeriodLabel(from, "day")}${out.more}; --from is the first day the data cover: correct the date, or give the first day of the extract`);
}

/** The first row whose date is out of bounds and " (and N more rows)" for the rest, or null when none is. */
function outside(length: number, day: (i: number) => string | null, out: (d: string) => boolean): { first: number; more: string } | null {
  let first = -1;
  let count = 0;
  for (let i = 0; i < length; i++) {
    const d = day(i);
    if (d !== null && out(d)) (count++, first < 0 && (first = i));
  }
  if (first < 0) return null;
  return { first, more: count > 1 ? ` (and ${count - 1} more row${count === 2 ? "" : "s"})` : "" };
}
