import type { QiIssue } from "../_lib/error.js";

/**
 * PDSA cycle records, following the IHI "PDSA Worksheet for Testing Change" (Institute for
 * Healthcare Improvement) and Langley et al., The Improvement Guide (2nd ed., 2009), ch. 5:
 * objective; questions with predictions; plan (who, what, when, where, data to collect);
 * do (carry out, observations, problems); study (compare data to predictions, learning);
 * act (adopt, adapt or abandon; next cycle).
 *
 * Dates are ISO calendar dates (`YYYY-MM-DD`), compared as day numbers (time-zone safe).
 */

/** The Act-stage decision (IHI worksheet): keep the change, change it and test again, or drop it. */
export type PdsaDecision = "adopt" | "adapt" | "abandon";

/** A question the cycle sets out to answer, with the team's prediction made before the test. */
export interface PdsaQuestion {
  question: string;
  prediction?: string;
}

/** Plan stage: who, what, when, where, and the data to collect. */
export interface PdsaPlan {
  who?: string;
  what?: string;
  /** Free text ("w/c 4 March", "next two allocation meetings"). */
  when?: string;
  where?: string;
  /** The data to collect, one item per entry. */
  data?: readonly string[];
}

/** Do stage: when the test was carried out, what was observed and what went wrong. */
export interface PdsaDo {
  /** ISO date the test was run (its first day). */
  date?: string;
  /** ISO date the test ended, for tests that span several days. */
  endDate?: string;
  observations?: string;
  problems?: string;
}

/** The result of one question's prediction, compared in the Study stage. */
export interface PdsaResult {
  /** 0-based index into `questions`. */
  question: number;
  result: string;
  /** Whether the prediction held (`true`), did not (`false`), or partly / unclear (omitted). */
  predictionMet?: boolean;
}

/** Study stage: results against each prediction and what was learnt. */
export interface PdsaStudy {
  results?: readonly PdsaResult[];
  learning?: string;
}

/** Act stage: the decision and the next steps (usually the next cycle). */
export interface PdsaAct {
  decision: PdsaDecision;
  nextSteps?: string;
}

/** The scale of a test: how many units (children, families, social workers, meetings…). */
export interface PdsaScale {
  size?: number;
  unit?: string;
  description?: string;
}

/** One PDSA cycle: a test of one change idea. */
export interface PdsaCycle {
  id: string;
  /** Id of the change idea (a driver-diagram node) this cycle tests. */
  changeIdea: string;
  /** Explicit position in the ramp (1, 2, 3…); when every cycle of a ramp has one it decides the order. */
  sequence?: number;
  title?: string;
  objective: string;
  questions: readonly PdsaQuestion[];
  scale?: PdsaScale;
  /** Ids of the measures whose data show this cycle's effect over time. */
  measures?: readonly string[];
  plan?: PdsaPlan;
  do?: PdsaDo;
  study?: PdsaStudy;
  act?: PdsaAct;
}

/** How far a cycle has got: the last stage with content. */
export type PdsaStage = "plan" | "do" | "study" | "act";

/**
 * Where a change idea stands, read from its ramp of PDSA cycles (in ramp order):
 * - `untested`: no cycle records this change idea;
 * - `testing`: the latest cycle has no Act decision yet (planned, running or being studied);
 * - `adopted` / `adapted` / `abandoned`: the latest cycle's Act decision was adopt / adapt / abandon.
 *
 * "Adapted" therefore means "changed and due for another cycle that has not been recorded yet";
 * once that next cycle is recorded the idea is `testing` again.
 */
export type ChangeIdeaStatus = "untested" | "testing" | "adopted" | "adapted" | "abandoned";

/** The scale of one cycle in a ramp, for cycles that record `scale.size`. */
export interface RampScale {
  cycle: string;
  size: number;
  unit?: string;
}

/** A ramp: the PDSA cycles testing one change idea, in order. */
export interface Ramp {
  changeIdea: string;
  /** The cycles, in ramp order (the input objects, not copies). */
  cycles: PdsaCycle[];
  /** Their ids, in ramp order. */
  order: string[];
  /** `sequence` when every cycle has an explicit `sequence`, otherwise `date` (date run). */
  orderedBy: "sequence" | "date";
  /** The Act decision of the latest cycle, or null when it has none yet (or there are no cycles). */
  decision: PdsaDecision | null;
  status: ChangeIdeaStatus;
  /** Earliest date run (`do.date`), ISO. */
  firstDate: string | null;
  /** Latest date run or end date (`do.endDate`), ISO. */
  lastDate: string | null;
  /** Scale of the cycles that record a size, in ramp order. */
  scale: RampScale[];
  /** Last recorded size ÷ first recorded size (null with fewer than two sizes or a first size of 0). */
  scaleGrowth: number | null;
  /** Ordering problems a coach should see (paths index the `cycles` argument). */
  warnings: QiIssue<string>[];
}

