import type { LabelForm } from "./dates.js";
import { DataError, UsageError } from "./errors.js";
import { QiError, writePeriodLabel } from "./lib.js";
import { checkAsOf, checkFrom, dataSpan, emptyPeriods, partialPeriods, type DataSpan, type DatedX, type GroupRows, type PartialPeriods } from "./partialPeriods.js";
import { periodWord, type Period } from "./period.js";

// Rows rolled up into periods (`--period`, `--aggregate`, `--as-of`, `--from`), the one code path
// of `analyse` (per --by group) and `summary` (per measure and group series): the checks of the
// flags, the periods without rows drawn as 0 (partialPeriods.ts emptyPeriods) and the periods
// summed only in part (partialPeriods), with their notes.

/** The flags of a roll-up, as analyse and summary read them. */
export interface RollUpFlags {
  /** `--period`, or undefined. */
  period: Period | undefined;
  /** `--as-of`, the extract date (ISO), or null. */
  asOf: string | null;
  /** `--from`, the first day the data cover (ISO), or null. */
  from: string | null;
  aggregate: "sum" | "mean" | "median" | "count" | "sd" | undefined;
  chart: string;
  /** The chart's point is y / n (p and u charts, run and i charts with --n). */
  yOverN: boolean;
  /**
   * Several groups (--by) or series (summary's --measure, --group) share the file's span: how a
   * note names them all ("every Team's", "every series'"); null for one series.
   */
  every: string | null;
}

/** The dated x column as the roll-up reads it: ISO dates, or months and quarters as labels. */
export interface RollUpX {
  kind: "number" | "date";
  labels: LabelForm | null;
  /** Row i's ISO date as written (before --period). */
  written: ((i: number) => string) | null;
  /** Row i's cell as the file writes it, for messages. */
  text(i: number): string;
}

/**
 * The checks of --period, --as-of and --from against the x column (`xCol`, null when there is
 * none) of a table of `length` rows, and the data's span (partialPeriods.ts DataSpan) when x holds
 * dates, else null. `where(i)` names row i's x cell in messages.
 */
export function checkRollUp(command: string, f: Pick<RollUpFlags, "period" | "asOf" | "from">, x: RollUpX | null, xCol: string | undefined, length: number, where: (i: number) => string): DataSpan | null {
  if (f.period !== undefined) {
    if (x === null) throw new UsageError(`--period ${f.period} needs dates in an x column (--x COL)`, command);
    if (x.kind !== "date") throw new UsageError(`--period ${f.period}: column ${xCol} holds numbers, not dates`, command);
    checkPeriodFlag(command, f.period, x.labels, xCol!);
  }
  if (f.asOf !== null) {
    if (x === null || x.kind !== "date") throw new UsageError(`--as-of is the extract date of dated rows: ${x === null ? "give the x column of dates (--x COL)" : `column ${xCol} holds numbers, not dates`}`, command);
    checkAsOf(length, x.written!, x.text, where, f.asOf, x.labels !== null);
  }
  const span = x !== null && x.kind === "date" && length > 0 ? dataSpan(length, x.written!, x.labels) : null;
  if (f.from !== null) {
    if (x === null || x.kind !== "date" || span?.own !== "day") throw new UsageError(`--from is the first day event dates cover: ${x === null ? "give the x column of dates (--x COL)" : x.kind !== "date" ? `column ${xCol} holds numbers, not dates` : x.labels !== null ? `column ${xCol} holds ${periodWord(x.labels)}s, each whole` : `column ${xCol} holds monthly rows (every date is on the 1st of a month), each month whole`}`, command);
    if (f.asOf !== null && f.from > f.asOf) throw new UsageError(`--from ${writePeriodLabel(f.from, "day")} is after --as-of ${writePeriodLabel(f.asOf, "day")}`, command);
    checkFrom(length, x.written!, x.text, where, f.from);
  }
  return span;
}

/**
 * The periods each kind of x label rolls up into: a period must lie inside one period of the
 * roll-up. Months fit any period from a month up; calendar and financial quarters are the same
 * three months (January–March … October–December), so both fit quarters, calendar years and
 * financial years (April to March), but not CLAS years (August to July); a year only itself.
 */
const ROLLS_INTO: Record<LabelForm, readonly Period[]> = {
  month: ["month", "quarter", "financial-quarter", "year", "financial-year", "clas-year"],
  quarter: ["quarter", "financial-quarter", "year", "financial-year"],
  "financial-quarter": ["quarter", "financial-quarter", "year", "financial-year"],
  "financial-year": ["financial-year"],
  "clas-year": ["clas-year"],
};

/** Months in each period (a week as less than a month). */
const LENGTH: Record<Period, number> = { week: 0, month: 1, quarter: 3, "financial-quarter": 3, year: 12, "financial-year": 12, "clas-year": 12 };

