import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, functionOption, objectOption } from "../_lib/options.js";
import { assertFidelitySubject } from "./guards.js";
import { nonEmpty, stageOf } from "./stage.js";
import type { PdsaCycle, PdsaStage, Ramp } from "./types.js";

/**
 * The five features of the PDSA method in Taylor et al.'s framework (Taylor MJ, McNicholas C,
 * Nicolay C, Darzi A, Bell D, Reed JE. Systematic review of the application of the
 * plan–do–study–act method to improve quality in healthcare. BMJ Qual Saf 2014;23:290–298,
 * Table 2): iterative cycles, prediction-based test of change, small-scale testing, use of data
 * over time, documentation.
 */
export type FidelityCriterionId = "iterative-cycles" | "prediction-based" | "small-scale" | "data-over-time" | "documentation";

/** One criterion: met (`true`), not met (`false`) or not assessable from the record (`null`), and why. */
export interface FidelityCriterion {
  criterion: FidelityCriterionId;
  met: boolean | null;
  reason: string;
}

/** Criteria with an overall score: the share of assessable criteria that are met. */
export interface FidelityScore {
  criteria: FidelityCriterion[];
  /** Criteria met. */
  metCount: number;
  /** Criteria that could be assessed (met is not null). */
  assessedCount: number;
  /** metCount / assessedCount, or null when nothing could be assessed. */
  score: number | null;
}

/** Fidelity of one cycle. */
export interface CycleFidelity extends FidelityScore {
  cycle: string;
}

/** Fidelity of a ramp, with each of its cycles judged in the ramp's context. */
export interface RampFidelity extends FidelityScore {
  changeIdea: string;
  cycles: CycleFidelity[];
}

/** The {@link fidelity} options. */
export interface FidelityOptions {
  /**
   * Largest scale (`scale.size`) that counts as a small-scale first test. Default 5 (e.g. five
   * children, families or meetings). Taylor et al. set no number; IHI advice is to start with
   * "one patient, one clinician"; choose a threshold that suits your unit and say so.
   */
  smallScaleMax?: number;
  /**
   * Data points a linked measure needs for "use of data over time". Default 3 (the "three or
   * more consecutive data points" criterion of Knudsen et al. 2019, BMC Health Serv Res, doi:10.1186/s12913-019-4482-6,
   * which operationalises Taylor et al.'s feature).
   */
  minDataPoints?: number;
  /**
   * Number of data points recorded for a measure id (undefined when unknown). Without it the
   * data-over-time criterion is `null` for cycles that do link a measure.
   */
  dataPoints?: (measureId: string) => number | undefined;
}

interface Context {
  cycles: readonly PdsaCycle[];
  index: number;
  /** Index of the last cycle before each one tested at small scale (-1: none): one pass, so a ramp is linear, not quadratic. */
  smallBefore: readonly number[];
}

/**
 * Score a PDSA cycle or a ramp against Taylor et al. (2014)'s five features of the PDSA method,
 * giving each criterion's reason so a coach can see why a record is weak.
 *
 * A cycle on its own is judged as an isolated cycle ("when isolated cycles were used, were
 * future actions postulated in the act stage?"); pass a {@link Ramp} to judge each cycle with its
 * neighbours and the ramp as a whole. See docs/pdsa-and-driver-diagrams.md for each rule.
 *
 * @example
 * fidelity({ id: "c1", changeIdea: "ci", objective: "Test", questions: [{ question: "Q?", prediction: "P" }] })
 *   .criteria.find((c) => c.criterion === "prediction-based")
 * //=> { criterion: "prediction-based", met: true, reason: "1 question, each with a prediction (not yet studied)" }
 */
export function fidelity(subject: Ramp, options?: FidelityOptions): RampFidelity;
export function fidelity(subject: PdsaCycle, options?: FidelityOptions): CycleFidelity;
export function fidelity(subject: PdsaCycle | Ramp, options: FidelityOptions = {}): CycleFidelity | RampFidelity {
  checkOptions(options);
  if (assertFidelitySubject(subject) === "ramp") return rampFidelity(subject as Ramp, options);
  return cycleFidelity(subject as PdsaCycle, undefined, options);
}

function checkOptions(options: FidelityOptions): void {
  checkKeys(objectOption(options, ["options"]), ["smallScaleMax", "minDataPoints", "dataPoints"], ["options"], "fidelity option");
  for (const key of ["smallScaleMax", "minDataPoints"] as const) {
    const v = options[key];
    if (v !== undefined && (typeof v !== "number" || Number.isNaN(v))) throw new QiError("invalid-option", ["options", key], `${key} must be a number, not ${describeValue(v)}`);
  }
  if (options.dataPoints !== undefined) {
    functionOption(options.dataPoints, ["options", "dataPoints"], "(measure id) => number");
  }
}

