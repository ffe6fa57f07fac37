/**
 * The worked example of docs/timescales.md, "Why censoring matters": the numbers quoted there are
 * the ones asserted here. Children accommodated in 2020, looked at on 31 December 2020 (while
 * many are still waiting) and again three years later, when every one has completed.
 * (Since issue #11 the recommendation stage also ends at a return home, PACE Aim 2, which changed
 * these numbers.)
 */
import { describe, expect, it } from "vitest";
import { kaplanMeier, simulateCases, stageDurations, type DurationRow } from "../../src/index.js";

function median(values: readonly number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function example(improvementFrom?: string) {
  const events = simulateCases({ seed: 1, start: "2019-01-01", end: "2023-12-31", ...(improvementFrom !== undefined ? { improvementFrom } : {}) });
  const cohort = (r: DurationRow) => r.start >= "2020-01-01" && r.start <= "2020-12-31";
  // At the time: the export runs to 2023, the analysis is as of 2020-12-31 (later events left out).
  const then = stageDurations(events, "recommendation", { asOf: "2020-12-31", afterAsOf: "ignore" }).rows.filter(cohort);
  // The truth: the same children three years on.
  const later = stageDurations(events, "recommendation", { asOf: "2023-12-31" }).rows.filter(cohort);
  const done = then.filter((r) => !r.censored);
  const km = kaplanMeier(then);
  return {
    children: then.length,
    completedByAsOf: done.length,
    openAtAsOf: then.length - done.length,
    medianDroppingOpen: median(done.map((r) => r.days)),
    kaplanMeier: [km.median, km.medianLower, km.medianUpper],
    trueMedian: median(later.map((r) => r.days)),
    openLater: later.filter((r) => r.censored).length,
    withinTargetDroppingOpen: done.filter((r) => r.withinTarget === true).length,
    withinTargetTrue: later.filter((r) => r.withinTarget === true).length,
  };
}

describe("why censoring matters: the worked example of docs/timescales.md", () => {
  it("no improvement: dropping open cases makes the median 30 days too short; Kaplan–Meier is within 2 days", () => {
    expect(example()).toEqual({
      children: 2487,
      completedByAsOf: 1343,
      openAtAsOf: 1144,
      medianDroppingOpen: 126,
      kaplanMeier: [155, 151, 161],
      trueMedian: 153,
      openLater: 0,
      withinTargetDroppingOpen: 1059,
      withinTargetTrue: 1576,
    });
  });
  it("after an improvement (every stage × 0.7 from 2020): the same bias on top of the real change", () => {
    expect(example("2020-01-01")).toMatchObject({ medianDroppingOpen: 96, kaplanMeier: [108, 106, 112], trueMedian: 108, openAtAsOf: 816 });
  });
});
