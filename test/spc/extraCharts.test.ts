import { describe, expect, it } from "vitest";
import { bernoulliCusum, controlChart, d2, d3, paretoChart, renderControlChart, renderParetoChart } from "../../src/index.js";
import { fails } from "../_shared/fails.js";
import { deepFreeze } from "../_shared/freeze.js";

const subgroups = (groups: number[][]) => groups.flatMap((g, x) => g.map((y) => ({ x, y })));

describe("bad input: QiError with a path", () => {
  it("λ outside (0, 1]", () => {
    for (const lambda of [0, -0.1, 1.5, Number.NaN]) {
      const e = fails(() => controlChart([1, 2, 3], { type: "ewma", lambda }));
      expect([e.code, e.path]).toEqual(["invalid-option", ["options", "lambda"]]);
    }
    expect(controlChart([1, 2, 3], { type: "ewma", lambda: 1 }).settings.parameters?.lambda).toBe(1);
  });
  it("h ≤ 0, a negative shift, a head start at or beyond h", () => {
    for (const decisionInterval of [0, -4]) expect(fails(() => controlChart([1, 2, 3], { type: "cusum", decisionInterval })).path).toEqual(["options", "decisionInterval"]);
    expect(fails(() => controlChart([1, 2, 3], { type: "cusum", shift: -1 })).path).toEqual(["options", "shift"]);
    expect(fails(() => controlChart([1, 2, 3], { type: "cusum", decisionInterval: 4, headStart: 4 })).path).toEqual(["options", "headStart"]);
  });
  it("outcomes not 0/1 for a Bernoulli CUSUM, with every bad row listed", () => {
    const e = fails(() => bernoulliCusum([0, 1, 2, 0, 0.5]));
    expect([e.code, e.path]).toEqual(["invalid-value", ["data", 2]]);
    expect(e.issues.map((i) => i.path)).toEqual([["data", 2], ["data", 4]]);
    expect(fails(() => bernoulliCusum([{ y: 1 }, { y: "yes" }], { y: "y" })).path).toEqual(["data", 1, "y"]);
    expect(fails(() => bernoulliCusum([0, 1], { oddsRatio: 1 })).path).toEqual(["options", "oddsRatio"]);
    expect(fails(() => bernoulliCusum([0, 1], { target: 3 })).code).toBe("out-of-range");
    expect(fails(() => bernoulliCusum([0, 0, 0])).path).toEqual(["data"]);
  });
  it("a subgroup of one for a range chart", () => {
    const e = fails(() => controlChart([{ x: 1, y: 3 }, { x: 1, y: 4 }, { x: 2, y: 5 }], { type: "r", x: "x", y: "y" }));
    expect([e.code, e.path]).toEqual(["subgroup-too-small", ["data", 2, "y"]]);
  });
  it("options a chart type does not use are errors, not ignored", () => {
    expect(fails(() => controlChart([1, 2, 3], { type: "i", lambda: 0.2 })).path).toEqual(["options", "lambda"]);
    expect(fails(() => controlChart([1, 2, 3], { type: "ewma", decisionInterval: 4 })).path).toEqual(["options", "decisionInterval"]);
    expect(fails(() => controlChart([{ y: 1, n: 2 }], { type: "p", y: "y", n: "n", sigma: 2 })).path).toEqual(["options", "sigma"]);
    expect(fails(() => controlChart([1, 2, 3], { type: "i", sigma: "range" })).path).toEqual(["options", "sigma"]);
    expect(fails(() => controlChart([1, 2, 3], { type: "i", constants: "exact" })).path).toEqual(["options", "constants"]);
    expect(fails(() => controlChart([1, 2, 3], { type: "cusum", multiply: 100 })).path).toEqual(["options", "multiply"]);
    expect(fails(() => controlChart([1, 2, 3], { type: "i", sigma: 0 })).path).toEqual(["options", "sigma"]);
    expect(fails(() => controlChart([1, 2, 3], { type: "i", lamda: 0.2 } as never)).code).toBe("unknown-option");
  });
  it("an np chart needs one n per phase", () => {
    const e = fails(() => controlChart([{ y: 1, n: 10 }, { y: 2, n: 12 }], { type: "np", y: "y", n: "n" }));
    expect([e.code, e.path]).toEqual(["invalid-denominator", ["data", 1, "n"]]);
  });
  it("the np error names the row whose n differs, and counts points from 1 (user trial)", () => {
    // Sorted by x the rows are data[1], data[2], data[0]: the third point is data[0], the row with n = 22.
    const e = fails(() => controlChart([{ x: 3, y: 2, n: 22 }, { x: 1, y: 1, n: 20 }, { x: 2, y: 1, n: 20 }], { type: "np", x: "x", y: "y", n: "n" }));
    expect([e.code, e.path]).toEqual(["invalid-denominator", ["data", 0, "n"]]);
    expect(e.message).toMatch(/point 3 \(x = 3, row 0\) has n = 22, earlier points 20/);
    // The field's own name; rows that share an x: the point's first row with a value (its n is in the sum).
    const f = fails(() => controlChart([{ x: 1, y: 1, size: 20 }, { x: 2, y: null, size: 5 }, { x: 2, y: 1, size: 10 }, { x: 2, y: 1, size: 12 }], { type: "np", x: "x", y: "y", n: "size" }));
    expect(f.path).toEqual(["data", 2, "size"]);
    // A second phase may have its own n; within it the error points at its rows.
    expect(controlChart([{ y: 1, n: 10 }, { y: 2, n: 10 }, { y: 2, n: 12 }, { y: 3, n: 12 }], { type: "np", y: "y", n: "n", phases: [2] }).phases.map((p) => p.centre)).toEqual([1.5, 2.5]);
    expect(fails(() => controlChart([{ y: 1, n: 10 }, { y: 2, n: 10 }, { y: 2, n: 12 }, { y: 3, n: 13 }], { type: "np", y: "y", n: "n", phases: [2] })).path).toEqual(["data", 3, "n"]);
  });
  it("paretoChart refuses bad categories and weights", () => {
    expect(fails(() => paretoChart([{ c: {} }], { category: "c" })).path).toEqual(["data", 0, "c"]);
    expect(fails(() => paretoChart([{ c: "A", w: -1 }], { category: "c", weight: "w" })).path).toEqual(["data", 0, "w"]);
    expect(fails(() => paretoChart([null, ""])).code).toBe("all-missing");
    expect(fails(() => paretoChart(["A"], { missing: "keep" as never })).path).toEqual(["options", "missing"]);
  });
});

