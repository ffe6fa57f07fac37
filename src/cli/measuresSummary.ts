import { AGGREGATES, asOfFlag, combinesRows, countedNote, checkCombining, checkPointNumbers, checkRules, analyseRows, fixedOptions, multiplyFlag, pointFlags, yearsFlag, ANALYSE_FLAGS, NEEDS_N, type Aggregate, type ChartChoice, type ChartSettings, type SeriesPoint } from "./analyse.js";
import { delimiterFlag, enumFlag, intFlag, listFlag, numberFlag, parseCommandArgs, stringFlag, type FlagValues } from "./args.js";
import { Problems, isMissingNumber, numberColumn, textColumn, xColumn } from "./convert.js";
import { decimal } from "../_lib/numberText.js";
import { DATE_FORMATS, xTextReader, type DateFormat, type LabelForm } from "./dates.js";
import { NaTexts } from "./naTexts.js";
import { perMeasureFlag, type PerMeasure, type PerMeasureSpec } from "./perMeasure.js";
import type { DataSpan } from "./partialPeriods.js";
import { PERIODS, periodStart, type Period } from "./period.js";
import { allPartialError, checkRollUp, emptyPeriodY, periodNeedsAggregate, periodRollupNote, rollUpGroup, withRollupNote, type RollUpFlags } from "./rollUp.js";
import { joinNotes, skipEmptyTableRows } from "./noteRows.js";
import { DataError, UsageError, quote } from "./errors.js";
import { chartFlag } from "./chartTypes.js";
import { applyFilters, keptLine, parseFilters, type RowFilter } from "./filter.js";
import type { Io } from "./io.js";
import { nearestName, renderSummaryTable, summariseMeasures, writePeriodLabel, summaryToCsv, type MeasureChart, type MeasuresSummary, type SplitYear } from "./lib.js";
import { writeAll, type PlannedFile } from "./output.js";
import { warningsAsFlags, withQi } from "./qiMap.js";
import { fmt, textTable } from "./summary.js";
import { readTable, requireColumn, type Table } from "./table.js";
import { terminalCell } from "./terminal.js";

const C = "summary";
const DIRECTIONS = ["increase", "decrease", "neutral"] as const;
const CATEGORY_TEXT: Record<string, string> = { concern: "CONCERN", improvement: "improvement", neutral: "special cause", "common-cause": "common cause", insufficient: "too few points" };

const SPEC = {
  x: { type: "string" },
  y: { type: "string" },
  n: { type: "string" },
  measure: { type: "string" },
  group: { type: "string" },
  filter: { type: "string", multiple: true },
  na: { type: "string", multiple: true },
  thousands: { type: "boolean" },
  dates: { type: "string" },
  years: { type: "string" },
  period: { type: "string" },
  "as-of": { type: "string" },
  from: { type: "string" },
  delimiter: { type: "string" },
  chart: { type: "string" },
  aggregate: { type: "string" },
  multiply: { type: "string" },
  rules: { type: "string" },
  direction: { type: "string", multiple: true },
  baseline: { type: "string" },
  phase: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  target: { type: "string", multiple: true },
  unit: { type: "string", multiple: true },
  json: { type: "boolean" },
  out: { type: "string" },
  csv: { type: "string" },
  html: { type: "string" },
  title: { type: "string" },
} as const;

/** The command line of `summary`, checked. */
interface SummaryFlags {
  file: string;
  chart: ChartChoice;
  settings: ChartSettings;
  dates: DateFormat;
  /** `--years`: how split years such as 2024/25 are read; undefined: they are not. */
  years: SplitYear | undefined;
  /** `--period`: each date read as the period it falls in, the rows of a period combined (as analyse). */
  period: Period | undefined;
  /** `--as-of`: the extract date (ISO), the data complete up to and including it. */
  asOf: string | null;
  /** `--direction`, `--target`, `--unit`: the plain value (also in `settings`, and `unit`) and each measure's own (NAME=VALUE). */
  directions: PerMeasure<Direction>;
  targets: PerMeasure<number>;
  units: PerMeasure<string>;
  /** `--from`: the first day the data cover (ISO), or null. */
  from: string | null;
  names: { x: string; y: string; n: string; measure: string | undefined; group: string | undefined };
  filters: RowFilter[];
  /** `--na`: the texts of --y and --n cells read as gaps. */
  na: NaTexts;
  delimiter: string | undefined;
  unit: string | undefined;
  json: boolean;
  out: string | undefined;
  csv: string | undefined;
  html: string | undefined;
  title: string | undefined;
}

