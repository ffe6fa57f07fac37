import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, objectOption } from "../_lib/options.js";
import { formatIsoDay, parseIsoDay } from "../_lib/calendar.js";
import { checkAim, type AimCheck } from "../drivers/aim.js";
import { buildGraph, walk } from "../drivers/graph.js";
import type { DriverNodeKind } from "../drivers/types.js";
import type { Measure, MeasureDirection, MeasureTarget, MeasureType } from "../measures/types.js";
import { fidelity, type FidelityOptions } from "../pdsa/fidelity.js";
import { ramp, type ChangeIdeaStatus } from "../pdsa/ramp.js";
import type { PdsaCycle, PdsaDecision } from "../pdsa/types.js";
import type { ValidationIssue } from "../_lib/issues.js";
import { assertProject } from "./guards.js";
import { analyseDefaults, type AnalyseDefaults } from "./analyseDefaults.js";
import type { DataSeries, Project, SeriesRow } from "./types.js";
import { chartedCycles, measuresForCycles, validateProject } from "./validate.js";
import { summariseVerdict, type ChartLike, type Verdict } from "./verdict.js";

/** What an {@link Analyse} callback gets besides the measure and its rows. */
export interface AnalyseContext {
  /** The measure's data series: its rows and its `baseline`. */
  series: DataSeries;
  /** The default analysis' chart options, with the series' baseline. */
  defaults: AnalyseDefaults;
}

/**
 * Analyse one measure's rows into a chart (inject `runChart` or `controlChart` here). The third
 * argument holds the series and the default chart options (with its `baseline`); a callback of
 * two arguments may ignore it.
 */
export type Analyse = (measure: Measure, rows: readonly SeriesRow[], context: AnalyseContext) => ChartLike;

/** The {@link rollUp} options. */
export interface RollUpOptions {
  /** The chart analysis for each measure; without it verdicts are "not-analysed". */
  analyse?: Analyse;
  /** Options for the fidelity scores (`dataPoints` is filled in from the project's data). */
  fidelity?: Omit<FidelityOptions, "dataPoints">;
}

/** A PDSA cycle as a chart annotation. */
export interface Annotation {
  /** ISO date the cycle was run. */
  x: string;
  label: string;
  changeIdea: string;
  cycle: string;
  decision: PdsaDecision | null;
}

/** How far a driver's change ideas have got. `tested` = changeIdeas − untested. */
export interface Coverage {
  changeIdeas: number;
  untested: number;
  testing: number;
  adopted: number;
  adapted: number;
  abandoned: number;
  tested: number;
}

/** Roll-up of one change idea. */
export interface ChangeIdeaSummary {
  id: string;
  label: string;
  status: ChangeIdeaStatus;
  decision: PdsaDecision | null;
  cycles: string[];
  firstDate: string | null;
  lastDate: string | null;
  /** Ids of its parents in the diagram. */
  parents: string[];
  /** Taylor et al. (2014) fidelity of its ramp (null when untested). */
  fidelity: { score: number | null; metCount: number; assessedCount: number } | null;
}

/** Roll-up of one primary or secondary driver. */
export interface DriverSummary {
  id: string;
  kind: Exclude<DriverNodeKind, "change">;
  label: string;
  coverage: Coverage;
}

/** Roll-up of one measure. */
export interface MeasureSummary {
  id: string;
  name: string;
  type: MeasureType;
  direction: MeasureDirection;
  unit: string;
  target: MeasureTarget | null;
  /** Rows with a numeric y. */
  points: number;
  /** The last row (by x) with a numeric y. */
  latest: { x: string | number; y: number } | null;
  verdict: Verdict;
  /** PDSA cycles to draw on this measure's chart, by date. */
  annotations: Annotation[];
}

/** The {@link rollUp} result. */
export interface RollUp {
  title: string;
  illustrative: boolean;
  aim: { id: string; statement: string; check: AimCheck; coverage: Coverage };
  changeIdeas: ChangeIdeaSummary[];
  drivers: DriverSummary[];
  measures: MeasureSummary[];
  /** Every dated PDSA cycle, by date. */
  annotations: Annotation[];
  /** {@link validateProject} issues. */
  issues: ValidationIssue[];
}

