import { formatIsoDay, parseIsoDay } from "../_lib/calendar.js";
import { isoDateProblem } from "../_lib/dateText.js";
import { buildGraph, walk } from "../drivers/graph.js";
import { validateDriverDiagram } from "../drivers/validate.js";
import { checkMeasure, familyOfMeasures } from "../measures/check.js";
import type { Measure } from "../measures/types.js";
import { checkPdsaCycle } from "../pdsa/check.js";
import { ramps } from "../pdsa/ramp.js";
import { periodEnd } from "./dates.js";
import { issue, prefixIssues, result, type ValidationIssue, type ValidationResult } from "../_lib/issues.js";
import { projectShapeIssues } from "./guards.js";
import type { PdsaCycle } from "../pdsa/types.js";
import type { Project } from "./types.js";

/** @internal Which measures' charts a cycle belongs on: the measures it names, else those linked to its change idea or any node above it. */
// Cost: one upward walk per distinct change idea (memoised), O(ideas × (nodes + links)), plus
// O(measures × links) per cycle without explicit measures.
export function measuresForCycles(project: Project): (cycleIndex: number) => string[] {
  const g = buildGraph(project.diagram);
  const upCache = new Map<string, Set<string>>();
  const lineage = (id: string): Set<string> => {
    let s = upCache.get(id);
    if (s === undefined) {
      s = g.kind.has(id) ? new Set([id, ...walk(id, g.up)]) : new Set();
      upCache.set(id, s);
    }
    return s;
  };
  const known = new Set(project.measures.map((m) => m.id));
  return (i) => {
    const c = project.cycles[i]!;
    if (c.measures !== undefined && c.measures.length > 0) return c.measures.filter((m) => known.has(m));
    const up = lineage(c.changeIdea);
    const out: string[] = [];
    for (const m of project.measures) if (m.links.some((l) => up.has(l)) && !out.includes(m.id)) out.push(m.id);
    return out;
  };
}

/**
 * @internal The project's cycles, each naming the measures it is charted on: a cycle without
 * `measures` gets those of its change idea's lineage ({@link measuresForCycles}), so that the
 * fidelity check follows the same link as the chart annotations (a cycle drawn on three charts
 * is not "without a measure"). Copies; the project is not changed.
 */
export function chartedCycles(project: Project): PdsaCycle[] {
  const chartsOf = measuresForCycles(project);
  return project.cycles.map((c, i) => (c.measures !== undefined && c.measures.length > 0 ? c : { ...c, measures: chartsOf(i) }));
}

interface Range { first: number; last: number }

/** Why a series' baseline cannot mean "the period before the change", or null when it can. */
function baselineIssue(baseline: unknown, points: number, kind: string, first: number, last: number): string | null {
  // Anything but a count or a date is the schema's to report.
  if (typeof baseline !== "number" && typeof baseline !== "string") return null;
  if (typeof baseline === "number") return baseline >= points ? `(${baseline} points) covers the whole series (${points} points): no point is judged against it` : null;
  if (kind !== "string") return `is a date (${baseline}) but the series' x values are numbers`;
  const day = parseIsoDay(baseline);
  if (!Number.isFinite(first) || Number.isNaN(day)) return null;
  if (day < first) return `ends on ${baseline}, before the series starts (${formatIsoDay(first)})`;
  if (day >= last) return `ends on ${baseline}, at or after the series' last point (${formatIsoDay(last)}): no point is judged against it`;
  return null;
}