function readFlags(values: FlagValues, file: string): SummaryFlags {
  const chart = chartFlag(C, stringFlag(values, "chart")) ?? "run";
  const rules = stringFlag(values, "rules");
  checkRules(C, chart, rules);
  const directions = perMeasureFlag(C, "direction", listFlag(values, "direction"), DIRECTION_SPEC);
  const direction = directions.plain;
  const targets = perMeasureFlag(C, "target", listFlag(values, "target"), TARGET_SPEC);
  const units = perMeasureFlag(C, "unit", listFlag(values, "unit"), UNIT_SPEC);
  const aggregate: Aggregate | undefined = enumFlag(C, "aggregate", stringFlag(values, "aggregate"), AGGREGATES);
  const nName = stringFlag(values, "n");
  checkCombining(C, chart, aggregate, nName);
  const dates: DateFormat = enumFlag(C, "dates", stringFlag(values, "dates"), DATE_FORMATS) ?? "iso";
  const period = enumFlag(C, "period", stringFlag(values, "period"), PERIODS);
  const years = yearsFlag(C, values, period);
  const settings: ChartSettings = {
    chart, rules, direction, baseline: intFlag(C, "baseline", stringFlag(values, "baseline"), 1), ...pointFlags(C, values, dates, years),
    target: targets.plain, aggregate, multiply: multiplyFlag(C, values),
    // As analyse: --n on a run or i chart plots y/n (checkCombining refuses it for other charts).
    n: nName !== undefined || NEEDS_N.includes(chart),
  };
  const json = values.json === true;
  const out = stringFlag(values, "out");
  if (out !== undefined && !json) throw new UsageError("--out needs --json (write the summary JSON to FILE)", C);
  // Flags that only act on an output or input the command line lacks are refused, as in analyse.
  const html = stringFlag(values, "html");
  const title = stringFlag(values, "title");
  if (title !== undefined && html === undefined) throw new UsageError("--title is the title of the HTML table: give --html FILE as well", C);
  const delimiter = delimiterFlag(C, stringFlag(values, "delimiter"));
  if (delimiter !== undefined && /\.json$/i.test(file)) throw new UsageError(`--delimiter is for CSV files; ${quote(file)} is read as JSON`, C);
  return {
    file, chart, settings, dates, years, json, out, period, directions, targets, units, asOf: asOfFlag(C, values, dates), from: asOfFlag(C, values, dates, "from"),
    names: { x: stringFlag(values, "x") ?? "x", y: stringFlag(values, "y") ?? "y", n: nName ?? "n", measure: stringFlag(values, "measure"), group: stringFlag(values, "group") },
    filters: parseFilters(C, listFlag(values, "filter")),
    na: new NaTexts(C, listFlag(values, "na"), values.thousands === true),
    delimiter,
    unit: units.plain,
    csv: stringFlag(values, "csv"),
    html,
    title,
  };
}

type Direction = (typeof DIRECTIONS)[number];

/** `--direction` as {@link perMeasureFlag} reads it: increase, decrease or neutral, with "did you mean". */
const DIRECTION_SPEC: PerMeasureSpec<Direction> = {
  meta: "DIRECTION",
  what: "direction",
  whose: "better direction",
  plain(v) {
    if ((DIRECTIONS as readonly string[]).includes(v)) return v as Direction;
    const near = nearestName(v, DIRECTIONS);
    throw new UsageError(`--direction ${quote(v)} is not one of: ${DIRECTIONS.join(", ")}${near === undefined ? "" : `; did you mean --direction ${near}?`} (or NAME=DIRECTION for one measure)`, C);
  },
  named(dir, name, written) {
    if ((DIRECTIONS as readonly string[]).includes(dir)) return dir as Direction;
    const near = nearestName(dir, DIRECTIONS);
    throw new UsageError(`--direction ${quote(written)}: ${quote(dir)} is not one of: ${DIRECTIONS.join(", ")}${near === undefined ? "" : `; did you mean ${quote(`${name}=${near}`)}?`}`, C);
  },
};