/**
 * Roll a project up for a report or dashboard: each change idea's status from its ramp (see
 * {@link ChangeIdeaStatus}), each driver's coverage (its change ideas — every change idea below it
 * in the DAG, counted once — by status), each measure's latest chart verdict from the injected
 * `analyse(measure, rows, { series, defaults })` (see {@link AnalyseContext}, {@link summariseVerdict}),
 * and PDSA cycles as chart annotations. Cycles under
 * unknown change ideas are annotated but not counted; the project's validation issues are included.
 *
 * @example
 * const project = { title: "Demo", diagram: { aim: { id: "aim", statement: "…" }, nodes: [], links: [] },
 *   measures: [{ id: "m1", name: "Plans", type: "outcome", direction: "increase", links: ["aim"],
 *     definition: { unit: "children", aggregation: "count", period: "month" } }],
 *   cycles: [], data: [{ measure: "m1", rows: [3, 4, 3, 5, 4, 3, 4, 8, 9, 8, 9, 10, 9].map((y, i) => ({ x: i + 1, y })) }] };
 * rollUp(project, { analyse: (m, rows, { defaults }) => runChart(rows, defaults) })
 *   .measures[0].verdict.text
 * //=> "improvement signal: 6 points above the median from x = 8 to x = 13: a shift, an improvement (and 2 other signals in this phase: 1 shift, too few runs)"
 * // otherwise "no signal" or "insufficient data"
 */
export function rollUp(project: Project, options: RollUpOptions = {}): RollUp {
  assertProject(project);
  checkRollUpOptions(options);
  const d = project.diagram;
  const g = buildGraph(d);
  const issues = validateProject(project).issues;
  const data = measureData(project);
  const { changeIdeas, status, position } = rollUpChangeIdeas(project, g, { ...options.fidelity, dataPoints: data.numericCount });
  const coverageOf = (ids: Iterable<string>): Coverage => coverage(status, ids);
  const { all, perMeasure } = cycleAnnotations(project, g, position);
  return {
    title: project.title,
    illustrative: project.illustrative ?? false,
    aim: { id: d.aim.id, statement: d.aim.statement, check: checkAim(d.aim), coverage: coverageOf(status.keys()) },
    changeIdeas,
    drivers: rollUpDrivers(g, coverageOf),
    measures: rollUpMeasures(project, data, perMeasure, options.analyse),
    annotations: sortedAnnotations(all),
    issues,
  };
}

/** The {@link rollUp} option keys. */
const ROLL_UP_KEYS = ["analyse", "fidelity"] as const;

function checkRollUpOptions(options: RollUpOptions): void {
  objectOption(options, ["options"]);
  checkKeys(options, ROLL_UP_KEYS, ["options"], "rollUp option");
  if (options.analyse !== undefined && typeof options.analyse !== "function") {
    throw new QiError("invalid-option", ["options", "analyse"], `analyse must be a function (measure, rows, context) => chart, not ${describeValue(options.analyse)}`);
  }
  if (options.fidelity !== undefined) objectOption(options.fidelity, ["options", "fidelity"]);
}

type Graph = ReturnType<typeof buildGraph>;

/** Each measure's series and rows (the first series given for it) and its count of numeric points. */
interface MeasureData {
  seriesOf: Map<string, DataSeries>;
  rowsOf: Map<string, readonly SeriesRow[]>;
  numericCount: (id: string) => number | undefined;
}

/** Data: numeric points per measure, for fidelity and the latest value, counted once per measure, not once per cycle (issue #18). */
function measureData(project: Project): MeasureData {
  const seriesOf = new Map<string, DataSeries>();
  const rowsOf = new Map<string, readonly SeriesRow[]>();
  for (const s of project.data) {
    if (seriesOf.has(s.measure)) continue;
    seriesOf.set(s.measure, s);
    rowsOf.set(s.measure, s.rows);
  }
  const counted = new Map<string, number | undefined>();
  const numericCount = (id: string): number | undefined => {
    if (counted.has(id)) return counted.get(id);
    const rows = rowsOf.get(id);
    const n = rows === undefined ? undefined : rows.reduce((k, r) => k + (isNum(r.y) ? 1 : 0), 0);
    counted.set(id, n);
    return n;
  };
  return { seriesOf, rowsOf, numericCount };
}

