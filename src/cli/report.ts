import { readFile, readdir } from "node:fs/promises";
import { extname, join } from "node:path";
import { ANALYSE_FLAGS, CHART_TYPES, analyseRows, isControl, type ChartSettings } from "./analyse.js";
import { delimiterFlag, enumFlag, intFlag, parseCommandArgs, stringFlag } from "./args.js";
import { Problems, numberColumn, xColumn } from "./convert.js";
import { DATE_FORMATS, type DateFormat } from "./dates.js";
import { DataError, quote } from "./errors.js";
import type { Io } from "./io.js";
import { QiError, renderReport, safeParseProject, summariseVerdict, type ControlChart, type Measure, type Project, type RunChart } from "./lib.js";
import { noteInput, writeAll } from "./output.js";
import { fromQiError, warningsAsFlags, type PathContext } from "./qiMap.js";
import { parseJson, readTable, requireColumn, type Table } from "./table.js";

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

/** Validate the project, analyse every measure's data, and render the HTML report. */
export function buildReport(
  doc: unknown,
  projectFile: string,
  sources: ReadonlyMap<string, SeriesSource>,
  settings: Omit<ChartSettings, "direction">,
  options: { title?: string; generated?: string },
): { html: string; project: Project; charts: Map<string, RunChart | ControlChart> } {
  const parsed = safeParseProject(doc);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const text = issues.slice(0, 10).map((i) => `${projectWhere(projectFile, doc as object, sources, i.path)}: ${i.message}`);
    if (issues.length > 10) text.push(`… and ${issues.length - 10} more problems`);
    throw new DataError(text[0]!, text.slice(1));
  }
  const project = parsed.data;
  const charts = new Map<string, RunChart | ControlChart>();
  for (const m of project.measures) {
    const k = project.data.findIndex((d) => d.measure === m.id);
    const series = project.data[k];
    if (series === undefined || !series.rows.some((r) => typeof r.y === "number")) continue;
    const hasX = series.rows.every((r) => r.x !== undefined);
    // report has no --aggregate (a project's series has no aggregate either): warnings do not advise one.
    const ctx: PathContext = {
      command: C,
      file: projectFile,
      flags: ANALYSE_FLAGS,
      fixed: ["aggregate"],
      row: (i, field) => projectWhere(projectFile, doc as object, sources, ["data", k, "rows", i, ...(field !== undefined ? [field] : [])]),
    };
    try {
      // --baseline on the command line wins over the series' own baseline.
      const baseline = settings.baseline ?? series.baseline;
      const chart = analyseRows(series.rows as { x: string | number; y: number | null; n?: number }[], { ...settings, baseline, direction: m.direction }, hasX);
      const warnings = warningsAsFlags(chart.warnings, ctx);
      charts.set(m.id, warnings === chart.warnings ? chart : ({ ...chart, warnings } as typeof chart));
    } catch (e) {
      if (!(e instanceof QiError)) throw e;
      throw fromQiError(e, ctx);
    }
  }
  const html = renderReport(project, {
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.generated !== undefined ? { generated: options.generated } : {}),
    analyse: (measure: Measure) => {
      const c = charts.get(measure.id);
      if (c === undefined) throw new Error(`no analysis for ${measure.id}`);
      return c;
    },
  });
  return { html, project, charts };
}

/** One line per measure: its verdict in words. */
export function verdictLines(project: Project, charts: ReadonlyMap<string, RunChart | ControlChart>): string[] {
  return project.measures.map((m) => {
    const c = charts.get(m.id);
    if (c === undefined) return `- ${m.name}: no data`;
    // Control-chart phases carry no runs verdict: judge on the signals alone.
    const v = summariseVerdict(isControl(c) ? { signals: c.signals } : c);
    // The analysis' warnings (a baseline longer than its phase, rows combined…) were only in the SVG's <desc>.
    return [`- ${m.name}: ${v.text}`, ...c.warnings.map((w) => `  Note: ${w.message}`)].join("\n");
  });
}