const LABEL_EXAMPLE: Record<LabelForm, string> = { month: "Jan 2024", quarter: "2024 Q1", "financial-quarter": "2024/25 Q1", "financial-year": "2024/25", "clas-year": "2024/25" };

/** `--period` rolls months up into quarters or years, quarters into years; it cannot split them, nor cut across them. */
export function checkPeriodFlag(command: string, period: Period, labels: LabelForm | null, column: string): void {
  if (labels !== null && !ROLLS_INTO[labels].includes(period)) {
    const into = ROLLS_INTO[labels].filter((p) => p !== labels);
    const use = into.length === 0 ? "" : `use --period ${into.join(", ")} to roll them up, or `;
    // A shorter period splits each label; a year from another month cuts across some of them.
    const how = LENGTH[period] < LENGTH[labels] ? "cannot be split into" : "do not fit into";
    throw new UsageError(`--period ${period}: column ${column} holds ${periodWord(labels)}s (such as ${LABEL_EXAMPLE[labels]}), which ${how} ${periodWord(period)}s; ${use}leave --period out`, command);
  }
}

/**
 * The period of a chart that sums over periods (--aggregate sum or count, a c chart's counts),
 * whose part-periods are not comparable (partialPeriods.ts): --period's, or with --as-of the
 * months or quarters the rows stand for (labels, or ISO dates all on the 1st: DataSpan), a last
 * month the extract date falls in being part of one; null for other charts (a mean, y / n).
 */
export function summedPeriod(f: RollUpFlags, span: DataSpan | null): Period | null {
  if (span === null || f.yOverN) return null;
  const period = f.period ?? (f.asOf !== null && span.own !== "day" ? span.own : null);
  if (period === null) return null;
  return f.aggregate === "sum" || f.aggregate === "count" || f.chart === "c" ? period : null;
}

/**
 * The y of a period without rows (GroupRollUp's `zeros`), one more row after a group's or series':
 * a blank, which `--aggregate count` counts as 0 (it counts rows with a value), else a 0 that a
 * sum (or a c chart's count) adds up to 0. analyse and summary both add the row so.
 */
export function emptyPeriodY(aggregate: RollUpFlags["aggregate"]): number {
  return aggregate === "count" ? Number.NaN : 0;
}

/** What rolling up one group's (or series') rows adds: the periods drawn as 0, the partial periods, and their notes. */
export interface GroupRollUp {
  /** Periods without rows drawn as 0: one more point each, after the group's rows. */
  zeros: string[];
  partial: PartialPeriods | null;
  notes: { code: string; message: string }[];
}

/**
 * The roll-up of one group's rows: its periods without rows (event dates only) — a true 0 drawn
 * where the chart counts or sums (summedPeriod), else left out (a mean, median or sd of no rows,
 * or y/n with no denominator: p and u charts) — and the periods it sums in part. The span is the
 * file's (`span`), shared by every group. `where`: how a note names the group (" (Team 'North')"),
 * or "".
 */
export function rollUpGroup(g: GroupRows, x: DatedX, ys: { get(i: number): number }, span: DataSpan | null, f: RollUpFlags, where: string): GroupRollUp {
  const summed = summedPeriod(f, span);
  const zeros = f.period !== undefined && span !== null ? emptyPeriods(g, x, f.period, span, f.asOf, f.from) : [];
  const drawn = summed !== null ? zeros : [];
  const notes = zeros.length === 0 ? [] : [emptyNote(zeros, summed !== null, f, span!, where)];
  const partial = summed !== null ? partialPeriods(g, x, ys, summed, span!, { asOf: f.asOf, from: f.from, empty: drawn, grouped: f.every !== null, count: f.aggregate === "count" }) : null;
  if (partial?.note) notes.push(partial.note);
  return { zeros: drawn, partial, notes };
}

/** The `empty-periods` note: the periods without rows, drawn as 0 (`drawn`) or left out, and why. */
function emptyNote(list: readonly string[], drawn: boolean, f: RollUpFlags, span: DataSpan, where: string): { code: string; message: string } {
  const period = f.period!;
  const one = list.length === 1;
  const had = `${list.map((k) => writePeriodLabel(k, period)).join(", ")} had no rows${where}`;
  if (drawn) {
    const what = f.aggregate === "count" ? "a count of rows" : f.aggregate === "sum" ? "a sum of no rows" : "a count of events";
    const flags = [...(f.from !== null ? [`--from ${writePeriodLabel(f.from, "day")}`] : []), ...(f.asOf !== null ? [`--as-of ${writePeriodLabel(f.asOf, "day")}`] : [])];
    const cover = f.every !== null ? sharedCover(f, span, f.every) : flags.length > 0 ? `${flags.join(" and ")} ${flags.length === 1 ? "says" : "say"} the data cover ${one ? "it" : "them"}` : `${one ? "it lies" : "they lie"} between the first and the last row`;
    return { code: "empty-periods", message: `${had}: drawn as 0 (${what}; ${cover})` };
  }
  const why = f.yOverN ? `a ${f.chart} chart's point is y / n, and no rows give no denominator` : `a ${f.aggregate ?? "value"} of no rows is not a number`;
  return { code: "empty-periods", message: `${had}: left out, not drawn as 0 (${why})` };
}

