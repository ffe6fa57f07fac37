import { AGGREGATES, CHART_TYPES, checkCombining, checkRules, analyseRows, multiplyFlag, ANALYSE_FLAGS, NEEDS_N, type Aggregate, type ChartChoice, type ChartSettings, type SeriesPoint } from "./analyse.js";
import { delimiterFlag, enumFlag, intFlag, numberFlag, parseCommandArgs, stringFlag, type FlagValues } from "./args.js";
import { Problems, numberColumn, textColumn, xColumn } from "./convert.js";
import { DATE_FORMATS, type DateFormat } from "./dates.js";
import { DataError, UsageError, quote } from "./errors.js";
import type { Io } from "./io.js";
import { renderSummaryTable, summariseMeasures, summaryToCsv, type MeasureChart, type MeasuresSummary } from "./lib.js";
import { writeAll, type PlannedFile } from "./output.js";
import { withQi } from "./qiMap.js";
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
  dates: { type: "string" },
  delimiter: { type: "string" },
  chart: { type: "string" },
  aggregate: { type: "string" },
  multiply: { type: "string" },
  rules: { type: "string" },
  direction: { type: "string" },
  baseline: { type: "string" },
  target: { type: "string" },
  unit: { type: "string" },
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
  names: { x: string; y: string; n: string; measure: string | undefined; group: string | undefined };
  delimiter: string | undefined;
  unit: string | undefined;
  json: boolean;
  out: string | undefined;
  csv: string | undefined;
  html: string | undefined;
  title: string | undefined;
}

function readFlags(values: FlagValues, file: string): SummaryFlags {
  const chart = enumFlag(C, "chart", stringFlag(values, "chart"), CHART_TYPES) ?? "run";
  const rules = stringFlag(values, "rules");
  checkRules(C, chart, rules);
  const direction = enumFlag(C, "direction", stringFlag(values, "direction"), DIRECTIONS);
  const aggregate: Aggregate | undefined = enumFlag(C, "aggregate", stringFlag(values, "aggregate"), AGGREGATES);
  const nName = stringFlag(values, "n");
  checkCombining(C, chart, aggregate, nName);
  const dates: DateFormat = enumFlag(C, "dates", stringFlag(values, "dates"), DATE_FORMATS) ?? "iso";
  const settings: ChartSettings = {
    chart, rules, direction, baseline: intFlag(C, "baseline", stringFlag(values, "baseline"), 1), phases: [], exclude: [],
    target: numberFlag(C, "target", stringFlag(values, "target")), aggregate, multiply: multiplyFlag(C, values),
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
    file, chart, settings, dates, json, out,
    names: { x: stringFlag(values, "x") ?? "x", y: stringFlag(values, "y") ?? "y", n: nName ?? "n", measure: stringFlag(values, "measure"), group: stringFlag(values, "group") },
    delimiter,
    unit: stringFlag(values, "unit"),
    csv: stringFlag(values, "csv"),
    html,
    title,
  };
}

/** The file's columns, read and checked (every problem listed at once). */
interface Columns {
  table: Table;
  xs: (number | string | null)[];
  ys: (number | null)[];
  ns: (number | null)[] | null;
  measures: string[] | null;
  groups: string[] | null;
}

async function readColumns(f: SummaryFlags, io: Io): Promise<Columns> {
  const { names } = f;
  const withN = f.settings.n === true;
  const wanted = [names.x, names.y, ...(withN ? [names.n] : []), ...(names.measure ? [names.measure] : []), ...(names.group ? [names.group] : [])];
  const table = await readTable(f.file, { columns: wanted, progress: io.stderr, ...(f.delimiter ? { delimiter: f.delimiter } : {}) });
  if (table.length === 0) throw new DataError(`${f.file}: no data rows`);
  const problems = new Problems();
  const xs = xColumn(table, names.x, requireColumn(table, names.x, "--x"), f.dates, problems).values;
  const ys = numberColumn(table, names.y, requireColumn(table, names.y, "--y"), problems);
  const ns = withN ? numberColumn(table, names.n, requireColumn(table, names.n, "--n"), problems) : null;
  const measures = names.measure ? textColumn(requireColumn(table, names.measure, "--measure")) : null;
  const groups = names.group ? textColumn(requireColumn(table, names.group, "--group")) : null;
  problems.throwIfAny();
  return { table, xs, ys, ns, measures, groups };
}

