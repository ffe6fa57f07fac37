import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  QiError,
  addNode,
  ancestors,
  checkAim,
  checkMeasure,
  checkPdsaCycle,
  controlChart,
  cycleStage,
  descendants,
  driverDiagramToMermaid,
  escapeMermaid,
  familyOfMeasures,
  fidelity,
  jsonSchemas,
  pathsToAim,
  ramp,
  ramps,
  relink,
  removeNode,
  rollUp,
  runChart,
  summariseVerdict,
  validateDriverDiagram,
  validateProject,
} from "../../src/index.js";
import type { DriverDiagram, Measure, PdsaCycle, Project, RollUpOptions } from "../../src/index.js";
import { PARSERS, SEEDS, hostileJson, mutate, mutation } from "./_documents.js";
import { deepFreeze, expectFinite, expectNoPollution, indexish, isoDay, junkValue, qiOnly, snapshot } from "./_reliability.js";
import { runs } from "../_shared/zone.js";

const TARGETS = Object.keys(PARSERS);

/** A seed (of any target) mutated a few times, or hostile JSON outright. */
const docFor = (target: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...SEEDS[target]!), fc.array(mutation, { minLength: 0, maxLength: 4 })).map(([s, ms]) => mutate(s, ms)) },
    { weight: 1, arbitrary: hostileJson },
  );

/** parse and safeParse agree; only QiError("invalid-document") with issues comes out; input untouched. */
function checkParser(target: string, doc: unknown): unknown {
  const { parse, safeParse } = PARSERS[target]!;
  deepFreeze(doc);
  const before = snapshot(doc);
  const thrown = qiOnly(() => parse(doc));
  const safe = qiOnly(() => safeParse(doc));
  expect(safe.ok).toBe(true);
  const s = safe.ok ? safe.value : null!;
  expect(s.success).toBe(thrown.ok);
  if (!thrown.ok) {
    expect(thrown.error.code).toBe("invalid-document");
    expect(thrown.error.issues.length).toBeGreaterThan(0);
    expect(s.error).toBeInstanceOf(QiError);
    expect((s.error as QiError).issues).toEqual(thrown.error.issues);
  }
  expect(snapshot(doc)).toBe(before);
  expectNoPollution();
  if (!thrown.ok) return undefined;
  // What parses is plain JSON and parses again to the same thing.
  const data = thrown.value;
  expect(Object.getPrototypeOf(data) === Object.prototype || Array.isArray(data)).toBe(true);
  expectFinite(data);
  const again = parse(JSON.parse(JSON.stringify(data)));
  expect(again).toEqual(data);
  return data;
}

const analysers: Record<string, RollUpOptions["analyse"]> = {
  run: (m, rows) => runChart(rows, { x: "x", y: "y", direction: m.direction }),
  control: (_m, rows) => {
    const c = controlChart(rows, { x: "x", y: "y", type: "i", rules: "ihi" });
    return { signals: c.signals, phases: c.phases.map((p) => ({ signal: p.runsSignal })) };
  },
  failing: () => {
    throw new QiError("empty-data", ["data"], "no");
  },
};

/** Every downstream function on a parsed (frozen) document: only QiError, finite, no mutation. */
function exerciseProject(project: Project, ids: readonly string[], pick: number, options: unknown): void {
  deepFreeze(project);
  const before = snapshot(project);
  for (const analyse of Object.values(analysers)) {
    const r = qiOnly(() => rollUp(project, { analyse: analyse!, fidelity: options as never }));
    if (r.ok) {
      expectFinite(r.value);
      expect(JSON.parse(JSON.stringify(r.value))).toEqual(r.value);
    }
  }
  const v = validateProject(project);
  expect(v.valid).toBe(true); // it parsed
  exerciseDiagram(project.diagram, ids, pick, options);
  exerciseCycles(project.cycles, options);
  for (const m of project.measures) exerciseMeasure(m);
  expectFinite(familyOfMeasures(project.measures));
  expect(snapshot(project)).toBe(before);
}

function exerciseDiagram(d: DriverDiagram, ids: readonly string[], pick: number, options: unknown): void {
  deepFreeze(d);
  const before = snapshot(d);
  const known = [d.aim.id, ...d.nodes.map((n) => n.id)];
  const id = [...known, ...ids][pick % (known.length + ids.length)]!;
  const other = known[(pick >> 3) % known.length]!;
  expectFinite(qiOnly(() => validateDriverDiagram(d, options as never)));
  const mer = qiOnly(() => driverDiagramToMermaid(d, options as never));
  if (mer.ok) {
    expect(typeof mer.value).toBe("string");
    // labels cannot break out of their quotes or inject markup
    for (const line of mer.value.split("\n").slice(1)) expect(line.includes("<") || line.includes("\r")).toBe(false);
  }
  expect(checkAim(d.aim).elements.length).toBe(4);
  for (const f of [
    (): unknown => ancestors(d, id),
    () => descendants(d, id),
    () => pathsToAim(d, id, options as never),
    () => addNode(d, { id: `${id}-new`, kind: "change", label: "new" }, [other]),
    () => addNode(d, { id, kind: "secondary", label: "dup" }),
    () => removeNode(d, id),
    () => relink(d, id, [other, { to: other, strength: "weak" }]),
    () => relink(d, id, options as never),
  ]) {
    const r = qiOnly(f);
    if (r.ok) expectFinite(r.value);
  }
  expect(snapshot(d)).toBe(before);
}