function score(criteria: FidelityCriterion[]): FidelityScore {
  let metCount = 0;
  let assessedCount = 0;
  for (const c of criteria) {
    if (c.met === null) continue;
    assessedCount++;
    if (c.met) metCount++;
  }
  return { criteria, metCount, assessedCount, score: assessedCount === 0 ? null : metCount / assessedCount };
}

function cycleFidelity(cycle: PdsaCycle, ctx: Context | undefined, options: FidelityOptions): CycleFidelity {
  const criteria: FidelityCriterion[] = [
    iterative(cycle, ctx),
    prediction(cycle),
    smallScale(cycle, ctx, options),
    dataOverTime(cycle, options),
    documentation(cycle),
  ];
  return { cycle: cycle.id, ...score(criteria) };
}

// Taylor et al. Table 2, iterative cycles: "Were multiple cycles used? Were multiple cycles linked
// to one another (does the 'act' stage of one cycle inform the 'plan' stage of the cycle that
// follows)? When isolated cycles were used were future actions postulated in the 'act' stage?"
function iterative(cycle: PdsaCycle, ctx: Context | undefined): FidelityCriterion {
  const criterion = "iterative-cycles";
  if (ctx === undefined || ctx.cycles.length < 2) {
    if (cycle.act === undefined) return { criterion, met: null, reason: "single cycle not yet at Act" };
    if (nonEmpty(cycle.act.nextSteps)) return { criterion, met: true, reason: "single cycle; next steps postulated at Act" };
    return { criterion, met: false, reason: "single cycle with no next steps recorded at Act" };
  }
  const { cycles, index } = ctx;
  const problems: string[] = [];
  const prev = cycles[index - 1];
  const next = cycles[index + 1];
  if (prev !== undefined) {
    if (prev.act === undefined) problems.push(`the previous cycle (${prev.id}) has no Act decision to inform this one`);
    else if (prev.act.decision === "abandon") problems.push(`the previous cycle (${prev.id}) abandoned the change idea`);
  }
  if (next !== undefined) {
    if (cycle.act === undefined) problems.push(`no Act decision, yet a later cycle (${next.id}) follows`);
    else if (!nonEmpty(cycle.act.nextSteps)) problems.push(`Act records no next steps to inform the next cycle (${next.id})`);
  }
  if (problems.length > 0) return { criterion, met: false, reason: problems.join("; ") };
  return { criterion, met: true, reason: `cycle ${index + 1} of ${cycles.length}, linked through Act to its neighbours` };
}

// Taylor et al. Table 2, prediction-based test of change: "Was a change tested? Was an explicit
// prediction articulated?" — and the Study stage compares the data to the predictions (Langley
// et al. 2009; IHI worksheet).
function prediction(cycle: PdsaCycle): FidelityCriterion {
  const criterion = "prediction-based";
  const qs = cycle.questions;
  if (qs.length === 0) return { criterion, met: false, reason: "no questions, so no prediction to test" };
  const problems: string[] = [];
  const missing = qs.flatMap((q, i) => (nonEmpty(q.prediction) ? [] : [i + 1]));
  if (missing.length > 0) problems.push(`${questions(missing)} ${missing.length === 1 ? "has" : "have"} no prediction`);
  const stage = stageOf(cycle);
  const studied = stage === "study" || stage === "act";
  if (studied) {
    const answered = new Set<number>();
    for (const r of cycle.study?.results ?? []) if (nonEmpty(r.result)) answered.add(r.question);
    const unanswered = qs.flatMap((_, i) => (answered.has(i) ? [] : [i + 1]));
    if (unanswered.length > 0) problems.push(`no Study result against ${questions(unanswered)}`);
  }
  if (problems.length > 0) return { criterion, met: false, reason: problems.join("; ") };
  const n = plural(qs.length, "question");
  return { criterion, met: true, reason: studied ? `${n}, each prediction compared with its result` : `${n}, each with a prediction (not yet studied)` };
}

