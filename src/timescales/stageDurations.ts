import { formatIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue, type QiIssue } from "../_lib/error.js";
import { checkKeys, objectOption } from "../_lib/options.js";
import { episodeTable, readCaseRecords, throwIssues, type CaseRecordOptions, type CaseRecords, type EpisodeTable } from "./_caseRecords.js";
import { STAGE_DURATION_KEYS } from "./_optionKeys.js";
import { ageAt, cohortOut, durationRow, episodesWith, endedBefore, exitOf, negativeIssue, startOf, stopOf, type EpisodeFacts } from "./_stageEpisode.js";
import { ageBandOf } from "./age.js";
import { anyExitBeforeStart, birthAfterMilestone, checkAfterAsOf, exitBeforeStart } from "./_stageChecks.js";
import { stagePlan, type StageInput, type StagePlan } from "./_stagePlan.js";
import { asOfWarning, milestonesText, stageWarnings } from "./_stageWarnings.js";
import { dayReader } from "./dates.js";
import type { AgeBandsOption } from "./age.js";
import type { CompletedRows } from "./timescaleSeries.js";
import type { StageTarget, TargetRule } from "./target.js";

export { resolveStage, type StageInput } from "./_stagePlan.js";
export type { CaseRecordOptions } from "./_caseRecords.js";

/** The {@link stageDurations} options. */
export interface StageDurationsOptions<T = any> extends CaseRecordOptions<T> {
  /**
   * The date the data describe (the extract date): open cases are censored here and events after
   * it are ignored. A date string (ISO, or in the `dates` order) or a Date. Default: the latest event date in the data (with a warning).
   */
  asOf?: string | Date;
  /** Override the stage's target: days (`182` or `{ days: 182 }`), `{ months: 6 }`, or null for none. */
  target?: StageTarget | null;
  /**
   * A `to` milestone that only happened before the start (negative duration): `"error"`
   * (default) throws `negative-duration`; `"ignore"` treats the stage as not yet completed.
   */
  negative?: "error" | "ignore";
  /**
   * An event dated after `asOf`: `"error"` (default) throws `event-after-as-of` naming the child,
   * the milestone and the date — a record from the future is bad input; `"ignore"` leaves such
   * events out (as not yet known), counts them in `counts.eventsAfterAsOf` and warns — for
   * exports that run past the census date you analyse.
   */
  afterAsOf?: "error" | "ignore";
  /**
   * Age bands of `ageBand` (with `dateOfBirth`): ascending lower bounds in whole years, or
   * `{ from, label }` bands. Default `[0, 5, 12, 16]`: 0–4, 5–11, 12–15, 16+. With
   * `dateOfBirth`, `group: "ageBand"` groups the rows by this band.
   */
  ageBands?: AgeBandsOption;
}

/** One child's episode in a stage. */
export interface DurationRow {
  child: string | number;
  episode: string | number;
  /** The stage id. */
  stage: string;
  /** The milestone that started the clock. */
  from: string;
  /** The milestone that stopped it, or null while open or after an exit. */
  to: string | null;
  /** Start date, `YYYY-MM-DD`. */
  start: string;
  /** End date, `YYYY-MM-DD`, or null when censored (open at `asOf`, or exited). */
  end: string | null;
  /** Calendar days from start to end; to `asOf` when open; to the exit date when exited. */
  days: number;
  /** True when the `to` milestone was not reached (open or exited: right-censored). */
  censored: boolean;
  /**
   * `"reached"`: the `to` milestone happened; `"open"`: still in the stage at `asOf`;
   * `"exited"`: the episode ended (a milestone the catalogue marks `endsEpisode`, e.g. ceased to
   * be looked after) before `to` — censored at the exit date, never open or on the drift list.
   */
  status: "reached" | "open" | "exited";
  /** The milestone and date that ended the episode, for an exited row; otherwise null. */
  exit: { milestone: string; date: string } | null;
  /**
   * The stage target in days for this row, or null: for a `{ months }` target, the calendar days
   * from this row's start to the same day n months later (end-of-month safe), so it varies by row.
   */
  target: number | null;
  /** Completed within target; false once an open case passes it; null while unknown, after an exit or without target. */
  withinTarget: boolean | null;
  /** max(0, days − target); null without a target and for an exited row (it left, it is not late). */
  daysOverTarget: number | null;
  /** Route inferred from the first route-ending milestone in the episode, or null. */
  route: string | null;
  /** The child's `group` value (only when the `group` option is given). */
  group?: unknown;
  /** Whole years of age at `start` (only with `dateOfBirth`; null when the child has none). */
  ageAtStart?: number | null;
  /** The `ageBands` band of `ageAtStart` (only with `dateOfBirth`; null without an age). */
  ageBand?: string | null;
}

