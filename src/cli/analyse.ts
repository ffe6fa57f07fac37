import { lstatSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { basename, extname } from "node:path";
import { delimiterFlag, enumFlag, intFlag, listFlag, numberFlag, parseCommandArgs, stringFlag, type FlagValues } from "./args.js";
import { CellColumn, type NumberChunks } from "./cells.js";
import { analysisJson, pointForm, type ColumnarChart } from "./chartPoints.js";
import { Problems, textColumn } from "./convert.js";
import { DATE_FORMATS, YEARS_FLAG, expectedForm, splitYearOf, flagDate, xTextReader, type DateFormat } from "./dates.js";
import { countedOf, logicalOf, numbersOf, scanX, xOf, type XColumn } from "./seriesColumns.js";
import { DataError, UsageError, quote } from "./errors.js";
import { applyFilters, describeFilters, keptLine, parseFilters, type RowFilter } from "./filter.js";
import { NaTexts } from "./naTexts.js";
import { cellView, dataRows, paddedNote, withoutSkipped } from "./noteRows.js";
import type { DataSpan } from "./partialPeriods.js";
import { allPartialError, checkRollUp, emptyPeriodY, periodNeedsAggregate, periodRollupNote, rollUpGroup, withRollupNote, type RollUpFlags } from "./rollUp.js";
import type { Io } from "./io.js";
import {
  CONTROL_RULE_PRESETS,
  RUN_RULE_PRESETS,
  controlChart,
  renderControlChart,
  renderRunChart,
  runChart,
  summariseRunChart,
  type Accessor,
  type ControlChart,
  type ControlChartColumnar,
  type ControlChartType,
  type RunChart,
  type RunChartColumnar,
  type SplitYear,
  type XPeriod,
  readPeriodLabel,
} from "./lib.js";
import { writeAll, type PlannedFile } from "./output.js";
import { PERIODS, periodWord, type Period } from "./period.js";
import { warningsAsFlags, withQi } from "./qiMap.js";
import { summariseControlChart } from "./lib.js";
import { readTable, requireColumn, rowName, type Table } from "./table.js";
import { slug } from "./slug.js";
import { chartFlag, type ChartChoice } from "./chartTypes.js";

/** One point of a series as the CLI passes it to the library. */
export interface SeriesPoint {
  x?: number | string;
  y: number | null;
  n?: number | null;
}

/** `--aggregate`: how rows that share an x are combined (the library's `aggregate`). */
export const AGGREGATES = ["sum", "mean", "median", "count", "sd"] as const;
export type Aggregate = (typeof AGGREGATES)[number];

const C = "analyse";
export { CHART_TYPES, type ChartChoice } from "./chartTypes.js";
/** Charts that need denominators `n`. */
export const NEEDS_N: readonly string[] = ["p", "pp", "u", "up", "np", "ip"];
/** Charts that plot y/n when given a denominator (as qicharts2's run and I charts do). */
const RATIO_N: readonly string[] = ["run", "i"];
/** Charts whose rows sharing an x are combined by summing y (and n): counts, proportions, rates. */
const SUMMED: readonly string[] = ["p", "pp", "u", "up", "c", "np", "ip"];
/** Charts whose rows sharing an x form a subgroup. */
const SUBGROUPS: readonly string[] = ["xbar", "s", "r"];
const DIRECTIONS = ["increase", "decrease", "neutral"] as const;

const SPEC = {
  x: { type: "string" },
  y: { type: "string" },
  n: { type: "string" },
  by: { type: "string" },
  filter: { type: "string", multiple: true },
  na: { type: "string", multiple: true },
  thousands: { type: "boolean" },
  dates: { type: "string" },
  delimiter: { type: "string" },
  sheet: { type: "string" },
  chart: { type: "string" },
  period: { type: "string" },
  years: { type: "string" },
  "as-of": { type: "string" },
  from: { type: "string" },
  aggregate: { type: "string" },
  multiply: { type: "string" },
  rules: { type: "string" },
  direction: { type: "string" },
  baseline: { type: "string" },
  phase: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  target: { type: "string" },
  json: { type: "boolean" },
  out: { type: "string" },
  svg: { type: "string" },
  title: { type: "string" },
} as const;

/** Settings of one chart analysis shared by `analyse` and `report`. */
export interface ChartSettings {
  chart: ChartChoice;
  rules: string | undefined;
  direction: (typeof DIRECTIONS)[number] | undefined;
  /** The first N points, or the points up to and including an ISO date (a project's series). */
  baseline: number | string | undefined;
  /** 0-based point indices or ISO dates. */
  phases: (number | string)[];
  /** 0-based point indices. */
  exclude: number[];
  target: number | undefined;
  /** Combine rows that share an x (the library's `aggregate`; it warns how many it combined). */
  aggregate?: Aggregate | undefined;
  /** The rows carry denominators `n` (p, pp, u, up; and run and i charts, which then plot y/n). */
  n?: boolean;
  /** Multiply the plotted statistic (e.g. 10000 for a rate per 10,000 days). */
  multiply?: number | undefined;
  /** The period each dated point stands for (the library's `period`: how x is written). */
  period?: XPeriod | undefined;
}

/** Flags → the library's option names, for error messages. */
export const ANALYSE_FLAGS: Readonly<Record<string, string>> = {
  phases: "--phase",
  exclude: "--exclude",
  baseline: "--baseline",
  rules: "--rules",
  direction: "--direction",
  target: "--target",
  type: "--chart",
  centre: "--baseline",
  n: "--n",
  aggregate: "--aggregate",
  multiply: "--multiply",
};

/** The rule sets (`--rules`) of a chart's family: the run chart's presets or the control charts'. */
export function ruleSetsOf(chart: ChartChoice): readonly string[] {
  return Object.keys(chart === "run" ? RUN_RULE_PRESETS : CONTROL_RULE_PRESETS);
}

/** Check a rule-set name against the chart family. */
export function checkRules(command: string, chart: ChartChoice, rules: string | undefined): void {
  if (rules === undefined) return;
  const allowed = ruleSetsOf(chart);
  if (!allowed.includes(rules)) {
    throw new UsageError(`--rules ${quote(rules)} is not a rule set for ${chart === "run" ? "run charts" : "control charts"}: ${allowed.join(", ")}`, command);
  }
}

/** A run or control chart of rows `{ x?, y, n? }` with the settings. */
export function analyseRows(rows: readonly SeriesPoint[], s: ChartSettings, hasX: boolean): RunChart | ControlChart {
  const withN = s.n ?? NEEDS_N.includes(s.chart);
  return chartOf(rows, s, { ...(hasX ? { x: "x" } : {}), y: "y", ...(withN ? { n: "n" } : {}) }, false) as RunChart | ControlChart;
}

/** The library's channels: field names of rows, accessors of the row's position, or columns (one number a row). */
interface Channels {
  x?: string | ((d: unknown, k: number) => unknown) | Float64Array;
  y: string | ((d: unknown, k: number) => unknown) | Float64Array;
  n?: string | ((d: unknown, k: number) => unknown) | Float64Array;
}

/** runChart or controlChart of `rows` read through `channels`, in point form or in columns. */
function chartOf(rows: readonly unknown[], s: ChartSettings, channels: Channels, columns: boolean): RunChart | ControlChart | ColumnarChart {
  const common = {
    ...(channels as { x?: Accessor<unknown, unknown> | Float64Array; y: Accessor<unknown, unknown> | Float64Array; n?: Accessor<unknown, unknown> | Float64Array }),
    ...(s.multiply !== undefined ? { multiply: s.multiply } : {}),
    ...(s.aggregate !== undefined ? { aggregate: s.aggregate } : {}),
    ...(s.target !== undefined ? { target: s.target } : {}),
    ...(s.direction !== undefined ? { direction: s.direction } : {}),
    ...(s.baseline !== undefined ? { baseline: s.baseline } : {}),
    ...(s.phases.length > 0 ? { phases: s.phases } : {}),
    ...(s.exclude.length > 0 ? { exclude: s.exclude } : {}),
    ...(s.period !== undefined ? { period: s.period } : {}),
    output: columns ? ("columns" as const) : ("points" as const),
  };
  if (s.chart === "run") {
    return runChart(rows, { ...common, ...(s.rules !== undefined ? { rules: s.rules as "pace" } : {}) }) as RunChart | RunChartColumnar;
  }
  return controlChart(rows, {
    ...common,
    type: s.chart as ControlChartType,
    ...(s.rules !== undefined ? { rules: s.rules as "shewhart" } : {}),
  }) as ControlChart | ControlChartColumnar;
}

export function isControl(chart: RunChart | ControlChart): chart is ControlChart {
  return "type" in chart;
}

/** The command line of `analyse`, checked. */
interface AnalyseFlags {
  file: string;
  chart: ChartChoice;
  settings: ChartSettings;
  dates: DateFormat;
  period: Period | undefined;
  /** How split years such as 2024/25 are read (`--years`, or the split-year `--period`); undefined: they are not. */
  years: SplitYear | undefined;
  /** `--as-of`: the extract date (ISO), the data complete up to and including it. */
  asOf: string | null;
  /** `--from`: the first day the data cover (ISO), or null. */
  from: string | null;
  aggregate: Aggregate | undefined;
  filters: RowFilter[];
  json: boolean;
  out: string | undefined;
  svg: string | undefined;
  title: string | undefined;
  xName: string | undefined;
  yName: string;
  nName: string | undefined;
  byName: string | undefined;
  delimiter: string | undefined;
  sheet: string | undefined;
  /** `--na`: the texts of --y and --n cells read as gaps. */
  na: NaTexts;
}

function readFlags(values: FlagValues, file: string): AnalyseFlags {
  const chart = chartFlag(C, stringFlag(values, "chart")) ?? "run";
  const rules = stringFlag(values, "rules");
  checkRules(C, chart, rules);
  const direction = enumFlag(C, "direction", stringFlag(values, "direction"), DIRECTIONS);
  const aggregate = enumFlag(C, "aggregate", stringFlag(values, "aggregate"), AGGREGATES);
  const period = enumFlag(C, "period", stringFlag(values, "period"), PERIODS);
  const nName = stringFlag(values, "n");
  checkCombining(C, chart, aggregate, nName);
  const multiply = multiplyFlag(C, values);
  const dates: DateFormat = enumFlag(C, "dates", stringFlag(values, "dates"), DATE_FORMATS) ?? "iso";
  const baseline = intFlag(C, "baseline", stringFlag(values, "baseline"), 1);
  const target = numberFlag(C, "target", stringFlag(values, "target"));
  const years = yearsFlag(C, values, period);
  const { phases, exclude } = pointFlags(C, values, dates, years);
  const json = values.json === true;
  const out = stringFlag(values, "out");
  const svg = stringFlag(values, "svg");
  const title = stringFlag(values, "title");
  if (out !== undefined && !json) throw new UsageError("--out needs --json (write the analysis JSON to FILE)", C);
  if (title !== undefined && svg === undefined) throw new UsageError("--title is the title of the SVG chart: give --svg FILE as well", C);
  const delimiter = delimiterFlag(C, stringFlag(values, "delimiter"));
  if (delimiter !== undefined && /\.json$/i.test(file)) throw new UsageError(`--delimiter is for CSV files; ${quote(file)} is read as JSON`, C);
  const settings: ChartSettings = { chart, rules, direction, baseline, phases, exclude, target, aggregate, multiply, n: nName !== undefined || NEEDS_N.includes(chart) };
  return {
    file, chart, settings, dates, period, years, aggregate, asOf: asOfFlag(C, values, dates), from: asOfFlag(C, values, dates, "from"), json, out, svg, title, nName, delimiter, sheet: stringFlag(values, "sheet"),
    filters: parseFilters(C, listFlag(values, "filter")),
    na: new NaTexts(C, listFlag(values, "na"), values.thousands === true),
    xName: stringFlag(values, "x"),
    yName: stringFlag(values, "y") ?? "y",
    byName: stringFlag(values, "by"),
  };
}

/**
 * `--years financial|clas`: how split years such as "2024/25" in the x column are read. A split-year
 * `--period` says it already (financial-year and financial-quarter: financial; clas-year: clas);
 * the two must agree.
 */
export function yearsFlag(command: string, values: FlagValues, period?: Period): SplitYear | undefined {
  const given = enumFlag(command, "years", stringFlag(values, "years"), Object.keys(YEARS_FLAG));
  const implied = splitYearOf(period);
  const years = given === undefined ? undefined : YEARS_FLAG[given]!;
  if (years !== undefined && implied !== undefined && years !== implied) throw new UsageError(`--years ${given} reads split years from ${given === "clas" ? "August" : "April"}, but --period ${period} has its years from ${implied === "clas-year" ? "August" : "April"}: give one of them`, command);
  return years ?? implied;
}

/**
 * `--phase DATE|N` and `--exclude N` (repeatable) as the library's `phases` (ISO dates, or 0-based
 * point indices) and `exclude` (0-based point indices); `analyse` and `summary` share it.
 */
export function pointFlags(command: string, values: FlagValues, dates: DateFormat, years?: SplitYear): { phases: (number | string)[]; exclude: number[] } {
  const exclude = listFlag(values, "exclude").map((v) => intFlag(command, "exclude", v, 1)! - 1);
  const phases = listFlag(values, "phase").map((v): number | string => {
    if (/^\s*\d+\s*$/.test(v)) return intFlag(command, "phase", v, 1)! - 1;
    // A date, or a month or quarter as the x column may write it ("Jan 2024", "2024 Q1"): its first day.
    const d = flagDate(v, dates) ?? readPeriodLabel(v, years)?.start ?? null;
    if (d === null) throw new UsageError(`--phase ${quote(v)} is neither a point number nor a date (${dates === "uk" ? "dd/mm/yyyy" : "YYYY-MM-DD"}, or a month or quarter such as Jan 2024 or 2024 Q1)`, command);
    return d;
  });
  return { phases, exclude };
}

/** `--as-of DATE` read as `--dates` reads x (as `timescales --as-of`), or null; `analyse` and `summary` share it. */
export function asOfFlag(command: string, values: FlagValues, dates: DateFormat, flag: "as-of" | "from" = "as-of"): string | null {
  const text = stringFlag(values, flag);
  if (text === undefined) return null;
  const asOf = flagDate(text, dates);
  if (asOf === null) throw new UsageError(`--${flag} ${quote(text)} is not a date (${expectedForm(dates)})`, command);
  return asOf;
}

/** Which `--aggregate` and `--n` a chart type can use (usage errors of `command` otherwise); `analyse` and `summary` share it. */
export function checkCombining(command: string, chart: ChartChoice, aggregate: Aggregate | undefined, nName: string | undefined): void {
  if (nName !== undefined && !NEEDS_N.includes(chart) && !RATIO_N.includes(chart)) {
    throw new UsageError(`--n is for p, pp, u and up charts, and run and i charts of a ratio y/n (here --chart ${chart})${chart === "c" ? "; a count per denominator is a u chart" : ""}`, command);
  }
  if (aggregate === undefined) return;
  if (SUBGROUPS.includes(chart)) throw new UsageError(`--aggregate is not for ${chart} charts: their rows that share an x form the subgroup`, command);
  // A c chart plots the count of events per period (Montgomery §7.3.1, nonconformities per
  // inspection unit): with one row per event, the number of rows of a period (--aggregate count,
  // rows with a value) is that count, as the sum of a column of 1s is. (qicharts2's agg.fun has no
  // count — mean, median, sum, sd —; its y.length, rows with a value, is the same number.)
  if (chart === "c" && aggregate === "count") return;
  if (aggregate !== "sum" && SUMMED.includes(chart)) throw new UsageError(`--aggregate ${aggregate}: a ${chart} chart combines rows that share an x by summing ${chart === "c" ? "the counts (give --aggregate sum, or count to count one row per event, or leave it out)" : "y and n (give --aggregate sum, or leave it out)"}`, command);
  if (aggregate !== "sum" && nName !== undefined) throw new UsageError(`--aggregate ${aggregate} with --n: rows of a ratio are combined as sum(y) / sum(n), as qicharts2 does (give --aggregate sum, or leave it out)`, command);
}

/**
 * The library options a chart's command line cannot choose, for `PathContext.fixed`: rows
 * of p, pp, u, up, np, ip and c charts that share an x are always summed (checkCombining refuses
 * any other `--aggregate`), so a warning does not advise choosing one.
 */
export function fixedOptions(chart: ChartChoice): readonly string[] {
  return SUMMED.includes(chart) ? ["aggregate"] : [];
}

/** `--multiply K`: a number > 0, or a usage error of `command`; `analyse` and `summary` share it. */
export function multiplyFlag(command: string, values: FlagValues): number | undefined {
  const multiply = numberFlag(command, "multiply", stringFlag(values, "multiply"));
  if (multiply !== undefined && !(multiply > 0)) throw new UsageError(`--multiply ${quote(stringFlag(values, "multiply"))} must be a number > 0 (e.g. 100 for a percentage, 10000 for a rate per 10,000)`, command);
  return multiply;
}

/** The columns of the series, read and checked (every problem listed at once). */
interface Columns {
  table: Table;
  xCol: string | undefined;
  nCol: string | undefined;
  x: XColumn | null;
  ys: NumberChunks;
  /** null, or the denominators (`perRow`: 1 for every row, a yes/no per case). */
  ns: NumberChunks | "perRow" | null;
  by: string[] | null;
  /** Dates: where the rows start and end and the period each stands for, decided once for the whole file (partialPeriods.ts); else null. */
  span: DataSpan | null;
  notes: { code: string; message: string }[];
}

/** Where `analyse` reads x, y and n: consumers of their cells while the file streams in. */
function cellColumns(f: AnalyseFlags): Map<string, CellColumn> {
  const cells = new Map<string, CellColumn>();
  for (const name of [f.xName ?? "x", f.yName, f.nName ?? "n"]) if (!cells.has(name)) cells.set(name, new CellColumn());
  return cells;
}

/** A column the file must have (requireColumn's message when it does not). */
function need(table: Table, cells: Map<string, CellColumn>, column: string, flag: string): CellColumn {
  if (!table.header.includes(column)) requireColumn(table, column, flag);
  return cells.get(column)!;
}

function readColumns(table: Table, cells: Map<string, CellColumn>, f: AnalyseFlags): Columns {
  const xCol = f.xName ?? (table.header.includes("x") ? "x" : undefined);
  const notes: { code: string; message: string }[] = [];
  const problems = new Problems();
  const yCells = need(table, cells, f.yName, "--y");
  const logical = logicalOf(yCells);
  if (logical) notes.push({ code: "logical-column", message: `column ${f.yName} is yes/no: read as 1 (TRUE, yes) and 0 (FALSE, no)` });
  const counted = !logical && f.aggregate === "count" && yCells.codes !== null ? countedOf(yCells, f.yName, f.na) : null;
  if (counted !== null && counted.cells > 0) notes.push(countedNote(f.yName, counted));
  // After countedOf every cell with a value is 1, and NA and --na gaps are blanks (NaN) already.
  const ys = logical || counted !== null ? yCells.nums : numbersOf(table, f.yName, yCells, problems, f.na);
  const x = xCol === undefined ? null : xOf(table, xCol, need(table, cells, xCol, "--x"), f.dates, f.period, problems, f.years);
  let nCol = f.nName ?? (NEEDS_N.includes(f.chart) ? "n" : undefined);
  let ns: Columns["ns"] = null;
  if (nCol !== undefined && f.nName === undefined && !table.header.includes(nCol) && (f.chart === "p" || f.chart === "pp") && logical) {
    // A yes/no per case: each row is one case (qicharts2 reads a logical y the same way).
    ns = "perRow";
    nCol = undefined;
    notes.push({ code: "n-per-row", message: `each row is one case: n = number of rows with a ${f.yName} value` });
  } else if (nCol !== undefined) ns = numbersOf(table, nCol, need(table, cells, nCol, "--n"), problems, f.na);
  const by = f.byName === undefined ? null : textColumn(requireColumn(table, f.byName, "--by"));
  problems.throwIfAny();
  notes.push(...f.na.notes());
  const span = checkRollUp(C, f, x, xCol, table.length, (i) => table.where(i, xCol));
  return { table, xCol, nCol, x, ys, ns, by, span, notes };
}

/** The note of `--aggregate count` over a y column with text (countedOf); summary shares it. */
export function countedNote(column: string, counted: { cells: number; first: string }): { code: string; message: string } {
  return { code: "count-text", message: `--aggregate count counts the rows whose ${column} is not blank: ${counted.cells} cell${counted.cells === 1 ? " is" : "s are"} text (such as ${quote(counted.first)}), each counted as one row` };
}

/** The table without its empty rows and the notes below the data (dataRows), with the note that names them. */
function skipEmptyRows(table: Table, cells: Map<string, CellColumn>, f: AnalyseFlags): { table: Table; note: { code: string; message: string } | null } {
  const xCol = f.xName ?? "x";
  // Without an x column the points are numbered: a blank y is a gap there, not an empty row.
  if (!table.header.includes(xCol)) return { table, note: paddedNote(table, null) };
  const valueCols = [f.yName, f.nName ?? "n"].filter((name) => name !== xCol && table.header.includes(name));
  const read = xTextReader(f.dates, f.years);
  const found = dataRows(table, table.length, cellView(cells.get(xCol)!), valueCols.map((name) => cellView(cells.get(name)!)), (t) => read(t).form !== null);
  return withoutSkipped(table, found, (rows) => {
    for (const col of cells.values()) col.keep(rows);
  });
}

/** One group's rows: table row of the group's k-th row (all rows without --by). */
interface Group {
  key: string;
  length: number;
  row: (k: number) => number;
}

/** The groups of --by in first-seen order (one group of every row without it). */
function groupsOf(c: Columns): Group[] {
  const length = c.table.length;
  if (c.by === null) return [{ key: "", length, row: (k) => k }];
  const ids = new Map<string, number>();
  const of = new Int32Array(length);
  const counts: number[] = [];
  for (let i = 0; i < length; i++) {
    const key = c.by[i]!;
    let g = ids.get(key);
    if (g === undefined) ids.set(key, (g = ids.size)), counts.push(0);
    of[i] = g;
    counts[g]!++;
  }
  const rows = counts.map((n) => new Int32Array(n));
  const filled = new Int32Array(counts.length);
  for (let i = 0; i < length; i++) rows[of[i]!]![filled[of[i]!]!++] = i;
  return [...ids.keys()].map((key, g) => ({ key, length: counts[g]!, row: (k: number) => rows[g]![k]! }));
}

/** Whether the library combines rows that share an x (a sum, y / n, a subgroup, --aggregate); else a repeated x is an error. */
export function combinesRows(chart: ChartChoice, aggregate: Aggregate | undefined, withN: boolean): boolean {
  return withN || SUMMED.includes(chart) || SUBGROUPS.includes(chart) || aggregate !== undefined;
}

/**
 * The notes of what the CLI did to one group's rows (the library combines rows that share an x
 * and warns how), after checking that a chart of one value per x has one.
 */
function groupWarnings(g: Group, f: AnalyseFlags, c: Columns): { code: string; message: string }[] {
  const withN = c.ns !== null && f.settings.n === true;
  const where = f.byName !== undefined ? ` (${f.byName} ${quote(g.key)})` : "";
  const combinedByLibrary = combinesRows(f.chart, f.aggregate, withN);
  if (c.x === null) return [];
  if (!combinedByLibrary) {
    const dup = scanX(c.x, g.length, g.row).duplicate;
    // --period needs --aggregate only where a period has more than one row (months already read as months need none).
    if (dup !== null && f.period !== undefined) throw periodNeedsAggregate(C, f.period);
    if (dup !== null) throw duplicateError(c, dup, g.key, f);
  }
  const warnings: { code: string; message: string }[] = [];
  if (f.period !== undefined || f.aggregate !== undefined) {
    const distinct = scanX(c.x, g.length, g.row).distinct;
    if (f.period !== undefined) {
      warnings.push(periodRollupNote(g.length, distinct, f.period, where));
    } else if (distinct === g.length) {
      warnings.push({ code: "aggregate-unused", message: `--aggregate ${f.aggregate}: no ${c.xCol} value has more than one row${where}, so nothing was combined` });
    }
  }
  return warnings;
}

/**
 * Bytes `analyse` may need per data row at its peak, measured (`npm run bench`, task
 * "analyse-memory"; docs/performance.md, issue #18): x and y as numbers (16 bytes a row, which
 * the library reads in place and the result keeps), the library's scratch (a run chart's medians
 * use its centre column), the rest of the result's columns (16 for a run chart, about 60 for a
 * control chart), and the heap: the chart's signals and the summary's text (about 25 on a random
 * series). Peaks measured in session 6: a run chart of 10⁷ rows 62 bytes a row of RSS, an i chart
 * of 3·10⁶ rows with `--json` 129. Kept at 256, twice the worst measured; most of it is typed arrays outside the JavaScript
 * heap: the heap limit stands for the memory Node may use.
 */
export const ANALYSE_BYTES_PER_ROW = 256;

/**
 * The most rows `analyse` reads with this process's heap: the heap limit divided by
 * {@link ANALYSE_BYTES_PER_ROW} (about 17 million with Node's default 4 GB heap). One more row
 * is a DataError naming the limit — never a heap-exhaustion abort (issue #18, finding 7).
 */
export function maxRowsForHeap(heapBytes = getHeapStatistics().heap_size_limit): { rows: number; why: string } {
  const rows = Math.max(1000, Math.floor(heapBytes / ANALYSE_BYTES_PER_ROW));
  return { rows, why: `about ${ANALYSE_BYTES_PER_ROW.toLocaleString("en-GB")} bytes a row of Node's ${Math.round(heapBytes / 2 ** 20).toLocaleString("en-GB")} MB heap` };
}

/** `--svg` names a file: a folder (or a name ending in /) is refused, also with --by, whose files go beside it. */
function checkSvgName(svg: string | undefined): void {
  if (svg === undefined) return;
  let folder = /[\\/]$/.test(svg) || svg === "." || svg === "..";
  try {
    folder ||= lstatSync(svg, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    // ENOTDIR and the like: writing will say why
  }
  if (folder) throw new DataError(`${svg}: is a folder; --svg names the SVG file to write (with --by, one file per group beside it: NAME-GROUP.svg)`);
}

/** `pace-qi analyse FILE …` */
export async function analyseCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "FILE argument (a CSV or JSON series)" });
  const f = readFlags(values, positionals[0]!);
  checkSvgName(f.svg);
  // x, y and n stream into numbers (src/cli/cells.ts); only --by and --filter columns are kept as text.
  const cells = cellColumns(f);
  const wanted = [...(f.byName ? [f.byName] : []), ...f.filters.map((r) => r.column)];
  const read = await readTable(f.file, { columns: wanted, cells, progress: io.stderr, maxRows: maxRowsForHeap(), ...(f.delimiter ? { delimiter: f.delimiter } : {}), sheet: f.sheet, padShortRows: true });
  if (read.length === 0) throw new DataError(`${f.file}: no data rows`);
  const data = skipEmptyRows(read, cells, f);
  const filtered = applyFilters(data.table, f.filters);
  if (filtered.rows !== null) for (const col of cells.values()) col.keep(filtered.rows);
  const c = readColumns(filtered.table, cells, f);
  if (data.note !== null) c.notes.unshift(data.note);
  const results: AnalyseResult[] = [];
  for (const g of groupsOf(c)) {
    const warnings = groupWarnings(g, f, c);
    checkPointNumbers(C, f.settings, g.length, f.byName !== undefined ? ` for ${f.byName} ${quote(g.key)}` : "");
    const ctx = {
      command: C,
      file: f.file,
      flags: ANALYSE_FLAGS,
      fixed: fixedOptions(f.chart),
      row: (k: number, field: string | undefined) => {
        const column = field === "x" ? c.xCol : field === "y" ? f.yName : field === "n" ? c.nCol : field;
        return k < g.length ? c.table.where(g.row(k), column) : undefined;
      },
    };
    const where = f.byName !== undefined ? ` (${f.byName} ${quote(g.key)})` : "";
    const rolled = c.x !== null && c.x.kind === "date" ? rollUpGroup(g, c.x, c.ys, c.span, rollUpFlags(f, c), where) : { zeros: [], partial: null, notes: [] };
    const partial = rolled.partial;
    const chart = withQi(ctx, () => {
      try {
        return analyseGroup(g, f, c, partial?.exclude ?? [], rolled.zeros);
      } catch (e) {
        throw partial !== null && partial.exclude.length > 0 ? (allPartialError(e, f.file, rollUpFlags(f, c), f.settings.exclude, partial.said, where) ?? e) : e;
      }
    });
    const notes = [...c.notes, ...warnings, ...rolled.notes];
    // The library's advice in a warning ("aggregate: \"mean\"", "target: 0.8, or multiply: 100") as flags.
    const own = warningsAsFlags(chart.warnings, ctx);
    // The partial periods the user did not --exclude too: the SVG's legend names them as such.
    const partialPeriods = (partial?.exclude ?? []).filter((i) => !f.settings.exclude.includes(i));
    results.push({ key: g.key, chart: notes.length === 0 && own === chart.warnings ? chart : ({ ...chart, warnings: withRollupNote(notes, own) } as typeof chart), partialPeriods });
  }
  await writeOutputs(f, c, filtered, results, io);
  return 0;
}

