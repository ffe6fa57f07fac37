import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anhoejBoxLimits,
  boxSignal,
  crossingsLongestRunDistribution,
  noSignalProbability,
  type AnhoejBoxLimits,
  type RunsMethod,
} from "../../src/_lib/crossrun.js";
import { normalCdf } from "../../src/_lib/crossrunDistribution.js";
import { QiError } from "../../src/_lib/error.js";
import cases from "../fixtures/qicharts2-run.json" with { type: "json" };
import { deepFreeze } from "../_shared/freeze.js";


/** Brute force: every one of the 2^n sequences, its crossings and longest run. */
function enumerate(n: number, p: number): number[][] {
  const out = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  for (let bits = 0; bits < 1 << n; bits++) {
    let crossings = 0;
    let run = 1;
    let longest = 1;
    let above = bits & 1;
    for (let i = 1; i < n; i++) {
      const b = (bits >> i) & 1;
      if (b === ((bits >> (i - 1)) & 1)) run++;
      else {
        crossings++;
        run = 1;
      }
      if (run > longest) longest = run;
      above += b;
    }
    out[crossings]![longest]! += p ** above * (1 - p) ** (n - above);
  }
  return out;
}

describe("crossingsLongestRunDistribution", () => {
  it("matches the crossrun vignette for n = 14 (times representation, ×2^13)", () => {
    const d = crossingsLongestRunDistribution(14);
    expect(d.probability[6]![5]! * 8192).toBeCloseTo(392, 9);
    expect(d.probability[7]![3]! * 8192).toBeCloseTo(756, 9);
    expect(d.probability[8]![3]! * 8192).toBeCloseTo(756, 9);
    // "The highest joint probability is P(C=7, L=3) = P(C=8, L=3)".
    const max = Math.max(...d.probability.flat());
    expect(max * 8192).toBeCloseTo(756, 9);
  });

  it("agrees with brute-force enumeration for n ≤ 12 and several p", () => {
    for (const p of [0.5, 0.6, normalCdf(0.8), 0.9]) {
      for (let n = 1; n <= 12; n++) {
        const want = enumerate(n, p);
        const got = crossingsLongestRunDistribution(n, p).probability;
        for (let c = 0; c < n; c++) {
          for (let l = 0; l <= n; l++) expect(Math.abs(got[c]![l]! - want[c]![l]!)).toBeLessThan(1e-14);
        }
      }
    }
  });

  it("has Binomial(n − 1, ½) crossings and sums to 1 (n = 60, 100)", () => {
    for (const n of [60, 100]) {
      const d = crossingsLongestRunDistribution(n);
      let total = 0;
      let choose = 1; // C(n − 1, c)
      for (let c = 0; c < n; c++) {
        const row = d.probability[c]!.reduce((a, b) => a + b, 0);
        expect(row).toBeCloseTo(choose / 2 ** (n - 1), 14);
        total += row;
        choose = (choose * (n - 1 - c)) / (c + 1);
      }
      expect(total).toBeCloseTo(1, 13);
    }
  });

  it("is symmetric in p ↔ 1 − p and returns fresh plain arrays", () => {
    const a = crossingsLongestRunDistribution(30, 0.7);
    const b = crossingsLongestRunDistribution(30, 0.3);
    for (let c = 0; c < 30; c++) for (let l = 0; l <= 30; l++) expect(a.probability[c]![l]!).toBeCloseTo(b.probability[c]![l]!, 15);
    a.probability[0]![30] = 99;
    expect(crossingsLongestRunDistribution(30, 0.7).probability[0]![30]).not.toBe(99);
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
  });

  it("rejects bad n and p", () => {
    expect(() => crossingsLongestRunDistribution(0)).toThrow(QiError);
    expect(() => crossingsLongestRunDistribution(101)).toThrow(QiError);
    expect(() => crossingsLongestRunDistribution(2.5)).toThrow(QiError);
    expect(() => crossingsLongestRunDistribution(10, 1)).toThrow(QiError);
    expect(() => crossingsLongestRunDistribution(10, Number.NaN)).toThrow(QiError);
  });
});

describe("normalCdf", () => {
  it("gives Φ to about 15 digits", () => {
    expect(normalCdf(0.8)).toBeCloseTo(0.7881446014166034, 15);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249978951482204, 15);
    expect(normalCdf(0)).toBe(0.5);
  });
});

