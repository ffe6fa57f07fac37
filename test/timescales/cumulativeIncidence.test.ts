import fc from "fast-check";
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/cuminc.json" with { type: "json" };
import { cumulativeIncidence, kaplanMeier } from "../../src/timescales/index.js";
import { catchError, deepFreeze } from "./_helpers.js";

interface Case {
  id: string;
  days: number[];
  route: string[];
  out: {
    time: number[];
    nRisk: number[];
    nEvent: Record<string, number[]>;
    cuminc: Record<string, number[]>;
    stdErr: Record<string, number[]>;
    lower: Record<string, (number | null)[]>;
    upper: Record<string, (number | null)[]>;
    waiting: number[];
    waitingStdErr: number[];
    waitingLower: (number | null)[];
    waitingUpper: (number | null)[];
  };
}
const ROUTES = ["home", "permanence-order", "kinship-order", "adoption"];
const cases = fixture as unknown as Case[];

/** Equal to 1e-9 relative (the oracle keeps 12 significant digits); zeros and nulls exactly. */
function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  if (b === 0) return Math.abs(a) < 1e-12;
  return Math.abs(a - b) <= 1e-9 * Math.abs(b);
}

/** Every field of one case; returns the differences found (empty when it agrees). */
function compare(c: Case): string[] {
  const rows = c.days.map((days, i) => ({ days, route: c.route[i] }));
  const ci = cumulativeIncidence(deepFreeze(rows), { censored: "censored", routes: ROUTES });
  const o = c.out;
  const bad: string[] = [];
  if (ci.steps.length !== o.time.length) return [`${c.id}: ${ci.steps.length} steps, R has ${o.time.length}`];
  ci.steps.forEach((s, j) => {
    const check = (name: string, a: number | null, b: number | null) => {
      if (!close(a, b)) bad.push(`${c.id} t=${s.time} ${name}: ${a} vs R ${b}`);
    };
    check("time", s.time, o.time[j]!);
    check("nRisk", s.nRisk, o.nRisk[j]!);
    for (const r of ROUTES) {
      check(`nEvent.${r}`, s.nEvent[r]!, o.nEvent[r]![j]!);
      check(`cuminc.${r}`, s.cuminc[r]!, o.cuminc[r]![j]!);
      check(`stdErr.${r}`, s.stdErr[r]!, o.stdErr[r]![j]!);
      check(`lower.${r}`, s.lower[r]!, o.lower[r]![j]!);
      check(`upper.${r}`, s.upper[r]!, o.upper[r]![j]!);
    }
    check("waiting", s.waiting, o.waiting[j]!);
    check("waitingStdErr", s.waitingStdErr, o.waitingStdErr[j]!);
    check("waitingLower", s.waitingLower, o.waitingLower[j]!);
    check("waitingUpper", s.waitingUpper, o.waitingUpper[j]!);
  });
  return bad;
}

describe("cumulativeIncidence against R survival 3.5-3 (test/fixtures/cuminc.json)", () => {
  it.each(cases.map((c) => [c.id, c] as const))("%s: every field to 1e-9 relative", (_id, c) => {
    expect(compare(c)).toEqual([]);
  });
  it("all cases agree", () => {
    const agree = cases.filter((c) => compare(c).length === 0).length;
    console.log(`cuminc oracle: ${agree}/${cases.length} cases agree`);
    expect(agree).toBe(cases.length);
  });
});

