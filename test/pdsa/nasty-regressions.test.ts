// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import { checkPdsaCycle, cycleStage, fidelity, ramp, ramps } from "../../src/pdsa/index.js";
import { cycles } from "../project/fixture.js";


describe("fidelity's dataPoints callback", () => {
  const cycle = cycles[0]!; // linked to measure "proc"
  it("a result that is not a count is invalid-option at [options, dataPoints] (a symbol was a TypeError)", () => {
    for (const n of [Symbol("s"), Object.create(null), [Symbol("s")], 10n, Number.NaN, Number.POSITIVE_INFINITY, -1, "3", null]) {
      const e = fails(() => fidelity(cycle, { dataPoints: () => n as never }));
      expect([e.code, e.path]).toEqual(["invalid-option", ["options", "dataPoints"]]);
    }
    expect(fails(() => fidelity(cycle, { dataPoints: () => Symbol("s") as never })).message).toContain('dataPoints("proc")');
  });
  it("a count or undefined still works", () => {
    const met = (n: number | undefined) => fidelity(cycle, { dataPoints: () => n }).criteria.find((c) => c.criterion === "data-over-time")!.met;
    expect(met(5)).toBe(true);
    expect(met(undefined)).toBe(false);
  });
});

describe("a malformed PDSA cycle or list of cycles (the whole-document sweep)", () => {
  const cycle = cycles[0]!;
  it("cycleStage, ramp, ramps and fidelity throw invalid-value at the argument's path (were TypeErrors)", () => {
    for (const [f, path] of [
      [() => cycleStage(null as never), ["cycle"]],
      [() => cycleStage({ ...cycle, act: { decision: Symbol("s") } } as never), ["cycle", "act", "decision"]],
      [() => ramp(null as never, "c1"), ["cycles"]],
      [() => ramp([null] as never, "c1"), ["cycles", 0]],
      [() => ramp([{ ...cycle, sequence: 10n }] as never, "c1"), ["cycles", 0, "sequence"]],
      [() => ramps([cycle, { ...cycle, do: { date: Object.create(null) } }] as never), ["cycles", 1, "do", "date"]],
      [() => fidelity(undefined as never), ["subject"]],
      [() => fidelity({ ...cycle, questions: [null] } as never), ["subject", "questions", 0]],
      [() => fidelity({ ...ramp(cycles, cycle.changeIdea), cycles: [Symbol("s")] } as never), ["subject", "cycles", 0]],
    ] as const) {
      const e = fails(f);
      expect([e.code, e.path]).toEqual(["invalid-value", path]);
    }
    expect(fails(() => ramp([{}] as never, "c1")).message).toContain("parse each with parsePdsaCycle");
  });
  it("checkPdsaCycle reports shape problems as issues relative to the cycle, and never throws for them", () => {
    expect(checkPdsaCycle(null as never)).toEqual([expect.objectContaining({ severity: "error", code: "invalid-value", path: [] })]);
    expect(checkPdsaCycle({ ...cycle, do: { date: Symbol("s") } } as never).map((i) => [i.code, i.path])).toEqual([["invalid-value", ["do", "date"]]]);
    expect(checkPdsaCycle({ ...cycle, questions: undefined } as never).map((i) => i.path)).toEqual([["questions"]]);
  });
});
