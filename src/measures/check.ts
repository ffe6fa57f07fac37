import { parseIsoDay } from "../_lib/calendar.js";
import { isoDateProblem } from "../_lib/dateText.js";
import { issue, type ValidationIssue } from "../_lib/issues.js";
import { assertFamily, measureShapeIssues } from "./guards.js";
import type { Measure, MeasureType } from "./types.js";

const RATIO = new Set(["percentage", "proportion", "rate"]);

/**
 * Semantic checks of one measure (paths relative to the measure):
 * errors — `invalid-definition` (clock starts and stops at the same milestone), `invalid-target`
 * (a percentage target outside 0–100, a proportion outside 0–1, a target date that is not a date);
 * warnings — `incomplete-definition` (a ratio without numerator or denominator, no data source, no
 * owner) and `unlinked-measure` (no driver-diagram link).
 *
 * Any value is accepted: one that is not a measure at all (`null`, `{}`, a field of the wrong
 * kind) gives only `invalid-value` error issues, one per problem, with their paths.
 *
 * @example
 * checkMeasure({ id: "m1", name: "% within 26 weeks", type: "outcome", direction: "increase", links: ["aim"],
 *   definition: { unit: "%", aggregation: "percentage", period: "month", numerator: "…", denominator: "…", dataSource: "SWIS", owner: "PACE lead" },
 *   target: { value: 120 } })
 * //=> [{ severity: "error", code: "invalid-target", path: ["target", "value"], message: "a percentage target must be between 0 and 100, not 120" }]
 */
export function checkMeasure(measure: Measure): ValidationIssue[] {
  // A value that is not a measure at all: its shape problems are the issues (paths from the measure).
  const shape = measureShapeIssues(measure);
  if (shape.length > 0) return shape.map((i) => issue("error", i.code, i.path, i.message));
  const out: ValidationIssue[] = [];
  const d = measure.definition;
  if (RATIO.has(d.aggregation)) {
    for (const k of ["numerator", "denominator"] as const) {
      if ((d[k] ?? "").trim() === "") out.push(issue("warning", "incomplete-definition", ["definition", k], `a ${d.aggregation} needs a ${k}`));
    }
  }
  if (d.clock !== undefined && d.clock.start.trim() === d.clock.stop.trim()) {
    out.push(issue("error", "invalid-definition", ["definition", "clock", "stop"], `the clock starts and stops at the same milestone (${JSON.stringify(d.clock.start)})`));
  }
  if ((d.dataSource ?? "").trim() === "") out.push(issue("warning", "incomplete-definition", ["definition", "dataSource"], "say where the data come from (dataSource)"));
  if ((d.owner ?? "").trim() === "") out.push(issue("warning", "incomplete-definition", ["definition", "owner"], "say who owns the measure (owner)"));
  const t = measure.target;
  if (t !== undefined) {
    if (d.aggregation === "percentage" && !(t.value >= 0 && t.value <= 100)) {
      out.push(issue("error", "invalid-target", ["target", "value"], `a percentage target must be between 0 and 100, not ${t.value}`));
    } else if (d.aggregation === "proportion" && !(t.value >= 0 && t.value <= 1)) {
      out.push(issue("error", "invalid-target", ["target", "value"], `a proportion target must be between 0 and 1, not ${t.value}`));
    }
    if (t.by !== undefined && Number.isNaN(parseIsoDay(t.by))) {
      out.push(issue("error", "invalid-target", ["target", "by"], isoDateProblem(t.by)));
    }
  }
  if (measure.links.length === 0) out.push(issue("warning", "unlinked-measure", ["links"], `measure ${JSON.stringify(measure.id)} is not linked to the driver diagram`));
  return out;
}

/** The {@link familyOfMeasures} result: measure ids by type, and warnings for missing types. */
export interface FamilyOfMeasures {
  outcome: string[];
  process: string[];
  balancing: string[];
  issues: ValidationIssue[];
}

/**
 * Group measures into a family (IHI: outcome, process and balancing measures) and warn
 * (`missing-measure-type`, path `[]`) for each type with no measure.
 *
 * @example
 * familyOfMeasures([{ id: "m1", type: "outcome" }]).issues.map((i) => i.message)
 * //=> ["no process measure: add one for the work that drives the aim", "no balancing measure: add one for what might get worse"]
 */
export function familyOfMeasures(measures: readonly Pick<Measure, "id" | "type">[]): FamilyOfMeasures {
  assertFamily(measures);
  const fam: Record<MeasureType, string[]> = { outcome: [], process: [], balancing: [] };
  for (const m of measures) fam[m.type].push(m.id);
  const issues: ValidationIssue[] = [];
  const advice: Record<MeasureType, string> = {
    outcome: "no outcome measure: add one for the aim's result",
    process: "no process measure: add one for the work that drives the aim",
    balancing: "no balancing measure: add one for what might get worse",
  };
  for (const k of ["outcome", "process", "balancing"] as const) {
    if (fam[k].length === 0) issues.push(issue("warning", "missing-measure-type", [], advice[k]));
  }
  return { ...fam, issues };
}