/** `--target`: a number (the plain one every series', NAME=VALUE one measure's). */
const TARGET_SPEC: PerMeasureSpec<number> = {
  meta: "VALUE",
  what: "target",
  whose: "target",
  plain: (v) => numberFlag(C, "target", v)!,
  named: (v, _name, written) => {
    if (v.trim() === "" || !Number.isFinite(Number(v))) throw new UsageError(`--target ${quote(written)}: ${quote(v)} is not a number`, C);
    return Number(v);
  },
};

/** `--unit`: any text ("%", "days"). */
const UNIT_SPEC: PerMeasureSpec<string> = { meta: "UNIT", what: "unit", whose: "unit", plain: (v) => v, named: (v) => v };

/**
 * Each `--direction`, `--target` or `--unit` NAME=… must name a measure of the file (of the rows
 * `--filter` kept): a usage error naming it, with "did you mean" (a near spelling, or the one
 * measure whose name holds it or is held in it) or else the measures there are. With one plain
 * value and several measures, none named, a note says it applies to every one of them.
 */
function perMeasureNotes(f: SummaryFlags, all: readonly Series[]): { code: string; message: string }[] {
  const measures = [...new Set(all.map((s) => s.measure))];
  const flags = [["direction", f.directions], ["target", f.targets], ["unit", f.units]] as const;
  for (const [flag, given] of flags) checkMeasureNames(f, measures, flag, given.named);
  if (measures.length < 2) return [];
  const notes: { code: string; message: string }[] = [];
  const plain = f.directions.plain;
  if (plain !== undefined && f.directions.named.size === 0) {
    const other = plain === "increase" ? "decrease" : "increase";
    notes.push({ code: "direction-every-series", message: `--direction ${plain} applies to every series (${measures.length} measures): ${plain === "neutral" ? "none is judged better or worse" : `each is judged better when ${plain === "increase" ? "higher" : "lower"}`}; for a measure better the other way give --direction "MEASURE=${other}"` });
  }
  for (const [flag, given] of [["target", f.targets], ["unit", f.units]] as const) {
    if (given.plain === undefined || given.named.size > 0) continue;
    notes.push({ code: `${flag}-every-series`, message: `--${flag} ${quote(String(given.plain))} applies to every series (${measures.length} measures); for a measure with another ${flag} give --${flag} "MEASURE=${flag === "target" ? "VALUE" : "UNIT"}"` });
  }
  return notes;
}

function checkMeasureNames(f: SummaryFlags, measures: readonly string[], flag: string, named: ReadonlyMap<string, unknown>): void {
  const column = f.names.measure === undefined ? `--y ${quote(f.names.y)}` : `the column ${quote(f.names.measure)}${f.filters.length > 0 ? " (of the rows --filter kept)" : ""}`;
  for (const [name, value] of named) {
    if (measures.includes(name)) continue;
    const lower = name.toLowerCase();
    const holds = measures.filter((m) => m.toLowerCase().includes(lower) || lower.includes(m.toLowerCase()));
    const near = nearestName(name, measures) ?? (holds.length === 1 ? holds[0] : undefined);
    const known = measures.length <= 12 ? `; the measures are ${measures.map(quote).join(", ")}` : "";
    throw new UsageError(`--${flag} ${quote(`${name}=${String(value)}`)}: no measure ${quote(name)} in ${column}${near === undefined ? known : `; did you mean --${flag} ${quote(`${near}=${String(value)}`)}?`}`, C);
  }
}

/** The file's columns, read and checked (every problem listed at once). */
interface Columns {
  table: Table;
  /** With `--filter`: how many rows it kept of how many (null without it). */
  filtered: { kept: number; of: number } | null;
  /** The note naming the empty rows and notes below the data that were skipped (noteRows.ts), or null. */
  skipped: { code: string; message: string } | null;
  /** Each row's x: a number, or an ISO date (with --period, the first day of its period). */
  xs: (number | string | null)[];
  /** Each row's x as written: a number, or an ISO date (a label's first day), before --period. */
  written: (number | string | null)[];
  /** Dates: where the file's rows start and end and the period each stands for (partialPeriods.ts DataSpan); else null. */
  span: DataSpan | null;
  /** The x values are ISO dates (else numbers). */
  dated: boolean;
  /** "month" or "quarter" when the x cells were months or quarters ("Jan 2024", "2024 Q1"): the charts' period. */
  labels: LabelForm | null;
  ys: (number | null)[];
  ns: (number | null)[] | null;
  measures: string[] | null;
  groups: string[] | null;
}

