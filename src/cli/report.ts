import { readFile, readdir } from "node:fs/promises";
import { extname, join } from "node:path";
import { ANALYSE_FLAGS, CHART_TYPES, analyseRows, checkRules, isControl, ruleSetsOf, type ChartChoice, type ChartSettings, type SeriesPoint } from "./analyse.js";
import { delimiterFlag, enumFlag, intFlag, parseCommandArgs, stringFlag } from "./args.js";
import { Problems, numberColumn, xColumn } from "./convert.js";
import { DATE_FORMATS, splitYearOf, xTextReader, type DateFormat } from "./dates.js";
import { skipEmptyTableRows } from "./noteRows.js";
import { DataError, UsageError, quote } from "./errors.js";
import type { Io } from "./io.js";
import { QiError, analyseDefaults, renderReport, safeParseProject, summariseVerdict, type ControlChart, type Measure, type Project, type RunChart, type SeriesRow } from "./lib.js";
import { noteInput, writeAll } from "./output.js";
import { countOf, valueScale } from "./projectRows.js";
import { fromQiError, warningsAsFlags, type PathContext } from "./qiMap.js";
import { parseJson, readTable, requireColumn, type Table } from "./table.js";

/** analyse's flags that report has too (no --phase). */
const REPORT_FLAGS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ANALYSE_FLAGS).filter(([k]) => k !== "phases"));

const C = "report";

const SPEC = {
  data: { type: "string" },
  out: { type: "string" },
  x: { type: "string" },
  y: { type: "string" },
  n: { type: "string" },
  dates: { type: "string" },
  delimiter: { type: "string" },
  chart: { type: "string" },
  rules: { type: "string" },
  baseline: { type: "string" },
  title: { type: "string" },
} as const;

/** Where a measure's series came from, to point at the right file and row in errors. */
export interface SeriesSource {
  table: Table;
  /** Project rows index → table row index. */
  rows: number[];
  columns: { x?: string; y: string; n?: string };
}

/** `["data", 2, "rows", 17, "y"]` → words, using the CSV a series came from when there is one. */
function projectWhere(projectFile: string, doc: { data?: unknown }, sources: ReadonlyMap<string, SeriesSource>, path: readonly (string | number)[]): string {
  if (path[0] === "data" && typeof path[1] === "number" && path[2] === "rows" && typeof path[3] === "number") {
    const series = (doc.data as { measure?: unknown }[] | undefined)?.[path[1]];
    const src = typeof series?.measure === "string" ? sources.get(series.measure) : undefined;
    if (src !== undefined) {
      const field = path[4];
      const column = field === "x" ? src.columns.x : field === "y" ? src.columns.y : field === "n" ? src.columns.n : undefined;
      const i = src.rows[path[3]];
      if (i !== undefined) return src.table.where(i, column);
    }
  }
  let p = "";
  for (const k of path) p += typeof k === "number" ? `[${k}]` : p === "" ? k : `.${k}`;
  return `${projectFile}${p === "" ? "" : `: ${p}`}`;
}

/** What {@link buildReport} made: the HTML, the project, each measure's chart, and each measure left without one (why). */
export interface BuiltReport {
  html: string;
  project: Project;
  charts: Map<string, RunChart | ControlChart>;
  /** Measures the chart type does not apply to (a p chart of a measure without n), by id: the report shows them without a chart. */
  skipped: Map<string, string>;
}

/** The chart settings of `report`: `chart` is `--chart` (undefined: each measure's own chart, else a run chart). */
export type ReportSettings = Omit<ChartSettings, "direction" | "chart"> & { chart?: ChartChoice | undefined };