/**
 * Cycles grouped by change idea once (Map keyed by id), in document order: as written, and as
 * charted (with the measures they are charted on, `chartedCycles`), which fidelity reads.
 */
function cyclesByIdea(project: Project): { byIdea: Map<string, PdsaCycle[]>; chartedByIdea: Map<string, PdsaCycle[]> } {
  const byIdea = new Map<string, PdsaCycle[]>();
  const chartedByIdea = new Map<string, PdsaCycle[]>();
  const charted = chartedCycles(project);
  project.cycles.forEach((c, i) => {
    for (const [map, cycle] of [[byIdea, c], [chartedByIdea, charted[i]!]] as const) {
      const list = map.get(c.changeIdea);
      if (list === undefined) map.set(c.changeIdea, [cycle]);
      else list.push(cycle);
    }
  });
  return { byIdea, chartedByIdea };
}

/** Each change idea's ramp: status, decision, dates and fidelity; and each cycle's position in its ramp. */
function rollUpChangeIdeas(
  project: Project,
  g: Graph,
  fOpts: FidelityOptions,
): { changeIdeas: ChangeIdeaSummary[]; status: Map<string, ChangeIdeaStatus>; position: Map<PdsaCycle, number> } {
  const { byIdea, chartedByIdea } = cyclesByIdea(project);
  const status = new Map<string, ChangeIdeaStatus>();
  const position = new Map<PdsaCycle, number>();
  const changeIdeas: ChangeIdeaSummary[] = [];
  for (const id of g.ids) {
    if (g.kind.get(id) !== "change") continue;
    const r = ramp(byIdea.get(id) ?? [], id);
    r.cycles.forEach((c, k) => position.set(c, k + 1));
    status.set(id, r.status);
    const f = r.cycles.length > 0 ? fidelity(ramp(chartedByIdea.get(id) ?? [], id), fOpts) : null;
    changeIdeas.push({
      id,
      label: g.label.get(id)!,
      status: r.status,
      decision: r.decision,
      cycles: r.order,
      firstDate: r.firstDate,
      lastDate: r.lastDate,
      parents: g.up.get(id)!.map((e) => e.id),
      fidelity: f === null ? null : { score: f.score, metCount: f.metCount, assessedCount: f.assessedCount },
    });
  }
  return { changeIdeas, status, position };
}

/** Change ideas among `ids` counted by status. */
function coverage(status: ReadonlyMap<string, ChangeIdeaStatus>, ids: Iterable<string>): Coverage {
  const c: Coverage = { changeIdeas: 0, untested: 0, testing: 0, adopted: 0, adapted: 0, abandoned: 0, tested: 0 };
  for (const id of ids) {
    const s = status.get(id);
    if (s === undefined) continue;
    c.changeIdeas++;
    c[s]++;
  }
  c.tested = c.changeIdeas - c.untested;
  return c;
}

/**
 * Each driver's coverage. One breadth-first walk per driver: O(drivers × (nodes + links)).
 * Counting distinct descendants of every node of a DAG has no linear-time algorithm in general;
 * driver diagrams are small.
 */
function rollUpDrivers(g: Graph, coverageOf: (ids: Iterable<string>) => Coverage): DriverSummary[] {
  const drivers: DriverSummary[] = [];
  for (const id of g.ids) {
    const k = g.kind.get(id)!;
    if (k !== "primary" && k !== "secondary") continue;
    drivers.push({ id, kind: k, label: g.label.get(id)!, coverage: coverageOf(walk(id, g.down)) });
  }
  return drivers;
}

/** An annotation with its day and its cycle's index in the document, for sorting. */
type DatedAnnotation = { a: Annotation; day: number; index: number };