/** One chart per (measure, group) series, in first-seen order. */
function chartsOf(f: SummaryFlags, c: Columns): MeasureChart[] {
  const series = new Map<string, { measure: string; group: string | null; idx: number[] }>();
  for (let i = 0; i < c.table.length; i++) {
    const measure = c.measures?.[i] ?? f.names.y;
    const group = c.groups?.[i] ?? null;
    const key = JSON.stringify([measure, group]);
    let s = series.get(key);
    if (s === undefined) series.set(key, (s = { measure, group, idx: [] }));
    s.idx.push(i);
  }
  const column: Record<string, string> = { x: f.names.x, y: f.names.y, n: f.names.n };
  const items: MeasureChart[] = [];
  for (const s of series.values()) {
    const rows = s.idx.map((i): SeriesPoint => ({ x: c.xs[i]!, y: c.ys[i]!, ...(c.ns ? { n: c.ns[i]! } : {}) }));
    const ctx = { command: C, file: f.file, flags: ANALYSE_FLAGS, row: (k: number, field: string | undefined) => (s.idx[k] === undefined ? undefined : c.table.where(s.idx[k]!, field === undefined ? undefined : (column[field] ?? field))) };
    const chart = withQi(ctx, () => analyseRows(rows, f.settings, true));
    items.push({ name: s.measure, group: s.group, chart, ...(f.settings.target !== undefined ? { target: f.settings.target } : {}) });
  }
  return items;
}

/**
 * The summary, with a note when `--aggregate` combined nothing in any series (as `analyse` notes
 * it); the charts' own warnings (rows combined, missing values, …) are the library's.
 */
function summaryOf(f: SummaryFlags, items: MeasureChart[]): MeasuresSummary {
  const summary = summariseMeasures(items, f.unit !== undefined ? { unit: f.unit } : {});
  const aggregate = f.settings.aggregate;
  if (aggregate !== undefined && !summary.warnings.some((w) => w.code === "rows-combined")) {
    summary.warnings.push({ code: "aggregate-unused", message: `--aggregate ${aggregate}: no ${f.names.x} value has more than one row in any series, so nothing was combined` });
  }
  return summary;
}

/** `pace-qi summary FILE --x COL --y COL [--measure COL] [--group COL] …`: one row per measure and group. */
export async function summaryCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "FILE argument (a CSV or JSON table: one row per measure, group and period)" });
  const f = readFlags(values, positionals[0]!);
  const summary = summaryOf(f, chartsOf(f, await readColumns(f, io)));
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
 * figures). Text columns are left-aligned, the latest value right-aligned.
 */
function summaryText(summary: MeasuresSummary): string {
  const rows = summary.rows.map((r) => [r.measure, r.group === null ? "" : String(r.group), r.latest ? `${fmt(r.latest.y)} (${r.latest.label})` : "–", CATEGORY_TEXT[r.category]!, r.reading].map(terminalCell));
  const c = summary.counts;
  const notes = summary.warnings.map((w) => `Note: ${w.message}\n`).join("");
  return `${summary.rows.length} series: ${c.concern} concern, ${c.improvement} improvement, ${c.neutral} other special cause, ${c["common-cause"]} common cause, ${c.insufficient} too few points\n\n${textTable(["measure", "group", "latest", "variation", "reading"], rows, ["left", "left", "right", "left", "left"])}\n${notes === "" ? "" : `\n${notes}`}`;
}
