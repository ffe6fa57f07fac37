import { formatIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue, type QiIssue } from "../_lib/error.js";
import { allEpisodes, dateFieldOf, dayText, readCaseRecords, throwIssues, unknownMessage, type CaseRecordOptions, type CaseRecords } from "./_caseRecords.js";
import { dayReader } from "./dates.js";
import { milestoneMatcher } from "./headers.js";
import { ageBandOf, ageInYears, resolveAgeBands, resolveAges, type AgeBandsOption } from "./age.js";
import { normaliseTarget, targetDays, type StageTarget, type TargetRule } from "./target.js";
import { PACE_STAGES, type PaceStageId, type Stage, type StageCase } from "./stages.js";

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
  warnings: string[];
}

/** A stage argument: a stage object, `{ from, to }`, or a PACE stage id. */
export type StageInput = Stage | Pick<Stage, "from" | "to"> | PaceStageId;

function listOf(v: unknown, path: (string | number)[], names: readonly string[], lookup: (name: unknown) => number | undefined): number[] {
  const arr = typeof v === "string" ? [v] : Array.isArray(v) ? (v as unknown[]) : undefined;
  if (arr === undefined || arr.length === 0) throw new QiError("invalid-option", path, `must be a milestone name or a non-empty array of names, not ${describeValue(v)}`);
  return arr.map((name, i) => {
    const k = lookup(name);
    if (k === undefined) throw new QiError("unknown-milestone", typeof v === "string" ? path : [...path, i], unknownMessage(name, names));
    return k;
  });
}

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
  // Never String() or join() a caller's value: symbols and null-prototype objects throw there.
  // Non-string names are reported with their path when the milestones are resolved.
  const one = (m: unknown): string => (typeof m === "string" ? m : describeValue(m));
  const nameOf = (v: unknown): string => (Array.isArray(v) ? v.map(one).join("|") : one(v));
  const fromName = nameOf(s.from);
  const toName = nameOf(s.to);
  return { ...s, id: typeof s.id === "string" ? s.id : `${fromName}→${toName}` };
}

/** Internal: durations plus each row's start and end as day numbers (for series without re-parsing). */
export interface DurationsCore {
  result: StageDurations;
  /** Per row: start day, end day (NaN when censored), exit day (NaN unless exited). */
  startDay: Float64Array;
  endDay: Float64Array;
  exitDay: Float64Array;
  /** asOf as a day number (±Infinity when there are no events). */
  asOfDay: number;
}

/** Internal: compute durations from already-read records. */
export function durationsFromRecords(rec: CaseRecords, stageInput: StageInput, options: StageDurationsOptions): StageDurations {
  return durationsCore(rec, stageInput, options).result;
}