/** Counts that explain who is (not) in the stage. */
export interface StageCounts {
  children: number;
  episodes: number;
  /** Episodes that never reached `from` by `asOf` (not in the stage). */
  notStarted: number;
  /** Episodes left out by the stage's cohort filter (routes, ages or filter). */
  filteredOut: number;
  /** Of `filteredOut`: episodes left out by `ages` because the child has no date of birth. */
  noDateOfBirth: number;
  /**
   * Episodes whose `from` milestone is dated after the episode had already ended (e.g. a
   * recommendation recorded after the child ceased to be looked after, with no new
   * "looked-after" between): not in the stage, with a warning.
   */
  endedBeforeStart: number;
  /**
   * Episodes that started the stage and have no `to` milestone, but a later step of their route
   * recorded (a panel, an ADM decision, a petition or an order after a missing recommendation;
   * the chain of the data check's `missing-earlier`): they passed the `to` on a date not
   * recorded, so the stage is missing data for them — not in the stage (no row, never open or on
   * the drift list), with the warning `missing-end`.
   */
  missingEnd: number;
  /**
   * Wide `orderType`: episodes with an order whose type is blank or unknown (the order is left
   * out, as the data check leaves it out) that had not reached the stage's `to` by the order's
   * date: which order it was decides how the stage ended (its route, whether the episode ended,
   * whether the route passed the `to`), so they are not in the stage, with the warning
   * `unknown-order-type` naming the child and row.
   */
  unknownOrderType: number;
  /** Episodes the stage counts: reached + open (exited episodes are not in the stage). */
  inStage: number;
  /** Rows whose `to` milestone happened (= `reached`; kept for older callers). */
  completed: number;
  /** Rows censored: open + exited (kept for older callers). */
  censored: number;
  /** Rows with status `"reached"`. */
  reached: number;
  /** Rows with status `"open"`: still in the stage at asOf. */
  open: number;
  /** Rows with status `"exited"`: the episode ended before the `to` milestone. */
  exited: number;
  /** Events dated after `asOf`, left out under `afterAsOf: "ignore"`. */
  eventsAfterAsOf: number;
  /** Event rows with unknown milestone names skipped under `unknownMilestones: "ignore"`. */
  unknownMilestones: number;
}

/** The result of {@link stageDurations}. */
export interface StageDurations {
  /** `target`: days as a number, `{ months }` for a months target, or null. */
  stage: { id: string; label: string; from: string[]; to: string[]; target: TargetRule | null };
  asOf: string | null;
  rows: DurationRow[];
  counts: StageCounts;
  warnings: TimescaleWarning[];
  /**
   * Null when the stage was estimated. For wide records with no column for any of the stage's
   * `from` milestones, or for any of its `to` ones: `{ missing }`, those milestones — the stage
   * is not estimated (no rows: a missing column would make every child look open and past
   * target), with the warning `stage-not-estimated`.
   */
  notEstimated: { missing: string[] } | null;
}

/** A warning on a timescale result: a stable `code` to switch on and a sentence for people. */
export interface TimescaleWarning {
  /**
   * `as-of-defaulted`, `events-after-as-of`, `duplicate-rows-merged`, `child-ids-trimmed`, `unknown-milestones-ignored`,
   * `not-started`, `ended-before-start`, `missing-end`, `filtered-out`, `no-date-of-birth`, `stage-not-estimated`, `leaving-end-no-column`,
   * `unknown-order-type` (docs/reliability.md).
   */
  code: string;
  message: string;
}

