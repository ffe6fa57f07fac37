/**
 * Private: step 1 of the durations pipeline (stageDurations.ts) — the stage and options resolved
 * and validated once against the records' milestones: which milestones start and stop the clock,
 * occurrences, target, policies, age bands and cohort filters.
 */
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys } from "../_lib/options.js";
import { unknownMessage, type CaseRecordOptions, type CaseRecords } from "./_caseRecords.js";
import { milestoneMatcher } from "./headers.js";
import { resolveAgeBands, resolveAges, type AgeBand, type AgeBandsOption } from "./age.js";
import { normaliseTarget, targetDaysOf, type StageTarget, type TargetRule } from "./target.js";
import { SCOTLAND_MILESTONES, type MilestoneCatalogue } from "./catalogue.js";
import { defaultChains, routeChain } from "./_routeChain.js";
import { definingEnds, leavingWithoutColumn } from "./_stageEnds.js";
import { PACE_STAGES, type FromOccurrence, type PaceStageId, type Stage } from "./stages.js";

/** A stage argument: a stage object, `{ from, to }`, or a PACE stage id. */
export type StageInput = Stage | Pick<Stage, "from" | "to"> | PaceStageId;

/** The options step 1 reads (a subset of StageDurationsOptions). */
export interface PlanOptions extends CaseRecordOptions {
  target?: StageTarget | null;
  negative?: "error" | "ignore";
  afterAsOf?: "error" | "ignore";
  ageBands?: AgeBandsOption;
}

/** A stage resolved against the records. */
export interface StagePlan {
  stage: Stage;
  /** `stage.id` (the stages' objects differ in shape: one load per row stays monomorphic). */
  stageId: string;
  fromIdx: number[];
  toIdx: number[];
  /** Per milestone index: 1 when it starts (isFrom) or stops (isTo) the clock. */
  isFrom: Uint8Array;
  isTo: Uint8Array;
  /** Per milestone index: 1 when it ends the stage without reaching `to` (the catalogue's episode ends and the stage's `exits`). */
  isExit: Uint8Array;
  /** Per milestone index: 1 for a stage exit that does not end the episode (a return home): it counts only when `to` never follows. */
  isSoftExit: Uint8Array;
  fromOcc: FromOccurrence;
  toOcc: "first" | "last";
  target: TargetRule | null;
  /**
   * The target in days of a row started on a day (`targetDays`): a months target worked out once
   * per distinct start day (a Date and date-fns addMonths each), not once per row.
   */
  targetOf: (startDay: number) => number;
  negative: "error" | "ignore";
  afterAsOf: "error" | "ignore";
  /** The splitEpisodesAt milestone index, if any. */
  splitAt: number | undefined;
  withAge: boolean;
  ages: [number, number] | null;
  bands: AgeBand[];
  groupByBand: boolean;
  withGroup: boolean;
  /** The stage's `routes` filter, or null. */
  routeSet: Set<string> | null;
  /**
   * Wide records without a column for every `from` milestone, or for every defining `to` one
   * (_stageEnds.ts definingEnds: not a return home or the end of care): those milestones (the
   * stage is not estimated); null when the stage can be estimated.
   */
  noColumn: string[] | null;
  /**
   * Wide records: the leaving milestones (returned home, ceased to be looked after) that end the
   * stage — an alternative `to` or a stage `exits` — with no column (the stage is estimated, with
   * the warning `leaving-end-no-column`); empty when every one has a column, and for long records.
   */
  leavingNoColumn: number[];
  /**
   * Per route id (null: no route end yet), per milestone: 1 for a step of the route's chain
   * after the stage's `to` (see {@link laterSteps}); null when no route has one.
   */
  later: Map<string | null, Uint8Array> | null;
}

function listOf(v: unknown, path: (string | number)[], names: readonly string[], lookup: (name: unknown) => number | undefined): number[] {
  const arr = typeof v === "string" ? [v] : Array.isArray(v) ? (v as unknown[]) : undefined;
  if (arr === undefined || arr.length === 0) throw new QiError("invalid-option", path, `must be a milestone name or a non-empty array of names, not ${describeValue(v)}`);
  return arr.map((name, i) => {
    const k = lookup(name);
    if (k === undefined) throw new QiError("unknown-milestone", typeof v === "string" ? path : [...path, i], unknownMessage(name, names));
    return k;
  });
}

/** The keys of a {@link Stage} (a misspelt one, `exit` or `tagret`, is an `unknown-option` error). */
const STAGE_KEYS = ["id", "label", "from", "to", "exits", "target", "source", "fromOccurrence", "toOccurrence", "filter", "routes", "ages"] as const;
// Compile-time: every key of Stage is in the list.
type MissingStageKeys = Exclude<keyof Stage, (typeof STAGE_KEYS)[number]>;
const stageKeysComplete: [MissingStageKeys] extends [never] ? true : MissingStageKeys = true;
void stageKeysComplete;