async function readColumns(f: SummaryFlags, io: Io): Promise<Columns> {
  const { names } = f;
  const withN = f.settings.n === true;
  const wanted = [names.x, names.y, ...(withN ? [names.n] : []), ...(names.measure ? [names.measure] : []), ...(names.group ? [names.group] : []), ...f.filters.map((r) => r.column)];
  const read = await readTable(f.file, { columns: wanted, progress: io.stderr, ...(f.delimiter ? { delimiter: f.delimiter } : {}), padShortRows: true });
  if (read.length === 0) throw new DataError(`${f.file}: no data rows`);
  // As analyse: the rows --filter keeps, before the series are split (row numbers stay the file's).
  const xText = xTextReader(f.dates, f.years);
  const data = skipEmptyTableRows(read, names.x, [names.y, ...(withN ? [names.n] : [])], (t) => xText(t).form !== null);
  const filtered = applyFilters(data.table, f.filters);
  const table = filtered.table;
  const problems = new Problems();
  const x = xColumn(table, names.x, requireColumn(table, names.x, "--x"), f.dates, problems, f.years);
  const yValues = requireColumn(table, names.y, "--y");
  const counted = f.settings.aggregate === "count" ? countedValues(yValues, names.y, f.na) : null;
  const ys = numberColumn(table, names.y, counted?.values ?? yValues, problems, "a number", f.na);
  const ns = withN ? numberColumn(table, names.n, requireColumn(table, names.n, "--n"), problems, "a number", f.na) : null;
  const measures = names.measure ? textColumn(requireColumn(table, names.measure, "--measure")) : null;
  const groups = names.group ? textColumn(requireColumn(table, names.group, "--group")) : null;
  problems.throwIfAny();
  // --period, --as-of and --from as analyse checks and reads them (rollUp.ts).
  const cells = table.columns.get(names.x)!;
  const written = x.values;
  const span = checkRollUp(C, f, { kind: x.kind, labels: x.labels, written: (i) => written[i] as string, text: (i) => String(cells[i]) }, names.x, table.length, (i) => table.where(i, names.x));
  const period = f.period;
  const xs = period === undefined || x.kind !== "date" ? written : written.map((d) => (typeof d === "string" ? periodStart(d, period) : d));
  return { table, filtered: filtered.rows === null ? null : filtered, skipped: joinNotes(data.note, counted?.note ?? null), xs, written, span, dated: x.kind === "date", labels: x.labels, ys, ns, measures, groups };
}

/**
 * y for `--aggregate count` (as analyse's countedOf): a text cell that is not a missing value
 * (blank, NA, an --na gap) is one row with a value, read as 1; a copy, with the note, or null
 * when no cell is text.
 */
function countedValues(values: readonly unknown[], column: string, na: NaTexts): { values: unknown[]; note: { code: string; message: string } } | null {
  let cells = 0;
  let first = "";
  const out = values.map((v) => {
    if (typeof v !== "string" || isMissingNumber(v) || Number.isFinite(decimal(v)) || na.kind(v) !== null) return v;
    if (cells++ === 0) first = v;
    return 1;
  });
  return cells === 0 ? null : { values: out, note: countedNote(column, { cells, first }) };
}

/** One (measure, group) series: the table rows it has. */
interface Series {
  measure: string;
  group: string | null;
  idx: number[];
}

/** The (measure, group) series in first-seen order. */
function seriesOf(f: SummaryFlags, c: Columns): Series[] {
  const series = new Map<string, Series>();
  for (let i = 0; i < c.table.length; i++) {
    const measure = c.measures?.[i] ?? f.names.y;
    const group = c.groups?.[i] ?? null;
    const key = JSON.stringify([measure, group]);
    let s = series.get(key);
    if (s === undefined) series.set(key, (s = { measure, group, idx: [] }));
    s.idx.push(i);
  }
  return [...series.values()];
}

/** "Within 26 weeks (North)", as the summary's notes name a series. */
function seriesName(s: Series): string {
  return s.group === null ? s.measure : `${s.measure} (${s.group})`;
}

/**
 * One chart per (measure, group) series, in first-seen order; `--phase` and `--exclude` as
 * {@link seriesPhases} and {@link checkSamePoints} say. `combined`: some series had rows that
 * share an x (the library's `rows-combined`, which under --period ends the `period-rollup` note).
 * `notes`: the notes that one plain --direction, --target or --unit covers several measures (perMeasureNotes).
 */