/**
 * Where the data start and end when several groups share them (DataSpan: the file's, not the
 * group's): "every Team's data cover 3 Apr 2024 to 27 Sep 2024: the file's first and last rows",
 * --from and --as-of named where given.
 */
function sharedCover(f: Pick<RollUpFlags, "from" | "asOf">, span: DataSpan, every: string): string {
  const start = f.from ?? span.first;
  const end = f.asOf ?? span.last;
  const by = f.from !== null && f.asOf !== null ? "--from and --as-of" : f.from !== null ? "--from and the file's last row" : f.asOf !== null ? "the file's first row and --as-of" : "the file's first and last rows";
  return `${every} data cover ${writePeriodLabel(start, "day")} to ${writePeriodLabel(end, "day")}: ${by}`;
}

/**
 * The library's "every point with a value is excluded" (path options.exclude) when partial periods
 * (partialPeriods.ts) were among the exclusions: the error names them as the cause, not --exclude,
 * which the user may never have given (a user trial: every CLAS year was partial). Else null.
 * `exclude`: the points --exclude left out (0-based).
 */
export function allPartialError(e: unknown, file: string, f: RollUpFlags, exclude: readonly number[], said: string, where: string): DataError | null {
  if (!(e instanceof QiError) || e.code !== "all-missing" || e.path[e.path.length - 1] !== "exclude") return null;
  const word = periodWord(f.period ?? "month");
  const missing = [...(f.from === null ? ["--from DATE"] : []), ...(f.asOf === null ? ["--as-of DATE"] : [])];
  const from = missing.length > 0 ? `give ${missing.join(" or ")} (the first or last day the data cover) if the data cover more, ` : "";
  const also = exclude.length > 0 ? `; --exclude ${exclude.map((k) => k + 1).join(", ")} left out the rest` : "";
  return new DataError(`${file}${where}: no point is left for the centre line and the rules: ${said} ${said.includes("), ") ? "sum" : "sums"} only part of ${said.includes("), ") ? "their" : "its"} ${word} (partial periods are left out)${also}; ${from}or give a shorter --period`);
}

/** The `period-rollup` note of one group's `rows` rows read into `distinct` periods. */
export function periodRollupNote(rows: number, distinct: number, period: Period, where: string): { code: string; message: string } {
  return { code: "period-rollup", message: `${rows} row${rows === 1 ? "" : "s"}${where} rolled up into ${distinct} ${periodWord(period)}${distinct === 1 ? "" : "s"} (each date read as the ${periodWord(period)} it falls in${period === "week" ? ", weeks starting on Monday" : ""})` };
}

/**
 * The library's `rows-combined` warning as the library writes it (src/engine/combine.ts
 * sharedXWarning): "N rows share an x with another row (K x values, the first in …): HOW." —
 * the x values are dates under --period, with no parenthesis in them.
 */
const ROWS_COMBINED = /^\d+ rows share an x with another row \([^()]*\): (.+)$/s;

/**
 * A group's notes (`notes`, with its `period-rollup` note) and the library's warnings (`own`) as
 * one list, in that order. Under --period every row shares its period with the others of it, and
 * the library's `rows-combined` ("111 rows share an x with another row (29 x values, …): the rows
 * with a value were counted") said again what the `period-rollup` note says (a user trial): its
 * HOW (and its rows without a value) ends the `period-rollup` note instead — "117 rows rolled up
 * into 35 months (each date read as the month it falls in): the rows with a value were counted
 * (--aggregate count)." — and it is dropped. Without a `period-rollup` note both lists are kept.
 */
export function withRollupNote<W extends { code: string; message: string }>(notes: readonly W[], own: readonly W[]): W[] {
  const at = notes.findIndex((n) => n.code === "period-rollup");
  const k = own.findIndex((w) => w.code === "rows-combined");
  const how = at >= 0 && k >= 0 ? ROWS_COMBINED.exec(own[k]!.message)?.[1] : undefined;
  if (how === undefined) return [...notes, ...own];
  const rollup = { ...notes[at]!, message: `${notes[at]!.message}: ${how}` };
  return [...notes.slice(0, at), rollup, ...notes.slice(at + 1), ...own.slice(0, k), ...own.slice(k + 1)];
}

/** Rows that share a period on a chart of one value per x, without --aggregate: say how they combine. */
export function periodNeedsAggregate(command: string, period: Period): UsageError {
  return new UsageError(`--period ${period}: say how the rows of a ${period} combine with --aggregate sum, mean, median, count or sd`, command);
}