/** Internal: the day numbers of a stage's rows, in typed arrays. */
export interface RowDays {
  /** Per row: start day, end day (NaN when censored), exit day (NaN unless exited), days. */
  startDay: Float64Array;
  endDay: Float64Array;
  exitDay: Float64Array;
  days: Float64Array;
  /** The days of the rows that reached `to` (events) and of the others (censored), in row order, for Kaplan–Meier. */
  eventDays: Float64Array;
  censorDays: Float64Array;
}

/** Internal: durations plus each row's start and end as day numbers (for series without re-parsing). */
export interface DurationsCore extends RowDays {
  result: StageDurations;
  /** The least and greatest days (whole numbers; ±Infinity without rows). */
  daysRange: { min: number; max: number };
  /** The rows that reached `to` (ascending) with the range of their start and end days, and the earliest start. */
  done: CompletedRows;
  minStart: number;
  /** asOf as a day number (±Infinity when there are no events). */
  asOfDay: number;
}

/** Internal: compute durations from already-read records. */
export function durationsFromRecords(rec: CaseRecords, stageInput: StageInput, options: StageDurationsOptions): StageDurations {
  return durationsCore(rec, stageInput, options).result;
}

function emptyCounts(rec: CaseRecords): StageCounts {
  return {
    children: rec.children.length, episodes: 0, notStarted: 0, filteredOut: 0, noDateOfBirth: 0, endedBeforeStart: 0, missingEnd: 0, unknownOrderType: 0, inStage: 0,
    completed: 0, censored: 0, reached: 0, open: 0, exited: 0, eventsAfterAsOf: 0, unknownMilestones: rec.unknownIgnored,
  };
}

/** Step 2: the census date as a day number — options.asOf, or the latest event date with a warning. */
function resolveAsOf(rec: CaseRecords, options: StageDurationsOptions, warnings: TimescaleWarning[]): number {
  if (options.asOf === undefined) {
    if (Number.isFinite(rec.maxDay)) warnings.push(asOfWarning(formatIsoDay(rec.maxDay)));
    return rec.maxDay;
  }
  const asOf = dayReader(options)(options.asOf);
  if (Number.isNaN(asOf)) throw new QiError("invalid-date", ["options", "asOf"], `invalid asOf ${describeValue(options.asOf)}`);
  return asOf;
}

/**
 * Internal: {@link durationsFromRecords} with day numbers kept. The pipeline: (1) `stagePlan`
 * resolves the stage and options; (2) asOf, with the events-after-asOf check; (3) per episode,
 * start → cohort → stop → exit → row (_stageEpisode.ts), counting every episode left out;
 * (4) the warnings for what was left out (_stageWarnings.ts).
 */
export function durationsCore(rec: CaseRecords, stageInput: StageInput, options: StageDurationsOptions): DurationsCore {
  const plan = stagePlan(rec, stageInput, options);
  if (plan.withAge) birthAfterMilestone(rec);
  const warnings: TimescaleWarning[] = [];
  const asOf = resolveAsOf(rec, options, warnings);
  if (Number.isFinite(asOf) && plan.afterAsOf === "error") checkAfterAsOf(rec, asOf, plan.splitAt);
  const counts = emptyCounts(rec);
  // Every episode's events up to asOf, shared by every stage computed from these records.
  const table = episodeTable(rec, plan.splitAt, asOf);
  if (plan.noColumn !== null) return notEstimated(rec, plan, table, asOf, counts, warnings);
  const issues: QiIssue[] = [];
  // The exit-before-start check is the same for every stage: once per records (and split).
  const checked = (rec.cache.exitsChecked ??= new Set());
  let checkExits = !checked.has(plan.splitAt ?? -1);
  // Only the episodes with a `from` milestone can be in the stage; the exit check looks at
  // every episode first, and when it finds something every episode is walked as before (the
  // issues then come in episode order, mixed with the negative durations).
  let candidates: Int32Array | null = episodesWith(table, plan.isFrom);
  if (checkExits && !anyExitBeforeStart(rec, table)) checkExits = false;
  if (checkExits) candidates = null;
  const core = stageRows(rec, plan, table, candidates, asOf, counts, issues, checkExits);
  if (issues.length > 0) throwIssues(issues, "case records");
  checked.add(plan.splitAt ?? -1);
  counts.completed = counts.reached;
  counts.censored = counts.open + counts.exited;
  counts.inStage = counts.reached + counts.open;
  warnings.push(...stageWarnings(rec, plan, counts));
  const { stage, fromIdx, toIdx, target } = plan;
  const result: StageDurations = {
    stage: { id: stage.id, label: stage.label ?? stage.id, from: fromIdx.map((k) => rec.names[k]!), to: toIdx.map((k) => rec.names[k]!), target },
    asOf: Number.isFinite(asOf) ? formatIsoDay(asOf) : null,
    rows: core.rows,
    counts,
    warnings,
    notEstimated: null,
  };
  return { ...core, result, asOfDay: asOf };
}

