/**
 * Private: step 4 of the durations pipeline (stageDurations.ts) — every drop, merge and fallback
 * said as a warning `{ code, message }` (codes listed in docs/reliability.md).
 */
import { describeValue } from "../_lib/error.js";
import { SCOTLAND_ORDER_MILESTONES } from "./catalogue.js";
import type { CaseRecords, PaddedIds } from "./_caseRecords.js";
import type { StagePlan } from "./_stagePlan.js";
import type { StageCounts, TimescaleWarning } from "./stageDurations.js";

/**
 * Milestone names as "a or b" — the four Scottish orders together as "an order (any of the
 * four)", the stages' "order granted" — for the messages that name a stage's start or end.
 */
export function milestonesText(names: readonly string[]): string {
  const orders = SCOTLAND_ORDER_MILESTONES as readonly string[];
  if (names.length === orders.length && orders.every((m) => names.includes(m))) return "an order (any of the four)";
  return names.join(" or ");
}

/** The warning for an asOf defaulted to the latest event date. */
export function asOfWarning(asOfText: string): TimescaleWarning {
  return { code: "as-of-defaulted", message: `asOf not given: open cases are censored at the latest event date, ${asOfText}` };
}

/** "1 episode", "2 episodes": a count with its noun (the plural adds an s). */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The warnings a stage's counts call for, in a fixed order. */
export function stageWarnings(rec: CaseRecords, plan: StagePlan, counts: StageCounts): TimescaleWarning[] {
  const out: TimescaleWarning[] = [];
  const from = `${rec.names[plan.fromIdx[0]!]}${plan.fromIdx.length > 1 ? " (or alternatives)" : ""}`;
  if (counts.eventsAfterAsOf > 0) out.push({ code: "events-after-as-of", message: `${countOf(counts.eventsAfterAsOf, "event")} dated after asOf ${counts.eventsAfterAsOf === 1 ? "was" : "were"} ignored` });
  if (rec.duplicateRows > 0) out.push({ code: "duplicate-rows-merged", message: duplicatesMessage(rec) });
  if (rec.paddedIds !== null) out.push({ code: "child-ids-trimmed", message: paddedIdsMessage(rec.paddedIds) });
  if (counts.unknownMilestones > 0) out.push({ code: "unknown-milestones-ignored", message: `${countOf(counts.unknownMilestones, "event row")} with unknown milestone names ${counts.unknownMilestones === 1 ? "was" : "were"} ignored` });
  if (counts.notStarted > 0) out.push({ code: "not-started", message: `${countOf(counts.notStarted, "episode")} never reached ${from} and ${counts.notStarted === 1 ? "is" : "are"} not in the stage` });
  if (counts.endedBeforeStart > 0) {
    out.push({
      code: "ended-before-start",
      message: `${countOf(counts.endedBeforeStart, "episode")} reached ${from} only after the episode had ended (an episode-ending milestone before it, no new looked-after between) and ${counts.endedBeforeStart === 1 ? "is" : "are"} not in the stage`,
    });
  }
  if (counts.missingEnd > 0) {
    const to = milestonesText(plan.toIdx.map((k) => rec.names[k]!));
    out.push({
      code: "missing-end",
      message: `${counts.missingEnd} ${counts.missingEnd === 1 ? "episode has" : "episodes have"} no ${to} date though a later milestone of ${counts.missingEnd === 1 ? "its" : "their"} route is recorded (missing-earlier in the data check): the stage ended on a date not recorded, so ${counts.missingEnd === 1 ? "it is" : "they are"} left out (not open, not on the drift list)`,
    });
  }
  if (counts.unknownOrderType > 0) out.push({ code: "unknown-order-type", message: untypedMessage(rec, counts.unknownOrderType) });
  if (plan.leavingNoColumn.length > 0) out.push({ code: "leaving-end-no-column", message: leavingMessage(rec, plan) });
  if (counts.filteredOut > 0) out.push({ code: "filtered-out", message: `${countOf(counts.filteredOut, "episode")} left out by the stage's cohort filter` });
  if (counts.noDateOfBirth > 0) out.push({ code: "no-date-of-birth", message: `${counts.noDateOfBirth} of them left out by the ages filter because the child has no date of birth` });
  return out;
}

/**
 * The stage is estimated, but a milestone by which a child leaves it (returned home, ceased to be
 * looked after: _stageEnds.ts) has no column: those children look still in the stage.
 */
function leavingMessage(rec: CaseRecords, plan: StagePlan): string {
  const list = plan.leavingNoColumn.map((k) => rec.names[k]!);
  const one = list.length === 1;
  return `the records have no column for ${list.join(" or ")}, which also ${one ? "ends" : "end"} the stage: a child who left that way cannot be told from one still waiting, so the open rows and the drift list may include such children`;
}

/** Episodes left out for an order whose type is blank or unknown, with the first such orders by child and row (0-based). */
function untypedMessage(rec: CaseRecords, n: number): string {
  const u = rec.untypedOrders;
  const shown = u.first.slice(0, 3).map((o) => `child ${describeValue(o.child)}, row ${o.row}`);
  const more = u.count > shown.length ? `; and ${u.count - shown.length} more` : "";
  return `${countOf(n, "episode")} ${n === 1 ? "has" : "have"} an order whose type is blank or unknown and no stage end before it, so ${n === 1 ? "it is" : "they are"} left out (the stage's end depends on which order it was; fill in the type: ${shown.join("; ")}${more})`;
}

/** Which wide rows were merged: the first three by child and row (0-based, as library messages count), then how many more. */
function duplicatesMessage(rec: CaseRecords): string {
  const n = rec.duplicateRows;
  const shown = rec.duplicates.slice(0, 3).map((d) => `child ${describeValue(d.child)}, row ${d.row} (repeating row ${d.of})`);
  const more = n > shown.length ? `; and ${n - shown.length} more` : "";
  return `${n} wide ${n === 1 ? "row" : "rows"} repeated an earlier row of the same child exactly and ${n === 1 ? "was" : "were"} merged: ${shown.join("; ")}${more}`;
}

/** Child ids read without the white space around them: how many, and the first (0-based row). */
export function paddedIdsMessage(p: PaddedIds): string {
  return `${p.count} child ${p.count === 1 ? "id" : "ids"} had white space around ${p.count === 1 ? "it" : "them"} and ${p.count === 1 ? "was" : "were"} read without it (the first: row ${p.row}, ${describeValue(p.value)})`;
}
