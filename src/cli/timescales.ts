import { join } from "node:path";
import { enumFlag, intFlag, listFlag, parseCommandArgs, stringFlag } from "./args.js";
import { Problems, dateColumn } from "./convert.js";
import { expectedForm, flagDate, type DateFormat } from "./dates.js";
import { DataError, UsageError, quote } from "./errors.js";
import type { Io } from "./io.js";
import {
  nearestName,
  PACE_STAGES,
  SCOTLAND_ORDER_MILESTONES,
  driftList,
  renderRunChart,
  runChart,
  paceTimescales,
  renderCumulativeIncidence,
  summariseCumulativeIncidence,
  type PermanenceRoutes,
  type StageDurationsOptions,
  type CaseSeriesRow,
  type DriftRow,
  type DurationRow,
  type KaplanMeier,
  type PeriodSeriesRow,
  type RunChart,
  type Stage,
  type StageTarget,
  type StageDurations,
  type TargetRule,
  type TimescaleWarning,
  type CaseRecordsCheck,
} from "./lib.js";
import { ByteChunks, binaryField, repeatedField, textChunks, toCsv, writeAll, type PlannedFile } from "./output.js";
import { compactJsonChunks } from "./jsonChunks.js";
import { progressBar, type ProgressSink } from "./progress.js";
import { rowsIn, withQi, type PathContext } from "./qiMap.js";
import { fmt, kmText, textTable } from "./summary.js";
import { CASE_SPEC, caseFlags, mappingText, readCases, terminalText, type CaseColumns } from "./caseInput.js";
import { checkCases, checkOptions, checkReport, checkSummary } from "./check.js";
import { scorecardRun } from "./scorecard.js";

const C = "timescales";
const STAGE_IDS = Object.keys(PACE_STAGES);

const SPEC = {
  ...CASE_SPEC,
  out: { type: "string" },
  "as-of": { type: "string" },
  "after-as-of": { type: "string" },
  stage: { type: "string", multiple: true },
  unknown: { type: "string" },
  period: { type: "string" },
  baseline: { type: "string" },
  scorecard: { type: "boolean" },
  years: { type: "string" },
  "age-bands": { type: "string" },
  ages: { type: "string" },
} as const;

/** Case records ready for the library: row indices plus accessors over the columns. */
export interface CaseInput {
  rows: readonly number[];
  options: StageDurationsOptions<number>;
  /** Library path → where the problem is. */
  ctx: PathContext;
  /** The file's columns, named in a stage's "not estimated" note. */
  header?: readonly string[];
}

/** What to compute. */
export interface TimescaleSettings {
  stages: Stage[];
  asOf: string | undefined;
  period: "month" | "quarter" | "financial-year" | "clas-year";
  group: boolean;
  /** A date of birth was read: durations.csv gains ageAtStart and ageBand. */
  age?: boolean;
  /** ISO day: the periods up to it set each stage chart's median (else all periods do). */
  baseline?: string;
  /** ISO day: periods before it are left off the stage charts (the demo's warm-up). */
  chartFrom?: string;
}

/** One stage's results. */
export interface StageResult {
  stage: Stage;
  durations: StageDurations;
  byPeriod: PeriodSeriesRow[];
  byCase: CaseSeriesRow[];
  km: KaplanMeier;
  drift: DriftRow[];
  /** Run chart of median days per (complete) period, or null when nothing completed. */
  chart: RunChart | null;
}

export interface TimescaleResults {
  asOf: string | null;
  asOfGiven: boolean;
  stages: StageResult[];
  /** Competing routes of the looked-after → permanence journey (with the overall stage), or null. */
  routes: PermanenceRoutes | null;
  warnings: string[];
}

const PERIOD_NAME = { month: "month", quarter: "quarter", "financial-year": "financial year", "clas-year": "CLAS year (Aug–Jul)" } as const;

/**
 * Compute every stage with the public `paceTimescales` (one read of the records; its
 * `onProgress` drives the bar), then each stage's drift list and run chart.
 */