/**
 * A stage the wide records have no column for (plan.noColumn): no rows, every episode counted,
 * and the warning `stage-not-estimated` naming the missing milestones and the columns read.
 */
function notEstimated(rec: CaseRecords, plan: StagePlan, table: EpisodeTable, asOf: number, counts: StageCounts, warnings: TimescaleWarning[]): DurationsCore {
  counts.episodes = table.bucket.length;
  counts.eventsAfterAsOf = table.afterAsOf;
  const missing = plan.noColumn!;
  warnings.push({ code: "stage-not-estimated", message: notEstimatedMessage(rec, plan, missing) });
  const { stage, fromIdx, toIdx, target } = plan;
  const result: StageDurations = {
    stage: { id: stage.id, label: stage.label ?? stage.id, from: fromIdx.map((k) => rec.names[k]!), to: toIdx.map((k) => rec.names[k]!), target },
    asOf: Number.isFinite(asOf) ? formatIsoDay(asOf) : null,
    rows: [],
    counts,
    warnings,
    notEstimated: { missing },
  };
  const none = new Float64Array(0);
  return {
    result, asOfDay: asOf, startDay: none, endDay: none, exitDay: none, days: none, eventDays: none, censorDays: none,
    daysRange: { min: Infinity, max: -Infinity }, done: { index: new Int32Array(0), minStart: Infinity, maxStart: -Infinity, minEnd: Infinity, maxEnd: -Infinity }, minStart: Infinity,
  };
}

/** "recommendation not estimated: the records have no column for permanence-recommendation or returned-home (the stage's end); milestones with a column: …" */
function notEstimatedMessage(rec: CaseRecords, plan: StagePlan, missing: readonly string[]): string {
  const names = (list: readonly number[]): string => milestonesText(list.map((k) => rec.names[k]!));
  const sides: string[] = [];
  if (plan.fromIdx.every((k) => missing.includes(rec.names[k]!))) sides.push(`${names(plan.fromIdx)} (the stage's start)`);
  const to = plan.toIdx.filter((k) => missing.includes(rec.names[k]!));
  if (to.length > 0) sides.push(`${names(to)} (the stage's end)`);
  const withColumn = rec.names.filter((_, k) => rec.hasColumn![k] === 1);
  return `${plan.stageId} not estimated: the records have no column for ${sides.join(", nor for ")}; milestones with a column: ${withColumn.length === 0 ? "none" : withColumn.join(", ")}`;
}

/** A stage's rows as they are made, with their days kept in typed arrays (one slot per episode walked). */
interface RowSink extends RowDays {
  rows: DurationRow[];
  /** Rows that reached `to` (= eventDays used), open rows, exited rows. */
  events: number;
  open: number;
  exited: number;
  daysRange: { min: number; max: number };
  done: CompletedRows;
  minStart: number;
}

