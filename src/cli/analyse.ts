import { basename, extname } from "node:path";
import { delimiterFlag, enumFlag, intFlag, listFlag, numberFlag, parseCommandArgs, stringFlag } from "./args.js";
import { Problems, numberColumn, textColumn, xColumn } from "./convert.js";
import { DATE_FORMATS, flagDate, type DateFormat } from "./dates.js";
import { DataError, UsageError, quote } from "./errors.js";
import type { Io } from "./io.js";
import {
  CONTROL_RULE_PRESETS,
  RUN_RULE_PRESETS,
  controlChart,
  renderControlChart,
  renderRunChart,
  runChart,
  summariseRunChart,
  type ControlChart,
  type ControlChartType,
  type RunChart,
} from "./lib.js";
import { writeAll, type PlannedFile } from "./output.js";
import { withQi } from "./qiMap.js";
import { summariseControlChart } from "./lib.js";
import { readTable, requireColumn, type Table } from "./table.js";

const C = "analyse";
export const CHART_TYPES = ["run", "i", "mr", "xbar", "s", "p", "pp", "u", "up", "c", "g", "t", "r", "np", "ip", "i-median", "i-median-mr", "cusum", "ewma"] as const;
export type ChartChoice = (typeof CHART_TYPES)[number];
const NEEDS_N: readonly string[] = ["p", "pp", "u", "up", "np", "ip"];
const DIRECTIONS = ["increase", "decrease", "neutral"] as const;
const AGGREGATES = ["mean", "median", "sum"] as const;

const SPEC = {
  x: { type: "string" },
  y: { type: "string" },
  n: { type: "string" },
  by: { type: "string" },
  dates: { type: "string" },
  delimiter: { type: "string" },
  chart: { type: "string" },
  aggregate: { type: "string" },
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
  baseline: number | undefined;
  /** 0-based point indices or ISO dates. */
  phases: (number | string)[];
  /** 0-based point indices. */
  exclude: number[];
  target: number | undefined;
  /** Run charts: combine rows that share an x value (without it, a repeated x is an error). */
  aggregate?: (typeof AGGREGATES)[number] | undefined;
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
};

/** Check a rule-set name against the chart family. */
export function checkRules(command: string, chart: ChartChoice, rules: string | undefined): void {
  if (rules === undefined) return;
  const allowed = chart === "run" ? Object.keys(RUN_RULE_PRESETS) : Object.keys(CONTROL_RULE_PRESETS);
  if (!allowed.includes(rules)) {
    throw new UsageError(`--rules ${quote(rules)} is not a rule set for ${chart === "run" ? "run charts" : "control charts"}: ${allowed.join(", ")}`, command);
  }
}

/** A run or control chart of rows `{ x?, y, n? }` with the settings. */
/** One point of a series as the CLI passes it to the library. */
export interface SeriesPoint {
  x?: number | string;
  y: number | null;
  n?: number | null;
}

export function analyseRows(rows: readonly SeriesPoint[], s: ChartSettings, hasX: boolean): RunChart | ControlChart {
  const common = {
    ...(hasX ? { x: "x" as const } : {}),
    y: "y" as const,
    ...(s.direction !== undefined ? { direction: s.direction } : {}),
    ...(s.baseline !== undefined ? { baseline: s.baseline } : {}),
    ...(s.phases.length > 0 ? { phases: s.phases } : {}),
    ...(s.exclude.length > 0 ? { exclude: s.exclude } : {}),
  };
  if (s.chart === "run") {
    return runChart(rows, { ...common, ...(s.rules !== undefined ? { rules: s.rules as "pace" } : {}), ...(s.aggregate !== undefined ? { aggregate: s.aggregate } : {}) });
  }
  return controlChart(rows, {
    ...common,
    type: s.chart as ControlChartType,
    ...(NEEDS_N.includes(s.chart) ? { n: "n" as const } : {}),
    ...(s.rules !== undefined ? { rules: s.rules as "shewhart" } : {}),
    ...(s.target !== undefined ? { target: s.target } : {}),
  });
}

