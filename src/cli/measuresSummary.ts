import { CHART_TYPES, checkRules, analyseRows, ANALYSE_FLAGS, type ChartSettings, type SeriesPoint } from "./analyse.js";
import { delimiterFlag, enumFlag, intFlag, numberFlag, parseCommandArgs, stringFlag } from "./args.js";
import { Problems, numberColumn, textColumn, xColumn } from "./convert.js";
import { DATE_FORMATS, type DateFormat } from "./dates.js";
import { DataError, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { renderSummaryTable, summariseMeasures, summaryToCsv, type MeasureChart } from "./lib.js";
import { writeAll, type PlannedFile } from "./output.js";
import { withQi } from "./qiMap.js";
import { textTable } from "./summary.js";
import { readTable, requireColumn } from "./table.js";

const C = "summary";
const NEEDS_N: readonly string[] = ["p", "pp", "u", "up"];
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

/** Terminal-safe text: control characters (escape sequences) shown as "?". */
function plain(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}

/** `pace-qi summary FILE --x COL --y COL [--measure COL] [--group COL] …`: one row per measure and group. */
export async function summaryCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "FILE argument (a CSV or JSON table: one row per measure, group and period)" });
  const file = positionals[0]!;
  const chart = enumFlag(C, "chart", stringFlag(values, "chart"), CHART_TYPES) ?? "run";
  const rules = stringFlag(values, "rules");
  checkRules(C, chart, rules);
  const direction = enumFlag(C, "direction", stringFlag(values, "direction"), DIRECTIONS);
  const dates: DateFormat = enumFlag(C, "dates", stringFlag(values, "dates"), DATE_FORMATS) ?? "iso";
  const settings: ChartSettings = {
    chart, rules, direction, baseline: intFlag(C, "baseline", stringFlag(values, "baseline"), 1), phases: [], exclude: [],
    target: numberFlag(C, "target", stringFlag(values, "target")),
  };
  const json = values.json === true;
  const out = stringFlag(values, "out");
  if (out !== undefined && !json) throw new UsageError("--out needs --json (write the summary JSON to FILE)", C);
  const names = { x: stringFlag(values, "x") ?? "x", y: stringFlag(values, "y") ?? "y", n: stringFlag(values, "n") ?? "n", measure: stringFlag(values, "measure"), group: stringFlag(values, "group") };
  const delimiter = delimiterFlag(C, stringFlag(values, "delimiter"));
  const wanted = [names.x, names.y, ...(NEEDS_N.includes(chart) ? [names.n] : []), ...(names.measure ? [names.measure] : []), ...(names.group ? [names.group] : [])];
  const table = await readTable(file, { columns: wanted, progress: io.stderr, ...(delimiter ? { delimiter } : {}) });
  if (table.length === 0) throw new DataError(`${file}: no data rows`);
  const problems = new Problems();
  const xs = xColumn(table, names.x, requireColumn(table, names.x, "--x"), dates, problems);
  const ys = numberColumn(table, names.y, requireColumn(table, names.y, "--y"), problems);
  const ns = NEEDS_N.includes(chart) ? numberColumn(table, names.n, requireColumn(table, names.n, "--n"), problems) : null;
  const measures = names.measure ? textColumn(requireColumn(table, names.measure, "--measure")) : null;
  const groups = names.group ? textColumn(requireColumn(table, names.group, "--group")) : null;
  problems.throwIfAny();

  // Series in first-seen order of (measure, group).
  const series = new Map<string, { measure: string; group: string | null; idx: number[] }>();
  for (let i = 0; i < table.length; i++) {
    const measure = measures?.[i] ?? names.y;
    const group = groups?.[i] ?? null;
    const key = JSON.stringify([measure, group]);
    let s = series.get(key);
    if (s === undefined) series.set(key, (s = { measure, group, idx: [] }));
    s.idx.push(i);
  }
  const unit = stringFlag(values, "unit");
  const items: MeasureChart[] = [];
  for (const s of series.values()) {
    const rows = s.idx.map((i): SeriesPoint => ({ x: xs.values[i]!, y: ys[i]!, ...(ns ? { n: ns[i]! } : {}) }));
    const column: Record<string, string> = { x: names.x, y: names.y, n: names.n };
    const ctx = { command: C, file, flags: ANALYSE_FLAGS, row: (k: number, field: string | undefined) => (s.idx[k] === undefined ? undefined : table.where(s.idx[k]!, field === undefined ? undefined : (column[field] ?? field))) };
    const result = withQi(ctx, () => analyseRows(rows, settings, true));
    items.push({ name: s.measure, group: s.group, chart: result, ...(settings.target !== undefined ? { target: settings.target } : {}) });
  }
  const summary = summariseMeasures(items, unit !== undefined ? { unit } : {});

  const planned: PlannedFile[] = [];
  const jsonText = `${JSON.stringify(summary, null, 2)}\n`;
  if (json && out !== undefined) planned.push({ path: out, content: jsonText });
  const csv = stringFlag(values, "csv");
  if (csv !== undefined) planned.push({ path: csv, content: summaryToCsv(summary) });
  const html = stringFlag(values, "html");
  if (html !== undefined) planned.push({ path: html, content: renderSummaryTable(summary, { standalone: true, title: stringFlag(values, "title") ?? "Summary of measures" }) });
  await writeAll(planned);
  if (json && out === undefined) io.stdout.write(jsonText);
  else {
    const rows = summary.rows.map((r) => [plain(r.measure), r.group === null ? "" : plain(String(r.group)), r.latest ? `${r.latest.y} (${r.latest.label})` : "–", CATEGORY_TEXT[r.category]!, plain(r.reading)]);
    const c = summary.counts;
    io.stdout.write(`${summary.rows.length} series: ${c.concern} concern, ${c.improvement} improvement, ${c.neutral} other special cause, ${c["common-cause"]} common cause, ${c.insufficient} too few points\n\n`);
    io.stdout.write(`${textTable(["measure", "group", "latest", "variation", "reading"], rows)}\n`);
    for (const p of planned) io.stdout.write(`Wrote ${p.path}\n`);
  }
  return 0;
}