/**
 * Validate a whole project and report every problem with its path from the project root:
 * everything {@link validateDriverDiagram} reports (under `["diagram", …]`), each measure's
 * {@link checkMeasure} issues (under `["measures", i, …]`), the family-of-measures warnings, and:
 *
 * errors — `duplicate-id` (measures, cycles), `unknown-id` (a measure linked to a missing node
 * `["measures", i, "links", j]`, a cycle under an unknown change idea `["cycles", i, "changeIdea"]`,
 * a cycle naming an unknown measure, a data series for an unknown measure `["data", i, "measure"]`),
 * `not-a-change-idea` (a cycle under a driver or the aim), `duplicate-series`, `invalid-x`
 * (an x that is not an ISO date or mixes dates and numbers), `duplicate-x`, plus
 * {@link checkPdsaCycle} errors;
 *
 * warnings — `no-data` (a measure without data), `date-outside-data` (a PDSA cycle run outside
 * the date range of a measure it is charted on, `["cycles", i, "do", "date"]`) and the ramp
 * warnings of {@link ramp}.
 *
 * Any value is accepted: one that is not a project at all (`null`, `{}`, a field of the wrong
 * kind) gives only `invalid-value` error issues, one per problem, with their paths.
 *
 * @example
 * const project = { title: "Demo", diagram: { aim: { id: "aim", statement: "…" }, nodes: [], links: [] },
 *   measures: [], cycles: [], data: [] };
 * validateProject(project).issues.filter((i) => i.severity === "error") //=> []
 */
export function validateProject(project: Project): ValidationResult {
  // A value that is not a project at all: its shape problems are the issues (paths from the project).
  const shape = projectShapeIssues(project);
  if (shape.length > 0) return result(shape.map((i) => issue("error", i.code, i.path, i.message)));
  const issues: ValidationIssue[] = [];
  issues.push(...prefixIssues(["diagram"], validateDriverDiagram(project.diagram).issues));
  const g = buildGraph(project.diagram);
  const measures = measureIssues(project, g, issues);
  const ranges = dataIssues(project, measures, issues);
  cycleIssues(project, g, measures, issues);
  cycleDateIssues(project, ranges, issues);
  return result(issues);
}

type Graph = ReturnType<typeof buildGraph>;

/** Measures: duplicate ids, each measure's own check, links to unknown nodes, the family of measures. Returns the measures by id (the first of each). */
function measureIssues(project: Project, g: Graph, issues: ValidationIssue[]): Map<string, Measure> {
  const measures = new Map<string, Measure>();
  for (let i = 0; i < project.measures.length; i++) {
    const m = project.measures[i]!;
    if (measures.has(m.id)) issues.push(issue("error", "duplicate-id", ["measures", i, "id"], `measure id ${q(m.id)} is used twice`));
    else measures.set(m.id, m);
    issues.push(...prefixIssues(["measures", i], checkMeasure(m)));
    for (let j = 0; j < m.links.length; j++) {
      const l = m.links[j]!;
      if (!g.kind.has(l)) issues.push(issue("error", "unknown-id", ["measures", i, "links", j], `measure ${q(m.id)} is linked to ${q(l)}, which is not in the driver diagram`));
    }
  }
  issues.push(...prefixIssues(["measures"], familyOfMeasures(project.measures).issues));
  return measures;
}

/**
 * Data series: known measure, one series per measure, consistent and unique x, a baseline inside
 * the data; then measures without data. Returns each dated series' range (to the end of its last period).
 */
function dataIssues(project: Project, measures: ReadonlyMap<string, Measure>, issues: ValidationIssue[]): Map<string, Range> {
  const ranges = new Map<string, Range>();
  const seriesOf = new Map<string, number>();
  for (let i = 0; i < project.data.length; i++) {
    const s = project.data[i]!;
    if (!measures.has(s.measure)) issues.push(issue("error", "unknown-id", ["data", i, "measure"], `data for unknown measure ${q(s.measure)}`));
    if (seriesOf.has(s.measure)) {
      issues.push(issue("error", "duplicate-series", ["data", i, "measure"], `measure ${q(s.measure)} already has data (data[${seriesOf.get(s.measure)}])`));
      continue;
    }
    seriesOf.set(s.measure, i);
    const kind = s.rows.length > 0 ? typeof s.rows[0]!.x : "string";
    const { first, last } = xIssues(s.rows, i, kind, issues);
    const b = baselineIssue(s.baseline, s.rows.length, kind, first, last);
    if (b !== null) issues.push(issue("warning", "baseline-outside-data", ["data", i, "baseline"], `the baseline of ${q(s.measure)} ${b}`));
    if (kind === "string" && Number.isFinite(first)) {
      const m = measures.get(s.measure);
      ranges.set(s.measure, { first, last: m === undefined ? last : periodEnd(last, m.definition.period) });
    }
  }
  for (let i = 0; i < project.measures.length; i++) {
    const m = project.measures[i]!;
    if (!seriesOf.has(m.id)) issues.push(issue("warning", "no-data", ["measures", i], `measure ${q(m.id)} has no data yet`));
  }
  return ranges;
}

