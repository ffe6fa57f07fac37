/**
 * Private: the bad-input checks of the durations pipeline (stageDurations.ts), each naming the
 * child and the field: events after asOf, a date of birth after a milestone, an episode that
 * ends before it starts. Each collects up to 1,000 issues and throws one QiError listing them.
 */
import { formatIsoDay } from "../_lib/calendar.js";
import { describeValue, type QiIssue } from "../_lib/error.js";
import { allEpisodes, dateFieldOf, throwIssues, type CaseRecords } from "./_caseRecords.js";

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
export function exitBeforeStart(rec: CaseRecords, child: string | number, evs: readonly number[], issues: QiIssue[]): void {
  if (issues.length >= MAX) return;
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
