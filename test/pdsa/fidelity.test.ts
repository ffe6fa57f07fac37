import { describe, expect, it } from "vitest";
import { fidelity, ramp, type FidelityCriterion, type PdsaCycle } from "../../src/pdsa/index.js";
import { deepFreeze } from "./freeze.js";

const full = (id: string, sequence: number, size: number, decision: "adopt" | "adapt" | "abandon" | undefined, date: string): PdsaCycle => ({
  id,
  changeIdea: "ci",
  sequence,
  objective: "Hold a planning meeting within 14 days",
  questions: [{ question: "Within 14 days?", prediction: "Yes" }],
  scale: { size, unit: "children" },
  measures: ["m1"],
  plan: { who: "Team A", what: "Meeting", when: "May", where: "North", data: ["days to meeting"] },
  do: { date, observations: "Held on day 9" },
  study: { results: [{ question: 0, result: "Day 9", predictionMet: true }], learning: "Works" },
  ...(decision === undefined ? {} : { act: { decision, nextSteps: "Next cycle" } }),
});

const byId = (criteria: readonly FidelityCriterion[], id: string) => criteria.find((c) => c.criterion === id);

describe("fidelity of a ramp", () => {
  const cycles = deepFreeze([full("c1", 1, 1, "adapt", "2024-05-06"), full("c2", 2, 3, "adapt", "2024-06-10"), full("c3", 3, 12, "adopt", "2024-07-15")]);
  const points = (m: string) => (m === "m1" ? 24 : undefined);

  it("meets every criterion for a well-run ramp, with reasons", () => {
    const f = fidelity(ramp(cycles, "ci"), { dataPoints: points });
    expect(f.changeIdea).toBe("ci");
    expect(f.criteria).toEqual([
      { criterion: "iterative-cycles", met: true, reason: "3 cycles, each linked to the next through its Act stage" },
      { criterion: "prediction-based", met: true, reason: "every cycle made predictions and compared them with results" },
      { criterion: "small-scale", met: true, reason: "started small with 1 children and grew to 12 children" },
      { criterion: "data-over-time", met: true, reason: "every cycle is followed by a measure with data over time" },
      { criterion: "documentation", met: true, reason: "every cycle is documented up to its stage" },
    ]);
    expect([f.metCount, f.assessedCount, f.score]).toEqual([5, 5, 1]);
    expect(f.cycles.map((c) => c.score)).toEqual([1, 1, 1]);
    expect(byId(f.cycles[2]!.criteria, "small-scale")).toEqual({
      criterion: "small-scale",
      met: true,
      reason: "scaled up to 12 children after a small test on 3 children (cycle c2)",
    });
    expect(byId(f.cycles[1]!.criteria, "iterative-cycles")!.reason).toBe("cycle 2 of 3, linked through Act to its neighbours");
    expect(byId(f.cycles[0]!.criteria, "data-over-time")!.reason).toBe("measure m1 has 24 data points (at least 3)");
  });

  it("judges data over time as null without data, false with too few points", () => {
    expect(byId(fidelity(ramp(cycles, "ci")).criteria, "data-over-time")).toEqual({ criterion: "data-over-time", met: null, reason: "not assessable in any cycle" });
    const f = fidelity(ramp(cycles, "ci"), { dataPoints: () => 2 });
    expect(byId(f.cycles[0]!.criteria, "data-over-time")).toEqual({ criterion: "data-over-time", met: false, reason: "measure m1 has 2 data points; at least 3 needed" });
    expect(f.score).toBe(0.8);
    expect(byId(fidelity(ramp(cycles, "ci"), { dataPoints: () => 2, minDataPoints: 2 }).criteria, "data-over-time")!.met).toBe(true);
  });

  it("uses the small-scale threshold option", () => {
    const f = fidelity(ramp(cycles, "ci"), { smallScaleMax: 0 });
    expect(byId(f.criteria, "small-scale")).toEqual({ criterion: "small-scale", met: false, reason: "started with 1 children, more than the small-scale threshold of 0" });
    expect(byId(f.cycles[1]!.criteria, "small-scale")!.reason).toBe("tested on 3 children, more than the small-scale threshold of 0, with no smaller test before it");
  });

  it("reports broken links between cycles", () => {
    const broken = deepFreeze([
      { ...full("c1", 1, 1, undefined, "2024-05-06") },
      { ...full("c2", 2, 1, "abandon", "2024-06-10") },
      { ...full("c3", 3, 1, "adapt", "2024-07-15"), act: { decision: "adapt" as const } },
      full("c4", 4, 1, undefined, "2024-08-01"),
    ]);
    const f = fidelity(ramp(broken, "ci"));
    expect(byId(f.criteria, "iterative-cycles")).toEqual({
      criterion: "iterative-cycles",
      met: false,
      reason: "c1 has no Act decision; c2 abandoned the change idea but cycles follow; c3 records no next steps",
    });
    expect(byId(f.cycles[1]!.criteria, "iterative-cycles")!.reason).toBe("the previous cycle (c1) has no Act decision to inform this one");
    expect(byId(f.cycles[2]!.criteria, "iterative-cycles")!.reason).toBe(
      "the previous cycle (c2) abandoned the change idea; Act records no next steps to inform the next cycle (c4)",
    );
    expect(byId(f.criteria, "documentation")!.reason).toBe("c3: missing act.nextSteps (cycle at act)");
  });

  it("a one-cycle ramp is not iterative; an empty ramp is not assessable", () => {
    expect(byId(fidelity(ramp(cycles.slice(0, 1), "ci")).criteria, "iterative-cycles")).toEqual({
      criterion: "iterative-cycles",
      met: false,
      reason: "only one cycle: a ramp needs several linked cycles",
    });
    const { act: _act, ...noAct } = cycles[0]!;
    expect(byId(fidelity(ramp([noAct], "ci")).criteria, "iterative-cycles")).toEqual({
      criterion: "iterative-cycles",
      met: null,
      reason: "one cycle so far, not yet at Act",
    });
    const empty = fidelity(ramp([], "ci"));
    expect(empty.criteria.map((c) => c.met)).toEqual([null, null, null, null, null]);
    expect(empty.score).toBeNull();
  });
});