export function computeTimescales(input: CaseInput, s: TimescaleSettings, progress?: ProgressSink, onCheck?: (check: CaseRecordsCheck) => void): TimescaleResults {
  const bar = progressBar(progress, "Stages", "rows");
  let t: ReturnType<typeof paceTimescales>;
  try {
    t = withQi(input.ctx, () =>
      paceTimescales(input.rows, {
        ...input.options,
        ...(s.asOf !== undefined ? { asOf: s.asOf } : {}),
        stages: s.stages,
        period: s.period,
        // With onCheck: the data check from the same read, before the first stage.
        ...(onCheck !== undefined ? { check: true } : {}),
        onProgress: ({ done, total, check }) => {
          if (check !== undefined) onCheck?.(check);
          bar.update(done, total);
        },
      }),
    );
  } finally {
    bar.done();
  }
  const notes: StageNote[] = [];
  const notEstimated: { at: number; durations: StageDurations }[] = [];
  const out: StageResult[] = s.stages.map((stage, k) => {
    const { durations, byPeriod, byCase, kaplanMeier: km } = t.stages[stage.id]!;
    if (durations.notEstimated !== null) {
      // As the routes' "not estimated" (routeOutputs): said, and nothing drawn or listed.
      notes.push(...stageNotes(durations.warnings.filter((w) => w.code !== "stage-not-estimated"), stage.id, k === 0, input.ctx), { stage: null, text: notEstimatedNote(durations) });
      notEstimated.push({ at: notes.length - 1, durations });
      return { stage, durations, byPeriod, byCase, km, drift: [], chart: null };
    }
    notes.push(...stageNotes(durations.warnings, stage.id, k === 0, input.ctx));
    const drift = durations.stage.target === null ? [] : driftList(durations);
    const points = byPeriod.filter((r) => !r.partial && (s.chartFrom === undefined || r.x >= s.chartFrom));
    const chart = points.some((r) => r.y !== null) ? stageChart(points, s.baseline, (text) => notes.push({ stage: stage.id, text })) : null;
    if (chart === null) notes.push({ stage: stage.id, text: `no completions in a finished ${s.period} yet: no chart` });
    return { stage, durations, byPeriod, byCase, km, drift, chart };
  });
  if (input.header !== undefined) sayColumns(notes, notEstimated, input.header);
  // Issue #11: with the overall stage, the cumulative incidence of each route to permanence.
  const routes = s.stages.some((st) => st.id === "overall") ? t.permanenceRoutes : null;
  return { asOf: t.asOf, asOfGiven: s.asOf !== undefined, stages: out, routes, warnings: mergeStageNotes(notes) };
}

/**
 * The file's columns, beside the "not estimated" notes (at `notes[at]`), so a user can see which
 * header to name with --column: in the note of a single stage not estimated, or said once after
 * the last of several — a wide export without three milestone columns repeated its column list
 * in six notes (a user trial).
 */
function sayColumns(notes: StageNote[], notEstimated: readonly { at: number; durations: StageDurations }[], header: readonly string[]): void {
  const columns = header.map((h) => terminalText(h, 40)).join(", ");
  if (notEstimated.length === 1) {
    const { at, durations } = notEstimated[0]!;
    notes[at] = { stage: null, text: notEstimatedNote(durations, columns) };
  } else if (notEstimated.length > 1) {
    notes.splice(notEstimated[notEstimated.length - 1]!.at + 1, 0, { stage: null, text: `The file's columns, none of them read as the milestones above: ${columns}.` });
  }
}

/** A note for the summary: a stage's (said after its id) or the run's (`stage` null: said as it is). */
interface StageNote {
  stage: string | null;
  text: string;
}

/**
 * The notes as printed: a note that several stages give in the same words is said once, where the
 * first gives it, naming every stage — "recommendation, panel and adm (each): the records have no
 * column for returned-home, which also ends the stage: …" (a tracker without a Returned Home
 * column had it three times); a count in it is each stage's own ("(each)"), as the stages' rows
 * in the table are. Notes that differ (other counts, another milestone) stay one per stage; none
 * is dropped.
 */
