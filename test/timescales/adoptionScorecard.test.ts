import { describe, expect, it } from "vitest";
import { ADOPTION_SCORECARD_THRESHOLDS, ENGLAND_MILESTONES, QiError, adoptionScorecard } from "../../src/index.js";

// The worked example of docs/timescales.md ("England's adoption scorecard"), by hand:
// A: entered 2021-01-10, placement order 2021-09-01, matched 2021-12-01, moved in 2022-01-10,
//    adopted 2022-07-01 → A1 365, A2 91 (30 + 31 + 30), A10 365.
// B: entered 2020-06-01, with the foster carers who adopt 2020-08-01, matched 2021-01-15 before
//    the placement order 2021-02-01, moved in 2021-05-01, adopted 2021-11-01 → A1 334, A2 0, A10 61.
// C: entered 2020-01-15 (a leap year), order 2021-03-01, matched 2021-10-01, moved in 2021-11-15,
//    adopted 2022-05-01 → A1 670 (366 + 304), A2 214, A10 670.
// D: entered 2022-06-01, placement order 2023-01-10, still waiting on 2024-03-31: 669 days in care, 446 since the order.
// E: adopted 2020-12-01, before the window (2021-04-01 to 2024-03-31): not in the scorecard.
const ev = (child: string, team: string, list: [string, string][]) => list.map(([milestone, date]) => ({ child, milestone, date, team }));
export const SCORECARD_EVENTS = [
  ...ev("A", "North", [["looked-after", "2021-01-10"], ["placement-order", "2021-09-01"], ["matched", "2021-12-01"], ["placed-for-adoption", "2022-01-10"], ["adoption-order", "2022-07-01"]]),
  ...ev("B", "North", [["looked-after", "2020-06-01"], ["foster-for-adoption", "2020-08-01"], ["matched", "2021-01-15"], ["placement-order", "2021-02-01"], ["placed-for-adoption", "2021-05-01"], ["adoption-order", "2021-11-01"]]),
  ...ev("C", "South", [["looked-after", "2020-01-15"], ["placement-order", "2021-03-01"], ["matched", "2021-10-01"], ["placed-for-adoption", "2021-11-15"], ["adoption-order", "2022-05-01"]]),
  ...ev("D", "South", [["looked-after", "2022-06-01"], ["placement-order", "2023-01-10"]]),
  ...ev("E", "South", [["looked-after", "2018-02-01"], ["placement-order", "2019-01-01"], ["matched", "2019-05-01"], ["placed-for-adoption", "2019-06-01"], ["adoption-order", "2020-12-01"]]),
];