describe("constants", () => {
  it("qcc's tables by default, exact values as an option", () => {
    expect(d2(5)).toBe(2.326);
    expect(d2(5, "exact")).toBeCloseTo(2.3259289, 6);
    expect(d2(2, "exact")).toBeCloseTo(2 / Math.sqrt(Math.PI), 12);
    expect(d3(2)).toBe(0.8525033);
    expect(d3(2, "exact")).toBeCloseTo(0.8525025, 6);
    expect(d2(30)).toBeCloseTo(4.0855, 3); // beyond qcc's d₂ table: exact
    expect(d2(1)).toBeNaN();
  });
  it("an R chart with exact constants moves its limits by about 1e-6", () => {
    const rows = subgroups([[1, 4, 2, 6, 3], [2, 2, 5, 7, 1], [3, 6, 4, 1, 2], [5, 5, 2, 1, 4]]);
    const tabled = controlChart(rows, { type: "r", x: "x", y: "y" });
    const exact = controlChart(rows, { type: "r", x: "x", y: "y", constants: "exact" });
    // Ranges 5, 6, 5, 4: R̄ = 5; σ = R̄/d₂(5); UCL = R̄ + 3·d₃(5)·σ.
    expect(tabled.points[0]!.centre).toBe(5);
    expect(tabled.points[0]!.ucl).toBeCloseTo(5 + (3 * 0.8640855 * 5) / 2.326, 12);
    expect(Math.abs(exact.points[0]!.ucl! / tabled.points[0]!.ucl! - 1)).toBeLessThan(1e-4);
    expect(exact.points[0]!.ucl).not.toBe(tabled.points[0]!.ucl);
  });
});