function mergeStageNotes(notes: readonly StageNote[]): string[] {
  const stagesOf = new Map<string, string[]>();
  for (const n of notes) {
    if (n.stage === null) continue;
    const list = stagesOf.get(n.text);
    if (list === undefined) stagesOf.set(n.text, [n.stage]);
    else if (!list.includes(n.stage)) list.push(n.stage);
  }
  const out: string[] = [];
  const said = new Set<string>();
  for (const n of notes) {
    if (n.stage === null) {
      out.push(n.text);
      continue;
    }
    if (said.has(n.text)) continue;
    said.add(n.text);
    const ids = stagesOf.get(n.text)!;
    out.push(ids.length === 1 ? `${ids[0]}: ${n.text}` : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]} (each): ${n.text}`);
  }
  return out;
}

/** Milestones as "a or b"; the four orders as "an order (any of the four)", as the library says them. */
function milestonesText(names: readonly string[]): string {
  const orders: readonly string[] = SCOTLAND_ORDER_MILESTONES;
  return names.length === orders.length && orders.every((m) => names.includes(m)) ? "an order (any of the four)" : names.join(" or ");
}

/**
 * "recommendation not estimated: the file has no column for permanence-recommendation or
 * returned-home (the stage's end). Its columns: …. If it has one, name it with --column …" (the
 * library's stage-not-estimated, with the file's `columns` when given and the flag).
 */
function notEstimatedNote(d: StageDurations, columns?: string): string {
  const missing = d.notEstimated!.missing;
  const sides: string[] = [];
  if (d.stage.from.every((m) => missing.includes(m))) sides.push(`${milestonesText(d.stage.from)} (the stage's start)`);
  const to = d.stage.to.filter((m) => missing.includes(m));
  if (to.length > 0) sides.push(`${milestonesText(to)} (the stage's end)`);
  return `${d.stage.id} not estimated: the file has no column for ${sides.join(", nor for ")}.${columns === undefined ? "" : ` Its columns: ${columns}.`} If it has one, name it with --column ${missing[0]}=HEADER`;
}

/** Warning codes that say the same for every stage: printed once (with the first stage). */
const ONCE = new Set(["unknown-milestones-ignored", "duplicate-rows-merged", "child-ids-trimmed", "events-after-as-of"]);

/**
 * A stage's warnings as summary notes, switched on their codes (the asOf note is the header's),
 * with rows as the file numbers them; those the stages share word for word are merged by
 * {@link mergeStageNotes}.
 */
function stageNotes(list: readonly TimescaleWarning[], id: string, first: boolean, ctx: PathContext): StageNote[] {
  const notes: StageNote[] = [];
  for (const w of list) {
    if (w.code === "as-of-defaulted") continue;
    if (ONCE.has(w.code)) {
      if (first) notes.push({ stage: null, text: rowsIn(w.message, ctx) });
    } else notes.push({ stage: id, text: rowsIn(w.message, ctx) });
  }
  return notes;
}

/** `"182"` days or `"6 months"`, for the summary table. */
function targetText(rule: TargetRule | null): string {
  if (rule === null) return "–";
  if (typeof rule === "number") return String(rule);
  return `${rule.months} month${rule.months === 1 ? "" : "s"}`;
}

const DURATION_COLUMNS = ["stage", "child", "episode", "from", "to", "start", "end", "days", "censored", "target", "withinTarget", "daysOverTarget", "route", "status", "exitMilestone", "exitDate"];
const DRIFT_COLUMNS = ["stage", "child", "episode", "from", "start", "daysOpen", "target", "daysOverTarget", "route"];

/**
 * durations.csv in chunks of about 1 MB: the same text as toCsv(rows, columns), with the fields
 * spelled out and the repeated ones quoted once ({@link repeatedField}): several times faster on the 300,000+ rows of a large export; written chunk
 * by chunk so the whole file never sits in memory at once.
 */
export function* durationsCsv(rows: readonly DurationRow[], columns: readonly string[]): Generator<Uint8Array> {
  const group = columns.includes("group");
  const age = columns.includes("ageAtStart");
  // Every field as UTF-8 bytes, one character a byte (see ByteChunks "binary"); dates, numbers,
  // booleans and the status are ASCII as they are.
  const out = new ByteChunks("binary");
  out.add(`${columns.join(",")}\n`);
  const field = (): ((value: unknown) => string) => repeatedField("binary");
  const [stage, episode, from, to, route, exit, band, team] = [field(), field(), field(), field(), field(), field(), field(), field()];
  for (const r of rows) {
    let line = `${stage(r.stage)},${binaryField(r.child)},${episode(r.episode)},${from(r.from)},${to(r.to)},${r.start},${r.end ?? ""},${r.days},${r.censored},${r.target ?? ""},${r.withinTarget ?? ""},${r.daysOverTarget ?? ""},${route(r.route)},${r.status},${r.exit === null ? "," : `${exit(r.exit.milestone)},${r.exit.date}`}`;
    if (age) line += `,${r.ageAtStart ?? ""},${band(r.ageBand ?? null)}`;
    out.add(group ? `${line},${team(r.group)}\n` : `${line}\n`);
    if (out.full) yield out.take();
  }
  yield out.take();
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const a = Float64Array.from(values).sort();
  const m = a.length >> 1;
  return a.length % 2 === 1 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
}

function lastSignal(chart: RunChart | null): string {
  if (chart === null) return "–";
  const s = chart.signals.filter((x) => x.rule === "shift" || x.rule === "trend" || x.rule === "astronomical").at(-1);
  if (s === undefined) return chart.signals.length > 0 ? "runs signal" : "none";
  const x = chart.points[s.start]?.x;
  const when = typeof x === "string" ? x.slice(0, 7) : String(x);
  const how = s.rule === "trend" ? `trend ${s.direction}` : s.rule === "shift" ? `shift ${s.side}` : `astronomical ${s.side}`;
  return `${how} from ${when} (${s.assessment})`;
}

/** `JSON.stringify(value)` and a newline, as pieces made when the file is written. */
function* jsonLine(value: unknown): Generator<string> {
  yield* compactJsonChunks(value);
  yield "\n";
}

/** The files a timescales run writes (relative names) and the summary for the terminal. */
export function timescaleOutputs(r: TimescaleResults, s: TimescaleSettings, source: string): { files: { name: string; content: PlannedFile["content"] }[]; summary: string } {
  const files: { name: string; content: PlannedFile["content"] }[] = [];
  const durationColumns = [...DURATION_COLUMNS, ...(s.age ? ["ageAtStart", "ageBand"] : []), ...(s.group ? ["group"] : [])];
  const allRows: DurationRow[] = [];
  const allDrift: DriftRow[] = [];
  for (const st of r.stages) {
    for (const row of st.durations.rows) allRows.push(row);
    for (const row of st.drift) allDrift.push(row);
  }
  allDrift.sort((a, b) => b.daysOverTarget - a.daysOverTarget || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  files.push({ name: "durations.csv", content: durationsCsv(allRows, durationColumns) });
  files.push({ name: "drift.csv", content: toCsv(allDrift, s.group ? [...DRIFT_COLUMNS, "group"] : DRIFT_COLUMNS) });
  const series: Record<string, unknown> = {};
  const km: Record<string, unknown> = {};
  const charts: Record<string, unknown> = {};
  for (const st of r.stages) {
    const id = st.durations.stage.id;
    series[id] = { label: st.durations.stage.label, target: st.durations.stage.target, ...(st.durations.notEstimated !== null ? { notEstimated: st.durations.notEstimated } : {}), counts: st.durations.counts, byPeriod: st.byPeriod, byCase: st.byCase };
    km[id] = { label: st.durations.stage.label, ...st.km };
    charts[id] = st.chart;
    if (st.chart !== null) {
      files.push({
        name: `${id}.svg`,
        content: renderRunChart(st.chart, {
          title: st.durations.stage.label,
          subtitle: `Median days by ${PERIOD_NAME[s.period]} of completion, ${source}, as of ${r.asOf ?? "–"}`,
          xLabel: `${PERIOD_NAME[s.period]} of completion`,
          yLabel: "median days",
          // A months target is not a fixed number of days: no line on a chart of days.
          ...(typeof st.durations.stage.target === "number" ? { target: st.durations.stage.target } : {}),
        }),
      });
    }
  }
  const meta = { asOf: r.asOf, period: s.period, source };
  files.push({ name: "series.json", content: textChunks(jsonLine({ ...meta, stages: series })) });
  files.push({ name: "km.json", content: `${JSON.stringify({ ...meta, stages: km }, null, 2)}\n` });
  files.push({ name: "charts.json", content: `${JSON.stringify({ ...meta, stages: charts })}\n` });
  const routeLines = routeOutputs(r, source, files);

  const rows = r.stages.map((st) => {
    const d = st.durations;
    if (d.notEstimated !== null) return [d.stage.id, "not estimated", "–", "–", "–", "–", targetText(d.stage.target), "–", "–", "–", "–"];
    const done: number[] = [];
    let within = 0;
    for (const row of d.rows) {
      if (row.censored) continue;
      done.push(row.days);
      if (row.withinTarget === true) within++;
    }
    return [
      d.stage.id,
      String(d.counts.inStage),
      String(d.counts.reached),
      String(d.counts.open),
      fmt(median(done)),
      kmText(st.km),
      targetText(d.stage.target),
      d.stage.target === null || done.length === 0 ? "–" : `${fmt((100 * within) / done.length)}%`,
      String(d.counts.exited),
      d.stage.target === null ? "–" : String(st.drift.length),
      lastSignal(st.chart),
    ];
  });
  const lines = [
    `${source}: as of ${r.asOf ?? "–"}${r.asOfGiven ? "" : " (the latest event date; set it with --as-of)"}`,
    "",
    textTable(["stage", "in stage", "done", "open", "median", "KM median (95% CI)", "target", "within", "exited", "past target", `signal (median days by ${PERIOD_NAME[s.period]})`], rows),
    "",
    "Days are calendar days. median: completed cases; KM: Kaplan–Meier with open and exited cases censored.",
    "in stage = done + open. exited: the child left the stage before its end (ceased to be looked after, returned home, or an order granted);",
    "never open or past target, and not in the within-target %.",
  ];
  lines.push(...routeLines);
  for (const w of r.warnings) lines.push(`Note: ${w}`);
  return { files, summary: `${lines.join("\n")}\n` };
}

/** cumulative-incidence.json and .svg, and the summary's sentence (issue #11). */
function routeOutputs(r: TimescaleResults, source: string, files: { name: string; content: PlannedFile["content"] }[]): string[] {
  if (r.routes === null) return [];
  const ci = r.routes.cumulativeIncidence;
  if (ci.n === 0) {
    // No episode has the date the estimate starts from: a chart of "100 % still waiting" would
    // say nobody left (a user trial's tracker had orders and a return home, but no looked-after column).
    return ["", `Routes to permanence (from becoming looked after): not estimated: no episode has a ${r.routes.from} date (${r.routes.notStarted} left out). If the file has that column, name it with --column ${r.routes.from}=HEADER; no cumulative-incidence files were written.`];
  }
  files.push({ name: "cumulative-incidence.json", content: `${JSON.stringify({ asOf: r.asOf, source, label: r.routes.label, ...ci })}\n` });
  files.push({
    name: "cumulative-incidence.svg",
    content: renderCumulativeIncidence(ci, { title: r.routes.label, subtitle: `Cumulative incidence by route (Aalen–Johansen), ${source}, as of ${r.asOf ?? "–"}` }),
  });
  return ["", `Routes to permanence (from becoming looked after; competing routes, Aalen–Johansen): ${summariseCumulativeIncidence(ci)}`];
}

/** Stages from --stage and --target-STAGE flags. */
export function resolveStages(ids: readonly string[], targets: ReadonlyMap<string, string>): Stage[] {
  // Stage names in any case (--stage Recommendation); a typo is an error naming its flag, with "did you mean".
  const stageOf = (id: string, flag: (s: string) => string): string => {
    const hit = STAGE_IDS.find((s) => s.toLowerCase() === id.toLowerCase());
    if (hit !== undefined) return hit;
    const near = nearestName(id, STAGE_IDS);
    throw new UsageError(`${flag(id)}: unknown stage ${quote(id)}${near === undefined ? "" : `; did you mean ${flag(near)}?`} (PACE stages: ${STAGE_IDS.join(", ")})`, C);
  };
  const chosenIds = ids.map((id) => stageOf(id, (s) => `--stage ${s}`));
  const targetOf = new Map<string, { flag: string; text: string }>();
  for (const [id, text] of targets) {
    const s = stageOf(id, (x) => `--target-${x}`);
    if (targetOf.has(s)) throw new UsageError(`--target-${targetOf.get(s)!.flag} and --target-${id} both set the ${s} target: give it once`, C);
    targetOf.set(s, { flag: id, text });
  }
  const chosen = chosenIds.length > 0 ? [...new Set(chosenIds)] : STAGE_IDS;
  return chosen.map((id) => {
    const base = PACE_STAGES[id as keyof typeof PACE_STAGES];
    const t = targetOf.get(id);
    return t === undefined ? base : { ...base, target: targetFlag(t.flag, t.text) };
  });
}

/** `--target-STAGE`: whole days (`182`), weeks (`26w` = 182 days) or calendar months (`6m`). */
function targetFlag(id: string, text: string): StageTarget {
  const m = /^\s*(\d+)\s*([mw])\s*$/i.exec(text);
  if (m === null) return intFlag(C, `target-${id}`, text, 0)!;
  const n = Number(m[1]);
  if (m[2]!.toLowerCase() === "w") return n * 7;
  if (n > 1200) throw new UsageError(`--target-${id} ${quote(text)}: at most 1200 months`, C);
  return { months: n };
}

/** `--ages 0-4`: whole years at each stage's start, both ends included (each stage's `ages` filter). */
function agesFlag(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d{1,3})\s*[-–]\s*(\d{1,3})\s*$/.exec(text);
  if (m === null || Number(m[1]) > Number(m[2])) throw new UsageError(`--ages ${quote(text)} must be MIN-MAX in whole years, e.g. 0-4`, C);
  return [Number(m[1]), Number(m[2])];
}

/** `--age-bands 0,5,12,16`: ascending lower bounds in whole years (the library's ageBands). */
function ageBandsFlag(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(",").map((p) => p.trim());
  const nums = parts.map(Number);
  if (parts.some((p) => !/^\d{1,3}$/.test(p)) || nums.some((n, i) => i > 0 && n <= nums[i - 1]!)) {
    throw new UsageError(`--age-bands ${quote(text)} must be ascending whole years separated by commas, e.g. 0,5,12,16`, C);
  }
  return nums;
}

/**
 * With PACE_QI_TIMING=1, print how long each step took to stderr (for benchmarks): wall time,
 * and the process's CPU time (user + system), which a busy machine disturbs less.
 */
function timer(io: Io): (step: string) => void {
  if (process.env.PACE_QI_TIMING !== "1") return () => {};
  let last = performance.now();
  let cpu = process.cpuUsage();
  return (step) => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    io.stderr.write(`timing ${step}: ${(now - last).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)\n`);
    last = now;
    cpu = process.cpuUsage();
  };
}