/**
 * One group's chart in columns (`output: "columns"`), read from the CLI's columns: the rows are
 * an empty array of the group's length (V8 keeps one with a single element set at its end in
 * dictionary form: no memory per row), so no object is made per row. Without --by the numbers go
 * to the library as columns (Float64Arrays it reads in place and the result keeps: no copy,
 * issue #18); a group's rows, and dates, through accessors of the row's position.
 */
function analyseGroup(g: Group, f: AnalyseFlags, c: Columns, partial: readonly number[], zeros: readonly string[] = []): ColumnarChart {
  const rows: unknown[] = [];
  rows[g.length + zeros.length - 1] = undefined;
  const { x, ys, ns } = c;
  const withN = ns !== null && f.settings.n === true;
  const whole = c.by === null && zeros.length === 0;
  const xs = whole && x !== null ? x.column() : null;
  // A period without rows (rollUp.ts rollUpGroup) is one more row after the group's (emptyPeriodY).
  const zeroY = emptyPeriodY(f.aggregate);
  const channels: Channels = {
    ...(x !== null ? { x: xs ?? ((_d: unknown, k: number) => (k < g.length ? x.value(g.row(k)) : zeros[k - g.length]!)) } : {}),
    y: whole ? ys.array() : (_d: unknown, k: number) => (k < g.length ? ys.get(g.row(k)) : zeroY),
    ...(withN ? { n: ns === "perRow" ? () => 1 : whole ? ns.array() : (_d: unknown, k: number) => ns.get(g.row(k)) } : {}),
  };
  // The points stand for --period's periods, or the months or quarters the x cells name.
  const period = f.period ?? x?.labels ?? undefined;
  const exclude = partial.length === 0 ? f.settings.exclude : [...new Set([...f.settings.exclude, ...partial])].sort((a, b) => a - b);
  return chartOf(rows, { ...f.settings, period, exclude }, channels, true) as ColumnarChart;
}

