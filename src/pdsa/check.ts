import { parseIsoDay } from "../_lib/calendar.js";
import { issue, type ValidationIssue } from "../_lib/issues.js";
import { cycleShapeIssues } from "./guards.js";
import type { PdsaCycle } from "./types.js";

/**
 * Semantic checks of one PDSA cycle that a schema cannot express, with paths relative to the
 * cycle: a Study result pointing at a question that does not exist (error), two results for one
 * question (warning), an end date before the date run (error).
 *
 * Any value is accepted: one that is not a PDSA cycle at all (`null`, `{}`, a field of the wrong
 * kind) gives only `invalid-value` error issues, one per problem, with their paths.
 *
 * @example
 * checkPdsaCycle({ id: "c", changeIdea: "ci", objective: "o", questions: [], study: { results: [{ question: 0, result: "r" }] } })
 * //=> [{ severity: "error", code: "unknown-question", path: ["study", "results", 0, "question"], message: "result refers to question 1, but the cycle has 0 questions" }]
 */
export function checkPdsaCycle(cycle: PdsaCycle): ValidationIssue[] {
  // A value that is not a PDSA cycle at all: its shape problems are the issues (paths from the cycle).
  const shape = cycleShapeIssues(cycle);
  if (shape.length > 0) return shape.map((i) => issue("error", i.code, i.path, i.message));
  const out: ValidationIssue[] = [];
  const n = cycle.questions.length;
  const seen = new Set<number>();
  const results = cycle.study?.results ?? [];
  for (let j = 0; j < results.length; j++) {
    const q = results[j]!.question;
    const path = ["study", "results", j, "question"];
    if (!(Number.isInteger(q) && q >= 0 && q < n)) {
      out.push(issue("error", "unknown-question", path, `result refers to question ${q + 1}, but the cycle has ${n} question${n === 1 ? "" : "s"}`));
    } else if (seen.has(q)) {
      out.push(issue("warning", "duplicate-result", path, `question ${q + 1} has more than one result`));
    } else {
      seen.add(q);
    }
  }
  const start = cycle.do?.date === undefined ? Number.NaN : parseIsoDay(cycle.do.date);
  const end = cycle.do?.endDate === undefined ? Number.NaN : parseIsoDay(cycle.do.endDate);
  if (end < start) out.push(issue("error", "invalid-date", ["do", "endDate"], `ends (${cycle.do?.endDate}) before it was run (${cycle.do?.date})`));
  return out;
}