// Taylor et al. Table 2, small-scale testing: "PDSAs start small in scale and build in scale as
// confidence grows" ("Sample size per cycle? Did sequential cycles increase scale of testing?").
function smallScale(cycle: PdsaCycle, ctx: Context | undefined, options: FidelityOptions): FidelityCriterion {
  const criterion = "small-scale";
  const max = options.smallScaleMax ?? 5;
  const size = cycle.scale?.size;
  if (typeof size !== "number" || !Number.isFinite(size)) {
    const d = cycle.scale?.description;
    return { criterion, met: null, reason: nonEmpty(d) ? `scale described ("${short(d)}") but not counted; record scale.size` : "scale not recorded (scale.size)" };
  }
  const what = units(size, cycle.scale?.unit);
  if (size <= max) return { criterion, met: true, reason: `tested on ${what} (small scale: at most ${max})` };
  const k = ctx === undefined ? -1 : ctx.smallBefore[ctx.index]!;
  if (k >= 0) {
    const earlier = ctx!.cycles[k]!;
    // "Scaled up" only within one unit: 12 reviews after 4 children is another count (user trial 16).
    const verb = sameUnit(cycle.scale?.unit, earlier.scale?.unit) ? "scaled up to" : "tested on";
    return { criterion, met: true, reason: `${verb} ${what} after a small test on ${units(earlier.scale!.size!, earlier.scale?.unit)} (cycle ${earlier.id})` };
  }
  return { criterion, met: false, reason: `tested on ${what}, more than the small-scale threshold of ${max}, with no smaller test before it` };
}

