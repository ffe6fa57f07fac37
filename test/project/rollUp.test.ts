import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import type { Measure } from "../../src/measures/index.js";
import { rollUp, summariseVerdict, type ChartLike, type SeriesRow } from "../../src/project/index.js";
import { controlChart } from "../../src/spc/index.js";
import { deepFreeze } from "../pdsa/freeze.js";
import { project } from "./fixture.js";

// A hand-written stand-in for runChart(): one canned analysis per measure id.
const canned: Record<string, ChartLike> = {
  out: {
    signals: [
      { rule: "trend", assessment: "improvement", message: "5 points increasing", end: "2024-06-01", phase: 0 },
      { rule: "shift", assessment: "improvement", message: "6 points above the median", end: "2024-12-01", phase: 0 },
    ],
    phases: [{ signal: true }],
  },
  proc: { signals: [{ rule: "shift", assessment: "improvement", message: "old", end: 5, phase: 0 }], phases: [{ signal: true }, { signal: null }] },
  bal: { signals: [], phases: [{ signal: false }] },
};
const seen: Array<[string, number]> = [];
const analyse = (m: Measure, rows: readonly SeriesRow[]): ChartLike => {
  seen.push([m.id, rows.length]);
  return canned[m.id]!;
};

describe("rollUp", () => {
  const input = deepFreeze(structuredClone(project));
  const r = rollUp(input, { analyse });

  it("summarises each measure's latest verdict from the injected analysis", () => {
    expect(seen).toEqual([
      ["out", 12],
      ["proc", 12],
      ["bal", 12],
    ]);
    expect(r.measures.map((m) => [m.id, m.verdict])).toEqual([
      ["out", { kind: "improvement", text: "improvement signal: 6 points above the median (and 1 other signal in this phase: 1 trend)", rule: "shift", signals: 2 }],
      ["proc", { kind: "insufficient-data", text: "insufficient data", rule: null, signals: 0 }],
      ["bal", { kind: "no-signal", text: "no signal", rule: null, signals: 0 }],
    ]);
    expect(r.measures[1]).toMatchObject({ points: 11, latest: { x: "2024-12-01", y: 75 }, unit: "%", target: null });
    expect(r.measures[0]!.target).toEqual({ value: 80 });
  });

  it("gives each change idea its status from its ramp", () => {
    expect(r.changeIdeas).toEqual([
      {
        id: "c1",
        label: "Two-week meeting",
        status: "adopted",
        decision: "adopt",
        cycles: ["k1", "k2"],
        firstDate: "2024-03-04",
        lastDate: "2024-04-08",
        parents: ["s1", "s2"],
        // no Study results (prediction-based) and a thin Plan (documentation) are the two misses
        fidelity: { score: 0.6, metCount: 3, assessedCount: 5 },
      },
      {
        id: "c2",
        label: "Early kinship assessment",
        status: "testing",
        decision: null,
        cycles: ["j1"],
        firstDate: "2024-05-13",
        lastDate: "2024-05-13",
        parents: ["s2"],
        // predictions made (not yet studied), and data over time: j1 names no measure but is
        // charted on the measures linked above its change idea (chartedCycles), which have data;
        // iteration and scale not assessable
        fidelity: { score: 2 / 3, metCount: 2, assessedCount: 3 },
      },
    ]);
  });

  it("counts each driver's change ideas (once each, through every path) by status", () => {
    const zero = { changeIdeas: 0, untested: 0, testing: 0, adopted: 0, adapted: 0, abandoned: 0, tested: 0 };
    expect(r.drivers.map((d) => [d.id, d.kind, d.coverage])).toEqual([
      ["p1", "primary", { ...zero, changeIdeas: 2, testing: 1, adopted: 1, tested: 2 }],
      ["p2", "primary", { ...zero, changeIdeas: 2, testing: 1, adopted: 1, tested: 2 }],
      ["s1", "secondary", { ...zero, changeIdeas: 1, adopted: 1, tested: 1 }],
      ["s2", "secondary", { ...zero, changeIdeas: 2, testing: 1, adopted: 1, tested: 2 }],
    ]);
    expect(r.aim.coverage).toEqual({ ...zero, changeIdeas: 2, testing: 1, adopted: 1, tested: 2 });
    expect(r.aim.check.smart).toBe(true);
  });

  it("turns PDSA cycles into chart annotations, per measure and overall", () => {
    const k1 = { x: "2024-03-04", label: "Two-week meeting: PDSA 1", changeIdea: "c1", cycle: "k1", decision: "adapt" };
    const k2 = { x: "2024-04-08", label: "Spread to all teams", changeIdea: "c1", cycle: "k2", decision: "adopt" };
    const j1 = { x: "2024-05-13", label: "Early kinship assessment: PDSA 1", changeIdea: "c2", cycle: "j1", decision: null };
    expect(r.annotations).toEqual([k1, k2, j1]);
    // k1, k2 name "proc" explicitly; j1 names none, so it goes on measures linked to c2 or above (aim: out; p2: bal).
    expect(r.measures.map((m) => [m.id, m.annotations])).toEqual([
      ["out", [j1]],
      ["proc", [k1, k2]],
      ["bal", [j1]],
    ]);
    expect(r.issues).toEqual([]);
  });

  it("is JSON-serialisable and leaves the project untouched", () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(input).toEqual(project);
  });

  it("without an analyser says 'not analysed'; without data 'insufficient data'; a QiError is reported, not thrown", () => {
    const plain = rollUp(project);
    expect(plain.measures.map((m) => m.verdict.kind)).toEqual(["not-analysed", "not-analysed", "not-analysed"]);
    const empty = rollUp({ ...project, data: [{ measure: "out", rows: [{ x: "2024-01-01", y: null }] }] }, { analyse });
    expect(empty.measures.map((m) => m.verdict.text)).toEqual(["insufficient data", "insufficient data", "insufficient data"]);
    const failing = rollUp(project, {
      analyse: () => {
        throw new QiError("duplicate-x", ["data", 3, "x"], "duplicate x");
      },
    });
    expect(failing.measures[0]!.verdict).toEqual({ kind: "error", text: "could not analyse: duplicate x (at data[3].x)", rule: null, signals: 0 });
    expect(() =>
      rollUp(project, {
        analyse: () => {
          throw new TypeError("bug");
        },
      }),
    ).toThrow(TypeError);
  });

  it("passes fidelity options through", () => {
    const strict = rollUp(project, { fidelity: { smallScaleMax: 0 } });
    expect(strict.changeIdeas[0]!.fidelity).toEqual({ score: 0.4, metCount: 2, assessedCount: 5 });
  });
});

