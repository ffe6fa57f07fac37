/**
 * Private: step 3 of the durations pipeline (stageDurations.ts) — one episode's place in a stage:
 * where the clock starts and stops, whether the episode ended first (an exit), its cohort, and
 * its duration row. Each function reads the episode's events as positions `lo` … `hi − 1` of the
 * records' {@link EpisodeTable} (in date order); the positions they return are table positions.
 */
import { dayParts, formatIsoDay } from "../_lib/calendar.js";
import { describeValue, type QiIssue } from "../_lib/error.js";
import { dateFieldOf, daySlot, dayText, type CaseRecords, type EpisodeTable } from "./_caseRecords.js";
import type { StagePlan } from "./_stagePlan.js";
import type { StageCase } from "./stages.js";
import type { DurationRow } from "./stageDurations.js";

/** The position of the event that starts the clock (stage `fromOccurrence`), or −1. */
export function startOf(plan: StagePlan, t: EpisodeTable, lo: number, hi: number): number {
  const { isFrom, fromOcc } = plan;
  const ms = t.ms;
  let s = -1;
  if (fromOcc === "first" || fromOcc === "last") {
    for (let j = lo; j < hi; j++) if (isFrom[ms[j]!]) { s = j; break; }
  } else {
    let seen = 0;
    for (let j = lo; j < hi; j++) if (isFrom[ms[j]!] && ++seen === fromOcc) { s = j; break; }
  }
  if (s < 0 || fromOcc !== "last") return s;
  // "last": the last `from` on or before the first `to` after the first `from`.
  const t1 = firstTo(plan, t, lo, hi, s);
  const limit = t1 >= 0 ? t.day[t1]! : Number.POSITIVE_INFINITY;
  for (let j = s + 1; j < hi; j++) if (isFrom[ms[j]!] && t.day[j]! <= limit && j !== t1) s = j;
  return s;
}

/** The first position of the episode dated on or after the day of position `at` (days ascend). */
function firstOnDayOf(t: EpisodeTable, lo: number, at: number): number {
  const d = t.day[at]!;
  let j = at;
  while (j > lo && t.day[j - 1]! >= d) j--;
  return j;
}

/** The first `to` on or after the day of position `from` (not that event itself), or −1. */
export function firstTo(plan: StagePlan, t: EpisodeTable, lo: number, hi: number, from: number): number {
  const d0 = t.day[from]!;
  for (let j = firstOnDayOf(t, lo, from); j < hi; j++) if (plan.isTo[t.ms[j]!] && t.day[j]! >= d0 && j !== from) return j;
  return -1;
}

/** The event that stops the clock (stage `toOccurrence`), or −1. */
export function stopOf(plan: StagePlan, t: EpisodeTable, lo: number, hi: number, s: number): number {
  if (plan.toOcc === "first") return firstTo(plan, t, lo, hi, s);
  const startDay = t.day[s]!;
  let stop = -1;
  for (let j = firstOnDayOf(t, lo, s); j < hi; j++) if (plan.isTo[t.ms[j]!] && t.day[j]! >= startDay && j !== s) stop = j;
  return stop;
}

/**
 * True when the episode had ended before the stage's start: an episode-ending milestone dated
 * before the start with no "looked-after" (a re-entry) after it.
 */
export function endedBefore(rec: CaseRecords, t: EpisodeTable, lo: number, s: number): boolean {
  const startDay = t.day[s]!;
  let ended = false;
  for (let j = lo; j < s; j++) {
    if (t.day[j]! >= startDay) break;
    const m = t.ms[j]!;
    if (rec.endsEpisode[m]) ended = true;
    else if (m === t.la) ended = false;
  }
  return ended;
}

/**
 * The episodes (ascending) with at least one event of a milestone flagged in `flags`, from an
 * index of the episodes of each milestone built once per table.
 */
export function episodesWith(t: EpisodeTable, flags: Uint8Array): Int32Array {
  const index = (t.byMilestone ??= milestoneIndex(t, flags.length));
  let only = -1;
  let several = false;
  for (let m = 0; m < flags.length; m++) {
    if (!flags[m]) continue;
    if (only >= 0) several = true;
    else only = m;
  }
  if (only < 0) return new Int32Array(0);
  if (!several) return index[only]!;
  const mark = new Uint8Array(t.bucket.length);
  let n = 0;
  for (let m = 0; m < flags.length; m++) if (flags[m]) for (const k of index[m]!) if (!mark[k]) { mark[k] = 1; n++; }
  const out = new Int32Array(n);
  for (let k = 0, j = 0; k < mark.length; k++) if (mark[k]) out[j++] = k;
  return out;
}

