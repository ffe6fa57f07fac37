// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import { fidelity } from "../../src/pdsa/index.js";
import { cycles } from "../project/fixture.js";

const fails = (f: () => unknown): QiError => {
  try {
    f();
  } catch (e) {
    if (e instanceof QiError) return e;
    throw e;
  }
  throw new Error("expected a QiError");
};

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
