/**
 * Minimal counterexamples found by the reliability property suites (issue #8), one test per bug,
 * each with the fix it checks.
 */
import { describe, expect, it } from "vitest";
import { QiError, addNode, c4, c5, controlChart, driftList, relink, kaplanMeier, simulateCases, stageDurations, timescaleSeries } from "../../src/index.js";
import { nonFinite } from "../property/_reliability.js";

const codeOf = (f: () => unknown): [string, readonly (string | number)[]] | null => {
  try {
    f();
    return null;
  } catch (e) {
    if (!(e instanceof QiError)) throw e;
    return [e.code, e.path];
  }
};

describe("controlChart regressions", () => {
  it("uclAverage/lclAverage of limits near ±MAX_VALUE do not overflow to ±Infinity", () => {
    // was: uclAverage Infinity, lclAverage -Infinity (the limits were summed before dividing)
    const c = controlChart([0, 0, 1e308], {});
    expect(nonFinite(c)).toEqual([]);
    expect(c.phases[0]!.uclAverage).toBe(c.points[0]!.ucl);
    expect(c.phases[0]!.lclAverage).toBe(c.points[0]!.lcl);
  });

  it("a g chart phase whose baseline has no value reports mean null, not NaN", () => {
    // was: phases[0].mean NaN
    const c = controlChart([{ x: 0, y: null }, { x: 1, y: 0 }], { type: "g", x: "x", y: "y", baseline: 1 });
    expect(c.phases[0]!.mean).toBeNull();
    expect(c.warnings.map((w) => w.code)).toContain("no-centre");
    expect(nonFinite(c)).toEqual([]);
  });

  it("a fixed centre outside the statistic's range is an invalid-option (limits used to cross)", () => {
    // was: mr chart with centre -1 gave ucl -3.267 below lcl 0
    expect(codeOf(() => controlChart([1, 2, 3], { type: "mr", centre: -1 }))).toEqual(["invalid-option", ["options", "centre"]]);
    expect(codeOf(() => controlChart([1, 2, 3], { type: "c", centre: [null, -0.5], phases: [1] }))).toEqual(["invalid-option", ["options", "centre", 1]]);
    const rows = [{ y: 1, n: 4 }, { y: 2, n: 4 }, { y: 3, n: 4 }];
    expect(codeOf(() => controlChart(rows, { type: "p", y: "y", n: "n", centre: 1.5 }))).toEqual(["invalid-option", ["options", "centre"]]);
    expect(codeOf(() => controlChart(rows, { type: "p", y: "y", n: "n", centre: 50, multiply: 100 }))).toBeNull();
    expect(codeOf(() => controlChart([-5, 1, 2], { type: "i", centre: -10 }))).toBeNull();
  });
});

describe("SPC constant regressions", () => {
  it("c4 and c5 stay accurate for very large subgroups", () => {
    // was: c4(1e9) = 1.0000049, c5(1e9) = NaN; c4(1e15) = 0.397
    expect(c4(1e9)).toBeLessThan(1);
    expect(c4(1e15)).toBeGreaterThan(0.999999);
    expect(c5(1e9)).toBeCloseTo(Math.sqrt(1 / 2e9), 12);
    expect(c4(1e6)).toBeCloseTo(1 - 1 / 4e6 - 7 / 32e12, 15);
  });
});