function chartsOf(f: SummaryFlags, c: Columns): { items: MeasureChart[]; combined: boolean; notes: { code: string; message: string }[] } {
  const all = seriesOf(f, c);
  const directionNote = perMeasureNotes(f, all);
  const phased = seriesPhases(f, c, all);
  const column: Record<string, string> = { x: f.names.x, y: f.names.y, n: f.names.n };
  const roll = rollUpFlags(f, all.length);
  let combined = false;
  const items = all.map((s, k): MeasureChart => {
    const rolled = rollUpSeries(f, c, s, roll);
    // A period without rows drawn as 0 (rollUp.ts emptyPeriodY, as analyse).
    const zeroY = emptyPeriodY(f.settings.aggregate);
    const rows = [...s.idx.map((i): SeriesPoint => ({ x: c.xs[i]!, y: c.ys[i]!, ...(c.ns ? { n: c.ns[i]! } : {}) })), ...rolled.zeros.map((z): SeriesPoint => ({ x: z, y: Number.isNaN(zeroY) ? null : zeroY }))];
    const partial = rolled.partial?.exclude ?? [];
    const exclude = partial.length === 0 ? f.settings.exclude : [...new Set([...f.settings.exclude, ...partial])].sort((a, b) => a - b);
    const period = f.period ?? c.labels;
    const direction = f.directions.named.get(s.measure) ?? f.settings.direction;
    const target = f.targets.named.get(s.measure) ?? f.settings.target;
    const unit = f.units.named.get(s.measure);
    const settings = { ...f.settings, direction, target, exclude, phases: phased[k]!.phases, ...(period !== null ? { period } : {}) };
    if (settings.phases.some((p) => typeof p === "number") || settings.exclude.length > 0) {
      checkPointNumbers(C, settings, new Set(rows.map((r) => r.x).filter((v) => v !== null)).size, ` ${quote(seriesName(s))}`);
    }
    const ctx = { command: C, file: f.file, flags: ANALYSE_FLAGS, fixed: fixedOptions(f.chart), row: (k: number, field: string | undefined) => (s.idx[k] === undefined ? undefined : c.table.where(s.idx[k]!, field === undefined ? undefined : (column[field] ?? field))) };
    const analysed = inSeries(s, () =>
      withQi(ctx, () => {
        try {
          return analyseRows(rows, settings, true);
        } catch (e) {
          throw partial.length > 0 ? (allPartialError(e, f.file, roll, f.settings.exclude, rolled.partial!.said, ` (${seriesName(s)})`) ?? e) : e;
        }
      }),
    );
    const notes = [...phased[k]!.notes, ...rolled.notes];
    const own = warningsAsFlags(analysed.warnings, ctx);
    combined ||= own.some((w) => w.code === "rows-combined");
    const chart = notes.length === 0 && own === analysed.warnings ? analysed : ({ ...analysed, warnings: withRollupNote(notes, own) } as typeof analysed);
    // The partial periods not also given to --exclude: the board calls them so, not "excluded".
    const partialPeriods = partial.filter((i) => !f.settings.exclude.includes(i));
    return { name: s.measure, group: s.group, chart, ...(target !== undefined ? { target } : {}), ...(unit !== undefined ? { unit } : {}), ...(partialPeriods.length > 0 ? { partialPeriods } : {}) };
  });
  checkSamePoints(f.settings, items);
  return { items, combined, notes: directionNote };
}

/** The roll-up flags of summary (rollUp.ts), as analyse's: several series share the file's span. */
function rollUpFlags(f: SummaryFlags, series: number): RollUpFlags {
  return { period: f.period, asOf: f.asOf, from: f.from, aggregate: f.settings.aggregate, chart: f.chart, yOverN: f.settings.n === true, every: series > 1 ? "every series'" : null };
}

/**
 * One series' rows rolled up as analyse rolls up a group's (rollUp.ts rollUpGroup): the periods
 * without rows drawn as 0, the partial periods left out, and their notes, with the `period-rollup`
 * note first; a series with two rows in one period on a chart of one value per x, without
 * --aggregate, is the usage error analyse gives.
 */
