// A petition lodged with no permanence recommendation recorded (and no order yet) left the child
// open, drifting and censored in the recommendation stage, and the data check said nothing. Every
// route with a petition (permanence order, with authority to adopt, kinship care order, adoption)
// has the recommendation before it (_routeChain.ts defaultChains), so the recommendation is
// missing data: missing-end in the stages, missing-earlier in the check — the same child in both.
import { describe, expect, it } from "vitest";
import { checkCaseRecords, driftList, paceTimescales, PACE_STAGES } from "../../src/index.js";

const ev = (child: string, milestone: string, date: string) => ({ child, milestone, date });
const EVENTS = [
  // P: a petition on 1 Jun 2024, no recommendation, no order yet.
  ev("P", "accommodated", "2023-02-01"), ev("P", "petition-lodged", "2024-06-01"),
  // W: still waiting for a recommendation: 1 Mar → 31 Dec 2024 is 305 days, 123 over the 182.
  ev("W", "accommodated", "2024-03-01"),
  // R: a recommendation after 120 days (1 Feb → 1 Jun 2023), then a petition.
  ev("R", "accommodated", "2023-02-01"), ev("R", "permanence-recommendation", "2023-06-01"), ev("R", "petition-lodged", "2023-12-01"),
  // B: a panel and a petition, no recommendation: one gap, said once.
  ev("B", "accommodated", "2023-02-01"), ev("B", "permanence-panel", "2023-09-01"), ev("B", "petition-lodged", "2024-02-01"),
];
const OPTS = { asOf: "2024-12-31" };

describe("a petition with no recommendation recorded", () => {
  const t = paceTimescales(EVENTS, { ...OPTS, stages: ["recommendation", "order"], check: true });
  const rec = t.stages.recommendation!;

  it("is missing-end for the recommendation stage: not open, not drifting, not in Kaplan–Meier (P was open, 699 days)", () => {
    expect(rec.durations.rows.map((r) => [r.child, r.status, r.days, r.daysOverTarget])).toEqual([
      ["W", "open", 305, 123],
      ["R", "reached", 120, 0],
    ]);
    expect(rec.durations.counts).toMatchObject({ inStage: 2, open: 1, missingEnd: 2 });
    expect(rec.kaplanMeier.n).toBe(2);
    expect(driftList(EVENTS, [PACE_STAGES.recommendation], OPTS).map((r) => [r.child, r.daysOpen])).toEqual([["W", 305]]);
    expect(rec.durations.warnings).toContainEqual({
      code: "missing-end",
      message: "2 episodes have no permanence-recommendation or returned-home date though a later milestone of their route is recorded (missing-earlier in the data check): the stage ended on a date not recorded, so they are left out (not open, not on the drift list)",
    });
  });

  it("still waits for its order: open in the order stage (petition → order), 213 days", () => {
    expect(t.stages.order!.durations.rows.filter((r) => r.child === "P").map((r) => [r.status, r.days])).toEqual([["open", 213]]);
  });

  it("the data check flags the same children, missing-earlier, once each (B's panel and petition both show it)", () => {
    const c = checkCaseRecords(EVENTS, OPTS);
    expect(c.issues.filter((i) => i.code === "missing-earlier").map((i) => [i.child, i.message])).toEqual([
      ["P", 'child "P": permanence-recommendation has no date, but petition-lodged on 2024-06-01 is recorded'],
      ["B", 'child "B": permanence-recommendation has no date, but permanence-panel on 2023-09-01 is recorded'],
    ]);
    // Completeness: R, P and B passed the recommendation (B once, though two chains show it); R has its date.
    expect(c.completeness.filter((r) => r.group === null && r.month === null).map((r) => [r.milestone, r.expected, r.recorded])).toEqual([
      ["permanence-recommendation", 3, 1],
    ]);
    expect(t.check!.issues).toEqual(c.issues);
  });

  it("the stage and the check agree child by child", () => {
    const c = checkCaseRecords(EVENTS, OPTS);
    const flagged = new Set(c.issues.filter((i) => i.code === "missing-earlier" && i.message.includes("permanence-recommendation has no date")).map((i) => i.child));
    const inStage = new Set(rec.durations.rows.map((r) => r.child));
    for (const child of ["P", "W", "R", "B"]) expect([child, flagged.has(child)]).toEqual([child, !inStage.has(child)]);
  });

  it("a petition does not imply a panel: with no order yet it could be a kinship care order (no panel on that route)", () => {
    const c = checkCaseRecords([ev("K", "accommodated", "2023-02-01"), ev("K", "permanence-recommendation", "2023-05-01"), ev("K", "petition-lodged", "2024-06-01")], OPTS);
    expect(c.issues.filter((i) => i.code === "missing-earlier")).toEqual([]);
  });
});