/** Validate the project, analyse every measure's data, and render the HTML report. */
export function buildReport(doc: unknown, projectFile: string, sources: ReadonlyMap<string, SeriesSource>, settings: ReportSettings, options: { title?: string; generated?: string }): BuiltReport {
  const parsed = safeParseProject(doc);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const text = issues.slice(0, 10).map((i) => `${projectWhere(projectFile, doc as object, sources, i.path)}: ${i.message}`);
    if (issues.length > 10) text.push(`… and ${issues.length - 10} more problems`);
    throw new DataError(text[0]!, text.slice(1));
  }
  const project = parsed.data;
  const charts = new Map<string, RunChart | ControlChart>();
  const skipped = new Map<string, string>();
  let rulesUsed = false;
  for (const m of project.measures) {
    const k = project.data.findIndex((d) => d.measure === m.id);
    const series = project.data[k];
    if (series === undefined || !series.rows.some((r) => typeof r.y === "number")) continue;
    const where = (i: number, field?: string): string => projectWhere(projectFile, doc as object, sources, ["data", k, "rows", i, ...(field !== undefined ? [field] : [])]);
    const choice = chartChoice(m, series.rows, settings.chart, where);
    if ("skip" in choice) {
      skipped.set(m.id, choice.skip);
      continue;
    }
    const { type, prepared } = choice;
    // --rules for the charts of its family; another chart keeps its family's default set, with a note.
    const rulesFit = settings.rules !== undefined && fitsRules(type, settings.rules);
    rulesUsed ||= rulesFit;
    const notes = [...choice.notes, ...(settings.rules !== undefined && !rulesFit ? [{ code: "rules-not-applied", message: `--rules ${settings.rules} is not a rule set for ${type === "run" ? "run charts" : "control charts"}: this ${chartWords(type)} uses the default set (${type === "run" ? "pace" : "shewhart"})` }] : [])];
    const hasX = series.rows.every((r) => r.x !== undefined);
    // report has no --aggregate (a project's series has no aggregate either): warnings do not advise one.
    // Nor --phase: a level-change warning's `phases: [k]` stays the library's words (not a flag report lacks).
    const ctx: PathContext = {
      command: C,
      file: projectFile,
      flags: REPORT_FLAGS,
      fixed: ["aggregate"],
      row: where,
    };
    try {
      // --baseline on the command line wins over the series' own baseline.
      const baseline = settings.baseline ?? series.baseline;
      // The measure's period ("2024 Q1") when every x starts one: the same default rollUp gives a custom analysis.
      const period = analyseDefaults(m, series).period;
      const chart = analyseRows(prepared.rows, { ...settings, chart: type, rules: rulesFit ? settings.rules : undefined, baseline, direction: m.direction, ...(prepared.multiply !== undefined ? { multiply: prepared.multiply } : {}), ...(period !== undefined ? { period } : {}) }, hasX);
      const warnings = [...notes, ...warningsAsFlags(chart.warnings, ctx)];
      charts.set(m.id, notes.length === 0 && warnings.length === chart.warnings.length && warnings.every((w, i) => w === chart.warnings[i]) ? chart : ({ ...chart, warnings } as typeof chart));
    } catch (e) {
      if (!(e instanceof QiError)) throw e;
      throw fromQiError(e, ctx);
    }
  }
  // --rules that fit no measure's chart would do nothing: the usage error analyse gives.
  if (settings.rules !== undefined && !rulesUsed) {
    const types = [settings.chart ?? "run", ...project.measures.map((m) => m.chart ?? "run")];
    if (!types.some((t) => fitsRules(t, settings.rules!))) checkRules(C, types[0]!, settings.rules);
  }
  const html = renderReport(project, {
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.generated !== undefined ? { generated: options.generated } : {}),
    analyse: (measure: Measure) => {
      const c = charts.get(measure.id);
      // renderReport shows a QiError per measure: "No chart: …", verdict "could not analyse: …" (no path: it is read by the board).
      if (c === undefined) throw new QiError("invalid-option", [], skipped.get(measure.id) ?? `no analysis for ${measure.id}`);
      return c;
    },
  });
  return { html, project, charts, skipped };
}

/** Whether rule set `rules` is one of the chart family of `type`. */
function fitsRules(type: ChartChoice, rules: string): boolean {
  return ruleSetsOf(type).includes(rules);
}

/** "run chart", "p chart". */
function chartWords(type: string): string {
  return type === "run" ? "run chart" : `${type} chart`;
}

type Note = { code: string; message: string };

/**
 * The chart a measure gets: `--chart` where it fits the measure's rows, else the measure's own
 * (`chart` in the project, else a run chart) with a note saying why (`chart-not-applied`): a board
 * pack has p charts of its percentages and run charts of its days, and `--chart p` must not drop
 * the days from the pack (a user trial). A measure whose own chart does not fit is skipped, why.
 */