/** The roll-up flags of analyse (rollUp.ts), the same for every group. */
function rollUpFlags(f: AnalyseFlags, c: Columns): RollUpFlags {
  return { period: f.period, asOf: f.asOf, from: f.from, aggregate: f.aggregate, chart: f.chart, yOverN: c.ns !== null && f.settings.n === true, every: f.byName !== undefined ? `every ${f.byName}'s` : null };
}

/**
 * Point numbers are 1-based on the command line; say so before the library (0-based) does.
 * `which`: the series named after "the series" (" for team 'North'"), or "".
 */
export function checkPointNumbers(command: string, settings: ChartSettings, points: number, which: string): void {
  for (const [flag, list] of [["phase", settings.phases], ["exclude", settings.exclude]] as const) {
    for (const p of list) {
      if (typeof p === "number" && p >= points) {
        throw new UsageError(`--${flag} ${p + 1}: the series${which} has ${points} point${points === 1 ? "" : "s"}`, command);
      }
    }
  }
}

/** One group's chart, and its partial periods (rollUp.ts) not also given to --exclude (0-based). */
interface AnalyseResult {
  key: string;
  chart: ColumnarChart;
  partialPeriods: number[];
}

async function writeOutputs(f: AnalyseFlags, c: Columns, filtered: { kept: number; of: number }, results: AnalyseResult[], io: Io): Promise<void> {
  const planned: PlannedFile[] = [];
  const first = results[0]!.chart;
  const what = `${f.chart === "run" ? "run chart" : `${f.chart} chart`}, ${first.settings.rules.preset} rules, direction ${first.settings.direction}`;
  const of = `${measureName(f)}${f.settings.n === true && c.nCol !== undefined ? `/${c.nCol}` : ""}${f.settings.multiply !== undefined ? ` × ${f.settings.multiply}` : ""}`;
  const text: string[] = [];
  if (f.filters.length > 0) text.push(keptLine(filtered, f.filters), "");
  // Notes about the whole file (--aggregate count's text cells, --na): said once above the groups,
  // not once per group (each group's JSON still carries them).
  const once = results.length > 1 ? c.notes : [];
  if (once.length > 0) text.push(...once.map((n) => `Note: ${n.message}`), "");
  for (const r of results) {
    const head = `${c.by !== null ? `${f.byName} = ${r.key}: ` : ""}${r.chart.columns.length} points of ${of}${c.xCol !== undefined ? ` by ${f.period !== undefined ? periodWord(f.period) : c.xCol}` : ""} (${what})`;
    const chart = once.length === 0 ? r.chart : ({ ...r.chart, warnings: r.chart.warnings.filter((w) => !once.includes(w)) } as typeof r.chart);
    text.push(head, "type" in chart ? summariseControlChart(chart) : summariseRunChart(chart), "");
  }
  // In chunks, point by point from the columns: the JSON of a million-point chart exceeds V8's longest string.
  const json = function* (): Generator<string> {
    yield* analysisJson(results, c.by !== null);
    yield "\n";
  };
  if (f.json && f.out !== undefined) planned.push({ path: f.out, content: json() });
  if (f.svg !== undefined) {
    const ext = extname(f.svg) || ".svg";
    const stem = f.svg.slice(0, f.svg.length - extname(f.svg).length);
    for (const r of results) {
      // With --by each group's chart says which group it is, after --title too; a CUSUM's y axis
      // is in standard errors (the renderer's own label), not in the y column's units.
      const options = {
        title: `${f.title ?? of}${c.by !== null ? ` — ${r.key}` : ""}`,
        subtitle: `${basename(f.file)}: ${what}${f.filters.length > 0 ? `; ${describeFilters(f.filters)}` : ""}`,
        ...(c.xCol !== undefined ? { xLabel: f.period !== undefined ? periodWord(f.period) : c.xCol } : {}),
        ...(f.chart === "cusum" ? {} : { yLabel: yAxisTitle(f, c) }),
        ...(f.settings.target !== undefined ? { target: f.settings.target } : {}),
        ...(r.partialPeriods.length > 0 ? { partialPeriods: r.partialPeriods } : {}),
      };
      const content = "type" in r.chart ? renderControlChart(pointForm(r.chart), options) : renderRunChart(pointForm(r.chart), options);
      planned.push({ path: c.by === null ? f.svg : `${stem}-${slug(r.key)}${ext}`, content });
    }
  }
  await writeAll(planned);
  if (f.json && f.out === undefined) for (const chunk of json()) io.stdout.write(chunk);
  else {
    // Part by part, not joined into one more copy of a summary that may list 300,000 signals.
    text.forEach((t, k) => io.stdout.write(k === 0 ? t : `\n${t}`));
    for (const p of planned) io.stdout.write(`Wrote ${p.path}\n`);
  }
}

