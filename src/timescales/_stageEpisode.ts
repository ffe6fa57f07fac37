/**
 * Private: step 3 of the durations pipeline (stageDurations.ts) — one episode's place in a stage:
 * where the clock starts and stops, whether the episode ended first (an exit), its route, age and
 * cohort, and its duration row. Each function reads the episode's event ids (in date order).
 */
import { formatIsoDay } from "../_lib/calendar.js";
import { describeValue, type QiIssue } from "../_lib/error.js";
import { dateFieldOf, dayText, type Bucket, type CaseRecords, type Episode } from "./_caseRecords.js";
import type { StagePlan } from "./_stagePlan.js";
import { ageBandOf, ageInYears } from "./age.js";
import { targetDays } from "./target.js";
import type { StageCase } from "./stages.js";
import type { DurationRow } from "./stageDurations.js";

/** The index in `evs` of the event that starts the clock (stage `fromOccurrence`), or −1. */
export function startOf(plan: StagePlan, rec: CaseRecords, evs: readonly number[]): number {
  const { isFrom, fromOcc } = plan;
  const ms = rec.milestone;
  let s = -1;
  if (fromOcc === "first" || fromOcc === "last") {
    for (let j = 0; j < evs.length; j++) if (isFrom[ms[evs[j]!]!]) { s = j; break; }
  } else {
    let seen = 0;
    for (let j = 0; j < evs.length; j++) if (isFrom[ms[evs[j]!]!] && ++seen === fromOcc) { s = j; break; }
  }
  if (s < 0 || fromOcc !== "last") return s;
  // "last": the last `from` on or before the first `to` after the first `from`.
  const t1 = firstTo(plan, rec, evs, s);
  const limit = t1 >= 0 ? rec.day[evs[t1]!]! : Number.POSITIVE_INFINITY;
  for (let j = s + 1; j < evs.length; j++) if (isFrom[ms[evs[j]!]!] && rec.day[evs[j]!]! <= limit && j !== t1) s = j;
  return s;
}

/** The first `to` on or after the day of `evs[from]` (not that event itself), or −1. */
export function firstTo(plan: StagePlan, rec: CaseRecords, evs: readonly number[], from: number): number {
  const d0 = rec.day[evs[from]!]!;
  for (let j = 0; j < evs.length; j++) if (plan.isTo[rec.milestone[evs[j]!]!] && rec.day[evs[j]!]! >= d0 && j !== from) return j;
  return -1;
}

/** The event that stops the clock (stage `toOccurrence`), or −1. */
export function stopOf(plan: StagePlan, rec: CaseRecords, evs: readonly number[], s: number): number {
  if (plan.toOcc === "first") return firstTo(plan, rec, evs, s);
  const startDay = rec.day[evs[s]!]!;
  let t = -1;
  for (let j = 0; j < evs.length; j++) if (plan.isTo[rec.milestone[evs[j]!]!] && rec.day[evs[j]!]! >= startDay && j !== s) t = j;
  return t;
}

/**
 * True when the episode had ended before the stage's start: an episode-ending milestone dated
 * before the start with no "looked-after" (a re-entry) after it.
 */
export function endedBefore(rec: CaseRecords, evs: readonly number[], s: number): boolean {
  const la = rec.index.get("looked-after");
  const startDay = rec.day[evs[s]!]!;
  let ended = false;
  for (let j = 0; j < s; j++) {
    const e = evs[j]!;
    if (rec.day[e]! >= startDay) break;
    const m = rec.milestone[e]!;
    if (rec.endsEpisode[m]) ended = true;
    else if (m === la) ended = false;
  }
  return ended;
}

/** Under `negative: "error"`: a `to` only before the start is a negative duration (one issue). */
export function negativeIssue(rec: CaseRecords, plan: StagePlan, child: string | number, evs: readonly number[], s: number, issues: QiIssue[]): void {
  const startDay = rec.day[evs[s]!]!;
  for (let j = evs.length - 1; j >= 0; j--) {
    const e = evs[j]!;
    if (plan.isTo[rec.milestone[e]!] && rec.day[e]! < startDay) {
      if (issues.length < 1000) {
        issues.push({
          code: "negative-duration",
          path: ["events", rec.row[e]!, dateFieldOf(rec, e)],
          message: `child ${describeValue(child)}: ${rec.names[rec.milestone[e]!]} on ${formatIsoDay(rec.day[e]!)} is before ${rec.names[rec.milestone[evs[s]!]!]} on ${formatIsoDay(startDay)} (negative duration; pass negative: "ignore" to treat the stage as open)`,
        });
      }
      return;
    }
  }
}