function rowSink(episodes: number): RowSink {
  const f = (): Float64Array => new Float64Array(episodes);
  return {
    rows: [], startDay: f(), endDay: f(), exitDay: f(), days: f(), eventDays: f(), censorDays: f(), events: 0, open: 0, exited: 0,
    daysRange: { min: Infinity, max: -Infinity }, done: { index: new Int32Array(episodes), minStart: Infinity, maxStart: -Infinity, minEnd: Infinity, maxEnd: -Infinity }, minStart: Infinity,
  };
}

/** Add a row that started on day `start`. */
function keep(o: RowSink, row: DurationRow, start: number): void {
  const n = o.rows.length;
  const days = row.days;
  o.rows.push(row);
  o.startDay[n] = start;
  o.endDay[n] = row.censored ? Number.NaN : start + days;
  o.exitDay[n] = row.status === "exited" ? start + days : Number.NaN;
  o.days[n] = days;
  if (days < o.daysRange.min) o.daysRange.min = days;
  if (days > o.daysRange.max) o.daysRange.max = days;
  if (start < o.minStart) o.minStart = start;
  if (row.censored) {
    o.censorDays[n - o.events] = days;
    if (row.status === "exited") o.exited++;
    else o.open++;
    return;
  }
  const d = o.done;
  d.index[o.events] = n;
  o.eventDays[o.events++] = days;
  if (start < d.minStart) d.minStart = start;
  if (start > d.maxStart) d.maxStart = start;
  if (start + days < d.minEnd) d.minEnd = start + days;
  if (start + days > d.maxEnd) d.maxEnd = start + days;
}

/** The sink's arrays cut to the rows made. */
function sinkResult(o: RowSink): Omit<DurationsCore, "result" | "asOfDay"> & { rows: DurationRow[] } {
  const n = o.rows.length;
  return {
    rows: o.rows, startDay: o.startDay.subarray(0, n), endDay: o.endDay.subarray(0, n), exitDay: o.exitDay.subarray(0, n), days: o.days.subarray(0, n),
    eventDays: o.eventDays.subarray(0, o.events), censorDays: o.censorDays.subarray(0, n - o.events), daysRange: o.daysRange,
    done: { ...o.done, index: o.done.index.subarray(0, o.events) }, minStart: o.minStart,
  };
}

/**
 * Step 3 over every episode: start → cohort → stop → exit → row (_stageEpisode.ts), counting
 * every episode left out, with each row's days as numbers in typed arrays.
 */
function stageRows(
  rec: CaseRecords, plan: StagePlan, table: EpisodeTable, candidates: Int32Array | null, asOf: number, counts: StageCounts, issues: QiIssue[], checkExits: boolean,
): Omit<DurationsCore, "result" | "asOfDay"> & { rows: DurationRow[] } {
  const episodes = table.bucket.length;
  const walked = candidates === null ? episodes : candidates.length;
  counts.episodes = episodes;
  counts.eventsAfterAsOf = table.afterAsOf;
  // The episodes not walked have no `from` milestone: not started.
  counts.notStarted = episodes - walked;
  const sink = rowSink(walked); // at most a row per episode walked
  // One facts object for the stage, refilled per episode (durationRow copies its fields).
  const facts: EpisodeFacts = { route: null, age: null, band: null };
  for (let c = 0; c < walked; c++) {
    const k = candidates === null ? c : candidates[c]!;
    const lo = table.off[k]!;
    const hi = table.off[k + 1]!;
    const bucket = table.bucket[k]!;
    if (checkExits) exitBeforeStart(rec, bucket.child, table, lo, hi, issues);
    const s = startOf(plan, table, lo, hi);
    if (s < 0) {
      counts.notStarted++;
      continue;
    }
    if (endedBefore(rec, table, lo, s)) {
      counts.endedBeforeStart++;
      continue;
    }
    const t = stopOf(plan, table, lo, hi, s);
    if (t < 0 && plan.negative === "error") negativeIssue(rec, plan, bucket.child, table, lo, hi, s, issues);
    // An order of unknown type in the episode (on or after its first event), not after the `to`: the stage's end is unknown.
    const untyped = bucket.untypedOrder;
    if (untyped !== undefined && untyped >= table.day[lo]! && !(t >= 0 && table.day[t]! <= untyped)) {
      counts.unknownOrderType++;
      continue;
    }
    const start = table.day[s]!;
    const dob = bucket.dob ?? Number.NaN;
    facts.route = table.route[k]!;
    facts.age = Number.isNaN(dob) ? null : ageAt(rec, dob, start);
    facts.band = ageBandOf(plan.bands, facts.age);
    const out = cohortOut(plan, rec, table, k, facts.route, facts.age, facts.band);
    if (out !== null) {
      counts.filteredOut++;
      if (out === "no-dob") counts.noDateOfBirth++;
      continue;
    }
    // No `to`, but a later step of the route recorded: the `to` is missing data, not awaited.
    if (t < 0 && plan.later !== null && endMissing(plan.later, plan.isTo, table, lo, hi, facts.route)) {
      counts.missingEnd++;
      continue;
    }
    keep(sink, durationRow(plan, rec, table, k, s, t, exitOf(plan, table, lo, hi, s, t), facts, asOf), start);
  }
  // Plain counters in the loop (a keyed counts[status]++ per row is a polymorphic store).
  counts.reached += sink.events;
  counts.open += sink.open;
  counts.exited += sink.exited;
  return sinkResult(sink);
}