/** Per milestone: the episodes (ascending, each once) with an event of it. */
function milestoneIndex(t: EpisodeTable, milestones: number): Int32Array[] {
  const count = new Int32Array(milestones);
  const last = new Int32Array(milestones).fill(-1);
  const episodes = t.bucket.length;
  for (let k = 0; k < episodes; k++) {
    for (let j = t.off[k]!; j < t.off[k + 1]!; j++) {
      const m = t.ms[j]!;
      if (last[m] !== k) { last[m] = k; count[m]!++; }
    }
  }
  const index = Array.from(count, (c) => new Int32Array(c));
  const fill = new Int32Array(milestones);
  last.fill(-1);
  for (let k = 0; k < episodes; k++) {
    for (let j = t.off[k]!; j < t.off[k + 1]!; j++) {
      const m = t.ms[j]!;
      if (last[m] !== k) { last[m] = k; index[m]![fill[m]!++] = k; }
    }
  }
  return index;
}

/**
 * `ageInYears(birth, day)` (age.ts) with each day's calendar parts worked out once for these
 * records (packed as year · 512 + month · 32 + day in `rec.cache.parts`) instead of two `dayParts`
 * objects per row: the years since the birth year, less one before this year's birthday; NaN
 * when `day` is before `birth`. The same value on every day number: both are whole days.
 */
export function ageAt(rec: CaseRecords, birth: number, day: number): number {
  if (!(day >= birth)) return Number.NaN;
  const b = partsOf(rec, birth);
  const d = partsOf(rec, day);
  const by = Math.floor(b / 512);
  const dy = Math.floor(d / 512);
  // Month and day as month · 32 + day: one comparison says "before this year's birthday".
  return dy - by - (d - dy * 512 < b - by * 512 ? 1 : 0);
}

function partsOf(rec: CaseRecords, day: number): number {
  // An event day: by its slot (0: not worked out yet; packed parts are never 0).
  const o = daySlot(rec, day);
  if (o >= 0) {
    const dense = (rec.cache.dayParts ??= new Int32Array(rec.cache.dayList!.length));
    let q = dense[o]!;
    if (q === 0) {
      const d = dayParts(day);
      dense[o] = q = d.year * 512 + d.month * 32 + d.day;
    }
    return q;
  }
  const parts = (rec.cache.parts ??= new Map());
  let p = parts.get(day);
  if (p === undefined) {
    const q = dayParts(day);
    parts.set(day, (p = q.year * 512 + q.month * 32 + q.day));
  }
  return p;
}

/** Under `negative: "error"`: a `to` only before the start is a negative duration (one issue). */
export function negativeIssue(rec: CaseRecords, plan: StagePlan, child: string | number, t: EpisodeTable, lo: number, hi: number, s: number, issues: QiIssue[]): void {
  const startDay = t.day[s]!;
  for (let j = hi - 1; j >= lo; j--) {
    const e = t.ev[j]!;
    if (plan.isTo[t.ms[j]!] && t.day[j]! < startDay) {
      if (issues.length < 1000) {
        issues.push({
          code: "negative-duration",
          path: ["events", rec.row[e]!, dateFieldOf(rec, e)],
          message: `child ${describeValue(child)}: ${rec.names[t.ms[j]!]} on ${formatIsoDay(t.day[j]!)} is before ${rec.names[t.ms[s]!]} on ${formatIsoDay(startDay)} (negative duration; pass negative: "ignore" to treat the stage as open)`,
        });
      }
      return;
    }
  }
}

/** Who the episode is, for the cohort filters and the row: route, age at the start and its band. */
export interface EpisodeFacts {
  route: string | null;
  age: number | null;
  band: string | null;
}

