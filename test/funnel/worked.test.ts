/**
 * Hand-worked checks of each method (numbers from the formulas in src/funnel/*.ts, worked with a
 * calculator), bad input, and the options' effects.
 */
import { describe, expect, it } from "vitest";
import { funnelLimits, funnelPlot } from "../../src/index.js";
import { gammaQuantile } from "../../src/funnel/gamma.js";
import { fails } from "../_shared/fails.js";
import { deepFreeze } from "../_shared/freeze.js";

const PR_ROWS = deepFreeze([
  { la: "A", within: 40, children: 50 },
  { la: "B", within: 12, children: 30 },
  { la: "C", within: 70, children: 90 },
]);
const PR = { group: "la", numerator: "within", denominator: "children" } as const;

describe("proportion (Spiegelhalter 2005, arcsine square-root scale)", () => {
  const f = funnelPlot(PR_ROWS, { ...PR, overdispersion: false, unadjusted: true });
  it("target = Σ within / Σ children = 122/170", () => expect(f.target).toBeCloseTo(0.7176470588235294, 15));
  it("B: z = (asin √0.4 − asin √target) · 2√30 = −3.5696", () => expect(f.groups[1]!.z).toBeCloseTo(-3.56963314130014, 12));
  it("B: 95 % limits sin²(asin √target ± 1.959964/(2√30)) = 0.5462, 0.8615", () => {
    expect(f.groups[1]!.limits.lower95).toBeCloseTo(0.5461970740250303, 12);
    expect(f.groups[1]!.limits.upper95).toBeCloseTo(0.8615237562385866, 12);
  });
  it("B (40 %) is a low outlier at 95 % and 99.8 %; A and C are within", () => {
    expect(f.groups.map((g) => [g.group, g.side, g.outlier95, g.outlier998])).toEqual([
      ["A", "within", false, false], ["B", "low", true, true], ["C", "within", false, false],
    ]);
  });
  it("the multiplier scales values and limits, not the target or the flags", () => {
    const p = funnelPlot(PR_ROWS, { ...PR, overdispersion: false, unadjusted: true, multiplier: 100 });
    expect(p.target).toBe(f.target);
    expect(p.groups[1]!.value).toBeCloseTo(40, 12);
    expect(p.groups[1]!.limits.lower95).toBeCloseTo(54.61970740250303, 10);
    expect(p.groups.map((g) => g.outlier95)).toEqual(f.groups.map((g) => g.outlier95));
  });
});

describe("standardised ratio, SHMI and CQC; exact Poisson limits", () => {
  const rows = [{ g: "X", o: 30, e: 20 }, { g: "Y", o: 10, e: 12 }];
  it("SHMI z = √20 · ln(30/20) = 1.8133", () => {
    const f = funnelPlot(rows, { group: "g", numerator: "o", denominator: "e", type: "standardised-ratio", srMethod: "shmi" });
    expect(f.groups[0]!.z).toBeCloseTo(1.8132950884683134, 12);
    expect(f.target).toBe(1);
  });
  it("CQC z = (√1.5 − 1) · 2√20 = 2.0102", () => {
    const f = funnelPlot(rows, { group: "g", numerator: "o", denominator: "e", type: "standardised-ratio", srMethod: "cqc" });
    expect(f.groups[0]!.z).toBeCloseTo(2.0101792401041627, 12);
  });
  it("Poisson limits at E = 20 from χ² tables: χ²(0.025; 40)/40 = 24.433/40, χ²(0.975; 42)/40 = 61.777/40", () => {
    const f = funnelPlot(rows, { group: "g", numerator: "o", denominator: "e", type: "standardised-ratio", overdispersion: false, unadjusted: true });
    expect(f.groups[0]!.limits.lower95 * 40).toBeCloseTo(24.433, 3);
    expect(f.groups[0]!.limits.upper95 * 40).toBeCloseTo(61.777, 3);
    expect(2 * gammaQuantile(0.001, 20)).toBeCloseTo(17.916, 3); // χ²(0.001; 40)
    expect(2 * gammaQuantile(0.999, 21)).toBeCloseTo(76.084, 3); // χ²(0.999; 42)
  });
  it("SHMI rounding: expected 20.004 → 20, 12.016 → 12.02 (R's round to 2 decimals)", () => {
    const f = funnelPlot([{ g: "X", o: 30, e: 20.004 }, { g: "Y", o: 10, e: 12.016 }], { group: "g", numerator: "o", denominator: "e", type: "standardised-ratio" });
    expect(f.groups.map((g) => g.denominatorUsed)).toEqual([20, 12.02]);
    expect(f.groups[0]!.ratio).toBe(30 / 20.004);
  });
});