/**
 * A milestone date column as the library reads it: the text as written (blank → null), read
 * with the `dates` option, without converting a million cells to ISO and parsing them back. On
 * the first try, where a bad cell makes the library refuse the records or the check count an
 * impossible date (and the command converts the dates instead: checkAndCompute), and after a
 * check that found no impossible date: every non-blank cell is then a date string in that order,
 * so the library reads the same days the ISO conversion would give.
 */
function rawDates(values: readonly unknown[]): (i: number) => unknown {
  return (i) => {
    const v = values[i];
    return typeof v === "string" && v.length > 0 && v.charCodeAt(0) <= 32 && v.trim() === "" ? null : v;
  };
}

/** A date column converted to ISO (null: blank), as an accessor. */
function dateColumnReader(dates: readonly (string | null)[]): (i: number) => unknown {
  return (i) => dates[i];
}

/**
 * Library options over the columns read: dates converted to ISO (every bad one a problem), or,
 * when `checked` (the first try, and after a data check that found no impossible date),
 * milestone dates read as written in the `dates` order.
 */
function timescaleOptions(c: CaseColumns, dates: DateFormat, unknown: "error" | "ignore", afterAsOf: "error" | "ignore", checked = false): { options: StageDurationsOptions<number>; fieldToColumn: Record<string, string>; problems: Problems } {
  const problems = new Problems();
  const table = c.table;
  const dateCol = (column: string, values: unknown[], allowBlank: boolean): ((i: number) => unknown) => (checked ? rawDates(values) : dateColumnReader(dateColumn(table, column, values, dates, problems, allowBlank)));
  const m = c.mapping;
  const fieldToColumn: Record<string, string> = { child: m.child, ...(m.episode !== null ? { episode: m.episode } : {}), ...(c.group !== null ? { group: c.group } : {}) };
  const options: StageDurationsOptions<number> = { child: (i) => c.child[i], unknownMilestones: unknown, afterAsOf, ...(checked ? { dates } : {}) };
  if (c.episode !== null) options.episode = (i) => c.episode![i];
  if (c.groupValues !== null) options.group = (i) => c.groupValues![i];
  if (c.dob !== null && m.dateOfBirth !== null) {
    // Ages at each stage's start (ageAtStart, ageBand columns of durations.csv). Always converted,
    // each bad one a problem: the library reads no date of birth on a merged repeat of a wide
    // row, nor on a row without a child, and takes a cell of Unicode white space for a date, so
    // reading them as written would pass or word differently what the conversion names.
    options.dateOfBirth = dateColumnReader(dateColumn(table, m.dateOfBirth, c.dob, dates, problems, true));
    fieldToColumn.dateOfBirth = m.dateOfBirth;
  }
  // An order whose type is blank or unknown: left out, as the check says ("it is left out"); the
  // library is told of it (orderType over those rows only) to leave out the episodes it could change.
  if (c.untypedOrders !== null) {
    const u = c.untypedOrders;
    options.orderType = { column: dateCol(u.column, u.values, true), type: (i) => u.types[i] };
    fieldToColumn.order = u.column;
    fieldToColumn.orderType = u.typeColumn;
  }
  if (m.format === "long") {
    options.format = "long";
    options.milestone = (i) => c.milestone![i];
    options.date = dateCol(m.date!, c.date!, false);
    fieldToColumn.milestone = m.milestone!;
    fieldToColumn.date = m.date!;
  } else {
    const columns: Record<string, ((i: number) => unknown) | ((i: number) => unknown)[]> = {};
    for (const [id, col] of c.wide) {
      const first = dateCol(col.column, col.values, true);
      fieldToColumn[id] = col.column;
      // "LAC Review 2", "LAC Review 3": the milestone's further columns (caseInput.ts).
      const again = (c.repeats.get(id) ?? []).map((r, j) => ((fieldToColumn[`${id} ${j + 2}`] = r.column), dateCol(r.column, r.values, true)));
      columns[id] = again.length > 0 ? [first, ...again] : first;
    }
    options.format = "wide";
    options.columns = columns;
  }
  return { options, fieldToColumn, problems };
}