// Taylor et al. Table 2, use of data over time: "Was data collected over time?" — judged here
// as a linked measure with at least `minDataPoints` points.
function dataOverTime(cycle: PdsaCycle, options: FidelityOptions): FidelityCriterion {
  const criterion = "data-over-time";
  const min = options.minDataPoints ?? 3;
  const ms = cycle.measures ?? [];
  if (ms.length === 0) return { criterion, met: false, reason: "no measure linked (measures), so the change's effect cannot be followed over time" };
  if (options.dataPoints === undefined) return { criterion, met: null, reason: `linked to ${list(ms)}, but no data supplied to check` };
  const counts = ms.map((m) => ({ m, n: pointCount(options.dataPoints!(m), m) }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  if (best.n >= min) return { criterion, met: true, reason: `measure ${best.m} has ${plural(best.n, "data point")} (at least ${min})` };
  return { criterion, met: false, reason: `${counts.map((c) => `measure ${c.m} has ${plural(c.n, "data point")}`).join(", ")}; at least ${min} needed` };
}

/** What the caller's `dataPoints` said about a measure: a count (finite, ≥ 0) or undefined (0). */
function pointCount(n: unknown, measure: string): number {
  if (n === undefined) return 0;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0) {
    throw new QiError("invalid-option", ["options", "dataPoints"], `dataPoints(${describeValue(measure)}) must return a count of points or undefined, not ${describeValue(n)}`);
  }
  return n;
}

const STAGE_RANK: Record<PdsaStage, number> = { plan: 0, do: 1, study: 2, act: 3 };

// Taylor et al. Table 2, documentation: "Documentation is crucial to support local learning".
// Judged against the IHI worksheet fields of each stage the cycle has reached.
function documentation(cycle: PdsaCycle): FidelityCriterion {
  const criterion = "documentation";
  const stage = stageOf(cycle);
  const rank = STAGE_RANK[stage];
  const missing: string[] = [];
  if (!nonEmpty(cycle.objective)) missing.push("objective");
  if (cycle.questions.length === 0) missing.push("questions");
  const p = cycle.plan;
  for (const k of ["who", "what", "when", "where"] as const) if (!nonEmpty(p?.[k])) missing.push(`plan.${k}`);
  if (!(p?.data ?? []).some(nonEmpty)) missing.push("plan.data");
  if (rank >= 1) {
    if (!nonEmpty(cycle.do?.date)) missing.push("do.date");
    if (!nonEmpty(cycle.do?.observations)) missing.push("do.observations");
  }
  if (rank >= 2) {
    if ((cycle.study?.results ?? []).length === 0) missing.push("study.results");
    if (!nonEmpty(cycle.study?.learning)) missing.push("study.learning");
  }
  if (rank >= 3 && !nonEmpty(cycle.act?.nextSteps)) missing.push("act.nextSteps");
  if (missing.length > 0) return { criterion, met: false, reason: `missing ${missing.join(", ")} (cycle at ${stage})` };
  return { criterion, met: true, reason: `every worksheet field recorded up to ${stage}` };
}

function rampFidelity(r: Ramp, options: FidelityOptions): RampFidelity {
  const max = options.smallScaleMax ?? 5;
  const smallBefore: number[] = [];
  let last = -1;
  r.cycles.forEach((c, k) => {
    smallBefore.push(last);
    const size = c.scale?.size;
    if (typeof size === "number" && Number.isFinite(size) && size <= max) last = k;
  });
  const cycles = r.cycles.map((c, index) => cycleFidelity(c, { cycles: r.cycles, index, smallBefore }, options));
  const criteria: FidelityCriterion[] = [
    rampIterative(r),
    aggregate("prediction-based", cycles, "every cycle made predictions and compared them with results"),
    rampSmallScale(r, options),
    aggregate("data-over-time", cycles, "every cycle is followed by a measure with data over time"),
    aggregate("documentation", cycles, "every cycle is documented up to its stage"),
  ];
  return { changeIdea: r.changeIdea, ...score(criteria), cycles };
}

function rampIterative(r: Ramp): FidelityCriterion {
  const criterion = "iterative-cycles";
  const n = r.cycles.length;
  if (n === 0) return { criterion, met: null, reason: "no cycles" };
  if (n === 1) {
    if (r.cycles[0]!.act === undefined) return { criterion, met: null, reason: "one cycle so far, not yet at Act" };
    return { criterion, met: false, reason: "only one cycle: a ramp needs several linked cycles" };
  }
  const problems: string[] = [];
  for (let k = 0; k < n - 1; k++) {
    const c = r.cycles[k]!;
    if (c.act === undefined) problems.push(`${c.id} has no Act decision`);
    else if (c.act.decision === "abandon") problems.push(`${c.id} abandoned the change idea but cycles follow`);
    else if (!nonEmpty(c.act.nextSteps)) problems.push(`${c.id} records no next steps`);
  }
  if (problems.length > 0) return { criterion, met: false, reason: problems.join("; ") };
  return { criterion, met: true, reason: `${n} cycles, each linked to the next through its Act stage` };
}

function rampSmallScale(r: Ramp, options: FidelityOptions): FidelityCriterion {
  const criterion = "small-scale";
  const max = options.smallScaleMax ?? 5;
  const first = r.scale[0];
  if (first === undefined) return { criterion, met: null, reason: "no cycle records its scale (scale.size)" };
  const last = r.scale[r.scale.length - 1]!;
  // Growth compares sizes in one unit; "1 child and grew to 12 reviews" compared a child with
  // reviews (user trial 16): with another unit the last size is given, not compared.
  const growth =
    r.scale.length < 2 || last === first
      ? ""
      : !sameUnit(first.unit, last.unit)
        ? `; the last sized cycle (${last.cycle}) counts another unit, ${units(last.size, last.unit)}, so the sizes are not compared`
        : last.size !== first.size
          ? ` and ${last.size > first.size ? "grew" : "shrank"} to ${units(last.size, last.unit)}`
          : "";
  const note = first.cycle !== r.order[0] ? ` (first sized cycle is ${first.cycle})` : "";
  if (first.size <= max) return { criterion, met: true, reason: `started small with ${units(first.size, first.unit)}${note}${growth}` };
  return { criterion, met: false, reason: `started with ${units(first.size, first.unit)}${note}, more than the small-scale threshold of ${max}` };
}

function aggregate(criterion: FidelityCriterionId, cycles: readonly CycleFidelity[], ok: string): FidelityCriterion {
  if (cycles.length === 0) return { criterion, met: null, reason: "no cycles" };
  const failing: string[] = [];
  let anyMet = false;
  for (const c of cycles) {
    const x = c.criteria.find((k) => k.criterion === criterion)!;
    if (x.met === false) failing.push(`${c.cycle}: ${x.reason}`);
    else if (x.met === true) anyMet = true;
  }
  if (failing.length > 0) return { criterion, met: false, reason: failing.join("; ") };
  if (!anyMet) return { criterion, met: null, reason: "not assessable in any cycle" };
  return { criterion, met: true, reason: ok };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "question 2" / "questions 1, 3" (1-based, as a coach counts). */
function questions(ns: readonly number[]): string {
  return `question${ns.length === 1 ? "" : "s"} ${list(ns)}`;
}

/**
 * Whether two scale units are one (case, spaces and the plural ignored: "child" and "children",
 * "family" and "families", "review" and "Reviews"); no unit on either side is taken as the same.
 */
function sameUnit(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a.trim() === "" || b.trim() === "") return true;
  const one = (u: string) =>
    u
      .trim()
      .toLowerCase()
      .replace(/\s+/g, " ")
      .replace(/children$/, "child")
      .replace(/people$/, "person")
      .replace(/ies$/, "y")
      .replace(/(?:ch|sh|x|ss)es$/, (m) => m.slice(0, -2))
      .replace(/([^s])s$/, "$1");
  return one(a) === one(b);
}

function units(n: number, unit: string | undefined): string {
  return unit === undefined || unit === "" ? String(n) : `${n} ${unit}`;
}

function list(xs: readonly (string | number)[]): string {
  return xs.join(", ");
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