describe("ratio of counts", () => {
  it("z = ln((O + ½)/(E + ½)) / s, s² = O/(O + ½)² + E/(E + ½)² (target 1)", () => {
    const f = funnelPlot([{ g: "X", o: 30, e: 20 }, { g: "Y", o: 10, e: 20 }], { group: "g", numerator: "o", denominator: "e", type: "ratio-of-counts" });
    expect(f.target).toBe(1);
    expect(f.groups[0]!.z).toBeCloseTo(1.4060797465242585, 12);
  });
});

describe("overdispersion (winsorised z, DerSimonian–Laird τ²)", () => {
  // ten authorities, very different rates: φ well above 1
  const n = [40, 60, 80, 100, 120, 140, 160, 180, 200, 220];
  const k = [10, 30, 30, 70, 50, 100, 60, 150, 90, 180];
  const rows = n.map((d, i) => ({ g: `LA${i}`, o: k[i]!, e: d }));
  const f = funnelPlot(rows, { group: "g", numerator: "o", denominator: "e" });
  it("φ = Σ winsorised z² / 10; τ² = (10φ − 9) / (Σw − Σw²/Σw), w = 4n", () => {
    const t = k.reduce((a, b) => a + b) / n.reduce((a, b) => a + b);
    const z = n.map((d, i) => (Math.asin(Math.sqrt(k[i]! / d)) - Math.asin(Math.sqrt(t))) * 2 * Math.sqrt(d));
    const s = [...z].sort((a, b) => a - b);
    const lo = s[0]! + 0.9 * (s[1]! - s[0]!); // type 7 at 0.1: h = 9 × 0.1
    const hi = s[8]! + 0.1 * (s[9]! - s[8]!); // at 0.9: h = 8.1
    const phi = z.reduce((a, v) => a + Math.min(hi, Math.max(lo, v)) ** 2, 0) / 10;
    const w = n.map((d) => 4 * d);
    const sw = w.reduce((a, b) => a + b);
    const sw2 = w.reduce((a, b) => a + b * b, 0);
    expect(f.phi).toBeCloseTo(phi, 12);
    expect(f.tau2).toBeCloseTo((10 * phi - 9) / (sw - sw2 / sw), 14);
    expect(f.limitsUsed).toBe("adjusted");
    expect(f.groups.filter((g) => g.trimmed).length).toBe(2); // the lowest and the highest z
  });
  it("adjusted limits are wider than the unadjusted", () => {
    for (const g of f.groups) expect(g.limits.adjustedUpper95 - g.limits.adjustedLower95).toBeGreaterThan(g.limits.upper95 - g.limits.lower95);
  });
  it("φ ≤ 1 falls back to the unadjusted limits, with a warning", () => {
    const same = [{ la: "A", within: 35, children: 50 }, { la: "B", within: 21, children: 30 }, { la: "C", within: 63, children: 90 }];
    const g = funnelPlot(same, PR);
    expect(g.phi).toBe(0);
    expect(g.limitsUsed).toBe("unadjusted");
    expect(g.warnings.map((w) => w.code)).toContain("no-overdispersion");
  });
});

describe("which limits", () => {
  it("overdispersion off: the unadjusted limits (unadjusted defaults to true then)", () => {
    expect(funnelPlot(PR_ROWS, { ...PR, overdispersion: false }).limitsUsed).toBe("unadjusted");
  });
  it("both off explicitly: no limits, no outliers, a warning (as FunnelPlotR)", () => {
    const f = funnelPlot(PR_ROWS, { ...PR, overdispersion: false, unadjusted: false });
    expect(f.limitsUsed).toBe("none");
    expect(f.groups.some((g) => g.outlier95)).toBe(false);
    expect(f.warnings.map((w) => w.code)).toContain("no-limits");
  });
  it("both on: the adjusted limits even when φ ≤ 1", () => {
    const same = [{ la: "A", within: 35, children: 50 }, { la: "B", within: 21, children: 30 }, { la: "C", within: 63, children: 90 }];
    expect(funnelPlot(same, { ...PR, unadjusted: true }).limitsUsed).toBe("adjusted");
  });
});

