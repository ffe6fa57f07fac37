import { describe, expect, it } from "vitest";
import { CONTROL_RULE_PRESETS, controlChart, type ControlChart } from "../../src/spc/index.js";

// A stable baseline of 20 alternating values (mean 10, AMR 2, σ̂ = 2/1.128 = 1.773) frozen, then test patterns.
const base = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 9 : 11));
const chart = (tail: number[], rules: any, direction: any = "neutral"): ControlChart =>
  controlChart([...base, ...tail], { type: "i", baseline: 20, rules, direction });
const rules = (c: ControlChart): string[] => [...new Set(c.signals.map((s) => s.rule))].sort();

describe("rule sets", () => {
  it("the baseline alone signals nothing but Nelson's alternation", () => {
    expect(rules(chart([], "western-electric"))).toEqual([]);
    expect(rules(chart([], "ihi"))).toEqual(["inner-third"]); // 20 alternating values all within 1σ
    expect(rules(chart([], "nelson"))).toEqual(["alternating", "inner-third"]);
  });
  it("shewhart: a point beyond 3σ (10 + 3 × 1.773 = 15.32), with message and assessment", () => {
    const c = chart([16], "shewhart", "decrease");
    expect(c.signals).toHaveLength(1);
    expect(c.signals[0]).toMatchObject({ rule: "beyond-limits", start: 20, side: "above", assessment: "deterioration" });
    expect(c.signals[0]!.message).toBe("point 21 (16) is above the upper control limit 15.3: special-cause variation, a deterioration.");
  });
  it("two of three beyond 2σ (13.55) on the same side", () => {
    const c = chart([14, 10, 14], { preset: "western-electric" }, "increase");
    const s = c.signals.find((x) => x.rule === "two-of-three")!;
    expect(s).toMatchObject({ points: [20, 22], side: "above", assessment: "improvement" });
    expect(rules(chart([14, 10, 6.2], "western-electric"))).toEqual([]); // opposite sides
  });
  it("two of three: the signal runs from its first to its last point beyond 2σ, not over the windows' other points (user trial 14)", () => {
    // Points 20 and 21 (14, 14) are beyond 13.55; the windows 19–21 and 20–22 qualify, but point
    // 19 (11) and point 22 (10) are not beyond 2σ: Western Electric (1956) and Nelson (1984, test 5)
    // name the points "in zone A or beyond", so the pattern is points 20–21 (21–22 counted from 1).
    const c = chart([14, 14, 10, 10], "western-electric", "increase");
    const s = c.signals.find((x) => x.rule === "two-of-three")!;
    expect(s).toMatchObject({ start: 20, end: 21, points: [20, 21] });
    expect(s.message).toBe("2 of 3 points in a row beyond 2 sigma above the mean from point 21 to point 22: special-cause variation, an improvement.");
    // Four of five likewise: 12 (beyond 11.77) at points 21–24, the window 20–24 qualifies.
    const f = chart([12, 12, 12, 12, 10, 10], "western-electric").signals.find((x) => x.rule === "four-of-five")!;
    expect([f.start, f.end, f.points]).toEqual([20, 23, [20, 21, 22, 23]]);
  });
  it("four of five beyond 1σ (11.77)", () => {
    const c = chart([12, 12, 10, 12, 12], "western-electric");
    expect(c.signals.find((x) => x.rule === "four-of-five")!.points).toEqual([20, 21, 23, 24]);
  });
  it("IHI: 8 on one side (centre-line points skipped), 6-point trend", () => {
    expect(rules(chart([10.5, 10.5, 10, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5], { preset: "ihi", innerThird: false }))).toEqual(["shift"]);
    expect(rules(chart([10.5, 10.5, 10.5, 10, 10.5, 10.5, 10.5, 10.5], { preset: "western-electric" }))).toEqual([]); // a point on the mean breaks
    const t = chart([6, 7, 8, 8, 9, 10, 11], { preset: "ihi", innerThird: false, shift: false });
    expect(t.signals.find((s) => s.rule === "trend")!.points).toEqual([20, 21, 22, 23, 24, 25, 26]);
    expect(rules(chart([6, 7, 8, 8, 9, 10, 11], { preset: "nelson", innerThird: false, alternating: false, shift: false, fourOfFive: false }))).toEqual([]); // ties break
  });
  it("Nelson: mixture (8 beyond 1σ, on both sides of the centre line)", () => {
    const c = chart([12, 8, 12, 8, 12.2, 7.9, 12.1, 8.1], { preset: "nelson", alternating: false, fourOfFive: false });
    expect(c.signals.find((s) => s.rule === "mixture")!.points.length).toBe(8);
    expect(c.signals.find((s) => s.rule === "mixture")!.message).toBe(
      "8 points in a row more than 1 sigma from the mean, on both sides of it, from point 21 to point 28: a sign of two processes mixed.",
    );
  });
  // Hand-worked against Nelson (1984) test 8, "eight points in a row on both sides of the
  // centerline with none in zone C": the 1σ lines are 10 ± 1.773 = 8.227 and 11.773.
  it("Nelson: 8 beyond 1σ all on one side is no mixture (a shift and a 4-of-5 instead)", () => {
    const one = chart([12, 12.5, 12, 13, 12, 12.5, 12, 13], { preset: "nelson", alternating: false });
    expect(rules(one)).not.toContain("mixture");
    expect(rules(one)).toContain("four-of-five");
  });
  it("Nelson: a run beyond 1σ is a mixture only in the windows of 8 that hold both sides", () => {
    // 10 points beyond 1σ: seven above, then three below. Windows 21–28, 22–29 and 23–30 all hold
    // both sides: one signal, points 21 to 30.
    const c = chart([12, 12, 12, 12, 12, 12, 12, 8, 8, 8], { preset: "nelson", alternating: false, fourOfFive: false, twoOfThree: false, shift: false });
    expect(c.signals.filter((s) => s.rule === "mixture").map((s) => [s.start, s.end])).toEqual([[20, 29]]);
    // 12 beyond 1σ: nine above then three below: the windows with both sides are points 23–30 to 25–32.
    const d = chart([12, 12, 12, 12, 12, 12, 12, 12, 12, 8, 8, 8], { preset: "nelson", alternating: false, fourOfFive: false, twoOfThree: false, shift: false });
    expect(d.signals.filter((s) => s.rule === "mixture").map((s) => [s.start, s.end])).toEqual([[22, 31]]);
    // A point inside 1σ breaks the run: 7 + 7 is no mixture.
    const e = chart([12, 8, 12, 8, 12, 8, 12, 10, 8, 12, 8, 12, 8, 12], { preset: "nelson", alternating: false, fourOfFive: false, twoOfThree: false });
    expect(rules(e)).not.toContain("mixture");
  });
  it("overrides: lengths and tie conventions, rules switched off or on", () => {
    expect(rules(chart([10.5, 10.5, 10.5, 10.5, 10.5], { preset: "shewhart", shift: { length: 5 } }))).toEqual(["shift"]);
    expect(rules(chart([16], { preset: "shewhart", beyondLimits: false }))).toEqual([]);
    expect(CONTROL_RULE_PRESETS.mdc.shift).toEqual({ length: 7, onCentre: "break" });
  });
  it("anhoej: runs analysis against the centre line", () => {
    const c = controlChart([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { type: "i", rules: "anhoej" });
    expect(c.phases[0]!.runsSignal).toBe(true);
    expect(rules(c)).toContain("few-crossings");
  });
  it("mdc: variation labels and icons, assurance against a target", () => {
    const y = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 10, 9, 10, 25];
    const c = controlChart(y, { rules: "mdc", direction: "increase", target: 5 });
    expect(c.points[14]!.variation).toBe("improvement");
    expect(c.points[14]!.label).toBe("beyond-limits");
    expect(c.phases[0]!.variationIcon).toBe("improvement");
    expect(c.phases[0]!.assuranceIcon).toBe("pass");
    expect(c.settings.sigmaConstant).toBe(2.66);
    const d = controlChart(y, { rules: "mdc", direction: "neutral", target: 5 });
    expect([d.points[14]!.variation, d.phases[0]!.assuranceIcon]).toEqual(["neutral-high", null]);
    expect(controlChart(y, { rules: "shewhart" }).points[0]!.variation).toBeNull();
  });
  it("mr charts apply only the limits", () => {
    const c = controlChart([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { type: "mr", rules: "anhoej" });
    expect(c.phases[0]!.runsSignal).toBe(false);
    expect(c.warnings.map((w) => w.code)).toContain("mr-limits-only");
  });
  it("phases by date with a baseline inside each phase, by groups, notes", () => {
    const rows = Array.from({ length: 24 }, (_, i) => ({ month: `2024-${String((i % 12) + 1).padStart(2, "0")}-01`.replace(/^2024/, i < 12 ? "2023" : "2024"), v: i < 12 ? 10 + (i % 3) : 20 + (i % 3), unit: "A", note: i === 12 ? "new rota" : "" }));
    const c = controlChart(rows, { x: "month", y: "v", phases: ["2024-01-01"], baseline: [6, 6], notes: "note" });
    expect(c.phases.map((p) => [p.start, p.baselineEnd, p.centre])).toEqual([[0, 5, 11], [12, 17, 21]]);
    expect(c.points[12]!.note).toBe("new rota");
    const g = controlChart(rows, { x: "month", y: "v", by: "unit" });
    expect(g.map((x) => x.key)).toEqual(["A"]);
  });
});