describe("median-based individuals charts", () => {
  const y = [30, 45, 28, 200, 41, 38, 35, 52, 47, 33];
  it("i-median: centre the median, σ from the screened average moving range", () => {
    const c = controlChart(y, { type: "i-median" });
    expect(c.phases[0]!.centre).toBe(39.5);
    const i = controlChart(y, { type: "i" });
    expect(c.points[0]!.ucl! - 39.5).toBeCloseTo(i.points[0]!.ucl! - i.phases[0]!.centre!, 12);
  });
  it("i-median-mr: σ = median moving range / 0.954 (Wheeler & Chambers)", () => {
    // Moving ranges 15, 17, 172, 159, 3, 3, 17, 5, 14: median 15; none ≥ 3.267 × 15 = 49 but 172 and 159.
    // Screened: 15, 17, 3, 3, 17, 5, 14 → median 14.
    const c = controlChart(y, { type: "i-median-mr" });
    expect(c.phases[0]!.averageMovingRange).toBe(14);
    expect(c.points[0]!.ucl).toBeCloseTo(39.5 + (3 * 14) / 0.954, 12);
    const unscreened = controlChart(y, { type: "i-median-mr", screenMovingRanges: false });
    expect(unscreened.phases[0]!.averageMovingRange).toBe(15);
    const exact = controlChart(y, { type: "i-median-mr", constants: "exact" });
    expect(exact.points[0]!.ucl).toBeCloseTo(39.5 + (3 * 14) / (Math.SQRT2 * 0.6744897501960817), 12);
    expect(c.signals.map((s) => s.start)).toEqual([3]);
  });
});

describe("cusum and ewma", () => {
  it("a head start gives both sums a start", () => {
    const c = controlChart([10, 10, 10, 10], { type: "cusum", centre: 10, sigma: 1, decisionInterval: 4, headStart: 2 });
    expect(c.points.map((p) => [p.upper, p.lower])).toEqual([[1.5, -1.5], [1, -1], [0.5, -0.5], [0, 0]]);
  });
  it("asymptotic EWMA limits are constant, the exact ones open towards them", () => {
    const y = [5, 6, 4, 5, 7, 5, 6, 4];
    const exact = controlChart(y, { type: "ewma", centre: 5, sigma: 1, lambda: 0.2 });
    const flat = controlChart(y, { type: "ewma", centre: 5, sigma: 1, lambda: 0.2, ewmaLimits: "asymptotic" });
    expect(new Set(flat.points.map((p) => p.ucl)).size).toBe(1);
    expect(flat.points[0]!.ucl).toBeCloseTo(5 + 3 * Math.sqrt(0.2 / 1.8), 12);
    expect(exact.points[0]!.ucl).toBeCloseTo(5 + 3 * 0.2, 12); // √(λ/(2−λ)·(1 − (1−λ)²)) = λ at t = 1
    expect(exact.points.every((p, i) => i === 0 || p.ucl! > exact.points[i - 1]!.ucl!)).toBe(true);
  });
  it("missing and excluded points leave the sums as they were; phases restart them", () => {
    const c = controlChart([12, null, 12, 12, 8], { type: "cusum", centre: 10, sigma: 1, exclude: [2], phases: [4] });
    expect(c.points.map((p) => p.upper)).toEqual([1.5, 1.5, 1.5, 3, 0]);
    expect(c.points[4]!.lower).toBe(-1.5);
    expect(c.warnings.map((w) => w.code)).toEqual(["missing-values"]);
  });
  it("signals name the sum and the decision interval; direction sets the assessment", () => {
    const c = controlChart([0, 0, 0, 3, 3, 3], { type: "cusum", centre: 0, sigma: 1, decisionInterval: 4, direction: "decrease" });
    expect(c.signals.map((s) => [s.points, s.side, s.assessment])).toEqual([[[4, 5], "above", "deterioration"]]);
    expect(c.signals[0]!.message).toBe("At point 5 the upper CUSUM (5) is beyond the decision interval 4 (and stays beyond it to point 6): a sustained shift up, a deterioration.");
  });
  it("a run beyond h is one signal per side even while the other sum is beyond too (user trial)", () => {
    // Upper sum beyond from point 12 to 18, lower from 17 to 22: they overlap at 17–18. Grouping
    // took neighbouring entries of the (point, side) list, which interleaves the sides there.
    const ys = [10, 11, 9, 10, 12, 10, 11, 9, 10, 11, 16, 17, 16, 15, 17, 5, 4, 5, 4, 3, 4, 5];
    const c = controlChart(ys, { type: "cusum", baseline: 10, direction: "increase" });
    const beyond = (side: "upper" | "lower") => c.points.filter((p) => (side === "upper" ? p.upper! > 5 : p.lower! < -5)).map((p) => p.index);
    expect(c.signals.map((s) => [s.side, s.points])).toEqual([["above", beyond("upper")], ["below", beyond("lower")]]);
    expect(c.signals.map((s) => [s.start + 1, s.end + 1])).toEqual([[12, 18], [17, 22]]);
    expect(c.signals[0]!.message).toMatch(/^At point 12 the upper CUSUM .* \(and stays beyond it to point 18\)/);
    expect(c.signals[1]!.message).toMatch(/^At point 17 the lower CUSUM .* \(and stays beyond it to point 22\)/);
    expect(controlChart(ys, { type: "cusum", baseline: 10, direction: "increase", output: "columns" }).signals).toEqual(c.signals);
  });
  it("columns output carries the same sums and lines", () => {
    const y = Array.from({ length: 50 }, (_, i) => Math.sin(i) * 3 + (i > 30 ? 4 : 0));
    for (const type of ["cusum", "ewma"] as const) {
      const p = controlChart(y, { type });
      const c = controlChart(y, { type, output: "columns" });
      expect(Array.from(c.columns.y)).toEqual(p.points.map((q) => q.y ?? Number.NaN));
      expect(Array.from(c.columns.ucl)).toEqual(p.points.map((q) => q.ucl ?? Number.NaN));
      if (type === "cusum") expect(Array.from(c.columns.upper!)).toEqual(p.points.map((q) => q.upper));
      expect(c.signals).toEqual(p.signals);
    }
  });
  it("does not mutate its input, and the result is plain JSON", () => {
    const rows = deepFreeze([{ x: 1, y: 3 }, { x: 1, y: 5 }, { x: 2, y: 4 }, { x: 2, y: 6 }, { x: 3, y: 9 }, { x: 3, y: 2 }]);
    for (const type of ["cusum", "ewma", "r", "xbar"] as const) {
      const c = controlChart(rows, { type, x: "x", y: "y", ...(type === "xbar" ? { sigma: "range" as const } : {}) });
      expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    }
  });
});