/** Normalise a stage argument. */
export function resolveStage(stage: StageInput): Stage {
  if (typeof stage === "string") {
    const s = (PACE_STAGES as Record<string, Stage>)[stage];
    if (s === undefined || !Object.prototype.hasOwnProperty.call(PACE_STAGES, stage)) {
      throw new QiError("unknown-option", ["stage"], `unknown stage ${describeValue(stage)}; PACE stages: ${Object.keys(PACE_STAGES).join(", ")}`);
    }
    return s;
  }
  if (stage === null || typeof stage !== "object") throw new QiError("invalid-option", ["stage"], `stage must be an object { from, to } or a PACE stage id, not ${describeValue(stage)}`);
  const s = stage as Stage;
  checkKeys(s, STAGE_KEYS, ["stage"], "stage key");
  // Never String() or join() a caller's value: symbols and null-prototype objects throw there.
  // Non-string names are reported with their path when the milestones are resolved.
  const one = (m: unknown): string => (typeof m === "string" ? m : describeValue(m));
  const nameOf = (v: unknown): string => (Array.isArray(v) ? v.map(one).join("|") : one(v));
  return { ...s, id: typeof s.id === "string" ? s.id : `${nameOf(s.from)}→${nameOf(s.to)}` };
}

function policy(value: unknown, key: "negative" | "afterAsOf"): "error" | "ignore" {
  const v = value ?? "error";
  if (v !== "error" && v !== "ignore") throw new QiError("invalid-option", ["options", key], `${key} must be "error" or "ignore", not ${describeValue(v)}`);
  return v;
}

function occurrences(stage: Stage): { fromOcc: FromOccurrence; toOcc: "first" | "last" } {
  const fromOcc = stage.fromOccurrence ?? "first";
  if (!(fromOcc === "first" || fromOcc === "last" || (typeof fromOcc === "number" && Number.isInteger(fromOcc) && fromOcc >= 1))) {
    throw new QiError("invalid-option", ["stage", "fromOccurrence"], `fromOccurrence must be "first", "last" or a whole number ≥ 1, not ${describeValue(fromOcc)}`);
  }
  const toOcc = stage.toOccurrence ?? "first";
  if (toOcc !== "first" && toOcc !== "last") throw new QiError("invalid-option", ["stage", "toOccurrence"], `toOccurrence must be "first" or "last", not ${describeValue(toOcc)}`);
  return { fromOcc, toOcc };
}

/** The stage's `routes` cohort filter as a set, each id checked against the catalogue's routes. */
function stageRoutes(stage: Stage, rec: CaseRecords): Set<string> | null {
  const list: unknown = stage.routes;
  if (list === undefined) return null;
  if (!Array.isArray(list) || list.length === 0) throw new QiError("invalid-option", ["stage", "routes"], `routes must be a non-empty array of route ids, not ${describeValue(list)}`);
  list.forEach((r: unknown, i) => {
    if (typeof r !== "string" || !rec.routeIds.includes(r)) {
      throw new QiError("unknown-route", ["stage", "routes", i], `unknown route ${describeValue(r)}; routes of the catalogue: ${rec.routeIds.join(", ") || "(none)"}`);
    }
  });
  return new Set(list as string[]);
}

/** Which milestones end the stage without its `to`: the catalogue's episode ends, and the stage's `exits` (none of them a `to`). */
function stageExits(stage: Stage, rec: CaseRecords, isTo: Uint8Array, lookup: (name: unknown) => number | undefined): Uint8Array {
  const isExit = Uint8Array.from(rec.endsEpisode);
  if (stage.exits === undefined) return isExit;
  const path = ["stage", "exits"];
  const exits = listOf(stage.exits, path, rec.names, lookup);
  exits.forEach((k, i) => {
    if (isTo[k]) throw new QiError("invalid-option", typeof stage.exits === "string" ? path : [...path, i], `${rec.names[k]} both stops the clock (to) and is an exit: give it in one of them`);
    isExit[k] = 1;
  });
  return isExit;
}

/**
 * The stage needs a milestone the wide records have no column for: none of its `from`
 * milestones has one (nobody can start it), or none of its defining `to` milestones
 * (_stageEnds.ts: a return home or the end of care is an alternative end, not the stage's step),
 * so nobody could finish it and everyone would look open and drifting — a user trial's tracker
 * had no recommendation column and listed every child as past the 26 weeks; a second had a
 * "Returned Home" column and no recommendation one, with the same result. Returns the missing
 * milestones (every `to` without a column, the defining ones first), or null.
 */
function missingColumns(rec: CaseRecords, fromIdx: readonly number[], toIdx: readonly number[]): string[] | null {
  const has = rec.hasColumn;
  if (has === null) return null;
  const none = (list: readonly number[]): boolean => list.every((k) => has[k] !== 1);
  const defining = definingEnds(rec.names, toIdx);
  const to = none(defining) ? [...defining, ...toIdx.filter((k) => !defining.includes(k) && has[k] !== 1)] : [];
  const out = [...(none(fromIdx) ? fromIdx : []), ...to].map((k) => rec.names[k]!);
  return out.length === 0 ? null : out;
}