// qicharts2 0.8.1, R/helper.functions.R, crsignal(): the bounds for n = 10..100, i.e. the
// results of Anhøj & Wentzel-Larsen (2020), Table 1. Facts used here to check our computation.
const QICHARTS2_CB = [
  2, 3, 3, 3, 3, 4, 5, 5, 5, 5, 6, 7, 6, 6, 6, 6, 9, 9, 9, 10, 11, 11, 11, 11, 11, 12, 13, 14, 13, 15, 15, 15, 14, 14,
  17, 17, 17, 17, 19, 19, 19, 19, 19, 21, 21, 21, 21, 23, 23, 23, 23, 23, 25, 25, 26, 26, 27, 27, 27, 28, 29, 29, 29,
  30, 30, 31, 31, 31, 32, 33, 33, 33, 34, 33, 35, 35, 35, 35, 37, 37, 38, 37, 39, 39, 39, 39, 39, 41, 41, 42, 41,
];
const QICHARTS2_LB = [
  6, 7, 6, 6, 6, 7, 8, 7, 7, 7, 7, 8, 7, 7, 7, 7, 9, 8, 8, 8, 10, 9, 8, 8, 8, 8, 9, 10, 8, 11, 9, 9, 8, 8, 10, 9, 9, 9,
  12, 10, 9, 9, 9, 11, 10, 9, 9, 12, 10, 10, 9, 9, 11, 10, 11, 10, 12, 10, 10, 11, 14, 11, 10, 11, 10, 12, 11, 10, 11,
  13, 11, 10, 11, 10, 11, 11, 10, 10, 12, 11, 12, 10, 13, 11, 11, 10, 10, 12, 11, 12, 10,
];
const _ = null;
const QICHARTS2_CBORD = [
  3, 4, _, _, _, 6, 6, _, 6, 6, _, _, 7, 7, 7, _, 10, 10, 11, _, 12, 14, _, 12, 13, _, 15, _, _, _, _, 17, _, _, _, _,
  19, 20, 20, 21, _, 21, 21, 23, 23, _, 23, 25, 24, 26, _, 24, 27, 27, 27, 27, 29, _, 29, 29, 30, 31, 30, 31, _, 32,
  34, 33, 33, 37, 35, _, 36, 36, _, 38, 36, 38, 38, 39, _, 39, 41, 40, 42, _, 41, 42, 44, 43, 42,
];
const QICHARTS2_LBORD = [
  5, 6, _, _, _, 6, 7, _, 6, 5, _, _, 6, 6, 6, _, 7, 7, 7, _, 9, 8, _, 7, 7, _, 8, _, _, _, _, 8, _, _, _, _, 8, 7, 11,
  9, _, 8, 7, 9, 8, _, 8, 11, 9, 8, _, 8, 9, 9, 10, 9, 10, _, 8, 8, 13, 9, 9, 10, _, 9, 8, 9, 8, 11, 9, _, 10, 7, _, 8,
  9, 8, 10, 9, _, 9, 12, 10, 8, _, 8, 9, 9, 10, 9,
];

