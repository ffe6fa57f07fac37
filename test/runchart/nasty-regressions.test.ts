// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import { anhoejLimits, runRulesOf, runsLimits } from "../../src/runchart/index.js";

const fails = (f: () => unknown): QiError => {
  try {
    f();
  } catch (e) {
    if (e instanceof QiError) return e;
    throw e;
  }
  throw new Error("expected a QiError");
};

describe("run-chart helpers with values that are not numbers", () => {
  it("runRulesOf(Symbol()) is invalid-option at [mask] (was a TypeError)", () => {
    const e = fails(() => runRulesOf(Symbol("s") as never));
    expect([e.code, e.path]).toEqual(["invalid-option", ["mask"]]);
    expect(fails(() => runRulesOf(10n as never)).path).toEqual(["mask"]);
    expect(runRulesOf(3)).toEqual(["shift", "trend"]);
  });
  it("runsLimits: a symbol n, null options and a symbol alpha are invalid-option (were TypeErrors)", () => {
    const n = fails(() => runsLimits(Symbol("s") as never));
    expect([n.code, n.path]).toEqual(["invalid-option", ["n"]]);
    expect(n.message).toContain("not an object");
    const o = fails(() => runsLimits(20, null as never));
    expect([o.code, o.path]).toEqual(["invalid-option", ["options"]]);
    const a = fails(() => runsLimits(20, { alpha: Object.create(null) as never }));
    expect([a.code, a.path]).toEqual(["invalid-option", ["options", "alpha"]]);
  });
  it("anhoejLimits of a null-prototype object is invalid-option at [n] (was a TypeError)", () => {
    const e = fails(() => anhoejLimits(Object.create(null) as never));
    expect([e.code, e.path]).toEqual(["invalid-option", ["n"]]);
    expect(anhoejLimits(24)).toEqual({ longestRunMax: 8, crossingsMin: 8 });
  });
});