/**
 * A stage's run chart of median days per period: its centre set by the periods up to `baseline`
 * when given (the months before a change, so signals show where the change is), else by all.
 * A baseline before the first charted period is said in a warning and not used.
 */
function stageChart(points: readonly PeriodSeriesRow[], baseline: string | undefined, note: (text: string) => void): RunChart {
  if (baseline !== undefined && points.some((r) => r.x <= baseline)) return runChart(points, { x: "x", y: "y", direction: "decrease", baseline });
  if (baseline !== undefined) note(`--baseline ${baseline} is before the first charted period; the median of every period is used`);
  return runChart(points, { x: "x", y: "y", direction: "decrease" });
}

/** `pace-qi timescales FILE …` */
export async function timescalesCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals, targets } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "FILE argument (case records, CSV or JSON)" }, true);
  const file = positionals[0]!;
  const flags = caseFlags(C, values);
  const dates: DateFormat = flags.dates;
  const unknown = enumFlag(C, "unknown", stringFlag(values, "unknown"), ["error", "ignore"] as const) ?? "error";
  const afterAsOf = enumFlag(C, "after-as-of", stringFlag(values, "after-as-of"), ["error", "ignore"] as const) ?? "error";
  const period = enumFlag(C, "period", stringFlag(values, "period"), ["month", "quarter", "financial-year", "clas-year"] as const) ?? "month";
  const baselineText = stringFlag(values, "baseline");
  const baseline = baselineText === undefined ? undefined : (flagDate(baselineText, dates) ?? undefined);
  if (baselineText !== undefined && baseline === undefined) throw new UsageError(`--baseline ${quote(baselineText)} is not a date (${expectedForm(dates)})`, C);
  const asOfText = stringFlag(values, "as-of");
  let asOf: string | undefined;
  if (asOfText !== undefined) {
    asOf = flagDate(asOfText, dates) ?? undefined;
    if (asOf === undefined) throw new UsageError(`--as-of ${quote(asOfText)} is not a date (${expectedForm(dates)})`, C);
  }
  const outDir = stringFlag(values, "out") ?? "timescales";
  const years = intFlag(C, "years", stringFlag(values, "years"), 1);
  if (values.scorecard === true) {
    const stageFlags = ["stage", "period", "baseline", "age-bands", "ages"].filter((k) => values[k] !== undefined).map((k) => `--${k}`);
    if (targets.size > 0 || stageFlags.length > 0) throw new UsageError(`${[...stageFlags, ...[...targets.keys()].map((k) => `--target-${k}`)].join(", ")}: for the PACE stages, not --scorecard`, C);
    return scorecardRun(file, flags, { asOf, afterAsOf, unknown, years, outDir }, io);
  }
  if (years !== undefined) throw new UsageError("--years is for --scorecard (the window of the adoption scorecard)", C);
  const ages = agesFlag(stringFlag(values, "ages"));
  const ageBands = ageBandsFlag(stringFlag(values, "age-bands"));
  const stages = resolveStages(listFlag(values, "stage"), targets).map((st) => (ages === undefined ? st : { ...st, ages }));
  const clock = timer(io);
  // Columns recognised from the headers (or --mapping / the column flags): see caseInput.ts.
  const cases = await readCases(C, file, flags, io);
  clock("read");
  // After reading: a "Date of Birth" column recognised from the headers counts as much as --date-of-birth.
  if ((ages ?? ageBands) !== undefined && (cases.dob === null || cases.mapping.dateOfBirth === null)) {
    throw new UsageError(`${ages !== undefined ? "--ages" : "--age-bands"} needs the children's dates of birth: no column of them was recognised; name it with --date-of-birth`, C);
  }
  if (cases.table.length === 0) throw new DataError(`${file}: no data rows`);
  io.stdout.write(mappingText(cases));
  const settings: TimescaleSettings = { stages, asOf, period, group: cases.groupValues !== null, age: cases.dob !== null && cases.mapping.dateOfBirth !== null, ...(baseline !== undefined ? { baseline } : {}) };
  const run = { file, dates, unknown, afterAsOf, ageBands, clock, io };
  const results = checkAndCompute(cases, settings, run);
  clock("compute");
  const { files, summary } = timescaleOutputs(results, settings, file);
  clock("format");
  const planned: PlannedFile[] = files.map((f) => ({ path: join(outDir, f.name), content: f.content }));
  await writeAll(planned);
  clock("write");
  io.stdout.write(summary);
  io.stdout.write(`\nWrote ${planned.length} ${planned.length === 1 ? "file" : "files"} to ${outDir}/: ${files.map((f) => f.name).join(", ")}\n`);
  return 0;
}