/** Annotations: every dated cycle, and per measure the cycles charted on it. */
function cycleAnnotations(project: Project, g: Graph, position: ReadonlyMap<PdsaCycle, number>): { all: DatedAnnotation[]; perMeasure: Map<string, DatedAnnotation[]> } {
  const label = (c: PdsaCycle): string => {
    if (c.title !== undefined && c.title.trim() !== "") return c.title;
    const idea = g.label.get(c.changeIdea) ?? c.changeIdea;
    const k = position.get(c);
    return k === undefined ? `${idea}: PDSA` : `${idea}: PDSA ${k}`;
  };
  const all: DatedAnnotation[] = [];
  const perMeasure = new Map<string, DatedAnnotation[]>();
  const chartsOf = measuresForCycles(project);
  project.cycles.forEach((c, index) => {
    const day = c.do?.date === undefined ? Number.NaN : parseIsoDay(c.do.date);
    if (Number.isNaN(day)) return;
    const a: Annotation = { x: formatIsoDay(day), label: label(c), changeIdea: c.changeIdea, cycle: c.id, decision: c.act?.decision ?? null };
    const entry = { a, day, index };
    all.push(entry);
    for (const m of chartsOf(index)) {
      const list = perMeasure.get(m);
      if (list === undefined) perMeasure.set(m, [entry]);
      else list.push(entry);
    }
  });
  return { all, perMeasure };
}

/** By date, then document order; fresh objects. */
function sortedAnnotations(xs: readonly DatedAnnotation[]): Annotation[] {
  return [...xs].sort((p, q) => p.day - q.day || p.index - q.index).map((e) => ({ ...e.a }));
}

/** Each measure (the first of a repeated id): its latest value, verdict and annotations. */
function rollUpMeasures(project: Project, data: MeasureData, perMeasure: ReadonlyMap<string, DatedAnnotation[]>, analyse: Analyse | undefined): MeasureSummary[] {
  const seenMeasure = new Set<string>();
  const measures: MeasureSummary[] = [];
  for (const m of project.measures) {
    if (seenMeasure.has(m.id)) continue;
    seenMeasure.add(m.id);
    const rows = data.rowsOf.get(m.id) ?? [];
    measures.push({
      id: m.id,
      name: m.name,
      type: m.type,
      direction: m.direction,
      unit: m.definition.unit,
      target: m.target === undefined ? null : { ...m.target },
      points: data.numericCount(m.id) ?? 0,
      latest: latestPoint(rows),
      verdict: verdictFor(m, rows, data.seriesOf.get(m.id), analyse),
      annotations: sortedAnnotations(perMeasure.get(m.id) ?? []),
    });
  }
  return measures;
}

function isNum(y: unknown): y is number {
  return typeof y === "number" && Number.isFinite(y);
}

function latestPoint(rows: readonly SeriesRow[]): { x: string | number; y: number } | null {
  let best: { x: string | number; y: number } | null = null;
  let bestKey = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    if (!isNum(r.y)) continue;
    const key = typeof r.x === "number" ? r.x : parseIsoDay(r.x);
    if (Number.isNaN(key)) continue;
    if (key >= bestKey) {
      bestKey = key;
      best = { x: r.x, y: r.y };
    }
  }
  return best;
}

function verdictFor(m: Measure, rows: readonly SeriesRow[], series: DataSeries | undefined, analyse: Analyse | undefined): Verdict {
  // A measure with numeric rows has a series.
  if (series === undefined || !rows.some((r) => isNum(r.y))) return { kind: "insufficient-data", text: "insufficient data", rule: null, signals: 0 };
  if (analyse === undefined) return { kind: "not-analysed", text: "not analysed", rule: null, signals: 0 };
  try {
    return summariseVerdict(analyse(m, rows, { series, defaults: analyseDefaults(m, series) }));
  } catch (e) {
    // Bad data in one series must not sink the whole report; anything else is a bug and propagates.
    if (e instanceof QiError) return { kind: "error", text: `could not analyse: ${e.message}`, rule: null, signals: 0 };
    throw e;
  }
}