/** Why the stage's cohort filters leave episode `k` out (`"no-dob"`: ages without a date of birth), or null to keep it. */
export function cohortOut(plan: StagePlan, rec: CaseRecords, t: EpisodeTable, k: number, route: string | null, age: number | null, band: string | null): "no-dob" | "filtered" | null {
  const { ages, routeSet, stage } = plan;
  if (ages !== null && (age === null || age < ages[0] || age > ages[1])) return age === null ? "no-dob" : "filtered";
  if (routeSet !== null && (route === null || !routeSet.has(route))) return "filtered";
  if (stage.filter === undefined) return null;
  const events: { milestone: string; date: string }[] = [];
  for (let j = t.off[k]!; j < t.off[k + 1]!; j++) events.push({ milestone: rec.names[t.ms[j]!]!, date: dayText(rec, t.day[j]!) });
  const sc: StageCase = { child: t.bucket[k]!.child, episode: t.episode[k]!.episode, events, route, group: t.bucket[k]!.group, ageAtStart: age, ageBand: band };
  return stage.filter(sc) ? null : "filtered";
}

/**
 * The episode leaves the stage before `to`: the first exit (an episode-ending milestone or one of
 * the stage's `exits`) on or after the start and strictly before the first `to` (a `to` on the
 * exit day is reached: the order that ends it). −1 if none. A stage exit that does not end the
 * episode (a return home) counts only when `to` never follows: a child who went home, came back
 * into care and then had the panel reached the panel (a user trial saw the panel stage call that
 * child exited while the ADM stage started from the panel).
 */
export function exitOf(plan: StagePlan, t: EpisodeTable, lo: number, hi: number, s: number, stop: number): number {
  const startDay = t.day[s]!;
  const firstToDay = stop < 0 ? Number.POSITIVE_INFINITY : t.day[plan.toOcc === "first" ? stop : firstTo(plan, t, lo, hi, s)]!;
  for (let j = firstOnDayOf(t, lo, s); j < hi; j++) {
    const dj = t.day[j]!;
    if (dj >= firstToDay) break; // days ascend: no exit before the first `to` from here on
    const m = t.ms[j]!;
    if (plan.isExit[m] && !plan.isTo[m] && j !== s && dj >= startDay && (stop < 0 || plan.isSoftExit[m] === 0)) return j;
  }
  return -1;
}

/**
 * The duration row of episode `k` in the stage (start `s`, stop `stop`, exit `x`: positions, −1
 * when none). The row is one object literal with every field it will have (group, age), in the
 * order of the DurationRow fields: no property added later, so no second allocation per row.
 */
export function durationRow(plan: StagePlan, rec: CaseRecords, t: EpisodeTable, k: number, s: number, stop: number, x: number, f: EpisodeFacts, asOf: number): DurationRow {
  const names = rec.names;
  const ms = t.ms;
  const startDay = t.day[s]!;
  const exited = x >= 0;
  const censored = stop < 0 || exited;
  const endDay = exited ? t.day[x]! : censored ? asOf : t.day[stop]!;
  const days = endDay - startDay;
  const target = plan.target === null ? null : plan.targetOf(startDay);
  const bucket = t.bucket[k]!;
  const child = bucket.child;
  const episode = t.episode[k]!.episode;
  const stage = plan.stageId;
  const from = names[ms[s]!]!;
  const to = censored ? null : names[ms[stop]!]!;
  const start = dayText(rec, startDay);
  const end = censored ? null : dayText(rec, endDay);
  const status = exited ? "exited" : censored ? "open" : "reached";
  const exit = exited ? { milestone: names[ms[x]!]!, date: dayText(rec, endDay) } : null;
  const withinTarget = target === null || exited ? null : censored ? (days > target ? false : null) : days <= target;
  const daysOverTarget = target === null || exited ? null : Math.max(0, days - target);
  const route = f.route;
  if (!plan.withGroup && !plan.withAge) return { child, episode, stage, from, to, start, end, days, censored, status, exit, target, withinTarget, daysOverTarget, route };
  const group = plan.groupByBand ? f.band : bucket.group;
  if (!plan.withAge) return { child, episode, stage, from, to, start, end, days, censored, status, exit, target, withinTarget, daysOverTarget, route, group };
  const ageAtStart = f.age;
  const ageBand = f.band;
  if (!plan.withGroup) return { child, episode, stage, from, to, start, end, days, censored, status, exit, target, withinTarget, daysOverTarget, route, ageAtStart, ageBand };
  return { child, episode, stage, from, to, start, end, days, censored, status, exit, target, withinTarget, daysOverTarget, route, group, ageAtStart, ageBand };
}
