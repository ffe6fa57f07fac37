// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import { rollUp, summariseVerdict, validateProject } from "../../src/project/index.js";
import { project } from "./fixture.js";


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

describe("a malformed project (the whole-document sweep)", () => {
  const p = project as unknown as Record<string, unknown>;
  it("rollUp throws invalid-value at [project, …] (were TypeErrors)", () => {
    for (const [value, path] of [
      [null, ["project"]],
      [{}, ["project", "title"]],
      [{ ...p, diagram: { ...project.diagram, nodes: Symbol("s") } }, ["project", "diagram", "nodes"]],
      [{ ...p, measures: [null] }, ["project", "measures", 0]],
      [{ ...p, cycles: [{ ...project.cycles[0]!, questions: 5 }] }, ["project", "cycles", 0, "questions"]],
      [{ ...p, data: [{ measure: "m1", rows: [{ x: "2024-01-01", y: 10n }] }] }, ["project", "data", 0, "rows", 0, "y"]],
    ] as const) {
      const e = fails(() => rollUp(value as never));
      expect([e.code, e.path]).toEqual(["invalid-value", path]);
    }
    expect(fails(() => rollUp({} as never)).message).toContain("parse it with parseProject first");
  });
  it("validateProject reports shape problems as issues from the project root, and never throws for them", () => {
    expect(validateProject(null as never)).toEqual({ valid: false, issues: [expect.objectContaining({ severity: "error", code: "invalid-value", path: [] })] });
    expect(validateProject({ ...p, measures: [{ ...project.measures[0]!, links: "aim" }] } as never).issues.map((i) => i.path)).toEqual([["measures", 0, "links"]]);
  });
  it("summariseVerdict checks each signal's assessment and rule (a symbol assessment was a TypeError)", () => {
    const signal = { rule: "shift", assessment: "improvement", message: "m", end: 3 };
    expect(codePathOf(() => summariseVerdict({ signals: [{ ...signal, assessment: Symbol("s") }] } as never))).toEqual(["invalid-value", ["chart", "signals", 0, "assessment"]]);
    expect(codePathOf(() => summariseVerdict({ signals: [{ ...signal, rule: 10n }] } as never))).toEqual(["invalid-value", ["chart", "signals", 0, "rule"]]);
  });
});

function codePathOf(f: () => unknown): [string, unknown] {
  const e = fails(f);
  return [e.code, e.path];
}