/** Internal: {@link durationsFromRecords} with day numbers kept. */
export function durationsCore(rec: CaseRecords, stageInput: StageInput, options: StageDurationsOptions): DurationsCore {
  const stage = resolveStage(stageInput);
  const names = rec.names;
  const lookup = milestoneMatcher(names); // the forgiving match of headers.ts, as for event rows
  const fromIdx = listOf(stage.from, ["stage", "from"], names, lookup);
  const toIdx = listOf(stage.to, ["stage", "to"], names, lookup);
  const isFrom = new Uint8Array(names.length);
  const isTo = new Uint8Array(names.length);
  for (const k of fromIdx) isFrom[k] = 1;
  for (const k of toIdx) isTo[k] = 1;
  const fromOcc = stage.fromOccurrence ?? "first";
  if (!(fromOcc === "first" || fromOcc === "last" || (typeof fromOcc === "number" && Number.isInteger(fromOcc) && fromOcc >= 1))) {
    throw new QiError("invalid-option", ["stage", "fromOccurrence"], `fromOccurrence must be "first", "last" or a whole number ≥ 1, not ${describeValue(fromOcc)}`);
  }
  const toOcc = stage.toOccurrence ?? "first";
  if (toOcc !== "first" && toOcc !== "last") throw new QiError("invalid-option", ["stage", "toOccurrence"], `toOccurrence must be "first" or "last", not ${describeValue(toOcc)}`);
  const target = normaliseTarget(options.target !== undefined ? options.target : stage.target, [options.target !== undefined ? "options" : "stage", "target"]);
  const negative = options.negative ?? "error";
  if (negative !== "error" && negative !== "ignore") throw new QiError("invalid-option", ["options", "negative"], `negative must be "error" or "ignore", not ${describeValue(negative)}`);
  const afterAsOf = options.afterAsOf ?? "error";
  if (afterAsOf !== "error" && afterAsOf !== "ignore") throw new QiError("invalid-option", ["options", "afterAsOf"], `afterAsOf must be "error" or "ignore", not ${describeValue(afterAsOf)}`);
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
  const groupByBand = withAge && options.group === "ageBand";
  if (withAge && !(rec.cache.birthChecked ?? false)) {
    birthAfterMilestone(rec);
    rec.cache.birthChecked = true;
  }

  const warnings: string[] = [];
  let asOf: number;
  if (options.asOf !== undefined) {
    asOf = dayReader(options)(options.asOf);
    if (Number.isNaN(asOf)) throw new QiError("invalid-date", ["options", "asOf"], `invalid asOf date ${describeValue(options.asOf)}`);
  } else {
    asOf = rec.maxDay;
    if (Number.isFinite(asOf)) warnings.push(`asOf not given: open cases are censored at the latest event date, ${formatIsoDay(asOf)}`);
  }
  const hasAsOf = Number.isFinite(asOf);
  const day = rec.day;
  const ms = rec.milestone;
  if (hasAsOf && afterAsOf === "error" && rec.maxDay > asOf) {
    // An event the extract date has not reached is bad input: name every one (up to 1,000).
    const late: QiIssue[] = [];
    const asOfText = formatIsoDay(asOf);
    for (const { bucket } of allEpisodes(rec, splitAt)) {
      for (const e of bucket.events) {
        if (day[e]! > asOf && late.length < 1000) {
          late.push({
            code: "event-after-as-of",
            path: ["events", rec.row[e]!, dateFieldOf(rec, e)],
            message: `child ${describeValue(bucket.child)}: ${names[ms[e]!]} on ${formatIsoDay(day[e]!)} is after asOf ${asOfText} (pass afterAsOf: "ignore" to leave out events after the census date)`,
          });
        }
      }
    }
    if (late.length > 0) throwIssues(late, "case records");
  }
  const counts: StageCounts = {
    children: rec.children.length,
    episodes: 0,
    notStarted: 0,
    filteredOut: 0,
    noDateOfBirth: 0,
    endedBeforeStart: 0,
    inStage: 0,
    completed: 0,
    censored: 0,
    reached: 0,
    open: 0,
    exited: 0,
    eventsAfterAsOf: 0,
    unknownMilestones: rec.unknownIgnored,
  };
  const rows: DurationRow[] = [];
  const issues: QiIssue[] = [];
  const withGroup = options.group !== undefined;
  const startDays: number[] = [];
  const endDays: number[] = [];
  const exitDays: number[] = [];
  const ends = rec.endsEpisode;
  const routeSet = stageRoutes(stage, rec);
  // The exit-before-start check is the same for every stage: once per records (and split).
  const checked = (rec.cache.exitsChecked ??= new Set());
  const checkExits = !checked.has(splitAt ?? -1);

  for (const { bucket, episodes } of allEpisodes(rec, splitAt)) {
    for (const ep of episodes) {
      counts.episodes++;
      // Events after asOf have not happened yet as far as this analysis knows.
      let evs = ep.events;
      if (hasAsOf && evs.length > 0 && day[evs[evs.length - 1]!]! > asOf) {
        const kept = evs.filter((e) => day[e]! <= asOf);
        counts.eventsAfterAsOf += evs.length - kept.length;
        evs = kept;
      }
      // start
      let s = -1;
      if (fromOcc === "first" || fromOcc === "last") {
        for (let j = 0; j < evs.length; j++) if (isFrom[ms[evs[j]!]!]) { s = j; break; }
      } else {
        let seen = 0;
        for (let j = 0; j < evs.length; j++) {
          if (isFrom[ms[evs[j]!]!] && ++seen === fromOcc) { s = j; break; }
        }
      }
      if (checkExits && issues.length < 1000) exitBeforeStart(rec, bucket.child, evs, issues);
      if (s < 0) {
        counts.notStarted++;
        continue;
      }
      const firstTo = (from: number): number => {
        const d0 = day[evs[from]!]!;
        for (let j = 0; j < evs.length; j++) if (isTo[ms[evs[j]!]!] && day[evs[j]!]! >= d0 && j !== from) return j;
        return -1;
      };
      if (fromOcc === "last") {
        const t1 = firstTo(s);
        const limit = t1 >= 0 ? day[evs[t1]!]! : Number.POSITIVE_INFINITY;
        for (let j = s + 1; j < evs.length; j++) {
          if (isFrom[ms[evs[j]!]!] && day[evs[j]!]! <= limit && j !== t1) s = j;
        }
      }
      const startDay = day[evs[s]!]!;
      if (endedBefore(rec, evs, s, startDay)) {
        counts.endedBeforeStart++;
        continue;
      }
      let t = -1;
      if (toOcc === "first") t = firstTo(s);
      else for (let j = 0; j < evs.length; j++) if (isTo[ms[evs[j]!]!] && day[evs[j]!]! >= startDay && j !== s) t = j;
      if (t < 0 && negative === "error") {
        // a `to` only before the start: negative duration
        for (let j = evs.length - 1; j >= 0; j--) {
          if (isTo[ms[evs[j]!]!] && day[evs[j]!]! < startDay) {
            const e = evs[j]!;
            if (issues.length < 1000) {
              issues.push({
                code: "negative-duration",
                path: ["events", rec.row[e]!, dateFieldOf(rec, e)],
                message: `child ${describeValue(bucket.child)}: ${names[ms[e]!]} on ${formatIsoDay(day[e]!)} is before ${names[ms[evs[s]!]!]} on ${formatIsoDay(startDay)} (negative duration; pass negative: "ignore" to treat the stage as open)`,
              });
            }
            break;
          }
        }
      }
      let route: string | null = null;
      for (const e of evs) {
        const r = rec.routeOf[ms[e]!];
        if (r !== undefined && r !== null) { route = r; break; }
      }
      const dob = bucket.dob ?? Number.NaN;
      const age = Number.isNaN(dob) ? null : ageInYears(dob, startDay);
      const band = ageBandOf(bands, age);
      if (ages !== null && (age === null || age < ages[0] || age > ages[1])) {
        counts.filteredOut++;
        if (age === null) counts.noDateOfBirth++;
        continue;
      }
      if (routeSet !== null && (route === null || !routeSet.has(route))) {
        counts.filteredOut++;
        continue;
      }
      if (stage.filter !== undefined) {
        const sc: StageCase = {
          child: bucket.child,
          episode: ep.episode,
          events: evs.map((e) => ({ milestone: names[ms[e]!]!, date: dayText(rec, day[e]!) })),
          route,
          group: bucket.group,
          ageAtStart: age,
          ageBand: band,
        };
        if (!stage.filter(sc)) {
          counts.filteredOut++;
          continue;
        }
      }
      // The episode ends before `to`: the first episode-ending milestone on or after the start and
      // strictly before the first `to` (a `to` on the exit day is reached: the order that ends it).
      const firstToDay = t < 0 ? Number.POSITIVE_INFINITY : day[evs[toOcc === "first" ? t : firstTo(s)]!]!;
      let x = -1;
      for (let j = 0; j < evs.length; j++) {
        const e = evs[j]!;
        const dj = day[e]!;
        if (ends[ms[e]!] && !isTo[ms[e]!] && j !== s && dj >= startDay && dj < firstToDay) { x = j; break; }
      }
      const exited = x >= 0;
      const censored = t < 0 || exited;
      const endDay = exited ? day[evs[x]!]! : censored ? asOf : day[evs[t]!]!;
      const days = endDay - startDay;
      const rowTarget = target === null ? null : targetDays(target, startDay);
      const row: DurationRow = {
        child: bucket.child,
        episode: ep.episode,
        stage: stage.id,
        from: names[ms[evs[s]!]!]!,
        to: censored ? null : names[ms[evs[t]!]!]!,
        start: dayText(rec, startDay),
        end: censored ? null : dayText(rec, endDay),
        days,
        censored,
        status: exited ? "exited" : censored ? "open" : "reached",
        exit: exited ? { milestone: names[ms[evs[x]!]!]!, date: dayText(rec, endDay) } : null,
        target: rowTarget,
        withinTarget: rowTarget === null || exited ? null : censored ? (days > rowTarget ? false : null) : days <= rowTarget,
        daysOverTarget: rowTarget === null || exited ? null : Math.max(0, days - rowTarget),
        route,
      };
      if (withGroup) row.group = groupByBand ? band : bucket.group;
      if (withAge) {
        row.ageAtStart = age;
        row.ageBand = band;
      }
      rows.push(row);
      startDays.push(startDay);
      endDays.push(censored ? Number.NaN : endDay);
      exitDays.push(exited ? endDay : Number.NaN);
      if (censored) counts.censored++;
      else counts.completed++;
      if (exited) counts.exited++;
      else if (censored) counts.open++;
      else counts.reached++;
    }
  }
  if (issues.length > 0) throwIssues(issues, "case records");
  checked.add(splitAt ?? -1);
  counts.inStage = counts.reached + counts.open;
  if (counts.eventsAfterAsOf > 0) warnings.push(`${counts.eventsAfterAsOf} events dated after asOf were ignored`);
  if (rec.duplicateRows > 0) warnings.push(`${rec.duplicateRows} wide rows repeated an earlier row of the same child exactly and were merged`);
  if (counts.unknownMilestones > 0) warnings.push(`${counts.unknownMilestones} event rows with unknown milestone names were ignored`);
  if (counts.notStarted > 0) warnings.push(`${counts.notStarted} episodes never reached ${names[fromIdx[0]!]}${fromIdx.length > 1 ? " (or alternatives)" : ""} and are not in the stage`);
  if (counts.endedBeforeStart > 0) {
    warnings.push(`${counts.endedBeforeStart} episodes reached ${names[fromIdx[0]!]}${fromIdx.length > 1 ? " (or alternatives)" : ""} only after the episode had ended (an episode-ending milestone before it, no new looked-after between) and are not in the stage`);
  }
  if (counts.filteredOut > 0) warnings.push(`${counts.filteredOut} episodes left out by the stage's cohort filter`);
  if (counts.noDateOfBirth > 0) warnings.push(`${counts.noDateOfBirth} of them left out by the ages filter because the child has no date of birth`);
  const result: StageDurations = {
    stage: {
      id: stage.id,
      label: stage.label ?? stage.id,
      from: fromIdx.map((k) => names[k]!),
      to: toIdx.map((k) => names[k]!),
      target,
    },
    asOf: hasAsOf ? formatIsoDay(asOf) : null,
    rows,
    counts,
    warnings,
  };
  return { result, startDay: Float64Array.from(startDays), endDay: Float64Array.from(endDays), exitDay: Float64Array.from(exitDays), asOfDay: asOf };
}