/** What {@link checkAndCompute} needs of the command line. */
interface TimescalesRun {
  file: string;
  dates: DateFormat;
  unknown: "error" | "ignore";
  afterAsOf: "error" | "ignore";
  ageBands: number[] | undefined;
  clock: (step: string) => void;
  io: Io;
}

/** The library's input over the columns read: dates as written when `checked`, else converted (see timescaleOptions). */
function caseInput(cases: CaseColumns, run: TimescalesRun, checked: boolean): { input: CaseInput; problems: Problems } {
  const { options, fieldToColumn, problems } = timescaleOptions(cases, run.dates, run.unknown, run.afterAsOf, checked);
  if (run.ageBands !== undefined) options.ageBands = run.ageBands;
  const table = cases.table;
  const rows: number[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) rows[i] = i;
  const ctx: PathContext = {
    command: C,
    file: run.file,
    flags: { asOf: "--as-of", target: "--target-STAGE", stage: "--stage", unknownMilestones: "--unknown", afterAsOf: "--after-as-of", ageBands: "--age-bands", ages: "--ages" },
    row: (i, field) => table.where(i, field === undefined ? undefined : (fieldToColumn[field] ?? field)),
    columns: fieldToColumn,
  };
  return { input: { rows, options, ctx, header: table.header }, problems };
}