describe("cumulativeIncidence: worked example and invariants", () => {
  const rows = deepFreeze([
    { child: "A", days: 10, route: "home" },
    { child: "B", days: 20, route: "adoption" },
    { child: "C", days: 30, route: null },
    { child: "D", days: 40, route: "home" },
  ]);
  it("hand-worked: 4 children, one censored", () => {
    const ci = cumulativeIncidence(rows);
    // t=10: 1 of 4 home → F_home 0.25, S 0.75; t=20: 1 of 3 adopted → F_adoption 0.75/3 = 0.25, S 0.5;
    // t=40: 1 of 1 home → F_home 0.25 + 0.5 = 0.75, S 0.
    expect(ci.steps.map((s) => [s.time, s.nRisk, s.cuminc.home, s.cuminc.adoption, s.waiting])).toEqual([
      [10, 4, 0.25, 0, 0.75],
      [20, 3, 0.25, 0.25, 0.5],
      [40, 1, 0.75, 0.25, 0],
    ]);
    expect(ci).toMatchObject({ n: 4, routes: ["home", "adoption"], events: { home: 2, adoption: 1 }, censored: 1, median: { home: 40, adoption: null }, waitingMedian: 30 });
    // Greenwood at t=10: S·√(1/(4·3)) = 0.75·0.288675…
    expect(ci.steps[0]!.waitingStdErr).toBeCloseTo(0.75 * Math.sqrt(1 / 12), 14);
    expect(JSON.parse(JSON.stringify(ci))).toEqual(ci);
  });
  it("single route: cuminc = 1 − Kaplan–Meier, and its SE is Greenwood's (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ days: fc.integer({ min: 0, max: 40 }), done: fc.boolean() }), { minLength: 1, maxLength: 60 }), (list) => {
        const ci = cumulativeIncidence(list, { route: (d) => (d.done ? "home" : null), routes: ["home"] });
        const km = kaplanMeier(list, { event: (d) => d.done });
        expect(ci.steps.length).toBe(km.steps.length);
        ci.steps.forEach((s, j) => {
          const k = km.steps[j]!;
          expect(s.time).toBe(k.time);
          expect(s.nRisk).toBe(k.nRisk);
          expect(Math.abs(s.cuminc.home! - (1 - k.survival))).toBeLessThan(1e-12);
          expect(Math.abs(s.waiting - k.survival)).toBeLessThan(1e-12);
          // KM's stdErr is of log S: S·se(log S) is the Greenwood SE of S.
          if (k.survival > 0) expect(Math.abs(s.waitingStdErr - k.survival * k.stdErr)).toBeLessThan(1e-9);
        });
        if (ci.median.home !== km.median) throw new Error(`median ${ci.median.home} vs KM ${km.median}`);
      }),
    );
  });
  it("routes and waiting add up to 1 at every time (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ days: fc.integer({ min: 0, max: 30 }), route: fc.constantFrom("a", "b", "c", null) }), { maxLength: 80 }), (list) => {
        const ci = cumulativeIncidence(list);
        for (const s of ci.steps) {
          const sum = ci.routes.reduce((acc, r) => acc + s.cuminc[r]!, s.waiting);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
        }
      }),
    );
  });
});

describe("cumulativeIncidence: bad input", () => {
  it("an unknown route names the child and the field", () => {
    const e = catchError(() => cumulativeIncidence([{ child: "X7", days: 3, route: "hmoe" }], { routes: ["home"] }));
    expect(e.code).toBe("unknown-route");
    expect(e.path).toEqual(["rows", 0, "route"]);
    expect(e.message).toMatch(/child "X7"/);
  });
  it("bad times, routes and options", () => {
    expect(catchError(() => cumulativeIncidence([{ days: Number.NaN, route: "a" }])).path).toEqual(["rows", 0, "days"]);
    expect(catchError(() => cumulativeIncidence([{ days: 1, route: 5 }])).path).toEqual(["rows", 0, "route"]);
    expect(catchError(() => cumulativeIncidence([], { z: -1 })).path).toEqual(["options", "z"]);
    expect(catchError(() => cumulativeIncidence([], { rotues: [] } as never)).code).toBe("unknown-option");
    expect(catchError(() => cumulativeIncidence([], { routes: ["a", "a"] })).path).toEqual(["options", "routes", 1]);
    expect(catchError(() => cumulativeIncidence("rows" as never)).path).toEqual(["rows"]);
  });
  it("no rows, or nobody left: no steps", () => {
    expect(cumulativeIncidence([]).steps).toEqual([]);
    expect(cumulativeIncidence([{ days: 3, route: null }], { routes: ["home"] })).toMatchObject({ steps: [], median: { home: null }, waitingMedian: null });
  });
});