/**
 * An episode that ends before it starts is bad input: an episode-ending milestone (ceased to be
 * looked after) dated before the episode's first "looked-after". Names the child and the field.
 * (Re-entry without episode ids — looked after, ceased, looked after again — is not an error:
 * only the first start counts; split such episodes with `episode` or `splitEpisodesAt`.)
 */
function exitBeforeStart(rec: CaseRecords, child: string | number, evs: readonly number[], issues: QiIssue[]): void {
  const la = rec.index.get("looked-after");
  if (la === undefined) return;
  let startDay = Number.NaN;
  for (const e of evs) if (rec.milestone[e] === la) { startDay = rec.day[e]!; break; }
  if (Number.isNaN(startDay)) return;
  for (const e of evs) {
    const d = rec.day[e]!;
    if (d >= startDay) break; // events are in date order
    if (rec.endsEpisode[rec.milestone[e]!]) {
      issues.push({
        code: "exit-before-start",
        path: ["events", rec.row[e]!, dateFieldOf(rec, e)],
        message: `child ${describeValue(child)}: ${rec.names[rec.milestone[e]!]} on ${formatIsoDay(d)} is before the episode's start (looked-after on ${formatIsoDay(startDay)}); give each episode its own id (episode) or split with splitEpisodesAt`,
      });
      return;
    }
  }
}