function chartChoice(m: Measure, rows: readonly SeriesRow[], asked: ChartChoice | undefined, where: (i: number, field?: string) => string): { type: ChartChoice; prepared: Exclude<ChartRows, { skip: string }>; notes: Note[] } | { skip: string } {
  const own: ChartChoice = m.chart ?? "run";
  const type = asked ?? own;
  const prepared = chartRows(m, rows, type, where);
  if (!("skip" in prepared)) return { type, prepared, notes: [] };
  if (type === own) return { skip: `no ${chartWords(type)}: ${prepared.skip}` };
  const fallback = chartRows(m, rows, own, where);
  if ("skip" in fallback) return { skip: `no ${chartWords(type)}: ${prepared.skip}; and no ${chartWords(own)} (its chart in the project): ${fallback.skip}` };
  const whose = m.chart === undefined ? "a run chart, the default (set the measure's \"chart\" in the project to choose another)" : "its chart in the project";
  return { type: own, prepared: fallback, notes: [{ code: "chart-not-applied", message: `--chart ${type} is not applied to this measure: ${prepared.skip}; drawn as ${whose}` }] };
}

/** Charts that plot counts over denominators: each count is found from the project's value and n. */
const COUNT_CHARTS: readonly string[] = ["p", "pp", "u", "up", "ip"];

type ChartRows = { rows: readonly SeriesPoint[]; multiply?: number } | { skip: string };

/**
 * A measure's project rows as the chart reads them. The project's y is the value as plotted and n
 * the cases behind it, which is what every chart but those of counts takes (a run chart does not
 * divide by n). A p, pp, u, up or ip chart gets each count back from value × n / scale, scaled
 * back by `multiply`, so it plots the measure's own values; a measure without n, or that is no
 * percentage, proportion or rate, is skipped with the reason; a count that is not whole is an
 * error naming the row.
 */
function chartRows(m: Measure, rows: readonly SeriesRow[], chart: string, where: (i: number, field?: string) => string): ChartRows {
  const points = rows as readonly SeriesPoint[];
  if (!COUNT_CHARTS.includes(chart)) return { rows: points };
  const a = `a ${chart} chart plots counts over n`;
  if (!rows.some((r) => typeof r.y === "number" && r.n !== undefined)) return { skip: `${a}, the number of cases behind each value, and this measure's rows have no n` };
  const scale = valueScale(m.definition);
  if ("problem" in scale) return { skip: `${a}, and this measure's value is not a count over n: ${scale.problem}` };
  const out: SeriesPoint[] = [];
  const problems = new Problems();
  rows.forEach((r, i) => {
    if (r.y === null) out.push({ x: r.x, y: null, n: r.n ?? null });
    else if (r.n === undefined) problems.add(`${where(i, "n")}: no n, the number of cases behind y ${r.y}: ${a}`);
    else {
      const c = countOf(r.y, r.n, scale.scale);
      if ("count" in c) out.push({ x: r.x, y: c.count, n: r.n });
      else problems.add(`${where(i, "y")}: ${c.problem}`);
    }
  });
  problems.throwIfAny();
  return { rows: out, multiply: scale.scale };
}
/** One line per measure: its verdict in words (as the report's: "could not analyse: …" for a measure left without a chart). */
export function verdictLines(project: Project, charts: ReadonlyMap<string, RunChart | ControlChart>, skipped: ReadonlyMap<string, string> = new Map()): string[] {
  return project.measures.map((m) => {
    const c = charts.get(m.id);
    const why = skipped.get(m.id);
    if (why !== undefined) return `- ${m.name}: could not analyse: ${why}`;
    if (c === undefined) return `- ${m.name}: no data`;
    // The chart itself, as the report's measure sections and board table judge it: a control
    // chart's current phase only, and too few points there is insufficient data.
    const v = summariseVerdict(c);
    // The analysis' warnings (a baseline longer than its phase, rows combined…) were only in the SVG's <desc>.
    return [`- ${m.name}: ${v.text}`, ...c.warnings.map((w) => `  Note: ${w.message}`)].join("\n");
  });
}

/** Column names of the data files; `nGiven`: `--n` was given, so y is a numerator over that column. */
interface DataNames {
  x: string;
  y: string;
  n: string;
  nGiven: boolean;
}

