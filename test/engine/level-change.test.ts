import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { controlChart, renderRunChart, runChart, summariseControlChart, summariseRunChart } from "../../src/index.js";

// User trial 16, finding 2: a series flat at about 300 that falls to about 205, with no baseline,
// read "14 points above the median from Apr 2022 to Jun 2023: a shift, a deterioration" against a
// median (273) that mixes both levels. The shifts stay signals; a level-change warning says what
// the two together show and how to see the change.
const csv = readFileSync(new URL("../fixtures/trial16/days_to_panel.csv", import.meta.url), "utf8");
const days = csv.trim().split(/\r?\n/).slice(1).map((line) => {
  const [d, v] = line.split(",");
  const [dd, mm, yyyy] = d!.split("/");
  return { month: `${yyyy}-${mm}-${dd}`, days: v === "" ? null : Number(v) };
});
const R = { x: "month", y: "days", direction: "decrease" } as const;
const TRIAL = "The shift above the median from Apr 2022 and the later one below it from Nov 2023 together show a change in level around Nov 2023, and the median mixes the time before and after it: give baseline: 19 (the points before Nov 2023 set the median) or phases: [19] (a new phase from Nov 2023) to see the change.";

describe("level-change: shifts on both sides of one centre (trial 16, days_to_panel.csv)", () => {
  it("the trial's run chart: both shifts kept, one warning naming the options", () => {
    const chart = runChart(days, R);
    const shifts = chart.signals.filter((s) => s.rule === "shift").map((s) => s.message);
    expect(shifts).toEqual(["14 points above the median from Apr 2022 to Jun 2023: a shift, a deterioration.", "16 points below the median from Nov 2023 to Mar 2025: a shift, an improvement."]);
    // Apr 2022 is point 0; Nov 2023 is point 19: 19 points come before it.
    expect(chart.warnings.filter((w) => w.code === "level-change")).toEqual([{ code: "level-change", phase: 0, points: [0, 19], message: TRIAL }]);
    expect(summariseRunChart(chart).split("\n").at(-1)).toBe(`Note: ${TRIAL}`);
    expect(renderRunChart(chart)).toContain(`Note: ${TRIAL}</desc>`);
  });
  it("the advice taken: a baseline before the change, or a new phase there, leaves no warning", () => {
    const baseline = runChart(days, { ...R, baseline: 19 });
    expect(baseline.warnings.map((w) => w.code)).toEqual(["missing-values"]);
    expect(baseline.signals.some((s) => s.assessment === "deterioration")).toBe(false);
    expect(runChart(days, { ...R, phases: [19] }).warnings.map((w) => w.code)).toEqual(["missing-values"]);
  });
  it("a control chart: the mean, the same advice", () => {
    const chart = controlChart(days, { ...R, type: "i", rules: "mdc" });
    expect(summariseControlChart(chart).split("\n").at(-1)).toBe("Note: The shift above the mean from Apr 2022 and the later one below it from Dec 2023 together show a change in level around Dec 2023, and the mean mixes the time before and after it: give baseline: 20 (the points before Dec 2023 set the mean) or phases: [20] (a new phase from Dec 2023) to see the change.");
  });
});

describe("level-change: when there is none", () => {
  const step = (n: number, k: number, lo: number, hi: number) => Array.from({ length: n }, (_, i) => (i < k ? lo : hi) + (i % 2 === 0 ? 1 : -1) * 0.5);
  it("one shift only (a baseline before the change): no warning", () => {
    const chart = runChart(step(24, 12, 10, 20), { baseline: 12 });
    expect(chart.signals.filter((s) => s.rule === "shift")).toHaveLength(1);
    expect(chart.warnings).toEqual([]);
  });
  it("two shifts on the same side: no warning", () => {
    // 7 high, 5 low, 1 high, 5 low, 7 high, 5 low: 15 of each, the median between them; the lows' runs are too short for a shift.
    const sides = "HHHHHHHLLLLLHLLLLLHHHHHHHLLLLL";
    const y = [...sides].map((c, i) => (c === "H" ? 30 + (i % 3) : 10 + (i % 2)));
    const chart = runChart(y);
    expect(chart.signals.filter((s) => s.rule === "shift").map((s) => s.side)).toEqual(["above", "above"]);
    expect(chart.warnings).toEqual([]);
  });
  it("a fixed centre: no warning (the caller chose it)", () => {
    const chart = runChart(step(24, 12, 10, 20), { centre: 15 });
    expect(chart.signals.filter((s) => s.rule === "shift").map((s) => s.side)).toEqual(["below", "above"]);
    expect(chart.warnings).toEqual([]);
  });
  it("several phases: the phase's shifts, and a new phase as the advice (a baseline count applies to every phase)", () => {
    const y = [...Array.from({ length: 10 }, (_, i) => 50 + (i % 2)), ...step(24, 12, 10, 20)];
    const chart = runChart(y, { phases: [10] });
    expect(chart.warnings).toEqual([{ code: "level-change", phase: 1, points: [10, 22], message: "The shift below the median from point 11 and the later one above it from point 23 together show a change in level around point 23, and the median mixes the time before and after it: give phases: [22] (a new phase from point 23) to see the change." }]);
  });
});
