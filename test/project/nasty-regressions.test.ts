// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import { rollUp, summariseVerdict } from "../../src/project/index.js";
import { project } from "./fixture.js";

const fails = (f: () => unknown): QiError => {
  try {
    f();
  } catch (e) {
    if (e instanceof QiError) return e;
    throw e;
  }
  throw new Error("expected a QiError");
};

describe("summariseVerdict with something that is not a chart", () => {
  it("is invalid-value naming what is missing (was 'Cannot read properties of undefined')", () => {
    expect([fails(() => summariseVerdict(null as never)).code, fails(() => summariseVerdict(null as never)).path]).toEqual(["invalid-value", ["chart"]]);
    expect(fails(() => summariseVerdict(Symbol("s") as never)).path).toEqual(["chart"]);
    expect(fails(() => summariseVerdict({} as never)).path).toEqual(["chart", "signals"]);
    expect(fails(() => summariseVerdict({ signals: [null] } as never)).path).toEqual(["chart", "signals", 0]);
    expect(fails(() => summariseVerdict({ signals: [], phases: 5 } as never)).path).toEqual(["chart", "phases"]);
  });
  it("a last phase that is not an object, or a message that is not text, no longer throws", () => {
    expect(summariseVerdict({ signals: [], phases: [null] } as never).kind).toBe("no-signal");
    const v = summariseVerdict({ signals: [{ rule: "shift", assessment: "improvement", message: Object.create(null), end: 3 }] } as never);
    expect(v).toEqual({ kind: "improvement", text: "improvement signal: an object", rule: "shift", signals: 1 });
  });
});

describe("rollUp options", () => {
  it("null options and an analyse that is not a function are invalid-option (were TypeErrors)", () => {
    expect([fails(() => rollUp(project, null as never)).code, fails(() => rollUp(project, null as never)).path]).toEqual(["invalid-option", ["options"]]);
    const e = fails(() => rollUp(project, { analyse: Symbol("s") as never }));
    expect([e.code, e.path]).toEqual(["invalid-option", ["options", "analyse"]]);
  });
  it("an analyse that returns garbage gives that measure an error verdict", () => {
    const r = rollUp(project, { analyse: () => Symbol("s") as never });
    expect(r.measures.map((m) => m.verdict.kind)).toEqual(["error", "error", "error"]);
    expect(r.measures[0]!.verdict.text).toBe("could not analyse: chart must be a runChart() or controlChart() result (or { signals, phases }), not an object (at chart)");
  });
});