describe("timescales regressions", () => {
  it("kaplanMeier: the median midpoint of times near MAX_VALUE is finite", () => {
    // was: median Infinity ((a + b) / 2 overflowed)
    const km = kaplanMeier([{ days: 1.7e308, censored: false }, { days: 1e308, censored: false }]);
    expect(km.median).toBe(1.35e308);
  });

  it("kaplanMeier: null rows with a time accessor and null options are QiErrors or handled, not TypeErrors", () => {
    // was: TypeError reading 'censored' of null / reading 'time' of null
    expect(kaplanMeier([null], { time: () => 1 }).events).toBe(1);
    expect(codeOf(() => kaplanMeier([], null as never))).toEqual(["invalid-option", ["options"]]);
  });

  it("stageDurations: a catalogue with non-array routes or id-less milestones is an invalid-option", () => {
    // was: TypeError "bigint is not iterable"
    expect(codeOf(() => stageDurations([], "adm", { catalogue: { milestones: [], routes: 10n } as never }))).toEqual(["invalid-option", ["options", "catalogue", "routes"]]);
    expect(codeOf(() => stageDurations([], "adm", { catalogue: { milestones: [null] } as never }))).toEqual(["invalid-option", ["options", "catalogue", "milestones", 0, "id"]]);
    expect(codeOf(() => stageDurations([], "adm", null as never))).toEqual(["invalid-option", ["options"]]);
  });

  it("timescaleSeries: a missing or partial durations object is a QiError", () => {
    // was: TypeError reading 'rows' of undefined / 'target' of undefined
    expect(codeOf(() => timescaleSeries(undefined as never))).toEqual(["invalid-value", ["durations"]]);
    expect(timescaleSeries({ rows: [] } as never)).toEqual([]);
    expect(codeOf(() => timescaleSeries({ rows: [], asOf: 5 } as never))).toEqual(["invalid-date", ["durations", "asOf"]]);
    expect(codeOf(() => timescaleSeries([], null as never))).toEqual(["invalid-option", ["options"]]);
  });

  it("driftList: caller-supplied rows are checked; rows without a target are not drifting", () => {
    // was: a row { censored: 2**53 } gave daysOpen undefined and daysOverTarget NaN
    expect(codeOf(() => driftList([{ start: "2024-01-01", days: Number.NaN, censored: false }, { censored: 2 ** 53 }] as never))).toEqual(["invalid-value", ["durations", 0, "days"]]);
    expect(codeOf(() => driftList([{ start: "2024-01-01", days: 5, censored: true }, { start: "2024-01-01", censored: 1, days: 3 }] as never))).toEqual(["invalid-value", ["durations", 1, "censored"]]);
    expect(driftList([{ start: "2024-01-01", days: 500, censored: true }] as never)).toEqual([]);
    expect(codeOf(() => driftList([], undefined, { target: "x" } as never))).toEqual(["invalid-option", ["options", "target"]]);
    expect(codeOf(() => driftList({ rows: [] } as never))).toEqual(["missing-target", ["durations", "stage", "target"]]);
  });

  it("simulateCases: dates outside years 0000–9999 are rejected (events must parse back)", () => {
    // was: start -2222-10-29 produced events dated "-2222-10-30" that parseEvents rejects
    expect(codeOf(() => simulateCases({ children: 1, start: new Date("-002222-10-29T23:59:59.999Z"), end: "1990-01-01" }))).toEqual(["invalid-date", ["options", "start"]]);
  });
});

describe("driver diagram regressions", () => {
  const d = { aim: { id: "aim", statement: "Aim" }, nodes: [{ id: "p", kind: "primary" as const, label: "P" }], links: [{ from: "p", to: "aim" }] };
  it("relink and addNode check their parents and node arguments", () => {
    // was: TypeError "parents.map is not a function"
    expect(codeOf(() => relink(d, "p", {} as never))).toEqual(["invalid-option", ["parents"]]);
    expect(codeOf(() => relink(d, "p", [null] as never))).toEqual(["invalid-option", ["parents", 0]]);
    expect(codeOf(() => relink(d, "p", [{ to: "aim", strength: "medium" }] as never))).toEqual(["invalid-option", ["parents", 0, "strength"]]);
    expect(codeOf(() => addNode(d, null as never))).toEqual(["invalid-option", ["node"]]);
    expect(relink(d, "p", [{ to: "aim", strength: "weak" }]).links).toEqual([{ from: "p", to: "aim", strength: "weak" }]);
  });
});

describe("timescaleSeries bounded output", () => {
  it("asOf beyond year 9999 (given, or derived from a huge open duration) is an invalid-date, not millions of periods", () => {
    // was: a row { start: "2024-01-01", days: 5e7, censored: true } asked for 1.6 million monthly rows
    // (and ran the heap out under fast-check's shrinking)
    const rows = [{ child: "A", episode: 1, start: "2024-01-01", end: null, days: 5e7, censored: true, target: 10 }];
    expect(codeOf(() => timescaleSeries(rows as never, { series: "period" }))).toEqual(["invalid-date", ["durations", 0, "days"]]);
    expect(codeOf(() => timescaleSeries([], { series: "period", asOf: new Date(Date.UTC(20000, 0, 1)) }))).toEqual(["invalid-date", ["options", "asOf"]]);
    expect(timescaleSeries([{ ...rows[0]!, days: 10 }] as never, { series: "period" })).toHaveLength(1);
  });
});

describe("simulateCases bounded work", () => {
  it("more than 1,000,000 children (given, or by default over a long range) is an invalid-option", () => {
    // was: children 1e9 ran the heap out
    expect(codeOf(() => simulateCases({ children: 1e9, start: "2024-01-01", end: "2024-12-31" }))).toEqual(["invalid-option", ["options", "children"]]);
    expect(codeOf(() => simulateCases({ start: "0000-01-01", end: "9999-12-31" }))).toEqual(["invalid-option", ["options", "children"]]);
  });
});

describe("group keys that cannot be turned into text", () => {
  it("controlChart([new Date(0)], { by: '__proto__' }) is a QiError, not a TypeError (found by the SPC property suite)", async () => {
    const { controlChart, QiError } = await import("../../src/index.js");
    expect(() => controlChart([new Date(0)] as never, { by: "__proto__" as never })).toThrow(QiError);
  });
});