describe("adoptionScorecard (DfE A1, A2, A3, A10) — hand-worked", () => {
  const s = adoptionScorecard(SCORECARD_EVENTS, { asOf: "2024-03-31", group: "team" });

  it("window and published values: means over the 3 adopted children", () => {
    expect(s.window).toEqual({ start: "2021-04-01", end: "2024-03-31", years: 3 });
    expect(s.thresholds).toEqual({ A1: 426, A2: 121, A10: 426, A3Wait: 426 });
    expect(s.overall.adopted).toBe(3);
    const { A1, A2, A3, A10 } = s.overall;
    expect([A1.value, A1.n, A1.meetsThreshold]).toEqual([(365 + 334 + 670) / 3, 3, false]); // 456.33 > 426
    expect([A2.value, A2.meetsThreshold]).toEqual([(91 + 0 + 214) / 3, true]); // 101.67 ≤ 121
    expect([A3.value, A3.threshold]).toEqual([(100 * 2) / 3, null]); // 365 and 334 < 426; 670 not
    expect([A10.value, A10.meetsThreshold]).toEqual([(365 + 61 + 670) / 3, true]); // 365.33
  });

  it("censored estimates count D, still waiting (Kaplan–Meier by hand)", () => {
    // A1: events 334, 365, 670; D censored at 669. S: 3/4 after 334, 1/2 after 365 (flat at 0.5
    // until 670, where it falls to 0): median (365 + 670)/2 = 517.5 (survival's rule);
    // restricted mean to 670 = 334 + 31 × 0.75 + 305 × 0.5 = 509.75.
    expect(s.overall.A1.censored).toEqual({ n: 4, reached: 3, open: 1, exited: 0, median: 517.5, medianLower: 334, medianUpper: null, restrictedMean: 509.75, horizon: 670, percentWithin: null });
    // A2: 0, 91, 214 and D censored at 446: S 3/4, 1/2, 1/4: median (91 + 214)/2 = 152.5;
    // restricted mean to 446 = 91 × 0.75 + 123 × 0.5 + 232 × 0.25 = 187.75.
    expect([s.overall.A2.censored.median, s.overall.A2.censored.restrictedMean]).toEqual([152.5, 187.75]);
    // A3: the estimated % moving in within 425 days: 1 − S(425) = 50 % (published: 66.7 %).
    expect(s.overall.A3.censored.percentWithin).toBe(50);
    // A10: 61, 365, 670 and D at 669: median 517.5; restricted mean 61 + 304 × 0.75 + 305 × 0.5 = 441.5.
    expect([s.overall.A10.censored.median, s.overall.A10.censored.restrictedMean]).toEqual([517.5, 441.5]);
  });

  it("a survivorship-bias warning beside each indicator while children wait", () => {
    expect(s.overall.A1.warning?.code).toBe("survivorship-bias");
    expect(s.overall.A1.warning?.message).toMatch(/^A1 is over the 3 children adopted in the window only; 1 child on the adoption route was still waiting on 2024-03-31/);
    expect(s.overall.A1.warning?.message).toContain("median 517.5 days, restricted mean 510 days (to 670 days)");
    // North has nobody waiting: no warning.
    const north = s.groups.find((g) => g.group === "North")!;
    expect([north.adopted, north.A1.value, north.A2.value, north.A10.value, north.A1.warning]).toEqual([2, 349.5, 45.5, 213, null]);
    const south = s.groups.find((g) => g.group === "South")!;
    expect([south.adopted, south.A1.value, south.A1.censored.open]).toEqual([1, 670, 1]);
  });

  it("an exit is censored at its date, never open", () => {
    const f = [...SCORECARD_EVENTS, ...ev("F", "South", [["looked-after", "2022-01-01"], ["placement-order", "2022-10-01"], ["special-guardianship-order", "2023-05-01"]])];
    const c = adoptionScorecard(f, { asOf: "2024-03-31" }).overall.A1.censored;
    // 334 e, 365 e, 485 exited (censored), 669 open, 670 e: S 4/5, 3/5, then 0 at 670 → median 670.
    expect([c.n, c.reached, c.open, c.exited, c.median]).toEqual([5, 3, 1, 1, 670]);
  });

  it("years, thresholds and bad input", () => {
    const one = adoptionScorecard(SCORECARD_EVENTS, { asOf: "2022-03-31", years: 1, afterAsOf: "ignore" });
    expect(one.warnings).toEqual([{ code: "events-after-as-of", message: "4 events dated after asOf were ignored" }]);
    expect(one.window).toEqual({ start: "2021-04-01", end: "2022-03-31", years: 1 });
    expect(one.overall.adopted).toBe(1); // B (A and C were adopted after 31 March 2022)
    expect(adoptionScorecard(SCORECARD_EVENTS, { asOf: "2024-03-31", thresholds: { A1: 480 } }).overall.A1.meetsThreshold).toBe(true);
    expect(ADOPTION_SCORECARD_THRESHOLDS.A2).toBe(121);
    const bad = (o: object) => () => adoptionScorecard(SCORECARD_EVENTS, o as never);
    expect(bad({ asOf: "2024-03-31", yeras: 3 })).toThrow(/did you mean "years"/);
    expect(bad({ asOf: "2024-03-31", thresholds: { A4: 1 } })).toThrow(QiError);
    expect(bad({ asOf: "2024-03-31", years: 0 })).toThrow(/years/);
    expect(bad({ asOf: "2023-01-01" })).toThrow(/after asOf/);
    expect(bad({ catalogue: ["looked-after"] })).toThrow(/placement-order/);
    expect(ENGLAND_MILESTONES.milestones.some((m) => m.id === "foster-for-adoption" && (m.source ?? "").includes("22C"))).toBe(true);
  });

  it("without asOf: the latest event date, with a warning", () => {
    const d = adoptionScorecard(SCORECARD_EVENTS);
    expect(d.asOf).toBe("2023-01-10");
    expect(d.warnings.map((w) => w.code)).toEqual(["as-of-defaulted"]);
  });
});

describe("adoptionScorecard — bad dates are never dropped in silence", () => {
  it("a child who moved in before entering care is left out with a negative-duration warning naming them", () => {
    const bad = ev("Z", "North", [["looked-after", "2022-05-01"], ["placement-order", "2022-01-01"], ["matched", "2022-02-01"], ["placed-for-adoption", "2022-03-01"], ["adoption-order", "2022-09-01"]]);
    const s = adoptionScorecard([...SCORECARD_EVENTS, ...bad], { asOf: "2024-03-31" });
    expect(s.warnings.filter((w) => w.code === "negative-duration")).toEqual([
      { code: "negative-duration", message: expect.stringContaining('"Z"') },
    ]);
    // The rest are as without Z: the published A1 over A, B and C.
    expect([s.overall.adopted, s.overall.A1.value]).toEqual([3, (365 + 334 + 670) / 3]);
  });
});