/**
 * The y axis' title: what a point's value is. For y/n (p, pp, u, up, ip charts, a run or i chart
 * with --n) the unit, not the numerator's name (a user trial's p chart read "Permanence decision
 * within 6…"): "% Permanence decision within 6 months" (× 100), "infections per 10000 patient_days",
 * or "y / n"; else the y column (× K). The title keeps "y/n × K".
 */
function yAxisTitle(f: AnalyseFlags, c: Columns): string {
  const k = f.settings.multiply;
  if (f.settings.n !== true || c.ns === null || f.chart === "np") return k === undefined ? measureName(f) : `${measureName(f)} × ${k}`;
  const n = c.nCol ?? "cases";
  if (k === 100) return `% ${f.yName}`;
  return k === undefined ? `${f.yName} / ${n}` : `${f.yName} per ${k} ${n}`;
}

/**
 * What is plotted, named from --y: under `--aggregate count` the number of rows, not the column's
 * values ("Rows counted (Placement Type)": a user trial's axis read "Team" over counts 0–12).
 */
function measureName(f: AnalyseFlags): string {
  return f.aggregate === "count" ? `Rows counted (${f.yName})` : f.yName;
}

/**
 * Two rows with one x on a chart of one value per x: the error naming both rows and their cells
 * as the file writes them ('28/01/2023', not the ISO date it was read as: a user trial).
 */
function duplicateError(c: Columns, [i, first]: [number, number], key: string, f: AnalyseFlags): DataError {
  const { table, xCol } = c;
  const x = c.x!;
  const what = f.chart === "run" ? "a run chart" : `${f.chart === "i" || f.chart === "mr" ? "an" : "a"} ${f.chart} chart`;
  const same = x.text(first) === x.text(i) ? "" : ` (${quote(x.text(first))})`;
  return new DataError(
    `${table.where(i, xCol)}: ${quote(x.text(i))} is already on ${rowName(table, first)}${same}${f.byName !== undefined ? ` (${f.byName} ${quote(key)})` : ""}; ${what} needs one value per ${xCol}: combine the rows first, or give --aggregate mean, median, sum, count or sd`,
  );
}