describe("funnelLimits", () => {
  it("reproduces each group's limits at its own denominator", () => {
    const f = funnelPlot(PR_ROWS, PR);
    expect(funnelLimits(f, f.groups.map((g) => g.denominatorUsed))).toEqual(f.groups.map((g) => g.limits));
  });
  it("pins proportion limits at 0 and 1 for tiny denominators", () => {
    const f = funnelPlot(PR_ROWS, PR);
    const [row] = funnelLimits(f, [1]);
    expect(row!.upper998).toBe(1);
  });
});

describe("bad input: QiError with a path", () => {
  const opts = { ...PR };
  it("a denominator of 0", () => {
    const e = fails(() => funnelPlot([{ la: "A", within: 0, children: 0 }], opts));
    expect([e.code, e.path]).toEqual(["invalid-value", ["data", 0, "children"]]);
  });
  it("numerator > denominator for a proportion", () => {
    const e = fails(() => funnelPlot([{ la: "A", within: 5, children: 10 }, { la: "B", within: 11, children: 10 }], opts));
    expect([e.code, e.path]).toEqual(["invalid-value", ["data", 1, "within"]]);
  });
  it("a negative expected value", () => {
    const e = fails(() => funnelPlot([{ g: "A", o: 3, e: -2 }], { group: "g", numerator: "o", denominator: "e", type: "standardised-ratio" }));
    expect([e.code, e.path]).toEqual(["invalid-value", ["data", 0, "e"]]);
  });
  it("a group with no rows", () => {
    const e = fails(() => funnelPlot(PR_ROWS, { ...opts, groups: ["A", "B", "C", "D"] }));
    expect([e.code, e.path]).toEqual(["empty-group", ["options", "groups", 3]]);
  });
  it("a row of an unlisted group", () => {
    const e = fails(() => funnelPlot(PR_ROWS, { ...opts, groups: ["A", "B"] }));
    expect([e.code, e.path]).toEqual(["invalid-value", ["data", 2, "la"]]);
  });
  it("no rows at all", () => expect(fails(() => funnelPlot([] as { la: string; within: number; children: number }[], opts)).code).toBe("empty-data"));
  it("an unknown option, with a suggestion", () => {
    const e = fails(() => funnelPlot(PR_ROWS, { ...opts, multipler: 100 } as never));
    expect(e.code).toBe("unknown-option");
    expect(e.message).toContain('did you mean "multiplier"');
  });
  it("srMethod or shmiRounding where they cannot apply", () => {
    expect(fails(() => funnelPlot(PR_ROWS, { ...opts, srMethod: "cqc" })).path).toEqual(["options", "srMethod"]);
    expect(fails(() => funnelPlot(PR_ROWS, { ...opts, shmiRounding: false })).path).toEqual(["options", "shmiRounding"]);
  });
  it("a trim outside (0, 0.5)", () => expect(fails(() => funnelPlot(PR_ROWS, { ...opts, trim: 0.5 })).path).toEqual(["options", "trim"]));
  it("a missing group", () => expect(fails(() => funnelPlot<{ la: string | null; within: number; children: number }>([{ la: null, within: 1, children: 2 }], opts)).path).toEqual(["data", 0, "la"]));
  it("funnelLimits: a non-positive denominator", () => {
    const f = funnelPlot(PR_ROWS, PR);
    expect(fails(() => funnelLimits(f, [10, 0])).path).toEqual(["denominators", 1]);
  });
});

describe("merging", () => {
  it("rows of one group are summed, with a warning", () => {
    const f = funnelPlot([...PR_ROWS, { la: "A", within: 10, children: 10 }], PR);
    expect(f.groups[0]).toMatchObject({ group: "A", rows: 2, numerator: 50, denominator: 60 });
    expect(f.warnings.map((w) => w.code)).toContain("groups-summed");
  });
  it("the result is JSON-serialisable and the input is untouched (frozen)", () => {
    const f = funnelPlot(PR_ROWS, PR);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });
});