describe("anhoejBoxLimits", () => {
  it("computes qicharts2's best-box and cut-box table for every n from 10 to 100", () => {
    let agree = 0;
    for (let n = 10; n <= 100; n++) {
      const i = n - 10;
      const best = anhoejBoxLimits(n, "bestbox");
      const cut = anhoejBoxLimits(n, "cutbox");
      const got = [best.crossingsMin, best.longestRunMax, cut.crossingsMin, cut.longestRunMax, cut.cut?.crossingsMin ?? null, cut.cut?.longestRunMax ?? null];
      const want = [QICHARTS2_CB[i], QICHARTS2_LB[i], QICHARTS2_CB[i], QICHARTS2_LB[i], QICHARTS2_CBORD[i], QICHARTS2_LBORD[i]];
      expect({ n, got }).toEqual({ n, got: want });
      expect(best.cut).toBeNull();
      agree++;
    }
    expect(agree).toBe(91);
  });

  it("reproduces the paper's worked example for n = 11 (Anhøj & Wentzel-Larsen 2020, Figure 3)", () => {
    // Anhøj: signal if C < 2 or L > 6; best box: C < 3 or L > 7; cut box: also C = 3 and L = 7.
    expect(anhoejBoxLimits(11, "anhoej")).toEqual({ n: 11, method: "anhoej", applied: "anhoej", longestRunMax: 6, crossingsMin: 2, cut: null });
    expect(anhoejBoxLimits(11, "bestbox")).toEqual({ n: 11, method: "bestbox", applied: "bestbox", longestRunMax: 7, crossingsMin: 3, cut: null });
    expect(anhoejBoxLimits(11, "cutbox")).toEqual({
      n: 11,
      method: "cutbox",
      applied: "cutbox",
      longestRunMax: 7,
      crossingsMin: 3,
      cut: { crossingsMin: 4, longestRunMax: 6 },
    });
    const cut = anhoejBoxLimits(11, "cutbox");
    expect(boxSignal(cut, 7, 3)).toBe(true);
    expect(boxSignal(cut, 6, 3)).toBe(false);
    expect(boxSignal(cut, 7, 4)).toBe(false);
    expect(boxSignal(cut, 8, 5)).toBe(true);
    expect(boxSignal(cut, 2, 2)).toBe(true);
    expect(boxSignal(anhoejBoxLimits(11, "bestbox"), 7, 3)).toBe(false);
    expect(boxSignal(anhoejBoxLimits(11, "anhoej"), 7, 3)).toBe(true);
  });

  it("falls back to the Anhøj rules outside 10 ≤ n ≤ 100, as qicharts2", () => {
    for (const n of [1, 5, 9, 101, 114, 500]) {
      for (const method of ["bestbox", "cutbox"] as const) {
        const l = anhoejBoxLimits(n, method);
        const a = anhoejBoxLimits(n, "anhoej");
        expect(l).toEqual({ ...a, method, applied: "anhoej" });
      }
    }
    expect(anhoejBoxLimits(114, "bestbox")).toMatchObject({ longestRunMax: 10, crossingsMin: 48 });
  });

  it("keeps the box rules' specificity at or above 0.925 and the cut box inside the best box", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 100 }), (n) => {
        const best = anhoejBoxLimits(n, "bestbox");
        const cut = anhoejBoxLimits(n, "cutbox");
        expect(noSignalProbability(best)).toBeGreaterThanOrEqual(0.925);
        expect(noSignalProbability(cut)).toBeGreaterThanOrEqual(0.925);
        expect(noSignalProbability(cut)).toBeLessThanOrEqual(noSignalProbability(best));
        // sensitivity to the target shift never drops
        const shifted = normalCdf(0.8);
        expect(noSignalProbability(cut, shifted)).toBeLessThanOrEqual(noSignalProbability(best, shifted));
        for (let c = 0; c < n; c++) {
          for (let l = 1; l <= n; l++) if (!boxSignal(cut, l, c)) expect(boxSignal(best, l, c)).toBe(false);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("smooths specificity over n = 10…100 (exact values, docs/anhoej-box.md)", () => {
    const range = (m: RunsMethod) => {
      let lo = 1;
      let hi = 0;
      for (let n = 10; n <= 100; n++) {
        const s = noSignalProbability(anhoejBoxLimits(n, m));
        lo = Math.min(lo, s);
        hi = Math.max(hi, s);
      }
      return [Number(lo.toFixed(4)), Number(hi.toFixed(4))];
    };
    expect(range("anhoej")).toEqual([0.8913, 0.9634]);
    expect(range("bestbox")).toEqual([0.9252, 0.9551]);
    expect(range("cutbox")).toEqual([0.925, 0.9375]);
  });

  it("gives the exact specificity of the Anhøj rules", () => {
    expect(noSignalProbability(anhoejBoxLimits(11, "anhoej"))).toBeCloseTo(974 / 1024, 14);
    expect(noSignalProbability(anhoejBoxLimits(11, "bestbox"))).toBeCloseTo(964 / 1024, 14);
    expect(noSignalProbability(anhoejBoxLimits(11, "cutbox"))).toBeCloseTo(952 / 1024, 14);
  });

  it("rejects bad arguments with QiError", () => {
    for (const n of [0, -1, 2.5, Number.NaN]) {
      expect(() => anhoejBoxLimits(n, "bestbox")).toThrow(QiError);
    }
    expect(() => anhoejBoxLimits(20, "box" as RunsMethod)).toThrow(/method/);
    try {
      anhoejBoxLimits(20, "box" as RunsMethod);
    } catch (e) {
      expect(e).toMatchObject({ code: "invalid-option", path: ["method"] });
    }
    expect(() => noSignalProbability(anhoejBoxLimits(20, "anhoej"), 0)).toThrow(QiError);
    expect(() => noSignalProbability(anhoejBoxLimits(120, "anhoej"))).toThrow(QiError);
  });

  it("returns plain data and does not mutate its input", () => {
    const limits = deepFreeze(anhoejBoxLimits(41, "cutbox"));
    expect(JSON.parse(JSON.stringify(limits))).toEqual(limits);
    expect(boxSignal(limits, 8, 14)).toBe(true);
    // a copy per call: changing one result does not change the next
    const again = anhoejBoxLimits(41, "cutbox");
    expect(again).toEqual(limits);
    expect(again.cut).not.toBe(limits.cut);
  });
});

interface OracleCase {
  id: string;
  method: RunsMethod;
  out: {
    part: number[];
    nUseful: number[];
    longestRun: (number | null)[];
    longestRunMax: (number | null)[];
    nCrossings: (number | null)[];
    nCrossingsMin: (number | null)[];
    runsSignal: boolean[];
  };
}

/** One entry per phase: the oracle repeats the phase values on every point. */
function phases(c: OracleCase) {
  const seen = new Map<number, number>();
  c.out.part.forEach((p, i) => {
    if (!seen.has(p)) seen.set(p, i);
  });
  return [...seen.values()].map((i) => ({
    nUseful: c.out.nUseful[i]!,
    longestRun: c.out.longestRun[i]!,
    longestRunMax: c.out.longestRunMax[i]!,
    nCrossings: c.out.nCrossings[i]!,
    nCrossingsMin: c.out.nCrossingsMin[i]!,
    runsSignal: c.out.runsSignal[i]!,
  }));
}

describe("qicharts2 0.8.1 oracle (run charts, test/fixtures/qicharts2-run.json)", () => {
  const all = cases as unknown as OracleCase[];

  for (const method of ["anhoej", "bestbox", "cutbox"] as const) {
    it(`reproduces runsSignal and the reported limits for every ${method} phase`, () => {
      const selected = all.filter((c) => c.method === method);
      let phaseCount = 0;
      let agree = 0;
      for (const c of selected) {
        for (const ph of phases(c)) {
          phaseCount++;
          const limits: AnhoejBoxLimits = anhoejBoxLimits(ph.nUseful, method);
          // qicharts2 reports the standard Anhøj limits in longest.run.max / n.crossings.min
          // whatever the method; only runs.signal uses the box (R/helper.functions.R, runs.analysis).
          const reported = anhoejBoxLimits(ph.nUseful, "anhoej");
          const got = {
            id: c.id,
            longestRunMax: reported.longestRunMax,
            nCrossingsMin: reported.crossingsMin,
            runsSignal: boxSignal(limits, ph.longestRun, ph.nCrossings),
          };
          const want = { id: c.id, longestRunMax: ph.longestRunMax, nCrossingsMin: ph.nCrossingsMin, runsSignal: ph.runsSignal };
          expect(got).toEqual(want);
          agree++;
        }
      }
      expect(agree).toBe(phaseCount);
      expect(phaseCount).toBe({ anhoej: 48, bestbox: 14, cutbox: 10 }[method]);
    });
  }

  // Caveat: in none of the oracle's 24 box phases does the box verdict differ from the Anhøj
  // verdict, so these cases alone cannot tell the methods apart; the full-table test above (all 91
  // n against qicharts2's bounds) and the n = 11 example carry that check.
  it("box phases in the oracle never separate the box rules from the Anhøj rule", () => {
    let differ = 0;
    for (const c of all.filter((x) => x.method !== "anhoej")) {
      for (const ph of phases(c)) {
        const a = boxSignal(anhoejBoxLimits(ph.nUseful, "anhoej"), ph.longestRun, ph.nCrossings);
        const b = boxSignal(anhoejBoxLimits(ph.nUseful, c.method), ph.longestRun, ph.nCrossings);
        if (a !== b) differ++;
      }
    }
    expect(differ).toBe(0);
  });
});