/** The x values of series `i`: all of one kind (`kind`, of the first row), ISO dates when dates, none twice. Returns their range. */
function xIssues(rows: Project["data"][number]["rows"], i: number, kind: string, issues: ValidationIssue[]): Range {
  const seen = new Set<number>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < rows.length; j++) {
    const x = rows[j]!.x;
    const path = ["data", i, "rows", j, "x"];
    if (typeof x !== kind) {
      issues.push(issue("error", "invalid-x", path, `x mixes ${kind === "string" ? "dates" : "numbers"} and ${typeof x === "string" ? "dates" : "numbers"}`));
      continue;
    }
    const v = typeof x === "string" ? parseIsoDay(x) : x;
    if (Number.isNaN(v)) {
      issues.push(issue("error", "invalid-x", path, typeof x === "string" ? isoDateProblem(x) : `${q(String(x))} is not an ISO date (YYYY-MM-DD)`));
      continue;
    }
    if (seen.has(v)) {
      issues.push(issue("error", "duplicate-x", path, `x ${typeof x === "string" ? formatIsoDay(v) : x} appears twice`));
      continue;
    }
    seen.add(v);
    if (v < first) first = v;
    if (v > last) last = v;
  }
  return { first, last };
}

/** PDSA cycles: duplicate ids, each cycle's own check, its change idea and measures known; then the ramps' warnings. */
function cycleIssues(project: Project, g: Graph, measures: ReadonlyMap<string, Measure>, issues: ValidationIssue[]): void {
  const cycleIds = new Set<string>();
  for (let i = 0; i < project.cycles.length; i++) {
    const c = project.cycles[i]!;
    if (cycleIds.has(c.id)) issues.push(issue("error", "duplicate-id", ["cycles", i, "id"], `cycle id ${q(c.id)} is used twice`));
    cycleIds.add(c.id);
    issues.push(...prefixIssues(["cycles", i], checkPdsaCycle(c)));
    const k = g.kind.get(c.changeIdea);
    if (k === undefined) issues.push(issue("error", "unknown-id", ["cycles", i, "changeIdea"], `cycle ${q(c.id)} tests unknown change idea ${q(c.changeIdea)}`));
    else if (k !== "change") issues.push(issue("error", "not-a-change-idea", ["cycles", i, "changeIdea"], `cycle ${q(c.id)} tests ${q(c.changeIdea)}, which is not a change idea`));
    const ms = c.measures ?? [];
    for (let j = 0; j < ms.length; j++) {
      if (!measures.has(ms[j]!)) issues.push(issue("error", "unknown-id", ["cycles", i, "measures", j], `cycle ${q(c.id)} names unknown measure ${q(ms[j]!)}`));
    }
  }
  for (const r of ramps(project.cycles)) for (const w of r.warnings) issues.push({ severity: "warning", ...w });
}

/** PDSA dates against the data range of each measure the cycle is charted on. */
function cycleDateIssues(project: Project, ranges: ReadonlyMap<string, Range>, issues: ValidationIssue[]): void {
  const chartsOf = measuresForCycles(project);
  for (let i = 0; i < project.cycles.length; i++) {
    const c = project.cycles[i]!;
    const date = c.do?.date;
    if (date === undefined) continue;
    const day = parseIsoDay(date);
    if (Number.isNaN(day)) continue;
    for (const mid of chartsOf(i)) {
      const r = ranges.get(mid);
      if (r === undefined) continue;
      if (day < r.first || day > r.last) {
        const side = day < r.first ? `before measure ${q(mid)}'s data start (${formatIsoDay(r.first)})` : `after measure ${q(mid)}'s data end (${formatIsoDay(r.last)})`;
        issues.push(issue("warning", "date-outside-data", ["cycles", i, "do", "date"], `cycle ${q(c.id)} was run on ${formatIsoDay(day)}, ${side}`));
      }
    }
  }
}

function q(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}