/**
 * The steps after the stage's `to` on each route's chain (_routeChain.ts: the chain the data
 * check's `missing-earlier` walks): an episode with one of them dated and no `to` passed the
 * `to` without its date being recorded — docs/timescales.md, "Checking the data"
 * (`missing-earlier`: recommendation → panel → ADM → petition → order, as the route has them,
 * with a gap before a dated later one; without a route end, recommendation → panel → ADM and
 * recommendation → petition: _routeChain.ts defaultChains). Such a child is not waiting for the `to` (PACE counts
 * the pathway's steps in this order: CELCIS PACE Aim 2; SSI 2009/154 regs. 6 and 13), so the
 * stage is missing data for it, never open or drifting. Null when no chain holds a `to`.
 */
function laterSteps(rec: CaseRecords, isTo: Uint8Array, catalogue: PlanOptions["catalogue"]): Map<string | null, Uint8Array> | null {
  const cat = catalogue ?? SCOTLAND_MILESTONES;
  const routes: readonly unknown[] = Array.isArray(cat) || !Array.isArray((cat as MilestoneCatalogue).routes) ? [] : (cat as MilestoneCatalogue).routes;
  const out = new Map<string | null, Uint8Array>();
  // Several chains of one id (the default's) add to one mask.
  const add = (id: string | null, chain: readonly number[]): void => {
    const at = chain.findIndex((k) => isTo[k] === 1);
    if (at < 0) return;
    const mask = out.get(id) ?? new Uint8Array(rec.names.length);
    for (const k of chain.slice(at + 1)) if (isTo[k] !== 1) mask[k] = 1;
    if (mask.includes(1)) out.set(id, mask);
  };
  for (const chain of defaultChains(rec.names)) add(null, chain);
  // As the check: a later route of the same id replaces an earlier one.
  for (const r of routes) {
    if (r === null || typeof r !== "object" || typeof (r as { id?: unknown }).id !== "string") continue;
    const id = (r as { id: string }).id;
    out.delete(id);
    add(id, routeChain(rec.names, r as { milestones?: unknown; ends?: unknown }));
  }
  return out.size === 0 ? null : out;
}

/** Step 1: resolve and validate the stage and options against the records (no pass over events). */
export function stagePlan(rec: CaseRecords, stageInput: StageInput, options: PlanOptions): StagePlan {
  const stage = resolveStage(stageInput);
  const names = rec.names;
  const lookup = milestoneMatcher(names); // the forgiving match of headers.ts, as for event rows
  const fromIdx = listOf(stage.from, ["stage", "from"], names, lookup);
  const toIdx = listOf(stage.to, ["stage", "to"], names, lookup);
  const isFrom = new Uint8Array(names.length);
  const isTo = new Uint8Array(names.length);
  for (const k of fromIdx) isFrom[k] = 1;
  for (const k of toIdx) isTo[k] = 1;
  const isExit = stageExits(stage, rec, isTo, lookup);
  const isSoftExit = Uint8Array.from(isExit, (v, k) => (v === 1 && rec.endsEpisode[k] !== 1 ? 1 : 0));
  const { fromOcc, toOcc } = occurrences(stage);
  const target = normaliseTarget(options.target !== undefined ? options.target : stage.target, [options.target !== undefined ? "options" : "stage", "target"]);
  const negative = policy(options.negative, "negative");
  const afterAsOf = policy(options.afterAsOf, "afterAsOf");
  let splitAt: number | undefined;
  if (options.splitEpisodesAt !== undefined) {
    splitAt = lookup(options.splitEpisodesAt);
    if (splitAt === undefined) throw new QiError("unknown-milestone", ["options", "splitEpisodesAt"], unknownMessage(options.splitEpisodesAt, names));
  }
  const withAge = options.dateOfBirth !== undefined;
  const ages = resolveAges(stage.ages, ["stage", "ages"]);
  if (!withAge && (ages !== null || options.ageBands !== undefined)) {
    throw new QiError("invalid-option", ages !== null ? ["stage", "ages"] : ["options", "ageBands"], `${ages !== null ? "ages" : "ageBands"} needs the children's dates of birth: pass options.dateOfBirth`);
  }
  const bands = withAge ? resolveAgeBands(options.ageBands, ["options", "ageBands"]) : [];
  return {
    stage, stageId: stage.id, fromIdx, toIdx, isFrom, isTo, isExit, isSoftExit, fromOcc, toOcc, target, targetOf: target === null ? () => Number.NaN : targetDaysOf(target), negative, afterAsOf, splitAt,
    withAge, ages, bands, groupByBand: withAge && options.group === "ageBand", withGroup: options.group !== undefined,
    routeSet: stageRoutes(stage, rec),
    noColumn: missingColumns(rec, fromIdx, toIdx),
    // An alternative `to` or a stage exit (not a catalogue episode end, which every stage shares).
    leavingNoColumn: leavingWithoutColumn(names, rec.hasColumn, (k) => isTo[k] === 1 || isSoftExit[k] === 1),
    later: laterSteps(rec, isTo, options.catalogue),
  };
}