/** Thrown from the check's callback: it found an impossible date that the stages would read, so the CLI converts the dates itself (naming each bad cell). */
class ConvertDates {
  constructor(readonly check: CaseRecordsCheck) {}
}

/**
 * The data check's summary first, then the stages (which stop on bad dates). Records that the
 * stages can read are read once for both: `paceTimescales` with `check: true` gives the check
 * before its first stage. Otherwise (a problem converting a date of birth, an order without a
 * known type, records the library refuses, a date the check calls impossible) the check runs on
 * its own, as `pace-qi check` does, and the stages read the milestone dates as written only when
 * it found no impossible date (else the command converts them, naming each bad cell).
 */
function checkAndCompute(cases: CaseColumns, settings: TimescaleSettings, run: TimescalesRun): TimescaleResults {
  const { io, clock } = run;
  const report = (check: CaseRecordsCheck): void => {
    io.stdout.write(`\n${checkSummary(check, cases)}\n`);
    clock("check");
  };
  let check: CaseRecordsCheck | null = null;
  const fast = caseInput(cases, run, true);
  if (fast.problems.count === 0) {
    const { fieldToColumn } = checkOptions(cases, run.dates, settings.asOf);
    try {
      return computeTimescales(fast.input, settings, io.stderr, (found) => {
        check = checkReport(cases, found, fieldToColumn);
        report(check);
        if (check.counts["invalid-date"] > 0) throw new ConvertDates(check);
      });
    } catch (e) {
      // After the check was reported, only an impossible date is redone; before it, the records were refused.
      if (check !== null && !(e instanceof ConvertDates)) throw e;
    }
  }
  if (check === null) {
    check = checkCases(cases, run.dates, settings.asOf);
    report(check);
  }
  // No impossible date found by the check: the library reads the dates as written (above).
  const { input, problems } = check.counts["invalid-date"] === 0 ? fast : caseInput(cases, run, false);
  problems.throwIfAny();
  clock("convert");
  return computeTimescales(input, settings, io.stderr);
}