function exerciseCycles(cycles: readonly PdsaCycle[], options: unknown): void {
  deepFreeze(cycles);
  for (const c of cycles) {
    expect(["plan", "do", "study", "act"]).toContain(cycleStage(c));
    expectFinite(checkPdsaCycle(c));
    const f = qiOnly(() => fidelity(c, options as never));
    if (f.ok) {
      expectFinite(f.value);
      if (f.value.score !== null) expect(f.value.score >= 0 && f.value.score <= 1).toBe(true);
    }
  }
  for (const r of ramps(cycles)) {
    expectFinite(r);
    const f = qiOnly(() => fidelity(r, options as never));
    if (f.ok) expectFinite(f.value);
    expect(ramp(cycles, r.changeIdea)).toEqual(r);
  }
}

function exerciseMeasure(m: Measure): void {
  expectFinite(checkMeasure(m));
}

/** Options for the document functions: sensible, junk, or hostile. */
const docOptions = fc.oneof(
  fc.constant(undefined),
  fc.record({ smallScaleMax: indexish, minDataPoints: indexish, limit: indexish, classes: junkValue, smartAim: junkValue, allowedLinks: fc.oneof(fc.constant({ change: ["secondary", "primary"] }), junkValue) }, { requiredKeys: [] }),
);

describe("document parsers (property tests)", () => {
  for (const target of TARGETS) {
    it(`${target}: mutated and hostile documents give a QiError or a plain, re-parseable document`, () => {
      fc.assert(
        fc.property(docFor(target), (doc) => {
          checkParser(target, doc);
        }),
        { numRuns: runs(target === "project" ? 120 : 250) },
      );
    });
  }

  it("every function downstream of a successful parse throws only QiError, stays finite and mutates nothing", () => {
    const ids = ["__proto__", "constructor", "toString", "", "nope"];
    fc.assert(
      fc.property(docFor("project"), fc.nat(), docOptions, (doc, pick, options) => {
        const project = checkParser("project", doc) as Project | undefined;
        if (project === undefined) return;
        exerciseProject(project, ids, pick, options);
      }),
      { numRuns: runs(60) },
    );
    fc.assert(
      fc.property(docFor("driver-diagram"), fc.nat(), docOptions, (doc, pick, options) => {
        const d = checkParser("driver-diagram", doc) as DriverDiagram | undefined;
        if (d !== undefined) exerciseDiagram(d, ids, pick, options);
      }),
      { numRuns: runs(200) },
    );
    fc.assert(
      fc.property(fc.array(docFor("pdsa-cycle"), { maxLength: 4 }), docOptions, (docs, options) => {
        const cycles = docs.map((d) => checkParser("pdsa-cycle", d)).filter((c): c is PdsaCycle => c !== undefined);
        exerciseCycles(cycles, options);
      }),
      { numRuns: runs(200) },
    );
  });

  it("the unmutated seeds parse", () => {
    for (const target of TARGETS) for (const s of SEEDS[target]!) expect(checkParser(target, JSON.parse(s))).toBeDefined();
  });

  it("escapeMermaid leaves no character that ends a quoted label or starts markup", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const e = escapeMermaid(s);
        expect(/["<>`\n\r]/.test(e)).toBe(false);
      }),
      { numRuns: runs(500) },
    );
  });

  it("summariseVerdict accepts any chart-like object and throws only QiError", () => {
    // ChartLike comes from runChart/controlChart or a caller's analyser: JSON-like values of any shape.
    const json = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.date({ noInvalidDate: false }), fc.constantFrom(undefined, Number.NaN, "2024-02-30"));
    const signal = fc.record({ rule: fc.oneof(fc.string(), json), assessment: fc.oneof(fc.constantFrom("improvement", "deterioration", "neutral"), json), message: fc.oneof(fc.string(), json), end: fc.oneof(fc.integer(), isoDay, json), phase: fc.oneof(fc.integer({ min: 0, max: 3 }), json) }, { requiredKeys: ["rule", "assessment", "message", "end"] });
    fc.assert(
      fc.property(fc.record({ signals: fc.array(signal, { maxLength: 5 }), phases: fc.option(fc.array(fc.record({ signal: fc.oneof(fc.boolean(), fc.constant(null)) }), { maxLength: 3 }), { nil: undefined }) }, { requiredKeys: ["signals"] }), (chart) => {
        const r = qiOnly(() => summariseVerdict(chart as never));
        if (r.ok) expect(typeof r.value.text).toBe("string");
      }),
      { numRuns: runs(300) },
    );
  });

  it("jsonSchemas builds every schema, JSON-serialisable, fresh each call", () => {
    const a = jsonSchemas();
    expect(Object.keys(a).sort()).toEqual(["driver-diagram", "measure", "pdsa-cycle", "project"]);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(jsonSchemas()).not.toBe(a);
  });
});
