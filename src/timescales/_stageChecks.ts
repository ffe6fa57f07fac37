/**
 * Private: the bad-input checks of the durations pipeline (stageDurations.ts), each naming the
 * child and the field: events after asOf, a date of birth after a milestone, an episode that
 * ends before it starts. Each collects up to 1,000 issues and throws one QiError listing them.
 */
import { formatIsoDay } from "../_lib/calendar.js";
import { describeValue, type QiIssue } from "../_lib/error.js";
import { allEpisodes, dateFieldOf, throwIssues, type CaseRecords, type EpisodeTable } from "./_caseRecords.js";

const MAX = 1000;

/** An event the extract date has not reached is bad input (under `afterAsOf: "error"`): name every one. */
export function checkAfterAsOf(rec: CaseRecords, asOf: number, splitAt: number | undefined): void {
  if (!(rec.maxDay > asOf)) return;
  const late: QiIssue[] = [];
  const asOfText = formatIsoDay(asOf);
  for (const { bucket } of allEpisodes(rec, splitAt)) {
    for (const e of bucket.events) {
      if (rec.day[e]! > asOf && late.length < MAX) {
        late.push({
          code: "event-after-as-of",
          path: ["events", rec.row[e]!, dateFieldOf(rec, e)],
          message: `child ${describeValue(bucket.child)}: ${rec.names[rec.milestone[e]!]} on ${formatIsoDay(rec.day[e]!)} is after asOf ${asOfText} (pass afterAsOf: "ignore" to leave out events after the census date)`,
        });
      }
    }
  }
  if (late.length > 0) throwIssues(late, "case records");
}

/**
 * An episode that ends before it starts is bad input: an episode-ending milestone (ceased to be
 * looked after) dated before the episode's first "looked-after". Names the child and the field.
 * (Re-entry without episode ids — looked after, ceased, looked after again — is not an error:
 * only the first start counts; split such episodes with `episode` or `splitEpisodesAt`.)
 */
export function exitBeforeStart(rec: CaseRecords, child: string | number, t: EpisodeTable, lo: number, hi: number, issues: QiIssue[]): void {
  if (issues.length >= MAX) return;
  const j = exitBeforeStartAt(rec, t, lo, hi);
  if (j < 0) return;
  let startDay = Number.NaN;
  for (let i = j; i < hi && Number.isNaN(startDay); i++) if (t.ms[i] === t.la) startDay = t.day[i]!;
  const e = t.ev[j]!;
  issues.push({
    code: "exit-before-start",
    path: ["events", rec.row[e]!, dateFieldOf(rec, e)],
    message: `child ${describeValue(child)}: ${rec.names[t.ms[j]!]} on ${formatIsoDay(t.day[j]!)} is before the episode's start (looked-after on ${formatIsoDay(startDay)}); give each episode its own id (episode) or split with splitEpisodesAt`,
  });
}

/**
 * The episode's first episode-ending milestone (a table position) when it is dated before the
 * episode's first "looked-after", else −1. Days ascend, so only an ending milestone before that
 * looked-after can be earlier than it, and the first such one is the earliest.
 */
function exitBeforeStartAt(rec: CaseRecords, t: EpisodeTable, lo: number, hi: number): number {
  if (t.la < 0) return -1;
  let firstEnd = -1;
  for (let j = lo; j < hi; j++) {
    const m = t.ms[j]!;
    if (m === t.la) return firstEnd >= 0 && t.day[firstEnd]! < t.day[j]! ? firstEnd : -1;
    if (firstEnd < 0 && rec.endsEpisode[m]) firstEnd = j;
  }
  return -1;
}

/** True when {@link exitBeforeStart} finds something in some episode of the table. */
export function anyExitBeforeStart(rec: CaseRecords, t: EpisodeTable): boolean {
  for (let k = 0; k < t.bucket.length; k++) if (exitBeforeStartAt(rec, t, t.off[k]!, t.off[k + 1]!) >= 0) return true;
  return false;
}

/**
 * A date of birth after any of the child's milestones is bad input: a QiError naming the child,
 * the milestone and the date-of-birth field (every such child, up to 1,000). Once per records.
 */
export function birthAfterMilestone(rec: CaseRecords): void {
  if (rec.cache.birthChecked === true) return;
  const issues: QiIssue[] = [];
  for (const b of rec.children) {
    if (b.dob === undefined || Number.isNaN(b.dob) || issues.length >= MAX) continue;
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
  rec.cache.birthChecked = true;
}