describe("fidelity of a single cycle", () => {
  const weak: PdsaCycle = deepFreeze({
    id: "w",
    changeIdea: "ci",
    objective: "Try it",
    questions: [{ question: "Will it work?" }, { question: "Will parents come?", prediction: "Yes" }],
    plan: { who: "Team" },
    do: { date: "2024-03-01" },
    study: { results: [{ question: 1, result: "They came" }] },
    act: { decision: "adopt" },
  });

  it("explains each weakness", () => {
    const f = fidelity(weak);
    expect(f.cycle).toBe("w");
    expect(f.criteria).toEqual([
      { criterion: "iterative-cycles", met: false, reason: "single cycle with no next steps recorded at Act" },
      { criterion: "prediction-based", met: false, reason: "question 1 has no prediction; no Study result against question 1" },
      { criterion: "small-scale", met: null, reason: "scale not recorded (scale.size)" },
      { criterion: "data-over-time", met: false, reason: "no measure linked (measures), so the change's effect cannot be followed over time" },
      {
        criterion: "documentation",
        met: false,
        reason: "missing plan.what, plan.when, plan.where, plan.data, do.observations, study.learning, act.nextSteps (cycle at act)",
      },
    ]);
    expect([f.metCount, f.assessedCount, f.score]).toEqual([0, 4, 0]);
  });

  it("judges only the stages a cycle has reached", () => {
    const planned: PdsaCycle = { id: "p", changeIdea: "ci", objective: "o", questions: [{ question: "q", prediction: "p" }], scale: { description: "one family" } };
    expect(fidelity(planned).criteria).toEqual([
      { criterion: "iterative-cycles", met: null, reason: "single cycle not yet at Act" },
      { criterion: "prediction-based", met: true, reason: "1 question, each with a prediction (not yet studied)" },
      { criterion: "small-scale", met: null, reason: 'scale described ("one family") but not counted; record scale.size' },
      { criterion: "data-over-time", met: false, reason: "no measure linked (measures), so the change's effect cannot be followed over time" },
      { criterion: "documentation", met: false, reason: "missing plan.who, plan.what, plan.when, plan.where, plan.data (cycle at plan)" },
    ]);
  });

  it("counts an isolated cycle that postulates next steps as iterative (Taylor et al.)", () => {
    expect(fidelity({ ...weak, act: { decision: "adapt", nextSteps: "Try with three families" } }).criteria[0]).toEqual({
      criterion: "iterative-cycles",
      met: true,
      reason: "single cycle; next steps postulated at Act",
    });
  });

  it("needs questions to have a prediction-based test", () => {
    expect(fidelity({ ...weak, questions: [] }).criteria[1]).toEqual({ criterion: "prediction-based", met: false, reason: "no questions, so no prediction to test" });
  });
});

describe("fidelity options", () => {
  it("bad options are a QiError, not a TypeError (found by the document property suite)", async () => {
    const { fidelity } = await import("../../src/pdsa/index.js");
    const { QiError } = await import("../../src/_lib/error.js");
    const cycle = { id: "c1", changeIdea: "ci", objective: "Test", questions: [{ question: "Q?", prediction: "P" }] };
    expect(() => fidelity(cycle as never, { smallScaleMax: Symbol("s") as never })).toThrow(QiError);
    expect(() => fidelity(cycle as never, { dataPoints: 3 as never })).toThrow(/dataPoints must be a function/);
  });
});

// Sixteenth user trial: "started small with 1 child and grew to 12 reviews" compared a child with reviews.
describe("small-scale testing across units", () => {
  const unit = (c: PdsaCycle, u: string): PdsaCycle => ({ ...c, scale: { size: c.scale!.size!, unit: u } });
  const cycles = deepFreeze([unit(full("pdsa-1", 1, 1, "adapt", "2023-11-06"), "child"), unit(full("pdsa-2", 2, 4, "adapt", "2023-12-04"), "children"), unit(full("pdsa-3", 3, 12, "adopt", "2024-01-08"), "reviews")]);

  it("another unit at the end: the last size is given, not compared as growth", () => {
    const f = fidelity(ramp(cycles, "ci"));
    expect(byId(f.criteria, "small-scale")).toEqual({ criterion: "small-scale", met: true, reason: "started small with 1 child; the last sized cycle (pdsa-3) counts another unit, 12 reviews, so the sizes are not compared" });
    expect(byId(f.cycles[2]!.criteria, "small-scale")!.reason).toBe("tested on 12 reviews after a small test on 4 children (cycle pdsa-2)");
  });
  it("one unit in the singular and the plural ('child', 'children'): grew", () => {
    const f = fidelity(ramp(cycles.slice(0, 2), "ci"));
    expect(byId(f.criteria, "small-scale")!.reason).toBe("started small with 1 child and grew to 4 children");
    const g = fidelity(ramp([unit(cycles[0]!, "family"), unit(full("c2", 2, 9, "adopt", "2024-01-08"), "Families")], "ci"));
    expect(byId(g.criteria, "small-scale")!.reason).toBe("started small with 1 family and grew to 9 Families");
    expect(byId(g.cycles[1]!.criteria, "small-scale")!.reason).toBe("scaled up to 9 Families after a small test on 1 family (cycle pdsa-1)");
  });
});