/** Read DIR/<measure-id>.csv|json into series rows. */
async function readDataDir(dir: string, doc: Record<string, unknown>, names: { x: string; y: string; n: string }, dates: DateFormat, delimiter: string | undefined, io: Io): Promise<Map<string, SeriesSource>> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(`${dir}: ${code === "ENOENT" ? "no such directory" : code === "ENOTDIR" ? "not a directory" : `cannot read (${code})`}`);
  }
  const measures = Array.isArray(doc.measures) ? (doc.measures as { id?: unknown }[]).map((m) => m?.id).filter((id): id is string => typeof id === "string") : [];
  const sources = new Map<string, SeriesSource>();
  const data = Array.isArray(doc.data) ? (doc.data as unknown[]).slice() : [];
  for (const entry of entries.sort()) {
    const ext = extname(entry).toLowerCase();
    if (ext !== ".csv" && ext !== ".json") continue;
    const id = entry.slice(0, entry.length - ext.length);
    const path = join(dir, entry);
    if (!measures.includes(id)) {
      io.stderr.write(`pace-qi: note: ${path}: no measure ${quote(id)} in the project; ignored\n`);
      continue;
    }
    if (sources.has(id)) throw new DataError(`${path}: measure ${quote(id)} has data in two files`);
    const table = await readTable(path, { columns: [names.x, names.y, names.n], ...(delimiter ? { delimiter } : {}) });
    const problems = new Problems();
    const ys = numberColumn(table, names.y, requireColumn(table, names.y, "--y"), problems);
    const xs = xColumn(table, names.x, requireColumn(table, names.x, "--x"), dates, problems);
    const ns = table.columns.has(names.n) ? numberColumn(table, names.n, table.columns.get(names.n)!, problems) : null;
    problems.throwIfAny();
    const rows = [];
    const index: number[] = [];
    for (let i = 0; i < table.length; i++) {
      rows.push({ x: xs.values[i]!, y: ys[i]!, ...(ns !== null && ns[i] !== null ? { n: ns[i]! } : {}) });
      index.push(i);
    }
    const at = data.findIndex((d) => (d as { measure?: unknown })?.measure === id);
    // The file replaces the series' rows only: its baseline in the project still applies.
    const baseline = at >= 0 ? (data[at] as { baseline?: unknown } | null)?.baseline : undefined;
    const series = { measure: id, rows, ...(baseline !== undefined ? { baseline } : {}) };
    if (at >= 0) data[at] = series;
    else data.push(series);
    sources.set(id, { table, rows: index, columns: { x: names.x, y: names.y, ...(ns !== null ? { n: names.n } : {}) } });
  }
  doc.data = data;
  return sources;
}

/** `pace-qi report PROJECT.json …` */
export async function reportCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "PROJECT.json argument" });
  const file = positionals[0]!;
  const chart = enumFlag(C, "chart", stringFlag(values, "chart"), CHART_TYPES) ?? "run";
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
  const sources = dataDir === undefined
    ? new Map<string, SeriesSource>()
    : await readDataDir(dataDir, doc as Record<string, unknown>, { x: stringFlag(values, "x") ?? "x", y: stringFlag(values, "y") ?? "y", n: stringFlag(values, "n") ?? "n" }, dates, delimiter, io);
  const { html, project, charts } = buildReport(
    doc,
    file,
    sources,
    { chart, rules: undefined, baseline, phases: [], exclude: [], target: undefined },
    { ...(title !== undefined ? { title } : {}), generated: localDay(new Date()) },
  );
  await writeAll([{ path: out, content: html }]);
  io.stdout.write(`${project.title}\n${verdictLines(project, charts).join("\n")}\nWrote ${out}\n`);
  return 0;
}

/** Today's date where the report is made, as YYYY-MM-DD (toISOString's UTC day is yesterday after midnight in summer time). */
function localDay(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
