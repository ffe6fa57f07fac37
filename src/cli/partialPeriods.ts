import type { NumberChunks } from "./cells.js";
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

/**
 * The periods of one group's rows (`row(k)`, k < length) that a `--period` sum covers in part: the
 * first when the rows start after it starts, the last when the data end before it ends, and any
 * with a row whose value is blank. A period whose rows are all blank is a gap already and is not
 * listed. Where the data end ({@link rowsPeriod}, the rule emptyPeriods shares): monthly rows
 * (months or quarters as labels, or ISO dates all on the 1st) end with their last month (or
 * quarter) — 38 months ending in February make a two-month 2024 Q1 whatever the extract date;
 * event dates end on `asOf` (`--as-of`, the extract date: the data are complete up to and
 * including it), or without it on the last row's date, and then the note says how to declare the
 * period complete (a quarter's last panel on 29 Sep says nothing about the panels of 30 Sep: a
 * user trial).
 */
export function partialPeriods(length: number, row: (k: number) => number, x: XColumn, ys: NumberChunks, period: Period, own: Period | "day", asOf: string | null = null, empty: readonly string[] = [], from: string | null = null): PartialPeriods {
  const { first, last } = spanOf(length, row, x);
  const starts = new Map<string, { blank: number; rows: number }>();
  for (let k = 0; k < length; k++) {
    const i = row(k);
    const s = starts.get(x.value(i) as string) ?? { blank: 0, rows: 0 };
    s.rows++;
    if (Number.isNaN(ys.get(i))) s.blank++;
    starts.set(x.value(i) as string, s);
  }
  // Periods without rows drawn as 0 (emptyPeriods) are points too; the last may be part of one.
  for (const key of empty) starts.set(key, { blank: 0, rows: 0 });
  const keys = [...starts.keys()].sort();
  const partial = new Map<string, string>();
  // Event dates start on --from (the first day the data cover) when it is given, else on the first row's date.
  const start = from !== null && own === "day" ? from : first;
  if (start > keys[0]!) partial.set(keys[0]!, `${from !== null && own === "day" ? "data" : "rows"} from ${writePeriodLabel(start, own)} only`);
  const askFrom = own === "day" && from === null;
  const lastKey = keys[keys.length - 1]!;
  const end = dataEnd(last, own, asOf);
  let ask = false;
  if (end.next < nextPeriodStart(lastKey, period)) {
    partial.set(lastKey, end.monthly ? `the rows are ${EVERY[own]} and the last is ${end.label}` : `${starts.get(lastKey)!.rows === 0 ? "no rows; data" : "rows"} up to ${end.label} only`);
    ask = own === "day" && asOf === null;
  }
  for (const [key, s] of starts) if (s.blank > 0 && s.blank < s.rows) partial.set(key, `${s.blank} row${s.blank === 1 ? "" : "s"} with no value`);
  const listed = keys.filter((k) => partial.has(k) && (starts.get(k)!.rows === 0 || starts.get(k)!.blank < starts.get(k)!.rows));
  if (listed.length === 0) return { exclude: [], said: "", note: null };
  const said = listed.map((k) => `${writePeriodLabel(k, period)} (${partial.get(k)})`).join(", ");
  const firstKey = keys[0]!;
  const asks = [
    ...(askFrom && listed.includes(firstKey) && partial.get(firstKey)!.startsWith("rows from") ? [`--from DATE, the first day the data cover, if they cover the whole of ${writePeriodLabel(firstKey, period)}`] : []),
    ...(ask && listed.includes(lastKey) ? [`--as-of DATE, the extract date, if the data cover the whole of ${writePeriodLabel(lastKey, period)}`] : []),
  ];
  const advice = asks.length === 0 ? "" : `; give ${asks.join(", or ")}`;
  return {
    exclude: listed.map((k) => keys.indexOf(k)),
    said,
    note: { code: "partial-period", message: `${said} ${listed.length === 1 ? "sums" : "sum"} only part of ${listed.length === 1 ? "its" : "their"} ${periodWord(period)}: drawn, but left out of the centre line and the rules${advice}` },
  };
}

/** The first and last dates of a group's rows as written (before --period). */
function spanOf(length: number, row: (k: number) => number, x: XColumn): { first: string; last: string } {
  const written = x.written!;
  let first = "";
  let last = "";
  for (let k = 0; k < length; k++) {
    const w = written(row(k));
    if (first === "" || w < first) first = w;
    if (last === "" || w > last) last = w;
  }
  return { first, last };
}

/**
 * The period each row stands for, the one rule of partialPeriods and emptyPeriods: months or
 * quarters as labels ("Jan 2024", "2024 Q1") stand for theirs; ISO dates all on the 1st of a month
 * ("2024-01-01", "2024-02-01", …) are monthly rows, one row a month, as a monthly extract writes
 * them (a missing month is a month not reported, and the rows end with their last month); any
 * other dates are event dates ("day": the rows are events, and end on --as-of or the last row).
 * `written(k)`: the k-th row's ISO date as written (a label's first day).
 */
export function rowsPeriod(length: number, written: (k: number) => string, labels: LabelForm | null): Period | "day" {
  if (labels !== null) return labels;
  if (length === 0) return "day";
  for (let k = 0; k < length; k++) if (!written(k).endsWith("-01")) return "day";
  return "month";
}

/** How a note says what the rows of a period are ("the rows are monthly"). */
const EVERY: Record<Period | "day", string> = { day: "event dates", week: "weekly", month: "monthly", quarter: "quarterly", "financial-quarter": "quarterly", year: "yearly", "financial-year": "one a financial year", "clas-year": "one a CLAS year" };

/**
 * The periods (their first days, in order) from the first row's period to the data's end (the
 * last row's date, or `asOf`, the extract date, when given) that have no rows, when the rows are
 * event dates: a period without events holds none of them, so its count (or sum) is a true 0, not
 * a gap (a user trial's June with no accommodations was left out, and the centre line with it).
 * Monthly rows ({@link rowsPeriod}: months, quarters, or dates all on the 1st) are one row per
 * period already: a missing one is a period not reported, and stays a gap ([]).
 */
export function emptyPeriods(length: number, row: (k: number) => number, x: XColumn, period: Period, own: Period | "day", asOf: string | null, from: string | null = null): string[] {
  if (own !== "day" || length === 0) return [];
  const { first, last } = spanOf(length, row, x);
  const have = new Set<string>();
  for (let k = 0; k < length; k++) have.add(x.value(row(k)) as string);
  const end = asOf ?? last;
  const out: string[] = [];
  for (let p = periodStart(from ?? first, period); p <= end; p = nextPeriodStart(p, period)) if (!have.has(p)) out.push(p);
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

/**
 * `summary --as-of`: the last of a series' months or quarters (`xs`, their first days), when the
 * extract date falls inside it, is part of one: its index among the series' points (distinct x in
 * order) and the note saying so, as analyse's {@link partialPeriods} words it; else null.
 */
export function openLastPeriod(xs: readonly string[], period: Period, asOf: string): { index: number; note: { code: string; message: string } } | null {
  const keys = [...new Set(xs)].sort();
  const last = keys[keys.length - 1];
  if (last === undefined || !(nextPeriodStart(asOf, "day") < nextPeriodStart(last, period))) return null;
  const message = `${writePeriodLabel(last, period)} (rows up to ${writePeriodLabel(asOf, "day")} only) sums only part of its ${periodWord(period)}: drawn, but left out of the centre line and the rules`;
  return { index: keys.length - 1, note: { code: "partial-period", message } };
}