/** Read DIR/<measure-id>.csv|json into series rows. */
async function readDataDir(dir: string, doc: Record<string, unknown>, names: DataNames, dates: DateFormat, delimiter: string | undefined, io: Io): Promise<Map<string, SeriesSource>> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(`${dir}: ${code === "ENOENT" ? "no such directory" : code === "ENOTDIR" ? "not a directory" : `cannot read (${code})`}`);
  }
  const measures = new Map<string, unknown>();
  for (const m of Array.isArray(doc.measures) ? (doc.measures as { id?: unknown }[]) : []) if (typeof m?.id === "string" && !measures.has(m.id)) measures.set(m.id, m);
  const sources = new Map<string, SeriesSource>();
  const data = Array.isArray(doc.data) ? (doc.data as unknown[]).slice() : [];
  for (const entry of entries.sort()) {
    const ext = extname(entry).toLowerCase();
    if (ext !== ".csv" && ext !== ".json") continue;
    const id = entry.slice(0, entry.length - ext.length);
    const path = join(dir, entry);
    if (!measures.has(id)) {
      io.stderr.write(`pace-qi: note: ${path}: no measure ${quote(id)} in the project; ignored\n`);
      continue;
    }
    if (sources.has(id)) throw new DataError(`${path}: measure ${quote(id)} has data in two files`);
    const read = await readTable(path, { columns: [names.x, names.y, names.n], ...(delimiter ? { delimiter } : {}), padShortRows: true });
    // As analyse and summary: a spreadsheet's empty rows and the notes below a table are skipped, and named.
    const years = splitYearOf(definedPeriod(measures.get(id)));
    const xText = xTextReader(dates, years);
    const { table, note } = skipEmptyTableRows(read, names.x, [names.y, names.n], (t) => xText(t).form !== null);
    if (note !== null) io.stderr.write(`pace-qi: note: ${path}: ${note.message}\n`);
    const { rows, hasN } = fileRows(table, path, { id, measure: measures.get(id) }, names, dates, io);
    const at = data.findIndex((d) => (d as { measure?: unknown })?.measure === id);
    // The file replaces the series' rows only: its baseline in the project still applies.
    const baseline = at >= 0 ? (data[at] as { baseline?: unknown } | null)?.baseline : undefined;
    const series = { measure: id, rows, ...(baseline !== undefined ? { baseline } : {}) };
    if (at >= 0) data[at] = series;
    else data.push(series);
    sources.set(id, { table, rows: rows.map((_, i) => i), columns: { x: names.x, y: names.y, ...(hasN ? { n: names.n } : {}) } });
  }
  doc.data = data;
  return sources;
}

/**
 * One data file's rows as project rows: y the measure's value and n the cases behind it. Without
 * `--n` the file holds them as such (a column named n, when there is one, is that n). With `--n COL`
 * y is a numerator and COL its denominator, as in `analyse --n`: the value is y / n, scaled as the
 * measure's definition says (×100 for a percentage; see {@link valueScale}), with a note.
 */
/** A measure document's `definition.period`, which may be missing (the project is validated later). */
function definedPeriod(measure: unknown): unknown {
  return (measure as { definition?: { period?: unknown } } | null | undefined)?.definition?.period;
}

function fileRows(table: Table, path: string, of: { id: string; measure: unknown }, names: DataNames, dates: DateFormat, io: Io): { rows: SeriesPoint[]; hasN: boolean } {
  const problems = new Problems();
  const ys = numberColumn(table, names.y, requireColumn(table, names.y, "--y"), problems);
  const xs = xColumn(table, names.x, requireColumn(table, names.x, "--x"), dates, problems, splitYearOf(definedPeriod(of.measure)), `set the definition.period of measure ${quote(of.id)} in the project to "financial-year" (April to March), "financial-quarter" or "clas-year" (August to July) to read split years`);
  const ns = table.columns.has(names.n) ? numberColumn(table, names.n, table.columns.get(names.n)!, problems) : null;
  problems.throwIfAny();
  const definition = (of.measure as { definition?: { aggregation?: unknown; unit?: unknown } } | null)?.definition;
  // A measure without a readable aggregation fails the project's validation, which names the problem.
  const ratio = names.nGiven && ns !== null && typeof definition?.aggregation === "string";
  if (names.nGiven && ns === null) io.stderr.write(`pace-qi: note: ${path}: no column ${quote(names.n)} (--n): its ${quote(names.y)} is read as the measure's value, as plotted\n`);
  if (!ratio) return { rows: Array.from({ length: table.length }, (_, i) => ({ x: xs.values[i]!, y: ys[i]!, ...(ns !== null && ns[i] !== null ? { n: ns[i]! } : {}) })), hasN: ns !== null };
  const scale = valueScale(definition);
  if ("problem" in scale) throw new DataError(`${path}: --n ${quote(names.n)}: measure ${quote(of.id)} is not a count over n: ${scale.problem}; leave out --n, or give this file no ${quote(names.n)} column`);
  const rows: SeriesPoint[] = [];
  for (let i = 0; i < table.length; i++) {
    const y = ys[i]!;
    const n = ns![i]!;
    if (y === null) rows.push({ x: xs.values[i]!, y: null, ...(n !== null ? { n } : {}) });
    else if (n === null || n <= 0) problems.add(`${table.where(i, names.n)}: ${n === null ? "blank" : String(n)}: y / n needs a denominator above 0 (${quote(names.y)} is ${y}; leave it blank for a period without cases)`);
    else rows.push({ x: xs.values[i]!, y: (y / n) * scale.scale, n });
  }
  problems.throwIfAny();
  io.stderr.write(`pace-qi: note: ${path}: --n: each value is ${quote(names.y)} / ${quote(names.n)}${scale.scale === 1 ? "" : ` × ${scale.scale.toLocaleString("en-GB")}`} (${quote(of.id)} is ${scale.what})\n`);
  return { rows, hasN: true };
}