describe("summariseVerdict", () => {
  it("uses the latest signal of the current phase", () => {
    expect(
      summariseVerdict({
        signals: [
          { rule: "shift", assessment: "improvement", message: "old shift", end: "2024-05-01", phase: 0 },
          { rule: "trend", assessment: "deterioration", message: "5 points decreasing", end: new Date("2025-03-01"), phase: 1 },
          { rule: "astronomical", assessment: "neutral", message: "one unusual point", end: "2025-02-01", phase: 1 },
        ],
        phases: [{ signal: true }, { signal: true }],
      }),
    ).toEqual({ kind: "deterioration", text: "deterioration signal: 5 points decreasing (and 1 other signal in this phase: 1 astronomical point)", rule: "trend", signals: 2 });
  });

  it("prefers a signal with a direction over a later whole-phase verdict, and compares numeric ends", () => {
    expect(
      summariseVerdict({
        signals: [
          { rule: "runs", assessment: "neutral", message: "too few runs", end: 23 },
          { rule: "shift", assessment: "improvement", message: "shift", end: 9 },
          { rule: "trend", assessment: "deterioration", message: "trend", end: 5 },
        ],
      }),
    ).toEqual({ kind: "improvement", text: "improvement signal: shift (and 2 other signals in this phase: runs, 1 trend)", rule: "shift", signals: 3 });
  });

  it("calls a signal without direction just a signal", () => {
    expect(
      summariseVerdict({
        signals: [
          { rule: "runs", assessment: "neutral", message: "too few runs", end: 23 },
          { rule: "shift", assessment: "neutral", message: "shift", end: 9 },
        ],
      }),
    ).toEqual({ kind: "signal", text: "signal: too few runs (and 1 other signal in this phase: 1 shift)", rule: "runs", signals: 2 });
  });

  it("says no signal / insufficient data", () => {
    expect(summariseVerdict({ signals: [] }).text).toBe("no signal");
    expect(summariseVerdict({ signals: [], phases: [{ signal: null }] }).kind).toBe("insufficient-data");
  });
});