/**
 * The episode (table positions lo..hi) has no `to` milestone on any day and a step of its
 * route's chain after the `to` (plan.later) is dated: the `to` happened unrecorded. A `to` only
 * before the start (kept open under `negative: "ignore"`) is recorded, as the check sees it.
 */
function endMissing(later: ReadonlyMap<string | null, Uint8Array>, isTo: Uint8Array, t: EpisodeTable, lo: number, hi: number, route: string | null): boolean {
  const mask = later.get(route);
  if (mask === undefined) return false;
  let found = false;
  for (let j = lo; j < hi; j++) {
    const m = t.ms[j]!;
    if (isTo[m] === 1) return false;
    if (mask[m] === 1) found = true;
  }
  return found;
}

/**
 * Stage durations from case records: one row per child and episode that reached the stage's
 * `from` milestone, with the calendar days to its `to` milestone — or, for a child who has not
 * reached `to` by `asOf`, the days so far, flagged `censored` (right-censored, never dropped:
 * dropping open cases biases medians down, most of all just after an improvement).
 *
 * Occurrences: the clock starts at the first `from` in the episode (see `fromOccurrence`) and
 * stops at the first `to` on or after that day (see `toOccurrence`); same-day is 0 days.
 * Durations are whole calendar days between calendar dates, the same in every time zone.
 *
 * Accepts long rows `{ child, milestone, date[, episode] }` (field names or accessors via
 * options) or wide rows (`format: "wide"` / `columns`). Linear time: one pass, grouped by child
 * with a Map. Throws QiError (`missing-child`, `unknown-milestone`, `invalid-date`,
 * `negative-duration`, `event-after-as-of` — unless `afterAsOf: "ignore"` —, and for wide rows
 * `duplicate-child`) listing every bad row with its path, e.g. `["events", 418, "date"]`, and
 * naming the child in the message. `paceTimescales` computes every stage and reads the
 * records only once.
 *
 * @example
 * const events = [
 *   { child: "A", milestone: "accommodated", date: "2024-01-31" },
 *   { child: "A", milestone: "permanence-recommendation", date: "2024-03-01" },
 *   { child: "B", milestone: "accommodated", date: "2024-02-01" },
 * ];
 * stageDurations(events, "recommendation", { asOf: "2024-06-01" }).rows.map((r) => [r.child, r.days, r.censored])
 * //=> [["A", 30, false], ["B", 121, true]]
 */
export function stageDurations<T>(events: readonly T[], stage: StageInput, options: StageDurationsOptions<T> = {}): StageDurations {
  checkKeys(objectOption(options, ["options"]), STAGE_DURATION_KEYS, ["options"], "stageDurations option");
  const rec = readCaseRecords(events, options);
  return durationsFromRecords(rec, stage, options);
}
