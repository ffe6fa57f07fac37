import { parseIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, objectOption } from "../_lib/options.js";
import { STAGE_DURATION_KEYS } from "./_optionKeys.js";
import { readCaseRecords } from "./_caseRecords.js";
import { normaliseTarget, targetDays } from "./target.js";
import { durationsFromRecords, type DurationRow, type StageDurations, type StageDurationsOptions, type StageInput } from "./stageDurations.js";

/** The {@link driftList} options: those of {@link stageDurations} when given events. */
export type DriftListOptions<T = any> = StageDurationsOptions<T>;

/** An open case past its stage target. */
export interface DriftRow {
  child: string | number;
  episode: string | number;
  stage: string;
  /** Milestone that started the clock. */
  from: string;
  start: string;
  /** Days open at asOf. */
  daysOpen: number;
  target: number;
  daysOverTarget: number;
  route: string | null;
  group?: unknown;
}

/** Rows given by the caller (not computed here): the fields the drift list reads must be sound. */
function checkDurationRows(rows: readonly DurationRow[], path: (string | number)[]): void {
  // Each distinct start string is parsed once (rows of one day share the string).
  const startOk = new Map<string, boolean>();
  const isIsoStart = (v: string): boolean => {
    let ok = startOk.get(v);
    if (ok === undefined) startOk.set(v, (ok = !Number.isNaN(parseIsoDay(v))));
    return ok;
  };
  rows.forEach((r, i) => {
    if (r === null || typeof r !== "object") throw new QiError("invalid-value", [...path, i], `duration rows must be objects, not ${describeValue(r)}`);
    if (typeof r.censored !== "boolean") throw new QiError("invalid-value", [...path, i, "censored"], `censored must be true or false, not ${describeValue(r.censored)}`);
    if (typeof r.days !== "number" || !Number.isFinite(r.days)) throw new QiError("invalid-value", [...path, i, "days"], `days must be a finite number, not ${describeValue(r.days)}`);
    // The start is copied to the drift list and sorts it: an ISO day, as stageDurations writes it.
    if (typeof r.start !== "string" || !isIsoStart(r.start)) {
      throw new QiError("invalid-date", [...path, i, "start"], `start must be an ISO date (YYYY-MM-DD), not ${describeValue(r.start)}`);
    }
    if (r.status !== undefined && r.status !== "reached" && r.status !== "open" && r.status !== "exited") {
      throw new QiError("invalid-value", [...path, i, "status"], `status must be "reached", "open" or "exited", not ${describeValue(r.status)}`);
    }
    if (r.target !== null && r.target !== undefined && !(typeof r.target === "number" && Number.isFinite(r.target))) {
      throw new QiError("invalid-value", [...path, i, "target"], `target must be a number of days or null, not ${describeValue(r.target)}`);
    }
  });
}

/** Exited: status "exited", or (rows from older callers without a status) an exit recorded. */
function isExited(r: DurationRow): boolean {
  return r.status === "exited" || (r.status === undefined && r.exit != null);
}

function isDurations(x: unknown): x is StageDurations {
  return x !== null && typeof x === "object" && !Array.isArray(x) && Array.isArray((x as StageDurations).rows);
}

function isDurationRows(x: readonly unknown[]): x is readonly DurationRow[] {
  const r = x[0] as DurationRow | undefined;
  return r !== undefined && r !== null && typeof r === "object" && typeof r.censored === "boolean" && typeof r.days === "number" && "start" in r;
}

/**
 * Drift and delay: open cases already past their stage's target at asOf, longest open first (ties
 * by start date, then child). Takes a {@link stageDurations} result (or its rows), or case-record
 * events with one stage or several (e.g. `Object.values(PACE_STAGES)`; stages without a target
 * are skipped when a list is given, and throw `missing-target` when given alone). Exited rows
 * (the episode ended before the stage's end milestone, status `"exited"`) are never on the list.
 *
 * @example
 * const events = [
 *   { child: "A", milestone: "accommodated", date: "2024-01-31" },
 *   { child: "A", milestone: "permanence-recommendation", date: "2024-03-01" },
 *   { child: "B", milestone: "accommodated", date: "2024-02-01" },
 * ];
 * driftList(events, PACE_STAGES.recommendation, { asOf: "2024-12-01" })
 * //=> [{ child: "B", stage: "recommendation", start: "2024-02-01", daysOpen: 304, target: 182, daysOverTarget: 122, … }]
 */
export function driftList<T>(
  input: StageDurations | readonly DurationRow[] | readonly T[],
  stage?: StageInput | readonly StageInput[],
  options: DriftListOptions<T> = {},
): DriftRow[] {
  checkKeys(objectOption(options, ["options"]), STAGE_DURATION_KEYS, ["options"], "driftList option");
  // Days or { months } (then each row's target runs from its own start).
  const rule = normaliseTarget(options.target, ["options", "target"]);
  let rows: DurationRow[] = [];
  let fromEvents = false;
  if (isDurations(input)) {
    rows = input.rows;
    const st = (input as { stage?: { id?: unknown; target?: unknown } | null }).stage;
    if ((st?.target ?? null) === null && options.target == null) {
      throw new QiError("missing-target", ["durations", "stage", "target"], `stage ${describeValue(st?.id)} has no target: recompute with options.target`);
    }
  } else if (Array.isArray(input) && isDurationRows(input)) {
    rows = input.slice();
  } else {
    if (!Array.isArray(input)) throw new QiError("invalid-value", ["events"], `driftList needs durations or case-record events, not ${describeValue(input)}`);
    if (stage === undefined) throw new QiError("invalid-option", ["stage"], "driftList on events needs a stage (or a list of stages)");
    fromEvents = true;
    const list: readonly StageInput[] = Array.isArray(stage) ? (stage as readonly StageInput[]) : [stage as StageInput];
    const rec = readCaseRecords(input as readonly T[], options);
    for (const s of list) {
      const d = durationsFromRecords(rec, s, options);
      if (d.stage.target === null) {
        if (!Array.isArray(stage)) throw new QiError("missing-target", ["stage", "target"], `stage ${describeValue(d.stage.id)} has no target: pass options.target`);
        continue;
      }
      for (const r of d.rows) rows.push(r);
    }
  }
  if (!fromEvents) checkDurationRows(rows, isDurations(input) ? ["durations", "rows"] : ["durations"]);
  const out: DriftRow[] = [];
  for (const r of rows) {
    const target = !fromEvents && rule !== null ? targetDays(rule, parseIsoDay(r.start)) : r.target;
    // Only open cases drift: an exited row (the episode ended, e.g. the child went home and
    // ceased to be looked after) is censored but not waiting for anything.
    if (!r.censored || isExited(r) || target == null || r.days <= target) continue;
    const row: DriftRow = {
      child: r.child,
      episode: r.episode,
      stage: r.stage,
      from: r.from,
      start: r.start,
      daysOpen: r.days,
      target,
      daysOverTarget: r.days - target,
      route: r.route,
    };
    if ("group" in r) row.group = r.group;
    out.push(row);
  }
  out.sort((a, b) => b.daysOpen - a.daysOpen || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) || String(a.child).localeCompare(String(b.child)));
  return out;
}