describe("the names other code relies on (issue #5)", () => {
  it("scoreFidelity and toMermaid are fidelity and driverDiagramToMermaid", async () => {
    const lib = await import("../../src/index.js");
    expect(lib.scoreFidelity).toBe(lib.fidelity);
    expect(lib.toMermaid).toBe(lib.driverDiagramToMermaid);
    for (const name of ["parseProject", "safeParseProject", "parsePdsaCycle", "safeParsePdsaCycle", "parseDriverDiagram", "safeParseDriverDiagram", "parseMeasure", "safeParseMeasure", "validateDriverDiagram", "rollUp"]) {
      expect(typeof (lib as Record<string, unknown>)[name]).toBe("function");
    }
  });
});

// Thirteenth user trial: a p chart of 9 financial years with no signal said "no signal" in the
// report's terminal lines and measure section, while its board table said "too few points".
describe("summariseVerdict: a control chart too short for firm limits", () => {
  const nine = Array.from({ length: 9 }, (_, i) => ({ y: 10 + (i % 3), n: 100 }));
  const TEXT = "no signal, but the chart has only 9 points: too few to call the variation common cause (limits need at least 12; Provost & Murray 2011)";

  it("9 points, no signal: insufficient data, in the summary's words", () => {
    const chart = controlChart(nine, { type: "p", y: "y", n: "n" });
    expect(chart.signals).toEqual([]);
    expect(summariseVerdict(chart as unknown as ChartLike)).toEqual({ kind: "insufficient-data", text: TEXT, rule: null, signals: 0 });
  });

  it("12 points is enough; a run chart of 9 points is judged by its own rules; a short earlier phase does not count", () => {
    const twelve = Array.from({ length: 12 }, (_, i) => ({ y: 10 + (i % 3), n: 100 }));
    expect(summariseVerdict(controlChart(twelve, { type: "p", y: "y", n: "n" }) as unknown as ChartLike).text).toBe("no signal");
    expect(summariseVerdict({ signals: [], phases: [{ signal: false, nObs: 9, centre: 10 }] }).text).toBe("no signal");
    const phased = { type: "p", signals: [], phases: [{ nObs: 5, centre: 10 }, { nObs: 14, centre: 11 }] };
    expect(summariseVerdict(phased).text).toBe("no signal");
  });

  it("a short current phase of several: 'the current phase has'; a signal in it is the verdict", () => {
    const phased = { type: "i", signals: [], phases: [{ nObs: 20, centre: 10 }, { nObs: 1, centre: 11 }] };
    expect(summariseVerdict(phased)).toEqual({ kind: "insufficient-data", text: "no signal, but the current phase has only 1 point: too few to call the variation common cause (limits need at least 12; Provost & Murray 2011)", rule: null, signals: 0 });
    const signal = { rule: "beyond-limits", assessment: "improvement" as const, message: "1 point above the upper limit", end: 8, phase: 0 };
    expect(summariseVerdict({ type: "i", signals: [signal], phases: [{ nObs: 9, centre: 10 }] }).kind).toBe("improvement");
  });
});
