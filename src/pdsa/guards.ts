import type { QiIssue } from "../_lib/error.js";
import { arrayOf, assertShape, bool, id, num, object, oneOf, optional, root, shapeIssues, str, type At, type Shape } from "../_lib/shape.js";
import type { PdsaCycle, Ramp } from "./types.js";

const text = optional(str);

/** @internal The shape of a PDSA cycle (what parsePdsaCycle returns), as the PDSA functions read it. */
export const CYCLE_SHAPE: Shape = object(
  {
    id,
    changeIdea: id,
    sequence: optional(num),
    title: text,
    objective: str,
    questions: arrayOf(object({ question: str, prediction: text }, "a question object"), "an array of questions"),
    scale: optional(object({ size: optional(num), unit: text, description: text })),
    measures: optional(arrayOf(id, "an array of measure ids")),
    plan: optional(object({ who: text, what: text, when: text, where: text, data: optional(arrayOf(str, "an array of strings")) })),
    do: optional(object({ date: text, endDate: text, observations: text, problems: text })),
    study: optional(object({ results: optional(arrayOf(object({ question: num, result: str, predictionMet: optional(bool) }, "a result object"), "an array of results")), learning: text })),
    act: optional(object({ decision: oneOf(["adopt", "adapt", "abandon"]), nextSteps: text })),
  },
  "a PDSA cycle object",
);

/** @internal An array of PDSA cycles. */
export const CYCLES_SHAPE: Shape = arrayOf(CYCLE_SHAPE, "an array of PDSA cycles");

/** @internal The shape of a ramp (what ramp() returns), as fidelity reads it. */
export const RAMP_SHAPE: Shape = object(
  {
    changeIdea: str,
    cycles: CYCLES_SHAPE,
    order: arrayOf(str, "an array of cycle ids"),
    scale: arrayOf(object({ cycle: str, size: num, unit: text }, "a scale object"), "an array of scales"),
  },
  "a ramp object",
);

const CYCLE_ADVICE = "this is not a PDSA cycle; parse it with parsePdsaCycle first";
const CYCLES_ADVICE = "these are not PDSA cycles; parse each with parsePdsaCycle (or the project with parseProject) first";
const SUBJECT_ADVICE = "pass a PDSA cycle (from parsePdsaCycle) or a ramp (from ramp())";

/** @internal Throw `invalid-value` at `["cycle", …]` unless `cycle` has a PDSA cycle's shape. */
export function assertCycle(cycle: unknown, at: At = root("cycle")): asserts cycle is PdsaCycle {
  assertShape(cycle, CYCLE_SHAPE, at, CYCLE_ADVICE);
}

/** @internal Throw `invalid-value` at `["cycles", i, …]` unless `cycles` is an array of PDSA cycles. */
export function assertCycles(cycles: unknown, at: At = root("cycles")): asserts cycles is readonly PdsaCycle[] {
  assertShape(cycles, CYCLES_SHAPE, at, CYCLES_ADVICE);
}

/** @internal Shape problems of a PDSA cycle with paths relative to the cycle (as checkPdsaCycle's issues). */
export function cycleShapeIssues(cycle: unknown): QiIssue[] {
  return shapeIssues(cycle, CYCLE_SHAPE, root("cycle"), CYCLE_ADVICE, true);
}

/** @internal A ramp (an object with `cycles` and `order` arrays) rather than a cycle: checked as a ramp; anything else as a cycle. */
export function assertFidelitySubject(subject: unknown): "ramp" | "cycle" {
  const s = subject as Partial<Ramp> | null;
  const isRamp = s !== null && typeof s === "object" && Array.isArray(s.cycles) && Array.isArray(s.order);
  assertShape(subject, isRamp ? RAMP_SHAPE : CYCLE_SHAPE, root("subject"), SUBJECT_ADVICE);
  return isRamp ? "ramp" : "cycle";
}