/** `pace-qi report PROJECT.json …` */
export async function reportCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "PROJECT.json argument" });
  const file = positionals[0]!;
  const chart = enumFlag(C, "chart", stringFlag(values, "chart"), CHART_TYPES);
  // An np chart plots the number of cases, where every other chart plots the measure's value (its target, its unit).
  if (chart === "np") throw new UsageError("--chart np plots the number of cases, not each measure's value: use --chart p (the same cases, as the measure's percentage)", C);
  // As analyse's --rules: a run chart's rule sets for --chart run, a control chart's otherwise;
  // without --chart, for the measures' own charts of its family (buildReport: an error if none).
  const rules = stringFlag(values, "rules");
  if (chart !== undefined) checkRules(C, chart, rules);
  else if (rules !== undefined && !fitsRules("run", rules) && !fitsRules("i", rules)) checkRules(C, "run", rules);
  const dates: DateFormat = enumFlag(C, "dates", stringFlag(values, "dates"), DATE_FORMATS) ?? "iso";
  const baseline = intFlag(C, "baseline", stringFlag(values, "baseline"), 1);
  const out = stringFlag(values, "out") ?? "report.html";
  const title = stringFlag(values, "title");
  let text: string;
  try {
    noteInput(file); // no output of this command may overwrite it
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(`${file}: ${code === "ENOENT" ? "no such file" : `cannot read (${code})`}`);
  }
  const doc = parseJson(text, file);
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new DataError(`${file}: expected a project object (see schemas/project.schema.json)`);
  const delimiter = delimiterFlag(C, stringFlag(values, "delimiter"));
  const dataDir = stringFlag(values, "data");
  const nFlag = stringFlag(values, "n");
  if (dataDir === undefined) {
    // --x, --y, --n, --dates and --delimiter read the files in --data: without it they would do nothing.
    for (const flag of ["x", "y", "n", "dates", "delimiter"] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag} reads the files in --data DIR: give --data, or leave out --${flag}`, C);
  }
  const sources = dataDir === undefined
    ? new Map<string, SeriesSource>()
    : await readDataDir(dataDir, doc as Record<string, unknown>, { x: stringFlag(values, "x") ?? "x", y: stringFlag(values, "y") ?? "y", n: nFlag ?? "n", nGiven: nFlag !== undefined }, dates, delimiter, io);
  const { html, project, charts, skipped } = buildReport(
    doc,
    file,
    sources,
    { chart, rules, baseline, phases: [], exclude: [], target: undefined },
    { ...(title !== undefined ? { title } : {}), generated: localDay(new Date()) },
  );
  for (const [id, why] of skipped) io.stderr.write(`pace-qi: note: measure ${quote(id)}: ${why}; the report shows it without a chart\n`);
  await writeAll([{ path: out, content: html }]);
  io.stdout.write(`${project.title}\n${verdictLines(project, charts, skipped).join("\n")}\nWrote ${out}\n`);
  return 0;
}

/** Today's date where the report is made, as YYYY-MM-DD (toISOString's UTC day is yesterday after midnight in summer time). */
function localDay(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