/** The route of the first route-ending milestone in the episode, or null. */
export function routeOfEpisode(rec: CaseRecords, evs: readonly number[]): string | null {
  for (const e of evs) {
    const r = rec.routeOf[rec.milestone[e]!];
    if (r !== undefined && r !== null) return r;
  }
  return null;
}

/** Who the episode is, for the cohort filters and the row. */
export interface EpisodeFacts {
  route: string | null;
  age: number | null;
  band: string | null;
}

/** Why the stage's cohort filters leave the episode out (`"no-dob"`: ages without a date of birth), or null to keep it. */
export function cohortOut(plan: StagePlan, rec: CaseRecords, bucket: Bucket, ep: Episode, evs: readonly number[], f: EpisodeFacts): "no-dob" | "filtered" | null {
  const { ages, routeSet, stage } = plan;
  if (ages !== null && (f.age === null || f.age < ages[0] || f.age > ages[1])) return f.age === null ? "no-dob" : "filtered";
  if (routeSet !== null && (f.route === null || !routeSet.has(f.route))) return "filtered";
  if (stage.filter === undefined) return null;
  const sc: StageCase = {
    child: bucket.child,
    episode: ep.episode,
    events: evs.map((e) => ({ milestone: rec.names[rec.milestone[e]!]!, date: dayText(rec, rec.day[e]!) })),
    route: f.route,
    group: bucket.group,
    ageAtStart: f.age,
    ageBand: f.band,
  };
  return stage.filter(sc) ? null : "filtered";
}

/** The episode's facts: route, and with dates of birth the age at the start and its band. */
export function factsOf(plan: StagePlan, rec: CaseRecords, bucket: Bucket, evs: readonly number[], startDay: number): EpisodeFacts {
  const dob = bucket.dob ?? Number.NaN;
  const age = Number.isNaN(dob) ? null : ageInYears(dob, startDay);
  return { route: routeOfEpisode(rec, evs), age, band: ageBandOf(plan.bands, age) };
}

/**
 * The episode ends before `to`: the first episode-ending milestone on or after the start and
 * strictly before the first `to` (a `to` on the exit day is reached: the order that ends it). −1 if none.
 */
export function exitOf(plan: StagePlan, rec: CaseRecords, evs: readonly number[], s: number, t: number): number {
  const startDay = rec.day[evs[s]!]!;
  const firstToDay = t < 0 ? Number.POSITIVE_INFINITY : rec.day[evs[plan.toOcc === "first" ? t : firstTo(plan, rec, evs, s)]!]!;
  for (let j = 0; j < evs.length; j++) {
    const e = evs[j]!;
    const m = rec.milestone[e]!;
    const dj = rec.day[e]!;
    if (rec.endsEpisode[m] && !plan.isTo[m] && j !== s && dj >= startDay && dj < firstToDay) return j;
  }
  return -1;
}

/** The duration row of an episode in the stage (start `s`, stop `t`, exit `x`; −1 when none). */
export function durationRow(plan: StagePlan, rec: CaseRecords, bucket: Bucket, ep: Episode, evs: readonly number[], s: number, t: number, x: number, f: EpisodeFacts, asOf: number): DurationRow {
  const names = rec.names;
  const ms = rec.milestone;
  const startDay = rec.day[evs[s]!]!;
  const exited = x >= 0;
  const censored = t < 0 || exited;
  const endDay = exited ? rec.day[evs[x]!]! : censored ? asOf : rec.day[evs[t]!]!;
  const days = endDay - startDay;
  const target = plan.target === null ? null : targetDays(plan.target, startDay);
  const row: DurationRow = {
    child: bucket.child,
    episode: ep.episode,
    stage: plan.stage.id,
    from: names[ms[evs[s]!]!]!,
    to: censored ? null : names[ms[evs[t]!]!]!,
    start: dayText(rec, startDay),
    end: censored ? null : dayText(rec, endDay),
    days,
    censored,
    status: exited ? "exited" : censored ? "open" : "reached",
    exit: exited ? { milestone: names[ms[evs[x]!]!]!, date: dayText(rec, endDay) } : null,
    target,
    withinTarget: target === null || exited ? null : censored ? (days > target ? false : null) : days <= target,
    daysOverTarget: target === null || exited ? null : Math.max(0, days - target),
    route: f.route,
  };
  if (plan.withGroup) row.group = plan.groupByBand ? f.band : bucket.group;
  if (plan.withAge) {
    row.ageAtStart = f.age;
    row.ageBand = f.band;
  }
  return row;
}