describe("Bernoulli CUSUM and Pareto", () => {
  it("reads rows with an accessor, booleans as 0/1", () => {
    const a = bernoulliCusum([true, false, true, true], { target: 0.3 });
    const b = bernoulliCusum([{ late: 1 }, { late: 0 }, { late: 1 }, { late: 1 }], { y: "late", target: 0.3 });
    expect(a.points).toEqual(b.points);
    expect(a.settings).toEqual({ target: 0.3, baseline: "risk", oddsRatio: 2 });
  });
  it("weights, ties in label order, and the missing category by its count", () => {
    const rows = [{ r: "Panel", d: 10 }, { r: "Court", d: 30 }, { r: null, d: 10 }, { r: "Audit", d: 10 }];
    const p = paretoChart(rows, { category: "r", weight: "d", missing: "include" });
    expect(p.bars.map((b) => [b.category, b.count])).toEqual([["Court", 30], ["Audit", 10], ["Panel", 10], [null, 10]]);
    expect(p.bars.at(-1)!.cumulativeShare).toBe(1);
    const dropped = paretoChart(rows, { category: "r" });
    expect(dropped.warnings.map((w) => w.code)).toEqual(["missing-category"]);
    expect(dropped.total).toBe(3);
  });
});

describe("rendering", () => {
  it("draws a cusum as two sums with ±h", () => {
    const svg = renderControlChart(controlChart([0, 0, 0, 3, 3, 3, -2, -3, -3, -3], { type: "cusum", centre: 0, sigma: 1, decisionInterval: 4 }));
    expect(svg).toContain('class="line series2"');
    expect(svg).toContain("Decision interval ±4");
    expect(svg).toContain("Upper CUSUM");
    expect(svg).toContain("Lower CUSUM");
    expect(svg.match(/class="point signal/g)!.length).toBe(5); // upper at points 4–6, lower at 9–10
  });
  it("draws EWMA limits as steps that open like a funnel", () => {
    const svg = renderControlChart(controlChart([5, 6, 4, 5, 7, 5, 6, 4], { type: "ewma", centre: 5, sigma: 1 }));
    expect(svg).toContain('class="limit upper"');
    expect(svg).toContain("EWMA chart");
  });
  it("escapes categories in a Pareto chart", () => {
    const svg = renderParetoChart(paretoChart(["<b>Court</b>", "Panel & ADM", "Panel & ADM"]), { title: "Delays <2024>" });
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("Panel &amp; ADM");
    expect(svg).toContain("Delays &lt;2024&gt;");
  });
});