function rollUpSeries(f: SummaryFlags, c: Columns, s: Series, roll: RollUpFlags): ReturnType<typeof rollUpGroup> {
  if (!c.dated || c.span === null) return { zeros: [], partial: null, notes: [] };
  const distinct = new Set(s.idx.map((i) => c.xs[i])).size;
  if (f.period !== undefined && distinct < s.idx.length && !combinesRows(f.chart, f.settings.aggregate, f.settings.n === true)) throw periodNeedsAggregate(C, f.period);
  const g = { length: s.idx.length, row: (k: number) => s.idx[k]! };
  const x = { value: (i: number) => c.xs[i] as string, written: (i: number) => c.written[i] as string };
  const rolled = rollUpGroup(g, x, { get: (i) => c.ys[i] ?? Number.NaN }, c.span, roll, "");
  return f.period === undefined ? rolled : { ...rolled, notes: [periodRollupNote(s.idx.length, distinct, f.period, ""), ...rolled.notes] };
}

/** Run `fn` for one series: a usage error it gives (an option the series cannot take) names the series. */
function inSeries<T>(s: Series, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${e.message} (in the series ${quote(seriesName(s))})`, e.command);
    throw e;
  }
}

/**
 * Each series' phases. A `--phase DATE` applies to every series (the change is on one date for
 * all); a series whose last point is before the date keeps one phase, with a note (a team's
 * series that ended, not an error that stops the board's summary), unless no series reaches the
 * date (a typo: the usage error `analyse` gives one series). A date before a series' first point
 * starts no new phase there, as in `analyse`.
 */
function seriesPhases(f: SummaryFlags, c: Columns, all: readonly Series[]): { phases: (number | string)[]; notes: { code: string; message: string }[] }[] {
  const dates = f.settings.phases.filter((p): p is string => typeof p === "string");
  if (!c.dated || dates.length === 0) return all.map(() => ({ phases: f.settings.phases, notes: [] }));
  let latest = "";
  const out = all.map((s) => {
    let last = "";
    for (const i of s.idx) if (typeof c.xs[i] === "string" && (c.xs[i] as string) > last) last = c.xs[i] as string;
    if (last > latest) latest = last;
    const after = new Set(dates.filter((d) => d > last));
    return {
      phases: f.settings.phases.filter((p) => !after.has(p as string)),
      notes: [...after].map((d) => ({ code: "phase-after-series", message: `its last point (${last}) is before --phase ${d}: no new phase in this series` })),
    };
  });
  const never = dates.find((d) => d > latest);
  if (never !== undefined) throw new UsageError(`--phase ${never} is after the last point of every series (the latest is ${latest})`, C);
  return out;
}

/**
 * `--phase N` and `--exclude N` count each series' own points (1-based, in x order): allowed when
 * point N is the same x in every series (series over the same months), else a usage error naming
 * two series where it differs — excluding "point 14" must not exclude February in one series and
 * March in another without a word.
 */
function checkSamePoints(s: ChartSettings, items: readonly MeasureChart[]): void {
  const numbered = [...s.phases.filter((p): p is number => typeof p === "number").map((p) => ["phase", p] as const), ...s.exclude.map((p) => ["exclude", p] as const)];
  for (const [flag, p] of numbered) {
    const xOf = (m: MeasureChart): string => String(m.chart.points[p]?.x);
    const first = items[0]!;
    const other = items.find((m) => xOf(m) !== xOf(first));
    if (other === undefined) continue;
    const name = (m: MeasureChart): string => quote(m.group === null || m.group === undefined ? m.name : `${m.name} (${m.group})`);
    const advice = flag === "phase" ? `give the date the phase starts (--phase ${xOf(other)}), which every series reads the same` : "summarise those series apart (--filter) to exclude a different point in each";
    throw new UsageError(`--${flag} ${p + 1}: point ${p + 1} is ${xOf(first)} in ${name(first)} but ${xOf(other)} in ${name(other)} (each series numbers its own points); ${advice}`, C);
  }
}

/**
 * The summary, with a note when `--aggregate` combined nothing in any series (as `analyse` notes
 * it) and one of the rows `--filter` kept (first: the HTML table and the JSON say it too); the
 * charts' own warnings (rows combined, missing values, …) are the library's.
 */
/**
 * What `--phase` and `--exclude` did, for the board: the table's centres and readings depend on
 * them, and the summary (its HTML too) is read without the command line (a user trial).
 */
function pointNotes(f: SummaryFlags, labels: Columns["labels"]): { code: string; message: string }[] {
  const { phases, exclude } = f.settings;
  const out: { code: string; message: string }[] = [];
  const at = (p: number | string) => (typeof p === "number" ? `point ${p + 1}` : writePeriodLabel(p, labels ?? "day"));
  if (phases.length > 0) out.push({ code: "phases-given", message: `--phase: a new phase starts at ${phases.map(at).join(", ")} in every series; each phase has its own centre line` });
  if (exclude.length > 0) out.push({ code: "points-excluded", message: `--exclude: point${exclude.length === 1 ? "" : "s"} ${exclude.map((i) => i + 1).join(", ")} of every series ${exclude.length === 1 ? "is" : "are"} drawn but left out of the centre line and the rules` });
  return out;
}

function summaryOf(f: SummaryFlags, charts: ReturnType<typeof chartsOf>, c: Pick<Columns, "filtered" | "skipped" | "labels">): MeasuresSummary {
  const { filtered, skipped } = c;
  const summary = summariseMeasures(charts.items, f.unit !== undefined ? { unit: f.unit } : {});
  summary.warnings.unshift(...charts.notes, ...pointNotes(f, c.labels), ...f.na.notes());
  if (skipped !== null) summary.warnings.unshift(skipped);
  if (filtered !== null) summary.warnings.unshift({ code: "rows-filtered", message: keptLine(filtered, f.filters) });
  const aggregate = f.settings.aggregate;
  if (aggregate !== undefined && !charts.combined) {
    summary.warnings.push({ code: "aggregate-unused", message: `--aggregate ${aggregate}: no ${f.names.x} value has more than one row in any series, so nothing was combined` });
  }
  return summary;
}

/** `pace-qi summary FILE --x COL --y COL [--measure COL] [--group COL] …`: one row per measure and group. */
export async function summaryCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "FILE argument (a CSV or JSON table: one row per measure, group and period)" });
  const f = readFlags(values, positionals[0]!);
  const columns = await readColumns(f, io);
  const summary = summaryOf(f, chartsOf(f, columns), columns);
  const planned: PlannedFile[] = [];
  const jsonText = `${JSON.stringify(summary, null, 2)}\n`;
  if (f.json && f.out !== undefined) planned.push({ path: f.out, content: jsonText });
  if (f.csv !== undefined) planned.push({ path: f.csv, content: summaryToCsv(summary) });
  if (f.html !== undefined) planned.push({ path: f.html, content: renderSummaryTable(summary, { standalone: true, title: f.title ?? "Summary of measures" }) });
  await writeAll(planned);
  if (f.json && f.out === undefined) io.stdout.write(jsonText);
  else {
    io.stdout.write(summaryText(summary));
    for (const p of planned) io.stdout.write(`Wrote ${p.path}\n`);
  }
  return 0;
}

/**
 * The counts, the table and a `Note:` line for each warning (as `analyse` prints a chart's). Cells
 * are escaped as every command's terminal output is (control characters as visible `\u001b`),
 * before the columns are measured; the latest value is rounded as analyse rounds (3 significant
 * figures), in the row's unit ("18.6 %", as the reading writes the target). Text columns are
 * left-aligned, the latest value right-aligned.
 */
function summaryText(summary: MeasuresSummary): string {
  const rows = summary.rows.map((r) => [r.measure, r.group === null ? "" : String(r.group), r.latest ? `${fmt(r.latest.y)}${r.unit === "" ? "" : ` ${r.unit}`} (${r.latest.label}${r.latest.excluded !== true ? "" : r.latest.partial === true ? ", partial period" : ", excluded"})` : "–", CATEGORY_TEXT[r.category]!, r.reading].map(terminalCell));
  const c = summary.counts;
  // What --filter kept heads the text, as in analyse; every other warning is a note under the table.
  const kept = summary.warnings.filter((w) => w.code === "rows-filtered").map((w) => `${terminalCell(w.message)}\n\n`).join("");
  const notes = summary.warnings.filter((w) => w.code !== "rows-filtered").map((w) => `Note: ${w.message}\n`).join("");
  return `${kept}${summary.rows.length} series: ${c.concern} concern, ${c.improvement} improvement, ${c.neutral} other special cause, ${c["common-cause"]} common cause, ${c.insufficient} too few points\n\n${textTable(["measure", "group", "latest", "variation", "reading"], rows, ["left", "left", "right", "left", "left"])}\n${notes === "" ? "" : `\n${notes}`}`;
}