export function isControl(chart: RunChart | ControlChart): chart is ControlChart {
  return "type" in chart;
}

function slug(v: unknown): string {
  const s = String(v).normalize("NFKD").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "");
  return s === "" ? "group" : s.slice(0, 60);
}

/** `pace-qi analyse FILE …` */
export async function analyseCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "FILE argument (a CSV or JSON series)" });
  const file = positionals[0]!;
  const chart = enumFlag(C, "chart", stringFlag(values, "chart"), CHART_TYPES) ?? "run";
  const rules = stringFlag(values, "rules");
  checkRules(C, chart, rules);
  const direction = enumFlag(C, "direction", stringFlag(values, "direction"), DIRECTIONS);
  const aggregate = enumFlag(C, "aggregate", stringFlag(values, "aggregate"), AGGREGATES);
  if (aggregate !== undefined && chart !== "run") {
    throw new UsageError(`--aggregate is for run charts (here --chart ${chart}): control charts combine rows that share an x themselves (p, pp, u, up and c sum them; xbar and s make a subgroup; i, mr, g and t need one row per x)`, C);
  }
  const dates: DateFormat = enumFlag(C, "dates", stringFlag(values, "dates"), DATE_FORMATS) ?? "iso";
  const baseline = intFlag(C, "baseline", stringFlag(values, "baseline"), 1);
  const target = numberFlag(C, "target", stringFlag(values, "target"));
  const exclude = listFlag(values, "exclude").map((v) => intFlag(C, "exclude", v, 1)! - 1);
  const phases = listFlag(values, "phase").map((v): number | string => {
    if (/^\s*\d+\s*$/.test(v)) return intFlag(C, "phase", v, 1)! - 1;
    const d = flagDate(v, dates);
    if (d === null) throw new UsageError(`--phase ${quote(v)} is neither a point number nor a date (${dates === "uk" ? "dd/mm/yyyy" : "YYYY-MM-DD"})`, C);
    return d;
  });
  const json = values.json === true;
  const out = stringFlag(values, "out");
  const svg = stringFlag(values, "svg");
  if (out !== undefined && !json) throw new UsageError("--out needs --json (write the analysis JSON to FILE)", C);
  const title = stringFlag(values, "title");

  const xName = stringFlag(values, "x");
  const yName = stringFlag(values, "y") ?? "y";
  const nName = stringFlag(values, "n");
  const byName = stringFlag(values, "by");
  const delimiter = delimiterFlag(C, stringFlag(values, "delimiter"));
  const table = await readTable(file, { columns: [xName ?? "x", yName, nName ?? "n", ...(byName ? [byName] : [])], progress: io.stderr, ...(delimiter ? { delimiter } : {}) });
  if (table.length === 0) throw new DataError(`${file}: no data rows`);
  const xCol = xName ?? (table.columns.has("x") ? "x" : undefined);
  const problems = new Problems();
  const ys = numberColumn(table, yName, requireColumn(table, yName, "--y"), problems);
  const xs = xCol === undefined ? null : xColumn(table, xCol, requireColumn(table, xCol, "--x"), dates, problems);
  let ns: (number | null)[] | null = null;
  if (NEEDS_N.includes(chart)) {
    const nCol = nName ?? "n";
    ns = numberColumn(table, nCol, requireColumn(table, nCol, "--n"), problems);
  }
  const by = byName === undefined ? null : textColumn(requireColumn(table, byName, "--by"));
  problems.throwIfAny();

  // Groups (in first-seen order), each with the table rows it came from.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < table.length; i++) {
    const key = by === null ? "" : by[i]!;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = []));
    g.push(i);
  }
  const settings: ChartSettings = { chart, rules, direction, baseline, phases, exclude, target, aggregate };
  const results: { key: string; chart: RunChart | ControlChart; rows: number[] }[] = [];
  for (const [key, idx] of groups) {
    // Point numbers are 1-based on the command line; say so before the library (0-based) does.
    for (const [flag, list] of [["phase", phases], ["exclude", exclude]] as const) {
      for (const p of list) {
        if (typeof p === "number" && p >= idx.length) {
          throw new UsageError(`--${flag} ${p + 1}: the series${by !== null ? ` for ${byName} ${quote(key)}` : ""} has ${idx.length} point${idx.length === 1 ? "" : "s"}`, C);
        }
      }
    }
    if (chart === "run" && xs !== null && aggregate === undefined) checkDuplicates(table, xCol!, xs.values, idx, key, byName);
    const rows = idx.map((i): SeriesPoint => ({
      ...(xs !== null ? { x: xs.values[i]! } : {}),
      y: ys[i]!,
      ...(ns !== null ? { n: ns[i]! } : {}),
    }));
    const ctx = {
      command: C,
      file,
      flags: ANALYSE_FLAGS,
      row: (k: number, field: string | undefined) => {
        const column = field === "x" ? xCol : field === "y" ? yName : field === "n" ? (nName ?? "n") : field;
        return idx[k] === undefined ? undefined : table.where(idx[k]!, column);
      },
    };
    const result = withQi(ctx, () => analyseRows(rows, settings, xs !== null));
    results.push({ key, chart: result, rows: idx });
  }

  // Outputs, computed before anything is written.
  const planned: PlannedFile[] = [];
  const what = `${chart === "run" ? "run chart" : `${chart} chart`}, ${results[0]!.chart.settings.rules.preset} rules, direction ${results[0]!.chart.settings.direction}`;
  const text: string[] = [];
  for (const r of results) {
    const head = `${by !== null ? `${byName} = ${r.key}: ` : ""}${r.chart.points.length} points of ${yName}${xCol !== undefined ? ` by ${xCol}` : ""} (${what})`;
    text.push(head, isControl(r.chart) ? summariseControlChart(r.chart) : summariseRunChart(r.chart), "");
  }
  const jsonText = `${JSON.stringify(by === null ? results[0]!.chart : results.map((r) => ({ key: r.key, chart: r.chart })), null, 2)}\n`;
  if (json && out !== undefined) planned.push({ path: out, content: jsonText });
  if (svg !== undefined) {
    const ext = extname(svg) || ".svg";
    const stem = svg.slice(0, svg.length - extname(svg).length);
    for (const r of results) {
      const options = {
        title: title ?? `${yName}${by !== null ? ` — ${r.key}` : ""}`,
        subtitle: `${basename(file)}: ${what}`,
        ...(xCol !== undefined ? { xLabel: xCol } : {}),
        yLabel: yName,
        ...(target !== undefined ? { target } : {}),
      };
      const content = isControl(r.chart) ? renderControlChart(r.chart, options) : renderRunChart(r.chart, options);
      planned.push({ path: by === null ? svg : `${stem}-${slug(r.key)}${ext}`, content });
    }
  }
  await writeAll(planned);
  if (json && out === undefined) io.stdout.write(jsonText);
  else {
    io.stdout.write(text.join("\n"));
    for (const p of planned) io.stdout.write(`Wrote ${p.path}\n`);
  }
  return 0;
}

function checkDuplicates(table: Table, xCol: string, xs: readonly (number | string | null)[], idx: readonly number[], key: string, byName: string | undefined): void {
  const seen = new Map<number | string, number>();
  for (const i of idx) {
    const v = xs[i]!;
    const first = seen.get(v);
    if (first !== undefined) {
      throw new DataError(
        `${table.where(i, xCol)}: ${quote(String(v))} is already on ${table.where(first).replace(/^.*?: /, "")}${byName !== undefined ? ` (${byName} ${quote(key)})` : ""}; a run chart needs one value per ${xCol}: combine the rows first, or give --aggregate mean, median or sum`,
      );
    }
    seen.set(v, i);
  }
}