/**
 * A date of birth after any of the child's milestones is bad input: a QiError naming the child,
 * the milestone and the date-of-birth field (every such child, up to 1,000).
 */
function birthAfterMilestone(rec: CaseRecords): void {
  const issues: QiIssue[] = [];
  for (const b of rec.children) {
    if (b.dob === undefined || Number.isNaN(b.dob) || issues.length >= 1000) continue;
    let first = -1;
    for (const e of b.events) if (first < 0 || rec.day[e]! < rec.day[first]!) first = e;
    if (first >= 0 && rec.day[first]! < b.dob) {
      issues.push({
        code: "birth-after-milestone",
        path: ["events", b.dobRow!, rec.dobField],
        message: `child ${describeValue(b.child)}: date of birth ${formatIsoDay(b.dob)} is after ${rec.names[rec.milestone[first]!]} on ${formatIsoDay(rec.day[first]!)}`,
      });
    }
  }
  if (issues.length > 0) throwIssues(issues, "case records");
}

/**
 * True when the episode had ended before the stage's start: an episode-ending milestone dated
 * before the start with no "looked-after" (a re-entry) after it.
 */
function endedBefore(rec: CaseRecords, evs: readonly number[], s: number, startDay: number): boolean {
  const la = rec.index.get("looked-after");
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
  const rec = readCaseRecords(events, options);
  return durationsFromRecords(rec, stage, options);
}
