import { assertCycle } from "./guards.js";
import type { PdsaCycle, PdsaStage } from "./types.js";

/**
 * The stage a cycle has reached: `act` once a decision is recorded, `study` once results or
 * learning are recorded, `do` once it has a date run or observations, otherwise `plan`.
 *
 * @example
 * cycleStage({ id: "c1", changeIdea: "ci1", objective: "…", questions: [], do: { date: "2024-03-04" } }) //=> "do"
 */
export function cycleStage(cycle: PdsaCycle): PdsaStage {
  assertCycle(cycle);
  return stageOf(cycle);
}

/** @internal {@link cycleStage} of a cycle already checked. */
export function stageOf(cycle: PdsaCycle): PdsaStage {
  if (cycle.act !== undefined) return "act";
  const s = cycle.study;
  if (s !== undefined && ((s.results !== undefined && s.results.length > 0) || nonEmpty(s.learning))) return "study";
  const d = cycle.do;
  if (d !== undefined && (nonEmpty(d.date) || nonEmpty(d.observations) || nonEmpty(d.problems))) return "do";
  return "plan";
}

/** @internal A string with something other than white space in it. */
export function nonEmpty(s: string | undefined): s is string {
  return typeof s === "string" && s.trim() !== "";
}
